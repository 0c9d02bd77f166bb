//! Many payments posted in one transaction (a bank import), by the same rules as
//! [`post_credit_cached`](super::post_credit_cached): the allocation the domain plans,
//! the early-payment discounts a payment earns, the numbering, and the date rules of
//! [`allocate`](super::allocate). What a single posting reads again each time is kept
//! for the run instead: the customers, their open items, when each item was last
//! allocated, where each number series goes on. And every check that can refuse a
//! payment is made before anything of it is written, so a refused payment needs no
//! savepoint to be taken back: it was never begun.
//!
//! A payment written by a run leaves the book exactly as `post_credit_cached` would;
//! `tests` compare the two.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::apply::{OpenItemsCache, OpenNow};
use super::discount::{self, DiscountTaken, described};
use super::numbers::{first_free, given_number, store_next, stored_next};
use super::{
    DocumentInsert, NewCredit, Posted, check_amount, in_range, insert_allocation,
    insert_document_applied, memo, no_earlier_than, reference,
};
use crate::domain::allocation::{self, Planned};
use crate::domain::document::{DocKind, Side};
use crate::domain::ids::{CustomerId, DocumentId};
use crate::domain::{Currency, Money};
use crate::store::habits::{MonthSums, Settled};
use crate::store::{Result, StoreError, customers};

/// Payments posted one after another in one transaction. Only postings made through
/// the run may change the book's open items, allocations or numbers while it lives, and
/// [`PaymentRun::finish`] must be called before the transaction commits.
#[derive(Default)]
pub struct PaymentRun {
    /// By code as given: (id, code as stored).
    customers: HashMap<String, (CustomerId, String)>,
    open: OpenItemsCache,
    /// Each item's latest allocation date, once read.
    item_latest: HashMap<i64, Option<String>>,
    /// Where each number series goes on, once read.
    next: HashMap<DocKind, i64>,
    /// What the items settled add to their months, written once by `finish`.
    settled: MonthSums,
}

/// A payment with everything that could refuse it checked, nothing of it written.
struct Ready {
    customer_id: CustomerId,
    code: String,
    number: String,
    minor: i64,
    date: NaiveDate,
    reference: Option<String>,
    memo: Option<String>,
    open: Vec<OpenNow>,
    planned: Planned,
    /// Per entry of `planned.paid`, the allocation's date.
    paid_on: Vec<String>,
    /// Per entry of `planned.discounts`, the discount's number and allocation date.
    discounts: Vec<(String, String)>,
}

/// What posting one payment of a run came to.
pub enum RunPosting {
    /// Posted, for the customer of that id.
    Posted(Posted, CustomerId),
    /// Refused before anything was written (the reason is a refusal: see
    /// [`StoreError::is_refusal`]).
    Refused(StoreError),
}

impl PaymentRun {
    /// Posts the payment `new` (taking the discounts it earns). `Ok(Refused)` when the
    /// book refuses it, with nothing written; an error once writing has begun, after
    /// which the transaction must not be committed.
    pub fn post_payment(
        &mut self,
        conn: &Connection,
        currency: &Currency,
        new: &NewCredit,
    ) -> Result<RunPosting> {
        let ready = match self.ready(conn, currency, new) {
            Ok(ready) => ready,
            Err(error) if error.is_refusal() => return Ok(RunPosting::Refused(error)),
            Err(error) => return Err(error),
        };
        let customer_id = ready.customer_id;
        let posted = self.write(conn, currency, ready)?;
        Ok(RunPosting::Posted(posted, customer_id))
    }

    /// Keeps where the number series go on. Call before the transaction commits.
    pub fn finish(self, conn: &Connection) -> Result<()> {
        for (kind, next) in self.next {
            store_next(conn, kind, next)?;
        }
        self.settled.write(conn)
    }

    fn customer(
        &mut self,
        conn: &Connection,
        currency: &Currency,
        code: &str,
    ) -> Result<(CustomerId, String)> {
        if let Some(known) = self.customers.get(code) {
            return Ok(known.clone());
        }
        let customer = customers::require(conn, currency, code)?;
        let known = (customer.id, customer.code);
        self.customers.insert(code.to_string(), known.clone());
        Ok(known)
    }

