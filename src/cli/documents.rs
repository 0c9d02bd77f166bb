//! The CLI's printed documents: statement runs, demand letters, and the archive of what
//! was issued. Each calls the same library functions the screens will.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use serde_json::json;

use crate::domain::Currency;
use crate::domain::company::Locale;
use crate::domain::letters::Level;
use crate::domain::printed::{Period, StatementKind};
use crate::report::letters::{self, LetterRequest};
use crate::report::statement::{self, Request, Selection};
use crate::store::Store;

use super::output::{Format, print};
use super::words::{count, level_name, signed};
use super::{CliError, input, parse_date_arg, parse_optional_date};

mod issued;

use crate::fl;
use crate::i18n::errors::Described;
pub use issued::issued;

#[derive(Debug, Args)]
pub struct StatementsArgs {
    /// The month, YYYY-MM; the statement date is its last day.
    #[arg(long)]
    pub period: String,
    /// open-item, balance-forward or activity.
    #[arg(long, default_value = "open-item")]
    pub kind: String,
    /// all, with-balance, overdue or codes like C001,C002.
    #[arg(long, default_value = "all")]
    pub customers: String,
    /// The folder to write the PDFs to.
    #[arg(long)]
    pub out: PathBuf,
    /// en or zh (default: the company's locale).
    #[arg(long)]
    pub lang: Option<String>,
    /// Write the PDFs without archiving them as issued.
    #[arg(long)]
    pub preview: bool,
    /// Email each statement to the customers who want email (queued in the outbox with
    /// the archived PDF, then sent); the others are listed as to print.
    #[arg(long, conflicts_with = "preview")]
    pub email: bool,
}

#[derive(Debug, Args)]
pub struct LetterArgs {
    /// The customer's code.
    #[arg(long)]
    pub customer: String,
    /// 0 payment reminder before the due date, 1 reminder, 2 second notice, 3 final
    /// demand, 4 notice before legal action.
    #[arg(long)]
    pub level: u8,
    /// Letter date (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// Pay-by date (default 14 days after the letter date; level 0: the first due date).
    #[arg(long)]
    pub deadline: Option<String>,
    /// The folder to write the PDF to.
    #[arg(long)]
    pub out: PathBuf,
    /// en or zh (default: the company's locale).
    #[arg(long)]
    pub lang: Option<String>,
    /// Write the PDF without archiving it or logging a note.
    #[arg(long)]
    pub preview: bool,
    /// Write it even though the ladder holds the customer (paused, all overdue
    /// disputed, credit covers it, below the tolerance, an open promise).
    #[arg(long)]
    pub force: bool,
    /// Also email it when the customer wants email (queued in the outbox with the
    /// archived PDF, then sent).
    #[arg(long, conflicts_with = "preview")]
    pub email: bool,
}

#[derive(Debug, Args)]
pub struct LettersArgs {
    /// Every customer due a letter: one rung up the ladder at a time, net of credit,
    /// held by open promises and the interval between letters.
    #[arg(long, required = true)]
    pub due: bool,
    /// Letter date (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// The folder the letters are written to (not needed with --dry-run).
    #[arg(long, required_unless_present = "dry_run")]
    pub out: Option<PathBuf>,
    /// en or zh (default: the company's locale).
    #[arg(long)]
    pub lang: Option<String>,
    /// List who is due which letter, and who is held and why, without writing any.
    #[arg(long)]
    pub dry_run: bool,
    /// table or json.
    #[arg(long, value_enum, default_value_t = LettersFormat::Table)]
    pub format: LettersFormat,
    /// Also email each letter to the customers who want email (queued in the outbox
    /// with the archived PDF, then sent); the others are listed as to print.
    #[arg(long, conflicts_with = "dry_run")]
    pub email: bool,
}

/// How `letters` prints: a listing for people or JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LettersFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum IssuedCommand {
    /// Statements and letters issued, newest first.
    List(IssuedListArgs),
    /// Write an issued document back, byte for byte as stored.
    Show(IssuedShowArgs),
}

#[derive(Debug, Args)]
pub struct IssuedListArgs {
    /// Only this customer's statements and letters.
    #[arg(long)]
    pub customer: Option<String>,
    /// table, csv or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct IssuedShowArgs {
    /// The id `owed issued list` shows.
    pub id: i64,
    /// The file to write.
    #[arg(long)]
    pub out: PathBuf,
}

