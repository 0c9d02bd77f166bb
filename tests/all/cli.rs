//! The `owed` binary end to end: the contract scripts and later features rely on.

use std::path::Path;
use std::process::Output;

use rust_decimal::Decimal;
use serde_json::Value;

pub(crate) fn owed(book: &Path, args: &[&str]) -> Output {
    crate::common::bin::command()
        .arg("--book")
        .arg(book)
        .args(args)
        .output()
        .unwrap()
}

pub(crate) fn ok(book: &Path, args: &[&str]) -> String {
    let output = owed(book, args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

pub(crate) fn fails(book: &Path, args: &[&str], field: &str) {
    let before = std::fs::read(book).ok();
    let output = owed(book, args);
    assert!(!output.status.success(), "{args:?} should fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains(field),
        "{args:?}: '{stderr}' should name {field}"
    );
    if let Some(before) = before {
        // Nothing written: the main file is unchanged (the book is in WAL mode and closed).
        assert_eq!(std::fs::read(book).unwrap(), before);
    }
}

pub(crate) fn json(book: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(book, args)).unwrap()
}

pub(crate) fn dec(value: &Value) -> Decimal {
    value.as_str().unwrap().parse().unwrap()
}

#[test]
fn post_allocate_report_and_refuse_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    ok(
        &book,
        &["init", "--currency", "EUR", "--company", "Müller & Söhne"],
    );
    ok(
        &book,
        &[
            "customer",
            "add",
            "--code",
            "C001",
            "--name",
            "深圳市华星贸易有限公司",
            "--terms",
            "net 30",
            "--credit-limit",
            "1000",
        ],
    );
    ok(
        &book,
        &[
            "customer",
            "add",
            "--code",
            "C002",
            "--name",
            "ООО «Ромашка»",
            "--terms",
            "eom 10",
        ],
    );
    let out = ok(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C001",
            "--number",
            "INV-1001",
            "--date",
            "2026-10-01",
            "--amount",
            "1200.00",
            "--installments",
            "3",
            // Over C001's limit of 1,000.00: posted on purpose (credit control).
            "--override",
            "large order agreed",
        ],
    );
    assert!(
        out.contains("installment 3 due 2026-12-31: 400.00"),
        "{out}"
    );
    ok(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C001",
            "--number",
            "INV-1002",
            "--date",
            "2026-10-05",
            "--amount",
            "99.99",
            "--deposit",
            "30%",
            "--override",
            "large order agreed",
        ],
    );
    ok(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C002",
            "--number",
            "INV-2001",
            "--date",
            "2026-09-15",
            "--amount",
            "500",
        ],
    );
    let out = ok(
        &book,
        &[
            "payment",
            "add",
            "--customer",
            "C001",
            "--date",
            "2026-10-15",
            "--amount",
            "500.00",
            "--apply",
            "INV-1001:300.00,INV-1002",
        ],
    );
    assert!(
        out.contains("applied 300.00 to INV-1001/1")
            && out.contains("applied 30.00 to INV-1002/1")
            && out.contains("applied 69.99 to INV-1002/2"),
        "{out}"
    );
    assert!(out.contains("unapplied credit 100.01"), "{out}");
    ok(
        &book,
        &[
            "fee",
            "add",
            "--customer",
            "C002",
            "--date",
            "2026-11-20",
            "--amount",
            "12.50",
            "--memo",
            "late fee",
        ],
    );
    ok(
        &book,
        &[
            "note",
            "add",
            "--customer",
            "C002",
            "--channel",
            "call",
            "--summary",
            "Promised to pay",
            "--promise",
            "2026-11-30:500.00",
            "--follow-up",
            "2026-11-21",
        ],
    );

    // Bad input: one line naming the field, nothing written.
    fails(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C001",
            "--amount",
            "12.345",
            "--date",
            "2026-10-01",
        ],
        "--amount",
    );
    fails(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C001",
            "--amount",
            "12",
            "--date",
            "2026-02-30",
        ],
        "--date",
    );
    fails(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C404",
            "--amount",
            "12",
            "--date",
            "2026-10-01",
        ],
        "C404",
    );
    fails(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C001",
            "--number",
            "INV-1001",
            "--amount",
            "12",
            "--date",
            "2026-10-01",
        ],
        "INV-1001",
    );
    fails(
        &book,
        &[
            "payment",
            "add",
            "--customer",
            "C001",
            "--amount",
            "10",
            "--apply",
            "INV-1001:5000",
            "--date",
            "2026-10-20",
        ],
        "INV-1001",
    );
    fails(&book, &["aging", "--buckets", "30,20"], "--buckets");
    fails(
        &book,
        &[
            "note",
            "add",
            "--customer",
            "C001",
            "--channel",
            "pigeon",
            "--summary",
            "x",
        ],
        "--channel",
    );
    fails(&book, &["void", "INV-9999"], "INV-9999");

    let aging = json(
        &book,
        &["aging", "--as-of", "2026-11-23", "--format", "json"],
    );
    assert_eq!(
        aging["columns"],
        serde_json::json!(["Current", "1-30", "31-60", "61-90", "90+"])
    );
    assert_eq!(aging["by"], "due");
    let rows = aging["rows"].as_array().unwrap();
    assert_eq!(rows[0]["code"], "C001");
    // C001: 1299.99 invoiced − 500.00 paid = 799.99 (100.01 of it unapplied).
    assert_eq!(rows[0]["balance"], "799.99");
    assert_eq!(rows[0]["unapplied"], "-100.01");
    // C002: 500 due 2026-10-31 (eom 10 from 09-15 → 10-10), 12.50 fee due 11-20.
    assert_eq!(
        rows[1]["amounts"],
        serde_json::json!(["0.00", "12.50", "500.00", "0.00", "0.00"])
    );
    assert_eq!(aging["totals"]["balance"], "1312.49");

    let ledger = json(
        &book,
        &["ledger", "C001", "--from", "2026-10-03", "--format", "json"],
    );
    assert_eq!(ledger["opening"], "1200.00");
    assert_eq!(ledger["closing"], "799.99");
    assert_eq!(ledger["entries"].as_array().unwrap().len(), 2);

    let list = json(
        &book,
        &[
            "customer",
            "list",
            "--format",
            "json",
            "--as-of",
            "2026-11-23",
        ],
    );
    assert_eq!(list[0]["credit_limit"], "1000.00");
    assert_eq!(list[0]["terms"], "net 30");
    assert_eq!(list[1]["overdue"], "512.50");

    let due = json(&book, &["note", "list", "--due", "--format", "json"]);
    assert_eq!(due.as_array().unwrap().len(), 1);
    assert_eq!(due[0]["promise"]["amount"], "500.00");

    let csv = ok(
        &book,
        &["aging", "--as-of", "2026-11-23", "--format", "csv"],
    );
    assert!(
        csv.starts_with("code,name,balance,current,1-30,31-60,61-90,90+,unapplied\n"),
        "{csv}"
    );
    assert!(ok(&book, &["check"]).trim() == "ok");
    ok(
        &book,
        &[
            "void",
            "INV-1002",
            "--date",
            "2026-11-01",
            "--reason",
            "wrong customer",
        ],
    );
    let after = json(
        &book,
        &["aging", "--as-of", "2026-11-23", "--format", "json"],
    );
    assert_eq!(after["rows"][0]["unapplied"], "-200.00");
    let before_void = json(
        &book,
        &["aging", "--as-of", "2026-10-31", "--format", "json"],
    );
    assert_eq!(before_void["rows"][0]["unapplied"], "-100.01");
    assert!(ok(&book, &["check"]).trim() == "ok");
    // Customers go out in the columns `load` reads and come back the same.
    let exported = dir.path().join("customers.csv");
    assert!(
        ok(
            &book,
            &["export", "customers", "--out", exported.to_str().unwrap()]
        )
        .contains("wrote 2 rows")
    );
    let other = dir.path().join("other.owed");
    ok(
        &other,
        &["load", exported.to_str().unwrap(), "--kind", "customers"],
    );
    let names = |b: &Path| -> Vec<Value> {
        json(b, &["customer", "list", "--format", "json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].clone())
            .collect()
    };
    assert_eq!(names(&book), names(&other));
    let documents = ok(&book, &["export", "documents"]);
    assert!(
        documents.contains(
            "2026-11-01,void,VOID-INV-1002,C001,,99.99,INV-1002,wrong customer,INV-1002,"
        ),
        "{documents}"
    );
    let backup = dir.path().join("copy.owed");
    ok(&book, &["backup", backup.to_str().unwrap()]);
    assert_eq!(
        json(
            &backup,
            &["aging", "--as-of", "2026-11-23", "--format", "json"]
        ),
        after
    );
}

#[test]
fn demo_book_aging_totals_equal_the_customer_balances() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("demo.owed");
    ok(
        &book,
        &[
            "demo",
            "--customers",
            "40",
            "--invoices",
            "1500",
            "--seed",
            "7",
        ],
    );
    assert_eq!(ok(&book, &["check"]).trim(), "ok");
    let aging = json(&book, &["aging", "--format", "json"]);
    let list = json(&book, &["customer", "list", "--format", "json"]);
    let customers: Decimal = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| dec(&c["balance"]))
        .sum();
    assert_eq!(dec(&aging["totals"]["balance"]), customers);
    let columns: Decimal = aging["totals"]["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(dec)
        .sum();
    assert_eq!(columns + dec(&aging["totals"]["unapplied"]), customers);
    assert!(
        dec(&aging["totals"]["amounts"][4]) > Decimal::ZERO,
        "someone is over 90 days late"
    );
    // A demo refuses to fill a book that already has data.
    assert!(!owed(&book, &["demo"]).status.success());
    // JPY books have no decimals.
    let yen = dir.path().join("yen.owed");
    ok(&yen, &["init", "--currency", "JPY", "--minor-units", "0"]);
    ok(&yen, &["demo", "--customers", "5", "--invoices", "60"]);
    let aging = json(&yen, &["aging", "--format", "json"]);
    assert!(!aging["totals"]["balance"].as_str().unwrap().contains('.'));
}

