//! Names that do not fit their column: cut with an ellipsis, whole on hover. A name cut
//! at the cell's edge with no mark ("Sterling Industrial Works" shown as "Sterling
//! Industrial Work") reads as a different, shorter name; "Sterling Industrial W…" says
//! there is more, and pointing at it shows the rest.

use iced::widget::{container, responsive, text, tooltip};
use iced::{Element, Font, Length};

use super::measure::{REGULAR, text_width};

/// The size table text is drawn at.
const SIZE: f32 = 14.0;
/// A cell's padding, left and right together (`[4, 6]`).
const PADDING: f32 = 12.0;

/// [`cut_to_fit`] at `size` in the table font, remembered: the cells are laid out
/// again on every scroll, and shaping each visible name (several times for a long one)
/// on every frame showed. A few thousand texts are kept; then the memory starts again.
fn fitted(value: &str, max: f32, size: f32) -> Option<String> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    const KEPT: usize = 4096;
    thread_local! {
        static FITTED: RefCell<HashMap<(String, u32, u32), Option<String>>> =
            RefCell::new(HashMap::new());
    }
    // Whole pixels: a column's width changes by fractions as the window is resized.
    let key = (
        value.to_string(),
        max.max(0.0).floor() as u32,
        (size * 4.0).round() as u32,
    );
    if let Some(known) = FITTED.with(|kept| kept.borrow().get(&key).cloned()) {
        return known;
    }
    let cut = cut_to_fit(value, key.1 as f32, size, REGULAR);
    FITTED.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(key, cut.clone());
    });
    cut
}

/// `value` as it fits in `max` pixels at `size` in `font`: `None` when it fits whole,
/// else its longest beginning that fits with "…" after it.
pub fn cut_to_fit(value: &str, max: f32, size: f32, font: Font) -> Option<String> {
    if text_width(value, size, font) <= max {
        return None;
    }
    let chars: Vec<char> = value.chars().collect();
    let with_ellipsis = |n: usize| {
        let mut cut: String = chars[..n].iter().collect();
        // Nor a separator left dangling before the ellipsis ("short ·…").
        let kept = cut
            .trim_end_matches(|c: char| c.is_whitespace() || "·,;:，；：、-–—".contains(c))
            .len();
        cut.truncate(kept);
        cut.push('…');
        cut
    };
    // The longest beginning that fits: widths grow with the characters taken.
    let (mut fits, mut too_long) = (0, chars.len());
    while too_long - fits > 1 {
        let middle = (fits + too_long) / 2;
        if text_width(&with_ellipsis(middle), size, font) <= max {
            fits = middle;
        } else {
            too_long = middle;
        }
    }
    // Whole words where the cut leaves most of the line: "Agreed a repayment…", not
    // "Agreed a repaym…". Chinese has no spaces and is cut between any characters.
    let words = chars[..fits]
        .iter()
        .rposition(|c| c.is_whitespace())
        .filter(|space| *space >= fits / 2);
    Some(with_ellipsis(words.unwrap_or(fits)))
}

/// [`name_cell`] for text made for the row (a name with what it is joined to it).
pub fn name_cell_owned<'a, M: 'a>(value: String, width: Length) -> Element<'a, M> {
    container(responsive(move |size| cell_fitting(&value, size.width)))
        .width(width)
        .into()
}

/// A table cell for a name: whole when it fits the column, else cut with "…" and
/// shown whole in a tooltip while the pointer is over it.
pub fn name_cell<'a, M: 'a>(value: &'a str, width: Length) -> Element<'a, M> {
    container(responsive(move |size| cell_fitting(value, size.width)))
        .width(width)
        .into()
}

/// One line of `size` text as wide as its place (a name in a list that is not a table,
/// on the Dashboard's panels): whole, or cut with "…" and whole on hover. It takes
/// `height`, the line's, as a `responsive` would take all there is.
pub fn fitted_line<'a, M: 'a>(value: String, size: f32, height: f32) -> Element<'a, M> {
    line_fitting(value, size, height, false)
}

/// [`fitted_line`] in the muted colour of secondary facts (the ledger header's line of
/// how statements and letters go, long with several email addresses).
pub fn fitted_muted_line<'a, M: 'a>(value: String, size: f32, height: f32) -> Element<'a, M> {
    line_fitting(value, size, height, true)
}

