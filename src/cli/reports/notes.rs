//! `owed note list`: the notes, newest first, with each promise and how it stands, as a
//! table (in the language chosen), CSV or JSON (English words and keys, for scripts).

use serde_json::{Value, json};

use super::{amount, emit};
use crate::cli::CliError;
use crate::cli::NoteListArgs;
use crate::cli::output::{Format, Table, headers};
use crate::cli::words::{channel_name, count, direction_name, promise_status_name};
use crate::domain::note::{Promise, PromiseStatus};
use crate::domain::{Currency, Money};
use crate::fl;
use crate::report::{self, NoteStatus};
use crate::store::{NoteFilter, Store};

pub fn notes(store: &Store, args: &NoteListArgs) -> Result<(), CliError> {
    let filter = NoteFilter {
        customer: args.customer.clone(),
        due_as_of: args.due.then(|| chrono::Local::now().date_naive()),
    };
    let notes = store.notes(&filter)?;
    let today = chrono::Local::now().date_naive();
    let statuses = report::note_statuses(store, &notes, today)?;
    let currency = store.currency();
    let f = args.format;
    let people = f == Format::Table;
    let columns = headers(
        f,
        &[
            "at",
            "customer",
            "channel",
            "dir",
            "summary",
            "outcome",
            "promise",
            "follow-up",
        ],
        || {
            vec![
                fl!("cli-col-at"),
                fl!("cli-col-customer"),
                fl!("cli-col-channel"),
                fl!("cli-col-direction"),
                fl!("cli-col-summary"),
                fl!("cli-col-outcome"),
                fl!("cli-col-promise"),
                fl!("cli-col-follow-up"),
            ]
        },
    );
    let mut table = Table::headed(columns, &[false; 8]);
    for (note, status) in notes.iter().zip(&statuses) {
        table.rows.push(vec![
            note.at.get(..16).unwrap_or(&note.at).replace('T', " "),
            note.customer.clone(),
            if people {
                channel_name(note.channel)
            } else {
                note.channel.to_string()
            },
            if people {
                direction_name(note.direction)
            } else {
                note.direction.as_str().to_string()
            },
            if people {
                crate::i18n::words::note_summary_text(&note.summary)
            } else {
                note.summary.clone()
            },
            note.outcome.clone().unwrap_or_default(),
            note.promise
                .as_ref()
                .map(|p| promise_cell(f, currency, p, status))
                .unwrap_or_default(),
            note.follow_up.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    let json = Value::Array(
        notes
            .iter()
            .zip(&statuses)
            .map(|(n, status)| {
                json!({
                    "id": n.id, "at": n.at, "customer": n.customer, "invoice": n.invoice,
                    "channel": n.channel.as_str(), "direction": n.direction.as_str(),
                    "summary": n.summary, "outcome": n.outcome,
                    "promise": n.promise.as_ref().map(|p| promise_json(currency, p, status)),
                    "follow_up": n.follow_up.map(|d| d.to_string()),
                })
            })
            .collect(),
    );
    emit(f, &table, json)
}

/// A promise in a table: `500.00 on 2026-11-30` for one date, `3 parts, next 2027-01-10
/// 300.00` for a plan (or its status once no part is open). In words for people; in
/// CSV the English words, as scripts have read them.
fn promise_cell(f: Format, currency: &Currency, promise: &Promise, status: &NoteStatus) -> String {
    let parts = promise.parts().len();
    let [part] = promise.parts() else {
        let next = status.promise.as_ref().and_then(|s| s.next_open());
        if f != Format::Table {
            return match (next, status.promise_status()) {
                (Some(next), _) => format!(
                    "{parts} parts, next {} {}",
                    next.date,
                    amount(f, currency, next.amount)
                ),
                (None, Some(whole)) => format!("{parts} parts, {whole}"),
                (None, None) => format!("{parts} parts"),
            };
        }
        return match (next, status.promise_status()) {
            (Some(next), _) => fl!(
                "cli-promise-parts-next",
                parts = count(parts),
                date = next.date.to_string(),
                amount = amount(f, currency, next.amount)
            ),
            (None, Some(whole)) => fl!(
                "cli-promise-parts-status",
                parts = count(parts),
                // English keeps the JSON's word (`partly-kept`), as the table always said.
                status = match crate::i18n::language() {
                    crate::i18n::Language::English => whole.to_string(),
                    crate::i18n::Language::SimplifiedChinese => promise_status_name(whole),
                }
            ),
            (None, None) => fl!("cli-promise-parts", parts = count(parts)),
        };
    };
    if f != Format::Table {
        return format!("{} on {}", amount(f, currency, part.amount), part.date);
    }
    fl!(
        "cli-promise-one",
        amount = amount(f, currency, part.amount),
        date = part.date.to_string()
    )
}

/// A promise in `note list --format json`: every part with what was applied to it and
/// its status, the whole promise's status, and (as before plans) the last date and the
/// total.
fn promise_json(currency: &Currency, promise: &Promise, status: &NoteStatus) -> Value {
    let standing = status.promise.as_ref();
    let parts: Vec<Value> = promise
        .parts()
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let judged = standing.and_then(|s| s.parts.get(i));
            json!({
                "date": part.date.to_string(),
                "amount": currency.plain(part.amount),
                "paid": currency.plain(judged.map_or(Money::ZERO, |j| j.paid)),
                "status": judged.map_or(PromiseStatus::Open, |j| j.status).as_str(),
            })
        })
        .collect();
    json!({
        "parts": parts,
        "status": status.promise_status().unwrap_or_default().as_str(),
        "date": promise.last_date().to_string(),
        "amount": currency.plain(promise.total()),
    })
}
