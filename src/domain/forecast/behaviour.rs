//! What the book's history says about how its customers pay: each customer's days late
//! (settled date − due date, negative when paid early), weighted by amount, and the
//! share of the items that went N or more days overdue that were settled in the end.
//! Pure: the forecast hands in the items, these measure them.

use chrono::NaiveDate;

use super::PastItem;

/// Parts per million: the unit the week shares and collection shares are kept in, so
/// every weight stays an integer and an amount times a weight fits in an `i128`.
pub const PPM: i64 = 1_000_000;

/// The overdue thresholds the collection share is measured at: an item 45 days overdue
/// is discounted by the share collected of the items that went 31 or more days overdue.
pub const OVERDUE_THRESHOLDS: [i64; 6] = [1, 31, 61, 91, 181, 366];

/// An item still open is counted as not collected at a threshold only once it has stayed
/// unpaid this many days past it: money 31 days overdue yesterday may well come today.
pub const MATURE_DAYS: i64 = 30;

/// Days late of settled items, amount-weighted: the days sorted, with the running sum of
/// the amounts settled that many days late or earlier.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lateness {
    days: Vec<i64>,
    cumulative: Vec<i128>,
    items: usize,
}

impl Lateness {
    /// From (days late, amount in minor units) pairs; amounts of zero or less are left out.
    pub fn new(mut samples: Vec<(i64, i64)>) -> Lateness {
        samples.retain(|(_, amount)| *amount > 0);
        samples.sort_unstable();
        let mut out = Lateness {
            items: samples.len(),
            ..Lateness::default()
        };
        let mut running: i128 = 0;
        for (days, amount) in samples {
            running += i128::from(amount);
            if out.days.last() == Some(&days) {
                *out.cumulative.last_mut().expect("pushed with its day") = running;
            } else {
                out.days.push(days);
                out.cumulative.push(running);
            }
        }
        out
    }

    /// How many settled items it was measured on.
    pub fn items(&self) -> usize {
        self.items
    }

    /// The amount settled at most `days` late.
    fn up_to(&self, days: i64) -> i128 {
        match self.days.partition_point(|d| *d <= days) {
            0 => 0,
            n => self.cumulative[n - 1],
        }
    }

    /// The amount settled `from` through `to` days late (both included).
    pub fn between(&self, from: i64, to: i64) -> i128 {
        if to < from {
            return 0;
        }
        self.up_to(to) - self.up_to(from - 1)
    }

    /// The amount settled `from` or more days late.
    pub fn from(&self, from: i64) -> i128 {
        self.cumulative.last().copied().unwrap_or(0) - self.up_to(from - 1)
    }
}

/// A share as (collected, reached) in minor units; `reached` is never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub collected: i128,
    pub reached: i128,
}

impl Share {
    pub const ALL: Share = Share {
        collected: 1,
        reached: 1,
    };

    /// The share in parts per million, rounded down.
    pub fn ppm(self) -> i64 {
        i64::try_from(self.collected.max(0) * i128::from(PPM) / self.reached).unwrap_or(PPM)
    }
}

/// The share of the items that went N or more days overdue that were collected, for
/// each of [`OVERDUE_THRESHOLDS`], as of a day: an item counts at N when it stayed open
/// at least N days past its due date — settled N or more days late, or still open on
/// the day and by then N + [`MATURE_DAYS`] days overdue; it was collected when it was
/// settled by the day. By the items' whole amounts. A threshold no item reached takes
/// the share of the one below it (all collected below the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionShares {
    shares: [Share; OVERDUE_THRESHOLDS.len()],
}

