//! `owed forecast`: the cash expected week by week from what is owed as of a day
//! ([`crate::report::forecast`]), and with `--backtest` the forecast the book would have
//! made on a past day next to what was received in the weeks after it; as a table for
//! people or JSON for scripts (amounts plain strings, dates `YYYY-MM-DD`, keys fixed).

use clap::Args;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::output::{Table, print};
use super::{CliError, WorklistFormat, parse_date_arg};
use crate::domain::Money;
use crate::domain::analytics::one_decimal;
use crate::fl;
use crate::report::forecast::{
    Backtest, DEFAULT_WEEKS, Forecast, ForecastOptions, backtest, forecast,
};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ForecastArgs {
    /// The day the forecast is made on (default today); week 1 starts the day after.
    #[arg(long)]
    pub as_of: Option<String>,
    /// How many weeks (1 to 104).
    #[arg(long, default_value_t = DEFAULT_WEEKS, value_parser = clap::value_parser!(u32).range(1..=104))]
    pub weeks: u32,
    /// The forecast the book would have made on --as-of (a past day) next to what was
    /// received in the weeks after it, for the items open on that day.
    #[arg(long, requires = "as_of")]
    pub backtest: bool,
    /// table or json.
    #[arg(long, value_enum, default_value_t = WorklistFormat::Table)]
    pub format: WorklistFormat,
}

fn to_string(json: &Value) -> Result<String, CliError> {
    serde_json::to_string_pretty(json).map_err(|e| CliError::Output(e.to_string()))
}

pub fn run(store: &Store, args: &ForecastArgs) -> Result<(), CliError> {
    let options = ForecastOptions {
        as_of: parse_date_arg("--as-of", &args.as_of)?,
        weeks: args.weeks,
    };
    if args.backtest {
        let today = chrono::Local::now().date_naive();
        let last = options
            .as_of
            .checked_add_days(chrono::Days::new(7 * u64::from(options.weeks)));
        if last.is_none_or(|last| last > today) {
            let latest = today
                .checked_sub_days(chrono::Days::new(7 * u64::from(options.weeks)))
                .map_or_else(
                    || fl!("cli-an-earlier-date"),
                    |d| fl!("cli-date-or-earlier", date = d.to_string()),
                );
            return Err(CliError::Input {
                field: "--as-of",
                message: crate::fl!(
                    "cli-backtest-too-recent",
                    weeks = options.weeks,
                    as_of = options.as_of.to_string(),
                    today = today.to_string(),
                    latest = latest.to_string()
                ),
            });
        }
        let report = backtest(store, &options)?;
        print(&match args.format {
            WorklistFormat::Json => to_string(&backtest_json(store, &report))?,
            WorklistFormat::Table => backtest_table(store, &report),
        });
        return Ok(());
    }
    let report = forecast(store, &options)?;
    print(&match args.format {
        WorklistFormat::Json => to_string(&forecast_json(store, &report))?,
        WorklistFormat::Table => forecast_table(store, &report),
    });
    Ok(())
}

/// `{"as_of", "weeks": [{"start", "end", "expected", "promised", "low", "high"}], "total"}`.
pub fn forecast_json(store: &Store, report: &Forecast) -> Value {
    let currency = store.currency();
    json!({
        "as_of": report.as_of.to_string(),
        "weeks": report.weeks.iter().map(|w| json!({
            "start": w.start.to_string(),
            "end": w.end.to_string(),
            "expected": currency.plain(w.expected),
            "promised": currency.plain(w.promised),
            "low": currency.plain(w.low),
            "high": currency.plain(w.high),
        })).collect::<Vec<_>>(),
        "total": currency.plain(report.total),
    })
}

