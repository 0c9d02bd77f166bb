//! `owed outbox list | send | cancel`: the emails queued with statements and letters,
//! delivered through the owner's mail server. `send` is safe to run again and from
//! cron: it sends what is due (queued, or failed and past its wait) and nothing twice.

use std::sync::atomic::AtomicBool;

use clap::{Args, Subcommand};
use serde_json::json;

use super::CliError;
use super::output::{Table, print};
use super::words::count;
use crate::fl;
use crate::i18n::errors::Described;
use crate::mail::{Mailer, SendReport, password, send_waiting};
use crate::store::{OutboxEntry, Store};

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// The emails in the outbox, newest first, with where each is.
    List(OutboxListArgs),
    /// Deliver what is waiting (queued, or failed and due another try).
    Send(OutboxSendArgs),
    /// Cancel an email that is still waiting: it is never sent.
    Cancel(OutboxCancelArgs),
}

#[derive(Debug, Args)]
pub struct OutboxListArgs {
    /// table or json.
    #[arg(long, value_enum, default_value_t = OutboxFormat::Table)]
    pub format: OutboxFormat,
}

/// How `outbox list` prints: a table for people or JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutboxFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct OutboxSendArgs {
    /// Try the failed ones now too, without waiting their turn.
    #[arg(long)]
    pub now: bool,
}

#[derive(Debug, Args)]
pub struct OutboxCancelArgs {
    /// The id `owed outbox list` shows.
    pub id: i64,
}

/// The email's kind as JSON says it: `statement`, `letter`.
fn kind_key(entry: &OutboxEntry) -> &'static str {
    match entry.kind {
        crate::domain::email::EmailKind::Statement => "statement",
        crate::domain::email::EmailKind::Letter(_) => "letter",
    }
}

/// What went wrong last, in English for JSON: the kind and the server's words.
fn last_error(entry: &OutboxEntry) -> Option<String> {
    match (&entry.failure, &entry.last_error) {
        (Some(failure), Some(words)) => Some(format!("{failure}: {words}")),
        (Some(failure), None) => Some(failure.to_string()),
        (None, words) => words.clone(),
    }
}

pub fn run(store: &mut Store, command: &OutboxCommand) -> Result<(), CliError> {
    match command {
        OutboxCommand::List(args) => list(store, args.format),
        OutboxCommand::Send(args) => {
            let report = send(store, args.now)?;
            print(&said(&report));
            Ok(())
        }
        OutboxCommand::Cancel(args) => {
            let entry = store.cancel_email(args.id)?;
            print(&fl!(
                "cli-outbox-cancelled",
                id = entry.id.to_string(),
                customer = entry.customer.as_str(),
                subject = entry.subject.as_str()
            ));
            Ok(())
        }
    }
}

fn list(store: &Store, format: OutboxFormat) -> Result<(), CliError> {
    let entries = store.outbox()?;
    if format == OutboxFormat::Json {
        let rows: Vec<_> = entries
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "customer": e.customer,
                    "to": e.to,
                    "subject": e.subject,
                    "kind": kind_key(e),
                    "level": match e.kind {
                        crate::domain::email::EmailKind::Letter(level) => Some(level.number()),
                        _ => None,
                    },
                    "issued_id": e.issued_id,
                    "status": e.status.as_str(),
                    "attempts": e.attempts,
                    "last_error": last_error(e),
                    "next_try": e.next_try,
                    "queued_at": e.queued_at,
                    "sent_at": e.sent_at,
                    "message_id": e.message_id,
                })
            })
            .collect();
        print(&serde_json::to_string_pretty(&rows).map_err(|e| CliError::Output(e.to_string()))?);
        return Ok(());
    }
    if entries.is_empty() {
        print(&fl!("cli-outbox-empty"));
        return Ok(());
    }
    let mut table = Table::headed(
        vec![
            fl!("cli-col-id"),
            fl!("cli-col-customer"),
            fl!("cli-outbox-col-to"),
            fl!("cli-outbox-col-subject"),
            fl!("cli-outbox-col-status"),
            fl!("cli-outbox-col-attempts"),
            fl!("cli-outbox-col-why"),
        ],
        &[true, false, false, false, false, true, false],
    );
    for e in &entries {
        let why = match (&e.failure, &e.last_error) {
            (Some(failure), words) => {
                let kind = failure.described();
                match words {
                    Some(words) => format!("{kind}: {words}"),
                    None => kind,
                }
            }
            (None, _) => String::new(),
        };
        table.rows.push(vec![
            e.id.to_string(),
            e.customer.clone(),
            e.to.join(", "),
            e.subject.clone(),
            crate::i18n::errors::outbox_status_text(e.status.as_str()),
            e.attempts.to_string(),
            why,
        ]);
    }
    print(&table.render());
    Ok(())
}

/// Delivers what is waiting, with progress on stderr; the report.
pub fn send(store: &mut Store, now: bool) -> Result<SendReport, CliError> {
    if store.outbox_waiting()? == 0 {
        return Ok(SendReport::default());
    }
    let settings = store.email_settings()?;
    let company = store.company_profile()?.name;
    let mailer = Mailer::new(&settings, &company, password(&settings))?;
    let stop = AtomicBool::new(false);
    let report = send_waiting(
        store,
        &mailer,
        now,
        |report| {
            let done = report.sent + report.failed;
            if done % 25 == 0 {
                eprintln!(
                    "{}",
                    fl!(
                        "cli-outbox-progress",
                        sent = count(report.sent),
                        failed = count(report.failed)
                    )
                );
            }
        },
        &stop,
    )?;
    Ok(report)
}

/// One line of what a send did.
pub fn said(report: &SendReport) -> String {
    let mut line = fl!(
        "cli-outbox-sent",
        sent = count(report.sent),
        failed = count(report.failed),
        waiting = count(report.waiting)
    );
    if let Some(failure) = report.stopped {
        line.push('\n');
        line.push_str(&fl!("cli-outbox-stopped", why = failure.described()));
    }
    line
}
