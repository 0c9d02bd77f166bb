//! The statements and letters screen driven through the whole app: the month's batch
//! written to a folder, the letters due counted by level, previewed, confirmed before
//! anything is written and then sent once (and not again), a bad period refused; the
//! held list and the payment reminder in `tests/held_and_reminder.rs`.

mod email;
mod held_and_reminder;

use iced_test::simulator::Simulator;

use super::*;
use crate::ui::testing::{TODAY, date, sample_app, send};
use crate::ui::{App, Message as AppMessage, Tab};

fn screen(app: &App) -> &Statements {
    &app.open_book().expect("a book is open").statements
}

fn on_screen(folder: &Path) -> App {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Statements));
    send(
        &mut app,
        AppMessage::Statements(Message::Folder(folder.display().to_string())),
    );
    app
}

#[test]
fn the_months_statements_are_written_to_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    assert_eq!(screen(&app).period, "2026-10", "last month of {TODAY}");
    let hint = |app: &App, file: &str| crate::ui::testing::shows_containing(app, file);
    assert!(
        hint(&app, "(C001-2026-10.pdf)"),
        "the hint names the period's files"
    );
    send(
        &mut app,
        AppMessage::Statements(Message::Period("2026-11".into())),
    );
    assert!(hint(&app, "(C001-2026-11.pdf)") && hint(&app, "(statements-2026-11.pdf)"));
    send(&mut app, AppMessage::Statements(Message::Who(Who::All)));
    assert!(screen(&app).can_write());
    send(&mut app, AppMessage::Statements(Message::WriteStatements));
    let s = screen(&app);
    assert!(s.running.is_none());
    let notice = s.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("2 statements written for 2026-11"),
        "{notice} / {:?}",
        s.error
    );
    for file in ["C001-2026-11.pdf", "C002-2026-11.pdf"] {
        let bytes = std::fs::read(dir.path().join(file)).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{file}");
    }
    // The issued list finds a customer's by code or name, any case.
    let found = |app: &App| -> Vec<String> {
        screen(app)
            .archive_found()
            .map(|i| i.customer.clone())
            .collect()
    };
    assert_eq!(found(&app).len(), 2);
    send(
        &mut app,
        AppMessage::Statements(Message::ArchiveSearch("acme 2026-11".into())),
    );
    assert_eq!(found(&app), ["C001"]);
    send(
        &mut app,
        AppMessage::Statements(Message::ArchiveSearch("2026-09".into())),
    );
    assert!(found(&app).is_empty());
    assert!(crate::ui::testing::shows_containing(
        &app,
        "Nothing issued matches the search."
    ));
}

#[test]
fn the_letters_due_are_sent_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    // Acme's first installment fell due on 2026-10-01: 53 days by 2026-11-23, but the
    // first letter of a spell is the reminder (the ladder never skips a rung).
    let due: Vec<(String, Level)> = screen(&app)
        .due
        .iter()
        .map(|d| (d.customer.clone(), d.level))
        .collect();
    assert_eq!(due, [("C001".to_string(), Level::Reminder)]);
    let held_before = screen(&app).held.len();
    send(&mut app, AppMessage::Statements(Message::SendDue));
    send(&mut app, AppMessage::Statements(Message::ConfirmSend));
    let s = screen(&app);
    assert!(
        s.notice
            .as_deref()
            .unwrap_or_default()
            .contains("1 letter written"),
        "{:?} {:?}",
        s.notice,
        s.error
    );
    assert!(s.due.is_empty(), "a level is not sent twice");
    assert_eq!(s.held.len(), held_before + 1, "held by the interval now");
    let letter = dir.path().join(format!("C001-L1-{}.pdf", date(TODAY)));
    assert!(letter.exists(), "{}", letter.display());
    // Logged as a collection note, which the notes screen now lists.
    let notes = &app.open_book().unwrap().notes;
    assert!(
        notes
            .rows()
            .iter()
            .any(|n| n.code == "C001" && n.channel == crate::domain::note::Channel::Letter)
    );
}

#[test]
fn an_impossible_period_or_deadline_is_refused_beside_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    send(
        &mut app,
        AppMessage::Statements(Message::Period("2026-13".into())),
    );
    assert!(screen(&app).period_error().is_some());
    assert!(!screen(&app).can_write());
    send(&mut app, AppMessage::Statements(Message::WriteStatements));
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing written"
    );
    send(
        &mut app,
        AppMessage::Statements(Message::Deadline("2026-02-30".into())),
    );
    assert!(screen(&app).deadline_error().is_some());
}

