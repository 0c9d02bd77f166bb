//! The archive of statements and letters as issued: the exact PDF bytes with their
//! sha256, never edited or deleted. A letter's collection note is logged in the same
//! transaction as its archiving, so the two never disagree.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::queries::parse_stored_date;
use super::{Result, Store, StoreError, customers, notes};
use crate::domain::letters::Level;
use crate::domain::note::{Channel, Direction, NoteDraft};
use crate::domain::{Currency, Money};

mod says;

pub use says::{EMAILED_STATEMENT_NOTE, IssuedSays, PAYMENT_REMINDER_NOTE};

/// What was issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuedKind {
    Statement,
    Letter,
}

impl IssuedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IssuedKind::Statement => "statement",
            IssuedKind::Letter => "letter",
        }
    }
}

/// A document to archive.
#[derive(Debug, Clone)]
pub struct NewIssued<'a> {
    pub kind: IssuedKind,
    pub customer_code: &'a str,
    pub date: NaiveDate,
    /// `2026-10` for a statement.
    pub period: Option<String>,
    /// `open-item`, `balance-forward` or `activity` for a statement.
    pub statement_kind: Option<&'static str>,
    pub level: Option<Level>,
    /// The amount due now (statement) or overdue (letter).
    pub amount: Money,
    pub file_name: String,
    pub pdf: &'a [u8],
    /// Logged in the same transaction (a letter's collection note).
    pub note: Option<String>,
}

/// An archived document without its bytes, as lists show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub id: i64,
    pub kind: IssuedKind,
    pub customer: String,
    pub customer_name: String,
    pub date: NaiveDate,
    pub period: Option<String>,
    pub statement_kind: Option<String>,
    pub level: Option<Level>,
    pub amount: Money,
    pub file_name: String,
    pub sha256: String,
    pub size: usize,
    pub issued_at: String,
}

/// Hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const LIST_COLUMNS: &str =
    "SELECT i.id, i.kind, c.code, c.name, i.date, i.period, i.statement_kind,
    i.level, i.amount, i.file_name, i.sha256, length(i.pdf), i.issued_at
    FROM issued i JOIN customers c ON c.id = i.customer_id";

/// Archives documents inside the transaction of [`Store::archive_with`], all stamped
/// with the same moment.
pub struct Archiver<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    currency: &'t Currency,
    at: String,
}

impl<'t> Archiver<'t> {
    /// The transaction, the book's currency and the moment stamped on all.
    pub(super) fn parts(&self) -> (&'t rusqlite::Transaction<'t>, &'t Currency, &str) {
        (self.tx, self.currency, &self.at)
    }

    /// Archives `new` (and logs its note, if any); returns its id.
    pub fn add(&mut self, new: &NewIssued<'_>) -> Result<i64> {
        let (tx, currency, at) = (self.tx, self.currency, &self.at);
        let customer = customers::require(tx, currency, new.customer_code)?;
        tx.prepare_cached(
            "INSERT INTO issued (kind, customer_id, date, period, statement_kind, level, amount, file_name, pdf, sha256, issued_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            new.kind.as_str(),
            customer.id,
            new.date.to_string(),
            new.period,
            new.statement_kind,
            new.level.map(|l| l.number()),
            currency.to_minor(currency.rescale(new.amount)),
            new.file_name,
            new.pdf,
            sha256_hex(new.pdf),
            at,
        ])?;
        let id = tx.last_insert_rowid();
        if let Some(summary) = &new.note {
            let draft = NoteDraft {
                customer_code: customer.code.clone(),
                invoice_number: None,
                channel: Channel::Letter,
                direction: Direction::Out,
                summary: summary.clone(),
                outcome: None,
                promise: None,
                follow_up: None,
            };
            notes::insert(tx, currency, &draft, at)?;
        }
        Ok(id)
    }
}

impl Store {
    /// Archives one issued document (and logs its note, if any) in one transaction;
    /// returns its id.
    pub fn archive_issued(&mut self, new: &NewIssued<'_>) -> Result<i64> {
        self.archive_many(std::slice::from_ref(new))
            .map(|ids| ids[0])
    }

    /// Archives several issued documents in one transaction.
    pub fn archive_many(&mut self, news: &[NewIssued<'_>]) -> Result<Vec<i64>> {
        self.archive_with(|archive| news.iter().map(|new| archive.add(new)).collect())
    }

    /// Archives, in one transaction, the documents `work` hands the [`Archiver`] one at a
    /// time: a statement run reads each PDF back from its file as it goes, so a run of
    /// any size never holds all of them at once. All are kept, or none (an error from
    /// `work` rolls back).
    pub fn archive_with<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Archiver<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.may_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let out = work(&mut Archiver {
            tx: &tx,
            currency: &self.settings.currency,
            at: super::now_stamp(),
        })?;
        tx.commit().map_err(StoreError::from)?;
        self.wrote();
        Ok(out)
    }

    /// Archived documents, newest first, of one customer or all.
    pub fn issued(&self, customer: Option<&str>) -> Result<Vec<Issued>> {
        if let Some(code) = customer {
            self.customer(code)?;
        }
        self.issued_where(
            "?1 IS NULL OR c.code = ?1",
            params![customer.map(str::trim)],
        )
    }

