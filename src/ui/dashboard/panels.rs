//! The Dashboard's lists: the riskiest customers with their score, band, balance and
//! what counts against them, and the credit reviews due with the date each came, the
//! tier and the limit. A row is a button: it opens the customer's ledger.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Length};

use super::{Data, Message};
use crate::fl;
use crate::report::risk::CustomerRisk;
use crate::store::ReviewDate;
use crate::ui::widgets::{self, BOLD};
use crate::ui::{Book, risk};

fn risky_row<'a>(customer: &'a CustomerRisk, book: &Book) -> Element<'a, Message> {
    // The badge every screen shows a score with (`ui::risk`).
    let score = container(risk::badge(
        risk::band_and_score(&customer.risk),
        customer.risk.band,
        12.0,
    ))
    .width(Length::Fixed(104.0));
    let line = row![
        score,
        column![
            widgets::fitted_line(format!("{} · {}", customer.code, customer.name), 13.0, 18.0),
            widgets::muted(risk::reasons_text(&customer.risk)).size(12),
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
    list_panel(
        fl!("the-riskiest-customers"),
        fl!("band-score-balance-a-click-opens"),
        fl!("no-customer-has-anything-against-it"),
        data.riskiest
            .iter()
            .map(|customer| risky_row(customer, book)),
    )
}

/// A panel of the Dashboard: its title and what the columns say, then its rows in a
/// list that scrolls (or, with none, `empty`).
fn list_panel<'a>(
    title: String,
    hint: String,
    empty: String,
    rows: impl Iterator<Item = Element<'a, Message>>,
) -> Element<'a, Message> {
    let mut list = column![].spacing(2);
    let mut shown = 0;
    for line in rows {
        list = list.push(line);
        shown += 1;
    }
    if shown == 0 {
        list = list.push(widgets::muted(empty));
    }
    let panel = column![
        row![text(title).size(15).font(BOLD), widgets::muted(hint)]
            .spacing(10)
            .align_y(iced::Alignment::Center),
        // Room on the right for the scroll bar, clear of the balances.
        scrollable(container(list).padding(iced::Padding {
            right: 14.0,
            ..iced::Padding::ZERO
        }))
        .height(Length::Fill),
    ]
    .spacing(6);
    container(panel)
        .padding([10, 12])
        .width(Length::Fill)
        .height(Length::Fill)
        .style(widgets::panel)
        .into()
}

fn review_row<'a>(review: &'a ReviewDate, book: &Book) -> Element<'a, Message> {
    let tier = review.tier.map_or_else(
        || fl!("no-tier"),
        |tier| fl!("tier-tier", tier = tier.to_string()),
    );
    let limit = review.credit_limit.map_or_else(
        || fl!("no-limit"),
        |limit| fl!("limit-amount", amount = book.money(limit)),
    );
    let line = row![
        text(book.date(review.next_review))
            .size(13)
            .width(Length::Fixed(86.0)),
        column![
            widgets::fitted_line(format!("{} · {}", review.code, review.name), 13.0, 18.0),
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
    list_panel(
        fl!("credit-reviews-due-count", count = data.reviews_due.len()),
        fl!("since-tier-limit"),
        fl!("no-credit-review-is-due"),
        data.reviews_due
            .iter()
            .map(|review| review_row(review, book)),
    )
}
