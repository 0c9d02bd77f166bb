//! The customers screen: every customer with balance, overdue, oldest days overdue, last
//! contact, next follow-up, credit use and risk score; searchable in any script,
//! sortable, filtered (all / overdue / follow-up due / on hold), with a totals row. The
//! list is virtualised: filtering and sorting happen in `update`, and `view` builds only
//! the rows in view.
//!
//! The risk scores read the whole book (a second or so on a very big one), so they load
//! on their own worker beside the list: the list shows at once with "…" in the Risk
//! column until they arrive. Each reload carries a new generation number and a score
//! load of an older one is dropped, so a slow, stale result never overwrites a newer.

pub mod form;
mod load;
mod view;

pub use load::{load, load_risks};

use crate::ui::errors::Described;
use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use iced::Task;
use iced::widget::{Id, operation, scrollable};
use rust_decimal::Decimal;

use super::screen::{Generation, ListKey};
use super::widgets::{Direction, Scroll};
use super::{Book, Event};
use crate::domain::Money;
use crate::domain::risk::Risk;

const SEARCH: &str = "customers-search";
const LIST: &str = "customers-list";

/// One customer as the list shows it; texts are made once, when the list loads.
#[derive(Debug, Clone)]
pub struct Row {
    pub code: String,
    pub name: String,
    /// Code and name in lower case, for search; the name starts at `name_at`.
    key: String,
    name_at: usize,
    pub balance: Money,
    pub overdue: Money,
    pub oldest_days_overdue: Option<i64>,
    pub last_contact: Option<NaiveDate>,
    pub next_follow_up: Option<NaiveDate>,
    pub credit_used_percent: Option<Decimal>,
    pub on_hold: bool,
    pub over_limit: bool,
    /// None until the scores have loaded.
    pub risk: Option<Risk>,
    balance_text: String,
    overdue_text: String,
    credit_text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Overdue,
    FollowUpDue,
    OnHold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    Code,
    Name,
    Balance,
    Overdue,
    Oldest,
    LastContact,
    NextFollowUp,
    Credit,
    Risk,
}

