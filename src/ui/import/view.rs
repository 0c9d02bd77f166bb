//! How the import screen looks: the file bar, what was detected with its overrides, the
//! figures and actions, the virtualised table of rows, the selected row's panel (accept,
//! assign, skip), and past imports with Undo.

use iced::widget::{
    button, column, container, mouse_area, pick_list, progress_bar, responsive, row, scrollable,
    space, text, text_input,
};
use iced::{Alignment, Element, Length, Theme};

use super::{
    ASSIGN_FIELD, DecimalChoice, DelimiterChoice, EncodingChoice, Import, LIST, Message,
    PATH_FIELD, Phase, RowFilter,
};
use crate::domain::Money;
use crate::import::{Decision, PlannedRow, RowKind, RowStatus};
use crate::ui::Book;
use crate::ui::i18n::{t, tf};
use crate::ui::widgets::{self, BOLD};

/// Room for a six-digit line number (a statement of 100,000 rows or more).
const LINE: Length = Length::Fixed(58.0);
const DATE: Length = Length::Fixed(92.0);
const AMOUNT: Length = Length::Fixed(100.0);
const TEXT: Length = Length::FillPortion(3);
const STATUS: Length = Length::Fixed(118.0);
const MATCH: Length = Length::FillPortion(2);
const DECISION: Length = Length::Fixed(104.0);
const PANEL: f32 = 280.0;
/// Below this width for table and panel together (a 1,024-pixel window), the table drops
/// its line and suggestion columns (the panel shows both for the selected row) and the
/// panel narrows, so the payer and details keep room to be read.
const WIDE: f32 = 900.0;
const NARROW_PANEL: f32 = 230.0;

/// The table's column widths: all of them, or without line and suggestion when narrow.
#[derive(Clone, Copy)]
struct Widths {
    narrow: bool,
}

impl Widths {
    fn of(width: f32) -> Widths {
        Widths {
            narrow: width < WIDE,
        }
    }

    fn panel(self) -> f32 {
        if self.narrow { NARROW_PANEL } else { PANEL }
    }
}
const PAST_HEIGHT: f32 = 130.0;

pub(super) fn view<'a>(screen: &'a Import, book: &'a Book) -> Element<'a, Message> {
    let file_bar = row![
        widgets::action(t("Choose a statement…"), Some(Message::Browse)),
        text_input(t("or type a path and press Enter"), &screen.path_text)
            .id(PATH_FIELD)
            .on_input(Message::PathTyped)
            .on_submit(Message::OpenTyped)
            .padding(7)
            .width(Length::Fill),
        widgets::muted(t("or drop a file on the window")),
    ]
    .spacing(10)
    .align_y(Alignment::Center);

    let mut page = column![text(t("Bank import")).size(24).font(BOLD), file_bar].spacing(8);
    if screen.file.is_some() {
        page = page.push(overrides(screen));
    }
    if let Some(error) = &screen.error {
        page = page.push(widgets::danger_text(error.as_str()));
    }
    match &screen.phase {
        Phase::Reading => page = page.push(widgets::muted(t("Reading and matching…"))),
        Phase::Writing(done, total) => {
            page = page.push(
                row![
                    progress_bar(0.0..=(*total).max(1) as f32, *done as f32).girth(10),
                    widgets::muted(tf(
                        "writing row {done} of {total}",
                        &[("done", &done.to_string()), ("total", &total.to_string())]
                    ))
                ]
                .spacing(10)
                .align_y(Alignment::Center),
            )
        }
        Phase::Empty | Phase::Ready => {}
    }
    if let Some(notice) = &screen.notice {
        page = page.push(text(notice.as_str()).size(14));
    }
    if screen.review.is_some() {
        page = page.push(figures(screen, book));
        page = page.push(responsive(move |size| {
            let widths = Widths::of(size.width);
            row![table(screen, book, widths), panel(screen, book, widths)]
                .spacing(10)
                .height(Length::Fill)
                .into()
        }));
    } else if let Some(kept) = screen
        .kept
        .iter()
        .find(|k| Some(k.id) == screen.kept_selected)
    {
        page = page.push(
            container(kept_panel(screen, book, kept))
                .width(Length::Fixed(PANEL * 1.5))
                .height(Length::Fill)
                .padding(10)
                .style(widgets::panel),
        );
    } else {
        page = page.push(
            container(widgets::muted(t(
                "Choose your bank's export (CSV, XLSX, XLS, ODS, OFX or CAMT.053). Nothing is written until you press Import.",
            )))
            .padding(12)
            .height(Length::Fill),
        );
    }
    page.push(past(screen, book)).into()
}

