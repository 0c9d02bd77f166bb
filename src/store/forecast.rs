//! The whole-book reads behind the cash forecast and its backtest, each as the book
//! stood at the end of a day: nothing dated after it counts — no document, allocation,
//! void, note, promise or dispute. Each is one query (or a few) for the whole book, read
//! from the covering indexes where they exist, never one per customer or item.
//! Amounts are integer minor units: the forecast does its arithmetic in them.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::queries::parse_stored_date;
use super::{Result, Store, StoreError};
use crate::domain::ids::CustomerId;
use crate::domain::note::{Promise, PromisePart};

/// An item owed as it stood at the end of a day: open then, or settled then (and when).
/// Items of documents voided by then and of voids themselves are left out: they were
/// never owed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemAsOf {
    pub id: i64,
    pub customer_id: CustomerId,
    pub due: NaiveDate,
    /// The item's whole amount, in minor units.
    pub amount: i64,
    /// What was open of it on the day, in minor units (zero once settled).
    pub open: i64,
    /// The day it was settled, when it was settled by then.
    pub settled: Option<NaiveDate>,
}

/// A customer's latest promise logged by a day, when it has a part dated on or after
/// that day, with the payments that could have kept it by then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseAsOf {
    pub customer_id: CustomerId,
    /// The moment the note was logged, and its day.
    pub at: String,
    pub day: NaiveDate,
    /// The items of the invoice the note names, if it names one.
    pub items: Vec<i64>,
    pub promise: Promise,
    /// The customer's payments dated from `day` through the as-of day and not voided by
    /// then, each (date, moment entered, amount in minor units), in date order.
    pub payments: Vec<(NaiveDate, String, i64)>,
}

const DAYS_TO_1970: i64 = 719_163;

/// A date stored as days since 1970 (cheaper to read than text on many rows).
fn day(days: i64) -> Result<NaiveDate> {
    i32::try_from(days + DAYS_TO_1970)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| StoreError::Corrupt(format!("day {days} after 1970-01-01")))
}

/// Runs `sql` once per chunk of `ids` (bound in place of `{ids}`), calling `each` per row.
fn for_ids(
    conn: &rusqlite::Connection,
    sql: &str,
    ids: &[i64],
    extra: &[&dyn rusqlite::ToSql],
    mut each: impl FnMut(&rusqlite::Row<'_>) -> Result<()>,
) -> Result<()> {
    const CHUNK: usize = 500;
    for chunk in ids.chunks(CHUNK) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare_cached(&sql.replace("{ids}", &marks))?;
        let params: Vec<&dyn rusqlite::ToSql> = extra
            .iter()
            .copied()
            .chain(chunk.iter().map(|id| id as &dyn rusqlite::ToSql))
            .collect();
        let mut rows = stmt.query(params.as_slice())?;
        while let Some(row) = rows.next()? {
            each(row)?;
        }
    }
    Ok(())
}

