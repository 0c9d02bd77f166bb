//! The customer ledger: every document in date order with debit, credit and a running
//! balance, opening with the balance brought forward from before the range.

use chrono::NaiveDate;

use super::document::{DocKind, Side};
use super::money::Money;

/// A posted document as the ledger lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerDocument {
    pub date: NaiveDate,
    pub kind: DocKind,
    pub number: String,
    pub side: Side,
    pub amount: Money,
    pub memo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerEntry {
    pub date: NaiveDate,
    pub kind: DocKind,
    pub number: String,
    pub debit: Money,
    pub credit: Money,
    pub balance: Money,
    pub memo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ledger {
    pub opening: Money,
    pub closing: Money,
    pub entries: Vec<LedgerEntry>,
}

/// Builds the ledger for `[from, to]` from documents already in date order.
pub fn build(
    documents: &[LedgerDocument],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Ledger {
    let mut opening = Money::ZERO;
    let mut balance = Money::ZERO;
    let mut entries = Vec::new();
    for doc in documents {
        if to.is_some_and(|to| doc.date > to) {
            break;
        }
        let signed = match doc.side {
            Side::Debit => doc.amount,
            Side::Credit => -doc.amount,
        };
        balance += signed;
        if from.is_some_and(|from| doc.date < from) {
            opening = balance;
            continue;
        }
        let (debit, credit) = match doc.side {
            Side::Debit => (doc.amount, Money::ZERO),
            Side::Credit => (Money::ZERO, doc.amount),
        };
        entries.push(LedgerEntry {
            date: doc.date,
            kind: doc.kind,
            number: doc.number.clone(),
            debit,
            credit,
            balance,
            memo: doc.memo.clone(),
        });
    }
    Ledger {
        opening,
        closing: balance,
        entries,
    }
}

/// The highest balance the customer owed at the end of any day from `from` through
/// `to` (the balance brought into `from` counts as that day's start), from documents
/// already in date order; credit in hand counts as owing nothing.
pub fn highest_balance(documents: &[LedgerDocument], from: NaiveDate, to: NaiveDate) -> Money {
    let mut balance = Money::ZERO;
    let mut highest = Money::ZERO;
    let mut previous: Option<NaiveDate> = None;
    for doc in documents.iter().take_while(|d| d.date <= to) {
        // On a new day, `balance` is the previous day's end, or what was brought into
        // `from`: either counts once the new day is in the range.
        if previous != Some(doc.date) && doc.date >= from {
            highest = highest.max(balance);
        }
        balance += match doc.side {
            Side::Debit => doc.amount,
            Side::Credit => -doc.amount,
        };
        previous = Some(doc.date);
    }
    highest.max(balance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Currency, parse_date};

    #[test]
    fn running_balance_and_opening() {
        let usd = Currency::default();
        let doc = |date: &str, kind, side, amount: &str| LedgerDocument {
            date: parse_date(date).unwrap(),
            kind,
            number: format!("{kind}-{date}"),
            side,
            amount: usd.parse(amount).unwrap(),
            memo: None,
        };
        let docs = vec![
            doc("2026-09-01", DocKind::Invoice, Side::Debit, "100"),
            doc("2026-09-15", DocKind::Payment, Side::Credit, "60"),
            doc("2026-10-01", DocKind::Invoice, Side::Debit, "50"),
            doc("2026-11-01", DocKind::Payment, Side::Credit, "10"),
        ];
        let ledger = build(
            &docs,
            Some(parse_date("2026-09-10").unwrap()),
            Some(parse_date("2026-10-31").unwrap()),
        );
        assert_eq!(usd.plain(ledger.opening), "100.00");
        assert_eq!(ledger.entries.len(), 2);
        assert_eq!(usd.plain(ledger.entries[1].balance), "90.00");
        assert_eq!(usd.plain(ledger.closing), "90.00");
    }
}
