//! The Dashboard's charts, drawn on iced's canvas in the theme's colours: the overdue
//! by aging bucket month by month as stacked bars, with DSO as a line on its own scale
//! at the right; and the forecast week by week as bars of the expected and the promised
//! inside the shaded band from low to high. Amounts on the axis are in the book's currency format. The floats here
//! are pixels; every figure was worked out in decimals by the library.

use iced::alignment::Vertical;
use iced::mouse;
use iced::widget::canvas::{self, Frame, Path, Stroke, Text};
use iced::widget::text::Alignment;
use iced::{Color, Font, Pixels, Point, Rectangle, Renderer, Size, Theme};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::Data;
use crate::domain::{Currency, Money};
use crate::report::forecast::Forecast;

/// The font every screen uses (its Latin and Chinese glyphs).
const FONT: Font = Font::with_name("Noto Sans CJK SC");
const LABEL_SIZE: f32 = 11.0;

/// The colour of overdue bucket `index` of `count`: from the theme's warning colour for
/// the youngest to its danger colour for the oldest, which reads on light and dark
/// backgrounds alike.
pub fn bucket_colour(theme: &Theme, index: usize, count: usize) -> Color {
    let palette = theme.extended_palette();
    let (young, old) = (palette.warning.base.color, palette.danger.strong.color);
    let age = index as f32 / count.saturating_sub(1).max(1) as f32;
    let mix = |a: f32, b: f32| a + (b - a) * age;
    Color::from_rgb(
        mix(young.r, old.r),
        mix(young.g, old.g),
        mix(young.b, old.b),
    )
}

/// The colour of the DSO line.
pub fn dso_colour(theme: &Theme) -> Color {
    theme.extended_palette().primary.strong.color
}

fn text_colour(theme: &Theme, strength: f32) -> Color {
    Color {
        a: strength,
        ..theme.palette().text
    }
}

/// A round step near `range / steps` (1, 2 or 5 times a power of ten), so the axis
/// reads 0, 50,000, 100,000… and not 0, 43,117.5…
pub fn nice_step(range: f64, steps: u32) -> f64 {
    if range <= 0.0 || !range.is_finite() {
        return 1.0;
    }
    let rough = range / f64::from(steps.max(1));
    let power = 10f64.powf(rough.log10().floor());
    let fraction = rough / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

fn pixels(money: Money) -> f64 {
    money.0.to_f64().unwrap_or(0.0)
}

/// Overdue by bucket as stacked bars, one per month, and DSO as a line.
pub struct TrendChart<'a> {
    pub data: &'a Data,
    pub currency: &'a Currency,
}

impl<Message> canvas::Program<Message> for TrendChart<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<canvas::Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        draw_trend(&mut frame, self.data, self.currency, theme);
        vec![frame.into_geometry()]
    }
}

fn label(frame: &mut Frame, content: String, at: Point, align_x: Alignment, colour: Color) {
    frame.fill_text(Text {
        content,
        position: at,
        color: colour,
        size: Pixels(LABEL_SIZE),
        font: FONT,
        align_x,
        align_y: Vertical::Center,
        ..Text::default()
    });
}

/// Room under the plot for the dates.
const BOTTOM: f32 = 22.0;

/// Draws the amount axis on the left (round steps from 0 past `tallest`, in the book's
/// currency format) with its grid lines, leaving `right` pixels free on the right;
/// the plot's rectangle and the amount at its top.
fn amount_axis(
    frame: &mut Frame,
    tallest: f64,
    right: f32,
    currency: &Currency,
    theme: &Theme,
) -> (Rectangle, f64) {
    let size = frame.size();
    let step = nice_step(tallest, 4);
    let top_value = (tallest / step).ceil().max(1.0) * step;
    let ticks: Vec<f64> = (0..=((top_value / step).round() as u32))
        .map(|i| f64::from(i) * step)
        .collect();
    let amount_label = |value: f64| {
        let whole = Decimal::from_f64_retain(value.round()).unwrap_or_default();
        currency.display(currency.rescale(Money(whole)))
    };
    // Room for the widest amount on the left.
    let widest = ticks
        .iter()
        .map(|v| amount_label(*v).chars().count())
        .max()
        .unwrap_or(4);
    let left = 10.0 + widest as f32 * LABEL_SIZE * 0.58;
    let top = 10.0;
    let plot = Rectangle {
        x: left,
        y: top,
        width: (size.width - left - right).max(10.0),
        height: (size.height - top - BOTTOM).max(10.0),
    };
    let grid = Stroke::default()
        .with_width(1.0)
        .with_color(text_colour(theme, 0.12));
    for tick in &ticks {
        let y = plot.y + plot.height - (tick / top_value) as f32 * plot.height;
        frame.stroke(
            &Path::line(Point::new(plot.x, y), Point::new(plot.x + plot.width, y)),
            grid,
        );
        label(
            frame,
            amount_label(*tick),
            Point::new(plot.x - 6.0, y),
            Alignment::Right,
            text_colour(theme, 0.62),
        );
    }
    (plot, top_value)
}

