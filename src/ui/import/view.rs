//! How the import screen looks: the file bar, what was detected with its overrides, the
//! figures and actions, the virtualised table of rows, the selected row's panel (accept,
//! assign, skip), and past imports with Undo.

use iced::widget::{
    button, column, container, mouse_area, pick_list, progress_bar, responsive, row, scrollable,
    space, text, text_input,
};
use iced::{Alignment, Element, Length, Theme};

use super::{
    ASSIGN_FIELD, DateQuestion, DecimalChoice, DelimiterChoice, EncodingChoice, Import, LIST,
    Message, PATH_FIELD, Phase, RowFilter,
};
use crate::domain::Money;
use crate::fl;
use crate::i18n::count_text;
use crate::i18n::errors::Described;
use crate::import::{Decision, PlannedRow, RowKind, RowStatus};
use crate::ui::Book;
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
        widgets::action(fl!("choose-a-statement"), Some(Message::Browse)),
        text_input(&fl!("or-type-a-path-and-press"), &screen.path_text)
            .id(PATH_FIELD)
            .on_input(Message::PathTyped)
            .on_submit(Message::OpenTyped)
            .padding(7)
            .width(Length::Fill),
        widgets::muted(fl!("or-drop-a-file-on-the")),
    ]
    .spacing(10)
    .align_y(Alignment::Center);

    let mut page = column![text(fl!("bank-import")).size(24).font(BOLD), file_bar].spacing(8);
    if screen.file.is_some() {
        page = page.push(overrides(screen));
    }
    if let Some(error) = &screen.error {
        page = page.push(widgets::danger_text(error.as_str()));
    }
    match &screen.phase {
        Phase::Reading => page = page.push(widgets::muted(fl!("reading-and-matching"))),
        Phase::Writing(done, total) => {
            page = page.push(
                row![
                    progress_bar(0.0..=(*total).max(1) as f32, *done as f32).girth(10),
                    widgets::muted(fl!(
                        "writing-row-done-of-total",
                        done = (*done as u64),
                        total = (*total as u64)
                    ))
                ]
                .spacing(10)
                .align_y(Alignment::Center),
            )
        }
        Phase::Empty | Phase::Ready => {}
    }
    // Its line is kept when empty: a notice never moves the review's rows.
    page = page.push(widgets::status_line(
        screen.notice.clone().map(widgets::Status::Done),
    ));
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
            container(widgets::muted(fl!("choose-your-bank-s-export-csv")))
                .padding(12)
                .height(Length::Fill),
        );
    }
    page.push(past(screen, book)).into()
}

