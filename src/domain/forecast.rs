//! The 13-week cash forecast, as pure arithmetic on what the book held on the as-of day
//! (the report gathers it): when the money still owed is expected to come in, week by
//! week, with an honest band around it.
//!
//! The method, for each customer:
//! - Items in an open dispute are left out: nothing is expected of them.
//! - Unapplied credit (payments on account, credit notes) is taken off the customer's
//!   other open items oldest due first, as the book would apply it: the customer owes only
//!   the rest.
//! - An open promise comes next: each part still to be paid is expected on its own date
//!   (a part dated on or before the as-of day in week 1), and takes the place of the
//!   items it covers — the note's own invoice first, then the oldest due — up to its
//!   amount, so promised money is never counted twice. A promise larger than what is
//!   still owed counts only up to what is owed.
//! - Each remaining item is spread over the weeks by the customer's own days late: the
//!   amount-weighted days late (settled − due) of the items it settled in the
//!   [`LOOKBACK_DAYS`] before the as-of day, once it settled at least
//!   [`MIN_SETTLED_ITEMS`]; before that, the whole book's. Only the days late it can still
//!   reach count (an item open on the as-of day was not paid by then), and the share
//!   falling after the last week is not expected in the forecast. An item already later
//!   than the customer ever paid takes the book's days late; later than anything in the
//!   book, it is expected now: week 1.
//! - An overdue item is discounted by how much of the book's items that went as far
//!   overdue were collected in the end ([`CollectionShares`]).
//!
//! Week 1 starts the day after the as-of day: the book as of a day already holds that
//! day's payments. Amounts are integer minor units throughout; an item's amount is split
//! over the weeks by the largest remainder, so nothing is lost or made up in rounding.
//!
//! The band: an item falls in a week or it does not, so a week's cash varies around what
//! is expected. `low`/`high` are the expected cash ∓ 1.28 standard deviations of the
//! week's cash (an 80 % band were it normal), reckoning each item to come or not on its
//! own, and each promise part to be kept or not with even odds. `low` is never below
//! zero, `high` never above what is owed in all. (Reckoning a customer's items to come
//! together instead made the band cover 97 % of the weeks in the demo's backtests, too
//! wide to say much; item by item it covers 84 %.)

pub mod behaviour;

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use crate::domain::ids::CustomerId;
pub use behaviour::{CollectionShares, Lateness, PPM, Share};

/// How far back the customers' payments are read: a year, so a seasonal customer's
/// whole year counts, and nothing staler.
pub const LOOKBACK_DAYS: u64 = 365;

/// A customer with fewer settled items than this in the lookback is forecast by the
/// whole book's days late: a couple of items say little about a habit.
pub const MIN_SETTLED_ITEMS: usize = 3;

/// The band's half-width in standard deviations, as a fraction: 1.28 (80 % two-sided).
const BAND_SIGMAS: (u128, u128) = (128, 100);

/// An item open on the as-of day. `item` is the item's id: it orders items due on the
/// same day and tells the promise which items its note names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenItem {
    pub item: i64,
    pub customer: CustomerId,
    pub due: NaiveDate,
    /// What was open of it on the as-of day, in minor units.
    pub open: i64,
    pub disputed: bool,
}

/// An item of the lookback, for the customers' days late and the collection shares:
/// settled by the as-of day (and when), or still open then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastItem {
    pub customer: CustomerId,
    pub due: NaiveDate,
    /// The item's whole amount, in minor units.
    pub amount: i64,
    pub settled: Option<NaiveDate>,
}

/// A promise still open on the as-of day: what is still to be paid of each part, in
/// date order, and the items its note names (taken first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenPromise {
    pub customer: CustomerId,
    pub items_first: Vec<i64>,
    pub parts: Vec<(NaiveDate, i64)>,
}

/// Everything the forecast is made of, as the book stood on `as_of`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForecastInput {
    pub as_of: NaiveDate,
    pub weeks: u32,
    pub open: Vec<OpenItem>,
    /// Unapplied credit per customer on the as-of day, in minor units.
    pub credit: Vec<(CustomerId, i64)>,
    /// The items settled in the lookback and those still open, for the behaviour.
    pub history: Vec<PastItem>,
    pub promises: Vec<OpenPromise>,
}

/// One week of the forecast, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekCash {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Expected from the open items by the customers' behaviour.
    pub expected: i64,
    /// Promised for a date in this week.
    pub promised: i64,
    pub low: i64,
    pub high: i64,
}

/// The forecast: the weeks, their total, and what was owed in all (the most the total
/// can be: open items not in dispute, less unapplied credit, customer by customer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    pub weeks: Vec<WeekCash>,
    pub total: i64,
    pub collectible: i64,
}

