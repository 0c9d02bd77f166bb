//! Early-payment discount terms (`2/10 net 30`, `1/15 eom 30`): a payment inside the
//! window that covers the invoice less the discount posts the discount as its own
//! credit document, allocated to the invoice, in the payment's transaction; none after
//! the window, on installments or on fees, or when the bookkeeper refuses it; voiding
//! the payment or the invoice voids the discount too; interest never runs on the part a
//! discount settled. Where discounts show (command line, bank import, statements, loads)
//! is in `surfaces`; `owed check` through random histories in `property`.

mod property;
mod surfaces;

use owed::domain::Money;
use owed::domain::allocation::Apply;
use owed::domain::document::{DocKind, Side};
use owed::domain::terms::{Plan, Terms};
use owed::store::{Discounting, NewDebit, Posted, Store, VoidRequest};

use crate::common::helpers::{book, credit, customer, d, invoice, m};

pub(super) fn terms(text: &str) -> Terms {
    text.parse().unwrap()
}

/// ACME with INV-1 of 1,000.00 dated 2026-10-01 on `terms_text`.
pub(super) fn acme(terms_text: &str) -> Store {
    let mut store = book();
    customer(&mut store, "ACME");
    let amount = m(&store, "1000");
    store
        .post_debit(&invoice(
            "ACME",
            "INV-1",
            "2026-10-01",
            amount,
            terms(terms_text),
            Plan::Single,
        ))
        .unwrap();
    store
}

pub(super) fn pay(
    store: &mut Store,
    number: &str,
    date: &str,
    amount: &str,
    apply: Apply,
) -> Posted {
    let amount = m(store, amount);
    store
        .post_credit(&credit(
            "ACME",
            DocKind::Payment,
            number,
            date,
            amount,
            apply,
        ))
        .unwrap()
}

/// What is open now on `number`, over all its items.
pub(super) fn open(store: &Store, number: &str) -> String {
    let id = store.find_customer("ACME").unwrap().unwrap().id;
    let open: Money = store
        .open_items_now(id)
        .unwrap()
        .into_iter()
        .filter(|i| i.number == number)
        .map(|i| i.open)
        .sum();
    store.currency().plain(open)
}

pub(super) fn assert_clean(store: &Store) {
    let violations = store.check(d("2027-12-31")).unwrap();
    assert!(violations.is_empty(), "{violations:?}");
}

#[test]
fn a_payment_in_the_window_posts_the_discount_allocated_to_the_invoice() {
    let mut store = acme("2/10 net 30");
    // The last day of the window: ten days after the invoice date.
    let posted = pay(&mut store, "PAY-1", "2026-10-11", "980", Apply::OldestFirst);
    assert_eq!(posted.discounts.len(), 1, "{posted:?}");
    let taken = &posted.discounts[0];
    assert_eq!(
        (taken.invoice.as_str(), taken.terms.as_str()),
        ("INV-1", "2/10 net 30")
    );
    assert_eq!(store.currency().plain(taken.amount), "20.00");
    assert!(posted.unapplied.is_zero());
    let discount = store.document(&taken.number).unwrap();
    assert_eq!(discount.kind, DocKind::Discount);
    assert_eq!(discount.side, Side::Credit);
    assert_eq!(discount.number, "DISC-000001");
    assert_eq!(discount.date, d("2026-10-11"));
    assert_eq!(discount.reference.as_deref(), Some("PAY-1"));
    let memo = discount.memo.unwrap();
    assert!(
        memo.contains("INV-1") && memo.contains("2/10 net 30"),
        "{memo}"
    );
    assert_eq!(open(&store, "INV-1"), "0.00");
    // The discount is allocated to the invoice, on the payment's date.
    let mut rows = Vec::new();
    store
        .allocations(d("2026-12-31"), |row| {
            rows.push((row.credit, row.item, row.date, row.amount))
        })
        .unwrap();
    assert!(
        rows.contains(&(
            "DISC-000001".into(),
            "INV-1".into(),
            d("2026-10-11"),
            m(&store, "20")
        )),
        "{rows:?}"
    );
    assert_clean(&store);
}

