//! The dunning ladder on the settings screen: a narrow table of the levels (each on or
//! off, with the days past due it waits for), the level-0 payment reminder, the interval
//! between letters and the small-balance tolerance, each refused value said under it,
//! each customer tier's own ladder (`view/tiers.rs`) and, beside it, each tier's credit
//! policy (`view/policies.rs`).

use iced::widget::{checkbox, column, container, row, space, text, text_input};
use iced::{Alignment, Element, Length};

use super::{LABEL, labelled, level_label, section};
use crate::domain::letters::Level;
use crate::fl;
use crate::ui::Book;
use crate::ui::settings::{
    DAYS, INTERVAL, Message, Problems, REMINDER_DAYS, Settings, TOLERANCE, index,
};
use crate::ui::widgets;

/// A short input for a number of days or an amount.
fn short_input<'a>(
    id: &'static str,
    value: &'a str,
    on_input: impl Fn(String) -> Message + 'a,
    save: Option<Message>,
    width: f32,
) -> text_input::TextInput<'a, Message> {
    text_input("", value)
        .id(id)
        .on_input(on_input)
        .on_submit_maybe(save)
        .padding(6)
        .size(14)
        .width(Length::Fixed(width))
}

/// Width of the ladder's "on" column and of its days inputs.
const SWITCH: f32 = 40.0;
const DAYS_WIDTH: f32 = 56.0;

/// A row of the ladder's table: what, on or off, the days (and what they count), and
/// under the days why they are refused.
fn ladder_row<'a>(
    label: String,
    switch: Element<'a, Message>,
    days: Element<'a, Message>,
    unit: Option<String>,
    problem: Option<String>,
) -> Element<'a, Message> {
    let mut input = row![days].spacing(8).align_y(Alignment::Center);
    if let Some(unit) = unit {
        input = input.push(text(unit).size(14).width(Length::Fill));
    }
    labelled(
        label,
        row![container(switch).width(Length::Fixed(SWITCH)), input]
            .spacing(8)
            .align_y(Alignment::Center),
        problem,
    )
}

/// The ladder: each level on or off and the days past due it waits for, the level-0
/// payment reminder, the interval between letters and the small-balance tolerance —
/// a narrow table, so it fits beside the company at 1024 pixels.
pub(super) fn ladder<'a>(
    screen: &'a Settings,
    book: &'a Book,
    problems: &Problems,
    save: Option<Message>,
) -> Element<'a, Message> {
    let draft = &screen.draft;
    let days_input = |id: &'static str,
                      value: &'a str,
                      on_input: Box<dyn Fn(String) -> Message + 'a>,
                      save: Option<Message>|
     -> Element<'a, Message> {
        short_input(id, value, on_input, save, DAYS_WIDTH).into()
    };
    let heading = row![
        space().width(LABEL),
        text(fl!("on")).size(13).width(Length::Fixed(SWITCH)),
        text(fl!("days-past-due")).size(13),
    ]
    .spacing(10);
    let mut body = column![
        widgets::muted(fl!("each-customer-gets-the-next-level")),
        heading,
    ];
    for level in Level::ALL {
        let i = index(level);
        body = body.push(ladder_row(
            level_label(level),
            checkbox(draft.enabled[i])
                .on_toggle(move |on| Message::LevelEnabled(level, on))
                .into(),
            days_input(
                DAYS[i],
                &draft.days[i],
                Box::new(move |v| Message::Days(level, v)),
                save.clone(),
            ),
            None,
            problems.days[i].clone(),
        ));
    }
    body = body.push(ladder_row(
        fl!("payment-reminder-before-due"),
        checkbox(draft.reminder_enabled)
            .on_toggle(Message::ReminderEnabled)
            .into(),
        days_input(
            REMINDER_DAYS,
            &draft.reminder_days,
            Box::new(Message::ReminderDays),
            save.clone(),
        ),
        Some(fl!("days-before-due")),
        problems.reminder_days.clone(),
    ));
    body = body.push(ladder_row(
        fl!("also-send-it-as-a-letter"),
        checkbox(draft.reminder_send)
            .on_toggle(Message::ReminderSend)
            .into(),
        space().into(),
        None,
        None,
    ));
    body = body.push(ladder_row(
        fl!("interval-between-letters"),
        space().into(),
        days_input(
            INTERVAL,
            &draft.interval_days,
            Box::new(Message::Interval),
            save.clone(),
        ),
        Some(fl!("days")),
        problems.interval_days.clone(),
    ));
    body = body.push(labelled(
        fl!("small-balance-tolerance"),
        column![
            row![
                space().width(SWITCH),
                short_input(
                    TOLERANCE,
                    &draft.tolerance,
                    Message::Tolerance,
                    save.clone(),
                    110.0
                ),
                text(book.currency().code.as_str()).size(14),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
            row![
                space().width(SWITCH),
                widgets::muted(fl!("less-than-this-overdue-net-of")),
            ]
            .spacing(8),
        ]
        .spacing(2),
        problems.tolerance.clone(),
    ));
    body = body.push(super::tiers::tiers(screen, problems, save.clone()));
    body = body.push(super::policies::policies(screen, problems, save));
    section(fl!("dunning-ladder"), body)
}