#[test]
fn settings_show_set_and_reset_letters() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    ok(
        &book,
        &["init", "--currency", "EUR", "--company", "Müller & Söhne"],
    );
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, owed::domain::company::sample_png(200, 50)).unwrap();
    let gif = dir.path().join("logo.gif");
    std::fs::write(&gif, b"GIF89a\x10\x00\x10\x00\x00\x00").unwrap();

    let shown = ok(&book, &["settings", "show"]);
    assert!(shown.contains("company.name"), "{shown}");
    assert!(shown.contains("Müller & Söhne"));
    assert!(shown.contains("letter.4.days"));
    assert!(shown.contains("letter.1.zh.title"));

    assert_eq!(
        ok(
            &book,
            &[
                "settings",
                "set",
                "company.address",
                r"1 Hauptstraße\n10115 Berlin"
            ]
        ),
        "company.address = 1 Hauptstraße\\n10115 Berlin\n"
    );
    ok(&book, &["settings", "set", "company.name", "Müller GmbH"]);
    ok(&book, &["settings", "set", "paper", "letter"]);
    ok(&book, &["settings", "set", "locale", "zh-CN"]);
    ok(
        &book,
        &["settings", "set", "company.logo", logo.to_str().unwrap()],
    );
    ok(&book, &["settings", "set", "letter.2.days", "21"]);
    ok(&book, &["settings", "set", "letter.1.zh.title", "温馨提示"]);
    ok(
        &book,
        &[
            "settings",
            "set",
            "letter.1.en.paragraphs",
            r"Dear {contact},\n\nPlease pay {total_overdue}.\n\n{items}",
        ],
    );

    let shown = json(&book, &["settings", "show", "--format", "json"]);
    assert_eq!(shown["company.name"], "Müller GmbH");
    assert_eq!(shown["company.address"], "1 Hauptstraße\n10115 Berlin");
    assert_eq!(shown["paper"], "letter");
    assert_eq!(shown["locale"], "zh-CN");
    assert_eq!(shown["company.logo"], "PNG 200 × 50 px, 1 KB");
    assert_eq!(shown["letter.2.days"], "21");
    assert_eq!(shown["letter.1.zh.title"], "温馨提示");
    assert_eq!(
        shown["letter.1.en.paragraphs"],
        "Dear {contact},\n\nPlease pay {total_overdue}.\n\n{items}"
    );

    fails(
        &book,
        &["settings", "set", "company.fax", "1"],
        "company.fax: unknown setting",
    );
    fails(
        &book,
        &["settings", "set", "paper", "A5"],
        "use a4 or letter",
    );
    fails(
        &book,
        &["settings", "set", "locale", "fr"],
        "en, en-US, en-GB, zh-CN",
    );
    fails(
        &book,
        &["settings", "set", "company.logo", gif.to_str().unwrap()],
        "PNG or JPEG",
    );
    fails(
        &book,
        &["settings", "set", "letter.3.days", "20"],
        "letter.3.days: level 3 (20 days) must come after level 2 (21 days)",
    );
    fails(
        &book,
        &[
            "settings",
            "set",
            "letter.1.en.closing",
            "Regards, {sender}",
        ],
        "unknown merge field {sender}",
    );
    fails(
        &book,
        &["settings", "reset-letter", "--level", "7"],
        "--level",
    );
    fails(
        &book,
        &["settings", "reset-letter", "--level", "1", "--lang", "fr"],
        "--lang",
    );

    ok(
        &book,
        &["settings", "reset-letter", "--level", "1", "--lang", "zh"],
    );
    let shown = json(&book, &["settings", "show", "--format", "json"]);
    assert_eq!(shown["letter.1.zh.title"], "付款提醒");
    assert_eq!(
        shown["letter.1.en.paragraphs"],
        "Dear {contact},\n\nPlease pay {total_overdue}.\n\n{items}",
        "only Chinese was reset"
    );
    ok(&book, &["settings", "reset-letter", "--level", "1"]);
    ok(&book, &["settings", "set", "company.logo", ""]);
    let shown = json(&book, &["settings", "show", "--format", "json"]);
    assert_eq!(shown["letter.1.en.title"], "Friendly payment reminder");
    assert_eq!(shown["company.logo"], "");
}

