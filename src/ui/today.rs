//! The Today screen, the first a book opens on: the day's worklist (the same list as
//! `owed worklist`) grouped by what is to be done, with the figures that matter on top —
//! overdue, promised this week, in dispute — and every row one key from its action: log
//! a call, record the payment, apply credit, open or resolve a dispute, pause the
//! letters, preview or send the letter due, acknowledge a risen risk, open the ledger,
//! match bank money.
//!
//! The list loads on a worker thread (a generation number keeps a slow, stale load from
//! overwriting a newer one); rows are laid out as text once per load, and the view
//! builds only the rows in sight, so a worklist of thousands of rows stays quick.
//! Acting on a row takes it off the list at once; the reload that follows every write
//! brings the list back in step with the book.

mod actions;
mod forms;
mod reviewing;
#[cfg(test)]
mod tests;
mod view;

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::widget::scrollable;
use iced::{Element, Task};

pub use actions::Action;
pub use forms::Form;

use super::letter_preview::{self, LetterPreview};
use super::review::{self, ReviewForm};
use super::screen::ListKey;
use super::widgets::Scroll;
use super::{Book, Event};
use crate::domain::interest::Charge;
use crate::fl;
use crate::report::worklist::{WorkItem, WorkKind, Worklist, worklist};
use crate::ui::errors::Described;

const LIST: &str = "today-list";

/// The groups, in the order the screen shows them: what is most pressing first.
pub const GROUPS: [WorkKind; 11] = [
    WorkKind::PromiseBroken,
    WorkKind::PromiseDue,
    WorkKind::LetterDue,
    WorkKind::ApplyCredit,
    WorkKind::FollowUp,
    WorkKind::ReminderDue,
    WorkKind::DisputeOpen,
    WorkKind::PausedUntilPassed,
    WorkKind::ReviewDue,
    WorkKind::Risk,
    WorkKind::UnmatchedMoney,
];

/// One line of the list: a group's heading, or a row of the worklist.
#[derive(Debug, Clone)]
pub enum Line {
    Group {
        kind: WorkKind,
        count: usize,
        /// The group's total, when its rows carry amounts.
        total: String,
    },
    Item {
        /// Index into the worklist's items.
        index: usize,
        customer: String,
        amount: String,
        date: String,
        /// What the row is about, in words.
        what: String,
    },
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(u64, Box<Result<Worklist, String>>),
    Refresh,
    Scrolled(scrollable::Viewport),
    /// Index into the lines.
    Select(usize),
    /// An action on the line at this index (a button, or its key).
    Act(usize, Action),
    Form(forms::Message),
    PreviewLoaded(Result<Box<LetterPreview>, String>),
    Preview(letter_preview::Message),
    ReviewLoaded(Result<Box<ReviewForm>, String>),
    Review(review::Message),
    /// Work out the interest and fees due today by policy (nothing written yet).
    ChargeInterest,
    InterestLoaded(u64, Result<Vec<Charge>, String>),
    /// A job of the form finished on its worker (`true`: it was about the selected row).
    Written(Result<String, String>, bool),
}

pub struct Today {
    generation: u64,
    /// The last "charge interest due" asked for: an older answer is dropped.
    interest_generation: u64,
    pub loading: bool,
    pub error: Option<String>,
    /// What the last action did.
    pub notice: Option<String>,
    pub list: Option<Worklist>,
    pub lines: Vec<Line>,
    /// Index into `lines`, always an item.
    pub selected: Option<usize>,
    scroll: Scroll,
    /// The form open under the list (dispute, pause, resolve, send).
    pub form: Option<Form>,
    /// The letter due, shown as it prints, in place of the list.
    pub preview: Option<LetterPreview>,
    /// A customer's credit review, in place of the list.
    pub review: Option<ReviewForm>,
    /// Rows acted on since the list loaded: hidden until the reload.
    done: Vec<RowKey>,
    /// A form's job is running on a worker: the form waits, nothing more is submitted.
    pub running: bool,
    /// Where letters sent from here are written: the Statements & letters screen's
    /// folder, which the app hands over before each action.
    pub folder: PathBuf,
}

