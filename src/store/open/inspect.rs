//! Saying what a file is before SQLite writes a byte to it: only the first 100 bytes
//! (the SQLite header) are read, so a foreign, truncated or newer file is refused
//! unchanged, by name and with what it seems to be.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{io_error, sidecar};
use crate::domain::file_kind::{FileKind, Sniffed, sniff};
use crate::store::schema::{APPLICATION_ID, CURRENT_VERSION};
use crate::store::{Result, StoreError};

/// What a file is that is not an Owed book; its `Display` is the English the command
/// line prints (the screens say it in their language, `src/i18n/errors/files.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhatItIs {
    Folder,
    /// Not an SQLite database: what its first bytes say it is.
    Foreign(Sniffed),
    /// An SQLite database shorter than its header says.
    Truncated {
        bytes: u64,
        expected: u64,
    },
    /// Another program's database, with its application id when it sets one.
    OtherProgram {
        app_id: Option<i32>,
    },
    /// Created by Owed but never finished.
    Unfinished,
    /// Gone right after it was created (something else removed it).
    Vanished,
}

impl std::fmt::Display for WhatItIs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WhatItIs::Folder => f.write_str("a folder"),
            WhatItIs::Foreign(sniffed) => write!(f, "{sniffed}"),
            WhatItIs::Truncated { bytes, expected } => write!(
                f,
                "a damaged or truncated SQLite database ({bytes} bytes, expected {expected})"
            ),
            WhatItIs::OtherProgram { app_id: None } => {
                f.write_str("an SQLite database of another program")
            }
            WhatItIs::OtherProgram { app_id: Some(id) } => write!(
                f,
                "an SQLite database of another program (application id {id:#x})"
            ),
            WhatItIs::Unfinished => {
                f.write_str("an Owed book that was never finished being created")
            }
            WhatItIs::Vanished => f.write_str("missing after it was created"),
        }
    }
}

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
    let not_a_book = |what: WhatItIs| StoreError::NotABook {
        path: path.to_path_buf(),
        what,
    };
    if meta.is_dir() {
        return Err(not_a_book(WhatItIs::Folder));
    }
    let wal_len = fs::metadata(sidecar(path, "-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    if meta.len() == 0 && wal_len == 0 {
        return Err(not_a_book(WhatItIs::Foreign(Sniffed {
            kind: FileKind::Empty,
            bytes: 0,
        })));
    }
    let mut header = Vec::with_capacity(100);
    File::open(path)
        .map_err(io_error(path))?
        .take(100)
        .read_to_end(&mut header)
        .map_err(io_error(path))?;
    if meta.len() > 0 {
        if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
            return Err(not_a_book(WhatItIs::Foreign(sniff(&header, meta.len()))));
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
            return Err(not_a_book(WhatItIs::Truncated {
                bytes: meta.len(),
                expected: page_size * page_count,
            }));
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
        return Err(not_a_book(WhatItIs::OtherProgram {
            app_id: (app_id != 0).then_some(app_id),
        }));
    }
    if version > CURRENT_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    if version < 1 {
        return Err(not_a_book(WhatItIs::Unfinished));
    }
    Ok(Found::Book { version })
}
