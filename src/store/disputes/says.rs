//! The words the book writes into the collection note (and the credit note's memo) of a
//! dispute it opens or resolves, written and read back in one place: the English stays
//! in the book (and in `owed note list`'s JSON and CSV), and the screens and the
//! command line's tables say what they read back in the language chosen. A note a person
//! wrote in these words reads back the same, and is said the same.

use std::fmt;

/// What a dispute's note says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteSays {
    /// `Dispute 3 opened on INV-7 installment 2: wrong goods`
    Opened {
        id: i64,
        on: DisputedItem,
        reason: String,
    },
    /// `Dispute 3 on INV-7 resolved` or `…, credit note CN-000004 for $50.00`
    Resolved {
        id: i64,
        on: DisputedItem,
        /// The credit note's number and amount (as the book's currency writes it).
        credit: Option<(String, String)>,
    },
    /// The credit note's memo: `Dispute 3 on INV-7: agreed half`
    CreditMemo {
        id: i64,
        on: DisputedItem,
        outcome: String,
    },
}

/// The invoice disputed, and the installment if only one is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputedItem {
    pub number: String,
    pub installment: Option<u32>,
}

impl fmt::Display for DisputedItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.installment {
            Some(seq) => write!(f, "{} installment {seq}", self.number),
            None => f.write_str(&self.number),
        }
    }
}

impl DisputedItem {
    fn read(text: &str) -> DisputedItem {
        match text.rsplit_once(" installment ") {
            Some((number, seq)) if seq.parse::<u32>().is_ok() => DisputedItem {
                number: number.to_string(),
                installment: seq.parse().ok(),
            },
            _ => DisputedItem {
                number: text.to_string(),
                installment: None,
            },
        }
    }
}

impl fmt::Display for NoteSays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoteSays::Opened { id, on, reason } => {
                write!(f, "Dispute {id} opened on {on}: {reason}")
            }
            NoteSays::Resolved { id, on, credit } => match credit {
                Some((number, amount)) => write!(
                    f,
                    "Dispute {id} on {on} resolved, credit note {number} for {amount}"
                ),
                None => write!(f, "Dispute {id} on {on} resolved"),
            },
            NoteSays::CreditMemo { id, on, outcome } => {
                write!(f, "Dispute {id} on {on}: {outcome}")
            }
        }
    }
}

impl NoteSays {
    /// Reads `text` back; `None` when it is not in these words.
    pub fn read(text: &str) -> Option<NoteSays> {
        let rest = text.strip_prefix("Dispute ")?;
        let (id, rest) = rest.split_once(' ')?;
        let id: i64 = id.parse().ok()?;
        if let Some(rest) = rest.strip_prefix("opened on ") {
            let (on, reason) = rest.split_once(": ")?;
            return Some(NoteSays::Opened {
                id,
                on: DisputedItem::read(on),
                reason: reason.to_string(),
            });
        }
        let rest = rest.strip_prefix("on ")?;
        if let Some((on, credit)) = rest.split_once(" resolved, credit note ") {
            let (number, amount) = credit.split_once(" for ")?;
            return Some(NoteSays::Resolved {
                id,
                on: DisputedItem::read(on),
                credit: Some((number.to_string(), amount.to_string())),
            });
        }
        if let Some(on) = rest.strip_suffix(" resolved") {
            return Some(NoteSays::Resolved {
                id,
                on: DisputedItem::read(on),
                credit: None,
            });
        }
        let (on, outcome) = rest.split_once(": ")?;
        Some(NoteSays::CreditMemo {
            id,
            on: DisputedItem::read(on),
            outcome: outcome.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(number: &str, installment: Option<u32>) -> DisputedItem {
        DisputedItem {
            number: number.into(),
            installment,
        }
    }

    #[test]
    fn what_is_written_reads_back() {
        for says in [
            NoteSays::Opened {
                id: 3,
                on: on("INV-7", Some(2)),
                reason: "wrong goods: half the order".into(),
            },
            NoteSays::Opened {
                id: 12,
                on: on("INV 7", None),
                reason: "damaged".into(),
            },
            NoteSays::Resolved {
                id: 3,
                on: on("INV-7", None),
                credit: Some(("CN-000004".into(), "$1,050.00".into())),
            },
            NoteSays::Resolved {
                id: 3,
                on: on("INV-7", Some(1)),
                credit: None,
            },
            NoteSays::CreditMemo {
                id: 3,
                on: on("INV-7", None),
                outcome: "agreed: half".into(),
            },
        ] {
            assert_eq!(NoteSays::read(&says.to_string()), Some(says.clone()));
        }
    }

    #[test]
    fn other_words_are_not_read() {
        for text in [
            "",
            "Called Acme",
            "Dispute x opened on INV-1: y",
            "Dispute 3",
        ] {
            assert_eq!(NoteSays::read(text), None, "{text}");
        }
    }
}
