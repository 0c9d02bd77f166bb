//! Why the book refuses to open or resolve a dispute, kept as what was found so that the
//! screens and the command line say it in the language chosen (`crate::i18n`);
//! `Display` is the English the command line has always printed.

use std::fmt;

use super::DisputedItem;

/// Why a dispute was not opened or resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisputeRefusal {
    /// The reason (opening) or the outcome (resolving) was left empty.
    Empty {
        field: &'static str,
    },
    /// Only an invoice or a fee can be disputed; `kind` is the document's (`payment`).
    NotDisputable {
        number: String,
        kind: String,
    },
    NoInstallment {
        number: String,
        seq: u32,
    },
    NothingOpen {
        on: DisputedItem,
    },
    AlreadyOpen {
        on: DisputedItem,
        id: i64,
    },
    AlreadyResolved {
        id: i64,
        at: String,
    },
    CreditNotPositive,
    /// The credit asked for is more than what is still open (amounts as the book writes
    /// them).
    CreditTooLarge {
        credit: String,
        open: String,
        on: DisputedItem,
    },
}

impl fmt::Display for DisputeRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DisputeRefusal::Empty { field } => write!(f, "the {field} must not be empty"),
            DisputeRefusal::NotDisputable { number, kind } => write!(
                f,
                "{number} is a {kind}; only an invoice or a fee can be disputed"
            ),
            DisputeRefusal::NoInstallment { number, seq } => write!(
                f,
                "{number} has no installment {seq}; `owed ledger` shows its installments"
            ),
            DisputeRefusal::NothingOpen { on } => write!(
                f,
                "{on} has nothing open (paid, credited or voided); there is nothing left to dispute"
            ),
            DisputeRefusal::AlreadyOpen { on, id } => {
                write!(
                    f,
                    "{on} is already in open dispute {id}; resolve that one first"
                )
            }
            DisputeRefusal::AlreadyResolved { id, at } => write!(
                f,
                "dispute {id} was already resolved at {at}; a resolved dispute is never changed"
            ),
            DisputeRefusal::CreditNotPositive => {
                f.write_str("--credit must be more than zero (leave it out for no credit note)")
            }
            DisputeRefusal::CreditTooLarge { credit, open, on } => write!(
                f,
                "the credit of {credit} is more than the {open} still open on {on}"
            ),
        }
    }
}
