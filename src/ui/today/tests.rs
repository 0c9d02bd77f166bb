//! The Today screen driven through the whole app, as a user would with the keyboard:
//! the book opens on it, rows are grouped, and each action key does its thing and takes
//! the row off the list.

use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::simulator::Simulator;

use super::*;
use crate::domain::allocation::Apply;
use crate::domain::document::DocKind;
use crate::store::NewCredit;
use crate::ui::testing::{date, sample_app, sample_store, send, settle};
use crate::ui::{App, Message as AppMessage, Tab};

mod email;
mod risk;

fn screen(app: &App) -> &Today {
    &app.open_book().expect("a book is open").today
}

fn press(app: &mut App, key: Key) {
    send(app, AppMessage::Key(key, Modifiers::empty()));
}

fn letter(app: &mut App, c: &str) {
    press(app, Key::Character(c.into()));
}

fn down(app: &mut App) {
    press(app, Key::Named(Named::ArrowDown));
}

fn kinds(app: &App) -> Vec<(WorkKind, String)> {
    let today = screen(app);
    today
        .lines
        .iter()
        .filter_map(|line| match line {
            Line::Item { index, .. } => {
                let item = &today.list.as_ref().unwrap().items[*index];
                Some((item.kind, item.customer.clone()))
            }
            Line::Group { .. } => None,
        })
        .collect()
}

/// The sample book plus 40.00 paid by Acme and left unapplied: credit beside overdue.
fn app_with_credit() -> App {
    let mut store = sample_store();
    store
        .post_credit(&NewCredit {
            customer: "C001".into(),
            kind: DocKind::Payment,
            number: Some("PAY-9".into()),
            date: date("2026-11-20"),
            amount: store.currency().parse("40.00").unwrap(),
            reference: None,
            memo: None,
            apply: Apply::Unapplied,
        })
        .unwrap();
    let (mut app, task) = App::with_store(store, date(crate::ui::testing::TODAY));
    settle(&mut app, task);
    app
}

/// Letters sent from Today go to the Statements & letters folder: `folder`, on Today.
fn write_letters_to(app: &mut App, folder: &std::path::Path) {
    send(
        app,
        AppMessage::Statements(crate::ui::statements::Message::Folder(
            folder.display().to_string(),
        )),
    );
    send(app, AppMessage::Show(Tab::Today));
}

/// A message to the form open on Today.
fn form(app: &mut App, message: forms::Message) {
    send(app, AppMessage::Today(Message::Form(message)));
}

fn simulate(app: &App) -> Simulator<'_, AppMessage> {
    Simulator::with_size(iced::Settings::default(), (1024.0, 700.0), app.view())
}

#[test]
fn the_book_opens_on_today_with_the_worklist_grouped() {
    let app = sample_app();
    let open = app.open_book().unwrap();
    assert_eq!(open.tab, Tab::Today);
    // Acme's first installment is 53 days late: its first letter (level 1) is due.
    assert_eq!(kinds(&app), vec![(WorkKind::LetterDue, "C001".to_string())]);
    let today = screen(&app);
    assert!(matches!(
        today.lines[0],
        Line::Group {
            kind: WorkKind::LetterDue,
            count: 1,
            ..
        }
    ));
    let totals = today.list.as_ref().unwrap().totals;
    // Two installments (33.34 and 33.33 of 100.00 in three) are past due by 2026-11-23.
    assert_eq!(app.open_book().unwrap().book.money(totals.overdue), "66.67");
    let mut ui = simulate(&app);
    for words in [
        "Today",
        "Letters due (1)",
        "C001 · Acme Ltd",
        "Overdue",
        "66.67",
    ] {
        assert!(ui.find(words).is_ok(), "'{words}' is on the screen");
    }
}

