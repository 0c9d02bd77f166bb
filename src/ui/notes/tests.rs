//! The notes screen and the quick entry driven through the whole app, as a user would:
//! messages sent to `App::update`, and clicks and keystrokes through iced's simulator.

use chrono::{Days, NaiveDate};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::simulator::Simulator;

use super::*;
use crate::domain::document::DocKind;
use crate::store::NewCredit;
use crate::ui::testing::{TODAY, date, sample_app, sample_store, send, settle};
use crate::ui::{App, Message as AppMessage, Tab, customers};

fn screen(app: &App) -> &Notes {
    &app.open_book().expect("a book is open").notes
}

fn entry(app: &App) -> Option<&entry::Entry> {
    app.open_book().expect("a book is open").entry.as_ref()
}

fn shown(app: &App) -> Vec<(&str, &str)> {
    screen(app)
        .visible()
        .map(|r| (r.code.as_str(), r.summary.as_str()))
        .collect()
}

/// The day notes are stamped with: they are logged "now", whatever the tests call today.
fn logged() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn note(
    store: &mut Store,
    code: &str,
    channel: Channel,
    summary: &str,
    promise: Option<(NaiveDate, &str)>,
) {
    let currency = store.currency().clone();
    store
        .add_note(&crate::domain::note::NoteDraft {
            customer_code: code.into(),
            invoice_number: None,
            channel,
            direction: Direction::Out,
            summary: summary.into(),
            outcome: None,
            promise: promise
                .map(|(date, amount)| Promise::single(date, currency.parse(amount).unwrap())),
            follow_up: None,
        })
        .unwrap();
}

fn pay(store: &mut Store, code: &str, day: NaiveDate, amount: &str) {
    let amount = store.currency().parse(amount).unwrap();
    store
        .post_credit(&NewCredit {
            customer: code.into(),
            kind: DocKind::Payment,
            number: None,
            date: day,
            amount,
            reference: None,
            memo: None,
            apply: Default::default(),
        })
        .unwrap();
}

fn app_on(store: Store, today: NaiveDate) -> App {
    let (mut app, task) = App::with_store(store, today);
    settle(&mut app, task);
    send(&mut app, AppMessage::Show(Tab::Notes));
    app
}

#[test]
fn a_note_logged_with_ctrl_l_shows_under_promise_due() {
    let mut app = sample_app();
    send(
        &mut app,
        AppMessage::Customers(customers::Message::Select(0)),
    );
    send(
        &mut app,
        AppMessage::Key(Key::Character("l".into()), Modifiers::COMMAND),
    );
    let open = entry(&app).expect("Ctrl+L opens the entry");
    assert_eq!(open.customer, "C001");
    assert_eq!(open.customer_name(), Some("Acme Ltd"));

    for message in [
        entry::Message::Summary("Called, will pay Friday".into()),
        entry::Message::PromiseDate(TODAY.into()),
        entry::Message::PromiseAmount("50.00".into()),
        entry::Message::Save,
    ] {
        send(&mut app, AppMessage::Entry(message));
    }
    assert!(entry(&app).is_none(), "saving closes the entry");
    // The entry is gone, so the sidebar says it was saved.
    let said = "Note saved for C001 · Acme Ltd.";
    assert!(
        iced_test::simulator(app.view()).find(said).is_ok(),
        "{said}"
    );
    assert_eq!(shown(&app), [("C001", "Called, will pay Friday")]);
    let row = &screen(&app).rows()[0];
    assert_eq!(row.name, "Acme Ltd");
    assert_eq!(row.promise.as_ref().unwrap().last_date(), date(TODAY));
    assert_eq!(screen(&app).count(StatusFilter::PromiseDue), 1);

    send(
        &mut app,
        AppMessage::Notes(Message::Status(StatusFilter::PromiseDue)),
    );
    assert_eq!(shown(&app), [("C001", "Called, will pay Friday")]);
    send(
        &mut app,
        AppMessage::Notes(Message::Status(StatusFilter::PromiseBroken)),
    );
    assert!(shown(&app).is_empty(), "due today is not yet broken");
    send(&mut app, AppMessage::Show(crate::ui::Tab::Aging));
    assert!(
        iced_test::simulator(app.view()).find(said).is_err(),
        "said once"
    );
}

