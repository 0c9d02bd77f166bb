//! Why something the user said about a file (`--encoding`, `--header-line`, `--sign`,
//! `--amount-column`, `--date-format`, or the same on the import screen) cannot be
//! used, as parts ([`HintProblem`]): the import screen and `owed import` say it in the
//! language chosen (`src/i18n/errors/import/hint.rs`), and its `Display` is the English
//! the command has always printed, word for word.

use std::fmt;

use super::columns::MoneyLayout;

/// Why a hint cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HintProblem {
    /// `--encoding` names no encoding this app knows; the label as given.
    UnknownEncoding { label: String },
    /// `--header-line` names a transaction: the line and the row's cells, shortened
    /// (the file's own text).
    HeaderIsTransaction { line: usize, row: String },
    /// `--header-line` names a line past the end of the file.
    HeaderPastEnd { line: usize },
    /// `--header-line` names an empty line or one inside another row (a quoted field
    /// running over several lines).
    HeaderEmpty { line: usize },
    /// `--sign` on a file that says which way money went in its own columns.
    SignWithOwnDirection { layout: MoneyLayout },
    /// `--amount-column` names no column: what was asked for, the header's non-empty
    /// names (none when the file has no header) and how many columns there are.
    NoSuchAmountColumn {
        name: String,
        names: Vec<String>,
        width: usize,
    },
    /// `--date-format` is not a date format; the format as given.
    BadDateFormat { format: String },
}

/// Said after `--header-line` names a line that holds nothing to read.
const NO_HEADER: &str = "(0 reads the file without a header)";

impl fmt::Display for HintProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HintProblem::UnknownEncoding { label } => write!(
                f,
                "'{label}' is not an encoding this app knows (--encoding)"
            ),
            HintProblem::HeaderIsTransaction { line, row } => write!(
                f,
                "--header-line {line}: that line is a transaction ({row}), not the header"
            ),
            HintProblem::HeaderPastEnd { line } => write!(
                f,
                "--header-line {line}: that line is past the end of the file {NO_HEADER}"
            ),
            HintProblem::HeaderEmpty { line } => write!(
                f,
                "--header-line {line}: that line is empty or inside another row {NO_HEADER}"
            ),
            HintProblem::SignWithOwnDirection { layout } => write!(
                f,
                "--sign reads a signed amount column; this file says which way money \
                 went in its own columns ({layout})"
            ),
            HintProblem::NoSuchAmountColumn { name, names, width } => {
                let names = if names.is_empty() {
                    "the file has no header".to_string()
                } else {
                    names.join(", ")
                };
                write!(
                    f,
                    "--amount-column '{name}': no such column; give a header name ({names}) \
                     or a column number from 1 to {width}, not the date column"
                )
            }
            HintProblem::BadDateFormat { format } => write!(
                f,
                "'{format}' is not a date format (--date-format takes e.g. %d/%m/%Y)"
            ),
        }
    }
}
