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

#[test]
fn an_emails_texts_are_edited_saved_and_put_back_to_the_built_in_ones() {
    use crate::domain::email::EmailKind;
    use crate::domain::letters::Level;
    use crate::ui::settings::email::KindChoice;
    let second = EmailKind::Letter(Level::SecondNotice);
    let mut app = sample_app();
    mail(&mut app, Mail::TextKind(KindChoice(second)));
    mail(&mut app, Mail::TextChinese(true));
    mail(
        &mut app,
        Mail::Subject("第二次提醒：{total_overdue}".into()),
    );
    mail(&mut app, Mail::Save);
    let saved = store(&app).email_template(second, true).unwrap();
    assert_eq!(saved.subject, "第二次提醒：{total_overdue}");
    // Another kind and language are untouched.
    let english = store(&app).email_template(second, false).unwrap();
    assert_eq!(
        english,
        crate::domain::email::default_template(second, false)
    );
    // A field an email does not know is refused, nothing saved.
    mail(&mut app, Mail::Subject("{items}".into()));
    mail(&mut app, Mail::Save);
    let said = screen(&app).mail.said().unwrap_or_default().to_string();
    assert!(said.contains("{items}"), "{said}");
    assert_eq!(
        store(&app).email_template(second, true).unwrap().subject,
        "第二次提醒：{total_overdue}"
    );
    mail(&mut app, Mail::ResetText);
    mail(&mut app, Mail::Save);
    assert_eq!(
        store(&app).email_template(second, true).unwrap(),
        crate::domain::email::default_template(second, true)
    );
}
