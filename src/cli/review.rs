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
use crate::fl;
use crate::i18n::words::{band_name, reasons_text, suggestion_words};
use crate::i18n::{Language, language};
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
            print(&fl!(
                "cli-review-next",
                code = customer.code.as_str(),
                name = customer.name.as_str(),
                date = date.to_string()
            ));
            Ok(())
        }
        ReviewCommand::Accept(args) => {
            let date = parse_date_arg("--date", &args.date)?;
            let mut store = open(cli, Access::Write)?;
            let (customer, record) = accept_suggestion(&mut store, &args.code, date)?;
            let currency = store.currency();
            let mut lines = vec![reviewed_line(
                currency,
                &customer,
                &fl!("cli-review-accepted"),
            )];
            for reason in &record.suggestion.reasons {
                lines.push(because(currency, &record, reason));
            }
            print(&lines.join("\n"));
            Ok(())
        }
        ReviewCommand::Keep(args) => {
            let date = parse_date_arg("--date", &args.date)?;
            let mut store = open(cli, Access::Write)?;
            let customer = store.complete_review(&args.code, ReviewOutcome::Keep, date)?;
            print(&reviewed_line(
                store.currency(),
                &customer,
                &fl!("cli-review-kept"),
            ));
            Ok(())
        }
    }
}

/// What a recorded review says: the customer, its tier and limit now, the next date.
pub(super) fn reviewed_line(currency: &Currency, customer: &Customer, what: &str) -> String {
    fl!(
        "cli-review-recorded",
        code = customer.code.as_str(),
        name = customer.name.as_str(),
        what = what,
        tier = tier_text(customer.tier),
        limit = limit_text(currency, customer.credit_limit),
        next = customer
            .next_review
            .map_or_else(|| fl!("cli-none"), |d| d.to_string())
    )
}

fn tier_text(tier: Option<crate::domain::customer::Tier>) -> String {
    tier.map_or_else(
        || fl!("cli-no-tier"),
        |t| fl!("cli-tier-is", tier = t.to_string()),
    )
}

fn limit_text(currency: &Currency, limit: Option<crate::domain::Money>) -> String {
    limit.map_or_else(
        || fl!("cli-no-credit-limit"),
        |l| fl!("cli-limit-is", limit = currency.display(l)),
    )
}

/// `  because …`: why the review suggests what it does. English keeps the domain's own
/// sentence (what `--format json` gives too); Chinese says it as the review screen does.
fn because(
    currency: &Currency,
    record: &CreditRecord,
    reason: &crate::domain::risk::SuggestionReason,
) -> String {
    let why = match language() {
        Language::English => reason.describe(currency),
        Language::SimplifiedChinese => suggestion_words(reason, record.suggestion.tier, currency),
    };
    format!("  {}", fl!("cli-because", why = why))
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
            fl!("cli-review-none-due", date = date.to_string())
        } else {
            fl!("cli-review-no-dates")
        });
        return Ok(());
    }
    let mut table = Table::headed(
        vec![
            fl!("cli-col-customer"),
            fl!("cli-col-name"),
            fl!("cli-col-tier"),
            fl!("cli-col-credit-limit"),
            fl!("cli-col-next-review"),
            fl!("cli-col-review-due"),
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
            if r.next_review <= date {
                fl!("cli-review-due-cell")
            } else {
                String::new()
            },
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
            || fl!("cli-not-available"),
            |f| format!("{}{unit}", one_decimal(f)),
        )
    };
    let customer = &record.customer;
    // English keeps the band's key and the domain's reasons, as it always said them.
    let (band, why) = match language() {
        Language::English => (record.risk.band.to_string(), record.risk.explained()),
        Language::SimplifiedChinese => (band_name(record.risk.band), reasons_text(&record.risk)),
    };
    let mut lines = vec![
        fl!(
            "cli-review-title",
            code = customer.code.as_str(),
            name = customer.name.as_str(),
            date = record.as_of.to_string()
        ),
        format!(
            "  {}",
            fl!(
                "cli-review-now",
                tier = tier_text(customer.tier),
                limit = limit_text(currency, customer.credit_limit),
                next = customer
                    .next_review
                    .map_or_else(|| fl!("cli-none"), |d| d.to_string())
            )
        ),
        format!(
            "  {}",
            fl!(
                "cli-review-days-to-pay",
                value = figure(record.habits.days_to_pay, "")
            )
        ),
        format!(
            "  {}",
            fl!(
                "cli-review-on-time",
                value = figure(record.habits.on_time_share, " %")
            )
        ),
        format!(
            "  {}",
            fl!(
                "cli-review-promises-kept",
                value = figure(record.promises_kept_share, " %")
            )
        ),
        format!(
            "  {}",
            fl!(
                "cli-review-overdue-now",
                amount = currency.display(record.overdue)
            )
        ),
        format!(
            "  {}",
            fl!(
                "cli-review-balance-now",
                amount = currency.display(record.balance)
            )
        ),
        format!(
            "  {}",
            fl!(
                "cli-review-highest",
                amount = currency.display(record.highest_balance)
            )
        ),
        format!(
            "  {}",
            fl!(
                "cli-review-risk",
                score = record.risk.score.to_string(),
                band = band,
                why = why
            )
        ),
        fl!(
            "cli-review-suggested",
            tier = record.suggestion.tier.to_string(),
            limit = limit_text(currency, record.suggestion.limit)
        ),
    ];
    for reason in &record.suggestion.reasons {
        lines.push(because(currency, record, reason));
    }
    lines.push(fl!("cli-review-how", code = customer.code.as_str()));
    lines.join("\n")
}
