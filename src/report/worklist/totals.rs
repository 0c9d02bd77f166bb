//! The figures over the day's worklist: everything overdue, what customers promised to
//! pay this week, and what is held in dispute.

use chrono::NaiveDate;

use super::super::promises::NoteStatus;
use crate::domain::Money;
use crate::store::Note;

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

/// What customers' latest promises still owe with dates from `date` through `last`: the
/// money the week should bring in by their word, from the latest notes come by `last`
/// ([`super::notes::latest_notes`]).
pub(super) fn promised_within(
    date: NaiveDate,
    last: NaiveDate,
    (notes, statuses): (&[Note], &[NoteStatus]),
) -> Money {
    notes
        .iter()
        .zip(statuses)
        .filter(|(_, status)| status.latest)
        .filter_map(|(_, status)| status.promise.as_ref())
        .flat_map(|standing| standing.parts.iter())
        .filter(|part| part.date >= date && part.date <= last)
        .map(|part| part.short())
        .sum()
}
