//! Text that can't hurt anyone, through the real `owed` binary: formula-safe CSV that
//! `load` reads back, hidden characters refused with one line, old books' hidden
//! characters shown escaped in aligned tables, and the exports that rebuild the book
//! (items, allocations, aging detail, in `text_rules/exports.rs`) tying to the aging
//! report.

use std::collections::HashMap;
use std::path::Path;

use rust_decimal::Decimal;

use crate::cli::{fails, json, ok, owed};

mod exports;

/// The records of a CSV text, header first.
pub(super) fn records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The records as maps from header to cell.
pub(super) fn rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut all = records(text);
    let header = all.remove(0);
    all.into_iter()
        .map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

pub(super) fn amount(cell: &str) -> Decimal {
    if cell.is_empty() {
        Decimal::ZERO
    } else {
        cell.parse()
            .unwrap_or_else(|_| panic!("'{cell}' is a plain number"))
    }
}

pub(super) fn init(book: &Path) {
    ok(book, &["init", "--currency", "EUR", "--company", "Test"]);
}

#[test]
fn formula_names_are_exported_safely_and_load_back_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    init(&book);
    let names = [
        ("C1", "=HYPERLINK(\"http://evil.example\",\"Pay here\")"),
        ("C2", "+1 Plus Corp"),
        ("C3", "-Minus GmbH"),
        ("C4", "@home Ltd"),
        ("C5", "'Allo 'Allo Café"),
    ];
    for (code, name) in names {
        ok(
            &book,
            &["customer", "add", "--code", code, &format!("--name={name}")],
        );
    }
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
            "--memo",
            "=1+1",
        ],
    );
    ok(
        &book,
        &[
            "payment",
            "add",
            "--customer",
            "C2",
            "--date",
            "2026-10-02",
            "--amount",
            "50.00",
            "--unapplied",
        ],
    );

    let file = dir.path().join("customers.csv");
    ok(
        &book,
        &["export", "customers", "--out", file.to_str().unwrap()],
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let exported = rows(&text);
    let cell = |code: &str| exported.iter().find(|r| r["code"] == code).unwrap()["name"].clone();
    assert_eq!(cell("C1"), format!("'{}", names[0].1));
    assert_eq!(cell("C2"), "'+1 Plus Corp");
    assert_eq!(cell("C3"), "'-Minus GmbH");
    assert_eq!(cell("C4"), "'@home Ltd");
    assert_eq!(
        cell("C5"),
        "'Allo 'Allo Café",
        "a name's own apostrophe is left"
    );

    // Every report's CSV and every export is neutralised; amounts stay numbers.
    let documents = ok(&book, &["export", "documents"]);
    assert!(documents.contains(",'=1+1,"), "{documents}");
    let aging = ok(
        &book,
        &["aging", "--as-of", "2026-10-31", "--format", "csv"],
    );
    assert!(aging.contains("\"'=HYPERLINK("), "{aging}");
    assert!(
        aging.contains(",-50.00\n"),
        "a negative amount is a number: {aging}"
    );
    let list = ok(&book, &["customer", "list", "--format", "csv"]);
    assert!(list.contains("'@home Ltd"), "{list}");
    assert!(!list.contains(",@home"), "{list}");
    let notes = {
        ok(
            &book,
            &[
                "note",
                "add",
                "--customer",
                "C4",
                "--channel",
                "call",
                "--summary=-called, no answer",
            ],
        );
        ok(&book, &["export", "notes"])
    };
    assert!(notes.contains("'-called, no answer"), "{notes}");

    // `load` reads our own export back: the names are exactly what was typed.
    let second = dir.path().join("second.owed");
    init(&second);
    ok(
        &second,
        &["load", file.to_str().unwrap(), "--kind", "customers"],
    );
    let loaded = json(&second, &["customer", "list", "--format", "json"]);
    let loaded: HashMap<String, String> = loaded
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap().to_string(),
                c["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (code, name) in names {
        assert_eq!(loaded[code], name, "{code}");
    }
}

#[test]
fn hidden_characters_blank_and_long_texts_are_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    init(&book);
    ok(
        &book,
        &["customer", "add", "--code", "C1", "--name", "Acme"],
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
    let add = |name: &str, expected: &str| {
        fails(
            &book,
            &["customer", "add", "--code", "C2", &format!("--name={name}")],
            expected,
        )
    };
    add(
        "A\u{7}B",
        "name: contains a control character (U+0007) at position 2",
    );
    add(
        "Acme\u{1b}[2J",
        "name: contains a control character (U+001B)",
    );
    add(
        "Acme\u{202E}gpj.exe",
        "name: contains a bidirectional override (U+202E)",
    );
    add("Acme\u{2066}Ltd", "(U+2066)");
    add("  \u{200B}  ", "the customer name must not be empty");
    add("Tab\there", "name: contains a control character (U+0009)");
    add(
        &"x".repeat(201),
        "name: is 201 characters long; at most 200 are accepted",
    );
    ok(
        &book,
        &[
            "customer",
            "add",
            "--code",
            "C2",
            &format!("--name={}", "x".repeat(200)),
        ],
    );
    fails(
        &book,
        &["customer", "edit", "C1", "--name=Acme\u{7}"],
        "name: contains a control character",
    );
    fails(
        &book,
        &["customer", "add", "--code", "C\u{1b}3", "--name", "Three"],
        "code: contains a control character (U+001B)",
    );
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
            "called\u{1b}]0;pwned\u{7}",
        ],
        "summary: contains a control character (U+001B)",
    );
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
            "\u{FEFF} ",
        ],
        "the summary must not be empty",
    );
    fails(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C1",
            "--number",
            "INV-2",
            "--amount",
            "5",
            "--memo",
            "late\u{202D}fee",
        ],
        "memo: contains a bidirectional override (U+202D)",
    );
    fails(
        &book,
        &[
            "payment",
            "add",
            "--customer",
            "C1",
            "--amount",
            "5",
            "--reference",
            "ref\nmore",
        ],
        "reference: contains a new line",
    );
    fails(
        &book,
        &[
            "void",
            "INV-1",
            "--date",
            "2026-10-02",
            "--reason",
            "typo\u{7}",
        ],
        "reason: contains a control character (U+0007)",
    );
    fails(
        &book,
        &["settings", "set", "company.name", "Test\u{202E}"],
        "company.name: contains a bidirectional override",
    );
    fails(
        &book,
        &["settings", "set", "company.tax_id", "DE\u{7}1"],
        "company.tax_id: contains a control character",
    );
    // Several lines are fine where the field is multi-line.
    ok(
        &book,
        &[
            "settings",
            "set",
            "company.address",
            "1 Main St\\nSpringfield",
        ],
    );
    ok(
        &book,
        &[
            "note",
            "add",
            "--customer",
            "C1",
            "--channel",
            "call",
            "--summary",
            "called\npromised Friday",
        ],
    );
}

