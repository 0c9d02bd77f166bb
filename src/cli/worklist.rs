//! `owed worklist`: what to do today about getting paid, most pressing first (see
//! [`crate::report::worklist`] for the kinds and the order), as an aligned table or
//! JSON; and the same rows as `owed overview` shows them.

use clap::Args;
use serde_json::json;

use super::output::{Table, print};
use super::{CliError, parse_date_arg};
use crate::report::worklist::{Worklist, worklist};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct WorklistArgs {
    /// The day to plan for (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// table or json.
    #[arg(long, value_enum, default_value_t = WorklistFormat::Table)]
    pub format: WorklistFormat,
}

/// How `worklist` prints: a table for people or JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum WorklistFormat {
    #[default]
    Table,
    Json,
}

pub fn run(store: &Store, args: &WorklistArgs) -> Result<(), CliError> {
    let date = parse_date_arg("--date", &args.date)?;
    let list = worklist(store, date)?;
    if args.format == WorklistFormat::Json {
        let json = to_json(store, &list);
        print(&serde_json::to_string_pretty(&json).map_err(|e| CliError::Output(e.to_string()))?);
        return Ok(());
    }
    if list.items.is_empty() {
        print(&format!("nothing to do on {date}"));
        return Ok(());
    }
    print(&format!(
        "{} thing(s) to do on {date}, most pressing first:\n{}",
        list.items.len(),
        table(store, &list, list.items.len()).render()
    ));
    Ok(())
}

/// `{"date", "totals": {"overdue", "promised_this_week", "disputed"}, "items": [{"kind",
/// "customer", "name", "amount", "date", "reason", "level", "net_overdue", "bank_row",
/// "dispute"}]}`; amounts as plain strings, keys never translated.
pub fn to_json(store: &Store, list: &Worklist) -> serde_json::Value {
    let currency = store.currency();
    let items: Vec<_> = list
        .items
        .iter()
        .map(|i| {
            json!({
                "kind": i.kind.as_str(),
                "customer": i.customer,
                "name": i.name,
                "amount": i.amount.map(|a| currency.plain(a)),
                "date": i.date.map(|d| d.to_string()),
                "reason": i.reason,
                "level": i.level,
                "net_overdue": currency.plain(i.net_overdue),
                "bank_row": i.bank_row,
                "dispute": i.dispute,
            })
        })
        .collect();
    json!({
        "date": list.date.to_string(),
        "totals": {
            "overdue": currency.plain(list.totals.overdue),
            "promised_this_week": currency.plain(list.totals.promised_this_week),
            "disputed": currency.plain(list.totals.disputed),
        },
        "items": items,
    })
}

/// The first `limit` rows, one line each, amounts in the book's format.
pub fn table(store: &Store, list: &Worklist, limit: usize) -> Table {
    let currency = store.currency();
    let mut table = Table::new(
        &["kind", "customer", "name", "amount", "date", "reason"],
        &[false, false, false, true, false, false],
    );
    for item in list.items.iter().take(limit) {
        let kind = match item.level {
            Some(level) => format!("{} {level}", item.kind.as_str()),
            None => item.kind.as_str().to_string(),
        };
        table.rows.push(vec![
            kind,
            item.customer.clone(),
            item.name.clone(),
            item.amount.map(|a| currency.display(a)).unwrap_or_default(),
            item.date.map(|d| d.to_string()).unwrap_or_default(),
            item.reason.clone(),
        ]);
    }
    table
}
