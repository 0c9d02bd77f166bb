//! Building blocks the screens share: table cells and headers, a virtualised list that
//! builds only the rows in view, labelled form fields that show why a value is refused,
//! and the few colours and styles the app uses.

use std::ops::Range;

use iced::widget::{
    Column, button, column, container, mouse_area, row, scrollable, space, text, text_input,
};
use iced::{Background, Border, Color, Element, Font, Length, Theme, font};

use super::screen::ListKey;
use crate::fl;

mod contrast;
pub mod date_picker;
mod edited;
mod ellipsis;
mod measure;
pub use date_picker::{DatePicker, date_field};
pub use edited::Edited;
pub use ellipsis::{
    STATUS_HEIGHT, Status, fitted_line, fitted_muted_line, name_cell, name_cell_owned, status_line,
};
pub use measure::{BOLD_FONT, LATIN_FONTS, REGULAR, REGULAR_FONT, money_column, text_width};

/// Height of one table row; the virtualised lists rely on it being fixed.
pub const ROW_HEIGHT: f32 = 28.0;
/// Rows built beyond the viewport's edges so a fast scroll never shows a gap.
const OVERSCAN: usize = 8;
/// Width of a list's scrollbar and its spacing: header and totals rows end with a
/// space this wide so their columns line up with the rows'.
pub const GUTTER: f32 = 14.0;
/// The viewport assumed before the first scroll event reports the real one.
const FIRST_VIEWPORT: f32 = 1200.0;

pub const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..Font::with_name("Noto Sans CJK SC")
};

/// Where a virtualised list is scrolled to, as its scrollable last reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scroll {
    pub offset: f32,
    pub height: f32,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            offset: 0.0,
            height: FIRST_VIEWPORT,
        }
    }
}

impl Scroll {
    pub fn from_viewport(viewport: scrollable::Viewport) -> Scroll {
        Scroll {
            offset: viewport.absolute_offset().y,
            height: viewport.bounds().height,
        }
    }

    /// The rows of a `total`-row list that are (nearly) in view.
    pub fn visible(&self, total: usize) -> Range<usize> {
        let first = (self.offset / ROW_HEIGHT).floor().max(0.0) as usize;
        let count = (self.height / ROW_HEIGHT).ceil() as usize + 1;
        let start = first.saturating_sub(OVERSCAN).min(total);
        let end = (first + count + OVERSCAN).min(total);
        start..end
    }

    /// Where a list key moves the selection in a list of `len` rows, from `position`
    /// (none selected: the first row). `None` for Enter, or an empty list.
    pub fn step(&self, key: ListKey, position: Option<usize>, len: usize) -> Option<usize> {
        let last = len.checked_sub(1)?;
        let page = ((self.height / ROW_HEIGHT) as usize).max(1);
        Some(match (key, position) {
            (ListKey::Enter, _) => return None,
            (_, None) => 0,
            (ListKey::Up, Some(p)) => p.saturating_sub(1),
            (ListKey::Down, Some(p)) => (p + 1).min(last),
            (ListKey::PageUp, Some(p)) => p.saturating_sub(page),
            (ListKey::PageDown, Some(p)) => (p + page).min(last),
        })
    }

    /// Scrolls the list `id` so row `index` is in view (nothing if it already is).
    pub fn reveal<M: Send + 'static>(&self, id: &'static str, index: usize) -> iced::Task<M> {
        match self.offset_to_show(index) {
            Some(y) => iced::widget::operation::scroll_to(
                iced::widget::Id::new(id),
                scrollable::AbsoluteOffset { x: 0.0, y },
            ),
            None => iced::Task::none(),
        }
    }

    /// Scrolls the list `id` back to its first row (after the rows shown changed).
    pub fn to_top<M: Send + 'static>(&mut self, id: &'static str) -> iced::Task<M> {
        self.offset = 0.0;
        iced::widget::operation::snap_to(
            iced::widget::Id::new(id),
            scrollable::RelativeOffset::START,
        )
    }

    /// The offset that brings row `index` into view, if it is not already.
    pub fn offset_to_show(&self, index: usize) -> Option<f32> {
        let top = index as f32 * ROW_HEIGHT;
        if top < self.offset {
            Some(top)
        } else if top + ROW_HEIGHT > self.offset + self.height {
            Some(top + ROW_HEIGHT - self.height)
        } else {
            None
        }
    }
}