fn parse_lang(lang: &Option<String>) -> Result<Option<Locale>, CliError> {
    match lang.as_deref().map(|l| l.trim().to_ascii_lowercase()) {
        None => Ok(None),
        Some(l) if l == "en" => Ok(Some(Locale::En)),
        Some(l) if l == "zh" || l == "zh-cn" => Ok(Some(Locale::ZhCn)),
        Some(other) => Locale::parse(&other).map(Some).ok_or(CliError::Input {
            field: "--lang",
            message: crate::fl!("cli-lang-en-or-zh", text = other.as_str()),
        }),
    }
}

/// Says on stderr that unfinished files of a killed earlier run were cleared away.
fn stale_note(removed: usize, folder: &std::path::Path) {
    if removed > 0 {
        eprintln!(
            "{}",
            fl!(
                "cli-stale-removed",
                count = count(removed),
                folder = folder.display().to_string()
            )
        );
    }
}

pub fn statements(store: &mut Store, args: &StatementsArgs) -> Result<(), CliError> {
    let period = Period::parse(&args.period).ok_or(CliError::Input {
        field: "--period",
        message: crate::fl!("cli-period-yyyy-mm", text = args.period.as_str()),
    })?;
    let kind = StatementKind::parse(&args.kind).ok_or(CliError::Input {
        field: "--kind",
        message: crate::fl!("cli-statement-kind", text = args.kind.as_str()),
    })?;
    let request = Request {
        period,
        kind,
        customers: args
            .customers
            .parse::<Selection>()
            .map_err(input("--customers"))?,
        locale: parse_lang(&args.lang)?,
        archive: !args.preview,
        email: args.email,
    };
    let mut stderr = std::io::stderr();
    let summary = statement::batch(store, &request, &args.out, |done, total| {
        if done == total || done % 25 == 0 {
            let said = fl!(
                "cli-statements-progress",
                done = count(done),
                total = count(total)
            );
            let _ = write!(stderr, "\r{said}");
            if done == total {
                let _ = writeln!(stderr);
            }
        }
    })?;
    stale_note(summary.stale_removed, &args.out);
    let currency = store.currency();
    let mut lines = vec![fl!(
        "cli-statements-written",
        count = count(summary.written.len()),
        kind = statement_kind_name(kind),
        period = period.label(),
        out = args.out.display().to_string(),
        skipped = count(summary.skipped),
        currency = currency.code.as_str(),
        amount = currency.display(summary.total_due)
    )];
    if let Some(combined) = &summary.combined {
        lines.push(format!(
            "  {}",
            fl!(
                "cli-statements-all-in-one",
                path = combined.display().to_string()
            )
        ));
    }
    if args.preview {
        lines.push(format!("  {}", fl!("cli-statements-preview")));
    } else {
        lines.push(format!(
            "  {}",
            fl!(
                "cli-statements-archived",
                count = count(summary.archived.len())
            )
        ));
    }
    if args.email {
        lines.extend(email_lines(
            store,
            summary.emailed.len(),
            &summary.to_print,
            summary.to_print_file.as_deref(),
        )?);
    }
    print(&lines.join("\n"));
    Ok(())
}

/// What a run with `--email` says after its files: the emails queued and how sending
/// them went, and whom to print for (and the file with only theirs, for a run of many).
fn email_lines(
    store: &mut Store,
    queued: usize,
    to_print: &[String],
    to_print_file: Option<&std::path::Path>,
) -> Result<Vec<String>, CliError> {
    let mut lines = vec![format!(
        "  {}",
        fl!("cli-emails-queued", count = count(queued))
    )];
    if !to_print.is_empty() {
        lines.push(format!(
            "  {}",
            fl!(
                "cli-to-print",
                count = count(to_print.len()),
                customers = to_print.join(", ")
            )
        ));
    }
    if let Some(path) = to_print_file {
        lines.push(format!(
            "  {}",
            fl!("to-print-file", path = path.display().to_string())
        ));
    }
    if queued > 0 {
        // Queued first, then sent: a failure here leaves them waiting in the outbox.
        match super::outbox::send(store, false) {
            Ok(report) => lines.push(format!("  {}", super::outbox::said(&report))),
            Err(error) => {
                lines.push(format!("  {}", super::said(&error)));
                lines.push(format!("  {}", fl!("cli-emails-wait")));
            }
        }
    }
    Ok(lines)
}

