//! The choice of report: the as-of date (typed, picked on its calendar, or moved by the
//! quick buttons), the bucket bounds and the basis. Each input is checked as it is
//! typed; a refused value shows its reason beside the field while the last good report
//! stays on screen.

use chrono::{Datelike, Months, NaiveDate};
use iced::widget::{button, row, space, text, text_input};
use iced::{Element, Length, Theme};

use super::{Aging, Message};
use crate::domain::aging::Basis;
use crate::fl;
use crate::ui::widgets;

pub const AS_OF: &str = "aging-as-of";
pub const BUCKETS: &str = "aging-buckets";

/// The as-of date: typed, picked on its calendar, or moved by the quick buttons.
pub fn as_of(screen: &Aging, today: NaiveDate) -> Element<'_, Message> {
    let input = text_input("YYYY-MM-DD", &screen.as_of_text)
        .id(AS_OF)
        .on_input(Message::AsOf)
        .padding(6)
        .size(14)
        .width(Length::Fixed(116.0));
    row![
        text(fl!("as-of")).size(14),
        screen
            .as_of_picker
            .view(input, &screen.as_of_text, today, Message::AsOfPick),
        small(fl!("today"), Message::AsOfToday),
        small(fl!("end-of-last-month"), Message::AsOfEndOfLastMonth),
        small(fl!("n-1-month"), Message::AsOfMonthBack),
        reason(&screen.as_of_error),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}

/// The bucket bounds and the basis.
pub fn buckets(screen: &Aging) -> Element<'_, Message> {
    let basis = screen.options.basis;
    row![
        text(fl!("buckets-days")).size(14),
        text_input("30,60,90", &screen.buckets_text)
            .id(BUCKETS)
            .on_input(Message::Buckets)
            .padding(6)
            .size(14)
            .width(Length::Fixed(110.0)),
        reason(&screen.buckets_error),
        space().width(8),
        toggle(fl!("by-due-date"), Basis::Due, basis),
        toggle(fl!("by-invoice-date"), Basis::Invoice, basis),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}

/// Why a typed value is refused, beside its field.
fn reason(error: &Option<String>) -> Element<'_, Message> {
    match error {
        Some(reason) => widgets::danger_text(reason.as_str()).into(),
        None => space().into(),
    }
}

fn small<'a>(label: String, message: Message) -> Element<'a, Message> {
    button(text(label).size(13))
        .padding([4, 8])
        .style(button::secondary)
        .on_press(message)
        .into()
}

fn toggle<'a>(label: String, basis: Basis, current: Basis) -> Element<'a, Message> {
    let active = basis == current;
    button(text(label).size(13))
        .padding([5, 10])
        .style(move |theme: &Theme, status| {
            if active {
                button::primary(theme, status)
            } else {
                button::secondary(theme, status)
            }
        })
        .on_press(Message::Basis(basis))
        .into()
}

/// The last day of the month before `today`'s: the usual date to age a month-end on.
pub fn end_of_last_month(today: NaiveDate) -> NaiveDate {
    today
        .with_day(1)
        .and_then(|first| first.pred_opt())
        .unwrap_or(today)
}

/// The same day a month earlier; a day the earlier month lacks becomes its last day, and
/// a month-end stays a month-end, so stepping back from 03-31 gives 02-28, then 01-31.
pub fn month_back(date: NaiveDate) -> NaiveDate {
    let is_month_end = date
        .succ_opt()
        .is_some_and(|next| next.month() != date.month());
    if is_month_end {
        return end_of_last_month(date);
    }
    date.checked_sub_months(Months::new(1)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::testing::date;

    #[test]
    fn quick_dates() {
        assert_eq!(end_of_last_month(date("2026-11-23")), date("2026-10-31"));
        assert_eq!(end_of_last_month(date("2026-03-01")), date("2026-02-28"));
        assert_eq!(end_of_last_month(date("2026-01-15")), date("2025-12-31"));
        assert_eq!(month_back(date("2026-11-23")), date("2026-10-23"));
        assert_eq!(month_back(date("2026-03-31")), date("2026-02-28"));
        assert_eq!(month_back(date("2026-02-28")), date("2026-01-31"));
        assert_eq!(month_back(date("2026-03-30")), date("2026-02-28"));
    }
}
