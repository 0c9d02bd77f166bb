//! The customers the ladder holds today — something overdue, but no letter — listed on
//! the letters panel with the reason in words in the screen's language: read with the
//! letters due (one aging for both), each with its name and overdue amount, sorted by
//! reason (the ones that need a person first), then the largest amount first.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::Money;
use crate::domain::ladder::HeldReason;
use crate::report::letters::{self, DueLetter, UnmatchedMoney};
use crate::report::statement::Context;
use crate::store::Store;
use crate::ui::errors::Described;

/// A customer held today, as the panel lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldRow {
    pub code: String,
    pub name: String,
    /// Everything past due (disputed or not, before credit).
    pub overdue: Money,
    pub reason: HeldReason,
}

/// What the letters panel shows: the ladder's verdict today, the held customers with
/// their names and amounts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LettersToday {
    pub due: Vec<DueLetter>,
    pub held: Vec<HeldRow>,
    pub unmatched: Vec<UnmatchedMoney>,
}

/// Runs the ladder on `date` (as `owed letters --due`) and dresses the held customers
/// for the list, from the same aging.
pub fn letters_today(store: &Store, date: NaiveDate) -> Result<LettersToday, String> {
    let context = Context::new(store, date, None).map_err(|e| e.described())?;
    let run = letters::letter_run_with(store, &context).map_err(|e| e.described())?;
    let customers: HashMap<String, (crate::domain::ids::CustomerId, String)> = store
        .customers()
        .map_err(|e| e.described())?
        .into_iter()
        .map(|c| (c.code, (c.id, c.name)))
        .collect();
    let mut held: Vec<HeldRow> = run
        .held
        .into_iter()
        .map(|h| {
            let (name, overdue) = match customers.get(&h.customer) {
                Some((id, name)) => (
                    name.clone(),
                    context
                        .aging_items(*id)
                        .iter()
                        .filter(|i| i.due < date)
                        .map(|i| i.open)
                        .sum(),
                ),
                None => (String::new(), Money::ZERO),
            };
            HeldRow {
                code: h.customer,
                name,
                overdue,
                reason: h.reason,
            }
        })
        .collect();
    sort_held(&mut held);
    Ok(LettersToday {
        due: run.due,
        held,
        unmatched: run.unmatched,
    })
}

/// Where a reason sorts: the holds that end with nothing more the ladder can do (top
/// rung sent, a level switched off) and the ones a person set (pause, promise, dispute)
/// first; the ones that pass on their own (credit, tolerance, timing) after.
fn reason_rank(reason: &HeldReason) -> u8 {
    match reason {
        HeldReason::TopSent { .. } => 0,
        HeldReason::SwitchedOff { .. } => 1,
        HeldReason::Paused { .. } => 2,
        HeldReason::Promise { .. } => 3,
        HeldReason::AllDisputed => 4,
        HeldReason::CreditCovers => 5,
        HeldReason::BelowTolerance { .. } => 6,
        HeldReason::Interval { .. } => 7,
        HeldReason::Threshold { .. } => 8,
    }
}

/// By reason, then the largest overdue first, then by code.
pub fn sort_held(held: &mut [HeldRow]) {
    held.sort_by(|a, b| {
        reason_rank(&a.reason)
            .cmp(&reason_rank(&b.reason))
            .then(b.overdue.cmp(&a.overdue))
            .then_with(|| a.code.cmp(&b.code))
    });
}

/// Why the ladder holds the customer, in a sentence in the screen's language (shared
/// with the command line).
pub use crate::i18n::words::held_reason_text as reason_text;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;
    use crate::domain::letters::Level;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn row(code: &str, overdue: i64, reason: HeldReason) -> HeldRow {
        HeldRow {
            code: code.into(),
            name: String::new(),
            overdue: Money(overdue.into()),
            reason,
        }
    }

    #[test]
    fn held_customers_sort_by_reason_then_the_largest_amount() {
        let mut held = vec![
            row("A", 500, HeldReason::CreditCovers),
            row(
                "B",
                100,
                HeldReason::Promise {
                    until: day("2026-12-01"),
                },
            ),
            row("C", 900, HeldReason::CreditCovers),
            row(
                "D",
                50,
                HeldReason::TopSent {
                    sent: day("2026-10-01"),
                },
            ),
        ];
        sort_held(&mut held);
        let codes: Vec<&str> = held.iter().map(|h| h.code.as_str()).collect();
        assert_eq!(codes, ["D", "B", "C", "A"]);
    }

    #[test]
    fn every_reason_is_put_in_words_with_its_values() {
        let usd = Currency::default();
        let cases = [
            (
                HeldReason::Paused {
                    until: day("2026-12-01"),
                    reason: "owner in hospital".into(),
                },
                "Paused until 2026-12-01: owner in hospital",
            ),
            (HeldReason::AllDisputed, "Every overdue item is in dispute"),
            (
                HeldReason::CreditCovers,
                "Unapplied credit covers what is overdue",
            ),
            (
                HeldReason::Promise {
                    until: day("2026-11-30"),
                },
                "Promised to pay by 2026-11-30",
            ),
            (
                HeldReason::Interval {
                    last: day("2026-11-10"),
                    next_on: day("2026-11-24"),
                },
                "Interval not passed: last letter 2026-11-10, next possible 2026-11-24",
            ),
            (
                HeldReason::Threshold {
                    level: Level::SecondNotice,
                    threshold: 15,
                    days_overdue: 9,
                },
                "Not yet 15 days overdue for level 2 (second notice) (9 days now)",
            ),
            (
                HeldReason::SwitchedOff {
                    level: Level::FinalDemand,
                },
                "The next rung, level 3 (final demand), is switched off",
            ),
            (
                HeldReason::TopSent {
                    sent: day("2026-10-01"),
                },
                "The last rung, level 4 (notice before legal action), was already sent on 2026-10-01",
            ),
        ];
        for (reason, words) in cases {
            assert_eq!(reason_text(&reason, &usd), words);
        }
        let tolerance = reason_text(
            &HeldReason::BelowTolerance {
                net_overdue: usd.parse("3.50").unwrap(),
                tolerance: usd.parse("5.00").unwrap(),
            },
            &usd,
        );
        assert_eq!(
            tolerance,
            "Below the small-balance tolerance (3.50 net overdue, tolerance 5.00)"
        );
    }
}
