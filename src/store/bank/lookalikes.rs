//! What a new statement row may repeat: an earlier kept row of a live batch with the
//! same date and amount, or a payment entered by hand with them. `lookalikes` asks the
//! book for one row; a whole file asks once for the kept rows and the hand-entered
//! payments of its dates ([`Store::kept_rows_between`]), then nothing per row (asking
//! per row scanned every document of a big book for each: 100,000 rows against a book
//! of a million invoices took over ten minutes).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::Lookalike;
use crate::store::{Result, Store};

/// The kept rows of live batches dated within a range, by (date, amount) as stored.
#[derive(Debug, Default)]
pub struct KeptRowsByDay {
    /// The range read, as stored text (compared as SQLite compares it: byte by byte).
    from: String,
    to: String,
    rows: HashMap<(String, String), Vec<Lookalike>>,
    /// Payments entered by hand (neither voided nor posted from a bank row), by (date
    /// as stored, amount in minor units).
    payments: HashMap<(String, i64), Vec<Lookalike>>,
}

impl Store {
    /// Earlier rows and hand-entered payments with this date and amount, each in the order
    /// it was written (the first is the one a probable duplicate is described by).
    pub fn lookalikes(
        &self,
        date: NaiveDate,
        amount: &str,
        minor: Option<i64>,
    ) -> Result<Vec<Lookalike>> {
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.file_name, r.line, r.batch_id FROM bank_rows r
             JOIN import_batches b ON b.id = r.batch_id
             WHERE r.date = ?1 AND r.amount = ?2 AND r.undone = 0
             ORDER BY r.id",
        )?;
        let mut rows = stmt.query(params![date.to_string(), amount])?;
        while let Some(row) = rows.next()? {
            out.push(Lookalike::BankRow {
                file_name: row.get(0)?,
                line: row.get(1)?,
                batch_id: row.get(2)?,
            });
        }
        self.hand_entered_like(date, minor, &mut out)?;
        Ok(out)
    }

    /// The kept rows of live batches and the payments entered by hand dated from `from`
    /// to `to` (as [`NaiveDate`]'s `to_string` writes them), read at once for
    /// [`lookalikes_in`](Self::lookalikes_in). They are listed as `lookalikes` lists
    /// them: in the order they were kept or entered.
    pub fn kept_rows_between(&self, from: &str, to: &str) -> Result<KeptRowsByDay> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.date, r.amount, b.file_name, r.line, r.batch_id FROM bank_rows r
             JOIN import_batches b ON b.id = r.batch_id
             WHERE r.date BETWEEN ?1 AND ?2 AND r.undone = 0
             ORDER BY r.id",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        let mut index = KeptRowsByDay {
            from: from.to_string(),
            to: to.to_string(),
            rows: HashMap::new(),
            payments: HashMap::new(),
        };
        while let Some(row) = rows.next()? {
            index
                .rows
                .entry((row.get(0)?, row.get(1)?))
                .or_default()
                .push(Lookalike::BankRow {
                    file_name: row.get(2)?,
                    line: row.get(3)?,
                    batch_id: row.get(4)?,
                });
        }
        // The payments of a bank row are found in one pass over those rows (there is no
        // index of bank rows by document to ask per payment).
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.date, d.amount, d.number, c.code FROM documents d
             JOIN customers c ON c.id = d.customer_id
             WHERE d.kind = 'payment' AND d.date BETWEEN ?1 AND ?2
               AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id)
               AND d.id NOT IN
                   (SELECT document_id FROM bank_rows WHERE document_id IS NOT NULL)
             ORDER BY d.id",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(row) = rows.next()? {
            index
                .payments
                .entry((row.get(0)?, row.get(1)?))
                .or_default()
                .push(Lookalike::Payment {
                    number: row.get(2)?,
                    customer: row.get(3)?,
                });
        }
        Ok(index)
    }

    /// What [`lookalikes`](Self::lookalikes) answers, the kept rows taken from `kept`
    /// (asked of the book when `date` is outside the range it holds).
    pub fn lookalikes_in(
        &self,
        kept: &KeptRowsByDay,
        date: NaiveDate,
        amount: &str,
        minor: Option<i64>,
    ) -> Result<Vec<Lookalike>> {
        let day = date.to_string();
        if day < kept.from || day > kept.to {
            return self.lookalikes(date, amount, minor);
        }
        let mut out = kept
            .rows
            .get(&(day.clone(), amount.to_string()))
            .cloned()
            .unwrap_or_default();
        if let Some(minor) = minor {
            out.extend(
                kept.payments
                    .get(&(day, minor))
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
        }
        Ok(out)
    }

    /// Adds the payments entered by hand (not voided, not posted from a bank row) of this
    /// date and amount in minor units, when `minor` is given.
    fn hand_entered_like(
        &self,
        date: NaiveDate,
        minor: Option<i64>,
        out: &mut Vec<Lookalike>,
    ) -> Result<()> {
        let Some(minor) = minor else {
            return Ok(());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.number, c.code FROM documents d JOIN customers c ON c.id = d.customer_id
             WHERE d.kind = 'payment' AND d.date = ?1 AND d.amount = ?2
               AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id)
               AND NOT EXISTS (SELECT 1 FROM bank_rows r WHERE r.document_id = d.id)
             ORDER BY d.id",
        )?;
        let mut rows = stmt.query(params![date.to_string(), minor])?;
        while let Some(row) = rows.next()? {
            out.push(Lookalike::Payment {
                number: row.get(0)?,
                customer: row.get(1)?,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
