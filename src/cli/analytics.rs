//! `owed analytics`: DSO, best possible DSO, ADD, CEI and each customer's payment habits
//! as of a date ([`crate::report::analytics`]), or with `--trend` the headline figures
//! month by month; as a table for people or JSON for scripts. Figures are one-decimal
//! strings (`"25.7"`, like `credit_used_percent`), `null` where a denominator is zero
//! (`n/a` in the table); amounts plain strings.

use clap::Args;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use unicode_width::UnicodeWidthStr;

use super::output::{Table, print};
use super::{CliError, WorklistFormat, parse_date_arg};
use crate::domain::Currency;
use crate::fl;
use crate::i18n::words::reasons_text;
use crate::i18n::{Language, language};
use crate::report::analytics::{AnalyticsOptions, PeriodFigures, analytics, trend};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct AnalyticsArgs {
    /// The last day of the period (default today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// The period's length in days, ending on and including --as-of (1 to 3650).
    #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub period_days: u32,
    /// The headline figures as of each of the last 12 month-ends (the last is --as-of).
    #[arg(long)]
    pub trend: bool,
    /// table or json.
    #[arg(long, value_enum, default_value_t = WorklistFormat::Table)]
    pub format: WorklistFormat,
}

fn figure(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |v| Value::String(v.to_string()))
}

fn cell(value: Option<Decimal>) -> String {
    value.map_or_else(|| fl!("cli-not-available"), |v| v.to_string())
}

/// `label  value` lines, the values in one column however wide the labels (a Chinese
/// label is two columns a character).
fn aligned(pairs: &[(String, String)]) -> String {
    let width = pairs.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    pairs
        .iter()
        .map(|(label, value)| {
            let pad = " ".repeat(width - label.width());
            format!("  {label}{pad}  {value}\n")
        })
        .collect()
}

/// `{"as_of", "credit_sales", "dso", "best_possible_dso", "add", "cei"}`.
fn period_json(currency: &Currency, period: &PeriodFigures) -> Value {
    json!({
        "as_of": period.as_of.to_string(),
        "credit_sales": currency.plain(period.credit_sales),
        "dso": figure(period.figures.dso),
        "best_possible_dso": figure(period.figures.best_possible_dso),
        "add": figure(period.figures.add),
        "cei": figure(period.figures.cei),
    })
}

fn to_string(json: &Value) -> Result<String, CliError> {
    serde_json::to_string_pretty(json).map_err(|e| CliError::Output(e.to_string()))
}

pub fn run(store: &Store, args: &AnalyticsArgs) -> Result<(), CliError> {
    let options = AnalyticsOptions {
        as_of: parse_date_arg("--as-of", &args.as_of)?,
        period_days: args.period_days,
    };
    let currency = store.currency();
    let json_format = args.format == WorklistFormat::Json;
    if args.trend {
        let periods = trend(store, &options)?;
        if json_format {
            let json = json!({
                "as_of": options.as_of.to_string(),
                "period_days": options.period_days,
                "trend": periods.iter().map(|p| period_json(currency, p)).collect::<Vec<_>>(),
            });
            print(&to_string(&json)?);
            return Ok(());
        }
        let mut table = Table::headed(
            vec![
                fl!("cli-col-as-of"),
                fl!("cli-col-credit-sales"),
                fl!("cli-col-dso"),
                fl!("cli-col-best-dso"),
                fl!("cli-col-add"),
                fl!("cli-col-cei"),
            ],
            &[false, true, true, true, true, true],
        );
        for p in &periods {
            table.rows.push(vec![
                p.as_of.to_string(),
                currency.display(p.credit_sales),
                cell(p.figures.dso),
                cell(p.figures.best_possible_dso),
                cell(p.figures.add),
                cell(p.figures.cei),
            ]);
        }
        print(&format!(
            "{}\n{}",
            fl!(
                "cli-analytics-trend-title",
                days = options.period_days.to_string()
            ),
            table.render()
        ));
        return Ok(());
    }
    let report = analytics(store, &options)?;
    let period = &report.period;
    if json_format {
        let mut json = period_json(currency, period);
        json["period_days"] = json!(period.period_days);
        json["by_customer"] = report
            .by_customer
            .iter()
            .map(|c| {
                json!({
                    "code": c.code,
                    "name": c.name,
                    "days_to_pay": figure(c.habits.days_to_pay),
                    "days_late": figure(c.habits.days_late),
                    "on_time_share": figure(c.habits.on_time_share),
                    "promises_kept_share": figure(c.promises_kept_share),
                    "risk_score": c.risk.score,
                    "risk_reasons": c.risk.reasons.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "suggested_tier": c.suggested_tier.to_string(),
                })
            })
            .collect();
        print(&to_string(&json)?);
        return Ok(());
    }
    let f = &period.figures;
    let mut text = format!(
        "{}\n",
        fl!(
            "cli-analytics-title",
            as_of = period.as_of.to_string(),
            days = period.period_days.to_string()
        )
    );
    text.push_str(&aligned(&[
        (
            fl!("cli-analytics-credit-sales"),
            currency.display(period.credit_sales),
        ),
        (fl!("cli-analytics-dso"), cell(f.dso)),
        (fl!("cli-analytics-best-dso"), cell(f.best_possible_dso)),
        (fl!("cli-analytics-add"), cell(f.add)),
        (
            fl!("cli-analytics-cei"),
            cell(f.cei) + if f.cei.is_some() { " %" } else { "" },
        ),
    ]));
    let mut table = Table::headed(
        vec![
            fl!("cli-col-code"),
            fl!("cli-col-name"),
            fl!("cli-col-days-to-pay"),
            fl!("cli-col-days-late"),
            fl!("cli-col-on-time"),
            fl!("cli-col-promises-kept"),
            fl!("cli-col-risk"),
            fl!("cli-col-suggested-tier"),
            fl!("cli-col-why"),
        ],
        &[false, false, true, true, true, true, true, false, false],
    );
    let english = language() == Language::English;
    for c in &report.by_customer {
        table.rows.push(vec![
            c.code.clone(),
            c.name.clone(),
            cell(c.habits.days_to_pay),
            cell(c.habits.days_late),
            cell(c.habits.on_time_share),
            cell(c.promises_kept_share),
            c.risk.score.to_string(),
            c.suggested_tier.to_string(),
            // English keeps the domain's own sentence, as the table always said it.
            if english {
                c.risk.explained()
            } else {
                reasons_text(&c.risk)
            },
        ]);
    }
    text.push_str(&format!("\n{}\n", fl!("cli-analytics-by-customer")));
    text.push_str(&table.render());
    print(&text);
    Ok(())
}
