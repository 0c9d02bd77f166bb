//! How the notes screen looks: the filters, the one-line-per-note virtualised list with
//! a standing badge on each note, and a panel below it with all of the selected note.

use iced::widget::{
    button, column, container, mouse_area, pick_list, responsive, row, scrollable, space, text,
    text_input,
};
use iced::{Alignment, Element, Length, Theme};

use super::{ChannelChoice, LIST, Message, Notes, Row, SEARCH, StatusFilter};
use crate::domain::Money;
use crate::domain::note::PromiseStatus;
use crate::fl;
use crate::report::NoteStatus;
use crate::ui::Book;
use crate::ui::widgets::{self, BOLD};

const WHEN: Length = Length::Fixed(124.0);
const CUSTOMER: Length = Length::FillPortion(3);
// Wide enough for "电话 · 我方发起" (phone · outbound) whole.
const HOW: Length = Length::Fixed(124.0);
const SUMMARY: Length = Length::FillPortion(5);
const OUTCOME: Length = Length::FillPortion(2);
/// The standing badge, then the promise's date and amount (right-aligned).
const PROMISE: Length = Length::Fixed(200.0);
const DATE: Length = Length::Fixed(92.0);
const INVOICE: Length = Length::Fixed(92.0);
/// The list's width below which its less needed columns give way.
const NARROW_BELOW: f32 = 1000.0;
/// The detail panel's height; the list takes the rest.
const DETAIL_HEIGHT: f32 = 168.0;

pub(super) fn view<'a>(notes: &'a Notes, book: &'a Book) -> Element<'a, Message> {
    let filters = StatusFilter::ALL
        .into_iter()
        .fold(row![].spacing(4), |filters, filter| {
            filters.push(filter_button(filter, notes.status, notes.count(filter)))
        });
    let toolbar = row![
        text_input(&fl!("customer-code-or-name"), &notes.search)
            .id(SEARCH)
            .on_input(Message::Search)
            .padding(8)
            .width(Length::Fixed(240.0)),
        pick_list(ChannelChoice::ALL, Some(notes.channel), Message::Channel)
            .padding(8)
            .width(Length::Fixed(140.0)),
        filters,
    ]
    .spacing(12)
    .align_y(Alignment::Center)
    // The filters onto a line of their own where the window is narrow, each on one
    // line, rather than squeezed into three.
    .wrap()
    .vertical_spacing(6);

    // Below this width the channel, outcome and invoice give way (the detail panel
    // shows them): at 1,024 pixels they left the customer three letters.
    let table = responsive(move |size| {
        let narrow = size.width < NARROW_BELOW;
        let header =
            |label: String, width: Length| widgets::header_cell(label, width, false, None, None);
        let mut columns = row![header(fl!("when"), WHEN), header(fl!("customer"), CUSTOMER),];
        if !narrow {
            columns = columns.push(header(fl!("channel"), HOW));
        }
        columns = columns.push(header(fl!("summary"), SUMMARY));
        if !narrow {
            columns = columns.push(header(fl!("outcome"), OUTCOME));
        }
        columns = columns
            .push(header(fl!("promise"), PROMISE))
            .push(header(fl!("follow-up"), DATE));
        if !narrow {
            columns = columns.push(header(fl!("invoice"), INVOICE));
        }
        let header = container(columns.push(space().width(widgets::GUTTER))).style(widgets::band);
        let list: Element<'a, Message> = if notes.visible.is_empty() && !notes.loading {
            let empty = if notes.rows.is_empty() {
                fl!("no-notes-yet-ctrl-l-logs-one")
            } else {
                fl!("no-notes-match-these-filters")
            };
            container(widgets::muted(empty))
                .padding(12)
                .height(Length::Fill)
                .into()
        } else {
            widgets::virtual_list(
                LIST,
                notes.visible.len(),
                &notes.scroll,
                Message::Scrolled,
                |position| row_view(notes, notes.visible[position], position, narrow),
            )
        };
        column![header, list].spacing(8).into()
    });

    let shown = fl!(
        "shown-of-all-notes",
        shown = notes.visible.len(),
        all = notes.rows.len()
    );
    let status: Element<'a, Message> = match (&notes.error, notes.loading) {
        (Some(error), _) => widgets::danger_text(error.as_str()).into(),
        (None, true) => widgets::muted(fl!("loading")).into(),
        (None, false) => {
            widgets::muted(format!("{shown} · {}", fl!("double-click-a-note-to-open"))).into()
        }
    };

    column![
        text(fl!("collection-notes")).size(24).font(BOLD),
        toolbar,
        table,
        detail(notes, book),
        status,
    ]
    .spacing(8)
    .into()
}