impl CollectionShares {
    pub fn measure(items: &[PastItem], as_of: NaiveDate) -> CollectionShares {
        let mut reached = [0i128; OVERDUE_THRESHOLDS.len()];
        let mut collected = [0i128; OVERDUE_THRESHOLDS.len()];
        for item in items.iter().filter(|i| i.amount > 0) {
            let (late, paid) = match item.settled {
                Some(settled) => ((settled - item.due).num_days(), true),
                // Still open: counted only where it has been unpaid long enough.
                None => ((as_of - item.due).num_days() - MATURE_DAYS, false),
            };
            for (n, threshold) in OVERDUE_THRESHOLDS.iter().enumerate() {
                if late < *threshold {
                    break;
                }
                reached[n] += i128::from(item.amount);
                if paid {
                    collected[n] += i128::from(item.amount);
                }
            }
        }
        let mut shares = [Share::ALL; OVERDUE_THRESHOLDS.len()];
        let mut below = Share::ALL;
        for n in 0..OVERDUE_THRESHOLDS.len() {
            if reached[n] > 0 {
                below = Share {
                    collected: collected[n],
                    reached: reached[n],
                };
            }
            shares[n] = below;
        }
        CollectionShares { shares }
    }

    /// The share that applies to an item `overdue` days overdue: everything for one
    /// not yet overdue.
    pub fn for_overdue(&self, overdue: i64) -> Share {
        OVERDUE_THRESHOLDS
            .iter()
            .zip(&self.shares)
            .take_while(|(threshold, _)| overdue >= **threshold)
            .last()
            .map_or(Share::ALL, |(_, share)| *share)
    }

    /// Each threshold with its share, for the report to show how it discounted.
    pub fn thresholds(&self) -> impl Iterator<Item = (i64, Share)> + '_ {
        OVERDUE_THRESHOLDS
            .iter()
            .copied()
            .zip(self.shares.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::CustomerId;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn lateness_sums_amounts_by_days_late() {
        let late = Lateness::new(vec![(10, 300), (-2, 100), (10, 200), (40, 400), (5, 0)]);
        assert_eq!(late.items(), 4);
        assert_eq!(late.between(-2, 9), 100);
        assert_eq!(late.between(10, 10), 500);
        assert_eq!(late.between(11, 39), 0);
        assert_eq!(late.from(11), 400);
        assert_eq!(late.from(-100), 1000);
        assert_eq!(late.between(5, 4), 0);
        assert_eq!(Lateness::new(vec![]).from(0), 0);
    }

    fn past(due: &str, amount: i64, settled: Option<&str>) -> PastItem {
        PastItem {
            customer: CustomerId(1),
            due: date(due),
            amount,
            settled: settled.map(date),
        }
    }

    /// As of 2026-06-30: 1,000 paid 40 days late, 500 open since 2026-04-20 (71 days
    /// overdue, so it counts up to 41 days: 71 − 30), 200 open since 2026-03-01 (121
    /// days, counted up to 91), 300 open since 2026-06-10 (20 days, not yet counted
    /// anywhere), 400 paid 5 days late. Reached 1+: 1,000 + 500 + 200 + 400 = 2,100,
    /// collected 1,400; 31+: 1,700, collected 1,000; 61+: the 200, collected 0; 91+: the
    /// 200, collected 0; 181+ and 366+ reached by nothing, so they take the 91+ share.
    #[test]
    fn collection_shares_by_threshold() {
        let items = [
            past("2026-01-01", 1000, Some("2026-02-10")),
            past("2026-04-20", 500, None),
            past("2026-03-01", 200, None),
            past("2026-06-10", 300, None),
            past("2026-04-01", 400, Some("2026-04-06")),
        ];
        let shares = CollectionShares::measure(&items, date("2026-06-30"));
        let got: Vec<(i64, i128, i128)> = shares
            .thresholds()
            .map(|(n, s)| (n, s.collected, s.reached))
            .collect();
        assert_eq!(
            got,
            [
                (1, 1400, 2100),
                (31, 1000, 1700),
                (61, 0, 200),
                (91, 0, 200),
                (181, 0, 200),
                (366, 0, 200)
            ]
        );
        assert_eq!(shares.for_overdue(0), Share::ALL);
        assert_eq!(shares.for_overdue(30).ppm(), 666_666);
        assert_eq!(shares.for_overdue(31).ppm(), 588_235);
        assert_eq!(shares.for_overdue(400).ppm(), 0);
        // Nothing ever overdue: everything is collected.
        let none = CollectionShares::measure(&[], date("2026-06-30"));
        assert_eq!(none.for_overdue(200), Share::ALL);
    }
}