#[test]
fn what_was_issued_is_listed_and_saved_again_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    send(&mut app, AppMessage::Statements(Message::Who(Who::All)));
    send(&mut app, AppMessage::Statements(Message::WriteStatements));
    let archive = &screen(&app).archive;
    assert_eq!(
        archive.len(),
        1,
        "Acme's October statement (Huaxing had nothing yet)"
    );
    let first = archive[0].clone();
    let original = std::fs::read(dir.path().join(&first.file_name)).unwrap();
    send(&mut app, AppMessage::Statements(Message::Reprint(first.id)));
    let copy = dir
        .path()
        .join(format!("reprint-{}-{}", first.id, first.file_name));
    assert_eq!(std::fs::read(&copy).unwrap(), original);
    assert!(
        screen(&app)
            .notice
            .as_deref()
            .unwrap()
            .contains("byte for byte")
    );
}

fn simulate(app: &App) -> Simulator<'_, AppMessage> {
    Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view())
}

/// Clicks the button labelled `label` on the screen as it is now and runs what follows.
fn click(app: &mut App, label: &str) {
    let messages: Vec<AppMessage> = {
        let mut ui = simulate(app);
        ui.click(label)
            .unwrap_or_else(|_| panic!("'{label}' is on the screen"));
        ui.into_messages().collect()
    };
    for message in messages {
        send(app, message);
    }
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

// C001 is 53 days late, but its first letter of this spell is the first rung.
const CONFIRMATION: &str = "Send 1 letter: 1 × friendly reminder, 0 × second notice, 0 × final demand, 0 × notice before legal action?";

#[test]
fn send_first_asks_naming_the_count_per_level_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    {
        let mut ui = simulate(&app);
        ui.find("Level 1 friendly reminder: 1 · Level 2 second notice: 0 · Level 3 final demand: 0 · Level 4 notice before legal action: 0")
            .expect("the letters due counted by level");
        assert!(
            ui.find(CONFIRMATION).is_err(),
            "no confirmation before Send"
        );
    }
    click(&mut app, "Send 1 letter…");
    assert!(screen(&app).confirming);
    simulate(&app)
        .find(CONFIRMATION)
        .expect("the confirmation names the count per level");
    assert!(files_in(dir.path()).is_empty(), "nothing written yet");
    assert!(screen(&app).archive.is_empty(), "nothing archived yet");
    assert_eq!(screen(&app).due.len(), 1, "still due");

    click(&mut app, "Cancel");
    assert!(!screen(&app).confirming);
    assert!(simulate(&app).find(CONFIRMATION).is_err());
    assert!(
        files_in(dir.path()).is_empty(),
        "cancelled: nothing written"
    );
    assert!(
        screen(&app).archive.is_empty(),
        "cancelled: nothing archived"
    );
    assert_eq!(screen(&app).due.len(), 1, "cancelled: still due");
}

#[test]
fn confirm_writes_each_letter_and_the_file_with_all_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    click(&mut app, "Send 1 letter…");
    click(&mut app, "Confirm");
    let day = date(TODAY);
    let combined = format!("letters-{day}.pdf");
    assert_eq!(
        files_in(dir.path()),
        [format!("C001-L1-{day}.pdf"), combined.clone()]
    );
    let s = screen(&app);
    assert!(!s.confirming);
    assert_eq!(
        s.letters_file.as_deref(),
        Some(dir.path().join(&combined).as_path())
    );
    assert!(
        s.notice.as_deref().unwrap_or_default().contains(&combined),
        "{:?} {:?}",
        s.notice,
        s.error
    );
    let bytes = std::fs::read(dir.path().join(&combined)).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(
        s.archive.len(),
        1,
        "the letter is archived, the print file is not"
    );
    assert!(s.due.is_empty());
    simulate(&app)
        .find(
            format!(
                "Every letter, to print in one go: {}",
                dir.path().join(&combined).display()
            )
            .as_str(),
        )
        .expect("the file with every letter is shown");
}

