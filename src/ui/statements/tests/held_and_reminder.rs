//! The letters panel's held list (every customer the ladder holds, with the reason in
//! words, a click away from its ledger) and the payment reminder (level 0) in the list of
//! letters due, previewed and written by hand like any level.

use super::{click, files_in, screen, simulate};
use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::domain::ladder::HeldReason;
use crate::domain::letters::Level;
use crate::domain::note::{Channel, Direction, NoteDraft, Promise};
use crate::domain::terms::Plan;
use crate::store::{BookSettings, NewCredit, NewDebit, Store};
use crate::ui::statements::{LevelChoice, Message};
use crate::ui::testing::{TODAY, date, send, settle};
use crate::ui::{App, Message as AppMessage, Tab};
use chrono::{Days, NaiveDate};

fn invoice(store: &mut Store, code: &str, name: &str, number: &str, day: NaiveDate) {
    let amount = store.currency().parse("300.00").unwrap();
    store
        .add_customer(&CustomerDraft {
            code: code.into(),
            name: name.into(),
            ..Default::default()
        })
        .unwrap();
    store
        .post_debit(&NewDebit {
            customer: code.into(),
            kind: DocKind::Invoice,
            number: Some(number.into()),
            date: day,
            amount,
            terms: None,
            due: None,
            plan: Plan::Single,
            reference: None,
            memo: None,
        })
        .unwrap();
}

fn app_on(store: Store, today: NaiveDate) -> App {
    let (mut app, task) = App::with_store(store, today);
    settle(&mut app, task);
    send(&mut app, AppMessage::Show(Tab::Statements));
    app
}

/// Two customers 30 days overdue (net 30 from 60 days ago): PROM promised to pay in a
/// week, CRED paid more than it owes, kept as unapplied credit. Notes are stamped with
/// the real clock, so the run date is today's.
fn held_book() -> (Store, NaiveDate) {
    let today = chrono::Local::now().date_naive();
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    invoice(
        &mut store,
        "PROM",
        "Promise Co",
        "INV-P",
        today - Days::new(60),
    );
    invoice(
        &mut store,
        "CRED",
        "Credit Co",
        "INV-C",
        today - Days::new(60),
    );
    let amount = store.currency().parse("300.00").unwrap();
    store
        .add_note(&NoteDraft {
            customer_code: "PROM".into(),
            invoice_number: None,
            channel: Channel::Call,
            direction: Direction::In,
            summary: "will pay next week".into(),
            outcome: None,
            promise: Some(Promise::single(today + Days::new(7), amount)),
            follow_up: None,
        })
        .unwrap();
    let paid = store.currency().parse("350.00").unwrap();
    store
        .post_credit(&NewCredit {
            customer: "CRED".into(),
            kind: DocKind::Payment,
            number: Some("PAY-C".into()),
            date: today - Days::new(2),
            amount: paid,
            reference: None,
            memo: None,
            apply: crate::domain::allocation::Apply::Unapplied,
        })
        .unwrap();
    (store, today)
}

#[test]
fn the_held_list_names_each_customer_held_with_the_reason() {
    let (store, today) = held_book();
    let mut app = app_on(store, today);
    let held: Vec<(String, HeldReason)> = screen(&app)
        .held
        .iter()
        .map(|h| (h.code.clone(), h.reason.clone()))
        .collect();
    let promised_until = today + Days::new(7);
    assert_eq!(
        held,
        [
            // A promise sorts before credit (a person's word, then what passes alone).
            (
                "PROM".to_string(),
                HeldReason::Promise {
                    until: promised_until
                }
            ),
            ("CRED".to_string(), HeldReason::CreditCovers),
        ]
    );
    assert!(screen(&app).due.is_empty());
    let promise_words = format!("Promised to pay by {promised_until}");
    {
        let mut ui = simulate(&app);
        ui.find("Held (2)").expect("the count of customers held");
        assert!(
            ui.find(promise_words.as_str()).is_err(),
            "folded until Show"
        );
    }
    click(&mut app, "Show");
    assert!(screen(&app).show_held);
    {
        let mut ui = simulate(&app);
        ui.find("PROM Promise Co").expect("code and name");
        ui.find(promise_words.as_str())
            .expect("the promise, in words, with its date");
        ui.find("CRED Credit Co").expect("code and name");
        ui.find("Unapplied credit covers what is overdue")
            .expect("the credit, in words");
        ui.find("300.00 overdue").expect("the amount overdue");
    }
    // A held customer is a click away from its ledger.
    click(&mut app, "CRED Credit Co");
    let open = app.open_book().unwrap();
    assert_eq!(open.tab, Tab::Ledger);
    assert_eq!(open.ledger.customer_code().as_deref(), Some("CRED"));
}

/// The sample book with letter.0.send on and C003, whose only invoice falls due in two
/// days (2026-10-26, net 30: 2026-11-25): a payment reminder is due to it.
fn reminder_app(folder: &std::path::Path) -> App {
    let mut store = crate::ui::testing::sample_store();
    store.set_setting("letter.0.send", "yes").unwrap();
    invoice(&mut store, "C003", "Soon Ltd", "INV-3", date("2026-10-26"));
    let mut app = app_on(store, date(TODAY));
    send(
        &mut app,
        AppMessage::Statements(Message::Folder(folder.display().to_string())),
    );
    app
}

