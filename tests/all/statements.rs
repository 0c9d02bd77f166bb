//! Statements and demand letters, read back from the PDF: the figures on paper are the
//! ledger's and the aging report's, every open item is listed once, long statements
//! flow over pages, text in any script is there, every file passes `qpdf --check`, the
//! archive gives back the bytes issued, and `letters --due` escalates without repeating.
//! Needs `pdftotext` (poppler-utils) and `qpdf`, which `.ci/run` installs.

use std::path::Path;
use std::process::Command;

use crate::common::{helpers, printed};

use helpers::{book, d, invoice};
use owed::domain::printed::{Period, StatementKind};
use owed::domain::terms::{Plan, Terms};
use owed::report::statement::{self, Context, Request, Selection};
use owed::report::{self, AgingOptions};
use owed::store::sha256_hex;
use printed::{add, qpdf_ok, sample, text_of};

fn request(kind: StatementKind, customers: Selection) -> Request {
    Request {
        period: Period::parse("2026-10").unwrap(),
        kind,
        customers,
        locale: None,
        archive: true,
        email: false,
    }
}

#[test]
fn open_item_statements_tie_to_ledger_and_aging() {
    let mut store = sample();
    let dir = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    let summary = statement::batch(
        &mut store,
        &request(StatementKind::OpenItem, Selection::All),
        dir.path(),
        |done, total| seen.push((done, total)),
    )
    .unwrap();
    assert_eq!(seen.last(), Some(&(5, 5)));
    // C004 paid everything: nothing to say.
    assert_eq!(summary.skipped, 1);
    assert_eq!(summary.written.len(), 4);
    assert_eq!(summary.archived.len(), 4);
    let date = d("2026-10-31");
    let aging = report::aging(
        &store,
        &AgingOptions {
            as_of: date,
            basis: Default::default(),
            buckets: Default::default(),
            detail: true,
        },
    )
    .unwrap();
    let cur = store.currency().clone();
    for (code, path) in &summary.written {
        assert_eq!(
            path.file_name().unwrap().to_str().unwrap(),
            format!("{code}-2026-10.pdf")
        );
        qpdf_ok(path);
        let text = text_of(path);
        let (_, ledger) = report::customer_ledger(&store, code, None, Some(date)).unwrap();
        let (_, _, row) = aging
            .rows()
            .into_iter()
            .find(|(c, _, _)| c == code)
            .unwrap();
        assert_eq!(row.balance, ledger.closing, "{code}");
        // The aging box: every bucket and the balance, as the aging report has them.
        let line = text
            .lines()
            .skip_while(|l| !l.contains("Current"))
            .nth(1)
            .unwrap_or_else(|| panic!("{code}: no aging box in\n{text}"));
        let figures: Vec<&str> = line.split_whitespace().collect();
        let mut expected: Vec<String> = row.amounts.iter().map(|a| cur.display(*a)).collect();
        if !row.unapplied.is_zero() {
            expected.push(cur.display(row.unapplied));
        }
        expected.push(cur.display(ledger.closing));
        assert!(
            figures.starts_with(&expected.iter().map(String::as_str).collect::<Vec<_>>()),
            "{code}: aging box {figures:?}, report {expected:?}"
        );
        // Every open item listed once, with its open amount.
        for item in &row.items {
            let lines: Vec<&str> = text.lines().filter(|l| l.contains(&item.number)).collect();
            let expected = row.items.iter().filter(|i| i.number == item.number).count();
            assert_eq!(lines.len(), expected, "{code} {}:\n{text}", item.number);
            assert!(
                lines
                    .iter()
                    .any(|l| l.trim_end().ends_with(&cur.display(item.open)))
            );
        }
        assert!(text.contains("Page 1 of 1"), "{code}");
    }
    let c001 = text_of(&summary.written[0].1);
    assert!(c001.contains("Müller & Søn Ærøskøbing"), "{c001}");
    assert!(c001.contains("Zoë Lefèvre") && c001.contains("Hauptstraße 5"));
    assert!(c001.contains("Acme Trading GmbH"));
    let c002 = text_of(&summary.written[1].1);
    assert!(c002.contains("深圳市华星贸易有限公司"), "{c002}");
    assert!(c002.contains("深圳市南山区科技园路1号"));
    let c003 = text_of(&summary.written[2].1);
    assert!(
        c003.contains("ООО «Ромашка»") && c003.contains("Москва"),
        "{c003}"
    );
    // Unapplied credit is listed and lowers what is due now.
    let c005 = text_of(&summary.written[3].1);
    assert!(c005.contains("PAY-5") && c005.contains("-150.00"), "{c005}");
    assert!(c005.contains("INV-501/1") && c005.contains("INV-501/3"));
    // The combined file: every statement from a new page.
    let combined = summary.combined.unwrap();
    qpdf_ok(&combined);
    let all = text_of(&combined);
    assert_eq!(all.matches("Page 1 of 1").count(), 4);
    assert_eq!(all.matches('\u{c}').count(), 4);
}

