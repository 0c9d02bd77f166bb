//! Where discounts show beyond posting: the command line (terms typed and printed,
//! `owed payment add` reporting the discount, `--no-discount`, the ledger's JSON, `owed
//! check`, `owed void`), the bank import's match, statements on paper and loads.

use owed::domain::document::DocKind;
use owed::domain::terms::Plan;

use super::{acme, assert_clean, open, terms};
use crate::common::bin;
use crate::common::helpers::{book, d, invoice, m};

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
        email: false,
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
