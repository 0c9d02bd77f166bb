//! The quick note entry (Ctrl+L from anywhere), over whatever screen is showing. It
//! opens with the customer in hand filled in and the cursor in the summary, so a note is
//! three keystrokes and a sentence: Ctrl+L, type, Enter. Every field is checked as it is
//! typed, the reason shown beside it; saving goes through the same store function as
//! `owed note add`.

use std::fmt;

use iced::widget::{
    Id, column, container, operation, pick_list, radio, row, space, text, text_input,
};
use iced::{Alignment, Element, Length, Task};

use crate::domain::Currency;
use crate::domain::ids::CustomerId;
use crate::domain::note::{Channel, Direction, NoteDraft, NoteError, Promise};
use crate::fl;
use crate::store::{Store, StoreError};
use crate::ui::errors::Described;
use crate::ui::widgets::{self, DatePicker, date_picker};
use crate::ui::{Book, Event};

pub const CUSTOMER: &str = "entry-customer";
pub const SUMMARY: &str = "entry-summary";

#[derive(Debug, Clone)]
pub enum Message {
    Customer(String),
    Channel(ChannelOption),
    Direction(Direction),
    Summary(String),
    Outcome(String),
    PromiseDate(String),
    /// The promise date's calendar; a day picked there is typed as its date.
    PromisePick(date_picker::Message),
    PromiseAmount(String),
    FollowUp(String),
    /// The follow-up's calendar.
    FollowUpPick(date_picker::Message),
    Invoice(String),
    Save,
    Cancel,
}

/// A channel as the picker shows it, in the screens' language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChannelOption(pub Channel);

const CHANNELS: [ChannelOption; 6] = [
    ChannelOption(Channel::Call),
    ChannelOption(Channel::Email),
    ChannelOption(Channel::Letter),
    ChannelOption(Channel::Visit),
    ChannelOption(Channel::Message),
    ChannelOption(Channel::Other),
];

impl fmt::Display for ChannelOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::channel_name(self.0))
    }
}

pub struct Entry {
    pub customer: String,
    /// The customer `customer` names, looked up as it is typed: (id, name).
    found: Option<(CustomerId, String)>,
    pub channel: Channel,
    pub direction: Direction,
    pub summary: String,
    pub outcome: String,
    pub promise_date: String,
    pub promise_amount: String,
    pub follow_up: String,
    promise_picker: DatePicker,
    follow_up_picker: DatePicker,
    pub invoice: String,
    /// Why the invoice number is refused, looked up as it is typed.
    invoice_problem: Option<String>,
    currency: Currency,
    /// Shown in the empty amount input: `0.00 USD`.
    amount_hint: String,
    /// Whether the summary was typed in (and perhaps emptied again).
    summary_touched: bool,
    /// Why the book refused the last save.
    error: Option<String>,
}

/// Why each field is refused, if it is.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problems {
    pub customer: Option<String>,
    pub summary: Option<String>,
    pub promise_date: Option<String>,
    pub promise_amount: Option<String>,
    pub follow_up: Option<String>,
    pub invoice: Option<String>,
}