fn filter_button<'a>(
    filter: StatusFilter,
    current: StatusFilter,
    count: usize,
) -> Element<'a, Message> {
    let active = filter == current;
    // The label is its own text so it can be found (and clicked) by its words alone.
    let label = row![
        text(filter.label()).size(14),
        text(crate::i18n::count_text(count)).size(12)
    ]
    .spacing(6)
    .align_y(Alignment::Center);
    button(label)
        .padding([6, 10])
        .style(move |theme: &Theme, status| {
            if active {
                button::primary(theme, status)
            } else {
                button::secondary(theme, status)
            }
        })
        .on_press(Message::Status(filter))
        .into()
}

fn row_view<'a>(
    notes: &'a Notes,
    index: usize,
    position: usize,
    narrow: bool,
) -> Element<'a, Message> {
    let note = &notes.rows[index];
    let selected = notes.selected == Some(index);
    let follow_up = note
        .follow_up
        .map(|d| notes.locale.format_date(d))
        .unwrap_or_default();
    let follow_up: Element<'a, Message> = if note.status.follow_up_due {
        container(
            text(follow_up)
                .size(14)
                .wrapping(text::Wrapping::None)
                .style(|theme: &Theme| text::Style {
                    color: Some(widgets::warning_color(theme)),
                }),
        )
        .width(DATE)
        .clip(true)
        .padding([4, 6])
        .into()
    } else {
        widgets::cell(follow_up, DATE)
    };
    let mut content = row![
        widgets::cell(note.when.as_str(), WHEN),
        widgets::name_cell(note.customer_text.as_str(), CUSTOMER),
    ];
    if !narrow {
        content = content.push(widgets::name_cell(note.how_text.as_str(), HOW));
    }
    content = content.push(widgets::name_cell(note.line.as_str(), SUMMARY));
    if !narrow {
        content = content.push(widgets::name_cell(
            note.outcome.as_deref().unwrap_or_default(),
            OUTCOME,
        ));
    }
    content = content.push(promise_cell(note)).push(follow_up);
    if !narrow {
        content = content.push(widgets::cell(
            note.invoice.as_deref().unwrap_or_default(),
            INVOICE,
        ));
    }
    mouse_area(
        container(content)
            .width(Length::Fill)
            .style(widgets::row_style(selected, position % 2 == 1)),
    )
    .on_press(Message::Select(index))
    .on_double_click(Message::Open(index))
    .into()
}

/// What a note's promise stands at, in a word, or `None` without a promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Broken,
    Due,
    Kept,
    Pending,
}

impl Standing {
    pub fn of(note: &Row) -> Option<Standing> {
        let NoteStatus {
            promise_broken,
            promise_due,
            promise_kept,
            ..
        } = note.status;
        note.promise.as_ref().map(|_| {
            // Broken outranks due: a promise whose day has passed unpaid is the news.
            if promise_broken {
                Standing::Broken
            } else if promise_due {
                Standing::Due
            } else if promise_kept {
                Standing::Kept
            } else {
                Standing::Pending
            }
        })
    }

    pub fn label(self) -> String {
        match self {
            Standing::Broken => fl!("broken"),
            Standing::Due => fl!("due-2"),
            Standing::Kept => fl!("kept"),
            Standing::Pending => fl!("pending"),
        }
    }
}

/// The badge first, so standings line up down the list.
fn promise_cell<'a>(note: &'a Row) -> Element<'a, Message> {
    let Some(standing) = Standing::of(note) else {
        return space().width(PROMISE).into();
    };
    container(
        row![
            badge(standing),
            text(note.promise_date.as_str())
                .size(14)
                .wrapping(text::Wrapping::None),
            text(note.promise_amount.as_str())
                .size(14)
                .wrapping(text::Wrapping::None)
                .align_x(iced::alignment::Horizontal::Right)
                .width(Length::Fill),
        ]
        .spacing(6)
        .align_y(Alignment::Center),
    )
    .width(PROMISE)
    .clip(true)
    .padding([4, 6])
    .into()
}

