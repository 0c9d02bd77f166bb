//! Which automatic backups to keep: the newest of each of the last 7 days that have a
//! backup, of each of the last 4 ISO weeks and of each of the last 12 months
//! ("grandfather-father-son"). A pure choice over timestamps, so the rule is tested
//! with plain dates and the store only deletes what this says.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};

pub const DAILY: usize = 7;
pub const WEEKLY: usize = 4;
pub const MONTHLY: usize = 12;

/// The indexes into `made` (backup times, any order) of the backups to keep.
pub fn backups_to_keep(made: &[NaiveDateTime]) -> BTreeSet<usize> {
    let mut newest_first: Vec<usize> = (0..made.len()).collect();
    newest_first.sort_by(|a, b| made[*b].cmp(&made[*a]).then(b.cmp(a)));
    let mut keep = BTreeSet::new();
    // For each period kind: walk newest first, keep the first backup seen in each period,
    // until `count` periods are covered.
    let mut pick = |count: usize, period: &dyn Fn(&NaiveDateTime) -> (i32, u32)| {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        for &index in &newest_first {
            let key = period(&made[index]);
            if seen.contains(&key) {
                continue;
            }
            if seen.len() == count {
                break;
            }
            seen.push(key);
            keep.insert(index);
        }
    };
    pick(DAILY, &|t| (t.year(), t.ordinal()));
    pick(WEEKLY, &|t| {
        let week = t.date().iso_week();
        (week.year(), week.week())
    });
    pick(MONTHLY, &|t| (t.year(), t.month()));
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn keeps_everything_while_there_are_few() {
        let made = [at(2026, 1, 1, 9), at(2026, 1, 2, 9), at(2026, 1, 3, 9)];
        assert_eq!(backups_to_keep(&made).len(), 3);
        assert!(backups_to_keep(&[]).is_empty());
    }

    #[test]
    fn a_year_of_daily_backups_keeps_seven_days_four_weeks_twelve_months() {
        let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let made: Vec<NaiveDateTime> = (0..365)
            .map(|n| {
                (first + chrono::Days::new(n))
                    .and_hms_opt(18, 0, 0)
                    .unwrap()
            })
            .collect();
        let keep = backups_to_keep(&made);
        let kept: Vec<NaiveDate> = keep.iter().map(|i| made[*i].date()).collect();
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
        // The last seven days: 25–31 December.
        for d in 25..=31 {
            assert!(kept.contains(&day(12, d)), "{d} December kept");
        }
        // Weeks: the newest of each of the last four ISO weeks (Sundays, or the 31st).
        assert!(kept.contains(&day(12, 21)) && kept.contains(&day(12, 14)));
        assert!(!kept.contains(&day(12, 13)), "not a week's newest");
        // Months: the last day of each month of 2025.
        for (m, d) in [(1, 31), (2, 28), (6, 30), (11, 30)] {
            assert!(kept.contains(&day(m, d)), "{m}/{d} kept");
        }
        // 7 days + 2 more week-ends (21st and 14th; the 28th is among the days) + 11
        // month-ends (December's is the 31st).
        assert_eq!(keep.len(), 7 + 2 + 11, "{kept:?}");
        assert!(!kept.contains(&day(6, 29)));
    }

    #[test]
    fn the_newest_of_a_day_is_the_one_kept() {
        let made = [
            at(2026, 3, 2, 9),
            at(2026, 3, 2, 17),
            at(2026, 3, 1, 8),
            at(2026, 3, 2, 12),
        ];
        let keep = backups_to_keep(&made);
        assert!(keep.contains(&1) && keep.contains(&2));
        assert!(!keep.contains(&0) && !keep.contains(&3));
    }

    #[test]
    fn old_months_beyond_twelve_go() {
        let made: Vec<NaiveDateTime> = (1..=12)
            .map(|m| at(2024, m, 15, 9))
            .chain((1..=12).map(|m| at(2025, m, 15, 9)))
            .collect();
        let keep = backups_to_keep(&made);
        assert_eq!(keep, (12..24).collect());
    }
}
