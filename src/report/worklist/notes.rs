//! The worklist's rows from notes: broken and due promises and follow-ups, from each
//! customer's latest note whose date has come (see the kinds in [`super`]).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::{Position, WorkItem, WorkKind};
use crate::domain::{Currency, Money};
use crate::report::letters::Result;
use crate::report::promises::{NoteStatus, note_statuses_for};
use crate::store::{Customer, Note, NoteFilter, Store};

/// The last day of the week from `date` that the week's promises count (`date` and the
/// six days after it).
pub(super) fn week_end(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(6)).unwrap_or(date)
}

/// Each customer's latest note whose follow-up or promise date comes by the end of the
/// week from `date` ([`week_end`]): read once for the note rows (those come by `date`,
/// [`note_items`]) and the week's promises ([`super::totals::promised_within`]), which
/// each read them (and judged them) again: 70 ms of an `owed overview` on a book of a
/// million invoices. The worklist reads them beside the habits, on a thread.
pub(crate) fn week_notes(store: &Store, date: NaiveDate) -> Result<Vec<Note>> {
    Ok(store.notes(&NoteFilter {
        customer: None,
        due_as_of: Some(week_end(date)),
    })?)
}

/// [`week_notes`] each judged as of `date`, once for both their uses.
pub(super) fn judged(
    store: &Store,
    notes: Vec<Note>,
    date: NaiveDate,
    customers: &[Customer],
) -> Result<(Vec<Note>, Vec<NoteStatus>)> {
    let statuses = note_statuses_for(store, &notes, date, customers)?;
    Ok((notes, statuses))
}

/// Whether the note's follow-up or a part of its promise has come by `date` (what
/// [`NoteFilter::due_as_of`] asks of a note).
fn come_by(note: &Note, date: NaiveDate) -> bool {
    note.follow_up.is_some_and(|day| day <= date)
        || note
            .promise
            .as_ref()
            .is_some_and(|p| p.parts().iter().any(|part| part.date <= date))
}

/// The note rows as of `date`, for customers who still owe something (`positions`),
/// from the week's notes judged as of `date` ([`judged`]).
pub(super) fn note_items(
    date: NaiveDate,
    (notes, statuses): (&[Note], &[NoteStatus]),
    positions: &HashMap<&str, Position>,
    currency: &Currency,
) -> Vec<WorkItem> {
    let mut items = Vec::new();
    for (note, status) in notes.iter().zip(statuses) {
        if !come_by(note, date) {
            continue;
        }
        let Some(position) = positions.get(note.customer.as_str()) else {
            continue;
        };
        if !position.owes {
            continue;
        }
        let said = |what: String| format!("{what}; last said: {}", note.summary);
        let promised = note.promise.as_ref().zip(status.promise.as_ref());
        let (kind, amount, day, reason) = match promised {
            Some((promise, standing)) if status.promise_due => {
                // The parts that count now: every short passed one, or the one due today.
                let parts: Vec<_> = if status.promise_broken {
                    standing.short_parts().collect()
                } else {
                    standing.due_today().into_iter().collect()
                };
                let Some(first) = parts.first() else { continue };
                let short: Money = parts.iter().map(|p| p.short()).sum();
                let promised: Money = parts.iter().map(|p| p.amount).sum();
                let plan = if promise.is_plan() {
                    let index = |p: &&crate::domain::note::PartStanding| {
                        standing
                            .parts
                            .iter()
                            .position(|q| q.date == p.date)
                            .unwrap_or(0)
                            + 1
                    };
                    let numbers: Vec<String> = parts.iter().map(|p| index(p).to_string()).collect();
                    format!(
                        " (part {} of a {}-part plan)",
                        numbers.join(", "),
                        promise.parts().len()
                    )
                } else {
                    String::new()
                };
                let words = format!(
                    "promised {} by {}{plan}, {} still short",
                    currency.display(promised),
                    first.date,
                    currency.display(short)
                );
                let kind = if status.promise_broken {
                    WorkKind::PromiseBroken
                } else {
                    WorkKind::PromiseDue
                };
                (kind, short, first.date, said(words))
            }
            _ if status.follow_up_due => {
                let Some(day) = note.follow_up else { continue };
                (
                    WorkKind::FollowUp,
                    position.overdue,
                    day,
                    said(format!("follow up set for {day}")),
                )
            }
            _ => continue,
        };
        items.push(WorkItem {
            kind,
            customer: note.customer.clone(),
            name: note.customer_name.clone(),
            amount: Some(amount),
            date: Some(day),
            reason,
            level: None,
            net_overdue: position.net_overdue,
            bank_row: None,
            dispute: None,
            said: Some(note.summary.clone()),
        });
    }
    items
}