pub fn letter(store: &mut Store, args: &LetterArgs) -> Result<(), CliError> {
    let level = Level::any_from_number(args.level).ok_or(CliError::Input {
        field: "--level",
        message: crate::fl!("cli-letter-level", level = args.level.to_string()),
    })?;
    let request = LetterRequest {
        customer: args.customer.clone(),
        level,
        date: parse_date_arg("--date", &args.date)?,
        deadline: parse_optional_date("--deadline", &args.deadline)?,
        locale: parse_lang(&args.lang)?,
        email: args.email,
    };
    let (issued, warning) =
        letters::issue_by_hand(store, &request, &args.out, args.preview, args.force)?;
    if let Some(warning) = warning {
        eprintln!("{}", warning.described());
    }
    stale_note(issued.stale_removed, &args.out);
    let currency = store.currency();
    let archived = match issued.archived {
        Some(id) => fl!("cli-letter-archived", id = id.to_string()),
        None => fl!("cli-letter-preview"),
    };
    let level_number = level.number().to_string();
    let name = level_name(level);
    let customer = issued.letter.customer.code.as_str();
    let path = issued.path.display().to_string();
    let amount = currency.display(issued.letter.total_overdue);
    let deadline = issued.letter.deadline.to_string();
    print(&if level.is_rung() {
        fl!(
            "cli-letter-written-overdue",
            level = level_number,
            name = name,
            customer = customer,
            path = path,
            currency = currency.code.as_str(),
            amount = amount,
            deadline = deadline,
            archived = archived
        )
    } else {
        fl!(
            "cli-letter-written-falling-due",
            level = level_number,
            name = name,
            customer = customer,
            path = path,
            currency = currency.code.as_str(),
            amount = amount,
            deadline = deadline,
            archived = archived
        )
    });
    if args.email {
        let to_print: Vec<String> = if issued.to_print {
            vec![customer.to_string()]
        } else {
            Vec::new()
        };
        let queued = usize::from(issued.emailed.is_some());
        print(&email_lines(store, queued, &to_print, None)?.join("\n"));
    }
    Ok(())
}

