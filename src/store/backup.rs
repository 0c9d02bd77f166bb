//! Backups of the book and putting one back.
//!
//! Copies are made with SQLite's online backup API (consistent while the book is open),
//! written under a temporary name, checked (`quick_check`, application id, a schema this
//! Owed reads) and only then renamed into place, so a backup that exists is one that
//! was sound when made. They live in `backups/` beside the book, named
//! `<book stem>-YYYYMMDD-HHMMSS-<auto|manual>.owed` (local time). A session that wrote
//! ends with an automatic backup when the newest one is from an earlier day; automatic
//! backups are thinned to 7 daily, 4 weekly and 12 monthly
//! ([`crate::domain::retention`]). The copies made before a migration stay where they
//! always were, `<book>.vN.bak` beside the book, and are listed as `before-migration`.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};

use super::integrity::{self, Verdict};
use super::open::sidecar;
use super::schema::{APPLICATION_ID, CURRENT_VERSION};
use super::{Result, Store, StoreError};
use crate::files::FileRefusal;

mod restore;

pub use restore::{Restored, restore};

/// How a backup came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackupKind {
    /// Made after a session that wrote, at most once a day, thinned over time.
    Auto,
    /// `owed backup now`; never deleted by Owed.
    Manual,
    /// The copy of an older book kept before it was upgraded (`book.owed.v1.bak`).
    BeforeMigration,
}

impl BackupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Auto => "auto",
            BackupKind::Manual => "manual",
            BackupKind::BeforeMigration => "before-migration",
        }
    }
}

/// One backup of a book.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupFile {
    pub path: PathBuf,
    /// Local time it was made (`YYYY-MM-DDTHH:MM:SS`).
    #[serde(serialize_with = "made_at_text")]
    pub made_at: NaiveDateTime,
    pub kind: BackupKind,
    pub bytes: u64,
    /// Whether it passed [`verify_backup`] when listed.
    pub ok: bool,
}

fn made_at_text<S: serde::Serializer>(
    at: &NaiveDateTime,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_str(&at.format("%Y-%m-%dT%H:%M:%S").to_string())
}

/// `backups/` beside the book.
pub fn backups_dir(book: &Path) -> PathBuf {
    match book.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.join("backups"),
        _ => PathBuf::from("backups"),
    }
}

fn book_stem(book: &Path) -> String {
    book.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "book".into())
}

const STAMP: &str = "%Y%m%d-%H%M%S";

fn backup_name(book: &Path, at: NaiveDateTime, kind: BackupKind) -> String {
    format!(
        "{}-{}-{}.owed",
        book_stem(book),
        at.format(STAMP),
        kind.as_str()
    )
}

/// Reads `<stem>-YYYYMMDD-HHMMSS-<kind>.owed` back, for this book's stem only (so
/// `book-2.owed`'s backups are not taken for `book.owed`'s).
fn parse_name(stem: &str, name: &str) -> Option<(NaiveDateTime, BackupKind)> {
    let rest = name.strip_suffix(".owed")?;
    let mut parts = rest.rsplitn(4, '-');
    let kind = match parts.next()? {
        "auto" => BackupKind::Auto,
        "manual" => BackupKind::Manual,
        _ => return None,
    };
    let time = parts.next()?;
    let date = parts.next()?;
    if parts.next()? != stem {
        return None;
    }
    let at = NaiveDateTime::parse_from_str(&format!("{date}-{time}"), STAMP).ok()?;
    Some((at, kind))
}

/// Opens a backup to look at it, changing nothing: no one writes a backup, so it is
/// read `immutable` and no -wal or -shm file appears beside it.
fn open_backup(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        super::open::file_uri(path, "immutable=1"),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )
}

/// Why a file cannot be restored (or a copy just made failed its check); its `Display`
/// is the English the command line prints (the screens say it in their language,
/// `src/i18n/errors/files.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    NoSuchFile,
    NotSqlite,
    NotOwed,
    Newer {
        version: i64,
        supported: i64,
    },
    Unfinished,
    /// What SQLite's check found, in its words.
    Damaged(String),
    /// SQLite could not open or check it, in its words.
    Sqlite(String),
    /// The open book is in memory, with no file to put a backup in place of.
    InMemory,
}

impl std::fmt::Display for BackupProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupProblem::NoSuchFile => f.write_str("there is no such file"),
            BackupProblem::NotSqlite => f.write_str("it is not an SQLite database"),
            BackupProblem::NotOwed => f.write_str("it is not an Owed book"),
            BackupProblem::Newer { version, supported } => write!(
                f,
                "it was written by a newer Owed (book version {version}; this Owed reads up to {supported})"
            ),
            BackupProblem::Unfinished => {
                f.write_str("it is an Owed book that was never finished being created")
            }
            BackupProblem::Damaged(found) => write!(f, "it is damaged ({found})"),
            BackupProblem::Sqlite(error) => f.write_str(error),
            BackupProblem::InMemory => f.write_str("a book in memory cannot be replaced"),
        }
    }
}