fn overrides(screen: &Import) -> Element<'_, Message> {
    let detected = screen.review.as_ref().map(|r| &r.detected);
    let label = |s: &'static str| widgets::muted(t(s));
    let said =
        |value: Option<String>| widgets::muted(value.map(|v| format!("({v})")).unwrap_or_default());
    let mut bar = row![
        label("Encoding"),
        pick_list(
            EncodingChoice::ALL,
            Some(screen.encoding),
            Message::Encoding
        )
        .padding(5)
        .text_size(13),
        said(detected.map(|d| d.encoding.clone())),
        label("Delimiter"),
        pick_list(
            DelimiterChoice::ALL,
            Some(screen.delimiter),
            Message::Delimiter
        )
        .padding(5)
        .text_size(13),
        said(detected.map(|d| d.delimiter.clone())),
        label("Decimal"),
        pick_list(DecimalChoice::ALL, Some(screen.decimal), Message::Decimal)
            .padding(5)
            .text_size(13),
        label("Dates"),
        text_input(
            detected.map_or(t("detect"), |d| d.date_format.as_str()),
            &screen.date_format
        )
        .on_input(Message::DateFormat)
        .padding(5)
        .size(13)
        .width(Length::Fixed(110.0)),
        label("Year"),
        text_input(t("if none"), &screen.year)
            .on_input(Message::Year)
            .padding(5)
            .size(13)
            .width(Length::Fixed(64.0)),
    ]
    .spacing(6)
    .align_y(Alignment::Center);
    // Only what there is: an empty `space()` here would fill the page's height.
    if let Some(error) = screen.year_error() {
        bar = bar.push(widgets::danger_text(error));
    }
    if let Some(d) = detected {
        bar = bar.push(widgets::muted(tf(
            "header line {line} · {layout}",
            &[("line", &d.header_line.to_string()), ("layout", &d.layout)],
        )));
    }
    let mut block = column![bar.wrap()].spacing(6);
    if let Some(questions) = screen.reading.view(detected, screen.error.as_deref()) {
        block = block.push(questions.map(Message::Reading));
    }
    // The questions detection cannot answer, asked with one-click answers.
    if let Some(error) = &screen.error {
        if error.contains("could be day-first or month-first") {
            block = block.push(
                row![
                    text(t("Which is it?")).size(14),
                    widgets::secondary(
                        t("Day first (31/12/2026)"),
                        Some(Message::DateFormat(guess_format(error, true)))
                    ),
                    widgets::secondary(
                        t("Month first (12/31/2026)"),
                        Some(Message::DateFormat(guess_format(error, false)))
                    ),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        } else if error.contains("has no year") {
            block = block.push(
                text(t(
                    "The dates have no year: type the statement's year above.",
                ))
                .size(14),
            );
        }
    }
    block.into()
}

/// Where the row's payment goes as the file is decided now (what Import writes): the
/// invoices it pays, what is left as credit, and why when it is not where the row said.
fn goes_to<'a>(screen: &'a Import, line: usize) -> Option<Element<'a, Message>> {
    let payment = screen.tally.as_ref()?.payments.get(&line)?;
    let mut col = column![].spacing(2);
    for applied in &payment.applied {
        col = col.push(
            text(tf(
                "pays {invoice}: {amount}",
                &[("invoice", &applied.invoice), ("amount", &applied.amount)],
            ))
            .size(13),
        );
    }
    for discount in &payment.discounts {
        col = col.push(
            text(tf(
                "discount on {invoice}: {amount}",
                &[("invoice", &discount.invoice), ("amount", &discount.amount)],
            ))
            .size(13),
        );
    }
    let left = payment.unapplied.parse::<rust_decimal::Decimal>();
    if left.is_ok_and(|left| !left.is_zero()) {
        col = col.push(
            text(tf(
                "kept as credit: {amount}",
                &[("amount", &payment.unapplied)],
            ))
            .size(13),
        );
    }
    if let Some(note) = &payment.note {
        col = col.push(widgets::muted(note.as_str()));
    }
    Some(col.into())
}

