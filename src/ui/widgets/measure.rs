//! Widths that fit their text. An amount column is as wide as its widest figure needs,
//! measured in the font it is drawn in, so money is never clipped (a right-aligned
//! figure cut at its left edge shows a smaller number: "65,581.00" for
//! "22,765,581.03"); the rest of the row goes to the columns that can give way.

use std::borrow::Cow;
use std::sync::Once;

use iced::advanced::graphics::text::{Paragraph, font_system};
use iced::advanced::text::{Alignment, LineHeight, Paragraph as _, Shaping, Text, Wrapping};
use iced::alignment::Vertical;
use iced::{Font, Size};

use super::BOLD;

/// The app's fonts, drawn from one place so the window and the measuring load them once.
pub static REGULAR_FONT: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Regular.otf");
pub static BOLD_FONT: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Bold.otf");

/// The app's text font (the window's default), to measure plain text with.
pub const REGULAR: Font = Font::with_name("Noto Sans CJK SC");

/// The padding of a table cell, left and right together (`[4, 6]`).
const CELL_PADDING: f32 = 12.0;

/// The width `content` takes on one line at `size` in `font`. Never less than an
/// estimate from its length, should no font be at hand to measure with.
pub fn text_width(content: &str, size: f32, font: Font) -> f32 {
    static FONTS: Once = Once::new();
    FONTS.call_once(|| {
        if let Ok(mut fonts) = font_system().write() {
            // The same bytes as the window's (`load_font` skips what it has).
            fonts.load_font(Cow::Borrowed(REGULAR_FONT));
            fonts.load_font(Cow::Borrowed(BOLD_FONT));
        }
    });
    let measured = Paragraph::with_text(Text {
        content,
        bounds: Size::INFINITE,
        size: size.into(),
        line_height: LineHeight::default(),
        font,
        align_x: Alignment::Default,
        align_y: Vertical::Top,
        shaping: Shaping::Advanced,
        wrapping: Wrapping::None,
    })
    .min_bounds()
    .width;
    // Digits and separators in Noto Sans are at most about 0.6 of the size.
    let estimate = content.chars().count() as f32 * size * 0.45;
    measured.max(estimate)
}

/// The width of a column of amounts headed `header` whose figures are `figures`: its
/// widest figure in bold (totals rows are bold), or its header, whichever is wider.
pub fn money_column<'a>(header: &str, figures: impl IntoIterator<Item = &'a str>) -> f32 {
    // Digits are all one width, so the longest figure is the widest.
    let widest = figures
        .into_iter()
        .max_by_key(|figure| figure.chars().count())
        .unwrap_or("");
    let figure = text_width(widest, 14.0, BOLD);
    // The header's sort arrow (" ▲") beside it.
    let header = text_width(&format!("{header} ▲"), 13.0, BOLD);
    (figure.max(header) + CELL_PADDING + 2.0).ceil()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_figure_is_wider_and_a_column_fits_its_widest() {
        let short = text_width("1.00", 14.0, BOLD);
        let long = text_width("22,765,581.03", 14.0, BOLD);
        assert!(short > 0.0 && long > 2.0 * short, "{short} {long}");
        let column = money_column("Balance", ["1.00", "22,765,581.03", "-7.50"]);
        assert!(column >= long + CELL_PADDING, "{column} {long}");
        // A long header widens the column to fit it.
        let header = money_column("A header far wider than any figure", ["1.00"]);
        assert!(header > column, "{header} {column}");
    }
}
