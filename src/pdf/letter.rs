//! The demand letter's pages: letterhead and window address, the title, the merged
//! paragraphs wrapped to the text width, the table of overdue items, the closing.
//! Pages break as a letter should: a paragraph never leaves a single line at the foot
//! of a page or the top of the next (one too short to split moves whole), the closing
//! and signature stay with the last lines of the paragraph before them, and an amount
//! with its currency or a date is never broken across lines.

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
    let together = unbreakable(letter);
    // The closing and signature, and the gaps above them (after the paragraph, before
    // the closing): they go with the last lines of the paragraph before them, never onto
    // a page of their own.
    let closing = 2.5 + 2.0 + LINE * letter.closing.len() as f32;
    let last_text = match letter.blocks.last() {
        Some(LetterBlock::Text(_)) => letter.blocks.len() - 1,
        _ => usize::MAX,
    };
    for (index, block) in letter.blocks.iter().enumerate() {
        match block {
            LetterBlock::Text(text) => {
                let text = keep_together(text, &together);
                let lines = pages.wrap(&text, r - LEFT, SIZE, Weight::Regular);
                let reserve = if index == last_text { closing } else { 0.0 };
                let mut rest = &lines[..];
                let mut fresh = false;
                loop {
                    let fit = fitting(y, bottom(pages));
                    if rest.len() <= fitting(y + reserve, bottom(pages)) {
                        break;
                    }
                    // Only the closing does not fit: take at least two lines over with it.
                    let room = if rest.len() <= fit {
                        rest.len().saturating_sub(2)
                    } else {
                        fit
                    };
                    let mut here = lines_here(rest.len(), room);
                    if here == 0 && fresh {
                        // A paragraph longer than a page: cut it where the page ends.
                        here = fit.clamp(1, rest.len());
                    }
                    for line in &rest[..here] {
                        pages.text(LEFT, y, SIZE, Weight::Regular, line);
                        y += LINE;
                    }
                    rest = &rest[here..];
                    pages.new_page();
                    y = next(pages);
                    fresh = true;
                }
                for line in rest {
                    pages.text(LEFT, y, SIZE, Weight::Regular, line);
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
    // After the table (a template that ends with it) the closing still needs room.
    if fitting(y, bottom(pages)) < letter.closing.len() {
        pages.new_page();
        y = next(pages);
    }
    for line in &letter.closing {
        pages.text(LEFT, y, SIZE, Weight::Regular, line);
        y += LINE;
    }
    feet(pages, first, company, &labels);
}

/// How many lines of `LINE` fit from baseline `y` down to the last baseline `bottom`.
fn fitting(y: f32, bottom: f32) -> usize {
    if y > bottom {
        0
    } else {
        ((bottom - y) / LINE).floor() as usize + 1
    }
}

/// How many of a paragraph's `lines` to set on this page when `room` lines fit: all if
/// they fit, else none or enough to leave neither a single line at the foot of this page
/// (an orphan) nor a single line at the top of the next (a widow).
fn lines_here(lines: usize, room: usize) -> usize {
    if lines <= room {
        lines
    } else if room < 2 || lines < 4 {
        0
    } else {
        room.min(lines - 2)
    }
}

/// Amounts with their currency and dates as the letter's merge fields write them: each
/// is kept on one line.
pub fn unbreakable(letter: &Letter) -> Vec<String> {
    let cur = &letter.currency;
    let mut amounts = vec![letter.total_overdue, crate::domain::Money::ZERO];
    let mut dates = vec![letter.date, letter.deadline, letter.oldest_due];
    for item in &letter.items {
        amounts.extend([item.amount, item.open]);
        dates.extend(std::iter::once(item.date).chain(item.due));
    }
    let mut phrases: Vec<String> = amounts
        .into_iter()
        .map(|m| format!("{} {}", cur.code, cur.display(m)))
        .chain(dates.into_iter().map(|d| date(letter.locale, d)))
        .filter(|p| p.contains(' '))
        .collect();
    // Longest first, so an amount is not half-replaced as part of a shorter one.
    phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    phrases.dedup();
    phrases
}

/// `text` with the spaces inside each of `phrases` made no-break spaces, which
/// [`Composer::wrap`] never breaks at (and which print as spaces).
pub fn keep_together(text: &str, phrases: &[String]) -> String {
    let mut text = text.to_string();
    for phrase in phrases {
        if text.contains(phrase.as_str()) {
            text = text.replace(phrase.as_str(), &phrase.replace(' ', "\u{A0}"));
        }
    }
    text
}

fn col(title: &'static str, x: f32, right: bool, max: f32) -> Column<'static> {
    Column {
        title,
        x,
        right,
        max,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;
    use crate::domain::company::Locale;
    use crate::domain::printed::Addressee;
    use chrono::NaiveDate;

    #[test]
    fn a_paragraph_is_split_only_with_two_lines_on_each_side() {
        // (lines, room on the page) -> lines set here
        for (lines, room, here) in [
            (5, 9, 5),
            (5, 5, 5),
            (5, 4, 3),
            (5, 3, 3),
            (5, 2, 2),
            (5, 1, 0),
            (5, 0, 0),
            (4, 3, 2),
            (3, 2, 0),
            (1, 0, 0),
            (40, 38, 38),
        ] {
            assert_eq!(lines_here(lines, room), here, "{lines} lines, room {room}");
        }
        assert_eq!(fitting(100.0, 100.0), 1);
        assert_eq!(fitting(100.0, 99.0), 0);
        assert_eq!(fitting(100.0, 100.0 + 2.0 * LINE), 3);
    }

    fn letter(locale: Locale, text: &str) -> Letter {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let currency = Currency::new("EUR", 2).unwrap();
        Letter {
            level: Level::Reminder,
            date: day("2026-10-31"),
            deadline: day("2026-11-14"),
            customer: Addressee {
                code: "C1".into(),
                name: "Customer".into(),
                contact: None,
                address: None,
            },
            total_overdue: currency.parse("1234.50").unwrap(),
            currency,
            locale,
            title: "Reminder".into(),
            blocks: vec![LetterBlock::Text(text.into())],
            closing: vec!["Yours faithfully,".into()],
            items: Vec::new(),
            oldest_due: day("2026-08-09"),
            days_overdue: 83,
        }
    }

    #[test]
    fn amounts_and_dates_are_never_broken_across_lines() {
        let pages = Composer::new((210.0, 297.0)).unwrap();
        let text = "Please pay EUR 1,234.50 by Nov 14, 2026, the oldest item having \
                    fallen due on Aug 9, 2026; EUR 1,234.50 in all.";
        let l = letter(Locale::EnUs, text);
        let kept = keep_together(text, &unbreakable(&l));
        assert_eq!(kept.replace('\u{A0}', " "), text);
        let mut seen = 0;
        for tenth in 150..900 {
            let max = tenth as f32 / 10.0;
            let lines = pages.wrap(&kept, max, SIZE, Weight::Regular);
            assert_eq!(lines.join(" ").replace('\u{A0}', " "), text, "{max} mm");
            for line in &lines {
                assert!(!line.ends_with("EUR") && !line.ends_with("Nov") && !line.ends_with("Aug"));
                assert!(!line.starts_with("1,234.50") && !line.starts_with("14,"));
            }
            seen += lines.len();
        }
        assert!(seen > 1500, "the widths tried wrap the text");
    }
}