#[test]
fn balance_forward_and_activity_show_the_ledger() {
    let mut store = sample();
    let date = d("2026-10-31");
    let dir = tempfile::tempdir().unwrap();
    let summary = statement::batch(
        &mut store,
        &request(
            StatementKind::BalanceForward,
            Selection::Codes(vec!["C001".into(), "C002".into()]),
        ),
        dir.path(),
        |_, _| {},
    )
    .unwrap();
    assert_eq!(summary.written.len(), 2);
    let cur = store.currency().clone();
    for (code, path) in &summary.written {
        qpdf_ok(path);
        let text = text_of(path);
        let (_, ledger) =
            report::customer_ledger(&store, code, Some(d("2026-10-01")), Some(date)).unwrap();
        let line = |label: &str| {
            text.lines()
                .find(|l| l.contains(label))
                .unwrap_or_else(|| panic!("{code}: no '{label}' in\n{text}"))
                .to_string()
        };
        assert!(
            line("Balance brought forward")
                .trim_end()
                .ends_with(&cur.display(ledger.opening))
        );
        assert!(
            line("Closing balance")
                .trim_end()
                .ends_with(&cur.display(ledger.closing))
        );
        for entry in &ledger.entries {
            assert_eq!(
                text.matches(&entry.number).count(),
                1,
                "{code} {}",
                entry.number
            );
        }
    }
    let summary = statement::batch(
        &mut store,
        &request(StatementKind::Activity, Selection::Overdue),
        dir.path(),
        |_, _| {},
    )
    .unwrap();
    // Overdue at 2026-10-31: C001, C002, C003 and C005; C003 had no October activity.
    assert_eq!(
        summary
            .written
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>(),
        ["C001", "C002", "C005"]
    );
    assert_eq!(summary.skipped, 1);
}

