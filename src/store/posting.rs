//! Posting documents: invoices and fees become open items, credits are allocated to
//! them, refunds consume unapplied credit, and a void reverses one document by adding
//! its mirror image. Posted rows are never edited; every posting is one transaction.
//!
//! The whole ledger reduces to allocations: an allocation row moves an amount from a
//! credit document to an open item on a date. A void of a debit is a credit allocated
//! to the voided items; a void of a credit is a debit item the voided credit is
//! allocated to. Freeing an allocation adds a row with the negative amount.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{Result, Store, StoreError, customers, habits, queries};

mod apply;
mod credit;
mod discount;
mod numbers;
mod reversal;
mod run;

use numbers::{choose_number, number_taken};

use crate::domain::allocation::Apply;
use crate::domain::document::{DocKind, Side};
use crate::domain::ids::{CustomerId, DocumentId};
use crate::domain::terms::{self, Plan, Terms};
use crate::domain::text;
use crate::domain::{Currency, Money};
pub use apply::OpenItemsCache;
pub(super) use apply::apply_unapplied;
use apply::{Applying, apply_credit};
pub use credit::{CreditRefusal, OverLimit, Refused, ShownFigures};
pub use discount::{DiscountTaken, Discounting};
pub(super) use reversal::{post_refund, post_void};
pub use run::{PaymentRun, RunPosting};

/// An invoice or a fee (late fee or interest): a debit that falls due.
#[derive(Debug, Clone)]
pub struct NewDebit {
    pub customer: String,
    pub kind: DocKind,
    pub number: Option<String>,
    pub date: NaiveDate,
    pub amount: Money,
    pub terms: Option<Terms>,
    pub due: Option<NaiveDate>,
    pub plan: Plan,
    pub reference: Option<String>,
    pub memo: Option<String>,
}

/// A payment, credit note or write-off.
#[derive(Debug, Clone)]
pub struct NewCredit {
    pub customer: String,
    pub kind: DocKind,
    pub number: Option<String>,
    pub date: NaiveDate,
    pub amount: Money,
    pub reference: Option<String>,
    pub memo: Option<String>,
    pub apply: Apply,
}

/// Money paid back to a customer out of its unapplied credit.
#[derive(Debug, Clone)]
pub struct NewRefund {
    pub customer: String,
    pub number: Option<String>,
    pub date: NaiveDate,
    pub amount: Money,
    /// The payment or credit note refunded; `None` takes the oldest unapplied credit.
    pub of: Option<String>,
    pub reference: Option<String>,
    pub memo: Option<String>,
}

#[derive(Debug, Clone)]
pub struct VoidRequest {
    pub number: String,
    /// Defaults to today.
    pub date: Option<NaiveDate>,
    pub reason: Option<String>,
}

/// Something a posting says rather than refuses. Its `Display` is the English the
/// command line has always printed; the screens and the Chinese command line say it
/// from its parts (`crate::i18n::errors`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostingWarning {
    /// Discount terms on a document that can never earn the discount (a fee, or an
    /// invoice due in several items).
    NoDiscount { number: String, terms: String },
    /// Posted past a hold or the credit limit, for this reason.
    Overridden {
        reason: String,
        refusal: Box<CreditRefusal>,
    },
}

impl std::fmt::Display for PostingWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PostingWarning::NoDiscount { number, terms } => write!(
                f,
                "{number} earns no early-payment discount ({terms}): only an invoice due in one item does"
            ),
            PostingWarning::Overridden { reason, refusal } => write!(
                f,
                "posted with an override ({reason}): {}",
                refusal
                    .message
                    .trim_end_matches("; post it with --override REASON")
            ),
        }
    }
}

/// What a posting did, for the user to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub id: DocumentId,
    pub number: String,
    pub kind: DocKind,
    pub customer: String,
    /// For credits: (invoice number, installment, amount) applied.
    pub allocations: Vec<(String, u32, Money)>,
    /// For credits: what is left unapplied.
    pub unapplied: Money,
    /// For debits: the schedule of open items (installment, due date, amount).
    pub items: Vec<(u32, NaiveDate, Money)>,
    /// For debits: what was said rather than refused (an override, a discount that can
    /// never be earned).
    pub warnings: Vec<PostingWarning>,
    /// For payments: the early-payment discounts posted with it.
    pub discounts: Vec<DiscountTaken>,
    /// For voids: the discounts voided with the document (their numbers).
    pub also_voided: Vec<String>,
}

