//! What the Dashboard shows, gathered on a worker thread from the library's own
//! reports, so its figures are those of `owed analytics` and `owed aging`: the trend of
//! the headline figures and of the overdue by aging bucket (one read of the receivables
//! for all twelve month-ends), the unapplied credit now and at the last month-end,
//! which the aging takes off what is owed, the riskiest customers by the risk score of
//! `owed analytics` ([`crate::report::risk::risks`]), the 13-week forecast of
//! `owed forecast` ([`crate::report::forecast::forecast`]), and the credit reviews due
//! (`owed review list --due`, [`Store::review_dates`]).

use crate::ui::errors::Described;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::Money;
use crate::domain::aging::{Basis, Buckets};
use crate::report::ReportError;
use crate::report::analytics::{AnalyticsOptions, TrendMonth, trend_by_bucket, unapplied_total};
use crate::report::forecast::{DEFAULT_WEEKS, Forecast, ForecastOptions, forecast};
use crate::report::risk::{CustomerRisk, risks};
use crate::store::{Access, ReviewDate, Store};

/// The days DSO, CEI and ADD are taken over: `owed analytics`' default.
pub const PERIOD_DAYS: u32 = 90;

/// How many of the riskiest customers are listed.
pub const RISKIEST: usize = 10;

/// Everything the Dashboard draws, as of one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Data {
    pub as_of: NaiveDate,
    /// The overdue buckets' labels: the aging's by due date after "Current" (1-30, …).
    pub buckets: Vec<String>,
    /// The month-ends of the last eleven months, oldest first, then the day itself.
    pub months: Vec<TrendMonth>,
    /// Unapplied credit on the day and at the last month-end (positive amounts).
    pub unapplied_now: Money,
    pub unapplied_last_month: Money,
    /// The customers with the highest risk scores, highest first (ties by code), those
    /// with nothing against them left out; at most [`RISKIEST`].
    pub riskiest: Vec<CustomerRisk>,
    /// What is expected in, week by week, over the next 13 weeks (`owed forecast`'s
    /// default).
    pub forecast: Forecast,
    /// The customers whose credit review has come (on or before the day), the longest
    /// waiting first.
    pub reviews_due: Vec<ReviewDate>,
}

impl Data {
    /// The figures as of the day.
    pub fn now(&self) -> &TrendMonth {
        &self.months[self.months.len() - 1]
    }

    /// The figures at the end of last month.
    pub fn last_month(&self) -> &TrendMonth {
        &self.months[self.months.len().saturating_sub(2)]
    }

    /// What customers owe on the day, less their unapplied credit: the aging's balance.
    pub fn owed(&self) -> Money {
        self.now().open - self.unapplied_now
    }

    /// What they owed at the end of last month, as the aging as of that day has it.
    pub fn owed_last_month(&self) -> Money {
        self.last_month().open - self.unapplied_last_month
    }
}

/// The Dashboard's figures as of `as_of` (runs on a worker thread). For a book in a file
/// the risk scores and the forecast are read on two more threads, each through a
/// read-only connection of its own, while this one reads the trend: the three are
/// whole-book reads of about the same length, so the wait is the longest of them
/// rather than their sum. A book in memory (tests) is read here, one after the other.
pub fn load(store: &Store, as_of: NaiveDate) -> Result<Data, String> {
    let text = |e: ReportError| e.described();
    let risk_scores = |store: &Store| risks(store, as_of).map_err(text);
    let cash = |store: &Store| {
        let options = ForecastOptions {
            as_of,
            weeks: DEFAULT_WEEKS,
        };
        forecast(store, &options).map_err(text)
    };
    let (trend, scores, expected) = match store.path() {
        Some(path) => {
            let beside = |path: &Path| Store::open(path, Access::Read).map_err(|e| e.described());
            std::thread::scope(|scope| {
                let scores = scope.spawn(|| risk_scores(&beside(path)?));
                let expected = scope.spawn(|| cash(&beside(path)?));
                let trend = trend(store, as_of);
                (trend, joined(scores.join()), joined(expected.join()))
            })
        }
        None => (trend(store, as_of), risk_scores(store), cash(store)),
    };
    let (buckets, months, unapplied_now, unapplied_last_month) = trend?;
    let reviews_due = store.review_dates(Some(as_of)).map_err(|e| e.described())?;
    Ok(Data {
        as_of,
        buckets,
        months,
        unapplied_now,
        unapplied_last_month,
        riskiest: riskiest(scores?),
        forecast: expected?,
        reviews_due,
    })
}

/// What a reading thread returned; a panic there becomes an error here.
fn joined<T>(result: std::thread::Result<Result<T, String>>) -> Result<T, String> {
    result.unwrap_or_else(|_| Err(crate::fl!("a-worker-reading-the-book-stopped")))
}

/// The trend part of [`Data`]: (the overdue buckets' labels, the months, unapplied
/// credit now and at the last month-end).
type Trend = (Vec<String>, Vec<TrendMonth>, Money, Money);

fn trend(store: &Store, as_of: NaiveDate) -> Result<Trend, String> {
    let buckets = Buckets::default();
    let options = AnalyticsOptions {
        as_of,
        period_days: PERIOD_DAYS,
    };
    let months = trend_by_bucket(store, &options, &buckets).map_err(|e| e.described())?;
    let last_month_end = months[months.len().saturating_sub(2)].period.as_of;
    let unapplied = |date| unapplied_total(store, date).map_err(|e| e.described());
    let (now, last) = (unapplied(as_of)?, unapplied(last_month_end)?);
    Ok((buckets.labels(Basis::Due)[1..].to_vec(), months, now, last))
}

/// The [`RISKIEST`] customers with the highest scores, highest first; ties go to the
/// larger balance, then to the code.
pub fn riskiest(mut all: Vec<CustomerRisk>) -> Vec<CustomerRisk> {
    all.retain(|c| c.risk.score > 0);
    all.sort_by(|a, b| {
        b.risk
            .score
            .cmp(&a.risk.score)
            .then(b.inputs.balance.cmp(&a.inputs.balance))
            .then_with(|| a.code.cmp(&b.code))
    });
    all.truncate(RISKIEST);
    all
}
