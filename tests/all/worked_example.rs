//! One customer, written out by hand: an invoice of 100.00 in 3 installments, a partial
//! payment, a credit note and a void — aging as of three dates, to the cent.

use crate::common::helpers as common;

use common::*;
use owed::domain::aging::{Basis, Buckets};
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::terms::{Plan, Terms};
use owed::report::{self, AgingOptions};
use owed::store::VoidRequest;

fn aging_as_of(store: &owed::store::Store, date: &str) -> (String, Vec<String>, String) {
    let aging = report::aging(
        store,
        &AgingOptions {
            as_of: d(date),
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: false,
        },
    )
    .unwrap();
    let currency = store.currency();
    let rows = aging.rows();
    let Some((_, _, row)) = rows.first() else {
        return ("0.00".into(), vec!["0.00".into(); 5], "0.00".into());
    };
    (
        currency.plain(row.balance),
        row.amounts.iter().map(|a| currency.plain(*a)).collect(),
        currency.plain(row.unapplied),
    )
}

#[test]
fn three_installments_partial_payment_credit_note_and_void() {
    let mut store = book();
    customer(&mut store, "C001");
    // 100.00 net 30 from 2026-09-01 in 3 installments: 33.34 due 10-01, 33.33 due 11-01, 33.33 due 12-01.
    let hundred = m(&store, "100.00");
    let posted = store
        .post_debit(&invoice(
            "C001",
            "INV-1",
            "2026-09-01",
            hundred,
            Terms::Net(30),
            Plan::Installments(3),
        ))
        .unwrap();
    let parts: Vec<String> = posted
        .items
        .iter()
        .map(|(_, due, a)| format!("{due} {}", store.currency().plain(*a)))
        .collect();
    assert_eq!(
        parts,
        ["2026-10-01 33.34", "2026-11-01 33.33", "2026-12-01 33.33"]
    );

    // 50.00 paid 2026-10-05, oldest first: 33.34 to the first, 16.66 to the second.
    let fifty = m(&store, "50.00");
    let payment = store
        .post_credit(&credit(
            "C001",
            DocKind::Payment,
            "PAY-1",
            "2026-10-05",
            fifty,
            Apply::OldestFirst,
        ))
        .unwrap();
    assert_eq!(payment.allocations.len(), 2);
    assert_eq!(store.currency().plain(payment.allocations[1].2), "16.66");

    // Credit note of 10.00 on 2026-10-20 goes to the second installment too.
    let ten = m(&store, "10.00");
    store
        .post_credit(&credit(
            "C001",
            DocKind::Credit,
            "CN-1",
            "2026-10-20",
            ten,
            Apply::OldestFirst,
        ))
        .unwrap();

    // The cheque bounces: the payment is voided on 2026-11-10.
    store
        .void(&VoidRequest {
            number: "PAY-1".into(),
            date: Some(d("2026-11-10")),
            reason: Some("bounced".into()),
        })
        .unwrap();

    // As of 2026-10-15: first installment paid; second 16.67 open, third 33.33, both current.
    let (balance, buckets, unapplied) = aging_as_of(&store, "2026-10-15");
    assert_eq!(balance, "50.00");
    assert_eq!(buckets, ["50.00", "0.00", "0.00", "0.00", "0.00"]);
    assert_eq!(unapplied, "0.00");

    // As of 2026-11-05: the credit note is in; the second installment (6.67) is 4 days late.
    let (balance, buckets, _) = aging_as_of(&store, "2026-11-05");
    assert_eq!(balance, "40.00");
    assert_eq!(buckets, ["33.33", "6.67", "0.00", "0.00", "0.00"]);

    // As of 2026-12-15, after the void: the payment no longer counts.
    // 33.34 due 10-01 is 75 days late, 23.33 due 11-01 is 44 days late, 33.33 due 12-01 is 14 days late.
    let (balance, buckets, _) = aging_as_of(&store, "2026-12-15");
    assert_eq!(balance, "90.00");
    assert_eq!(buckets, ["0.00", "33.33", "23.33", "33.34", "0.00"]);

    // The void, dated after 2026-11-05, does not change that date's report.
    assert_eq!(aging_as_of(&store, "2026-11-05").0, "40.00");

    // The ledger tells the same story.
    let (_, ledger) = report::customer_ledger(&store, "C001", None, None).unwrap();
    let balances: Vec<String> = ledger
        .entries
        .iter()
        .map(|e| store.currency().plain(e.balance))
        .collect();
    assert_eq!(balances, ["100.00", "50.00", "40.00", "90.00"]);
    assert!(store.check(d("2026-12-15")).unwrap().is_empty());
}

