//! A bank file planned as one sequence: rows in date order against the book as the
//! file's earlier rows leave it. A file that pays one invoice in two halves and then a
//! third time posts all three (the third to the customer's other open items, with the
//! reason), and the dry run says exactly what the commit writes — through the library
//! and through `owed import`.

use crate::cli::owed;
use crate::common::helpers as common;

use common::*;
use owed::domain::allocation::Apply;
use owed::domain::terms::{Plan, Terms};
use owed::import::{self, Decision, Hints, PlannedPayment};
use owed::store::Store;

/// C001 owes INV-1 (300.00, due first) and INV-2 (100.00); C002 owes INV-9 (500.00,
/// `2/10 net 30`, invoiced 2026-11-01: 490.00 by 2026-11-11 settles it).
fn book_with_invoices() -> Store {
    let mut store = book();
    customer(&mut store, "C001");
    customer(&mut store, "C002");
    for (code, number, date, amount, terms) in [
        ("C001", "INV-1", "2026-10-01", "300.00", Terms::Net(30)),
        ("C001", "INV-2", "2026-10-15", "100.00", Terms::Net(30)),
        (
            "C002",
            "INV-9",
            "2026-11-01",
            "500.00",
            "2/10 net 30".parse().unwrap(),
        ),
    ] {
        let amount = m(&store, amount);
        store
            .post_debit(&invoice(code, number, date, amount, terms, Plan::Single))
            .unwrap();
    }
    store
}

/// Out of date order on purpose: the half dated first is line 3.
const FILE: &str = "Date,Payer,Details,Amount
2026-11-06,Customer One,INV-1 the rest,150.00
2026-11-02,Customer One,INV-1 first half,150.00
2026-11-09,Customer One,INV-1 again,300.00
2026-11-05,Customer Two,INV-9 less the discount,490.00
2026-11-07,Customer Two,INV-9 once more,50.00
";

fn naming(customer: &str, invoice: &str) -> Decision {
    Decision::Accept {
        customer: customer.into(),
        apply: Apply::Explicit(vec![(invoice.into(), None)]),
    }
}

fn decisions() -> Vec<Decision> {
    vec![
        naming("C001", "INV-1"),
        naming("C001", "INV-1"),
        naming("C001", "INV-1"),
        naming("C002", "INV-9"),
        naming("C002", "INV-9"),
    ]
}

fn applied(payment: &PlannedPayment) -> Vec<(String, String)> {
    payment
        .applied
        .iter()
        .map(|a| (a.invoice.clone(), a.amount.clone()))
        .collect()
}