    /// The next free number of the kind's series, kept as taken.
    fn number(&mut self, conn: &Connection, kind: DocKind) -> Result<String> {
        let next = match self.next.get(&kind) {
            Some(next) => *next,
            None => stored_next(conn, kind)?,
        };
        let (number, next) = first_free(conn, kind, next)?;
        self.next.insert(kind, next);
        Ok(number)
    }

    fn latest_on_item(&mut self, conn: &Connection, item_id: i64) -> Result<Option<String>> {
        if let Some(latest) = self.item_latest.get(&item_id) {
            return Ok(latest.clone());
        }
        let latest: Option<String> = conn
            .prepare_cached("SELECT MAX(date) FROM allocations WHERE item_id = ?1")?
            .query_row([item_id], |r| r.get(0))
            .optional()?
            .flatten();
        self.item_latest.insert(item_id, latest.clone());
        Ok(latest)
    }

    /// Checks `new` as `post_credit_cached` would, and plans what it writes.
    fn ready(&mut self, conn: &Connection, currency: &Currency, new: &NewCredit) -> Result<Ready> {
        if new.kind != DocKind::Payment {
            return Err(StoreError::Invariant(format!(
                "{} is not posted by a payment run",
                new.kind
            )));
        }
        let (customer_id, code) = self.customer(conn, currency, &new.customer)?;
        let minor = check_amount(currency, new.amount)?;
        let reference = reference(&new.reference)?;
        let memo = memo("memo", &new.memo)?;
        in_range("the date", new.date)?;
        let given = given_number(conn, &new.number)?;
        let open = self.open.take(conn, currency, customer_id)?;
        let offers: Vec<Option<Money>> = open
            .iter()
            .map(|o| discount::offer(currency, o, new.date))
            .collect();
        let items: Vec<_> = open.iter().map(|o| o.item.clone()).collect();
        let amount = currency.from_minor(minor);
        let planned =
            match allocation::plan_with_discounts(currency, &items, &offers, amount, &new.apply) {
                Ok(planned) => planned,
                Err(error) => {
                    // Nothing changed: the next payment finds them as they were.
                    self.open.keep(customer_id, open, &Planned::default());
                    return Err(error.into());
                }
            };
        // Nothing below refuses: numbers and dates only read.
        let number = match given {
            Some(number) => number,
            None => self.number(conn, DocKind::Payment)?,
        };
        // A new allocation is never dated before any earlier row of its credit or its
        // item (see `allocate`); the payment's own rows are its earlier rows.
        let mut credit_latest: Option<String> = None;
        let mut paid_on = Vec::with_capacity(planned.paid.len());
        for &(index, _) in &planned.paid {
            let target = &open[index];
            let mut date = new.date.max(target.doc_date).to_string();
            let item_latest = self.latest_on_item(conn, target.item_id)?;
            no_earlier_than(&mut date, [&credit_latest, &item_latest]);
            self.item_latest.insert(target.item_id, Some(date.clone()));
            credit_latest = Some(date.clone());
            paid_on.push(date);
        }
        let mut discounts = Vec::with_capacity(planned.discounts.len());
        for &(index, _) in &planned.discounts {
            let target = &open[index];
            let mut date = new.date.max(target.doc_date).to_string();
            // A discount is a credit of its own: only its item has earlier rows.
            let item_latest = self.latest_on_item(conn, target.item_id)?;
            no_earlier_than(&mut date, [&None, &item_latest]);
            self.item_latest.insert(target.item_id, Some(date.clone()));
            discounts.push((self.number(conn, DocKind::Discount)?, date));
        }
        Ok(Ready {
            customer_id,
            code,
            number,
            minor,
            date: new.date,
            reference,
            memo,
            open,
            planned,
            paid_on,
            discounts,
        })
    }

