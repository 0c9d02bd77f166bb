//! Each customer tier's credit policy on the settings screen, beside the ladder per
//! tier and built the same way: rows A, B and C, columns the default terms, the default
//! credit limit and the deposit a new invoice requires. An empty cell is "no default"
//! (said greyed as its placeholder); a refused cell is outlined in red and the reason,
//! naming the tier and the column, is said under its row.

use iced::widget::{Column, column, row, text};
use iced::{Alignment, Element, Length};

use super::tiers::{SPACING, TIER, cell};
use crate::fl;
use crate::store::TIERS;
use crate::ui::settings::{Message, PolicyField, Problems, Settings, TIER_POLICY};
use crate::ui::widgets::{self, BOLD};

/// Each column's width: "due on receipt" fits the terms, a seven-figure limit the limit.
fn width(field: PolicyField) -> f32 {
    match field {
        PolicyField::Terms => 120.0,
        PolicyField::CreditLimit => 110.0,
        PolicyField::DepositPct => 70.0,
    }
}

/// The table of tiers A, B and C, each row's refusals said under it.
pub(super) fn policies<'a>(
    screen: &'a Settings,
    problems: &Problems,
    save: Option<Message>,
) -> Element<'a, Message> {
    let mut header = row![text(fl!("tier")).size(13).width(Length::Fixed(TIER))].spacing(SPACING);
    for field in PolicyField::ALL {
        header = header.push(
            text(field.label())
                .size(13)
                .width(Length::Fixed(width(field))),
        );
    }
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
        for field in PolicyField::ALL {
            cells = cells.push(cell(
                TIER_POLICY[i][field.index()],
                &fl!("none"),
                &screen.draft.policy[i][field.index()],
                move |v| Message::TierPolicy(tier, field, v),
                save.clone(),
                problems.policy[i][field.index()].is_some(),
                width(field),
            ));
        }
        table = table.push(cells);
        for problem in problems.policy[i].iter().flatten() {
            table = table.push(widgets::danger_text(problem.clone()));
        }
    }
    column![
        text(fl!("credit-policy-per-tier")).size(14).font(BOLD),
        widgets::muted(fl!("what-a-new-customer-of-the")),
        table,
    ]
    .spacing(6)
    .into()
}
