//! Opening a book safely: recognise what a file is before SQLite writes a byte to it,
//! refuse foreign, damaged and newer files unchanged, read through a connection that
//! cannot write, refuse by name to write where the file or folder cannot be written,
//! take the one-writer lock, verify the book before its first write, and migrate older
//! books only after copying them aside.

use std::fs::{self, File, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

mod access;
mod inspect;

pub use access::ReadOnlyWhy;
pub(super) use access::{ensure_writable, file_uri, open_read_only};
pub use inspect::WhatItIs;
use inspect::{Found, inspect};

use super::integrity::{self, Guard, Verdict};
use super::schema::{APPLICATION_ID, CURRENT_VERSION, MIGRATIONS};
use super::{BookSettings, Result, Session, Store, StoreError};
use crate::domain::Currency;

/// Whether this process means to write to the book. Only one writer at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A read-only connection: never creates, upgrades or writes the book.
    Read,
    /// The one writer: creates a missing book, upgrades an older one, verifies it.
    Write,
}

/// `book.owed` in the OS data folder, e.g. `~/.local/share/owed/book.owed` on Linux.
pub fn default_book_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "owed").map(|dirs| dirs.data_dir().join("book.owed"))
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

pub(super) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

pub(super) fn take_lock(path: &Path) -> Result<File> {
    let lock_path = sidecar(path, ".lock");
    let mut file = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(io_error(&lock_path))?;
    // A lock can be held for a moment by a writer that is just closing, or by a copy of
    // the lock's descriptor in a child process between its fork and exec (another thread
    // starting a program): try a few times over a quarter of a second before saying the
    // book is open elsewhere.
    let mut attempt = file.try_lock();
    for _ in 0..10 {
        if !matches!(attempt, Err(TryLockError::WouldBlock)) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
        attempt = file.try_lock();
    }
    match attempt {
        Ok(()) => {
            // Who holds it, for the message another process shows; the OS frees the lock itself.
            let _ = file.set_len(0);
            let _ = write!(file, "{}", std::process::id());
            Ok(file)
        }
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = File::open(&lock_path).and_then(|mut f| f.read_to_string(&mut holder));
            let holder = holder.trim();
            let holder = if holder.is_empty() {
                String::new()
            } else {
                format!(" (process {holder})")
            };
            Err(StoreError::Locked {
                path: path.to_path_buf(),
                holder,
            })
        }
        Err(TryLockError::Error(e)) => Err(io_error(&lock_path)(e)),
    }
}

