//! The outbox on the statements and letters screen: each email still waiting, to whom,
//! what about, and why it waits (in the language chosen, the server's words after it),
//! each with Cancel. Shown only while something waits.

use iced::widget::{button, column, container, row, scrollable, space, text};
use iced::{Alignment, Element, Length};

use super::{Message, Statements};
use crate::fl;
use crate::store::OutboxStatus;
use crate::ui::errors::Described;
use crate::ui::widgets::{self, BOLD};

/// Rows listed; the count above says how many wait in all.
const SHOWN: usize = 50;

pub(super) fn panel(screen: &Statements) -> Element<'_, Message> {
    if screen.waiting_emails.is_empty() {
        return space().height(0).into();
    }
    let mut list = column![].spacing(4);
    for entry in screen.waiting_emails.iter().take(SHOWN) {
        let why = match (entry.status, &entry.failure) {
            (OutboxStatus::Failed, Some(failure)) => {
                let words = entry.last_error.as_deref().unwrap_or_default();
                fl!(
                    "ui-outbox-failed",
                    why = failure.described(),
                    words = words,
                    tries = entry.attempts
                )
            }
            _ => crate::i18n::errors::outbox_status_text(entry.status.as_str()),
        };
        list = list.push(
            row![
                // One line, cut with an ellipsis and whole on hover.
                widgets::name_cell_owned(
                    format!(
                        "{} → {}: {} — {why}",
                        entry.customer,
                        entry.to.join(", "),
                        entry.subject
                    ),
                    Length::Fill
                ),
                button(text(fl!("cancel")).size(12))
                    .padding([2, 8])
                    .style(button::secondary)
                    .on_press(Message::CancelEmail(entry.id)),
            ]
            .spacing(6)
            .padding(iced::Padding::ZERO.right(14))
            .align_y(Alignment::Center),
        );
    }
    container(
        column![
            text(fl!("ui-outbox-n", n = screen.waiting_emails.len()))
                .size(18)
                .font(BOLD),
            // Three rows in view at most: the issued list below keeps its room.
            scrollable(list).height(Length::Fixed(
                28.0 * screen.waiting_emails.len().min(3) as f32
            )),
        ]
        .spacing(8),
    )
    .width(Length::Fill)
    .padding(12)
    .style(widgets::panel)
    .into()
}
