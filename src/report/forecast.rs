//! The cash forecast as of a day, week by week, and its backtest: the forecast the book
//! would have made on a past day next to what was received in the weeks after it. The
//! method is pure ([`crate::domain::forecast`]); this gathers its inputs with whole-book
//! reads ([`Store::items_as_of`] and its neighbours) as the book stood at the end of the
//! as-of day, so nothing dated after it counts: not a document, an allocation, a void, a
//! note or promise, nor a dispute opened after it.
//!
//! What "received" is, in the backtest: the payments dated in each week, as much of them
//! as went to the invoices and fees that were open on the as-of day (the money the
//! forecast is about; payments for later invoices are not). A payment voided since, on
//! any date, counts as not received (a bounced cheque never paid anything); money paid
//! back by a refund is not taken off.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::Result;
use crate::domain::Money;
use crate::domain::analytics::one_decimal;
use crate::domain::forecast::{
    self as method, ForecastInput, LOOKBACK_DAYS, OpenItem, OpenPromise, PastItem,
};
use crate::domain::ids::CustomerId;
use crate::domain::note::PromiseStatus;
use crate::store::{AgingInput, PromiseAsOf, Store};

/// The default number of weeks: a quarter.
pub const DEFAULT_WEEKS: u32 = 13;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastOptions {
    pub as_of: NaiveDate,
    pub weeks: u32,
}

/// One week: `start` is the day after the as-of day for week 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastWeek {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Expected from the open items by how each customer pays.
    pub expected: Money,
    /// Promised for a day of this week (a promise dated on or before the as-of day
    /// still open is in week 1).
    pub promised: Money,
    /// The band around `expected + promised`.
    pub low: Money,
    pub high: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    pub as_of: NaiveDate,
    pub weeks: Vec<ForecastWeek>,
    /// Σ expected + promised of the weeks.
    pub total: Money,
    /// Everything open on the as-of day.
    pub open: Money,
    /// The part of `open` in dispute, left out.
    pub disputed: Money,
    /// Unapplied credit on the as-of day, taken off what the customers owe.
    pub credit: Money,
    /// What the total could at most be: open, less disputed, less credit, customer by
    /// customer (a customer's credit beyond what it owes helps no one else).
    pub collectible: Money,
}

/// One week of a backtest: the forecast's expected + promised, and what was received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BacktestWeek {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub forecast: Money,
    pub actual: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backtest {
    pub as_of: NaiveDate,
    /// The forecast as the book stood on `as_of`.
    pub forecast: Forecast,
    pub weeks: Vec<BacktestWeek>,
    pub forecast_total: Money,
    pub actual_total: Money,
    /// Mean over the weeks of |forecast − actual| / actual × 100, one decimal. A week
    /// nothing was received in has no percentage error and is left out of the mean;
    /// `None` when every week is such a week.
    pub weekly_mape: Option<Decimal>,
}

/// The forecast as of `options.as_of` (see [`crate::domain::forecast`] for the method).
pub fn forecast(store: &Store, options: &ForecastOptions) -> Result<Forecast> {
    let as_of = options.as_of;
    let currency = store.currency();
    let from = as_of.checked_sub_days(Days::new(LOOKBACK_DAYS - 1)).ok_or(
        super::ReportError::TooFarBack {
            date: as_of,
            days: LOOKBACK_DAYS,
        },
    )?;
    let disputed = store.disputed_items_as_of(as_of)?;
    let mut credit: Vec<(CustomerId, i64)> = Vec::new();
    store.unapplied_as_of(as_of, AgingInput::Fast, |row| {
        credit.push((row.customer_id, currency.to_minor(row.unapplied)));
    })?;
    let promises = store
        .promises_as_of(as_of)?
        .iter()
        .filter_map(|p| open_promise(p, as_of, currency))
        .collect();
    let (mut open_sum, mut disputed_sum) = (0i64, 0i64);
    let mut open = Vec::new();
    let mut history = Vec::new();
    store.items_as_of(as_of, from, |item| {
        history.push(PastItem {
            customer: item.customer_id,
            due: item.due,
            amount: item.amount,
            settled: item.settled,
        });
        if item.open != 0 {
            let in_dispute = disputed.contains(&item.id);
            open_sum += item.open;
            if in_dispute {
                disputed_sum += item.open;
            }
            open.push(OpenItem {
                item: item.id,
                customer: item.customer_id,
                due: item.due,
                open: item.open,
                disputed: in_dispute,
            });
        }
    })?;
    let credit_sum = credit.iter().map(|(_, c)| c).sum();
    let outlook = method::forecast(&ForecastInput {
        as_of,
        weeks: options.weeks,
        open,
        credit,
        history,
        promises,
    });
    let money = |minor: i64| currency.from_minor(minor);
    Ok(Forecast {
        as_of,
        weeks: outlook
            .weeks
            .iter()
            .map(|w| ForecastWeek {
                start: w.start,
                end: w.end,
                expected: money(w.expected),
                promised: money(w.promised),
                low: money(w.low),
                high: money(w.high),
            })
            .collect(),
        total: money(outlook.total),
        open: money(open_sum),
        disputed: money(disputed_sum),
        credit: money(credit_sum),
        collectible: money(outlook.collectible),
    })
}

