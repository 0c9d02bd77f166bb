//! The aging table: a sortable header, one line per customer (balance, a column per
//! bucket, unapplied credit) with its open items beneath when expanded, and a totals row.
//! Only the lines in view are built; `update` has already laid them out.

use iced::widget::{button, column, container, mouse_area, row, space, text};
use iced::{Element, Length, Theme};

use super::{Aging, Column, LIST, Line, Message, Report, label};
use crate::domain::Money;
use crate::domain::aging::Basis;
use crate::fl;
use crate::ui::Book;
use crate::ui::widgets;

const CODE: Length = Length::Fixed(120.0);
/// Up to this many amount columns (balance, buckets, unapplied), the name gets twice an
/// amount's width; beyond, it gives up half of that so amounts in the millions still fit
/// a 1280-pixel window.
const ROOMY: usize = 7;

/// Column widths for a report with `amounts` amount columns, as shares of the width.
#[derive(Debug, Clone, Copy)]
struct Widths {
    name: Length,
    money: Length,
    /// An item's dates span the name and balance columns: it has no name, and its
    /// amount shows in its bucket.
    facts: Length,
}

impl Widths {
    fn new(amounts: usize) -> Widths {
        let name = if amounts <= ROOMY { 4 } else { 2 };
        Widths {
            name: Length::FillPortion(name),
            money: Length::FillPortion(2),
            facts: Length::FillPortion(name + 2),
        }
    }

    fn of(report: &Report) -> Widths {
        Widths::new(report.labels().len() + 2)
    }
}
/// Room for the expander in the code column, so items' numbers line up under codes.
const EXPANDER: f32 = 24.0;

pub fn view<'a>(screen: &'a Aging, book: &'a Book) -> Element<'a, Message> {
    let Some(report) = screen.report.as_deref() else {
        return space().height(Length::Fill).into();
    };
    let list: Element<'a, Message> = if report.customers.is_empty() {
        container(widgets::muted(fl!(
            "nothing-is-owed-as-of-date",
            date = report.as_of().to_string()
        )))
        .padding(12)
        .height(Length::Fill)
        .into()
    } else {
        widgets::virtual_list(
            LIST,
            screen.lines.len(),
            &screen.scroll,
            Message::Scrolled,
            |position| match screen.lines[position] {
                Line::Customer(index) => customer_line(screen, report, index, position, book),
                Line::Item(index, item) => item_line(report, index, item, position, book),
            },
        )
    };
    column![header(screen, report), list, totals(report, book)].into()
}

fn header<'a>(screen: &'a Aging, report: &'a Report) -> Element<'a, Message> {
    let w = Widths::of(report);
    let (sorted, direction) = screen.sort;
    let cell = |name: String, column: Column, width: Length, right: bool| {
        widgets::header_cell(
            name,
            width,
            right,
            (sorted == column).then_some(direction),
            Some(Message::Sort(column)),
        )
    };
    let mut cells = row![
        cell(fl!("code"), Column::Code, CODE, false),
        cell(fl!("name"), Column::Name, w.name, false),
        cell(fl!("balance"), Column::Balance, w.money, true),
    ];
    for (i, name) in report.labels().iter().enumerate() {
        cells = cells.push(cell(label(name), Column::Bucket(i), w.money, true));
    }
    cells = cells
        .push(cell(fl!("unapplied"), Column::Unapplied, w.money, true))
        .push(space().width(widgets::GUTTER));
    container(cells).style(widgets::band).into()
}

