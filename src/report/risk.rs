//! Risk scores as of a date, for every customer at once ([`risks`]: whole-book reads,
//! for the analytics, the Customers screen, the Dashboard and the worklist) or for one
//! ([`customer_risk`]: that customer's own rows, for the ledger header), and a
//! customer's credit record with what a credit review suggests ([`credit_record`]).
//! Both paths give the same figures (a test holds them to it). Nothing dated after the
//! as-of date counts.

use std::collections::HashMap;

use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;

use super::analytics::{HABIT_DAYS, PromiseTally, promise_tallies};
use super::{ReportError, Result};
use crate::domain::Money;
use crate::domain::analytics::{PaymentHabits, SettledItem, kept_share, payment_habits};
use crate::domain::customer::Tier;
use crate::domain::ids::CustomerId;
use crate::domain::ledger::highest_balance;
use crate::domain::risk::{
    Band, LONG_OVERDUE_DAYS, PROMISE_MONTHS, Risk, RiskInputs, Suggestion, assess, suggest,
    suggested_tier,
};
use crate::store::{AgingInput, Customer, Store};

/// One customer's risk as of a date, with what it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRisk {
    pub id: CustomerId,
    pub code: String,
    pub name: String,
    pub tier: Option<Tier>,
    pub inputs: RiskInputs,
    /// Percent of the amount settled in the last 365 days that was paid on time.
    pub on_time_share: Option<Decimal>,
    pub risk: Risk,
    pub suggested_tier: Tier,
}

/// What a credit review shows of a customer, and what it suggests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditRecord {
    pub as_of: NaiveDate,
    pub customer: Customer,
    /// Over the items settled in the last 365 days; unrounded.
    pub habits: PaymentHabits,
    /// Promise parts dated in the last 365 days: (kept, judged).
    pub promises: (u64, u64),
    pub promises_kept_share: Option<Decimal>,
    /// Open items past due as of the date.
    pub overdue: Money,
    /// Owed net of unapplied credit.
    pub balance: Money,
    /// The highest balance at a day's end over the last 12 months.
    pub highest_balance: Money,
    pub risk: Risk,
    pub suggestion: Suggestion,
}

fn days_before(date: NaiveDate, days: u64) -> Result<NaiveDate> {
    date.checked_sub_days(Days::new(days))
        .ok_or(ReportError::TooFarBack { date, days })
}

/// The first day of the six months ending on `as_of` that broken promises count over.
fn promise_window_start(as_of: NaiveDate) -> Result<NaiveDate> {
    as_of
        .checked_sub_months(Months::new(PROMISE_MONTHS))
        .and_then(|d| d.succ_opt())
        .ok_or(ReportError::TooFarBack {
            date: as_of,
            days: 183,
        })
}

/// Broken (or partly kept) promise parts dated in the six months ending on `as_of`,
/// with the kept/judged tally of the 365 days the analytics report; of `only` that
/// customer when given (one customer's risk reads its own promises, not the book's).
fn promises(
    store: &Store,
    as_of: NaiveDate,
    only: Option<CustomerId>,
) -> Result<HashMap<CustomerId, PromiseTally>> {
    promise_tallies(
        store,
        days_before(as_of, HABIT_DAYS - 1)?,
        promise_window_start(as_of)?,
        as_of,
        only,
    )
}

fn broken(tally: Option<&PromiseTally>) -> u32 {
    tally.map_or(0, |t| u32::try_from(t.broken_since).unwrap_or(u32::MAX))
}

/// Whether an item due on `due` is long overdue as of `as_of`.
fn long_overdue(due: NaiveDate, as_of: NaiveDate) -> bool {
    (as_of - due).num_days() > LONG_OVERDUE_DAYS
}

