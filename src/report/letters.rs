//! Demand letters: who is due which level of the escalation ladder and who is held (the
//! rules are [`crate::domain::ladder`]; this gathers their inputs), each letter merged
//! from its level's template with the customer's overdue items (from the same aging as
//! `owed aging`; `letters/build.rs`), rendered, and archived with its collection note in
//! one transaction; and the run of all the letters due, which also writes them into one
//! file to print. A payment reminder (level 0) is written, archived and logged like the rest;
//! `letters/by_hand.rs` checks one letter by hand against the ladder and
//! `letters/reconcile.rs` finds the money in to reconcile first.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::promises::{note_day, note_statuses_for};
use super::statement::{Context, StatementError, file_stem, prepare_folder};
use crate::domain::Money;
use crate::domain::company::{CompanyProfile, Locale};
use crate::domain::ladder::{
    BeforeDue, CustomerFacts, DueReason, HeldReason, OpenItem, Outcome, Pause, PromiseToPay,
    SentLetter, decide, decide_before_due,
};
use crate::domain::letters::Level;
use crate::domain::printed::Letter;
use crate::files::Staged;
use crate::pdf;
use crate::store::{IssuedKind, IssuedSays, NewIssued, Store};

mod build;
mod by_hand;
mod reconcile;

pub use build::build_letter;
use build::money_text;
pub use by_hand::{HandCheck, HandWarning, check_by_hand, issue_by_hand};
pub use reconcile::{UnmatchedMoney, unmatched_money_in};

pub type Result<T> = std::result::Result<T, StatementError>;

/// Days after the letter date the default deadline falls.
pub const DEFAULT_DEADLINE_DAYS: u64 = 14;

/// One letter to write.
#[derive(Debug, Clone)]
pub struct LetterRequest {
    pub customer: String,
    pub level: Level,
    pub date: NaiveDate,
    /// Default: 14 days after `date` (a payment reminder: the first due date).
    pub deadline: Option<NaiveDate>,
    /// Language; the company profile's locale if `None`.
    pub locale: Option<Locale>,
    /// Also email it (queued in the outbox with the archived PDF) when the customer
    /// wants email.
    pub email: bool,
}

/// A customer due a letter, and which. A payment reminder (level 0) has nothing overdue:
/// `oldest_due` is the first due date of the items falling due, `days_overdue` the days
/// until it as a negative number, and the amounts zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueLetter {
    pub customer: String,
    pub level: Level,
    /// Days the oldest overdue item is past due.
    pub days_overdue: i64,
    pub oldest_due: NaiveDate,
    /// Everything past due.
    pub overdue: Money,
    /// `overdue` less the customer's unapplied credit: what it is dunned for.
    pub net_overdue: Money,
    /// Why this level: said in English by `Display` (the JSON's words), in the
    /// language chosen by `crate::i18n::Described`.
    pub reason: LetterDue,
}

/// Why a letter is due on a run: a rung of the ladder, or the payment reminder before
/// the due date (level 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterDue {
    Rung(DueReason),
    Reminder(BeforeDue),
}

impl std::fmt::Display for LetterDue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LetterDue::Rung(reason) => reason.fmt(f),
            LetterDue::Reminder(reminder) => reminder.fmt(f),
        }
    }
}

/// A customer with something overdue that the ladder sends nothing today, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldLetter {
    pub customer: String,
    pub reason: HeldReason,
}

/// The ladder's verdict on a date: every customer with something overdue is in exactly
/// one of the two lists, by customer code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterRun {
    pub due: Vec<DueLetter>,
    pub held: Vec<HeldLetter>,
    /// When a letter is due: money in on the bank kept unmatched by an import, in the
    /// book's currency, to reconcile before sending (it may be a payment of what the
    /// letters chase). Empty when nothing is due.
    pub unmatched: Vec<UnmatchedMoney>,
}

/// A letter written (and archived, unless a preview).
#[derive(Debug, Clone)]
pub struct IssuedLetter {
    pub letter: Letter,
    pub path: PathBuf,
    pub archived: Option<i64>,
    /// Unfinished files of earlier killed runs removed from the folder
    /// ([`issue_letter`] only; a caller of [`issue_with`] runs [`prepare_folder`]).
    pub stale_removed: usize,
    /// The outbox id of its email (a request with `email` to a customer who wants it).
    pub emailed: Option<i64>,
    /// Asked to email, but this one is to be printed and posted (no address, or the
    /// customer wants post).
    pub to_print: bool,
}

