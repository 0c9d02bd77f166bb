//! Statements and demand letters, read back from the PDF: the figures on paper are the
//! ledger's and the aging report's, every open item is listed once, long statements
//! flow over pages, text in any script is there, every file passes `qpdf --check`, the
//! archive gives back the bytes issued, and `letters --due` escalates without repeating.
//! Needs `pdftotext` (poppler-utils) and `qpdf`, which `.ci/run` installs.

#[path = "common/helpers.rs"]
mod helpers;

use std::path::Path;
use std::process::Command;

use helpers::{book, credit, d, invoice, m};
use owed::domain::allocation::Apply;
use owed::domain::customer::CustomerDraft;
use owed::domain::document::DocKind;
use owed::domain::letters::Level;
use owed::domain::printed::{Period, StatementKind};
use owed::domain::terms::{Plan, Terms};
use owed::report::letters::{self, LetterRequest};
use owed::report::statement::{self, Context, Request, Selection};
use owed::report::{self, AgingOptions};
use owed::store::{Store, sha256_hex};

fn text_of(pdf: &Path) -> String {
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

fn qpdf_ok(pdf: &Path) {
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

fn add(store: &mut Store, code: &str, name: &str, contact: Option<&str>, address: Option<&str>) {
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
fn sample() -> Store {
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

fn request(kind: StatementKind, customers: Selection) -> Request {
    Request {
        period: Period::parse("2026-10").unwrap(),
        kind,
        customers,
        locale: None,
        archive: true,
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
fn letters_at_each_level_carry_the_merged_figures() {
    let mut store = sample();
    let dir = tempfile::tempdir().unwrap();
    let date = d("2026-11-23");
    let cur = store.currency().clone();
    for level in Level::ALL {
        for (code, lang) in [
            ("C001", None),
            ("C002", Some(owed::domain::company::Locale::ZhCn)),
        ] {
            let issued = letters::issue_letter(
                &mut store,
                &LetterRequest {
                    customer: code.into(),
                    level,
                    date,
                    deadline: None,
                    locale: lang,
                },
                dir.path(),
                true,
            )
            .unwrap();
            qpdf_ok(&issued.path);
            let text = text_of(&issued.path);
            let l = &issued.letter;
            assert!(
                text.contains(&cur.display(l.total_overdue)),
                "{level:?} {code}\n{text}"
            );
            for item in &l.items {
                assert!(
                    text.contains(&item.number),
                    "{level:?} {code} {}",
                    item.number
                );
            }
            if code == "C001" {
                assert!(text.contains("Zoë Lefèvre"));
                if matches!(level, Level::SecondNotice | Level::FinalDemand) {
                    assert!(
                        text.contains(&format!("{} days overdue", l.days_overdue)),
                        "{text}"
                    );
                }
                if matches!(level, Level::FinalDemand | Level::Legal) {
                    assert!(text.contains("2026-12-07"), "deadline 14 days on:\n{text}");
                }
            } else {
                assert!(text.contains("深圳市华星贸易有限公司") && text.contains("王先生"));
                if matches!(level, Level::FinalDemand | Level::Legal) {
                    assert!(text.contains("2026年12月7日"), "{text}");
                }
            }
        }
    }
    // Previews archive nothing and log no note.
    assert!(store.issued(None).unwrap().is_empty());
}

#[test]
fn letters_due_escalate_by_episode_without_repeating_a_level() {
    let mut store = sample();
    let dir = tempfile::tempdir().unwrap();
    let level_of = |due: &[letters::DueLetter], code: &str| {
        due.iter().find(|d| d.customer == code).map(|d| d.level)
    };
    // 2026-11-23: C001's INV-101 fell due 2026-08-09 (106 days): legal. C003's INV-301
    // fell due 2026-10-15 (39 days): final demand. C005's first installment 2026-09-14.
    let date = d("2026-11-23");
    let due = letters::due_letters(&store, date).unwrap();
    assert_eq!(level_of(&due, "C001"), Some(Level::Legal));
    assert_eq!(level_of(&due, "C003"), Some(Level::FinalDemand));
    assert_eq!(level_of(&due, "C004"), None);
    let context = Context::new(&store, date, None).unwrap();
    for d in &due {
        let request = LetterRequest {
            customer: d.customer.clone(),
            level: d.level,
            date,
            deadline: None,
            locale: None,
        };
        letters::issue_with(&mut store, &context, &request, dir.path(), false).unwrap();
    }
    // Each letter is archived with a collection note.
    assert_eq!(store.issued(None).unwrap().len(), due.len());
    let notes = store
        .notes(&owed::store::NoteFilter {
            customer: Some("C003".into()),
            due_as_of: None,
        })
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].summary.contains("level 3"), "{}", notes[0].summary);
    // The same day again: nobody is due a letter they already had.
    assert!(letters::due_letters(&store, date).unwrap().is_empty());
    // C003 passes 60 days: the next level, once.
    let later = d("2026-12-20");
    let due = letters::due_letters(&store, later).unwrap();
    assert_eq!(level_of(&due, "C003"), Some(Level::Legal));
    assert_eq!(level_of(&due, "C001"), None);
    // C003 pays up, then a new invoice goes overdue: a new episode starts at level 1.
    let amount = m(&store, "640.00");
    store
        .post_credit(&credit(
            "C003",
            DocKind::Payment,
            "PAY-3",
            "2026-12-21",
            amount,
            Apply::OldestFirst,
        ))
        .unwrap();
    let amount = m(&store, "75.00");
    let net30: Terms = "net 30".parse().unwrap();
    store
        .post_debit(&invoice(
            "C003",
            "INV-302",
            "2026-12-22",
            amount,
            net30,
            Plan::Single,
        ))
        .unwrap();
    let due = letters::due_letters(&store, d("2027-01-25")).unwrap();
    assert_eq!(level_of(&due, "C003"), Some(Level::Reminder));
}

#[test]
fn the_commands_issue_list_and_give_back_the_stored_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let owed = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_owed"))
            .arg("--book")
            .arg(&book)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    owed(&["init", "--company", "Acme", "--currency", "EUR"]);
    owed(&[
        "customer",
        "add",
        "--code",
        "C001",
        "--name",
        "Ærø ApS",
        "--contact",
        "Søren",
    ]);
    owed(&[
        "invoice",
        "add",
        "--customer",
        "C001",
        "--number",
        "INV-1",
        "--date",
        "2026-09-01",
        "--amount",
        "500.00",
    ]);
    let out_dir = dir.path().join("out");
    let out = owed(&[
        "statements",
        "--period",
        "2026-10",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.contains("1 open-item statement(s)"), "{out}");
    let letter = owed(&[
        "letter",
        "--customer",
        "C001",
        "--level",
        "3",
        "--date",
        "2026-11-01",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(letter.contains("500.00"), "{letter}");
    let list = owed(&["issued", "list", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    for row in rows.as_array().unwrap() {
        let id = row["id"].as_i64().unwrap().to_string();
        let back = dir.path().join(format!("back-{id}.pdf"));
        owed(&["issued", "show", &id, "--out", back.to_str().unwrap()]);
        let bytes = std::fs::read(&back).unwrap();
        assert_eq!(sha256_hex(&bytes), row["sha256"].as_str().unwrap());
        let original = std::fs::read(out_dir.join(row["file"].as_str().unwrap())).unwrap();
        assert_eq!(bytes, original);
    }
    let due = owed(&[
        "letters",
        "--due",
        "--date",
        "2026-11-05",
        "--dry-run",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        due.contains("0 customer(s) due"),
        "level 3 was sent this episode: {due}"
    );
}
