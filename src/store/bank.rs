//! Bank import in the book: the rows of every imported statement with their
//! fingerprints, the batches they came in, the payer names and accounts learned from
//! accepted matches, and each bank's remembered file settings. A batch is committed in
//! one transaction and undone by voiding its payments, never by deleting anything.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

mod refusal;
mod writing;
pub use refusal::Refusal;
use writing::Mode;

use super::posting::{self, NewCredit, Posted, VoidRequest};
use super::queries::parse_stored_date;
use super::{Result, Store, StoreError, customers, now_stamp};
use crate::domain::Money;
use crate::domain::ids::CustomerId;

/// What became of a bank row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BankRowStatus {
    /// A customer payment was posted from it.
    Posted,
    /// Money in that no customer was chosen for yet: kept to come back to.
    Unmatched,
    /// The user chose not to post it (a probable duplicate, not a customer payment).
    Skipped,
    MoneyOut,
    /// In another currency than the book's: listed, never posted.
    Foreign,
    /// No money moved for the account holder.
    Neutral,
}

impl BankRowStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BankRowStatus::Posted => "posted",
            BankRowStatus::Unmatched => "unmatched",
            BankRowStatus::Skipped => "skipped",
            BankRowStatus::MoneyOut => "money-out",
            BankRowStatus::Foreign => "foreign",
            BankRowStatus::Neutral => "neutral",
        }
    }
    fn parse(text: &str) -> Result<BankRowStatus> {
        Ok(match text {
            "posted" => BankRowStatus::Posted,
            "unmatched" => BankRowStatus::Unmatched,
            "skipped" => BankRowStatus::Skipped,
            "money-out" => BankRowStatus::MoneyOut,
            "foreign" => BankRowStatus::Foreign,
            "neutral" => BankRowStatus::Neutral,
            other => return Err(StoreError::Corrupt(format!("bank row status '{other}'"))),
        })
    }
}

/// A row to keep with a batch.
#[derive(Debug, Clone)]
pub struct NewBankRow {
    pub fingerprint: String,
    pub occurrence: u32,
    pub line: usize,
    pub date: NaiveDate,
    /// Canonical signed decimal text, positive for money in.
    pub amount: String,
    pub currency: Option<String>,
    pub description: String,
    pub reference: Option<String>,
    pub counterparty: Option<String>,
    pub account: Option<String>,
    pub status: BankRowStatus,
    /// The payment to post (status `Posted`).
    pub payment: Option<NewCredit>,
    /// The suggested or chosen customer and why, kept for the user to see later.
    pub confidence: Option<String>,
    /// Why, in English (as rows have always held it).
    pub reason: Option<String>,
    /// Why, as its parts in JSON (`import::KeptWhy`), to be said in the language chosen.
    pub said: Option<String>,
    /// Payer names/accounts to remember for the payment's customer.
    pub learn: Vec<String>,
}

/// A statement file about to be committed.
#[derive(Debug, Clone)]
pub struct NewImportBatch {
    pub file_name: String,
    pub sha256: String,
    /// What was detected, as JSON, for the record.
    pub detected: String,
    pub rows_read: usize,
    pub duplicates: usize,
}

/// A committed import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportBatch {
    pub id: i64,
    pub file_name: String,
    pub sha256: String,
    pub imported_at: String,
    pub rows_read: i64,
    pub rows_new: i64,
    pub duplicates: i64,
    pub payments: i64,
    pub unmatched: i64,
    pub undone_at: Option<String>,
    /// The payments posted, in row order.
    pub posted: Vec<Posted>,
    /// (line, why) of the payments the book refused at commit, kept unmatched.
    pub not_posted: Vec<(usize, Refusal)>,
}

/// A kept bank row, as listed (unmatched rows to come back to, a batch's rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptBankRow {
    pub id: i64,
    pub batch_id: i64,
    pub line: i64,
    pub date: NaiveDate,
    pub amount: String,
    pub currency: Option<String>,
    pub description: String,
    pub reference: Option<String>,
    pub counterparty: Option<String>,
    pub status: BankRowStatus,
    pub customer: Option<String>,
    pub document: Option<String>,
    /// Why, in English; `said` holds its parts where the row was kept with them.
    pub reason: Option<String>,
    pub said: Option<String>,
}