fn clean(text: &Option<String>) -> Option<String> {
    text.as_ref()
        .map(|t| t.trim().to_string())
        .filter(|t| !text::is_blank(t))
}

/// A document's reference as stored: one line by the text rules, trimmed, blank as none.
fn reference(typed: &Option<String>) -> Result<Option<String>> {
    text::check_optional_line("reference", typed.as_deref(), text::NAME_MAX)?;
    Ok(clean(typed))
}

/// A memo (or a void's reason, under `field`) as stored: several lines may be fine,
/// hidden characters are not (the text rules), trimmed, blank as none.
fn memo(field: &'static str, typed: &Option<String>) -> Result<Option<String>> {
    text::check_optional_multiline(field, typed.as_deref(), text::TEXT_MAX)?;
    Ok(clean(typed))
}

/// The columns of a new document row.
pub(super) struct DocumentInsert<'a> {
    pub customer_id: CustomerId,
    pub kind: DocKind,
    pub side: Side,
    pub number: &'a str,
    pub date: NaiveDate,
    pub amount: i64,
    pub reference: Option<String>,
    pub memo: Option<String>,
    pub terms: Option<String>,
    pub voids_id: Option<i64>,
    pub refund_of_id: Option<i64>,
}

/// Every date the book stores lies in 1900-01-01..2199-12-31, whoever computed it.
fn in_range(what: &'static str, date: NaiveDate) -> Result<()> {
    crate::domain::check_date(date)
        .map(|_| ())
        .map_err(|_| StoreError::DateOutOfRange { what, date })
}

fn insert_document(conn: &Connection, doc: DocumentInsert<'_>) -> Result<i64> {
    // Credits start wholly unapplied; allocations keep this derived amount in step.
    insert_document_applied(conn, doc, 0, None)
}

/// As [`insert_document`], for a credit whose allocations (`applied` of it, the latest
/// dated `exhausted_on` when they use it all) are written with it: its derived amounts
/// as those allocations would leave them, without an update per allocation.
fn insert_document_applied(
    conn: &Connection,
    doc: DocumentInsert<'_>,
    applied: i64,
    exhausted_on: Option<&str>,
) -> Result<i64> {
    let unapplied = (doc.side == Side::Credit).then_some(doc.amount - applied);
    in_range("the date", doc.date)?;
    conn.prepare_cached(
        "INSERT INTO documents (customer_id, kind, side, number, date, amount, reference, memo, terms, voids_id, refund_of_id, posted_at, unapplied, exhausted_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        doc.customer_id,
        doc.kind.as_str(),
        doc.side.sign(),
        doc.number,
        doc.date.to_string(),
        doc.amount,
        doc.reference,
        doc.memo,
        doc.terms,
        doc.voids_id,
        doc.refund_of_id,
        super::now_stamp(),
        unapplied,
        exhausted_on.filter(|_| unapplied == Some(0)),
    ])?;
    Ok(conn.last_insert_rowid())
}

