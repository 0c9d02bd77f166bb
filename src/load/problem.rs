//! Why a spreadsheet's cell is refused, as parts ([`FieldProblem`]): `owed load` and the
//! screens say it in the language chosen (`src/i18n/errors/load.rs`), and its `Display`
//! is the English the command has always printed, word for word.

use std::fmt;

use chrono::NaiveDate;

use crate::domain::DateError;
use crate::domain::MoneyError;
use crate::domain::allocation::AllocationError;
use crate::domain::customer::CustomerError;
use crate::domain::document::DocKind;
use crate::domain::terms::TermsError;

/// What is wrong with one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Empty,
    Date(DateError),
    Money(MoneyError),
    /// An amount that must be more than zero.
    NotPositive {
        text: String,
    },
    Terms(TermsError),
    /// `on_hold` that is not yes or no.
    NotYesNo {
        text: String,
    },
    Customer(CustomerError),
    /// How a customer wants its documents (`send_by`).
    Email(crate::domain::email::EmailError),
    /// A due date before the invoice's date.
    DueBeforeDate {
        date: NaiveDate,
    },
    /// An `open` amount outside 0 to the invoice's amount (both as Owed writes them).
    OpenOutOfRange {
        open: String,
        amount: String,
    },
    Apply(AllocationError),
    /// A piece of `apply` that names no invoice to apply to.
    NotAnInvoiceToApply {
        piece: String,
    },
    /// An `apply` that names no invoice at all.
    NamesNoInvoice {
        text: String,
    },
    /// A value in a column without a header.
    Unnamed {
        value: String,
    },
    /// A customer already in the book under another name.
    OtherName {
        code: String,
        existing: String,
        name: String,
    },
    /// An invoice or payment for a customer the book does not have.
    UnknownCustomer {
        code: String,
    },
    /// A document number the book already has for a document of another kind.
    OtherKind {
        number: String,
        found: DocKind,
        kind: DocKind,
    },
    /// A document number the book already has for another amount.
    OtherAmount {
        number: String,
        found: String,
        amount: String,
    },
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::Empty => f.write_str("is empty"),
            FieldProblem::Date(e) => write!(f, "{e}"),
            FieldProblem::Money(e) => write!(f, "{e}"),
            FieldProblem::NotPositive { text } => write!(f, "'{text}' must be more than zero"),
            FieldProblem::Terms(e) => write!(f, "{e}"),
            FieldProblem::NotYesNo { text } => write!(f, "'{text}' is not yes or no"),
            FieldProblem::Customer(e) => write!(f, "{e}"),
            FieldProblem::Email(e) => write!(f, "{e}"),
            FieldProblem::DueBeforeDate { date } => {
                write!(f, "the due date is before the invoice date {date}")
            }
            FieldProblem::OpenOutOfRange { open, amount } => {
                write!(f, "{open} open must be between 0 and the amount {amount}")
            }
            FieldProblem::Apply(e) => write!(f, "{e}"),
            FieldProblem::NotAnInvoiceToApply { piece } => {
                write!(f, "'{piece}' is not an invoice to apply to")
            }
            FieldProblem::NamesNoInvoice { text } => write!(f, "'{text}' names no invoice"),
            FieldProblem::Unnamed { value } => write!(f, "'{value}' is in a column without a name"),
            FieldProblem::OtherName {
                code,
                existing,
                name,
            } => write!(
                f,
                "customer {code} is already in the book as '{existing}', not '{name}'"
            ),
            FieldProblem::UnknownCustomer { code } => {
                write!(
                    f,
                    "no customer with code '{code}' (load the customers first)"
                )
            }
            FieldProblem::OtherKind {
                number,
                found,
                kind,
            } => write!(
                f,
                "{number} is already in the book as a document of kind {found}, not {kind}"
            ),
            FieldProblem::OtherAmount {
                number,
                found,
                amount,
            } => write!(
                f,
                "{number} is already in the book for {found}, not {amount}"
            ),
        }
    }
}
