//! The aging report as PDF, for the office rather than a customer: the company's name,
//! the as-of date and what the days count from, then one row per customer (code, name,
//! balance, each bucket, unapplied credit) and the totals, on landscape pages of the
//! book's paper (A4 or Letter) so every bucket fits beside a readable name. The table's
//! header repeats on every page and each page says "page n of m". The figures are the
//! report's own, formatted in the book's currency format: the same as `owed aging`.

use std::path::Path;

use chrono::NaiveDate;

use super::compose::{Composer, Weight};
use super::table::{Column, Table};
use super::{LEFT, Labels, PdfError, Result, date, next_page_head, right};
use crate::domain::Currency;
use crate::domain::aging::{AgingReport, AgingRow, AgingTotals, Basis};
use crate::domain::company::CompanyProfile;

/// What the aging PDF shows: the report's figures with each customer's code and name.
pub struct AgingSheet<'a> {
    pub company: &'a CompanyProfile,
    pub currency: &'a Currency,
    pub as_of: NaiveDate,
    pub basis: Basis,
    /// The bucket labels, e.g. `Current, 1-30, 31-60, 61-90, 90+`.
    pub columns: &'a [String],
    /// (code, name, figures), in the order to print them.
    pub rows: Vec<(&'a str, &'a str, &'a AgingRow)>,
    pub totals: &'a AgingTotals,
}

impl<'a> AgingSheet<'a> {
    /// The sheet of `report`, its customers' rows given as (code, name, figures).
    pub fn new(
        company: &'a CompanyProfile,
        currency: &'a Currency,
        report: &'a AgingReport,
        rows: Vec<(&'a str, &'a str, &'a AgingRow)>,
    ) -> AgingSheet<'a> {
        AgingSheet {
            company,
            currency,
            as_of: report.as_of,
            basis: report.basis,
            columns: &report.columns,
            rows,
            totals: &report.totals,
        }
    }
}

/// Widest an amount column is; narrower when many buckets share the page.
const AMOUNT_WIDTH: f32 = 25.0;
/// Narrowest the name column may get before the amounts give way.
const NAME_MIN: f32 = 50.0;
const CODE_WIDTH: f32 = 24.0;

/// The aging report as a PDF.
pub fn aging_pdf(sheet: &AgingSheet<'_>) -> Result<Vec<u8>> {
    let (short, long) = sheet.company.paper.size_mm();
    let mut pages = Composer::new((long, short))?;
    let labels = Labels::for_locale(sheet.company.locale);
    let as_of = date(sheet.company.locale, sheet.as_of);
    let basis = match sheet.basis {
        Basis::Due => labels.by_due_date,
        Basis::Invoice => labels.by_invoice_date,
    };
    pages.new_page();
    let r = right(&pages);
    pages.text_fit(
        LEFT,
        18.0,
        r - LEFT - 70.0,
        14.0,
        Weight::Bold,
        &sheet.company.name,
    );
    pages.text_right(
        r,
        18.0,
        11.0,
        Weight::Bold,
        &format!("{} {as_of}", labels.aging),
    );
    pages.text(
        LEFT,
        25.0,
        9.5,
        Weight::Regular,
        &format!(
            "{} · {basis} · {} · {}",
            labels.aging_title,
            sheet.currency.code,
            labels.customer_count(sheet.rows.len(), sheet.currency.format)
        ),
    );
    pages.line(LEFT, 28.5, r, 28.5, 0.6, 0.6);

    let bucket_titles: Vec<String> = sheet.columns.iter().map(|l| labels.bucket(l)).collect();
    let mut titles: Vec<&str> = vec![labels.code, labels.customer_name, labels.balance];
    titles.extend(bucket_titles.iter().map(String::as_str));
    titles.push(labels.unapplied_short);
    let amounts = titles.len() - 2;
    let name_x = LEFT + CODE_WIDTH;
    let width = ((r - name_x - NAME_MIN) / amounts as f32).min(AMOUNT_WIDTH);
    let first_amount = r - width * amounts as f32;
    let mut columns = vec![
        Column {
            title: titles[0],
            x: LEFT,
            right: false,
            max: CODE_WIDTH - 2.0,
        },
        Column {
            title: titles[1],
            x: name_x,
            right: false,
            max: first_amount - name_x - 4.0,
        },
    ];
    columns.extend(titles[2..].iter().enumerate().map(|(i, title)| Column {
        title,
        x: first_amount + width * (i as f32 + 1.0),
        right: true,
        max: 0.0,
    }));
    let continuation = format!(
        "{} · {as_of} · {} ({})",
        labels.aging_title, sheet.currency.code, labels.continued
    );
    let company = sheet.company;
    let mut table = Table {
        columns,
        next_page: Box::new(move |p: &mut Composer| {
            next_page_head(p, company, &continuation);
            27.0
        }),
        y: 36.0,
    };
    table.header(&mut pages);
    let money = |m| sheet.currency.display(m);
    let cells = |code: &str, name: &str, balance, amounts: &[_], unapplied| {
        let mut cells = vec![code.to_string(), name.to_string(), money(balance)];
        cells.extend(amounts.iter().map(|m| money(*m)));
        cells.push(money(unapplied));
        cells
    };
    for (code, name, row) in &sheet.rows {
        let line = cells(code, name, row.balance, &row.amounts, row.unapplied);
        table.row(&mut pages, &line, false);
    }
    table.rule(&mut pages);
    let totals = sheet.totals;
    let line = cells(
        "",
        labels.total,
        totals.balance,
        &totals.amounts,
        totals.unapplied,
    );
    table.row(&mut pages, &line, true);

    let count = pages.page_count();
    for n in 0..count {
        pages.on_page(n, |p| {
            let r = right(p);
            let y = p.height - 12.0;
            p.line(LEFT, y - 4.0, r, y - 4.0, 0.4, 0.6);
            p.text(
                LEFT,
                y,
                7.5,
                Weight::Regular,
                &format!("{} · {as_of}", labels.aging_title),
            );
            p.text_right(r, y, 7.5, Weight::Regular, &labels.page_of(n + 1, count));
        });
    }
    pages.finish(
        &format!("{} {}", labels.aging_title, sheet.as_of),
        sheet.as_of,
    )
}

/// Why the aging PDF was not written.
#[derive(Debug, thiserror::Error)]
pub enum AgingPdfError {
    #[error("{0}")]
    Pdf(#[from] PdfError),
    #[error("could not write {path}: {error}")]
    Write { path: String, error: std::io::Error },
    #[error("could not write {0}: that is a folder, not a file name")]
    Folder(String),
}

/// Writes the aging PDF to `path`, whole or not at all (a failed write leaves whatever
/// was there before).
pub fn write_aging_pdf(
    path: &Path,
    sheet: &AgingSheet<'_>,
) -> std::result::Result<(), AgingPdfError> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(AgingPdfError::Folder(shown));
    }
    let bytes = aging_pdf(sheet)?;
    crate::files::write_bytes_whole(path, &bytes)
        .map_err(|error| AgingPdfError::Write { path: shown, error })
}
