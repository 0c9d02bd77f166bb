//! Figures that could go into the book wrong without an error, now refused or read one
//! way everywhere: amount text in the book's number format, the amount and date bounds,
//! refunds only of money paid in, and a change of decimals that would rescale stored
//! amounts.

use serde_json::Value;

use crate::cli::{dec, fails, json, ok, owed};

fn book_with_customer(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let book = dir.path().join("book.owed");
    ok(&book, &["init", "--currency", "USD", "--company", "Test"]);
    ok(
        &book,
        &["customer", "add", "--code", "C1", "--name", "Acme"],
    );
    book
}

fn balance(book: &std::path::Path) -> String {
    let report: Value = json(book, &["aging", "--format", "json"]);
    report["totals"]["balance"].as_str().unwrap().to_string()
}

#[test]
fn a_comma_is_never_a_silent_decimal_mark() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_with_customer(&dir);
    fn invoice(amount: &str) -> Vec<&str> {
        vec![
            "invoice",
            "add",
            "--customer",
            "C1",
            "--date",
            "2026-11-01",
            "--amount",
            amount,
        ]
    }
    // Today `12,50` posted 1250.00 without a word.
    for refused in [
        "12,50", "1,2,3", "1,25.00", "1e3", "NaN", "inf", "+12", "12.505",
    ] {
        fails(&book, &invoice(refused), "--amount");
    }
    let message = String::from_utf8_lossy(&owed(&book, &invoice("12,50")).stderr).to_string();
    assert!(
        message.contains("'12,50'") && message.contains("1,234.50"),
        "shows what was typed and what is accepted: {message}"
    );
    assert_eq!(balance(&book), "0.00");
    ok(&book, &invoice("1,250.00"));
    ok(&book, &invoice("12,345,678.90"));
    assert_eq!(balance(&book), "12346928.90");
    // The same parser for --apply.
    ok(&book, &invoice("100.00"));
    fn pay(apply: &str) -> Vec<&str> {
        vec![
            "payment",
            "add",
            "--customer",
            "C1",
            "--date",
            "2026-11-05",
            "--amount",
            "10",
            "--apply",
            apply,
        ]
    }
    fails(&book, &pay("INV-000003:12,50"), "--apply");
    ok(&book, &pay("INV-000003:1.50,INV-000001"));
}

#[test]
fn a_decimal_comma_book_reads_and_shows_its_own_way() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    ok(&book, &["init", "--currency", "EUR", "--company", "Müller"]);
    ok(&book, &["settings", "set", "locale", "de-DE"]);
    ok(
        &book,
        &[
            "customer",
            "add",
            "--code",
            "C1",
            "--name",
            "Kunde",
            "--credit-limit",
            "5.000,00",
        ],
    );
    fn invoice(amount: &str) -> Vec<&str> {
        vec![
            "invoice",
            "add",
            "--customer",
            "C1",
            "--date",
            "2026-11-01",
            "--amount",
            amount,
        ]
    }
    ok(&book, &invoice("12,50"));
    ok(&book, &invoice("1.250,00"));
    fails(&book, &invoice("12.50"), "--amount");
    assert_eq!(balance(&book), "1262.50", "JSON stays plain");
    let table = ok(&book, &["aging"]);
    assert!(
        table.contains("1.262,50"),
        "people see the locale's way:\n{table}"
    );
    let customers: Value = json(&book, &["customer", "list", "--format", "json"]);
    assert_eq!(customers[0]["credit_limit"], "5000.00");
    // French: spaces group thousands.
    ok(&book, &["settings", "set", "locale", "fr-FR"]);
    ok(&book, &invoice("1 000,5"));
    assert_eq!(balance(&book), "2263.00");
}

