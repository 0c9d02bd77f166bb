//! `owed load FILE.csv --kind customers|invoices|payments`: brings an existing spreadsheet
//! of customers, open invoices and payments into the book, all or nothing, keyed by
//! customer code and document number so that loading a file twice adds nothing.
//! README's "Loading a spreadsheet" lists every column each kind takes.

mod parse;
mod problem;
#[cfg(test)]
mod tests;

use crate::files::read::{ReadError, describe_size, read_regular};
use std::path::Path;
use std::str::FromStr;

use crate::domain::Money;
use crate::domain::allocation::Apply;
use crate::domain::document::DocKind;
use crate::store::{Batch, NewCredit, Store, StoreError};

use parse::{Record, Row};
pub use problem::FieldProblem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadKind {
    Customers,
    Invoices,
    Payments,
}

impl LoadKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LoadKind::Customers => "customers",
            LoadKind::Invoices => "invoices",
            LoadKind::Payments => "payments",
        }
    }
}

impl std::fmt::Display for LoadKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LoadKind {
    type Err = LoadError;
    fn from_str(text: &str) -> Result<LoadKind, LoadError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "customers" | "customer" => Ok(LoadKind::Customers),
            "invoices" | "invoice" => Ok(LoadKind::Invoices),
            "payments" | "payment" => Ok(LoadKind::Payments),
            _ => Err(LoadError::UnknownKind(text.trim().to_string())),
        }
    }
}

/// What a load did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadSummary {
    /// Rows that added a customer or document.
    pub added: usize,
    /// Rows whose code or number was already in the book (and agreed with it).
    pub already_present: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("'{0}' is not a kind of load; use customers, invoices or payments")]
    UnknownKind(String),
    #[error("{file}: {source}; nothing was loaded")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: {what}; nothing was loaded")]
    NotAFile {
        file: String,
        what: crate::files::read::NotAFile,
    },
    #[error("{file}: the file is {size}; a spreadsheet is read up to {most}; nothing was loaded")]
    TooBig {
        file: String,
        size: String,
        most: String,
    },
    #[error("{file}: the file is empty; its first line must name the columns; nothing was loaded")]
    Empty { file: String },
    #[error(
        "{file}: line 1: unknown column '{column}'; {kind} columns are: {known}; nothing was loaded"
    )]
    UnknownColumn {
        file: String,
        column: String,
        kind: LoadKind,
        known: String,
    },
    #[error("{file}: line 1: the column '{column}' appears twice; nothing was loaded")]
    DuplicateColumn { file: String, column: String },
    #[error("{file}: line 1: the required column '{column}' is missing; nothing was loaded")]
    MissingColumn { file: String, column: String },
    #[error("{file}: line {line}: {message}; nothing was loaded")]
    Row {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}: line {line}, column '{column}': {problem}; nothing was loaded")]
    Field {
        file: String,
        line: u64,
        column: String,
        problem: Box<FieldProblem>,
    },
    /// The book refused a row (its words said in the language chosen).
    #[error("{file}: line {line}: {error}; nothing was loaded")]
    Posting {
        file: String,
        line: u64,
        error: Box<StoreError>,
    },
    #[error("{file}: nothing was loaded: {source}")]
    Store { file: String, source: StoreError },
}

/// The largest spreadsheet read: far beyond a real customer or invoice list, small
/// enough to hold (a device or a runaway file is refused, not read until memory runs out).
pub const MAX_LOAD_SIZE: u64 = 256 * crate::files::read::MB;

/// Loads `path` as `kind` into the book in one transaction: every row, or none. An
/// invoice for a customer on hold, or one taking it over its credit limit, refuses the
/// whole file naming its line (see [`load_csv_overriding`]).
pub fn load_csv(store: &mut Store, path: &Path, kind: LoadKind) -> Result<LoadSummary, LoadError> {
    load_csv_overriding(store, path, kind, None)
}

/// As [`load_csv`]; with `overriding` (a reason, not blank) invoices past a hold or
/// credit limit are posted and each override is recorded in the audit log with it.
pub fn load_csv_overriding(
    store: &mut Store,
    path: &Path,
    kind: LoadKind,
    overriding: Option<&str>,
) -> Result<LoadSummary, LoadError> {
    let file = path.display().to_string();
    let bytes = read_regular(path, MAX_LOAD_SIZE).map_err(|e| match e {
        ReadError::Io(source) => LoadError::Io {
            file: file.clone(),
            source,
        },
        ReadError::NotAFile(what) => LoadError::NotAFile {
            file: file.clone(),
            what,
        },
        ReadError::TooBig(size) => LoadError::TooBig {
            file: file.clone(),
            size,
            most: describe_size(MAX_LOAD_SIZE),
        },
    })?;
    let rows = parse::parse(&bytes, &file, kind, store.currency())?;
    let mut failure: Option<LoadError> = None;
    let result = store.batch(|batch| {
        let mut poster = Poster {
            batch,
            file: &file,
            summary: LoadSummary::default(),
            overriding,
        };
        for row in &rows {
            if let Err(error) = poster.post(row) {
                failure = Some(error);
                // Any error rolls the whole transaction back; the real one is in `failure`.
                return Err(StoreError::Invariant("load aborted".into()));
            }
        }
        Ok(poster.summary)
    });
    match (result, failure) {
        (_, Some(error)) => Err(error),
        (Ok(summary), None) => Ok(summary),
        (Err(source), None) => Err(LoadError::Store { file, source }),
    }
}

