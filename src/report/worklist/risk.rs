//! The worklist's `risk` rows: a customer whose risk band rose above the band last
//! acknowledged (never acknowledged: high or above), once, until someone acknowledges it
//! (`owed risk ack CODE`, or K on the Today screen).
//!
//! Cost: the scores need each customer's open items, long overdue part and unapplied
//! credit, which the worklist's aging already holds, so only the payment habits of the
//! last 365 days and the promise tallies are read on top (see [`crate::report::risk`]).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Position, WorkItem, WorkKind};
use crate::domain::Money;
use crate::domain::risk::Risk;
use crate::report::letters::Result;
use crate::report::risk::{exposure_of, risen, risks_with_exposure};
use crate::report::statement::Context;
use crate::store::{Customer, Store};

/// One row per customer whose band rose, and each one's risk by customer code (the
/// screen words the reasons in its own language from it).
pub(super) fn rows(
    store: &Store,
    date: NaiveDate,
    context: &Context,
    customers: &[Customer],
    positions: &HashMap<&str, Position>,
) -> Result<(Vec<WorkItem>, HashMap<String, Risk>)> {
    let open_items = customers.iter().flat_map(|c| {
        context
            .aging_items(c.id)
            .iter()
            .map(move |item| (c.id, item.due, item.open))
    });
    let unapplied = customers
        .iter()
        .map(|c| (c.id, context.unapplied_credit(c.id)));
    let exposure = exposure_of(date, open_items, unapplied);
    let scored = risks_with_exposure(store, date, customers, exposure)?;
    let mut items = Vec::new();
    let mut risks = HashMap::new();
    for (customer, _seen) in risen(store, &scored)? {
        let risk = customer.risk;
        items.push(WorkItem {
            kind: WorkKind::Risk,
            reason: format!(
                "risk rose to {} ({}): {}; `owed risk ack {}`",
                risk.band,
                risk.score,
                risk.explained(),
                customer.code
            ),
            net_overdue: positions
                .get(customer.code.as_str())
                .map_or(Money::ZERO, |p| p.net_overdue),
            customer: customer.code.clone(),
            name: customer.name,
            amount: None,
            date: None,
            level: None,
            bank_row: None,
            dispute: None,
            said: None,
        });
        risks.insert(customer.code, risk);
    }
    Ok((items, risks))
}
