//! Each customer tier's own ladder on the settings screen: a compact table, rows A, B
//! and C, columns the days of levels 1–4 and the interval between letters. An empty cell
//! follows the book-wide value, which it shows greyed as its placeholder; a refused cell
//! is outlined in red and the store's reason (naming the tier) is said under its row.

use iced::widget::{Column, column, row, text, text_input};
use iced::{Alignment, Element, Length, Theme};

use crate::domain::letters::Level;
use crate::fl;
use crate::store::TIERS;
use crate::ui::settings::{Message, Problems, Settings, TIER_DAYS, TIER_INTERVAL, index};
use crate::ui::widgets::{self, BOLD};

/// Width of the tier column and of each cell: five cells and the tier fit in the
/// right-hand column at 1024 pixels.
pub(super) const TIER: f32 = 40.0;
const CELL: f32 = 54.0;
pub(super) const SPACING: f32 = 6.0;

/// One cell `width` wide: the tier's own value, the book-wide one (or what empty means)
/// as placeholder, red when refused. The policy table uses it too.
pub(super) fn cell<'a>(
    id: &'static str,
    book_wide: &str,
    value: &'a str,
    on_input: impl Fn(String) -> Message + 'a,
    save: Option<Message>,
    refused: bool,
    width: f32,
) -> Element<'a, Message> {
    text_input(book_wide.trim(), value)
        .id(id)
        .on_input(on_input)
        .on_submit_maybe(save)
        .padding(6)
        .size(14)
        .width(Length::Fixed(width))
        .style(move |theme: &Theme, status| {
            let mut style = text_input::default(theme, status);
            if refused {
                style.border.color = theme.palette().danger;
                style.border.width = 1.5;
            }
            style
        })
        .into()
}

fn heading<'a>(label: impl text::IntoFragment<'a>) -> Element<'a, Message> {
    text(label).size(13).width(Length::Fixed(CELL)).into()
}

/// The table of tiers A, B and C, each row's refusals said under it.
pub(super) fn tiers<'a>(
    screen: &'a Settings,
    problems: &Problems,
    save: Option<Message>,
) -> Element<'a, Message> {
    let draft = &screen.draft;
    let mut header = row![text(fl!("tier")).size(13).width(Length::Fixed(TIER))].spacing(SPACING);
    for level in Level::ALL {
        header = header.push(heading(fl!("level-n", n = level.number().to_string())));
    }
    header = header.push(heading(fl!("interval-2")));
    let mut table = Column::new().push(header).spacing(4);
    for (i, tier) in TIERS.into_iter().enumerate() {
        let mut cells = row![
            text(tier.to_string())
                .size(14)
                .font(BOLD)
                .width(Length::Fixed(TIER))
        ]
        .spacing(SPACING)
        .align_y(Alignment::Center);
        for level in Level::ALL {
            let column = index(level);
            cells = cells.push(cell(
                TIER_DAYS[i][column],
                &draft.days[column],
                &draft.tier_days[i][column],
                move |v| Message::TierDays(tier, level, v),
                save.clone(),
                problems.tier_days[i][column].is_some(),
                CELL,
            ));
        }
        cells = cells.push(cell(
            TIER_INTERVAL[i],
            &draft.interval_days,
            &draft.tier_interval[i],
            move |v| Message::TierInterval(tier, v),
            save.clone(),
            problems.tier_interval[i].is_some(),
            CELL,
        ));
        table = table.push(cells);
        // One line per distinct reason: an order error marks two cells with one message.
        let mut said: Vec<&String> = Vec::new();
        for problem in problems.tier_days[i]
            .iter()
            .chain([&problems.tier_interval[i]])
            .flatten()
        {
            if !said.contains(&problem) {
                said.push(problem);
                table = table.push(widgets::danger_text(problem.clone()));
            }
        }
    }
    column![
        text(fl!("ladder-per-tier")).size(14).font(BOLD),
        widgets::muted(fl!("days-past-due-per-level-and")),
        table,
    ]
    .spacing(6)
    .into()
}
