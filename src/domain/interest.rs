//! Late interest and fixed fees by policy: what a fee run on a date charges each overdue
//! invoice item. Pure: the store gathers each item's due date, amount, allocations and
//! the periods earlier (unvoided) fee runs charged on it; [`charges`] applies the rules.
//!
//! The rules:
//! - Only invoice items are charged (never fees, so nothing compounds) and never an item
//!   in an open dispute; the caller leaves those out.
//! - An item is charged only once it is *more than* `grace_days` late on the run date
//!   (run − due > grace); interest then counts from the day after its due date, not
//!   from the end of the grace.
//! - Interest accrues on each day from the day after the due date through the run date
//!   inclusive that no earlier charge covered, on the item's open amount as of that day
//!   (its amount less every allocation dated on or before it, so a part payment lowers it
//!   from its date): Σ open(day) × rate / 100 / 365, exact in `Decimal`, rounded once per
//!   span half away from zero to the minor unit. Normally the uncharged days are one span
//!   (the day after the last charge through the run date); a voided fee leaves a gap,
//!   which is its own span and its own row. A run dated on or before the last charge of
//!   an item charges nothing for it, so charged periods never overlap.
//! - `fixed` is a flat fee per overdue item (an invoice's installment) per run, on the
//!   item's first row of the run, only for items past the grace with an uncharged span.
//! - `minimum` is per customer per run: when the customer's total for the run is below it
//!   nothing is charged to that customer, and its days stay uncharged for a later run.
//! - A row whose interest rounds to nothing and carries no fixed fee is not charged (its
//!   days stay uncharged too, so small interest accrues until it is worth a minor unit).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Currency, Money};

/// The policy: yearly rate in percent (simple interest), days of grace, least charge per
/// customer per run, flat fee per overdue item per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeeRules {
    pub annual_rate: Decimal,
    pub grace_days: i64,
    pub minimum: Money,
    pub fixed: Money,
    /// No day before this one is charged (`fee.from`): the day the policy took effect,
    /// so switching it on for a book with history does not bill lateness long paid.
    pub from: Option<NaiveDate>,
}

impl Default for FeeRules {
    /// Nothing is charged until a rate or a fixed fee is set.
    fn default() -> FeeRules {
        FeeRules {
            annual_rate: Decimal::ZERO,
            grace_days: 0,
            minimum: Money::ZERO,
            fixed: Money::ZERO,
            from: None,
        }
    }
}

impl FeeRules {
    /// Whether these rules can ever charge anything.
    pub fn charges_anything(&self) -> bool {
        self.annual_rate > Decimal::ZERO || self.fixed.is_positive()
    }
}

/// One invoice item as a fee run sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeItem {
    pub customer: String,
    pub number: String,
    pub seq: u32,
    pub due: NaiveDate,
    pub amount: Money,
    /// Every allocation to the item: (date, amount); a negative amount frees.
    pub allocations: Vec<(NaiveDate, Money)>,
    /// Periods (first day, last day, inclusive) earlier fee runs charged and that stand.
    pub charged: Vec<(NaiveDate, NaiveDate)>,
    /// The rules of the customer's tier.
    pub rules: FeeRules,
}

/// One row of a fee run: an item's span of days and what it costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charge {
    pub customer: String,
    pub number: String,
    pub seq: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: i64,
    /// The item's open amount as of `to` (the last day charged).
    pub principal: Money,
    pub interest: Money,
    pub fixed: Money,
    /// `interest + fixed`.
    pub amount: Money,
}

impl FeeItem {
    /// The open amount as of the end of `day`.
    pub fn open_on(&self, day: NaiveDate) -> Money {
        self.amount
            - self
                .allocations
                .iter()
                .filter(|(date, _)| *date <= day)
                .map(|(_, amount)| *amount)
                .sum()
    }

