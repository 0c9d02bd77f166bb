//! The credit review form: a customer's record (days to pay, on-time share, promises
//! kept, overdue now, the highest balance over the last 12 months, the risk score with
//! its reasons) beside its tier, limit and next review now, and the tier and limit the
//! review suggests with the reasons. "Accept suggestion" is one click: the tier and
//! limit change (audited, reason "credit review") and the next review moves on by the
//! new tier's interval. "Keep as is" records the review as done changing nothing (the
//! next review moves on too, audited). Both write in one transaction.
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
use super::widgets::{self, BOLD};
use crate::domain::analytics::one_decimal;
use crate::domain::customer::Tier;
use crate::domain::{Currency, Money};
use crate::fl;
use crate::report::review::{accepted, review_record};
use crate::report::risk::CreditRecord;
use crate::store::ReviewOutcome;
use crate::ui::errors::Described;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Record the review, taking the suggested tier and limit.
    Accept,
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
    record: CreditRecord,
    error: Option<String>,
}

/// The tier as the form says it.
fn tier_text(tier: Option<Tier>) -> String {
    match tier {
        Some(tier) => fl!("tier-tier", tier = tier.to_string()),
        None => fl!("no-tier"),
    }
}

fn limit_text(currency: &Currency, limit: Option<Money>) -> String {
    limit.map_or_else(|| fl!("no-limit"), |l| currency.display(l))
}

/// A risk band's name ("high risk") and why the review suggests what it does, in the
/// screen's language (shared with the command line).
use crate::i18n::words::{risk_band_label as band_label, suggestion_words};

fn date_text(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| fl!("none"), |d| d.to_string())
}

impl ReviewForm {
    pub fn new(record: CreditRecord) -> ReviewForm {
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
                    .map_err(|e| e.described())
            },
            |built| built,
        )
    }

    /// The record shown.
    pub fn record(&self) -> &CreditRecord {
        &self.record
    }

    /// Why the last click could not be written.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> Option<Event> {
        match message {
            Message::Close => Some(Event::Close),
            Message::Accept => self.record_review(accepted(&self.record), book),
            Message::Keep => self.record_review(ReviewOutcome::Keep, book),
        }
    }

    /// Writes the review as of the record's day; the suggestion is the one shown.
    fn record_review(&mut self, outcome: ReviewOutcome, book: &mut Book) -> Option<Event> {
        let code = self.record.customer.code.clone();
        match book
            .store_mut()
            .complete_review(&code, outcome, self.record.as_of)
        {
            Ok(customer) => {
                let date = date_text(customer.next_review);
                Some(Event::Reviewed(match outcome {
                    ReviewOutcome::Keep => fl!(
                        "credit-review-of-code-recorded-kept",
                        code = customer.code.as_str(),
                        date = date
                    ),
                    ReviewOutcome::Change { .. } => fl!(
                        "credit-review-of-code-recorded-now",
                        code = customer.code.as_str(),
                        tier = tier_text(customer.tier),
                        limit = limit_text(book.currency(), customer.credit_limit),
                        date = date
                    ),
                }))
            }
            Err(error) => {
                self.error = Some(error.described());
                None
            }
        }
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        let record = &self.record;
        let customer = &record.customer;
        let heading = fl!(
            "credit-review-code-name",
            code = customer.code.as_str(),
            name = customer.name.as_str()
        );
        let toolbar = row![
            text(heading)
                .size(20)
                .font(BOLD)
                .width(Length::Fill)
                .wrapping(text::Wrapping::WordOrGlyph),
            widgets::secondary(fl!("close"), Some(Message::Close)),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        let currency = book.currency();
        let now = row![
            widgets::figure(fl!("tier"), tier_text(customer.tier)),
            widgets::figure(
                fl!("credit-limit"),
                limit_text(currency, customer.credit_limit)
            ),
            widgets::figure(fl!("next-review"), date_text(customer.next_review)),
        ]
        .spacing(32)
        .wrap();
        let share = |value: Option<rust_decimal::Decimal>| {
            value.map_or_else(|| fl!("n-a"), |v| format!("{} %", one_decimal(v)))
        };
        let figures = row![
            widgets::figure(
                fl!("days-to-pay"),
                record
                    .habits
                    .days_to_pay
                    .map_or_else(|| fl!("n-a"), |d| one_decimal(d).to_string())
            ),
            widgets::figure(fl!("on-time"), share(record.habits.on_time_share)),
            widgets::figure(fl!("promises-kept"), share(record.promises_kept_share)),
            widgets::figure(fl!("overdue-now"), book.money(record.overdue)),
            widgets::figure(fl!("highest-balance"), book.money(record.highest_balance)),
            widgets::figure(
                fl!("risk-score"),
                format!("{} · {}", record.risk.score, band_label(record.risk.band))
            ),
        ]
        .spacing(32)
        .wrap();
        let mut risk_reasons = column![].spacing(2);
        if record.risk.reasons.is_empty() {
            risk_reasons = risk_reasons.push(widgets::muted(fl!("nothing-counts-against-it")));
        }
        for reason in &record.risk.reasons {
            risk_reasons = risk_reasons
                .push(text(format!("• {}", crate::ui::risk::reason_text(reason))).size(14));
        }
        let suggestion = &record.suggestion;
        let suggested = row![
            widgets::figure(fl!("suggested-tier"), tier_text(Some(suggestion.tier))),
            widgets::figure(
                fl!("suggested-limit"),
                limit_text(currency, suggestion.limit)
            ),
        ]
        .spacing(32)
        .wrap();
        let mut because = column![].spacing(2);
        for reason in &suggestion.reasons {
            because = because.push(
                text(format!(
                    "• {}",
                    suggestion_words(reason, suggestion.tier, currency)
                ))
                .size(14),
            );
        }
        let body = column![
            toolbar,
            widgets::muted(fl!(
                "as-of-date-payments-and-promises",
                date = book.date(record.as_of)
            )),
            text(fl!("now")).size(15).font(BOLD),
            now,
            text(fl!("record")).size(15).font(BOLD),
            figures,
            risk_reasons,
            text(fl!("suggestion")).size(15).font(BOLD),
            suggested,
            because,
            space().height(4),
            row![
                widgets::action(fl!("accept-suggestion"), Some(Message::Accept)),
                widgets::secondary(fl!("keep-as-is"), Some(Message::Keep)),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
            widgets::muted(fl!("either-way-the-review-counts-as")),
        ]
        .spacing(12);
        let body = match &self.error {
            Some(error) => body.push(widgets::danger_text(error.as_str())),
            None => body,
        };
        container(scrollable(body.padding(24)))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}

#[cfg(test)]
mod tests;
