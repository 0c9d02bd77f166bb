//! Early-payment discount terms (`2/10 net 30`, `1/15 eom 30`): a payment inside the
//! window that covers the invoice less the discount posts the discount as its own
//! credit document, allocated to the invoice, in the payment's transaction; none after
//! the window, on installments or on fees, or when the bookkeeper refuses it; voiding
//! the payment or the invoice voids the discount too; interest never runs on the part a
//! discount settled; `owed check` stays clean through random histories.

use owed::domain::allocation::Apply;
use owed::domain::document::{DocKind, Side};
use owed::domain::terms::{Plan, Terms};
use owed::domain::{Currency, Money};
use owed::store::{Discounting, NewDebit, Posted, Store, VoidRequest};
use proptest::prelude::*;

use crate::common::bin;
use crate::common::helpers::{book, credit, customer, d, invoice, m};

fn terms(text: &str) -> Terms {
    text.parse().unwrap()
}

/// ACME with INV-1 of 1,000.00 dated 2026-10-01 on `terms_text`.
fn acme(terms_text: &str) -> Store {
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

fn pay(store: &mut Store, number: &str, date: &str, amount: &str, apply: Apply) -> Posted {
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
fn open(store: &Store, number: &str) -> String {
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

fn assert_clean(store: &Store) {
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
        posted.warnings[0].contains("INV-1 earns no early-payment discount (2/10 net 30)"),
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

#[test]
fn the_command_line_takes_discount_terms_reports_the_discount_and_refuses_bad_terms() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    bin::owed(&path, &["init", "--currency", "EUR"]);
    bin::owed(
        &path,
        &[
            "customer",
            "add",
            "--code",
            "ACME",
            "--name",
            "Acme",
            "--terms",
            "2 / 10 N 30",
        ],
    );
    let customer = bin::json(&path, &["customer", "list", "--format", "json"]);
    assert!(customer.to_string().contains("2/10 net 30"), "{customer}");
    for (number, date) in [("INV-1", "2026-10-01"), ("INV-2", "2026-10-01")] {
        bin::owed(
            &path,
            &[
                "invoice",
                "add",
                "--customer",
                "ACME",
                "--number",
                number,
                "--date",
                date,
                "--amount",
                "1000.00",
            ],
        );
    }
    let out = bin::owed(
        &path,
        &[
            "payment",
            "add",
            "--customer",
            "ACME",
            "--date",
            "2026-10-05",
            "--amount",
            "980",
            "--apply",
            "INV-1",
        ],
    );
    assert!(
        out.contains("discount DISC-000001 taken on INV-1 (2/10 net 30): "),
        "{out}"
    );
    assert!(out.contains("20.00"), "{out}");
    let refused = bin::owed(
        &path,
        &[
            "payment",
            "add",
            "--customer",
            "ACME",
            "--date",
            "2026-10-05",
            "--amount",
            "980",
            "--apply",
            "INV-2",
            "--no-discount",
        ],
    );
    assert!(!refused.contains("discount"), "{refused}");
    // The ledger's JSON names the kind in English whatever the language; amounts are strings.
    let ledger = bin::json(&path, &["ledger", "ACME", "--format", "json"]);
    let discount = ledger.to_string().contains(r#""kind":"discount""#);
    assert!(discount, "{ledger}");
    let check = bin::owed(&path, &["check"]);
    assert!(check.trim_end().ends_with("ok"), "{check}");
    let voided = bin::owed(&path, &["void", "PAY-000001", "--date", "2026-10-06"]);
    assert!(
        voided.contains("voided its discount DISC-000001 too"),
        "{voided}"
    );
    let (ok, _, stderr) = bin::run(
        &path,
        &[
            "invoice",
            "add",
            "--customer",
            "ACME",
            "--amount",
            "10",
            "--terms",
            "2/40 net 30",
        ],
    );
    assert!(!ok);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("--terms") && stderr.contains("net days"),
        "{stderr}"
    );
    let (ok, _, stderr) = bin::run(
        &path,
        &[
            "invoice",
            "add",
            "--customer",
            "ACME",
            "--amount",
            "10",
            "--terms",
            "2/10 within 30",
        ],
    );
    assert!(!ok);
    assert!(
        stderr.contains("2/10 net 30") && stderr.contains("1/15 eom 30"),
        "{stderr}"
    );
    // --no-discount is for payments only.
    let (ok, _, _) = bin::run(
        &path,
        &[
            "credit",
            "add",
            "--customer",
            "ACME",
            "--amount",
            "1",
            "--no-discount",
        ],
    );
    assert!(!ok);
}

#[test]
fn a_bank_row_paying_less_the_discount_is_matched_posted_with_it_and_undone_with_it() {
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
    // 490.00 is INV-2 less its 2% discount; INV-1 is older and would take it oldest first.
    let csv = "Date,Payer,Details,Amount\n2026-10-08,Someone,transfer,490.00\n";
    let plan = owed::import::prepare(
        &store,
        "bank.csv",
        csv.as_bytes(),
        &owed::import::Hints::default(),
        None,
    )
    .unwrap();
    let suggestion = plan.rows[0]
        .suggestion
        .clone()
        .expect("matched by the discounted amount");
    assert_eq!(suggestion.invoices, ["INV-2"]);
    let decisions = vec![owed::import::accept(&suggestion)];
    let committed = owed::import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    let batch = committed.batch.unwrap();
    assert_eq!(open(&store, "INV-2"), "0.00");
    assert_eq!(open(&store, "INV-1"), "1000.00");
    assert_eq!(
        store.document("DISC-000001").unwrap().kind,
        DocKind::Discount
    );
    assert_clean(&store);
    // Undoing the import voids the payment, and the discount with it.
    owed::import::undo(&mut store, batch.id).unwrap();
    assert!(store.document("DISC-000001").unwrap().voided_by.is_some());
    assert_eq!(open(&store, "INV-2"), "500.00");
    assert_clean(&store);
}

#[test]
fn the_statement_shows_the_discount_while_it_can_be_taken() {
    use owed::domain::printed::{Period, StatementKind};
    use owed::report::statement::{self, Context, Request, Selection};
    let store = acme("2/10 net 30");
    let customer = store.customer("ACME").unwrap();
    let on = |day: &str| {
        let date = d(day);
        let context = Context::new(&store, date, None).unwrap();
        let period = Period {
            first: d("2026-10-01"),
            last: date,
        };
        statement::build(&store, &context, &customer, StatementKind::OpenItem, period).unwrap()
    };
    let inside = on("2026-10-11");
    let offer = inside.open_items[0]
        .discount
        .expect("the discount stands on its last day");
    assert_eq!(
        (offer.last_day, store.currency().plain(offer.amount)),
        (d("2026-10-11"), "20.00".into())
    );
    assert_eq!(on("2026-10-12").open_items[0].discount, None);
    // On paper: a line under the item says what settles it and by when.
    let mut store = store;
    let dir = tempfile::tempdir().unwrap();
    let request = |last: &str| Request {
        period: Period {
            first: d("2026-10-01"),
            last: d(last),
        },
        kind: StatementKind::OpenItem,
        customers: Selection::All,
        locale: None,
        archive: false,
    };
    let summary =
        statement::batch(&mut store, &request("2026-10-05"), dir.path(), |_, _| {}).unwrap();
    let text = crate::common::printed::text_of(&summary.written[0].1);
    assert!(
        text.contains("Pay 980.00 by 2026-10-11 to settle it: 2% early-payment discount of 20.00"),
        "{text}"
    );
    let chinese = tempfile::tempdir().unwrap();
    let zh = Request {
        locale: Some(owed::domain::company::Locale::ZhCn),
        ..request("2026-10-05")
    };
    let summary = statement::batch(&mut store, &zh, chinese.path(), |_, _| {}).unwrap();
    let text = crate::common::printed::text_of(&summary.written[0].1);
    assert!(text.contains("现金折扣"), "{text}");
    let later = tempfile::tempdir().unwrap();
    let summary =
        statement::batch(&mut store, &request("2026-10-12"), later.path(), |_, _| {}).unwrap();
    let text = crate::common::printed::text_of(&summary.written[0].1);
    assert!(!text.contains("discount"), "{text}");
}

#[test]
fn loads_take_discount_terms_refuse_bad_ones_and_keep_what_is_open() {
    use owed::load::{LoadKind, load_csv};
    let dir = tempfile::tempdir().unwrap();
    let mut store = book();
    let customers = dir.path().join("customers.csv");
    std::fs::write(
        &customers,
        "code,name,terms\nC1,One,2/10 NET 30\nC2,Two,1.5/15 eom 45\n",
    )
    .unwrap();
    load_csv(&mut store, &customers, LoadKind::Customers).unwrap();
    assert_eq!(
        store.customer("C1").unwrap().terms.to_string(),
        "2/10 net 30"
    );
    assert_eq!(
        store.customer("C2").unwrap().terms.to_string(),
        "1.5/15 eom 45"
    );
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "code,name,terms\nC3,Three,2/40 net 30\n").unwrap();
    let error = load_csv(&mut store, &bad, LoadKind::Customers)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("bad.csv") && error.contains("terms") && error.contains("net days"),
        "{error}"
    );
    assert!(!error.contains('\n'), "{error}");
    assert!(store.find_customer("C3").unwrap().is_none());
    // An invoice loaded with 20.00 of 1,000.00 open stays 20.00 open: what was paid before
    // the load is history, not a payment inside the window.
    let invoices = dir.path().join("invoices.csv");
    std::fs::write(
        &invoices,
        "customer,number,date,amount,open\nC1,INV-9,2026-10-01,1000.00,20.00\n",
    )
    .unwrap();
    load_csv(&mut store, &invoices, LoadKind::Invoices).unwrap();
    let id = store.find_customer("C1").unwrap().unwrap().id;
    let open: Vec<String> = store
        .open_items_now(id)
        .unwrap()
        .iter()
        .map(|i| store.currency().plain(i.open))
        .collect();
    assert_eq!(open, ["20.00"]);
    assert!(store.document("DISC-000001").is_err());
    assert_clean(&store);
}

#[derive(Debug, Clone)]
enum Op {
    Invoice {
        day: u64,
        cents: i64,
        discounted: bool,
        installments: bool,
    },
    Payment {
        day: u64,
        cents: i64,
        refuse: bool,
    },
    CreditNote {
        day: u64,
        cents: i64,
    },
    Void {
        pick: usize,
        day: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0u64..60, 1i64..200_000, any::<bool>(), prop::bool::weighted(0.2))
            .prop_map(|(day, cents, discounted, installments)| Op::Invoice { day, cents, discounted, installments }),
        4 => (0u64..60, 1i64..200_000, prop::bool::weighted(0.1))
            .prop_map(|(day, cents, refuse)| Op::Payment { day, cents, refuse }),
        1 => (0u64..60, 1i64..50_000).prop_map(|(day, cents)| Op::CreditNote { day, cents }),
        2 => (any::<usize>(), 0u64..90).prop_map(|(pick, day)| Op::Void { pick, day }),
    ]
}