#[test]
fn a_letter_due_is_previewed_without_sending_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    click(&mut app, "Preview");
    let preview = screen(&app).preview.as_ref().expect("the preview shows");
    assert_eq!(preview.customer_code(), "C001");
    assert_eq!(preview.letter().level, Level::Reminder);
    assert!(preview.pdf().is_none(), "no file until Open PDF");
    // The PDF is one click away, in the preview folder, never the output folder.
    click(&mut app, "Open PDF");
    let s = screen(&app);
    let preview = s.preview.as_ref().expect("still showing");
    let path = preview
        .pdf()
        .unwrap_or_else(|| panic!("a PDF was written: {:?}", preview.error()))
        .to_path_buf();
    assert!(path.starts_with(crate::ui::letter_preview::preview_folder()));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    simulate(&app)
        .find(format!("Preview, not sent: {}", path.display()).as_str())
        .expect("where the PDF is, said");
    assert!(files_in(dir.path()).is_empty(), "nothing in the folder");
    assert!(s.archive.is_empty(), "a preview is not archived");
    assert!(
        app.open_book()
            .unwrap()
            .book
            .store()
            .issued(None)
            .unwrap()
            .is_empty(),
        "nothing in the book's archive"
    );
    assert_eq!(s.due.len(), 1, "still due");
    // Esc closes it, as Close does; still nothing sent.
    send(
        &mut app,
        AppMessage::Key(
            iced::keyboard::Key::Named(iced::keyboard::key::Named::Escape),
            iced::keyboard::Modifiers::default(),
        ),
    );
    assert!(screen(&app).preview.is_none());
    assert_eq!(screen(&app).due.len(), 1);
    click(&mut app, "Preview");
    click(&mut app, "Close");
    assert!(screen(&app).preview.is_none());
    assert!(screen(&app).archive.is_empty());
}

#[test]
fn the_preview_shows_the_customer_an_item_and_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    click(&mut app, "Preview");
    let letter = screen(&app).preview.as_ref().unwrap().letter().clone();
    // Acme's first two installments of INV-1 are past due on 2026-11-23.
    let numbers: Vec<String> = letter
        .items
        .iter()
        .map(|i| format!("{}/{}", i.number, i.seq))
        .collect();
    assert_eq!(numbers, ["INV-1/1", "INV-1/2"]);
    let mut ui = simulate(&app);
    ui.find("Acme Ltd").expect("the addressee's name");
    ui.find("INV-1/1").expect("an item's number");
    ui.find("INV-1/2").expect("the other item's number");
    ui.find("Total overdue").expect("the total's label");
    ui.find(format!("USD {}", letter.currency.display(letter.total_overdue)).as_str())
        .expect("the total overdue");
    ui.find(letter.title.as_str()).expect("the letter's title");
    ui.find("Send this letter").expect("the send button");
}

#[test]
fn a_letter_is_sent_from_its_preview() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_screen(dir.path());
    click(&mut app, "Preview");
    click(&mut app, "Send this letter");
    let s = screen(&app);
    assert!(s.preview.is_none(), "closed once sent");
    let day = date(TODAY);
    assert_eq!(
        files_in(dir.path()),
        [format!("C001-L1-{day}.pdf"), format!("letters-{day}.pdf")],
        "{:?} {:?}",
        s.notice,
        s.error
    );
    assert_eq!(s.archive.len(), 1, "archived as any letter sent");
    assert!(s.due.is_empty(), "not due again");
}

/// The sample book with 40 more customers each overdue since October: 41 letters due.
fn many_due() -> App {
    use crate::domain::customer::CustomerDraft;
    use crate::domain::document::DocKind;
    use crate::domain::terms::Plan;
    let mut store = crate::ui::testing::sample_store();
    let usd = store.currency().clone();
    for n in 100..140 {
        let code = format!("C{n}");
        store
            .add_customer(&CustomerDraft {
                code: code.clone(),
                name: format!("Customer {n} Ltd"),
                ..Default::default()
            })
            .unwrap();
        store
            .post_debit(&crate::store::NewDebit {
                customer: code,
                kind: DocKind::Invoice,
                number: Some(format!("INV-{n}")),
                date: date("2026-09-15"),
                amount: usd.parse("120.00").unwrap(),
                terms: None,
                due: None,
                plan: Plan::Single,
                reference: None,
                memo: None,
            })
            .unwrap();
    }
    let (mut app, task) = App::with_store(store, date(TODAY));
    crate::ui::testing::settle(&mut app, task);
    send(&mut app, AppMessage::Show(Tab::Statements));
    app
}

#[test]
fn the_confirmation_fits_a_small_window_with_the_list_scrolling_above_it() {
    let mut app = many_due();
    assert_eq!(screen(&app).due.len(), 41);
    send(&mut app, AppMessage::Statements(Message::SendDue));
    let (width, height) = (1024.0, 700.0);
    let mut ui = Simulator::with_size(iced::Settings::default(), (width, height), app.view());
    let confirm = ui.find("Confirm").expect("the Confirm button");
    let bounds = confirm.bounds();
    assert!(
        bounds.y + bounds.height <= height && confirm.visible_bounds().is_some(),
        "Confirm is inside the 700-pixel window: {bounds:?}"
    );
    // The list of who gets a letter is still there, shrunk to scroll above it.
    let first = ui.find("Preview").expect("a Preview button of the list");
    let shown = first
        .visible_bounds()
        .expect("the first letter due is in view");
    assert!(
        shown.height > 10.0 && shown.y + shown.height < bounds.y,
        "{shown:?} above {bounds:?}"
    );
    // And it does confirm from there.
    let messages: Vec<AppMessage> = {
        ui.click("Confirm").expect("clickable");
        ui.into_messages().collect()
    };
    assert!(
        messages
            .iter()
            .any(|m| matches!(m, AppMessage::Statements(Message::ConfirmSend)))
    );
}