fn customer_risk_of(
    customer: &Customer,
    habits: PaymentHabits,
    broken: u32,
    exposure: (Money, Money, Money),
) -> CustomerRisk {
    let (open, long, unapplied) = exposure;
    let inputs = RiskInputs {
        days_late: habits.days_late,
        broken_promises: broken,
        balance: open - unapplied,
        credit_limit: customer.credit_limit,
        open,
        long_overdue: long,
    };
    let risk = assess(&inputs);
    CustomerRisk {
        id: customer.id,
        code: customer.code.clone(),
        name: customer.name.clone(),
        tier: customer.tier,
        inputs,
        on_time_share: habits.on_time_share,
        suggested_tier: suggested_tier(&risk, habits.on_time_share),
        risk,
    }
}

/// The whole-book reads every customer's risk is made from, as of one date, shared with
/// the analytics (which need the same habits, promises and closing receivables).
pub(crate) struct BookReads {
    /// Payment habits over the 365 days ending on the date, unrounded.
    pub habits: HashMap<CustomerId, PaymentHabits>,
    pub promises: HashMap<CustomerId, PromiseTally>,
    /// (open, long overdue, unapplied) per customer.
    pub exposure: HashMap<CustomerId, (Money, Money, Money)>,
    /// Open items as of the date: (all of them, the part not yet due).
    pub closing: (Money, Money),
}

impl BookReads {
    pub fn read(store: &Store, as_of: NaiveDate) -> Result<BookReads> {
        let habits = book_habits(store, as_of)?;
        // One read of the open items gives each customer's exposure and the book's
        // closing receivables, read as the aging reads them.
        let mut exposure: HashMap<CustomerId, (Money, Money, Money)> = HashMap::new();
        let mut closing = (Money::ZERO, Money::ZERO);
        store.open_items_as_of(as_of, AgingInput::Fast, false, |row| {
            closing.0 += row.open;
            if row.due >= as_of {
                closing.1 += row.open;
            }
            let entry = exposure.entry(row.customer_id).or_default();
            entry.0 += row.open;
            if long_overdue(row.due, as_of) {
                entry.1 += row.open;
            }
        })?;
        store.unapplied_as_of(as_of, AgingInput::Fast, |row| {
            exposure.entry(row.customer_id).or_default().2 += row.unapplied;
        })?;
        Ok(BookReads {
            habits,
            promises: promises(store, as_of, None)?,
            exposure,
            closing,
        })
    }
}

/// Every customer's payment habits over the 365 days ending on `as_of`, unrounded.
fn book_habits(store: &Store, as_of: NaiveDate) -> Result<HashMap<CustomerId, PaymentHabits>> {
    let habit_start = days_before(as_of, HABIT_DAYS - 1)?;
    Ok(store
        .habit_sums(habit_start, as_of)?
        .into_iter()
        .map(|(id, sums)| (id, sums.habits()))
        .collect())
}

/// Each customer's (open, long overdue, unapplied) from its open items (due date, open
/// amount) and unapplied credit already read as the aging reads them (the worklist's
/// aging): the same figures [`BookReads::read`] reads itself. Summed customer by
/// customer, then kept once each (a map entry per item was a tenth of the risk rows).
pub(crate) fn exposure_of<I: IntoIterator<Item = (NaiveDate, Money)>>(
    as_of: NaiveDate,
    customers: impl IntoIterator<Item = (CustomerId, I, Money)>,
) -> HashMap<CustomerId, (Money, Money, Money)> {
    let customers = customers.into_iter();
    let mut exposure: HashMap<CustomerId, (Money, Money, Money)> =
        HashMap::with_capacity(customers.size_hint().0);
    for (customer, items, credit) in customers {
        let (mut open, mut long) = (Money::ZERO, Money::ZERO);
        for (due, amount) in items {
            open += amount;
            if long_overdue(due, as_of) {
                long += amount;
            }
        }
        let entry = exposure.entry(customer).or_default();
        entry.0 += open;
        entry.1 += long;
        entry.2 += credit;
    }
    exposure
}

/// A year's payment habits of every customer ([`habits_read`]), one of the two
/// whole-book reads of the risk scores besides the open items; the worklist has it read
/// on a thread of its own while it ages the book.
pub(crate) struct BookHabits(HashMap<CustomerId, PaymentHabits>);

