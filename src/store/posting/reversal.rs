//! Reversals: refunds pay unapplied credit back out, and a void adds the mirror image of
//! one posted document, freeing every allocation that touches it as of the void date.
//! Voiding a payment or an invoice voids the early-payment discounts that stand with it
//! first, in the same transaction (see [`super::discount`]).

use rusqlite::{Connection, OptionalExtension};

use super::{
    DocumentInsert, NewRefund, Posted, VoidRequest, allocate, check_amount, choose_number,
    insert_document, insert_item, memo, number_taken, reference,
};
use crate::domain::Currency;
use crate::domain::Money;
use crate::domain::document::{DocKind, Side};
use crate::domain::ids::{CustomerId, DocumentId};
use crate::store::{Result, StoreError, customers};

pub(in crate::store) fn post_refund(
    conn: &Connection,
    currency: &Currency,
    new: &NewRefund,
) -> Result<Posted> {
    let customer = customers::require(conn, currency, &new.customer)?;
    let minor = check_amount(currency, new.amount)?;
    let (sources, refund_of_id, source_label): (Vec<(i64, i64, String)>, Option<i64>, String) =
        match &new.of {
            Some(of) => {
                let row: Option<(i64, CustomerId, String, String, Option<i64>)> = conn
                .query_row(
                    "SELECT d.id, d.customer_id, d.kind, d.date, d.unapplied FROM documents d WHERE d.number = ?1",
                    [of.trim()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?;
                if let Some((_, _, kind, _, _)) = &row
                    && !REFUNDABLE.contains(&kind.as_str())
                {
                    return Err(StoreError::NotRefundable {
                        number: of.trim().to_string(),
                        kind: kind.clone(),
                    });
                }
                let Some((source_id, source_customer, _, date, Some(unapplied))) = row else {
                    return Err(StoreError::NotACredit(of.trim().to_string()));
                };
                if source_customer != customer.id || is_voided(conn, source_id)? {
                    return Err(StoreError::NotACredit(of.trim().to_string()));
                }
                (
                    vec![(source_id, unapplied, date)],
                    Some(source_id),
                    format!(" on {}", of.trim()),
                )
            }
            None => {
                let mut stmt = conn.prepare_cached(
                "SELECT id, unapplied, date FROM documents WHERE customer_id = ?1 AND side = -1 AND unapplied > 0 AND kind IN ('payment', 'credit') ORDER BY date, id",
            )?;
                let rows =
                    stmt.query_map([customer.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                (
                    rows.collect::<rusqlite::Result<_>>()?,
                    None,
                    format!(" of {}", customer.code),
                )
            }
        };
    let available: i64 = sources.iter().map(|(_, u, _)| *u).sum();
    if minor > available {
        return Err(StoreError::RefundTooLarge {
            asked: currency.plain(currency.from_minor(minor)),
            available: currency.plain(currency.from_minor(available)),
            source_doc: source_label,
        });
    }
    // Never more cash out than came in: a credit note's credit can be paid back (goods
    // returned after they were paid for), but only as far as the customer's payments
    // (less what was refunded already, voids excluded) cover it.
    let paid_in: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(CASE d.kind WHEN 'payment' THEN d.amount ELSE -d.amount END), 0)
             FROM documents d
             WHERE d.customer_id = ?1 AND d.kind IN ('payment', 'refund') AND d.date <= ?2
               AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id)",
        )?
        .query_row(rusqlite::params![customer.id, new.date.to_string()], |r| {
            r.get(0)
        })?;
    if minor > paid_in {
        return Err(StoreError::RefundMoreThanPaid {
            asked: currency.plain(currency.from_minor(minor)),
            paid: currency.plain(currency.from_minor(paid_in.max(0))),
            customer: customer.code.clone(),
        });
    }
    let number = choose_number(conn, DocKind::Refund, &new.number)?;
    let id = insert_document(
        conn,
        DocumentInsert {
            customer_id: customer.id,
            kind: DocKind::Refund,
            side: Side::Debit,
            number: &number,
            date: new.date,
            amount: minor,
            reference: reference(&new.reference)?,
            memo: memo("memo", &new.memo)?,
            terms: None,
            voids_id: None,
            refund_of_id,
        },
    )?;
    let item = insert_item(conn, id, customer.id, 1, new.date, new.date, minor)?;
    let mut left = minor;
    for (source_id, unapplied, date) in sources {
        if left == 0 {
            break;
        }
        let part = unapplied.min(left);
        let date = crate::store::queries::parse_stored_date(&date)?.max(new.date);
        allocate(conn, source_id, item, part, &date.to_string())?;
        left -= part;
    }
    Ok(Posted {
        id: DocumentId(id),
        number,
        kind: DocKind::Refund,
        customer: customer.code,
        allocations: Vec::new(),
        unapplied: Money::ZERO,
        items: vec![(1, new.date, currency.from_minor(minor))],
        warnings: Vec::new(),
        discounts: Vec::new(),
        also_voided: Vec::new(),
    })
}

/// The kinds of credit a refund may pay back: money the customer paid in, or a credit
/// note (capped by what was paid in). A write-off is never cash and is never refunded.
const REFUNDABLE: [&str; 2] = ["payment", "credit"];

fn is_voided(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM documents WHERE voids_id = ?1")?
        .exists([id])?)
}

