//! Emailing from the statements and letters screen: a run that emails without a mail
//! server leaves them waiting with why (listed, cancellable); a password not at hand is
//! asked for; one the server refuses (a real SMTP server that asks for a login) is asked
//! for again, and Send now sends what waits at once; the bar says when a run emails.

use super::*;

use crate::domain::email::SendBy;
use crate::ui::testing::smtp as harness;
use crate::ui::testing::{set_billing_email, set_settings};

#[test]
fn statements_emailed_without_a_mail_server_wait_in_the_outbox_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    set_billing_email(
        &mut app,
        "C001",
        "ap@c001.example, boss@c001.example",
        SendBy::Email,
    );
    send(
        &mut app,
        AppMessage::Statements(Message::Period("2026-11".into())),
    );
    send(&mut app, AppMessage::Statements(Message::Who(Who::All)));
    send(&mut app, AppMessage::Statements(Message::Email(true)));
    send(&mut app, AppMessage::Statements(Message::WriteStatements));
    let s = screen(&app);
    let notice = s.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("1 email queued"),
        "{notice} / {:?}",
        s.error
    );
    assert!(notice.contains("To print and post (1): C002"), "{notice}");
    assert!(notice.contains("no mail server is set up"), "{notice}");
    assert_eq!(s.outbox_waiting, 1);
    let store = app.open_book().unwrap().book.store();
    let outbox = store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].to, ["ap@c001.example", "boss@c001.example"]);
    // Send now says again what is missing, and sends nothing.
    send(&mut app, AppMessage::Statements(Message::SendOutbox));
    let s = screen(&app);
    assert!(
        s.error
            .as_deref()
            .is_some_and(|e| e.contains("email.smtp_host")),
        "{:?}",
        s.error
    );
    // The outbox panel lists it, and Cancel takes it out: it is never sent.
    assert!(crate::ui::testing::shows_containing(
        &app,
        "Outbox (1 waiting)"
    ));
    let id = screen(&app).waiting_emails[0].id;
    send(&mut app, AppMessage::Statements(Message::CancelEmail(id)));
    let s = screen(&app);
    assert_eq!(s.outbox_waiting, 0);
    assert!(
        s.notice.as_deref().is_some_and(|n| n.contains("cancelled")),
        "{:?}",
        s.notice
    );
    let store = app.open_book().unwrap().book.store();
    assert_eq!(
        store.outbox().unwrap()[0].status,
        crate::store::OutboxStatus::Cancelled
    );
}

#[test]
fn a_mail_server_that_needs_a_password_not_at_hand_asks_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    set_settings(
        &mut app,
        &[
            ("email.smtp_host", "127.0.0.1"),
            ("email.tls", "none"),
            ("email.from", "ar@acme.example"),
            ("email.username", "owed-test-no-such-account"),
        ],
    );
    set_billing_email(&mut app, "C001", "ap@c001.example", SendBy::Email);
    if crate::mail::password_from_env().is_some() {
        eprintln!("skipped: OWED_SMTP_PASSWORD is set, so no password is asked for");
        return;
    }
    send(
        &mut app,
        AppMessage::Statements(Message::Period("2026-11".into())),
    );
    send(&mut app, AppMessage::Statements(Message::Email(true)));
    send(&mut app, AppMessage::Statements(Message::WriteStatements));
    let s = screen(&app);
    assert_eq!(
        s.password_for.as_deref(),
        Some("owed-test-no-such-account@127.0.0.1"),
        "{:?} / {:?}",
        s.notice,
        s.error
    );
    assert!(crate::ui::testing::shows_containing(
        &app,
        "needs the password of owed-test-no-such-account@127.0.0.1"
    ));
    assert_eq!(s.outbox_waiting, 1, "queued, waiting for the password");
}

