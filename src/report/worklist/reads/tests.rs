//! The overview's one aging, shared by the customer list and the worklist, checked
//! against the reads it replaces: the customer list's own read, and the letter ladder
//! on an aging with every item's number.

use chrono::Days;

use super::*;
use crate::domain::Money;
use crate::report::letters::letter_run;
use crate::report::worklist::WorkKind;
use crate::report::worklist::tests::{add, book, invoice, money};
use crate::store::NewDispute;

/// The worklist's small book, plus what the numbers looked up later must get right: two
/// items falling due on the same day posted out of number order (the reminder names
/// them in number order), and a dispute on the older of two overdue invoices (the
/// ladder leaves it out).
fn shared_book() -> (Store, NaiveDate) {
    let (mut store, run) = book();
    add(&mut store, "SAMEDAY");
    invoice(&mut store, "SAMEDAY", "INV-Z2", run + Days::new(1), "20.00");
    invoice(&mut store, "SAMEDAY", "INV-Z1", run + Days::new(1), "10.00");
    add(&mut store, "DISPUTE");
    invoice(
        &mut store,
        "DISPUTE",
        "INV-D1",
        run - Days::new(40),
        "400.00",
    );
    invoice(
        &mut store,
        "DISPUTE",
        "INV-D2",
        run - Days::new(15),
        "250.00",
    );
    store
        .open_dispute(&NewDispute {
            invoice: "INV-D1".into(),
            item: None,
            reason: "damaged".into(),
        })
        .unwrap();
    (store, run)
}

#[test]
fn the_shared_aging_gives_the_customer_list_of_its_own_read() {
    let (store, run) = shared_book();
    let (work, list) = worklist_and_customers(&store, run).unwrap();
    let alone = crate::report::customer_list(&store, run).unwrap();
    assert_eq!(format!("{list:?}"), format!("{alone:?}"));
    assert!(list.iter().any(|s| s.unapplied.is_positive()));
    assert!(list.iter().any(|s| s.overdue.is_positive()));
    assert_eq!(work, worklist(&store, run).unwrap());
}

#[test]
fn the_numbers_looked_up_later_give_what_every_items_number_gave() {
    let (store, run) = shared_book();
    let work = worklist(&store, run).unwrap();
    // The ladder on the numbered aging (`letters --due`) decides as the worklist's.
    let letters: Vec<_> = letter_run(&store, run)
        .unwrap()
        .due
        .into_iter()
        .filter(|d| d.level.is_rung())
        .map(|d| (d.customer, d.net_overdue, d.oldest_due, d.level.number()))
        .collect();
    let rows: Vec<_> = work
        .items
        .iter()
        .filter(|i| i.kind == WorkKind::LetterDue)
        .map(|i| {
            (
                i.customer.clone(),
                i.amount.unwrap(),
                i.date.unwrap(),
                i.level.unwrap(),
            )
        })
        .collect();
    let mut sorted = rows.clone();
    sorted.sort();
    let mut letters_sorted = letters.clone();
    letters_sorted.sort();
    assert_eq!(sorted, letters_sorted);
    // DISPUTE is dunned for INV-D2 only, from its due date.
    assert!(
        rows.contains(&(
            "DISPUTE".into(),
            money("250.00"),
            run - Days::new(15),
            rows.iter().find(|r| r.0 == "DISPUTE").unwrap().3
        )),
        "{rows:?}"
    );
    let row = |kind: WorkKind, code: &str| {
        work.items
            .iter()
            .find(|i| i.kind == kind && i.customer == code)
            .unwrap_or_else(|| panic!("no {kind:?} row for {code}: {:?}", work.items))
    };
    assert_eq!(
        row(WorkKind::DisputeOpen, "DISPUTE").amount,
        Some(money("400.00"))
    );
    assert_eq!(work.totals.disputed, money("400.00"));
    let reminder = row(WorkKind::ReminderDue, "SAMEDAY");
    assert_eq!(reminder.amount, Some(money("30.00")));
    assert!(
        reminder.reason.starts_with("INV-Z1, INV-Z2 falling due"),
        "{}",
        reminder.reason
    );
    let net: Money = row(WorkKind::LetterDue, "DISPUTE").net_overdue;
    assert_eq!(net, money("250.00"));
}
