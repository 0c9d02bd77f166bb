//! Noticing damage before it spreads. Every open for writing verifies the book with
//! `PRAGMA quick_check` before its first write; the verdict is remembered in a small
//! marker file (in the book's `backups/` folder, never in the book) keyed by the file's
//! size and modification time, so an unchanged book is not read end to end again.
//!
//! `quick_check` reads every page: about 0.26 s for a 77 MB book of 100,000 invoices and
//! 1.34 s for the 780 MB book of a million (measured, release build). That is too long to
//! hold up opening, so a book without a
//! current marker is checked on a worker thread ([`Guard::start`]) and the first write
//! waits for the verdict: the app opens at once (the check is done long before anyone
//! posts), a command pays for the check only when the file changed behind Owed's back,
//! and nothing is ever written to a book known to be damaged.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::UNIX_EPOCH;

use rusqlite::Connection;

use super::Result;

/// What the last check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Verdict {
    Sound,
    /// The first lines `quick_check` reported, or the error it stopped with.
    Damaged(String),
}

/// Who the file is, as far as a marker can tell without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified_ns: u128,
    wal_len: u64,
}

impl Stamp {
    pub(super) fn of(book: &Path) -> Option<Stamp> {
        let meta = fs::metadata(book).ok()?;
        let modified_ns = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        let wal_len = fs::metadata(super::open::sidecar(book, "-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
        Some(Stamp {
            len: meta.len(),
            modified_ns,
            wal_len,
        })
    }
}

fn marker_path(book: &Path) -> Option<PathBuf> {
    let name = book.file_name()?.to_string_lossy().into_owned();
    Some(super::backup::backups_dir(book).join(format!("{name}.verified")))
}

/// The remembered verdict, if it was reached on the file exactly as it is now.
pub(super) fn remembered(book: &Path) -> Option<Verdict> {
    let stamp = Stamp::of(book)?;
    let text = fs::read_to_string(marker_path(book)?).ok()?;
    let mut fields = text.splitn(5, ' ');
    let kind = fields.next()?;
    let len: u64 = fields.next()?.parse().ok()?;
    let modified_ns: u128 = fields.next()?.parse().ok()?;
    let wal_len: u64 = fields.next()?.trim().parse().ok()?;
    if (Stamp {
        len,
        modified_ns,
        wal_len,
    }) != stamp
    {
        return None;
    }
    match kind {
        "sound" => Some(Verdict::Sound),
        "damaged" => Some(Verdict::Damaged(
            fields.next().unwrap_or("").trim().to_string(),
        )),
        _ => None,
    }
}

/// Remembers `verdict` for the file as it is now. Best effort: the marker only saves
/// time (a read-only folder simply means checking again next time).
pub(super) fn remember(book: &Path, verdict: &Verdict) {
    let (Some(stamp), Some(marker)) = (Stamp::of(book), marker_path(book)) else {
        return;
    };
    let line = match verdict {
        Verdict::Sound => format!(
            "sound {} {} {}\n",
            stamp.len, stamp.modified_ns, stamp.wal_len
        ),
        Verdict::Damaged(found) => format!(
            "damaged {} {} {} {}\n",
            stamp.len,
            stamp.modified_ns,
            stamp.wal_len,
            found.replace('\n', "; ")
        ),
    };
    let Some(folder) = marker.parent() else {
        return;
    };
    if fs::create_dir_all(folder).is_err() {
        return;
    }
    let temp = super::open::sidecar(&marker, &format!(".{}", std::process::id()));
    if fs::write(&temp, line).is_ok() && fs::rename(&temp, &marker).is_err() {
        let _ = fs::remove_file(&temp);
    }
}

/// Whether an SQLite error says the file itself is damaged.
pub(super) fn is_damage(code: rusqlite::ErrorCode) -> bool {
    matches!(
        code,
        rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
    )
}

/// Runs `PRAGMA quick_check` on `conn`. An error that means "this is not a sound
/// database" is a verdict too; other errors (the disk, a lock) are returned.
pub(super) fn quick_check(conn: &Connection) -> Result<Verdict> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA quick_check(20)")?;
        stmt.query_map([], |r| r.get::<_, String>(0))?.collect()
    };
    match run() {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => Ok(Verdict::Sound),
        Ok(lines) => Ok(Verdict::Damaged(summarise(&lines))),
        Err(rusqlite::Error::SqliteFailure(failure, message)) if is_damage(failure.code) => Ok(
            Verdict::Damaged(message.unwrap_or_else(|| failure.to_string())),
        ),
        Err(e) => Err(e.into()),
    }
}

