//! The posting forms' dates picked on the calendar, clicked as a person would: the day
//! fills the field as if typed, and what the form derives from its date follows.

use iced::keyboard::{Key, Modifiers};
use iced_test::simulator;

use super::*;
use crate::ui::widgets::date_picker::Message as Pick;

/// Clicks the text `label` in the app as drawn, and sends what the click produced.
fn click(app: &mut App, label: &str) {
    let mut ui = simulator(app.view());
    ui.click(label)
        .unwrap_or_else(|_| panic!("'{label}' on the screen"));
    for message in ui.into_messages() {
        send(app, message);
    }
}

fn shows(app: &App, text: &str) -> bool {
    simulator(app.view()).find(text).is_ok()
}

fn invoice_date(app: &App) -> String {
    match &ledger(app).form {
        Some(super::super::Form::Debit(form)) => form.date.clone(),
        _ => panic!("the invoice form is open"),
    }
}

#[test]
fn a_day_picked_on_the_calendar_is_the_invoices_date() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C002");
    send(
        &mut app,
        AppMessage::Key(Key::Character("n".into()), Modifiers::CTRL),
    );
    let debit = |app: &mut App, message| send(app, AppMessage::Ledger(Message::Debit(message)));
    debit(&mut app, debit::Message::Amount("100.00".into()));
    assert_eq!(invoice_date(&app), TODAY);
    assert!(shows(&app, "2026-12-23"), "due net 30 from today");

    click(&mut app, "▾");
    assert!(shows(&app, "November 2026"), "opens at the field's month");
    // A press elsewhere on the form closes it and changes nothing.
    click(&mut app, "Memo");
    assert!(!shows(&app, "November 2026"), "closed");
    assert_eq!(invoice_date(&app), TODAY);

    click(&mut app, "▾");
    click(&mut app, "›");
    assert!(shows(&app, "December 2026"));
    click(&mut app, "15");
    assert_eq!(invoice_date(&app), "2026-12-15");
    assert!(!shows(&app, "December 2026"), "a pick closes the calendar");
    assert!(
        shows(&app, "2027-01-14"),
        "the schedule follows: net 30 from the 15th"
    );
    assert!(!shows(&app, "2026-12-23"));
}

#[test]
fn a_payment_whose_date_does_not_parse_opens_the_calendar_at_today() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    send(
        &mut app,
        AppMessage::Key(Key::Character("p".into()), Modifiers::CTRL),
    );
    credit(&mut app, credit::Message::Date("2025-02-30".into()));
    credit(&mut app, credit::Message::DatePick(Pick::Toggle));
    assert!(shows(&app, "November 2026"), "today's month");
    credit(&mut app, credit::Message::DatePick(Pick::Previous));
    assert!(shows(&app, "October 2026"));
    click(&mut app, "15");
    match &ledger(&app).form {
        Some(super::super::Form::Credit(form)) => assert_eq!(form.date, "2026-10-15"),
        _ => panic!("the payment form is open"),
    }
}

#[test]
fn the_ledgers_range_is_picked_on_the_calendar() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    let inv_3 = |app: &App| {
        let lines = &ledger(app).data().unwrap().lines;
        lines.iter().any(|line| line.date == date("2026-09-01"))
    };
    assert!(inv_3(&app), "the whole ledger, INV-3 with it");
    // From is empty: its calendar opens at today's month; two months back is INV-3's.
    for label in ["▾", "‹", "‹"] {
        click(&mut app, label);
    }
    assert!(shows(&app, "September 2026"));
    click(&mut app, "15");
    assert_eq!(ledger(&app).from, "2026-09-15");
    assert!(!inv_3(&app), "INV-3 of 09-01 is before the range");
}

#[test]
fn esc_closes_the_calendar_before_the_form() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C002");
    send(
        &mut app,
        AppMessage::Key(Key::Character("n".into()), Modifiers::CTRL),
    );
    click(&mut app, "▾");
    assert!(shows(&app, "November 2026"));
    let esc = || {
        AppMessage::Key(
            Key::Named(iced::keyboard::key::Named::Escape),
            Modifiers::empty(),
        )
    };
    send(&mut app, esc());
    assert!(!shows(&app, "November 2026"), "the calendar closed");
    assert_eq!(
        ledger(&app).form_kind(),
        Some(FormKind::Invoice),
        "the form stays"
    );
    send(&mut app, esc());
    assert_eq!(ledger(&app).form_kind(), None, "then the form closes");
}
