//! The posting forms say what is wrong with a field once it has been typed in, or when
//! Enter is pressed on a form that cannot be posted, and not before.

use iced::keyboard::{Key, Modifiers};
use iced_test::simulator;

use super::*;

fn shows(app: &App, text: &str) -> bool {
    simulator(app.view()).find(text).is_ok()
}

#[test]
fn a_new_invoice_is_not_red_before_anything_is_typed() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C002");
    send(
        &mut app,
        AppMessage::Key(Key::Character("n".into()), Modifiers::CTRL),
    );
    assert_eq!(ledger(&app).form_kind(), Some(FormKind::Invoice));
    assert!(
        shows(&app, "Fill in amount, date and terms to see it."),
        "the hint"
    );
    assert!(!shows(&app, "required"), "no problem shown yet");
    let debit = |app: &mut App, message| send(app, AppMessage::Ledger(Message::Debit(message)));
    debit(&mut app, debit::Message::Amount("12,50".into()));
    assert!(
        shows(
            &app,
            "'12,50' is not an amount; write it like 1,234.50 or 1234.50"
        ),
        "the amount's problem once typed"
    );
    debit(&mut app, debit::Message::Amount(String::new()));
    assert!(shows(&app, "required"), "cleared: it is missing");
    // The date was never touched and is fine; the terms were cleared before any edit
    // showed: both quiet until Enter.
    debit(&mut app, debit::Message::Save);
    assert_eq!(
        ledger(&app).form_kind(),
        Some(FormKind::Invoice),
        "not posted"
    );
    assert!(shows(&app, "required"));
}

#[test]
fn enter_on_an_empty_payment_says_what_is_missing() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    send(
        &mut app,
        AppMessage::Key(Key::Character("p".into()), Modifiers::CTRL),
    );
    assert_eq!(ledger(&app).form_kind(), Some(FormKind::Payment));
    assert!(!shows(&app, "required"), "quiet before anything is typed");
    credit(&mut app, credit::Message::Save);
    assert_eq!(
        ledger(&app).form_kind(),
        Some(FormKind::Payment),
        "not posted"
    );
    assert!(shows(&app, "required"), "Enter shows the missing amount");
}

#[test]
fn the_notice_of_a_posting_does_not_move_the_ledger() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    let size = (1024.0, 700.0);
    let before = crate::ui::testing::top_of(&app, size, "INV-3").expect("the invoice's line");
    send(
        &mut app,
        AppMessage::Key(Key::Character("p".into()), Modifiers::CTRL),
    );
    credit(&mut app, credit::Message::Amount("10.00".into()));
    credit(&mut app, credit::Message::Save);
    assert!(ledger(&app).notice().is_some(), "posted, with a notice");
    let after = crate::ui::testing::top_of(&app, size, "INV-3").expect("still there");
    assert_eq!(before, after, "the ledger moved when the notice appeared");
}
