//! The Dashboard's lists: the riskiest customers with their score, band, balance and
//! what counts against them, and the credit reviews due with the date each came, the
//! tier and the limit. A row is a button: it opens the customer's ledger.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Color, Element, Length, Theme};

use super::{Data, Message};
use crate::domain::risk::{Band, LONG_OVERDUE_DAYS, PROMISE_MONTHS, RiskReason};
use crate::report::risk::CustomerRisk;
use crate::store::ReviewDate;
use crate::ui::Book;
use crate::ui::i18n::{t, tf};
use crate::ui::widgets::{self, BOLD};

/// A band's name on screen.
pub fn band_label(band: Band) -> &'static str {
    match band {
        Band::Low => t("low"),
        Band::Medium => t("medium"),
        Band::High => t("high"),
        Band::Severe => t("severe"),
    }
}

fn band_colour(theme: &Theme, band: Band) -> Color {
    let palette = theme.extended_palette();
    match band {
        Band::Low => palette.success.strong.color,
        Band::Medium => palette.warning.strong.color,
        Band::High | Band::Severe => theme.palette().danger,
    }
}

/// One reason a score is what it is, in the screens' language.
pub fn reason_text(reason: &RiskReason) -> String {
    match reason {
        RiskReason::PaysLate { days } => tf(
            "pays {days} days late on average",
            &[("days", &days.to_string())],
        ),
        RiskReason::BrokenPromises { count: 1 } => tf(
            "1 broken promise in {months} months",
            &[("months", &PROMISE_MONTHS.to_string())],
        ),
        RiskReason::BrokenPromises { count } => tf(
            "{count} broken promises in {months} months",
            &[
                ("count", &count.to_string()),
                ("months", &PROMISE_MONTHS.to_string()),
            ],
        ),
        RiskReason::LimitUsed { percent } => tf(
            "{percent} % of limit used",
            &[("percent", &percent.to_string())],
        ),
        RiskReason::LongOverdue { percent } => tf(
            "{percent} % of its balance over {days} days",
            &[
                ("percent", &percent.to_string()),
                ("days", &LONG_OVERDUE_DAYS.to_string()),
            ],
        ),
    }
}

fn risky_row<'a>(customer: &'a CustomerRisk, book: &Book) -> Element<'a, Message> {
    let band = customer.risk.band;
    let reasons: Vec<String> = customer.risk.reasons.iter().map(reason_text).collect();
    let score = text(format!("{} · {}", customer.risk.score, band_label(band)))
        .size(13)
        .font(BOLD)
        .width(Length::Fixed(96.0))
        .style(move |theme: &Theme| text::Style {
            color: Some(band_colour(theme, band)),
        });
    let line = row![
        score,
        column![
            text(format!("{} · {}", customer.code, customer.name))
                .size(13)
                .wrapping(text::Wrapping::None),
            widgets::muted(reasons.join("; ")).size(12),
        ]
        .spacing(1)
        .width(Length::Fill),
        text(book.money(customer.inputs.balance))
            .size(13)
            .wrapping(text::Wrapping::None),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    button(line)
        .width(Length::Fill)
        .padding([3, 6])
        .style(button::text)
        .on_press(Message::Open(customer.code.clone()))
        .into()
}

/// The riskiest customers; each row opens the ledger.
pub fn riskiest<'a>(data: &'a Data, book: &'a Book) -> Element<'a, Message> {
    let mut rows = column![].spacing(2);
    if data.riskiest.is_empty() {
        rows = rows.push(widgets::muted(t("No customer has anything against it.")));
    }
    for customer in &data.riskiest {
        rows = rows.push(risky_row(customer, book));
    }
    let list = column![
        row![
            text(t("The riskiest customers")).size(15).font(BOLD),
            widgets::muted(t("score · band · balance; a click opens the ledger")),
        ]
        .spacing(10)
        .align_y(iced::Alignment::Center),
        // Room on the right for the scroll bar, clear of the balances.
        scrollable(container(rows).padding(iced::Padding {
            right: 14.0,
            ..iced::Padding::ZERO
        }))
        .height(Length::Fill),
    ]
    .spacing(6);
    container(list)
        .padding([10, 12])
        .width(Length::Fill)
        .height(Length::Fill)
        .style(widgets::panel)
        .into()
}

fn review_row<'a>(review: &'a ReviewDate, book: &Book) -> Element<'a, Message> {
    let tier = review.tier.map_or_else(
        || t("no tier").to_string(),
        |tier| tf("tier {tier}", &[("tier", &tier.to_string())]),
    );
    let limit = review.credit_limit.map_or_else(
        || t("no limit").to_string(),
        |limit| tf("limit {amount}", &[("amount", &book.money(limit))]),
    );
    let line = row![
        text(review.next_review.to_string())
            .size(13)
            .width(Length::Fixed(86.0)),
        column![
            text(format!("{} · {}", review.code, review.name))
                .size(13)
                .wrapping(text::Wrapping::None),
            widgets::muted(format!("{tier} · {limit}")).size(12),
        ]
        .spacing(1)
        .width(Length::Fill),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    button(line)
        .width(Length::Fill)
        .padding([3, 6])
        .style(button::text)
        .on_press(Message::Open(review.code.clone()))
        .into()
}

/// The credit reviews due; each row opens the ledger.
pub fn reviews<'a>(data: &'a Data, book: &'a Book) -> Element<'a, Message> {
    let mut rows = column![].spacing(2);
    if data.reviews_due.is_empty() {
        rows = rows.push(widgets::muted(t("No credit review is due.")));
    }
    for review in &data.reviews_due {
        rows = rows.push(review_row(review, book));
    }
    let list = column![
        row![
            text(tf(
                "Credit reviews due ({count})",
                &[("count", &data.reviews_due.len().to_string())]
            ))
            .size(15)
            .font(BOLD),
            widgets::muted(t("since · tier · limit")),
        ]
        .spacing(10)
        .align_y(iced::Alignment::Center),
        scrollable(container(rows).padding(iced::Padding {
            right: 14.0,
            ..iced::Padding::ZERO
        }))
        .height(Length::Fill),
    ]
    .spacing(6);
    container(list)
        .padding([10, 12])
        .width(Length::Fill)
        .height(Length::Fill)
        .style(widgets::panel)
        .into()
}
