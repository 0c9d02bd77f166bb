//! The ladder's rules on a real book: a ladder per customer tier, the letter run's
//! warning about money in not yet matched (reconcile first), and a letter by hand
//! checked against the ladder.

use crate::common::bin::run;
use crate::common::helpers::{book, credit, customer, d, invoice, m};

use owed::domain::allocation::Apply;
use owed::domain::customer::{CustomerDraft, Tier};
use owed::domain::document::DocKind;
use owed::domain::letters::Level;
use owed::domain::terms::{Plan, Terms};
use owed::report::letters::{self, LetterRequest};
use owed::store::Store;

fn net30() -> Terms {
    "net 30".parse().unwrap()
}

fn post_invoice(store: &mut Store, code: &str, number: &str, date: &str, amount: &str) {
    let amount = m(store, amount);
    store
        .post_debit(&invoice(code, number, date, amount, net30(), Plan::Single))
        .unwrap();
}

fn send(store: &mut Store, code: &str, level: Level, date: &str) {
    let out = tempfile::tempdir().unwrap();
    letters::issue_letter(
        store,
        &LetterRequest {
            customer: code.into(),
            level,
            date: d(date),
            deadline: None,
            locale: None,
            email: false,
        },
        out.path(),
        false,
    )
    .unwrap();
}

fn tiered_customer(store: &mut Store, code: &str, tier: Option<Tier>) {
    store
        .add_customer(&CustomerDraft {
            code: code.into(),
            name: format!("Customer {code}"),
            tier,
            ..Default::default()
        })
        .unwrap();
}

#[test]
fn a_tier_with_a_faster_ladder_is_due_earlier() {
    let mut store = book();
    tiered_customer(&mut store, "PLAIN", None);
    tiered_customer(&mut store, "SLOWA", Some(Tier::A));
    tiered_customer(&mut store, "FASTC", Some(Tier::C));
    for code in ["PLAIN", "SLOWA", "FASTC"] {
        // Due 2026-10-01; level 1 went on 10-02.
        post_invoice(
            &mut store,
            code,
            &format!("INV-{code}"),
            "2026-09-01",
            "100.00",
        );
        send(&mut store, code, Level::Reminder, "2026-10-02");
    }
    store.set_setting("tier.C.letter.2.days", "6").unwrap();
    store
        .set_setting("tier.C.letter.interval_days", "3")
        .unwrap();
    let ladders = store.tier_ladders().unwrap();
    assert_eq!(ladders.for_tier(Some(Tier::C)).thresholds, [1, 6, 30, 60]);
    assert_eq!(ladders.for_tier(Some(Tier::C)).interval_days, 3);
    assert_eq!(ladders.for_tier(Some(Tier::A)), &ladders.book);
    assert_eq!(ladders.book.thresholds, [1, 15, 30, 60]);

    // 10-07: 6 days overdue, 5 days after level 1. Tier C's ladder sends level 2 (6
    // days, interval 3); the book-wide ladder (tier A sets nothing, so uses it too)
    // waits for 15 days.
    let run = letters::letter_run(&store, d("2026-10-07")).unwrap();
    let due: Vec<(&str, u8)> = run
        .due
        .iter()
        .map(|d| (d.customer.as_str(), d.level.number()))
        .collect();
    assert_eq!(due, [("FASTC", 2)]);
    for code in ["PLAIN", "SLOWA"] {
        let held = run.held.iter().find(|h| h.customer == code).unwrap();
        assert_eq!(
            held.reason.to_string(),
            "threshold not yet reached (level 2 at 15 days, 6 days overdue)"
        );
    }
    // An empty value puts the tier back on the book-wide ladder.
    store.set_setting("tier.C.letter.2.days", "").unwrap();
    let run = letters::letter_run(&store, d("2026-10-07")).unwrap();
    assert!(run.due.is_empty(), "{run:?}");
}

