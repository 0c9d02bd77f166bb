//! The book on disk: one SQLite file. This is the only module that touches SQLite.
//! Every multi-row write runs in one transaction, so a crash leaves the book as it was
//! before or after, never half-written.

mod analytics;
mod audit;
mod backup;
mod bank;
mod batch;
mod check;
mod contacts;
mod customers;
mod disputes;
mod fees;
mod forecast;
mod habits;
mod ids;
mod integrity;
mod issued;
mod notes;
mod open;
mod outbox;
mod posting;
mod queries;
mod reviews;
mod risk;
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

pub use analytics::{PaymentRow, PromiseRow, Receivables, SaleRow};
pub use audit::{AuditAction, AuditEntry, AuditFilter, EntrySays, NewAudit};
pub use backup::{
    BackupFile, BackupKind, BackupProblem, Damage, Restored, WayBack, backups_dir, list_backups,
    restore, verify_backup,
};
pub use bank::{
    BankRowStatus, ImportBatch, KeptBankRow, Lookalike, MatchBook, MatchItem, NewBankRow,
    NewImportBatch, Refusal,
};
pub use batch::{Batch, OldestOverdue};
pub use check::{Rule, Violation};
pub use contacts::{ContactState, OpenItemNow};
pub use customers::{Customer, CustomerUpdate, LeftEmpty};
pub use disputes::{
    CustomerPause, Dispute, DisputeRefusal, DisputedItem, DisputedItems, NewDispute, NoteSays,
    Resolution,
};
pub use fees::{
    FeeRun, MEMO_HEADER as FEE_MEMO_HEADER, POLICY_OVERRIDE, parse_memo_line as parse_fee_memo_line,
};
// The forecast and the risk score each read an item as of a day, in their own shape.
pub use forecast::{ItemAsOf as ForecastItemAsOf, PromiseAsOf};
pub use habits::SettledRow;
pub use issued::{
    Archiver, EMAILED_STATEMENT_NOTE, Issued, IssuedKind, IssuedSays, NewIssued,
    PAYMENT_REMINDER_NOTE, sha256_hex,
};
pub use notes::{Note, NoteFilter};
pub use open::{Access, ReadOnlyWhy, WhatItIs, default_book_path};
pub use outbox::{Failure, NewEmail, OutboxEntry, OutboxStatus, Outgoing};
pub use posting::{
    CreditRefusal, DiscountTaken, Discounting, NewCredit, NewDebit, NewRefund, OverLimit, Posted,
    PostingWarning, Refused, ShownFigures, VoidRequest,
};
pub use queries::{AgingInput, AllocationRow, CreditRow, DocumentRow, OpenItemRow};
pub use reviews::{REVIEW_REASON, ReviewDate, ReviewOutcome};
pub use risk::RISK_SEEN_REASON;
pub use risk::{ItemAsOf as RiskItemAsOf, RiskSeen};
pub use settings::{
    AmountSetting, KNOWN_KEYS, SettingProblem, WhenEmpty, parse_deposit_pct, parse_policy_limit,
    parse_policy_terms,
};
pub use settings::{
    CompanySettings, LadderSettings, TIERS, TierLadderProblem, TierSettings, check_tier_ladder,
    escape, parse_interval_days, parse_reminder_days, parse_tier_days, parse_tier_interval,
    parse_tolerance, unescape,
};
pub use settings::{MAX_GRACE_DAYS, TierFeeRules, parse_fee_amount, parse_grace_days, parse_rate};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: this is {what}, not an Owed book; nothing was changed. Pass --book with an Owed book, or a new file name to start one"
    )]
    NotABook { path: PathBuf, what: WhatItIs },
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
    #[error(
        "{path}: there is no book here; `owed init` starts one (or pass --book with an existing book)"
    )]
    NoBook { path: PathBuf },
    #[error(
        "{path} is a book of an earlier Owed (version {found}) and must be upgraded before it can be read; run any writing command on it or open it in the app (a copy is kept aside first)"
    )]
    NeedsUpgrade { path: PathBuf, found: i64 },
    #[error("{path}: {why}; nothing was written")]
    ReadOnly { path: PathBuf, why: ReadOnlyWhy },
    #[error("{path} is damaged ({found}); nothing was written. {advice}")]
    Damaged {
        path: PathBuf,
        found: String,
        advice: WayBack,
    },
    #[error("{path} cannot be restored: {why}; nothing was changed")]
    BadBackup { path: PathBuf, why: BackupProblem },
    #[error("{path}: the copy failed its check ({why}) and was not kept")]
    CopyFailed { path: PathBuf, why: BackupProblem },
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
    /// A row of a bank file could not be read again while it was written (the file
    /// changed under the import): the batch is not written.
    #[error("{0}; nothing of the file was written")]
    FileChanged(String),
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
    #[error("{key}: {problem}")]
    BadSetting {
        key: String,
        problem: Box<settings::SettingProblem>,
    },
    #[error("no email with id {0} in the outbox; `owed outbox list` shows them")]
    UnknownEmail(i64),
    #[error("email {id} is {status}, not waiting to be sent; nothing was changed")]
    EmailNotWaiting { id: i64, status: &'static str },
    #[error("a book in memory has no backups folder")]
    NoBackupsFolder,
    #[error("no dispute with id {0}; `owed dispute list` shows them")]
    UnknownDispute(i64),
    #[error("{0}; nothing was changed")]
    DisputeRefused(DisputeRefusal),
    /// An invoice or fee for a customer on hold or over its credit limit, not overridden.
    #[error("{}", .0.message)]
    CreditRefused(Box<CreditRefusal>),
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
                if failure.code == rusqlite::ErrorCode::DiskFull
                    // Growing the shared-memory file fails this way when the disk is full.
                    || failure.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE =>
            {
                StoreError::DiskFull
            }
            _ => StoreError::Sqlite(error),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// True when the error is about what was asked (this document, this customer, this
    /// amount), not about the book file or the disk: the one thing can be refused and the
    /// rest of a batch go on.
    pub fn is_refusal(&self) -> bool {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) => {
                failure.code == rusqlite::ErrorCode::ConstraintViolation
            }
            StoreError::NotABook { .. }
            | StoreError::Newer { .. }
            | StoreError::Locked { .. }
            | StoreError::NoBook { .. }
            | StoreError::NeedsUpgrade { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::Damaged { .. }
            | StoreError::BadBackup { .. }
            | StoreError::CopyFailed { .. }
            | StoreError::NoBackupsFolder
            | StoreError::AlreadyExists { .. }
            | StoreError::Io { .. }
            | StoreError::Sqlite(_)
            | StoreError::DiskFull
            | StoreError::Corrupt(_)
            | StoreError::FileChanged(_) => false,
            _ => true,
        }
    }
}

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
    /// For a file opened for writing: its integrity verdict and whether anything was
    /// written (shared with [`Store::alongside`] connections of the same session).
    session: Option<std::sync::Arc<Session>>,
    /// Why writes are refused, for a book opened only for reading.
    read_only: Option<ReadOnlyWhy>,
}