/// `{"forecast_total", "actual_total", "weeks": [{"start", "forecast", "actual"}],
/// "weekly_mape"}`; `weekly_mape` is `null` when nothing was received in any week.
pub fn backtest_json(store: &Store, report: &Backtest) -> Value {
    let currency = store.currency();
    json!({
        "forecast_total": currency.plain(report.forecast_total),
        "actual_total": currency.plain(report.actual_total),
        "weeks": report.weeks.iter().map(|w| json!({
            "start": w.start.to_string(),
            "forecast": currency.plain(w.forecast),
            "actual": currency.plain(w.actual),
        })).collect::<Vec<_>>(),
        "weekly_mape": report.weekly_mape.map_or(Value::Null, |m| Value::String(m.to_string())),
    })
}

fn forecast_table(store: &Store, report: &Forecast) -> String {
    let currency = store.currency();
    let mut table = Table::headed(
        vec![
            fl!("cli-col-week"),
            fl!("cli-col-from"),
            fl!("cli-col-to"),
            fl!("cli-col-expected"),
            fl!("cli-col-promised"),
            fl!("cli-col-total"),
            fl!("cli-col-low"),
            fl!("cli-col-high"),
        ],
        &[true, false, false, true, true, true, true, true],
    );
    let (mut expected, mut promised) = (Money::ZERO, Money::ZERO);
    for (n, w) in report.weeks.iter().enumerate() {
        expected += w.expected;
        promised += w.promised;
        table.rows.push(vec![
            (n + 1).to_string(),
            w.start.to_string(),
            w.end.to_string(),
            currency.display(w.expected),
            currency.display(w.promised),
            currency.display(w.expected + w.promised),
            currency.display(w.low),
            currency.display(w.high),
        ]);
    }
    table.footer.push(vec![
        fl!("cli-col-total"),
        String::new(),
        String::new(),
        currency.display(expected),
        currency.display(promised),
        currency.display(report.total),
        String::new(),
        String::new(),
    ]);
    format!(
        "{}\n{}{}\n{}\n",
        fl!(
            "cli-forecast-title",
            as_of = report.as_of.to_string(),
            weeks = report.weeks.len().to_string()
        ),
        table.render(),
        fl!(
            "cli-forecast-open",
            as_of = report.as_of.to_string(),
            open = currency.display(report.open),
            disputed = currency.display(report.disputed),
            credit = currency.display(report.credit),
            collectible = currency.display(report.collectible)
        ),
        fl!("cli-forecast-band")
    )
}

/// The error of one week in percent of what was received, or `n/a` when nothing was.
fn error_cell(forecast: Money, actual: Money) -> String {
    if !actual.is_positive() {
        return fl!("cli-not-available");
    }
    let error = (forecast.0 - actual.0) * Decimal::ONE_HUNDRED / actual.0;
    one_decimal(error).to_string()
}

fn backtest_table(store: &Store, report: &Backtest) -> String {
    let currency = store.currency();
    let mut table = Table::headed(
        vec![
            fl!("cli-col-week"),
            fl!("cli-col-from"),
            fl!("cli-col-to"),
            fl!("cli-col-forecast"),
            fl!("cli-col-received"),
            fl!("cli-col-error"),
        ],
        &[true, false, false, true, true, true],
    );
    for (n, w) in report.weeks.iter().enumerate() {
        table.rows.push(vec![
            (n + 1).to_string(),
            w.start.to_string(),
            w.end.to_string(),
            currency.display(w.forecast),
            currency.display(w.actual),
            error_cell(w.forecast, w.actual),
        ]);
    }
    table.footer.push(vec![
        fl!("cli-col-total"),
        String::new(),
        String::new(),
        currency.display(report.forecast_total),
        currency.display(report.actual_total),
        error_cell(report.forecast_total, report.actual_total),
    ]);
    let mape = report
        .weekly_mape
        .map_or_else(|| fl!("cli-not-available"), |m| format!("{m} %"));
    format!(
        "{}\n{}{}\n{}\n",
        fl!("cli-backtest-title", as_of = report.as_of.to_string()),
        table.render(),
        fl!("cli-backtest-error", mape = mape),
        fl!(
            "cli-backtest-open",
            as_of = report.as_of.to_string(),
            open = currency.display(report.forecast.open),
            disputed = currency.display(report.forecast.disputed),
            credit = currency.display(report.forecast.credit)
        )
    )
}