/// Checks that `path` is a sound Owed book this Owed can read; the reason if not.
pub fn verify_backup(path: &Path) -> std::result::Result<(), BackupProblem> {
    if !path.is_file() {
        return Err(BackupProblem::NoSuchFile);
    }
    let conn = open_backup(path).map_err(|e| BackupProblem::Sqlite(e.to_string()))?;
    let read = || -> rusqlite::Result<(i32, i64)> {
        Ok((
            conn.query_row("PRAGMA application_id", [], |r| r.get(0))?,
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
        ))
    };
    let (app_id, version) = read().map_err(|_| BackupProblem::NotSqlite)?;
    if app_id != APPLICATION_ID {
        return Err(BackupProblem::NotOwed);
    }
    if version > CURRENT_VERSION {
        return Err(BackupProblem::Newer {
            version,
            supported: CURRENT_VERSION,
        });
    }
    if version < 1 {
        return Err(BackupProblem::Unfinished);
    }
    match integrity::quick_check(&conn) {
        Ok(Verdict::Sound) => Ok(()),
        Ok(Verdict::Damaged(found)) => Err(BackupProblem::Damaged(found)),
        Err(e) => Err(BackupProblem::Sqlite(e.to_string())),
    }
}

/// Copies the database behind `conn` to `dest` (which must not exist): into a
/// temporary file beside it, checked, synced, then renamed, so `dest` is whole or absent.
fn write_verified_copy(conn: &Connection, dest: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    if dest.exists() {
        return Err(io(dest)(
            FileRefusal::AlreadyExists.into_io(std::io::ErrorKind::AlreadyExists),
        ));
    }
    if let Some(folder) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(io(folder))?;
    }
    let temp = sidecar(dest, &format!(".partial-{}", std::process::id()));
    let _ = fs::remove_file(&temp);
    let made = conn
        .backup(
            rusqlite::MAIN_DB,
            &temp,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .map_err(StoreError::from)
        .and_then(|()| {
            verify_backup(&temp).map_err(|why| StoreError::CopyFailed {
                path: dest.to_path_buf(),
                why,
            })
        })
        .and_then(|()| {
            fs::File::open(&temp)
                .and_then(|f| f.sync_all())
                .map_err(io(&temp))
        })
        .and_then(|()| fs::rename(&temp, dest).map_err(io(dest)));
    if made.is_err() {
        let _ = fs::remove_file(&temp);
    }
    for side in ["-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(sidecar(&temp, side));
    }
    made
}

/// Every backup of `book`, newest first: those in `backups/` and the copies kept
/// before migrations. `verify` checks each (reading it whole) to fill in `ok`.
pub fn list_backups(book: &Path, verify: bool) -> Result<Vec<BackupFile>> {
    let mut found = Vec::new();
    let stem = book_stem(book);
    let folder = backups_dir(book);
    if let Ok(entries) = fs::read_dir(&folder) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some((made_at, kind)) = parse_name(&stem, &name) {
                found.push((entry.path(), made_at, kind));
            }
        }
    }
    if let (Some(book_name), Ok(entries)) = (
        book.file_name().map(|n| n.to_string_lossy().into_owned()),
        fs::read_dir(
            book.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        ),
    ) {
        let prefix = format!("{book_name}.v");
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_copy = name
                .strip_prefix(&prefix)
                .and_then(|r| r.strip_suffix(".bak"))
                .is_some_and(|middle| {
                    !middle.is_empty()
                        && middle
                            .split('.')
                            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                });
            let made_at = entry
                .metadata()
                .and_then(|m| m.modified())
                .map(|t| chrono::DateTime::<Local>::from(t).naive_local());
            if is_copy && let Ok(made_at) = made_at {
                found.push((entry.path(), made_at, BackupKind::BeforeMigration));
            }
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    Ok(found
        .into_iter()
        .map(|(path, made_at, kind)| BackupFile {
            bytes: fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
            ok: verify && verify_backup(&path).is_ok(),
            path,
            made_at,
            kind,
        })
        .collect())
}

/// The newest backup of `book` that passes its check.
pub fn newest_good_backup(book: &Path) -> Option<PathBuf> {
    list_backups(book, false)
        .ok()?
        .into_iter()
        .find(|b| verify_backup(&b.path).is_ok())
        .map(|b| b.path)
}

/// The refusal for a damaged book, naming the way back.
pub(super) fn damaged(path: &Path, found: &str) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        found: found.to_string(),
        advice: way_back(path),
    }
}

