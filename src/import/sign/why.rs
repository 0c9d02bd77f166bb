//! Why the amounts' sign was read as it was, kept as what was found (the card words,
//! the line, the counts): `Display` writes the English the import's JSON
//! (`sign_reason`) has always held; `crate::i18n::Described` says it in the language
//! chosen.

use std::fmt;

use crate::import::Sign;

/// What says the file is a card statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardSeen {
    /// A preamble line's words (`line` is the file's line).
    Title { line: usize, text: String },
    /// A column's name.
    Column(String),
}

/// Why the sign was read so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignWhy {
    /// Asked for with `--sign`.
    Hint(Sign),
    /// Unsigned amounts with `+` before money in.
    ShapeInverted,
    /// A card statement whose `line` is a purchase or repayment read with `sign`.
    CardRow {
        card: CardSeen,
        line: usize,
        sign: Sign,
    },
    /// A card statement whose running balance moves with the amounts.
    CardBalance { card: CardSeen, sign: Sign },
    /// A card statement with `count` of `total` amounts of one sign.
    CardMostly {
        card: CardSeen,
        sign: Sign,
        count: usize,
        total: usize,
    },
}

/// Why the sign must be asked for: the file looks like a card statement, and its rows
/// do not settle which sign a purchase has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignDoubt {
    pub card: CardSeen,
    pub rows: DoubtRows,
}

/// What the rows of a file in [`SignDoubt`] say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DoubtRows {
    /// Nothing either way.
    Silent,
    /// Only a card column, and this line reads like a card's purchase or repayment.
    ReadsLikeCard(usize),
    /// Some rows read one way, others the other.
    Disagree,
}

impl fmt::Display for SignDoubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the file looks like a card statement ({})", self.card)?;
        match self.rows {
            DoubtRows::Silent => Ok(()),
            DoubtRows::ReadsLikeCard(line) => write!(
                f,
                " and line {line} reads like a card's purchase or repayment"
            ),
            DoubtRows::Disagree => f.write_str(" and its rows disagree"),
        }
    }
}

impl fmt::Display for CardSeen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardSeen::Title { line, text } => write!(f, "line {line} says '{text}'"),
            CardSeen::Column(name) => write!(f, "the column '{name}'"),
        }
    }
}

impl fmt::Display for SignWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Purchases are positive when the file is read inverted (the issuer's side).
        let purchases = |sign: &Sign| match sign {
            Sign::Inverted => "positive",
            Sign::Normal => "negative",
        };
        match self {
            SignWhy::Hint(sign) => write!(f, "--sign {}", sign.as_str()),
            SignWhy::ShapeInverted => {
                f.write_str("unsigned amounts are money out, '+' marks money in")
            }
            SignWhy::CardRow { card, line, sign } => write!(
                f,
                "a card statement ({card}) whose line {line} shows purchases {}",
                purchases(sign)
            ),
            SignWhy::CardBalance { card, sign } => {
                let side = purchases(sign);
                write!(
                    f,
                    "a card statement ({card}) whose balance moves with the amounts and is {side}, so purchases are {side}"
                )
            }
            SignWhy::CardMostly {
                card,
                sign,
                count,
                total,
            } => write!(
                f,
                "a card statement ({card}) with {count} of {total} amounts {}",
                purchases(sign)
            ),
        }
    }
}

/// Written as its English text, as the JSON's `sign_reason` always was.
impl serde::Serialize for SignWhy {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
