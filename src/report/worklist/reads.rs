//! Where the worklist's reads run: the year's payment habits with the week's notes, and
//! the promises that the risk rows need, on threads of their own while this one ages the
//! book, and the customer list `owed overview` shows beside the worklist made from the
//! same aging.

use chrono::NaiveDate;

use super::notes::week_notes;
use super::{Worklist, worklist_with};
use crate::report::CustomerSummary;
use crate::report::letters::Result;
use crate::report::risk::{habits_read, promises_read};
use crate::report::statement::Context;
use crate::report::statement::StatementError;
use crate::store::{Access, Customer, Store};

/// The worklist as of `date`.
pub fn worklist(store: &Store, date: NaiveDate) -> Result<Worklist> {
    Ok(worklist_then(store, date, |_, _| ())?.0)
}

/// The worklist and the customer list (as [`crate::report::customer_list`] gives it) as
/// of `date`, from one aging and one read of the customers: `owed overview` shows both,
/// and the list's own read of the aging took 65 ms of it on a book of a million invoices.
pub fn worklist_and_customers(
    store: &Store,
    date: NaiveDate,
) -> Result<(Worklist, Vec<CustomerSummary>)> {
    worklist_then(store, date, |context, customers| {
        context.customer_list(store, customers)
    })
}

fn worklist_then<T>(
    store: &Store,
    date: NaiveDate,
    then: impl FnOnce(&Context, Vec<Customer>) -> T,
) -> Result<(Worklist, T)> {
    // The risk rows need a year's payment habits and the promises, and the note rows each
    // customer's latest note, read for the whole book: for a book in a file, on two
    // threads with read-only connections of their own while this one ages the book (on a
    // book of a million invoices, 1.7 s → under 1 s): the habits and the notes on one
    // (wanted first, by the note rows), the promises on the other (about as long).
    match store.path() {
        Some(path) => std::thread::scope(|scope| {
            let habits = scope.spawn(move || {
                let store = Store::open(path, Access::Read)?;
                Ok::<_, StatementError>((week_notes(&store, date)?, habits_read(&store, date)?))
            });
            let promises =
                scope.spawn(move || promises_read(&Store::open(path, Access::Read)?, date));
            let notes = || joined(habits);
            let promises = || Ok(joined(promises)?);
            worklist_with(store, date, notes, promises, then)
        }),
        None => worklist_with(
            store,
            date,
            || Ok((week_notes(store, date)?, habits_read(store, date)?)),
            || Ok(promises_read(store, date)?),
            then,
        ),
    }
}

/// What a reader thread gave, or its panic carried on here.
fn joined<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p))
}

#[cfg(test)]
mod tests;
