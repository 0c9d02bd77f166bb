//! The figures over the day's worklist: everything overdue, what customers promised to
//! pay this week, and what is held in dispute.

use chrono::{Days, NaiveDate};

use super::super::letters::Result;
use super::super::promises::note_statuses_for;
use crate::domain::Money;
use crate::store::{Customer, NoteFilter, Store};

/// The figures over the worklist: what the day is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Everything past due, over every customer (before credit and disputes).
    pub overdue: Money,
    /// What customers' latest promises still owe with dates from the run date through
    /// the six days after it.
    pub promised_this_week: Money,
    /// What is still open on the items of open disputes.
    pub disputed: Money,
}

/// What customers' latest promises still owe with dates from `date` through `days`
/// days after it: the money the week should bring in by their word.
pub(super) fn promised_within(
    store: &Store,
    date: NaiveDate,
    days: u64,
    customers: &[Customer],
) -> Result<Money> {
    let last = date.checked_add_days(Days::new(days)).unwrap_or(date);
    let notes = store.notes(&NoteFilter {
        customer: None,
        due_as_of: Some(last),
    })?;
    let statuses = note_statuses_for(store, &notes, date, customers)?;
    Ok(notes
        .iter()
        .zip(&statuses)
        .filter(|(_, status)| status.latest)
        .filter_map(|(_, status)| status.promise.as_ref())
        .flat_map(|standing| standing.parts.iter())
        .filter(|part| part.date >= date && part.date <= last)
        .map(|part| part.short())
        .sum())
}
