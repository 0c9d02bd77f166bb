//! The statements and letters screen: the month-end batch of statements (period, kind,
//! which customers, where to), written on a worker thread with a progress bar and an
//! "Open folder" button; and the demand letters due today (each customer's next rung of
//! the escalation ladder), counted by level, each open to a preview on screen
//! ([`super::letter_preview`]) from which it can be sent on its own, and sent in one go
//! only after a confirmation that names the count per level — every letter on its own
//! and all of them in one file to print; the customers the ladder holds, each with the
//! reason in words and a click away from its ledger ([`held`]); or one letter for one
//! customer at any level, the payment reminder (level 0) included. Both call the same
//! library functions as `owed statements` and `owed letters`.

mod due;

pub mod held;
mod outbox;
#[cfg(test)]
mod tests;
mod view;

use std::fmt;
use std::path::{Path, PathBuf};

use iced::Task;
use iced::futures::channel::mpsc;

use super::letter_preview::{self, LetterPreview};
use super::screen::Generation;
use super::{Book, Event};
use crate::domain::letters::Level;
use crate::domain::printed::{Period, StatementKind};
use crate::fl;
use crate::preferences::Place;
use crate::report::letters::{self, DueLetter, LetterRequest, UnmatchedMoney};
use crate::report::statement::{self, Request, Selection, StatementError};
use crate::store::{Issued, Store};
use crate::ui::errors::Described;
use crate::ui::mailing;
use held::{HeldRow, LettersToday};

/// Which customers get a statement, as the screen offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    All,
    WithBalance,
    Overdue,
    These,
}

impl Who {
    pub const ALL: [Who; 4] = [Who::All, Who::WithBalance, Who::Overdue, Who::These];
}

impl fmt::Display for Who {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Who::All => fl!("every-customer"),
            Who::WithBalance => fl!("customers-with-a-balance"),
            Who::Overdue => fl!("customers-overdue"),
            Who::These => fl!("these-customers"),
        })
    }
}

/// A statement kind in the pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindChoice(pub StatementKind);

impl fmt::Display for KindChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self.0 {
            StatementKind::OpenItem => fl!("open-items"),
            StatementKind::BalanceForward => fl!("balance-forward"),
            StatementKind::Activity => fl!("activity"),
        })
    }
}

/// A rung of the ladder in the pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelChoice(pub Level);

impl fmt::Display for LevelChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {}", self.0.number(), level_name(self.0))
    }
}

/// The level's name ("friendly reminder") in the screen's language (shared with the
/// command line).
pub(in crate::ui) use crate::i18n::words::level_name;

/// The levels the one-letter form offers: the payment reminder (level 0) and every rung;
/// the library checks the one picked against the ladder.
pub fn level_choices() -> Vec<LevelChoice> {
    Level::EVERY.into_iter().map(LevelChoice).collect()
}

#[derive(Debug, Clone)]
pub enum Message {
    Period(String),
    Kind(KindChoice),
    Who(Who),
    Codes(String),
    Folder(String),
    Browse,
    Browsed(Option<PathBuf>),
    WriteStatements,
    Progress(Stage, usize, usize),
    Done(Result<String, String>),
    /// Also email what is written to the customers who want email.
    Email(bool),
    /// Send what waits in the outbox now.
    SendOutbox,
    /// The mail server's password, as typed when it is asked for.
    Password(String),
    /// Keep the password typed (keyring, or this session) and send.
    UsePassword,
    /// Cancel a waiting email: it is never sent.
    CancelEmail(i64),
    OpenFolder,
    /// The letters due, from the load of this generation.
    DueLoaded(u64, Result<LettersToday, String>),
    /// Show or hide the list of customers held.
    ToggleHeld,
    /// Open this held customer's ledger.
    OpenLedger(String),
    /// Ask to send the letters due: shows the confirmation, writes nothing.
    SendDue,
    ConfirmSend,
    CancelSend,
    /// Show the letter due to this customer in the preview (nothing is written).
    Preview(String),
    /// The letter merged for the preview.
    /// The preview asked for with this generation.
    PreviewLoaded(u64, Result<Box<LetterPreview>, String>),
    LetterPreview(letter_preview::Message),
    /// Open the file with every letter of the last run.
    OpenLetters,
    LetterCustomer(String),
    LetterLevel(LevelChoice),
    Deadline(String),
    WriteLetter,
    Archive(Result<Vec<Issued>, String>),
    /// What the issued list is searched for.
    ArchiveSearch(String),
    /// Write an issued document's stored bytes into the folder again.
    Reprint(i64),
}

