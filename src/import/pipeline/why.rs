//! Why a row of a bank file is set apart, kept as what was found rather than as a
//! sentence: a probable duplicate's look-alike ([`Resembles`]) and money in the book
//! cannot hold ([`Unpostable`]). `Display` writes the English the CSV and the kept bank
//! rows have always held; `crate::i18n::Described` says them in the language chosen.

use std::fmt;

use super::{BankRow, RowKind};
use crate::domain::{Currency, Money};
use crate::store::Lookalike;

/// What a probable duplicate looks like in the book; `None` where only the tally asks
/// whether it is one (the words are not needed, and say nothing).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Resembles(pub Option<Lookalike>);

impl fmt::Display for Resembles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            None => Ok(()),
            Some(Lookalike::BankRow {
                file_name,
                line,
                batch_id,
            }) => write!(
                f,
                "same date and amount as line {line} of {file_name} (import {batch_id}), with other text"
            ),
            Some(Lookalike::Payment { number, customer }) => write!(
                f,
                "same date and amount as {number} of {customer}, entered by hand"
            ),
        }
    }
}

/// Money in with more decimals than the book's currency has: kept unmatched whatever is
/// decided. The amount is as the file wrote it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unpostable {
    pub amount: String,
    pub currency: String,
    pub decimals: u32,
}

impl fmt::Display for Unpostable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} has more decimals than {} allows ({}): kept unmatched",
            self.amount, self.currency, self.decimals
        )
    }
}

/// Why money in can never be posted as it is, if it can't.
pub(super) fn unpostable(kind: RowKind, row: &BankRow, currency: &Currency) -> Option<Unpostable> {
    (kind == RowKind::MoneyIn && currency.to_minor_checked(Money(row.amount)).is_none()).then(
        || Unpostable {
            amount: row.amount.to_string(),
            currency: currency.code.clone(),
            decimals: currency.minor_units,
        },
    )
}