#[test]
fn an_invalid_tier_ladder_is_refused_with_one_line() {
    let mut store = book();
    // Level 2 after level 3's book-wide 30 days: out of order on tier C's ladder.
    let error = store
        .set_setting("tier.C.letter.2.days", "40")
        .unwrap_err()
        .to_string();
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(error.starts_with("tier.C.letter.2.days"), "{error}");
    assert!(error.contains("tier C's ladder"), "{error}");
    assert!(error.contains("must increase"), "{error}");
    for (key, value, words) in [
        ("tier.C.letter.2.days", "0", "whole number of days from 1"),
        (
            "tier.B.letter.interval_days",
            "-2",
            "whole number of days from 0",
        ),
        ("tier.D.letter.2.days", "5", "unknown setting"),
    ] {
        let error = store.set_setting(key, value).unwrap_err().to_string();
        assert!(error.contains(words), "{key}={value}: {error}");
    }
    // A tier's own level 2 at 10 days is fine; then the book-wide level 1 cannot move
    // past it, as that would leave tier C out of order.
    store.set_setting("tier.C.letter.2.days", "10").unwrap();
    let error = store
        .set_setting("letter.1.days", "12")
        .unwrap_err()
        .to_string();
    assert!(error.contains("tier.C.letter.2.days"), "{error}");
    assert_eq!(store.tier_ladders().unwrap().book.thresholds[0], 1);
    // Shown with the others, and audited.
    let shown = store.setting_values().unwrap();
    let value = |key: &str| {
        shown
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, default)| (v.clone(), *default))
            .unwrap()
    };
    assert_eq!(value("tier.C.letter.2.days"), ("10".into(), false));
    assert_eq!(value("tier.C.letter.3.days"), ("30".into(), true));
    assert_eq!(value("tier.A.letter.interval_days"), ("7".into(), true));
    let log = store
        .audit_log(&owed::store::AuditFilter::default())
        .unwrap();
    assert!(
        log.iter()
            .any(|e| e.field.as_deref() == Some("tier.C.letter.2.days")
                && e.new.as_deref() == Some("10")),
        "{log:?}"
    );
}

/// Keeps money in from a payer the book does not know unmatched, as an import does.
fn import_unknown_payment(store: &mut Store, date: &str, payer: &str, amount: &str) {
    let csv = format!("Date,Payer,Details,Amount\n{date},{payer},gift box,{amount}\n");
    let plan = owed::import::prepare(
        store,
        "bank.csv",
        csv.as_bytes(),
        &owed::import::Hints::default(),
        None,
    )
    .unwrap();
    let decisions = owed::import::default_decisions(&plan, 0.9);
    owed::import::commit(store, &plan, &decisions, |_, _| {}).unwrap();
}

#[test]
fn letters_due_warns_and_lists_unmatched_money_in_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    let out = dir.path().join("out");
    {
        let mut store = Store::init(&path, &owed::store::BookSettings::default()).unwrap();
        customer(&mut store, "LATE");
        post_invoice(&mut store, "LATE", "INV-1", "2026-09-01", "100.00");
        import_unknown_payment(&mut store, "2026-11-20", "Stranger Ltd", "1250.00");
    }
    let args = |format: &'static str| {
        vec![
            "letters",
            "--due",
            "--date",
            "2026-11-23",
            "--dry-run",
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<String>>()
    };
    let json_args = args("json");
    let json_args: Vec<&str> = json_args.iter().map(String::as_str).collect();
    let (ok, stdout, stderr) = run(&path, &json_args);
    assert!(ok, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["date", "due", "held", "unmatched"]);
    assert_eq!(json["due"][0]["customer"], "LATE");
    let unmatched = json["unmatched"].as_array().unwrap();
    assert_eq!(unmatched.len(), 1, "{json}");
    let row = &unmatched[0];
    assert_eq!(row["date"], "2026-11-20");
    assert_eq!(row["amount"], "1250.00");
    assert!(
        row["text"].as_str().unwrap().contains("Stranger Ltd"),
        "{row}"
    );
    let id = row["row"].as_i64().unwrap();
    // The warning goes to stderr, in JSON mode too, naming the row to assign.
    assert!(stderr.contains("reconcile first"), "{stderr}");
    assert!(
        stderr.contains(&format!("owed import assign {id} --customer C")),
        "{stderr}"
    );
    let table_args = args("table");
    let table_args: Vec<&str> = table_args.iter().map(String::as_str).collect();
    let (ok, _, stderr) = run(&path, &table_args);
    assert!(ok);
    assert!(
        stderr.contains("1,250.00") && stderr.contains("Stranger Ltd"),
        "{stderr}"
    );

    // Nothing due on the day the invoice was not yet late: no rows carried, no warning.
    let (ok, stdout, stderr) = run(
        &path,
        &[
            "letters",
            "--due",
            "--date",
            "2026-09-15",
            "--dry-run",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["unmatched"], serde_json::json!([]));
    assert!(!stderr.contains("reconcile"), "{stderr}");
}

