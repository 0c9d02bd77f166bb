//! The reads behind the payment habits (days to pay, days late, the on-time share): the
//! items of invoices and fees settled in a range of days, as the book stood on the last
//! of them, summed per customer ([`Store::habit_sums`]) or one by one
//! ([`Store::settled_between`]).
//!
//! The sums come from `settled_by_month` (schema v14, kept where items settle: `kept`): the
//! range's whole months from there, its edge months from the items of whichever part of
//! them is fewer days, then the few items the habits judge otherwise taken out by item
//! (refunds, voided documents, items an allocation after the as-of date touched). On a
//! book of a million invoices a year was 800,000 items and a third of a second; from the
//! months it is about 100,000 rows.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::types::ValueRef;

use super::analytics::day;
use super::queries::date_column;
use super::{Result, Store};
use crate::domain::Money;
use crate::domain::analytics::{HabitSums, SettledItem};
use crate::domain::ids::CustomerId;

mod check;
mod kept;

pub(super) use kept::{MonthSums, Settled, count};

/// An item of an invoice or fee whose open amount reached zero (`settled`), with the
/// date of the void of its document, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettledRow {
    pub customer_id: CustomerId,
    pub amount: Money,
    pub invoiced: NaiveDate,
    pub due: NaiveDate,
    pub settled: NaiveDate,
    pub voided_on: Option<NaiveDate>,
}

/// What settled items add up to, in minor units, as `settled_by_month` keeps it: i128,
/// as an amount times days can pass i64.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Sums {
    pub items: i64,
    pub amount: i128,
    /// Amounts × days from invoice to settlement.
    pub to_pay: i128,
    /// Amounts × days past due when settled (0 when on time).
    pub late: i128,
    /// Amounts settled on or before their due date.
    pub on_time: i128,
}

impl Sums {
    /// One item's part, by the triggers' arithmetic.
    pub fn item(amount: i64, invoiced: NaiveDate, due: NaiveDate, settled: NaiveDate) -> Sums {
        let amount = i128::from(amount);
        Sums {
            items: 1,
            amount,
            to_pay: amount * i128::from((settled - invoiced).num_days()),
            late: amount * i128::from((settled - due).num_days().max(0)),
            on_time: if settled <= due { amount } else { 0 },
        }
    }

    fn add(&mut self, other: &Sums, sign: i64) {
        self.items += sign * other.items;
        let sign = i128::from(sign);
        self.amount += sign * other.amount;
        self.to_pay += sign * other.to_pay;
        self.late += sign * other.late;
        self.on_time += sign * other.on_time;
    }
}

/// Sums by customer id: in a vector indexed by id for the usual small ids (a hash lookup
/// per month row was a third of the read), in a map for any other.
#[derive(Default)]
struct ByCustomer {
    dense: Vec<Sums>,
    sparse: HashMap<i64, Sums>,
}

/// Ids below this are kept in [`ByCustomer::dense`] (at most a few megabytes).
const DENSE_IDS: usize = 1 << 16;

impl ByCustomer {
    fn at(&mut self, id: i64) -> &mut Sums {
        match usize::try_from(id) {
            Ok(at) if at < DENSE_IDS => {
                if at >= self.dense.len() {
                    self.dense.resize(at + 1, Sums::default());
                }
                &mut self.dense[at]
            }
            _ => self.sparse.entry(id).or_default(),
        }
    }

    /// Every customer with a settled item counted.
    fn counted(self) -> impl Iterator<Item = (CustomerId, Sums)> {
        let dense = (self.dense.into_iter().enumerate()).map(|(at, sums)| (at as i64, sums));
        dense
            .chain(self.sparse)
            .filter(|(_, sums)| sums.items != 0)
            .map(|(id, sums)| (CustomerId(id), sums))
    }
}

/// How the sums of the days `from` through `to` are read: the months from `months.0`
/// through `months.1` (their first days) whole from `settled_by_month`, plus the items
/// settled on the days of each range in `add`, less those of each range in `take`. An
/// edge month is read from whichever is fewer days: the part inside, or the part
/// outside taken from the whole month.
#[derive(Debug, Default, PartialEq, Eq)]
struct Window {
    months: Option<(NaiveDate, NaiveDate)>,
    add: Vec<(NaiveDate, NaiveDate)>,
    take: Vec<(NaiveDate, NaiveDate)>,
}