#[test]
fn overpayment_stays_unapplied_and_can_be_refunded() {
    let mut store = book();
    customer(&mut store, "C002");
    let amount = m(&store, "80.00");
    store
        .post_debit(&invoice(
            "C002",
            "INV-7",
            "2026-10-01",
            amount,
            Terms::Net(14),
            Plan::Single,
        ))
        .unwrap();
    let paid = m(&store, "100.00");
    let posted = store
        .post_credit(&credit(
            "C002",
            DocKind::Payment,
            "PAY-7",
            "2026-10-10",
            paid,
            Apply::OldestFirst,
        ))
        .unwrap();
    assert_eq!(store.currency().plain(posted.unapplied), "20.00");
    let (balance, _, unapplied) = aging_as_of(&store, "2026-10-31");
    assert_eq!((balance.as_str(), unapplied.as_str()), ("-20.00", "-20.00"));

    let too_much = m(&store, "25.00");
    let refund = owed::store::NewRefund {
        customer: "C002".into(),
        number: None,
        date: d("2026-11-02"),
        amount: too_much,
        of: Some("PAY-7".into()),
        reference: None,
        memo: None,
    };
    assert!(store.post_refund(&refund).is_err());
    let refund = owed::store::NewRefund {
        amount: m(&store, "20.00"),
        ..refund
    };
    store.post_refund(&refund).unwrap();
    assert_eq!(aging_as_of(&store, "2026-11-05").0, "0.00");
    // Before the refund the credit is still there.
    assert_eq!(aging_as_of(&store, "2026-11-01").2, "-20.00");
    assert!(store.check(d("2026-11-05")).unwrap().is_empty());
}

#[test]
fn explicit_allocation_write_off_and_invoice_void() {
    let mut store = book();
    customer(&mut store, "C003");
    for (number, date) in [("INV-A", "2026-06-01"), ("INV-B", "2026-07-01")] {
        let amount = m(&store, "300.00");
        store
            .post_debit(&invoice(
                "C003",
                number,
                date,
                amount,
                Terms::Net(30),
                Plan::Single,
            ))
            .unwrap();
    }
    let apply = Apply::parse("INV-B:200", store.currency()).unwrap();
    let amount = m(&store, "250.00");
    let posted = store
        .post_credit(&credit(
            "C003",
            DocKind::Payment,
            "PAY-B",
            "2026-08-01",
            amount,
            apply,
        ))
        .unwrap();
    assert_eq!(
        posted.allocations,
        vec![("INV-B".to_string(), 1, m(&store, "200.00"))]
    );
    assert_eq!(store.currency().plain(posted.unapplied), "50.00");

    // Over-allocation is refused and nothing is written.
    let apply = Apply::parse("INV-B:101", store.currency()).unwrap();
    let amount = m(&store, "500.00");
    assert!(
        store
            .post_credit(&credit(
                "C003",
                DocKind::Payment,
                "PAY-X",
                "2026-08-02",
                amount,
                apply
            ))
            .is_err()
    );
    assert!(store.document("PAY-X").is_err());

    let apply = Apply::parse("INV-A", store.currency()).unwrap();
    let amount = m(&store, "300.00");
    store
        .post_credit(&credit(
            "C003",
            DocKind::WriteOff,
            "WO-A",
            "2026-09-30",
            amount,
            apply,
        ))
        .unwrap();

    // Voiding INV-B frees the 200.00 paid on it: the customer has 250.00 of credit.
    store
        .void(&VoidRequest {
            number: "INV-B".into(),
            date: Some(d("2026-10-01")),
            reason: None,
        })
        .unwrap();
    let (balance, buckets, unapplied) = aging_as_of(&store, "2026-10-02");
    assert_eq!(balance, "-250.00");
    assert_eq!(unapplied, "-250.00");
    assert!(buckets.iter().all(|b| b == "0.00"));
    // A second void of the same document is refused.
    assert!(
        store
            .void(&VoidRequest {
                number: "INV-B".into(),
                date: Some(d("2026-10-02")),
                reason: None
            })
            .is_err()
    );
    assert!(store.check(d("2026-10-02")).unwrap().is_empty());
}