#[test]
fn the_first_row_is_selected_and_enter_does_its_first_action() {
    let mut app = sample_app();
    assert_eq!(
        screen(&app).selected,
        Some(1),
        "the first row, under its heading"
    );
    // A letter row's first action is its preview: nothing is written.
    press(&mut app, Key::Named(Named::Enter));
    let preview = screen(&app)
        .preview
        .as_ref()
        .expect("the letter, as it prints");
    assert_eq!(
        preview.letter().level,
        crate::domain::letters::Level::Reminder
    );
    assert!(preview.letter().items.iter().any(|i| i.number == "INV-1"));
    {
        let mut ui = simulate(&app);
        for words in ["Acme Ltd", "INV-1/1", "Send this letter"] {
            assert!(ui.find(words).is_ok(), "'{words}' is on the preview");
        }
    }
    let open = app.open_book().unwrap();
    assert!(open.book.store().issued(None).unwrap().is_empty());
    press(&mut app, Key::Named(Named::Escape));
    assert!(screen(&app).preview.is_none());
    assert_eq!(kinds(&app), vec![(WorkKind::LetterDue, "C001".to_string())]);
}

#[test]
fn send_from_the_preview_asks_first_and_enter_confirms() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    write_letters_to(&mut app, dir.path());
    letter(&mut app, "v");
    send(
        &mut app,
        AppMessage::Today(Message::Preview(crate::ui::letter_preview::Message::Send)),
    );
    assert!(screen(&app).preview.is_none());
    assert!(matches!(screen(&app).form, Some(Form::Send { .. })));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing yet"
    );
    press(&mut app, Key::Named(Named::Enter));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    assert!(kinds(&app).is_empty());
}

#[test]
fn l_logs_a_call_for_the_rows_customer() {
    let mut app = sample_app();
    letter(&mut app, "l");
    let entry = app
        .open_book()
        .unwrap()
        .entry
        .as_ref()
        .expect("the note form");
    assert_eq!(entry.customer, "C001");
    assert_eq!(entry.customer_name(), Some("Acme Ltd"));
}

#[test]
fn a_applies_credit_and_the_row_goes_at_once() {
    let mut app = app_with_credit();
    assert!(kinds(&app).contains(&(WorkKind::ApplyCredit, "C001".into())));
    let line = screen(&app)
        .lines
        .iter()
        .position(|l| {
            matches!(
                l,
                Line::Group {
                    kind: WorkKind::ApplyCredit,
                    ..
                }
            )
        })
        .unwrap();
    send(&mut app, AppMessage::Today(Message::Select(line + 1)));
    letter(&mut app, "a");
    assert!(
        screen(&app)
            .notice
            .as_deref()
            .unwrap()
            .contains("Applied 40.00"),
        "{:?}",
        screen(&app).notice
    );
    assert!(!kinds(&app).contains(&(WorkKind::ApplyCredit, "C001".into())));
    let store = app.open_book().unwrap().book.store();
    let customer = store.customer("C001").unwrap();
    let context = crate::report::statement::Context::new(store, date("2026-11-23"), None).unwrap();
    assert!(context.unapplied_credit(customer.id).is_zero());
}

