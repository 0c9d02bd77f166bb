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

/// `data` damaged by `edits`, each (where, byte, how): 0 overwrites the byte there, 1
/// inserts one, 2 removes one (an empty file gets the byte): what the never-panics
/// property tests do to a file.
pub fn mutate(data: &mut Vec<u8>, edits: Vec<(proptest::sample::Index, u8, u8)>) {
    for (at, byte, kind) in edits {
        if data.is_empty() {
            data.push(byte);
            continue;
        }
        let i = at.index(data.len());
        match kind {
            0 => data[i] = byte,
            1 => data.insert(i, byte),
            _ => {
                data.remove(i);
            }
        }
    }
}
