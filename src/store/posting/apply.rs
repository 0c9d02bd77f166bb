//! Applying a credit to a customer's open items: the allocation the domain plans
//! (oldest due first, or as the user names it), the early-payment discounts a payment
//! earns on the way, and unapplied credit applied later.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::allocate;
use super::discount::{self, DiscountTaken};
use crate::domain::allocation::{self, Apply, OpenItem};
use crate::domain::document::DocKind;
use crate::domain::ids::CustomerId;
use crate::domain::{Currency, Money};
use crate::store::{Result, StoreError, customers};

#[derive(Clone)]
pub(super) struct OpenNow {
    pub(super) item_id: i64,
    pub(super) doc_date: NaiveDate,
    pub(super) item: OpenItem,
    /// What a discount needs to know of the item's document.
    pub(super) kind: DocKind,
    pub(super) terms: Option<String>,
    pub(super) doc_amount: i64,
    pub(super) single_item: bool,
    /// The discount rules as they apply to the item's invoice, read once with the item
    /// (a batch of payments asks each item what it offers again and again).
    pub(super) discount: Option<crate::domain::terms::DiscountedInvoice>,
    /// The item's own amount and customer, for the month it settles in.
    pub(super) item_amount: i64,
    pub(super) customer_id: i64,
}

pub(super) fn open_items_now(
    conn: &Connection,
    currency: &Currency,
    customer_id: CustomerId,
) -> Result<Vec<OpenNow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, d.number, i.seq, i.due_date, i.open, i.doc_date, d.kind, d.terms, d.amount,
                (SELECT COUNT(*) FROM items x WHERE x.document_id = d.id), i.amount, i.customer_id
         FROM items i JOIN documents d ON d.id = i.document_id
         WHERE i.customer_id = ?1 AND i.open <> 0 ORDER BY i.due_date, d.number, i.seq",
    )?;
    let rows = stmt.query_map([customer_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, i64>(8)?,
            r.get::<_, i64>(9)?,
            (r.get::<_, i64>(10)?, r.get::<_, i64>(11)?),
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (item_id, number, seq, due, open, doc_date, kind, terms, doc_amount, items, item) =
            row?;
        let (item_amount, customer_id) = item;
        let kind = kind
            .parse::<DocKind>()
            .map_err(|e| StoreError::Invariant(e.to_string()))?;
        let mut now = OpenNow {
            item_id,
            doc_date: crate::store::queries::parse_stored_date(&doc_date)?,
            item: OpenItem {
                number,
                seq,
                due: crate::store::queries::parse_stored_date(&due)?,
                open: currency.from_minor(open),
            },
            kind,
            terms,
            doc_amount,
            single_item: items == 1,
            discount: None,
            item_amount,
            customer_id,
        };
        now.discount = discount::discounted(currency, &now);
        out.push(now);
    }
    Ok(out)
}

/// Customers' open items as the payments posted so far in one transaction leave them,
/// so that a batch posting many payments per customer (a bank import) reads each
/// customer's open items once, not once per payment. Only postings made through it may
/// change those items while it lives; after a rollback it must be [`cleared`].
///
/// [`cleared`]: OpenItemsCache::clear
#[derive(Default)]
pub struct OpenItemsCache(std::collections::HashMap<CustomerId, Vec<OpenNow>>);

impl OpenItemsCache {
    /// Forgets everything read: what a rolled-back posting did is no longer so.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The customer's open items as kept, or as read now; given back with [`keep`]
    /// (changed or not) for the next posting to find them.
    ///
    /// [`keep`]: OpenItemsCache::keep
    pub(super) fn take(
        &mut self,
        conn: &Connection,
        currency: &Currency,
        customer_id: CustomerId,
    ) -> Result<Vec<OpenNow>> {
        match self.0.remove(&customer_id) {
            Some(open) => Ok(open),
            None => open_items_now(conn, currency, customer_id),
        }
    }

