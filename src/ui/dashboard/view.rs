//! The Dashboard laid out: a row of headline tiles (each figure with its change since
//! the end of last month, coloured by whether the change is good news), then the
//! twelve-month trend chart beside the 13-week forecast, each with its legend, above
//! the riskiest customers and the credit reviews due.

use iced::widget::{canvas, column, container, responsive, row, space, stack, text};
use iced::{Color, Element, Length, Theme};
use rust_decimal::{Decimal, RoundingStrategy};

use super::charts::{self, ForecastChart, TrendChart};
use super::panels;
use super::{Dashboard, Data, Message, PERIOD_DAYS};
use crate::domain::Money;
use crate::fl;
use crate::ui::Book;
use crate::ui::widgets::{self, BOLD};

/// Whether a rise in a figure is good news, bad news, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Better {
    Higher,
    Lower,
    Neither,
}

/// A headline figure: its value now, and its change since last month's end (`None`
/// where either end has no figure).
pub struct Tile {
    pub label: String,
    pub value: String,
    pub change: Option<String>,
    /// The sign of the change: -1, 0, 1.
    rising: i32,
    better: Better,
}

fn sign(value: Decimal) -> i32 {
    if value.is_zero() {
        0
    } else if value.is_sign_positive() {
        1
    } else {
        -1
    }
}

fn signed(value: Decimal, text: String) -> String {
    match sign(value) {
        1 => format!("+{text}"),
        0 => format!("±{text}"),
        _ => text,
    }
}

/// The overdue as a share of what is owed, in percent to one decimal (as the Aging
/// screen shows it); `None` when nothing is owed.
pub fn overdue_share(overdue: Money, owed: Money) -> Option<Decimal> {
    owed.is_positive().then(|| {
        (overdue.0 * Decimal::ONE_HUNDRED / owed.0)
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
    })
}

fn money_tile(label: String, now: Money, then: Money, better: Better, book: &Book) -> Tile {
    let change = now - then;
    Tile {
        label,
        value: book.money(now),
        change: Some(signed(change.0, book.money(change))),
        rising: sign(change.0),
        better,
    }
}

/// A figure to one decimal; a percentage (`percent`) changes by percentage points.
fn figure_tile(
    label: String,
    now: Option<Decimal>,
    then: Option<Decimal>,
    percent: bool,
    better: Better,
) -> Tile {
    let (unit, change_unit) = if percent {
        ("%", fl!("pp"))
    } else {
        ("", String::new())
    };
    let change = now.zip(then).map(|(now, then)| now - then);
    Tile {
        label,
        value: now.map_or_else(|| "—".to_string(), |d| format!("{d:.1}{unit}")),
        change: change.map(|c| signed(c, format!("{c:.1}{change_unit}"))),
        rising: change.map_or(0, sign),
        better,
    }
}

/// The six headline tiles, in the order shown.
pub fn tiles(data: &Data, book: &Book) -> Vec<Tile> {
    let (now, then) = (data.now(), data.last_month());
    let (owed, owed_then) = (data.owed(), data.owed_last_month());
    let (overdue, overdue_then) = (now.overdue_total(), then.overdue_total());
    let (f, g) = (&now.period.figures, &then.period.figures);
    vec![
        money_tile(fl!("owed-to-you"), owed, owed_then, Better::Neither, book),
        money_tile(fl!("overdue"), overdue, overdue_then, Better::Lower, book),
        figure_tile(
            fl!("overdue-share"),
            overdue_share(overdue, owed),
            overdue_share(overdue_then, owed_then),
            true,
            Better::Lower,
        ),
        figure_tile(fl!("dso-days"), f.dso, g.dso, false, Better::Lower),
        figure_tile(fl!("cei"), f.cei, g.cei, true, Better::Higher),
        figure_tile(fl!("add-days"), f.add, g.add, false, Better::Lower),
    ]
}

