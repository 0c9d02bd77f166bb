//! A calendar beside a date field: a small button opens a month's calendar over the
//! form (weeks from Monday, six rows so its height never changes between months), ‹ ›
//! step a month, and a day or Today fills the field with `YYYY-MM-DD`, the form every
//! date field parses. Typing still works; the calendar opens at the typed date if it
//! is one. A press outside closes it, and so does Esc where the screen's Esc asks
//! [`DatePicker::close`] first. A form keeps one [`DatePicker`] per date field and sends
//! the picked date down the same path as typed text, so it counts as an edit of the
//! field.

use chrono::{Datelike, Days, Months, NaiveDate};
use iced::widget::{Column, button, column, container, row, text, tooltip};
use iced::{Element, Length, Theme};

use super::{BOLD, FIELD_WIDTH, panel};
use crate::domain::parse_date;
use crate::fl;

mod anchored;
#[cfg(test)]
mod tests;

/// A day's cell in the calendar, square.
const CELL: f32 = 32.0;
/// The button beside the field that opens the calendar.
const BUTTON_WIDTH: f32 = 30.0;
const BUTTON_SPACING: f32 = 4.0;
/// The width of a date's input beside its calendar button: the two together are as
/// wide as a form's other inputs.
pub const INPUT_WIDTH: f32 = FIELD_WIDTH - BUTTON_WIDTH - BUTTON_SPACING;

/// Whether a field's calendar is open, and which month it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatePicker {
    open: bool,
    /// The first of the month shown, while open.
    month: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The button beside the field: opens the calendar, or closes it.
    Toggle,
    /// A press outside the calendar.
    Close,
    Previous,
    Next,
    /// A day, or Today.
    Pick(NaiveDate),
}

impl DatePicker {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Closes the calendar (Esc); whether it was open, so that Esc closes only it.
    pub fn close(&mut self) -> bool {
        std::mem::replace(&mut self.open, false)
    }

    /// The first of the month shown.
    pub fn month(&self) -> NaiveDate {
        self.month
    }

    /// Acts on `message` for a field holding `current`; the date picked, if one was.
    /// The calendar opens at `current`'s month when it is a date, else at `today`'s.
    pub fn update(
        &mut self,
        message: Message,
        current: &str,
        today: NaiveDate,
    ) -> Option<NaiveDate> {
        match message {
            Message::Toggle if self.open => self.open = false,
            Message::Toggle => {
                self.open = true;
                self.month = first_of(parse_date(current).unwrap_or(today));
            }
            Message::Close => self.open = false,
            Message::Previous => self.month = step(self.month, -1),
            Message::Next => self.month = step(self.month, 1),
            Message::Pick(day) => {
                self.open = false;
                return Some(day);
            }
        }
        None
    }

    /// The field's `input` with the calendar button beside it, and the calendar over
    /// the form while open. `current` is the field's text (its day is marked).
    pub fn view<'a, M: Clone + 'a>(
        &self,
        input: impl Into<Element<'a, M>>,
        current: &str,
        today: NaiveDate,
        on_message: impl Fn(Message) -> M,
    ) -> Element<'a, M> {
        // A triangle, as the sortable headers' arrows: no words to translate, and it
        // says the field opens something beneath it.
        let toggle = button(text(if self.open { "▴" } else { "▾" }).size(14).center())
            .width(Length::Fixed(BUTTON_WIDTH))
            .padding([6, 0])
            .style(button::secondary)
            .on_press(on_message(Message::Toggle));
        let anchor = row![input.into(), toggle]
            .spacing(BUTTON_SPACING)
            .align_y(iced::Alignment::Center);
        let popup = self
            .open
            .then(|| self.calendar(parse_date(current).ok(), today, &on_message));
        anchored::Anchored::new(anchor, popup, on_message(Message::Close)).into()
    }

    /// The month shown: its title between ‹ and ›, the weekdays from Monday, six weeks
    /// of days (those of the months either side faded), and Today.
    fn calendar<'a, M: Clone + 'a>(
        &self,
        current: Option<NaiveDate>,
        today: NaiveDate,
        on_message: &impl Fn(Message) -> M,
    ) -> Element<'a, M> {
        let nav = |glyph: &'static str, message: Message, hint: String| {
            tooltip(
                button(text(glyph).size(16).center())
                    .width(Length::Fixed(CELL))
                    .padding([2, 0])
                    .style(button::text)
                    .on_press(on_message(message)),
                container(text(hint).size(13))
                    .padding(4)
                    .style(container::rounded_box),
                tooltip::Position::Top,
            )
        };
        let title = row![
            nav("‹", Message::Previous, fl!("date-previous-month")),
            text(month_title(self.month))
                .size(14)
                .font(BOLD)
                .width(Length::Fill)
                .center(),
            nav("›", Message::Next, fl!("date-next-month")),
        ]
        .align_y(iced::Alignment::Center);
        let weekdays = row(weekday_names().into_iter().map(|name| {
            super::muted(name)
                .width(Length::Fixed(CELL))
                .center()
                .into()
        }));
        let days = grid(self.month);
        let mut weeks = Column::with_capacity(6);
        for week in days.chunks(7) {
            weeks = weeks.push(row(week.iter().map(|&day| {
                let this_month = day.month() == self.month.month();
                let style = move |theme: &Theme, status| {
                    if Some(day) == current {
                        button::primary(theme, status)
                    } else if day == today {
                        button::secondary(theme, status)
                    } else {
                        let mut style = button::text(theme, status);
                        if !this_month {
                            style.text_color = iced::Color {
                                a: 0.45,
                                ..style.text_color
                            };
                        }
                        style
                    }
                };
                button(text(day.day().to_string()).size(13).center())
                    .width(Length::Fixed(CELL))
                    .height(Length::Fixed(CELL - 4.0))
                    .padding(0)
                    .style(style)
                    .on_press(on_message(Message::Pick(day)))
                    .into()
            })));
        }
        let today_button = button(text(fl!("date-today")).size(13))
            .padding([4, 10])
            .style(button::secondary)
            .on_press(on_message(Message::Pick(today)));
        container(
            column![title, weekdays, weeks, today_button]
                .spacing(4)
                .align_x(iced::Alignment::Center),
        )
        .padding(8)
        .width(Length::Fixed(CELL * 7.0 + 16.0))
        .style(|theme: &Theme| container::Style {
            shadow: iced::Shadow {
                color: iced::Color::from_rgba(0.0, 0.0, 0.0, 0.25),
                offset: iced::Vector::new(0.0, 2.0),
                blur_radius: 8.0,
            },
            ..panel(theme)
        })
        .into()
    }
}