    /// Keeps the customer's open items `open` as `planned` leaves them: as
    /// `open_items_now` would read them after it, less what was paid and discounted,
    /// without the items left with nothing open, in the same order.
    pub(super) fn keep(
        &mut self,
        customer_id: CustomerId,
        mut open: Vec<OpenNow>,
        planned: &allocation::Planned,
    ) {
        for (index, amount) in planned.paid.iter().chain(&planned.discounts) {
            open[*index].item.open -= *amount;
        }
        open.retain(|o| !o.item.open.is_zero());
        self.0.insert(customer_id, open);
    }
}

/// The credit being applied: its id, and for a payment that may earn discounts its
/// number (a discount's reference).
pub(super) struct Applying<'a> {
    pub id: i64,
    pub date: NaiveDate,
    pub discounts_for: Option<&'a str>,
}

/// What applying a credit did: (invoice number, installment, amount) per allocation,
/// and the discounts it earned.
pub(super) type Applied = (Vec<(String, u32, Money)>, Vec<DiscountTaken>);

/// Applies up to `available` of a credit to the customer's open items, posting the
/// discounts it earns when it is a payment that takes them.
pub(super) fn apply_credit(
    conn: &Connection,
    currency: &Currency,
    customer_id: CustomerId,
    credit: Applying<'_>,
    available: Money,
    apply: &Apply,
    mut cache: Option<&mut OpenItemsCache>,
) -> Result<Applied> {
    let (credit_id, credit_date) = (credit.id, credit.date);
    let open = match cache.as_mut() {
        Some(cache) => cache.take(conn, currency, customer_id)?,
        None => open_items_now(conn, currency, customer_id)?,
    };
    let items: Vec<OpenItem> = open.iter().map(|o| o.item.clone()).collect();
    let offers: Vec<Option<Money>> = match credit.discounts_for {
        Some(_) => open
            .iter()
            .map(|o| discount::offer(currency, o, credit_date))
            .collect(),
        None => vec![None; open.len()],
    };
    let planned = allocation::plan_with_discounts(currency, &items, &offers, available, apply)?;
    let mut applied = Vec::with_capacity(planned.paid.len());
    for &(index, amount) in &planned.paid {
        let target = &open[index];
        let date = credit_date.max(target.doc_date);
        allocate(
            conn,
            credit_id,
            target.item_id,
            currency.to_minor(amount),
            &date.to_string(),
        )?;
        applied.push((target.item.number.clone(), target.item.seq, amount));
    }
    let discounts = match credit.discounts_for {
        Some(number) => discount::post_taken(
            conn,
            currency,
            customer_id,
            (number, credit_date),
            &open,
            &planned.discounts,
        )?,
        None => Vec::new(),
    };
    if let Some(cache) = cache {
        cache.keep(customer_id, open, &planned);
    }
    Ok((applied, discounts))
}

/// Applies the customer's unapplied credit to its open items, oldest first, on `date`.
pub(in crate::store) fn apply_unapplied(
    conn: &Connection,
    currency: &Currency,
    code: &str,
    date: NaiveDate,
) -> Result<Vec<(String, u32, Money)>> {
    let customer = customers::require(conn, currency, code)?;
    let credits: Vec<(i64, i64, String)> = conn
        .prepare("SELECT id, unapplied, date FROM documents WHERE customer_id = ?1 AND side = -1 AND unapplied > 0 ORDER BY date, id")?
        .query_map([customer.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut applied = Vec::new();
    for (credit_id, unapplied, credit_date) in credits {
        let credit_date = crate::store::queries::parse_stored_date(&credit_date)?.max(date);
        // Credit left over from earlier is not a new payment: it earns no discount.
        let (done, _) = apply_credit(
            conn,
            currency,
            customer.id,
            Applying {
                id: credit_id,
                date: credit_date,
                discounts_for: None,
            },
            currency.from_minor(unapplied),
            &Apply::OldestFirst,
            None,
        )?;
        applied.extend(done);
    }
    Ok(applied)
}