fn line_fitting<'a, M: 'a>(value: String, size: f32, height: f32, muted: bool) -> Element<'a, M> {
    container(responsive(move |bounds| {
        let line = |content: String| {
            let line = text(content).size(size).wrapping(text::Wrapping::None);
            if muted {
                line.style(super::muted_style)
            } else {
                line
            }
        };
        match fitted(&value, bounds.width, size) {
            None => line(value.clone()).into(),
            // A line much longer than its place wraps in the tooltip, not past the window.
            Some(cut) => tooltip(
                line(cut),
                container(text(value.clone()).size(size))
                    .padding([4, 8])
                    .max_width(640),
                tooltip::Position::FollowCursor,
            )
            .style(container::bordered_box)
            .into(),
        }
    }))
    .width(Length::Fill)
    .height(Length::Fixed(height))
    .into()
}

/// `value` in a cell `width` wide: whole, or cut with "…" and whole on hover.
fn cell_fitting<'a, M: 'a>(value: &str, width: f32) -> Element<'a, M> {
    let line = |content: String| {
        container(text(content).size(SIZE).wrapping(text::Wrapping::None))
            .clip(true)
            .padding([4, 6])
    };
    match fitted(value, width - PADDING, SIZE) {
        None => line(value.to_string()).into(),
        Some(cut) => tooltip(
            line(cut),
            container(text(value.to_string()).size(SIZE)).padding([4, 8]),
            tooltip::Position::FollowCursor,
        )
        .style(container::bordered_box)
        .into(),
    }
}

/// What a status line says, and how.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Something was done (posted, saved, written).
    Done(String),
    /// Something failed or was refused.
    Failed(String),
    /// A hint, or work under way.
    Hint(String),
}

/// The height a status line always takes, said or not: one line of 14 px text.
pub const STATUS_HEIGHT: f32 = 20.0;

/// One line above a list that says what just happened. It takes its height whether it
/// says anything or not, so a notice appearing never moves the rows under the pointer;
/// a notice longer than the line is cut with "…" and shown whole on hover.
pub fn status_line<'a, M: 'a>(status: Option<Status>) -> Element<'a, M> {
    let Some(mut status) = status else {
        return iced::widget::space().height(STATUS_HEIGHT).into();
    };
    // One line: a notice of several is joined, the whole of it under the pointer.
    let (Status::Done(words) | Status::Failed(words) | Status::Hint(words)) = &mut status;
    *words = words.lines().collect::<Vec<_>>().join(" · ");
    container(responsive(move |size| {
        let (words, colour): (&str, fn(&iced::Theme) -> Option<iced::Color>) = match &status {
            Status::Done(words) => (words, |theme| Some(super::success_color(theme))),
            Status::Failed(words) => (words, |theme| Some(super::warning_color(theme))),
            Status::Hint(words) => (words, |theme| {
                Some(iced::Color {
                    a: 0.62,
                    ..theme.palette().text
                })
            }),
        };
        let line = |content: String| {
            text(content)
                .size(SIZE)
                .wrapping(text::Wrapping::None)
                .style(move |theme: &iced::Theme| text::Style {
                    color: colour(theme),
                })
        };
        match fitted(words, size.width, SIZE) {
            None => line(words.to_string()).into(),
            Some(cut) => tooltip(
                line(cut),
                container(text(words.to_string()).size(SIZE))
                    .padding([4, 8])
                    .max_width(640),
                tooltip::Position::Bottom,
            )
            .style(container::bordered_box)
            .into(),
        }
    }))
    .height(STATUS_HEIGHT)
    .width(Length::Fill)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_too_long_is_cut_to_fit_with_an_ellipsis() {
        let name = "Sterling Industrial Works International Holdings";
        let whole = text_width(name, SIZE, REGULAR);
        assert_eq!(cut_to_fit(name, whole + 1.0, SIZE, REGULAR), None);
        let cut = cut_to_fit(name, 120.0, SIZE, REGULAR).expect("cut");
        assert!(cut.ends_with('…') && cut.len() < name.len(), "{cut}");
        assert!(name.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert!(text_width(&cut, SIZE, REGULAR) <= 120.0, "{cut}");
        // Cut between words, not inside one.
        let kept = cut.trim_end_matches('…');
        assert!(name[kept.len()..].starts_with(' '), "{cut}");
        // Chinese, and a column narrower than any beginning.
        let chinese = cut_to_fit("深圳华星贸易有限公司深圳分公司", 70.0, SIZE, REGULAR).unwrap();
        assert!(
            chinese.starts_with('深') && chinese.ends_with('…'),
            "{chinese}"
        );
        assert_eq!(cut_to_fit("Acme", 1.0, SIZE, REGULAR).as_deref(), Some("…"));
    }
}
