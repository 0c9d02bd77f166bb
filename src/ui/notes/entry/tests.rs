//! The quick entry's checks, and saving through the book.
use super::*;
use crate::store::NoteFilter;
use crate::ui::testing::{TODAY, date, sample_store};

fn book() -> Book {
    Book::new(sample_store(), date(TODAY))
}

fn send(entry: &mut Entry, book: &mut Book, message: Message) -> Option<Event> {
    entry.update(message, book).1
}

fn notes(book: &Book) -> usize {
    book.store().notes(&NoteFilter::default()).unwrap().len()
}

#[test]
fn fields_are_checked_as_typed_and_nothing_saves_until_valid() {
    let mut book = book();
    let (mut entry, _) = Entry::new(None, &book);
    let problems = entry.draft().unwrap_err();
    assert!(problems.customer.is_some());
    assert!(problems.summary.is_some());

    send(&mut entry, &mut book, Message::Customer("C999".into()));
    assert!(
        entry
            .draft()
            .unwrap_err()
            .customer
            .unwrap()
            .contains("C999")
    );
    send(&mut entry, &mut book, Message::Customer(" C002 ".into()));
    assert_eq!(entry.customer_name(), Some("深圳华星贸易"));
    send(
        &mut entry,
        &mut book,
        Message::PromiseDate("2026-13-01".into()),
    );
    send(
        &mut entry,
        &mut book,
        Message::PromiseAmount("12.345".into()),
    );
    send(&mut entry, &mut book, Message::FollowUp("soon".into()));
    send(&mut entry, &mut book, Message::Invoice("INV-1".into()));
    let problems = entry.draft().unwrap_err();
    assert_eq!(
        problems.summary.as_deref(),
        Some("the summary must not be empty")
    );
    assert!(problems.promise_date.unwrap().contains("2026-13-01"));
    assert!(problems.promise_amount.unwrap().contains("decimals"));
    assert!(problems.follow_up.is_some());
    assert!(
        problems.invoice.unwrap().contains("C001"),
        "INV-1 is Acme's"
    );
    assert_eq!(send(&mut entry, &mut book, Message::Save), None);

    // A promise is a date and an amount, or neither.
    send(
        &mut entry,
        &mut book,
        Message::Summary("电话催款，对方答应周五付款".into()),
    );
    send(
        &mut entry,
        &mut book,
        Message::PromiseDate("2026-11-27".into()),
    );
    send(&mut entry, &mut book, Message::PromiseAmount(String::new()));
    send(&mut entry, &mut book, Message::FollowUp(String::new()));
    send(&mut entry, &mut book, Message::Invoice("INV-2".into()));
    let problems = entry.draft().unwrap_err();
    assert!(problems.promise_amount.is_some() && problems.promise_date.is_none());
    send(&mut entry, &mut book, Message::PromiseAmount("0".into()));
    assert!(entry.draft().unwrap_err().promise_amount.is_some());
    assert_eq!(send(&mut entry, &mut book, Message::Save), None);
    assert_eq!(notes(&book), 0);

    entry.promise_amount = "250".into();
    let draft = entry.draft().unwrap();
    assert_eq!(draft.customer_code, "C002");
    assert_eq!(draft.promise.unwrap().total().to_string(), "250.00");
    assert_eq!(draft.invoice_number.as_deref(), Some("INV-2"));
    assert_eq!(
        entry.update(Message::Save, &mut book).1,
        Some(Event::Noted("Note saved for C002 · 深圳华星贸易.".into()))
    );
    let saved = book.store().notes(&NoteFilter::default()).unwrap();
    assert_eq!(saved[0].summary, "电话催款，对方答应周五付款");
    assert_eq!(saved[0].invoice.as_deref(), Some("INV-2"));
}

#[test]
fn cancel_closes_and_a_known_customer_is_found_at_once() {
    let mut book = book();
    let (mut entry, _) = Entry::new(Some("C001".into()), &book);
    assert_eq!(entry.customer_name(), Some("Acme Ltd"));
    assert_eq!(entry.channel, Channel::Call);
    assert_eq!(entry.direction, Direction::Out);
    assert_eq!(
        entry.update(Message::Cancel, &mut book).1,
        Some(Event::Close)
    );
}

/// The promise date field takes a whole repayment plan (the `--promise` parser); a bad
/// plan is refused at that field, an amount beside a plan at the amount field.
#[test]
fn the_promise_field_takes_a_repayment_plan() {
    let mut book = book();
    let (mut entry, _) = Entry::new(None, &book);
    send(&mut entry, &mut book, Message::Customer("C002".into()));
    send(
        &mut entry,
        &mut book,
        Message::Summary("agreed a plan".into()),
    );
    send(
        &mut entry,
        &mut book,
        Message::PromiseDate("2026-12-10:300,2026-12-01:300".into()),
    );
    let problems = entry.draft().unwrap_err();
    let refused = problems.promise_date.unwrap();
    assert!(refused.contains("must go forward"), "{refused}");
    assert!(problems.promise_amount.is_none());

    send(
        &mut entry,
        &mut book,
        Message::PromiseDate("2026-12-10:300,2027-01-10:1,000.50".into()),
    );
    send(&mut entry, &mut book, Message::PromiseAmount("300".into()));
    let problems = entry.draft().unwrap_err();
    assert!(problems.promise_amount.is_some() && problems.promise_date.is_none());

    send(&mut entry, &mut book, Message::PromiseAmount(String::new()));
    let promise = entry.draft().unwrap().promise.unwrap();
    assert_eq!(promise.parts().len(), 2);
    assert_eq!(promise.total().to_string(), "1300.50");
    assert_eq!(
        entry.update(Message::Save, &mut book).1,
        Some(Event::Noted("Note saved for C002 · 深圳华星贸易.".into()))
    );
    let saved = book.store().notes(&NoteFilter::default()).unwrap();
    assert_eq!(saved[0].promise.as_ref(), Some(&promise));
}
