//! The book on disk: one SQLite file. This is the only module that touches SQLite.
//! Every multi-row write runs in one transaction, so a crash leaves the book as it was
//! before or after, never half-written.

mod audit;
mod bank;
mod batch;
mod check;
mod contacts;
mod customers;
mod ids;
mod issued;
mod notes;
mod open;
mod posting;
mod queries;
pub mod schema;
mod settings;

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::allocation::AllocationError;
use crate::domain::customer::CustomerError;
use crate::domain::note::NoteError;
use crate::domain::terms::TermsError;
use crate::domain::{Currency, MoneyError};

pub use audit::{AuditAction, AuditEntry, AuditFilter, NewAudit};
pub use bank::{
    BankRowStatus, ImportBatch, KeptBankRow, Lookalike, MatchBook, MatchItem, NewBankRow,
    NewImportBatch,
};
pub use batch::Batch;
pub use check::Violation;
pub use contacts::{ContactState, OpenItemNow};
pub use customers::{Customer, CustomerUpdate};
pub use issued::{Issued, IssuedKind, NewIssued, sha256_hex};
pub use notes::{Note, NoteFilter};
pub use open::{Access, default_book_path};
pub use posting::{NewCredit, NewDebit, NewRefund, Posted, VoidRequest};
pub use queries::{AgingInput, AllocationRow, CreditRow, DocumentRow, OpenItemRow};
pub use settings::{CompanySettings, escape, unescape};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: this is {what}, not an Owed book; nothing was changed. Pass --book with an Owed book, or a new file name to start one"
    )]
    NotABook { path: PathBuf, what: String },
    #[error(
        "{path} was written by a newer Owed (book version {found}; this Owed reads up to {supported}); nothing was changed. Upgrade Owed to open it"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "{path} is open for writing in another Owed window or command{holder}; close that one and try again"
    )]
    Locked { path: PathBuf, holder: String },
    #[error("{path} already exists ({company}, {currency}); nothing was changed")]
    AlreadyExists {
        path: PathBuf,
        company: String,
        currency: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the book: {0}")]
    Sqlite(rusqlite::Error),
    #[error(
        "the disk holding the book is full: this change was not written and the book is as it was; free some space and try again"
    )]
    DiskFull,
    #[error("the book holds a value it cannot read: {0}")]
    Corrupt(String),
    #[error("no customer with code '{0}'")]
    UnknownCustomer(String),
    #[error("a customer with code '{0}' already exists")]
    DuplicateCustomer(String),
    #[error("no issued statement or letter with id {0}; `owed issued list` shows them")]
    UnknownIssued(i64),
    #[error("no document numbered '{0}'")]
    UnknownDocument(String),
    #[error("a document numbered '{0}' already exists")]
    DuplicateNumber(String),
    #[error("{0} is already voided")]
    AlreadyVoided(String),
    #[error("{0} is itself a void and cannot be voided")]
    VoidOfVoid(String),
    #[error("the void of {number} must be dated on or after {earliest}")]
    VoidTooEarly { number: String, earliest: NaiveDate },
    #[error("{0} is dated after the allocations of it; date it {1} or later")]
    DateBeforeAllocation(String, NaiveDate),
    #[error("the refund of {asked} is more than the {available} of unapplied credit{source_doc}")]
    RefundTooLarge {
        asked: String,
        available: String,
        source_doc: String,
    },
    #[error("{0} is not a payment or credit of this customer")]
    NotACredit(String),
    #[error(
        "{number} is a {kind}, not money the customer paid in; a refund pays back a payment or a credit note"
    )]
    NotRefundable { number: String, kind: String },
    #[error(
        "the refund of {asked} is more than {customer} has paid in ({paid}, less earlier refunds); a refund only pays back money received"
    )]
    RefundMoreThanPaid {
        asked: String,
        paid: String,
        customer: String,
    },
    #[error(
        "the book's currency has {from} decimals and amounts are already stored ({what}); changing it to {to} would rescale them, so nothing was changed"
    )]
    MinorUnitsLocked { from: u32, to: u32, what: String },
    #[error(transparent)]
    Date(#[from] crate::domain::DateError),
    #[error(
        "{what} would be {date}, outside the dates a book keeps (1900-01-01 to 2199-12-31); nothing was posted"
    )]
    DateOutOfRange { what: &'static str, date: NaiveDate },
    #[error("the currency cannot change once the book has documents")]
    CurrencyLocked,
    #[error("no import batch {0}; `owed import list` shows them")]
    UnknownBatch(i64),
    #[error("import batch {0} was already undone on {1}")]
    BatchUndone(i64, String),
    #[error("no kept bank row {0}; `owed import unmatched` lists them")]
    UnknownBankRow(i64),
    #[error("bank row {0} is {1}, not unmatched")]
    BankRowNotOpen(i64, String),
    #[error("{key}: {message}")]
    BadSetting { key: String, message: String },
    #[error("invariant broken: {0}")]
    Invariant(String),
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error(transparent)]
    Terms(#[from] TermsError),
    #[error(transparent)]
    Allocation(#[from] AllocationError),
    #[error(transparent)]
    Customer(#[from] CustomerError),
    #[error(transparent)]
    Note(#[from] NoteError),
    #[error(transparent)]
    Text(#[from] crate::domain::text::TextError),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        match &error {
            rusqlite::Error::SqliteFailure(failure, _)
                if failure.code == rusqlite::ErrorCode::DiskFull =>
            {
                StoreError::DiskFull
            }
            _ => StoreError::Sqlite(error),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Settings chosen when the book was started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookSettings {
    pub company: String,
    pub currency: Currency,
}

impl Default for BookSettings {
    fn default() -> Self {
        BookSettings {
            company: "My Company".into(),
            currency: Currency::default(),
        }
    }
}

/// An open book.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    settings: BookSettings,
    // Held for as long as the book is open for writing; the OS releases it if we die.
    _lock: Option<File>,
}

impl Store {
    pub fn currency(&self) -> &Currency {
        &self.settings.currency
    }

    pub fn settings(&self) -> &BookSettings {
        &self.settings
    }

    /// The file behind this book (`None` for an in-memory book).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `work` in one transaction: all of it is written, or none.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>, &Currency) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = work(&tx, &self.settings.currency)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs several postings as one transaction (bulk loads, the demo generator).
    pub fn batch<T>(&mut self, work: impl FnOnce(&mut Batch<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut batch = Batch {
            tx: &tx,
            currency: &self.settings.currency,
        };
        let out = work(&mut batch)?;
        tx.commit()?;
        Ok(out)
    }

    /// Copies the whole book to `dest` with SQLite's online backup, consistent even while open.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::Io {
                path: dest.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "already exists; choose a new file name",
                ),
            });
        }
        // Written under a hidden name and renamed when complete, so a killed backup
        // never leaves a half copy that looks like a book.
        let io = |source| StoreError::Io {
            path: dest.to_path_buf(),
            source,
        };
        let staged = crate::files::Staged::reserve(dest).map_err(io)?;
        self.conn.backup(
            rusqlite::MAIN_DB,
            staged.temp_path(),
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        staged.sync_and_publish().map_err(io)
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The moment of a change, RFC 3339 with microseconds: a note and a payment entered by
/// two commands in the same second still tell which came first (a promise is kept only
/// by money that came after it).
fn now_stamp() -> String {
    chrono::Local::now()
        .format("%Y-%m-%dT%H:%M:%S%.6f%:z")
        .to_string()
}
