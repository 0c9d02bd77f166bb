//! `owed analytics`: the worked example through the library and the binary (JSON
//! keys exactly as published), voided invoices left out of credit sales and of payment
//! habits, nothing to divide by printed `null` / `n/a`, promises kept part by part, and
//! the trend's shape.

use std::collections::BTreeSet;

use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::note::{Channel, Direction, NoteDraft, Promise, PromisePart};
use owed::domain::terms::{Plan, Terms};
use owed::report::analytics::{AnalyticsOptions, analytics, trend};
use owed::store::{BookSettings, Store, VoidRequest};

use crate::common::bin::{json, owed};
use crate::common::helpers::{credit, customer, d, invoice, m};

fn keys(value: &serde_json::Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

fn net30(store: &mut Store, code: &str, number: &str, date: &str, amount: &str) {
    let amount = m(store, amount);
    store
        .post_debit(&invoice(
            code,
            number,
            date,
            amount,
            Terms::Net(30),
            Plan::Single,
        ))
        .unwrap();
}

fn pay(store: &mut Store, code: &str, number: &str, date: &str, amount: &str, to: &str) {
    let amount = m(store, amount);
    store
        .post_credit(&credit(
            code,
            DocKind::Payment,
            number,
            date,
            amount,
            Apply::Explicit(vec![(to.into(), None)]),
        ))
        .unwrap();
}

/// 1,000.00 invoiced 2026-01-01 net 30 and paid 2026-02-10; 500.00 invoiced 2026-03-01
/// net 30, paid 2026-03-21; 600.00 invoiced 2026-03-15 net 30, open.
fn worked_example(store: &mut Store) {
    customer(store, "C1");
    net30(store, "C1", "INV-1", "2026-01-01", "1000.00");
    pay(store, "C1", "PAY-1", "2026-02-10", "1000.00", "INV-1");
    net30(store, "C1", "INV-2", "2026-03-01", "500.00");
    pay(store, "C1", "PAY-2", "2026-03-21", "500.00", "INV-2");
    net30(store, "C1", "INV-3", "2026-03-15", "600.00");
}

#[test]
fn worked_example_through_the_library_and_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        worked_example(&mut store);
        let report = analytics(
            &store,
            &AnalyticsOptions {
                as_of: d("2026-03-31"),
                period_days: 90,
            },
        )
        .unwrap();
        let f = report.period.figures;
        let text = |v: Option<rust_decimal::Decimal>| v.map(|v| v.to_string());
        assert_eq!(text(f.dso).as_deref(), Some("25.7"));
        assert_eq!(text(f.cei).as_deref(), Some("100.0"));
        // All 600.00 still open is due 2026-04-14: current, so best possible DSO = DSO.
        assert_eq!(text(f.best_possible_dso).as_deref(), Some("25.7"));
        assert_eq!(text(f.add).as_deref(), Some("0.0"));
        let c1 = &report.by_customer[0];
        assert_eq!(text(c1.habits.days_to_pay).as_deref(), Some("33.3"));
        assert_eq!(text(c1.habits.on_time_share).as_deref(), Some("33.3"));
        // 1,000.00 paid 10 days after its due date 2026-01-31: 10,000 / 1,500 = 6.7.
        assert_eq!(text(c1.habits.days_late).as_deref(), Some("6.7"));
        assert_eq!(c1.promises_kept_share, None);
    }
    let out = json(
        &book,
        &[
            "analytics",
            "--as-of",
            "2026-03-31",
            "--period-days",
            "90",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        keys(&out),
        BTreeSet::from([
            "as_of",
            "period_days",
            "credit_sales",
            "dso",
            "best_possible_dso",
            "add",
            "cei",
            "by_customer"
        ])
    );
    assert_eq!(out["as_of"], "2026-03-31");
    assert_eq!(out["period_days"], 90);
    assert_eq!(out["credit_sales"], "2100.00");
    assert_eq!(out["dso"], "25.7");
    assert_eq!(out["best_possible_dso"], "25.7");
    assert_eq!(out["add"], "0.0");
    assert_eq!(out["cei"], "100.0");
    let c1 = &out["by_customer"][0];
    assert_eq!(
        keys(c1),
        BTreeSet::from([
            "code",
            "name",
            "days_to_pay",
            "days_late",
            "on_time_share",
            "promises_kept_share",
            "risk_score",
            "risk_reasons",
            "suggested_tier"
        ])
    );
    assert_eq!(c1["code"], "C1");
    assert_eq!(c1["days_to_pay"], "33.3");
    assert_eq!(c1["days_late"], "6.7");
    assert_eq!(c1["on_time_share"], "33.3");
    assert!(c1["promises_kept_share"].is_null());
    // 6.7 days late on average: 3 points (0.5 a day); nothing else counts against it.
    // Low risk but only a third paid on time: tier B.
    assert_eq!(c1["risk_score"], 3);
    assert_eq!(
        c1["risk_reasons"],
        serde_json::json!(["pays 7 days late on average"])
    );
    assert_eq!(c1["suggested_tier"], "B");
    // The default period is 90 days; the table says the same figures.
    let default = json(
        &book,
        &["analytics", "--as-of", "2026-03-31", "--format", "json"],
    );
    assert_eq!(default, out);
    let table = owed(&book, &["analytics", "--as-of", "2026-03-31"]);
    assert!(
        table.contains("25.7") && table.contains("100.0 %"),
        "{table}"
    );
    assert!(table.contains("33.3") && table.contains("6.7"), "{table}");
}

