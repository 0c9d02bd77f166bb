//! A customer's credit review as of a day: its record (how it paid over the last 12
//! months, the promises it kept, what is overdue now and the highest balance it ran up
//! over the last 12 months) beside its tier and limit now, for the review form and
//! `owed review`. The payment figures are the collection analytics' own
//! ([`crate::report::analytics`]), so the two never disagree.
//!
//! The highest balance is read from the book as a running balance: every document of
//! the customer in date order (invoices and fees up; payments, credit notes, write-offs
//! and voids down; refunds up), so it is net of credit, and taken at the end of each day
//! from the day 12 months before the review through the review's day (the balance
//! brought into that window counts too).

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use super::analytics::{AnalyticsOptions, analytics};
use super::statement::{Context, StatementError};
use crate::domain::Money;
use crate::domain::ledger::{LedgerDocument, build};
use crate::store::{Customer, Store};

/// The months the review looks back over.
pub const LOOK_BACK_MONTHS: u32 = 12;

/// What a review looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRecord {
    pub customer: Customer,
    pub date: NaiveDate,
    /// Average days from invoice to settlement over the last 365 days (one decimal).
    pub days_to_pay: Option<Decimal>,
    /// Percent of the money settled by its due date.
    pub on_time_share: Option<Decimal>,
    /// Percent of promise parts kept.
    pub promises_kept_share: Option<Decimal>,
    /// Open items past due on the day, before credit.
    pub overdue: Money,
    /// The balance (open items less unapplied credit) on the day.
    pub balance: Money,
    /// The highest end-of-day balance over the last 12 months.
    pub highest_balance: Money,
}

/// The highest end-of-day running balance from `from` through `to`, the balance brought
/// forward into `from` included; `documents` in date order.
pub fn highest_balance(documents: &[LedgerDocument], from: NaiveDate, to: NaiveDate) -> Money {
    let ledger = build(documents, Some(from), Some(to));
    let mut highest = ledger.opening;
    for (index, entry) in ledger.entries.iter().enumerate() {
        // The last entry of a day is the day's closing balance.
        let last_of_day = ledger
            .entries
            .get(index + 1)
            .is_none_or(|next| next.date != entry.date);
        if last_of_day {
            highest = highest.max(entry.balance);
        }
    }
    highest
}

/// The record of customer `code` as of `date`.
pub fn review_record(
    store: &Store,
    code: &str,
    date: NaiveDate,
) -> Result<ReviewRecord, StatementError> {
    let customer = store.customer(code)?;
    let figures = analytics(
        store,
        &AnalyticsOptions {
            as_of: date,
            period_days: 30,
        },
    )?;
    let mine = figures.by_customer.into_iter().find(|c| c.code == customer.code);
    let context = Context::new(store, date, None)?;
    let aged = context.aging_items(customer.id);
    let overdue: Money = aged
        .iter()
        .filter(|i| i.days_overdue > 0 && i.open.is_positive())
        .map(|i| i.open)
        .sum();
    let open: Money = aged.iter().map(|i| i.open).sum();
    let balance = open - context.unapplied_credit(customer.id).max(Money::ZERO);
    let from = date
        .checked_sub_months(Months::new(LOOK_BACK_MONTHS))
        .unwrap_or(date);
    let documents = store.ledger_documents(customer.id)?;
    Ok(ReviewRecord {
        days_to_pay: mine.as_ref().and_then(|m| m.habits.days_to_pay),
        on_time_share: mine.as_ref().and_then(|m| m.habits.on_time_share),
        promises_kept_share: mine.as_ref().and_then(|m| m.promises_kept_share),
        overdue,
        balance,
        highest_balance: highest_balance(&documents, from, date),
        customer,
        date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{DocKind, Side};
    use crate::domain::parse_date;

    fn doc(date: &str, kind: DocKind, side: Side, amount: i64) -> LedgerDocument {
        LedgerDocument {
            date: parse_date(date).unwrap(),
            kind,
            number: format!("{kind:?}-{date}"),
            side,
            amount: Money(Decimal::from(amount)),
            memo: None,
        }
    }

    #[test]
    fn highest_balance_is_the_highest_day_end_in_the_window_net_of_credit() {
        let docs = [
            doc("2025-01-10", DocKind::Invoice, Side::Debit, 900),
            doc("2025-02-01", DocKind::Payment, Side::Credit, 900),
            doc("2025-09-01", DocKind::Invoice, Side::Debit, 500),
            // The same day's payment brings the day's close to 300: the 800 in between
            // was never a balance at the end of a day.
            doc("2025-10-01", DocKind::Invoice, Side::Debit, 300),
            doc("2025-10-01", DocKind::Payment, Side::Credit, 500),
            doc("2025-11-01", DocKind::Invoice, Side::Debit, 100),
            doc("2026-07-01", DocKind::Invoice, Side::Debit, 5000),
        ];
        let from = parse_date("2025-06-30").unwrap();
        let to = parse_date("2026-06-30").unwrap();
        // 900 in January is before the window; 5,000 after it.
        assert_eq!(highest_balance(&docs, from, to), Money(Decimal::from(500)));
        // A balance brought into the window counts.
        let early = parse_date("2025-01-20").unwrap();
        assert_eq!(
            highest_balance(&docs, early, to),
            Money(Decimal::from(900))
        );
    }
}
