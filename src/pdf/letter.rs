//! The demand letter's pages: letterhead and window address, the title, the merged
//! paragraphs wrapped to the text width, the table of overdue items, the closing.

use crate::domain::company::CompanyProfile;
use crate::domain::letters::Level;
use crate::domain::printed::{Letter, LetterBlock};

use super::compose::{Composer, Weight};
use super::table::{Column, Table};
use super::{LEFT, Labels, bottom, date, feet, first_page_head, next_page_head, right};

const SIZE: f32 = 10.0;
const LINE: f32 = 5.0;

pub(super) fn draw(pages: &mut Composer, letter: &Letter, company: &CompanyProfile) {
    let labels = Labels::for_locale(letter.locale);
    let first = pages.page_count();
    pages.new_page();
    let facts = vec![
        (
            labels.letter_date.to_string(),
            date(letter.locale, letter.date),
        ),
        (labels.customer.to_string(), letter.customer.code.clone()),
        (
            labels.pay_by.to_string(),
            date(letter.locale, letter.deadline),
        ),
    ];
    first_page_head(pages, company, &letter.customer, &facts, &labels);
    let r = right(pages);
    let continuation = format!(
        "{} · {} · {}",
        letter.title,
        letter.customer.code,
        date(letter.locale, letter.date)
    );
    let mut y = 104.0;
    for line in pages.wrap(&letter.title, r - LEFT, 13.0, Weight::Bold) {
        pages.text(LEFT, y, 13.0, Weight::Bold, &line);
        y += 6.0;
    }
    y += 3.0;
    let next = |p: &mut Composer| {
        next_page_head(p, company, &continuation);
        28.0
    };
    let cur = &letter.currency;
    for block in &letter.blocks {
        match block {
            LetterBlock::Text(text) => {
                for line in pages.wrap(text, r - LEFT, SIZE, Weight::Regular) {
                    if y > bottom(pages) {
                        pages.new_page();
                        y = next(pages);
                    }
                    pages.text(LEFT, y, SIZE, Weight::Regular, &line);
                    y += LINE;
                }
                y += 2.5;
            }
            LetterBlock::Items => {
                let mut table = Table {
                    columns: vec![
                        col(labels.number, LEFT, false, 40.0),
                        col(labels.invoice_date, LEFT + 42.0, false, 28.0),
                        col(labels.due, LEFT + 72.0, false, 28.0),
                        col(labels.days_overdue, r - 60.0, true, 0.0),
                        col(labels.original, r - 30.0, true, 0.0),
                        col(labels.open, r, true, 0.0),
                    ],
                    next_page: Box::new(next),
                    y: y + 1.0,
                };
                table.ensure(pages, 3.0 * super::table::ROW);
                table.header(pages);
                for item in &letter.items {
                    let mut number = if item.installments > 1 {
                        format!("{}/{}", item.number, item.seq)
                    } else {
                        item.number.clone()
                    };
                    if item.disputed {
                        number = format!("{number} ({})", labels.in_dispute);
                    }
                    table.row(
                        pages,
                        &[
                            number,
                            date(letter.locale, item.date),
                            item.due.map(|d| date(letter.locale, d)).unwrap_or_default(),
                            item.days_overdue.map(|d| d.to_string()).unwrap_or_default(),
                            cur.display(item.amount),
                            cur.display(item.open),
                        ],
                        false,
                    );
                }
                table.rule(pages);
                // A payment reminder's items are not overdue yet.
                let total_label = if letter.level == Level::BeforeDue {
                    labels.total_falling_due
                } else {
                    labels.total_overdue
                };
                let mut cells = vec![total_label.to_string()];
                cells.extend(std::iter::repeat_n(String::new(), 4));
                cells.push(format!(
                    "{} {}",
                    cur.code,
                    cur.display(letter.total_overdue)
                ));
                table.row(pages, &cells, true);
                y = table.y + 4.0;
            }
        }
    }
    y += 2.0;
    if y + LINE * letter.closing.len() as f32 > bottom(pages) {
        pages.new_page();
        y = next(pages);
    }
    for line in &letter.closing {
        pages.text(LEFT, y, SIZE, Weight::Regular, line);
        y += LINE;
    }
    feet(pages, first, company, &labels);
}

fn col(title: &'static str, x: f32, right: bool, max: f32) -> Column<'static> {
    Column {
        title,
        x,
        right,
        max,
    }
}
