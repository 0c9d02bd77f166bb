//! The spell of lateness across items paid meanwhile: the unbroken stretch of overdue
//! days reaches back over an item paid while a later one stays overdue, so the ladder
//! goes on climbing instead of starting again at level 1. A property over invoices paid
//! oldest first, and a worked case on a real book.

use crate::common::helpers::{book, credit, customer, d, invoice, m};

use chrono::{Days, NaiveDate};
use owed::domain::Money;
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::ladder::{
    CustomerFacts, LadderRules, OpenItem, Outcome, SentLetter, SettledItem, decide,
};
use owed::domain::letters::Level;
use owed::domain::terms::{Plan, Terms};
use owed::report::letters::{self, LetterRequest};
use owed::store::Store;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(offset: u64) -> NaiveDate {
    d("2026-01-01") + Days::new(offset)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Invoices falling due one after another and paid oldest first, each paid only
    /// after the next has fallen due: the customer is overdue every day, so it is one
    /// spell, and its letters climb one rung at a time without ever starting again.
    #[test]
    fn paying_oldest_first_while_later_items_stay_overdue_never_restarts_the_ladder(
        gaps in prop::collection::vec(1u64..20, 2..12),
        lags in prop::collection::vec(0u64..10, 12),
        interval in 0i64..10,
    ) {
        let rules = LadderRules { interval_days: interval, ..LadderRules::default() };
        // (due, paid) per invoice, by day number; the last stays open.
        let mut invoices: Vec<(u64, Option<u64>)> = Vec::new();
        let mut due = 0;
        for gap in &gaps {
            due += gap;
            invoices.push((due, None));
        }
        // Invoice k is paid once invoice k+1 has been overdue for a day or more.
        for k in 0..invoices.len() - 1 {
            let paid = invoices[k + 1].0 + 2 + lags[k];
            let after_previous = if k == 0 { 0 } else { invoices[k - 1].1.unwrap() + 1 };
            invoices[k].1 = Some(paid.max(after_previous));
        }
        let open = Money(Decimal::new(10_000, 2));
        let mut sent: Vec<SentLetter> = Vec::new();
        let first_due = invoices[0].0;
        for offset in first_due..first_due + 400 {
            let date = day(offset);
            let items: Vec<OpenItem> = invoices
                .iter()
                .filter(|(_, paid)| paid.is_none_or(|p| date < day(p)))
                .map(|&(due, _)| OpenItem { due: day(due), open, disputed: false })
                .collect();
            let settled: Vec<SettledItem> = invoices
                .iter()
                .filter_map(|&(due, paid)| paid.map(|p| (due, p)))
                .filter(|&(_, p)| day(p) <= date)
                .map(|(due, p)| SettledItem { due: day(due), settled: day(p) })
                .collect();
            let facts = CustomerFacts {
                items: &items,
                credit: Money::ZERO,
                letters: &sent,
                settled: &settled,
                promises: &[],
                pause: None,
            };
            if let Some(decision) = decide(date, &facts, &rules)
                && let Outcome::Due { level, .. } = decision.outcome
            {
                sent.push(SentLetter { level, date });
            }
        }
        let levels: Vec<u8> = sent.iter().map(|s| s.level.number()).collect();
        prop_assert!(!levels.is_empty());
        let expected: Vec<u8> = (1..=levels.len() as u8).collect();
        prop_assert_eq!(levels, expected, "{:?}", sent);
    }
}

fn post_invoice(store: &mut Store, code: &str, number: &str, date: &str, amount: &str) {
    let amount = m(store, amount);
    let net30: Terms = "net 30".parse().unwrap();
    store
        .post_debit(&invoice(code, number, date, amount, net30, Plan::Single))
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
            email: false,
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
    assert_eq!(
        due.reason.to_string(),
        "53 days overdue, level 1 sent 2026-09-05"
    );

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