fn change_colour(theme: &Theme, rising: i32, better: Better) -> Color {
    let palette = theme.extended_palette();
    let good = match (better, rising) {
        (_, 0) | (Better::Neither, _) => None,
        (Better::Higher, r) => Some(r > 0),
        (Better::Lower, r) => Some(r < 0),
    };
    match good {
        Some(true) => palette.success.strong.color,
        Some(false) => crate::ui::widgets::warning_color(theme),
        None => Color {
            a: 0.62,
            ..theme.palette().text
        },
    }
}

/// Space between the tiles, and inside each tile on either side.
const TILE_SPACING: f32 = 10.0;
const TILE_PADDING: f32 = 12.0;
/// The figure's size when it fits, and the smallest it shrinks to.
const VALUE_SIZE: f32 = 17.0;
const VALUE_SIZE_MIN: f32 = 10.0;
/// Two lines of the change under the figure.
const CHANGE_HEIGHT: f32 = 29.0;

/// The size the figure `value` is drawn at so that it fits a tile `width` wide: a
/// nine-digit total in a window 1,024 wide would otherwise run into the next tile. A
/// bold digit is about 0.55 of the size wide (commas and points less).
pub fn value_size(value: &str, width: f32) -> f32 {
    let chars = value.chars().count().max(1) as f32;
    (width / (chars * 0.55))
        .floor()
        .clamp(VALUE_SIZE_MIN, VALUE_SIZE)
}

/// The row of tiles for a screen `width` wide.
fn tiles_row<'a>(tiles: Vec<Tile>, width: f32) -> Element<'a, Message> {
    let count = tiles.len().max(1) as f32;
    let inner = (width - TILE_SPACING * (count - 1.0)) / count - 2.0 * TILE_PADDING;
    tiles
        .into_iter()
        .fold(row![].spacing(TILE_SPACING), |tiles, tile| {
            let size = value_size(&tile.value, inner);
            tiles.push(tile_view(tile, size))
        })
        .into()
}

fn tile_view(tile: Tile, value_size: f32) -> Element<'static, Message> {
    let Tile {
        label,
        value,
        change,
        rising,
        better,
    } = tile;
    // Two lines high whether or not the change wraps, so the tiles stay even.
    let change: Element<'static, Message> = match change {
        Some(change) => text(fl!("change-since-last-month", change = change))
            .size(11)
            .height(CHANGE_HEIGHT)
            .style(move |theme: &Theme| text::Style {
                color: Some(change_colour(theme, rising, better)),
            })
            .into(),
        None => widgets::muted(fl!("no-figure-last-month"))
            .size(11)
            .height(CHANGE_HEIGHT)
            .into(),
    };
    container(
        column![
            widgets::muted(label),
            text(value)
                .size(value_size)
                // The line of a full-size figure, so a shrunk one keeps the tiles even.
                .height(VALUE_SIZE * 1.3)
                .align_y(iced::alignment::Vertical::Center)
                .font(BOLD)
                .wrapping(text::Wrapping::None),
            change
        ]
        .spacing(3),
    )
    .padding([10.0, TILE_PADDING])
    .width(Length::FillPortion(1))
    .style(widgets::panel)
    .into()
}

/// `chart` drawn in a layer of its own. With two canvases in one layer the GPU renderer
/// showed only the last one's shapes (the software renderer showed both); a stack draws
/// every child after its first in a new layer.
fn own_layer<'a>(chart: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    stack![
        space().width(Length::Fill).height(Length::Fill),
        chart.into()
    ]
    .width(Length::Fill)
    .height(Length::Fill)
    .into()
}

/// A coloured square and its label, for a chart's legend.
fn key<'a>(label: String, colour: impl Fn(&Theme) -> Color + 'a) -> Element<'a, Message> {
    row![
        container(space())
            .width(12)
            .height(12)
            .style(move |theme: &Theme| container::Style {
                background: Some(colour(theme).into()),
                ..Default::default()
            }),
        widgets::muted(label)
    ]
    .spacing(5)
    .align_y(iced::Alignment::Center)
    .into()
}