fn insert_item(
    conn: &Connection,
    document_id: i64,
    customer_id: CustomerId,
    seq: u32,
    date: NaiveDate,
    due: NaiveDate,
    amount: i64,
) -> Result<i64> {
    // A due date comes from the terms too: net 30 from 2199-12-31 would leave the range.
    in_range("the due date", due)?;
    conn.prepare_cached(
        "INSERT INTO items (document_id, customer_id, seq, doc_date, due_date, amount, open) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![document_id, customer_id, seq, date.to_string(), due.to_string(), amount])?;
    Ok(conn.last_insert_rowid())
}

/// Moves `amount` minor units from a credit to an item on `date` (negative frees), and
/// keeps the derived open/unapplied amounts and settle dates in step.
pub(super) fn allocate(
    conn: &Connection,
    credit_id: i64,
    item_id: i64,
    amount: i64,
    date: &str,
) -> Result<()> {
    let latest = |sql: &str, id: i64| -> Result<Option<String>> {
        Ok(conn.prepare_cached(sql)?.query_row([id], |r| r.get(0))?)
    };
    let credit_latest = latest(
        "SELECT MAX(date) FROM allocations WHERE credit_id = ?1",
        credit_id,
    )?;
    let item_latest = latest(
        "SELECT MAX(date) FROM allocations WHERE item_id = ?1",
        item_id,
    )?;
    let mut date = date.to_string();
    if amount > 0 {
        no_earlier_than(&mut date, [&credit_latest, &item_latest]);
    }
    // Settled (or exhausted) from its latest allocation on, once nothing is left open.
    let item_settles = item_latest
        .filter(|d| *d > date)
        .unwrap_or_else(|| date.clone());
    allocation_row(conn, credit_id, item_id, amount, &date, &item_settles)?;
    let credit_exhausts = credit_latest
        .filter(|d| *d > date)
        .unwrap_or_else(|| date.clone());
    let (left, credit_total): (i64, i64) = conn
        .prepare_cached(
            "UPDATE documents SET unapplied = unapplied - ?2, exhausted_on = CASE WHEN unapplied - ?2 = 0 THEN ?3 END
             WHERE id = ?1 AND side = -1 RETURNING unapplied, amount",
        )?
        .query_row(params![credit_id, amount, credit_exhausts], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if left < 0 || left > credit_total {
        return Err(StoreError::Invariant(format!(
            "an allocation would leave credit {credit_id} with {left} of {credit_total}"
        )));
    }
    Ok(())
}

/// Moves `date` up to the latest of `earlier`: a new allocation is never dated before any
/// earlier row of its credit or its item. Capacity freed by a void exists only from the
/// void's date on, so using it earlier would over-allocate the credit or the item as of
/// the days in between.
fn no_earlier_than(date: &mut String, earlier: [&Option<String>; 2]) {
    for earlier in earlier.into_iter().flatten() {
        if *earlier > *date {
            date.clone_from(earlier);
        }
    }
}

/// Writes one allocation row, nothing else.
fn insert_allocation(
    conn: &Connection,
    credit_id: i64,
    item_id: i64,
    amount: i64,
    date: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO allocations (credit_id, item_id, date, amount) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![credit_id, item_id, date, amount])?;
    Ok(())
}

/// Writes one allocation row and takes its amount off the item's open amount, settled
/// on `settles` when nothing is left: the part of an allocation every posting shares.
fn allocation_row(
    conn: &Connection,
    credit_id: i64,
    item_id: i64,
    amount: i64,
    date: &str,
    settles: &str,
) -> Result<()> {
    insert_allocation(conn, credit_id, item_id, amount, date)?;
    // Freeing may open a settled item again: it leaves the month it settled in.
    let was_settled: Option<String> = if amount < 0 {
        conn.prepare_cached("SELECT settled_on FROM items WHERE id = ?1")?
            .query_row([item_id], |r| r.get(0))?
    } else {
        None
    };
    let (open, total, customer_id, doc_date, due_date, settled_on): (
        i64,
        i64,
        i64,
        String,
        String,
        Option<String>,
    ) = conn
        .prepare_cached(
            "UPDATE items SET open = open - ?2, settled_on = CASE WHEN open - ?2 = 0 THEN ?3 END
             WHERE id = ?1 RETURNING open, amount, customer_id, doc_date, due_date, settled_on",
        )?
        .query_row(params![item_id, amount, settles], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
    if open < 0 || open > total {
        return Err(StoreError::Invariant(format!(
            "an allocation would leave item {item_id} open for {open} of {total}"
        )));
    }
    if was_settled == settled_on {
        return Ok(());
    }
    let item = |settled_on: &str| -> Result<habits::Settled> {
        Ok(habits::Settled {
            customer_id,
            amount: total,
            doc_date: queries::parse_stored_date(&doc_date)?,
            due_date: queries::parse_stored_date(&due_date)?,
            settled_on: queries::parse_stored_date(settled_on)?,
        })
    };
    if let Some(was) = &was_settled {
        habits::count(conn, &item(was)?, -1)?;
    }
    if let Some(now) = &settled_on {
        habits::count(conn, &item(now)?, 1)?;
    }
    Ok(())
}

/// Σ open items − Σ unapplied credit, now.
pub(super) fn balance_now(conn: &Connection, customer_id: CustomerId) -> Result<i64> {
    let open: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(open), 0) FROM items WHERE customer_id = ?1 AND open <> 0",
        )?
        .query_row([customer_id], |r| r.get(0))?;
    let unapplied: i64 = conn
        .prepare_cached("SELECT COALESCE(SUM(unapplied), 0) FROM documents WHERE customer_id = ?1 AND side = -1 AND unapplied <> 0")?
        .query_row([customer_id], |r| r.get(0))?;
    Ok(open - unapplied)
}