#[test]
fn kept_broken_and_superseded_promises() {
    let mut store = sample_store();
    let day = logged();
    // C001 promised 30.00 by tomorrow and paid it today: kept.
    note(
        &mut store,
        "C001",
        Channel::Call,
        "will pay 30",
        Some((day + Days::new(1), "30.00")),
    );
    pay(&mut store, "C001", day, "30.00");
    // C002 promised 100.00 by tomorrow, paid 99.99, and was called again since.
    note(
        &mut store,
        "C002",
        Channel::Call,
        "will pay 100",
        Some((day + Days::new(1), "100.00")),
    );
    note(&mut store, "C002", Channel::Email, "reminder sent", None);
    pay(&mut store, "C002", day, "99.99");
    // Ten days on, both promise dates have passed.
    let mut app = app_on(store, day + Days::new(10));

    let standing = |app: &App, summary: &str| {
        let row = screen(app)
            .rows()
            .iter()
            .find(|r| r.summary == summary)
            .unwrap();
        list::Standing::of(row)
    };
    assert_eq!(standing(&app, "will pay 30"), Some(list::Standing::Kept));
    assert_eq!(standing(&app, "will pay 100"), Some(list::Standing::Broken));
    assert_eq!(standing(&app, "reminder sent"), None);

    send(
        &mut app,
        AppMessage::Notes(Message::Status(StatusFilter::PromiseBroken)),
    );
    assert_eq!(shown(&app), [("C002", "will pay 100")]);
    // Broken, but no longer due: something was logged for C002 since.
    send(
        &mut app,
        AppMessage::Notes(Message::Status(StatusFilter::PromiseDue)),
    );
    assert!(shown(&app).is_empty());
    assert_eq!(screen(&app).count(StatusFilter::All), 3);
}

#[test]
fn filters_by_customer_in_any_script_and_by_channel() {
    let mut store = sample_store();
    note(&mut store, "C001", Channel::Call, "left a voicemail", None);
    note(&mut store, "C002", Channel::Email, "发送了对账单", None);
    note(
        &mut store,
        "C002",
        Channel::Visit,
        "visited the office",
        None,
    );
    let mut app = app_on(store, date(TODAY));
    // Newest first.
    let summaries: Vec<&str> = shown(&app).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        summaries,
        ["visited the office", "发送了对账单", "left a voicemail"]
    );

    send(&mut app, AppMessage::Notes(Message::Search("华星".into())));
    assert_eq!(shown(&app).len(), 2);
    assert!(shown(&app).iter().all(|(code, _)| *code == "C002"));
    send(
        &mut app,
        AppMessage::Notes(Message::Channel(ChannelChoice::Only(Channel::Email))),
    );
    assert_eq!(shown(&app), [("C002", "发送了对账单")]);

    send(
        &mut app,
        AppMessage::Notes(Message::Search("  ACME ".into())),
    );
    assert!(shown(&app).is_empty(), "Acme's only note is a call");
    send(
        &mut app,
        AppMessage::Notes(Message::Channel(ChannelChoice::Only(Channel::Call))),
    );
    assert_eq!(shown(&app), [("C001", "left a voicemail")]);
    send(&mut app, AppMessage::Notes(Message::Search("c00".into())));
    send(
        &mut app,
        AppMessage::Notes(Message::Channel(ChannelChoice::All)),
    );
    assert_eq!(shown(&app).len(), 3);

    // A note filtered out of sight is no longer the one in hand.
    send(&mut app, AppMessage::Notes(Message::Select(2)));
    assert_eq!(screen(&app).selected_code().as_deref(), Some("C001"));
    send(&mut app, AppMessage::Notes(Message::Search("华星".into())));
    assert_eq!(screen(&app).selected_code(), None);
}

#[test]
fn selecting_opening_and_logging_from_the_list() {
    let mut store = sample_store();
    note(
        &mut store,
        "C002",
        Channel::Call,
        "asked for a copy of INV-2",
        None,
    );
    let mut app = app_on(store, date(TODAY));
    assert_eq!(screen(&app).selected_code(), None);
    send(&mut app, AppMessage::Notes(Message::Select(0)));
    assert_eq!(screen(&app).selected_code().as_deref(), Some("C002"));

    send(&mut app, AppMessage::Notes(Message::LogNote));
    let open = entry(&app).expect("Log a note opens the entry");
    assert_eq!(open.customer_name(), Some("深圳华星贸易"));
    send(
        &mut app,
        AppMessage::Key(Key::Named(Named::Escape), Modifiers::default()),
    );
    assert!(entry(&app).is_none(), "Esc closes the entry");

    send(&mut app, AppMessage::Notes(Message::Open(0)));
    assert_eq!(app.open_book().unwrap().tab, Tab::Ledger);
}

