//! Document numbers: the user's own, or the next free one of the kind's series
//! (`INV-000042`), continuing after numbers given by hand or by a load.

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::document::DocKind;
use crate::store::{Result, StoreError};

fn next_number(conn: &Connection, kind: DocKind) -> Result<String> {
    let (number, next) = first_free(conn, kind, stored_next(conn, kind)?)?;
    store_next(conn, kind, next)?;
    Ok(number)
}

fn counter_key(kind: DocKind) -> String {
    format!("next.{}", kind.as_str())
}

/// Where the kind's series goes on, as the book keeps it.
pub(super) fn stored_next(conn: &Connection, kind: DocKind) -> Result<i64> {
    // Cached statements: a bank import numbers tens of thousands of payments in a row.
    Ok(conn
        .prepare_cached("SELECT value FROM book WHERE key = ?1")?
        .query_row([counter_key(kind)], |r| r.get::<_, String>(0))
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(1))
}

/// The first number of the kind's series from `next` on that no document has, and where
/// the series goes on after it.
pub(super) fn first_free(conn: &Connection, kind: DocKind, mut next: i64) -> Result<(String, i64)> {
    let prefix = kind.number_prefix();
    loop {
        let number = format!("{prefix}-{next:06}");
        next += 1;
        if number_taken(conn, &number)? {
            // Numbers given by hand or by a load took this run; continue after the highest.
            let highest: Option<i64> = conn.query_row(
                "SELECT MAX(CAST(substr(number, ?2) AS INTEGER)) FROM documents WHERE number LIKE ?1",
                params![format!("{prefix}-%"), prefix.len() as i64 + 2],
                |r| r.get(0),
            )?;
            next = next.max(highest.unwrap_or(0) + 1);
            continue;
        }
        return Ok((number, next));
    }
}

/// Keeps where the kind's series goes on.
pub(super) fn store_next(conn: &Connection, kind: DocKind, next: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO book(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![counter_key(kind), next.to_string()])?;
    Ok(())
}

pub(super) fn number_taken(conn: &Connection, number: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM documents WHERE number = ?1")?
        .exists([number])?)
}

pub(super) fn choose_number(
    conn: &Connection,
    kind: DocKind,
    number: &Option<String>,
) -> Result<String> {
    match given_number(conn, number)? {
        Some(number) => Ok(number),
        None => next_number(conn, kind),
    }
}

/// The number the user gave (trimmed), refused when another document has it or it is
/// not one line; `None` when none was given.
pub(super) fn given_number(conn: &Connection, number: &Option<String>) -> Result<Option<String>> {
    match number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(number) if number_taken(conn, number)? => {
            Err(StoreError::DuplicateNumber(number.to_string()))
        }
        Some(number) => {
            crate::domain::text::check_line("number", number, crate::domain::text::NUMBER_MAX)?;
            Ok(Some(number.to_string()))
        }
        None => Ok(None),
    }
}