fn draw_trend(frame: &mut Frame, data: &Data, currency: &Currency, theme: &Theme) {
    let months = &data.months;
    if months.is_empty() {
        return;
    }
    let tallest = months
        .iter()
        .map(|m| pixels(m.overdue_total()))
        .fold(0.0, f64::max);
    // Room on the right for DSO's days.
    let (plot, top_value) = amount_axis(frame, tallest, 44.0, currency, theme);
    let y_of = |value: f64| plot.y + plot.height - (value / top_value) as f32 * plot.height;

    // Stacked bars: the youngest bucket at the bottom, the oldest on top.
    let slot = plot.width / months.len() as f32;
    let bar = (slot * 0.62).max(2.0);
    // Every month's name when there is room, else every second or third.
    let every = (50.0 / slot).ceil().max(1.0) as usize;
    for (i, month) in months.iter().enumerate() {
        let x = plot.x + slot * i as f32 + (slot - bar) / 2.0;
        let mut base = 0.0;
        for (b, amount) in month.overdue.iter().enumerate() {
            let value = pixels(*amount);
            if value <= 0.0 {
                continue;
            }
            let (y_low, y_high) = (y_of(base), y_of(base + value));
            frame.fill_rectangle(
                Point::new(x, y_high),
                Size::new(bar, (y_low - y_high).max(0.5)),
                bucket_colour(theme, b, month.overdue.len()),
            );
            base += value;
        }
        if i % every != 0 {
            continue;
        }
        label(
            frame,
            month.period.as_of.format("%Y-%m").to_string(),
            Point::new(x + bar / 2.0, plot.y + plot.height + BOTTOM / 2.0 + 2.0),
            Alignment::Center,
            text_colour(theme, 0.62),
        );
    }

    // DSO on its own scale at the right.
    let dsos: Vec<Option<f64>> = months
        .iter()
        .map(|m| m.period.figures.dso.and_then(|d| d.to_f64()))
        .collect();
    let highest = dsos.iter().flatten().copied().fold(0.0, f64::max);
    let dso_step = nice_step(highest, 4);
    let dso_top = (highest / dso_step).ceil().max(1.0) * dso_step;
    let dso_y = |days: f64| plot.y + plot.height - (days / dso_top) as f32 * plot.height;
    for i in 0..=((dso_top / dso_step).round() as u32) {
        let days = f64::from(i) * dso_step;
        label(
            frame,
            format!("{days}"),
            Point::new(plot.x + plot.width + 6.0, dso_y(days)),
            Alignment::Left,
            dso_colour(theme),
        );
    }
    let colour = dso_colour(theme);
    let points: Vec<Option<Point>> = dsos
        .iter()
        .enumerate()
        .map(|(i, d)| d.map(|d| Point::new(plot.x + slot * (i as f32 + 0.5), dso_y(d))))
        .collect();
    // A month without a DSO (nothing sold) breaks the line rather than dropping to zero.
    let line = Path::new(|path| {
        let mut drawing = false;
        for point in &points {
            match point {
                Some(p) if drawing => path.line_to(*p),
                Some(p) => {
                    path.move_to(*p);
                    drawing = true;
                }
                None => drawing = false,
            }
        }
    });
    frame.stroke(&line, Stroke::default().with_width(2.0).with_color(colour));
    for point in points.iter().flatten() {
        frame.fill(&Path::circle(*point, 3.0), colour);
    }
}

/// The colour of the forecast's expected money.
pub fn expected_colour(theme: &Theme) -> Color {
    theme.extended_palette().primary.base.color
}

/// The colour of the money promised.
pub fn promised_colour(theme: &Theme) -> Color {
    theme.extended_palette().success.base.color
}

/// The colour of the band from low to high.
pub fn band_colour(theme: &Theme) -> Color {
    text_colour(theme, 0.14)
}

/// The forecast: per week, the expected and the promised stacked, in the band.
pub struct ForecastChart<'a> {
    pub forecast: &'a Forecast,
    pub currency: &'a Currency,
}

impl<Message> canvas::Program<Message> for ForecastChart<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<canvas::Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        draw_forecast(&mut frame, self.forecast, self.currency, theme);
        vec![frame.into_geometry()]
    }
}

fn draw_forecast(frame: &mut Frame, forecast: &Forecast, currency: &Currency, theme: &Theme) {
    let weeks = &forecast.weeks;
    if weeks.is_empty() {
        return;
    }
    let tallest = weeks
        .iter()
        .map(|w| pixels(w.high).max(pixels(w.expected + w.promised)))
        .fold(0.0, f64::max);
    let (plot, top_value) = amount_axis(frame, tallest, 10.0, currency, theme);
    let y_of = |value: f64| plot.y + plot.height - (value / top_value) as f32 * plot.height;
    let slot = plot.width / weeks.len() as f32;
    let bar = (slot * 0.5).max(2.0);
    // Every week's date when there is room, else every second or third.
    let every = (42.0 / slot).ceil().max(1.0) as usize;
    for (i, week) in weeks.iter().enumerate() {
        let left = plot.x + slot * i as f32;
        let (low, high) = (y_of(pixels(week.low)), y_of(pixels(week.high)));
        frame.fill_rectangle(
            Point::new(left + slot * 0.1, high),
            Size::new(slot * 0.8, (low - high).max(1.0)),
            band_colour(theme),
        );
        let x = left + (slot - bar) / 2.0;
        let mut base = 0.0;
        for (amount, colour) in [
            (week.expected, expected_colour(theme)),
            (week.promised, promised_colour(theme)),
        ] {
            let value = pixels(amount);
            if value <= 0.0 {
                continue;
            }
            let (y_low, y_high) = (y_of(base), y_of(base + value));
            frame.fill_rectangle(
                Point::new(x, y_high),
                Size::new(bar, (y_low - y_high).max(0.5)),
                colour,
            );
            base += value;
        }
        if i % every == 0 {
            label(
                frame,
                week.start.format("%m-%d").to_string(),
                Point::new(left + slot / 2.0, plot.y + plot.height + BOTTOM / 2.0 + 2.0),
                Alignment::Center,
                text_colour(theme, 0.62),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(43_117.5, 4), 20_000.0);
        assert_eq!(nice_step(100.0, 4), 50.0);
        assert_eq!(nice_step(9.0, 4), 5.0);
        assert_eq!(nice_step(0.0, 4), 1.0);
        assert_eq!(nice_step(f64::NAN, 4), 1.0);
    }
}
