//! `owed review list|show|set|accept|keep`: credit reviews. Each customer has a
//! next-review date (a year after it was added, six months for tier C); `list --due`
//! gives the reviews that have come, `show` a customer's record and the suggestion as
//! the review form shows them, `set` moves a date by hand, `accept` takes the suggested
//! tier and limit, and `keep` records a review that changes nothing. Accept and keep
//! move the next review on by the tier's interval; every change is audited.

use clap::{Args, Subcommand};
use serde_json::json;

use super::commands::open;
use super::output::{Table, print};
use super::{Cli, CliError, parse_date_arg};
use crate::domain::Currency;
use crate::domain::analytics::one_decimal;
use crate::report::review::{accept_suggestion, review_record};
use crate::report::risk::CreditRecord;
use crate::store::{Access, Customer, ReviewOutcome};

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Every customer's next review, soonest first (`--due`: only those that have come).
    List(ReviewListArgs),
    /// A customer's record as the review form shows it.
    Show(ReviewShowArgs),
    /// Move a customer's next review to DATE.
    Set(ReviewSetArgs),
    /// Take the tier and limit the review suggests (audited, reason "credit review");
    /// the next review moves on by the new tier's interval from --date.
    Accept(ReviewDoneArgs),
    /// Record a review that keeps the tier and limit as they are; the next review moves
    /// on by the tier's interval (12 months, 6 for tier C) from --date.
    Keep(ReviewDoneArgs),
}

#[derive(Debug, Args)]
pub struct ReviewListArgs {
    /// Only the reviews due: next review on or before --date.
    #[arg(long)]
    pub due: bool,
    /// The day (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// table or json.
    #[arg(long, value_enum, default_value_t = ReviewFormat::Table)]
    pub format: ReviewFormat,
}

#[derive(Debug, Args)]
pub struct ReviewShowArgs {
    /// The customer's code.
    pub code: String,
    /// The day of the review (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// table or json.
    #[arg(long, value_enum, default_value_t = ReviewFormat::Table)]
    pub format: ReviewFormat,
}

#[derive(Debug, Args)]
pub struct ReviewSetArgs {
    /// The customer's code.
    pub code: String,
    /// The next review, YYYY-MM-DD.
    pub date: String,
    /// Why (kept in the audit log).
    #[arg(long, allow_hyphen_values = true)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReviewDoneArgs {
    /// The customer's code.
    pub code: String,
    /// The day of the review (default today).
    #[arg(long)]
    pub date: Option<String>,
}

/// How `review list` and `review show` print: a table for people or JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReviewFormat {
    #[default]
    Table,
    Json,
}

fn json_out(value: &serde_json::Value) -> Result<(), CliError> {
    print(&serde_json::to_string_pretty(value).map_err(|e| CliError::Output(e.to_string()))?);
    Ok(())
}

pub fn run(cli: &Cli, command: &ReviewCommand) -> Result<(), CliError> {
    match command {
        ReviewCommand::List(args) => list(cli, args),
        ReviewCommand::Show(args) => {
            let store = open(cli, Access::Read)?;
            let date = parse_date_arg("--date", &args.date)?;
            let record = review_record(&store, &args.code, date)?;
            if args.format == ReviewFormat::Json {
                return json_out(&record_json(store.currency(), &record));
            }
            print(&record_text(store.currency(), &record));
            Ok(())
        }
        ReviewCommand::Set(args) => {
            let date = crate::domain::parse_date(&args.date).map_err(|e| CliError::Input {
                field: "DATE",
                message: super::said(&e),
            })?;
            let mut store = open(cli, Access::Write)?;
            let customer = store.set_next_review(&args.code, date, args.reason.as_deref())?;
            print(&format!(
                "{} {}: next credit review {date}",
                customer.code, customer.name
            ));
            Ok(())
        }
        ReviewCommand::Accept(args) => {
            let date = parse_date_arg("--date", &args.date)?;
            let mut store = open(cli, Access::Write)?;
            let (customer, record) = accept_suggestion(&mut store, &args.code, date)?;
            let currency = store.currency();
            let mut lines = vec![reviewed_line(currency, &customer, "suggestion accepted")];
            for reason in &record.suggestion.reasons {
                lines.push(format!("  because {}", reason.describe(currency)));
            }
            print(&lines.join("\n"));
            Ok(())
        }
        ReviewCommand::Keep(args) => {
            let date = parse_date_arg("--date", &args.date)?;
            let mut store = open(cli, Access::Write)?;
            let customer = store.complete_review(&args.code, ReviewOutcome::Keep, date)?;
            print(&reviewed_line(store.currency(), &customer, "kept as is"));
            Ok(())
        }
    }
}

/// What a recorded review says: the customer, its tier and limit now, the next date.
pub(super) fn reviewed_line(currency: &Currency, customer: &Customer, what: &str) -> String {
    format!(
        "{} {}: credit review recorded ({what}): {}, {}; next review {}",
        customer.code,
        customer.name,
        tier_text(customer.tier),
        limit_text(currency, customer.credit_limit),
        customer
            .next_review
            .map_or_else(|| "none".to_string(), |d| d.to_string())
    )
}

fn tier_text(tier: Option<crate::domain::customer::Tier>) -> String {
    tier.map_or_else(|| "no tier".to_string(), |t| format!("tier {t}"))
}

