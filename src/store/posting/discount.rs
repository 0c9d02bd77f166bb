//! Early-payment discounts. A payment dated inside the window of an invoice whose terms
//! offer a discount (`2/10 net 30`) and that covers the invoice's open amount less the
//! discount settles it: the discount is posted as its own credit document (kind
//! `discount`, numbered `DISC-…`, dated the payment's date, its reference the payment's
//! number, its memo naming the invoice and the terms, its terms the invoice's terms) and
//! allocated to the invoice, in the payment's transaction.
//!
//! Rules a bookkeeper can rely on:
//! - The discount is the terms' percent of the invoice's amount as posted, rounded half
//!   away from zero; part payments inside the window count, since each one is checked
//!   against what is still open less that same discount.
//! - Only invoices of one open item earn one: an invoice in installments or with a
//!   deposit has no single window to pay in, and a fee never earns one.
//! - A discount is never more than is open: where a credit note or write-off left less
//!   open than the discount, none is taken.
//! - Voiding the payment voids its discounts with it, and voiding the invoice voids the
//!   discounts taken on it (a discount earned on nothing is no credit at all); one
//!   transaction either way. A discount may also be voided alone, to refuse it afterwards.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::apply::OpenNow;
use super::{DocumentInsert, allocate, choose_number, insert_document};
use crate::domain::document::{DocKind, Side};
use crate::domain::ids::CustomerId;
use crate::domain::terms::{DiscountedInvoice, Terms};
use crate::domain::{Currency, Money};
use crate::store::Result;

/// Whether a payment takes the discounts its invoices offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Discounting {
    /// Takes every discount the payment earns (the default for payments).
    #[default]
    Take,
    /// Takes none: the bookkeeper refuses it, or the payment is history being loaded.
    Refuse,
}

/// A discount posted with a payment, for the user to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscountTaken {
    /// The discount document's number.
    pub number: String,
    pub invoice: String,
    pub amount: Money,
    /// The invoice's terms, normalised (`2/10 net 30`).
    pub terms: String,
}

/// The invoice behind an open item, when the discount rules apply to it: an invoice of
/// one item whose stored terms offer a discount.
pub(super) fn discounted(currency: &Currency, open: &OpenNow) -> Option<DiscountedInvoice> {
    if open.kind != DocKind::Invoice || !open.single_item {
        return None;
    }
    Some(DiscountedInvoice {
        date: open.doc_date,
        amount: currency.from_minor(open.doc_amount),
        terms: open.terms.as_deref()?.parse::<Terms>().ok()?.discount()?,
    })
}

/// The discount an open item offers a payment dated `date`, if it offers one.
pub(super) fn offer(currency: &Currency, open: &OpenNow, date: NaiveDate) -> Option<Money> {
    open.discount
        .as_ref()?
        .offer(currency, open.item.open, date)
        .map(|offer| offer.amount)
}

/// A discount document's terms (the invoice's, normalised) and memo, for a discount on
/// `target` taken with the payment `payment_number`.
pub(super) fn described(target: &OpenNow, payment_number: &str) -> (String, String) {
    let terms = target
        .terms
        .as_deref()
        .and_then(|t| t.parse::<Terms>().ok());
    let percent = terms
        .and_then(Terms::discount)
        .map(|d| d.percent.to_string())
        .unwrap_or_default();
    let terms = terms.map(|t| t.to_string()).unwrap_or_default();
    let memo = format!(
        "{percent}% early-payment discount on {} ({terms}), taken with {payment_number}",
        target.item.number
    );
    (terms, memo)
}