fn check_amount(currency: &Currency, amount: Money) -> Result<i64> {
    let minor =
        currency
            .to_minor_checked(amount)
            .ok_or_else(|| crate::domain::MoneyError::TooPrecise {
                text: amount.to_string(),
                code: currency.code.clone(),
                minor_units: currency.minor_units,
            })?;
    if minor <= 0 {
        return Err(crate::domain::MoneyError::NotPositive(currency.plain(amount)).into());
    }
    // The bound every parsed amount keeps, for callers of the library too: sums over a
    // customer's documents then stay inside i64 minor units.
    if !Currency::within_bound(amount) {
        return Err(crate::domain::MoneyError::TooLarge(currency.display(amount)).into());
    }
    Ok(minor)
}

/// Posts an invoice or fee, refused when its customer is on hold or it takes the
/// balance over the credit limit (see [`credit`]) unless `overriding` gives the reason.
pub(super) fn post_debit(
    conn: &Connection,
    currency: &Currency,
    new: &NewDebit,
    overriding: Option<&str>,
) -> Result<Posted> {
    post_debit_counting(conn, currency, new, None, overriding)
}

/// As [`post_debit`]; `open`, when less than the amount, is what the credit check counts
/// (an invoice loaded with part of it paid before the load).
pub(super) fn post_debit_counting(
    conn: &Connection,
    currency: &Currency,
    new: &NewDebit,
    open: Option<Money>,
    overriding: Option<&str>,
) -> Result<Posted> {
    let customer = customers::require(conn, currency, &new.customer)?;
    let minor = check_amount(currency, new.amount)?;
    let kind = match new.kind {
        DocKind::Invoice | DocKind::Fee => new.kind,
        other => {
            return Err(StoreError::Invariant(format!(
                "{other} is not posted as a debit"
            )));
        }
    };
    let reason = match overriding {
        Some(reason) => {
            text::required_multiline("override reason", reason, text::TEXT_MAX)?;
            Some(reason.trim())
        }
        None => None,
    };
    let amount = currency.from_minor(minor);
    let counted = open.map_or(amount, |open| open.min(amount));
    let refusal = credit::breach(conn, currency, &customer, kind, counted, amount)?;
    if let (Some(refusal), None) = (&refusal, reason) {
        return Err(StoreError::CreditRefused(Box::new(refusal.clone())));
    }
    let terms = new.terms.unwrap_or(if kind == DocKind::Fee {
        Terms::DueOnReceipt
    } else {
        customer.terms
    });
    let schedule = terms::schedule(
        currency,
        new.date,
        currency.rescale(new.amount),
        terms,
        new.due,
        &new.plan,
    )?;
    let number = choose_number(conn, kind, &new.number)?;
    let id = insert_document(
        conn,
        DocumentInsert {
            customer_id: customer.id,
            kind,
            side: Side::Debit,
            number: &number,
            date: new.date,
            amount: minor,
            reference: reference(&new.reference)?,
            memo: memo("memo", &new.memo)?,
            terms: Some(terms.to_string()),
            voids_id: None,
            refund_of_id: None,
        },
    )?;
    for part in &schedule {
        insert_item(
            conn,
            id,
            customer.id,
            part.seq,
            new.date,
            part.due,
            currency.to_minor(part.amount),
        )?;
    }
    let mut warnings = Vec::new();
    // Discount terms on a document that can never earn the discount: said, not refused
    // (the customer's terms apply to every invoice, whatever its schedule).
    if terms.discount().is_some() && (kind == DocKind::Fee || schedule.len() > 1) {
        warnings.push(PostingWarning::NoDiscount {
            number: number.clone(),
            terms: terms.to_string(),
        });
    }
    if let (Some(refusal), Some(reason)) = (&refusal, reason) {
        // In this transaction: without its audit rows the document is not posted either.
        credit::record_override(conn, currency, &customer, &number, refusal, reason)?;
        warnings.push(PostingWarning::Overridden {
            reason: reason.to_string(),
            refusal: Box::new(refusal.clone()),
        });
    }
    Ok(Posted {
        id: DocumentId(id),
        number,
        kind,
        customer: customer.code,
        allocations: Vec::new(),
        unapplied: Money::ZERO,
        items: schedule.iter().map(|s| (s.seq, s.due, s.amount)).collect(),
        warnings,
        discounts: Vec::new(),
        also_voided: Vec::new(),
    })
}