fn limit_text(currency: &Currency, limit: Option<crate::domain::Money>) -> String {
    limit.map_or_else(
        || "no credit limit".to_string(),
        |l| format!("limit {}", currency.display(l)),
    )
}

fn list(cli: &Cli, args: &ReviewListArgs) -> Result<(), CliError> {
    let store = open(cli, Access::Read)?;
    let date = parse_date_arg("--date", &args.date)?;
    let rows = store.review_dates(args.due.then_some(date))?;
    let currency = store.currency();
    if args.format == ReviewFormat::Json {
        let reviews: Vec<_> = rows
            .iter()
            .map(|r| {
                json!({
                    "customer": r.code,
                    "name": r.name,
                    "tier": r.tier.map(|t| t.to_string()),
                    "credit_limit": r.credit_limit.map(|l| currency.plain(l)),
                    "next_review": r.next_review.to_string(),
                    "due": r.next_review <= date,
                })
            })
            .collect();
        return json_out(&json!({ "date": date.to_string(), "reviews": reviews }));
    }
    if rows.is_empty() {
        print(&if args.due {
            format!("no credit review due on {date}")
        } else {
            "no customer has a review date".to_string()
        });
        return Ok(());
    }
    let mut table = Table::new(
        &[
            "customer",
            "name",
            "tier",
            "credit limit",
            "next review",
            "due",
        ],
        &[false, false, false, true, false, false],
    );
    for r in &rows {
        table.rows.push(vec![
            r.code.clone(),
            r.name.clone(),
            r.tier.map(|t| t.to_string()).unwrap_or_default(),
            r.credit_limit
                .map(|l| currency.display(l))
                .unwrap_or_default(),
            r.next_review.to_string(),
            if r.next_review <= date { "due" } else { "" }.to_string(),
        ]);
    }
    print(&table.render());
    Ok(())
}

/// `{"customer", "name", "date", "tier", "credit_limit", "next_review", "days_to_pay",
/// "on_time_share", "promises_kept_share", "overdue", "balance", "highest_balance",
/// "risk_score", "risk_band", "risk_reasons", "suggested_tier", "suggested_limit",
/// "suggestion_reasons"}`; amounts and shares as strings (shares one decimal), none as
/// null, reasons in English.
fn record_json(currency: &Currency, record: &CreditRecord) -> serde_json::Value {
    let figure = |f: Option<rust_decimal::Decimal>| f.map(|f| one_decimal(f).to_string());
    let customer = &record.customer;
    json!({
        "customer": customer.code,
        "name": customer.name,
        "date": record.as_of.to_string(),
        "tier": customer.tier.map(|t| t.to_string()),
        "credit_limit": customer.credit_limit.map(|l| currency.plain(l)),
        "next_review": customer.next_review.map(|d| d.to_string()),
        "days_to_pay": figure(record.habits.days_to_pay),
        "on_time_share": figure(record.habits.on_time_share),
        "promises_kept_share": figure(record.promises_kept_share),
        "overdue": currency.plain(record.overdue),
        "balance": currency.plain(record.balance),
        "highest_balance": currency.plain(record.highest_balance),
        "risk_score": record.risk.score,
        "risk_band": record.risk.band.key(),
        "risk_reasons": record.risk.reasons.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "suggested_tier": record.suggestion.tier.to_string(),
        "suggested_limit": record.suggestion.limit.map(|l| currency.plain(l)),
        "suggestion_reasons": record
            .suggestion
            .reasons
            .iter()
            .map(|r| r.describe(currency))
            .collect::<Vec<_>>(),
    })
}

fn record_text(currency: &Currency, record: &CreditRecord) -> String {
    let figure = |f: Option<rust_decimal::Decimal>, unit: &str| {
        f.map_or_else(
            || "n/a".to_string(),
            |f| format!("{}{unit}", one_decimal(f)),
        )
    };
    let customer = &record.customer;
    let mut lines = vec![
        format!(
            "credit review of {} {} on {}",
            customer.code, customer.name, record.as_of
        ),
        format!(
            "  now: {}, {}, next review {}",
            tier_text(customer.tier),
            limit_text(currency, customer.credit_limit),
            customer
                .next_review
                .map_or_else(|| "none".to_string(), |d| d.to_string())
        ),
        format!("  days to pay: {}", figure(record.habits.days_to_pay, "")),
        format!("  on time: {}", figure(record.habits.on_time_share, " %")),
        format!(
            "  promises kept: {}",
            figure(record.promises_kept_share, " %")
        ),
        format!("  overdue now: {}", currency.display(record.overdue)),
        format!("  balance now: {}", currency.display(record.balance)),
        format!(
            "  highest balance, last 12 months: {}",
            currency.display(record.highest_balance)
        ),
        format!(
            "  risk: {} ({}): {}",
            record.risk.score,
            record.risk.band,
            record.risk.explained()
        ),
        format!(
            "suggested: tier {}, {}",
            record.suggestion.tier,
            limit_text(currency, record.suggestion.limit)
        ),
    ];
    for reason in &record.suggestion.reasons {
        lines.push(format!("  because {}", reason.describe(currency)));
    }
    lines.push(format!(
        "`owed review accept {}` takes it; `owed review keep {}` keeps things as they are",
        customer.code, customer.code
    ));
    lines.join("\n")
}