/// What identifies a row across reloads.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowKey {
    kind: WorkKind,
    customer: String,
    bank_row: Option<i64>,
    dispute: Option<i64>,
}

impl RowKey {
    fn of(item: &WorkItem) -> RowKey {
        RowKey {
            kind: item.kind,
            customer: item.customer.clone(),
            bank_row: item.bank_row,
            dispute: item.dispute,
        }
    }
}

impl Today {
    pub fn new(book: &Book) -> (Today, Task<Message>) {
        let mut today = Today {
            generation: 0,
            interest_generation: 0,
            loading: false,
            error: None,
            notice: None,
            list: None,
            lines: Vec::new(),
            selected: None,
            scroll: Scroll::default(),
            form: None,
            preview: None,
            review: None,
            done: Vec::new(),
            running: false,
            folder: PathBuf::new(),
        };
        let task = today.reload(book);
        (today, task)
    }

    /// Loads the day's worklist afresh on a worker thread.
    pub fn reload(&mut self, book: &Book) -> Task<Message> {
        self.generation += 1;
        self.loading = true;
        let generation = self.generation;
        let date = book.today;
        book.read(
            move |store| worklist(store, date).map_err(|e| e.described()),
            move |result| Message::Loaded(generation, Box::new(result)),
        )
    }

    /// The worklist row the selection is on.
    pub fn selected_item(&self) -> Option<&WorkItem> {
        self.item_at(self.selected?)
    }

    fn item_at(&self, line: usize) -> Option<&WorkItem> {
        match self.lines.get(line)? {
            Line::Item { index, .. } => self.list.as_ref()?.items.get(*index),
            Line::Group { .. } => None,
        }
    }

    /// The customer of the selected row, for the app's Ctrl shortcuts.
    pub fn selected_code(&self) -> Option<String> {
        self.selected_item()
            .map(|item| item.customer.clone())
            .filter(|code| !code.is_empty())
    }

    /// Lines shown: the items of each group, under its heading.
    fn lay_out(&mut self, book: &Book) {
        let keep = self.selected_item().map(RowKey::of);
        self.lay_out_keeping(keep, book);
    }

    /// [`Self::lay_out`], keeping `keep` selected when it is still listed.
    fn lay_out_keeping(&mut self, keep: Option<RowKey>, book: &Book) {
        let kept_position = self.selected;
        self.lines.clear();
        let Some(list) = &self.list else {
            self.selected = None;
            return;
        };
        for kind in GROUPS {
            let rows: Vec<usize> = list
                .items
                .iter()
                .enumerate()
                .filter(|(_, item)| item.kind == kind)
                .filter(|(_, item)| !self.done.contains(&RowKey::of(item)))
                .map(|(index, _)| index)
                .collect();
            if rows.is_empty() {
                continue;
            }
            let total = rows
                .iter()
                .filter_map(|&i| list.items[i].amount)
                .fold(None, |sum: Option<crate::domain::Money>, a| {
                    Some(sum.unwrap_or(crate::domain::Money::ZERO) + a)
                })
                .map(|sum| book.money(sum))
                .unwrap_or_default();
            self.lines.push(Line::Group {
                kind,
                count: rows.len(),
                total,
            });
            for index in rows {
                let item = &list.items[index];
                self.lines.push(Line::Item {
                    index,
                    customer: view::customer_text(item),
                    amount: item.amount.map(|a| book.money(a)).unwrap_or_default(),
                    date: item.date.map(|d| book.date(d)).unwrap_or_default(),
                    what: view::what(item, list.risks.get(&item.customer), book),
                });
            }
        }
        // The same row stays selected across a reload; when it is gone (done), the row
        // now in its place, so working down the list is one key after another.
        let same = keep.and_then(|key| {
            (0..self.lines.len()).find(|&i| self.item_at(i).is_some_and(|it| RowKey::of(it) == key))
        });
        self.selected = same
            .or_else(|| kept_position.and_then(|p| self.nearest_item(p)))
            .or_else(|| self.nearest_item(0));
    }