/// What a run of the letters due wrote.
#[derive(Debug, Clone)]
pub struct LettersSent {
    /// Each letter written, archived and logged, in the order asked for.
    pub written: Vec<IssuedLetter>,
    /// Every letter in one file (`letters-2026-11-23.pdf`), each from a new page, to
    /// print in one go; `None` when there was nothing to send. Only a print aid: each
    /// letter in it is archived on its own, the file itself is not.
    pub combined: Option<PathBuf>,
    /// With email, only the letters to print and post in one file
    /// (`letters-2026-11-23-to-print.pdf`); `None` when there are none.
    pub to_print_file: Option<PathBuf>,
    /// Unfinished files of earlier killed runs removed from the folder.
    pub stale_removed: usize,
}

impl LettersSent {
    /// How many of the letters were queued to be emailed.
    pub fn emailed(&self) -> usize {
        self.written.iter().filter(|w| w.emailed.is_some()).count()
    }

    /// The customers whose letters are to be printed and posted (a run with email).
    pub fn to_print(&self) -> Vec<String> {
        self.written
            .iter()
            .filter(|w| w.to_print)
            .map(|w| w.letter.customer.code.clone())
            .collect()
    }
}

/// The name of the file with every letter of a run dated `date`.
pub fn combined_name(date: NaiveDate) -> String {
    format!("letters-{date}.pdf")
}

/// The name of the file with only the letters to print and post of a run with email.
pub fn to_print_name(date: NaiveDate) -> String {
    format!("letters-{date}-to-print.pdf")
}

/// Runs the letter ladder (see [`crate::domain::ladder`]) for every customer on `date`:
/// the aging (items and unapplied credit), the letters sent, the promises that may
/// still hold, the open disputes and the pauses are each read once for the whole book.
pub fn letter_run(store: &Store, date: NaiveDate) -> Result<LetterRun> {
    let context = Context::new(store, date, None)?;
    letter_run_with(store, &context)
}

/// [`letter_run`] with the aging already read.
pub fn letter_run_with(store: &Store, context: &Context) -> Result<LetterRun> {
    letter_run_for(store, context, &store.customers()?)
}

/// [`letter_run_with`] with the customers already read (the worklist reads them once).
/// The context may be [`Context::unnumbered`] if the items of every open dispute have
/// their numbers: only those are matched against the disputes.
pub fn letter_run_for(
    store: &Store,
    context: &Context,
    customers: &[crate::store::Customer],
) -> Result<LetterRun> {
    let date = context.date;
    // Each customer runs by its tier's ladder (the book-wide one without a tier).
    let ladders = store.tier_ladders()?;
    let sent = store.letters_sent()?;
    let promise_notes = store.promises_from(date)?;
    let disputed = store.disputed_items()?;
    let pauses = store.customer_pauses()?;
    let settled = store.late_settled_items(date)?;
    // The payment reminder as a letter, and those already written (read only when sent).
    let reminder = store.reminder_rules()?;
    let reminders_sent = if reminder.enabled && reminder.send {
        store.payment_reminders_sent()?
    } else {
        HashMap::new()
    };
    // "Kept" is judged as the notes screen judges it: payments from the day the
    // promise was made, entered after it, applied to a plan's parts in date order. A
    // promise holds through the part it waits for; one with a passed part short holds
    // nothing (the ladder resumes).
    let statuses = note_statuses_for(store, &promise_notes, date, customers)?;
    let mut promises: HashMap<&str, Vec<PromiseToPay>> = HashMap::new();
    for (note, status) in promise_notes.iter().zip(&statuses) {
        let (Some(standing), Some(made_on)) = (&status.promise, note_day(&note.at)) else {
            continue;
        };
        if let Some(part) = standing.holding_part() {
            promises
                .entry(note.customer.as_str())
                .or_default()
                .push(PromiseToPay {
                    made_on,
                    date: part.date,
                    amount: part.amount,
                    paid: part.paid,
                });
        }
    }
    let mut run = LetterRun::default();
    for customer in customers {
        let items: Vec<OpenItem> = context
            .aging_items(customer.id)
            .iter()
            .map(|i| OpenItem {
                due: i.due,
                open: i.open,
                disputed: disputed.contains(&(i.number.clone(), i.seq)),
            })
            .collect();
        let letters: Vec<SentLetter> = sent
            .get(&customer.code)
            .map(|l| {
                l.iter()
                    .map(|&(level, date)| SentLetter { level, date })
                    .collect()
            })
            .unwrap_or_default();
        let facts = CustomerFacts {
            items: &items,
            credit: context.unapplied_credit(customer.id),
            letters: &letters,
            settled: settled.get(&customer.id).map_or(&[][..], Vec::as_slice),
            promises: promises
                .get(customer.code.as_str())
                .map_or(&[][..], Vec::as_slice),
            pause: pauses.get(&customer.code).map(|p| Pause {
                until: p.until,
                reason: &p.reason,
            }),
        };
        let Some(decision) = decide(date, &facts, ladders.for_tier(customer.tier)) else {
            // Nothing overdue: perhaps a payment reminder before the due date.
            let sent = reminders_sent
                .get(&customer.code)
                .map_or(&[][..], Vec::as_slice);
            if let Some(before) = decide_before_due(date, &facts, sent, &reminder) {
                run.due.push(DueLetter {
                    customer: customer.code.clone(),
                    level: Level::BeforeDue,
                    days_overdue: (date - before.first_due).num_days(),
                    oldest_due: before.first_due,
                    overdue: Money::ZERO,
                    net_overdue: Money::ZERO,
                    reason: LetterDue::Reminder(before),
                });
            }
            continue;
        };
        match decision.outcome {
            Outcome::Due { level, reason } => run.due.push(DueLetter {
                customer: customer.code.clone(),
                level,
                days_overdue: decision.days_overdue,
                oldest_due: decision.oldest_due,
                overdue: decision.overdue,
                net_overdue: decision.net_overdue,
                reason: LetterDue::Rung(reason),
            }),
            Outcome::Held { reason } => run.held.push(HeldLetter {
                customer: customer.code.clone(),
                reason,
            }),
        }
    }
    if !run.due.is_empty() {
        run.unmatched = unmatched_money_in(store)?;
    }
    Ok(run)
}

