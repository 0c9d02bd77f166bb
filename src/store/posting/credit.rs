//! Credit control: an invoice or fee for a customer on hold, or one that takes the
//! customer's balance (all open items less unapplied credit, now) over its credit limit,
//! is refused here, in the library, so the CLI, a load and every form behave alike.
//! With an override reason it is posted and each rule it bypassed is recorded in the
//! audit log, in the posting's own transaction.

use rusqlite::Connection;

use super::super::audit::{self, AuditAction};
use super::super::{Customer, Result};
use crate::domain::document::DocKind;
use crate::domain::{Currency, Money};

/// How far a debit would take a customer over its credit limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverLimit {
    pub limit: Money,
    /// All open items less unapplied credit, before this document.
    pub balance: Money,
    /// `balance + amount − limit`, more than zero.
    pub over: Money,
}

/// Why an invoice or fee was not posted: the customer is on hold, over its limit, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditRefusal {
    /// The customer's code and name.
    pub customer: String,
    pub name: String,
    pub kind: DocKind,
    /// What the document adds to the balance.
    pub amount: Money,
    pub on_hold: bool,
    pub over_limit: Option<OverLimit>,
    /// What the document is called: a fee, an invoice, or an invoice's open part.
    pub what: Refused,
    /// The figures as the book writes them, for a message in another language.
    pub shown: ShownFigures,
    /// The one-line message, figures in the book's number format.
    pub message: String,
}

/// What a refused document is called in its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Fee,
    Invoice,
    /// A loaded invoice's open part: what counts, not its full amount.
    OpenPart,
}

/// A refusal's figures in the book's number format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownFigures {
    pub amount: String,
    /// Limit, balance before the document, and how far over, when over the limit.
    pub over_limit: Option<(String, String, String)>,
}

/// The rules `amount` more of `kind` for `customer` would break, if any; `full` is the
/// document's amount, more than `amount` when part of it was paid before a load.
pub(super) fn breach(
    conn: &Connection,
    currency: &Currency,
    customer: &Customer,
    kind: DocKind,
    amount: Money,
    full: Money,
) -> Result<Option<CreditRefusal>> {
    // The balance is summed only for a customer with a limit: most have none, and a
    // bulk load or the demo posts many documents.
    let over_limit = match customer.credit_limit {
        Some(limit) => {
            let balance = currency.from_minor(super::balance_now(conn, customer.id)?);
            let over = balance + amount - limit;
            over.is_positive().then_some(OverLimit {
                limit,
                balance,
                over,
            })
        }
        None => None,
    };
    if !customer.on_hold && over_limit.is_none() {
        return Ok(None);
    }
    let refused = match (kind, amount < full) {
        (DocKind::Fee, _) => Refused::Fee,
        (_, false) => Refused::Invoice,
        (_, true) => Refused::OpenPart,
    };
    let what = match refused {
        Refused::Fee => "fee",
        Refused::Invoice => "invoice",
        Refused::OpenPart => "invoice's open part",
    };
    let shown = |m: Money| currency.display(m);
    let figures_shown = ShownFigures {
        amount: shown(amount),
        over_limit: over_limit
            .as_ref()
            .map(|o| (shown(o.limit), shown(o.balance), shown(o.over))),
    };
    let state = match (customer.on_hold, &over_limit) {
        (true, None) => "is on hold".to_string(),
        (false, _) => "is over its credit limit".to_string(),
        (true, Some(_)) => "is on hold and over its credit limit".to_string(),
    };
    let figures = match &over_limit {
        Some(o) => format!(
            "limit {}, balance {}, this {what} {} would take it {} over",
            shown(o.limit),
            shown(o.balance),
            shown(amount),
            shown(o.over)
        ),
        None => format!("this {what} of {} was not posted", shown(amount)),
    };
    let message = format!(
        "{} {} {state}: {figures}; post it with --override REASON",
        customer.code, customer.name
    );
    Ok(Some(CreditRefusal {
        customer: customer.code.clone(),
        name: customer.name.clone(),
        kind,
        amount,
        on_hold: customer.on_hold,
        over_limit,
        what: refused,
        shown: figures_shown,
        message,
    }))
}

/// Records each rule `number` was posted past, with `reason`: one `override` row per
/// rule, its field named as a customer edit names it (`on_hold`, `credit_limit`).
pub(super) fn record_override(
    conn: &Connection,
    currency: &Currency,
    customer: &Customer,
    number: &str,
    refusal: &CreditRefusal,
    reason: &str,
) -> Result<()> {
    if refusal.on_hold {
        audit::record(
            conn,
            AuditAction::Override,
            Some(customer.id),
            Some("on_hold"),
            Some("yes"),
            Some(
                &super::super::audit::EntrySays::PostedOnHold {
                    number: number.to_string(),
                }
                .to_string(),
            ),
            Some(reason),
        )?;
    }
    if let Some(o) = &refusal.over_limit {
        // Plain amounts, as every stored and JSON amount is.
        audit::record(
            conn,
            AuditAction::Override,
            Some(customer.id),
            Some("credit_limit"),
            Some(&currency.plain(o.limit)),
            Some(
                &super::super::audit::EntrySays::PostedOverLimit {
                    number: number.to_string(),
                    amount: currency.plain(refusal.amount),
                    balance: currency.plain(o.balance),
                    would_be: currency.plain(o.balance + refusal.amount),
                    over: currency.plain(o.over),
                }
                .to_string(),
            ),
            Some(reason),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