#[test]
fn a_file_paying_one_invoice_in_halves_then_again_posts_every_row_as_the_dry_run_said() {
    let mut store = book_with_invoices();
    let plan =
        import::prepare(&store, "bank.csv", FILE.as_bytes(), &Hints::default(), None).unwrap();
    let decisions = decisions();
    let dry = plan.planned_payments(&store, &decisions).unwrap();

    // Date order: lines 3, 5, 2, 6, 4.
    let lines: Vec<usize> = dry.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![3, 5, 2, 6, 4]);
    let by_line = |line: usize| dry.iter().find(|p| p.line == line).unwrap();
    assert_eq!(applied(by_line(3)), vec![("INV-1".into(), "150.00".into())]);
    assert_eq!(applied(by_line(2)), vec![("INV-1".into(), "150.00".into())]);
    assert_eq!(by_line(2).note, None);
    // Paid twice already: the third goes to INV-2, the rest stays unapplied.
    let third = by_line(4);
    assert_eq!(applied(third), vec![("INV-2".into(), "100.00".into())]);
    assert_eq!(third.unapplied, "200.00");
    assert_eq!(
        third.note.as_ref().map(ToString::to_string).as_deref(),
        Some(
            "INV-1 was paid by line 2 of this file: applied to its other open items, oldest first"
        )
    );
    // 490.00 in the window settles INV-9 with its 10.00 discount; 50.00 more naming it
    // has nothing open to go to and stays unapplied.
    let discounted = by_line(5);
    assert_eq!(applied(discounted), vec![("INV-9".into(), "490.00".into())]);
    assert_eq!(discounted.discounts.len(), 1);
    assert_eq!(discounted.discounts[0].amount, "10.00");
    let again = by_line(6);
    assert!(again.applied.is_empty());
    assert_eq!(again.unapplied, "50.00");
    assert_eq!(
        again.note.as_ref().map(ToString::to_string).as_deref(),
        Some("INV-9 was paid by line 5 of this file: kept as unapplied credit")
    );

    let committed = import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    assert_eq!(
        committed.summary.payments, dry,
        "the commit wrote what the dry run said"
    );
    // And the book holds exactly that: each payment, in posting order.
    let batch = committed.batch.expect("a batch");
    assert_eq!(batch.posted.len(), dry.len());
    let c = store.currency().clone();
    for (posted, planned) in batch.posted.iter().zip(&dry) {
        assert_eq!(posted.customer, planned.customer);
        let allocations: Vec<(String, String)> = posted
            .allocations
            .iter()
            .map(|(number, _, amount)| (number.clone(), c.plain(*amount)))
            .collect();
        assert_eq!(allocations, applied(planned), "line {}", planned.line);
        assert_eq!(
            c.plain(posted.unapplied),
            planned.unapplied,
            "line {}",
            planned.line
        );
        assert_eq!(
            posted.discounts.len(),
            planned.discounts.len(),
            "line {}",
            planned.line
        );
    }
}

#[test]
fn the_binary_dry_run_shows_the_payments_the_import_then_posts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    {
        let store = book_with_invoices();
        store.backup_to(&path).unwrap();
    }
    let file = dir.path().join("bank.csv");
    std::fs::write(&file, FILE).unwrap();
    let file = file.to_str().unwrap();
    let json = |args: &[&str]| -> serde_json::Value {
        let out = owed(&path, args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let dry = json(&[
        "import",
        file,
        "--dry-run",
        "--accept-threshold",
        "0",
        "--format",
        "json",
    ]);
    let done = json(&[
        "import",
        file,
        "--accept-threshold",
        "0",
        "--format",
        "json",
    ]);
    assert_eq!(dry["payments"], done["payments"]);
    let payments = dry["payments"].as_array().unwrap();
    assert!(!payments.is_empty(), "{dry}");
    for payment in payments {
        for key in [
            "line",
            "date",
            "customer",
            "amount",
            "applied",
            "discounts",
            "unapplied",
            "note",
        ] {
            assert!(payment.get(key).is_some(), "{key} in {payment}");
        }
    }
}

/// A payment the book refuses at commit (here a customer code the book no longer has,
/// as after a change between plan and commit) is kept unmatched with the reason; the
/// rest of the batch posts. An amount the book's currency cannot hold is never offered
/// as a payment: the dry run and the commit both keep it unmatched and say why.
#[test]
fn a_row_the_book_refuses_is_kept_unmatched_and_the_batch_goes_on() {
    let mut store = book_with_invoices();
    let file = "Date,Payer,Details,Amount\n\
                2026-11-02,Customer One,INV-1,100.00\n\
                2026-11-03,Somebody,gift,20.00\n\
                2026-11-04,Customer One,INV-2,29.005\n";
    let plan =
        import::prepare(&store, "bank.csv", file.as_bytes(), &Hints::default(), None).unwrap();
    let odd = plan.rows[2]
        .unpostable
        .as_ref()
        .map(ToString::to_string)
        .expect("too many decimals");
    assert!(odd.contains("29.005") && odd.contains("USD"), "{odd}");
    assert!(!plan.rows[2].is_payable());
    let gone = Decision::Accept {
        customer: "C999".into(),
        apply: Apply::OldestFirst,
    };
    // Even accepted by hand, the odd amount is not posted.
    let decisions = vec![naming("C001", "INV-1"), gone, naming("C001", "INV-2")];
    let dry = plan.summary(&decisions, None);
    assert_eq!((dry.matched, dry.unmatched), (2, 1));
    let done = import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    let summary = done.summary;
    assert_eq!((summary.matched, summary.unmatched), (1, 2));
    assert_eq!(summary.not_posted.len(), 1);
    assert_eq!(summary.not_posted[0].line, 3);
    assert!(
        summary.not_posted[0].reason.to_string().contains("C999"),
        "{}",
        summary.not_posted[0].reason
    );
    let paid: Vec<usize> = summary.payments.iter().map(|p| p.line).collect();
    assert_eq!(paid, [2]);
    let batch = done.batch.expect("written");
    assert_eq!((batch.payments, batch.unmatched), (1, 2));
    let kept = store.unmatched_bank_rows().unwrap();
    let reasons: Vec<String> = kept.iter().filter_map(|k| k.reason.clone()).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("not posted:") && r.contains("C999")),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| r.contains("29.005")), "{reasons:?}");
    assert_eq!(store.check(d("2027-12-31")).unwrap(), Vec::new());
}

