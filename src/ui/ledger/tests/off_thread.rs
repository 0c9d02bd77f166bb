//! Posting from the ledger's forms happens off the UI thread: while another writer holds
//! the book (an import being written), pressing Post returns at once, the form says it
//! is working, and the document is posted once the book is free.

use iced::keyboard::{Key, Modifiers};

use super::*;
use crate::domain::customer::CustomerDraft;
use crate::store::{Access, BookSettings, Store};
use crate::ui::headless::settle;

#[test]
fn post_returns_at_once_while_another_writer_holds_the_book() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("book.owed");
    let mut store = Store::open_or_create(&path, Access::Write, &BookSettings::default()).unwrap();
    store
        .add_customer(&CustomerDraft {
            code: "C001".into(),
            name: "Acme Ltd".into(),
            ..Default::default()
        })
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C001");
    send(
        &mut app,
        AppMessage::Key(Key::Character("n".into()), Modifiers::CTRL),
    );
    send(
        &mut app,
        AppMessage::Ledger(Message::Debit(debit::Message::Amount("100.00".into()))),
    );

    // Another writer takes the book and keeps it.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    // Posting on the UI thread would wait out the busy timeout here and fail with
    // "database is locked"; off it, the update returns with the work pending.
    let pending = app.update(AppMessage::Ledger(Message::Debit(debit::Message::Save)));
    assert_eq!(
        ledger(&app).form_kind(),
        Some(FormKind::Invoice),
        "still open"
    );
    let working = iced_test::simulator(app.view()).find("Working…").is_ok();
    assert!(working, "the form says it is posting");
    // A second Post meanwhile is not taken.
    let again = app.update(AppMessage::Ledger(Message::Debit(debit::Message::Save)));
    assert!(crate::ui::headless::outputs(again).is_empty());

    other.execute_batch("ROLLBACK").unwrap();
    settle(&mut app, pending);
    assert_eq!(ledger(&app).form_kind(), None, "posted and closed");
    let notice = ledger(&app).notice().unwrap_or_default().to_string();
    assert!(notice.contains("posted: 100.00"), "{notice}");
    let data = ledger(&app).data().unwrap();
    assert_eq!(data.balance.to_string(), "100.00", "reloaded after posting");
}
