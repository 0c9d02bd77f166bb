//! Disputes and pauses: what holds a customer's letters besides credit and promises.
//!
//! A dispute holds an invoice (or one installment of it) out of dunning and interest
//! until it is resolved; resolving it may post a credit note, allocated to the disputed
//! items, when the customer was right. Opening and resolving each write a collection
//! note and an audit row in the same transaction. A resolved dispute is never edited
//! again: the schema's trigger allows one update, from open to resolved, and nothing
//! else.
//!
//! A pause holds a customer's letters by hand until a date. Pauses are rows, never
//! edited: the latest counts, and a resume is a row without a date.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

mod refusal;
mod says;
pub use refusal::DisputeRefusal;
pub use says::{DisputedItem, NoteSays};

use super::audit::{AuditAction, record};
use super::posting::{NewCredit, allocate, post_credit};
use super::{Result, Store, StoreError, customers, notes};
use crate::domain::allocation::Apply;
use crate::domain::document::DocKind;
use crate::domain::ids::CustomerId;
use crate::domain::note::{Channel, Direction, NoteDraft};
use crate::domain::text::{TEXT_MAX, check_optional_multiline, is_blank};
use crate::domain::{Currency, Money};

/// A dispute as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispute {
    pub id: i64,
    pub customer: String,
    pub invoice: String,
    /// The installment disputed; `None` for the whole invoice.
    pub item: Option<u32>,
    pub reason: String,
    pub opened_at: String,
    pub resolved_at: Option<String>,
    pub outcome: Option<String>,
    /// The credit note posted on resolving it, and its amount.
    pub credit: Option<(String, Money)>,
}

impl Dispute {
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }
}

/// A dispute to open.
#[derive(Debug, Clone)]
pub struct NewDispute {
    pub invoice: String,
    pub item: Option<u32>,
    pub reason: String,
}

/// How a dispute ends.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub id: i64,
    pub outcome: String,
    /// A credit note for this amount, allocated to the disputed items.
    pub credit: Option<Money>,
    /// The credit note's date.
    pub date: NaiveDate,
}

/// A customer's letters held by hand until a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerPause {
    pub until: NaiveDate,
    pub reason: String,
    pub at: String,
}

/// The items of open disputes, by (document number, installment), as the aging and
/// ledger name them.
pub type DisputedItems = HashSet<(String, u32)>;

fn refused(why: DisputeRefusal) -> StoreError {
    StoreError::DisputeRefused(why)
}

fn item(number: &str, installment: Option<u32>) -> DisputedItem {
    DisputedItem {
        number: number.to_string(),
        installment,
    }
}

/// A reason or outcome: something said, on a few lines at most.
fn required_text(field: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    if is_blank(text) {
        return Err(refused(DisputeRefusal::Empty { field }));
    }
    check_optional_multiline(field, Some(text), TEXT_MAX)?;
    Ok(text.to_string())
}

fn write_note(
    conn: &Connection,
    currency: &Currency,
    customer: &str,
    invoice: &str,
    summary: String,
    outcome: Option<String>,
) -> Result<()> {
    let draft = NoteDraft {
        customer_code: customer.to_string(),
        invoice_number: Some(invoice.to_string()),
        channel: Channel::Other,
        direction: Direction::Out,
        summary,
        outcome,
        promise: None,
        follow_up: None,
    };
    notes::insert(conn, currency, &draft, &super::now_stamp())?;
    Ok(())
}