pub struct Statements {
    pub period: String,
    pub kind: KindChoice,
    pub who: Who,
    pub codes: String,
    pub folder: String,
    /// Rows done of total while a batch runs.
    pub running: Option<(Stage, usize, usize)>,
    pub notice: Option<String>,
    pub error: Option<String>,
    /// Letters due today: each customer's next rung of the ladder.
    pub due: Vec<DueLetter>,
    /// The confirmation of "send the letters due" is showing; nothing is written before
    /// it is confirmed.
    pub confirming: bool,
    /// While confirming letters with email: how many go by email and how many are to
    /// print (a customer who wants both counts in each).
    pub reach: Option<(usize, usize)>,
    /// Where the running letters batch puts its file with every letter.
    pending_letters: Option<PathBuf>,
    /// The file with every letter of the last run, to print in one go.
    pub letters_file: Option<PathBuf>,
    /// Customers with something overdue the ladder holds today (credit, promise, ...),
    /// sorted by reason, then the largest amount first.
    pub held: Vec<HeldRow>,
    /// The held list is open (it starts folded, leaving the room to the letters due).
    pub show_held: bool,
    /// Money in on the bank kept unmatched, shown in the confirmation: reconcile first.
    pub unmatched: Vec<UnmatchedMoney>,
    pub letter_customer: String,
    pub letter_level: LevelChoice,
    pub deadline: String,
    /// Everything issued, newest first.
    pub archive: Vec<Issued>,
    /// The issued list's search: customer code or name, period, date or file name.
    pub archive_search: String,
    /// A letter due, shown as it prints before it is sent.
    pub preview: Option<LetterPreview>,
    /// The customer whose letter is being merged for the preview.
    pub preparing: Option<String>,
    /// Also email what is written to the customers who want email.
    pub email: bool,
    /// Emails waiting in the outbox (queued, or failed and to be tried again).
    pub outbox_waiting: usize,
    /// Those emails, oldest first, as the outbox panel lists them.
    pub waiting_emails: Vec<crate::store::OutboxEntry>,
    /// The mail server's account whose password is asked for (none is at hand).
    pub password_for: Option<String>,
    /// The password as typed for it (never shown, never written to the book).
    pub password: String,
    /// It is asked for because the server refused the one at hand.
    pub password_refused: bool,
    /// Which load of the letters due is the latest: an older one's list is dropped.
    due_generation: Generation,
    /// Which preview was asked for last: one asked for before it is dropped.
    preview_generation: Generation,
}

/// Where documents go unless the user says otherwise: `Documents/Owed`.
fn default_folder(book: &Book) -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(|d| d.join("Owed")))
        .or_else(|| {
            book.path()
                .and_then(Path::parent)
                .map(|p| p.join("Owed documents"))
        })
        .unwrap_or_else(|| PathBuf::from("Owed documents"))
}

impl Statements {
    pub fn new(book: &Book) -> (Statements, Task<Message>) {
        let last_month = Period::month_of(book.today)
            .first
            .pred_opt()
            .unwrap_or(book.today);
        let mut screen = Statements {
            period: Period::month_of(last_month).label(),
            kind: KindChoice(StatementKind::OpenItem),
            who: Who::WithBalance,
            codes: String::new(),
            folder: book
                .remembered(Place::Statements)
                .unwrap_or_else(|| default_folder(book))
                .display()
                .to_string(),
            running: None,
            notice: None,
            error: None,
            due: Vec::new(),
            confirming: false,
            reach: None,
            pending_letters: None,
            letters_file: None,
            held: Vec::new(),
            show_held: false,
            unmatched: Vec::new(),
            letter_customer: String::new(),
            letter_level: LevelChoice(Level::Reminder),
            deadline: String::new(),
            archive: Vec::new(),
            archive_search: String::new(),
            preview: None,
            preparing: None,
            email: false,
            outbox_waiting: 0,
            waiting_emails: Vec::new(),
            password_for: None,
            password: String::new(),
            password_refused: false,
            due_generation: Generation::default(),
            preview_generation: Generation::default(),
        };
        let task = screen.reload(book);
        (screen, task)
    }

