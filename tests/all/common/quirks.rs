//! Reading the quirk files of `tests/import_quirks/` (our own, one per class of bank
//! export), shared by the tests that read them.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use owed::import::{Hints, ImportError, Statement, read_statement};

pub fn bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_quirks")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn read_with(name: &str, hints: &Hints) -> Result<Statement, ImportError> {
    read_statement(name, &bytes(name), hints)
}

pub fn read(name: &str) -> Statement {
    read_with(name, &Hints::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The signed amounts (money in positive) as text, e.g. `["-4.50", "10.00"]`.
pub fn amounts(statement: &Statement) -> Vec<String> {
    statement
        .rows
        .iter()
        .map(|r| r.signed().to_string())
        .collect()
}

pub fn dates(statement: &Statement) -> Vec<Option<NaiveDate>> {
    statement.rows.iter().map(|r| r.date).collect()
}
