//! `owed risk`: every customer's risk score as of a date, highest first, with its band,
//! the reasons in words and the tier a review would suggest ([`crate::report::risk`]);
//! and `owed risk ack CODE`, which acknowledges a customer's band now so the worklist
//! stops warning until it rises again.

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::output::{Table, print};
use super::{CliError, WorklistFormat, parse_date_arg};
use crate::fl;
use crate::i18n::words::{band_name, reasons_text};
use crate::i18n::{Language, language};
use crate::report::risk::{CustomerRisk, acknowledge_current, risks};
use crate::store::Store;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RiskArgs {
    #[command(subcommand)]
    pub command: Option<RiskCommand>,
    /// The day the scores are as of (default today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// table or json.
    #[arg(long, value_enum, default_value_t = WorklistFormat::Table)]
    pub format: WorklistFormat,
}

#[derive(Debug, Subcommand)]
pub enum RiskCommand {
    /// Acknowledge the customer's risk band now: the worklist stops warning of it until
    /// the band rises above it (audited as `risk-ack`).
    Ack(RiskAckArgs),
}

#[derive(Debug, Args)]
pub struct RiskAckArgs {
    /// The customer's code.
    pub code: String,
    /// The day its score is worked out as of (default today).
    #[arg(long)]
    pub date: Option<String>,
}

/// Highest score first, then code.
fn by_score(mut all: Vec<CustomerRisk>) -> Vec<CustomerRisk> {
    all.sort_by(|a, b| {
        b.risk
            .score
            .cmp(&a.risk.score)
            .then_with(|| a.code.cmp(&b.code))
    });
    all
}

/// `{"as_of", "customers": [{"code", "name", "tier", "score", "band", "reasons",
/// "suggested_tier"}]}`: the band by its key, the reasons in English, tier null when
/// none.
pub fn to_json(as_of: chrono::NaiveDate, all: &[CustomerRisk]) -> Value {
    let customers: Vec<Value> = all
        .iter()
        .map(|c| {
            json!({
                "code": c.code,
                "name": c.name,
                "tier": c.tier.map(|t| t.to_string()),
                "score": c.risk.score,
                "band": c.risk.band.key(),
                "reasons": c.risk.reasons.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "suggested_tier": c.suggested_tier.to_string(),
            })
        })
        .collect();
    json!({ "as_of": as_of.to_string(), "customers": customers })
}

/// `owed risk` (without `ack`): reads only.
pub fn list(store: &Store, args: &RiskArgs) -> Result<(), CliError> {
    let as_of = parse_date_arg("--as-of", &args.as_of)?;
    let all = by_score(risks(store, as_of)?);
    if args.format == WorklistFormat::Json {
        let json = to_json(as_of, &all);
        print(&serde_json::to_string_pretty(&json).map_err(|e| CliError::Output(e.to_string()))?);
        return Ok(());
    }
    let mut table = Table::headed(
        vec![
            fl!("cli-col-code"),
            fl!("cli-col-name"),
            fl!("cli-col-tier"),
            fl!("cli-col-score"),
            fl!("cli-col-band"),
            fl!("cli-col-suggested"),
            fl!("cli-col-why"),
        ],
        &[false, false, false, true, false, false, false],
    );
    // English keeps the band's key and the domain's reasons, as the table always said
    // them; Chinese says them as the screens do.
    let english = language() == Language::English;
    for c in &all {
        table.rows.push(vec![
            c.code.clone(),
            c.name.clone(),
            c.tier.map(|t| t.to_string()).unwrap_or_default(),
            c.risk.score.to_string(),
            if english {
                c.risk.band.key().to_string()
            } else {
                band_name(c.risk.band)
            },
            c.suggested_tier.to_string(),
            if english {
                c.risk.explained()
            } else {
                reasons_text(&c.risk)
            },
        ]);
    }
    print(&format!(
        "{}\n{}",
        fl!("cli-risk-title", as_of = as_of.to_string()),
        table.render()
    ));
    Ok(())
}

/// `owed risk ack CODE [--date D]`.
pub fn ack(store: &mut Store, args: &RiskAckArgs) -> Result<(), CliError> {
    let date = parse_date_arg("--date", &args.date)?;
    let now = acknowledge_current(store, &args.code, date)?;
    let band = match language() {
        Language::English => now.risk.band.to_string(),
        Language::SimplifiedChinese => band_name(now.risk.band),
    };
    print(&fl!(
        "cli-risk-acknowledged",
        code = now.code.as_str(),
        name = now.name.as_str(),
        band = band,
        score = now.risk.score.to_string(),
        date = date.to_string()
    ));
    Ok(())
}
