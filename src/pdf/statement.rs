//! The statement's pages: letterhead and window address, the items or activity table,
//! the aging box and the amount due now.

use crate::domain::company::CompanyProfile;
use crate::domain::printed::{Statement, StatementKind};

use super::compose::{Composer, Weight};
use super::table::{Column, ROW, Table};
use super::{LEFT, Labels, date, feet, first_page_head, next_page_head, right};

/// Draws `s` from a new page on; its pages carry their own "page n of m".
pub(super) fn draw(pages: &mut Composer, s: &Statement, company: &CompanyProfile) {
    let labels = Labels::for_locale(s.locale);
    let first = pages.page_count();
    pages.new_page();
    let facts = vec![
        (labels.statement_date.to_string(), date(s.locale, s.date)),
        (
            labels.period.to_string(),
            format!(
                "{} – {}",
                date(s.locale, s.period.first),
                date(s.locale, s.period.last)
            ),
        ),
        (labels.customer.to_string(), s.customer.code.clone()),
    ];
    first_page_head(pages, company, &s.customer, &facts, &labels);
    let r = right(pages);
    pages.text(LEFT, 104.0, 14.0, Weight::Bold, labels.statement_title);
    pages.text(
        LEFT,
        109.5,
        9.0,
        Weight::Regular,
        &format!("{} · {}", labels.statement_kind(s.kind), s.currency.code),
    );
    let continuation = format!(
        "{} · {} · {} ({})",
        labels.statement_title,
        s.customer.code,
        date(s.locale, s.date),
        labels.continued
    );
    let cur = &s.currency;
    let amount = |m| cur.display(m);
    let mut table = Table {
        columns: columns(s.kind, &labels, r),
        next_page: Box::new(move |p: &mut Composer| {
            next_page_head(p, company, &continuation);
            27.0
        }),
        y: 118.0,
    };
    table.header(pages);
    match s.kind {
        StatementKind::OpenItem => {
            if s.open_items.is_empty() {
                table.row(pages, &[labels.nothing_open.to_string()], false);
            }
            for item in &s.open_items {
                let mut number = if item.installments > 1 {
                    format!("{}/{}", item.number, item.seq)
                } else if item.seq == 0 {
                    format!("{} ({})", item.number, labels.unapplied)
                } else {
                    item.number.clone()
                };
                if item.disputed {
                    number = format!("{number} ({})", labels.in_dispute);
                }
                table.row(
                    pages,
                    &[
                        date(s.locale, item.date),
                        number,
                        item.due.map(|d| date(s.locale, d)).unwrap_or_default(),
                        item.days_overdue
                            .filter(|d| *d > 0)
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                        amount(item.amount),
                        amount(item.open),
                    ],
                    false,
                );
                // While the discount can be taken, say what settles the item and by when.
                if let Some(offer) = &item.discount {
                    let words = labels.discount_offer(
                        &amount(item.open - offer.amount),
                        &date(s.locale, offer.last_day),
                        &offer.percent.to_string(),
                        &amount(offer.amount),
                    );
                    let mut cells = vec![String::new(); 6];
                    cells[1] = words;
                    table.row(pages, &cells, false);
                }
            }
            table.rule(pages);
            let total = s.open_items.iter().map(|i| i.open).sum();
            let mut cells = vec![String::new(); 5];
            cells[1] = labels.total_open.to_string();
            cells.push(amount(total));
            table.row(pages, &cells, true);
        }
        StatementKind::BalanceForward | StatementKind::Activity => {
            let forward = s.kind == StatementKind::BalanceForward;
            if forward {
                let mut cells = vec![
                    date(s.locale, s.period.first),
                    labels.brought_forward.into(),
                ];
                cells.extend([String::new(), String::new(), String::new(), String::new()]);
                cells.push(amount(s.opening));
                table.row(pages, &cells, false);
            }
            for line in &s.activity {
                let mut cells = vec![
                    date(s.locale, line.date),
                    labels.doc_kind(line.kind).to_string(),
                    line.number.clone(),
                    line.memo.clone().unwrap_or_default(),
                    if line.debit.is_zero() {
                        String::new()
                    } else {
                        amount(line.debit)
                    },
                    if line.credit.is_zero() {
                        String::new()
                    } else {
                        amount(line.credit)
                    },
                ];
                if forward {
                    cells.push(amount(line.balance));
                }
                table.row(pages, &cells, false);
            }
            table.rule(pages);
            let debit = s.activity.iter().map(|l| l.debit).sum();
            let credit = s.activity.iter().map(|l| l.credit).sum();
            let mut cells = vec![String::new(), labels.period_total.to_string()];
            cells.extend([String::new(), String::new(), amount(debit), amount(credit)]);
            if forward {
                cells.push(String::new());
            }
            table.row(pages, &cells, true);
            if forward {
                let mut cells = vec![date(s.locale, s.date), labels.closing_balance.into()];
                cells.extend([String::new(), String::new(), String::new(), String::new()]);
                cells.push(amount(s.closing));
                table.row(pages, &cells, true);
            }
        }
    }
    // The aging box and the amount due stay together, on this page or the next.
    table.y += 3.0;
    table.ensure(pages, 26.0);
    let y = table.y;
    aging_box(pages, s, &labels, y);
    feet(pages, first, company, &labels);
}