fn overrides(screen: &Import) -> Element<'_, Message> {
    let detected = screen.review.as_ref().map(|r| &r.detected);
    let said =
        |value: Option<String>| widgets::muted(value.map(|v| format!("({v})")).unwrap_or_default());
    let mut bar = row![
        widgets::muted(fl!("encoding")),
        pick_list(
            EncodingChoice::ALL,
            Some(screen.encoding),
            Message::Encoding
        )
        .padding(5)
        .text_size(13),
        said(detected.map(|d| d.encoding.clone())),
        widgets::muted(fl!("delimiter")),
        pick_list(
            DelimiterChoice::ALL,
            Some(screen.delimiter),
            Message::Delimiter
        )
        .padding(5)
        .text_size(13),
        said(detected.map(|d| d.delimiter.clone())),
        widgets::muted(fl!("decimal")),
        pick_list(DecimalChoice::ALL, Some(screen.decimal), Message::Decimal)
            .padding(5)
            .text_size(13),
        widgets::muted(fl!("dates")),
        text_input(
            detected.map_or(&fl!("detect-2"), |d| &d.date_format),
            &screen.date_format
        )
        .on_input(Message::DateFormat)
        .padding(5)
        .size(13)
        .width(Length::Fixed(110.0)),
        widgets::muted(fl!("year")),
        text_input(&fl!("if-none"), &screen.year)
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
        bar = bar.push(widgets::muted(fl!(
            "header-line-line-layout",
            line = d.header_line.to_string(),
            layout = layout_words(&d.layout)
        )));
    }
    let mut block = column![bar.wrap()].spacing(6);
    if let Some(questions) = screen.reading.view(detected, screen.error.as_deref()) {
        block = block.push(questions.map(Message::Reading));
    }
    // The questions detection cannot answer, asked with one-click answers.
    match &screen.question {
        Some(DateQuestion::Order { choices }) => {
            block = block.push(
                row![
                    text(fl!("which-is-it")).size(14),
                    widgets::secondary(
                        fl!("day-first-31-12-2026"),
                        Some(Message::DateFormat(guess_format(choices, true)))
                    ),
                    widgets::secondary(
                        fl!("month-first-12-31-2026"),
                        Some(Message::DateFormat(guess_format(choices, false)))
                    ),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        Some(DateQuestion::Year) => {
            block = block.push(text(fl!("the-dates-have-no-year-type")).size(14));
        }
        None => {}
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
            text(fl!(
                "pays-invoice-amount",
                invoice = applied.invoice.as_str(),
                amount = applied.amount.as_str()
            ))
            .size(13),
        );
    }
    for discount in &payment.discounts {
        col = col.push(
            text(fl!(
                "discount-on-invoice-amount",
                invoice = discount.invoice.as_str(),
                amount = discount.amount.as_str()
            ))
            .size(13),
        );
    }
    let left = payment.unapplied.parse::<rust_decimal::Decimal>();
    if left.is_ok_and(|left| !left.is_zero()) {
        col = col.push(
            text(fl!(
                "kept-as-credit-amount",
                amount = payment.unapplied.as_str()
            ))
            .size(13),
        );
    }
    if let Some(note) = &payment.note {
        col = col.push(widgets::muted(note.described()));
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
    let import_label = fl!(
        "import-n-payments-rows-rows",
        n = screen.to_post(),
        rows = new_rows
    );
    let figures = row![
        widgets::figure(
            fl!("money-in"),
            format!(
                "{} · {}",
                count_text(summary.money_in.count),
                money(&summary.money_in.total)
            )
        ),
        widgets::figure(
            fl!("money-out"),
            format!(
                "{} · {}",
                count_text(summary.money_out.count),
                money(&summary.money_out.total)
            )
        ),
        widgets::figure(fl!("foreign"), count_text(summary.foreign.count)),
        widgets::figure(fl!("already-in-the-book"), count_text(summary.duplicates)),
        widgets::figure(fl!("confident-matches"), count_text(confident)),
        widgets::secondary(
            fl!("accept-all-confident-ctrl-enter"),
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
    let nothing = (!screen.can_post()).then(|| fl!("nothing-to-import-the-file-holds"));
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
    let header =
        |label: String, width: Length| widgets::header_cell(label, width, false, None, None);
    let mut cells = row![];
    if !widths.narrow {
        cells = cells.push(header(fl!("line"), LINE));
    }
    cells = cells
        .push(header(fl!("date"), DATE))
        .push(header(fl!("amount"), AMOUNT))
        .push(header(fl!("payer-and-details"), TEXT))
        .push(header(fl!("status"), STATUS));
    if !widths.narrow {
        cells = cells.push(header(fl!("suggested-customer"), MATCH));
    }
    let header = container(
        cells
            .push(header(fl!("decision"), DECISION))
            .push(space().width(widgets::GUTTER)),
    )
    .style(widgets::band);
    let list: Element<'a, Message> = if screen.visible.is_empty() {
        container(widgets::muted(fl!("no-rows-match-this-filter")))
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

fn status_text(row: &PlannedRow) -> String {
    match (&row.status, row.kind) {
        (RowStatus::AlreadyImported, _) => fl!("already-imported"),
        (RowStatus::ProbableDuplicate(_), _) => fl!("probable-duplicate"),
        _ if row.unpostable.is_some() => fl!("cannot-be-posted"),
        (_, RowKind::MoneyIn) => fl!("new"),
        (_, RowKind::MoneyOut) => fl!("money-out-2"),
        (_, RowKind::Foreign) => fl!("foreign-currency"),
        (_, RowKind::Neutral) => fl!("no-money-moved"),
        (_, RowKind::Pending) => fl!("pending"),
    }
}

fn decision_text(row: &PlannedRow, decision: Option<&Decision>) -> String {
    if !row.is_payable() {
        return String::new();
    }
    match decision {
        Some(Decision::Accept { customer, .. }) => fl!("pay-code", code = customer),
        Some(Decision::LeaveUnmatched) => fl!("keep-unmatched"),
        Some(Decision::Skip) => fl!("skip"),
        None => fl!("dash"),
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
                .map(|d| book.date(d))
                .unwrap_or_else(|| fl!("pending")),
            DATE,
        ))
        .push(widgets::amount_cell(amount, AMOUNT))
        .push(widgets::name_cell_owned(details, TEXT))
        .push(widgets::cell(status_text(planned), STATUS));
    if !widths.narrow {
        content = content.push(widgets::name_cell_owned(suggestion, MATCH));
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
                text(fl!("line-line-2", line = r.line.to_string()))
                    .size(16)
                    .font(BOLD),
                text(format!(
                    "{} · {}",
                    r.date
                        .map(|d| book.date(d))
                        .unwrap_or_else(|| fl!("pending")),
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
                col = col.push(widgets::danger_text(why.described()));
            }
            if let Some(why) = &planned.unpostable {
                col = col.push(widgets::danger_text(why.described()));
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
                    col = col.push(widgets::muted(s.reason.described()));
                }
                if let Some(goes) = goes_to(screen, r.line) {
                    col = col.push(goes);
                }
                col = col.push(widgets::action(
                    fl!("accept-enter"),
                    planned.suggestion.as_ref().map(|_| Message::Accept(index)),
                ));
                col = col.push(
                    row![
                        widgets::secondary(
                            fl!("keep-unmatched-2"),
                            Some(Message::Unmatched(index))
                        ),
                        widgets::secondary(fl!("skip-2"), Some(Message::Skip(index))),
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
            None => widgets::muted(fl!("select-a-row-to-accept-its")).into(),
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
    let mut list = column![text(fl!("past-imports")).size(15).font(BOLD)].spacing(4);
    if screen.batches.is_empty() {
        list = list.push(widgets::muted(fl!("none-yet")));
    }
    for batch in &screen.batches {
        let facts = fl!(
            "id-file-when-payments-payments-unmatched",
            id = batch.id.to_string(),
            file = batch.file_name.as_str(),
            when = moment(&batch.imported_at),
            payments = batch.payments,
            unmatched = batch.unmatched,
            dups = batch.duplicates
        );
        let action: Element<'_, Message> = match (&batch.undone_at, screen.confirm_undo) {
            (Some(when), _) => widgets::muted(fl!("undone-when", when = moment(when))).into(),
            (None, Some(id)) if id == batch.id => {
                let buttons = row![
                    widgets::danger_text(fl!("void-its-payments")),
                    widgets::action(fl!("undo-import"), Some(Message::Undo(batch.id))),
                    widgets::secondary(fl!("keep"), Some(Message::CancelUndo)),
                ]
                .spacing(6)
                .align_y(Alignment::Center);
                if screen.undo_touches.is_empty() {
                    buttons.into()
                } else {
                    // What was already sent counted this money: say so before it goes.
                    let mut warning = column![widgets::danger_text(fl!(
                        "n-statements-or-letters-already-issued",
                        n = screen.undo_touches.len()
                    ))]
                    .spacing(2);
                    for issued in &screen.undo_touches {
                        warning = warning.push(
                            text(format!(
                                "{}  {}  {}  {}",
                                issued.date,
                                issued.customer,
                                match issued.kind {
                                    crate::store::IssuedKind::Statement => fl!("statement"),
                                    crate::store::IssuedKind::Letter => fl!("letter"),
                                },
                                issued.file_name
                            ))
                            .size(12),
                        );
                    }
                    column![warning, buttons].spacing(4).into()
                }
            }
            (None, _) => widgets::secondary(fl!("undo"), Some(Message::AskUndo(batch.id))),
        };
        list = list.push(
            row![text(facts).size(13).width(Length::Fill), action]
                .spacing(8)
                .align_y(Alignment::Center),
        );
    }
    let mut kept = column![
        text(fl!("money-in-left-unmatched-n", n = screen.kept.len()))
            .size(15)
            .font(BOLD)
    ]
    .spacing(2);
    if screen.kept.is_empty() {
        kept = kept.push(widgets::muted(fl!("none-every-payment-found-its-customer")));
    }
    for row in &screen.kept {
        let selected = screen.kept_selected == Some(row.id);
        let label = format!(
            "{} · {} · {} {}",
            book.date(row.date),
            kept_amount(book, &row.amount),
            row.counterparty.as_deref().unwrap_or_default(),
            row.description
        );
        kept = kept.push(
            // Cut with … and whole on hover, as names are: not clipped mid-word.
            button(widgets::name_cell_owned(label, Length::Fill))
                .width(Length::Fill)
                .padding(0)
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
        text(fl!("left-unmatched-earlier")).size(16).font(BOLD),
        text(format!(
            "{} · {}",
            kept.date,
            kept_amount(book, &kept.amount)
        ))
        .size(14),
    ]
    .spacing(6);
    let why = crate::i18n::reasons::kept_row_said(kept);
    for value in [
        kept.counterparty.as_deref(),
        Some(kept.description.as_str()),
        kept.reference.as_deref(),
        why.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|v| !v.is_empty())
    {
        col = col.push(text(value.to_string()).size(13));
    }
    // The suggestion it was kept with, one click away.
    if let Some(code) = crate::i18n::reasons::kept_row_suggested(kept) {
        col = col.push(widgets::action(
            fl!("pay-as-suggested"),
            Some(Message::AssignTo(code)),
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
        text_input(
            &fl!("assign-to-customer-code-or-name"),
            &screen.assign_search
        )
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

/// How the money columns were read, in the screen's language; a file format's own name
/// (OFX STMTTRN, CAMT.053 Ntry) as it is.
fn layout_words(layout: &str) -> String {
    layout_words_in(&crate::i18n::LOADER, layout)
}

fn layout_words_in(loader: &i18n_embed::fluent::FluentLanguageLoader, layout: &str) -> String {
    match crate::import::MONEY_LAYOUTS
        .iter()
        .position(|words| *words == layout)
    {
        Some(0) => i18n_embed_fl::fl!(loader, "layout-signed-amount"),
        Some(1) => i18n_embed_fl::fl!(loader, "layout-card-statement"),
        Some(2) => i18n_embed_fl::fl!(loader, "layout-direction-column"),
        Some(3) => i18n_embed_fl::fl!(loader, "layout-debit-credit"),
        _ => layout.to_string(),
    }
}

/// A stored moment (`2026-12-06T21:07:22.7+08:00`, the local time it was written) as
/// people read it: `2026-12-06 21:07`, as the notes list shows its times.
fn moment(stamp: &str) -> String {
    stamp.get(..16).unwrap_or(stamp).replacen('T', " ", 1)
}

#[cfg(test)]
mod layout_tests {
    use crate::i18n::{Language, loader_for};

    #[test]
    fn every_money_layout_is_said_in_both_languages() {
        let (english, chinese) = (
            loader_for(Language::English),
            loader_for(Language::SimplifiedChinese),
        );
        for words in crate::import::MONEY_LAYOUTS {
            assert_eq!(super::layout_words_in(&english, words), words);
            let said = super::layout_words_in(&chinese, words);
            assert!(
                said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{words}: {said}"
            );
        }
        assert_eq!(
            super::layout_words_in(&chinese, "OFX STMTTRN"),
            "OFX STMTTRN"
        );
    }
}
