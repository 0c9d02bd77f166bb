//! Demand letters read back from the PDF: each level carries the merged figures in
//! English and Chinese, `letters --due` climbs one rung at a time by spell of lateness
//! without repeating a level, and the commands archive what they issue and give back the stored bytes.
//! Needs `pdftotext` (poppler-utils) and `qpdf`, which `.ci/run` installs.

use crate::common::{helpers, printed};

use std::process::Command;

use helpers::{credit, d, invoice, m};
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::letters::Level;
use owed::domain::terms::{Plan, Terms};
use owed::report::letters::{self, LetterRequest};
use owed::report::statement::Context;
use owed::store::sha256_hex;
use printed::{qpdf_ok, sample, text_of};

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
                    email: false,
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
                    // Dates as the screens show them, not 2026年12月7日.
                    assert!(text.contains("2026-12-07"), "{text}");
                    assert!(!text.contains("年12月"), "{text}");
                }
            }
        }
    }
    // A customer with nothing overdue gets no letter.
    let nothing = letters::issue_letter(
        &mut store,
        &LetterRequest {
            customer: "C004".into(),
            level: Level::Reminder,
            date,
            deadline: None,
            locale: None,
            email: false,
        },
        dir.path(),
        true,
    );
    assert!(nothing.is_err());
    // Previews archive nothing and log no note.
    assert!(store.issued(None).unwrap().is_empty());
}

#[test]
fn letters_due_climb_one_rung_at_a_time_by_spell_of_lateness() {
    let mut store = sample();
    let dir = tempfile::tempdir().unwrap();
    let level_of = |due: &[letters::DueLetter], code: &str| {
        due.iter().find(|d| d.customer == code).map(|d| d.level)
    };
    let due_on = |store: &owed::store::Store, date| letters::letter_run(store, date).unwrap().due;
    // 2026-11-23: C001's INV-101 fell due 2026-08-09 (106 days), C003's INV-301
    // 2026-10-15 (39 days). Nothing was sent yet, so both start at the reminder: the
    // ladder never skips a rung (the old rule sent C001 the lawyer's letter first).
    let date = d("2026-11-23");
    let due = due_on(&store, date);
    assert_eq!(level_of(&due, "C001"), Some(Level::Reminder));
    assert_eq!(level_of(&due, "C003"), Some(Level::Reminder));
    assert_eq!(level_of(&due, "C004"), None);
    let context = Context::new(&store, date, None).unwrap();
    for d in &due {
        let request = LetterRequest {
            customer: d.customer.clone(),
            level: d.level,
            date,
            deadline: None,
            locale: None,
            email: false,
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
    assert!(notes[0].summary.contains("level 1"), "{}", notes[0].summary);
    // The same day again: nobody is due a letter (the interval holds them).
    assert!(due_on(&store, date).is_empty());
    // 27 days on: each is due the next rung only, however late.
    let later = d("2026-12-20");
    let due = due_on(&store, later);
    assert_eq!(level_of(&due, "C003"), Some(Level::SecondNotice));
    assert_eq!(level_of(&due, "C001"), Some(Level::SecondNotice));
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
    let due = due_on(&store, d("2027-01-25"));
    assert_eq!(level_of(&due, "C003"), Some(Level::Reminder));
}

#[test]
fn the_commands_issue_list_and_give_back_the_stored_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let owed = |args: &[&str]| {
        let out = crate::common::bin::command()
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
    assert!(out.contains("1 open-item statement for"), "{out}");
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
        due.contains("0 customers due"),
        "level 3 was sent 4 days ago: the interval holds it: {due}"
    );
}

fn pages_of(pdf: &std::path::Path) -> usize {
    let out = Command::new("qpdf")
        .args(["--show-npages", pdf.to_str().unwrap()])
        .output()
        .expect("qpdf is installed");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn letters_due_are_also_written_into_one_file_to_print() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample();
    // Enough overdue items that C003's letter runs over several pages.
    let net30: Terms = "net 30".parse().unwrap();
    for n in 0..60 {
        let amount = m(&store, "10.00");
        store
            .post_debit(&invoice(
                "C003",
                &format!("INV-39{n:02}"),
                "2026-09-20",
                amount,
                net30,
                Plan::Single,
            ))
            .unwrap();
    }
    let book = dir.path().join("book.owed");
    store.backup_to(&book).unwrap();
    let date = d("2026-11-23");
    let due: Vec<(letters::DueLetter, String)> = letters::letter_run(&store, date)
        .unwrap()
        .due
        .into_iter()
        .map(|d| {
            let name = store.customer(&d.customer).unwrap().name;
            (d, name)
        })
        .collect();
    drop(store);
    assert!(due.len() >= 3, "{due:?}");
    let out_dir = dir.path().join("out");
    let out = crate::common::bin::command()
        .arg("--book")
        .arg(&book)
        .args(["letters", "--due", "--date", "2026-11-23", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let combined = out_dir.join("letters-2026-11-23.pdf");
    assert!(
        stdout.contains(&combined.display().to_string()),
        "the run names the combined file: {stdout}"
    );
    qpdf_ok(&combined);
    let all_text = text_of(&combined);
    let mut pages = 0;
    for (d, name) in &due {
        let one = out_dir.join(format!(
            "{}-L{}-2026-11-23.pdf",
            d.customer,
            d.level.number()
        ));
        qpdf_ok(&one);
        pages += pages_of(&one);
        assert!(text_of(&one).contains(name.as_str()), "{name}");
        assert!(
            all_text.contains(name.as_str()),
            "{}'s letter is in the combined file",
            d.customer
        );
    }
    // The first letter of C003's spell of lateness is the first rung, whatever its age.
    assert!(
        pages_of(&out_dir.join("C003-L1-2026-11-23.pdf")) > 1,
        "a letter of several pages"
    );
    assert_eq!(
        pages_of(&combined),
        pages,
        "each letter from a new page, no more, no less"
    );
    // Every letter and nothing else: the per-letter files, the combined one, no temporaries.
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), due.len() + 1, "{names:?}");
    // Each letter is archived with its note; the combined print file is not.
    let store = owed::store::Store::open(&book, owed::store::Access::Read).unwrap();
    let issued = store.issued(None).unwrap();
    assert_eq!(issued.len(), due.len());
    assert!(issued.iter().all(|i| !i.file_name.starts_with("letters-")));
}