/// A scrollable list of `total` fixed-height rows of which only those in view are built;
/// spacers above and below keep the scrollbar true to the whole list.
pub fn virtual_list<'a, M: Clone + 'a>(
    id: &'static str,
    total: usize,
    scroll: &Scroll,
    on_scroll: fn(scrollable::Viewport) -> M,
    mut build: impl FnMut(usize) -> Element<'a, M>,
) -> Element<'a, M> {
    let range = scroll.visible(total);
    let above = range.start as f32 * ROW_HEIGHT;
    let below = (total - range.end) as f32 * ROW_HEIGHT;
    let mut rows = Column::with_capacity(range.len() + 2).push(space().height(above));
    for index in range {
        rows = rows.push(container(build(index)).height(ROW_HEIGHT));
    }
    rows = rows.push(space().height(below));
    let list = scrollable(rows.width(Length::Fill))
        .id(id)
        .spacing(GUTTER - 10.0)
        .on_scroll(on_scroll)
        .height(Length::Fill);
    match thumb(total, scroll) {
        Some(thumb) => iced::widget::stack![list, thumb].into(),
        None => list.into(),
    }
}

/// The least a list's scrollbar thumb is long, in pixels: easy to see and to grab.
pub const MIN_THUMB: f32 = 28.0;
/// The scrollbar's width (iced's default), which the thumb drawn over it matches.
const SCROLLBAR: f32 = 10.0;
/// Marks the thumb drawn over a long list's scrollbar (for tests).
pub const THUMB: &str = "list-thumb";

/// Over a list so long that the scrollbar's own thumb would be shorter than
/// [`MIN_THUMB`] (iced draws it 2 pixels long on 10,000 rows), a thumb of that length,
/// where the list is scrolled to. It is only drawn: it takes no clicks, so pressing on
/// it presses on the scrollbar beneath, which moves the list as it always does.
fn thumb<'a, M: 'a>(total: usize, scroll: &Scroll) -> Option<Element<'a, M>> {
    let content = total as f32 * ROW_HEIGHT;
    let viewport = scroll.height.max(1.0);
    if content <= viewport || viewport * viewport / content >= MIN_THUMB {
        return None;
    }
    // Where the thumb is along the track, as the space above it to the space below.
    let travel = (content - viewport).max(1.0);
    let at = (scroll.offset / travel).clamp(0.0, 1.0);
    let above = (at * 1000.0).round() as u16;
    let thumb = container(space().width(SCROLLBAR).height(MIN_THUMB))
        .id(THUMB)
        .style(|theme: &Theme| container::Style {
            background: Some(Background::Color(
                theme.extended_palette().background.strongest.color,
            )),
            border: Border {
                radius: 4.0.into(),
                ..Border::default()
            },
            ..container::Style::default()
        });
    Some(
        row![
            space::horizontal(),
            column![
                space().height(Length::FillPortion(above.max(1))),
                thumb,
                space().height(Length::FillPortion((1000 - above).max(1))),
            ]
            .width(SCROLLBAR)
            .height(Length::Fill),
        ]
        .into(),
    )
}