impl Column {
    /// The order a first click sorts in: the riskiest first, the rest ascending.
    fn first_direction(self) -> Direction {
        match self {
            Column::Risk => Direction::Descending,
            _ => Direction::Ascending,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The rows of the load of this generation.
    Loaded(u64, Result<Vec<Row>, String>),
    /// The scores of the load of this generation, by customer code.
    RisksLoaded(u64, Result<HashMap<String, Risk>, String>),
    Search(String),
    Filter(Filter),
    Sort(Column),
    Scrolled(scrollable::Viewport),
    Select(usize),
    Open(usize),
    OpenSelected,
    NewCustomer,
    EditSelected,
    Form(form::Message),
}

#[derive(Default)]
pub struct Customers {
    rows: Vec<Row>,
    /// Indices into `rows` that pass the search and filter, in sort order.
    visible: Vec<usize>,
    search: String,
    filter: Filter,
    sort: (Column, Direction),
    /// Index into `rows`.
    selected: Option<usize>,
    scroll: Scroll,
    loading: bool,
    error: Option<String>,
    totals: (Money, Money),
    form: Option<form::Form>,
    today: NaiveDate,
    /// Which reload is the latest: the rows and scores of an older one are dropped.
    generation: Generation,
    /// How the book writes dates (its locale), for the contact dates.
    locale: crate::domain::company::Locale,
    /// The latest scores, by code; None before the first arrive.
    risks: Option<HashMap<String, Risk>>,
}

impl Customers {
    pub fn new(book: &Book) -> (Customers, Task<Message>) {
        let mut screen = Customers {
            today: book.today,
            ..Customers::default()
        };
        let task = screen.reload(book);
        (screen, task)
    }

    pub fn reload(&mut self, book: &Book) -> Task<Message> {
        self.loading = true;
        let generation = self.generation.start();
        let today = book.today;
        self.locale = book.locale();
        Task::batch([
            book.read(
                move |store| load(store, today),
                move |result| Message::Loaded(generation, result),
            ),
            book.read(
                move |store| load_risks(store, today),
                move |result| Message::RisksLoaded(generation, result),
            ),
        ])
    }

    /// Whether scores have arrived (they stay shown while a reload computes new ones).
    pub fn risks_loaded(&self) -> bool {
        self.risks.is_some()
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The rows that pass the search and filter, in display order.
    pub fn visible(&self) -> impl Iterator<Item = &Row> {
        self.visible.iter().map(|i| &self.rows[*i])
    }

    pub fn selected_code(&self) -> Option<String> {
        self.selected.map(|i| self.rows[i].code.clone())
    }

    pub fn focus_search(&self) -> Task<Message> {
        Task::batch([
            operation::focus(Id::new(SEARCH)),
            operation::select_all(Id::new(SEARCH)),
        ])
    }

    /// Esc: the next review's calendar closes, else the form.
    pub fn close_form(&mut self) {
        if self.form.as_mut().is_some_and(|form| form.close_calendar()) {
            return;
        }
        self.form = None;
    }

    pub fn is_form_open(&self) -> bool {
        self.form.is_some()
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(generation, _) | Message::RisksLoaded(generation, _)
                if !self.generation.is_current(generation) => {}
            Message::Loaded(_, Ok(rows)) => {
                let selected = self.selected_code();
                self.rows = rows;
                self.loading = false;
                self.error = None;
                self.selected =
                    selected.and_then(|code| self.rows.iter().position(|r| r.code == code));
                self.apply_risks();
                self.refresh();
            }
            Message::RisksLoaded(_, result) => match result {
                Ok(risks) => {
                    self.risks = Some(risks);
                    self.apply_risks();
                    self.refresh();
                }
                Err(error) => self.error = Some(error),
            },
            Message::Loaded(_, Err(error)) => {
                self.loading = false;
                self.error = Some(error);
            }
            Message::Search(text) => {
                self.search = text;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::Filter(filter) => {
                self.filter = filter;
                self.refresh();
                return (self.scroll_to_top(), None);
            }
            Message::Sort(column) => {
                self.sort = if self.sort.0 == column {
                    (column, self.sort.1.flip())
                } else {
                    (column, column.first_direction())
                };
                self.refresh();
            }
            Message::Scrolled(viewport) => self.scroll = Scroll::from_viewport(viewport),
            Message::Select(index) => self.selected = Some(index),
            Message::Open(index) => {
                self.selected = Some(index);
                return (
                    Task::none(),
                    Some(Event::OpenLedger(self.rows[index].code.clone())),
                );
            }
            Message::OpenSelected => {
                let index = self.selected.or_else(|| self.visible.first().copied());
                if let Some(index) = index {
                    return (
                        Task::none(),
                        Some(Event::OpenLedger(self.rows[index].code.clone())),
                    );
                }
            }
            Message::NewCustomer => {
                let form = form::Form::new(book.store().currency());
                // Without the policies the form still works; it just fills nothing.
                self.form = Some(match book.store().tier_policies() {
                    Ok(policies) => form.with_policies(policies),
                    Err(_) => form,
                });
                return (form::Form::focus_first(), None);
            }
            Message::EditSelected => {
                if let Some(code) = self.selected_code() {
                    match book.store().customer(&code) {
                        Ok(customer) => {
                            self.form = Some(form::Form::edit(&customer, book.store().currency()));
                            return (form::Form::focus_first(), None);
                        }
                        Err(error) => self.error = Some(error.described()),
                    }
                }
            }
            Message::Form(message) => {
                if let Some(form) = &mut self.form {
                    let (task, event) = form.update(message, book);
                    if let Some(Event::BookChanged) = event {
                        self.form = None;
                    }
                    return (task.map(Message::Form), event);
                }
            }
        }
        (Task::none(), None)
    }

    /// Up/Down/PageUp/PageDown move the selection; Enter opens the ledger.
    pub fn list_key(&mut self, key: ListKey, _book: &Book) -> Task<Message> {
        if self.form.is_some() || self.visible.is_empty() {
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

    /// Puts the latest scores on the rows (the list and the scores arrive in either order).
    fn apply_risks(&mut self) {
        let Some(risks) = &self.risks else { return };
        for row in &mut self.rows {
            row.risk = risks.get(&row.code).cloned();
        }
    }

    /// Recomputes which rows show, in what order, and their totals.
    fn refresh(&mut self) {
        let needle = self.search.trim().to_lowercase();
        let today = self.today;
        let filter = self.filter;
        self.visible = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| needle.is_empty() || row.key.contains(&needle))
            .filter(|(_, row)| match filter {
                Filter::All => true,
                Filter::Overdue => row.overdue.is_positive(),
                Filter::FollowUpDue => row.next_follow_up.is_some_and(|d| d <= today),
                Filter::OnHold => row.on_hold,
            })
            .map(|(i, _)| i)
            .collect();
        let (column, direction) = self.sort;
        let rows = &self.rows;
        self.visible.sort_by(|a, b| {
            let (a, b) = (&rows[*a], &rows[*b]);
            let order = compare(column, a, b).then_with(|| a.code.cmp(&b.code));
            match direction {
                Direction::Ascending => order,
                Direction::Descending => order.reverse(),
            }
        });
        self.totals = self
            .visible
            .iter()
            .fold((Money::ZERO, Money::ZERO), |acc, i| {
                (acc.0 + self.rows[*i].balance, acc.1 + self.rows[*i].overdue)
            });
    }
}

fn compare(column: Column, a: &Row, b: &Row) -> Ordering {
    match column {
        Column::Code => a.code.cmp(&b.code),
        Column::Name => a.key_name().cmp(b.key_name()),
        Column::Balance => a.balance.cmp(&b.balance),
        Column::Overdue => a.overdue.cmp(&b.overdue),
        Column::Oldest => a.oldest_days_overdue.cmp(&b.oldest_days_overdue),
        Column::LastContact => a.last_contact.cmp(&b.last_contact),
        Column::NextFollowUp => a.next_follow_up.cmp(&b.next_follow_up),
        Column::Credit => a.credit_used_percent.cmp(&b.credit_used_percent),
        Column::Risk => risk_score(a).cmp(&risk_score(b)),
    }
}

fn risk_score(row: &Row) -> Option<u8> {
    row.risk.as_ref().map(|r| r.score)
}

impl Row {
    fn key_name(&self) -> &str {
        &self.key[self.name_at..]
    }
}

#[cfg(test)]
mod tests;