#[test]
fn amounts_and_dates_have_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_with_customer(&dir);
    fn invoice<'a>(date: &'a str, amount: &'a str) -> Vec<&'a str> {
        vec![
            "invoice",
            "add",
            "--customer",
            "C1",
            "--date",
            date,
            "--amount",
            amount,
        ]
    }
    // Two of these made `owed check` fail for ever with "integer overflow".
    fails(
        &book,
        &invoice("2026-11-01", "50,000,000,000,000,000.00"),
        "--amount",
    );
    fails(&book, &invoice("2026-11-01", "1000000000000"), "--amount");
    ok(&book, &invoice("2026-11-01", "999,999,999,999.99"));
    ok(&book, &invoice("2026-11-02", "999,999,999,999.99"));
    ok(&book, &["check"]);
    let report: Value = json(&book, &["aging", "--format", "json"]);
    assert_eq!(
        dec(&report["totals"]["balance"]).to_string(),
        "1999999999999.98"
    );
    // Dates outside 1900..2199 are refused in words, not by a raw SQL CHECK.
    for far in ["9999-12-31", "+10000-01-01", "1899-12-31", "2200-01-01"] {
        fails(&book, &invoice(far, "10"), "--date");
        let message = String::from_utf8_lossy(&owed(&book, &invoice(far, "10")).stderr).to_string();
        assert!(!message.contains("CHECK"), "{message}");
    }
    let message =
        String::from_utf8_lossy(&owed(&book, &invoice("9999-12-31", "10")).stderr).to_string();
    assert!(message.contains("1900-01-01 to 2199-12-31"), "{message}");
    // The last day is a date a book keeps, but not a due date 30 days after it, which
    // today was stored as 2200-01-30.
    let mut late = invoice("2199-12-31", "10");
    let message = String::from_utf8_lossy(&owed(&book, &late).stderr).to_string();
    assert!(
        message.contains("the due date would be 2200-01-30") && message.contains("2199-12-31"),
        "{message}"
    );
    late.extend(["--terms", "due on receipt"]);
    ok(&book, &late);
    fails(
        &book,
        &[
            "note",
            "add",
            "--customer",
            "C1",
            "--channel",
            "call",
            "--summary",
            "x",
            "--follow-up",
            "9999-12-31",
        ],
        "--follow-up",
    );
}

#[test]
fn a_refund_pays_back_only_money_paid_in() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_with_customer(&dir);
    let post = |kind: &str, number: &str, amount: &str| {
        ok(
            &book,
            &[
                kind,
                "add",
                "--customer",
                "C1",
                "--number",
                number,
                "--date",
                "2026-11-01",
                "--amount",
                amount,
                "--unapplied",
            ],
        );
    };
    post("writeoff", "WO-1", "100.00");
    // Today this posted cash out of a bad-debt write-off.
    fails(
        &book,
        &[
            "refund",
            "add",
            "--customer",
            "C1",
            "--amount",
            "50",
            "--of",
            "WO-1",
        ],
        "write",
    );
    fails(
        &book,
        &["refund", "add", "--customer", "C1", "--amount", "50"],
        "refund",
    );
    // A credit note can be paid back only as far as the customer paid money in.
    post("credit", "CN-1", "80.00");
    fails(
        &book,
        &[
            "refund",
            "add",
            "--customer",
            "C1",
            "--amount",
            "30",
            "--of",
            "CN-1",
        ],
        "paid in",
    );
    post("payment", "PAY-1", "20.00");
    ok(
        &book,
        &[
            "refund",
            "add",
            "--customer",
            "C1",
            "--amount",
            "20",
            "--of",
            "CN-1",
            "--date",
            "2026-11-02",
        ],
    );
    fails(
        &book,
        &[
            "refund",
            "add",
            "--customer",
            "C1",
            "--amount",
            "0.01",
            "--of",
            "PAY-1",
            "--date",
            "2026-11-02",
        ],
        "paid in",
    );
    ok(&book, &["check"]);
}

#[test]
fn decimals_do_not_change_under_stored_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    ok(&book, &["init", "--currency", "USD", "--minor-units", "2"]);
    // With nothing stored, the decimals can still change.
    ok(&book, &["init", "--currency", "BHD", "--minor-units", "3"]);
    ok(&book, &["init", "--currency", "USD", "--minor-units", "2"]);
    ok(
        &book,
        &[
            "customer",
            "add",
            "--code",
            "C1",
            "--name",
            "Acme",
            "--credit-limit",
            "5,000.00",
        ],
    );
    // USD/2 -> JPY/0 turned a 5,000.00 limit into 500,000.
    fails(
        &book,
        &["init", "--currency", "JPY", "--minor-units", "0"],
        "credit limit",
    );
    let customers: Value = json(&book, &["customer", "list", "--format", "json"]);
    assert_eq!(customers[0]["credit_limit"], "5000.00");
    // The same decimals under another code is no rescaling.
    ok(&book, &["init", "--currency", "EUR", "--minor-units", "2"]);
}