/// Runs what the user did in `ui` through the app.
fn feed(app: &mut App, messages: Vec<AppMessage>) {
    for message in messages {
        send(app, message);
    }
}

fn simulate(app: &App) -> Simulator<'_, AppMessage> {
    Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view())
}

#[test]
fn clicks_and_keystrokes_through_the_simulator() {
    let mut store = sample_store();
    note(
        &mut store,
        "C001",
        Channel::Call,
        "will pay today",
        Some((date(TODAY), "10.00")),
    );
    note(&mut store, "C002", Channel::Email, "statement sent", None);
    let mut app = app_on(store, date(TODAY));
    let mut ui = simulate(&app);
    ui.click("Promise due").expect("the filter button");
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    assert_eq!(screen(&app).status, StatusFilter::PromiseDue);
    assert_eq!(shown(&app), [("C001", "will pay today")]);

    // Click the note, then "Log a note": the entry opens for its customer.
    let mut ui = simulate(&app);
    ui.click("will pay today").expect("the note's row");
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    assert_eq!(screen(&app).selected_code().as_deref(), Some("C001"));
    let mut ui = simulate(&app);
    ui.click("Log a note").expect("the button");
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    assert_eq!(entry(&app).map(|e| e.customer.as_str()), Some("C001"));

    let mut ui = simulate(&app);
    ui.click(iced::widget::Id::new(entry::SUMMARY))
        .expect("the summary input");
    ui.typewrite("Called, will pay Friday");
    // Enter does nothing until the form is valid: the summary was empty when drawn.
    ui.tap_key(Named::Enter);
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    assert_eq!(
        entry(&app).map(|e| e.summary.as_str()),
        Some("Called, will pay Friday")
    );

    let mut ui = simulate(&app);
    ui.click(iced::widget::Id::new(entry::SUMMARY))
        .expect("the summary input");
    ui.tap_key(Named::Enter);
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    assert!(entry(&app).is_none(), "Enter saves and closes");
    send(
        &mut app,
        AppMessage::Notes(Message::Status(StatusFilter::All)),
    );
    assert_eq!(shown(&app)[0], ("C001", "Called, will pay Friday"));
    // The newer note supersedes the promise: no longer due.
    assert_eq!(screen(&app).count(StatusFilter::PromiseDue), 0);
}

#[test]
fn rows_show_the_first_line_cut_by_characters() {
    assert_eq!(first_line("Called.\nWill pay Friday.", 90), "Called. …");
    assert_eq!(first_line("电话催款，对方答应周五付款", 4), "电话催款…");
    assert_eq!(first_line("short", 90), "short");
}

/// A book whose C001 agreed a plan today — 30 by tomorrow, 30 in three days, 40 in
/// twenty — and paid 30 today and 10 in two days.
fn book_with_a_plan() -> Store {
    let mut store = sample_store();
    let day = logged();
    let currency = store.currency().clone();
    let parts = [(1, "30.00"), (3, "30.00"), (20, "40.00")]
        .iter()
        .map(|(days, amount)| crate::domain::note::PromisePart {
            date: day + Days::new(*days),
            amount: currency.parse(amount).unwrap(),
        })
        .collect();
    store
        .add_note(&crate::domain::note::NoteDraft {
            customer_code: "C001".into(),
            invoice_number: None,
            channel: Channel::Call,
            direction: Direction::In,
            summary: "agreed a plan".into(),
            outcome: None,
            promise: Some(Promise::new(parts).unwrap()),
            follow_up: None,
        })
        .unwrap();
    pay(&mut store, "C001", day, "30.00");
    pay(&mut store, "C001", day + Days::new(2), "10.00");
    store
}