#[test]
fn a_void_by_the_date_takes_an_invoice_out_of_credit_sales_and_habits() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    worked_example(&mut store);
    // 400.00 invoiced and voided within the period: never a sale, its void settled it
    // (not a payment). 300.00 invoiced and voided only after the date: a sale as of it.
    net30(&mut store, "C1", "INV-4", "2026-02-01", "400.00");
    store
        .void(&VoidRequest {
            number: "INV-4".into(),
            date: Some(d("2026-02-05")),
            reason: None,
        })
        .unwrap();
    let options = AnalyticsOptions {
        as_of: d("2026-03-31"),
        period_days: 90,
    };
    let before_void = analytics(&store, &options).unwrap();
    assert_eq!(before_void.period.credit_sales, m(&store, "2100.00"));
    assert_eq!(
        before_void.by_customer[0]
            .habits
            .days_to_pay
            .map(|v| v.to_string()),
        Some("33.3".into())
    );
    net30(&mut store, "C1", "INV-5", "2026-03-30", "300.00");
    store
        .void(&VoidRequest {
            number: "INV-5".into(),
            date: Some(d("2026-04-02")),
            reason: None,
        })
        .unwrap();
    let report = analytics(&store, &options).unwrap();
    assert_eq!(report.period.credit_sales, m(&store, "2400.00"));
    // Closing 900.00 (600.00 + the 300.00 not yet voided) / 2,400.00 × 90 = 33.75 → 33.8.
    assert_eq!(
        report.period.figures.dso.map(|v| v.to_string()),
        Some("33.8".into())
    );
    // As of the void's date the 300.00 is no sale, and the 600.00 alone is open.
    let later = analytics(
        &store,
        &AnalyticsOptions {
            as_of: d("2026-04-02"),
            period_days: 90,
        },
    )
    .unwrap();
    // 2026-01-03..04-02: INV-2 and INV-3 only (INV-1 is dated 2026-01-01).
    assert_eq!(later.period.credit_sales, m(&store, "1100.00"));
}

#[test]
fn nothing_to_divide_by_is_null_and_n_a() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        customer(&mut store, "C1");
        customer(&mut store, "C2");
        // Invoiced before the period, still open: no credit sales, CEI 0 (nothing
        // collected of what was collectible).
        net30(&mut store, "C1", "INV-1", "2025-06-01", "100.00");
    }
    let out = json(
        &book,
        &["analytics", "--as-of", "2026-03-31", "--format", "json"],
    );
    assert_eq!(out["credit_sales"], "0.00");
    for key in ["dso", "best_possible_dso", "add"] {
        assert!(out[key].is_null(), "{key}: {out}");
    }
    assert_eq!(out["cei"], "0.0");
    for c in out["by_customer"].as_array().unwrap() {
        for key in [
            "days_to_pay",
            "days_late",
            "on_time_share",
            "promises_kept_share",
        ] {
            assert!(c[key].is_null(), "{key}: {c}");
        }
    }
    let table = owed(&book, &["analytics", "--as-of", "2026-03-31"]);
    assert!(table.contains("n/a") && !table.contains("NaN"), "{table}");
    // An empty period in an empty book: CEI has nothing to divide by either.
    let out = json(
        &book,
        &["analytics", "--as-of", "2025-01-31", "--format", "json"],
    );
    assert!(out["cei"].is_null() && out["dso"].is_null(), "{out}");
}

