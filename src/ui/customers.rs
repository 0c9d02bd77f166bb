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

pub use load::{load, load_risks};

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use iced::widget::{
    Id, button, column, container, mouse_area, operation, responsive, row, scrollable, space, text,
    text_input,
};
use iced::{Element, Length, Task, Theme};
use rust_decimal::Decimal;

use super::i18n::{t, tf};
use super::screen::ListKey;
use super::widgets::{self, Direction, Scroll};
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
    Loaded(Result<Vec<Row>, String>),
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
    /// Counts reloads: the scores of an older one are dropped.
    generation: u64,
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
        self.generation += 1;
        let generation = self.generation;
        let today = book.today;
        Task::batch([
            book.read(move |store| load(store, today), Message::Loaded),
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

    pub fn close_form(&mut self) {
        self.form = None;
    }

    pub fn is_form_open(&self) -> bool {
        self.form.is_some()
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(Ok(rows)) => {
                let selected = self.selected_code();
                self.rows = rows;
                self.loading = false;
                self.error = None;
                self.selected =
                    selected.and_then(|code| self.rows.iter().position(|r| r.code == code));
                self.apply_risks();
                self.refresh();
            }
            Message::RisksLoaded(generation, result) => {
                if generation != self.generation {
                    return (Task::none(), None);
                }
                match result {
                    Ok(risks) => {
                        self.risks = Some(risks);
                        self.apply_risks();
                        self.refresh();
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            Message::Loaded(Err(error)) => {
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
                self.form = Some(form::Form::new(book.store().currency()));
                return (form::Form::focus_first(), None);
            }
            Message::EditSelected => {
                if let Some(code) = self.selected_code() {
                    match book.store().customer(&code) {
                        Ok(customer) => {
                            self.form = Some(form::Form::edit(&customer, book.store().currency()));
                            return (form::Form::focus_first(), None);
                        }
                        Err(error) => self.error = Some(error.to_string()),
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

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        if let Some(form) = &self.form {
            return form.view(book).map(Message::Form);
        }
        let filters = row![
            filter_button(t("All"), Filter::All, self.filter),
            filter_button(t("Overdue"), Filter::Overdue, self.filter),
            filter_button(t("Follow-up due"), Filter::FollowUpDue, self.filter),
            filter_button(t("On hold"), Filter::OnHold, self.filter),
        ]
        .spacing(4);
        let toolbar = row![
            text_input(t("Search name or code"), &self.search)
                .id(SEARCH)
                .on_input(Message::Search)
                .on_submit(Message::OpenSelected)
                .padding(8)
                .width(Length::Fixed(320.0)),
            filters,
            space::horizontal(),
            widgets::secondary(
                t("Edit customer"),
                self.selected.map(|_| Message::EditSelected)
            ),
            widgets::action(t("New customer"), Some(Message::NewCustomer)),
        ]
        .spacing(12)
        .align_y(iced::Alignment::Center);

        let status: Element<'a, Message> = match (&self.error, self.loading) {
            (Some(error), _) => widgets::danger_text(error.as_str()).into(),
            (None, true) => widgets::muted(t("Loading…")).into(),
            (None, false) => widgets::muted(t(
                "↑↓ select · Enter or double-click opens the ledger · click a header to sort",
            ))
            .into(),
        };

        column![
            text(t("Customers")).size(24).font(widgets::BOLD),
            toolbar,
            // A narrow window leaves out the contact dates so every figure keeps its
            // width and the names still show.
            responsive(move |size| self.table(book, size.width >= WIDE_TABLE)),
            self.risk_detail(),
            status
        ]
        .spacing(8)
        .into()
    }

    /// The header, the rows and the totals; `wide` shows the contact dates too.
    fn table<'a>(&'a self, book: &'a Book, wide: bool) -> Element<'a, Message> {
        let (sort_column, sort_direction) = self.sort;
        let header = |label: &'static str, column: Column, width: Length, right: bool| {
            widgets::header_cell(
                t(label),
                width,
                right,
                (sort_column == column).then_some(sort_direction),
                Some(Message::Sort(column)),
            )
        };
        let mut header_row = row![
            header("Code", Column::Code, CODE, false),
            header("Name", Column::Name, NAME, false),
            header("Balance", Column::Balance, MONEY, true),
            header("Overdue", Column::Overdue, MONEY, true),
            header("Days late", Column::Oldest, DAYS, true),
        ];
        if wide {
            header_row = header_row
                .push(header("Last contact", Column::LastContact, DATE, false))
                .push(header("Next follow-up", Column::NextFollowUp, DATE, false));
        }
        let header = container(header_row.extend([
            header("Credit used", Column::Credit, CREDIT, true),
            header("Risk", Column::Risk, RISK, true),
            space().width(widgets::GUTTER).into(),
        ]))
        .style(widgets::band);

        let list = widgets::virtual_list(
            LIST,
            self.visible.len(),
            &self.scroll,
            Message::Scrolled,
            |position| {
                let index = self.visible[position];
                self.row_view(index, position, wide)
            },
        );
        // A new book says what to do first rather than showing an empty table.
        let list: Element<'a, Message> = if self.rows.is_empty() && !self.loading {
            container(widgets::muted(t(
                "No customers yet. New customer adds one; `owed load` brings in a spreadsheet.",
            )))
            .padding(16)
            .height(Length::Fill)
            .into()
        } else {
            list
        };

        let totals = container(row![
            widgets::total_cell(t("Total"), CODE, false),
            widgets::total_cell(
                tf(
                    "{shown} of {all} customers",
                    &[
                        ("shown", &self.visible.len().to_string()),
                        ("all", &self.rows.len().to_string())
                    ]
                ),
                NAME,
                false
            ),
            widgets::total_cell(book.money(self.totals.0), MONEY, true),
            widgets::total_cell(book.money(self.totals.1), MONEY, true),
            space().width(DAYS),
            space().width(if wide { DATE_PAIR } else { Length::Shrink }),
            space().width(CREDIT),
            space().width(RISK),
            space().width(widgets::GUTTER),
        ])
        .style(widgets::band);

        column![header, list, totals].spacing(8).into()
    }

    /// The score on its band's colour, "…" while the scores load.
    fn risk_cell<'a>(&self, row: &'a Row) -> Element<'a, Message> {
        let content: Element<'a, Message> = match &row.risk {
            Some(risk) => crate::ui::risk::badge(risk.score.to_string(), risk.band, 13.0),
            None if self.risks.is_none() => widgets::muted("…").into(),
            None => space().into(),
        };
        container(content)
            .width(RISK)
            .padding([3, 6])
            .align_x(iced::alignment::Horizontal::Right)
            .into()
    }

    /// The selected customer's risk in words, under the list.
    fn risk_detail<'a>(&'a self) -> Element<'a, Message> {
        let Some(row) = self.selected.and_then(|i| self.rows.get(i)) else {
            return space().into();
        };
        match &row.risk {
            Some(risk) => row![
                crate::ui::risk::badge(crate::ui::risk::band_and_score(risk), risk.band, 13.0),
                text(tf(
                    "{code} · {name}: {why}",
                    &[
                        ("code", &row.code),
                        ("name", &row.name),
                        ("why", &crate::ui::risk::reasons_text(risk)),
                    ],
                ))
                .size(13),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center)
            .into(),
            None => {
                widgets::muted(tf("{code} · risk score loading…", &[("code", &row.code)])).into()
            }
        }
    }

    fn row_view<'a>(&'a self, index: usize, position: usize, wide: bool) -> Element<'a, Message> {
        let row_data = &self.rows[index];
        let selected = self.selected == Some(index);
        let days = row_data
            .oldest_days_overdue
            .map(|d| d.to_string())
            .unwrap_or_default();
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let overdue: Element<'a, Message> = if row_data.overdue.is_positive() {
            container(
                text(row_data.overdue_text.as_str())
                    .size(14)
                    .style(|theme: &Theme| text::Style {
                        color: Some(widgets::warning_color(theme)),
                    })
                    .align_x(iced::alignment::Horizontal::Right)
                    .width(Length::Fill),
            )
            .width(MONEY)
            .padding([4, 6])
            .into()
        } else {
            widgets::amount_cell(row_data.overdue_text.as_str(), MONEY)
        };
        let follow_up_due = row_data.next_follow_up.is_some_and(|d| d <= self.today);
        let next: Element<'a, Message> = if follow_up_due {
            container(
                text(date(row_data.next_follow_up))
                    .size(14)
                    .style(|theme: &Theme| text::Style {
                        color: Some(widgets::warning_color(theme)),
                    }),
            )
            .width(DATE)
            .padding([4, 6])
            .into()
        } else {
            widgets::cell(date(row_data.next_follow_up), DATE)
        };
        let mut content = row![
            widgets::cell(row_data.code.as_str(), CODE),
            widgets::cell(row_data.name.as_str(), NAME),
            widgets::amount_cell(row_data.balance_text.as_str(), MONEY),
            overdue,
            widgets::amount_cell(days, DAYS),
        ];
        if wide {
            content = content
                .push(widgets::cell(date(row_data.last_contact), DATE))
                .push(next);
        }
        let content = content.extend([
            widgets::amount_cell(row_data.credit_text.as_str(), CREDIT),
            self.risk_cell(row_data),
        ]);
        mouse_area(
            container(content)
                .width(Length::Fill)
                .style(widgets::row_style(selected, position % 2 == 1)),
        )
        .on_press(Message::Select(index))
        .on_double_click(Message::Open(index))
        .into()
    }
}

const CODE: Length = Length::Fixed(96.0);
const NAME: Length = Length::FillPortion(1);
const MONEY: Length = Length::Fixed(120.0);
const DAYS: Length = Length::Fixed(84.0);
const DATE: Length = Length::Fixed(116.0);
const CREDIT: Length = Length::Fixed(130.0);
const RISK: Length = Length::Fixed(64.0);
/// The two contact dates together, for the totals row.
const DATE_PAIR: Length = Length::Fixed(232.0);
/// The table's width from which the contact dates show: the fixed columns (about 860)
/// and room for names.
const WIDE_TABLE: f32 = 1000.0;

fn filter_button<'a>(label: &'a str, filter: Filter, current: Filter) -> Element<'a, Message> {
    let active = filter == current;
    button(text(label).size(14))
        .padding([6, 10])
        .style(move |theme: &Theme, status| {
            if active {
                button::primary(theme, status)
            } else {
                button::secondary(theme, status)
            }
        })
        .on_press(Message::Filter(filter))
        .into()
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