#[test]
fn the_bar_says_when_a_run_has_moved_on_to_emailing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    send(
        &mut app,
        AppMessage::Statements(Message::Progress(Stage::Writing, 1297, 5247)),
    );
    assert!(crate::ui::testing::shows_containing(&app, "1,297 of 5,247"));
    send(
        &mut app,
        AppMessage::Statements(Message::Progress(Stage::Emailing, 293, 3930)),
    );
    assert!(crate::ui::testing::shows_containing(
        &app,
        "Emailing: 293 of 3,930"
    ));
}

#[test]
fn a_password_the_server_refuses_is_asked_for_again_and_send_now_sends_at_once() {
    let Some(python) = harness::python_or_skip() else {
        return;
    };
    if crate::mail::password_from_env().is_some() {
        eprintln!("skipped: OWED_SMTP_PASSWORD is set, so the session's password is not used");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    // An account no keyring holds: the password is the session's.
    let user = "owed-test-refused@acme.example";
    let server = harness::Server::with_login(&python, &maildir, user, "right horse");
    let mut app = on_screen(dir.path());
    let port = server.port.to_string();
    set_settings(
        &mut app,
        &[
            ("email.smtp_host", "127.0.0.1"),
            ("email.smtp_port", port.as_str()),
            ("email.tls", "none"),
            ("email.from", "ar@acme.example"),
            ("email.username", user),
        ],
    );
    set_billing_email(&mut app, "C001", "ap@c001.example", SendBy::Email);
    app.open_book_mut()
        .unwrap()
        .book
        .set_session_password(Some("wrong horse".into()));
    send(
        &mut app,
        AppMessage::Statements(Message::Period("2026-11".into())),
    );
    send(&mut app, AppMessage::Statements(Message::Email(true)));
    send(&mut app, AppMessage::Statements(Message::WriteStatements));
    let s = screen(&app);
    let notice = s.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("Emails: 0 sent, 1 failed, 1 waiting."),
        "the sending first: {notice} / {:?}",
        s.error
    );
    assert!(
        notice.contains("refused the user name or password"),
        "{notice}"
    );
    // Asked for again, saying why.
    assert!(s.password_refused);
    assert_eq!(
        s.password_for.as_deref(),
        Some("owed-test-refused@acme.example@127.0.0.1")
    );
    assert!(crate::ui::testing::shows_containing(
        &app,
        "refused the password of owed-test-refused@acme.example@127.0.0.1"
    ));
    assert!(harness::messages(&python, &maildir).is_empty());

    // The right one at hand: Send now sends the failed email at once, not after its wait.
    app.open_book_mut()
        .unwrap()
        .book
        .set_session_password(Some("right horse".into()));
    send(&mut app, AppMessage::Statements(Message::SendOutbox));
    let s = screen(&app);
    let notice = s.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("1 sent, 0 failed, 0 waiting"),
        "{notice} / {:?}",
        s.error
    );
    assert_eq!(s.outbox_waiting, 0);
    assert_eq!(harness::messages(&python, &maildir).len(), 1, "sent once");
}

#[test]
fn the_letters_confirmation_counts_those_emailed_and_those_to_print() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    set_billing_email(&mut app, "C001", "ap@c001.example", SendBy::Both);
    // Without email, the confirmation says nothing of it.
    send(&mut app, AppMessage::Statements(Message::SendDue));
    assert!(screen(&app).confirming);
    assert_eq!(screen(&app).reach, None);
    assert!(!crate::ui::testing::shows_containing(&app, "By email"));
    // With it: C001 wants both, so it is in each count.
    send(&mut app, AppMessage::Statements(Message::Email(true)));
    assert_eq!(screen(&app).reach, Some((1, 1)));
    assert!(crate::ui::testing::shows_containing(
        &app,
        "By email: 1 · to print and post: 1"
    ));
    send(&mut app, AppMessage::Statements(Message::CancelSend));
    send(&mut app, AppMessage::Statements(Message::SendDue));
    assert_eq!(screen(&app).reach, Some((1, 1)));
}
