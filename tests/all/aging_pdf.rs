//! The aging as PDF (`owed aging --format pdf --out FILE`), read back with `pdftotext`:
//! every customer row and the totals carry the figures `owed aging --format json`
//! gives, the header repeats on every page, A4 and Letter pages pass `qpdf --check`,
//! and names in Chinese and Cyrillic come out as written.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::bin::{json, owed, run};
use crate::common::helpers::d;
use crate::common::printed::{qpdf_ok, sample, text_of};
use owed::domain::aging::{Basis, Buckets};
use owed::report::{self, AgingOptions};

/// The amounts at the end of a `pdftotext -layout` line, as plain decimals.
fn trailing_amounts(line: &str, count: usize) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words[words.len().saturating_sub(count)..]
        .iter()
        .map(|w| w.replace(',', ""))
        .collect()
}

/// balance, each bucket, unapplied: as JSON strings, in the PDF's column order.
fn json_amounts(row: &Value) -> Vec<String> {
    let mut out = vec![row["balance"].as_str().unwrap().to_string()];
    out.extend(
        row["amounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string()),
    );
    out.push(row["unapplied"].as_str().unwrap().to_string());
    out
}

/// The page size `pdfinfo` reports, e.g. "841.89 x 595.276 pts (A4)".
fn page_size(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn the_pdf_shows_the_json_figures_with_the_header_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    owed(
        &book,
        &[
            "demo",
            "--customers",
            "90",
            "--invoices",
            "900",
            "--seed",
            "3",
            "--today",
            "2026-11-23",
        ],
    );
    let figures = json(
        &book,
        &["aging", "--as-of", "2026-11-23", "--format", "json"],
    );
    let rows = figures["rows"].as_array().unwrap();
    assert!(rows.len() > 40, "enough customers for several pages");
    let columns = figures["columns"].as_array().unwrap().len() + 2;
    for (paper, size) in [
        ("a4", "841.89 x 595.276 pts (A4)"),
        ("letter", "792 x 612 pts"),
    ] {
        owed(&book, &["settings", "set", "paper", paper]);
        let pdf = dir.path().join(format!("aging-{paper}.pdf"));
        let said = owed(
            &book,
            &[
                "aging",
                "--as-of",
                "2026-11-23",
                "--format",
                "pdf",
                "--out",
                pdf.to_str().unwrap(),
            ],
        );
        assert!(said.contains(pdf.to_str().unwrap()), "{said}");
        qpdf_ok(&pdf);
        // Landscape, so every bucket fits beside the name.
        assert!(page_size(&pdf).starts_with(size), "{}", page_size(&pdf));
        let text = text_of(&pdf);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(pages.len() >= 2, "{} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            let header = page
                .lines()
                .find(|l| l.trim_start().starts_with("Code"))
                .unwrap_or_else(|| panic!("page {} has no table header:\n{page}", n + 1));
            for title in [
                "Customer",
                "Balance",
                "Current",
                "1-30",
                "61-90",
                "90+",
                "Unapplied",
            ] {
                assert!(header.contains(title), "page {}: {header}", n + 1);
            }
            assert!(
                page.contains(&format!("Page {} of {}", n + 1, pages.len())),
                "page {}",
                n + 1
            );
        }
        assert!(text.contains("Aging as of 2026-11-23"));
        assert!(text.contains(&company_name(&book)));
        for row in rows {
            let code = row["code"].as_str().unwrap();
            let line = text
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{code} ")))
                .unwrap_or_else(|| panic!("{code} is not in the PDF"));
            assert_eq!(trailing_amounts(line, columns), json_amounts(row), "{line}");
        }
        let totals = text
            .lines()
            .find(|l| l.trim_start().starts_with("Total "))
            .expect("a totals line");
        assert_eq!(
            trailing_amounts(totals, columns),
            json_amounts(&figures["totals"])
        );
    }
}

/// The company name as the book has it.
fn company_name(book: &Path) -> String {
    let settings = json(book, &["settings", "show", "--format", "json"]);
    settings["company.name"]
        .as_str()
        .map(String::from)
        .unwrap_or_default()
}

#[test]
fn names_in_any_script_render_and_the_file_is_written_whole() {
    let store = sample();
    let aging = report::aging(
        &store,
        &AgingOptions {
            as_of: d("2026-11-23"),
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: false,
        },
    )
    .unwrap();
    let company = store.company_profile().unwrap();
    let sheet = owed::pdf::AgingSheet::new(&company, store.currency(), &aging.report, aging.rows());
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("aging.pdf");
    owed::pdf::write_aging_pdf(&pdf, &sheet).unwrap();
    qpdf_ok(&pdf);
    let text = text_of(&pdf);
    for name in [
        "深圳市华星贸易有限公司",
        "ООО «Ромашка»",
        "Müller & Søn Ærøskøbing",
    ] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    assert!(text.contains("Acme Trading GmbH"));
    // A folder, or a folder that is not there: refused in one line, nothing left behind.
    let error = owed::pdf::write_aging_pdf(dir.path(), &sheet).unwrap_err();
    assert!(error.to_string().contains("folder"), "{error}");
    let missing = dir.path().join("no such folder").join("aging.pdf");
    let error = owed::pdf::write_aging_pdf(&missing, &sheet).unwrap_err();
    assert!(error.to_string().starts_with("could not write"), "{error}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn pdf_needs_out_and_out_needs_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    owed(
        &book,
        &["customer", "add", "--code", "C1", "--name", "Acme"],
    );
    let (ok, _, stderr) = run(&book, &["aging", "--format", "pdf"]);
    assert!(!ok);
    assert!(stderr.contains("--out"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    let out = dir.path().join("aging.pdf");
    let (ok, _, stderr) = run(
        &book,
        &["aging", "--format", "json", "--out", out.to_str().unwrap()],
    );
    assert!(!ok);
    assert!(stderr.contains("--out"), "{stderr}");
    assert!(!out.exists());
    // A folder, or a folder that is not there: one line naming the path.
    for (out, said) in [
        (dir.path().to_path_buf(), "folder"),
        (dir.path().join("missing").join("aging.pdf"), "No such file"),
    ] {
        let (ok, _, stderr) = run(
            &book,
            &["aging", "--format", "pdf", "--out", out.to_str().unwrap()],
        );
        assert!(!ok);
        assert!(stderr.contains(out.to_str().unwrap()), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    }
}
