//! The whole-book reads behind collection analytics: invoices and fees with the date of
//! their void, receivables by bucket, and promise parts with the payments that could
//! keep them (the payment habits' settled items are `habits.rs`). Each is one query for
//! the whole book (never one per customer); the report applies the as-of date, so
//! nothing dated after it counts.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::queries::{canonical_date, date_column};
use super::{AgingInput, Result, Store, StoreError};
use crate::domain::Money;
use crate::domain::aging::{Basis, Buckets};
use crate::domain::ids::CustomerId;
use crate::domain::note::{Promise, PromisePart};

/// An invoice or fee: its date, amount and the date of the void of it, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaleRow {
    pub date: NaiveDate,
    pub amount: Money,
    pub voided_on: Option<NaiveDate>,
}

/// A note's promise with the day and moment it was logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseRow {
    pub customer_id: CustomerId,
    pub at: String,
    pub day: NaiveDate,
    pub promise: Promise,
}

/// A payment: its date, the moment it was entered, its amount and its void's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    pub date: NaiveDate,
    /// Read only for a payment dated on the day of one of its customer's promises (the
    /// one day the moment decides whether it came after the promise): a string for each
    /// of a big book's payments was a tenth of reading them.
    pub posted_at: Option<String>,
    pub amount: Money,
    pub voided_on: Option<NaiveDate>,
}

/// An item read for [`Store::receivables_by_bucket`]: dates as days since 1970, amounts
/// in minor units.
struct AliveItem {
    id: i64,
    invoiced: i64,
    due: i64,
    open_now: i64,
}

/// The open items as of a date, summed ([`Store::receivables_by_bucket`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receivables {
    /// Every open item.
    pub open: Money,
    /// The part not yet due on the date (the aging's "Current").
    pub current: Money,
    /// The part past due, by the aging's buckets after "Current" (1-30, 31-60, …).
    pub overdue: Vec<Money>,
}

/// Payments by customer, as [`Store::promises_between`] returns them.
pub type PaymentsByCustomer = HashMap<CustomerId, Vec<PaymentRow>>;

const DAYS_TO_1970: i64 = 719_163;

/// A date stored as days since 1970 (cheaper to read than text on many rows).
pub(super) fn day(days: i64) -> Result<NaiveDate> {
    i32::try_from(days + DAYS_TO_1970)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| StoreError::Corrupt(format!("day {days} after 1970-01-01")))
}

/// A customer's payments dated ?2 through ?3, from the index `payments_by_customer` (v15)
/// alone: its WHERE is repeated here (`kind` and `side`).
pub(super) const CUSTOMER_PAYMENTS: &str = "
    SELECT id, date, posted_at, amount FROM documents
    WHERE customer_id = ?1 AND date >= ?2 AND date <= ?3 AND kind = 'payment' AND side = -1";

