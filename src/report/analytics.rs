//! Collection analytics as of a date: the headline figures (credit sales, DSO, best
//! possible DSO, ADD, CEI) over a period, and per customer how it paid over the 365 days
//! ending on the date and how many of its promises it kept. The definitions are pure
//! ([`crate::domain::analytics`]); this gathers their inputs with whole-book queries.
//! Nothing dated after the as-of date counts: not a document, not an allocation, not a
//! void, not a note.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use super::risk::{BookReads, risks_from};
use super::{ReportError, Result};
use crate::domain::Money;
use crate::domain::aging::Buckets;
use crate::domain::analytics::{
    Headline, PaymentHabits, PeriodSums, headline, kept_share, one_decimal,
};
use crate::domain::customer::Tier;
use crate::domain::ids::CustomerId;
use crate::domain::note::PromiseStatus;
use crate::domain::risk::Risk;
use crate::store::{AgingInput, Store};

/// The days per-customer figures look back over, ending on the as-of date.
pub const HABIT_DAYS: u64 = 365;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalyticsOptions {
    pub as_of: NaiveDate,
    /// The period is the `period_days` days ending on and including `as_of`.
    pub period_days: u32,
}

/// The headline figures of one period, rounded to one decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodFigures {
    pub as_of: NaiveDate,
    pub period_days: u32,
    pub credit_sales: Money,
    pub figures: Headline,
}

/// One customer's figures, rounded to one decimal; `None` where nothing was settled or
/// no promise part was judged. Its risk as of the date, from [`super::risk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerFigures {
    pub code: String,
    pub name: String,
    pub habits: PaymentHabits,
    pub promises_kept_share: Option<Decimal>,
    pub risk: Risk,
    pub suggested_tier: Tier,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analytics {
    pub period: PeriodFigures,
    /// Every customer, in code order.
    pub by_customer: Vec<CustomerFigures>,
}

fn days_before(date: NaiveDate, days: u64) -> Result<NaiveDate> {
    date.checked_sub_days(Days::new(days))
        .ok_or(ReportError::TooFarBack { date, days })
}

/// Open items as of `date`: (all of them, the part not yet due on it), read as the aging
/// reads them (the aging as of any date is exact).
fn receivables(store: &Store, date: NaiveDate) -> Result<(Money, Money)> {
    let (mut open, mut current) = (Money::ZERO, Money::ZERO);
    store.open_items_as_of(date, AgingInput::Fast, false, |row| {
        open += row.open;
        if row.due >= date {
            current += row.open;
        }
    })?;
    Ok((open, current))
}

/// The invoices and fees dated `from` through the last as-of date, kept as (date,
/// amount, void date) so several periods can be summed from one read.
fn sales(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, Money, Option<NaiveDate>)>> {
    let mut out = Vec::new();
    store.sales_between(from, to, |row| {
        out.push((row.date, row.amount, row.voided_on))
    })?;
    Ok(out)
}

/// Credit sales of the period ending `as_of`: voided ones left out when the void is
/// dated on or before `as_of` (a later void had not happened yet).
fn credit_sales(
    sales: &[(NaiveDate, Money, Option<NaiveDate>)],
    start: NaiveDate,
    as_of: NaiveDate,
) -> Money {
    sales
        .iter()
        .filter(|(date, _, voided)| {
            *date >= start && *date <= as_of && voided.is_none_or(|v| v > as_of)
        })
        .map(|(_, amount, _)| *amount)
        .sum()
}

fn period_figures(
    store: &Store,
    sales: &[(NaiveDate, Money, Option<NaiveDate>)],
    as_of: NaiveDate,
    period_days: u32,
    (closing, closing_current): (Money, Money),
) -> Result<PeriodFigures> {
    let start = days_before(as_of, u64::from(period_days) - 1)?;
    let (opening, _) = receivables(store, days_before(start, 1)?)?;
    let sums = PeriodSums {
        period_days,
        credit_sales: credit_sales(sales, start, as_of),
        opening,
        closing,
        closing_current,
    };
    Ok(figures_of(store, as_of, sums))
}

fn figures_of(store: &Store, as_of: NaiveDate, sums: PeriodSums) -> PeriodFigures {
    PeriodFigures {
        as_of,
        period_days: sums.period_days,
        credit_sales: store.currency().rescale(sums.credit_sales),
        figures: headline(&sums).rounded(),
    }
}

/// The analytics as of `options.as_of`.
pub fn analytics(store: &Store, options: &AnalyticsOptions) -> Result<Analytics> {
    let as_of = options.as_of;
    let period_days = options.period_days.max(1);
    let start = days_before(as_of, u64::from(period_days) - 1)?;
    let sales = sales(store, start, as_of)?;
    let reads = BookReads::read(store, as_of)?;
    let period = period_figures(store, &sales, as_of, period_days, reads.closing)?;

    let by_customer = risks_from(store, &reads)?
        .into_iter()
        .map(|scored| {
            let habits = reads.habits.get(&scored.id).copied().unwrap_or_default();
            let tally = reads.promises.get(&scored.id).copied().unwrap_or_default();
            CustomerFigures {
                habits: PaymentHabits {
                    days_to_pay: habits.days_to_pay.map(one_decimal),
                    days_late: habits.days_late.map(one_decimal),
                    on_time_share: habits.on_time_share.map(one_decimal),
                },
                promises_kept_share: kept_share(tally.kept, tally.judged).map(one_decimal),
                code: scored.code,
                name: scored.name,
                risk: scored.risk,
                suggested_tier: scored.suggested_tier,
            }
        })
        .collect();
    Ok(Analytics {
        period,
        by_customer,
    })
}

