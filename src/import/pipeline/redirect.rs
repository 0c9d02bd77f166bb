//! Why a payment's money does not go where its row said (an invoice an earlier row of
//! the same file already paid, or one with nothing open), kept as what was found:
//! `Display` writes the English the JSON's `note` and the kept bank rows have always
//! held; `crate::i18n::Described` says it in the language chosen.

use std::fmt;

/// The invoices the row named that could not take the money, and where it went.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Redirect {
    pub gone: Vec<Gone>,
    pub then: Then,
}

/// A named invoice that could not take the money (`line` is the file's line).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Gone {
    PaidBy { number: String, line: usize },
    PartlyPaidBy { number: String, line: usize },
    NothingOpen { number: String },
}

/// Where the money went instead.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Then {
    /// The named invoices still open.
    AppliedTo(Vec<String>),
    OldestFirst,
    Unapplied,
    /// What was left once the invoice partly paid earlier was settled (formatted).
    UnappliedLeft(String),
}

impl fmt::Display for Redirect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, gone) in self.gone.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            match gone {
                Gone::PaidBy { number, line } => {
                    write!(f, "{number} was paid by line {line} of this file")?
                }
                Gone::PartlyPaidBy { number, line } => {
                    write!(f, "{number} was partly paid by line {line} of this file")?
                }
                Gone::NothingOpen { number } => write!(f, "{number} has nothing open")?,
            }
        }
        match &self.then {
            Then::AppliedTo(names) => write!(f, ": applied to {}", names.join(", ")),
            Then::OldestFirst => f.write_str(": applied to its other open items, oldest first"),
            Then::Unapplied => f.write_str(": kept as unapplied credit"),
            Then::UnappliedLeft(amount) => write!(f, ": {amount} kept as unapplied credit"),
        }
    }
}

/// Writes a payment's note as its English text, as the JSON's `note` always was (the
/// derived form, with its parts, is what a kept bank row stores to say it again).
pub(super) fn as_english<S: serde::Serializer>(
    note: &Option<Redirect>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match note {
        Some(note) => serializer.collect_str(note),
        None => serializer.serialize_none(),
    }
}