fn configure(conn: &Connection) -> Result<()> {
    cache_statements(conn);
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    stable_plans(conn)?;
    // Savepoints journal the pages they change; in memory, not in a file written page
    // by page (a bank import posts each payment behind one).
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// The same plan whatever values are bound. Without it SQLite prepares a statement again
/// each time a bound value is compared against a partial index's condition (`items …
/// WHERE open <> 0`): a fifth of a bank import's commit, and each lookalike read of its
/// dry run.
fn stable_plans(conn: &Connection) -> Result<()> {
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

/// Keeps more prepared statements than rusqlite's 16: posting one payment alone runs
/// about twenty, so a bank import of thousands would otherwise parse its SQL again for
/// every payment as the cache evicts in turn.
fn cache_statements(conn: &Connection) {
    conn.set_prepared_statement_cache_capacity(256);
}

/// Runs every migration past `from`, each in its own transaction with its version bump.
///
/// Foreign keys are off while they run (a migration may rebuild a table others refer
/// to, which SQLite allows only so) and each migration checks them before it commits,
/// so a book comes out of it as consistent as it went in.
fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
    // Outside a transaction, or SQLite ignores it.
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = migrate_each(conn, from);
    conn.pragma_update(None, "foreign_keys", true)?;
    result
}

fn migrate_each(conn: &mut Connection, from: i64) -> Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        let broken: Option<String> = tx
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()?;
        if let Some(table) = broken {
            return Err(StoreError::Corrupt(format!(
                "upgrading to version {} left a row of '{table}' pointing at nothing",
                index + 1
            )));
        }
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// What the book already holds in minor units (besides documents), named for a message;
/// `None` when changing the number of decimals would rescale nothing.
fn amounts_stored(conn: &Connection) -> Result<Option<String>> {
    let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let found = [
        (
            count("SELECT COUNT(*) FROM customers WHERE credit_limit IS NOT NULL")?,
            "credit limits",
        ),
        (
            count("SELECT COUNT(*) FROM notes WHERE promise_amount IS NOT NULL")?,
            "promised amounts",
        ),
        (
            count("SELECT COUNT(*) FROM bank_rows")?,
            "imported bank rows",
        ),
    ];
    let named: Vec<String> = found
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{what}: {n}"))
        .collect();
    Ok((!named.is_empty()).then(|| named.join(", ")))
}

fn write_settings(conn: &Connection, settings: &BookSettings) -> Result<()> {
    let mut put = conn.prepare("INSERT INTO book(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")?;
    put.execute(["company", settings.company.as_str()])?;
    put.execute(["currency", settings.currency.code.as_str()])?;
    put.execute([
        "minor_units",
        settings.currency.minor_units.to_string().as_str(),
    ])?;
    Ok(())
}

fn read_settings(conn: &Connection) -> Result<BookSettings> {
    let get = |key: &str| -> Result<String> {
        conn.query_row("SELECT value FROM book WHERE key = ?1", [key], |r| r.get(0))
            .map_err(|_| StoreError::Corrupt(format!("the setting '{key}' is missing")))
    };
    let minor: u32 = get("minor_units")?
        .parse()
        .map_err(|_| StoreError::Corrupt("minor_units".into()))?;
    let currency = Currency::new(&get("currency")?, minor)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?
        .with_format(super::settings::number_format(conn)?);
    Ok(BookSettings {
        company: get("company")?,
        currency,
    })
}

/// Makes a complete new book at `conn`'s database, in one transaction.
fn initialise(conn: &mut Connection, settings: &BookSettings) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    let tx = conn.transaction()?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    for sql in MIGRATIONS {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    write_settings(&tx, settings)?;
    tx.execute(
        "INSERT INTO book(key, value) VALUES ('created_at', ?1)",
        [super::now_stamp()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Creates the book at `path` so that it appears whole or not at all: it is built in a
/// temporary file beside `path` and linked into place only once complete.
fn create_file(path: &Path, settings: &BookSettings) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    let temp = sidecar(path, &format!(".creating-{}", std::process::id()));
    let _ = fs::remove_file(&temp);
    {
        let mut conn = Connection::open(&temp)?;
        initialise(&mut conn, settings)?;
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
    }
    let _ = fs::remove_file(sidecar(&temp, "-wal"));
    let _ = fs::remove_file(sidecar(&temp, "-shm"));
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => Ok(()),
        // Someone else created it meanwhile: theirs stands, and the caller opens it.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_error(path)(e)),
    }
}

/// Copies an older book aside with SQLite's backup API before it is migrated.
fn back_up_before_migrating(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf> {
    let mut backup = sidecar(path, &format!(".v{version}.bak"));
    let mut n = 1;
    while backup.exists() {
        n += 1;
        backup = sidecar(path, &format!(".v{version}.{n}.bak"));
    }
    conn.backup(
        rusqlite::MAIN_DB,
        &backup,
        None::<fn(rusqlite::backup::Progress)>,
    )?;
    Ok(backup)
}

impl Store {
    /// Opens the book at `path`, creating it with default settings if there is none.
    pub fn open(path: &Path, access: Access) -> Result<Store> {
        Store::open_or_create(path, access, &BookSettings::default())
    }

    /// Opens the book at `path`, creating it with `settings` if there is none and
    /// `access` is [`Access::Write`]. A book opened for reading is read through a
    /// read-only connection and never created, migrated or written.
    pub fn open_or_create(path: &Path, access: Access, settings: &BookSettings) -> Result<Store> {
        match access {
            Access::Read => Store::open_for_reading(path),
            Access::Write => Store::open_for_writing(path, settings),
        }
    }

    fn open_for_reading(path: &Path) -> Result<Store> {
        match inspect(path)? {
            Found::Missing => {
                return Err(StoreError::NoBook {
                    path: path.to_path_buf(),
                });
            }
            // The queries are written for the current schema, and upgrading writes:
            // an older book is upgraded by the first open for writing, never by a read.
            Found::Book { version } if version < CURRENT_VERSION => {
                return Err(StoreError::NeedsUpgrade {
                    path: path.to_path_buf(),
                    found: version,
                });
            }
            Found::Book { .. } => {}
        }
        let conn = open_read_only(path)?;
        cache_statements(&conn);
        stable_plans(&conn)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let settings = read_settings(&conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            settings,
            _lock: None,
            session: None,
            read_only: Some(ReadOnlyWhy::OnlyForReading),
        })
    }

    fn open_for_writing(path: &Path, settings: &BookSettings) -> Result<Store> {
        Store::open_with_lock(path, settings, None)
    }

    /// Opens the book at `path` for writing with the lock this process already holds
    /// on it (after a restore).
    pub(super) fn open_holding(path: &Path, settings: &BookSettings, lock: File) -> Result<Store> {
        Store::open_with_lock(path, settings, Some(lock))
    }

    fn open_with_lock(path: &Path, settings: &BookSettings, held: Option<File>) -> Result<Store> {
        let found = inspect(path)?;
        ensure_writable(path, found != Found::Missing)?;
        let created = found == Found::Missing;
        if created {
            create_file(path, settings)?;
        }
        let Found::Book { version } = inspect(path)? else {
            return Err(StoreError::NotABook {
                path: path.to_path_buf(),
                what: WhatItIs::Vanished,
            });
        };
        let lock = match held {
            Some(lock) => lock,
            None => take_lock(path)?,
        };
        // Verified before the first write: at once when migrating (which writes) or when
        // the verdict is remembered, else on a worker while the caller gets on.
        let guard = match integrity::remembered(path) {
            Some(verdict) => Guard::known(verdict),
            None if created => Guard::known(Verdict::Sound),
            None if version < CURRENT_VERSION => Guard::known(integrity::check_file(path)?),
            None => Guard::start(path.to_path_buf()),
        };
        if version < CURRENT_VERSION
            && let Some(Verdict::Damaged(found)) = guard.peek()
        {
            return Err(super::backup::damaged(path, &found));
        }
        let opened = (|| -> Result<(Connection, BookSettings)> {
            let mut conn = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            configure(&conn)?;
            if version < CURRENT_VERSION {
                back_up_before_migrating(&conn, path, version)?;
                migrate(&mut conn, version)?;
            }
            // Write-ahead logging lets readers (another window, a report) run beside the writer.
            conn.pragma_update(None, "journal_mode", "WAL")?;
            let settings = read_settings(&conn)?;
            Ok((conn, settings))
        })();
        let (conn, settings) = match opened {
            Ok(opened) => opened,
            // A damaged page may stop the open itself: say so as the check does.
            Err(error) => match guard.wait() {
                Some(Verdict::Damaged(found)) => return Err(super::backup::damaged(path, &found)),
                _ => return Err(error),
            },
        };
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            settings,
            _lock: Some(lock),
            session: Some(std::sync::Arc::new(Session::new(guard))),
            read_only: None,
        })
    }

    /// Starts a new book at `path` (`owed init`). An existing book with no documents yet
    /// takes the new settings; one with documents keeps its currency.
    pub fn init(path: &Path, settings: &BookSettings) -> Result<Store> {
        let existed = inspect(path)? != Found::Missing;
        let mut store = Store::open_or_create(path, Access::Write, settings)?;
        if existed {
            let documents: i64 =
                store
                    .conn
                    .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
            if documents > 0 && store.settings.currency != settings.currency {
                return Err(StoreError::AlreadyExists {
                    path: path.to_path_buf(),
                    company: store.settings.company.clone(),
                    currency: store.settings.currency.code.clone(),
                });
            }
            let old_units = store.settings.currency.minor_units;
            if old_units != settings.currency.minor_units
                && let Some(what) = amounts_stored(&store.conn)?
            {
                return Err(StoreError::MinorUnitsLocked {
                    from: old_units,
                    to: settings.currency.minor_units,
                    what,
                });
            }
            store.write(|tx, _| {
                super::audit::settings_change(tx, None, || write_settings(tx, settings))
            })?;
            let format = store.settings.currency.format;
            store.settings = settings.clone();
            store.settings.currency.format = format;
        }
        Ok(store)
    }

    /// A second connection to this open book, for a worker thread of this same process
    /// (a long import must not hold up the window): `self` already holds the book's
    /// lock, and SQLite serialises the two writers. `None` for an in-memory book.
    pub fn alongside(&self) -> Result<Option<Store>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        Ok(Some(Store {
            conn,
            path: Some(path.clone()),
            settings: self.settings.clone(),
            _lock: None,
            // The same session: its writes wait for the same verdict and count as written.
            session: self.session.clone(),
            read_only: self.read_only.clone(),
        }))
    }

    /// A book that lives only in memory (tests, previews).
    pub fn open_in_memory(settings: &BookSettings) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        initialise(&mut conn, settings)?;
        configure(&conn)?;
        Ok(Store {
            conn,
            path: None,
            settings: settings.clone(),
            _lock: None,
            session: None,
            read_only: None,
        })
    }

    /// Opens the book at `path` only for reading because opening it for writing failed
    /// with `because` (a read-only folder or file, a full disk): the screens go on
    /// showing it, and every write is refused with that reason.
    pub fn open_read_only_because(path: &Path, because: &StoreError) -> Result<Store> {
        let mut store = Store::open_for_reading(path)?;
        let why = match because {
            StoreError::ReadOnly { why, .. } => why.clone(),
            StoreError::DiskFull => ReadOnlyWhy::DiskFull,
            other => ReadOnlyWhy::Other(other.to_string()),
        };
        store.read_only = Some(why);
        Ok(store)
    }

    /// Why this book cannot be written to, if it cannot.
    pub fn read_only_reason(&self) -> Option<&ReadOnlyWhy> {
        self.read_only.as_ref()
    }

    /// The schema version of the open book.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Renames the company on the book.
    pub fn set_company(&mut self, company: &str) -> Result<()> {
        let mut settings = self.settings.clone();
        settings.company = company.trim().to_string();
        self.write(|tx, _| {
            super::audit::settings_change(tx, None, || write_settings(tx, &settings))
        })?;
        self.settings = settings;
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests;