impl Store {
    /// Calls `each` for the items dated on or before `as_of` that were open on it or were
    /// settled `from` through it, as they stood on `as_of`: the items still alive on `as_of` from the
    /// covering index with their allocations dated after it (an item's open amount then
    /// is what is open now plus what was allocated to it since), the ones settled by then
    /// from the same index alone, and the few items of voids and voided documents from
    /// the index of voids. Which kind of credit settled an item is not read: that would
    /// take a pass over every document (no index has the kind), so a write-off settles an
    /// item here as a payment does, and a refund's item (settled the day it is made)
    /// counts as paid on time.
    pub fn items_as_of(
        &self,
        as_of: NaiveDate,
        from: NaiveDate,
        mut each: impl FnMut(ItemAsOf),
    ) -> Result<()> {
        let dates = [as_of.to_string(), from.to_string()];
        let never_owed = self.never_owed_items(as_of)?;
        // Settled by `as_of`, and since `from`: nothing after `as_of` changed them (an
        // allocation freed later would have moved `settled_on` past `as_of`).
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.customer_id, unixepoch(i.due_date) / 86400, i.amount,
                    unixepoch(i.settled_on) / 86400
             FROM items i WHERE i.settled_on >= ?2 AND i.settled_on <= ?1 AND i.doc_date <= ?1",
        )?;
        let mut rows = stmt.query(dates.clone())?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if never_owed.contains(&id) {
                continue;
            }
            each(ItemAsOf {
                id,
                customer_id: row.get(1)?,
                due: day(row.get(2)?)?,
                amount: row.get(3)?,
                open: 0,
                settled: Some(day(row.get(4)?)?),
            });
        }
        // Alive on `as_of`: open now, or settled after it. With no allocation after it,
        // the kept open amounts are those of `as_of`.
        let alive = if self.allocated_after(as_of)? {
            "SELECT i.id, i.customer_id, unixepoch(i.due_date) / 86400, i.amount, i.open,
                    a.amount
             FROM items i LEFT JOIN allocations a ON a.item_id = i.id AND a.date > ?1
             WHERE i.settled_on IS NULL AND i.doc_date <= ?1
             UNION ALL
             SELECT i.id, i.customer_id, unixepoch(i.due_date) / 86400, i.amount, i.open,
                    a.amount
             FROM items i LEFT JOIN allocations a ON a.item_id = i.id AND a.date > ?1
             WHERE i.settled_on > ?1 AND i.doc_date <= ?1"
        } else {
            "SELECT i.id, i.customer_id, unixepoch(i.due_date) / 86400, i.amount, i.open, NULL
             FROM items i WHERE i.settled_on IS NULL AND i.doc_date <= ?1"
        };
        let mut stmt = self.conn.prepare_cached(alive)?;
        let mut rows = stmt.query([dates[0].as_str()])?;
        // Rows of one item come together (one per later allocation). An item whose open
        // amount on `as_of` comes to zero was settled then but touched since: its day is
        // read below.
        let mut current: Option<ItemAsOf> = None;
        let mut settled_then: Vec<i64> = Vec::new();
        loop {
            let row = rows.next()?;
            let id: Option<i64> = row.map(|r| r.get(0)).transpose()?;
            if id.is_some_and(|id| never_owed.contains(&id)) {
                continue;
            }
            if current.is_some_and(|c| Some(c.id) != id)
                && let Some(item) = current.take()
            {
                if item.open != 0 {
                    each(item);
                } else {
                    settled_then.push(item.id);
                }
            }
            let (Some(row), Some(id)) = (row, id) else {
                break;
            };
            if current.is_none() {
                current = Some(ItemAsOf {
                    id,
                    customer_id: row.get(1)?,
                    due: day(row.get(2)?)?,
                    amount: row.get(3)?,
                    open: row.get(4)?,
                    settled: None,
                });
            }
            if let (Some(item), Some(amount)) = (current.as_mut(), row.get::<_, Option<i64>>(5)?) {
                item.open += amount;
            }
        }
        if settled_then.is_empty() {
            return Ok(());
        }
        let mut last: HashMap<i64, NaiveDate> = HashMap::new();
        for_ids(
            &self.conn,
            "SELECT item_id, unixepoch(MAX(date)) / 86400 FROM allocations
             WHERE date <= ?1 AND item_id IN ({ids}) GROUP BY item_id",
            &settled_then,
            &[&dates[0]],
            |row| {
                last.insert(row.get(0)?, day(row.get(1)?)?);
                Ok(())
            },
        )?;
        for_ids(
            &self.conn,
            "SELECT id, customer_id, unixepoch(due_date) / 86400, amount FROM items
             WHERE id IN ({ids})",
            &settled_then,
            &[],
            |row| {
                let id: i64 = row.get(0)?;
                if let Some(settled) = last.get(&id).filter(|d| **d >= from) {
                    each(ItemAsOf {
                        id,
                        customer_id: row.get(1)?,
                        due: day(row.get(2)?)?,
                        amount: row.get(3)?,
                        open: 0,
                        settled: Some(*settled),
                    });
                }
                Ok(())
            },
        )
    }

    /// The items of documents voided on or before `as_of`, and of the voids of credits
    /// (a debit the voided credit settles at once), read through the index of voids.
    fn never_owed_items(&self, as_of: NaiveDate) -> Result<HashSet<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id FROM documents v JOIN items i ON i.document_id = v.voids_id
             WHERE v.voids_id IS NOT NULL AND v.date <= ?1
             UNION ALL
             SELECT i.id FROM documents v JOIN items i ON i.document_id = v.id
             WHERE v.voids_id IS NOT NULL",
        )?;
        let rows = stmt.query_map([as_of.to_string()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The items in dispute at the end of `as_of`: opened on or before it and not
    /// resolved by then.
    pub fn disputed_items_as_of(&self, as_of: NaiveDate) -> Result<HashSet<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id FROM disputes x
             JOIN items i ON i.document_id = x.document_id
                         AND (x.item_seq IS NULL OR i.seq = x.item_seq)
             WHERE substr(x.opened_at, 1, 10) <= ?1
               AND (x.resolved_at IS NULL OR substr(x.resolved_at, 1, 10) > ?1)",
        )?;
        let rows = stmt.query_map([as_of.to_string()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Per customer, its latest promise logged on or before `as_of`, when that promise
    /// has a part dated on or after it (a newer promise replaces an older one, whatever
    /// their dates), with the payments that count toward it by then.
    pub fn promises_as_of(&self, as_of: NaiveDate) -> Result<Vec<PromiseAsOf>> {
        let date = as_of.to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.id, n.customer_id, n.at, n.document_id,
                    (SELECT group_concat(p.date || ':' || p.amount, ';' ORDER BY p.part)
                     FROM promise_parts p WHERE p.note_id = n.id)
             FROM notes n
             WHERE n.id IN (SELECT note_id FROM promise_parts WHERE date >= ?1)
               AND substr(n.at, 1, 10) <= ?1
               AND NOT EXISTS (SELECT 1 FROM notes m
                               WHERE m.customer_id = n.customer_id AND m.at > n.at
                                 AND substr(m.at, 1, 10) <= ?1
                                 AND EXISTS (SELECT 1 FROM promise_parts q WHERE q.note_id = m.id))",
        )?;
        let currency = self.currency();
        let mut latest: HashMap<CustomerId, (String, i64, Option<i64>, String)> = HashMap::new();
        let mut rows = stmt.query([date.as_str()])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let customer: CustomerId = row.get(1)?;
            let at: String = row.get(2)?;
            let newer = latest
                .get(&customer)
                .is_none_or(|(a, i, _, _)| (at.as_str(), id) > (a.as_str(), *i));
            if newer {
                latest.insert(customer, (at, id, row.get(3)?, row.get(4)?));
            }
        }
        let mut out = Vec::with_capacity(latest.len());
        let mut documents = Vec::new();
        for (customer_id, (at, id, document, text)) in latest {
            let corrupt = |why: String| StoreError::Corrupt(format!("the note {id}: {why}"));
            let day = at
                .get(..10)
                .and_then(|d| d.parse().ok())
                .ok_or_else(|| corrupt(format!("'{at}' is not a moment")))?;
            let mut parts = Vec::new();
            for part in text.split(';') {
                let (date, minor) = part
                    .split_once(':')
                    .ok_or_else(|| corrupt(format!("'{part}'")))?;
                parts.push(PromisePart {
                    date: parse_stored_date(date)?,
                    amount: currency
                        .from_minor(minor.parse().map_err(|_| corrupt(format!("'{part}'")))?),
                });
            }
            documents.extend(document);
            out.push((
                document,
                PromiseAsOf {
                    customer_id,
                    at,
                    day,
                    items: Vec::new(),
                    promise: Promise::new(parts).map_err(corrupt)?,
                    payments: Vec::new(),
                },
            ));
        }
        if out.is_empty() {
            return Ok(Vec::new());
        }
        let mut items: HashMap<i64, Vec<i64>> = HashMap::new();
        for_ids(
            &self.conn,
            "SELECT document_id, id FROM items WHERE document_id IN ({ids}) ORDER BY id",
            &documents,
            &[],
            |row| {
                items.entry(row.get(0)?).or_default().push(row.get(1)?);
                Ok(())
            },
        )?;
        // The customers' payments, each customer's range from documents_by_customer.
        let customers: Vec<i64> = out.iter().map(|(_, p)| p.customer_id.0).collect();
        let first = out.iter().map(|(_, p)| p.day).min().unwrap_or(as_of);
        let mut payments: HashMap<CustomerId, Vec<(NaiveDate, String, i64)>> = HashMap::new();
        let first = first.to_string();
        for_ids(
            &self.conn,
            "SELECT d.customer_id, d.date, d.posted_at, d.amount FROM documents d
             WHERE d.kind = 'payment' AND d.date >= ?2 AND d.date <= ?1
               AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id AND v.date <= ?1)
               AND d.customer_id IN ({ids})",
            &customers,
            &[&date, &first],
            |row| {
                let date: String = row.get(1)?;
                payments.entry(row.get(0)?).or_default().push((
                    parse_stored_date(&date)?,
                    row.get(2)?,
                    row.get(3)?,
                ));
                Ok(())
            },
        )?;
        Ok(out
            .into_iter()
            .map(|(document, mut promise)| {
                promise.items = document
                    .and_then(|d| items.get(&d).cloned())
                    .unwrap_or_default();
                let mut paid = payments.remove(&promise.customer_id).unwrap_or_default();
                paid.retain(|(date, _, _)| *date >= promise.day);
                paid.sort();
                promise.payments = paid;
                promise
            })
            .collect())
    }

    /// What was received by payments dated after `as_of` through `to` for the items dated
    /// on or before `as_of` and open then: per payment date, the amounts of those payments
    /// allocated to those items (at any date since). A payment voided since, at any date,
    /// is left out: bounced money was never received.
    pub fn received_for_items_open_on(
        &self,
        as_of: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, i64)>> {
        // Driven from the items alive on `as_of` (the covering index), then their
        // allocations dated after it, then each allocation's credit: CROSS JOIN keeps that
        // order (driven from the allocations by date it reads every allocation since, two
        // times slower). An invoice voided by `as_of` was settled by its void then, so it
        // is not among the items alive.
        let mut stmt = self.conn.prepare_cached(
            "SELECT unixepoch(p.date) / 86400, a.amount
             FROM items i CROSS JOIN allocations a CROSS JOIN documents p
             WHERE i.settled_on IS NULL AND i.doc_date <= ?1
               AND a.item_id = i.id AND a.date > ?1 AND p.id = a.credit_id
               AND p.kind = 'payment' AND p.date > ?1 AND p.date <= ?2
               AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = p.id)
             UNION ALL
             SELECT unixepoch(p.date) / 86400, a.amount
             FROM items i CROSS JOIN allocations a CROSS JOIN documents p
             WHERE i.settled_on > ?1 AND i.doc_date <= ?1
               AND a.item_id = i.id AND a.date > ?1 AND p.id = a.credit_id
               AND p.kind = 'payment' AND p.date > ?1 AND p.date <= ?2
               AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = p.id)",
        )?;
        let mut rows = stmt.query([as_of.to_string(), to.to_string()])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push((day(row.get(0)?)?, row.get(1)?));
        }
        Ok(out)
    }
}