/// The first and last day of each of `count` weeks, the first starting the day after
/// `as_of`. Weeks running past the calendar's end are left off.
pub fn week_spans(as_of: NaiveDate, count: u32) -> Vec<(NaiveDate, NaiveDate)> {
    (0..u64::from(count))
        .map_while(|w| {
            let start = as_of.checked_add_days(Days::new(1 + 7 * w))?;
            Some((start, start.checked_add_days(Days::new(6))?))
        })
        .collect()
}

/// Splits `total` into parts proportional to `weights` by the largest remainder (ties
/// to the earlier part), so the parts add up to `total` exactly. All zero weights give
/// all zero parts.
pub fn split(total: i64, weights: &[i128]) -> Vec<i64> {
    let sum: i128 = weights.iter().sum();
    if sum <= 0 {
        return vec![0; weights.len()];
    }
    let total = i128::from(total);
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (i, weight) in weights.iter().enumerate() {
        let exact = total * weight;
        parts.push(exact.div_euclid(sum));
        remainders.push((exact.rem_euclid(sum), i));
    }
    let mut left = total - parts.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
        .into_iter()
        .map(|p| i64::try_from(p).unwrap_or(0))
        .collect()
}

/// What the history says, measured once for every customer.
struct Behaviour {
    by_customer: HashMap<CustomerId, Lateness>,
    book: Lateness,
    shares: CollectionShares,
}

impl Behaviour {
    fn measure(history: &[PastItem], as_of: NaiveDate) -> Behaviour {
        let mut samples: HashMap<CustomerId, Vec<(i64, i64)>> = HashMap::new();
        let mut all = Vec::with_capacity(history.len());
        for item in history {
            if let Some(settled) = item.settled {
                let late = (settled - item.due).num_days();
                samples
                    .entry(item.customer)
                    .or_default()
                    .push((late, item.amount));
                all.push((late, item.amount));
            }
        }
        Behaviour {
            by_customer: samples
                .into_iter()
                .map(|(customer, s)| (customer, Lateness::new(s)))
                .filter(|(_, l)| l.items() >= MIN_SETTLED_ITEMS)
                .collect(),
            book: Lateness::new(all),
            shares: CollectionShares::measure(history, as_of),
        }
    }
}

/// Per week (in parts per million of an item), where an item due `due` and still open
/// on `as_of` falls by `lateness`: the days late from the day after `as_of` on, week by
/// week; `None` when the lateness has nothing that late.
fn week_shares(
    lateness: &Lateness,
    as_of: NaiveDate,
    due: NaiveDate,
    spans: &[(NaiveDate, NaiveDate)],
) -> Option<Vec<i64>> {
    let first = (as_of - due).num_days() + 1;
    let reachable = lateness.from(first);
    if reachable == 0 {
        return None;
    }
    Some(
        spans
            .iter()
            .map(|(start, end)| {
                let mass = lateness.between((*start - due).num_days(), (*end - due).num_days());
                i64::try_from(mass * i128::from(PPM) / reachable).unwrap_or(0)
            })
            .collect(),
    )
}

/// One customer's expected cash per week, with what it adds to each week's variance.
struct CustomerCash {
    expected: Vec<i64>,
    promised: Vec<i64>,
    /// Σ of the variances of its items and promise parts in each week, in minor units².
    variance: Vec<u128>,
    collectible: i64,
}

/// The week a date falls in: week 0 on or before the first week's end (money due before
/// the first week is expected now), `None` after the last.
fn week_of(date: NaiveDate, spans: &[(NaiveDate, NaiveDate)]) -> Option<usize> {
    spans.iter().position(|(_, end)| date <= *end)
}

/// The variance of the cash of a week expecting `x` of an item of `a` that comes in
/// that week (all of it) or not: a²·p·(1 − p) with p = x / a, that is x·(a − x).
fn item_variance(x: i64, a: i64) -> u128 {
    let (x, a) = (x.max(0) as u128, a.max(0) as u128);
    x * a.saturating_sub(x)
}