#[test]
fn after_the_window_no_discount_applies() {
    let mut store = acme("2/10 net 30");
    let posted = pay(&mut store, "PAY-1", "2026-10-12", "980", Apply::OldestFirst);
    assert!(posted.discounts.is_empty());
    assert_eq!(open(&store, "INV-1"), "20.00");
    assert!(store.document("DISC-000001").is_err());
    assert_clean(&store);
}

#[test]
fn a_payment_short_of_the_discounted_amount_earns_nothing() {
    let mut store = acme("2/10 net 30");
    let posted = pay(
        &mut store,
        "PAY-1",
        "2026-10-05",
        "979.99",
        Apply::OldestFirst,
    );
    assert!(posted.discounts.is_empty());
    assert_eq!(open(&store, "INV-1"), "20.01");
}

#[test]
fn paying_more_than_the_discounted_amount_still_earns_it_and_leaves_credit() {
    let mut store = acme("2/10 net 30");
    let posted = pay(&mut store, "PAY-1", "2026-10-03", "990", Apply::OldestFirst);
    assert_eq!(posted.discounts.len(), 1);
    assert_eq!(store.currency().plain(posted.unapplied), "10.00");
    assert_eq!(open(&store, "INV-1"), "0.00");
    assert_clean(&store);
}

#[test]
fn part_payments_in_the_window_that_reach_the_discounted_amount_earn_it() {
    let mut store = acme("2/10 net 30");
    assert!(
        pay(&mut store, "PAY-1", "2026-10-02", "500", Apply::OldestFirst)
            .discounts
            .is_empty()
    );
    let second = pay(&mut store, "PAY-2", "2026-10-09", "480", Apply::OldestFirst);
    assert_eq!(second.discounts.len(), 1);
    assert_eq!(store.currency().plain(second.discounts[0].amount), "20.00");
    assert_eq!(open(&store, "INV-1"), "0.00");
    assert_clean(&store);
}

#[test]
fn the_bookkeeper_can_refuse_the_discount() {
    let mut store = acme("2/10 net 30");
    let amount = m(&store, "980");
    let posted = store
        .post_credit_with(
            &credit(
                "ACME",
                DocKind::Payment,
                "PAY-1",
                "2026-10-05",
                amount,
                Apply::OldestFirst,
            ),
            Discounting::Refuse,
        )
        .unwrap();
    assert!(posted.discounts.is_empty());
    assert_eq!(open(&store, "INV-1"), "20.00");
}

#[test]
fn credit_notes_and_write_offs_never_earn_a_discount() {
    let mut store = acme("2/10 net 30");
    let amount = m(&store, "980");
    let posted = store
        .post_credit(&credit(
            "ACME",
            DocKind::Credit,
            "CN-1",
            "2026-10-05",
            amount,
            Apply::OldestFirst,
        ))
        .unwrap();
    assert!(posted.discounts.is_empty());
    assert_eq!(open(&store, "INV-1"), "20.00");
}

#[test]
fn an_explicit_allocation_earns_the_discount_on_the_invoice_it_names() {
    let mut store = acme("net 30");
    let amount = m(&store, "500");
    store
        .post_debit(&invoice(
            "ACME",
            "INV-2",
            "2026-10-02",
            amount,
            terms("2/10 net 30"),
            Plan::Single,
        ))
        .unwrap();
    // INV-1 is older, but the payment names INV-2: 2% of 500 is 10.
    let posted = pay(
        &mut store,
        "PAY-1",
        "2026-10-05",
        "490",
        Apply::Explicit(vec![("INV-2".into(), None)]),
    );
    assert_eq!(posted.discounts.len(), 1);
    assert_eq!(open(&store, "INV-2"), "0.00");
    assert_eq!(open(&store, "INV-1"), "1000.00");
    // With an amount named: what is asked beyond the discounted amount stays unapplied.
    let mut store = acme("2/10 net 30");
    let asked = m(&store, "990");
    let posted = pay(
        &mut store,
        "PAY-1",
        "2026-10-05",
        "1000",
        Apply::Explicit(vec![("INV-1".into(), Some(asked))]),
    );
    assert_eq!(posted.discounts.len(), 1);
    assert_eq!(store.currency().plain(posted.unapplied), "20.00");
    assert_clean(&store);
}

