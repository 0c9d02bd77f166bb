//! `owed worklist`: what to do today about getting paid, most pressing first (see
//! [`crate::report::worklist`] for the kinds and the order), as an aligned table or
//! JSON; and the same rows as `owed overview` shows them.

use clap::Args;
use serde_json::json;

use super::output::{Table, print};
use super::words::count;
use super::{CliError, parse_date_arg};
use crate::fl;
use crate::i18n::{Language, language};
use crate::report::worklist::{WorkItem, WorkKind, Worklist, worklist};
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
        print(&fl!("cli-worklist-nothing", date = date.to_string()));
        return Ok(());
    }
    print(&format!(
        "{}\n{}",
        fl!(
            "cli-worklist-title",
            count = count(list.items.len()),
            date = date.to_string()
        ),
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
    let mut table = Table::headed(
        vec![
            fl!("cli-col-kind"),
            fl!("cli-col-customer"),
            fl!("cli-col-name"),
            fl!("cli-col-amount"),
            fl!("cli-col-date"),
            fl!("cli-col-reason"),
        ],
        &[false, false, false, true, false, false],
    );
    let english = language() == Language::English;
    // A risk row's reasons are said from the customer's risk, scored once for the table
    // (English keeps the report's own sentence).
    let risks: std::collections::HashMap<String, crate::domain::risk::Risk> = if !english
        && list
            .items
            .iter()
            .take(limit)
            .any(|i| i.kind == WorkKind::Risk)
    {
        crate::report::risk::risks(store, list.date)
            .map(|all| all.into_iter().map(|c| (c.code, c.risk)).collect())
            .unwrap_or_default()
    } else {
        Default::default()
    };
    for item in list.items.iter().take(limit) {
        // English keeps the kind's JSON name and the report's own reason, as scripts
        // reading this table have always seen them; Chinese says both as the Today
        // screen does.
        let (kind, reason) = if english {
            let kind = match item.level {
                Some(level) => format!("{} {level}", item.kind.as_str()),
                None => item.kind.as_str().to_string(),
            };
            (kind, item.reason.clone())
        } else {
            (
                kind_label(item.kind),
                reason_text(item, store, risks.get(&item.customer)),
            )
        };
        table.rows.push(vec![
            kind,
            item.customer.clone(),
            item.name.clone(),
            item.amount.map(|a| currency.display(a)).unwrap_or_default(),
            item.date.map(|d| d.to_string()).unwrap_or_default(),
            reason,
        ]);
    }
    table
}

/// A group's heading (the Today screen's and `owed worklist`'s).
fn kind_label(kind: WorkKind) -> String {
    crate::i18n::work::group_label(kind)
}

/// What a row is about, in the words the Today screen uses (its `what`), with what the
/// customer said quoted after it; a risk row from the customer's `risk` (the report's
/// own sentence if it could not be scored).
fn reason_text(item: &WorkItem, store: &Store, risk: Option<&crate::domain::risk::Risk>) -> String {
    let currency = store.currency();
    crate::i18n::work::work_item_text(item, risk, |m| currency.display(m), |d| d.to_string())
}
