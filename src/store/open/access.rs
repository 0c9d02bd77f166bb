//! What a file and its folder allow: refusing a write where it cannot be made, before
//! anything is created, and a connection that only reads — even where SQLite cannot
//! make its shared-memory file (a read-only folder, a full disk).

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{io_error, sidecar};
use crate::store::{Result, StoreError};

/// Why a book cannot be written; its `Display` is the English the command line prints
/// (the screens say it in their language, `src/i18n/errors/files.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyWhy {
    FileReadOnly,
    FolderReadOnly,
    DiskReadOnly,
    /// Opened for reading because the disk was full.
    DiskFull,
    /// Opened only for reading (`Access::Read`).
    OnlyForReading,
    /// Opened for reading after another refusal, said as it was.
    Other(String),
}

impl std::fmt::Display for ReadOnlyWhy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReadOnlyWhy::FileReadOnly => "the file is read-only",
            ReadOnlyWhy::FolderReadOnly => "the folder is read-only",
            ReadOnlyWhy::DiskReadOnly => "the disk it is on is mounted read-only",
            ReadOnlyWhy::DiskFull => {
                "the disk holding it is full; free some space and open it again"
            }
            ReadOnlyWhy::OnlyForReading => "it is open only for reading",
            ReadOnlyWhy::Other(why) => why,
        })
    }
}

/// Refuses, before anything is created or locked, to write where the file or its
/// folder cannot be written, naming which and why (SQLite would only say "attempt to
/// write a readonly database" after leaving -wal, -shm and lock files behind).
pub(in crate::store) fn ensure_writable(path: &Path, exists: bool) -> Result<()> {
    let refuse = |folder: bool, error: std::io::Error| -> StoreError {
        use std::io::ErrorKind;
        let why = match error.kind() {
            ErrorKind::PermissionDenied if folder => ReadOnlyWhy::FolderReadOnly,
            ErrorKind::PermissionDenied => ReadOnlyWhy::FileReadOnly,
            ErrorKind::ReadOnlyFilesystem => ReadOnlyWhy::DiskReadOnly,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                return StoreError::DiskFull;
            }
            _ => return io_error(path)(error),
        };
        StoreError::ReadOnly {
            path: path.to_path_buf(),
            why,
        }
    };
    if exists {
        // Opening for writing (without truncating) changes nothing in the file.
        File::options()
            .write(true)
            .open(path)
            .map_err(|e| refuse(false, e))?;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.exists() {
        // `create_file` makes missing folders; their parent is what must be writable.
        return Ok(());
    }
    let probe = sidecar(path, &format!(".probe-{}", std::process::id()));
    match File::options().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(refuse(true, e)),
    }
}

/// `path` as an SQLite URI with `query`, every byte outside a safe set percent-encoded.
pub(in crate::store) fn file_uri(path: &Path, query: &str) -> String {
    let mut uri = String::from("file:");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push('?');
    uri.push_str(query);
    uri
}

/// A connection that can only read: it never creates, migrates or writes the book.
///
/// A WAL book is normally read through its `-shm` shared-memory file, which SQLite
/// creates (empty) if missing and leaves behind with an empty `-wal`; both are harmless
/// and reused by the next writer. Where it cannot be made — a read-only folder, a full
/// disk — and no write-ahead log holds changes, the file alone is the whole book, and
/// no writer could add to it there, so it is read as `immutable` without shared memory.
pub(in crate::store) fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // Opening is lazy: the first read is what needs the shared memory.
    let first_read = |conn: Connection| -> rusqlite::Result<Connection> {
        conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0))?;
        Ok(conn)
    };
    match Connection::open_with_flags(path, flags).and_then(first_read) {
        Ok(conn) => Ok(conn),
        Err(rusqlite::Error::SqliteFailure(failure, _))
            if matches!(
                failure.code,
                rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::SystemIoFailure
                    | rusqlite::ErrorCode::ReadOnly
                    | rusqlite::ErrorCode::DiskFull
            ) && fs::metadata(sidecar(path, "-wal")).map_or(true, |m| m.len() == 0) =>
        {
            let uri = file_uri(path, "immutable=1");
            Ok(
                Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                    .and_then(first_read)?,
            )
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_becomes_a_uri_sqlite_reads_back() {
        let path = Path::new("/tmp/my books/50% #1?/账本.owed");
        let uri = file_uri(path, "immutable=1");
        assert_eq!(
            uri,
            "file:/tmp/my%20books/50%25%20%231%3F/%E8%B4%A6%E6%9C%AC.owed?immutable=1"
        );
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("50% #1?");
        fs::create_dir(&odd).unwrap();
        let book = odd.join("账本.owed");
        Connection::open(&book)
            .unwrap()
            .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (7);")
            .unwrap();
        let conn = Connection::open_with_flags(
            file_uri(&book, "immutable=1"),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )
        .unwrap();
        let seven: i64 = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(seven, 7);
    }
}