struct Poster<'b, 'a> {
    batch: &'b mut Batch<'a>,
    file: &'b str,
    summary: LoadSummary,
    /// The reason to post invoices past a hold or credit limit, for the whole file.
    overriding: Option<&'b str>,
}

impl Poster<'_, '_> {
    fn field_error(&self, row: &Row, column: &str, problem: FieldProblem) -> LoadError {
        let column = row.header(column).to_string();
        LoadError::Field {
            file: self.file.to_string(),
            line: row.line,
            column,
            problem: Box::new(problem),
        }
    }

    fn store_error(&self, row: &Row, error: StoreError) -> LoadError {
        LoadError::Posting {
            file: self.file.to_string(),
            line: row.line,
            error: Box::new(error),
        }
    }

    fn post(&mut self, row: &Row) -> Result<(), LoadError> {
        match &row.record {
            Record::Customer(draft, left_empty) => {
                match self
                    .batch
                    .find_customer(&draft.code)
                    .map_err(|e| self.store_error(row, e))?
                {
                    Some(existing) if existing.name.trim() != draft.name.trim() => {
                        return Err(self.field_error(
                            row,
                            "name",
                            FieldProblem::OtherName {
                                code: existing.code.clone(),
                                existing: existing.name.clone(),
                                name: draft.name.trim().to_string(),
                            },
                        ));
                    }
                    Some(_) => self.summary.already_present += 1,
                    None => {
                        self.batch
                            .add_customer_with_policy(draft, *left_empty)
                            .map_err(|e| self.store_error(row, e))?;
                        self.summary.added += 1;
                    }
                }
            }
            Record::Invoice { debit, open } => {
                self.require_customer(row, &debit.customer)?;
                if self.present(row, debit.number.as_deref(), DocKind::Invoice, debit.amount)? {
                    return Ok(());
                }
                // Only what is still open counts toward the credit limit.
                self.batch
                    .post_loaded_debit(debit, *open, self.overriding)
                    .map_err(|e| self.store_error(row, e))?;
                if let Some(open) = open.filter(|open| *open < debit.amount) {
                    let number = debit.number.clone().unwrap_or_default();
                    let paid = debit.amount - open;
                    let payment = NewCredit {
                        customer: debit.customer.clone(),
                        kind: DocKind::Payment,
                        number: Some(format!("OPEN-{number}")),
                        date: debit.date,
                        amount: paid,
                        reference: None,
                        memo: Some(format!("paid before the load: {number} had {open} open")),
                        apply: Apply::Explicit(vec![(number, Some(paid))]),
                    };
                    // The load says what is open: a discount taken now would change it.
                    self.batch
                        .post_credit_with(&payment, crate::store::Discounting::Refuse)
                        .map_err(|e| self.store_error(row, e))?;
                }
                self.summary.added += 1;
            }
            Record::Payment(credit) => {
                self.require_customer(row, &credit.customer)?;
                if self.present(
                    row,
                    credit.number.as_deref(),
                    DocKind::Payment,
                    credit.amount,
                )? {
                    return Ok(());
                }
                self.batch
                    .post_credit(credit)
                    .map_err(|e| self.store_error(row, e))?;
                self.summary.added += 1;
            }
        }
        Ok(())
    }

    fn require_customer(&self, row: &Row, code: &str) -> Result<(), LoadError> {
        match self
            .batch
            .find_customer(code)
            .map_err(|e| self.store_error(row, e))?
        {
            Some(_) => Ok(()),
            None => Err(self.field_error(
                row,
                "customer",
                FieldProblem::UnknownCustomer {
                    code: code.to_string(),
                },
            )),
        }
    }

    /// Whether the document is already in the book as it should be; an error if it is
    /// there but different.
    fn present(
        &mut self,
        row: &Row,
        number: Option<&str>,
        kind: DocKind,
        amount: Money,
    ) -> Result<bool, LoadError> {
        let number = number.unwrap_or_default();
        let Some((found_kind, found_amount)) = self
            .batch
            .document(number)
            .map_err(|e| self.store_error(row, e))?
        else {
            return Ok(false);
        };
        if found_kind != kind {
            return Err(self.field_error(
                row,
                "number",
                FieldProblem::OtherKind {
                    number: number.to_string(),
                    found: found_kind,
                    kind,
                },
            ));
        }
        if found_amount != amount {
            let currency = self.batch.currency();
            return Err(self.field_error(
                row,
                "amount",
                FieldProblem::OtherAmount {
                    number: number.to_string(),
                    found: currency.plain(found_amount),
                    amount: currency.plain(amount),
                },
            ));
        }
        self.summary.already_present += 1;
        Ok(true)
    }
}
