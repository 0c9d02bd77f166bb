//! Printed statements and demand letters as PDF (and the aging report for the office,
//! [`aging_pdf`]): company letterhead, the customer's address placed for a DIN 5008 window envelope (left 20 mm, top 45 mm), tables whose
//! header repeats on every page and whose rows are never cut, right-aligned amounts in
//! the book's currency format, "page n of m" and the payment instructions at the foot.
//! Each character is drawn with the bundled Noto Sans (Latin with Extended-A/B and
//! Vietnamese, Greek, Cyrillic) or, for what it lacks, Noto Sans SC (Chinese), so names in
//! any of those scripts print whole; each face used is subset per document, and the same
//! input gives the same bytes.
//!
//! This layer only lays out values from [`crate::domain::printed`] (and the aging's
//! [`crate::domain::aging`] figures); the figures come from `report`.

mod aging;
mod compose;
mod fonts;
mod labels;
mod letter;
mod logo;
mod statement;
mod stream;
mod table;

use crate::domain::company::{CompanyProfile, Locale};
use crate::domain::printed::{Addressee, Letter, Statement};

pub use aging::{AgingPdfError, AgingSheet, aging_pdf, write_aging_pdf};
use compose::{Composer, Weight};
pub use labels::Labels;
/// A letter's amounts and dates kept on one line, on the screen's preview as on paper.
pub use letter::{keep_together, unbreakable};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF font: {0}")]
    Font(String),
    #[error("there is nothing to print")]
    Empty,
    #[error("{0}")]
    Write(std::io::Error),
    #[error("the PDF could not be put together: {0}")]
    Assemble(String),
}

pub type Result<T> = std::result::Result<T, PdfError>;

/// One customer's statement as a PDF.
pub fn statement_pdf(statement: &Statement, company: &CompanyProfile) -> Result<Vec<u8>> {
    statements_pdf(std::slice::from_ref(statement), company)
}

/// Several statements in one PDF, each starting on a new page with its own page count.
pub fn statements_pdf(statements: &[Statement], company: &CompanyProfile) -> Result<Vec<u8>> {
    let first = statements.first().ok_or(PdfError::Empty)?;
    let mut pages = Composer::new(company.paper.size_mm())?;
    for s in statements {
        statement::draw(&mut pages, s, company);
    }
    let labels = Labels::for_locale(first.locale);
    let title = if statements.len() == 1 {
        format!(
            "{} {} {}",
            labels.statement_title,
            first.customer.code,
            first.period.label()
        )
    } else {
        format!("{} {}", labels.statement_title, first.period.label())
    };
    pages.finish(&title, first.date)
}

/// Statements composed and laid out together before a part of the combined file is
/// written: enough that the parts' own font subsets add little, few enough that a part
/// stays a few megabytes in memory.
const STATEMENTS_PER_PART: usize = 100;

/// Several statements in one PDF written to `out` as they come, each from a new page
/// with its own page count (as [`statements_pdf`] lays them out), in memory bounded by
/// one part of [`STATEMENTS_PER_PART`] statements, whatever the number of statements.
pub struct StatementsFile<W: std::io::Write> {
    stream: stream::PdfStream<W>,
    company: CompanyProfile,
    /// The part being composed and how many statements it holds.
    part: Option<(Composer, usize)>,
    /// The first statement's title, date and locale (the file's title and date).
    first: Option<(String, String, chrono::NaiveDate, Locale)>,
    count: usize,
}

impl<W: std::io::Write> StatementsFile<W> {
    pub fn new(out: W, company: &CompanyProfile) -> StatementsFile<W> {
        StatementsFile {
            stream: stream::PdfStream::new(out),
            company: company.clone(),
            part: None,
            first: None,
            count: 0,
        }
    }

    /// Lays out `statement` after those added before.
    pub fn add(&mut self, statement: &Statement) -> Result<()> {
        if self.first.is_none() {
            self.first = Some((
                statement.customer.code.clone(),
                statement.period.label(),
                statement.date,
                statement.locale,
            ));
        }
        let (pages, held) = match &mut self.part {
            Some(part) => part,
            None => self
                .part
                .insert((Composer::new(self.company.paper.size_mm())?, 0)),
        };
        statement::draw(pages, statement, &self.company);
        *held += 1;
        self.count += 1;
        if *held == STATEMENTS_PER_PART {
            self.write_part()?;
        }
        Ok(())
    }

