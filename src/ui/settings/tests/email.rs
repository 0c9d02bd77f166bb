//! The Email section: typed, checked as `settings set` checks, saved on its own.

use super::*;
use crate::domain::email::Tls;
use crate::ui::settings::email::Message as Mail;

fn mail(app: &mut App, message: Mail) {
    settings(app, Message::Mail(message));
}

#[test]
fn the_mail_server_is_saved_on_its_own_and_a_bad_port_is_refused() {
    let mut app = sample_app();
    mail(&mut app, Mail::Host("smtp.acme.example".into()));
    mail(&mut app, Mail::Tls(Tls::Tls));
    // The port follows the protection while it is the usual one.
    mail(&mut app, Mail::From("ar@acme.example".into()));
    mail(&mut app, Mail::BccSelf(true));
    mail(&mut app, Mail::Save);
    let saved = store(&app).email_settings().unwrap();
    assert_eq!(saved.host, "smtp.acme.example");
    assert_eq!((saved.tls, saved.port), (Tls::Tls, 465));
    assert!(saved.bcc_self);
    // The rest of the screen is not dirtied by it.
    assert!(!screen(&app).dirty());

    mail(&mut app, Mail::Port("99999".into()));
    mail(&mut app, Mail::Save);
    assert_eq!(
        store(&app).email_settings().unwrap().port,
        465,
        "nothing saved"
    );
    mail(&mut app, Mail::From("not an address".into()));
    mail(&mut app, Mail::Port("587".into()));
    mail(&mut app, Mail::Save);
    assert_eq!(
        store(&app).email_settings().unwrap().from,
        "ar@acme.example"
    );
}

#[test]
fn a_test_email_without_a_server_says_what_to_set() {
    let mut app = sample_app();
    mail(&mut app, Mail::TestTo("me@acme.example".into()));
    mail(&mut app, Mail::Host("x".into()));
    mail(&mut app, Mail::SendTest);
    // No sender set: refused at once, with what to set, and nothing is sent.
    let panel = &screen(&app).mail;
    assert!(
        panel.said().is_some_and(|s| s.contains("email.from")),
        "{:?}",
        panel.said()
    );
}
