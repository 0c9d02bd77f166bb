//! The letters due on the statements and letters screen: counted by level, each open to
//! a preview, and sent only after a confirmation that names the count per level —
//! through the same library call as `owed letters --due`, which also writes the file
//! with every letter to print.

use std::path::PathBuf;

use iced::Task;

use super::{Message, Statements, open_with_system, run, stale_note};
use crate::domain::Currency;
use crate::domain::letters::Level;
use crate::report::letters::{self, LetterRequest};
use crate::ui::Book;
use crate::ui::i18n::{t, tf};

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
            .map(|(level, n)| {
                tf(
                    "{n} × {level}",
                    &[("n", &count_text(n)), ("level", t(level.name()))],
                )
            })
            .collect();
        tf(
            "Send {n} letters: {counts}?",
            &[
                ("n", &count_text(self.due.len())),
                ("counts", &counts.join(", ")),
            ],
        )
    }

    /// The confirmation's "reconcile first" warning and its first rows (date, amount,
    /// payer, the row to assign), with "and N more"; `None` with no unmatched money in.
    pub fn reconcile_warning(&self, currency: &Currency) -> Option<(String, Vec<String>)> {
        if self.unmatched.is_empty() {
            return None;
        }
        let heading = tf(
            "{n} unmatched bank payments in: reconcile first, so nobody is chased for money already received (Import: assign each row to its customer).",
            &[("n", &count_text(self.unmatched.len()))],
        );
        let mut rows: Vec<String> = self
            .unmatched
            .iter()
            .take(RECONCILE_SHOWN)
            .map(|u| {
                tf(
                    "{date} · {amount} · {text} · row {row}",
                    &[
                        ("date", &u.date.to_string()),
                        ("amount", &currency.display(u.amount)),
                        ("text", &u.text),
                        ("row", &u.row.to_string()),
                    ],
                )
            })
            .collect();
        if self.unmatched.len() > RECONCILE_SHOWN {
            rows.push(tf(
                "… and {n} more payments",
                &[("n", &count_text(self.unmatched.len() - RECONCILE_SHOWN))],
            ));
        }
        Some((heading, rows))
    }

    pub(super) fn send_due(&mut self, book: &mut Book) -> Task<Message> {
        if self.running.is_some() || self.due.is_empty() {
            return Task::none();
        }
        let due = self.due.clone();
        let date = book.today;
        let folder = PathBuf::from(self.folder.trim());
        self.begin();
        self.pending_letters = Some(folder.join(letters::combined_name(date)));
        run(book, move |store, progress| {
            progress(0, due.len());
            let sent = letters::send_due(store, &due, date, None, &folder, progress)
                .map_err(|e| e.to_string())?;
            Ok(stale_note(sent.stale_removed)
                + &tf(
                    "{n} letters written to {folder}; each logged as a collection note. All of them, each from a new page, in {combined} to print in one go.",
                    &[
                        ("n", &sent.written.len().to_string()),
                        ("folder", &folder.display().to_string()),
                        (
                            "combined",
                            &sent
                                .combined
                                .map(|p| p.display().to_string())
                                .unwrap_or_else(|| "—".into()),
                        ),
                    ],
                ))
        })
    }

    /// Renders the letter due to `code` as a preview (not archived, no note) into a
    /// temporary folder, never the output folder, and opens it.
    pub(super) fn preview(&mut self, code: &str, book: &mut Book) {
        let Some(due) = self.due.iter().find(|d| d.customer == code) else {
            return;
        };
        let request = LetterRequest {
            customer: due.customer.clone(),
            level: due.level,
            date: book.today,
            deadline: None,
            locale: None,
        };
        let folder = preview_folder();
        match letters::issue_letter(book.store_mut(), &request, &folder, true) {
            Ok(issued) => {
                self.notice = Some(tf(
                    "Preview, not sent: {path}",
                    &[("path", &issued.path.display().to_string())],
                ));
                self.error = None;
                // The tests check the file; they must not start the desktop's viewer.
                if !cfg!(test)
                    && let Err(error) = open_with_system(&issued.path)
                {
                    self.error = Some(error);
                }
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }
}

/// Unmatched bank rows listed in the confirmation; the rest are counted.
const RECONCILE_SHOWN: usize = 5;

/// Where previews go: a folder of their own under the system's temporary folder, so a
/// preview is never mistaken for a letter sent.
fn preview_folder() -> PathBuf {
    std::env::temp_dir().join("owed-preview")
}

/// 2299 as "2,299".
pub(super) fn count_text(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
