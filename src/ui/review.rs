//! The credit review form: a customer's record (days to pay, on-time share, promises
//! kept, overdue now, the highest balance over the last 12 months) beside its tier,
//! limit and next review now, with "Keep as is", which records the review as done
//! changing nothing (the next review moves on by the tier's interval, audited).
//!
//! A component any screen can host (the Today screen opens it from a `review` row, the
//! ledger from its header): the host gets one from [`ReviewForm::load`] (the record read
//! on a worker), shows [`ReviewForm::view`], feeds its messages to
//! [`ReviewForm::update`] and acts on the [`Event`] that comes back: `Reviewed` once the
//! review is written (the host says the notice and reloads), `Close` on Close or Esc.

use chrono::NaiveDate;
use iced::widget::{column, container, row, scrollable, space, text};
use iced::{Alignment, Element, Length, Task};

use super::Book;
use super::i18n::{t, tf};
use super::widgets::{self, BOLD};
use crate::domain::customer::Tier;
use crate::report::review::{ReviewRecord, review_record};
use crate::store::ReviewOutcome;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Record the review, keeping the tier and limit.
    Keep,
    Close,
}

/// What the form asks of the screen hosting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The review is written; the notice says what it did.
    Reviewed(String),
    Close,
}

/// A customer's credit review on screen.
#[derive(Debug, Clone)]
pub struct ReviewForm {
    record: ReviewRecord,
    error: Option<String>,
}

/// The tier as the form says it.
fn tier_text(tier: Option<Tier>) -> String {
    match tier {
        Some(tier) => tf("tier {tier}", &[("tier", &tier.to_string())]),
        None => t("no tier").to_string(),
    }
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| t("none").to_string(), |d| d.to_string())
}

impl ReviewForm {
    pub fn new(record: ReviewRecord) -> ReviewForm {
        ReviewForm {
            record,
            error: None,
        }
    }

    /// Reads customer `code`'s record as of the book's today on a worker (the aging and
    /// the year's payments are read for it).
    pub fn load(book: &Book, code: String) -> Task<Result<ReviewForm, String>> {
        let date = book.today;
        book.read(
            move |store| {
                review_record(store, &code, date)
                    .map(ReviewForm::new)
                    .map_err(|e| e.to_string())
            },
            |built| built,
        )
    }

    /// The record shown.
    pub fn record(&self) -> &ReviewRecord {
        &self.record
    }

    /// Why the last click could not be written.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> Option<Event> {
        match message {
            Message::Close => Some(Event::Close),
            Message::Keep => {
                let code = self.record.customer.code.clone();
                match book
                    .store_mut()
                    .complete_review(&code, ReviewOutcome::Keep, self.record.date)
                {
                    Ok(customer) => Some(Event::Reviewed(tf(
                        "Credit review of {code} recorded, kept as is; next review {date}.",
                        &[
                            ("code", &customer.code),
                            ("date", &date_text(customer.next_review)),
                        ],
                    ))),
                    Err(error) => {
                        self.error = Some(error.to_string());
                        None
                    }
                }
            }
        }
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        let record = &self.record;
        let customer = &record.customer;
        let heading = tf(
            "Credit review — {code} {name}",
            &[("code", &customer.code), ("name", &customer.name)],
        );
        let toolbar = row![
            text(heading)
                .size(20)
                .font(BOLD)
                .width(Length::Fill)
                .wrapping(text::Wrapping::WordOrGlyph),
            widgets::secondary(t("Close"), Some(Message::Close)),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        let limit = customer
            .credit_limit
            .map_or_else(|| t("no limit").to_string(), |l| book.money(l));
        let now = row![
            widgets::figure(t("Tier"), tier_text(customer.tier)),
            widgets::figure(t("Credit limit"), limit),
            widgets::figure(t("Next review"), date_text(customer.next_review)),
        ]
        .spacing(32)
        .wrap();
        let share = |value: Option<rust_decimal::Decimal>| {
            value.map_or_else(|| t("n/a").to_string(), |v| format!("{v} %"))
        };
        let figures = row![
            widgets::figure(
                t("Days to pay"),
                record
                    .days_to_pay
                    .map_or_else(|| t("n/a").to_string(), |d| d.to_string())
            ),
            widgets::figure(t("On time"), share(record.on_time_share)),
            widgets::figure(t("Promises kept"), share(record.promises_kept_share)),
            widgets::figure(t("Overdue now"), book.money(record.overdue)),
            widgets::figure(t("Highest balance"), book.money(record.highest_balance)),
        ]
        .spacing(32)
        .wrap();
        let mut body = column![
            toolbar,
            widgets::muted(tf(
                "As of {date}; payments and promises over the last 12 months, the highest balance net of credit from the book.",
                &[("date", &record.date.to_string())],
            )),
            text(t("Now")).size(15).font(BOLD),
            now,
            text(t("Record")).size(15).font(BOLD),
            figures,
        ]
        .spacing(12);
        body = body.push(space().height(8));
        body = body.push(
            row![widgets::action(t("Keep as is"), Some(Message::Keep))]
                .spacing(8)
                .align_y(Alignment::Center),
        );
        body = body.push(widgets::muted(t(
            "Either way the review counts as done: the next review moves on (12 months, 6 for tier C) and the audit log keeps it. Esc closes.",
        )));
        if let Some(error) = &self.error {
            body = body.push(widgets::danger_text(error.as_str()));
        }
        container(scrollable(body.padding(24)))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}
