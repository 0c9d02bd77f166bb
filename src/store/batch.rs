//! Several postings in one transaction (bulk loads, the demo generator): all of them are
//! written, or none.

use chrono::NaiveDate;

use crate::domain::document::DocKind;
use crate::domain::{Currency, Money};

use super::posting::{self, NewCredit, NewDebit, NewRefund, Posted, VoidRequest};
use super::{Result, customers};

/// A customer's oldest item overdue on a day, and when the customer was last noted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OldestOverdue {
    pub customer: String,
    pub number: String,
    pub seq: u32,
    pub doc_date: NaiveDate,
    pub due: NaiveDate,
    pub open: Money,
    /// The day of the customer's latest collection note, if any.
    pub last_note: Option<NaiveDate>,
    /// The date of the customer's latest payment (voided or not), if any.
    pub last_payment: Option<NaiveDate>,
}

/// Postings inside one open transaction; see [`Store::batch`].
pub struct Batch<'a> {
    pub(super) tx: &'a rusqlite::Transaction<'a>,
    pub(super) currency: &'a Currency,
}

impl Batch<'_> {
    pub fn add_customer(
        &mut self,
        draft: &crate::domain::customer::CustomerDraft,
    ) -> Result<crate::domain::ids::CustomerId> {
        customers::insert(self.tx, self.currency, draft)
    }
    /// Sets the first review date of a customer added in this same batch, in place of the
    /// one a year from today: generated history (the demo) whose customers date from
    /// before today. Not audited, as it is part of the customer's creation.
    pub fn schedule_first_review(
        &mut self,
        id: crate::domain::ids::CustomerId,
        date: chrono::NaiveDate,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE customers SET next_review = ?2 WHERE id = ?1",
            rusqlite::params![id, date.to_string()],
        )?;
        Ok(())
    }
    /// [`Store::add_customer_with_policy`] inside the batch.
    pub fn add_customer_with_policy(
        &mut self,
        draft: &crate::domain::customer::CustomerDraft,
        left_empty: customers::LeftEmpty,
    ) -> Result<crate::domain::ids::CustomerId> {
        customers::insert_with_policy(self.tx, self.currency, draft, left_empty)
    }
    pub fn find_customer(&self, code: &str) -> Result<Option<super::Customer>> {
        customers::find(self.tx, self.currency, code)
    }
    pub fn post_debit(&mut self, new: &NewDebit) -> Result<Posted> {
        posting::post_debit(self.tx, self.currency, new, None)
    }
    /// See [`super::Store::post_debit_overriding`].
    pub fn post_debit_overriding(
        &mut self,
        new: &NewDebit,
        overriding: Option<&str>,
    ) -> Result<Posted> {
        posting::post_debit(self.tx, self.currency, new, overriding)
    }
    /// An invoice brought in by a load with only `open` of it still owed: the credit
    /// check counts `open`, the part paid before the load being posted as paid after it.
    pub fn post_loaded_debit(
        &mut self,
        new: &NewDebit,
        open: Option<Money>,
        overriding: Option<&str>,
    ) -> Result<Posted> {
        posting::post_debit_counting(self.tx, self.currency, new, open, overriding)
    }
    pub fn post_credit(&mut self, new: &NewCredit) -> Result<Posted> {
        posting::post_credit(self.tx, self.currency, new)
    }
    /// As [`Batch::post_credit`], taking or refusing early-payment discounts.
    pub fn post_credit_with(
        &mut self,
        new: &NewCredit,
        discounting: super::Discounting,
    ) -> Result<Posted> {
        posting::post_credit_with(self.tx, self.currency, new, discounting)
    }
    pub fn post_refund(&mut self, new: &NewRefund) -> Result<Posted> {
        posting::post_refund(self.tx, self.currency, new)
    }
    pub fn void(&mut self, request: &VoidRequest) -> Result<Posted> {
        posting::post_void(self.tx, request)
    }
    pub fn add_note(&mut self, draft: &crate::domain::note::NoteDraft, at: &str) -> Result<i64> {
        super::notes::insert(self.tx, self.currency, draft, at)
    }
    /// The document with this number, if any (kind, amount).
    pub fn document(&self, number: &str) -> Result<Option<(DocKind, Money)>> {
        super::queries::document_kind_amount(self.tx, self.currency, number)
    }
    pub fn currency(&self) -> &Currency {
        self.currency
    }
    /// Opens a dispute, with its collection note (see [`Store::open_dispute`]); its id.
    pub fn open_dispute(&mut self, new: &super::NewDispute) -> Result<i64> {
        super::disputes::open_dispute(self.tx, self.currency, new)
    }
    /// Holds `code`'s letters until `until` (see [`Store::pause_customer`]).
    pub fn pause_customer(&mut self, code: &str, until: NaiveDate, reason: &str) -> Result<()> {
        super::disputes::set_pause(self.tx, self.currency, code, Some(until), Some(reason))
    }
    /// Every customer's oldest item overdue on `as_of` (due before it, something open
    /// now), by customer code: one query for the whole book.
    pub fn oldest_overdue(&self, as_of: NaiveDate) -> Result<Vec<OldestOverdue>> {
        // The oldest item per customer first, then the two look-ups for those rows only.
        let mut stmt = self.tx.prepare(
            "WITH ranked AS (
                SELECT i.customer_id, i.document_id, i.seq, i.doc_date, i.due_date, i.open,
                       ROW_NUMBER() OVER (PARTITION BY i.customer_id
                                          ORDER BY i.due_date, i.document_id, i.seq) AS rank
                FROM items i WHERE i.open > 0 AND i.due_date < ?1)
             SELECT c.code, d.number, r.seq, r.doc_date, r.due_date, r.open,
                    (SELECT MAX(n.at) FROM notes n WHERE n.customer_id = c.id),
                    (SELECT MAX(p.date) FROM documents p WHERE p.customer_id = c.id AND p.kind = 'payment')
             FROM ranked r JOIN customers c ON c.id = r.customer_id JOIN documents d ON d.id = r.document_id
             WHERE r.rank = 1 ORDER BY c.code",
        )?;
        let mut rows = stmt.query([as_of.to_string()])?;
        let mut out: Vec<OldestOverdue> = Vec::new();
        while let Some(row) = rows.next()? {
            let customer: String = row.get(0)?;
            let doc_date: String = row.get(3)?;
            let due: String = row.get(4)?;
            let last_note: Option<String> = row.get(6)?;
            let last_payment: Option<String> = row.get(7)?;
            out.push(OldestOverdue {
                customer,
                number: row.get(1)?,
                seq: row.get(2)?,
                doc_date: super::queries::parse_stored_date(&doc_date)?,
                due: super::queries::parse_stored_date(&due)?,
                open: self.currency.from_minor(row.get(5)?),
                last_note: last_note
                    .as_deref()
                    .map(|at| super::queries::parse_stored_date(at.get(..10).unwrap_or(at)))
                    .transpose()?,
                last_payment: last_payment
                    .as_deref()
                    .map(super::queries::parse_stored_date)
                    .transpose()?,
            });
        }
        Ok(out)
    }
}