pub(super) fn post_credit(
    conn: &Connection,
    currency: &Currency,
    new: &NewCredit,
) -> Result<Posted> {
    post_credit_with(conn, currency, new, Discounting::Take)
}

/// As [`post_credit`]; a payment takes the early-payment discounts it earns unless
/// `discounting` refuses them (other credits never earn one).
pub(super) fn post_credit_with(
    conn: &Connection,
    currency: &Currency,
    new: &NewCredit,
    discounting: Discounting,
) -> Result<Posted> {
    post_credit_cached(conn, currency, new, discounting, None)
}

/// As [`post_credit_with`], reading the customer's open items from `cache` (and keeping
/// it in step) when one is given: for many payments in one transaction.
pub(super) fn post_credit_cached(
    conn: &Connection,
    currency: &Currency,
    new: &NewCredit,
    discounting: Discounting,
    cache: Option<&mut OpenItemsCache>,
) -> Result<Posted> {
    let customer = customers::require(conn, currency, &new.customer)?;
    let minor = check_amount(currency, new.amount)?;
    if !matches!(
        new.kind,
        DocKind::Payment | DocKind::Credit | DocKind::WriteOff
    ) {
        return Err(StoreError::Invariant(format!(
            "{} is not posted as a credit",
            new.kind
        )));
    }
    let number = choose_number(conn, new.kind, &new.number)?;
    let id = insert_document(
        conn,
        DocumentInsert {
            customer_id: customer.id,
            kind: new.kind,
            side: Side::Credit,
            number: &number,
            date: new.date,
            amount: minor,
            reference: reference(&new.reference)?,
            memo: memo("memo", &new.memo)?,
            terms: None,
            voids_id: None,
            refund_of_id: None,
        },
    )?;
    let amount = currency.from_minor(minor);
    let takes_discounts = new.kind == DocKind::Payment && discounting == Discounting::Take;
    let (allocations, discounts) = apply_credit(
        conn,
        currency,
        customer.id,
        Applying {
            id,
            date: new.date,
            discounts_for: takes_discounts.then_some(number.as_str()),
        },
        amount,
        &new.apply,
        cache,
    )?;
    let applied: Money = allocations.iter().map(|(_, _, m)| *m).sum();
    Ok(Posted {
        id: DocumentId(id),
        number,
        kind: new.kind,
        customer: customer.code,
        allocations,
        unapplied: amount - applied,
        items: Vec::new(),
        warnings: Vec::new(),
        discounts,
        also_voided: Vec::new(),
    })
}

impl Store {
    /// Posts an invoice or fee; refused ([`StoreError::CreditRefused`]) for a customer
    /// on hold or one it takes over its credit limit.
    pub fn post_debit(&mut self, new: &NewDebit) -> Result<Posted> {
        self.write(|tx, currency| post_debit(tx, currency, new, None))
    }
    /// As [`Store::post_debit`]; with `overriding` (the reason, not blank) a refused
    /// document is posted and the override recorded in the audit log, in one transaction.
    pub fn post_debit_overriding(
        &mut self,
        new: &NewDebit,
        overriding: Option<&str>,
    ) -> Result<Posted> {
        self.write(|tx, currency| post_debit(tx, currency, new, overriding))
    }
    /// Posts a payment, credit note or write-off; a payment takes the early-payment
    /// discounts it earns (see [`discount`]).
    pub fn post_credit(&mut self, new: &NewCredit) -> Result<Posted> {
        self.write(|tx, currency| post_credit(tx, currency, new))
    }
    /// As [`Store::post_credit`], refusing the discounts with [`Discounting::Refuse`].
    pub fn post_credit_with(
        &mut self,
        new: &NewCredit,
        discounting: Discounting,
    ) -> Result<Posted> {
        self.write(|tx, currency| post_credit_with(tx, currency, new, discounting))
    }
    pub fn post_refund(&mut self, new: &NewRefund) -> Result<Posted> {
        self.write(|tx, currency| post_refund(tx, currency, new))
    }
    pub fn void(&mut self, request: &VoidRequest) -> Result<Posted> {
        self.write(|tx, _| post_void(tx, request))
    }
    /// Applies unapplied credit to open items, oldest first, dated `date` (or later).
    pub fn apply_unapplied(
        &mut self,
        code: &str,
        date: NaiveDate,
    ) -> Result<Vec<(String, u32, Money)>> {
        self.write(|tx, currency| apply_unapplied(tx, currency, code, date))
    }
}