/// A plain table cell.
pub fn cell<'a, M: 'a>(value: impl text::IntoFragment<'a>, width: Length) -> Element<'a, M> {
    container(text(value).size(14).wrapping(text::Wrapping::None))
        .width(width)
        .clip(true)
        .padding([4, 6])
        .into()
}

/// A right-aligned cell for amounts and counts.
pub fn amount_cell<'a, M: 'a>(value: impl text::IntoFragment<'a>, width: Length) -> Element<'a, M> {
    flagged_amount_cell(value, width, false)
}

/// [`amount_cell`] in the warning colour when `flagged` (overdue money, a customer on
/// hold or over its limit), so what needs attention stands out in a column.
pub fn flagged_amount_cell<'a, M: 'a>(
    value: impl text::IntoFragment<'a>,
    width: Length,
    flagged: bool,
) -> Element<'a, M> {
    container(
        text(value)
            .size(14)
            .wrapping(text::Wrapping::None)
            .style(move |theme: &Theme| text::Style {
                color: flagged.then(|| warning_color(theme)),
            })
            .align_x(iced::alignment::Horizontal::Right)
            .width(Length::Fill),
    )
    .width(width)
    .clip(true)
    .padding([4, 6])
    .into()
}

/// A bold cell for totals rows.
pub fn total_cell<'a, M: 'a>(
    value: impl text::IntoFragment<'a>,
    width: Length,
    right: bool,
) -> Element<'a, M> {
    let label = text(value)
        .size(14)
        .font(BOLD)
        .wrapping(text::Wrapping::None);
    let label = if right {
        label
            .align_x(iced::alignment::Horizontal::Right)
            .width(Length::Fill)
    } else {
        label
    };
    container(label)
        .width(width)
        .clip(true)
        .padding([4, 6])
        .into()
}

/// Which way a column is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ascending,
    Descending,
}

impl Direction {
    pub fn flip(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

/// A column header; clicking it sorts by that column. `sorted` shows the arrow.
pub fn header_cell<'a, M: Clone + 'a>(
    label: impl std::fmt::Display,
    width: Length,
    right: bool,
    sorted: Option<Direction>,
    on_press: Option<M>,
) -> Element<'a, M> {
    let arrow = match sorted {
        Some(Direction::Ascending) => " ▲",
        Some(Direction::Descending) => " ▼",
        None => "",
    };
    let mut label = text(format!("{label}{arrow}"))
        .size(13)
        .font(BOLD)
        .wrapping(text::Wrapping::None);
    if right {
        label = label
            .align_x(iced::alignment::Horizontal::Right)
            .width(Length::Fill);
    }
    let content = container(label).width(width).clip(true).padding([6, 6]);
    match on_press {
        Some(message) => mouse_area(content)
            .on_press(message)
            .interaction(iced::mouse::Interaction::Pointer)
            .into(),
        None => content.into(),
    }
}

/// The background of a header or totals row.
pub fn band(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.weak.color)),
        ..Default::default()
    }
}

/// A row's background: highlighted when selected, striped otherwise.
pub fn row_style(selected: bool, odd: bool) -> impl Fn(&Theme) -> container::Style {
    move |theme: &Theme| {
        let palette = theme.extended_palette();
        let background = if selected {
            Some(Background::Color(palette.primary.weak.color))
        } else if odd {
            Some(Background::Color(palette.background.weakest.color))
        } else {
            None
        };
        container::Style {
            background,
            text_color: selected.then_some(palette.primary.weak.text),
            ..Default::default()
        }
    }
}

/// A panel with a border, for forms and summaries.
pub fn panel(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.base.color)),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: 6.0.into(),
        },
        ..Default::default()
    }
}

/// Text in the theme's danger colour (refused input, errors).
pub fn danger_text<'a>(message: impl text::IntoFragment<'a>) -> text::Text<'a> {
    text(message).size(13).style(|theme: &Theme| text::Style {
        color: Some(warning_color(theme)),
    })
}

/// Muted text for hints and secondary facts.
pub fn muted<'a>(message: impl text::IntoFragment<'a>) -> text::Text<'a> {
    text(message).size(13).style(muted_style)
}

/// The colour of [`muted`] text.
pub fn muted_style(theme: &Theme) -> text::Style {
    text::Style {
        // Readable on light and dark themes alike: the text colour, softened.
        color: Some(Color {
            a: 0.62,
            ..theme.palette().text
        }),
    }
}

/// What was done (posted, saved): the theme's green, made to meet WCAG AA as
/// [`warning_color`] is.
pub fn success_color(theme: &Theme) -> Color {
    contrast::readable(
        theme.palette().success,
        &contrast::backgrounds(theme),
        contrast::AA,
    )
}

/// Amounts owed past their due date stand out: the theme's red, made to meet WCAG AA
/// on the backgrounds a row can have.
pub fn warning_color(theme: &Theme) -> Color {
    contrast::readable(
        theme.palette().danger,
        &contrast::backgrounds(theme),
        contrast::AA,
    )
}