/// The format the error offers, day-first or month-first.
pub(super) fn guess_format(error: &str, day_first: bool) -> String {
    let formats: Vec<&str> = error
        .split("--date-format ")
        .skip(1)
        .map(|rest| rest.split_whitespace().next().unwrap_or_default())
        .collect();
    let pick = formats.iter().find(|f| {
        let d = f.find("%d");
        let m = f.find("%m").or_else(|| f.find("%b"));
        matches!((d, m), (Some(d), Some(m)) if (d < m) == day_first)
    });
    pick.map(|f| f.to_string()).unwrap_or_else(|| {
        if day_first {
            "%d/%m/%Y".into()
        } else {
            "%m/%d/%Y".into()
        }
    })
}

fn figures<'a>(screen: &'a Import, book: &'a Book) -> Element<'a, Message> {
    let Some(tally) = &screen.tally else {
        return space().into();
    };
    let summary = &tally.summary;
    let confident = tally.confident;
    let money = |total: &str| {
        book.currency()
            .parse_plain(total)
            .map_or(total.to_string(), |v| book.money(v))
    };
    let filters = RowFilter::ALL
        .into_iter()
        .fold(row![].spacing(4), |bar, filter| {
            let active = filter == screen.filter;
            bar.push(
                button(text(filter.to_string()).size(13))
                    .padding([5, 9])
                    .style(move |theme: &Theme, status| {
                        if active {
                            button::primary(theme, status)
                        } else {
                            button::secondary(theme, status)
                        }
                    })
                    .on_press(Message::Filter(filter)),
            )
        });
    let writing = matches!(screen.phase, Phase::Writing(..) | Phase::Reading);
    let new_rows = screen.new_rows();
    let import_label = tf(
        "Import {n} payments · {rows} rows",
        &[
            ("n", &screen.to_post().to_string()),
            ("rows", &new_rows.to_string()),
        ],
    );
    let figures = row![
        widgets::figure(
            t("Money in"),
            format!(
                "{} · {}",
                summary.money_in.count,
                money(&summary.money_in.total)
            )
        ),
        widgets::figure(
            t("Money out"),
            format!(
                "{} · {}",
                summary.money_out.count,
                money(&summary.money_out.total)
            )
        ),
        widgets::figure(t("Foreign"), summary.foreign.count.to_string()),
        widgets::figure(t("Already in the book"), summary.duplicates.to_string()),
        widgets::figure(t("Confident matches"), confident.to_string()),
        widgets::secondary(
            t("Accept all confident (Ctrl+Enter)"),
            (confident > 0 && !writing).then_some(Message::AcceptAllConfident)
        ),
        button(text(import_label).size(14).wrapping(text::Wrapping::None))
            .padding([6, 14])
            .on_press_maybe(
                (new_rows > 0 && screen.can_post() && !writing).then_some(Message::Commit)
            ),
    ]
    .spacing(14)
    .align_y(Alignment::Center)
    // A narrow window puts the buttons on a line of their own rather than squeezing the
    // Import label into a column of word pieces.
    .wrap()
    .vertical_spacing(8);
    // Why Import is not offered, or what was left out, in words.
    let set_aside = screen.set_aside();
    let nothing = (!screen.can_post())
        .then(|| t("Nothing to import: the file holds no new money in.").to_string());
    let words: Vec<String> = set_aside.into_iter().chain(nothing).collect();
    if words.is_empty() {
        column![figures, filters].spacing(8).into()
    } else {
        column![figures, widgets::muted(words.join(" · ")), filters]
            .spacing(8)
            .into()
    }
}