pub(in crate::store) fn post_void(conn: &Connection, request: &VoidRequest) -> Result<Posted> {
    let number = request.number.trim();
    let target: Option<(i64, CustomerId, String, i64, String, i64)> = conn
        .query_row(
            "SELECT id, customer_id, kind, side, date, amount FROM documents WHERE number = ?1",
            [number],
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
    let Some((target_id, customer_id, kind, side, date, amount)) = target else {
        return Err(StoreError::UnknownDocument(number.to_string()));
    };
    let number: String = conn.query_row(
        "SELECT number FROM documents WHERE id = ?1",
        [target_id],
        |r| r.get(0),
    )?;
    if kind == DocKind::Void.as_str() {
        return Err(StoreError::VoidOfVoid(number));
    }
    if is_voided(conn, target_id)? {
        return Err(StoreError::AlreadyVoided(number));
    }
    let side = Side::from_sign(side);
    let last_allocation: Option<String> = match side {
        Side::Debit => conn.query_row(
            "SELECT MAX(a.date) FROM allocations a JOIN items i ON i.id = a.item_id WHERE i.document_id = ?1",
            [target_id],
            |r| r.get(0),
        )?,
        Side::Credit => conn.query_row("SELECT MAX(date) FROM allocations WHERE credit_id = ?1", [target_id], |r| r.get(0))?,
    };
    let mut earliest = crate::store::queries::parse_stored_date(&date)?;
    if let Some(last) = last_allocation {
        earliest = earliest.max(crate::store::queries::parse_stored_date(&last)?);
    }
    let void_date = request.date.unwrap_or_else(crate::store::today);
    if void_date < earliest {
        return Err(StoreError::VoidTooEarly { number, earliest });
    }
    // A discount stands only with its payment and on its invoice: it goes with either.
    let mut also_voided = Vec::new();
    if kind == DocKind::Payment.as_str() || kind == DocKind::Invoice.as_str() {
        for discount in super::discount::standing_with(conn, target_id)? {
            // The user's reason too, when it leaves room for saying why under the limit.
            let with = format!("voided with {number}");
            let why = match request.reason.as_deref().map(str::trim) {
                Some(reason)
                    if !reason.is_empty()
                        && reason.chars().count() + with.chars().count() + 3
                            <= crate::domain::text::TEXT_MAX =>
                {
                    format!("{reason} ({with})")
                }
                _ => with,
            };
            post_void(
                conn,
                &VoidRequest {
                    number: discount.clone(),
                    date: Some(void_date),
                    reason: Some(why),
                },
            )?;
            also_voided.push(discount);
        }
    }
    let day = void_date.to_string();
    // Free every allocation that touches the voided document, as of the void date.
    let net_sql = match side {
        Side::Debit => {
            "SELECT a.credit_id, a.item_id, SUM(a.amount) FROM allocations a JOIN items i ON i.id = a.item_id
             WHERE i.document_id = ?1 GROUP BY a.credit_id, a.item_id HAVING SUM(a.amount) <> 0"
        }
        Side::Credit => {
            "SELECT credit_id, item_id, SUM(amount) FROM allocations WHERE credit_id = ?1
             GROUP BY credit_id, item_id HAVING SUM(amount) <> 0"
        }
    };
    let nets: Vec<(i64, i64, i64)> = conn
        .prepare(net_sql)?
        .query_map([target_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (credit_id, item_id, net) in nets {
        allocate(conn, credit_id, item_id, -net, &day)?;
    }
    let void_number = format!("VOID-{number}");
    if number_taken(conn, &void_number)? {
        return Err(StoreError::DuplicateNumber(void_number));
    }
    let reason = memo("reason", &request.reason)?;
    let void_id = insert_document(
        conn,
        DocumentInsert {
            customer_id,
            kind: DocKind::Void,
            side: side.opposite(),
            number: &void_number,
            date: void_date,
            amount,
            reference: Some(number.clone()),
            memo: reason,
            terms: None,
            voids_id: Some(target_id),
            refund_of_id: None,
        },
    )?;
    match side {
        Side::Debit => {
            let items: Vec<(i64, i64)> = conn
                .prepare("SELECT id, open FROM items WHERE document_id = ?1 ORDER BY seq")?
                .query_map([target_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (item_id, open) in items {
                allocate(conn, void_id, item_id, open, &day)?;
            }
        }
        Side::Credit => {
            let item = insert_item(conn, void_id, customer_id, 1, void_date, void_date, amount)?;
            allocate(conn, target_id, item, amount, &day)?;
        }
    }
    let code: String = conn.query_row(
        "SELECT code FROM customers WHERE id = ?1",
        [customer_id],
        |r| r.get(0),
    )?;
    Ok(Posted {
        id: DocumentId(void_id),
        number: void_number,
        kind: DocKind::Void,
        customer: code,
        allocations: Vec::new(),
        unapplied: Money::ZERO,
        items: Vec::new(),
        warnings: Vec::new(),
        discounts: Vec::new(),
        also_voided,
    })
}
