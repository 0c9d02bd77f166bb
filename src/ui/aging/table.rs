//! The aging table: a sortable header, one line per customer (balance, a column per
//! bucket, unapplied credit) with its open items beneath when expanded, and a totals row.
//! Only the lines in view are built; `update` has already laid them out.

use iced::widget::{button, column, container, mouse_area, row, scrollable, space, text};
use iced::{Element, Length};

use super::{Aging, Column, LIST, Line, Message, Report, label};
use crate::domain::Money;
use crate::domain::aging::Basis;
use crate::fl;
use crate::ui::Book;
use crate::ui::widgets;

const CODE_WIDTH: f32 = 104.0;
const CODE: Length = Length::Fixed(CODE_WIDTH);
/// The least a name is given before the table scrolls sideways.
const MIN_NAME: f32 = 120.0;

/// Column widths: each amount column as wide as its widest figure, measured when a
/// report arrives (see [`widgets::money_column`]); the name takes what is left and is
/// cut when the window is narrow, never a figure.
#[derive(Debug, Clone, Default)]
pub struct Widths {
    /// Balance, each bucket, unapplied.
    money: Vec<f32>,
}

impl Widths {
    pub fn measure(report: &Report, book: &Book) -> Widths {
        let columns = report.labels().len() + 2;
        // The largest and the smallest amount of each column: one of the two is its
        // widest figure, so only those are written out and measured.
        let mut extremes = vec![(Money::ZERO, Money::ZERO); columns];
        let mut consider = |column: usize, amount: Money| {
            let (high, low) = &mut extremes[column];
            *high = (*high).max(amount);
            *low = (*low).min(amount);
        };
        let mut row = |balance: Money, amounts: &[Money], unapplied: Money| {
            consider(0, balance);
            for (column, amount) in amounts.iter().enumerate() {
                consider(column + 1, *amount);
            }
            consider(columns - 1, unapplied);
        };
        let totals = report.totals();
        row(totals.balance, &totals.amounts, totals.unapplied);
        for index in 0..report.customers.len() {
            let figures = report.row(index);
            row(figures.balance, &figures.amounts, figures.unapplied);
        }
        // An item's open amount is within its customer's bucket, which is counted.
        let headers: Vec<String> = std::iter::once(fl!("balance"))
            .chain(report.labels().iter().map(|name| label(name)))
            .chain(std::iter::once(fl!("unapplied")))
            .collect();
        let money = extremes
            .iter()
            .zip(&headers)
            .map(|((high, low), header)| {
                let figures = [book.money(*high), book.money(*low)];
                widgets::money_column(header, figures.iter().map(String::as_str))
            })
            .collect();
        Widths { money }
    }

    /// The width of amount column `column` (0: balance, then the buckets, then
    /// unapplied).
    fn money(&self, column: usize) -> Length {
        Length::Fixed(self.money.get(column).copied().unwrap_or(90.0))
    }

    /// All the amount columns together.
    fn total(&self) -> f32 {
        self.money.iter().sum()
    }

    fn unapplied(&self) -> Length {
        self.money(self.money.len().saturating_sub(1))
    }
}

/// What is left of a row beside the code and the amounts: the name, and under a
/// customer its items' dates (across the name and balance columns).
const NAME: Length = Length::Fill;
/// Room for the expander in the code column, so items' numbers line up under codes.
const EXPANDER: f32 = 24.0;

/// The table in `width` pixels. The amounts keep their widths whatever the window:
/// when they and a name of some width do not fit, the table scrolls sideways rather
/// than cut a figure.
pub fn view<'a>(screen: &'a Aging, book: &'a Book, width: f32) -> Element<'a, Message> {
    let Some(report) = screen.report.as_deref() else {
        return space().height(Length::Fill).into();
    };
    let needed = CODE_WIDTH + screen.widths.total() + MIN_NAME + widgets::GUTTER;
    let table = table(screen, report, book);
    if width >= needed {
        table
    } else {
        scrollable(container(table).width(needed).height(Length::Fill))
            .direction(scrollable::Direction::Horizontal(
                scrollable::Scrollbar::default().spacing(4),
            ))
            .height(Length::Fill)
            .into()
    }
}

fn table<'a>(screen: &'a Aging, report: &'a Report, book: &'a Book) -> Element<'a, Message> {
    let list: Element<'a, Message> = if report.customers.is_empty() {
        container(widgets::muted(fl!(
            "nothing-is-owed-as-of-date",
            date = book.date(report.as_of())
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
                Line::Item(index, item) => {
                    item_line(report, &screen.widths, index, item, position, book)
                }
            },
        )
    };
    column![
        header(screen, report),
        list,
        totals(report, &screen.widths, book)
    ]
    .into()
}

fn header<'a>(screen: &'a Aging, report: &'a Report) -> Element<'a, Message> {
    let w = &screen.widths;
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
        cell(fl!("name"), Column::Name, NAME, false),
        cell(fl!("balance"), Column::Balance, w.money(0), true),
    ];
    for (i, name) in report.labels().iter().enumerate() {
        cells = cells.push(cell(label(name), Column::Bucket(i), w.money(i + 1), true));
    }
    cells = cells
        .push(cell(
            fl!("unapplied"),
            Column::Unapplied,
            w.unapplied(),
            true,
        ))
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
    let w = &screen.widths;
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
        widgets::name_cell(customer.name.as_str(), NAME),
        widgets::amount_cell(book.money(figures.balance), w.money(0)),
    ]
    .align_y(iced::Alignment::Center);
    for (column, amount) in figures.amounts.iter().enumerate() {
        let late = report.basis() == Basis::Due && column > 0;
        cells = cells.push(bucket_cell(*amount, late, w.money(column + 1), book));
    }
    cells = cells.push(bucket_cell(figures.unapplied, false, w.unapplied(), book));
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
    w: &Widths,
    index: usize,
    item: usize,
    position: usize,
    book: &Book,
) -> Element<'a, Message> {
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
        date = book.date(item.date),
        due = book.date(item.due),
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
            .width(NAME)
            .clip(true)
            .padding([5, 6]),
    ];
    for column in 0..figures.amounts.len() {
        cells = cells.push(if column == item.column {
            let late = report.basis() == Basis::Due && column > 0;
            bucket_cell(item.open, late, w.money(column + 1), book)
        } else {
            space().width(w.money(column + 1)).into()
        });
    }
    cells = cells.push(space().width(w.unapplied()));
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

/// A bucket's amount, blank when nothing is in it; late money in the warning colour.
fn bucket_cell<'a>(amount: Money, late: bool, width: Length, book: &Book) -> Element<'a, Message> {
    if amount.is_zero() {
        return space().width(width).into();
    }
    widgets::flagged_amount_cell(book.money(amount), width, late)
}

fn totals<'a>(report: &'a Report, w: &Widths, book: &Book) -> Element<'a, Message> {
    let totals = report.totals();
    let count = fl!("count-customers", count = report.customers.len());
    let mut cells = row![
        widgets::total_cell(fl!("total"), CODE, false),
        widgets::total_cell(count, NAME, false),
        widgets::total_cell(book.money(totals.balance), w.money(0), true),
    ];
    for (column, amount) in totals.amounts.iter().enumerate() {
        cells = cells.push(widgets::total_cell(
            book.money(*amount),
            w.money(column + 1),
            true,
        ));
    }
    cells = cells
        .push(widgets::total_cell(
            book.money(totals.unapplied),
            w.unapplied(),
            true,
        ))
        .push(space().width(widgets::GUTTER));
    container(cells).style(widgets::band).into()
}