    fn write_part(&mut self) -> Result<()> {
        let (Some((pages, _)), Some((code, period, date, locale))) =
            (self.part.take(), self.first.as_ref())
        else {
            return Ok(());
        };
        // The title of the file is the first part's; it names the customer when the
        // file holds one statement, as `statements_pdf` does.
        let labels = Labels::for_locale(*locale);
        let title = if self.count == 1 {
            format!("{} {code} {period}", labels.statement_title)
        } else {
            format!("{} {period}", labels.statement_title)
        };
        let document = pages.document(&title, *date)?;
        self.stream.append(&document)
    }

    /// Writes what is left and the file's end, and hands back the output.
    pub fn finish(mut self) -> Result<W> {
        self.write_part()?;
        self.stream.finish()
    }
}

/// A demand letter as a PDF.
pub fn letter_pdf(letter: &Letter, company: &CompanyProfile) -> Result<Vec<u8>> {
    let mut pages = Composer::new(company.paper.size_mm())?;
    letter::draw(&mut pages, letter, company);
    pages.finish(&letter.title, letter.date)
}

/// Several demand letters in one PDF to print in one go, each starting on a new page
/// with its own page count, exactly as its own file has them.
pub fn letters_pdf(letters: &[&Letter], company: &CompanyProfile) -> Result<Vec<u8>> {
    let first = letters.first().ok_or(PdfError::Empty)?;
    let mut pages = Composer::new(company.paper.size_mm())?;
    for letter in letters {
        letter::draw(&mut pages, letter, company);
    }
    let labels = Labels::for_locale(first.locale);
    pages.finish(
        &format!("{} {}", labels.letters_title, first.date),
        first.date,
    )
}

const LEFT: f32 = 20.0;

fn right(pages: &Composer) -> f32 {
    pages.width - 20.0
}

/// Lowest baseline a table row may take before the foot.
fn bottom(pages: &Composer) -> f32 {
    pages.height - 30.0
}

/// The letterhead of a first page: company, its address and contacts, the return line
/// and the customer's address in the window, and the facts block on the right.
fn first_page_head(
    pages: &mut Composer,
    company: &CompanyProfile,
    to: &Addressee,
    facts: &[(String, String)],
    labels: &Labels,
) {
    let r = right(pages);
    // The logo, if any, to the left of the company name (at most 40 × 16 mm).
    let mut name_x = LEFT;
    if let Some(image) = company.logo.as_deref().and_then(logo::decode) {
        name_x += pages.image("Logo", &image, LEFT, 9.0, 40.0, 16.0) + 4.0;
    }
    pages.text(name_x, 20.0, 15.0, Weight::Bold, &company.name);
    let mut y = 25.5;
    for line in company
        .address
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
    {
        pages.text(name_x, y, 8.0, Weight::Regular, line.trim());
        y += 3.6;
    }
    let mut y = 20.0;
    let contacts = [
        (labels.phone, &company.phone),
        (labels.email, &company.email),
        (labels.tax_id, &company.tax_id),
    ];
    for (label, value) in contacts {
        if !value.trim().is_empty() {
            pages.text_right(
                r,
                y,
                8.0,
                Weight::Regular,
                &format!("{label} {}", value.trim()),
            );
            y += 3.6;
        }
    }
    pages.line(LEFT, 38.0, r, 38.0, 0.6, 0.6);
    // DIN 5008 type B window: 85 × 45 mm at 20 mm from the left, 45 mm from the top.
    let sender = return_line(pages, company);
    pages.text_fit(LEFT + 5.0, 50.0, 80.0, 6.5, Weight::Regular, &sender);
    pages.line(LEFT + 5.0, 51.2, LEFT + 85.0, 51.2, 0.3, 0.5);
    let mut y = 57.0;
    for line in pages.wrap(&to.name, 78.0, 10.0, Weight::Bold) {
        pages.text(LEFT + 5.0, y, 10.0, Weight::Bold, &line);
        y += 4.4;
    }
    if let Some(contact) = to.contact.as_deref().filter(|c| !c.trim().is_empty()) {
        pages.text_fit(
            LEFT + 5.0,
            y,
            78.0,
            9.5,
            Weight::Regular,
            &format!("{} {}", labels.attention, contact.trim()),
        );
        y += 4.4;
    }
    for line in to
        .address
        .as_deref()
        .unwrap_or("")
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        if y > 87.0 {
            break;
        }
        pages.text_fit(LEFT + 5.0, y, 78.0, 9.5, Weight::Regular, line.trim());
        y += 4.4;
    }
    let x = r - 68.0;
    let mut y = 57.0;
    for (label, value) in facts {
        pages.text(x, y, 8.5, Weight::Regular, label);
        pages.text_right(r, y, 8.5, Weight::Bold, value);
        y += 4.6;
    }
}