#[test]
fn installments_and_fees_never_earn_a_discount() {
    let mut store = book();
    customer(&mut store, "ACME");
    let amount = m(&store, "1000");
    let posted = store
        .post_debit(&invoice(
            "ACME",
            "INV-1",
            "2026-10-01",
            amount,
            terms("2/10 net 30"),
            Plan::Installments(2),
        ))
        .unwrap();
    assert!(
        posted.warnings[0]
            .to_string()
            .contains("INV-1 earns no early-payment discount (2/10 net 30)"),
        "{:?}",
        posted.warnings
    );
    let posted = pay(&mut store, "PAY-1", "2026-10-03", "980", Apply::OldestFirst);
    assert!(posted.discounts.is_empty());
    assert_eq!(open(&store, "INV-1"), "20.00");
    let fee = NewDebit {
        kind: DocKind::Fee,
        ..invoice(
            "ACME",
            "FEE-1",
            "2026-10-01",
            m(&store, "100"),
            terms("2/10 net 30"),
            Plan::Single,
        )
    };
    store.post_debit(&fee).unwrap();
    let posted = pay(&mut store, "PAY-2", "2026-10-03", "118", Apply::OldestFirst);
    assert!(posted.discounts.is_empty(), "{posted:?}");
    assert_clean(&store);
}

#[test]
fn a_discount_is_never_more_than_is_open() {
    let mut store = acme("2/10 net 30");
    let amount = m(&store, "990");
    store
        .post_credit(&credit(
            "ACME",
            DocKind::Credit,
            "CN-1",
            "2026-10-02",
            amount,
            Apply::OldestFirst,
        ))
        .unwrap();
    // 10 open, a discount of 20: the payment settles it and no discount is posted.
    let posted = pay(&mut store, "PAY-1", "2026-10-05", "10", Apply::OldestFirst);
    assert!(posted.discounts.is_empty());
    assert_eq!(open(&store, "INV-1"), "0.00");
    assert_clean(&store);
}

#[test]
fn end_of_month_terms_count_from_the_end_of_the_invoices_month() {
    let mut store = book();
    customer(&mut store, "ACME");
    let amount = m(&store, "500");
    let posted = store
        .post_debit(&invoice(
            "ACME",
            "INV-1",
            "2024-02-10",
            amount,
            terms("1/15 eom 30"),
            Plan::Single,
        ))
        .unwrap();
    // Due 30 days after 2024-02-29 (a leap year), the discount until 15 days after it.
    assert_eq!(posted.items[0].1, d("2024-03-30"));
    store
        .post_debit(&invoice(
            "ACME",
            "INV-2",
            "2024-02-10",
            amount,
            terms("1/15 eom 30"),
            Plan::Single,
        ))
        .unwrap();
    let late = pay(
        &mut store,
        "PAY-1",
        "2024-03-16",
        "495",
        Apply::Explicit(vec![("INV-1".into(), None)]),
    );
    assert!(late.discounts.is_empty());
    let in_time = pay(
        &mut store,
        "PAY-2",
        "2024-03-15",
        "495",
        Apply::Explicit(vec![("INV-2".into(), None)]),
    );
    assert_eq!(store.currency().plain(in_time.discounts[0].amount), "5.00");
    assert_eq!(open(&store, "INV-2"), "0.00");
    assert_clean(&store);
}