fn customer_cash(
    items: &mut [OpenItem],
    credit: i64,
    promise: Option<&OpenPromise>,
    behaviour: &Behaviour,
    as_of: NaiveDate,
    spans: &[(NaiveDate, NaiveDate)],
) -> CustomerCash {
    let weeks = spans.len();
    let mut cash = CustomerCash {
        expected: vec![0; weeks],
        promised: vec![0; weeks],
        variance: vec![0; weeks],
        collectible: 0,
    };
    items.sort_by_key(|i| (i.due, i.item));
    let mut left: Vec<i64> = items
        .iter()
        .map(|i| if i.disputed { 0 } else { i.open.max(0) })
        .collect();
    // Unapplied credit first, oldest due first.
    let mut credit = credit.max(0);
    for amount in left.iter_mut() {
        let taken = credit.min(*amount);
        *amount -= taken;
        credit -= taken;
    }
    cash.collectible = left.iter().sum();
    if let Some(promise) = promise {
        // The note's own items first, then the oldest due.
        let mut order: Vec<usize> = (0..items.len())
            .filter(|&i| promise.items_first.contains(&items[i].item))
            .collect();
        order.extend((0..items.len()).filter(|&i| !promise.items_first.contains(&items[i].item)));
        let mut owed: i64 = left.iter().sum();
        let mut cursor = 0;
        for (date, amount) in &promise.parts {
            let part = (*amount).max(0).min(owed);
            owed -= part;
            let mut taking = part;
            while taking > 0 && cursor < order.len() {
                let slot = &mut left[order[cursor]];
                let taken = taking.min(*slot);
                *slot -= taken;
                taking -= taken;
                if *slot == 0 {
                    cursor += 1;
                }
            }
            if let Some(w) = week_of(*date, spans) {
                cash.promised[w] += part;
                // Kept or not with even odds: a variance of (part / 2)².
                cash.variance[w] = cash.variance[w].saturating_add(item_variance(part / 2, part));
            }
        }
    }
    let own = items
        .first()
        .and_then(|i| behaviour.by_customer.get(&i.customer));
    for (item, amount) in items.iter().zip(&left) {
        if *amount == 0 {
            continue;
        }
        let overdue = (as_of - item.due).num_days();
        let share = behaviour.shares.for_overdue(overdue).ppm();
        let weekly = own
            .and_then(|l| week_shares(l, as_of, item.due, spans))
            .or_else(|| week_shares(&behaviour.book, as_of, item.due, spans))
            .unwrap_or_else(|| {
                // Later than anything the book has seen paid: expected now.
                let mut now = vec![0; weeks];
                if let Some(first) = now.first_mut() {
                    *first = PPM;
                }
                now
            });
        // Weights: each week's share of what is collected, then what falls after the
        // last week, then what is not collected at all.
        let in_weeks: i64 = weekly.iter().sum();
        let mut weights: Vec<i128> = weekly
            .iter()
            .map(|w| i128::from(*w) * i128::from(share))
            .collect();
        weights.push(i128::from(PPM - in_weeks) * i128::from(share));
        weights.push(i128::from(PPM) * i128::from(PPM - share));
        let parts = split(*amount, &weights);
        for ((expected, variance), part) in cash
            .expected
            .iter_mut()
            .zip(cash.variance.iter_mut())
            .zip(&parts)
        {
            *expected += part;
            *variance = variance.saturating_add(item_variance(*part, *amount));
        }
    }
    cash
}

/// The forecast of `input` (see the module doc).
pub fn forecast(input: &ForecastInput) -> Outlook {
    let spans = week_spans(input.as_of, input.weeks);
    let behaviour = Behaviour::measure(&input.history, input.as_of);
    let mut by_customer: HashMap<CustomerId, Vec<OpenItem>> = HashMap::new();
    for item in &input.open {
        by_customer.entry(item.customer).or_default().push(*item);
    }
    let credit: HashMap<CustomerId, i64> =
        input
            .credit
            .iter()
            .fold(HashMap::new(), |mut sums, (customer, amount)| {
                *sums.entry(*customer).or_default() += amount;
                sums
            });
    // One promise per customer: the first given (the report gives the latest).
    let mut promises: HashMap<CustomerId, &OpenPromise> = HashMap::new();
    for promise in &input.promises {
        promises.entry(promise.customer).or_insert(promise);
    }
    let weeks = spans.len();
    let mut expected = vec![0i64; weeks];
    let mut promised = vec![0i64; weeks];
    let mut variance = vec![0u128; weeks];
    let mut collectible = 0i64;
    // In customer order, so the same book always sums the same way.
    let mut customers: Vec<CustomerId> = by_customer.keys().copied().collect();
    customers.sort_unstable();
    for customer in customers {
        let items = by_customer.get_mut(&customer).expect("listed above");
        let cash = customer_cash(
            items,
            credit.get(&customer).copied().unwrap_or(0),
            promises.get(&customer).copied(),
            &behaviour,
            input.as_of,
            &spans,
        );
        collectible += cash.collectible;
        for w in 0..weeks {
            expected[w] += cash.expected[w];
            promised[w] += cash.promised[w];
            variance[w] = variance[w].saturating_add(cash.variance[w]);
        }
    }
    let weeks: Vec<WeekCash> = spans
        .iter()
        .enumerate()
        .map(|(w, (start, end))| {
            let variance = variance[w];
            let sigma = match variance.isqrt() {
                root if root * root < variance => root + 1,
                root => root,
            };
            let half = (sigma * BAND_SIGMAS.0).div_ceil(BAND_SIGMAS.1);
            let half = i64::try_from(half).unwrap_or(i64::MAX);
            let mid = expected[w] + promised[w];
            WeekCash {
                start: *start,
                end: *end,
                expected: expected[w],
                promised: promised[w],
                low: mid.saturating_sub(half).max(0),
                high: mid.saturating_add(half).min(collectible.max(mid)),
            }
        })
        .collect();
    Outlook {
        total: weeks.iter().map(|w| w.expected + w.promised).sum(),
        weeks,
        collectible,
    }
}

#[cfg(test)]
mod tests;