fn columns(kind: StatementKind, labels: &Labels, r: f32) -> Vec<Column<'static>> {
    let left = |title, x, max| Column {
        title,
        x,
        right: false,
        max,
    };
    let right = |title, x| Column {
        title,
        x,
        right: true,
        max: 0.0,
    };
    match kind {
        StatementKind::OpenItem => vec![
            left(labels.date, LEFT, 22.0),
            left(labels.number, LEFT + 27.0, 41.0),
            left(labels.due, LEFT + 70.0, 24.0),
            right(labels.days_overdue, r - 62.0),
            right(labels.original, r - 30.0),
            right(labels.open, r),
        ],
        StatementKind::BalanceForward => vec![
            left(labels.date, LEFT, 22.0),
            left(labels.kind, LEFT + 27.0, 18.0),
            left(labels.number, LEFT + 47.0, 26.0),
            left(labels.memo, LEFT + 75.0, 24.0),
            right(labels.debit, r - 52.0),
            right(labels.credit, r - 26.0),
            right(labels.balance, r),
        ],
        StatementKind::Activity => vec![
            left(labels.date, LEFT, 22.0),
            left(labels.kind, LEFT + 27.0, 18.0),
            left(labels.number, LEFT + 47.0, 29.0),
            left(labels.memo, LEFT + 78.0, 38.0),
            right(labels.debit, r - 30.0),
            right(labels.credit, r),
        ],
    }
}

/// The aging buckets as of the statement date, and the amount due now beside them.
fn aging_box(pages: &mut Composer, s: &Statement, labels: &Labels, y: f32) {
    let r = right(pages);
    let cur = &s.currency;
    let width = r - LEFT - 58.0;
    pages.text(
        LEFT,
        y,
        8.5,
        Weight::Bold,
        &format!("{} {}", labels.aging, date(s.locale, s.date)),
    );
    let mut cols: Vec<(String, String)> = s
        .aging
        .labels
        .iter()
        .zip(&s.aging.amounts)
        .map(|(l, m)| (labels.bucket(l), cur.display(*m)))
        .collect();
    if !s.aging.unapplied.is_zero() {
        cols.push((
            labels.unapplied_short.to_string(),
            cur.display(s.aging.unapplied),
        ));
    }
    cols.push((
        labels.total_balance.to_string(),
        cur.display(s.aging.balance),
    ));
    let cell = width / cols.len() as f32;
    pages.fill(LEFT, y + 2.0, width, ROW + 0.6, 0.9);
    pages.line(
        LEFT,
        y + 2.0 + 2.0 * ROW + 1.6,
        LEFT + width,
        y + 2.0 + 2.0 * ROW + 1.6,
        0.5,
        0.5,
    );
    for (i, (label, value)) in cols.iter().enumerate() {
        let x = LEFT + cell * (i as f32 + 1.0) - 1.0;
        let weight = if i + 1 == cols.len() {
            Weight::Bold
        } else {
            Weight::Regular
        };
        pages.text_right(x, y + 5.6, 7.5, Weight::Bold, label);
        pages.text_right(x, y + 5.6 + ROW + 1.0, 8.0, weight, value);
    }
    // Amount due now, boxed on the right.
    let x = r - 52.0;
    pages.fill(x, y + 2.0, 52.0, 2.0 * ROW + 5.0, 0.92);
    pages.text(x + 2.5, y + 6.5, 8.5, Weight::Bold, labels.amount_due);
    pages.text_right(
        r - 2.5,
        y + 13.0,
        12.0,
        Weight::Bold,
        &format!("{} {}", cur.code, cur.display(s.amount_due)),
    );
}