#[test]
fn voiding_the_payment_voids_its_discount_in_the_same_transaction() {
    let mut store = acme("2/10 net 30");
    pay(&mut store, "PAY-1", "2026-10-05", "980", Apply::OldestFirst);
    let void = store
        .void(&VoidRequest {
            number: "PAY-1".into(),
            date: Some(d("2026-10-20")),
            reason: Some("cheque bounced".into()),
        })
        .unwrap();
    assert_eq!(void.also_voided, ["DISC-000001"]);
    let discount = store.document("DISC-000001").unwrap();
    assert_eq!(discount.voided_by.as_deref(), Some("VOID-DISC-000001"));
    let its_void = store.document("VOID-DISC-000001").unwrap();
    assert_eq!(its_void.date, d("2026-10-20"));
    assert!(its_void.memo.unwrap().contains("cheque bounced"));
    assert_eq!(open(&store, "INV-1"), "1000.00");
    assert_clean(&store);
    // A void dated before the payment's allocations is refused, and nothing is voided.
    let mut store = acme("2/10 net 30");
    pay(&mut store, "PAY-1", "2026-10-05", "980", Apply::OldestFirst);
    let early = store.void(&VoidRequest {
        number: "PAY-1".into(),
        date: Some(d("2026-10-04")),
        reason: None,
    });
    assert!(early.is_err());
    assert_eq!(store.document("DISC-000001").unwrap().voided_by, None);
    assert_eq!(open(&store, "INV-1"), "0.00");
}

#[test]
fn voiding_the_invoice_voids_its_discount_and_leaves_the_payment_as_credit() {
    let mut store = acme("2/10 net 30");
    pay(&mut store, "PAY-1", "2026-10-05", "980", Apply::OldestFirst);
    let void = store
        .void(&VoidRequest {
            number: "INV-1".into(),
            date: Some(d("2026-10-06")),
            reason: None,
        })
        .unwrap();
    assert_eq!(void.also_voided, ["DISC-000001"]);
    let id = store.find_customer("ACME").unwrap().unwrap().id;
    assert!(store.open_items_now(id).unwrap().is_empty());
    let mut unapplied = Vec::new();
    store
        .unapplied_as_of(d("2026-10-06"), owed::store::AgingInput::Full, |row| {
            unapplied.push((row.number.clone(), row.unapplied))
        })
        .unwrap();
    assert_eq!(unapplied, [("PAY-1".to_string(), m(&store, "980"))]);
    assert_clean(&store);
}

#[test]
fn a_discount_voided_alone_reopens_the_invoice_for_its_amount() {
    let mut store = acme("2/10 net 30");
    pay(&mut store, "PAY-1", "2026-10-05", "980", Apply::OldestFirst);
    let void = store
        .void(&VoidRequest {
            number: "DISC-000001".into(),
            date: Some(d("2026-10-06")),
            reason: Some("paid after the window in fact".into()),
        })
        .unwrap();
    assert!(void.also_voided.is_empty());
    assert_eq!(open(&store, "INV-1"), "20.00");
    assert_eq!(store.document("PAY-1").unwrap().voided_by, None);
    // The payment can be voided later without touching the discount again.
    store
        .void(&VoidRequest {
            number: "PAY-1".into(),
            date: Some(d("2026-10-07")),
            reason: None,
        })
        .unwrap();
    assert_eq!(open(&store, "INV-1"), "1000.00");
    assert_clean(&store);
}

#[test]
fn interest_never_runs_on_the_part_a_discount_settled() {
    let mut store = acme("2/10 net 30");
    store.set_setting("fee.annual_rate", "12").unwrap();
    let amount = m(&store, "1000");
    store
        .post_debit(&invoice(
            "ACME",
            "INV-2",
            "2026-10-01",
            amount,
            terms("2/10 net 30"),
            Plan::Single,
        ))
        .unwrap();
    pay(
        &mut store,
        "PAY-1",
        "2026-10-05",
        "980",
        Apply::Explicit(vec![("INV-1".into(), None)]),
    );
    // INV-2 paid the same, after its window: 20 stays open and earns interest.
    pay(
        &mut store,
        "PAY-2",
        "2026-10-20",
        "980",
        Apply::Explicit(vec![("INV-2".into(), None)]),
    );
    let charges = store.fees_due(d("2026-12-31")).unwrap();
    assert!(charges.iter().all(|c| c.number != "INV-1"), "{charges:?}");
    assert!(charges.iter().any(|c| c.number == "INV-2"), "{charges:?}");
}
