//! The ladder's rules on a real book: the spell of lateness across an item paid while a
//! later one stays overdue.

use crate::common::helpers::{book, credit, customer, d, invoice, m};

use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::letters::Level;
use owed::domain::terms::{Plan, Terms};
use owed::report::letters::{self, LetterRequest};
use owed::store::Store;

fn net30() -> Terms {
    "net 30".parse().unwrap()
}

fn post_invoice(store: &mut Store, code: &str, number: &str, date: &str, amount: &str) {
    let amount = m(store, amount);
    store
        .post_debit(&invoice(code, number, date, amount, net30(), Plan::Single))
        .unwrap();
}

fn send(store: &mut Store, code: &str, level: Level, date: &str) {
    let out = tempfile::tempdir().unwrap();
    letters::issue_letter(
        store,
        &LetterRequest {
            customer: code.into(),
            level,
            date: d(date),
            deadline: None,
            locale: None,
        },
        out.path(),
        false,
    )
    .unwrap();
}

#[test]
fn paying_the_oldest_item_while_a_later_one_stays_overdue_keeps_the_spell() {
    let mut store = book();
    customer(&mut store, "C1");
    // INV-1 falls due 2026-08-31, INV-2 2026-10-01.
    post_invoice(&mut store, "C1", "INV-1", "2026-08-01", "300.00");
    post_invoice(&mut store, "C1", "INV-2", "2026-09-01", "200.00");
    send(&mut store, "C1", Level::Reminder, "2026-09-05");
    // INV-1 is paid on 2026-10-20, when INV-2 has been overdue since 10-02: the customer
    // was late every day from 09-01 on, one spell.
    let amount = m(&store, "300.00");
    store
        .post_credit(&credit(
            "C1",
            DocKind::Payment,
            "PAY-1",
            "2026-10-20",
            amount,
            Apply::OldestFirst,
        ))
        .unwrap();
    let run = letters::letter_run(&store, d("2026-11-23")).unwrap();
    assert_eq!(run.due.len(), 1, "{run:?}");
    let due = &run.due[0];
    // Before the fix the spell began at INV-2's due date, the 09-05 letter fell out of
    // it, and the ladder started again at level 1.
    assert_eq!(due.level, Level::SecondNotice);
    assert_eq!(due.oldest_due, d("2026-10-01"));
    assert_eq!(due.reason, "53 days overdue, level 1 sent 2026-09-05");

    // A second customer paid its first invoice on 09-30, before the second fell due
    // (nothing overdue on 10-01): the lateness from 10-02 on is a new spell, level 1.
    customer(&mut store, "C2");
    post_invoice(&mut store, "C2", "INV-3", "2026-08-01", "300.00");
    post_invoice(&mut store, "C2", "INV-4", "2026-09-01", "200.00");
    send(&mut store, "C2", Level::Reminder, "2026-09-05");
    let amount = m(&store, "300.00");
    store
        .post_credit(&credit(
            "C2",
            DocKind::Payment,
            "PAY-2",
            "2026-09-30",
            amount,
            Apply::OldestFirst,
        ))
        .unwrap();
    let run = letters::letter_run(&store, d("2026-11-23")).unwrap();
    let c2 = run.due.iter().find(|d| d.customer == "C2").unwrap();
    assert_eq!(c2.level, Level::Reminder);
}