/// The width of a form's labels, and of its inputs.
pub const LABEL_WIDTH: f32 = 150.0;
pub const FIELD_WIDTH: f32 = 250.0;

/// A labelled text input that shows beneath it why its value is refused.
pub fn field<'a, M: Clone + 'a>(
    label: impl AsRef<str>,
    id: &'static str,
    value: &'a str,
    on_input: impl Fn(String) -> M + 'a,
    on_submit: Option<M>,
    error: Option<String>,
) -> Element<'a, M> {
    let label = label.as_ref();
    let input = form_input(label, id, value, on_input, on_submit, FIELD_WIDTH);
    labelled_field(label, input.into(), error)
}

/// A form's text input: the label as its placeholder, `width` wide, Enter sending
/// `on_submit`.
pub fn form_input<'a, M: Clone + 'a>(
    label: &str,
    id: &'static str,
    value: &'a str,
    on_input: impl Fn(String) -> M + 'a,
    on_submit: Option<M>,
    width: f32,
) -> iced::widget::TextInput<'a, M> {
    let input = text_input(label, value)
        .id(id)
        .on_input(on_input)
        .padding(6)
        .size(14)
        .width(Length::Fixed(width));
    match on_submit {
        Some(message) => input.on_submit(message),
        None => input,
    }
}

/// `input` (a field, or a field with its calendar) after its label, with the reason its
/// value is refused beneath it, as wide as it: beside it, a refusal took the width a
/// form's second column needed at 1024 pixels, and squeezed to nothing there it showed
/// as an empty gap. The input is in the same place whether a reason shows or not: moved
/// into a column when one appeared, it lost its state, and so the keyboard's focus, on
/// the first key that made the value wrong ("a" of "ar@example.com"), and what was
/// typed next went nowhere.
pub fn labelled_field<'a, M: 'a>(
    label: &str,
    input: Element<'a, M>,
    error: Option<String>,
) -> Element<'a, M> {
    let input = column![input]
        .push(error.map(|reason| danger_text(reason).width(Length::Fixed(FIELD_WIDTH))))
        .spacing(2);
    row![
        text(label.to_string())
            .size(14)
            .width(Length::Fixed(LABEL_WIDTH)),
        input,
    ]
    .spacing(10)
    .align_y(iced::Alignment::Center)
    .into()
}

/// A primary button, disabled (no message) while its form is not valid.
pub fn action<'a, M: Clone + 'a>(
    label: impl text::IntoFragment<'a>,
    message: Option<M>,
) -> Element<'a, M> {
    button(text(label).size(14))
        .padding([6, 14])
        .on_press_maybe(message)
        .into()
}

/// A button of a row of choices that shows whether it is the one chosen.
pub fn choice<'a, M: Clone + 'a>(label: String, chosen: bool, message: M) -> Element<'a, M> {
    button(text(label).size(13))
        .padding([4, 8])
        .style(move |theme: &iced::Theme, status| {
            if chosen {
                button::primary(theme, status)
            } else {
                button::secondary(theme, status)
            }
        })
        .on_press(message)
        .into()
}

/// A secondary button.
pub fn secondary<'a, M: Clone + 'a>(
    label: impl text::IntoFragment<'a>,
    message: Option<M>,
) -> Element<'a, M> {
    button(text(label).size(14))
        .padding([6, 14])
        .style(button::secondary)
        .on_press_maybe(message)
        .into()
}

/// A form's title bar with a Close (Esc) button.
pub fn form_title<'a, M: Clone + 'a>(
    title: impl text::IntoFragment<'a>,
    close: M,
) -> Element<'a, M> {
    row![
        text(title).size(18).font(BOLD),
        space::horizontal(),
        secondary(fl!("close-esc"), Some(close)),
    ]
    .align_y(iced::Alignment::Center)
    .into()
}