    pub fn reload(&mut self, book: &Book) -> Task<Message> {
        let mut waiting: Vec<_> = book
            .store()
            .outbox()
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.status.is_waiting())
            .collect();
        waiting.reverse();
        // A login the server refused: the password at hand is wrong, so it is asked for
        // again (given, it is kept in its place and what waits is sent at once).
        let refused = waiting
            .iter()
            .any(|e| e.failure == Some(crate::store::Failure::Login));
        if refused
            && self.password_for.is_none()
            && let Ok(settings) = book.store().email_settings()
            && !settings.username.trim().is_empty()
        {
            let account = format!("{}@{}", settings.username.trim(), settings.host.trim());
            self.password_for = Some(account);
            self.password_refused = true;
        }
        self.outbox_waiting = waiting.len();
        self.waiting_emails = waiting;
        let today = book.today;
        let generation = self.due_generation.start();
        Task::batch([
            book.read(
                move |store| held::letters_today(store, today),
                move |result| Message::DueLoaded(generation, result),
            ),
            book.read(
                |store| store.issued(None).map_err(|e| e.described()),
                Message::Archive,
            ),
        ])
    }

    pub fn period_error(&self) -> Option<String> {
        Period::parse(&self.period)
            .is_none()
            .then(|| fl!("p-is-not-a-month-like", p = self.period.trim()))
    }

    pub fn deadline_error(&self) -> Option<String> {
        let text = self.deadline.trim();
        (!text.is_empty() && crate::domain::parse_date(text).is_err())
            .then(|| fl!("d-is-not-a-date-like", d = text))
    }

    fn selection(&self) -> Result<Selection, String> {
        Ok(match self.who {
            Who::All => Selection::All,
            Who::WithBalance => Selection::WithBalance,
            Who::Overdue => Selection::Overdue,
            Who::These => {
                let codes: Vec<String> = self
                    .codes
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect();
                if codes.is_empty() {
                    return Err(fl!("type-the-customer-codes-e-g"));
                }
                Selection::Codes(codes)
            }
        })
    }

    /// Whether "Write statements" can run now.
    pub fn can_write(&self) -> bool {
        self.running.is_none()
            && self.period_error().is_none()
            && self.selection().is_ok()
            && !self.folder.trim().is_empty()
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Period(text) => self.period = text,
            Message::Kind(kind) => self.kind = kind,
            Message::Who(who) => self.who = who,
            Message::Codes(text) => self.codes = text,
            Message::Folder(text) => self.folder = text,
            Message::Email(on) => {
                self.email = on;
                self.reach = self.reach_of_due(book);
            }
            Message::SendOutbox => return (self.send_outbox(book, true), None),
            Message::Password(text) => self.password = text,
            Message::CancelEmail(id) => {
                match book.store_mut().cancel_email(id) {
                    Ok(entry) => {
                        self.notice = Some(fl!(
                            "ui-email-cancelled",
                            customer = entry.customer,
                            subject = entry.subject
                        ));
                        self.error = None;
                    }
                    Err(error) => self.error = Some(error.described()),
                }
                return (self.reload(book), Some(Event::BookChanged));
            }
            Message::UsePassword => {
                if self.password.is_empty() {
                    return (Task::none(), None);
                }
                let password = std::mem::take(&mut self.password);
                match mailing::use_password(book, &password) {
                    Ok(()) => {
                        self.password_for = None;
                        self.password_refused = false;
                        return (self.send_outbox(book, true), None);
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            Message::Browse => {
                let task = Task::perform(
                    async {
                        rfd::AsyncFileDialog::new()
                            .set_title(fl!("folder-for-statements-and-letters"))
                            .pick_folder()
                            .await
                            .map(|f| f.path().to_path_buf())
                    },
                    Message::Browsed,
                );
                return (task, None);
            }
            Message::Browsed(Some(path)) => self.folder = path.display().to_string(),
            Message::Browsed(None) => {}
            Message::WriteStatements => return (self.write_statements(book), None),
            Message::SendDue => {
                self.confirming = self.running.is_none() && !self.due.is_empty();
                self.reach = self.reach_of_due(book);
            }
            Message::CancelSend => self.confirming = false,
            Message::ConfirmSend => {
                self.confirming = false;
                return (self.send_due(book), None);
            }
            Message::Preview(code) => return (self.preview(&code, book), None),
            Message::PreviewLoaded(generation, _)
                if !self.preview_generation.is_current(generation) => {}
            Message::PreviewLoaded(_, Ok(preview)) => {
                self.preparing = None;
                let mut preview = *preview;
                preview.set_can_send(self.running.is_none());
                self.preview = Some(preview);
                self.error = None;
            }
            Message::PreviewLoaded(_, Err(error)) => {
                self.preparing = None;
                self.error = Some(error);
            }
            Message::LetterPreview(message) => {
                let Some(preview) = &mut self.preview else {
                    return (Task::none(), None);
                };
                let (task, event) = preview.update(message);
                let task = task.map(Message::LetterPreview);
                return match event {
                    Some(event) => (Task::batch([task, self.on_preview(event, book)]), None),
                    None => (task, None),
                };
            }
            Message::OpenLetters => {
                if let Some(path) = &self.letters_file
                    && let Err(error) = open_with_system(path)
                {
                    self.error = Some(error);
                }
            }
            Message::WriteLetter => return (self.write_letter(book), None),
            Message::Progress(stage, done, total) => self.running = Some((stage, done, total)),
            Message::Done(result) => {
                self.running = None;
                self.letters_file = self
                    .pending_letters
                    .take()
                    .filter(|path| result.is_ok() && path.exists());
                match result {
                    Ok(notice) => {
                        self.notice = Some(notice);
                        self.error = None;
                    }
                    Err(error) => self.error = Some(error),
                }
                // Issued documents are archived and letters log notes: everyone reloads.
                return (self.reload(book), Some(Event::BookChanged));
            }
            Message::OpenFolder => {
                if let Err(error) = open_with_system(Path::new(self.folder.trim())) {
                    self.error = Some(error);
                }
            }
            Message::DueLoaded(generation, _) if !self.due_generation.is_current(generation) => {}
            Message::DueLoaded(_, Ok(run)) => {
                self.held = run.held;
                self.due = run.due;
                self.unmatched = run.unmatched;
            }
            Message::ToggleHeld => self.show_held = !self.show_held,
            Message::OpenLedger(code) => return (Task::none(), Some(Event::OpenLedger(code))),
            Message::DueLoaded(_, Err(error)) => self.error = Some(error),
            Message::LetterCustomer(text) => self.letter_customer = text,
            Message::LetterLevel(level) => self.letter_level = level,
            Message::Deadline(text) => self.deadline = text,
            Message::Archive(Ok(archive)) => self.archive = archive,
            Message::ArchiveSearch(text) => self.archive_search = text,
            Message::Archive(Err(error)) => self.error = Some(error),
            Message::Reprint(id) => match self.reprint(id, book) {
                Ok(path) => {
                    self.notice = Some(fl!(
                        "the-document-as-issued-byte-for",
                        path = path.display().to_string()
                    ));
                    self.error = None;
                }
                Err(error) => self.error = Some(error),
            },
        }
        (Task::none(), None)
    }

    fn write_statements(&mut self, book: &mut Book) -> Task<Message> {
        if !self.can_write() {
            return Task::none();
        }
        let (Some(period), Ok(customers)) = (Period::parse(&self.period), self.selection()) else {
            return Task::none();
        };
        let request = Request {
            email: self.email,
            period,
            kind: self.kind.0,
            customers,
            locale: None,
            archive: true,
        };
        let folder = PathBuf::from(self.folder.trim());
        let mailer = self.run_mailer(book);
        self.begin(book);
        run(book, move |store, progress| {
            let summary = statement::batch(store, &request, &folder, |done, total| {
                progress(Stage::Writing, done, total)
            })
            .map_err(|e| e.described())?;
            let mut said = stale_note(summary.stale_removed)
                + &fl!(
                    "n-statements-written-for-period-skipped",
                    n = summary.written.len(),
                    period = request.period.label(),
                    skipped = summary.skipped,
                    combined = summary
                        .combined
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "—".into())
                );
            if request.email {
                let queued = mailing::queued(
                    summary.emailed.len(),
                    &summary.to_print,
                    summary.to_print_file.as_deref(),
                );
                let sent = mailing::send_after_run(store, &mailer, &mut |done, total| {
                    progress(Stage::Emailing, done, total)
                });
                said = mailing::after_run(&sent, &said, &queued);
            }
            Ok(said)
        })
    }

    fn write_letter(&mut self, book: &mut Book) -> Task<Message> {
        let code = self.letter_customer.trim().to_string();
        if code.is_empty() || self.running.is_some() || self.deadline_error().is_some() {
            return Task::none();
        }
        let deadline = crate::domain::parse_date(self.deadline.trim()).ok();
        let request = LetterRequest {
            customer: code,
            level: self.letter_level.0,
            date: book.today,
            deadline,
            locale: None,
            email: self.email,
        };
        let folder = PathBuf::from(self.folder.trim());
        let mailer = self.run_mailer(book);
        self.begin(book);
        run(book, move |store, progress| {
            // The ladder's check, as `owed letter`: a held customer is refused with the
            // reason, another level than the ladder's is written with the warning.
            let (issued, warning) = letters::issue_by_hand(store, &request, &folder, false, false)
                .map_err(|e| match e {
                    StatementError::LadderHolds { customer, reason } => fl!(
                        "no-letter-to-customer-the-ladder",
                        customer = customer,
                        reason = reason.described()
                    ),
                    other => other.described(),
                })?;
            let mut said = stale_note(issued.stale_removed)
                + &warning
                    .map(|w| format!("{}. ", w.described()))
                    .unwrap_or_default()
                + &fl!(
                    "letter-written-path",
                    path = issued.path.display().to_string()
                );
            if request.email {
                let to_print: Vec<String> = if issued.to_print {
                    vec![issued.letter.customer.code.clone()]
                } else {
                    Vec::new()
                };
                let queued =
                    mailing::queued(usize::from(issued.emailed.is_some()), &to_print, None);
                let sent = mailing::send_after_run(store, &mailer, &mut |done, total| {
                    progress(Stage::Emailing, done, total)
                });
                said = mailing::after_run(&sent, &said, &queued);
            }
            Ok(said)
        })
    }

    /// A mailer for a run that emails (`None` when it does not): asks for the password
    /// when that is what is missing; why there is none otherwise, for the run to say.
    fn run_mailer(&mut self, book: &Book) -> Option<Result<crate::mail::Mailer, String>> {
        if !self.email {
            return None;
        }
        Some(mailing::mailer(book).map_err(|error| {
            self.password_for = mailing::password_wanted(&error);
            self.password_refused = false;
            error.described()
        }))
    }

    /// When the book opens: what waits in the outbox and is due another try is sent
    /// in the background, if the mail server is set up and its password at hand (nothing
    /// is asked for).
    pub fn retry_on_start(&mut self, book: &mut Book) -> Task<Message> {
        if self.outbox_waiting == 0 || mailing::mailer(book).is_err() {
            return Task::none();
        }
        self.send_outbox(book, false)
    }

    /// Sends what waits in the outbox, on a worker with progress: with `now`, the failed
    /// ones too, whatever their wait.
    fn send_outbox(&mut self, book: &mut Book, now: bool) -> Task<Message> {
        if self.running.is_some() || self.outbox_waiting == 0 {
            return Task::none();
        }
        let mailer = match mailing::mailer(book) {
            Ok(mailer) => mailer,
            Err(error) => {
                // A missing password is asked for on its own line; anything else is said.
                self.password_for = mailing::password_wanted(&error);
                self.password_refused = false;
                if self.password_for.is_none() {
                    self.error = Some(error.described());
                }
                return Task::none();
            }
        };
        self.running = Some((Stage::Emailing, 0, self.outbox_waiting));
        self.notice = None;
        self.error = None;
        run(book, move |store, progress| {
            mailing::deliver(store, &mailer, now, &mut |done, total| {
                progress(Stage::Emailing, done, total)
            })
        })
    }

    /// The issued documents the search finds, newest first: each word of it in the
    /// customer's code or name, the period, the date or the file's name, any case.
    pub fn archive_found(&self) -> impl Iterator<Item = &Issued> {
        let words: Vec<String> = self
            .archive_search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.archive.iter().filter(move |issued| {
            let haystack = format!(
                "{} {} {} {} {}",
                issued.customer,
                issued.customer_name,
                issued.period.as_deref().unwrap_or_default(),
                issued.date,
                issued.file_name
            )
            .to_lowercase();
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
    }

    /// Writes the archived bytes of document `id` into the folder (checked against the
    /// sha256 kept with them), so it can be opened and printed again exactly as sent.
    fn reprint(&self, id: i64, book: &Book) -> Result<PathBuf, String> {
        let (issued, bytes) = book.store().issued_pdf(id).map_err(|e| e.described())?;
        let folder = PathBuf::from(self.folder.trim());
        let said = |path: &std::path::Path, e: std::io::Error| {
            fl!(
                "field-problem",
                field = path.display().to_string(),
                problem = e.to_string()
            )
        };
        std::fs::create_dir_all(&folder).map_err(|e| said(&folder, e))?;
        let path = folder.join(format!("reprint-{}-{}", issued.id, issued.file_name));
        crate::files::write_bytes_whole(&path, &bytes).map_err(|e| said(&path, e))?;
        Ok(path)
    }

    /// A run writing into the folder begins: the folder is the book's from now on
    /// (shown first next time, also after a restart).
    fn begin(&mut self, book: &Book) {
        book.remember(Place::Statements, Path::new(self.folder.trim()));
        self.running = Some((Stage::Writing, 0, 0));
        self.notice = None;
        self.error = None;
    }

    /// Esc: closes the letter preview, if one is showing.
    pub fn close_preview(&mut self) {
        self.preview = None;
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> iced::Element<'a, Message> {
        match &self.preview {
            Some(preview) => preview.view().map(Message::LetterPreview),
            None => view::view(self, book),
        }
    }
}

/// What a run on the worker is doing, said beside its bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Writing and archiving the documents.
    Writing,
    /// Sending the emails, one at a time.
    Emailing,
}

/// Runs `work` with a writing connection of its own on a worker thread, reporting
/// progress; an in-memory book (tests) runs it at once.
fn run(
    book: &mut Book,
    work: impl FnOnce(&mut Store, &mut dyn FnMut(Stage, usize, usize)) -> Result<String, String>
    + Send
    + 'static,
) -> Task<Message> {
    match book.store().alongside() {
        Ok(Some(mut store)) => {
            let (sender, receiver) = mpsc::unbounded();
            std::thread::spawn(move || {
                let progress = sender.clone();
                let mut report = move |stage: Stage, done: usize, total: usize| {
                    let _ = progress.unbounded_send(Message::Progress(stage, done, total));
                };
                let result = work(&mut store, &mut report);
                let _ = sender.unbounded_send(Message::Done(result));
            });
            Task::run(receiver, |message| message)
        }
        Ok(None) => {
            let result = work(book.store_mut(), &mut |_, _, _| {});
            Task::done(Message::Done(result))
        }
        Err(error) => Task::done(Message::Done(Err(error.described()))),
    }
}

/// Says that unfinished files of an earlier run that was stopped were cleared away
/// (nothing when there were none), ahead of what the run did.
fn stale_note(removed: usize) -> String {
    if removed == 0 {
        return String::new();
    }
    fl!("removed-n-unfinished-files-left-by", n = removed)
}

/// Opens the folder in the system's file manager, or a file in its viewer.
pub(in crate::ui) fn open_with_system(path: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|e| {
            // The program is what is missing, not the file: say which.
            let e = if e.kind() == std::io::ErrorKind::NotFound {
                fl!("program-was-not-found", program = program)
            } else {
                e.to_string()
            };
            fl!(
                "could-not-open-path-e",
                path = path.display().to_string(),
                e = e
            )
        })
}
