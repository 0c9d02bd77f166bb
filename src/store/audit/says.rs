//! The words the book writes into an audit entry's `new` value for an override, a
//! dispute and an acknowledged risk band, written and read back in one place: the
//! English stays in the log (and in `owed audit list`'s JSON and CSV), and the ledger's
//! history says what it reads back in the language chosen. Words written by another
//! version that do not read back are shown as stored.

use std::fmt;

use super::AuditAction;

/// What an audit entry's `new` value says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntrySays {
    /// `INV-7 posted while on hold`
    PostedOnHold { number: String },
    /// `INV-7 1200.00 posted over the limit: balance 4500.00 would be 5700.00, 700.00 over`
    /// (plain amounts, as stored amounts are).
    PostedOverLimit {
        number: String,
        amount: String,
        balance: String,
        would_be: String,
        over: String,
    },
    /// `3 open on INV-7` or `3 open on INV-7 installment 2`
    DisputeOpen {
        id: i64,
        number: String,
        installment: Option<u32>,
    },
    /// `3 resolved`
    DisputeResolved { id: i64 },
    /// `high (64)`: the band's key and the score.
    RiskSeen { band: String, score: i64 },
}

impl fmt::Display for EntrySays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntrySays::PostedOnHold { number } => write!(f, "{number} posted while on hold"),
            EntrySays::PostedOverLimit {
                number,
                amount,
                balance,
                would_be,
                over,
            } => write!(
                f,
                "{number} {amount} posted over the limit: balance {balance} would be {would_be}, {over} over"
            ),
            EntrySays::DisputeOpen {
                id,
                number,
                installment,
            } => match installment {
                Some(seq) => write!(f, "{id} open on {number} installment {seq}"),
                None => write!(f, "{id} open on {number}"),
            },
            EntrySays::DisputeResolved { id } => write!(f, "{id} resolved"),
            EntrySays::RiskSeen { band, score } => write!(f, "{band} ({score})"),
        }
    }
}

impl EntrySays {
    /// Reads back the `text` an entry of `action` holds; `None` when it is not in the
    /// words the book writes for that action (a customer's name, say, that happens to
    /// end in a number in brackets is never a risk band).
    pub fn read(action: AuditAction, text: &str) -> Option<EntrySays> {
        let says = EntrySays::read_any(text)?;
        let fits = matches!(
            (action, &says),
            (
                AuditAction::Override,
                EntrySays::PostedOnHold { .. } | EntrySays::PostedOverLimit { .. }
            ) | (
                AuditAction::Dispute,
                EntrySays::DisputeOpen { .. } | EntrySays::DisputeResolved { .. }
            ) | (AuditAction::RiskSeen, EntrySays::RiskSeen { .. })
        );
        fits.then_some(says)
    }

    fn read_any(text: &str) -> Option<EntrySays> {
        if let Some(number) = text.strip_suffix(" posted while on hold") {
            return Some(EntrySays::PostedOnHold {
                number: number.to_string(),
            });
        }
        if let Some((head, tail)) = text.split_once(" posted over the limit: balance ") {
            let (number, amount) = head.rsplit_once(' ')?;
            let (balance, rest) = tail.split_once(" would be ")?;
            let (would_be, over) = rest.split_once(", ")?;
            let over = over.strip_suffix(" over")?;
            return Some(EntrySays::PostedOverLimit {
                number: number.to_string(),
                amount: amount.to_string(),
                balance: balance.to_string(),
                would_be: would_be.to_string(),
                over: over.to_string(),
            });
        }
        if let Some(id) = text.strip_suffix(" resolved") {
            return Some(EntrySays::DisputeResolved {
                id: id.parse().ok()?,
            });
        }
        if let Some((id, on)) = text.split_once(" open on ") {
            let id = id.parse().ok()?;
            let (number, installment) = match on.rsplit_once(" installment ") {
                Some((number, seq)) => (number, Some(seq.parse().ok()?)),
                None => (on, None),
            };
            return Some(EntrySays::DisputeOpen {
                id,
                number: number.to_string(),
                installment,
            });
        }
        let (band, score) = text.strip_suffix(')')?.split_once(" (")?;
        Some(EntrySays::RiskSeen {
            band: band.to_string(),
            score: score.parse().ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back() {
        for says in [
            EntrySays::PostedOnHold {
                number: "INV 7".into(),
            },
            EntrySays::PostedOverLimit {
                number: "INV-7".into(),
                amount: "1200.00".into(),
                balance: "4500.00".into(),
                would_be: "5700.00".into(),
                over: "-700.00".into(),
            },
            EntrySays::DisputeOpen {
                id: 3,
                number: "INV-7".into(),
                installment: Some(2),
            },
            EntrySays::DisputeOpen {
                id: 12,
                number: "A open on B".into(),
                installment: None,
            },
            EntrySays::DisputeResolved { id: 3 },
            EntrySays::RiskSeen {
                band: "high".into(),
                score: 64,
            },
        ] {
            let action = match says {
                EntrySays::PostedOnHold { .. } | EntrySays::PostedOverLimit { .. } => {
                    AuditAction::Override
                }
                EntrySays::DisputeOpen { .. } | EntrySays::DisputeResolved { .. } => {
                    AuditAction::Dispute
                }
                EntrySays::RiskSeen { .. } => AuditAction::RiskSeen,
            };
            assert_eq!(
                EntrySays::read(action, &says.to_string()),
                Some(says.clone())
            );
        }
    }

    #[test]
    fn words_of_another_action_are_not_read() {
        assert_eq!(
            EntrySays::read(AuditAction::CustomerAdd, "C1 Acme (2)"),
            None
        );
        assert_eq!(EntrySays::read(AuditAction::Override, "high (64)"), None);
    }

    #[test]
    fn other_words_are_not_read() {
        for text in ["", "yes", "something (else)", "x resolved", "x open on y"] {
            assert_eq!(EntrySays::read_any(text), None, "{text}");
        }
    }
}