fn customer_line<'a>(
    screen: &'a Aging,
    report: &'a Report,
    index: usize,
    position: usize,
    book: &Book,
) -> Element<'a, Message> {
    let w = Widths::of(report);
    let customer = &report.customers[index];
    let figures = report.row(index);
    let code = customer.code.clone();
    let expander: Element<'a, Message> = if figures.items.is_empty() {
        space().width(EXPANDER).into()
    } else {
        let open = screen.expanded.contains(&customer.code);
        button(text(if open { "▼" } else { "▶" }).size(9))
            .width(EXPANDER)
            .padding([3, 6])
            .style(button::text)
            .on_press(Message::Toggle(code.clone()))
            .into()
    };
    let mut cells = row![
        container(
            row![
                expander,
                text(customer.code.as_str())
                    .size(14)
                    .wrapping(text::Wrapping::None)
            ]
            .align_y(iced::Alignment::Center)
        )
        .width(CODE)
        .clip(true)
        .padding([2, 2]),
        widgets::cell(customer.name.as_str(), w.name),
        widgets::amount_cell(book.money(figures.balance), w.money),
    ]
    .align_y(iced::Alignment::Center);
    for (column, amount) in figures.amounts.iter().enumerate() {
        let late = report.basis() == Basis::Due && column > 0;
        cells = cells.push(bucket_cell(*amount, late, w, book));
    }
    cells = cells.push(bucket_cell(figures.unapplied, false, w, book));
    let selected = screen.selected.as_deref() == Some(customer.code.as_str());
    mouse_area(
        container(cells)
            .width(Length::Fill)
            .height(Length::Fill)
            .style(widgets::row_style(selected, position % 2 == 1)),
    )
    .on_press(Message::Select(code.clone()))
    .on_double_click(Message::Open(code))
    .into()
}

/// An open item under its customer: number/installment, dates and lateness, and its
/// open amount in the bucket it falls in.
fn item_line<'a>(
    report: &'a Report,
    index: usize,
    item: usize,
    position: usize,
    book: &Book,
) -> Element<'a, Message> {
    let w = Widths::of(report);
    let code = report.customers[index].code.clone();
    let figures = report.row(index);
    let item = &figures.items[item];
    let lateness = match item.days_overdue {
        days if days > 0 => fl!("days-days-late", days = days),
        0 => fl!("due-today"),
        days => fl!("due-in-days-days", days = days.abs()),
    };
    let facts = fl!(
        "date-due-due-lateness",
        date = item.date.to_string(),
        due = item.due.to_string(),
        lateness = lateness
    );
    let mut cells = row![
        container(
            text(format!("{}/{}", item.number, item.seq))
                .size(13)
                .wrapping(text::Wrapping::None)
        )
        .width(CODE)
        .clip(true)
        .padding(iced::Padding {
            left: EXPANDER + 2.0,
            ..iced::Padding::from([5, 2])
        }),
        container(widgets::muted(facts).wrapping(text::Wrapping::None))
            .width(w.facts)
            .clip(true)
            .padding([5, 6]),
    ];
    for column in 0..figures.amounts.len() {
        cells = cells.push(if column == item.column {
            let late = report.basis() == Basis::Due && column > 0;
            bucket_cell(item.open, late, w, book)
        } else {
            space().width(w.money).into()
        });
    }
    cells = cells.push(space().width(w.money));
    mouse_area(
        container(cells)
            .width(Length::Fill)
            .height(Length::Fill)
            .style(widgets::row_style(false, position % 2 == 1)),
    )
    .on_press(Message::Select(code.clone()))
    .on_double_click(Message::Open(code))
    .into()
}

/// A bucket's amount, blank when nothing is in it; late money in the danger colour.
fn bucket_cell<'a>(amount: Money, late: bool, w: Widths, book: &Book) -> Element<'a, Message> {
    if amount.is_zero() {
        return space().width(w.money).into();
    }
    if !late {
        return widgets::amount_cell(book.money(amount), w.money);
    }
    container(
        text(book.money(amount))
            .size(14)
            .wrapping(text::Wrapping::None)
            .style(|theme: &Theme| text::Style {
                color: Some(widgets::warning_color(theme)),
            })
            .align_x(iced::alignment::Horizontal::Right)
            .width(Length::Fill),
    )
    .width(w.money)
    .clip(true)
    .padding([4, 6])
    .into()
}

fn totals<'a>(report: &'a Report, book: &Book) -> Element<'a, Message> {
    let w = Widths::of(report);
    let totals = report.totals();
    let count = fl!("count-customers", count = report.customers.len());
    let mut cells = row![
        widgets::total_cell(fl!("total"), CODE, false),
        widgets::total_cell(count, w.name, false),
        widgets::total_cell(book.money(totals.balance), w.money, true),
    ];
    for amount in &totals.amounts {
        cells = cells.push(widgets::total_cell(book.money(*amount), w.money, true));
    }
    cells = cells
        .push(widgets::total_cell(
            book.money(totals.unapplied),
            w.money,
            true,
        ))
        .push(space().width(widgets::GUTTER));
    container(cells).style(widgets::band).into()
}