#[test]
fn d_opens_a_dispute_and_the_customer_is_no_longer_dunned_for_it() {
    let mut app = sample_app();
    letter(&mut app, "d");
    let choices = match &screen(&app).form {
        Some(Form::Dispute { choices, .. }) => choices.clone(),
        other => panic!("the dispute form, not {other:?}"),
    };
    assert_eq!(choices[0].item, None, "the whole invoice first");
    // Empty reason: refused at the form, nothing written.
    form(&mut app, forms::Message::Submit);
    assert!(matches!(
        &screen(&app).form,
        Some(Form::Dispute { error: Some(_), .. })
    ));
    assert!(
        app.open_book()
            .unwrap()
            .book
            .store()
            .disputes(true)
            .unwrap()
            .is_empty()
    );
    send(
        &mut app,
        AppMessage::Today(Message::Form(forms::Message::Reason(
            "goods damaged".into(),
        ))),
    );
    form(&mut app, forms::Message::Submit);
    assert!(screen(&app).form.is_none());
    let disputes = app
        .open_book()
        .unwrap()
        .book
        .store()
        .disputes(true)
        .unwrap();
    assert_eq!(disputes.len(), 1);
    assert_eq!(disputes[0].invoice, "INV-1");
    // Every overdue item is disputed: no letter, the dispute is listed instead.
    assert_eq!(
        kinds(&app),
        vec![(WorkKind::DisputeOpen, "C001".to_string())]
    );
    // R resolves it with a credit note, read by the book's amount parser.
    letter(&mut app, "r");
    for message in [
        forms::Message::Outcome("agreed a discount".into()),
        forms::Message::Credit("12,50".into()),
        forms::Message::Submit,
    ] {
        form(&mut app, message);
    }
    match &screen(&app).form {
        Some(Form::Resolve { error: Some(e), .. }) => assert!(e.starts_with("Credit"), "{e}"),
        other => panic!("12,50 is refused in a decimal-point book, not {other:?}"),
    }
    send(
        &mut app,
        AppMessage::Today(Message::Form(forms::Message::Credit("12.50".into()))),
    );
    form(&mut app, forms::Message::Submit);
    let dispute = app
        .open_book()
        .unwrap()
        .book
        .store()
        .dispute(disputes[0].id)
        .unwrap();
    assert!(!dispute.is_open());
    assert_eq!(
        dispute.credit.map(|(_, a)| a.to_string()),
        Some("12.50".into())
    );
}

#[test]
fn h_pauses_the_letters_until_a_date() {
    let mut app = sample_app();
    letter(&mut app, "h");
    for message in [
        forms::Message::Until("2026-11-01".into()),
        forms::Message::Reason("owner on holiday".into()),
        forms::Message::Submit,
    ] {
        form(&mut app, message);
    }
    match &screen(&app).form {
        Some(Form::Pause { error: Some(e), .. }) => assert!(e.contains("2026-11-23"), "{e}"),
        other => panic!("a past date is refused, not {other:?}"),
    }
    send(
        &mut app,
        AppMessage::Today(Message::Form(forms::Message::Until("2026-12-07".into()))),
    );
    form(&mut app, forms::Message::Submit);
    let pauses = app
        .open_book()
        .unwrap()
        .book
        .store()
        .customer_pauses()
        .unwrap();
    assert_eq!(pauses["C001"].until, date("2026-12-07"));
    assert!(
        kinds(&app).is_empty(),
        "the letter is held: {:?}",
        kinds(&app)
    );
}

#[test]
fn s_sends_the_letter_only_once_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    write_letters_to(&mut app, dir.path());
    letter(&mut app, "s");
    assert!(matches!(screen(&app).form, Some(Form::Send { .. })));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing yet"
    );
    {
        let mut ui = simulate(&app);
        assert!(ui.find("Send").is_ok());
    }
    press(&mut app, Key::Named(Named::Enter));
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files, vec!["C001-L1-2026-11-23.pdf".to_string()]);
    let issued = app.open_book().unwrap().book.store().issued(None).unwrap();
    assert_eq!(issued.len(), 1);
    assert!(
        kinds(&app).is_empty(),
        "the next rung waits for the interval"
    );
}

#[test]
fn p_records_a_payment_and_comes_back_to_today() {
    let mut app = sample_app();
    letter(&mut app, "p");
    let open = app.open_book().unwrap();
    assert_eq!(open.tab, Tab::Ledger);
    assert_eq!(open.ledger.customer_code().as_deref(), Some("C001"));
    assert_eq!(
        open.ledger.form_kind(),
        Some(crate::ui::ledger::FormKind::Payment)
    );
    for message in [
        crate::ui::ledger::credit::Message::Amount("66.67".into()),
        crate::ui::ledger::credit::Message::Save,
    ] {
        send(
            &mut app,
            AppMessage::Ledger(crate::ui::ledger::Message::Credit(message)),
        );
    }
    // Posted: Today shows again, reloaded, and Acme is no longer late.
    assert_eq!(app.open_book().unwrap().tab, Tab::Today);
    assert!(kinds(&app).is_empty(), "{:?}", kinds(&app));
}