fn on(day: u64) -> chrono::NaiveDate {
    d("2026-01-01") + chrono::Days::new(day)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever is posted, voided or refused, no invoice is ever open below zero, every
    /// standing discount is wholly allocated to the invoice it was taken on and is no
    /// more than its terms give, the allocations add up, and `owed check` is clean.
    #[test]
    fn discounts_keep_the_ledger_consistent(ops in prop::collection::vec(op(), 1..30)) {
        let mut store = book();
        customer(&mut store, "ACME");
        let currency: Currency = store.currency().clone();
        let mut posted: Vec<String> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let result = match op.clone() {
                Op::Invoice { day, cents, discounted, installments } => {
                    let text = if discounted { "2.5/10 net 30" } else { "net 30" };
                    let plan = if installments { Plan::Installments(2) } else { Plan::Single };
                    let mut debit = invoice("ACME", &format!("I{i}"), "2026-01-01", currency.from_minor(cents), terms(text), plan);
                    debit.date = on(day);
                    store.post_debit(&debit).map(|p| p.number)
                }
                Op::Payment { day, cents, refuse } => {
                    let mut new = credit("ACME", DocKind::Payment, &format!("P{i}"), "2026-01-01", currency.from_minor(cents), Apply::OldestFirst);
                    new.date = on(day);
                    let discounting = if refuse { Discounting::Refuse } else { Discounting::Take };
                    store.post_credit_with(&new, discounting).map(|p| p.number)
                }
                Op::CreditNote { day, cents } => {
                    let mut new = credit("ACME", DocKind::Credit, &format!("C{i}"), "2026-01-01", currency.from_minor(cents), Apply::OldestFirst);
                    new.date = on(day);
                    store.post_credit(&new).map(|p| p.number)
                }
                Op::Void { pick, day } if !posted.is_empty() => {
                    let number = posted[pick % posted.len()].clone();
                    store.void(&VoidRequest { number, date: Some(on(day)), reason: None }).map(|p| p.number)
                }
                Op::Void { .. } => continue,
            };
            if let Ok(number) = result {
                posted.push(number);
            }
        }
        let violations = store.check(on(200)).unwrap();
        prop_assert!(violations.is_empty(), "{:?}", violations);
        let id = store.find_customer("ACME").unwrap().unwrap().id;
        for item in store.open_items_now(id).unwrap() {
            prop_assert!(!item.open.is_negative() && item.open <= item.amount, "{:?}", item);
        }
        // Net allocations per (credit, item) as of the end, and every document.
        let mut net: std::collections::HashMap<(String, String), Money> = Default::default();
        store.allocations(on(200), |row| *net.entry((row.credit, row.item)).or_default() += row.amount).unwrap();
        let mut documents = Vec::new();
        store.documents(|row| documents.push(row)).unwrap();
        for discount in documents.iter().filter(|doc| doc.kind == DocKind::Discount) {
            let on_invoices: Vec<(&String, &Money)> = net
                .iter()
                .filter(|((credit, _), amount)| *credit == discount.number && !amount.is_zero())
                .map(|((_, item), amount)| (item, amount))
                .collect();
            prop_assert_eq!(on_invoices.len(), 1, "{:?}", discount);
            let (item, amount) = on_invoices[0];
            prop_assert_eq!(*amount, discount.amount);
            match &discount.voided_by {
                Some(void) => prop_assert_eq!(item, void),
                None => {
                    let invoice = documents.iter().find(|doc| &doc.number == item).unwrap();
                    prop_assert_eq!(invoice.kind, DocKind::Invoice);
                    prop_assert!(invoice.voided_by.is_none());
                    let most = currency.round(invoice.amount.0 * rust_decimal::Decimal::new(25, 3));
                    prop_assert_eq!(discount.amount, most);
                    let payment = documents.iter().find(|doc| Some(&doc.number) == discount.reference.as_ref()).unwrap();
                    prop_assert!(payment.voided_by.is_none() && payment.kind == DocKind::Payment);
                }
            }
        }
        // Each invoice: what is open is its amount less its net allocations.
        for invoice in documents.iter().filter(|doc| doc.kind == DocKind::Invoice) {
            let allocated: Money = net.iter().filter(|((_, item), _)| *item == invoice.number).map(|(_, a)| *a).sum();
            let open: Money = store.open_items_now(id).unwrap().into_iter().filter(|i| i.number == invoice.number).map(|i| i.open).sum();
            prop_assert_eq!(open, invoice.amount - allocated);
        }
    }
}