fn badge<'a>(standing: Standing) -> Element<'a, Message> {
    container(
        text(standing.label())
            .size(12)
            .wrapping(text::Wrapping::None)
            .align_x(iced::alignment::Horizontal::Center)
            .width(Length::Fill),
    )
    .width(Length::Fixed(58.0))
    .style(move |theme: &Theme| {
        let palette = theme.extended_palette();
        let pair = match standing {
            Standing::Broken => Some(palette.danger.weak),
            Standing::Due => Some(palette.warning.weak),
            Standing::Kept => Some(palette.success.weak),
            Standing::Pending => None,
        };
        container::Style {
            background: pair.map(|p| p.color.into()),
            text_color: pair.map(|p| p.text),
            border: iced::Border {
                color: palette.background.strong.color,
                width: if pair.is_none() { 1.0 } else { 0.0 },
                radius: 8.0.into(),
            },
            ..Default::default()
        }
    })
    .into()
}

/// All of the selected note, with what can be done about it.
fn detail<'a>(notes: &'a Notes, book: &'a Book) -> Element<'a, Message> {
    let actions = row![
        widgets::secondary(
            fl!("open-ledger"),
            notes.selected.map(|_| Message::OpenSelected)
        ),
        widgets::action(fl!("log-a-note"), Some(Message::LogNote)),
    ]
    .spacing(8);
    let Some(note) = notes.selected() else {
        return container(
            row![
                widgets::muted(fl!("click-a-note-to-read-all")),
                space::horizontal(),
                actions
            ]
            .align_y(Alignment::Center),
        )
        .padding(12)
        .width(Length::Fill)
        .height(DETAIL_HEIGHT)
        .style(widgets::panel)
        .into();
    };
    let mut facts = vec![note.when.clone(), note.how_text.clone()];
    if let Some(invoice) = &note.invoice {
        facts.push(fl!("invoice-number", number = invoice));
    }
    let heading = row![
        text(note.customer_text.as_str()).size(16).font(BOLD),
        widgets::muted(facts.join(" · ")),
        space::horizontal(),
        actions,
    ]
    .spacing(12)
    .align_y(Alignment::Center);

    let labelled = |label: String, value: String| {
        row![
            widgets::muted(label).width(Length::Fixed(110.0)),
            text(value).size(14)
        ]
        .spacing(8)
    };
    let mut body =
        column![text(crate::i18n::words::note_summary_text(&note.summary)).size(14)].spacing(4);
    if let Some(outcome) = &note.outcome {
        body = body.push(labelled(fl!("outcome"), outcome.clone()));
    }
    if let (Some(promise), Some(standing)) = (&note.promise, Standing::of(note)) {
        let paid = note.status.paid.map(|p| book.money(p)).unwrap_or_default();
        if let [part] = promise.parts() {
            let line = fl!(
                "amount-by-date-paid-paid-since",
                amount = book.money(part.amount),
                date = book.date(part.date),
                paid = paid.as_str(),
                standing = standing.label()
            );
            body = body.push(labelled(fl!("promise"), line));
        } else {
            let whole = note.status.promise_status().unwrap_or_default();
            let line = fl!(
                "n-parts-amount-in-all-paid",
                n = promise.parts().len(),
                amount = book.money(promise.total()),
                paid = paid.as_str(),
                status = status_words(whole)
            );
            body = body.push(labelled(fl!("repayment-plan"), line));
            let judged = note.status.promise.as_ref().map(|s| s.parts.as_slice());
            for (i, part) in promise.parts().iter().enumerate() {
                let standing = judged.and_then(|j| j.get(i));
                let line = fl!(
                    "n-amount-by-date-paid-paid",
                    n = (i + 1).to_string(),
                    amount = book.money(part.amount),
                    date = book.date(part.date),
                    paid = book.money(standing.map_or(Money::ZERO, |s| s.paid)),
                    status = status_words(standing.map_or(PromiseStatus::Open, |s| s.status))
                );
                body = body.push(labelled(String::new(), line));
            }
        }
    }
    if let Some(follow_up) = note.follow_up {
        let mut line = follow_up.to_string();
        if note.status.follow_up_due {
            line = format!("{line} · {}", fl!("due-2"));
        } else if !note.status.latest {
            line = format!("{line} · {}", fl!("superseded-by-a-later-note"));
        }
        body = body.push(labelled(fl!("next-follow-up"), line));
    }
    container(column![heading, scrollable(body).height(Length::Fill)].spacing(8))
        .padding(12)
        .width(Length::Fill)
        .height(DETAIL_HEIGHT)
        .style(widgets::panel)
        .into()
}

/// A promise's or a part's status in words (shared with the command line).
use crate::i18n::words::promise_status_name as status_words;