/// The parts still open of a promise on `as_of`, judged as the notes screen judges it
/// ([`crate::domain::note::Promise::judge`]) with the payments made after it by then; a
/// broken promise (a passed part short) is not relied on, and counts for nothing.
fn open_promise(
    promise: &PromiseAsOf,
    as_of: NaiveDate,
    currency: &crate::domain::Currency,
) -> Option<OpenPromise> {
    let paid_through: Vec<Money> = promise
        .promise
        .parts()
        .iter()
        .map(|part| {
            let through = part.date.min(as_of);
            let minor: i64 = promise
                .payments
                .iter()
                .filter(|(date, at, _)| {
                    *date <= through && (*date > promise.day || at.as_str() > promise.at.as_str())
                })
                .map(|(_, _, amount)| amount)
                .sum();
            currency.from_minor(minor)
        })
        .collect();
    let standing = promise.promise.judge(&paid_through, as_of);
    if standing.is_broken() {
        return None;
    }
    let parts: Vec<(NaiveDate, i64)> = standing
        .parts
        .iter()
        .filter(|p| p.status == PromiseStatus::Open)
        .map(|p| (p.date, currency.to_minor(p.short())))
        .collect();
    (!parts.is_empty()).then(|| OpenPromise {
        customer: promise.customer_id,
        items_first: promise.items.clone(),
        parts,
    })
}

/// The forecast as the book stood on `options.as_of`, next to what was received in its
/// weeks (see the module doc for what counts as received).
pub fn backtest(store: &Store, options: &ForecastOptions) -> Result<Backtest> {
    let forecast = forecast(store, options)?;
    let currency = store.currency();
    let last = forecast.weeks.last().map_or(options.as_of, |w| w.end);
    let mut actual: HashMap<usize, i64> = HashMap::new();
    for (date, amount) in store.received_for_items_open_on(options.as_of, last)? {
        let week = (date - options.as_of).num_days().saturating_sub(1) / 7;
        *actual.entry(week as usize).or_default() += amount;
    }
    let weeks: Vec<BacktestWeek> = forecast
        .weeks
        .iter()
        .enumerate()
        .map(|(w, week)| BacktestWeek {
            start: week.start,
            end: week.end,
            forecast: week.expected + week.promised,
            actual: currency.from_minor(actual.get(&w).copied().unwrap_or(0)),
        })
        .collect();
    Ok(Backtest {
        as_of: options.as_of,
        forecast_total: forecast.total,
        actual_total: weeks.iter().map(|w| w.actual).sum(),
        weekly_mape: weekly_mape(&weeks),
        weeks,
        forecast,
    })
}

/// Mean absolute percentage error over the weeks something was received in.
pub fn weekly_mape(weeks: &[BacktestWeek]) -> Option<Decimal> {
    let errors: Vec<Decimal> = weeks
        .iter()
        .filter(|w| w.actual.is_positive())
        .map(|w| (w.forecast.0 - w.actual.0).abs() * Decimal::ONE_HUNDRED / w.actual.0)
        .collect();
    if errors.is_empty() {
        return None;
    }
    let sum: Decimal = errors.iter().sum();
    Some(one_decimal(sum / Decimal::from(errors.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(forecast: &str, actual: &str) -> BacktestWeek {
        let d: NaiveDate = "2026-01-01".parse().unwrap();
        BacktestWeek {
            start: d,
            end: d,
            forecast: Money(forecast.parse().unwrap()),
            actual: Money(actual.parse().unwrap()),
        }
    }

    /// Weeks 1–3: |90 − 100| / 100 = 10 %, |150 − 100| / 100 = 50 %, |0 − 40| / 40 = 100 %;
    /// week 4 received nothing (no percentage): (10 + 50 + 100) / 3 = 53.33… → 53.3.
    #[test]
    fn weekly_mape_leaves_out_weeks_with_nothing_received() {
        let weeks = [
            week("90", "100"),
            week("150", "100"),
            week("0", "40"),
            week("25", "0"),
        ];
        assert_eq!(weekly_mape(&weeks).unwrap().to_string(), "53.3");
        assert_eq!(weekly_mape(&[week("5", "0")]), None);
        assert_eq!(
            weekly_mape(&[week("100", "100")]).unwrap().to_string(),
            "0.0"
        );
    }
}
