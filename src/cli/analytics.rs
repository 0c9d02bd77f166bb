//! `owed analytics`: DSO, best possible DSO, ADD, CEI and each customer's payment habits
//! as of a date ([`crate::report::analytics`]), or with `--trend` the headline figures
//! month by month; as a table for people or JSON for scripts. Figures are one-decimal
//! strings (`"25.7"`, like `credit_used_percent`), `null` where a denominator is zero
//! (`n/a` in the table); amounts plain strings.

use clap::Args;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::output::{Table, print};
use super::{CliError, WorklistFormat, parse_date_arg};
use crate::domain::Currency;
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
    value.map_or_else(|| "n/a".to_string(), |v| v.to_string())
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
        let mut table = Table::new(
            &["as of", "credit sales", "DSO", "best DSO", "ADD", "CEI %"],
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
            "Trend over {} days to each month-end:\n{}",
            options.period_days,
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
        "Analytics as of {} over {} days\n  credit sales       {}\n  DSO                {}\n  best possible DSO  {}\n  ADD                {}\n  CEI                {}\n",
        period.as_of,
        period.period_days,
        currency.display(period.credit_sales),
        cell(f.dso),
        cell(f.best_possible_dso),
        cell(f.add),
        cell(f.cei).to_string() + if f.cei.is_some() { " %" } else { "" },
    );
    let mut table = Table::new(
        &[
            "code",
            "name",
            "days to pay",
            "days late",
            "on time %",
            "promises kept %",
            "risk",
            "suggested tier",
            "why",
        ],
        &[false, false, true, true, true, true, true, false, false],
    );
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
            c.risk.explained(),
        ]);
    }
    text.push_str("\nBy customer (items settled and promises due in the 365 days to that day):\n");
    text.push_str(&table.render());
    print(&text);
    Ok(())
}
