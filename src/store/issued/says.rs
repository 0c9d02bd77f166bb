//! The words the book writes into the collection note of a letter it issues and of an
//! email the mail server took, written and read back in one place ([`IssuedSays`]): the
//! English stays in the book (and in `owed note list`'s JSON and CSV), and the screens
//! and the command line's tables say what they read back in the language chosen.

use std::fmt;

use crate::domain::email::EmailKind;
use crate::domain::letters::Level;

/// How a payment reminder's collection note begins, followed by the letter's date
/// (`Payment reminder (level 0) of 2026-11-23 sent: …`).
pub const PAYMENT_REMINDER_NOTE: &str = "Payment reminder (level 0) of ";

/// What the note of an issued letter or a delivered email says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssuedSays {
    /// `Letter level 2 (second notice) sent: EUR 1,234.50 overdue, pay by 2026-12-04`
    Letter {
        level: Level,
        amount: String,
        deadline: String,
    },
    /// `Payment reminder (level 0) of 2026-11-23 sent: EUR 500.00 falling due, first on
    /// 2026-11-30`
    Reminder {
        date: String,
        amount: String,
        first: String,
    },
    /// `Emailed letter level 1 (issued 3) to ap@x.com: Reminder: …`
    Emailed {
        what: EmailKind,
        issued: i64,
        to: String,
        subject: String,
    },
}

/// How the note of a statement the book emailed begins: a routine note, as a printed
/// statement (which logs none) — it supersedes no promise or follow-up.
pub const EMAILED_STATEMENT_NOTE: &str = "Emailed statement (issued ";

impl fmt::Display for IssuedSays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssuedSays::Letter {
                level,
                amount,
                deadline,
            } => write!(
                f,
                "Letter level {} ({}) sent: {amount} overdue, pay by {deadline}",
                level.number(),
                level.name()
            ),
            IssuedSays::Reminder {
                date,
                amount,
                first,
            } => write!(
                f,
                "{PAYMENT_REMINDER_NOTE}{date} sent: {amount} falling due, first on {first}"
            ),
            IssuedSays::Emailed {
                what,
                issued,
                to,
                subject,
            } => {
                let what = match what {
                    EmailKind::Statement => "statement".to_string(),
                    EmailKind::Letter(level) => format!("letter level {}", level.number()),
                };
                write!(f, "Emailed {what} (issued {issued}) to {to}: {subject}")
            }
        }
    }
}

impl IssuedSays {
    /// What `text` says, when the book wrote it in these words.
    pub fn read(text: &str) -> Option<IssuedSays> {
        if let Some(rest) = text.strip_prefix("Letter level ") {
            let (number, rest) = rest.split_once(" (")?;
            let level = Level::from_number(number.parse().ok()?)?;
            let rest = rest.strip_prefix(level.name())?.strip_prefix(") sent: ")?;
            let (amount, deadline) = rest.split_once(" overdue, pay by ")?;
            return Some(IssuedSays::Letter {
                level,
                amount: amount.to_string(),
                deadline: deadline.to_string(),
            });
        }
        if let Some(rest) = text.strip_prefix(PAYMENT_REMINDER_NOTE) {
            let (date, rest) = rest.split_once(" sent: ")?;
            let (amount, first) = rest.split_once(" falling due, first on ")?;
            return Some(IssuedSays::Reminder {
                date: date.to_string(),
                amount: amount.to_string(),
                first: first.to_string(),
            });
        }
        let rest = text.strip_prefix("Emailed ")?;
        let (what, rest) = rest.split_once(" (issued ")?;
        let what = match what {
            "statement" => EmailKind::Statement,
            letter => EmailKind::Letter(Level::any_from_number(
                letter.strip_prefix("letter level ")?.parse().ok()?,
            )?),
        };
        let (issued, rest) = rest.split_once(") to ")?;
        let (to, subject) = rest.split_once(": ")?;
        Some(IssuedSays::Emailed {
            what,
            issued: issued.parse().ok()?,
            to: to.to_string(),
            subject: subject.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_emailed_begins_as_its_routine_note_does() {
        let says = IssuedSays::Emailed {
            what: EmailKind::Statement,
            issued: 7,
            to: "ap@x.example".into(),
            subject: "Statement".into(),
        };
        assert!(says.to_string().starts_with(EMAILED_STATEMENT_NOTE));
        let letter = IssuedSays::Emailed {
            what: EmailKind::Letter(Level::Reminder),
            issued: 7,
            to: "ap@x.example".into(),
            subject: "Reminder".into(),
        };
        assert!(!letter.to_string().starts_with(EMAILED_STATEMENT_NOTE));
    }

    #[test]
    fn what_the_book_writes_is_read_back_and_nothing_else() {
        for says in [
            IssuedSays::Letter {
                level: Level::SecondNotice,
                amount: "EUR 1,234.50".into(),
                deadline: "2026-12-04".into(),
            },
            IssuedSays::Reminder {
                date: "2026-11-23".into(),
                amount: "EUR 500.00".into(),
                first: "2026-11-30".into(),
            },
            IssuedSays::Emailed {
                what: EmailKind::Letter(Level::Reminder),
                issued: 3,
                to: "ap@x.com, boss@x.com".into(),
                subject: "Reminder: EUR 1.00 overdue: please".into(),
            },
            IssuedSays::Emailed {
                what: EmailKind::Statement,
                issued: 12,
                to: "ap@x.com".into(),
                subject: "Acme 2026-11 对账单".into(),
            },
        ] {
            assert_eq!(
                IssuedSays::read(&says.to_string()),
                Some(says.clone()),
                "{says}"
            );
        }
        for text in [
            "Letter level 9 (x) sent: 1 overdue, pay by 2",
            "Letter level 2 (final demand) sent: EUR 1 overdue, pay by 2026-12-04",
            "Emailed invoice (issued 1) to a@x.com: hi",
            "Called Anna, promised Friday",
        ] {
            assert_eq!(IssuedSays::read(text), None, "{text}");
        }
    }
}