impl Store {
    /// Every invoice and fee dated `from` through `to`, with its void's date.
    pub fn sales_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        mut each: impl FnMut(SaleRow),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT unixepoch(d.date) / 86400, d.amount, unixepoch(v.date) / 86400
             FROM documents d LEFT JOIN documents v ON v.voids_id = d.id
             WHERE d.kind IN ('invoice', 'fee') AND d.date >= ?1 AND d.date <= ?2",
        )?;
        let currency = self.currency();
        let mut rows = stmt.query([from.to_string(), to.to_string()])?;
        while let Some(row) = rows.next()? {
            each(SaleRow {
                date: day(row.get(0)?)?,
                amount: currency.from_minor(row.get(1)?),
                voided_on: row.get::<_, Option<i64>>(2)?.map(day).transpose()?,
            });
        }
        Ok(())
    }

    /// The open items as of each of `dates`, summed: (all of them, the part not yet due
    /// on that date), in the order of `dates`. The same figures as
    /// [`Store::open_items_as_of`] date by date; for more than a few dates from the one
    /// read of [`Store::receivables_by_bucket`].
    pub fn receivables_as_of(&self, dates: &[NaiveDate]) -> Result<Vec<(Money, Money)>> {
        // A few dates (the report's opening and closing): the aging's own read per date
        // is quicker than one pass over everything alive since the earliest; the trend's
        // two dozen dates take the one pass.
        if dates.len() <= 3 {
            return dates
                .iter()
                .map(|&date| {
                    let (mut open, mut current) = (Money::ZERO, Money::ZERO);
                    self.open_items_as_of(date, AgingInput::Fast, false, |row| {
                        open += row.open;
                        if row.due >= date {
                            current += row.open;
                        }
                    })?;
                    Ok((open, current))
                })
                .collect();
        }
        Ok(self
            .receivables_by_bucket(dates, &Buckets::default())?
            .into_iter()
            .map(|r| (r.open, r.current))
            .collect())
    }

    /// The open items as of each of `dates`, summed, with the overdue part sorted into
    /// the aging's buckets by days past due ([`Buckets::column`] by due date), in the
    /// order of `dates`: the aging's totals by due date, without unapplied credit, for
    /// every date from one read: every item still open on the earliest date (from the
    /// covering index), with its allocations dated after that date (from theirs). An
    /// item's open amount on a date is what is open today plus what was allocated to it
    /// after that date.
    pub fn receivables_by_bucket(
        &self,
        dates: &[NaiveDate],
        buckets: &Buckets,
    ) -> Result<Vec<Receivables>> {
        let currency = self.currency();
        let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
            return Ok(Vec::new());
        };
        let days: Vec<i64> = dates
            .iter()
            .map(|d| i64::from(d.num_days_from_ce()) - DAYS_TO_1970)
            .collect();
        let overdue_columns = buckets.labels(Basis::Due).len() - 1;
        // Per date: (all, not yet due, overdue by bucket), in minor units.
        let mut sums = vec![(0i64, 0i64, vec![0i64; overdue_columns]); dates.len()];
        // Two reads, each from a covering index alone: the items alive on the earliest
        // date (still open, or settled after it: two ranges, so SQLite keeps to the
        // index), then every allocation dated after it. A join from each item to its
        // allocations took four times as long on a book of a million invoices. An
        // allocation after the earliest date is always to an item alive on it, as
        // `settled_on` is the last day an item's open amount reached zero.
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, unixepoch(i.doc_date) / 86400, unixepoch(i.due_date) / 86400, i.open
             FROM items i WHERE i.settled_on IS NULL AND i.doc_date <= ?2
             UNION ALL
             SELECT i.id, unixepoch(i.doc_date) / 86400, unixepoch(i.due_date) / 86400, i.open
             FROM items i WHERE i.settled_on > ?1 AND i.doc_date <= ?2",
        )?;
        let mut rows = stmt.query([first.to_string(), last.to_string()])?;
        let mut items: Vec<AliveItem> = Vec::new();
        while let Some(row) = rows.next()? {
            items.push(AliveItem {
                id: row.get(0)?,
                invoiced: row.get(1)?,
                due: row.get(2)?,
                open_now: row.get(3)?,
            });
        }
        items.sort_unstable_by_key(|i| i.id);
        // (item id, day, amount), sorted by item and walked beside the items: a binary
        // search per allocation into the items, with a cache miss at each step, took a
        // fifth of the trend on a book of a million invoices.
        let mut later: Vec<(i64, i64, i64)> = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT item_id, unixepoch(date) / 86400, amount FROM allocations WHERE date > ?1",
        )?;
        let mut rows = stmt.query([first.to_string()])?;
        while let Some(row) = rows.next()? {
            later.push((row.get(0)?, row.get(1)?, row.get(2)?));
        }
        later.sort_unstable_by_key(|(item, _, _)| *item);
        // The dates in order, each with its place in `dates`. An item counts only on the
        // dates from its invoice date on; on and after its last allocation its open
        // amount is what is open now (zero for most), so only the few dates of its life
        // before that are summed from its allocations — not every date for every item.
        let mut order: Vec<(i64, usize)> = days.iter().copied().zip(0..).collect();
        order.sort_unstable();
        let mut add = |place: usize, day: i64, due: i64, open: i64| {
            let sum = &mut sums[place];
            sum.0 += open;
            match buckets.column(Basis::Due, day - due) {
                0 => sum.1 += open,
                column => sum.2[column - 1] += open,
            }
        };
        let mut next = 0;
        for item in &items {
            // An allocation to an item not read (there is none, see above) is passed over.
            while next < later.len() && later[next].0 < item.id {
                next += 1;
            }
            let start = next;
            while next < later.len() && later[next].0 == item.id {
                next += 1;
            }
            let allocated = &later[start..next];
            let last_allocated = allocated.iter().map(|(_, date, _)| *date).max();
            let first = order.partition_point(|(day, _)| *day < item.invoiced);
            for &(day, place) in &order[first..] {
                let open = match last_allocated {
                    Some(last) if day < last => {
                        item.open_now
                            + allocated
                                .iter()
                                .filter(|(_, date, _)| *date > day)
                                .map(|(_, _, amount)| amount)
                                .sum::<i64>()
                    }
                    _ if item.open_now == 0 => break,
                    _ => item.open_now,
                };
                if open != 0 {
                    add(place, day, item.due, open);
                }
            }
        }
        Ok(sums
            .into_iter()
            .map(|(open, current, overdue)| Receivables {
                open: currency.from_minor(open),
                current: currency.from_minor(current),
                overdue: overdue
                    .into_iter()
                    .map(|m| currency.from_minor(m))
                    .collect(),
            })
            .collect())
    }

    /// Every promise logged on or before `to` with a part dated `from` through `to` (of
    /// `only` that customer, when given), in note order, and for each customer of one,
    /// its payments dated from its earliest such promise's day through `to` (with their
    /// voids' dates, to be judged as of a date).
    pub fn promises_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        only: Option<CustomerId>,
    ) -> Result<(Vec<PromiseRow>, PaymentsByCustomer)> {
        // The parts row by row in note order, each note read once beside its first part
        // (the notes with a part in the range come from the index by date): a text of
        // the parts made per note by SQLite and split again here took twice as long.
        // CROSS JOIN: from the parts to their notes, so the rows come in the parts' key
        // order (note, part) with no sort (a quarter of this read the other way round).
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.note_id, p.date, p.amount, n.customer_id, n.at
             FROM promise_parts p CROSS JOIN notes n ON n.id = p.note_id
             WHERE p.note_id IN (SELECT note_id FROM promise_parts WHERE date >= ?1 AND date <= ?2)
               AND substr(n.at, 1, 10) <= ?2 AND (?3 IS NULL OR n.customer_id = ?3)
             ORDER BY p.note_id, p.part",
        )?;
        let currency = self.currency();
        let mut rows = stmt.query(rusqlite::params![from.to_string(), to.to_string(), only])?;
        // (note id, customer, moment, its parts so far)
        let mut note: Option<(i64, CustomerId, String, Vec<PromisePart>)> = None;
        let mut promises = Vec::new();
        let finish = |note: Option<(i64, CustomerId, String, Vec<PromisePart>)>| {
            let Some((id, customer_id, at, parts)) = note else {
                return Ok(None);
            };
            let corrupt = |why: String| StoreError::Corrupt(format!("the note {id}: {why}"));
            // The canonical date read by hand first: chrono's general parser was a
            // tenth of this read.
            let day = at
                .get(..10)
                .and_then(|d| canonical_date(d.as_bytes()).or_else(|| d.parse().ok()))
                .ok_or_else(|| corrupt(format!("'{at}' is not a moment")))?;
            Ok::<_, StoreError>(Some(PromiseRow {
                customer_id,
                at,
                day,
                promise: Promise::new(parts).map_err(corrupt)?,
            }))
        };
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if note.as_ref().is_none_or(|n| n.0 != id) {
                promises.extend(finish(note.take())?);
                note = Some((id, row.get(3)?, row.get(4)?, Vec::new()));
            }
            if let Some((_, _, _, parts)) = note.as_mut() {
                parts.push(PromisePart {
                    date: date_column(row, 1)?,
                    amount: currency.from_minor(row.get(2)?),
                });
            }
        }
        promises.extend(finish(note.take())?);
        // Each customer's payments from its own earliest promise, by its range of the
        // index `payments_by_customer` (v15); the voids (few) read once rather than
        // looked up for every payment.
        let mut starts: HashMap<CustomerId, NaiveDate> = HashMap::new();
        let mut promise_days: HashSet<(CustomerId, NaiveDate)> = HashSet::new();
        for promise in &promises {
            starts
                .entry(promise.customer_id)
                .and_modify(|d| *d = (*d).min(promise.day))
                .or_insert(promise.day);
            promise_days.insert((promise.customer_id, promise.day));
        }
        let mut payments = PaymentsByCustomer::new();
        if starts.is_empty() {
            return Ok((promises, payments));
        }
        let mut voids: HashMap<i64, NaiveDate> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT voids_id, date FROM documents WHERE voids_id IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            voids.insert(row.get(0)?, date_column(row, 1)?);
        }
        let mut stmt = self.conn.prepare_cached(CUSTOMER_PAYMENTS)?;
        let to = to.to_string();
        for (customer, start) in starts {
            let list = payments.entry(customer).or_default();
            let mut rows = stmt.query(rusqlite::params![customer, start.to_string(), to])?;
            while let Some(row) = rows.next()? {
                let date = date_column(row, 1)?;
                let on_promise_day = promise_days.contains(&(customer, date));
                list.push(PaymentRow {
                    date,
                    posted_at: on_promise_day.then(|| row.get(2)).transpose()?,
                    amount: currency.from_minor(row.get(3)?),
                    voided_on: voids.get(&row.get::<_, i64>(0)?).copied(),
                });
            }
        }
        Ok((promises, payments))
    }
}
