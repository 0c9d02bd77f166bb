//! A demand letter shown on screen as the page it prints as, before it is sent: the
//! letterhead, the customer's address and the facts block (date, customer number, pay
//! by), the title, the merged paragraphs, the table of overdue items with its total, the
//! closing and the payment instructions — on a white, scrollable sheet, in the letter's
//! own language (the [`Letter`] holds its texts merged; the fixed words are the PDF's).
//!
//! A component any screen can host (the letters panel does, the Today screen will): the
//! host gets one from [`LetterPreview::load`] (the letter merged by
//! [`crate::report::letters::build_letter`], nothing archived), shows
//! [`LetterPreview::view`], feeds its messages to
//! [`LetterPreview::update`] and acts on the [`Event`] that comes back. "Open PDF" writes
//! the very letter shown into a temporary folder of its own (never the output folder)
//! and opens it in the system's viewer; "Send this letter" only asks the host, which
//! sends through the same library call as its other letters; "Close" (or Esc, which the
//! host routes to [`Event::Close`]) closes it.

use std::path::{Path, PathBuf};

use iced::widget::{Column, column, container, row, rule, scrollable, space, stack, text};
use iced::{Alignment, Color, Element, Length, Task, Theme};

use super::Book;
use super::book::on_worker;
use super::statements::open_with_system;
use super::widgets::{self, BOLD};
use crate::domain::company::CompanyProfile;
use crate::domain::letters::Level;
use crate::domain::printed::{Letter, LetterBlock};
use crate::fl;
use crate::pdf::Labels;
use crate::report::letters::{self, LetterRequest};
use crate::report::statement::Context;
use crate::ui::errors::Described;

/// Where previews go: a folder of their own under the system's temporary folder, so a
/// preview is never mistaken for a letter sent.
pub fn preview_folder() -> PathBuf {
    std::env::temp_dir().join("owed-preview")
}

/// The sheet's width, fixed as a page's is: the table of items is laid out in it, and a
/// window too narrow for it scrolls sideways rather than cutting an amount. It fits
/// beside the sidebar in a 1024-pixel window.
const SHEET_WIDTH: f32 = 720.0;
/// Ink on the sheet: the page is white in a light and a dark theme alike, as on paper.
const INK: Color = Color::from_rgb(0.10, 0.10, 0.12);
const SOFT_INK: Color = Color::from_rgb(0.38, 0.38, 0.42);
const PAPER: Color = Color::WHITE;

#[derive(Debug, Clone)]
pub enum Message {
    /// Write the letter shown as a PDF into the preview folder and open it.
    OpenPdf,
    PdfWritten(Result<PathBuf, String>),
    /// Ask the host to send this letter.
    Send,
    Close,
}

/// What the preview asks of the screen hosting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Send this customer's letter of this level (the host sends it, as it sends any).
    Send { customer: String, level: Level },
    /// Close the preview.
    Close,
}

/// A letter on screen before it is sent.
#[derive(Debug, Clone)]
pub struct LetterPreview {
    letter: Letter,
    company: CompanyProfile,
    /// The PDF written by "Open PDF".
    pdf: Option<PathBuf>,
    error: Option<String>,
    /// Whether "Send this letter" is offered (a host busy sending turns it off).
    can_send: bool,
}

impl LetterPreview {
    /// A preview of `letter` (merged, not archived) under `company`'s letterhead.
    pub fn new(letter: Letter, company: CompanyProfile) -> LetterPreview {
        LetterPreview {
            letter,
            company,
            pdf: None,
            error: None,
            can_send: true,
        }
    }

    /// Merges the letter `request` asks for (nothing archived or logged) and its
    /// letterhead on a worker — the aging is read for it — into a preview.
    pub fn load(book: &Book, request: LetterRequest) -> Task<Result<LetterPreview, String>> {
        book.read(
            move |store| {
                let context =
                    Context::new(store, request.date, request.locale).map_err(|e| e.described())?;
                let letter =
                    letters::build_letter(store, &context, &request).map_err(|e| e.described())?;
                Ok(LetterPreview::new(letter, context.company().clone()))
            },
            |built| built,
        )
    }