#[test]
fn a_letter_key_typed_into_a_field_is_not_an_action() {
    // The subscription drops plain letters a focused field used; what reaches the app
    // is only what no widget took. Here: the dispute form is open, so keys do nothing.
    let mut app = sample_app();
    letter(&mut app, "d");
    letter(&mut app, "s");
    assert!(matches!(screen(&app).form, Some(Form::Dispute { .. })));
}

#[test]
fn arrows_skip_group_headings() {
    let mut app = app_with_credit();
    let lines = screen(&app).lines.len();
    assert!(lines >= 4, "two groups with a row each");
    for _ in 0..lines {
        down(&mut app);
        let at = screen(&app).selected.unwrap();
        assert!(matches!(screen(&app).lines[at], Line::Item { .. }));
    }
    for _ in 0..lines {
        press(&mut app, Key::Named(Named::ArrowUp));
        let at = screen(&app).selected.unwrap();
        assert!(matches!(screen(&app).lines[at], Line::Item { .. }));
    }
    assert_eq!(screen(&app).selected, Some(1));
}

#[test]
fn a_stale_load_never_overwrites_a_newer_one() {
    let mut app = sample_app();
    let stale = Worklist {
        date: date("2020-01-01"),
        items: Vec::new(),
        totals: Default::default(),
        risks: Default::default(),
    };
    send(
        &mut app,
        AppMessage::Today(Message::Loaded(0, Box::new(Ok(stale)))),
    );
    assert_eq!(screen(&app).date(), Some(date("2026-11-23")));
}

#[test]
fn ctrl_0_shows_today() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Customers));
    send(
        &mut app,
        AppMessage::Key(Key::Character("0".into()), Modifiers::COMMAND),
    );
    assert_eq!(app.open_book().unwrap().tab, Tab::Today);
}

#[test]
fn a_payment_reminder_row_previews_and_sends_the_level_0_letter() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store();
    // INV-3, net 30 from 2026-10-26: due 2026-11-25, within the three days before.
    store
        .post_debit(&crate::store::NewDebit {
            customer: "C002".into(),
            kind: DocKind::Invoice,
            number: Some("INV-3".into()),
            date: date("2026-10-26"),
            amount: store.currency().parse("80.00").unwrap(),
            terms: None,
            due: None,
            plan: crate::domain::terms::Plan::Single,
            reference: None,
            memo: None,
        })
        .unwrap();
    let (mut app, task) = App::with_store(store, date(crate::ui::testing::TODAY));
    settle(&mut app, task);
    write_letters_to(&mut app, dir.path());
    assert!(kinds(&app).contains(&(WorkKind::ReminderDue, "C002".into())));
    let line = screen(&app)
        .lines
        .iter()
        .position(|l| {
            matches!(
                l,
                Line::Group {
                    kind: WorkKind::ReminderDue,
                    ..
                }
            )
        })
        .unwrap();
    send(&mut app, AppMessage::Today(Message::Select(line + 1)));
    letter(&mut app, "v");
    let preview = screen(&app)
        .preview
        .as_ref()
        .expect("the reminder, as it prints");
    assert_eq!(
        preview.letter().level,
        crate::domain::letters::Level::BeforeDue
    );
    assert!(preview.letter().items.iter().any(|i| i.number == "INV-3"));
    press(&mut app, Key::Named(Named::Escape));
    letter(&mut app, "s");
    press(&mut app, Key::Named(Named::Enter));
    assert!(dir.path().join("C002-L0-2026-11-23.pdf").exists());
    let issued = app.open_book().unwrap().book.store().issued(None).unwrap();
    assert_eq!(issued.len(), 1);
    assert_eq!(
        issued[0].level,
        Some(crate::domain::letters::Level::BeforeDue)
    );
}