fn table<'a>(screen: &'a Import, book: &'a Book, widths: Widths) -> Element<'a, Message> {
    let header = |label: &'static str, width: Length| {
        widgets::header_cell(t(label), width, false, None, None)
    };
    let mut cells = row![];
    if !widths.narrow {
        cells = cells.push(header("Line", LINE));
    }
    cells = cells
        .push(header("Date", DATE))
        .push(header("Amount", AMOUNT))
        .push(header("Payer and details", TEXT))
        .push(header("Status", STATUS));
    if !widths.narrow {
        cells = cells.push(header("Suggested customer", MATCH));
    }
    let header = container(
        cells
            .push(header("Decision", DECISION))
            .push(space().width(widgets::GUTTER)),
    )
    .style(widgets::band);
    let list: Element<'a, Message> = if screen.visible.is_empty() {
        container(widgets::muted(t("No rows match this filter.")))
            .padding(12)
            .height(Length::Fill)
            .into()
    } else {
        widgets::virtual_list(
            LIST,
            screen.visible.len(),
            &screen.scroll,
            Message::Scrolled,
            move |position| row_view(screen, book, screen.visible[position], position, widths),
        )
    };
    column![header, list].width(Length::Fill).into()
}

fn status_text(row: &PlannedRow) -> &'static str {
    match (&row.status, row.kind) {
        (RowStatus::AlreadyImported, _) => t("already imported"),
        (RowStatus::ProbableDuplicate(_), _) => t("probable duplicate"),
        _ if row.unpostable.is_some() => t("cannot be posted"),
        (_, RowKind::MoneyIn) => t("new"),
        (_, RowKind::MoneyOut) => t("money out"),
        (_, RowKind::Foreign) => t("foreign currency"),
        (_, RowKind::Neutral) => t("no money moved"),
        (_, RowKind::Pending) => t("pending"),
    }
}

fn decision_text(row: &PlannedRow, decision: Option<&Decision>) -> String {
    if !row.is_payable() {
        return String::new();
    }
    match decision {
        Some(Decision::Accept { customer, .. }) => tf("pay {code}", &[("code", customer)]),
        Some(Decision::LeaveUnmatched) => t("keep unmatched").to_string(),
        Some(Decision::Skip) => t("skip").to_string(),
        None => t("—").to_string(),
    }
}

fn row_view<'a>(
    screen: &'a Import,
    book: &'a Book,
    index: usize,
    position: usize,
    widths: Widths,
) -> Element<'a, Message> {
    // A row not read yet (the list scrolled further than the last read): its place is
    // kept, and it is read on the next scroll message.
    let (Some(review), Some(planned)) = (&screen.review, screen.shown(index)) else {
        return space().into();
    };
    let r = &planned.row;
    let amount = match (planned.kind, r.currency.as_deref()) {
        (RowKind::Foreign, code) => {
            format!("{} {}", r.signed().normalize(), code.unwrap_or_default())
        }
        _ => book
            .currency()
            .to_minor_checked(Money(r.signed()))
            .map_or(r.signed().to_string(), |_| book.money(Money(r.signed()))),
    };
    let mut words = Vec::new();
    words.extend(r.counterparty.as_deref());
    words.push(r.description.as_str());
    words.extend(r.reference.as_deref());
    let details = words
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let suggestion = planned
        .suggestion
        .as_ref()
        .map(|s| format!("{:.0}% {} {}", s.confidence * 100.0, s.code, s.name))
        .unwrap_or_default();
    let mut content = row![];
    if !widths.narrow {
        content = content.push(widgets::cell(r.line.to_string(), LINE));
    }
    content = content
        .push(widgets::cell(
            r.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| t("pending").to_string()),
            DATE,
        ))
        .push(widgets::amount_cell(amount, AMOUNT))
        .push(widgets::cell(details, TEXT))
        .push(widgets::cell(status_text(planned), STATUS));
    if !widths.narrow {
        content = content.push(widgets::cell(suggestion, MATCH));
    }
    let content = content.push(widgets::cell(
        decision_text(planned, review.decision(index, &screen.decisions).as_ref()),
        DECISION,
    ));
    mouse_area(
        container(content)
            .width(Length::Fill)
            .style(widgets::row_style(
                screen.selected == Some(index),
                position % 2 == 1,
            )),
    )
    .on_press(Message::Select(index))
    .on_double_click(Message::Accept(index))
    .into()
}

