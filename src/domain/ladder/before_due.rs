//! The level-0 payment reminder as a letter (`letter.0.send`): which customers are due
//! one on a run date. It is no rung of the ladder: only a customer with nothing overdue
//! gets one (anyone overdue is the ladder's), for its undisputed items falling due from
//! the run date through `letter.0.days_before` days after it, unless its unapplied
//! credit covers them, it is paused, or an earlier payment reminder already covered
//! every one of them (a reminder dated D covers the items falling due by D plus the
//! days before, so a daily run writes one reminder per batch of items, not one a day).

use chrono::{Days, NaiveDate};

use super::{CustomerFacts, ReminderRules};
use crate::domain::Money;

/// A payment reminder due before the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BeforeDue {
    /// The first and last due dates of the items falling due.
    pub first_due: NaiveDate,
    pub last_due: NaiveDate,
    /// What is open on them.
    pub total: Money,
    pub items: usize,
}

impl std::fmt::Display for BeforeDue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} item(s) falling due {}{}: payment reminder before the due date",
            self.items,
            self.first_due,
            if self.last_due == self.first_due {
                String::new()
            } else {
                format!(" to {}", self.last_due)
            }
        )
    }
}

/// The last day an item may fall due on to be in a payment reminder dated `date`.
pub fn reminder_until(date: NaiveDate, rules: &ReminderRules) -> NaiveDate {
    date.checked_add_days(Days::new(rules.days_before.max(0) as u64))
        .unwrap_or(date)
}

/// Whether `facts`' customer is due a payment reminder letter on `date`; `reminders` are
/// the dates of the payment reminders already sent to it.
pub fn decide_before_due(
    date: NaiveDate,
    facts: &CustomerFacts<'_>,
    reminders: &[NaiveDate],
    rules: &ReminderRules,
) -> Option<BeforeDue> {
    if !(rules.enabled && rules.send) {
        return None;
    }
    if facts.pause.is_some_and(|p| date <= p.until) {
        return None;
    }
    // Anything overdue is the ladder's to deal with.
    if facts
        .items
        .iter()
        .any(|i| i.due < date && i.open.is_positive())
    {
        return None;
    }
    let until = reminder_until(date, rules);
    let coming = facts
        .items
        .iter()
        .filter(|i| i.open.is_positive() && !i.disputed && i.due >= date && i.due <= until);
    let total: Money = coming.clone().map(|i| i.open).sum();
    if !total.is_positive() || facts.credit >= total {
        return None;
    }
    // Covered by an earlier reminder: each item fell due within that one's days.
    let covered_until = reminders
        .iter()
        .filter(|d| **d <= date)
        .map(|d| reminder_until(*d, rules))
        .max();
    if coming
        .clone()
        .all(|i| covered_until.is_some_and(|c| i.due <= c))
    {
        return None;
    }
    Some(BeforeDue {
        first_due: coming.clone().map(|i| i.due).min()?,
        last_due: coming.clone().map(|i| i.due).max()?,
        total,
        items: coming.count(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::{OpenItem, Pause};
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn item(due: &str, open: i64) -> OpenItem {
        OpenItem {
            due: d(due),
            open: Money(rust_decimal::Decimal::new(open, 2)),
            disputed: false,
        }
    }

    const SEND: ReminderRules = ReminderRules {
        enabled: true,
        days_before: 3,
        send: true,
    };

    fn facts<'a>(items: &'a [OpenItem], pause: Option<Pause<'a>>) -> CustomerFacts<'a> {
        CustomerFacts {
            items,
            credit: Money::ZERO,
            letters: &[],
            settled: &[],
            promises: &[],
            pause,
        }
    }

    #[test]
    fn items_falling_due_within_the_days_before_are_reminded_once() {
        let items = [
            item("2026-11-25", 10_000),
            item("2026-11-26", 5_000),
            item("2026-12-20", 7_000),
        ];
        let due = decide_before_due(d("2026-11-23"), &facts(&items, None), &[], &SEND).unwrap();
        assert_eq!(
            (due.first_due, due.last_due, due.items),
            (d("2026-11-25"), d("2026-11-26"), 2)
        );
        assert_eq!(due.total, Money(rust_decimal::Decimal::new(15_000, 2)));
        assert_eq!(
            due.to_string(),
            "2 item(s) falling due 2026-11-25 to 2026-11-26: payment reminder before the due date"
        );
        // Sent on 11-23: the next day's run has nothing new to remind of.
        let sent = [d("2026-11-23")];
        assert_eq!(
            decide_before_due(d("2026-11-24"), &facts(&items, None), &sent, &SEND),
            None
        );
        // The December item comes into its own window later: a new reminder.
        let later = decide_before_due(d("2026-12-17"), &facts(&items[2..], None), &sent, &SEND);
        assert_eq!(later.map(|b| b.first_due), Some(d("2026-12-20")));
    }

    #[test]
    fn off_paused_overdue_or_covered_means_no_reminder() {
        let items = [item("2026-11-25", 10_000)];
        let date = d("2026-11-23");
        let off = ReminderRules {
            send: false,
            ..SEND
        };
        assert_eq!(
            decide_before_due(date, &facts(&items, None), &[], &off),
            None
        );
        let pause = Pause {
            until: d("2026-11-30"),
            reason: "away",
        };
        assert_eq!(
            decide_before_due(date, &facts(&items, Some(pause)), &[], &SEND),
            None
        );
        let with_overdue = [item("2026-11-01", 100), item("2026-11-25", 10_000)];
        assert_eq!(
            decide_before_due(date, &facts(&with_overdue, None), &[], &SEND),
            None
        );
        let mut covered = facts(&items, None);
        covered.credit = Money(rust_decimal::Decimal::new(10_000, 2));
        assert_eq!(decide_before_due(date, &covered, &[], &SEND), None);
    }
}