fn window(from: NaiveDate, to: NaiveDate) -> Window {
    let mut window = Window::default();
    if from > to {
        return window;
    }
    let mut month = from.with_day(1).unwrap_or(from);
    while month <= to {
        let next = month.checked_add_months(Months::new(1));
        let end = next.and_then(|n| n.pred_opt()).unwrap_or(NaiveDate::MAX);
        let (first, last) = (from.max(month), to.min(end));
        let inside = (last - first).num_days() + 1;
        let outside = (end - month).num_days() + 1 - inside;
        if outside < inside {
            // The months taken whole are one run: only the first and last can be partial.
            window.months = Some((window.months.map_or(month, |m| m.0), month));
            if let Some(before) = first.pred_opt().filter(|_| first > month) {
                window.take.push((month, before));
            }
            if let Some(after) = last.succ_opt().filter(|_| last < end) {
                window.take.push((after, end));
            }
        } else {
            window.add.push((first, last));
        }
        let Some(next) = next else { break };
        month = next;
    }
    window
}

/// `settled_by_month`'s key of the month of `date`.
pub(super) fn month_key(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// A column read as an integer; `None` for anything else (a sum past 64 bits, which
/// SQLite keeps as a float).
fn integer(row: &rusqlite::Row<'_>, column: usize) -> Result<Option<i64>> {
    Ok(match row.get_ref(column)? {
        ValueRef::Integer(value) => Some(value),
        _ => None,
    })
}

/// The items settled from ?1 through ?2 that the sums by month count and the habits
/// leave out: those of refunds and of documents voided by ?2. From the few documents to
/// their items: CROSS JOIN keeps SQLite to that order (planned for any bound range, it
/// walked the year's items and looked up each one's document: seconds on a big book).
/// The refunds' WHERE repeats the partial index `documents_paid_back`'s (v13).
const LEFT_OUT: &str = "
    SELECT i.id, i.customer_id, i.amount, i.doc_date, i.due_date, i.settled_on
    FROM documents d CROSS JOIN items i ON i.document_id = d.id
    WHERE d.side = 1 AND d.kind NOT IN ('invoice', 'fee')
      AND i.settled_on >= ?1 AND i.settled_on <= ?2
    UNION ALL
    SELECT i.id, i.customer_id, i.amount, i.doc_date, i.due_date, i.settled_on
    FROM documents v CROSS JOIN items i ON i.document_id = v.voids_id
    WHERE v.voids_id IS NOT NULL AND v.date <= ?2
      AND i.settled_on >= ?1 AND i.settled_on <= ?2";

/// An item an allocation dated after the as-of date touched, judged from its own
/// allocations up to that date (`row.settled` is when it last reached zero by then).
struct Touched {
    id: i64,
    row: SettledRow,
    /// Minor units: its amount, and what was still open of it on the as-of date.
    amount: i64,
    open: i64,
    /// An item of an invoice or fee.
    sale: bool,
    /// `items.settled_on` now.
    stored: Option<NaiveDate>,
}

impl Store {
    /// Every customer's payment-habit sums over the items of invoices and fees settled
    /// from `from` through `as_of` and still settled then, as the book stood on `as_of`,
    /// leaving out those whose document was voided by then: [`Store::settled_between`]
    /// added up, from `settled_by_month`.
    pub fn habit_sums(
        &self,
        from: NaiveDate,
        as_of: NaiveDate,
    ) -> Result<HashMap<CustomerId, HabitSums>> {
        let scale = self.currency().minor_units;
        if let Some(kept) = self.kept_sums(from, as_of)? {
            let habits: Option<HashMap<CustomerId, HabitSums>> = kept
                .counted()
                .map(|(id, s)| {
                    HabitSums::from_minor(scale, s.amount, s.to_pay, s.late, s.on_time)
                        .map(|sums| (id, sums))
                })
                .collect();
            if let Some(habits) = habits {
                return Ok(habits);
            }
        }
        // A sum past 64 bits (or past a decimal): the items themselves.
        self.sums_by_item(from, as_of)
    }

    /// [`Store::habit_sums`] from the items one by one ([`Store::settled_between`]).
    fn sums_by_item(
        &self,
        from: NaiveDate,
        as_of: NaiveDate,
    ) -> Result<HashMap<CustomerId, HabitSums>> {
        let mut sums: HashMap<CustomerId, HabitSums> = HashMap::new();
        self.settled_between(from, as_of, |row| {
            if row.voided_on.is_some_and(|v| v <= as_of) {
                return;
            }
            sums.entry(row.customer_id).or_default().add(&SettledItem {
                amount: row.amount,
                invoiced: row.invoiced,
                due: row.due,
                settled: row.settled,
            });
        })?;
        Ok(sums)
    }

    /// [`Store::habit_sums`] in minor units, or `None` when a month it needs holds a sum
    /// SQLite could not keep as an integer.
    fn kept_sums(&self, from: NaiveDate, as_of: NaiveDate) -> Result<Option<ByCustomer>> {
        let mut sums = ByCustomer::default();
        let window = window(from, as_of);
        if let Some((first, last)) = window.months {
            let mut stmt = self.conn.prepare_cached(
                "SELECT customer_id, items, amount, to_pay, late, on_time FROM settled_by_month
                 WHERE month >= ?1 AND month <= ?2",
            )?;
            let mut rows = stmt.query([month_key(first), month_key(last)])?;
            while let Some(row) = rows.next()? {
                let (Some(customer), Some(items), Some(amount), Some(to_pay), Some(late)) = (
                    integer(row, 0)?,
                    integer(row, 1)?,
                    integer(row, 2)?,
                    integer(row, 3)?,
                    integer(row, 4)?,
                ) else {
                    return Ok(None);
                };
                let Some(on_time) = integer(row, 5)? else {
                    return Ok(None);
                };
                let month = Sums {
                    items,
                    amount: amount.into(),
                    to_pay: to_pay.into(),
                    late: late.into(),
                    on_time: on_time.into(),
                };
                sums.at(customer).add(&month, 1);
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.customer_id, i.amount, i.doc_date, i.due_date, i.settled_on
             FROM items i WHERE i.settled_on >= ?1 AND i.settled_on <= ?2",
        )?;
        let days = (window.add.iter().map(|r| (r, 1))).chain(window.take.iter().map(|r| (r, -1)));
        for ((first, last), sign) in days {
            let mut rows = stmt.query([first.to_string(), last.to_string()])?;
            while let Some(row) = rows.next()? {
                let item = Sums::item(
                    row.get(2)?,
                    date_column(row, 3)?,
                    date_column(row, 4)?,
                    date_column(row, 5)?,
                );
                sums.at(row.get(1)?).add(&item, sign);
            }
        }
        // Every item settled in the range is in the sums now, by `items.settled_on`.
        // Out again, once each: those an allocation after `as_of` touched (judged by
        // their own allocations instead, below), items of refunds (money paid back,
        // settled by the credit it pays back) and items of documents voided by `as_of`
        // (an item its document's void settled was never paid).
        let in_range = |date: Option<NaiveDate>| date.is_some_and(|d| d >= from && d <= as_of);
        let mut out: HashSet<i64> = HashSet::new();
        for touched in self.touched_items(as_of)? {
            let t = &touched.row;
            if in_range(touched.stored) && out.insert(touched.id) {
                let stored = touched.stored.unwrap_or(t.settled);
                let item = Sums::item(touched.amount, t.invoiced, t.due, stored);
                sums.at(t.customer_id.0).add(&item, -1);
            }
            let voided = t.voided_on.is_some_and(|v| v <= as_of);
            if touched.sale && touched.open == 0 && t.settled >= from && !voided {
                let item = Sums::item(touched.amount, t.invoiced, t.due, t.settled);
                sums.at(t.customer_id.0).add(&item, 1);
            }
        }
        let mut stmt = self.conn.prepare_cached(LEFT_OUT)?;
        let mut rows = stmt.query([from.to_string(), as_of.to_string()])?;
        while let Some(row) = rows.next()? {
            if out.insert(row.get(0)?) {
                let item = Sums::item(
                    row.get(2)?,
                    date_column(row, 3)?,
                    date_column(row, 4)?,
                    date_column(row, 5)?,
                );
                sums.at(row.get(1)?).add(&item, -1);
            }
        }
        Ok(Some(sums))
    }

    /// Every item with an allocation dated after `as_of` and one on or before it,
    /// judged from the latter: `items.settled_on` is the last day an item reached zero,
    /// so it says nothing of such an item as of `as_of` (a void freeing a payment).
    fn touched_items(&self, as_of: NaiveDate) -> Result<Vec<Touched>> {
        let mut touched: Vec<Touched> = Vec::new();
        if !self.allocated_after(as_of)? {
            return Ok(touched);
        }
        let currency = self.currency();
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.customer_id, i.amount, unixepoch(i.doc_date) / 86400,
                    unixepoch(i.due_date) / 86400, d.kind, unixepoch(v.date) / 86400,
                    unixepoch(a.date) / 86400, a.amount, unixepoch(i.settled_on) / 86400
             FROM items i JOIN documents d ON d.id = i.document_id
             LEFT JOIN documents v ON v.voids_id = d.id
             JOIN allocations a ON a.item_id = i.id AND a.date <= ?1
             WHERE i.id IN (SELECT item_id FROM allocations WHERE date > ?1)
             ORDER BY i.id, a.date, a.id",
        )?;
        let mut rows = stmt.query([as_of.to_string()])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if touched.last().is_none_or(|t| t.id != id) {
                let kind: String = row.get(5)?;
                let invoiced = day(row.get(3)?)?;
                let amount: i64 = row.get(2)?;
                touched.push(Touched {
                    id,
                    row: SettledRow {
                        customer_id: row.get(1)?,
                        amount: currency.from_minor(amount),
                        invoiced,
                        due: day(row.get(4)?)?,
                        settled: invoiced,
                        voided_on: row.get::<_, Option<i64>>(6)?.map(day).transpose()?,
                    },
                    amount,
                    open: amount,
                    sale: kind == "invoice" || kind == "fee",
                    stored: row.get::<_, Option<i64>>(9)?.map(day).transpose()?,
                });
            }
            if let Some(item) = touched.last_mut() {
                item.open -= row.get::<_, i64>(8)?;
                if item.open == 0 {
                    item.row.settled = day(row.get(7)?)?;
                }
            }
        }
        Ok(touched)
    }

    /// Every item of an invoice or fee whose open amount reached zero from `from`
    /// through `as_of` and stayed zero through `as_of`, as the book stood on `as_of`:
    /// `items.settled_on` (read from the covering index) is the last day an item reached
    /// zero, so an item an allocation dated after `as_of` touched (a void freeing a
    /// payment) is judged instead from its own allocations dated up to `as_of`. Item by
    /// item, what [`Store::habit_sums`] adds up from the months (and its way when a
    /// month's sum outgrew 64 bits).
    pub fn settled_between(
        &self,
        from: NaiveDate,
        as_of: NaiveDate,
        mut each: impl FnMut(SettledRow),
    ) -> Result<()> {
        let currency = self.currency();
        let touched = self.touched_items(as_of)?;
        for t in &touched {
            if t.sale && t.open == 0 && t.row.settled >= from {
                each(t.row);
            }
        }
        let touched: HashSet<i64> = touched.iter().map(|t| t.id).collect();
        // The items themselves from the covering index alone; the kind of document and
        // its void from two small reads: items of refunds (money paid back, settled by
        // the credit it pays back) and items of voided documents. A join per item to
        // its document took three times as long; the refunds come from the partial
        // index `documents_paid_back` (schema v13), whose WHERE this one repeats.
        let mut voided: HashMap<i64, NaiveDate> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, unixepoch(v.date) / 86400 FROM documents v
             JOIN items i ON i.document_id = v.voids_id WHERE v.voids_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            voided.insert(row.get(0)?, day(row.get(1)?)?);
        }
        let refunds: HashSet<i64> = self
            .conn
            .prepare_cached(
                "SELECT i.id FROM documents d CROSS JOIN items i ON i.document_id = d.id
                 WHERE d.side = 1 AND d.kind NOT IN ('invoice', 'fee')",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // The dates as stored, read in place: SQLite's own `unixepoch` on three dates a
        // row took longer than the rest of the read.
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.customer_id, i.amount, i.doc_date, i.due_date, i.settled_on
             FROM items i WHERE i.settled_on >= ?1 AND i.settled_on <= ?2",
        )?;
        let mut rows = stmt.query([from.to_string(), as_of.to_string()])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if refunds.contains(&id) || touched.contains(&id) {
                continue;
            }
            each(SettledRow {
                customer_id: row.get(1)?,
                amount: currency.from_minor(row.get(2)?),
                invoiced: date_column(row, 3)?,
                due: date_column(row, 4)?,
                settled: date_column(row, 5)?,
                voided_on: voided.get(&id).copied(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
