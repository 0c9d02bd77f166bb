//! Reconcile first: money in on the bank account that an import kept unmatched may be a
//! customer's payment of the very items a letter is about to chase. A letter run with
//! something due carries those rows (in the book's currency, from the same query as the
//! worklist's `unmatched-money`), so `owed letters --due` and the screen warn and list
//! them before anything is sent.

use chrono::NaiveDate;

use crate::domain::Money;
use crate::store::{KeptBankRow, Store};

/// A bank row of money in, kept unmatched by an import: `owed import assign ROW`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedMoney {
    /// The kept bank row's id.
    pub row: i64,
    pub date: NaiveDate,
    pub amount: Money,
    /// The payer and the bank's text, as the statement gave them.
    pub text: String,
}

impl UnmatchedMoney {
    /// The command that matches it to a customer.
    pub fn assign_hint(&self) -> String {
        format!("owed import assign {} --customer C", self.row)
    }
}

/// The payer's name (when the bank gives one) and the row's description.
fn payer_text(row: &KeptBankRow) -> String {
    match row.counterparty.as_deref().map(str::trim) {
        Some(payer) if !payer.is_empty() && payer != row.description.trim() => {
            format!("{payer}: {}", row.description.trim())
        }
        _ => row.description.trim().to_string(),
    }
}

/// Money in kept unmatched, in the book's currency, oldest first (one query).
pub fn unmatched_money_in(store: &Store) -> crate::store::Result<Vec<UnmatchedMoney>> {
    let currency = store.currency();
    Ok(store
        .unmatched_bank_rows()?
        .iter()
        .filter(|row| {
            row.currency
                .as_deref()
                .is_none_or(|c| c.eq_ignore_ascii_case(&currency.code))
        })
        .filter_map(|row| {
            let amount = currency.parse_plain(&row.amount).ok()?;
            amount.is_positive().then(|| UnmatchedMoney {
                row: row.id,
                date: row.date,
                amount,
                text: payer_text(row),
            })
        })
        .collect())
}
