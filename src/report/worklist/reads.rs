//! Where the worklist's reads run: the year of settled items and the promises that the
//! risk rows need on threads of their own while this one ages the book, and the
//! customer list `owed overview` shows beside the worklist made from the same aging.

use chrono::NaiveDate;

use super::{Worklist, worklist_with};
use crate::report::CustomerSummary;
use crate::report::letters::Result;
use crate::report::risk::{HabitReads, habit_reads, habits_read, promises_read};
use crate::report::statement::Context;
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
    // The risk rows need a year of settled items and the promises, read for the whole
    // book: for a book in a file, each on a thread with a read-only connection of its
    // own while this one ages the book (on a book of a million invoices, 1.7 s → under
    // 1 s).
    match store.path() {
        Some(path) => std::thread::scope(|scope| {
            let habits = scope.spawn(move || habits_read(&Store::open(path, Access::Read)?, date));
            let promises =
                scope.spawn(move || promises_read(&Store::open(path, Access::Read)?, date));
            let habits = || {
                let habits = habits
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p));
                let promises = promises
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p));
                Ok(HabitReads::from_halves(habits?, promises?))
            };
            worklist_with(store, date, habits, then)
        }),
        None => worklist_with(store, date, || Ok(habit_reads(store, date)?), then),
    }
}

#[cfg(test)]
mod tests;