#[test]
fn sending_to_a_customer_the_ladder_holds_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    write_letters_to(&mut app, dir.path());
    letter(&mut app, "s");
    // Paused behind the screen's back (the CLI, another window) before confirming.
    app_store(&mut app)
        .pause_customer("C001", date("2026-12-31"), "owner away")
        .unwrap();
    press(&mut app, Key::Named(Named::Enter));
    match &screen(&app).form {
        Some(Form::Send { error: Some(e), .. }) => assert!(e.contains("paused"), "{e}"),
        other => panic!("refused with the reason, not {other:?}"),
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

fn app_store(app: &mut App) -> &mut crate::store::Store {
    app.open_book_mut()
        .expect("a book is open")
        .book
        .store_mut()
}

#[test]
fn interest_due_is_shown_first_and_charged_once_on_confirmation() {
    let mut store = sample_store();
    store.set_setting("fee.annual_rate", "12").unwrap();
    let (mut app, task) = App::with_store(store, date(crate::ui::testing::TODAY));
    settle(&mut app, task);
    let fees = |app: &App| {
        let mut n = 0;
        app.open_book()
            .unwrap()
            .book
            .store()
            .documents(|doc| n += usize::from(doc.kind == DocKind::Fee))
            .unwrap();
        n
    };
    send(&mut app, AppMessage::Today(Message::ChargeInterest));
    let charges = match &screen(&app).form {
        Some(Form::Interest { charges, .. }) => charges.clone(),
        other => panic!("the charges first, not {other:?}"),
    };
    // Acme's two installments past due: 10-01 and 11-01.
    assert_eq!(charges.len(), 2, "{charges:?}");
    assert!(charges.iter().all(|c| c.customer == "C001"));
    assert_eq!(fees(&app), 0, "nothing posted before the confirmation");
    {
        let mut ui = simulate(&app);
        assert!(ui.find("Charge").is_ok());
    }
    press(&mut app, Key::Named(Named::Enter));
    assert_eq!(fees(&app), 1, "one fee document for the customer");
    let notice = screen(&app).notice.clone().unwrap_or_default();
    assert!(notice.contains("on 1 fee document."), "{notice}");
    assert!(
        kinds(&app).contains(&(WorkKind::LetterDue, "C001".into())),
        "no row was taken off the list: {:?}",
        kinds(&app)
    );
    // Again the same day: nothing more to charge, and Charge is off.
    send(&mut app, AppMessage::Today(Message::ChargeInterest));
    assert!(
        matches!(&screen(&app).form, Some(Form::Interest { charges, .. }) if charges.is_empty())
    );
    press(&mut app, Key::Named(Named::Enter));
    assert_eq!(fees(&app), 1);
}

#[test]
fn a_letter_on_a_book_file_is_written_on_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("today.owed");
    let mut store =
        crate::store::Store::init(&path, &crate::store::BookSettings::default()).unwrap();
    store
        .add_customer(&crate::domain::customer::CustomerDraft {
            code: "C001".into(),
            name: "Acme Ltd".into(),
            ..Default::default()
        })
        .unwrap();
    store
        .post_debit(&crate::store::NewDebit {
            customer: "C001".into(),
            kind: DocKind::Invoice,
            number: Some("INV-1".into()),
            date: date("2026-09-01"),
            amount: store.currency().parse("100.00").unwrap(),
            terms: None,
            due: None,
            plan: crate::domain::terms::Plan::Single,
            reference: None,
            memo: None,
        })
        .unwrap();
    let (mut app, task) = App::with_store(store, date(crate::ui::testing::TODAY));
    settle(&mut app, task);
    let out = dir.path().join("letters");
    write_letters_to(&mut app, &out);
    assert_eq!(kinds(&app), vec![(WorkKind::LetterDue, "C001".to_string())]);
    letter(&mut app, "s");
    let task = app.update(AppMessage::Today(Message::Form(forms::Message::Submit)));
    assert!(
        screen(&app).running,
        "the letter is written off the UI thread"
    );
    settle(&mut app, task);
    assert!(!screen(&app).running);
    assert!(out.join("C001-L1-2026-11-23.pdf").exists());
    let issued = app.open_book().unwrap().book.store().issued(None).unwrap();
    assert_eq!(
        issued.len(),
        1,
        "archived through the worker's own connection"
    );
    assert!(kinds(&app).is_empty(), "{:?}", kinds(&app));
}
