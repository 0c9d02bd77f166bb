//! The worklist's `review` rows: a customer whose credit review has come (its next
//! review on or before the run date), whether or not it owes anything, since a review
//! looks at the whole account. Amount: none; date: the review's date; the reason names
//! the customer's tier and limit now and the command that records the review.

use chrono::NaiveDate;

use super::{WorkItem, WorkKind};
use crate::domain::{Currency, Money};
use crate::store::{ReviewDate, Store};

/// One row per review due on `date`; `net_overdue` gives a customer's sort weight.
pub(super) fn review_items(
    store: &Store,
    date: NaiveDate,
    net_overdue: impl Fn(&str) -> Money,
) -> crate::store::Result<Vec<WorkItem>> {
    let currency = store.currency();
    Ok(store
        .review_dates(Some(date))?
        .into_iter()
        .map(|due| WorkItem {
            kind: WorkKind::ReviewDue,
            reason: reason(currency, &due),
            net_overdue: net_overdue(&due.code),
            customer: due.code,
            name: due.name,
            amount: None,
            date: Some(due.next_review),
            level: None,
            bank_row: None,
            dispute: None,
            said: None,
        })
        .collect())
}

fn reason(currency: &Currency, due: &ReviewDate) -> String {
    let tier = due
        .tier
        .map_or_else(|| "no tier".to_string(), |t| format!("tier {t}"));
    let limit = due.credit_limit.map_or_else(
        || "no credit limit".to_string(),
        |l| format!("limit {}", currency.display(l)),
    );
    format!(
        "credit review due since {} ({tier}, {limit}): `owed review accept {}` or `owed review keep {}`",
        due.next_review, due.code, due.code
    )
}