#[test]
fn a_letter_by_hand_is_refused_while_the_ladder_holds_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    let out = dir.path().join("out");
    {
        let mut store = Store::init(&path, &owed::store::BookSettings::default()).unwrap();
        for code in ["PAUSED", "COVERED", "LATE"] {
            customer(&mut store, code);
            // Due 2026-10-01: 53 days overdue on 2026-11-23.
            post_invoice(
                &mut store,
                code,
                &format!("INV-{code}"),
                "2026-09-01",
                "100.00",
            );
        }
        store
            .pause_customer("PAUSED", d("2026-11-30"), "owner in hospital")
            .unwrap();
        let amount = m(&store, "100.00");
        store
            .post_credit(&credit(
                "COVERED",
                DocKind::Payment,
                "PAY-1",
                "2026-11-01",
                amount,
                Apply::Unapplied,
            ))
            .unwrap();
    }
    let letter = |code: &str, level: &str, force: bool| {
        let mut args = vec![
            "letter",
            "--customer",
            code,
            "--level",
            level,
            "--date",
            "2026-11-23",
            "--out",
            out.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        run(&path, &args)
    };
    for (code, reason) in [
        ("PAUSED", "paused until 2026-11-30: owner in hospital"),
        ("COVERED", "credit covers it"),
    ] {
        let (ok, _, stderr) = letter(code, "1", false);
        assert!(!ok, "{code}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(reason), "{code}: {stderr}");
        assert!(stderr.contains("--force"), "{stderr}");
    }
    assert!(!out.join("PAUSED-L1-2026-11-23.pdf").exists());
    // Forced, it is written (with a warning saying so).
    let (ok, _, stderr) = letter("PAUSED", "1", true);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(out.join("PAUSED-L1-2026-11-23.pdf").exists());
    // The ladder's own level: no warning (a preview, so nothing is archived).
    let (ok, _, stderr) = run(
        &path,
        &[
            "letter",
            "--customer",
            "LATE",
            "--level",
            "1",
            "--date",
            "2026-11-23",
            "--out",
            out.to_str().unwrap(),
            "--preview",
        ],
    );
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    // Another level than the ladder's: written, with a warning naming both.
    let (ok, stdout, stderr) = letter("LATE", "3", false);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("the ladder would send LATE level 1 (friendly reminder) today, not level 3 (final demand)"),
        "{stderr}"
    );
    assert!(stdout.contains("letter level 3"), "{stdout}");
}

#[test]
fn the_screen_and_the_cli_share_the_check_of_a_letter_by_hand() {
    let mut store = book();
    customer(&mut store, "C1");
    post_invoice(&mut store, "C1", "INV-1", "2026-09-01", "100.00");
    store
        .pause_customer("C1", d("2026-11-30"), "owner in hospital")
        .unwrap();
    let run = letters::letter_run(&store, d("2026-11-23")).unwrap();
    assert_eq!(
        letters::check_by_hand(&run, "C1", Level::Reminder),
        letters::HandCheck::Holds(owed::domain::ladder::HeldReason::Paused {
            until: d("2026-11-30"),
            reason: "owner in hospital".into()
        })
    );
    let out = tempfile::tempdir().unwrap();
    let request = LetterRequest {
        customer: "C1".into(),
        level: Level::Reminder,
        date: d("2026-11-23"),
        deadline: None,
        locale: None,
        email: false,
    };
    let error = letters::issue_by_hand(&mut store, &request, out.path(), false, false)
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "no letter to C1: the ladder holds it (paused until 2026-11-30: owner in hospital); --force writes it anyway"
    );
    assert!(store.issued(None).unwrap().is_empty(), "nothing archived");
}