/// The sender's line above the window address: the company and its address, street and
/// city (the post returns undeliverable mail by it), and the country too when it fits.
fn return_line(pages: &Composer, company: &CompanyProfile) -> String {
    let lines: Vec<&str> = std::iter::once(company.name.trim())
        .chain(company.address.lines().map(str::trim))
        .filter(|l| !l.is_empty())
        .collect();
    let all = lines.join(" · ");
    if lines.len() <= 3 || pages.width(&all, 6.5, Weight::Regular) <= 80.0 {
        return all;
    }
    lines[..3].join(" · ")
}

/// The small head of a continuation page.
fn next_page_head(pages: &mut Composer, company: &CompanyProfile, line: &str) {
    let r = right(pages);
    pages.text(LEFT, 16.0, 10.0, Weight::Bold, &company.name);
    pages.text_right(r, 16.0, 8.5, Weight::Regular, line);
    pages.line(LEFT, 19.0, r, 19.0, 0.6, 0.6);
}

/// Payment instructions and "page n of m" on each page of `first..first + count`.
fn feet(pages: &mut Composer, first: usize, company: &CompanyProfile, labels: &Labels) {
    let count = pages.page_count() - first;
    let instructions: Vec<String> = company
        .payment_instructions
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .map(String::from)
        .collect();
    for n in 0..count {
        pages.on_page(first + n, |p| {
            let r = right(p);
            let top = p.height - 22.0;
            p.line(LEFT, top, r, top, 0.5, 0.6);
            let mut y = top + 4.0;
            if !instructions.is_empty() {
                p.text(LEFT, y, 7.5, Weight::Bold, labels.how_to_pay);
                for line in &instructions {
                    y += 3.4;
                    p.text_fit(LEFT, y, r - LEFT - 35.0, 7.5, Weight::Regular, line);
                }
            }
            p.text_right(
                r,
                top + 4.0,
                7.5,
                Weight::Regular,
                &labels.page_of(n + 1, count),
            );
        });
    }
}

/// Date in the document's locale.
fn date(locale: Locale, d: chrono::NaiveDate) -> String {
    locale.format_date(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_return_line_names_the_street_and_the_city() {
        let pages = Composer::new((210.0, 297.0)).unwrap();
        let mut company = CompanyProfile {
            name: "Łódź Żółć sp. z o.o.".into(),
            address: "ul. Piotrkowska 12\n\n90-001 Łódź\nPolska\n".into(),
            ..Default::default()
        };
        assert_eq!(
            return_line(&pages, &company),
            "Łódź Żółć sp. z o.o. · ul. Piotrkowska 12 · 90-001 Łódź · Polska"
        );
        // Too long for the line: the country gives way, the city stays.
        company.name = "Przedsiębiorstwo Handlowo-Usługowe Łódź Żółć sp. z o.o.".into();
        assert_eq!(
            return_line(&pages, &company),
            "Przedsiębiorstwo Handlowo-Usługowe Łódź Żółć sp. z o.o. · ul. Piotrkowska 12 · 90-001 Łódź"
        );
        company.address = String::new();
        assert_eq!(return_line(&pages, &company), company.name);
    }

    #[test]
    fn wraps_latin_at_spaces_and_cjk_anywhere() {
        let pages = Composer::new((210.0, 297.0)).unwrap();
        let lines = pages.wrap("one two three four five six", 20.0, 10.0, Weight::Regular);
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with(' ') && !l.ends_with(' '))
        );
        assert_eq!(lines.join(" "), "one two three four five six");
        let cjk = "根据我方记录账户下的以下款项已逾期可能是一时疏忽烦请尽早安排支付";
        let lines = pages.wrap(cjk, 30.0, 10.0, Weight::Regular);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), cjk);
        for line in &lines {
            assert!(pages.width(line, 10.0, Weight::Regular) <= 30.0 + 0.01);
        }
    }
}