#[test]
fn promises_kept_part_by_part_partly_kept_is_not_kept() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    customer(&mut store, "C1");
    net30(&mut store, "C1", "INV-1", "2026-01-01", "900.00");
    let part = |date: &str, amount: &str, store: &Store| PromisePart {
        date: d(date),
        amount: m(store, amount),
    };
    // Three parts of 100.00: the first paid in full, the second only 50.00 (partly
    // kept), the third falls after the as-of date (not judged).
    let promise = Promise::new(vec![
        part("2026-02-10", "100.00", &store),
        part("2026-02-20", "100.00", &store),
        part("2026-04-20", "100.00", &store),
    ])
    .unwrap();
    let draft = NoteDraft {
        customer_code: "C1".into(),
        invoice_number: None,
        channel: Channel::Call,
        direction: Direction::In,
        summary: "will pay in three".into(),
        outcome: None,
        promise: Some(promise),
        follow_up: None,
    };
    store
        .batch(|b| b.add_note(&draft, "2026-02-01T10:00:00+00:00"))
        .unwrap();
    // A second promise, broken outright.
    let broken = NoteDraft {
        promise: Some(Promise::single(d("2026-03-01"), m(&store, "200.00"))),
        ..draft.clone()
    };
    store
        .batch(|b| b.add_note(&broken, "2026-02-25T10:00:00+00:00"))
        .unwrap();
    pay(&mut store, "C1", "PAY-1", "2026-02-09", "100.00", "INV-1");
    pay(&mut store, "C1", "PAY-2", "2026-02-18", "50.00", "INV-1");
    let share = |as_of: &str, store: &Store| {
        analytics(
            store,
            &AnalyticsOptions {
                as_of: d(as_of),
                period_days: 90,
            },
        )
        .unwrap()
        .by_customer[0]
            .promises_kept_share
            .map(|v| v.to_string())
    };
    // Judged: part 1 kept, part 2 partly kept, the single promise broken: 1 of 3.
    assert_eq!(share("2026-03-31", &store).as_deref(), Some("33.3"));
    // Before the first part's date nothing is judged yet.
    assert_eq!(share("2026-02-05", &store), None);
    // On 2026-02-15 only part 1 has come, and it is kept.
    assert_eq!(share("2026-02-15", &store).as_deref(), Some("100.0"));
}

#[test]
fn trend_is_twelve_month_ends_ending_on_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        worked_example(&mut store);
        let figures = trend(
            &store,
            &AnalyticsOptions {
                as_of: d("2026-03-31"),
                period_days: 90,
            },
        )
        .unwrap();
        assert_eq!(figures.len(), 12);
    }
    let out = json(
        &book,
        &[
            "analytics",
            "--as-of",
            "2026-03-20",
            "--trend",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        keys(&out),
        BTreeSet::from(["as_of", "period_days", "trend"])
    );
    let rows = out["trend"].as_array().unwrap();
    assert_eq!(rows.len(), 12);
    for row in rows {
        assert_eq!(
            keys(row),
            BTreeSet::from([
                "as_of",
                "credit_sales",
                "dso",
                "best_possible_dso",
                "add",
                "cei"
            ])
        );
    }
    assert_eq!(rows[0]["as_of"], "2025-04-30");
    assert_eq!(rows[10]["as_of"], "2026-02-28");
    assert_eq!(rows[11]["as_of"], "2026-03-20");
    // Each row is the plain report as of its date.
    let feb = json(
        &book,
        &["analytics", "--as-of", "2026-02-28", "--format", "json"],
    );
    for key in ["credit_sales", "dso", "best_possible_dso", "add", "cei"] {
        assert_eq!(rows[10][key], feb[key], "{key}");
    }
    assert_eq!(rows[10]["credit_sales"], "1000.00");
    // A period of no days is refused with one line naming the flag.
    let (ok, _, stderr) = crate::common::bin::run(
        &book,
        &["analytics", "--period-days", "0", "--format", "json"],
    );
    assert!(!ok && stderr.contains("--period-days"), "{stderr}");
}