#[test]
fn tables_escape_what_an_old_book_holds_and_stay_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    init(&book);
    let names = [
        ("C1", "Plain Ltd"),
        ("C2", "深圳华星贸易"),
        ("C3", "Cafe\u{301} Mu\u{308}ller"),
        ("C4", "😀 Smile"),
        ("C5", "Zero\u{200B}Width"),
    ];
    for (code, name) in names {
        ok(&book, &["customer", "add", "--code", code, "--name", name]);
        ok(
            &book,
            &[
                "note",
                "add",
                "--customer",
                code,
                "--channel",
                "call",
                "--summary",
                "called",
            ],
        );
    }
    // Texts an older Owed let in, written straight into the file.
    let hostile = [
        ("C6", "Tab\there"),
        ("C7", "Bell\u{7}\u{1b}[31mRed"),
        ("C8", "Acme\u{202E}gpj.exe"),
        ("C9", "Two\nLines"),
    ];
    {
        let conn = rusqlite::Connection::open(&book).unwrap();
        for (code, name) in hostile {
            conn.execute(
                "INSERT INTO customers (code, name, terms, on_hold, created_at)
                 VALUES (?1, ?2, 'net 30', 0, '2026-01-01T00:00:00+00:00')",
                [code, name],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO notes (customer_id, at, channel, direction, summary)
             SELECT id, '2026-10-01T09:00:00+00:00', 'call', 'out', 'rang\u{7}\tback\r' FROM customers WHERE code = 'C6'",
            [],
        )
        .unwrap();
    }
    let hidden = |text: &str| {
        text.chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c))
    };
    use unicode_width::UnicodeWidthStr;
    let list = ok(&book, &["customer", "list"]);
    assert!(!hidden(&list), "{list:?}");
    let lines: Vec<&str> = list.lines().collect();
    // Header, rule, one line per customer, rule, the count: no name broke a line.
    assert_eq!(lines.len(), 2 + names.len() + hostile.len() + 2, "{list}");
    // Every row's columns start where the header's do.
    let header = lines[0];
    let terms_at = header[..header.find("terms").unwrap()].width();
    for line in &lines[2..2 + names.len() + hostile.len()] {
        let prefix: String = {
            let mut width = 0;
            line.chars()
                .take_while(|c| {
                    width += c.to_string().width();
                    width <= terms_at
                })
                .collect()
        };
        assert_eq!(prefix.width(), terms_at, "{line:?}");
        assert!(
            line[prefix.len()..].starts_with("net 30"),
            "the terms column is in place: {line:?}"
        );
    }
    assert!(list.contains("Tab\\there") && list.contains("Bell\\u{7}\\u{1b}[31mRed"));
    assert!(list.contains("Acme\\u{202e}gpj.exe") && list.contains("Two\\nLines"));
    // A change that leaves the old name alone is not refused for it; a new name is checked.
    ok(&book, &["customer", "edit", "C7", "--hold"]);
    fails(
        &book,
        &["customer", "edit", "C7", "--name=Still\u{7}Bad"],
        "name: contains a control character",
    );
    ok(&book, &["customer", "edit", "C7", "--name", "Bell Red"]);
    let notes = ok(&book, &["note", "list"]);
    assert!(!hidden(&notes), "{notes:?}");
    assert!(notes.contains("rang\\u{7}\\tback\\r"), "{notes}");
    // A refusal that quotes what was typed is still one line.
    let output = owed(&book, &["ledger", "NO\u{1b}[2J\nSUCH"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(!hidden(stderr.trim_end()), "{stderr:?}");
}

/// Every CSV Owed writes goes through `csv_out`, so a writer added later is formula-safe
/// by construction: no other file may build a `csv::Writer` of its own.
#[test]
fn every_csv_is_written_through_the_one_safe_writer() {
    fn visit(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("src/csv_out.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.contains("csv::Writer") || text.contains("csv::WriterBuilder") {
                    found.push(path.display().to_string());
                }
            }
        }
    }
    let mut found = Vec::new();
    visit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    assert!(
        found.is_empty(),
        "write CSV through owed::csv_out::CsvOut instead: {found:?}"
    );
}