/// A row paying the whole of an invoice that an earlier row of the file paid part of
/// leaves credit, and says why.
#[test]
fn credit_left_by_an_earlier_part_payment_is_said() {
    let store = book_with_invoices();
    let file = "Date,Payer,Details,Amount\n\
                2026-11-02,Customer One,INV-2 part,12.50\n\
                2026-11-03,Customer One,INV-2,100.00\n";
    let plan =
        import::prepare(&store, "bank.csv", file.as_bytes(), &Hints::default(), None).unwrap();
    let decisions = vec![naming("C001", "INV-2"), naming("C001", "INV-2")];
    let payments = plan.planned_payments(&store, &decisions).unwrap();
    assert_eq!(payments[0].note, None);
    assert_eq!(
        applied(&payments[1]),
        [("INV-2".to_string(), "87.50".to_string())]
    );
    assert_eq!(payments[1].unapplied, "12.50");
    assert_eq!(
        payments[1]
            .note
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("INV-2 was partly paid by line 2 of this file: 12.50 kept as unapplied credit")
    );
}

/// Refusals in a long file (two of 150 payments, far apart) leave out only the refused
/// payments: every other one is posted exactly once, and the book checks out.
#[test]
fn refusals_in_a_long_file_leave_out_only_the_refused_payments() {
    let mut store = book_with_invoices();
    let mut file = String::from("Date,Payer,Details,Amount\n");
    for n in 0..150 {
        file.push_str(&format!("2026-11-02,Customer One,part {n},1.00\n"));
    }
    let plan =
        import::prepare(&store, "long.csv", file.as_bytes(), &Hints::default(), None).unwrap();
    let decisions: Vec<Decision> = (0..150)
        .map(|n| Decision::Accept {
            customer: if n == 10 || n == 100 { "C999" } else { "C001" }.into(),
            apply: Apply::OldestFirst,
        })
        .collect();
    let done = import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    let refused: Vec<usize> = done.summary.not_posted.iter().map(|r| r.line).collect();
    assert_eq!(refused, [12, 102]);
    let batch = done.batch.expect("written");
    assert_eq!((batch.payments, batch.unmatched), (148, 2));
    assert_eq!(batch.rows_new, 150);
    // 148.00 paid off INV-1 (300.00), oldest first; nothing twice.
    let open: Vec<String> = store
        .open_items_now(store.customer("C001").unwrap().id)
        .unwrap()
        .iter()
        .map(|i| format!("{} {}", i.number, i.open))
        .collect();
    assert_eq!(open, ["INV-1 152.00", "INV-2 100.00"]);
    assert_eq!(store.check(d("2027-12-31")).unwrap(), Vec::new());
}