/// Posts each discount `taken` (by index into `open`) for the payment (number, date), and
/// allocates it to its item on the day the payment's allocation is dated.
pub(super) fn post_taken(
    conn: &Connection,
    currency: &Currency,
    customer_id: CustomerId,
    payment: (&str, NaiveDate),
    open: &[OpenNow],
    taken: &[(usize, Money)],
) -> Result<Vec<DiscountTaken>> {
    let (payment_number, payment_date) = payment;
    let mut posted = Vec::with_capacity(taken.len());
    for (index, amount) in taken {
        let target = &open[*index];
        let (terms, memo) = described(target, payment_number);
        let number = choose_number(conn, DocKind::Discount, &None)?;
        let minor = currency.to_minor(*amount);
        let id = insert_document(
            conn,
            DocumentInsert {
                customer_id,
                kind: DocKind::Discount,
                side: Side::Credit,
                number: &number,
                date: payment_date,
                amount: minor,
                reference: Some(payment_number.to_string()),
                memo: Some(memo),
                terms: Some(terms.clone()),
                voids_id: None,
                refund_of_id: None,
            },
        )?;
        let day = payment_date.max(target.doc_date);
        allocate(conn, id, target.item_id, minor, &day.to_string())?;
        posted.push(DiscountTaken {
            number,
            invoice: target.item.number.clone(),
            amount: *amount,
            terms,
        });
    }
    Ok(posted)
}

/// The numbers of the discounts standing (not voided) that go with the document
/// `document_id`: those taken with it when it is a payment, those taken on it when it
/// is an invoice.
pub(super) fn standing_with(conn: &Connection, document_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT x.number FROM documents x JOIN documents p ON p.id = ?1
         WHERE x.kind = 'discount' AND x.customer_id = p.customer_id
           AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = x.id)
           AND ((p.kind = 'payment' AND x.reference = p.number)
             OR (p.kind = 'invoice' AND EXISTS (
                    SELECT 1 FROM allocations a JOIN items i ON i.id = a.item_id
                    WHERE a.credit_id = x.id AND i.document_id = p.id)))
         ORDER BY x.id",
    )?;
    let numbers = stmt
        .query_map(params![document_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(numbers)
}

impl crate::store::Store {
    /// The invoices (of `customer`, or of everyone) whose discount can still be taken on
    /// `as_of`, by number: invoices of one item on discount terms, dated on or before
    /// `as_of` and not voided, whose window has not closed. Whether a discount stands
    /// also depends on what is open ([`DiscountedInvoice::offer`]).
    pub fn discount_windows(
        &self,
        customer: Option<CustomerId>,
        as_of: NaiveDate,
    ) -> Result<HashMap<String, DiscountedInvoice>> {
        let mut windows = self.discounted_invoices(customer, Some(as_of))?;
        windows.retain(|_, invoice| {
            invoice.date <= as_of
                && invoice
                    .terms
                    .last_day(invoice.date)
                    .is_ok_and(|last| last >= as_of)
        });
        Ok(windows)
    }

    /// Every invoice of `customer` (or of everyone) that the discount rules apply to,
    /// window open or not, that still has something open now (or, with `as_of`, that is
    /// dated on or before it): for a payment form to preview what a payment of any date
    /// would earn.
    pub fn discounted_invoices(
        &self,
        customer: Option<CustomerId>,
        as_of: Option<NaiveDate>,
    ) -> Result<HashMap<String, DiscountedInvoice>> {
        let currency = self.currency();
        // Discount terms are the only ones written with a '/'. One customer's documents
        // are read by its index (a ledger opened on a large book stays quick); the whole
        // book's once per statement run or import.
        let customer_clause = match customer {
            Some(_) => "d.customer_id = ?2",
            None => "?2 IS NULL",
        };
        let sql = format!(
            "SELECT d.number, d.date, d.amount, d.terms FROM documents d
             WHERE {customer_clause} AND d.kind = 'invoice' AND d.terms LIKE '%/%'
               AND (?1 IS NULL OR d.date <= ?1)
               AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id)
               AND (SELECT COUNT(*) FROM items i WHERE i.document_id = d.id) = 1
               AND (?1 IS NOT NULL OR EXISTS (SELECT 1 FROM items i WHERE i.document_id = d.id AND i.open > 0))"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![as_of.map(|d| d.to_string()), customer])?;
        let mut invoices = HashMap::new();
        while let Some(row) = rows.next()? {
            let terms: String = row.get(3)?;
            let Some(terms) = terms.parse::<Terms>().ok().and_then(Terms::discount) else {
                continue;
            };
            let date: String = row.get(1)?;
            let invoice = DiscountedInvoice {
                date: crate::store::queries::parse_stored_date(&date)?,
                amount: currency.from_minor(row.get(2)?),
                terms,
            };
            invoices.insert(row.get(0)?, invoice);
        }
        Ok(invoices)
    }
}