#[test]
fn a_payment_reminder_is_listed_in_its_own_group_and_previewed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reminder_app(dir.path());
    let due: Vec<(String, Level)> = screen(&app)
        .due
        .iter()
        .map(|d| (d.customer.clone(), d.level))
        .collect();
    assert_eq!(
        due,
        [
            ("C001".to_string(), Level::Reminder),
            ("C003".to_string(), Level::BeforeDue)
        ]
    );
    {
        let mut ui = simulate(&app);
        ui.find("Payment reminder (before due) (1)")
            .expect("the payment reminders' group");
        ui.find("Payment reminder (before due): 1 · Level 1 friendly reminder: 1 · Level 2 second notice: 0 · Level 3 final demand: 0 · Level 4 notice before legal action: 0")
            .expect("counted with the rungs");
        ui.find("C003 · first item falls due 2026-11-25")
            .expect("the reminder in the list");
    }
    // Its group comes first: the first Preview is C003's.
    click(&mut app, "Preview");
    let preview = screen(&app).preview.as_ref().expect("the preview shows");
    assert_eq!(preview.customer_code(), "C003");
    assert_eq!(preview.letter().level, Level::BeforeDue);
    assert!(files_in(dir.path()).is_empty(), "a preview writes nothing");
    {
        let mut ui = simulate(&app);
        ui.find("INV-3").expect("the item falling due");
        ui.find("Total falling due")
            .expect("the total as the PDF prints it: nothing is overdue yet");
        assert!(ui.find("Total overdue").is_err());
    }
    click(&mut app, "Close");
    click(&mut app, "Send 2 letters…");
    simulate(&app)
        .find("Send 2 letters: 1 × payment reminder, 1 × friendly reminder, 0 × second notice, 0 × final demand, 0 × notice before legal action?")
        .expect("the confirmation counts the payment reminder");
}

#[test]
fn the_level_picker_offers_the_payment_reminder_checked_by_the_ladder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reminder_app(dir.path());
    send(
        &mut app,
        AppMessage::Statements(Message::LetterCustomer("C003".into())),
    );
    send(
        &mut app,
        AppMessage::Statements(Message::LetterLevel(LevelChoice(Level::BeforeDue))),
    );
    assert_eq!(
        crate::ui::statements::level_choices()[0],
        LevelChoice(Level::BeforeDue),
        "the picker offers level 0 first"
    );
    send(&mut app, AppMessage::Statements(Message::WriteLetter));
    let s = screen(&app);
    assert_eq!(
        files_in(dir.path()),
        [format!("C003-L0-{TODAY}.pdf")],
        "{:?} {:?}",
        s.notice,
        s.error
    );
    // The same check as any level: paused, even the payment reminder is refused.
    let mut store = crate::ui::testing::sample_store();
    store
        .pause_customer("C001", date("2026-12-31"), "moving offices")
        .unwrap();
    let mut app = app_on(store, date(TODAY));
    let other = tempfile::tempdir().unwrap();
    for message in [
        Message::Folder(other.path().display().to_string()),
        Message::LetterCustomer("C001".into()),
        Message::LetterLevel(LevelChoice(Level::BeforeDue)),
        Message::WriteLetter,
    ] {
        send(&mut app, AppMessage::Statements(message));
    }
    assert!(files_in(other.path()).is_empty(), "nothing written");
    assert!(
        screen(&app)
            .error
            .as_deref()
            .unwrap_or_default()
            .starts_with("No letter to C001: the ladder holds it"),
        "{:?}",
        screen(&app).error
    );
}

#[test]
fn with_the_held_list_open_the_confirmation_still_fits_a_small_window() {
    let (mut store, today) = held_book();
    for n in 0..30 {
        invoice(
            &mut store,
            &format!("LATE{n:02}"),
            &format!("Late {n} Ltd"),
            &format!("INV-L{n:02}"),
            today - Days::new(60),
        );
    }
    let mut app = app_on(store, today);
    assert_eq!(screen(&app).due.len(), 30);
    assert_eq!(screen(&app).held.len(), 2);
    send(&mut app, AppMessage::Statements(Message::ToggleHeld));
    let (width, height) = (1024.0, 700.0);
    {
        let mut ui = iced_test::simulator::Simulator::with_size(
            iced::Settings::default(),
            (width, height),
            app.view(),
        );
        let held = ui.find("PROM Promise Co").expect("the held list is open");
        assert!(held.visible_bounds().is_some(), "and in view");
        let send = ui.find("Send 30 letters…").expect("the send button");
        assert!(send.bounds().y + send.bounds().height <= height);
    }
    send(&mut app, AppMessage::Statements(Message::SendDue));
    let mut ui = iced_test::simulator::Simulator::with_size(
        iced::Settings::default(),
        (width, height),
        app.view(),
    );
    let confirm = ui.find("Confirm").expect("the Confirm button");
    let bounds = confirm.bounds();
    assert!(
        bounds.y + bounds.height <= height && confirm.visible_bounds().is_some(),
        "Confirm is inside the 700-pixel window: {bounds:?}"
    );
    ui.find("Held (2)").expect("the held count stays");
    assert!(
        ui.find("PROM Promise Co").is_err(),
        "the held list folds while the confirmation shows"
    );
    let first = ui.find("Preview").expect("a Preview button of the list");
    assert!(
        first.visible_bounds().is_some_and(|b| b.height > 10.0),
        "the letters due still in view"
    );
}