    /// The letter shown.
    pub fn letter(&self) -> &Letter {
        &self.letter
    }

    /// The code of the customer the letter is to.
    pub fn customer_code(&self) -> &str {
        &self.letter.customer.code
    }

    /// The PDF "Open PDF" wrote, if it was clicked.
    pub fn pdf(&self) -> Option<&Path> {
        self.pdf.as_deref()
    }

    /// Why "Open PDF" failed, if it did.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Offers "Send this letter" or not (off while the host is sending).
    pub fn set_can_send(&mut self, can_send: bool) {
        self.can_send = can_send;
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::OpenPdf => {
                let (letter, company) = (self.letter.clone(), self.company.clone());
                let write = on_worker(move || {
                    letters::write_preview(&letter, &company, &preview_folder())
                        .map_err(|e| e.described())
                });
                return (Task::perform(write, Message::PdfWritten), None);
            }
            Message::PdfWritten(Ok(path)) => {
                self.error = None;
                // The tests check the file; they must not start the desktop's viewer.
                if !cfg!(test)
                    && let Err(error) = open_with_system(&path)
                {
                    self.error = Some(error);
                }
                self.pdf = Some(path);
            }
            Message::PdfWritten(Err(error)) => self.error = Some(error),
            Message::Send => {
                let event = Event::Send {
                    customer: self.letter.customer.code.clone(),
                    level: self.letter.level,
                };
                return (Task::none(), self.can_send.then_some(event));
            }
            Message::Close => return (Task::none(), Some(Event::Close)),
        }
        (Task::none(), None)
    }

    /// The toolbar over the sheet, and the sheet, filling the space it is given.
    pub fn view(&self) -> Element<'_, Message> {
        let letter = &self.letter;
        let heading = fl!(
            "letter-preview-code-name-level-level",
            code = letter.customer.code.as_str(),
            name = letter.customer.name.as_str(),
            level = letter.level.number().to_string()
        );
        let toolbar = row![
            text(heading)
                .size(18)
                .font(BOLD)
                .width(Length::Fill)
                .wrapping(text::Wrapping::WordOrGlyph),
            widgets::secondary(fl!("open-pdf"), Some(Message::OpenPdf)),
            widgets::action(
                fl!("send-this-letter"),
                self.can_send.then_some(Message::Send)
            ),
            widgets::secondary(fl!("close"), Some(Message::Close)),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        let mut status = column![widgets::muted(fl!("not-sent-nothing-is-archived-or"))].spacing(4);
        if let Some(path) = &self.pdf {
            status = status.push(widgets::muted(fl!(
                "preview-not-sent-path",
                path = path.display().to_string()
            )));
        }
        if let Some(error) = &self.error {
            status = status.push(widgets::danger_text(error.as_str()));
        }
        let sheet = container(self.sheet())
            .padding([36, 44])
            .width(Length::Fixed(SHEET_WIDTH))
            .style(|_theme: &Theme| container::Style {
                background: Some(PAPER.into()),
                text_color: Some(INK),
                border: iced::Border {
                    color: Color::from_rgb(0.78, 0.78, 0.80),
                    width: 1.0,
                    radius: 2.0.into(),
                },
                shadow: iced::Shadow {
                    color: Color::from_rgba(0.0, 0.0, 0.0, 0.25),
                    offset: iced::Vector::new(0.0, 2.0),
                    blur_radius: 8.0,
                },
                ..Default::default()
            });
        let desk = container(
            scrollable(
                container(sheet)
                    .width(Length::Shrink)
                    .padding(iced::Padding {
                        top: 4.0,
                        bottom: 16.0,
                        left: 4.0,
                        right: widgets::GUTTER + 4.0,
                    }),
            )
            .direction(scrollable::Direction::Both {
                vertical: scrollable::Scrollbar::default(),
                horizontal: scrollable::Scrollbar::default(),
            })
            .width(Length::Shrink)
            .height(Length::Fill),
        )
        .center_x(Length::Fill)
        .height(Length::Fill);
        column![toolbar, status, desk]
            .spacing(10)
            .height(Length::Fill)
            .into()
    }

    /// The page: everything the PDF prints, in its order.
    fn sheet(&self) -> Column<'_, Message> {
        let letter = &self.letter;
        let labels = Labels::for_locale(letter.locale);
        let date = |d| letter.locale.format_date(d);
        let mut page = column![self.letterhead(&labels), ruled()].spacing(14);

        let to = &letter.customer;
        let mut address = column![ink(&to.name, 14).font(BOLD)].spacing(2);
        if let Some(contact) = to.contact.as_deref().filter(|c| !c.trim().is_empty()) {
            // "Attn. Name", but "收件人：Name": no space after a full-width colon.
            let gap = if labels.attention.ends_with('：') {
                ""
            } else {
                " "
            };
            address = address.push(ink(
                format!("{}{gap}{}", labels.attention, contact.trim()),
                13,
            ));
        }
        for line in lines(to.address.as_deref().unwrap_or("")) {
            address = address.push(ink(line, 13));
        }
        let facts = [
            (labels.letter_date, date(letter.date)),
            (labels.customer, to.code.clone()),
            (labels.pay_by, date(letter.deadline)),
        ];
        let mut facts_block = column![].spacing(3);
        for (label, value) in facts {
            facts_block = facts_block.push(
                row![
                    soft(label, 12).width(Length::Fill),
                    ink(value, 12).font(BOLD)
                ]
                .spacing(12),
            );
        }
        page = page.push(
            row![
                address.width(Length::Fill),
                facts_block.width(Length::Fixed(230.0))
            ]
            .spacing(20),
        );
        page = page.push(space().height(6));
        page = page.push(ink(&letter.title, 18).font(BOLD));
        // As on paper: an amount with its currency, or a date, never broken across lines.
        let together = crate::pdf::unbreakable(letter);
        for block in &letter.blocks {
            page = page.push(match block {
                LetterBlock::Text(paragraph) => {
                    ink(crate::pdf::keep_together(paragraph, &together), 14).into()
                }
                LetterBlock::Items => self.items(&labels),
            });
        }
        let mut closing = column![].spacing(2);
        for line in &letter.closing {
            closing = closing.push(ink(line, 14));
        }
        page = page.push(closing);
        let instructions = lines(&self.company.payment_instructions);
        if !instructions.is_empty() {
            let mut foot = column![ruled(), soft(labels.how_to_pay, 11).font(BOLD)].spacing(2);
            for line in instructions {
                foot = foot.push(soft(line, 11));
            }
            page = page.push(space().height(10)).push(foot);
        }
        page
    }

    /// The company's name and address on the left, its contacts on the right.
    fn letterhead(&self, labels: &Labels) -> Element<'_, Message> {
        let company = &self.company;
        let mut name = column![ink(&company.name, 20).font(BOLD)].spacing(2);
        for line in lines(&company.address).into_iter().take(3) {
            name = name.push(soft(line, 11));
        }
        let mut contacts = column![].spacing(2).align_x(Alignment::End);
        for (label, value) in [
            (labels.phone, &company.phone),
            (labels.email, &company.email),
            (labels.tax_id, &company.tax_id),
        ] {
            if !value.trim().is_empty() {
                contacts = contacts.push(soft(format!("{label} {}", value.trim()), 11));
            }
        }
        row![name.width(Length::Fill), contacts].spacing(16).into()
    }

    /// The overdue items, laid out column by column so each column is as wide as its
    /// widest cell: the amounts are never cut, only a very long number is.
    fn items(&self, labels: &Labels) -> Element<'_, Message> {
        let letter = &self.letter;
        let currency = &letter.currency;
        let date = |d| letter.locale.format_date(d);
        let mut number = column![head(labels.number)];
        let mut issued = column![head(labels.invoice_date)];
        let mut due = column![head(labels.due)];
        let mut days = column![head(labels.days_overdue)].align_x(Alignment::End);
        let mut original = column![head(labels.original)].align_x(Alignment::End);
        let mut open = column![head(labels.open)].align_x(Alignment::End);
        for item in &letter.items {
            let mut shown = if item.installments > 1 {
                format!("{}/{}", item.number, item.seq)
            } else {
                item.number.clone()
            };
            if item.disputed {
                shown = format!("{shown} ({})", labels.in_dispute);
            }
            number = number.push(cell(shown));
            issued = issued.push(cell(date(item.date)));
            due = due.push(cell(item.due.map(date).unwrap_or_default()));
            days = days.push(cell(
                item.days_overdue.map(|d| d.to_string()).unwrap_or_default(),
            ));
            original = original.push(cell(currency.display(item.amount)));
            open = open.push(cell(currency.display(item.open)));
        }
        let total = format!(
            "{} {}",
            currency.code,
            currency.display(letter.total_overdue)
        );
        // As the PDF prints it: a payment reminder's items are not overdue yet.
        let total_label = if letter.level == Level::BeforeDue {
            labels.total_falling_due
        } else {
            labels.total_overdue
        };
        let columns = row![
            number
                .push(total_cell(total_label))
                .width(Length::Fill)
                .clip(true),
            issued.push(total_cell(" ")),
            due.push(total_cell(" ")),
            days.push(total_cell(" ")),
            original.push(total_cell(" ")),
            open.push(total_cell(total)),
        ];
        // The rules under the header and over the total run across every column, drawn
        // over the table at the heights the fixed line height gives those rows.
        let rules = column![
            space().height(HEAD_HEIGHT),
            ruled(),
            space::vertical(),
            ruled(),
            space().height(TOTAL_HEIGHT),
        ];
        stack![columns, rules].into()
    }
}

