//! Credit control through the real binary: `owed invoice add` / `owed fee add` refused
//! for a customer on hold or over its limit, `--override REASON` posting and auditing,
//! and `owed load --kind invoices` refusing the file at the row, or overriding it whole.

use serde_json::Value;

use crate::cli::{fails, json, ok, owed};

/// A book with C001 Acme Ltd (limit 5,000.00) owing 4,200.00 on INV-1.
fn book_near_its_limit(dir: &std::path::Path) -> std::path::PathBuf {
    let book = dir.join("book.owed");
    ok(&book, &["init", "--company", "Credit Co"]);
    ok(
        &book,
        &[
            "customer",
            "add",
            "--code",
            "C001",
            "--name",
            "Acme Ltd",
            "--credit-limit",
            "5000",
        ],
    );
    invoice(&book, "INV-1", "4200", &[]);
    book
}

fn invoice(book: &std::path::Path, number: &str, amount: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "invoice",
        "add",
        "--customer",
        "C001",
        "--number",
        number,
        "--date",
        "2026-11-02",
        "--amount",
        amount,
    ];
    args.extend_from_slice(extra);
    ok(book, &args)
}

fn overrides(book: &std::path::Path) -> Vec<Value> {
    json(book, &["audit", "list", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "override")
        .cloned()
        .collect()
}

#[test]
fn an_invoice_over_the_limit_is_refused_in_one_line_and_posts_with_override() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_near_its_limit(dir.path());
    let args = [
        "invoice",
        "add",
        "--customer",
        "C001",
        "--number",
        "INV-2",
        "--date",
        "2026-11-02",
        "--amount",
        "1000",
    ];
    // One line, non-zero exit, the book unchanged.
    fails(
        &book,
        &args,
        "C001 Acme Ltd is over its credit limit: limit 5,000.00, balance 4,200.00, this invoice 1,000.00 would take it 200.00 over; post it with --override REASON",
    );
    assert_eq!(owed(&book, &args).status.code(), Some(1));
    let out = invoice(&book, "INV-2", "1000", &["--override", "director approved"]);
    assert!(out.contains("posted invoice INV-2"), "{out}");
    let rows = overrides(&book);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
    assert_eq!(row["customer"], "C001");
    assert_eq!(row["field"], "credit_limit");
    assert_eq!(row["old"], "5000.00");
    assert_eq!(
        row["new"],
        "INV-2 1000.00 posted over the limit: balance 4200.00 would be 5200.00, 200.00 over"
    );
    assert_eq!(row["reason"], "director approved");
    // The JSON shape of the audit log is the one every other action has.
    let mut keys: Vec<&String> = row.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "action", "at", "customer", "field", "id", "new", "old", "reason"
        ]
    );
}

#[test]
fn a_fee_for_a_customer_on_hold_is_refused_and_a_blank_override_is_no_override() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_near_its_limit(dir.path());
    ok(
        &book,
        &[
            "customer",
            "edit",
            "C001",
            "--hold",
            "--reason",
            "stopped paying",
        ],
    );
    let fee = [
        "fee",
        "add",
        "--customer",
        "C001",
        "--number",
        "FEE-1",
        "--date",
        "2026-11-02",
        "--amount",
        "10",
    ];
    fails(
        &book,
        &fee,
        "C001 Acme Ltd is on hold: this fee of 10.00 was not posted",
    );
    let mut blank = fee.to_vec();
    blank.extend(["--override", "  "]);
    fails(&book, &blank, "override reason: must not be blank");
    let mut with = fee.to_vec();
    with.extend(["--override", "agreed on the phone"]);
    ok(&book, &with);
    let rows = overrides(&book);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["field"], "on_hold");
    assert_eq!(rows[0]["new"], "FEE-1 posted while on hold");
    assert_eq!(rows[0]["reason"], "agreed on the phone");
}

#[test]
fn a_load_of_invoices_is_refused_at_the_row_or_overridden_whole() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_near_its_limit(dir.path());
    let csv = dir.path().join("invoices.csv");
    // INV-10 fits (4,200 + 500 = 4,700); INV-11 is 10,000.00 but only 300.00 of it is
    // still open, so it fits too (5,000.00 exactly); INV-12 goes over.
    std::fs::write(
        &csv,
        "customer,number,date,amount,open\n\
         C001,INV-10,2026-10-01,500,\n\
         C001,INV-11,2026-10-02,10000,300\n\
         C001,INV-12,2026-10-03,0.01,\n",
    )
    .unwrap();
    let file = csv.to_str().unwrap();
    fails(
        &book,
        &["load", file, "--kind", "invoices"],
        "line 4: C001 Acme Ltd is over its credit limit: limit 5,000.00, balance 5,000.00, this invoice 0.01 would take it 0.01 over",
    );
    let ledger = json(&book, &["ledger", "C001", "--format", "json"]);
    assert!(
        !ledger.to_string().contains("INV-10"),
        "all or nothing: {ledger}"
    );
    let out = ok(
        &book,
        &[
            "load",
            file,
            "--kind",
            "invoices",
            "--override",
            "opening balances",
        ],
    );
    assert!(out.contains("added 3"), "{out}");
    let rows = overrides(&book);
    assert_eq!(rows.len(), 1, "only INV-12 was past the limit: {rows:?}");
    assert!(rows[0]["new"].as_str().unwrap().starts_with("INV-12 "));
    assert_eq!(rows[0]["reason"], "opening balances");
}

#[test]
fn a_loaded_invoice_counts_only_its_open_part_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_near_its_limit(dir.path());
    let csv = dir.path().join("invoices.csv");
    std::fs::write(
        &csv,
        "customer,number,date,amount,open\nC001,INV-20,2026-10-01,10000,900\n",
    )
    .unwrap();
    fails(
        &book,
        &["load", csv.to_str().unwrap(), "--kind", "invoices"],
        "line 2: C001 Acme Ltd is over its credit limit: limit 5,000.00, balance 4,200.00, this invoice's open part 900.00 would take it 100.00 over",
    );
}