    /// Σ open(day) over `from..=to`, in money-days, exactly: the open amount changes
    /// only on allocation dates, so each stretch between them counts at once.
    pub fn amount_days(&self, from: NaiveDate, to: NaiveDate) -> Decimal {
        if from > to {
            return Decimal::ZERO;
        }
        let mut changes: Vec<NaiveDate> = self
            .allocations
            .iter()
            .map(|(date, _)| *date)
            .filter(|date| *date > from && *date <= to)
            .collect();
        changes.sort_unstable();
        changes.dedup();
        let mut total = Decimal::ZERO;
        let mut start = from;
        for change in changes.into_iter().chain(std::iter::once(next_day(to))) {
            // Days start..change-1 share the open amount of `start`.
            let days = (change - start).num_days();
            total += self.open_on(start).0 * Decimal::from(days);
            start = change;
        }
        total
    }
}

fn next_day(day: NaiveDate) -> NaiveDate {
    day.succ_opt().unwrap_or(day)
}

/// The days from the day after `due` through `run` that no period of `charged` covers,
/// as spans (first, last), oldest first.
pub fn uncharged_spans(
    due: NaiveDate,
    charged: &[(NaiveDate, NaiveDate)],
    run: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut periods: Vec<(NaiveDate, NaiveDate)> = charged.to_vec();
    periods.sort_unstable();
    let mut spans = Vec::new();
    let mut next = next_day(due);
    for (first, last) in periods {
        if next > run {
            break;
        }
        if first > next {
            spans.push((next, (first - chrono::Days::new(1)).min(run)));
        }
        if last >= next {
            next = next_day(last);
        }
    }
    if next <= run {
        spans.push((next, run));
    }
    spans
}

/// Interest on `amount_days` money-days at `rate` percent a year, actual/365, rounded
/// half away from zero to the minor unit.
pub fn interest(currency: &Currency, rate: Decimal, amount_days: Decimal) -> Money {
    currency.round(amount_days * rate / Decimal::from(36_500))
}

/// The rows a fee run on `run` charges, customer by customer in the order the items
/// come, after the grace, the fixed fee and each customer's minimum.
pub fn charges(currency: &Currency, items: &[FeeItem], run: NaiveDate) -> Vec<Charge> {
    let mut rows: Vec<Charge> = Vec::new();
    for item in items {
        let rules = item.rules;
        if (run - item.due).num_days() <= rules.grace_days {
            continue;
        }
        let mut fixed_left = currency.rescale(rules.fixed);
        let spans = uncharged_spans(item.due, &item.charged, run);
        // Only days on or after the policy's start count (the grace still runs from the
        // due date: it says when an item may be charged, not from when).
        let spans = spans.into_iter().filter_map(|(from, to)| match rules.from {
            Some(start) if start > to => None,
            Some(start) => Some((from.max(start), to)),
            None => Some((from, to)),
        });
        for (from, to) in spans {
            let interest = interest(currency, rules.annual_rate, item.amount_days(from, to));
            let fixed = fixed_left;
            let amount = interest + fixed;
            if !amount.is_positive() {
                continue;
            }
            fixed_left = currency.rescale(Money::ZERO);
            rows.push(Charge {
                customer: item.customer.clone(),
                number: item.number.clone(),
                seq: item.seq,
                from,
                to,
                days: (to - from).num_days() + 1,
                principal: currency.rescale(item.open_on(to)),
                interest,
                fixed,
                amount,
            });
        }
    }
    // The minimum, per customer per run (every item of a customer has its tier's rules).
    let mut totals: HashMap<&str, (Money, Money)> = HashMap::new();
    for item in items {
        totals
            .entry(item.customer.as_str())
            .or_insert((Money::ZERO, item.rules.minimum));
    }
    for row in &rows {
        if let Some(total) = totals.get_mut(row.customer.as_str()) {
            total.0 += row.amount;
        }
    }
    let below: HashSet<String> = totals
        .into_iter()
        .filter(|(_, (total, minimum))| total < minimum)
        .map(|(customer, _)| customer.to_string())
        .collect();
    rows.retain(|r| !below.contains(&r.customer));
    rows
}

#[cfg(test)]
mod tests;