    /// Statements and letters already issued whose figures counted a live payment of
    /// import `batch_id`: those of the payment's customer dated on or after it. Undoing
    /// the import changes what they said, so the user is shown them first.
    pub fn issued_touched_by_import(&self, batch_id: i64) -> Result<Vec<Issued>> {
        self.issued_where(
            "EXISTS (SELECT 1 FROM bank_rows r JOIN documents d ON d.id = r.document_id
                     WHERE r.batch_id = ?1 AND r.undone = 0 AND d.customer_id = i.customer_id
                       AND d.date <= i.date
                       AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id))",
            params![batch_id],
        )
    }

    fn issued_where(&self, condition: &str, args: impl rusqlite::Params) -> Result<Vec<Issued>> {
        let sql = format!("{LIST_COLUMNS} WHERE {condition} ORDER BY i.date DESC, i.id DESC");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(args)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let kind: String = row.get(1)?;
            let date: String = row.get(4)?;
            let level: Option<u8> = row.get(7)?;
            out.push(Issued {
                id: row.get(0)?,
                kind: match kind.as_str() {
                    "letter" => IssuedKind::Letter,
                    _ => IssuedKind::Statement,
                },
                customer: row.get(2)?,
                customer_name: row.get(3)?,
                date: parse_stored_date(&date)?,
                period: row.get(5)?,
                statement_kind: row.get(6)?,
                level: level.and_then(Level::any_from_number),
                amount: self.currency().from_minor(row.get(8)?),
                file_name: row.get(9)?,
                sha256: row.get(10)?,
                size: row.get::<_, i64>(11)? as usize,
                issued_at: row.get(12)?,
            });
        }
        Ok(out)
    }

    /// Archived document `id` with its stored bytes, checked against their sha256.
    pub fn issued_pdf(&self, id: i64) -> Result<(Issued, Vec<u8>)> {
        let row: Option<(Vec<u8>, String)> = self
            .conn
            .query_row("SELECT pdf, sha256 FROM issued WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let Some((pdf, sha)) = row else {
            return Err(StoreError::UnknownIssued(id));
        };
        if sha256_hex(&pdf) != sha {
            return Err(StoreError::Corrupt(format!(
                "issued document {id} no longer matches its sha256"
            )));
        }
        let info = self
            .issued_where("i.id = ?1", [id])?
            .pop()
            .ok_or(StoreError::UnknownIssued(id))?;
        Ok((info, pdf))
    }

    /// The highest letter level sent to `customer_code` dated on or after `since`.
    pub fn highest_letter_since(
        &self,
        customer_code: &str,
        since: NaiveDate,
    ) -> Result<Option<Level>> {
        let level: Option<u8> = self.conn.query_row(
            "SELECT MAX(i.level) FROM issued i JOIN customers c ON c.id = i.customer_id
             WHERE c.code = ?1 AND i.kind = 'letter' AND i.date >= ?2",
            params![customer_code.trim(), since.to_string()],
            |r| r.get(0),
        )?;
        Ok(level.and_then(Level::from_number))
    }

    /// The dates of the payment reminders (level 0) written, by customer code, one query
    /// for the whole book: archived letters of level 0.
    pub fn payment_reminders_sent(
        &self,
    ) -> Result<std::collections::HashMap<String, Vec<NaiveDate>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.code, i.date FROM issued i JOIN customers c ON c.id = i.customer_id
             WHERE i.kind = 'letter' AND i.level = 0",
        )?;
        let mut rows = stmt.query([])?;
        let mut out: std::collections::HashMap<String, Vec<NaiveDate>> =
            std::collections::HashMap::new();
        while let Some(row) = rows.next()? {
            let code: String = row.get(0)?;
            let date: String = row.get(1)?;
            out.entry(code).or_default().push(parse_stored_date(&date)?);
        }
        Ok(out)
    }

    /// Every demand letter archived, by customer code: `(level, date)`, one query for the
    /// whole book (the letter ladder's history: its rungs, levels 1–4; the level-0
    /// payment reminder is no rung).
    pub fn letters_sent(
        &self,
    ) -> Result<std::collections::HashMap<String, Vec<(Level, NaiveDate)>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.code, i.level, i.date FROM issued i JOIN customers c ON c.id = i.customer_id
             WHERE i.kind = 'letter' AND i.level >= 1",
        )?;
        let mut rows = stmt.query([])?;
        let mut out: std::collections::HashMap<String, Vec<(Level, NaiveDate)>> =
            std::collections::HashMap::new();
        while let Some(row) = rows.next()? {
            let code: String = row.get(0)?;
            let number: u8 = row.get(1)?;
            let date: String = row.get(2)?;
            let level = Level::from_number(number)
                .ok_or_else(|| StoreError::Corrupt(format!("letter level {number}")))?;
            let date = super::queries::parse_stored_date(&date)?;
            out.entry(code).or_default().push((level, date));
        }
        Ok(out)
    }
}