/// A thin rule in the sheet's own grey, the same in a light and a dark theme.
fn ruled<'a>() -> rule::Rule<'a, Theme> {
    rule::horizontal(1).style(|_theme: &Theme| rule::Style {
        color: Color::from_rgb(0.55, 0.55, 0.58),
        radius: 0.0.into(),
        fill_mode: rule::FillMode::Full,
        snap: true,
    })
}

/// The non-blank lines of a several-line text, trimmed.
fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

fn ink<'a>(value: impl text::IntoFragment<'a>, size: u32) -> text::Text<'a> {
    text(value).size(size).color(INK)
}

fn soft<'a>(value: impl text::IntoFragment<'a>, size: u32) -> text::Text<'a> {
    text(value).size(size).color(SOFT_INK)
}

/// Line height of the table's text, fixed so the rules can be drawn at known heights.
const TABLE_LINE: f32 = 17.0;
const HEAD_PADDING: f32 = 4.0;
const TOTAL_PADDING: f32 = 5.0;
const HEAD_HEIGHT: f32 = TABLE_LINE + 2.0 * HEAD_PADDING;
const TOTAL_HEIGHT: f32 = TABLE_LINE + 2.0 * TOTAL_PADDING;

fn table_text<'a>(value: impl text::IntoFragment<'a>, color: Color) -> text::Text<'a> {
    text(value)
        .size(13)
        .color(color)
        .line_height(text::LineHeight::Absolute(TABLE_LINE.into()))
        .wrapping(text::Wrapping::None)
}

/// A cell of the items table: one line, never wrapped.
fn cell<'a>(value: impl text::IntoFragment<'a>) -> Element<'a, Message> {
    container(table_text(value, INK)).padding([3, 8]).into()
}

/// A header cell.
fn head<'a>(label: &'a str) -> Element<'a, Message> {
    container(table_text(label, SOFT_INK).font(BOLD))
        .padding([HEAD_PADDING, 8.0])
        .into()
}

/// A cell of the total line.
fn total_cell<'a>(value: impl text::IntoFragment<'a>) -> Element<'a, Message> {
    container(table_text(value, INK).font(BOLD))
        .padding([TOTAL_PADDING, 8.0])
        .into()
}

#[cfg(test)]
mod tests;
