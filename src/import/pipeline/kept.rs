//! Why a bank row was kept as it was (the customer it was suggested for and why, the
//! look-alike that made it a probable duplicate, an amount the book cannot hold), kept
//! with the row as its parts, in JSON, so that the import screen and `owed import
//! unmatched` can say it again in the language chosen long after the import. `Display`
//! writes the English the row's `reason` has always held, word for word; rows kept
//! before the parts were (and rows the book refused at commit) have that text only.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Redirect, Resembles, Unpostable};
use crate::import::matching::Reason;

/// Why a kept bank row is as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeptWhy {
    /// Suggested for `code` (posted to them, or left for the user), and why; with where
    /// the money went instead of the invoice the row named, if it did.
    Suggested {
        code: String,
        reason: Reason,
        note: Option<Redirect>,
    },
    /// No suggestion, but the money went elsewhere than the row said.
    Redirected(Redirect),
    ProbableDuplicate(Resembles),
    Unpostable(Unpostable),
}

impl KeptWhy {
    /// The parts as stored with the row.
    pub fn to_json(&self) -> String {
        // A plain tree of strings and numbers: serialising it cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The parts a row was stored with; `None` for text that is not such parts (a row
    /// kept by an earlier Owed, or a later one's kind this build does not know), which
    /// is then shown as its stored English.
    pub fn from_json(text: &str) -> Option<KeptWhy> {
        serde_json::from_str(text).ok()
    }

    /// The customer the row was suggested for, one click from being paid as suggested.
    pub fn suggested(&self) -> Option<&str> {
        match self {
            KeptWhy::Suggested { code, .. } => Some(code),
            _ => None,
        }
    }
}

impl fmt::Display for KeptWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeptWhy::Suggested { code, reason, note } => {
                write!(f, "{code}: {reason}")?;
                match note {
                    Some(note) => write!(f, "; {note}"),
                    None => Ok(()),
                }
            }
            KeptWhy::Redirected(note) => write!(f, "{note}"),
            KeptWhy::ProbableDuplicate(why) => write!(f, "probable duplicate: {why}"),
            KeptWhy::Unpostable(why) => write!(f, "{why}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::matching::{ReasonPart, Twin};
    use crate::import::{Gone, Then};
    use crate::store::Lookalike;

    fn every_kind() -> Vec<KeptWhy> {
        let redirect = Redirect {
            gone: vec![Gone::PaidBy {
                number: "INV-7".into(),
                line: 3,
            }],
            then: Then::UnappliedLeft("12.50".into()),
        };
        vec![
            KeptWhy::Suggested {
                code: "C001".into(),
                reason: Reason::of(ReasonPart::NameExact {
                    name: "Acme Ltd".into(),
                })
                .and(ReasonPart::Twins {
                    count: 2,
                    listed: vec![Twin {
                        code: "C002".into(),
                        balance: "1,200.00".into(),
                        open: 3,
                    }],
                    more: 0,
                }),
                note: Some(redirect.clone()),
            },
            KeptWhy::Suggested {
                code: "C9".into(),
                reason: Reason::of(ReasonPart::EqualsItems {
                    items: vec!["INV-1".into(), "INV-2/2".into()],
                }),
                note: None,
            },
            KeptWhy::Redirected(redirect),
            KeptWhy::ProbableDuplicate(Resembles(Some(Lookalike::BankRow {
                file_name: "nov.csv".into(),
                line: 4,
                batch_id: 2,
            }))),
            KeptWhy::ProbableDuplicate(Resembles(Some(Lookalike::Payment {
                number: "PAY-3".into(),
                customer: "C001".into(),
            }))),
            KeptWhy::Unpostable(Unpostable {
                amount: "10.005".into(),
                currency: "USD".into(),
                decimals: 2,
            }),
        ]
    }

    #[test]
    fn its_parts_come_back_as_they_were_stored() {
        for why in every_kind() {
            assert_eq!(KeptWhy::from_json(&why.to_json()), Some(why.clone()));
        }
    }

    #[test]
    fn it_reads_in_english_as_the_rows_reason_always_did() {
        let said: Vec<String> = every_kind().iter().map(ToString::to_string).collect();
        assert_eq!(
            said[0],
            "C001: name 'Acme Ltd' in the text; 2 customers share the name: C002 \
             (balance 1,200.00, 3 open items); INV-7 was paid by line 3 of this file: \
             12.50 kept as unapplied credit"
        );
        assert_eq!(
            said[3],
            "probable duplicate: same date and amount as line 4 of nov.csv (import 2), with other text"
        );
        assert_eq!(
            said[5],
            "10.005 has more decimals than USD allows (2): kept unmatched"
        );
    }

    #[test]
    fn text_that_is_not_parts_is_left_as_text() {
        assert_eq!(KeptWhy::from_json("C001: exact name match: Acme"), None);
        assert_eq!(KeptWhy::from_json(""), None);
        assert_eq!(KeptWhy::from_json("{\"later-kind\":1}"), None);
        assert_eq!(every_kind()[1].suggested(), Some("C9"));
        assert_eq!(every_kind()[2].suggested(), None);
    }
}