/// An earlier row or payment that a new row may repeat.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Lookalike {
    /// A kept bank row with the same date and amount but another fingerprint.
    BankRow {
        file_name: String,
        line: i64,
        batch_id: i64,
    },
    /// A payment entered by hand with the same date and amount.
    Payment { number: String, customer: String },
}

/// An open item, for matching money to invoices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchItem {
    pub customer: CustomerId,
    pub number: String,
    pub seq: u32,
    pub due: NaiveDate,
    pub open: Money,
    /// The early-payment discount the item's invoice offers (its last day and amount),
    /// while what is open is more than it.
    pub discount: Option<crate::domain::terms::DiscountOffer>,
}

/// Everything matching needs from the book, read once per import.
#[derive(Debug, Clone, Default)]
pub struct MatchBook {
    /// (id, code, name) of every customer not archived.
    pub customers: Vec<(CustomerId, String, String)>,
    /// Open items, oldest due first within each customer.
    pub items: Vec<MatchItem>,
    /// Learned payer name or account key → customer.
    pub aliases: HashMap<String, CustomerId>,
}

impl Store {
    /// Whether each of these (fingerprint, occurrence) pairs is already imported in a
    /// live batch, in their order.
    pub fn known_fingerprints<'a>(
        &self,
        keys: impl IntoIterator<Item = (&'a str, u32)>,
    ) -> Result<Vec<bool>> {
        // One read transaction for them all: a statement on its own takes and releases
        // the book's read lock (system calls) every time, which a big file feels.
        let reading = self
            .conn
            .is_autocommit()
            .then(|| self.conn.unchecked_transaction())
            .transpose()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT 1 FROM bank_rows WHERE fingerprint = ?1 AND occurrence = ?2 AND undone = 0",
        )?;
        let known = keys
            .into_iter()
            .map(|(fingerprint, occurrence)| stmt.exists(params![fingerprint, occurrence]))
            .collect::<rusqlite::Result<Vec<bool>>>()?;
        drop(stmt);
        if let Some(reading) = reading {
            reading.commit()?;
        }
        Ok(known)
    }

    /// For each fingerprint, the occurrences of it already imported in a live batch (none
    /// for almost every row of a new file): a file read a row at a time need only count
    /// the occurrences of the fingerprints these name.
    pub fn imported_occurrences<'a>(
        &self,
        fingerprints: impl IntoIterator<Item = &'a str>,
    ) -> Result<Vec<Vec<u32>>> {
        // One read transaction for them all, as in `known_fingerprints`.
        let reading = self
            .conn
            .is_autocommit()
            .then(|| self.conn.unchecked_transaction())
            .transpose()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT occurrence FROM bank_rows WHERE fingerprint = ?1 AND undone = 0",
        )?;
        let mut out = Vec::new();
        for fingerprint in fingerprints {
            let found = stmt
                .query_map(params![fingerprint], |row| row.get::<_, u32>(0))?
                .collect::<rusqlite::Result<Vec<u32>>>()?;
            out.push(found);
        }
        drop(stmt);
        if let Some(reading) = reading {
            reading.commit()?;
        }
        Ok(out)
    }

    /// Customers, open items and learned aliases, for matching.
    pub fn match_book(&self) -> Result<MatchBook> {
        let mut book = MatchBook::default();
        let mut stmt = self
            .conn
            .prepare("SELECT id, code, name FROM customers WHERE archived = 0 ORDER BY code")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            book.customers.push((row.get(0)?, row.get(1)?, row.get(2)?));
        }
        let mut stmt = self.conn.prepare(
            "SELECT i.customer_id, d.number, i.seq, i.due_date, i.open
             FROM items i JOIN documents d ON d.id = i.document_id
             WHERE i.open <> 0 ORDER BY i.customer_id, i.due_date, d.number, i.seq",
        )?;
        let mut rows = stmt.query([])?;
        let currency = self.currency().clone();
        let discounted = self.discounted_invoices(None, None)?;
        while let Some(row) = rows.next()? {
            let due: String = row.get(3)?;
            let number: String = row.get(1)?;
            let open = currency.from_minor(row.get(4)?);
            // The window and amount as of the invoice's date; the matcher checks the date.
            let discount = discounted
                .get(&number)
                .and_then(|invoice| invoice.offer(&currency, open, invoice.date));
            book.items.push(MatchItem {
                customer: row.get(0)?,
                number,
                seq: row.get(2)?,
                due: parse_stored_date(&due)?,
                open,
                discount,
            });
        }
        let mut stmt = self
            .conn
            .prepare("SELECT key, customer_id FROM payer_aliases")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            book.aliases.insert(row.get(0)?, row.get(1)?);
        }
        // Held through a whole import: not the slack of its growth.
        book.items.shrink_to_fit();
        Ok(book)
    }

    /// Commits an import: the batch, every row, the payments and what was learned, all
    /// in one transaction. A row whose fingerprint was imported meanwhile is left out and
    /// counted as a duplicate, so no payment is ever posted twice.
    ///
    /// `rows` are taken one at a time, in the order given (date order), so that a big
    /// statement's rows need not all be held at once.
    pub fn commit_import(
        &mut self,
        batch: &NewImportBatch,
        rows: impl Iterator<Item = Result<NewBankRow>> + Clone,
        mut progress: impl FnMut(usize),
    ) -> Result<ImportBatch> {
        // A big statement touches many customers' pages; with SQLite's default 2 MB page
        // cache they are read again and again from the OS. 64 MB for the batch, then back.
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |row| row.get(0))?;
        self.conn.pragma_update(None, "cache_size", -65_536)?;
        // Payments posted as one run, each checked before any of it is written. Should
        // the book refuse one after writing began (it cannot, unless the book is not what
        // the run read), the batch is written again, each payment behind a savepoint.
        let done = match self.commit_import_rows(batch, rows.clone(), &mut progress, Mode::Run) {
            Err(error) if error.is_refusal() => {
                self.commit_import_rows(batch, rows, &mut progress, Mode::Savepoints)
            }
            done => done,
        };
        self.conn.pragma_update(None, "cache_size", cache)?;
        done
    }

    fn commit_import_rows(
        &mut self,
        batch: &NewImportBatch,
        rows: impl Iterator<Item = Result<NewBankRow>>,
        progress: &mut impl FnMut(usize),
        mode: Mode,
    ) -> Result<ImportBatch> {
        self.write(|tx, currency| {
            tx.execute(
                "INSERT INTO import_batches (file_name, sha256, imported_at, detected, rows_read, rows_new, duplicates, payments, unmatched)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, 0, 0)",
                params![batch.file_name, batch.sha256, now_stamp(), batch.detected, batch.rows_read as i64, batch.duplicates as i64],
            )?;
            let batch_id = tx.last_insert_rowid();
            let written = writing::write_rows(tx, currency, batch_id, rows, progress, mode)?;
            let duplicates = batch.duplicates as i64 + written.duplicates;
            tx.execute(
                "UPDATE import_batches SET rows_new = ?2, duplicates = ?3, payments = ?4, unmatched = ?5 WHERE id = ?1",
                params![batch_id, written.new, duplicates, written.posted.len() as i64, written.unmatched],
            )?;
            let mut done = read_batch(tx, batch_id)?;
            done.posted = written.posted;
            done.not_posted = written.not_posted;
            Ok(done)
        })
    }

    /// Undoes a batch: voids its payments (freeing their allocations), frees its rows'
    /// fingerprints so the file can be imported again, and forgets what it taught. The
    /// rows, the payments and their voids all stay in the book's history.
    pub fn undo_import(
        &mut self,
        batch_id: i64,
        reason: Option<&str>,
    ) -> Result<(ImportBatch, Vec<Posted>)> {
        self.write(|tx, _| {
            let batch = read_batch(tx, batch_id)?;
            if let Some(when) = &batch.undone_at {
                return Err(StoreError::BatchUndone(batch_id, when.clone()));
            }
            // Each payment is voided as of its own date (or its latest allocation's, if
            // credit was applied later): the import was a mistake, so no month may still
            // show the money. The undo itself is stamped now, in `undone_at`.
            let mut stmt = tx.prepare(
                "SELECT d.number, MAX(d.date, COALESCE((SELECT MAX(a.date) FROM allocations a WHERE a.credit_id = d.id), d.date))
                 FROM bank_rows r JOIN documents d ON d.id = r.document_id
                 WHERE r.batch_id = ?1 AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id)
                 ORDER BY r.id",
            )?;
            let payments: Vec<(String, String)> = stmt
                .query_map([batch_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let why = reason
                .map(str::to_string)
                .unwrap_or_else(|| format!("undo of import batch {batch_id} ({})", batch.file_name));
            let mut voids = Vec::new();
            for (number, date) in payments {
                let date = parse_stored_date(&date)?;
                voids.push(posting::post_void(
                    tx,
                    &VoidRequest {
                        number,
                        date: Some(date),
                        reason: Some(why.clone()),
                    },
                )?);
            }
            tx.execute("UPDATE bank_rows SET undone = 1 WHERE batch_id = ?1", [batch_id])?;
            tx.execute("DELETE FROM payer_aliases WHERE batch_id = ?1", [batch_id])?;
            tx.execute(
                "UPDATE import_batches SET undone_at = ?2, undo_reason = ?3 WHERE id = ?1",
                params![batch_id, now_stamp(), why],
            )?;
            super::audit::record(
                tx,
                super::AuditAction::ImportUndo,
                None,
                Some("batch"),
                Some(&format!(
                    "batch {batch_id} ({}, {} payments posted)",
                    batch.file_name,
                    voids.len()
                )),
                Some("undone"),
                Some(&why),
            )?;
            Ok((read_batch(tx, batch_id)?, voids))
        })
    }

    /// Every import, newest first.
    pub fn import_batches(&self) -> Result<Vec<ImportBatch>> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM import_batches ORDER BY id DESC")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| read_batch(&self.conn, id))
            .collect()
    }

    /// Money-in rows kept unmatched in live batches, oldest first: to come back to.
    pub fn unmatched_bank_rows(&self) -> Result<Vec<KeptBankRow>> {
        self.kept_rows("r.status = 'unmatched' AND r.undone = 0", [])
    }

    /// The rows of one batch, in file order.
    pub fn batch_rows(&self, batch_id: i64) -> Result<Vec<KeptBankRow>> {
        self.kept_rows("r.batch_id = ?1", [batch_id])
    }

    fn kept_rows(&self, filter: &str, args: impl rusqlite::Params) -> Result<Vec<KeptBankRow>> {
        let sql = format!(
            "SELECT r.id, r.batch_id, r.line, r.date, r.amount, r.currency, r.description, r.reference,
                    r.counterparty, r.status, c.code, d.number, r.reason, r.said
             FROM bank_rows r LEFT JOIN customers c ON c.id = r.customer_id
             LEFT JOIN documents d ON d.id = r.document_id
             WHERE {filter} ORDER BY r.date, r.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(args)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let date: String = row.get(3)?;
            let status: String = row.get(9)?;
            out.push(KeptBankRow {
                id: row.get(0)?,
                batch_id: row.get(1)?,
                line: row.get(2)?,
                date: parse_stored_date(&date)?,
                amount: row.get(4)?,
                currency: row.get(5)?,
                description: row.get(6)?,
                reference: row.get(7)?,
                counterparty: row.get(8)?,
                status: BankRowStatus::parse(&status)?,
                customer: row.get(10)?,
                document: row.get(11)?,
                reason: row.get(12)?,
                said: row.get(13)?,
            });
        }
        Ok(out)
    }

    /// Posts the payment for a row left unmatched, and remembers its payer.
    pub fn assign_bank_row(
        &mut self,
        row_id: i64,
        payment: &NewCredit,
        learn: &[String],
    ) -> Result<Posted> {
        self.write(|tx, currency| {
            let (status, batch_id): (String, i64) = tx
                .query_row(
                    "SELECT status, batch_id FROM bank_rows WHERE id = ?1 AND undone = 0",
                    [row_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::UnknownBankRow(row_id))?;
            if status != "unmatched" {
                return Err(StoreError::BankRowNotOpen(row_id, status));
            }
            let posted = posting::post_credit(tx, currency, payment)?;
            let customer = customers::require(tx, currency, &payment.customer)?;
            for key in learn {
                learn_alias(tx, key, customer.id, batch_id)?;
            }
            tx.execute(
                "UPDATE bank_rows SET status = 'posted', customer_id = ?2, document_id = ?3 WHERE id = ?1",
                params![row_id, customer.id, posted.id.0],
            )?;
            tx.execute(
                "UPDATE import_batches SET payments = payments + 1, unmatched = unmatched - 1 WHERE id = ?1",
                [batch_id],
            )?;
            Ok(posted)
        })
    }

    /// The remembered settings (JSON) and name of the bank whose header has this signature.
    pub fn bank_profile(&self, signature: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, settings FROM bank_profiles WHERE signature = ?1",
                [signature],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// A profile by the name the user gave it: (signature, settings).
    pub fn bank_profile_named(&self, name: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT signature, settings FROM bank_profiles WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Remembers a bank's file settings under its header signature (replacing the last).
    pub fn save_bank_profile(&mut self, signature: &str, name: &str, settings: &str) -> Result<()> {
        self.write(|tx, _| {
            tx.execute(
                "DELETE FROM bank_profiles WHERE name = ?2 AND signature <> ?1",
                params![signature, name],
            )?;
            tx.execute(
                "INSERT INTO bank_profiles (signature, name, settings, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(signature) DO UPDATE SET name = ?2, settings = ?3, updated_at = ?4",
                params![signature, name, settings, now_stamp()],
            )?;
            Ok(())
        })
    }
}

fn learn_alias(conn: &Connection, key: &str, customer: CustomerId, batch_id: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO payer_aliases (key, customer_id, batch_id, learned_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(key) DO UPDATE SET customer_id = ?2, batch_id = ?3, learned_at = ?4",
    )?
    .execute(params![key, customer, batch_id, now_stamp()])?;
    Ok(())
}

fn insert_row(
    conn: &Connection,
    batch_id: i64,
    row: &NewBankRow,
    customer_id: Option<CustomerId>,
    document_id: Option<i64>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO bank_rows (batch_id, fingerprint, occurrence, line, date, amount, currency, description,
             reference, counterparty, account, status, customer_id, document_id, confidence, reason, said)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        batch_id,
        row.fingerprint,
        row.occurrence,
        row.line as i64,
        row.date.to_string(),
        row.amount,
        row.currency,
        row.description,
        row.reference,
        row.counterparty,
        row.account,
        row.status.as_str(),
        customer_id,
        document_id,
        row.confidence,
        row.reason,
        row.said,
    ])?;
    Ok(())
}

fn read_batch(conn: &Connection, id: i64) -> Result<ImportBatch> {
    conn.query_row(
        "SELECT id, file_name, sha256, imported_at, rows_read, rows_new, duplicates, payments, unmatched, undone_at
         FROM import_batches WHERE id = ?1",
        [id],
        |r| {
            Ok(ImportBatch {
                id: r.get(0)?,
                file_name: r.get(1)?,
                sha256: r.get(2)?,
                imported_at: r.get(3)?,
                rows_read: r.get(4)?,
                rows_new: r.get(5)?,
                duplicates: r.get(6)?,
                payments: r.get(7)?,
                unmatched: r.get(8)?,
                undone_at: r.get(9)?,
                posted: Vec::new(),
                not_posted: Vec::new(),
            })
        },
    )
    .optional()?
    .ok_or(StoreError::UnknownBatch(id))
}

mod lookalikes;
