//! The bucket totals as a bar chart above the table, with the report's headline figures
//! beside it. Bars are plain containers whose heights are proportional to the amounts,
//! which is all a handful of bars needs.

use iced::alignment::{Horizontal, Vertical};
use iced::widget::{column, container, row, scrollable, space, text};
use iced::{Background, Border, Color, Element, Length, Theme};
use rust_decimal::prelude::ToPrimitive;

use super::{Message, Report, label};
use crate::domain::Money;
use crate::domain::aging::Basis;
use crate::fl;
use crate::ui::Book;
use crate::ui::widgets;

/// Height of the tallest bar.
const MAX_BAR: f32 = 120.0;
const BAR_WIDTH: f32 = 52.0;
/// The least room of a bar: its amount above it may need more.
const MIN_SLOT: f32 = 64.0;
const SLOT_SPACING: f32 = 4.0;
/// The headline figures' column beside the chart.
const FIGURES_WIDTH: f32 = 170.0;
/// The panel's padding and the gap between chart and figures.
const PANEL_PADDING: f32 = 28.0;
const GAP: f32 = 16.0;

/// What a bar stands for, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Current,
    /// Overdue, `age` from just past due (near 0) to the oldest bucket (1).
    Overdue {
        age: f32,
    },
    /// Days since the invoice date, which say nothing of being late.
    Age,
    Unapplied,
}

/// The width of every bar: as wide as the widest amount above one or name below one
/// needs. Measured once when a report arrives, not on every redraw.
pub fn slot_width(report: &Report, book: &Book) -> f32 {
    bars(report)
        .iter()
        .flat_map(|(name, amount, _)| {
            [
                widgets::text_width(&book.money(*amount), 12.0, widgets::REGULAR),
                widgets::text_width(name, 13.0, widgets::REGULAR),
            ]
        })
        .fold(MIN_SLOT, |widest, needs| widest.max((needs + 8.0).ceil()))
}

/// The bars: each bucket's total, then the unapplied credit.
fn bars(report: &Report) -> Vec<(String, Money, Kind)> {
    let totals = report.totals();
    let basis = report.basis();
    let buckets = report.labels().len();
    let mut bars: Vec<(String, Money, Kind)> = report
        .labels()
        .iter()
        .zip(&totals.amounts)
        .enumerate()
        .map(|(i, (column, amount))| {
            let kind = match basis {
                Basis::Due if i == 0 => Kind::Current,
                Basis::Due => Kind::Overdue {
                    age: i as f32 / (buckets - 1).max(1) as f32,
                },
                Basis::Invoice => Kind::Age,
            };
            (label(column), *amount, kind)
        })
        .collect();
    bars.push((fl!("unapplied"), totals.unapplied, Kind::Unapplied));
    bars
}

/// The chart in `width` pixels, each bar `slot` wide ([`slot_width`]): the figures
/// beside it when there is room, beneath it when not, and the bars scroll sideways
/// rather than cut an amount.
pub fn view<'a>(report: &'a Report, book: &'a Book, width: f32, slot: f32) -> Element<'a, Message> {
    let totals = report.totals();
    let basis = report.basis();
    let bars = bars(report);
    let largest = bars
        .iter()
        .filter_map(|(_, amount, _)| amount.0.abs().to_f32())
        .fold(0.0_f32, f32::max);
    let chart_width = bars.len() as f32 * (slot + SLOT_SPACING) - SLOT_SPACING;
    let chart = bars.into_iter().fold(
        row![].spacing(SLOT_SPACING),
        |chart, (name, amount, kind)| chart.push(bar(name, amount, kind, largest, slot, book)),
    );
    // Decimal, rounded half away from zero like every other figure (the bars' heights
    // are the only floats: they are pixels, not money).
    let overdue_share = if totals.balance.is_positive() {
        let share = (report.overdue.0 * rust_decimal::Decimal::ONE_HUNDRED / totals.balance.0)
            .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        format!("{share:.1}%")
    } else {
        "—".to_string()
    };
    let figures = [
        widgets::figure(fl!("owed-to-you"), book.money(totals.balance)),
        widgets::figure(fl!("overdue"), book.money(report.overdue)),
        widgets::figure(fl!("overdue-share"), overdue_share),
        widgets::figure(
            match basis {
                Basis::Due => fl!("as-of-by-due-date"),
                Basis::Invoice => fl!("as-of-by-invoice-date"),
            },
            report.as_of().to_string(),
        ),
    ];
    let content: Element<'a, Message> =
        if width >= chart_width + GAP + FIGURES_WIDTH + PANEL_PADDING {
            row![
                chart,
                space::horizontal(),
                column(figures)
                    .spacing(8)
                    .width(Length::Fixed(FIGURES_WIDTH))
            ]
            .spacing(GAP)
            .align_y(iced::Alignment::End)
            .into()
        } else {
            let chart: Element<'a, Message> = if width >= chart_width + PANEL_PADDING {
                chart.into()
            } else {
                scrollable(chart)
                    .direction(scrollable::Direction::Horizontal(
                        scrollable::Scrollbar::default().spacing(4),
                    ))
                    .into()
            };
            column![chart, row(figures).spacing(24)].spacing(8).into()
        };
    container(content)
        .padding([10, 14])
        .style(widgets::panel)
        .into()
}

/// One bar: its amount above it, its label below, its height a share of `largest`.
fn bar<'a>(
    name: String,
    amount: Money,
    kind: Kind,
    largest: f32,
    slot: f32,
    book: &Book,
) -> Element<'a, Message> {
    let share = match amount.0.abs().to_f32() {
        Some(value) if largest > 0.0 => value / largest,
        _ => 0.0,
    };
    // A sliver keeps a small non-zero amount from looking like nothing.
    let height = if amount.is_zero() {
        0.0
    } else {
        (share * MAX_BAR).max(2.0)
    };
    let fill = container(space())
        .width(Length::Fixed(BAR_WIDTH))
        .height(Length::Fixed(height))
        .style(move |theme: &Theme| container::Style {
            background: Some(Background::Color(colour(theme, kind))),
            border: Border {
                radius: iced::border::top(3.0),
                ..Border::default()
            },
            ..Default::default()
        });
    let stacked = column![
        text(book.money(amount))
            .size(12)
            .wrapping(text::Wrapping::None),
        fill
    ]
    .spacing(2)
    .align_x(Horizontal::Center);
    column![
        container(stacked)
            .width(Length::Fixed(slot))
            .height(Length::Fixed(MAX_BAR + 20.0))
            .align_x(Horizontal::Center)
            .align_y(Vertical::Bottom),
        container(widgets::muted(name).wrapping(text::Wrapping::None))
            .width(Length::Fixed(slot))
            .align_x(Horizontal::Center),
    ]
    .spacing(4)
    .into()
}

fn colour(theme: &Theme, kind: Kind) -> Color {
    let palette = theme.extended_palette();
    match kind {
        Kind::Current | Kind::Age => palette.primary.base.color,
        Kind::Overdue { age } => Color {
            a: 0.5 + 0.5 * age,
            ..theme.palette().danger
        },
        Kind::Unapplied => palette.secondary.base.color,
    }
}
