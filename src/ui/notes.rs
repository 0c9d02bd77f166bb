//! The collection notes screen: every customer's notes, newest first, filterable by
//! customer (code or name, any script), channel and standing (follow-up due, promise due,
//! promise broken). Standings are worked out on the worker thread when the notes load;
//! filtering happens in `update`, and the virtualised list builds only the rows in view.

pub mod entry;
mod list;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::NaiveDate;
use iced::widget::{Id, operation, scrollable};
use iced::{Element, Task};

use super::screen::{Generation, ListKey};
use super::widgets::Scroll;
use super::{Book, Event};
use crate::domain::Currency;
use crate::domain::note::{Channel, Direction, Promise, PromiseStatus};
use crate::fl;
use crate::report::{self, NoteStatus};
use crate::store::{NoteFilter, Store};
use crate::ui::errors::Described;

const SEARCH: &str = "notes-search";
const LIST: &str = "notes-list";
/// Longest summary a one-line row shows; the detail panel shows all of it.
const ROW_SUMMARY_CHARS: usize = 90;

/// One note as the list shows it; texts are made once, when the notes load.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// Code and name in lower case, for the customer filter.
    key: String,
    /// `YYYY-MM-DD HH:MM`, local to where it was logged.
    pub when: String,
    pub channel: Channel,
    pub direction: Direction,
    pub summary: String,
    /// The summary's first line, shortened to fit a row.
    line: String,
    pub outcome: Option<String>,
    pub promise: Option<Promise>,
    pub follow_up: Option<NaiveDate>,
    pub invoice: Option<String>,
    pub status: NoteStatus,
    customer_text: String,
    how_text: String,
    promise_date: String,
    promise_amount: String,
}

/// Which notes show by their standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    FollowUpDue,
    PromiseDue,
    PromiseBroken,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::All,
        StatusFilter::FollowUpDue,
        StatusFilter::PromiseDue,
        StatusFilter::PromiseBroken,
    ];

    pub fn label(self) -> String {
        match self {
            StatusFilter::All => fl!("all"),
            StatusFilter::FollowUpDue => fl!("follow-up-due"),
            StatusFilter::PromiseDue => fl!("promise-due"),
            StatusFilter::PromiseBroken => fl!("promise-broken"),
        }
    }

    fn admits(self, status: &NoteStatus) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::FollowUpDue => status.follow_up_due,
            StatusFilter::PromiseDue => status.promise_due,
            StatusFilter::PromiseBroken => status.promise_broken,
        }
    }
}

/// A channel's and a direction's names in the screens' language (shared with the
/// command line).
pub use crate::i18n::words::{channel_name, direction_name};

/// The channel filter's choices: every channel, or one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChannelChoice {
    #[default]
    All,
    Only(Channel),
}

impl ChannelChoice {
    pub const ALL: [ChannelChoice; 7] = [
        ChannelChoice::All,
        ChannelChoice::Only(Channel::Call),
        ChannelChoice::Only(Channel::Email),
        ChannelChoice::Only(Channel::Letter),
        ChannelChoice::Only(Channel::Visit),
        ChannelChoice::Only(Channel::Message),
        ChannelChoice::Only(Channel::Other),
    ];

    fn admits(self, channel: Channel) -> bool {
        match self {
            ChannelChoice::All => true,
            ChannelChoice::Only(only) => only == channel,
        }
    }
}

impl fmt::Display for ChannelChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChannelChoice::All => f.write_str(&fl!("all-channels")),
            ChannelChoice::Only(channel) => f.write_str(&channel_name(*channel)),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The notes of the load of this generation.
    Loaded(u64, Result<Vec<Row>, String>),
    Search(String),
    Channel(ChannelChoice),
    Status(StatusFilter),
    Scrolled(scrollable::Viewport),
    /// Index into the loaded rows.
    Select(usize),
    Open(usize),
    OpenSelected,
    LogNote,
}