fn panel<'a>(screen: &'a Import, book: &'a Book, widths: Widths) -> Element<'a, Message> {
    let body: Element<'a, Message> = match screen.selected.and_then(|i| Some((i, screen.shown(i)?)))
    {
        Some((index, planned)) => {
            let r = &planned.row;
            let mut col = column![
                text(tf("Line {line}", &[("line", &r.line.to_string())]))
                    .size(16)
                    .font(BOLD),
                text(format!(
                    "{} · {}",
                    r.date
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| t("pending").to_string()),
                    book.currency()
                        .to_minor_checked(Money(r.signed()))
                        .map_or(r.signed().to_string(), |_| book.money(Money(r.signed())))
                ))
                .size(14),
            ]
            .spacing(6);
            for value in [
                r.counterparty.as_deref(),
                Some(r.description.as_str()),
                r.reference.as_deref(),
                r.account.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter(|v| !v.is_empty())
            {
                col = col.push(text(value).size(13));
            }
            col = col.push(widgets::muted(status_text(planned)));
            if let RowStatus::ProbableDuplicate(why) = &planned.status {
                col = col.push(widgets::danger_text(why.as_str()));
            }
            if let Some(why) = &planned.unpostable {
                col = col.push(widgets::danger_text(why.as_str()));
            }
            if planned.is_payable() {
                if let Some(s) = &planned.suggestion {
                    col = col.push(
                        text(format!(
                            "{} {} · {:.0}%",
                            s.code,
                            s.name,
                            s.confidence * 100.0
                        ))
                        .size(14)
                        .font(BOLD),
                    );
                    col = col.push(widgets::muted(s.reason.as_str()));
                }
                if let Some(goes) = goes_to(screen, r.line) {
                    col = col.push(goes);
                }
                col = col.push(widgets::action(
                    t("Accept (Enter)"),
                    planned.suggestion.as_ref().map(|_| Message::Accept(index)),
                ));
                col = col.push(
                    row![
                        widgets::secondary(t("Keep unmatched"), Some(Message::Unmatched(index))),
                        widgets::secondary(t("Skip"), Some(Message::Skip(index))),
                    ]
                    .spacing(6),
                );
                col = col.push(assign_picker(screen));
            }
            scrollable(col).into()
        }
        _ => match screen
            .kept
            .iter()
            .find(|k| Some(k.id) == screen.kept_selected)
        {
            Some(kept) => kept_panel(screen, book, kept),
            None => widgets::muted(t(
                "Select a row to accept its match, assign it to a customer, or skip it.",
            ))
            .into(),
        },
    };
    container(body)
        .width(Length::Fixed(widths.panel()))
        .height(Length::Fill)
        .padding(10)
        .style(widgets::panel)
        .into()
}

