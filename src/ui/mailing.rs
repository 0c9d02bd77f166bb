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
pub(crate) fn deliver(
    store: &mut Store,
    mailer: &Mailer,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<String, String> {
    let total = store.outbox_waiting().map_err(|e| e.described())?;
    progress(0, total);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let report = send_waiting(
        store,
        mailer,
        false,
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

/// The emails a run queued, and whom to print for.
pub(crate) fn queued(count: usize, to_print: &[String]) -> String {
    let mut line = fl!("ui-emails-queued", n = count);
    if !to_print.is_empty() {
        line.push(' ');
        line.push_str(&fl!(
            "ui-to-print",
            n = to_print.len(),
            customers = to_print.join(", ")
        ));
    }
    line
}

/// After a run that queued emails: sends them now when a mailer could be made, else
/// says why they wait.
pub(crate) fn send_after_run(
    store: &mut Store,
    mailer: &Option<Result<Mailer, String>>,
    progress: &mut dyn FnMut(usize, usize),
) -> String {
    match mailer {
        Some(Ok(mailer)) => match deliver(store, mailer, progress) {
            Ok(said) => said,
            Err(error) => error,
        },
        Some(Err(why)) => fl!("ui-emails-wait", why = why.as_str()),
        None => String::new(),
    }
}
