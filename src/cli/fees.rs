//! `owed fees --due`: late interest and fixed fees by policy (see
//! [`crate::domain::interest`] for the rules and [`crate::store::FeeRun`] for how a run is
//! posted), as an aligned table or JSON; `--dry-run` shows the charges and writes nothing.

use chrono::NaiveDate;
use clap::Args;
use serde_json::json;

use super::commands::open;
use super::output::{Table, print};
use super::words::count;
use super::{Cli, CliError, parse_date_arg};
use crate::domain::interest::Charge;
use crate::fl;
use crate::store::{Access, Posted, Store};

#[derive(Debug, Args)]
pub struct FeesArgs {
    /// Charge the interest and fees due by the policy (`fee.*` settings).
    #[arg(long)]
    pub due: bool,
    /// The run date: interest counts through it (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// Show what would be charged; post nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// table or json.
    #[arg(long, value_enum, default_value_t = FeesFormat::Table)]
    pub format: FeesFormat,
}

/// How `fees` prints: a table for people or JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FeesFormat {
    #[default]
    Table,
    Json,
}

pub fn run(cli: &Cli, args: &FeesArgs) -> Result<(), CliError> {
    if !args.due {
        return Err(CliError::Input {
            field: "fees",
            message: crate::fl!("cli-fees-say-due"),
        });
    }
    let date = parse_date_arg("--date", &args.date)?;
    let (store, charges, posted) = if args.dry_run {
        let store = open(cli, Access::Read)?;
        let charges = store.fees_due(date)?;
        (store, charges, Vec::new())
    } else {
        let mut store = open(cli, Access::Write)?;
        let done = store.post_fees(date)?;
        (store, done.charges, done.posted)
    };
    warn_of_history(&store, date, &charges)?;
    if args.format == FeesFormat::Json {
        let json = to_json(&store, date, &charges);
        print(&serde_json::to_string_pretty(&json).map_err(|e| CliError::Output(e.to_string()))?);
        return Ok(());
    }
    print(&report(&store, date, &charges, &posted, args.dry_run));
    Ok(())
}

/// Says on stderr when, with no `fee.from`, the charges reach back more than a year: a
/// first run on a book with history bills every late payment it holds.
fn warn_of_history(store: &Store, date: NaiveDate, charges: &[Charge]) -> Result<(), CliError> {
    let Some(earliest) = charges.iter().map(|c| c.from).min() else {
        return Ok(());
    };
    if store.fee_rules()?.book.from.is_none() && (date - earliest).num_days() > 365 {
        eprintln!(
            "{}",
            fl!(
                "cli-fees-history",
                count = count(charges.len()),
                earliest = earliest.to_string()
            )
        );
    }
    Ok(())
}

/// `{"date", "charges": [{"customer", "item", "from", "to", "days", "principal",
/// "amount"}]}`: `item` is `NUMBER/SEQ`, `principal` the item's open amount on `to`,
/// amounts as plain strings, keys never translated.
pub fn to_json(store: &Store, date: NaiveDate, charges: &[Charge]) -> serde_json::Value {
    let currency = store.currency();
    let rows: Vec<_> = charges
        .iter()
        .map(|c| {
            json!({
                "customer": c.customer,
                "item": format!("{}/{}", c.number, c.seq),
                "from": c.from.to_string(),
                "to": c.to.to_string(),
                "days": c.days,
                "principal": currency.plain(c.principal),
                "amount": currency.plain(c.amount),
            })
        })
        .collect();
    json!({ "date": date.to_string(), "charges": rows })
}

fn report(
    store: &Store,
    date: NaiveDate,
    charges: &[Charge],
    posted: &[Posted],
    dry_run: bool,
) -> String {
    if charges.is_empty() {
        return fl!("cli-fees-none-due", date = date.to_string());
    }
    let currency = store.currency();
    let mut table = Table::headed(
        vec![
            fl!("cli-col-customer"),
            fl!("cli-col-item"),
            fl!("cli-col-from"),
            fl!("cli-col-to"),
            fl!("cli-col-days"),
            fl!("cli-col-principal"),
            fl!("cli-col-amount"),
        ],
        &[false, false, false, false, true, true, true],
    );
    for c in charges {
        table.rows.push(vec![
            c.customer.clone(),
            format!("{}/{}", c.number, c.seq),
            c.from.to_string(),
            c.to.to_string(),
            c.days.to_string(),
            currency.display(c.principal),
            currency.display(c.amount),
        ]);
    }
    let mut out = table.render();
    if dry_run {
        out.push_str(&format!("\n{}", fl!("cli-fees-dry-run")));
    }
    for p in posted {
        let amount: crate::domain::Money = p.items.iter().map(|(_, _, a)| *a).sum();
        out.push_str(&format!(
            "\n{}",
            fl!(
                "cli-fee-posted",
                number = p.number.as_str(),
                customer = p.customer.as_str(),
                amount = currency.display(amount)
            )
        ));
        for warning in &p.warnings {
            out.push_str(&format!(
                "\n{}",
                fl!(
                    "cli-warning",
                    warning = crate::i18n::errors::Described::described(warning)
                )
            ));
        }
    }
    out
}
