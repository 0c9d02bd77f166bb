//! `owed dispute open|resolve|list` and `owed customer pause|resume`: what holds a
//! customer's letters besides credit and promises (see `store::disputes`).

use clap::{Args, Subcommand};
use serde_json::json;

use crate::store::{Access, Dispute, NewDispute, Resolution, Store};

use super::commands::open;
use super::output::{Format, Table, headers, print};
use super::{Cli, CliError, input, parse_date_arg};
use crate::fl;

#[derive(Debug, Subcommand)]
pub enum DisputeCommand {
    /// Dispute an invoice (or one installment of it): held from letters and interest
    /// until resolved.
    Open(DisputeOpenArgs),
    /// Resolve a dispute, with a credit note when the customer was right.
    Resolve(DisputeResolveArgs),
    /// Every dispute, oldest first.
    List(DisputeListArgs),
}

#[derive(Debug, Args)]
pub struct DisputeOpenArgs {
    /// The number of the invoice (or fee) disputed.
    #[arg(long)]
    pub invoice: String,
    /// The installment disputed (default: the whole invoice).
    #[arg(long)]
    pub item: Option<u32>,
    /// What the customer disputes (logged as a collection note too).
    #[arg(long, allow_hyphen_values = true)]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct DisputeResolveArgs {
    /// The dispute's id (`owed dispute list`).
    pub id: i64,
    /// How it was resolved (logged as a collection note too).
    #[arg(long, allow_hyphen_values = true)]
    pub outcome: String,
    /// Post a credit note for this amount against the disputed items.
    #[arg(long)]
    pub credit: Option<String>,
    /// The credit note's date (default today).
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct DisputeListArgs {
    /// Only the disputes not yet resolved.
    #[arg(long)]
    pub open: bool,
    /// table, csv or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// The customer's code.
    pub code: String,
    /// The last day letters are held.
    #[arg(long)]
    pub until: String,
    /// Why (kept in the audit log).
    #[arg(long, allow_hyphen_values = true)]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct ResumeArgs {
    /// The customer's code.
    pub code: String,
}

pub fn run(cli: &Cli, command: &DisputeCommand) -> Result<(), CliError> {
    match command {
        DisputeCommand::Open(args) => {
            let mut store = open(cli, Access::Write)?;
            let dispute = store.open_dispute(&NewDispute {
                invoice: args.invoice.clone(),
                item: args.item,
                reason: args.reason.clone(),
            })?;
            print(&fl!(
                "cli-dispute-opened",
                id = dispute.id.to_string(),
                item = item_text(&dispute),
                customer = dispute.customer.as_str()
            ));
        }
        DisputeCommand::Resolve(args) => {
            let mut store = open(cli, Access::Write)?;
            let credit = args
                .credit
                .as_deref()
                .map(|c| store.currency().parse_positive(c))
                .transpose()
                .map_err(input("--credit"))?;
            let dispute = store.resolve_dispute(&Resolution {
                id: args.id,
                outcome: args.outcome.clone(),
                credit,
                date: parse_date_arg("--date", &args.date)?,
            })?;
            let credit = match &dispute.credit {
                Some((number, amount)) => fl!(
                    "cli-dispute-credit-note",
                    number = number.as_str(),
                    amount = store.currency().display(*amount)
                ),
                None => String::new(),
            };
            print(&fl!(
                "cli-dispute-resolved",
                id = dispute.id.to_string(),
                item = item_text(&dispute),
                credit = credit
            ));
        }
        DisputeCommand::List(args) => {
            let store = open(cli, Access::Read)?;
            list(&store, args)?;
        }
    }
    Ok(())
}

pub fn pause(cli: &Cli, args: &PauseArgs) -> Result<(), CliError> {
    let until = crate::domain::parse_date(&args.until).map_err(input("--until"))?;
    let mut store = open(cli, Access::Write)?;
    store.pause_customer(&args.code, until, &args.reason)?;
    print(&fl!(
        "cli-paused",
        code = args.code.trim(),
        until = until.to_string()
    ));
    Ok(())
}

pub fn resume(cli: &Cli, args: &ResumeArgs) -> Result<(), CliError> {
    let mut store = open(cli, Access::Write)?;
    store.resume_customer(&args.code)?;
    print(&fl!("cli-resumed", code = args.code.trim()));
    Ok(())
}

fn item_text(dispute: &Dispute) -> String {
    match dispute.item {
        Some(seq) => fl!(
            "cli-dispute-installment",
            invoice = dispute.invoice.as_str(),
            seq = seq.to_string()
        ),
        None => dispute.invoice.clone(),
    }
}

fn list(store: &Store, args: &DisputeListArgs) -> Result<(), CliError> {
    let disputes = store.disputes(args.open)?;
    let currency = store.currency();
    let status = |d: &Dispute| if d.is_open() { "open" } else { "resolved" };
    let credit = |d: &Dispute| d.credit.as_ref().map(|(_, amount)| currency.plain(*amount));
    match args.format {
        Format::Json => {
            let rows: Vec<_> = disputes
                .iter()
                .map(|d| {
                    json!({
                        "id": d.id,
                        "customer": d.customer,
                        "invoice": d.invoice,
                        "item": d.item,
                        "reason": d.reason,
                        "opened_at": d.opened_at,
                        "status": status(d),
                        "outcome": d.outcome,
                        "credit": credit(d),
                        "resolved_at": d.resolved_at,
                    })
                })
                .collect();
            print(
                &serde_json::to_string_pretty(&rows)
                    .map_err(|e| CliError::Output(e.to_string()))?,
            );
        }
        format => {
            let columns = headers(
                format,
                &[
                    "id", "customer", "invoice", "item", "status", "reason", "outcome", "credit",
                ],
                || {
                    vec![
                        fl!("cli-col-id"),
                        fl!("cli-col-customer"),
                        fl!("cli-col-invoice"),
                        fl!("cli-col-item"),
                        fl!("cli-col-status"),
                        fl!("cli-col-reason"),
                        fl!("cli-col-outcome"),
                        fl!("cli-col-credit-note"),
                    ]
                },
            );
            let mut table = Table::headed(
                columns,
                &[true, false, false, true, false, false, false, true],
            );
            for d in &disputes {
                // CSV keeps the JSON's English status; a table says it.
                let state = match (format, d.is_open()) {
                    (Format::Table, true) => fl!("cli-dispute-open"),
                    (Format::Table, false) => fl!("cli-dispute-resolved-state"),
                    _ => status(d).to_string(),
                };
                table.rows.push(vec![
                    d.id.to_string(),
                    d.customer.clone(),
                    d.invoice.clone(),
                    d.item.map(|i| i.to_string()).unwrap_or_default(),
                    state,
                    d.reason.clone(),
                    d.outcome.clone().unwrap_or_default(),
                    match &d.credit {
                        Some((number, amount)) => {
                            format!("{number} {}", currency.display(*amount))
                        }
                        None => String::new(),
                    },
                ]);
            }
            if format == Format::Csv {
                print(
                    &table
                        .to_csv()
                        .map_err(|e| CliError::Output(e.to_string()))?,
                );
            } else if disputes.is_empty() {
                print(&fl!("cli-no-disputes"));
            } else {
                print(&table.render());
            }
        }
    }
    Ok(())
}