#[test]
fn a_300_item_statement_flows_over_pages_without_losing_a_row() {
    let mut store = book();
    add(
        &mut store,
        "BIG",
        "Большой Клиент 大客户",
        None,
        Some("Line 1\nLine 2"),
    );
    let net30: Terms = "net 30".parse().unwrap();
    store
        .batch(|b| {
            for i in 0..300 {
                let date = d("2026-01-01") + chrono::Days::new(i / 2);
                let amount = store_money(100 + i as i64);
                b.post_debit(&invoice(
                    "BIG",
                    &format!("N-{i:04}"),
                    &date.to_string(),
                    amount,
                    net30,
                    Plan::Single,
                ))?;
            }
            Ok(())
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let summary = statement::batch(
        &mut store,
        &request(StatementKind::OpenItem, Selection::All),
        dir.path(),
        |_, _| {},
    )
    .unwrap();
    let path = &summary.written[0].1;
    qpdf_ok(path);
    let text = text_of(path);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    // 27 rows fit under the first page's letterhead, 46 on each following page.
    let expected = 1 + (300usize - 27).div_ceil(46);
    assert_eq!(pages.len(), expected, "{text}");
    for (n, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {expected}", n + 1)),
            "page {n}"
        );
        assert!(
            page.contains("Days overdue"),
            "the header repeats on page {}",
            n + 1
        );
    }
    for i in 0..300 {
        assert_eq!(text.matches(&format!("N-{i:04}")).count(), 1, "N-{i:04}");
    }
    assert!(text.contains("Большой Клиент 大客户"));
}

fn store_money(cents: i64) -> owed::domain::Money {
    owed::domain::Currency::default().from_minor(cents * 100 + 25)
}

#[test]
fn the_same_statement_renders_to_the_same_bytes_and_the_archive_gives_them_back() {
    let mut store = sample();
    let date = d("2026-10-31");
    let context = Context::new(&store, date, None).unwrap();
    let customer = store.customer("C002").unwrap();
    let period = Period::parse("2026-10").unwrap();
    let s = statement::build(&store, &context, &customer, StatementKind::OpenItem, period).unwrap();
    let one = owed::pdf::statement_pdf(&s, context.company()).unwrap();
    let two = owed::pdf::statement_pdf(&s, context.company()).unwrap();
    assert_eq!(one, two);
    assert!(
        one.len() < 60_000,
        "the font is subset: {} bytes",
        one.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let summary = statement::batch(
        &mut store,
        &request(
            StatementKind::OpenItem,
            Selection::Codes(vec!["C002".into()]),
        ),
        dir.path(),
        |_, _| {},
    )
    .unwrap();
    let written = std::fs::read(&summary.written[0].1).unwrap();
    assert_eq!(written, one);
    let (info, stored) = store.issued_pdf(summary.archived[0]).unwrap();
    assert_eq!(stored, written);
    assert_eq!(info.sha256, sha256_hex(&stored));
    assert_eq!(info.customer, "C002");
    assert_eq!(info.period.as_deref(), Some("2026-10"));
    let listed = store.issued(Some("C002")).unwrap();
    assert_eq!(listed.len(), 1);
}

#[test]
fn the_company_profile_prints_letterhead_and_payment_instructions() {
    let store = sample();
    let date = d("2026-10-31");
    let context = Context::new(&store, date, Some(owed::domain::company::Locale::ZhCn)).unwrap();
    let customer = store.customer("C001").unwrap();
    let period = Period::parse("2026-10").unwrap();
    let s = statement::build(&store, &context, &customer, StatementKind::OpenItem, period).unwrap();
    let company = owed::domain::company::CompanyProfile {
        name: "Acme Trading GmbH".into(),
        address: "Industriestraße 1\n10115 Berlin".into(),
        phone: "+49 30 1234567".into(),
        email: "ar@acme.example".into(),
        tax_id: "DE123456789".into(),
        payment_instructions:
            "IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX\nPlease quote your customer number."
                .into(),
        paper: owed::domain::company::Paper::Letter,
        logo: Some(tiny_png()),
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.pdf");
    std::fs::write(&path, owed::pdf::statement_pdf(&s, &company).unwrap()).unwrap();
    qpdf_ok(&path);
    // OWED_TEST_PDF_DIR=DIR keeps the file, to look at.
    if let Ok(keep) = std::env::var("OWED_TEST_PDF_DIR") {
        std::fs::copy(&path, Path::new(&keep).join("profile.pdf")).unwrap();
    }
    let text = text_of(&path);
    for expected in [
        "Industriestraße 1",
        "DE123456789",
        "ar@acme.example",
        "付款方式",
        "IBAN DE89 3704 0044 0532 0130 00",
        "Please quote your customer number.",
        "第 1 页，共 1 页",
        "对账单",
        "2026-10-31",
    ] {
        assert!(text.contains(expected), "'{expected}' missing from\n{text}");
    }
    let images = Command::new("pdfimages")
        .args(["-list", path.to_str().unwrap()])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&images.stdout);
    assert_eq!(list.lines().count(), 3, "one logo image:\n{list}");
    assert!(list.contains("  40    20  rgb"), "{list}");
}

/// A 40 × 20 half-transparent red PNG.
fn tiny_png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, 40, 20);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    writer
        .write_image_data(&[200, 0, 0, 128].repeat(40 * 20))
        .unwrap();
    writer.finish().unwrap();
    out
}

#[test]
fn an_item_in_dispute_is_marked_on_the_statement() {
    let mut store = sample();
    store
        .open_dispute(&owed::store::NewDispute {
            invoice: "INV-102".into(),
            item: None,
            reason: "price not as quoted".into(),
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let summary = statement::batch(
        &mut store,
        &request(
            StatementKind::OpenItem,
            Selection::Codes(vec!["C001".into()]),
        ),
        dir.path(),
        |_, _| {},
    )
    .unwrap();
    let text = text_of(&summary.written[0].1);
    let line = |number: &str| {
        text.lines()
            .find(|l| l.contains(number))
            .unwrap_or_else(|| panic!("{number} missing:\n{text}"))
            .to_string()
    };
    assert!(line("INV-102").contains("(in dispute)"), "{text}");
    assert!(!line("INV-101").contains("dispute"), "{text}");
    assert!(!line("INV-103").contains("dispute"), "{text}");
}