/// Every customer's promise tallies ([`promises_read`]), the other read: over the six
/// months the scores count broken promises over ([`promise_window_start`]), not the 365
/// days of the analytics, as `broken_since` is all a score reads of them (`kept` and
/// `judged` count those six months only).
pub(crate) struct BookPromises(HashMap<CustomerId, PromiseTally>);

/// Every customer's payment habits for [`BookHabits`], for a reader of its own (the
/// worklist reads the habits and the promises side by side, each on its own thread and
/// connection).
pub(crate) fn habits_read(store: &Store, as_of: NaiveDate) -> Result<BookHabits> {
    book_habits(store, as_of).map(BookHabits)
}

/// Every customer's promise tallies for [`BookPromises`]. A promise is judged by its own
/// note's parts and payments alone, so leaving out the notes with no part in the six
/// months (and the payments before the earliest of the rest) changes no `broken_since`:
/// on a book of a million invoices, 29,066 notes instead of 49,252, and this read's CPU
/// about halved.
pub(crate) fn promises_read(store: &Store, as_of: NaiveDate) -> Result<BookPromises> {
    let since = promise_window_start(as_of)?;
    promise_tallies(store, since, since, as_of, None).map(BookPromises)
}

/// The risk of each of `customers` from their exposure already worked out (see
/// [`exposure_of`]) and their habits, as if none had broken a promise: the worklist scores
/// everyone while the promises are still being read, then [`add_promises`] scores again
/// the few who broke one. The two steps give [`risks`]' figures.
pub(crate) fn scored_before_promises(
    customers: &[Customer],
    exposure: &HashMap<CustomerId, (Money, Money, Money)>,
    habits: &BookHabits,
) -> Vec<CustomerRisk> {
    customers
        .iter()
        .map(|customer| {
            customer_risk_of(
                customer,
                habits.0.get(&customer.id).copied().unwrap_or_default(),
                0,
                exposure.get(&customer.id).copied().unwrap_or_default(),
            )
        })
        .collect()
}

/// Scores again, with their broken promises, the customers of `scored` who broke one
/// (see [`scored_before_promises`]): what [`customer_risk_of`] makes of the same inputs.
pub(crate) fn add_promises(scored: &mut [CustomerRisk], promises: &BookPromises) {
    for risk in scored {
        let broken = broken(promises.0.get(&risk.id));
        if broken != 0 {
            risk.inputs.broken_promises = broken;
            risk.risk = assess(&risk.inputs);
            risk.suggested_tier = suggested_tier(&risk.risk, risk.on_time_share);
        }
    }
}

/// Every customer's risk as of `as_of`, in code order.
pub fn risks(store: &Store, as_of: NaiveDate) -> Result<Vec<CustomerRisk>> {
    risks_from(store, &BookReads::read(store, as_of)?)
}

/// [`risks`] from reads already made.
pub(crate) fn risks_from(store: &Store, reads: &BookReads) -> Result<Vec<CustomerRisk>> {
    Ok(scored(&store.customers()?, reads))
}