impl Problems {
    pub fn any(&self) -> bool {
        *self != Problems::default()
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

impl Entry {
    pub fn new(customer: Option<String>, book: &Book) -> (Entry, Task<Message>) {
        let currency = book.currency().clone();
        let mut entry = Entry {
            customer: customer.unwrap_or_default(),
            found: None,
            channel: Channel::Call,
            direction: Direction::Out,
            summary: String::new(),
            outcome: String::new(),
            promise_date: String::new(),
            promise_amount: String::new(),
            follow_up: String::new(),
            promise_picker: DatePicker::default(),
            follow_up_picker: DatePicker::default(),
            invoice: String::new(),
            invoice_problem: None,
            amount_hint: format!(
                "{} {}",
                currency.editable(crate::domain::Money::ZERO),
                currency.code
            ),
            summary_touched: false,
            currency,
            error: None,
        };
        entry.look_up(book.store());
        let first = if entry.found.is_some() {
            SUMMARY
        } else {
            CUSTOMER
        };
        (entry, operation::focus(Id::new(first)))
    }

    /// The name of the customer the code field names, once it names one.
    pub fn customer_name(&self) -> Option<&str> {
        self.found.as_ref().map(|(_, name)| name.as_str())
    }

    /// Why the book refused the last save.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Finds the customer and the invoice the fields name, so `draft` can check them
    /// without the book (it runs on every `view`).
    fn look_up(&mut self, store: &Store) {
        self.found = match optional(&self.customer) {
            Some(code) => store
                .find_customer(&code)
                .ok()
                .flatten()
                .map(|c| (c.id, c.name)),
            None => None,
        };
        self.invoice_problem = match (optional(&self.invoice), &self.found) {
            (None, _) | (Some(_), None) => None,
            (Some(number), Some((id, _))) => match store.document(&number) {
                Ok(doc) if doc.customer_id == *id => None,
                Ok(doc) => Some(fl!(
                    "that-is-code-s-not-this",
                    code = doc.customer_code.as_str()
                )),
                Err(StoreError::UnknownDocument(_)) => Some(fl!("no-document-has-this-number")),
                Err(error) => Some(error.described()),
            },
        };
    }

    /// The promise the two promise fields make: a date and an amount, or a whole
    /// repayment plan typed into the date field (`2026-12-10:300,2027-01-10:300`, read
    /// by the same parser as `--promise`) with the amount left empty. Refusals go to
    /// the field that holds the mistake.
    fn promise(&self, problems: &mut Problems) -> Option<Promise> {
        let date_text = optional(&self.promise_date);
        let amount_text = optional(&self.promise_amount);
        if let Some(plan) = date_text.as_deref().filter(|d| d.contains(':')) {
            if amount_text.is_some() {
                problems.promise_amount = Some(fl!("a-plan-gives-each-part-s"));
                return None;
            }
            return Promise::parse(plan, &self.currency)
                .map_err(|e| problems.promise_date = Some(e.described()))
                .ok();
        }
        let date = date_text.map(|d| {
            crate::domain::parse_date(&d).map_err(|e| problems.promise_date = Some(e.described()))
        });
        let amount = amount_text.map(|a| {
            self.currency
                .parse_positive(&a)
                .map_err(|e| problems.promise_amount = Some(e.described()))
        });
        match (date, amount) {
            (Some(Ok(date)), Some(Ok(amount))) => Some(Promise::single(date, amount)),
            (Some(_), None) => {
                problems.promise_amount = Some(fl!("a-promise-needs-an-amount-too"));
                None
            }
            (None, Some(_)) => {
                problems.promise_date = Some(fl!("a-promise-needs-a-date-too"));
                None
            }
            _ => None,
        }
    }

    /// The note the fields make, or why each refused field is refused.
    pub fn draft(&self) -> Result<NoteDraft, Box<Problems>> {
        let mut problems = Problems::default();
        match (optional(&self.customer), &self.found) {
            (None, _) => problems.customer = Some(fl!("enter-the-customer-s-code")),
            (Some(code), None) => {
                problems.customer = Some(fl!("no-customer-has-the-code-code", code = code.as_str()))
            }
            (Some(_), Some(_)) => {}
        }
        if crate::domain::text::is_blank(&self.summary) {
            problems.summary = Some(NoteError::EmptySummary.described());
        } else if let Err(e) = crate::domain::text::check_multiline(
            "summary",
            &self.summary,
            crate::domain::text::TEXT_MAX,
        ) {
            problems.summary = Some(e.described());
        }
        let promise = self.promise(&mut problems);
        let follow_up = optional(&self.follow_up).and_then(|d| {
            crate::domain::parse_date(&d)
                .map_err(|e| problems.follow_up = Some(e.described()))
                .ok()
        });
        problems.invoice = self.invoice_problem.clone();
        if problems.any() {
            return Err(Box::new(problems));
        }
        Ok(NoteDraft {
            customer_code: self.customer.trim().to_string(),
            invoice_number: optional(&self.invoice),
            channel: self.channel,
            direction: self.direction,
            summary: self.summary.trim().to_string(),
            outcome: optional(&self.outcome),
            promise,
            follow_up,
        })
    }

    /// Esc closes an open calendar first; whether one was open.
    pub fn close_calendar(&mut self) -> bool {
        // Both, though only one can be open: a click outside closes the other.
        self.promise_picker.close() | self.follow_up_picker.close()
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        if !matches!(message, Message::Save) {
            self.error = None;
        }
        match message {
            Message::Customer(v) => {
                self.customer = v;
                self.look_up(book.store());
            }
            Message::Invoice(v) => {
                self.invoice = v;
                self.look_up(book.store());
            }
            Message::Channel(v) => self.channel = v.0,
            Message::Direction(v) => self.direction = v,
            Message::Summary(v) => {
                self.summary = v;
                self.summary_touched = true;
            }
            Message::Outcome(v) => self.outcome = v,
            Message::PromiseDate(v) => self.promise_date = v,
            Message::PromiseAmount(v) => self.promise_amount = v,
            Message::FollowUp(v) => self.follow_up = v,
            Message::PromisePick(m) => {
                if let Some(day) = self
                    .promise_picker
                    .update(m, &self.promise_date, book.today)
                {
                    return self.update(Message::PromiseDate(day.to_string()), book);
                }
            }
            Message::FollowUpPick(m) => {
                if let Some(day) = self.follow_up_picker.update(m, &self.follow_up, book.today) {
                    return self.update(Message::FollowUp(day.to_string()), book);
                }
            }
            Message::Cancel => return (Task::none(), Some(Event::Close)),
            Message::Save => {
                let Ok(draft) = self.draft() else {
                    return (Task::none(), None);
                };
                match book.store_mut().add_note(&draft) {
                    Ok(_) => {
                        let said = match self.customer_name() {
                            Some(name) => format!("{} · {name}", self.customer.trim()),
                            None => self.customer.trim().to_string(),
                        };
                        let said = fl!("note-logged-for-customer", customer = said);
                        return (Task::none(), Some(Event::Noted(said)));
                    }
                    Err(error) => self.error = Some(error.described()),
                }
            }
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        let problems = self.draft().err().unwrap_or_default();
        let save = (!problems.any()).then_some(Message::Save);
        let field = |label, hint, id, value, on_input, beside| {
            field(label, hint, id, value, on_input, save.clone(), beside)
        };
        // The customer's row shows the name found, or why none is.
        let customer = match (&problems.customer, self.customer_name()) {
            (Some(problem), _) => reason(problem),
            (None, Some(name)) => text(name).size(14).font(widgets::BOLD).into(),
            (None, None) => space().into(),
        };
        // An untouched empty summary is not yet a mistake.
        let summary = match &problems.summary {
            Some(_) if !self.summary_touched => widgets::muted(fl!("required")).into(),
            Some(problem) => reason(problem),
            None => space().into(),
        };
        let direction = |label, value| {
            radio(label, value, Some(self.direction), Message::Direction)
                .size(14)
                .text_size(14)
        };
        let how = row![
            text(fl!("channel")).size(14).width(LABEL),
            pick_list(
                CHANNELS,
                Some(ChannelOption(self.channel)),
                Message::Channel
            )
            .padding(6)
            .text_size(14)
            .width(Length::Fixed(120.0)),
            direction(fl!("outgoing"), Direction::Out),
            direction(fl!("incoming"), Direction::In),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        let error = match &self.error {
            Some(e) => reason(e),
            None => space().into(),
        };
        let optional = fl!("optional");
        container(
            column![
                widgets::form_title(fl!("log-a-note"), Message::Cancel),
                field(
                    fl!("customer"),
                    &fl!("customer-code"),
                    CUSTOMER,
                    &self.customer,
                    Message::Customer,
                    customer
                ),
                how,
                field(
                    fl!("summary"),
                    &fl!("what-was-said-or-done"),
                    SUMMARY,
                    &self.summary,
                    Message::Summary,
                    summary
                ),
                field(
                    fl!("outcome"),
                    &optional,
                    "entry-outcome",
                    &self.outcome,
                    Message::Outcome,
                    space().into()
                ),
                labelled(
                    fl!("promise-date"),
                    self.promise_picker.view(
                        input(
                            "YYYY-MM-DD",
                            "entry-promise-date",
                            &self.promise_date,
                            Message::PromiseDate,
                            save.clone()
                        )
                        .width(Length::Fixed(date_picker::INPUT_WIDTH)),
                        &self.promise_date,
                        book.today,
                        Message::PromisePick,
                    ),
                    // Beside the field, whole: as a placeholder it was cut at 250 px.
                    match &problems.promise_date {
                        Some(_) => reason_or_space(&problems.promise_date),
                        None => widgets::muted(fl!("yyyy-mm-dd-or-a-plan")).into(),
                    },
                ),
                field(
                    fl!("promise-amount"),
                    &self.amount_hint,
                    "entry-promise-amount",
                    &self.promise_amount,
                    Message::PromiseAmount,
                    reason_or_space(&problems.promise_amount)
                ),
                labelled(
                    fl!("next-follow-up"),
                    self.follow_up_picker.view(
                        input(
                            "YYYY-MM-DD",
                            "entry-follow-up",
                            &self.follow_up,
                            Message::FollowUp,
                            save.clone()
                        )
                        .width(Length::Fixed(date_picker::INPUT_WIDTH)),
                        &self.follow_up,
                        book.today,
                        Message::FollowUpPick,
                    ),
                    reason_or_space(&problems.follow_up),
                ),
                field(
                    fl!("invoice"),
                    &optional,
                    "entry-invoice",
                    &self.invoice,
                    Message::Invoice,
                    reason_or_space(&problems.invoice)
                ),
                error,
                row![
                    widgets::action(fl!("save-enter"), save.clone()),
                    widgets::secondary(fl!("cancel"), Some(Message::Cancel)),
                ]
                .spacing(10),
            ]
            .spacing(10),
        )
        .padding(20)
        .width(Length::Fixed(640.0))
        .style(widgets::panel)
        .into()
    }
}

const LABEL: Length = Length::Fixed(130.0);

/// Like [`widgets::field`], with a hint inside the empty input (a date's format, an
/// amount's currency) and anything beside it: the reason the value is refused, or the
/// customer's name.
fn field<'a>(
    label: String,
    hint: &str,
    id: &'static str,
    value: &'a str,
    on_input: fn(String) -> Message,
    on_submit: Option<Message>,
    beside: Element<'a, Message>,
) -> Element<'a, Message> {
    labelled(
        label,
        input(hint, id, value, on_input, on_submit).into(),
        beside,
    )
}

/// A field's input with its hint, as wide as a form's inputs.
fn input<'a>(
    hint: &str,
    id: &'static str,
    value: &'a str,
    on_input: fn(String) -> Message,
    on_submit: Option<Message>,
) -> text_input::TextInput<'a, Message> {
    widgets::form_input(hint, id, value, on_input, on_submit, widgets::FIELD_WIDTH)
}

/// A field's row: its label, its input (a date's with the calendar's button), and what
/// is beside it.
fn labelled<'a>(
    label: String,
    input: Element<'a, Message>,
    beside: Element<'a, Message>,
) -> Element<'a, Message> {
    row![text(label).size(14).width(LABEL), input, beside]
        .spacing(10)
        .align_y(Alignment::Center)
        .into()
}

fn reason<'a>(problem: &str) -> Element<'a, Message> {
    widgets::danger_text(problem.to_string()).into()
}

fn reason_or_space<'a>(problem: &Option<String>) -> Element<'a, Message> {
    problem.as_deref().map_or_else(|| space().into(), reason)
}

#[cfg(test)]
mod tests;
