//! The outbox: each email to a customer, kept in the book from the moment its PDF is
//! archived (in that same transaction) until the mail server has accepted it, and for
//! ever after. An email is marked sent only after the server said yes, in a transaction
//! that also logs the customer's collection note; a sent email is never changed (a
//! trigger holds that) and nothing is deleted (a cancelled one stays, marked so). The
//! sending itself is `src/mail.rs`'s.

use std::fmt;

use rusqlite::{OptionalExtension, Row, params};

use super::issued::{Archiver, IssuedKind};
use super::{Result, Store, StoreError, customers, notes};
use crate::domain::email::EmailKind;
use crate::domain::letters::Level;
use crate::domain::note::{Channel, Direction, NoteDraft};

/// An email to queue beside the document it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Where an email is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    Queued,
    Sent,
    Failed,
    Cancelled,
}

impl OutboxStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Queued => "queued",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
            OutboxStatus::Cancelled => "cancelled",
        }
    }

    fn parse(text: &str) -> Option<OutboxStatus> {
        [
            OutboxStatus::Queued,
            OutboxStatus::Sent,
            OutboxStatus::Failed,
            OutboxStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }

    /// Still to be delivered.
    pub fn is_waiting(self) -> bool {
        matches!(self, OutboxStatus::Queued | OutboxStatus::Failed)
    }
}

/// Why a delivery failed, as a kind a screen can say in its words; the server's or
/// system's own words travel beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The server could not be reached (no network, wrong host or port, timed out).
    Unreachable,
    /// The secure connection could not be made.
    Tls,
    /// The server refused the user name or password, or none was given.
    Login,
    /// The server refused a recipient or the message for now (try again later).
    Refused,
    /// The server refused it for good (a recipient that does not exist, a message too
    /// big): retrying will not help until something changes.
    Rejected,
    Other,
}

impl Failure {
    pub fn as_str(self) -> &'static str {
        match self {
            Failure::Unreachable => "unreachable",
            Failure::Tls => "tls",
            Failure::Login => "login",
            Failure::Refused => "refused",
            Failure::Rejected => "rejected",
            Failure::Other => "other",
        }
    }

    fn parse(text: &str) -> Option<Failure> {
        [
            Failure::Unreachable,
            Failure::Tls,
            Failure::Login,
            Failure::Refused,
            Failure::Rejected,
            Failure::Other,
        ]
        .into_iter()
        .find(|f| f.as_str() == text)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Failure::Unreachable => "the mail server could not be reached",
            Failure::Tls => "a secure connection to the mail server could not be made",
            Failure::Login => "the mail server refused the user name or password",
            Failure::Refused => "the mail server refused it for now",
            Failure::Rejected => "the mail server rejected it",
            Failure::Other => "sending failed",
        })
    }
}

/// An email in the outbox, as lists show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    pub id: i64,
    pub customer: String,
    pub customer_name: String,
    pub to: Vec<String>,
    pub subject: String,
    pub kind: EmailKind,
    pub issued_id: i64,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub failure: Option<Failure>,
    /// The server's or system's own words of the last failure.
    pub last_error: Option<String>,
    /// When it is tried again (a failed one).
    pub next_try: Option<String>,
    pub queued_at: String,
    pub sent_at: Option<String>,
    /// Fixed when queued: a resent email is the same message.
    pub message_id: String,
}

/// An email about to be sent: its entry, its fixed parts and the archived PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub entry: OutboxEntry,
    pub text: String,
    pub html: String,
    /// The Date header, RFC 2822, fixed when queued.
    pub date: String,
    pub file_name: String,
    pub pdf: Vec<u8>,
}

const ENTRY_COLUMNS: &str = "SELECT o.id, c.code, c.name, o.to_addrs, o.subject, o.kind, o.level,
    o.issued_id, o.status, o.attempts, o.failure, o.last_error, o.next_try, o.queued_at,
    o.sent_at, o.message_id FROM outbox o JOIN customers c ON c.id = o.customer_id";

fn entry_from(row: &Row<'_>) -> rusqlite::Result<OutboxEntry> {
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("outbox {what}").into(),
        )
    };
    let to: String = row.get(3)?;
    let kind: String = row.get(5)?;
    let level: Option<u8> = row.get(6)?;
    let kind = match (kind.as_str(), level.and_then(Level::any_from_number)) {
        ("statement", _) => EmailKind::Statement,
        ("letter", Some(level)) => EmailKind::Letter(level),
        _ => return Err(bad(5, "kind")),
    };
    let status: String = row.get(8)?;
    let failure: Option<String> = row.get(10)?;
    Ok(OutboxEntry {
        id: row.get(0)?,
        customer: row.get(1)?,
        customer_name: row.get(2)?,
        to: to.split(", ").map(str::to_string).collect(),
        subject: row.get(4)?,
        kind,
        issued_id: row.get(7)?,
        status: OutboxStatus::parse(&status).ok_or_else(|| bad(8, "status"))?,
        attempts: row.get(9)?,
        failure: failure.as_deref().and_then(Failure::parse),
        last_error: row.get(11)?,
        next_try: row.get(12)?,
        queued_at: row.get(13)?,
        sent_at: row.get(14)?,
        message_id: row.get(15)?,
    })
}

/// A Message-ID no other message has: the moment, the issued document and a hash of
/// both with this process, at the sender's domain.
fn message_id(issued_id: i64, at: &str, domain: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write(at.as_bytes());
    hasher.write_i64(issued_id);
    hasher.write_u32(std::process::id());
    let stamp: String = at.chars().filter(char::is_ascii_digit).take(20).collect();
    let domain = if domain.is_empty() {
        "owed.invalid"
    } else {
        domain
    };
    format!(
        "<owed.{stamp}.{issued_id}.{:016x}@{domain}>",
        hasher.finish()
    )
}