fn scored(customers: &[Customer], reads: &BookReads) -> Vec<CustomerRisk> {
    customers
        .iter()
        .map(|customer| {
            customer_risk_of(
                customer,
                reads.habits.get(&customer.id).copied().unwrap_or_default(),
                broken(reads.promises.get(&customer.id)),
                reads
                    .exposure
                    .get(&customer.id)
                    .copied()
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// One customer's habits and exposure from its own rows: (habits, (open, long overdue,
/// unapplied), overdue).
fn own_figures(
    store: &Store,
    customer: &Customer,
    as_of: NaiveDate,
) -> Result<(PaymentHabits, (Money, Money, Money), Money)> {
    let habit_start = days_before(as_of, HABIT_DAYS - 1)?;
    let items = store.customer_items_as_of(customer.id, as_of)?;
    let settled: Vec<SettledItem> = items
        .iter()
        .filter(|i| i.sale && !i.voided)
        .filter_map(|i| {
            let settled = i.settled.filter(|s| *s >= habit_start && *s <= as_of)?;
            Some(SettledItem {
                amount: i.amount,
                invoiced: i.invoiced,
                due: i.due,
                settled,
            })
        })
        .collect();
    let (mut open, mut long, mut overdue) = (Money::ZERO, Money::ZERO, Money::ZERO);
    for item in items.iter().filter(|i| !i.open.0.is_zero()) {
        open += item.open;
        if long_overdue(item.due, as_of) {
            long += item.open;
        }
        if item.due < as_of {
            overdue += item.open;
        }
    }
    let unapplied = store.customer_unapplied_as_of(customer.id, as_of)?;
    Ok((payment_habits(&settled), (open, long, unapplied), overdue))
}

/// One customer's risk as of `as_of`, from its own rows: the same figures as its entry
/// in [`risks`].
pub fn customer_risk(store: &Store, code: &str, as_of: NaiveDate) -> Result<CustomerRisk> {
    let customer = store.customer(code)?;
    let (habits, exposure, _) = own_figures(store, &customer, as_of)?;
    let promises = promises(store, as_of, Some(customer.id))?;
    Ok(customer_risk_of(
        &customer,
        habits,
        broken(promises.get(&customer.id)),
        exposure,
    ))
}

/// The customer's credit record as of `as_of` and what a review suggests;
/// `tier_default_limit` is each tier's default credit limit (used when it owed nothing
/// in 12 months).
pub fn credit_record(
    store: &Store,
    code: &str,
    as_of: NaiveDate,
    tier_default_limit: impl Fn(Tier) -> Option<Money>,
) -> Result<CreditRecord> {
    let customer = store.customer(code)?;
    let (habits, exposure, overdue) = own_figures(store, &customer, as_of)?;
    let tally = promises(store, as_of, Some(customer.id))?
        .get(&customer.id)
        .copied()
        .unwrap_or_default();
    let scored = customer_risk_of(&customer, habits, broken(Some(&tally)), exposure);
    let year_start = as_of
        .checked_sub_months(Months::new(12))
        .and_then(|d| d.succ_opt())
        .ok_or(ReportError::TooFarBack {
            date: as_of,
            days: 365,
        })?;
    let highest = highest_balance(&store.ledger_documents(customer.id)?, year_start, as_of);
    let suggestion = suggest(
        &scored.risk,
        habits.on_time_share,
        highest,
        scored.inputs.balance,
        customer.credit_limit,
        tier_default_limit,
        store.currency(),
    );
    Ok(CreditRecord {
        as_of,
        habits,
        promises: (tally.kept, tally.judged),
        promises_kept_share: kept_share(tally.kept, tally.judged),
        overdue,
        balance: scored.inputs.balance,
        highest_balance: highest,
        risk: scored.risk,
        suggestion,
        customer,
    })
}

/// Customers whose risk band now is above the band last acknowledged (or, never
/// acknowledged, at high or above): the worklist's risk warnings, with the band seen.
pub fn risen(store: &Store, risks: &[CustomerRisk]) -> Result<Vec<(CustomerRisk, Option<Band>)>> {
    let seen = store.risk_seen()?;
    Ok(risks
        .iter()
        .filter_map(|r| {
            let before = seen.get(&r.id).map(|s| s.band);
            let rose = match before {
                Some(band) => r.risk.band > band,
                None => r.risk.band >= Band::High,
            };
            rose.then(|| (r.clone(), before))
        })
        .collect())
}

/// Acknowledges `code`'s risk band as of `as_of` (worked out from its own rows, as
/// [`customer_risk`]): the worklist stops warning until the band rises above it.
/// Audited as `risk-ack`; returns the risk acknowledged.
pub fn acknowledge_current(
    store: &mut Store,
    code: &str,
    as_of: NaiveDate,
) -> Result<CustomerRisk> {
    let now = customer_risk(store, code, as_of)?;
    store.acknowledge_risk(&now.code, now.risk.band, now.risk.score)?;
    Ok(now)
}