fn trend_panel<'a>(data: &'a Data, book: &'a Book) -> Element<'a, Message> {
    let count = data.buckets.len();
    let mut legend = row![].spacing(14).align_y(iced::Alignment::Center);
    for (i, bucket) in data.buckets.iter().enumerate() {
        legend = legend.push(key(fl!("days-days", days = bucket), move |theme| {
            charts::bucket_colour(theme, i, count)
        }));
    }
    legend = legend.push(key(fl!("dso-days-right"), charts::dso_colour));
    let chart = own_layer(
        canvas(TrendChart {
            data,
            currency: book.currency(),
        })
        .width(Length::Fill)
        .height(Length::Fill),
    );
    container(
        column![
            text(fl!("overdue-by-age-and-dso-month"))
                .size(15)
                .font(BOLD),
            legend.wrap().vertical_spacing(4),
            chart
        ]
        .spacing(8),
    )
    .padding([10, 12])
    .width(Length::Fill)
    .height(Length::Fill)
    .style(widgets::panel)
    .into()
}

fn forecast_panel<'a>(data: &'a Data, book: &'a Book) -> Element<'a, Message> {
    let forecast = &data.forecast;
    let legend = row![
        key(fl!("expected"), charts::expected_colour),
        key(fl!("promised"), charts::promised_colour),
        key(fl!("low-to-high"), charts::band_colour),
        widgets::muted(fl!("total-amount", amount = book.money(forecast.total))),
    ]
    .spacing(14)
    .align_y(iced::Alignment::Center)
    .wrap()
    .vertical_spacing(4);
    let chart = own_layer(
        canvas(ForecastChart {
            forecast,
            currency: book.currency(),
        })
        .width(Length::Fill)
        .height(Length::Fill),
    );
    container(
        column![
            text(fl!(
                "expected-in-the-next-weeks-weeks",
                weeks = forecast.weeks.len()
            ))
            .size(15)
            .font(BOLD),
            legend,
            chart
        ]
        .spacing(8),
    )
    .padding([10, 12])
    .width(Length::Fill)
    .height(Length::Fill)
    .style(widgets::panel)
    .into()
}

pub fn view<'a>(screen: &'a Dashboard, book: &'a Book) -> Element<'a, Message> {
    let status: Element<'a, Message> = match (&screen.error, screen.loading) {
        (Some(error), _) => widgets::danger_text(error.as_str()).into(),
        (None, true) => widgets::muted(fl!("loading")).into(),
        (None, false) => space().into(),
    };
    let as_of = screen.data.as_ref().map_or(book.today, |d| d.as_of);
    let head = row![
        text(fl!("dashboard")).size(24).font(BOLD),
        widgets::muted(fl!(
            "as-of-date-dso-cei-and",
            date = book.date(as_of),
            days = PERIOD_DAYS
        )),
        space::horizontal(),
        status,
        widgets::secondary(
            fl!("refresh"),
            (!screen.loading).then_some(Message::Refresh)
        ),
    ]
    .spacing(12)
    .align_y(iced::Alignment::Center);
    let Some(data) = screen.data.as_deref() else {
        return column![head].into();
    };
    // Each figure sized to the width its tile has, and no taller than the tiles need.
    let tiles =
        responsive(move |size| tiles_row(tiles(data, book), size.width)).height(Length::Shrink);
    column![
        head,
        tiles,
        row![
            container(trend_panel(data, book)).width(Length::FillPortion(3)),
            container(forecast_panel(data, book)).width(Length::FillPortion(2)),
        ]
        .spacing(12)
        .height(Length::FillPortion(3)),
        row![
            container(panels::riskiest(data, book)).width(Length::FillPortion(3)),
            container(panels::reviews(data, book)).width(Length::FillPortion(2)),
        ]
        .spacing(12)
        .height(Length::FillPortion(2)),
    ]
    .spacing(12)
    .height(Length::Fill)
    .into()
}
