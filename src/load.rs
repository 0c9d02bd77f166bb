//! `owed load FILE.csv --kind customers|invoices|payments`: brings an existing spreadsheet
//! of customers, open invoices and payments into the book.
//!
//! ## Loading a spreadsheet
//!
//! Save the sheet as CSV (comma- or semicolon-separated; UTF-8, with or without a BOM).
//! The first line names the columns. Column names are matched ignoring case, surrounding
//! spaces, and the difference between spaces, `_` and `-` (`Credit Limit` = `credit_limit`).
//! A column Owed does not know is refused (so a typo cannot be silently dropped), and so
//! is a missing required column. Dates are `YYYY-MM-DD`. Amounts are exact, like
//! `1234.50` or `1,234.50` (`1.234,50` and `1234,50` are read as decimal commas); more
//! decimals than the book's currency has are refused, never rounded.
//!
//! **customers** (`--kind customers`)
//!
//! | column | required | also accepted as | meaning |
//! |---|---|---|---|
//! | `code` | yes | `customer`, `customer_code`, `account` | the customer's short code, no spaces |
//! | `name` | yes | `customer_name`, `company` | any script |
//! | `contact` | | `contact_name` | |
//! | `email` | | `e_mail`, `email_address` | |
//! | `phone` | | `telephone`, `tel`, `phone_number` | |
//! | `address` | | | |
//! | `terms` | | `payment_terms` | `net 30` (default), `eom 10`, `due on receipt` |
//! | `credit_limit` | | `limit` | blank = no limit |
//! | `tier` | | | `A`, `B` or `C` |
//! | `on_hold` | | `hold`, `credit_hold` | `yes`/`no`, `true`/`false`, `1`/`0`; blank = no |
//!
//! **invoices** (`--kind invoices`; load the customers first)
//!
//! | column | required | also accepted as | meaning |
//! |---|---|---|---|
//! | `customer` | yes | `customer_code`, `code`, `account` | the customer's code |
//! | `number` | yes | `invoice`, `invoice_number`, `invoice_no`, `no` | the invoice number (the key) |
//! | `date` | yes | `invoice_date` | |
//! | `amount` | yes | `total`, `invoice_amount` | the invoice's full amount |
//! | `due` | | `due_date` | default: the date plus the terms |
//! | `terms` | | `payment_terms` | default: the customer's terms |
//! | `memo` | | `description`, `note`, `notes` | |
//! | `open` | | `open_amount`, `amount_open`, `balance`, `outstanding` | what is still owed on it |
//!
//! When `open` is given and is less than `amount`, the load also posts a payment of
//! `amount − open`, numbered `OPEN-<number>` and dated the invoice date, applied to that
//! invoice, so a sheet of partly paid invoices comes in with the right open amounts.
//! `open` may not be more than `amount`; blank means nothing has been paid.
//!
//! **payments** (`--kind payments`)
//!
//! | column | required | also accepted as | meaning |
//! |---|---|---|---|
//! | `customer` | yes | `customer_code`, `code`, `account` | the customer's code |
//! | `number` | yes | `payment`, `payment_number`, `receipt`, `no` | the payment's number (the key) |
//! | `date` | yes | `payment_date` | |
//! | `amount` | yes | `total` | |
//! | `reference` | | `ref`, `check`, `cheque` | e.g. the bank reference |
//! | `memo` | | `description`, `note`, `notes` | |
//! | `apply` | | `apply_to`, `applied_to`, `invoices` | e.g. `INV-1001:300.00;INV-1002`; blank = oldest due first |
//!
//! In `apply`, separate invoices with `;` or `|` (commas separate columns); an amount after
//! `:` applies that much, no amount applies as much as is open.
//!
//! Loading is all or nothing: one bad row (a bad date or amount, an unknown customer or
//! terms, a missing required value) stops the load with the file, line and column, and
//! nothing is written. Loading the same file again adds nothing: a row whose code or
//! number is already in the book is counted as already present — unless it disagrees
//! with the book (another customer name, another document amount or kind), which is an
//! error. For an invoice already present the `open` column is not compared, since
//! payments may have been posted since.

mod parse;
#[cfg(test)]
mod tests;

use std::path::Path;
use std::str::FromStr;

use crate::domain::Money;
use crate::domain::allocation::Apply;
use crate::domain::document::DocKind;
use crate::store::{Batch, NewCredit, Store, StoreError};

use parse::{Record, Row};

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
    #[error("{file}: line {line}, column '{column}': {message}; nothing was loaded")]
    Field {
        file: String,
        line: u64,
        column: String,
        message: String,
    },
    #[error("{file}: nothing was loaded: {source}")]
    Store { file: String, source: StoreError },
}

/// Loads `path` as `kind` into the book in one transaction: every row, or none.
pub fn load_csv(store: &mut Store, path: &Path, kind: LoadKind) -> Result<LoadSummary, LoadError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    let rows = parse::parse(&bytes, &file, kind, store.currency())?;
    let mut failure: Option<LoadError> = None;
    let result = store.batch(|batch| {
        let mut poster = Poster {
            batch,
            file: &file,
            summary: LoadSummary::default(),
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
}

impl Poster<'_, '_> {
    fn row_error(&self, row: &Row, message: impl Into<String>) -> LoadError {
        LoadError::Row {
            file: self.file.to_string(),
            line: row.line,
            message: message.into(),
        }
    }

    fn field_error(&self, row: &Row, column: &str, message: impl Into<String>) -> LoadError {
        let column = row.header(column).to_string();
        LoadError::Field {
            file: self.file.to_string(),
            line: row.line,
            column,
            message: message.into(),
        }
    }

    fn store_error(&self, row: &Row, error: StoreError) -> LoadError {
        self.row_error(row, error.to_string())
    }

    fn post(&mut self, row: &Row) -> Result<(), LoadError> {
        match &row.record {
            Record::Customer(draft) => {
                match self
                    .batch
                    .find_customer(&draft.code)
                    .map_err(|e| self.store_error(row, e))?
                {
                    Some(existing) if existing.name.trim() != draft.name.trim() => {
                        return Err(self.field_error(
                            row,
                            "name",
                            format!(
                                "customer {} is already in the book as '{}', not '{}'",
                                existing.code,
                                existing.name,
                                draft.name.trim()
                            ),
                        ));
                    }
                    Some(_) => self.summary.already_present += 1,
                    None => {
                        self.batch
                            .add_customer(draft)
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
                self.batch
                    .post_debit(debit)
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
                    self.batch
                        .post_credit(&payment)
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
                format!("no customer with code '{code}' (load the customers first)"),
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
                format!(
                    "{number} is already in the book as a document of kind {found_kind}, not {kind}"
                ),
            ));
        }
        if found_amount != amount {
            let currency = self.batch.currency();
            return Err(self.field_error(
                row,
                "amount",
                format!(
                    "{number} is already in the book for {}, not {}",
                    currency.plain(found_amount),
                    currency.plain(amount)
                ),
            ));
        }
        self.summary.already_present += 1;
        Ok(true)
    }
}