/// A form on a panel: its title and Close, its fields, and its buttons beneath. The
/// fields scroll when the window is too short for them and the buttons stay in view: at
/// 1024×700 a ledger's header and a long form left Post below the window's edge.
pub fn form_panel<'a, M: Clone + 'a>(
    title: impl text::IntoFragment<'a>,
    close: M,
    fields: impl Into<Element<'a, M>>,
    buttons: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    container(
        column![
            form_title(title, close),
            scrollable(container(fields).padding(iced::Padding {
                right: GUTTER,
                ..iced::Padding::ZERO
            }))
            .height(Length::Fill),
            buttons.into(),
        ]
        .spacing(12),
    )
    .padding(16)
    .style(panel)
    .into()
}

/// A labelled figure for headers: label above, value below.
pub fn figure<'a, M: 'a>(label: impl text::IntoFragment<'a>, value: String) -> Element<'a, M> {
    column![muted(label), text(value).size(16).font(BOLD)]
        .spacing(2)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the thumb over a `total`-row list scrolled to `offset` is drawn, in a
    /// window as tall as the list's viewport: (top, length).
    fn thumb_at(total: usize, offset: f32) -> Option<(f32, f32)> {
        use iced_test::selector::Candidate;
        let scroll = Scroll {
            offset,
            height: 500.0,
        };
        let list: Element<'_, ()> =
            virtual_list("t", total, &scroll, |_| (), |i| text(i.to_string()).into());
        let mut ui = iced_test::simulator::Simulator::with_size(
            iced::Settings::default(),
            (400.0, 500.0),
            list,
        );
        ui.find(|candidate: Candidate<'_>| match candidate {
            Candidate::Container {
                id: Some(id),
                bounds,
                ..
            } if *id == iced::widget::Id::new(THUMB) => Some((bounds.y, bounds.height)),
            _ => None,
        })
        .ok()
    }

    #[test]
    fn a_long_lists_thumb_is_long_enough_to_see_and_follows_the_scroll() {
        // 10,000 rows: iced's own thumb would be 2 px.
        let rows = 10_000;
        let travel = rows as f32 * ROW_HEIGHT - 500.0;
        let (top, length) = thumb_at(rows, 0.0).expect("a thumb");
        assert!(length >= MIN_THUMB, "{length}");
        assert!(top < 2.0, "at the top: {top}");
        let (middle, _) = thumb_at(rows, travel / 2.0).unwrap();
        assert!((middle - (500.0 - MIN_THUMB) / 2.0).abs() < 2.0, "{middle}");
        let (bottom, _) = thumb_at(rows, travel).unwrap();
        assert!(bottom + MIN_THUMB > 498.0, "at the end: {bottom}");
        // A list whose own thumb is long enough gets none drawn over it.
        assert_eq!(thumb_at(40, 0.0), None);
    }

    #[test]
    fn only_rows_in_view_are_built() {
        let scroll = Scroll {
            offset: 28.0 * 1000.0,
            height: 28.0 * 20.0,
        };
        let range = scroll.visible(100_000);
        assert_eq!(range, 992..1029);
        assert_eq!(Scroll::default().visible(3), 0..3);
        let end = Scroll {
            offset: 28.0 * 99_990.0,
            height: 560.0,
        };
        assert_eq!(end.visible(100_000).end, 100_000);
    }

    #[test]
    fn list_keys_move_within_the_list() {
        let scroll = Scroll {
            offset: 0.0,
            height: 28.0 * 10.0,
        };
        assert_eq!(scroll.step(ListKey::Down, None, 5), Some(0));
        assert_eq!(scroll.step(ListKey::Down, Some(4), 5), Some(4));
        assert_eq!(scroll.step(ListKey::Up, Some(0), 5), Some(0));
        assert_eq!(scroll.step(ListKey::PageDown, Some(3), 100), Some(13));
        assert_eq!(scroll.step(ListKey::PageUp, Some(3), 100), Some(0));
        assert_eq!(scroll.step(ListKey::Enter, Some(3), 100), None);
        assert_eq!(scroll.step(ListKey::Down, None, 0), None);
    }

    #[test]
    fn scrolling_to_a_row() {
        let scroll = Scroll {
            offset: 280.0,
            height: 280.0,
        };
        assert_eq!(scroll.offset_to_show(5), Some(140.0));
        assert_eq!(scroll.offset_to_show(12), None);
        assert_eq!(scroll.offset_to_show(25), Some(26.0 * 28.0 - 280.0));
    }
}
