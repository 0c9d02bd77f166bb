//! The statements and letters screen driven through the whole app: the month's batch
//! written to a folder, the letters due sent once (and not again), a bad period refused.

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
    send(
        &mut app,
        AppMessage::Statements(Message::Period("2026-11".into())),
    );
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
    let held_before = screen(&app).held;
    send(&mut app, AppMessage::Statements(Message::SendDue));
    let s = screen(&app);
    assert!(
        s.notice
            .as_deref()
            .unwrap_or_default()
            .contains("1 letters written"),
        "{:?} {:?}",
        s.notice,
        s.error
    );
    assert!(s.due.is_empty(), "a level is not sent twice");
    assert_eq!(s.held, held_before + 1, "held by the interval now");
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
