//! Shared by the statement and letter tests: a sample book in three scripts, and reading
//! a PDF back with `pdftotext` and checking it with `qpdf`.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use super::helpers::{book, credit, invoice, m};
use owed::domain::allocation::Apply;
use owed::domain::customer::CustomerDraft;
use owed::domain::document::DocKind;
use owed::domain::terms::{Plan, Terms};
use owed::store::Store;

pub fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn qpdf_ok(pdf: &Path) {
    let out = Command::new("qpdf")
        .args(["--check", pdf.to_str().unwrap()])
        .output()
        .expect("qpdf is installed");
    assert!(
        out.status.success(),
        "qpdf --check {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stdout)
    );
}

pub fn add(
    store: &mut Store,
    code: &str,
    name: &str,
    contact: Option<&str>,
    address: Option<&str>,
) {
    store
        .add_customer(&CustomerDraft {
            code: code.into(),
            name: name.into(),
            contact: contact.map(String::from),
            address: address.map(String::from),
            ..Default::default()
        })
        .unwrap();
}

/// Five customers in three scripts, one with nothing open, one with unapplied credit
/// and installments.
pub fn sample() -> Store {
    let mut s = book();
    s.set_company("Acme Trading GmbH").unwrap();
    add(
        &mut s,
        "C001",
        "Müller & Søn Ærøskøbing",
        Some("Zoë Lefèvre"),
        Some("Hauptstraße 5\n80331 München"),
    );
    add(
        &mut s,
        "C002",
        "深圳市华星贸易有限公司",
        Some("王先生"),
        Some("深圳市南山区科技园路1号"),
    );
    add(
        &mut s,
        "C003",
        "ООО «Ромашка»",
        None,
        Some("ул. Ленина, 10\nМосква"),
    );
    add(&mut s, "C004", "Quiet Customer", None, None);
    add(&mut s, "C005", "Split & Credit Ltd", None, None);
    let net30: Terms = "net 30".parse().unwrap();
    for (code, number, date, amount) in [
        ("C001", "INV-101", "2026-07-10", "1200.00"),
        ("C001", "INV-102", "2026-09-05", "350.50"),
        ("C001", "INV-103", "2026-10-20", "99.99"),
        ("C002", "INV-201", "2026-08-01", "8800.00"),
        ("C002", "INV-202", "2026-10-02", "1234.56"),
        ("C003", "INV-301", "2026-09-15", "640.00"),
        ("C004", "INV-401", "2026-05-01", "100.00"),
    ] {
        let amount = m(&s, amount);
        s.post_debit(&invoice(code, number, date, amount, net30, Plan::Single))
            .unwrap();
    }
    let amount = m(&s, "900.00");
    s.post_debit(&invoice(
        "C005",
        "INV-501",
        "2026-08-15",
        amount,
        net30,
        Plan::Installments(3),
    ))
    .unwrap();
    for (code, number, date, amount) in [
        ("C001", "PAY-1", "2026-08-20", "500.00"),
        ("C002", "PAY-2", "2026-10-15", "800.00"),
        ("C004", "PAY-4", "2026-06-01", "100.00"),
    ] {
        let amount = m(&s, amount);
        s.post_credit(&credit(
            code,
            DocKind::Payment,
            number,
            date,
            amount,
            Apply::OldestFirst,
        ))
        .unwrap();
    }
    let amount = m(&s, "150.00");
    s.post_credit(&credit(
        "C005",
        DocKind::Payment,
        "PAY-5",
        "2026-10-05",
        amount,
        Apply::Unapplied,
    ))
    .unwrap();
    s
}

/// Whether every one of `tools` runs here; if not, says which test is skipped and why
/// (CI installs them; a developer's machine may not have them).
pub fn tools_present(test: &str, tools: &[&str]) -> bool {
    for tool in tools {
        let runs = Command::new(tool)
            .arg("-v")
            .output()
            .map(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty())
            .unwrap_or(false);
        if !runs {
            eprintln!("note: {test} skipped: {tool} is not installed");
            return false;
        }
    }
    true
}

/// The cells of a `pdftotext -layout` page: each line cut where two or more spaces stand
/// between columns, trimmed.
pub fn cells(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| line.split("  "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}