/// Writes the letter to `out_dir` as `C001-L2-2026-11-23.pdf` and, unless `preview`,
/// archives it and logs a collection note (channel letter) in the same transaction.
pub fn issue_letter(
    store: &mut Store,
    request: &LetterRequest,
    out_dir: &Path,
    preview: bool,
) -> Result<IssuedLetter> {
    let stale_removed = prepare_folder(out_dir)?;
    let context = Context::new(store, request.date, request.locale)?;
    let issued = issue_with(store, &context, request, out_dir, preview)?;
    Ok(IssuedLetter {
        stale_removed,
        ..issued
    })
}

/// [`issue_letter`] with the aging already read (for many letters on one date).
pub fn issue_with(
    store: &mut Store,
    context: &Context,
    request: &LetterRequest,
    out_dir: &Path,
    preview: bool,
) -> Result<IssuedLetter> {
    let letter = build_letter(store, context, request)?;
    let bytes = pdf::letter_pdf(&letter, context.company())?;
    std::fs::create_dir_all(out_dir).map_err(|source| StatementError::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let name = file_name(&letter);
    let path = out_dir.join(&name);
    // Written whole under a hidden name, renamed only once the archive holds it, so a
    // final-name letter is always one the book has (and never an empty file).
    let staged = Staged::write(&path, &bytes).map_err(|source| StatementError::Io {
        path: path.clone(),
        source,
    })?;
    let mut emailed = None;
    let mut to_print = false;
    let archived = if preview {
        None
    } else {
        let note = if letter.level == Level::BeforeDue {
            // Its note names the date, so `Store::payment_reminders_sent` finds it in a
            // book of any age.
            IssuedSays::Reminder {
                date: letter.date.to_string(),
                amount: money_text(&letter.currency, letter.total_overdue),
                first: letter.oldest_due.to_string(),
            }
            .to_string()
        } else {
            IssuedSays::Letter {
                level: letter.level,
                amount: money_text(&letter.currency, letter.total_overdue),
                deadline: letter.deadline.to_string(),
            }
            .to_string()
        };
        let new = NewIssued {
            kind: IssuedKind::Letter,
            customer_code: &letter.customer.code,
            date: letter.date,
            period: None,
            statement_kind: None,
            level: Some(letter.level),
            amount: letter.total_overdue,
            file_name: name,
            pdf: &bytes,
            note: Some(note),
        };
        if request.email {
            let customer = store.customer(&letter.customer.code)?;
            to_print = customer.send_by.prints(&customer.addresses());
            let email = super::email::letter_email(store, &customer, &letter, context.company())?;
            let domain = super::email::sender_domain(store)?;
            let (id, queued) = store.archive_with(|archive| {
                let id = archive.add(&new)?;
                let queued = match &email {
                    Some(email) => Some(archive.queue_email(
                        id,
                        &customer.code,
                        crate::domain::email::EmailKind::Letter(letter.level),
                        email,
                        &domain,
                    )?),
                    None => None,
                };
                Ok::<_, StatementError>((id, queued))
            })?;
            emailed = queued;
            Some(id)
        } else {
            Some(store.archive_issued(&new)?)
        }
    };
    staged.publish().map_err(|source| StatementError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(IssuedLetter {
        letter,
        path,
        archived,
        stale_removed: 0,
        emailed,
        to_print,
    })
}

/// The name of a letter's file: `C001-L2-2026-11-23.pdf`.
pub fn file_name(letter: &Letter) -> String {
    format!(
        "{}-L{}-{}.pdf",
        file_stem(&letter.customer.code),
        letter.level.number(),
        letter.date
    )
}

/// Writes a letter already merged (by [`build_letter`]) as a PDF into `out_dir`, under
/// the name it would be sent with, to look at before sending: nothing is archived and no
/// note is logged. The file appears whole or not at all; unfinished files of earlier
/// runs in the folder are cleared first.
pub fn write_preview(letter: &Letter, company: &CompanyProfile, out_dir: &Path) -> Result<PathBuf> {
    prepare_folder(out_dir)?;
    let bytes = pdf::letter_pdf(letter, company)?;
    let path = out_dir.join(file_name(letter));
    let io = |source| StatementError::Io {
        path: path.clone(),
        source,
    };
    Staged::write(&path, &bytes)
        .map_err(io)?
        .publish()
        .map_err(io)?;
    Ok(path)
}

/// Writes the letters `due` (dated `date`) into `out_dir`, each archived with its
/// collection note as [`issue_with`] does, calling `progress(done, total)` after each;
/// then all of them in [`combined_name`], each from a new page. The combined file is
/// written whole under a hidden name and renamed only once complete, so it is there
/// whole or not at all; a run that fails part-way keeps the letters already archived
/// (each is its own transaction) and writes no combined file.
pub fn send_due(
    store: &mut Store,
    due: &[DueLetter],
    date: NaiveDate,
    locale: Option<Locale>,
    out_dir: &Path,
    email: bool,
    mut progress: impl FnMut(usize, usize),
) -> Result<LettersSent> {
    let stale_removed = prepare_folder(out_dir)?;
    let context = Context::new(store, date, locale)?;
    let mut written = Vec::with_capacity(due.len());
    for (done, d) in due.iter().enumerate() {
        let request = LetterRequest {
            customer: d.customer.clone(),
            level: d.level,
            date,
            deadline: None,
            locale,
            email,
        };
        written.push(issue_with(store, &context, &request, out_dir, false)?);
        progress(done + 1, due.len());
    }
    let all: Vec<&Letter> = written.iter().map(|w| &w.letter).collect();
    let combined = letters_file(&all, context.company(), &out_dir.join(combined_name(date)))?;
    // With email, the letters for the post also on their own, so the post is not
    // printed with the emailed ones.
    let to_print: Vec<&Letter> = written
        .iter()
        .filter(|w| w.to_print)
        .map(|w| &w.letter)
        .collect();
    let to_print_file = letters_file(
        &to_print,
        context.company(),
        &out_dir.join(to_print_name(date)),
    )?;
    Ok(LettersSent {
        written,
        combined,
        to_print_file,
        stale_removed,
    })
}

/// `letters` in one file at `path`, each from a new page, written whole under a hidden
/// name and then renamed; `None` (and no file) when there are none.
fn letters_file(
    letters: &[&Letter],
    company: &CompanyProfile,
    path: &Path,
) -> Result<Option<PathBuf>> {
    if letters.is_empty() {
        return Ok(None);
    }
    let bytes = pdf::letters_pdf(letters, company)?;
    let io = |source| StatementError::Io {
        path: path.to_path_buf(),
        source,
    };
    Staged::write(path, &bytes)
        .map_err(io)?
        .publish()
        .map_err(io)?;
    Ok(Some(path.to_path_buf()))
}
