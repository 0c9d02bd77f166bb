//! The letter due, sent from the Today screen by email too: the send form offers it to a
//! customer who wants email (ticked when the mail server is set up), says why another
//! goes only on paper, and a sent letter reaches a real SMTP server (aiosmtpd on
//! 127.0.0.1) with its archived PDF, or waits in the outbox with why.

use super::*;
use crate::domain::email::SendBy;
use crate::store::{NoteFilter, OutboxStatus};
use crate::ui::testing::{set_billing_email, set_settings, shows_containing};
use forms::Reach;

use crate::ui::testing::smtp as harness;

/// Acme's billing email and how it wants letters; `port`: a mail server to send to.
fn set_up(app: &mut App, email: Option<&str>, send_by: SendBy, port: Option<u16>) {
    set_billing_email(app, "C001", email.unwrap_or_default(), send_by);
    if let Some(port) = port {
        let port = port.to_string();
        set_settings(
            app,
            &[
                ("email.smtp_host", "127.0.0.1"),
                ("email.smtp_port", port.as_str()),
                ("email.tls", "none"),
                ("email.from", "ar@acme.example"),
                ("email.rate_per_minute", "10000"),
            ],
        );
    }
    // The screen reads the customer again when the book changes.
    send(app, AppMessage::Today(Message::Refresh));
}

fn sending(app: &App) -> (Reach, bool) {
    match &screen(app).form {
        Some(Form::Send { reach, email, .. }) => (reach.clone(), *email),
        other => panic!("the send form is open: {other:?}"),
    }
}

fn outbox(app: &App) -> Vec<crate::store::OutboxEntry> {
    app.open_book().unwrap().book.store().outbox().unwrap()
}

#[test]
fn a_customer_without_a_billing_email_or_who_wants_post_is_told_to_print() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    write_letters_to(&mut app, dir.path());
    letter(&mut app, "s");
    assert_eq!(sending(&app), (Reach::NoAddress, false));
    assert!(shows_containing(&app, "Acme Ltd has no billing email"));
    form(&mut app, forms::Message::Cancel);

    set_up(&mut app, Some("ap@acme.example"), SendBy::Post, None);
    letter(&mut app, "s");
    assert_eq!(sending(&app), (Reach::PostWanted, false));
    assert!(shows_containing(&app, "Acme Ltd wants letters by post"));
    // The box cannot be ticked for a customer who is not emailed.
    form(&mut app, forms::Message::Email(true));
    assert!(!sending(&app).1);
    press(&mut app, Key::Named(Named::Enter));
    assert!(outbox(&app).is_empty(), "nothing is emailed");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn without_a_mail_server_the_box_is_unticked_and_ticked_the_email_waits_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    write_letters_to(&mut app, dir.path());
    set_up(
        &mut app,
        Some("ap@acme.example, boss@acme.example"),
        SendBy::Email,
        None,
    );
    letter(&mut app, "s");
    let to = "ap@acme.example, boss@acme.example".to_string();
    assert_eq!(
        sending(&app),
        (
            Reach::Email {
                to: to.clone(),
                set_up: false
            },
            false
        )
    );
    assert!(shows_containing(&app, &format!("Also email it to {to}")));
    form(&mut app, forms::Message::Email(true));
    assert!(shows_containing(&app, "The mail server is not set up yet"));
    press(&mut app, Key::Named(Named::Enter));
    let today = screen(&app);
    let notice = today.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("1 email queued"),
        "{notice} / {:?}",
        today.error
    );
    assert!(notice.contains("no mail server is set up"), "{notice}");
    let waiting = outbox(&app);
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].status, OutboxStatus::Queued);
    assert_eq!(waiting[0].to, ["ap@acme.example", "boss@acme.example"]);
    assert_eq!(
        waiting[0].kind,
        crate::domain::email::EmailKind::Letter(crate::domain::letters::Level::Reminder)
    );
    // The sidebar's count (the Statements & letters screen's) has it.
    assert_eq!(app.open_book().unwrap().statements.outbox_waiting, 1);
    assert!(shows_containing(&app, "1 email waiting"));
}

#[test]
fn the_letter_due_is_emailed_once_with_its_archived_pdf_and_logged_as_a_note() {
    let Some(python) = harness::python_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let server = harness::Server::start(&python, &maildir);
    let folder = dir.path().join("letters");
    std::fs::create_dir(&folder).unwrap();
    let mut app = sample_app();
    write_letters_to(&mut app, &folder);
    set_up(
        &mut app,
        Some("ap@acme.example"),
        SendBy::Both,
        Some(server.port),
    );
    letter(&mut app, "s");
    assert_eq!(
        sending(&app),
        (
            Reach::Email {
                to: "ap@acme.example".into(),
                set_up: true
            },
            true
        ),
        "ticked: the server is set up"
    );
    press(&mut app, Key::Named(Named::Enter));
    let today = screen(&app);
    let notice = today.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("1 email queued") && notice.contains("1 sent, 0 failed, 0 waiting"),
        "{notice} / {:?}",
        today.error
    );
    // "both": emailed, and listed to print for the post too.
    assert!(notice.contains("To print and post (1): C001"), "{notice}");
    assert!(kinds(&app).is_empty(), "the row is done");

    let got = harness::messages(&python, &maildir);
    assert_eq!(got.len(), 1, "one message");
    let sent = outbox(&app);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].status, OutboxStatus::Sent);
    assert_eq!(got[0]["message_id"], sent[0].message_id.as_str());
    assert_eq!(got[0]["to"], "ap@acme.example");
    // The PDF attached is the archived letter, byte for byte.
    let store = app.open_book().unwrap().book.store();
    let issued = store.issued(None).unwrap();
    assert_eq!(issued.len(), 1);
    assert_eq!(issued[0].id, sent[0].issued_id);
    assert_eq!(
        got[0]["attachments"][0]["sha256"],
        issued[0].sha256.as_str()
    );
    // The email is a collection note, beside the letter's own.
    let notes = store.notes(&NoteFilter::default()).unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.channel == crate::domain::note::Channel::Email),
        "{notes:?}"
    );
    assert_eq!(app.open_book().unwrap().statements.outbox_waiting, 0);
}
