//! Emailing from the screens (Statements & letters, Today): the mailer made on the UI thread
//! from the book's settings and the password at hand (keyring, script variable, or the
//! one given this session), and the outbox sent on the run's worker after the PDFs are
//! archived, its progress on the screen's bar. What cannot be sent waits in the outbox
//! with why; the screen shows how many wait and sends them again on request.

use crate::fl;
use crate::mail::{MailError, Mailer, SendReport, send_waiting};
use crate::store::Store;
use crate::ui::Book;
use crate::ui::errors::Described;

/// A mailer for the book's email settings, or why there is none.
pub(crate) fn mailer(book: &Book) -> Result<Mailer, MailError> {
    let settings = book.store().email_settings()?;
    let password = book.mail_password(&settings);
    Mailer::new(&settings, book.company(), password)
}

/// The account whose password must be asked for, when `error` is that it is missing.
pub(crate) fn password_wanted(error: &MailError) -> Option<String> {
    match error {
        MailError::NoPassword { host, username } => Some(format!("{username}@{host}")),
        _ => None,
    }
}

/// Keeps `password` for the book's mail server: in the keyring, or for this session
/// where there is none.
pub(crate) fn use_password(book: &mut Book, password: &str) -> Result<(), String> {
    let settings = book.store().email_settings().map_err(|e| e.described())?;
    match crate::mail::save_password(&settings, password) {
        Ok(()) => Ok(()),
        Err(crate::mail::KeyringError::NoKeyring(_)) => {
            book.set_session_password(Some(password.to_string()));
            Ok(())
        }
        Err(error) => Err(error.described()),
    }
}

/// Sends what waits in the outbox, reporting `(done, total)`; one line of what it did.
/// `now`: the failed ones too, whatever their wait (a person asked: Send now, or a new
/// password); else only those due (when the book opens, after a run).
pub(crate) fn deliver(
    store: &mut Store,
    mailer: &Mailer,
    now: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<String, String> {
    let total = store.outbox_waiting().map_err(|e| e.described())?;
    progress(0, total);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let report = send_waiting(
        store,
        mailer,
        now,
        |r: &SendReport| progress(r.sent + r.failed, total),
        &stop,
    )
    .map_err(|e| e.described())?;
    Ok(said(&report))
}

/// What a send did, in a sentence.
pub(crate) fn said(report: &SendReport) -> String {
    let mut line = fl!(
        "ui-outbox-sent",
        sent = report.sent,
        failed = report.failed,
        waiting = report.waiting
    );
    if let Some(failure) = report.stopped {
        line.push(' ');
        line.push_str(&fl!("ui-outbox-stopped", why = failure.described()));
    }
    line
}

/// The most customers to print for that a notice names; the rest are counted.
const NAMED: usize = 10;

/// The emails a run queued, and whom to print for: the first few by code, and how many
/// more (a month's run may leave a thousand to print, too many for a line), and the file
/// with only theirs.
pub(crate) fn queued(
    count: usize,
    to_print: &[String],
    to_print_file: Option<&std::path::Path>,
) -> String {
    let mut line = fl!("ui-emails-queued", n = count);
    if !to_print.is_empty() {
        let mut customers = to_print[..to_print.len().min(NAMED)].join(", ");
        if to_print.len() > NAMED {
            customers.push(' ');
            let more = to_print.len() - NAMED;
            customers.push_str(&fl!("ui-and-n-more", n = more));
        }
        line.push(' ');
        line.push_str(&fl!(
            "ui-to-print",
            n = to_print.len(),
            customers = customers
        ));
    }
    if let Some(path) = to_print_file {
        line.push(' ');
        line.push_str(&fl!("to-print-file", path = path.display().to_string()));
    }
    line
}

/// What a run that emailed says: how the sending went first (a one-line status shows
/// the start of it), then what was written, then what was queued and whom to print for.
pub(crate) fn after_run(sent: &str, written: &str, queued: &str) -> String {
    [sent, written, queued]
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// After a run that queued emails: sends them now when a mailer could be made, else
/// says why they wait.
pub(crate) fn send_after_run(
    store: &mut Store,
    mailer: &Option<Result<Mailer, String>>,
    progress: &mut dyn FnMut(usize, usize),
) -> String {
    match mailer {
        Some(Ok(mailer)) => match deliver(store, mailer, false, progress) {
            Ok(said) => said,
            Err(error) => error,
        },
        Some(Err(why)) => fl!("ui-emails-wait", why = why.as_str()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn a_long_list_to_print_names_the_first_ten_and_counts_the_rest() {
        let codes: Vec<String> = (1..=1317).map(|n| format!("C{n:05}")).collect();
        let said = queued(
            3843,
            &codes,
            Some(Path::new("/out/statements-2026-11-to-print.pdf")),
        );
        assert!(
            said.contains("To print and post (1,317): C00001, C00002,"),
            "{said}"
        );
        assert!(said.contains("C00010 and 1,307 more."), "{said}");
        assert!(!said.contains("C00011"), "{said}");
        assert!(
            said.ends_with("in one file: /out/statements-2026-11-to-print.pdf"),
            "{said}"
        );
        // A short list is named whole, with no count of more.
        let said = queued(1, &codes[..2], None);
        assert!(
            said.ends_with("To print and post (2): C00001, C00002."),
            "{said}"
        );
    }
}