#[test]
fn undoing_an_import_that_statements_counted_asks_for_yes() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    ok(&book, &["init", "--currency", "USD"]);
    ok(
        &book,
        &["customer", "add", "--code", "C1", "--name", "Acme Trading"],
    );
    ok(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C1",
            "--number",
            "INV-1",
            "--date",
            "2026-10-01",
            "--amount",
            "100.00",
        ],
    );
    let statement = dir.path().join("bank.csv");
    std::fs::write(
        &statement,
        "Date,Payer,Details,Amount\n2026-10-20,Acme Trading,INV-1,100.00\n",
    )
    .unwrap();
    ok(&book, &["import", statement.to_str().unwrap()]);
    let out = dir.path().join("out");
    ok(
        &book,
        &[
            "statements",
            "--period",
            "2026-10",
            "--kind",
            "activity",
            "--customers",
            "all",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let asked = owed(&book, &["import", "undo", "1"]);
    assert!(!asked.status.success());
    let said = String::from_utf8_lossy(&asked.stderr);
    assert!(
        said.contains("C1-2026-10.pdf") && said.contains("--yes"),
        "{said}"
    );
    let aging: Value = json(
        &book,
        &["aging", "--as-of", "2026-10-31", "--format", "json"],
    );
    assert_eq!(aging["totals"]["balance"], "0.00", "nothing undone yet");
    ok(&book, &["import", "undo", "1", "--yes"]);
    let aging: Value = json(
        &book,
        &["aging", "--as-of", "2026-10-31", "--format", "json"],
    );
    assert_eq!(
        aging["totals"]["balance"], "100.00",
        "October no longer shows the money"
    );
    ok(&book, &["check"]);
}