/// A repayment plan on the notes screen: the row shows the part it waits for (which
/// of how many); once a passed part is short it is under "Promise broken"; the detail
/// panel lists every part with what was paid and its status in words.
#[test]
fn a_repayment_plan_shows_its_parts() {
    let day = logged();
    // Two days on: the first part kept, the second not yet due.
    let app = app_on(book_with_a_plan(), day + Days::new(2));
    let row = &screen(&app).rows()[0];
    assert_eq!(row.promise_date, format!("{} 2/3", day + Days::new(3)));
    assert_eq!(row.promise_amount, "30.00");
    assert_eq!(list::Standing::of(row), Some(list::Standing::Pending));
    assert_eq!(row.status.promise_status(), Some(PromiseStatus::Open));

    // Ten days on, the second part passed with 10.00 of 30.00.
    let mut app = app_on(book_with_a_plan(), day + Days::new(10));
    assert_eq!(screen(&app).count(StatusFilter::PromiseBroken), 1);
    let row = &screen(&app).rows()[0];
    assert_eq!(list::Standing::of(row), Some(list::Standing::Broken));
    let mut ui = simulate(&app);
    ui.click("agreed a plan").expect("the note's row");
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    let mut ui = simulate(&app);
    ui.find("3 parts, 100.00 in all · 40.00 paid since the note · open")
        .expect("the plan in words");
    ui.find(&*format!(
        "2. 30.00 by {} · 10.00 paid · partly kept",
        day + Days::new(3)
    ))
    .expect("the short part");
    ui.find(&*format!(
        "1. 30.00 by {} · 30.00 paid · kept",
        day + Days::new(1)
    ))
    .expect("the kept part");
}

#[test]
fn notes_of_an_older_load_never_overwrite_a_newer_ones() {
    let mut app = sample_app();
    for message in [
        entry::Message::Summary("Called, will pay Friday".into()),
        entry::Message::Save,
    ] {
        if entry(&app).is_none() {
            send(
                &mut app,
                AppMessage::Key(Key::Character("l".into()), Modifiers::COMMAND),
            );
            send(
                &mut app,
                AppMessage::Entry(entry::Message::Customer("C001".into())),
            );
        }
        send(&mut app, AppMessage::Entry(message));
    }
    assert_eq!(screen(&app).rows().len(), 1, "the note, reloaded");
    let latest = screen(&app).generation.current();
    // The load started before the note was saved arrives late, with no notes: dropped.
    send(
        &mut app,
        AppMessage::Notes(Message::Loaded(latest - 1, Ok(Vec::new()))),
    );
    assert_eq!(screen(&app).rows().len(), 1, "a stale load was taken");
    send(
        &mut app,
        AppMessage::Notes(Message::Loaded(latest, Ok(Vec::new()))),
    );
    assert!(screen(&app).rows().is_empty(), "the latest load is taken");
}

#[test]
fn promise_and_follow_up_dates_picked_on_the_calendar() {
    use crate::ui::widgets::date_picker::Message as Pick;
    let mut app = sample_app();
    send(
        &mut app,
        AppMessage::Customers(customers::Message::Select(0)),
    );
    send(
        &mut app,
        AppMessage::Key(Key::Character("l".into()), Modifiers::COMMAND),
    );
    let click = |app: &mut App, label: &str| {
        let mut ui = simulate(app);
        ui.click(label).expect(label);
        let messages: Vec<_> = ui.into_messages().collect();
        feed(app, messages);
    };
    // The promise date is empty: its calendar opens at today's month.
    send(
        &mut app,
        AppMessage::Entry(entry::Message::PromisePick(Pick::Toggle)),
    );
    assert!(simulate(&app).find("November 2026").is_ok());
    click(&mut app, "15");
    send(
        &mut app,
        AppMessage::Entry(entry::Message::FollowUpPick(Pick::Toggle)),
    );
    send(
        &mut app,
        AppMessage::Entry(entry::Message::FollowUpPick(Pick::Next)),
    );
    click(&mut app, "21");
    let open = entry(&app).expect("the entry stays open");
    assert_eq!(open.promise_date, "2026-11-15");
    assert_eq!(open.follow_up, "2026-12-21");
}

#[test]
fn esc_closes_the_note_entrys_calendar_before_the_entry() {
    use crate::ui::widgets::date_picker;
    let mut app = sample_app();
    send(
        &mut app,
        AppMessage::Key(Key::Character("l".into()), Modifiers::COMMAND),
    );
    send(
        &mut app,
        AppMessage::Entry(entry::Message::FollowUpPick(date_picker::Message::Toggle)),
    );
    let open = |app: &App| {
        entry(app).map(|e| {
            iced_test::simulator(e.view(&app.open_book().unwrap().book))
                .find("Today")
                .is_ok()
        })
    };
    assert_eq!(open(&app), Some(true), "the calendar is open");
    send(
        &mut app,
        AppMessage::Key(Key::Named(Named::Escape), Modifiers::empty()),
    );
    assert_eq!(
        open(&app),
        Some(false),
        "Esc closed the calendar, not the entry"
    );
    send(
        &mut app,
        AppMessage::Key(Key::Named(Named::Escape), Modifiers::empty()),
    );
    assert!(entry(&app).is_none(), "a second Esc closes the entry");
}
