//! The Dashboard: how the book stands and where it is heading, on one screen. Owed,
//! overdue, the overdue share, DSO, CEI and ADD with their change since the end of last
//! month; a twelve-month chart of the overdue by aging bucket (stacked bars) with DSO
//! as a line; the 13-week forecast as bars of the expected and the promised in their
//! low-high band; the ten riskiest customers by risk score and the credit reviews due,
//! each a click from its ledger.
//!
//! Every figure comes from the library's own reports ([`load`]), computed on a worker
//! thread with a generation number, so a slow, stale load never overwrites a newer one.
//! The screen loads the first time it is shown, and again when the book changes while
//! it shows (or the next time it is shown after a change elsewhere): a book of a million
//! invoices is not read on every posting for a screen nobody is looking at. Charts are
//! drawn on iced's canvas, each in a layer of its own, afresh each frame (a few dozen
//! shapes).

mod charts;
pub mod load;
mod panels;
#[cfg(test)]
mod tests;
mod view;

use std::sync::Arc;

use iced::{Element, Task};

pub use load::{Data, PERIOD_DAYS};

use super::{Book, Event};

#[derive(Debug, Clone)]
pub enum Message {
    /// The figures arrived for the request with this generation.
    Loaded(u64, Result<Arc<Data>, String>),
    Refresh,
    /// Open this customer's ledger.
    Open(String),
}

pub struct Dashboard {
    /// Bumped by every request; a result carrying an older number is stale.
    generation: u64,
    loading: bool,
    error: Option<String>,
    data: Option<Arc<Data>>,
    /// The book changed since the figures shown were read.
    stale: bool,
}

impl Default for Dashboard {
    fn default() -> Self {
        Dashboard {
            generation: 0,
            loading: false,
            error: None,
            data: None,
            stale: true,
        }
    }
}

impl Dashboard {
    /// The figures shown: the last that loaded.
    pub fn data(&self) -> Option<&Data> {
        self.data.as_deref()
    }

    pub fn is_loading(&self) -> bool {
        self.loading
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The screen is about to show: loads the figures if there are none yet or the
    /// book changed since.
    pub fn show(&mut self, book: &Book) -> Task<Message> {
        if self.stale && !self.loading {
            self.reload(book)
        } else {
            Task::none()
        }
    }

    /// Something was written: reload now if the screen shows, else when it next does.
    pub fn book_changed(&mut self, book: &Book, showing: bool) -> Task<Message> {
        self.stale = true;
        if showing {
            self.reload(book)
        } else {
            Task::none()
        }
    }

    /// Reads the figures afresh on a worker thread.
    pub fn reload(&mut self, book: &Book) -> Task<Message> {
        self.generation += 1;
        self.loading = true;
        self.stale = false;
        let generation = self.generation;
        let as_of = book.today;
        book.read(
            move |store| load::load(store, as_of).map(Arc::new),
            move |result| Message::Loaded(generation, result),
        )
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(generation, _) if generation != self.generation => {}
            Message::Loaded(_, Ok(data)) => {
                self.loading = false;
                self.error = None;
                self.data = Some(data);
            }
            Message::Loaded(_, Err(error)) => {
                self.loading = false;
                self.error = Some(error);
            }
            Message::Refresh => return (self.reload(book), None),
            Message::Open(code) => return (Task::none(), Some(Event::OpenLedger(code))),
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        view::view(self, book)
    }
}