/// Promise parts of one customer dated `from` through `as_of`: how many were kept and
/// judged, and how many of those dated on or after a later day were not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PromiseTally {
    pub kept: u64,
    pub judged: u64,
    pub broken_since: u64,
}

/// Per customer, the [`PromiseTally`] of promise parts dated `from` through `as_of`
/// (`broken_since` counting those dated `since` or later), each promise judged as of `as_of` by [`crate::domain::note::Promise::judge`] with the
/// payments dated from its note's day (one entered after the note, on that day) through
/// the part's date, not voided by `as_of`. A part still open (dated `as_of`, not yet
/// paid in full) is not judged; a partly kept one counts as not kept. `only`: of that
/// customer alone (its own rows, for one customer's risk).
pub(crate) fn promise_tallies(
    store: &Store,
    from: NaiveDate,
    since: NaiveDate,
    as_of: NaiveDate,
    only: Option<CustomerId>,
) -> Result<HashMap<CustomerId, PromiseTally>> {
    let (promises, mut payments) = store.promises_between(from, as_of, only)?;
    // A payment voided by `as_of` never kept a promise; sorted by date, each note reads
    // only the payments of its own span.
    for list in payments.values_mut() {
        list.retain(|p| p.date <= as_of && p.voided_on.is_none_or(|v| v > as_of));
        list.sort_by_key(|p| p.date);
    }
    let mut out: HashMap<CustomerId, PromiseTally> = HashMap::new();
    for note in &promises {
        let paid = payments
            .get(&note.customer_id)
            .map_or(&[][..], Vec::as_slice);
        let throughs: Vec<NaiveDate> = note
            .promise
            .parts()
            .iter()
            .map(|part| part.date.min(as_of))
            .collect();
        let last = throughs.iter().copied().max().unwrap_or(note.day);
        let mut paid_through = vec![Money::ZERO; throughs.len()];
        let first = paid.partition_point(|p| p.date < note.day);
        for payment in paid[first..].iter().take_while(|p| p.date <= last) {
            // On the note's own day, only money entered after the note was logged.
            if payment.date == note.day
                && payment
                    .posted_at
                    .as_deref()
                    .is_some_and(|posted| posted <= note.at.as_str())
            {
                continue;
            }
            for (sum, through) in paid_through.iter_mut().zip(&throughs) {
                if payment.date <= *through {
                    *sum += payment.amount;
                }
            }
        }
        let standing = note.promise.judge(&paid_through, as_of);
        let tally = out.entry(note.customer_id).or_default();
        for part in standing
            .parts
            .iter()
            .filter(|p| p.date >= from && p.date <= as_of)
        {
            match part.status {
                PromiseStatus::Open => {}
                PromiseStatus::Kept => {
                    tally.kept += 1;
                    tally.judged += 1;
                }
                PromiseStatus::PartlyKept | PromiseStatus::Broken => {
                    tally.judged += 1;
                    if part.date >= since {
                        tally.broken_since += 1;
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The last day of `date`'s month.
fn month_end(date: NaiveDate) -> NaiveDate {
    let first_of_next = if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    };
    first_of_next.and_then(|d| d.pred_opt()).unwrap_or(date)
}

/// The as-of dates of the trend: the month-ends of the 11 months before `as_of`'s
/// month, oldest first, then `as_of` itself.
pub fn trend_dates(as_of: NaiveDate) -> Vec<NaiveDate> {
    let mut dates = vec![as_of];
    let mut first_of_month = as_of.with_day(1).unwrap_or(as_of);
    for _ in 0..11 {
        let Some(previous) = first_of_month.pred_opt() else {
            break;
        };
        dates.push(month_end(previous));
        first_of_month = previous.with_day(1).unwrap_or(previous);
    }
    dates.reverse();
    dates
}

/// The headline figures as of each of [`trend_dates`], each over `period_days`. The
/// invoices and fees are read once for all twelve periods, and the receivables of all
/// 24 dates (each period's last day and the day before it starts) in one read.
pub fn trend(store: &Store, options: &AnalyticsOptions) -> Result<Vec<PeriodFigures>> {
    Ok(trend_by_bucket(store, options, &Buckets::default())?
        .into_iter()
        .map(|month| month.period)
        .collect())
}

/// One date of [`trend_by_bucket`]: the headline figures, and the open items on the
/// date as the aging by due date sums them (unapplied credit left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendMonth {
    pub period: PeriodFigures,
    /// Every open item.
    pub open: Money,
    /// The part past due, by the aging's buckets after "Current" (1-30, 31-60, …).
    pub overdue: Vec<Money>,
}

impl TrendMonth {
    /// Everything past due.
    pub fn overdue_total(&self) -> Money {
        self.overdue.iter().copied().sum()
    }
}

/// [`trend`], with the overdue as of each date sorted into `buckets` (the aging's
/// bucket bounds), from the same one read of the receivables.
pub fn trend_by_bucket(
    store: &Store,
    options: &AnalyticsOptions,
    buckets: &Buckets,
) -> Result<Vec<TrendMonth>> {
    let period_days = options.period_days.max(1);
    let dates = trend_dates(options.as_of);
    let first = days_before(dates[0], u64::from(period_days) - 1)?;
    let sales = sales(store, first, options.as_of)?;
    let mut wanted = Vec::with_capacity(dates.len() * 2);
    for as_of in &dates {
        wanted.push(*as_of);
        wanted.push(days_before(*as_of, u64::from(period_days))?);
    }
    let receivables = store.receivables_by_bucket(&wanted, buckets)?;
    let closings = receivables.iter().step_by(2);
    let openings = receivables.iter().skip(1).step_by(2);
    dates
        .iter()
        .zip(closings.zip(openings))
        .map(|(as_of, (closing, opening))| {
            let start = days_before(*as_of, u64::from(period_days) - 1)?;
            let period = figures_of(
                store,
                *as_of,
                PeriodSums {
                    period_days,
                    credit_sales: credit_sales(&sales, start, *as_of),
                    opening: opening.open,
                    closing: closing.open,
                    closing_current: closing.current,
                },
            );
            Ok(TrendMonth {
                period,
                open: closing.open,
                overdue: closing.overdue.clone(),
            })
        })
        .collect()
}

/// The credit customers have not applied as of `date`, summed (a positive amount): what
/// the aging's "Unapplied" column takes off the open items.
pub fn unapplied_total(store: &Store, date: NaiveDate) -> Result<Money> {
    let mut total = Money::ZERO;
    store.unapplied_as_of(date, AgingInput::Fast, |row| total += row.unapplied)?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_dates_are_month_ends_then_the_day() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let dates = trend_dates(d("2026-03-15"));
        assert_eq!(dates.len(), 12);
        assert_eq!(dates[0], d("2025-04-30"));
        assert_eq!(dates[10], d("2026-02-28"));
        assert_eq!(dates[11], d("2026-03-15"));
        let dates = trend_dates(d("2024-03-31"));
        assert_eq!(dates[10], d("2024-02-29"));
        assert_eq!(dates[9], d("2024-01-31"));
        assert_eq!(dates[8], d("2023-12-31"));
        assert_eq!(month_end(d("2026-12-05")), d("2026-12-31"));
    }

    /// A demo book of 30 customers and 800 invoices (seed 11) as of `today`.
    fn demo_book(today: NaiveDate) -> Store {
        use crate::demo::{self, DemoOptions};
        use crate::store::BookSettings;
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        let options = DemoOptions {
            customers: 30,
            invoices: 800,
            seed: 11,
            today,
        };
        demo::generate(&mut store, &options, &mut |_, _| {}).unwrap();
        store
    }

    /// One customer's tally reads only its own promises and payments, and is the tally
    /// the whole book gives it (one customer's risk, on its ledger, stays quick).
    #[test]
    fn one_customers_promise_tally_is_its_own_and_the_same_as_in_the_book() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-11-23");
        let store = demo_book(today);
        let (from, since) = (d("2025-11-24"), d("2026-05-24"));
        let book = promise_tallies(&store, from, since, today, None).unwrap();
        assert!(
            book.len() > 1,
            "the demo has several customers who promised"
        );
        for (id, tally) in &book {
            let (promises, payments) = store.promises_between(from, today, Some(*id)).unwrap();
            assert!(promises.iter().all(|p| p.customer_id == *id));
            assert!(payments.keys().all(|c| c == id));
            let own = promise_tallies(&store, from, since, today, Some(*id)).unwrap();
            assert_eq!(own.len(), 1);
            assert_eq!(own[id], *tally);
        }
    }

    /// The worklist tallies promises over the six months alone (`risk::promises_read`):
    /// each customer's broken parts since the window's start are the year's.
    #[test]
    fn the_six_months_tally_counts_the_broken_parts_the_year_does() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-11-23");
        let store = demo_book(today);
        for as_of in [today, d("2026-09-30")] {
            let since = as_of
                .checked_sub_months(chrono::Months::new(6))
                .unwrap()
                .succ_opt()
                .unwrap();
            let from = as_of.checked_sub_days(chrono::Days::new(364)).unwrap();
            let year = promise_tallies(&store, from, since, as_of, None).unwrap();
            let half = promise_tallies(&store, since, since, as_of, None).unwrap();
            assert!(year.values().any(|t| t.broken_since > 0), "as of {as_of}");
            for id in year.keys().chain(half.keys()) {
                let broken =
                    |t: &HashMap<CustomerId, PromiseTally>| t.get(id).map_or(0, |t| t.broken_since);
                assert_eq!(
                    broken(&half),
                    broken(&year),
                    "customer {id:?} as of {as_of}"
                );
            }
        }
    }
}