    fn write(&mut self, conn: &Connection, currency: &Currency, ready: Ready) -> Result<Posted> {
        let applied: i64 = ready
            .planned
            .paid
            .iter()
            .map(|(_, amount)| currency.to_minor(*amount))
            .sum();
        let id = insert_document_applied(
            conn,
            DocumentInsert {
                customer_id: ready.customer_id,
                kind: DocKind::Payment,
                side: Side::Credit,
                number: &ready.number,
                date: ready.date,
                amount: ready.minor,
                reference: ready.reference,
                memo: ready.memo,
                terms: None,
                voids_id: None,
                refund_of_id: None,
            },
            applied,
            ready.paid_on.last().map(String::as_str),
        )?;
        // What each item has open as the writes go: the payment, then its discounts.
        let mut open: Vec<i64> = ready
            .open
            .iter()
            .map(|o| currency.to_minor(o.item.open))
            .collect();
        let mut allocations = Vec::with_capacity(ready.planned.paid.len());
        for (&(index, amount), date) in ready.planned.paid.iter().zip(&ready.paid_on) {
            let target = &ready.open[index];
            let minor = currency.to_minor(amount);
            self.allocate_read(conn, (id, target), minor, date, open[index])?;
            open[index] -= minor;
            allocations.push((target.item.number.clone(), target.item.seq, amount));
        }
        let mut discounts = Vec::with_capacity(ready.discounts.len());
        for (&(index, amount), (number, date)) in
            ready.planned.discounts.iter().zip(&ready.discounts)
        {
            let target = &ready.open[index];
            let (terms, memo) = described(target, &ready.number);
            let minor = currency.to_minor(amount);
            let discount_id = insert_document_applied(
                conn,
                DocumentInsert {
                    customer_id: ready.customer_id,
                    kind: DocKind::Discount,
                    side: Side::Credit,
                    number,
                    date: ready.date,
                    amount: minor,
                    reference: Some(ready.number.clone()),
                    memo: Some(memo),
                    terms: Some(terms.clone()),
                    voids_id: None,
                    refund_of_id: None,
                },
                minor,
                Some(date),
            )?;
            self.allocate_read(conn, (discount_id, target), minor, date, open[index])?;
            open[index] -= minor;
            discounts.push(DiscountTaken {
                number: number.clone(),
                invoice: target.item.number.clone(),
                amount,
                terms,
            });
        }
        let amount = currency.from_minor(ready.minor);
        let paid: Money = allocations.iter().map(|(_, _, m)| *m).sum();
        self.open
            .keep(ready.customer_id, ready.open, &ready.planned);
        Ok(Posted {
            id: DocumentId(id),
            number: ready.number,
            kind: DocKind::Payment,
            customer: ready.code,
            allocations,
            unapplied: amount - paid,
            items: Vec::new(),
            warnings: Vec::new(),
            discounts,
            also_voided: Vec::new(),
        })
    }
}

impl PaymentRun {
    /// Allocates `amount` of the new credit `credit` to the item `target`, which the run
    /// read as having `open` left, on `date` (its latest allocation's: see `allocate`),
    /// settling it when nothing is left. Refused, as an invariant, if the item is not
    /// open for that (the book changed behind the run's back).
    fn allocate_read(
        &mut self,
        conn: &Connection,
        (credit_id, target): (i64, &OpenNow),
        amount: i64,
        date: &str,
        open: i64,
    ) -> Result<()> {
        let item_id = target.item_id;
        let left = open - amount;
        if amount <= 0 || left < 0 {
            return Err(StoreError::Invariant(format!(
                "an allocation of {amount} would leave item {item_id} open for {left}"
            )));
        }
        insert_allocation(conn, credit_id, item_id, amount, date)?;
        let changed = conn
            .prepare_cached(
                "UPDATE items SET open = ?2, settled_on = CASE WHEN ?2 = 0 THEN ?3 END
                 WHERE id = ?1 AND open = ?4",
            )?
            .execute(params![item_id, left, date, open])?;
        if changed != 1 {
            return Err(StoreError::Invariant(format!(
                "item {item_id} is not open for {open} as the payments were planned"
            )));
        }
        if left == 0 {
            self.settled.add(&Settled {
                customer_id: target.customer_id,
                amount: target.item_amount,
                doc_date: target.doc_date,
                due_date: target.item.due,
                settled_on: crate::store::queries::parse_stored_date(date)?,
            });
        }
        Ok(())
    }
}