#[test]
fn counts_are_grouped_in_thousands() {
    assert_eq!(due::count_text(0), "0");
    assert_eq!(due::count_text(819), "819");
    assert_eq!(due::count_text(2299), "2,299");
    assert_eq!(due::count_text(1234567), "1,234,567");
}

#[test]
fn the_confirmation_warns_of_unmatched_money_in_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::ui::testing::sample_store();
    // Seven payments in from payers the book does not know, kept unmatched.
    let mut csv = String::from("Date,Payer,Details,Amount\n");
    for n in 1..=7 {
        csv.push_str(&format!(
            "2026-11-{:02},Stranger {n},gift box,{n}0.00\n",
            n + 10
        ));
    }
    let plan = crate::import::prepare(
        &store,
        "bank.csv",
        csv.as_bytes(),
        &crate::import::Hints::default(),
        None,
    )
    .unwrap();
    let decisions = crate::import::default_decisions(&plan, 0.9);
    crate::import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    crate::ui::testing::settle(&mut app, task);
    send(&mut app, AppMessage::Show(Tab::Statements));
    send(
        &mut app,
        AppMessage::Statements(Message::Folder(dir.path().display().to_string())),
    );
    assert_eq!(screen(&app).unmatched.len(), 7);
    let warning = "7 unmatched bank payments in: reconcile first, so nobody is chased for money already received (Import: assign each row to its customer).";
    assert!(
        simulate(&app).find(warning).is_err(),
        "only in the confirmation"
    );
    click(&mut app, "Send 1 letter…");
    let mut ui = simulate(&app);
    ui.find(warning).expect("the warning above Confirm");
    let first = &screen(&app).unmatched[0];
    ui.find(format!(
        "2026-11-11 · 10.00 · Stranger 1: gift box · row {}",
        first.row
    ))
    .expect("the first row listed");
    ui.find("… and 2 more payments").expect("the rest counted");
}

#[test]
fn one_letter_by_hand_is_refused_with_the_reason_while_the_ladder_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::ui::testing::sample_store();
    store
        .pause_customer("C001", date("2026-11-30"), "owner in hospital")
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    crate::ui::testing::settle(&mut app, task);
    send(&mut app, AppMessage::Show(Tab::Statements));
    send(
        &mut app,
        AppMessage::Statements(Message::Folder(dir.path().display().to_string())),
    );
    send(
        &mut app,
        AppMessage::Statements(Message::LetterCustomer("C001".into())),
    );
    send(&mut app, AppMessage::Statements(Message::WriteLetter));
    let s = screen(&app);
    assert_eq!(
        s.error.as_deref(),
        Some(
            "No letter to C001: the ladder holds it (paused until 2026-11-30: owner in hospital)."
        ),
        "{:?}",
        s.notice
    );
    assert!(files_in(dir.path()).is_empty(), "nothing written");
    assert!(s.archive.is_empty(), "nothing archived");
}

#[test]
fn a_stale_list_of_letters_due_or_preview_is_dropped() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Statements));
    let due = screen(&app).due.len();
    assert!(due > 0, "the sample book has letters due");
    let latest = screen(&app).due_generation.current();
    // A load from before the last reload arrives late, saying nothing is due.
    let nothing = held::LettersToday::default();
    send(
        &mut app,
        AppMessage::Statements(Message::DueLoaded(latest - 1, Ok(nothing))),
    );
    assert_eq!(screen(&app).due.len(), due, "a stale list was taken");
    // A preview asked for before the last one is dropped too.
    let code = screen(&app).due[0].customer.clone();
    send(
        &mut app,
        AppMessage::Statements(Message::Preview(code.clone())),
    );
    send(&mut app, AppMessage::Statements(Message::Preview(code)));
    let asked = screen(&app).preview_generation.current();
    send(
        &mut app,
        AppMessage::Statements(Message::PreviewLoaded(asked - 1, Err("old".into()))),
    );
    assert_ne!(screen(&app).error.as_deref(), Some("old"));
}
