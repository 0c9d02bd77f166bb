//! Pure accounts-receivable rules and types: money, terms, documents, allocation,
//! aging and the customer ledger. Nothing here touches files, SQLite or the screen, so
//! every rule can be tested with plain values.

pub mod aging;
pub mod allocation;
pub mod company;
pub mod customer;
pub mod document;
pub mod ids;
pub mod ledger;
pub mod letters;
pub mod money;
pub mod note;
pub mod printed;
pub mod terms;
pub mod text;

pub use money::{Currency, Money, MoneyError};

/// Parses a calendar date written `YYYY-MM-DD`; impossible dates (2026-02-30) are refused.
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, DateError> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| DateError(text.trim().to_string()))
}

/// A date that is not a real `YYYY-MM-DD` calendar date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date of the form YYYY-MM-DD")]
pub struct DateError(pub String);
