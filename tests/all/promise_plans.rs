//! Repayment-plan promises through the `owed` binary: `--promise` with several parts,
//! `note list` in JSON and as a table, refusals, and a decimal-comma book.

use chrono::{Days, NaiveDate};
use serde_json::json;

use crate::cli::{fails, json, ok};

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn day(offset: i64) -> String {
    let today = today();
    if offset >= 0 {
        today + Days::new(offset as u64)
    } else {
        today - Days::new(offset.unsigned_abs())
    }
    .to_string()
}

fn book(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let book = dir.path().join("book.owed");
    ok(&book, &["init", "--currency", "EUR", "--company", "Plans"]);
    for code in ["C1", "C2"] {
        ok(
            &book,
            &["customer", "add", "--code", code, "--name", "Kunde"],
        );
        ok(
            &book,
            &[
                "invoice",
                "add",
                "--customer",
                code,
                "--date",
                &day(-40),
                "--amount",
                "1000",
            ],
        );
    }
    book
}

fn note(book: &std::path::Path, code: &str, promise: &str) {
    ok(
        book,
        &[
            "note",
            "add",
            "--customer",
            code,
            "--channel",
            "call",
            "--summary",
            "agreed",
            "--promise",
            promise,
        ],
    );
}

#[test]
fn a_plan_is_listed_part_by_part_and_a_single_promise_as_one_part() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(&dir);
    let plan = format!("{}:300,{}:300,{}:400", day(2), day(10), day(20));
    note(&book, "C1", &plan);
    // Paid the first part in full, after the promise: kept before its date.
    ok(
        &book,
        &[
            "payment",
            "add",
            "--customer",
            "C1",
            "--date",
            &day(0),
            "--amount",
            "300",
        ],
    );
    // C2 promised 500 by yesterday and nothing came: broken.
    note(&book, "C2", &format!("{}:500", day(-1)));

    let notes = json(&book, &["note", "list", "--format", "json"]);
    let by = |code: &str| {
        notes
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["customer"] == code)
            .unwrap()["promise"]
            .clone()
    };
    assert_eq!(
        by("C1"),
        json!({
            "parts": [
                {"date": day(2), "amount": "300.00", "paid": "300.00", "status": "kept"},
                {"date": day(10), "amount": "300.00", "paid": "0.00", "status": "open"},
                {"date": day(20), "amount": "400.00", "paid": "0.00", "status": "open"},
            ],
            "status": "open",
            "date": day(20),
            "amount": "1000.00",
        })
    );
    assert_eq!(
        by("C2"),
        json!({
            "parts": [{"date": day(-1), "amount": "500.00", "paid": "0.00", "status": "broken"}],
            "status": "broken",
            "date": day(-1),
            "amount": "500.00",
        })
    );
    let table = ok(&book, &["note", "list"]);
    assert!(
        table.contains(&format!("3 parts, next {} 300.00", day(10))),
        "{table}"
    );
    // The broken single promise is due (the latest word); the plan is not yet.
    let due = json(&book, &["note", "list", "--due", "--format", "json"]);
    let due: Vec<&str> = due
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["customer"].as_str().unwrap())
        .collect();
    assert_eq!(due, ["C2"]);
    assert_eq!(ok(&book, &["check"]).trim(), "ok");
}

#[test]
fn a_bad_plan_is_refused_in_one_line_naming_promise() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(&dir);
    let add = |promise: String| {
        vec![
            "note".to_string(),
            "add".into(),
            "--customer".into(),
            "C1".into(),
            "--channel".into(),
            "call".into(),
            "--summary".into(),
            "x".into(),
            "--promise".into(),
            promise,
        ]
    };
    for promise in [
        format!("{}:300,{}:300", day(10), day(2)),
        format!("{}:300,{}:0", day(2), day(10)),
        format!("{}:300,{}", day(2), day(10)),
        format!("{}:300;;{}:300", day(2), day(10)),
        "2026-02-30:300".to_string(),
    ] {
        let args = add(promise);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        fails(&book, &args, "--promise");
    }
    let notes = json(&book, &["note", "list", "--format", "json"]);
    assert_eq!(notes.as_array().unwrap().len(), 0, "nothing was logged");
}

#[test]
fn a_decimal_comma_book_reads_plans_with_commas_in_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(&dir);
    ok(&book, &["settings", "set", "locale", "de-DE"]);
    note(&book, "C1", &format!("{}:300,50,{}:1.000", day(2), day(10)));
    note(&book, "C2", &format!("{}:12,5;{}:7", day(2), day(10)));
    let notes = json(&book, &["note", "list", "--format", "json"]);
    let amounts = |code: &str| -> Vec<String> {
        notes
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["customer"] == code)
            .unwrap()["promise"]["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["amount"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(amounts("C1"), ["300.50", "1000.00"]);
    assert_eq!(amounts("C2"), ["12.50", "7.00"]);
    let table = ok(&book, &["note", "list"]);
    assert!(
        table.contains(&format!("2 parts, next {} 300,50", day(2))),
        "{table}"
    );
}
