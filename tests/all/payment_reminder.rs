//! The level-0 payment reminder as a letter (`letter.0.send`): listed by `letters --due`
//! for customers with items falling due and nothing overdue, written and logged (not
//! archived), not written twice for the same items, no rung of the ladder; one by hand
//! with `owed letter --level 0`; its texts edited and reset like the other levels.

use crate::common::bin::{json, owed, run};
use crate::common::helpers::{customer, d, invoice, m};

use owed::domain::letters::{Level, default_template};
use owed::domain::terms::{Plan, Terms};
use owed::report::letters::{LetterRequest, build_letter};
use owed::report::statement::Context;
use owed::store::{BookSettings, Store};

fn post_invoice(store: &mut Store, code: &str, number: &str, date: &str, amount: &str) {
    let amount = m(store, amount);
    let net30: Terms = "net 30".parse().unwrap();
    store
        .post_debit(&invoice(code, number, date, amount, net30, Plan::Single))
        .unwrap();
}

fn dry_run(book: &std::path::Path, out: &std::path::Path, date: &str) -> serde_json::Value {
    json(
        book,
        &[
            "letters",
            "--due",
            "--date",
            date,
            "--dry-run",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

fn due_levels(json: &serde_json::Value) -> Vec<(String, u64)> {
    json["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["customer"].as_str().unwrap().to_string(),
                d["level"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_payment_reminder_is_sent_once_before_the_due_date_and_is_no_rung() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let out = dir.path().join("out");
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        customer(&mut store, "SOON");
        customer(&mut store, "LATE");
        // SOON: due 2026-11-25 and 2026-12-20; LATE: due 2026-10-01.
        post_invoice(&mut store, "SOON", "INV-S1", "2026-10-26", "120.00");
        post_invoice(&mut store, "SOON", "INV-S2", "2026-11-20", "80.00");
        post_invoice(&mut store, "LATE", "INV-L1", "2026-09-01", "100.00");
    }
    // Off by default: only the ladder's letter.
    let listed = dry_run(&book, &out, "2026-11-23");
    assert_eq!(due_levels(&listed), [("LATE".to_string(), 1)]);

    owed(&book, &["settings", "set", "letter.0.send", "yes"]);
    let listed = dry_run(&book, &out, "2026-11-23");
    assert_eq!(
        due_levels(&listed),
        [("LATE".to_string(), 1), ("SOON".to_string(), 0)]
    );
    let soon = &listed["due"][1];
    assert_eq!(soon["overdue"], "0.00");
    assert_eq!(soon["net_overdue"], "0.00");
    assert_eq!(soon["oldest_due_date"], "2026-11-25");
    assert_eq!(soon["days_overdue"], -2);
    assert_eq!(
        soon["reason"],
        "1 item(s) falling due 2026-11-25: payment reminder before the due date"
    );

    // Sent with the others: written, logged as a note, not archived.
    let text = owed(
        &book,
        &[
            "letters",
            "--due",
            "--date",
            "2026-11-23",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        text.contains("1 payment reminder before the due date"),
        "{text}"
    );
    assert!(out.join("SOON-L0-2026-11-23.pdf").exists());
    assert!(out.join("LATE-L1-2026-11-23.pdf").exists());
    assert!(out.join("letters-2026-11-23.pdf").exists());
    let store = Store::open(&book, owed::store::Access::Read).unwrap();
    // Both are archived; the reminder with its level 0.
    let mut issued: Vec<(String, Option<u8>)> = store
        .issued(None)
        .unwrap()
        .into_iter()
        .map(|i| (i.customer, i.level.map(|l| l.number())))
        .collect();
    issued.sort();
    assert_eq!(
        issued,
        [("LATE".to_string(), Some(1)), ("SOON".to_string(), Some(0))]
    );
    assert_eq!(
        store.payment_reminders_sent().unwrap()["SOON"],
        [d("2026-11-23")]
    );
    drop(store);

    // The next days: INV-S1 is already reminded of, nothing new falls due.
    assert!(due_levels(&dry_run(&book, &out, "2026-11-24")).is_empty());
    // Overdue from 11-26: the first letter of the spell is level 1, whatever the
    // reminder (and the interval does not count it).
    let listed = dry_run(&book, &out, "2026-11-26");
    assert_eq!(due_levels(&listed), [("SOON".to_string(), 1)]);
    // INV-S2 (due 12-20) gets its own reminder in its window, once INV-S1 is paid off.
    owed(
        &book,
        &[
            "payment",
            "add",
            "--customer",
            "SOON",
            "--date",
            "2026-11-25",
            "--amount",
            "120.00",
        ],
    );
    let listed = dry_run(&book, &out, "2026-12-17");
    assert_eq!(
        due_levels(&listed),
        [("LATE".to_string(), 2), ("SOON".to_string(), 0)]
    );
    assert_eq!(listed["due"][1]["oldest_due_date"], "2026-12-20");
}

#[test]
fn one_payment_reminder_by_hand_and_its_texts() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let out = dir.path().join("out");
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        customer(&mut store, "SOON");
        post_invoice(&mut store, "SOON", "INV-S1", "2026-10-26", "120.00");
    }
    // By hand, `letter.0.send` off or not: the letter lists what falls due.
    let text = owed(
        &book,
        &[
            "letter",
            "--customer",
            "SOON",
            "--level",
            "0",
            "--date",
            "2026-11-23",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        text.contains("letter level 0 (payment reminder) to SOON")
            && text.contains("120.00 falling due, pay by 2026-11-25"),
        "{text}"
    );
    assert!(text.contains("archived as issued #"), "{text}");
    assert!(out.join("SOON-L0-2026-11-23.pdf").exists());
    // Nothing falling due within the days before: one line saying so.
    let (ok, _, stderr) = run(
        &book,
        &[
            "letter",
            "--customer",
            "SOON",
            "--level",
            "0",
            "--date",
            "2026-11-01",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!ok);
    assert!(stderr.contains("nothing open falling due"), "{stderr}");

    // Its texts are edited, shown, audited and reset like the other levels'.
    owed(
        &book,
        &[
            "settings",
            "set",
            "letter.0.en.title",
            "Coming up: {due_date}",
        ],
    );
    let (ok, _, stderr) = run(
        &book,
        &["settings", "set", "letter.0.en.closing", "{signature}"],
    );
    assert!(!ok);
    assert!(stderr.contains("letter.0.en.closing"), "{stderr}");
    let store = Store::open(&book, owed::store::Access::Read).unwrap();
    let context = Context::new(&store, d("2026-11-23"), None).unwrap();
    let request = LetterRequest {
        customer: "SOON".into(),
        level: Level::BeforeDue,
        date: d("2026-11-23"),
        deadline: None,
        locale: None,
        email: false,
    };
    let letter = build_letter(&store, &context, &request).unwrap();
    assert_eq!(letter.title, "Coming up: 2026-11-25");
    assert_eq!(letter.items.len(), 1);
    assert_eq!(letter.deadline, d("2026-11-25"), "pay by the due date");
    assert_eq!(letter.total_overdue, m(&store, "120.00"));
    let zh = build_letter(
        &store,
        &context,
        &LetterRequest {
            locale: Some(owed::domain::company::Locale::ZhCn),
            ..request.clone()
        },
    )
    .unwrap();
    assert_eq!(zh.title, default_template(Level::BeforeDue, true).title);
    let log = store
        .audit_log(&owed::store::AuditFilter::default())
        .unwrap();
    assert!(
        log.iter()
            .any(|e| e.field.as_deref() == Some("letter.0.en.title")
                && e.new.as_deref() == Some("Coming up: {due_date}"))
    );
    drop(store);
    let shown = json(&book, &["settings", "show", "--format", "json"]);
    assert_eq!(shown["letter.0.en.title"], "Coming up: {due_date}");
    assert_eq!(shown["letter.0.send"], "no");
    owed(
        &book,
        &["settings", "reset-letter", "--level", "0", "--lang", "en"],
    );
    let shown = json(&book, &["settings", "show", "--format", "json"]);
    assert_eq!(
        shown["letter.0.en.title"],
        default_template(Level::BeforeDue, false).title
    );
}
