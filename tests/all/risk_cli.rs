//! `owed risk` and `owed risk ack` through the real binary: the JSON's shape and order,
//! the table, the worklist's `risk` row and its acknowledgement (audited), and bad input
//! refused in one line with nothing written.

use std::path::{Path, PathBuf};

use serde_json::{Value, json as j};

use crate::cli::{fails, json, ok};

/// C1 Late Payer Ltd (tier B, limit 2,000.00): INV-1 1,000.00 of 2026-01-01 paid 30 days
/// late on 2026-03-02, INV-2 1,000.00 of 2026-02-01 and INV-3 500.00 of 2026-03-01 open;
/// C2 (no tier) and C3 (tier A) with nothing.
fn book(dir: &Path) -> PathBuf {
    let book = dir.join("book.owed");
    ok(&book, &["init", "--company", "Risk Co"]);
    ok(
        &book,
        &[
            "customer",
            "add",
            "--code",
            "C1",
            "--name",
            "Late Payer Ltd",
            "--credit-limit",
            "2000",
            "--tier",
            "B",
        ],
    );
    ok(
        &book,
        &["customer", "add", "--code", "C2", "--name", "Quiet"],
    );
    ok(
        &book,
        &[
            "customer", "add", "--code", "C3", "--name", "Prompt", "--tier", "A",
        ],
    );
    for (number, date, amount) in [
        ("INV-1", "2026-01-01", "1000.00"),
        ("INV-2", "2026-02-01", "1000.00"),
    ] {
        ok(
            &book,
            &[
                "invoice",
                "add",
                "--customer",
                "C1",
                "--number",
                number,
                "--date",
                date,
                "--amount",
                amount,
            ],
        );
    }
    ok(
        &book,
        &[
            "payment",
            "add",
            "--customer",
            "C1",
            "--number",
            "PAY-1",
            "--date",
            "2026-03-02",
            "--amount",
            "1000.00",
            "--apply",
            "INV-1",
        ],
    );
    ok(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C1",
            "--number",
            "INV-3",
            "--date",
            "2026-03-01",
            "--amount",
            "500.00",
        ],
    );
    book
}

const C1_REASONS: [&str; 3] = [
    "100 % of its balance over 60 days",
    "pays 30 days late on average",
    "75 % of limit used",
];

#[test]
fn risk_json_lists_every_customer_highest_score_first() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let out = json(
        &book,
        &["risk", "--as-of", "2026-06-10", "--format", "json"],
    );
    // As of 2026-06-10 all 1,500.00 open is over 60 days past due (30 points), INV-1 was
    // paid 30 days late (15) and 75 % of the limit is used (10): 55, high.
    assert_eq!(
        out,
        j!({
            "as_of": "2026-06-10",
            "customers": [
                {"code": "C1", "name": "Late Payer Ltd", "tier": "B", "score": 55,
                 "band": "high", "reasons": C1_REASONS, "suggested_tier": "C"},
                {"code": "C2", "name": "Quiet", "tier": null, "score": 0,
                 "band": "low", "reasons": [], "suggested_tier": "B"},
                {"code": "C3", "name": "Prompt", "tier": "A", "score": 0,
                 "band": "low", "reasons": [], "suggested_tier": "B"},
            ]
        })
    );
    // The table says the same, highest first.
    let table = ok(&book, &["risk", "--as-of", "2026-06-10"]);
    let c1 = table.lines().position(|l| l.starts_with("C1 ")).unwrap();
    let c2 = table.lines().position(|l| l.starts_with("C2 ")).unwrap();
    assert!(c1 < c2, "{table}");
    assert!(table.contains(&C1_REASONS.join("; ")), "{table}");
}

fn risk_rows(book: &Path) -> Vec<Value> {
    json(
        book,
        &["worklist", "--date", "2026-06-10", "--format", "json"],
    )["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "risk")
        .cloned()
        .collect()
}

#[test]
fn the_worklist_warns_of_a_high_risk_until_risk_ack() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let rows = risk_rows(&book);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row["customer"], "C1");
    assert_eq!(
        row["reason"],
        format!(
            "risk rose to high (55): {}; `owed risk ack C1`",
            C1_REASONS.join("; ")
        )
    );
    // Every key a worklist row has is still there.
    for key in [
        "kind",
        "customer",
        "name",
        "amount",
        "date",
        "reason",
        "level",
        "net_overdue",
        "bank_row",
        "dispute",
    ] {
        assert!(row.get(key).is_some(), "{key} in {row}");
    }

    let said = ok(&book, &["risk", "ack", "C1", "--date", "2026-06-10"]);
    assert!(
        said.contains("C1 Late Payer Ltd: risk high (55) acknowledged"),
        "{said}"
    );
    assert!(risk_rows(&book).is_empty());
    let log = json(&book, &["audit", "list", "--format", "json"]);
    let acks: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "risk-ack")
        .collect();
    assert_eq!(acks.len(), 1);
    assert_eq!(acks[0]["customer"], "C1");
    assert_eq!(acks[0]["new"], "high (55)");
}

#[test]
fn bad_input_is_refused_in_one_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    fails(&book, &["risk", "--as-of", "2026-13-01"], "--as-of");
    fails(
        &book,
        &["risk", "ack", "C1", "--date", "yesterday"],
        "--date",
    );
    fails(&book, &["risk", "ack", "NOPE"], "NOPE");
}
