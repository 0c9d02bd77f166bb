//! Why an import could not go on that is neither the file's fault nor the book's, as
//! parts ([`RunProblem`]): a row of a file that changed since it was read, a row asked
//! for that the file does not hold, a kept bank row that is not money in. The import
//! screen and `owed import` say it in the language chosen
//! (`src/i18n/errors/import/run.rs`); its `Display` is the English the command has
//! always printed, word for word.

use std::fmt;

use crate::domain::MoneyError;

/// Why an import could not be prepared, committed or a kept row assigned.
#[derive(Debug)]
pub enum RunProblem {
    /// The caller gave a decision count that is not the plan's row count (a mistake of
    /// the program, not of the user).
    DecisionCount { decisions: usize, rows: usize },
    /// The bank's settings could not be written as JSON to be remembered: serde's own
    /// words.
    Profile(serde_json::Error),
    /// A kept bank row's stored amount does not read as an amount.
    KeptAmount { row: i64, error: MoneyError },
    /// A kept bank row's stored amount (as stored) is not money in.
    NotMoneyIn { row: i64, amount: String },
    /// The file holds no row at this index (0-based, in the order read).
    NoSuchRow { index: usize },
    /// A line of the file read again is not what it was when the file was read.
    RowChanged { file: String, line: usize },
}

impl fmt::Display for RunProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunProblem::DecisionCount { decisions, rows } => {
                write!(f, "{decisions} decisions for {rows} rows")
            }
            RunProblem::Profile(error) => write!(f, "{error}"),
            RunProblem::KeptAmount { row, error } => write!(f, "bank row {row}: {error}"),
            RunProblem::NotMoneyIn { row, amount } => {
                write!(f, "bank row {row}: {amount} is not money in")
            }
            RunProblem::NoSuchRow { index } => write!(f, "no row {index} in the file"),
            RunProblem::RowChanged { file, line } => write!(
                f,
                "{file}: line {line} is not what it was when the file was read; read the \
                 file again"
            ),
        }
    }
}