/// The disputed items' ids and what is open on each, oldest due first.
fn disputed_open(
    conn: &Connection,
    document_id: i64,
    seq: Option<u32>,
) -> Result<Vec<(i64, i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, open, doc_date FROM items WHERE document_id = ?1 AND (?2 IS NULL OR seq = ?2)
         ORDER BY due_date, seq",
    )?;
    let rows = stmt.query_map(params![document_id, seq], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn open_dispute(
    conn: &Connection,
    currency: &Currency,
    new: &NewDispute,
) -> Result<i64> {
    let reason = required_text("reason", &new.reason)?;
    let number = new.invoice.trim();
    let document: Option<(i64, CustomerId, String, String)> = conn
        .query_row(
            "SELECT id, customer_id, number, kind FROM documents WHERE number = ?1",
            [number],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((document_id, customer_id, number, kind)) = document else {
        return Err(StoreError::UnknownDocument(number.to_string()));
    };
    // What the customer was billed; a refund or a void is the book's own correction.
    if kind != "invoice" && kind != "fee" {
        return Err(refused(DisputeRefusal::NotDisputable {
            number: number.clone(),
            kind: kind.to_string(),
        }));
    }
    let items = disputed_open(conn, document_id, new.item)?;
    if items.is_empty() {
        let seq = new.item.unwrap_or_default();
        return Err(refused(DisputeRefusal::NoInstallment {
            number: number.clone(),
            seq,
        }));
    }
    if items.iter().all(|(_, open, _)| *open == 0) {
        return Err(refused(DisputeRefusal::NothingOpen {
            on: item(&number, new.item),
        }));
    }
    let clash: Option<i64> = conn
        .query_row(
            "SELECT id FROM disputes WHERE document_id = ?1 AND resolved_at IS NULL
             AND (?2 IS NULL OR item_seq IS NULL OR item_seq = ?2) ORDER BY id LIMIT 1",
            params![document_id, new.item],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = clash {
        return Err(refused(DisputeRefusal::AlreadyOpen {
            on: item(&number, new.item),
            id,
        }));
    }
    let code: String = conn.query_row(
        "SELECT code FROM customers WHERE id = ?1",
        [customer_id],
        |r| r.get(0),
    )?;
    conn.prepare_cached(
        "INSERT INTO disputes (customer_id, document_id, item_seq, reason, opened_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        customer_id,
        document_id,
        new.item,
        reason,
        super::now_stamp()
    ])?;
    let id = conn.last_insert_rowid();
    write_note(
        conn,
        currency,
        &code,
        &number,
        NoteSays::Opened {
            id,
            on: DisputedItem {
                number: number.clone(),
                installment: new.item,
            },
            reason: reason.clone(),
        }
        .to_string(),
        None,
    )?;
    record(
        conn,
        AuditAction::Dispute,
        Some(customer_id),
        Some("dispute"),
        None,
        Some(
            &super::audit::EntrySays::DisputeOpen {
                id,
                number: number.clone(),
                installment: new.item,
            }
            .to_string(),
        ),
        Some(&reason),
    )?;
    Ok(id)
}

/// A dispute's document id and number, customer id, installment, when it was resolved
/// and the customer's code.
type KeptDispute = (i64, String, CustomerId, Option<u32>, Option<String>, String);

fn resolve_dispute(conn: &Connection, currency: &Currency, resolution: &Resolution) -> Result<()> {
    let outcome = required_text("outcome", &resolution.outcome)?;
    let row: Option<KeptDispute> = conn
        .query_row(
            "SELECT x.document_id, d.number, x.customer_id, x.item_seq, x.resolved_at, c.code
             FROM disputes x JOIN documents d ON d.id = x.document_id
             JOIN customers c ON c.id = x.customer_id WHERE x.id = ?1",
            [resolution.id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    let Some((document_id, number, customer_id, seq, resolved_at, code)) = row else {
        return Err(StoreError::UnknownDispute(resolution.id));
    };
    if let Some(at) = resolved_at {
        return Err(refused(DisputeRefusal::AlreadyResolved {
            id: resolution.id,
            at: at.to_string(),
        }));
    }
    let on = DisputedItem {
        number: number.clone(),
        installment: seq,
    };
    let mut credit_id = None;
    let mut credit_text = None;
    if let Some(amount) = resolution.credit {
        if !amount.is_positive() {
            return Err(refused(DisputeRefusal::CreditNotPositive));
        }
        let items = disputed_open(conn, document_id, seq)?;
        let open: i64 = items.iter().map(|(_, open, _)| open).sum();
        let mut left = currency.to_minor(amount);
        if left > open {
            return Err(refused(DisputeRefusal::CreditTooLarge {
                credit: currency.display(amount),
                open: currency.display(currency.from_minor(open)),
                on: on.clone(),
            }));
        }
        // Posted as unapplied through the ordinary posting, then allocated to exactly
        // the disputed items (the ordinary ways of applying pick by invoice, not item).
        let posted = post_credit(
            conn,
            currency,
            &NewCredit {
                customer: code.clone(),
                kind: DocKind::Credit,
                number: None,
                date: resolution.date,
                amount,
                reference: None,
                memo: Some(
                    NoteSays::CreditMemo {
                        id: resolution.id,
                        on: on.clone(),
                        outcome: outcome.clone(),
                    }
                    .to_string(),
                ),
                apply: Apply::Unapplied,
            },
        )?;
        for (item_id, open, doc_date) in items {
            if left == 0 {
                break;
            }
            let take = open.min(left);
            if take == 0 {
                continue;
            }
            let date = super::queries::parse_stored_date(&doc_date)?.max(resolution.date);
            allocate(conn, posted.id.0, item_id, take, &date.to_string())?;
            left -= take;
        }
        credit_id = Some(posted.id.0);
        credit_text = Some((posted.number.clone(), currency.display(amount)));
    }
    conn.prepare_cached(
        "UPDATE disputes SET resolved_at = ?2, outcome = ?3, credit_id = ?4 WHERE id = ?1",
    )?
    .execute(params![
        resolution.id,
        super::now_stamp(),
        outcome,
        credit_id
    ])?;
    let summary = NoteSays::Resolved {
        id: resolution.id,
        on,
        credit: credit_text,
    }
    .to_string();
    write_note(
        conn,
        currency,
        &code,
        &number,
        summary,
        Some(outcome.clone()),
    )?;
    record(
        conn,
        AuditAction::Dispute,
        Some(customer_id),
        Some("dispute"),
        Some(
            &super::audit::EntrySays::DisputeOpen {
                id: resolution.id,
                number: number.clone(),
                installment: seq,
            }
            .to_string(),
        ),
        Some(&super::audit::EntrySays::DisputeResolved { id: resolution.id }.to_string()),
        Some(&outcome),
    )?;
    Ok(())
}

fn latest_pause(conn: &Connection, customer_id: CustomerId) -> Result<Option<String>> {
    let row: Option<Option<String>> = conn
        .query_row(
            "SELECT until FROM customer_pauses WHERE customer_id = ?1 ORDER BY id DESC LIMIT 1",
            [customer_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(row.flatten())
}

pub(super) fn set_pause(
    conn: &Connection,
    currency: &Currency,
    code: &str,
    until: Option<NaiveDate>,
    reason: Option<&str>,
) -> Result<()> {
    let customer = customers::require(conn, currency, code)?;
    let old = latest_pause(conn, customer.id)?;
    let new = until.map(|d| d.to_string());
    conn.prepare_cached(
        "INSERT INTO customer_pauses (customer_id, until, reason, at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![customer.id, new, reason, super::now_stamp()])?;
    record(
        conn,
        AuditAction::Pause,
        Some(customer.id),
        Some("paused-until"),
        old.as_deref(),
        new.as_deref(),
        reason,
    )
}

const SELECT_DISPUTES: &str = "SELECT x.id, c.code, d.number, x.item_seq, x.reason, x.opened_at,
    x.resolved_at, x.outcome, k.number, k.amount
    FROM disputes x JOIN customers c ON c.id = x.customer_id
    JOIN documents d ON d.id = x.document_id LEFT JOIN documents k ON k.id = x.credit_id";

impl Store {
    /// Opens a dispute on an invoice or one installment of it, with its collection note.
    pub fn open_dispute(&mut self, new: &NewDispute) -> Result<Dispute> {
        let id = self.write(|tx, currency| open_dispute(tx, currency, new))?;
        self.dispute(id)
    }

    /// Resolves an open dispute, with a credit note when one is asked for.
    pub fn resolve_dispute(&mut self, resolution: &Resolution) -> Result<Dispute> {
        self.write(|tx, currency| resolve_dispute(tx, currency, resolution))?;
        self.dispute(resolution.id)
    }

    pub fn dispute(&self, id: i64) -> Result<Dispute> {
        self.disputes_where("WHERE x.id = ?1", params![id])?
            .pop()
            .ok_or(StoreError::UnknownDispute(id))
    }

    /// Every dispute (only the open ones if `open_only`), oldest first.
    pub fn disputes(&self, open_only: bool) -> Result<Vec<Dispute>> {
        let filter = if open_only {
            "WHERE x.resolved_at IS NULL"
        } else {
            ""
        };
        self.disputes_where(filter, [])
    }

    fn disputes_where(&self, filter: &str, args: impl rusqlite::Params) -> Result<Vec<Dispute>> {
        let currency = self.currency();
        let mut stmt = self
            .conn
            .prepare(&format!("{SELECT_DISPUTES} {filter} ORDER BY x.id"))?;
        let rows = stmt.query_map(args, |r| {
            let credit: Option<(String, i64)> = match (r.get(8)?, r.get(9)?) {
                (Some(number), Some(amount)) => Some((number, amount)),
                _ => None,
            };
            Ok(Dispute {
                id: r.get(0)?,
                customer: r.get(1)?,
                invoice: r.get(2)?,
                item: r.get(3)?,
                reason: r.get(4)?,
                opened_at: r.get(5)?,
                resolved_at: r.get(6)?,
                outcome: r.get(7)?,
                credit: credit.map(|(n, a)| (n, currency.from_minor(a))),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The items of every open dispute, in one query for the whole book.
    pub fn disputed_items(&self) -> Result<DisputedItems> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.number, i.seq FROM disputes x JOIN documents d ON d.id = x.document_id
             JOIN items i ON i.document_id = x.document_id AND (x.item_seq IS NULL OR i.seq = x.item_seq)
             WHERE x.resolved_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Holds `code`'s letters until `until` (inclusive), for `reason`.
    pub fn pause_customer(&mut self, code: &str, until: NaiveDate, reason: &str) -> Result<()> {
        let reason = required_text("reason", reason)?;
        self.write(|tx, currency| set_pause(tx, currency, code, Some(until), Some(&reason)))
    }

    /// Ends `code`'s pause now.
    pub fn resume_customer(&mut self, code: &str) -> Result<()> {
        self.write(|tx, currency| set_pause(tx, currency, code, None, None))
    }

    /// Each customer's latest pause that has a date, by customer code, in one query
    /// (whether it still holds on a day is the ladder's to judge).
    pub fn customer_pauses(&self) -> Result<HashMap<String, CustomerPause>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.code, p.until, p.reason, p.at FROM customer_pauses p
             JOIN customers c ON c.id = p.customer_id
             WHERE p.id = (SELECT MAX(id) FROM customer_pauses q WHERE q.customer_id = p.customer_id)
               AND p.until IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (code, until, reason, at) = row?;
            out.insert(
                code,
                CustomerPause {
                    until: super::queries::parse_stored_date(&until)?,
                    reason: reason.unwrap_or_default(),
                    at,
                },
            );
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
