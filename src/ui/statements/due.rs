//! The letters due on the statements and letters screen: counted by level, each open to
//! an in-app preview (the letter as it prints, the PDF one click away), and sent only
//! after a confirmation that names the count per level, or one by one from its preview —
//! through the same library call as `owed letters --due`, which also writes the file
//! with every letter to print.

use std::path::PathBuf;

use iced::Task;

use super::{Message, Stage, Statements, level_name, run, stale_note};
use crate::domain::Currency;
use crate::domain::letters::Level;
use crate::fl;
use crate::report::letters::{self, DueLetter, LetterRequest};
use crate::ui::Book;
use crate::ui::errors::Described;
use crate::ui::letter_preview::{Event as PreviewEvent, LetterPreview};
use crate::ui::mailing;

impl Statements {
    /// How many letters due there are of each level, lowest level first; the payment
    /// reminder (level 0, sent only when `letter.0.send` is on) only when there are some.
    pub fn due_by_level(&self) -> Vec<(Level, usize)> {
        Level::EVERY
            .into_iter()
            .map(|level| (level, self.due.iter().filter(|d| d.level == level).count()))
            .filter(|&(level, n)| level.is_rung() || n > 0)
            .collect()
    }

    /// "Send 2,299 letters: 1,480 × friendly reminder, … 819 × notice before legal action?"
    pub fn confirmation(&self) -> String {
        let counts: Vec<String> = self
            .due_by_level()
            .into_iter()
            .map(|(level, n)| fl!("n-level", n = count_text(n), level = level_name(level)))
            .collect();
        fl!(
            "send-n-letters-counts",
            n = self.due.len(),
            counts = counts.join(", ")
        )
    }

    /// How many of the letters due go by email and how many are to print, when they
    /// are to be emailed and confirmed (`None` otherwise, or when the customers cannot
    /// be read: the run says it all anyway).
    pub(super) fn reach_of_due(&self, book: &Book) -> Option<(usize, usize)> {
        if !self.email || !self.confirming {
            return None;
        }
        let customers = book.store().customers().ok()?;
        let by_code: std::collections::HashMap<&str, _> =
            customers.iter().map(|c| (c.code.as_str(), c)).collect();
        let (mut emailed, mut printed) = (0, 0);
        for due in &self.due {
            let Some(customer) = by_code.get(due.customer.as_str()) else {
                continue;
            };
            let addresses = customer.addresses();
            emailed += usize::from(customer.send_by.emails(&addresses));
            printed += usize::from(customer.send_by.prints(&addresses));
        }
        Some((emailed, printed))
    }

    /// The confirmation's "reconcile first" warning and its first rows (date, amount,
    /// payer, the row to assign), with "and N more"; `None` with no unmatched money in.
    pub fn reconcile_warning(&self, currency: &Currency) -> Option<(String, Vec<String>)> {
        if self.unmatched.is_empty() {
            return None;
        }
        let heading = fl!(
            "n-unmatched-bank-payments-in-reconcile",
            n = count_text(self.unmatched.len())
        );
        let mut rows: Vec<String> = self
            .unmatched
            .iter()
            .take(RECONCILE_SHOWN)
            .map(|u| {
                fl!(
                    "date-amount-text-row-row",
                    date = u.date.to_string(),
                    amount = currency.display(u.amount),
                    text = u.text.as_str(),
                    row = u.row.to_string()
                )
            })
            .collect();
        if self.unmatched.len() > RECONCILE_SHOWN {
            rows.push(fl!(
                "and-n-more-payments",
                n = count_text(self.unmatched.len() - RECONCILE_SHOWN)
            ));
        }
        Some((heading, rows))
    }

    pub(super) fn send_due(&mut self, book: &mut Book) -> Task<Message> {
        let due = self.due.clone();
        self.send(due, book)
    }

    /// Sends the letters `due` through the same library call as `owed letters --due`.
    fn send(&mut self, due: Vec<DueLetter>, book: &mut Book) -> Task<Message> {
        if self.running.is_some() || due.is_empty() {
            return Task::none();
        }
        let date = book.today;
        let folder = PathBuf::from(self.folder.trim());
        let email = self.email;
        let mailer = self.run_mailer(book);
        self.begin(book);
        self.pending_letters = Some(folder.join(letters::combined_name(date)));
        run(book, move |store, progress| {
            progress(Stage::Writing, 0, due.len());
            let sent = letters::send_due(store, &due, date, None, &folder, email, |done, total| {
                progress(Stage::Writing, done, total)
            })
            .map_err(|e| e.described())?;
            let mut said = stale_note(sent.stale_removed)
                + &fl!(
                    "n-letters-written-to-folder-each",
                    n = sent.written.len(),
                    folder = folder.display().to_string(),
                    combined = sent
                        .combined
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "—".into())
                );
            if email {
                let queued = mailing::queued(
                    sent.emailed(),
                    &sent.to_print(),
                    sent.to_print_file.as_deref(),
                );
                let delivered = mailing::send_after_run(store, &mailer, &mut |done, total| {
                    progress(Stage::Emailing, done, total)
                });
                said = mailing::after_run(&delivered, &said, &queued);
            }
            Ok(said)
        })
    }

    /// Merges the letter due to `code` (on a worker: the aging is read for it) to show
    /// in the preview; nothing is written, archived or logged.
    pub(super) fn preview(&mut self, code: &str, book: &Book) -> Task<Message> {
        let Some(due) = self.due.iter().find(|d| d.customer == code) else {
            return Task::none();
        };
        let request = LetterRequest {
            customer: due.customer.clone(),
            level: due.level,
            date: book.today,
            deadline: None,
            locale: None,
            email: false,
        };
        self.preparing = Some(due.customer.clone());
        let generation = self.preview_generation.start();
        LetterPreview::load(book, request)
            .map(move |built| Message::PreviewLoaded(generation, built.map(Box::new)))
    }

    /// Acts on what the preview asks: close it, or send its letter as the letters due
    /// are sent (archived, logged, and in the file to print).
    pub(super) fn on_preview(&mut self, event: PreviewEvent, book: &mut Book) -> Task<Message> {
        match event {
            PreviewEvent::Close => {
                self.preview = None;
                Task::none()
            }
            PreviewEvent::Send { customer, level } => {
                let Some(due) = self
                    .due
                    .iter()
                    .find(|d| d.customer == customer && d.level == level)
                    .cloned()
                else {
                    return Task::none();
                };
                self.preview = None;
                self.confirming = false;
                self.send(vec![due], book)
            }
        }
    }
}

/// Unmatched bank rows listed in the confirmation; the rest are counted.
const RECONCILE_SHOWN: usize = 5;

/// 2299 as "2,299" (as the book groups its amounts).
pub(super) use crate::i18n::count_text;