impl Archiver<'_> {
    /// Queues `email` to `customer_code` for the document `issued_id` just archived, in
    /// the same transaction. `sender_domain` names the Message-ID's domain.
    pub fn queue_email(
        &mut self,
        issued_id: i64,
        customer_code: &str,
        kind: EmailKind,
        email: &NewEmail,
        sender_domain: &str,
    ) -> Result<i64> {
        let (tx, currency, at) = self.parts();
        let customer = customers::require(tx, currency, customer_code)?;
        let (kind_text, level) = match kind {
            EmailKind::Statement => (IssuedKind::Statement.as_str(), None),
            EmailKind::Letter(level) => (IssuedKind::Letter.as_str(), Some(level.number())),
        };
        tx.prepare_cached(
            "INSERT INTO outbox (customer_id, issued_id, kind, level, to_addrs, subject,
                body_text, body_html, message_id, date, queued_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            customer.id,
            issued_id,
            kind_text,
            level,
            email.to.join(", "),
            email.subject,
            email.text,
            email.html,
            message_id(issued_id, at, sender_domain),
            chrono::Local::now().to_rfc2822(),
            at,
        ])?;
        Ok(tx.last_insert_rowid())
    }
}

impl Store {
    /// Every email in the outbox, newest first.
    pub fn outbox(&self) -> Result<Vec<OutboxEntry>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{ENTRY_COLUMNS} ORDER BY o.id DESC"))?;
        let rows = stmt.query_map([], entry_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many emails wait to be delivered (queued or failed).
    pub fn outbox_waiting(&self) -> Result<usize> {
        let count: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'failed')",
            [],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(count).unwrap_or(0))
    }

    /// The next email due to be sent after `after_id` (by id), as of `now` (a failed
    /// one waits for its next try): one at a time, so a month's statements are never
    /// all held at once.
    pub fn next_outgoing(&self, now: &str, after_id: i64) -> Result<Option<Outgoing>> {
        let found = self
            .conn
            .query_row(
                &format!(
                    "{ENTRY_COLUMNS} WHERE o.id > ?1 AND o.status IN ('queued', 'failed')
                     AND (o.next_try IS NULL OR o.next_try <= ?2) ORDER BY o.id LIMIT 1"
                ),
                params![after_id, now],
                entry_from,
            )
            .optional()?;
        let Some(entry) = found else {
            return Ok(None);
        };
        let (text, html, date, file_name, pdf) = self.conn.query_row(
            "SELECT o.body_text, o.body_html, o.date, i.file_name, i.pdf
             FROM outbox o JOIN issued i ON i.id = o.issued_id WHERE o.id = ?1",
            [entry.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        Ok(Some(Outgoing {
            entry,
            text,
            html,
            date,
            file_name,
            pdf,
        }))
    }

    /// Marks email `id` sent (the server accepted it) and logs the customer's collection
    /// note, in one transaction.
    pub fn mark_sent(&mut self, id: i64) -> Result<()> {
        let entry = self.outbox_entry(id)?;
        self.write(|tx, currency| {
            let at = super::now_stamp();
            let changed = tx.execute(
                "UPDATE outbox SET status = 'sent', sent_at = ?2, attempts = attempts + 1,
                    failure = NULL, last_error = NULL, next_try = NULL
                 WHERE id = ?1 AND status IN ('queued', 'failed')",
                params![id, at],
            )?;
            if changed == 0 {
                return Err(StoreError::Invariant(format!(
                    "email {id} was no longer waiting when it was sent"
                )));
            }
            let draft = NoteDraft {
                customer_code: entry.customer.clone(),
                invoice_number: None,
                channel: Channel::Email,
                direction: Direction::Out,
                summary: super::IssuedSays::Emailed {
                    what: entry.kind,
                    issued: entry.issued_id,
                    to: entry.to.join(", "),
                    subject: entry.subject.clone(),
                }
                .to_string(),
                outcome: None,
                promise: None,
                follow_up: None,
            };
            notes::insert(tx, currency, &draft, &at)?;
            Ok(())
        })
    }

    /// Records a failed attempt to send email `id`: why, in the server's words, and
    /// when to try again (`None`: not until asked).
    pub fn mark_failed(
        &mut self,
        id: i64,
        failure: Failure,
        words: &str,
        next_try: Option<&str>,
    ) -> Result<()> {
        self.write(|tx, _| {
            tx.execute(
                "UPDATE outbox SET status = 'failed', attempts = attempts + 1, failure = ?2,
                    last_error = ?3, next_try = ?4
                 WHERE id = ?1 AND status IN ('queued', 'failed')",
                params![id, failure.as_str(), words, next_try],
            )?;
            Ok(())
        })
    }

    /// Cancels email `id`, which is then never sent; a sent one cannot be.
    pub fn cancel_email(&mut self, id: i64) -> Result<OutboxEntry> {
        let entry = self.outbox_entry(id)?;
        if !entry.status.is_waiting() {
            return Err(StoreError::EmailNotWaiting {
                id,
                status: entry.status.as_str(),
            });
        }
        self.write(|tx, _| {
            tx.execute(
                "UPDATE outbox SET status = 'cancelled', next_try = NULL WHERE id = ?1",
                [id],
            )?;
            Ok(())
        })?;
        self.outbox_entry(id)
    }

    /// One email of the outbox.
    pub fn outbox_entry(&self, id: i64) -> Result<OutboxEntry> {
        self.conn
            .query_row(
                &format!("{ENTRY_COLUMNS} WHERE o.id = ?1"),
                [id],
                entry_from,
            )
            .optional()?
            .ok_or(StoreError::UnknownEmail(id))
    }
}