    /// The first item at or after `line`, else the last before it.
    fn nearest_item(&self, line: usize) -> Option<usize> {
        let is_item = |i: &usize| matches!(self.lines[*i], Line::Item { .. });
        (line.min(self.lines.len())..self.lines.len())
            .find(is_item)
            .or_else(|| (0..line.min(self.lines.len())).rev().find(is_item))
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(generation, result) => {
                if generation != self.generation {
                    return (Task::none(), None);
                }
                self.loading = false;
                match *result {
                    Ok(list) => {
                        self.error = None;
                        // The selected row is known by the old list's index: read it
                        // before the new list, whose indices differ, replaces it.
                        let keep = self.selected_item().map(RowKey::of);
                        self.list = Some(list);
                        self.done.clear();
                        self.lay_out_keeping(keep, book);
                    }
                    Err(error) => self.error = Some(error),
                }
                (Task::none(), None)
            }
            Message::Refresh => (self.reload(book), None),
            Message::Scrolled(viewport) => {
                self.scroll = Scroll::from_viewport(viewport);
                (Task::none(), None)
            }
            Message::Select(line) => {
                if self.item_at(line).is_some() {
                    self.selected = Some(line);
                    self.form = None;
                }
                (Task::none(), None)
            }
            Message::Act(line, action) => {
                if self.item_at(line).is_none() {
                    return (Task::none(), None);
                }
                self.selected = Some(line);
                self.act(action, book)
            }
            Message::Form(message) => self.form_update(message, book),
            Message::ChargeInterest => {
                self.interest_generation += 1;
                let generation = self.interest_generation;
                let date = book.today;
                self.notice = None;
                self.form = None;
                let task = book.read(
                    move |store| store.fees_due(date).map_err(|e| e.described()),
                    move |result| Message::InterestLoaded(generation, result),
                );
                (task, None)
            }
            Message::Written(result, about_the_row) => self.written(result, about_the_row, book),
            Message::InterestLoaded(generation, result) => {
                // A newer ask makes this one stale.
                if generation == self.interest_generation {
                    match result {
                        Ok(charges) => self.form = Some(Form::interest(charges)),
                        Err(error) => self.error = Some(error),
                    }
                }
                (Task::none(), None)
            }
            Message::PreviewLoaded(result) => {
                match result {
                    Ok(preview) => {
                        self.error = None;
                        self.preview = Some(*preview);
                    }
                    Err(error) => self.error = Some(error),
                }
                (Task::none(), None)
            }
            Message::ReviewLoaded(result) => {
                self.review_loaded(result);
                (Task::none(), None)
            }
            Message::Review(message) => self.review_update(message, book),
            Message::Preview(message) => {
                let Some(preview) = &mut self.preview else {
                    return (Task::none(), None);
                };
                let (task, event) = preview.update(message);
                let task = task.map(Message::Preview);
                match event {
                    Some(letter_preview::Event::Close) => self.preview = None,
                    // Sending goes through the same confirmation as S on the row.
                    Some(letter_preview::Event::Send { .. }) => {
                        self.preview = None;
                        let (send, event) = self.act(Action::SendLetter, book);
                        return (Task::batch([task, send]), event);
                    }
                    None => {}
                }
                (task, None)
            }
        }
    }

    /// A list key: move the selection (past group headings) or act on Enter.
    pub fn list_key(&mut self, key: ListKey, book: &mut Book) -> (Task<Message>, Option<Event>) {
        if self.preview.is_some() || self.review.is_some() {
            return (Task::none(), None);
        }
        if let Some(form) = &self.form {
            // Enter confirms a send (it has no field to take the key); other forms submit
            // from their fields.
            return match (form, key) {
                (Form::Send { .. } | Form::Interest { .. }, ListKey::Enter) => {
                    self.form_update(forms::Message::Submit, book)
                }
                _ => (Task::none(), None),
            };
        }
        if key == ListKey::Enter {
            let first = self
                .selected_item()
                .and_then(|item| actions::of(item).first().copied());
            return match first {
                Some(action) => self.act(action, book),
                None => (Task::none(), None),
            };
        }
        let Some(mut next) = self.scroll.step(key, self.selected, self.lines.len()) else {
            return (Task::none(), None);
        };
        let down = matches!(key, ListKey::Down | ListKey::PageDown)
            || (self.selected.is_none() && key == ListKey::Up);
        while matches!(self.lines.get(next), Some(Line::Group { .. })) {
            next = match (down, next) {
                (true, n) if n + 1 < self.lines.len() => n + 1,
                (false, 0) => match self.nearest_item(0) {
                    Some(first) => first,
                    None => return (Task::none(), None),
                },
                (false, n) => n - 1,
                (true, _) => match self.selected {
                    Some(stay) => stay,
                    None => return (Task::none(), None),
                },
            };
        }
        self.selected = Some(next);
        (self.scroll.reveal(LIST, next), None)
    }

    /// A plain letter key: the selected row's action bound to it, if it has one.
    pub fn letter_key(&mut self, key: char, book: &mut Book) -> (Task<Message>, Option<Event>) {
        if self.form.is_some() || self.preview.is_some() || self.review.is_some() {
            return (Task::none(), None);
        }
        let action = self
            .selected_item()
            .and_then(|item| actions::of(item).into_iter().find(|a| a.key() == key));
        match action {
            Some(action) => self.act(action, book),
            None => (Task::none(), None),
        }
    }

    /// Esc: the review, the preview or the form closes.
    pub fn close_form(&mut self) {
        if self.review.take().is_none() && self.preview.take().is_none() {
            self.form = None;
        }
    }

    /// Hides the selected row until the next load: it has been dealt with.
    fn mark_done(&mut self, book: &Book) {
        if let Some(key) = self.selected_item().map(RowKey::of) {
            self.done.push(key);
            self.lay_out(book);
        }
    }

    fn act(&mut self, action: Action, book: &mut Book) -> (Task<Message>, Option<Event>) {
        let Some(item) = self.selected_item().cloned() else {
            return (Task::none(), None);
        };
        self.notice = None;
        actions::run(self, action, &item, book)
    }

    fn form_update(
        &mut self,
        message: forms::Message,
        book: &mut Book,
    ) -> (Task<Message>, Option<Event>) {
        if self.running {
            return (Task::none(), None);
        }
        let Some(form) = &mut self.form else {
            return (Task::none(), None);
        };
        // The interest run is about the whole book, not the selected row.
        let about_the_row = !matches!(form, Form::Interest { .. });
        match form.update(message, book) {
            forms::Outcome::Editing => (Task::none(), None),
            forms::Outcome::Cancelled => {
                self.form = None;
                (Task::none(), None)
            }
            forms::Outcome::Done(notice) => self.written(Ok(notice), about_the_row, book),
            forms::Outcome::Run(job) => {
                self.running = true;
                self.notice = Some(fl!("working"));
                let task = book.write(job, move |result| Message::Written(result, about_the_row));
                (task, None)
            }
        }
    }

    /// A form's writing is done: the form closes and the row leaves the list, or the
    /// form stays open saying why it could not be written.
    fn written(
        &mut self,
        result: Result<String, String>,
        about_the_row: bool,
        book: &Book,
    ) -> (Task<Message>, Option<Event>) {
        self.running = false;
        match result {
            Ok(notice) => {
                self.form = None;
                self.notice = Some(notice);
                if about_the_row {
                    self.mark_done(book);
                }
                (Task::none(), Some(Event::BookChanged))
            }
            Err(message) => {
                self.notice = None;
                match &mut self.form {
                    Some(form) => form.failed(message),
                    None => self.error = Some(message),
                }
                (Task::none(), None)
            }
        }
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        match (&self.review, &self.preview) {
            (Some(review), _) => review.view(book).map(Message::Review),
            (None, Some(preview)) => preview.view().map(Message::Preview),
            (None, None) => view::view(self, book),
        }
    }

    /// The day the list is for.
    pub fn date(&self) -> Option<NaiveDate> {
        self.list.as_ref().map(|l| l.date)
    }
}
