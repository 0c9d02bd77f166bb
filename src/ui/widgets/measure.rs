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
/// Noto Sans, for the letters Noto Sans SC lacks (Ł Ş Č İ Ř ț ά…). Text falls back to it
/// by name ("Noto Sans" heads cosmic-text's fallback list), so a Polish or Turkish name
/// draws the same on any machine, whatever fonts the system has.
pub static LATIN_FONTS: [&[u8]; 2] = [
    include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
];

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
            for latin in LATIN_FONTS {
                fonts.load_font(Cow::Borrowed(latin));
            }
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

    use iced::advanced::graphics::text::cosmic_text::fontdb;

    #[test]
    fn letters_the_chinese_face_lacks_are_drawn_from_the_bundled_noto_sans() {
        // Measuring loads the app's fonts into the shared font system.
        text_width("x", 14.0, REGULAR);
        let names =
            "Łódź Ştefan Țuțea Čeněk Řehoř İstanbul Nguyễn Đức Ødegård Дмитрий Ευάγγελος 张伟";
        let paragraph = Paragraph::with_text(Text {
            content: names,
            bounds: Size::INFINITE,
            size: 14.0.into(),
            line_height: LineHeight::default(),
            font: REGULAR,
            align_x: Alignment::Default,
            align_y: Vertical::Top,
            shaping: Shaping::Auto,
            wrapping: Wrapping::None,
        });
        let mut fonts = font_system().write().expect("the font system");
        let mut glyphs = 0;
        for run in paragraph.buffer().layout_runs() {
            for glyph in run.glyphs {
                let text = &run.text[glyph.start..glyph.end];
                if text.trim().is_empty() {
                    continue;
                }
                glyphs += 1;
                // Glyph 0 is .notdef, the empty box a missing letter shows as.
                assert_ne!(glyph.glyph_id, 0, "{text:?} has no glyph");
                let face = fonts.raw().db().face(glyph.font_id).expect("a loaded face");
                let family = &face.families[0].0;
                assert!(
                    family == "Noto Sans" || family == "Noto Sans CJK SC",
                    "{text:?} is drawn from {family}"
                );
            }
        }
        // Both Noto Sans faces are loaded from the app's own bytes (a system copy of the
        // same family, where there is one, may be the one the shaper picks).
        let mut bundled = |weight: fontdb::Weight| {
            fonts.raw().db().faces().any(|face| {
                matches!(face.source, fontdb::Source::Binary(_))
                    && face.families[0].0 == "Noto Sans"
                    && face.weight == weight
            })
        };
        assert!(bundled(fontdb::Weight::NORMAL) && bundled(fontdb::Weight::BOLD));
        assert!(glyphs >= 60, "{glyphs} glyphs shaped");
    }

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