pub fn letters(store: &mut Store, args: &LettersArgs) -> Result<(), CliError> {
    let date = parse_date_arg("--date", &args.date)?;
    let locale = parse_lang(&args.lang)?;
    let run = letters::letter_run(store, date)?;
    let currency = store.currency().clone();
    let json_out = args.format == LettersFormat::Json;
    // On stderr in every format, so a script's JSON stays clean and a person still sees it.
    for line in reconcile_warning(&run.unmatched, &currency) {
        eprintln!("{line}");
    }
    if args.dry_run {
        if json_out {
            let due: Vec<_> = run
                .due
                .iter()
                .map(|d| {
                    json!({
                        "customer": d.customer,
                        "level": d.level.number(),
                        "overdue": currency.plain(d.overdue),
                        "net_overdue": currency.plain(d.net_overdue),
                        "oldest_due_date": d.oldest_due.to_string(),
                        "days_overdue": d.days_overdue,
                        "reason": d.reason.to_string(),
                    })
                })
                .collect();
            let held: Vec<_> = run
                .held
                .iter()
                .map(|h| json!({"customer": h.customer, "reason": h.reason.to_string()}))
                .collect();
            let unmatched: Vec<_> = run
                .unmatched
                .iter()
                .map(|u| {
                    json!({
                        "row": u.row,
                        "date": u.date.to_string(),
                        "amount": currency.plain(u.amount),
                        "text": u.text,
                    })
                })
                .collect();
            return print_json(&json!({
                "date": date.to_string(),
                "due": due,
                "held": held,
                "unmatched": unmatched,
            }));
        }
        let mut lines = vec![fl!(
            "cli-letters-due-title",
            count = count(run.due.len()),
            date = date.to_string(),
            held = count(run.held.len())
        )];
        // Why a letter is due, in the language chosen (in English the ladder's own
        // sentence, as the JSON writes it).
        for d in &run.due {
            if !d.level.is_rung() {
                lines.push(format!(
                    "  {}",
                    fl!(
                        "cli-letters-due-reminder",
                        customer = d.customer.as_str(),
                        name = level_name(d.level),
                        reason = d.reason.described()
                    )
                ));
                continue;
            }
            lines.push(format!(
                "  {}",
                fl!(
                    "cli-letters-due-rung",
                    customer = d.customer.as_str(),
                    level = d.level.number().to_string(),
                    name = level_name(d.level),
                    net = currency.display(d.net_overdue),
                    oldest = d.oldest_due.to_string(),
                    reason = d.reason.described()
                )
            ));
        }
        if !run.held.is_empty() {
            lines.push(fl!("cli-letters-held"));
            for h in &run.held {
                // The ladder's own sentence, as scripts have read it in English.
                lines.push(format!("  {}: {}", h.customer, h.reason.described()));
            }
        }
        print(&lines.join("\n"));
        return Ok(());
    }
    let Some(out) = &args.out else {
        return Err(CliError::Input {
            field: "--out",
            message: crate::fl!("cli-letters-need-out"),
        });
    };
    let total = run.due.len();
    let sent = letters::send_due(
        store,
        &run.due,
        date,
        locale,
        out,
        args.email,
        |done, total| {
            eprint!(
                "\r{}",
                fl!(
                    "cli-letters-progress",
                    done = count(done),
                    total = count(total)
                )
            )
        },
    )?;
    stale_note(sent.stale_removed, out);
    if total > 0 {
        eprintln!();
    }
    let written: Vec<_> = run.due.iter().zip(&sent.written).collect();
    if json_out {
        let rows: Vec<_> = written
            .iter()
            .map(|(d, issued)| {
                json!({
                    "customer": d.customer,
                    "level": d.level.number(),
                    "path": issued.path.display().to_string(),
                    "issued_id": issued.archived,
                    "outbox_id": issued.emailed,
                    "to_print": issued.to_print,
                })
            })
            .collect();
        let mut out = json!({
            "date": date.to_string(),
            "written": rows,
            "combined": sent.combined.as_ref().map(|p| p.display().to_string()),
            "to_print_file": sent.to_print_file.as_ref().map(|p| p.display().to_string()),
        });
        if args.email && sent.written.iter().any(|w| w.emailed.is_some()) {
            // Sent as without JSON; how it went is said on stderr.
            match super::outbox::send(store, false) {
                Ok(report) => eprintln!("{}", super::outbox::said(&report)),
                Err(error) => eprintln!("{}\n{}", super::said(&error), fl!("cli-emails-wait")),
            }
            out["outbox_waiting"] = json!(store.outbox_waiting()?);
        }
        return print_json(&out);
    }
    let reminders = run.due.iter().filter(|d| !d.level.is_rung()).count();
    let mut lines = vec![fl!(
        "cli-letters-written",
        count = count(total - reminders),
        out = out.display().to_string(),
        held = count(run.held.len())
    )];
    if reminders > 0 {
        lines.push(fl!("cli-letters-reminders-too", count = count(reminders)));
    }
    for (d, issued) in &written {
        let when = if d.level.is_rung() {
            fl!("cli-days-overdue", days = signed(d.days_overdue))
        } else {
            fl!("cli-first-falling-due", date = d.oldest_due.to_string())
        };
        lines.push(format!(
            "  {}",
            fl!(
                "cli-letters-written-one",
                customer = d.customer.as_str(),
                level = d.level.number().to_string(),
                when = when,
                path = issued.path.display().to_string()
            )
        ));
    }
    if let Some(combined) = &sent.combined {
        lines.push(format!(
            "  {}",
            fl!(
                "cli-letters-combined",
                path = combined.display().to_string()
            )
        ));
    }
    if args.email {
        lines.extend(email_lines(
            store,
            sent.emailed(),
            &sent.to_print(),
            sent.to_print_file.as_deref(),
        )?);
    }
    print(&lines.join("\n"));
    Ok(())
}

/// "Reconcile first": the money in kept unmatched, one line each with the command that
/// matches it; nothing when there is none.
fn reconcile_warning(unmatched: &[letters::UnmatchedMoney], currency: &Currency) -> Vec<String> {
    if unmatched.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![fl!("cli-reconcile-first", count = count(unmatched.len()))];
    for u in unmatched {
        lines.push(format!(
            "  {}  {} {}  {}  (`{}`)",
            u.date,
            currency.code,
            currency.display(u.amount),
            u.text,
            u.assign_hint()
        ));
    }
    lines
}

fn print_json(value: &serde_json::Value) -> Result<(), CliError> {
    print(&serde_json::to_string_pretty(value).map_err(|e| CliError::Output(e.to_string()))?);
    Ok(())
}

/// A statement kind's name (`open-item`, 未结项目), as the summary of a run says it.
fn statement_kind_name(kind: StatementKind) -> String {
    match kind {
        StatementKind::OpenItem => fl!("cli-statement-kind-open-item"),
        StatementKind::BalanceForward => fl!("cli-statement-kind-balance-forward"),
        StatementKind::Activity => fl!("cli-statement-kind-activity"),
    }
}