/// What to do about a damaged book, said on screens and the command line in the
/// language chosen (`crate::i18n`); `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WayBack {
    /// Restore the newest good backup, this one.
    Restore(PathBuf),
    /// No good backup beside the book.
    NoGoodBackup,
}

impl std::fmt::Display for WayBack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WayBack::Restore(backup) => write!(
                f,
                "Put the newest good backup back with `owed restore {}`",
                backup.display()
            ),
            WayBack::NoGoodBackup => f.write_str(
                "No good backup was found; `owed restore PATH` puts back a copy from elsewhere, and `owed check` lists the damage",
            ),
        }
    }
}

/// What to do about a damaged book: restore the newest good backup, named.
pub(super) fn way_back(path: &Path) -> WayBack {
    match newest_good_backup(path) {
        Some(backup) => WayBack::Restore(backup),
        None => WayBack::NoGoodBackup,
    }
}

/// What is known to be wrong with a book someone is only reading (see
/// `Store::known_damage`); `Display` is the English warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub path: PathBuf,
    /// What the check found, as SQLite says it.
    pub found: String,
    pub way_back: WayBack,
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is damaged ({}); what it shows may be wrong or incomplete. {}",
            self.path.display(),
            self.found,
            self.way_back
        )
    }
}

impl Store {
    /// Copies the whole book to `dest` (a new file) with SQLite's online backup,
    /// consistent even while open, checked before it is put in place.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        write_verified_copy(&self.conn, dest)
    }

    /// Makes a backup of `kind` in the book's `backups/` folder and returns its path.
    pub fn backup_now(&self, kind: BackupKind) -> Result<PathBuf> {
        let Some(book) = self.path.as_deref() else {
            return Err(StoreError::NoBackupsFolder);
        };
        let dest = backups_dir(book).join(backup_name(book, Local::now().naive_local(), kind));
        write_verified_copy(&self.conn, &dest)?;
        Ok(dest)
    }

    /// Ends a writing session: if anything was written, the day's automatic backup is
    /// made when the newest one is from an earlier day (or there is none), and the
    /// automatic backups are thinned. Returns the backup made, if one was. Runs once;
    /// dropping the store runs it too.
    pub fn finish_session(&mut self) -> Result<Option<PathBuf>> {
        use std::sync::atomic::Ordering;
        let (Some(session), Some(book)) = (&self.session, self.path.clone()) else {
            return Ok(None);
        };
        if !session.wrote.load(Ordering::SeqCst) || session.finished.swap(true, Ordering::SeqCst) {
            return Ok(None);
        }
        // Fold the log into the file so the verdict below holds for the file as closed.
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        if session.integrity.peek() == Some(Verdict::Sound) {
            integrity::remember(&book, &Verdict::Sound);
        }
        self.auto_backup_if_due()
    }

    /// Makes the day's automatic backup if the newest one is from an earlier day (or
    /// there is none) and thins the older ones; the backup made, if one was. The app
    /// calls it on a worker after each write, on a read-only connection of its own.
    pub fn auto_backup_if_due(&self) -> Result<Option<PathBuf>> {
        let Some(book) = self.path.clone() else {
            return Ok(None);
        };
        let today = Local::now().date_naive();
        let autos: Vec<BackupFile> = list_backups(&book, false)?
            .into_iter()
            .filter(|b| b.kind == BackupKind::Auto)
            .collect();
        if autos
            .first()
            .is_some_and(|newest| newest.made_at.date() >= today)
        {
            return Ok(None);
        }
        let made = self.backup_now(BackupKind::Auto)?;
        let autos: Vec<BackupFile> = list_backups(&book, false)?
            .into_iter()
            .filter(|b| b.kind == BackupKind::Auto)
            .collect();
        let times: Vec<NaiveDateTime> = autos.iter().map(|b| b.made_at).collect();
        let keep = crate::domain::retention::backups_to_keep(&times);
        for (index, backup) in autos.iter().enumerate() {
            if !keep.contains(&index) && backup.path != made {
                let _ = fs::remove_file(&backup.path);
            }
        }
        Ok(Some(made))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_back_for_their_own_book_only() {
        let book = Path::new("/x/book.owed");
        let at = NaiveDateTime::parse_from_str("2026-12-06 01:02:03", "%Y-%m-%d %H:%M:%S").unwrap();
        let name = backup_name(book, at, BackupKind::Auto);
        assert_eq!(name, "book-20261206-010203-auto.owed");
        assert_eq!(parse_name("book", &name), Some((at, BackupKind::Auto)));
        assert_eq!(parse_name("book-2", &name), None);
        let other = backup_name(Path::new("/x/book-2.owed"), at, BackupKind::Manual);
        assert_eq!(parse_name("book", &other), None);
        assert_eq!(parse_name("book-2", &other), Some((at, BackupKind::Manual)));
        assert_eq!(parse_name("book", "book-2026-x-auto.owed"), None);
    }
}