fn past<'a>(screen: &'a Import, book: &'a Book) -> Element<'a, Message> {
    let mut list = column![text(t("Past imports")).size(15).font(BOLD)].spacing(4);
    if screen.batches.is_empty() {
        list = list.push(widgets::muted(t("None yet.")));
    }
    for batch in &screen.batches {
        let facts = tf(
            "#{id} {file} · {when} · {payments} payments, {unmatched} unmatched, {dups} duplicates",
            &[
                ("id", &batch.id.to_string()),
                ("file", &batch.file_name),
                (
                    "when",
                    batch.imported_at.get(..16).unwrap_or(&batch.imported_at),
                ),
                ("payments", &batch.payments.to_string()),
                ("unmatched", &batch.unmatched.to_string()),
                ("dups", &batch.duplicates.to_string()),
            ],
        );
        let action: Element<'_, Message> = match (&batch.undone_at, screen.confirm_undo) {
            (Some(when), _) => widgets::muted(tf(
                "undone {when}",
                &[("when", when.get(..16).unwrap_or(when))],
            ))
            .into(),
            (None, Some(id)) if id == batch.id => {
                let buttons = row![
                    widgets::danger_text(t("Void its payments?")),
                    widgets::action(t("Undo import"), Some(Message::Undo(batch.id))),
                    widgets::secondary(t("Keep"), Some(Message::CancelUndo)),
                ]
                .spacing(6)
                .align_y(Alignment::Center);
                if screen.undo_touches.is_empty() {
                    buttons.into()
                } else {
                    // What was already sent counted this money: say so before it goes.
                    let mut warning = column![widgets::danger_text(tf(
                        "{n} statements or letters already issued counted these payments:",
                        &[("n", &screen.undo_touches.len().to_string())],
                    ))]
                    .spacing(2);
                    for issued in &screen.undo_touches {
                        warning = warning.push(
                            text(format!(
                                "{}  {}  {}  {}",
                                issued.date,
                                issued.customer,
                                t(match issued.kind {
                                    crate::store::IssuedKind::Statement => "statement",
                                    crate::store::IssuedKind::Letter => "letter",
                                }),
                                issued.file_name
                            ))
                            .size(12),
                        );
                    }
                    column![warning, buttons].spacing(4).into()
                }
            }
            (None, _) => widgets::secondary(t("Undo…"), Some(Message::AskUndo(batch.id))),
        };
        list = list.push(
            row![text(facts).size(13).width(Length::Fill), action]
                .spacing(8)
                .align_y(Alignment::Center),
        );
    }
    let mut kept = column![
        text(tf(
            "Money in left unmatched ({n})",
            &[("n", &screen.kept.len().to_string())]
        ))
        .size(15)
        .font(BOLD)
    ]
    .spacing(2);
    if screen.kept.is_empty() {
        kept = kept.push(widgets::muted(t("None: every payment found its customer.")));
    }
    for row in &screen.kept {
        let selected = screen.kept_selected == Some(row.id);
        let label = format!(
            "{} · {} · {} {}",
            row.date,
            kept_amount(book, &row.amount),
            row.counterparty.as_deref().unwrap_or_default(),
            row.description
        );
        kept = kept.push(
            button(text(label).size(13).wrapping(text::Wrapping::None))
                .padding([2, 6])
                .style(move |theme: &Theme, status| {
                    if selected {
                        button::primary(theme, status)
                    } else {
                        button::text(theme, status)
                    }
                })
                .on_press(Message::SelectKept(row.id)),
        );
    }
    container(
        row![
            scrollable(list).width(Length::FillPortion(3)),
            scrollable(kept).width(Length::FillPortion(2))
        ]
        .spacing(12),
    )
    .height(Length::Fixed(PAST_HEIGHT))
    .width(Length::Fill)
    .padding(8)
    .style(widgets::band)
    .into()
}

fn kept_panel<'a>(
    screen: &'a Import,
    book: &'a Book,
    kept: &'a crate::store::KeptBankRow,
) -> Element<'a, Message> {
    let mut col = column![
        text(t("Left unmatched earlier")).size(16).font(BOLD),
        text(format!(
            "{} · {}",
            kept.date,
            kept_amount(book, &kept.amount)
        ))
        .size(14),
    ]
    .spacing(6);
    for value in [
        kept.counterparty.as_deref(),
        Some(kept.description.as_str()),
        kept.reference.as_deref(),
        kept.reason.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|v| !v.is_empty())
    {
        col = col.push(text(value).size(13));
    }
    // The suggestion it was kept with, one click away.
    if let Some(code) = kept
        .reason
        .as_deref()
        .and_then(|r| r.split_once(':'))
        .map(|(code, _)| code)
        && !code.contains(' ')
    {
        col = col.push(widgets::action(
            t("Pay as suggested"),
            Some(Message::AssignTo(code.to_string())),
        ));
    }
    col = col.push(assign_picker(screen));
    scrollable(col).into()
}

/// A kept row's amount in the book's format (kept rows are always in its currency).
fn kept_amount(book: &Book, amount: &str) -> String {
    book.currency()
        .parse_plain(amount)
        .map_or(amount.to_string(), |v| book.money(v))
}

/// Type a code or name, click the customer: the row is theirs (oldest first).
fn assign_picker(screen: &Import) -> Element<'_, Message> {
    let mut col = column![
        text_input(t("Assign to customer: code or name"), &screen.assign_search)
            .id(ASSIGN_FIELD)
            .on_input(Message::AssignSearch)
            .padding(6)
            .size(13)
    ]
    .spacing(2);
    for (code, name) in screen.assign_candidates(6) {
        col = col.push(
            button(text(format!("{code} {name}")).size(13))
                .style(button::text)
                .padding([3, 6])
                .on_press(Message::AssignTo(code.clone())),
        );
    }
    col.into()
}