/// The first problem `quick_check` named and how many more, on one line.
pub(super) fn summarise(lines: &[String]) -> String {
    let problems: Vec<&str> = lines
        .iter()
        .flat_map(|l| l.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect();
    match problems.as_slice() {
        [] => "SQLite's quick_check did not say ok".to_string(),
        [one] => one.to_string(),
        [first, rest @ ..] if rest.len() >= 19 => format!("{first}, and more"),
        [first, rest @ ..] => format!("{first}, and {} more", rest.len()),
    }
}

/// Checks the book at `book` on a fresh read-only connection and remembers the verdict.
pub(super) fn check_file(book: &Path) -> Result<Verdict> {
    let stamp_before = Stamp::of(book);
    let verdict = match super::open::open_read_only(book) {
        Ok(conn) => quick_check(&conn)?,
        // Damage where SQLite reads first (the schema) stops the open itself.
        Err(super::StoreError::Sqlite(rusqlite::Error::SqliteFailure(failure, message)))
            if is_damage(failure.code) =>
        {
            Verdict::Damaged(message.unwrap_or_else(|| failure.to_string()))
        }
        Err(error) => return Err(error),
    };
    // Only a verdict on an unchanged file is worth remembering.
    if Stamp::of(book) == stamp_before {
        remember(book, &verdict);
    }
    Ok(verdict)
}

#[derive(Debug)]
enum State {
    Running,
    Done(Verdict),
    /// The check could not run (the disk, a lock): nothing is known either way.
    Failed,
}

/// The integrity verdict of an open book, possibly still being reached on a worker.
#[derive(Debug, Clone)]
pub(super) struct Guard {
    state: Arc<(Mutex<State>, Condvar)>,
}

impl Guard {
    pub(super) fn known(verdict: Verdict) -> Guard {
        Guard {
            state: Arc::new((Mutex::new(State::Done(verdict)), Condvar::new())),
        }
    }

    /// Starts checking `book` on a worker thread.
    pub(super) fn start(book: PathBuf) -> Guard {
        let guard = Guard {
            state: Arc::new((Mutex::new(State::Running), Condvar::new())),
        };
        let shared = Arc::clone(&guard.state);
        let spawned = std::thread::Builder::new()
            .name("owed-quick-check".into())
            .spawn(move || {
                let result = match check_file(&book) {
                    Ok(verdict) => State::Done(verdict),
                    Err(_) => State::Failed,
                };
                let (lock, ready) = &*shared;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = result;
                ready.notify_all();
            });
        if spawned.is_err() {
            *guard.state.0.lock().unwrap_or_else(|e| e.into_inner()) = State::Failed;
        }
        guard
    }

    /// The verdict, waiting for a check still running; `None` if it could not run.
    pub(super) fn wait(&self) -> Option<Verdict> {
        let (lock, ready) = &*self.state;
        let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
        while matches!(*state, State::Running) {
            state = ready.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        match &*state {
            State::Done(verdict) => Some(verdict.clone()),
            _ => None,
        }
    }

    /// The verdict if it is already known, without waiting.
    pub(super) fn peek(&self) -> Option<Verdict> {
        match &*self.state.0.lock().unwrap_or_else(|e| e.into_inner()) {
            State::Done(verdict) => Some(verdict.clone()),
            _ => None,
        }
    }
}