/// A labelled date field with its calendar: [`super::field`]'s layout (the label, the
/// input with the reason it is refused beneath), the input narrowed by the calendar
/// button so the field is as wide as the others.
#[allow(clippy::too_many_arguments)]
pub fn date_field<'a, M: Clone + 'a>(
    label: impl AsRef<str>,
    id: &'static str,
    value: &'a str,
    on_input: impl Fn(String) -> M + 'a,
    on_submit: Option<M>,
    error: Option<String>,
    picker: &DatePicker,
    today: NaiveDate,
    on_pick: impl Fn(Message) -> M,
) -> Element<'a, M> {
    let label = label.as_ref();
    let input = super::form_input(label, id, value, on_input, on_submit, INPUT_WIDTH);
    super::labelled_field(label, picker.view(input, value, today, on_pick), error)
}

/// "December 2026", "2026年12月".
pub fn month_title(first: NaiveDate) -> String {
    let month = match first.month() {
        1 => fl!("date-month-1"),
        2 => fl!("date-month-2"),
        3 => fl!("date-month-3"),
        4 => fl!("date-month-4"),
        5 => fl!("date-month-5"),
        6 => fl!("date-month-6"),
        7 => fl!("date-month-7"),
        8 => fl!("date-month-8"),
        9 => fl!("date-month-9"),
        10 => fl!("date-month-10"),
        11 => fl!("date-month-11"),
        _ => fl!("date-month-12"),
    };
    // The year as text: as a number Fluent may group its digits (2,026).
    fl!(
        "date-month-title",
        month = month,
        year = first.year().to_string()
    )
}

/// The weekdays' short names, Monday first.
pub fn weekday_names() -> [String; 7] {
    [
        fl!("date-mon"),
        fl!("date-tue"),
        fl!("date-wed"),
        fl!("date-thu"),
        fl!("date-fri"),
        fl!("date-sat"),
        fl!("date-sun"),
    ]
}

/// The first of `date`'s month.
pub fn first_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first of the month `months` after (or before) `first`; `first` itself at the
/// ends of the calendar chrono knows.
pub fn step(first: NaiveDate, months: i32) -> NaiveDate {
    let by = Months::new(months.unsigned_abs());
    let stepped = if months < 0 {
        first.checked_sub_months(by)
    } else {
        first.checked_add_months(by)
    };
    stepped.unwrap_or(first)
}

/// The 42 days a month's calendar shows: from the Monday on or before its first, six
/// weeks, so the grid is the same height for every month.
pub fn grid(first: NaiveDate) -> Vec<NaiveDate> {
    let leading = u64::from(first.weekday().num_days_from_monday());
    let start = first.checked_sub_days(Days::new(leading)).unwrap_or(first);
    start.iter_days().take(42).collect()
}
