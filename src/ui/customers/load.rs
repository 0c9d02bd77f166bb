//! Loading the customer list for the screen (on a worker thread): balances from the
//! same report as `owed customer list`, contact dates from the notes, and the texts the
//! rows show, made once; and, on a worker of its own, the risk scores.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Row;
use crate::fl;
use crate::report;
use crate::ui::errors::Described;

/// The customer list with contact dates, as of `today` (runs on a worker thread).
pub fn load(store: &crate::store::Store, today: NaiveDate) -> Result<Vec<Row>, String> {
    let summaries = report::customer_list(store, today).map_err(|e| e.described())?;
    let contacts = store.contact_states().map_err(|e| e.described())?;
    let currency = store.currency();
    Ok(summaries
        .into_iter()
        .filter(|s| !s.customer.archived)
        .map(|s| {
            let contact = contacts.get(&s.customer.id);
            let credit_text = match (s.credit_used_percent, s.customer.on_hold) {
                (Some(p), true) => format!("{p}% · {}", fl!("hold")),
                (Some(p), false) if s.over_limit => format!("{p}% · {}", fl!("over")),
                (Some(p), false) => format!("{p}%"),
                (None, true) => fl!("on-hold"),
                (None, false) => String::new(),
            };
            let code_key = s.customer.code.to_lowercase();
            Row {
                name_at: code_key.len() + 1,
                key: format!("{code_key} {}", s.customer.name.to_lowercase()),
                code: s.customer.code,
                name: s.customer.name,
                balance_text: currency.display(s.balance),
                overdue_text: currency.display(s.overdue),
                balance: s.balance,
                overdue: s.overdue,
                oldest_days_overdue: s.oldest_days_overdue,
                last_contact: contact.map(|c| c.last_contact),
                next_follow_up: contact.and_then(|c| c.next_follow_up),
                credit_used_percent: s.credit_used_percent,
                on_hold: s.customer.on_hold,
                over_limit: s.over_limit,
                risk: None,
                credit_text,
            }
        })
        .collect())
}

/// Every customer's risk score as of `today`, by code (runs on a worker thread; the
/// same scores as `owed risk`).
pub fn load_risks(
    store: &crate::store::Store,
    today: NaiveDate,
) -> Result<HashMap<String, crate::domain::risk::Risk>, String> {
    Ok(report::risk::risks(store, today)
        .map_err(|e| e.described())?
        .into_iter()
        .map(|c| (c.code, c.risk))
        .collect())
}