#[derive(Default)]
pub struct Notes {
    rows: Vec<Row>,
    /// Indices into `rows` that pass the filters, newest first.
    visible: Vec<usize>,
    /// How many notes pass the customer and channel filters, per [`StatusFilter::ALL`].
    counts: [usize; 4],
    search: String,
    channel: ChannelChoice,
    status: StatusFilter,
    /// Index into `rows`.
    selected: Option<usize>,
    scroll: Scroll,
    loading: bool,
    error: Option<String>,
    /// Which reload is the latest: the notes of an older one are dropped.
    generation: Generation,
    /// How the book writes dates (its locale).
    locale: crate::domain::company::Locale,
}

impl Notes {
    pub fn new(book: &Book) -> (Notes, Task<Message>) {
        let mut screen = Notes::default();
        let task = screen.reload(book);
        (screen, task)
    }

    pub fn reload(&mut self, book: &Book) -> Task<Message> {
        self.loading = true;
        let today = book.today;
        let generation = self.generation.start();
        self.locale = book.locale();
        book.read(
            move |store| load(store, today),
            move |result| Message::Loaded(generation, result),
        )
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The notes that pass the filters, in display order.
    pub fn visible(&self) -> impl Iterator<Item = &Row> {
        self.visible.iter().map(|i| &self.rows[*i])
    }

    /// How many notes (within the customer and channel filters) each status filter shows.
    pub fn count(&self, filter: StatusFilter) -> usize {
        let at = StatusFilter::ALL.iter().position(|f| *f == filter);
        at.map_or(0, |i| self.counts[i])
    }

    pub fn selected(&self) -> Option<&Row> {
        self.selected.map(|i| &self.rows[i])
    }

    pub fn selected_code(&self) -> Option<String> {
        self.selected().map(|row| row.code.clone())
    }

    pub fn focus_search(&self) -> Task<Message> {
        Task::batch([
            operation::focus(Id::new(SEARCH)),
            operation::select_all(Id::new(SEARCH)),
        ])
    }

    pub fn update(&mut self, message: Message, _book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(generation, _) if !self.generation.is_current(generation) => {}
            Message::Loaded(_, Ok(rows)) => {
                let selected = self.selected().map(|row| row.id);
                self.rows = rows;
                self.loading = false;
                self.error = None;
                self.selected = selected.and_then(|id| self.rows.iter().position(|r| r.id == id));
                self.refresh();
            }
            Message::Loaded(_, Err(error)) => {
                self.loading = false;
                self.error = Some(error);
            }
            Message::Search(text) => {
                self.search = text;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::Channel(choice) => {
                self.channel = choice;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::Status(filter) => {
                self.status = filter;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::Scrolled(viewport) => self.scroll = Scroll::from_viewport(viewport),
            Message::Select(index) if index < self.rows.len() => self.selected = Some(index),
            Message::Open(index) if index < self.rows.len() => {
                self.selected = Some(index);
                return (
                    Task::none(),
                    Some(Event::OpenLedger(self.rows[index].code.clone())),
                );
            }
            Message::Select(_) | Message::Open(_) => {}
            Message::OpenSelected => {
                if let Some(code) = self.selected_code() {
                    return (Task::none(), Some(Event::OpenLedger(code)));
                }
            }
            Message::LogNote => return (Task::none(), Some(Event::LogNote(self.selected_code()))),
        }
        (Task::none(), None)
    }

    /// Up/Down/PageUp/PageDown move the selection through the notes shown; Enter opens
    /// the selected note's ledger. (For the app to route the list keys here.)
    pub fn list_key(&mut self, key: ListKey, _book: &Book) -> Task<Message> {
        if self.visible.is_empty() {
            return Task::none();
        }
        let position = self
            .selected
            .and_then(|s| self.visible.iter().position(|i| *i == s));
        let Some(next) = self.scroll.step(key, position, self.visible.len()) else {
            return Task::done(Message::OpenSelected);
        };
        self.selected = Some(self.visible[next]);
        self.scroll.reveal(LIST, next)
    }

    fn scroll_to_top(&mut self) -> Task<Message> {
        self.scroll.to_top(LIST)
    }

    /// Recomputes which notes show and the counts on the status filters. The rows are
    /// already newest first, so filtering keeps the order.
    fn refresh(&mut self) {
        let needle = self.search.trim().to_lowercase();
        let channel = self.channel;
        let status = self.status;
        let mut counts = [0; 4];
        self.visible.clear();
        for (index, row) in self.rows.iter().enumerate() {
            if !channel.admits(row.channel) || !(needle.is_empty() || row.key.contains(&needle)) {
                continue;
            }
            for (count, filter) in counts.iter_mut().zip(StatusFilter::ALL) {
                *count += usize::from(filter.admits(&row.status));
            }
            if status.admits(&row.status) {
                self.visible.push(index);
            }
        }
        self.counts = counts;
        // A note filtered out of sight is no longer "in hand" for Ctrl+L or Open ledger.
        if let Some(selected) = self.selected
            && self.visible.binary_search(&selected).is_err()
        {
            self.selected = None;
        }
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        list::view(self, book)
    }
}

/// Every note with its standing as of `today`, newest first (runs on a worker thread).
pub fn load(store: &Store, today: NaiveDate) -> Result<Vec<Row>, String> {
    let notes = store
        .notes(&NoteFilter::default())
        .map_err(|e| e.described())?;
    let statuses = report::note_statuses(store, &notes, today).map_err(|e| e.described())?;
    let currency = store.currency();
    // Dates as the book writes them; the default form if its settings cannot be read.
    let locale = store
        .company_profile()
        .map(|profile| profile.locale)
        .unwrap_or_default();
    Ok(notes
        .into_iter()
        .zip(statuses)
        .map(|(note, status)| {
            let (promise_date, promise_amount) = note
                .promise
                .as_ref()
                .map(|p| promise_texts(p, &status, currency, locale))
                .unwrap_or_default();
            Row {
                id: note.id,
                key: format!(
                    "{} {}",
                    note.customer.to_lowercase(),
                    note.customer_name.to_lowercase()
                ),
                customer_text: format!("{} {}", note.customer, note.customer_name),
                when: note.at.get(..16).unwrap_or(&note.at).replacen('T', " ", 1),
                how_text: format!(
                    "{} · {}",
                    channel_name(note.channel),
                    direction_name(note.direction)
                ),
                line: first_line(
                    &crate::i18n::words::note_summary_text(&note.summary),
                    ROW_SUMMARY_CHARS,
                ),
                code: note.customer,
                name: note.customer_name,
                channel: note.channel,
                direction: note.direction,
                summary: note.summary,
                outcome: note.outcome,
                promise: note.promise,
                follow_up: note.follow_up,
                invoice: note.invoice,
                status,
                promise_date,
                promise_amount,
            }
        })
        .collect())
}

/// The date and amount a row shows for a promise: its own for one date; for a plan, the
/// part it waits for (or the last) and which part of how many.
fn promise_texts(
    promise: &Promise,
    status: &NoteStatus,
    currency: &Currency,
    locale: crate::domain::company::Locale,
) -> (String, String) {
    if !promise.is_plan() {
        return (
            locale.format_date(promise.last_date()),
            currency.display(promise.total()),
        );
    }
    let standing = status.promise.as_ref();
    let parts = promise.parts();
    let at = standing
        .and_then(|s| s.parts.iter().position(|p| p.status == PromiseStatus::Open))
        .unwrap_or(parts.len() - 1);
    (
        format!(
            "{} {}/{}",
            locale.format_date(parts[at].date),
            at + 1,
            parts.len()
        ),
        currency.display(parts[at].amount),
    )
}

/// The first line of `text`, cut to `max` characters (not bytes: any script) with "…".
fn first_line(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    let cut = line.char_indices().nth(max).map(|(at, _)| at);
    match cut {
        Some(at) => format!("{}…", &line[..at]),
        None if line.len() < text.trim_end().len() => format!("{line} …"),
        None => line.to_string(),
    }
}
