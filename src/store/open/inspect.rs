//! Saying what a file is before SQLite writes a byte to it: only the first 100 bytes
//! (the SQLite header) are read, so a foreign, truncated or newer file is refused
//! unchanged, by name and with what it seems to be.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{io_error, sidecar};
use crate::store::schema::{APPLICATION_ID, CURRENT_VERSION};
use crate::store::{Result, StoreError};

/// What [`inspect`] found at a path.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Found {
    Missing,
    Book { version: i64 },
}

/// Reads only the file's first 100 bytes (the SQLite header) to say what it is.
pub(super) fn inspect(path: &Path) -> Result<Found> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(io_error(path)(e)),
    };
    let not_a_book = |what: String| StoreError::NotABook {
        path: path.to_path_buf(),
        what,
    };
    if meta.is_dir() {
        return Err(not_a_book("a folder".into()));
    }
    let wal_len = fs::metadata(sidecar(path, "-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    if meta.len() == 0 && wal_len == 0 {
        return Err(not_a_book("an empty file (0 bytes)".into()));
    }
    let mut header = Vec::with_capacity(100);
    File::open(path)
        .map_err(io_error(path))?
        .take(100)
        .read_to_end(&mut header)
        .map_err(io_error(path))?;
    if meta.len() > 0 {
        if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
            return Err(not_a_book(describe_foreign(&header, meta.len())));
        }
        let page_size = match u16::from_be_bytes([header[16], header[17]]) {
            1 => 65_536u64,
            n => u64::from(n),
        };
        let page_count = u64::from(u32::from_be_bytes([
            header[28], header[29], header[30], header[31],
        ]));
        let count_is_valid = header[92..96] == header[24..28];
        if page_size < 512
            || meta.len() % page_size != 0
            || (count_is_valid && wal_len == 0 && meta.len() < page_size * page_count)
        {
            return Err(not_a_book(format!(
                "a damaged or truncated SQLite database ({} bytes, expected {})",
                meta.len(),
                page_size * page_count
            )));
        }
    }
    let (app_id, version) = if wal_len > 0 {
        // Recent changes may still be in the write-ahead log, so ask SQLite itself.
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        (app_id, version)
    } else {
        let app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
        let version = i64::from(i32::from_be_bytes([
            header[60], header[61], header[62], header[63],
        ]));
        (app_id, version)
    };
    if app_id != APPLICATION_ID {
        let whose = if app_id == 0 {
            String::new()
        } else {
            format!(" (application id {app_id:#x})")
        };
        return Err(not_a_book(format!(
            "an SQLite database of another program{whose}"
        )));
    }
    if version > CURRENT_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    if version < 1 {
        return Err(not_a_book(
            "an Owed book that was never finished being created".into(),
        ));
    }
    Ok(Found::Book { version })
}

fn describe_foreign(header: &[u8], len: u64) -> String {
    let text_like = std::str::from_utf8(header)
        .is_ok_and(|t| t.chars().all(|c| !c.is_control() || c.is_whitespace()));
    let kind = if header.starts_with(b"%PDF") {
        "a PDF file".to_string()
    } else if header.starts_with(b"PK\x03\x04") {
        "a ZIP archive (perhaps a spreadsheet)".to_string()
    } else if header.starts_with(b"SQLite format") {
        "a truncated SQLite database".to_string()
    } else if text_like {
        "a text file".to_string()
    } else {
        "a file of another kind".to_string()
    };
    format!("{kind} ({len} bytes)")
}