/// One open-for-writing of a book file, from open to the last connection's close.
struct Session {
    integrity: integrity::Guard,
    wrote: std::sync::atomic::AtomicBool,
    finished: std::sync::atomic::AtomicBool,
}

impl Session {
    fn new(integrity: integrity::Guard) -> Session {
        Session {
            integrity,
            wrote: Default::default(),
            finished: Default::default(),
        }
    }
}

impl Drop for Store {
    /// A session that wrote ends with the day's automatic backup, if it is due: this is
    /// how a command's backup is made (at its end, once its writes are committed), and
    /// the app's when it closes (it also makes one after a write, on a worker, through
    /// [`Store::auto_backup_if_due`]). A failure is said, never fatal: the writes stand.
    fn drop(&mut self) {
        if self._lock.is_some()
            && let Err(error) = self.finish_session()
        {
            eprintln!("owed: warning: the automatic backup was not made: {error}");
        }
    }
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

    /// Refuses to write to a book opened only for reading, or found damaged (waiting
    /// for a check still running).
    fn may_write(&self) -> Result<()> {
        if let (Some(why), Some(path)) = (&self.read_only, &self.path) {
            return Err(StoreError::ReadOnly {
                path: path.clone(),
                why: why.clone(),
            });
        }
        if let (Some(session), Some(path)) = (&self.session, &self.path)
            && let Some(integrity::Verdict::Damaged(found)) = session.integrity.wait()
        {
            return Err(backup::damaged(path, &found));
        }
        Ok(())
    }

    fn wrote(&self) {
        if let Some(session) = &self.session {
            session
                .wrote
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }

    /// What is known to be wrong with the book, as a warning for someone only reading
    /// it: found by an earlier open for writing or `owed check` on the file as it is
    /// now, or by this session's own check. `None` when nothing is known to be wrong.
    pub fn known_damage(&self) -> Option<Damage> {
        let path = self.path.as_deref()?;
        let verdict = match &self.session {
            Some(session) => session.integrity.peek(),
            None => integrity::remembered(path),
        };
        match verdict {
            Some(integrity::Verdict::Damaged(found)) => Some(Damage {
                path: path.to_path_buf(),
                found,
                way_back: backup::way_back(path),
            }),
            _ => None,
        }
    }

    /// What this session's integrity check found wrong, once it is known (cheap: for
    /// a screen to show on every frame). `None` while checking or when sound.
    pub fn damage_found(&self) -> Option<String> {
        match self.session.as_ref()?.integrity.peek()? {
            integrity::Verdict::Damaged(found) => Some(found),
            integrity::Verdict::Sound => None,
        }
    }

    /// Runs `work` in one transaction: all of it is written, or none.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>, &Currency) -> Result<T>,
    ) -> Result<T> {
        self.may_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = work(&tx, &self.settings.currency)?;
        tx.commit()?;
        self.wrote();
        Ok(out)
    }

    /// Runs several postings as one transaction (bulk loads, the demo generator).
    pub fn batch<T>(&mut self, work: impl FnOnce(&mut Batch<'_>) -> Result<T>) -> Result<T> {
        self.may_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut batch = Batch {
            tx: &tx,
            currency: &self.settings.currency,
        };
        let out = work(&mut batch)?;
        tx.commit()?;
        self.wrote();
        Ok(out)
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
