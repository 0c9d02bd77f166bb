//! Restoring a backup: it is checked, the book's write lock taken, the book's log folded
//! in, the current file kept aside as `<book>.replaced-<time>` and the backup's copy
//! swapped in by one rename, so the book's name never stands empty; the restore is then
//! recorded in the restored book's audit log.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Local;
use rusqlite::{Connection, OpenFlags};

use super::{STAMP, verify_backup};
use crate::store::integrity::{self, Verdict};
use crate::store::open::sidecar;
use crate::store::{Result, Store, StoreError};

/// A restore that was completed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The backup that is now the book.
    pub from: PathBuf,
    /// Where the book that was replaced was kept (`None` if there was none).
    pub replaced: Option<PathBuf>,
}

/// Puts the backup at `backup` in place of the book at `book` (`owed restore`): the
/// backup is checked, the book's write lock taken (refused while another window or
/// command writes), the current file (and its -wal/-shm, after folding the log in)
/// kept aside as `<book>.replaced-YYYYMMDD-HHMMSS`, and a copy of the backup renamed
/// into place.
pub fn restore(book: &Path, backup: &Path) -> Result<Restored> {
    check_restorable(backup)?;
    let exists = fs::symlink_metadata(book).is_ok();
    crate::store::open::ensure_writable(book, exists)?;
    let lock = crate::store::open::take_lock(book)?;
    let restored = complete_restore(book, backup)?;
    drop(lock);
    // Recorded in the book as it now is (upgraded first if the backup is older).
    let mut store = Store::open(book, crate::store::Access::Write)?;
    record_restore(&mut store, &restored)?;
    Ok(restored)
}

/// The audit log's entry for a restore: which backup became the book, and where the
/// book it replaced was kept.
fn record_restore(store: &mut Store, restored: &Restored) -> Result<()> {
    store.record_audit(
        crate::store::AuditAction::Restore,
        &crate::store::NewAudit {
            field: Some("book".into()),
            old: restored
                .replaced
                .as_ref()
                .map(|p| format!("kept aside as {}", p.display())),
            new: Some(format!("restored from {}", restored.from.display())),
            ..Default::default()
        },
    )
}

fn check_restorable(backup: &Path) -> Result<()> {
    verify_backup(backup).map_err(|why| StoreError::BadBackup {
        path: backup.to_path_buf(),
        why,
    })
}

/// Copies that restores killed before their swap left beside the book
/// (`<book>.restoring-PID`). Only called with the book's write lock held, so no restore
/// of this book is running.
fn remove_unfinished_restores(book: &Path) {
    let (Some(folder), Some(name)) = (book.parent(), book.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = format!("{}.restoring-", name.to_string_lossy());
    if let Ok(entries) = fs::read_dir(folder) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// AUDIT: the one place a restore completes, for `owed restore` and the app alike
/// (the caller holds the book's write lock and no connection to it is open). The
/// [`Restored`] it returns says what was put back and where the old book went.
fn complete_restore(book: &Path, backup: &Path) -> Result<Restored> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    let exists = fs::symlink_metadata(book).is_ok();
    // The copy is made and synced first, then swapped in by one rename over the book, so
    // at every moment the book's name holds either the old book or the restored one: a
    // kill can never leave the name empty (where the next command would start a new book).
    remove_unfinished_restores(book);
    let incoming = sidecar(book, &format!(".restoring-{}", std::process::id()));
    let copied = fs::copy(backup, &incoming)
        .and_then(|_| fs::File::open(&incoming).and_then(|f| f.sync_all()));
    if let Err(e) = copied {
        let _ = fs::remove_file(&incoming);
        return Err(io(&incoming)(e));
    }
    let replaced = if exists {
        // Fold the log into the file: a log left beside the restored file would be
        // replayed onto it.
        let folded = Connection::open_with_flags(
            book,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .and_then(|conn| {
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            })
        });
        let wal = sidecar(book, "-wal");
        let wal_len = fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if folded.is_err() || wal_len > 0 {
            let _ = fs::remove_file(&incoming);
            return Err(io(book)(
                crate::files::FileRefusal::LogNotFolded.into_io(std::io::ErrorKind::Other),
            ));
        }
        // Two restores in one second must not share (and overwrite) one name.
        let stamp = Local::now().format(STAMP).to_string();
        let mut aside = sidecar(book, &format!(".replaced-{stamp}"));
        let mut n = 1;
        while fs::symlink_metadata(&aside).is_ok() {
            n += 1;
            aside = sidecar(book, &format!(".replaced-{stamp}-{n}"));
        }
        // The book is kept under its new name first (a second name for the same file,
        // or a copy where the file system has no hard links), then replaced.
        let kept = fs::hard_link(book, &aside).or_else(|_| {
            fs::copy(book, &aside).and_then(|_| fs::File::open(&aside).and_then(|f| f.sync_all()))
        });
        if let Err(e) = kept {
            let _ = fs::remove_file(&incoming);
            return Err(io(&aside)(e));
        }
        Some(aside)
    } else {
        None
    };
    fs::rename(&incoming, book).map_err(io(book))?;
    if let Some(folder) = book.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = fs::File::open(folder).and_then(|f| f.sync_all());
    }
    // The old book's (empty) log and its index belong to the file kept aside.
    if let Some(aside) = &replaced {
        for side in ["-wal", "-shm"] {
            let from = sidecar(book, side);
            if from.exists() {
                let _ = fs::rename(&from, sidecar(aside, side));
            }
        }
    }
    integrity::remember(book, &Verdict::Sound);
    Ok(Restored {
        from: backup.to_path_buf(),
        replaced,
    })
}

impl Store {
    /// Puts `backup` in place of this open book (the app's Restore…) and goes on with
    /// the restored book, keeping the write lock throughout so no other writer slips
    /// in between. On an error the book is opened again as it then is.
    pub fn restore_from(&mut self, backup: &Path) -> Result<Restored> {
        check_restorable(backup)?;
        let Some(book) = self.path.clone() else {
            return Err(StoreError::BadBackup {
                path: backup.to_path_buf(),
                why: super::BackupProblem::InMemory,
            });
        };
        let Some(lock) = self._lock.take() else {
            return Err(StoreError::Locked {
                path: book,
                holder: " (this window only reads it)".into(),
            });
        };
        // The day's backup of what is being replaced, if the session wrote.
        let _ = self.finish_session();
        // Close the file before it is moved: SQLite folds its log in on close.
        self.conn = Connection::open_in_memory()?;
        self.session = None;
        let restored = complete_restore(&book, backup);
        let reopened = Store::open_holding(&book, &self.settings, lock)?;
        *self = reopened;
        let restored = restored?;
        record_restore(self, &restored)?;
        Ok(restored)
    }
}
