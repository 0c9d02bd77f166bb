//! Disputes and pauses through the binary: a disputed invoice holds the customer's
//! letters, resolving it with a credit note reduces the item and lets the ladder
//! resume, and a pause by hand holds until resumed.

use crate::common::bin::{json, owed, run};
use crate::common::helpers::{customer, invoice, m};

use std::path::Path;

use chrono::Days;
use owed::domain::terms::{Plan, Terms};
use owed::store::{BookSettings, Store};
use serde_json::Value;

/// (customer, reason) of every held customer and the customers due, of today's run.
fn letters_due(book: &Path, today: &str, out: &Path) -> (Vec<(String, String)>, Vec<String>) {
    let run = json(
        book,
        &[
            "letters",
            "--due",
            "--date",
            today,
            "--dry-run",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let held = run["held"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["customer"].as_str().unwrap().to_string(),
                h["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let due = run["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["customer"].as_str().unwrap().to_string())
        .collect();
    (held, due)
}

#[test]
fn a_dispute_holds_the_letters_until_resolved_with_a_credit_and_a_pause_holds_until_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let out = dir.path().join("out");
    // The credit note of the resolve is dated today, so the book is built around today.
    let today = chrono::Local::now().date_naive();
    let day = today.to_string();
    let ago = (today - Days::new(60)).to_string();
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        customer(&mut store, "C001");
        let amount = m(&store, "500.00");
        let net20: Terms = "net 20".parse().unwrap();
        store
            .post_debit(&invoice("C001", "INV-1", &ago, amount, net20, Plan::Single))
            .unwrap();
    }
    assert_eq!(letters_due(&book, &day, &out).1, ["C001"]);

    let opened = owed(
        &book,
        &[
            "dispute",
            "open",
            "--invoice",
            "INV-1",
            "--reason",
            "goods damaged",
        ],
    );
    assert!(opened.contains("opened dispute 1 on INV-1"), "{opened}");
    let (held, due) = letters_due(&book, &day, &out);
    assert!(due.is_empty(), "{due:?}");
    assert_eq!(
        held,
        [(
            "C001".to_string(),
            "all overdue items in dispute".to_string()
        )]
    );
    // The aging detail marks the item, in the table, JSON and CSV.
    let aging = json(
        &book,
        &["aging", "--as-of", &day, "--detail", "--format", "json"],
    );
    assert_eq!(aging["rows"][0]["items"][0]["disputed"], true, "{aging}");
    let table = owed(&book, &["aging", "--as-of", &day, "--detail"]);
    assert!(
        table.contains("INV-1/1 due") && table.contains("in dispute"),
        "{table}"
    );
    let csv = owed(
        &book,
        &["aging", "--as-of", &day, "--detail", "--format", "csv"],
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",days_overdue,disputed"), "{csv}");
    assert!(
        lines[2].starts_with("item,") && lines[2].ends_with(",true"),
        "{csv}"
    );
    // A second dispute on the same invoice is refused in one line.
    let (ok, _, stderr) = run(
        &book,
        &["dispute", "open", "--invoice", "INV-1", "--reason", "again"],
    );
    assert!(!ok);
    assert!(stderr.contains("already in open dispute 1"), "{stderr}");

    let list = json(&book, &["dispute", "list", "--open", "--format", "json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], 1);
    assert_eq!(list[0]["customer"], "C001");
    assert_eq!(list[0]["invoice"], "INV-1");
    assert_eq!(list[0]["item"], Value::Null);
    assert_eq!(list[0]["reason"], "goods damaged");
    assert_eq!(list[0]["status"], "open");
    assert_eq!(list[0]["credit"], Value::Null);

    let resolved = owed(
        &book,
        &[
            "dispute",
            "resolve",
            "1",
            "--outcome",
            "two units broken",
            "--credit",
            "200.00",
        ],
    );
    assert!(resolved.contains("credit note"), "{resolved}");
    let list = json(&book, &["dispute", "list", "--format", "json"]);
    assert_eq!(list[0]["status"], "resolved");
    assert_eq!(list[0]["outcome"], "two units broken");
    assert_eq!(list[0]["credit"], "200.00");
    assert!(list[0]["resolved_at"].is_string(), "{list}");
    assert!(
        json(&book, &["dispute", "list", "--open", "--format", "json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    {
        let store = Store::open(&book, owed::store::Access::Read).unwrap();
        let c = store.customer("C001").unwrap();
        let items = store.open_items_now(c.id).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].open, m(&store, "300.00"));
        assert_eq!(store.check(today).unwrap(), vec![]);
    }
    // 300.00 is still overdue and no longer disputed: due again.
    let aging = json(
        &book,
        &["aging", "--as-of", &day, "--detail", "--format", "json"],
    );
    assert_eq!(aging["rows"][0]["items"][0]["disputed"], false, "{aging}");
    assert_eq!(letters_due(&book, &day, &out).1, ["C001"]);

    let until = (today + Days::new(30)).to_string();
    owed(
        &book,
        &[
            "customer",
            "pause",
            "C001",
            "--until",
            &until,
            "--reason",
            "owner away",
        ],
    );
    let (held, due) = letters_due(&book, &day, &out);
    assert!(due.is_empty(), "{due:?}");
    assert_eq!(
        held,
        [(
            "C001".to_string(),
            format!("paused until {until}: owner away")
        )]
    );
    owed(&book, &["customer", "resume", "C001"]);
    assert_eq!(letters_due(&book, &day, &out).1, ["C001"]);

    // Each step is in the audit log, with the same keys as ever.
    let audit = json(&book, &["audit", "list", "--format", "json"]);
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .filter(|a| *a == "dispute" || *a == "pause")
        .collect();
    assert_eq!(actions, ["dispute", "dispute", "pause", "pause"]);
}

#[test]
fn the_worklist_shows_open_disputes_and_pauses_whose_date_has_passed() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let today = chrono::Local::now().date_naive();
    let day = today.to_string();
    let ago = (today - Days::new(60)).to_string();
    let yesterday = (today - Days::new(1)).to_string();
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        let net20: Terms = "net 20".parse().unwrap();
        for code in ["DISPUTED", "PAUSED"] {
            customer(&mut store, code);
            let amount = m(&store, "300.00");
            store
                .post_debit(&invoice(
                    code,
                    &format!("INV-{code}"),
                    &ago,
                    amount,
                    net20,
                    Plan::Single,
                ))
                .unwrap();
        }
    }
    owed(
        &book,
        &[
            "dispute",
            "open",
            "--invoice",
            "INV-DISPUTED",
            "--reason",
            "wrong price",
        ],
    );
    owed(
        &book,
        &[
            "customer",
            "pause",
            "PAUSED",
            "--until",
            &yesterday,
            "--reason",
            "owner in hospital",
        ],
    );
    let list = json(&book, &["worklist", "--date", &day, "--format", "json"]);
    let rows = list["items"].as_array().unwrap();
    let find = |kind: &str| {
        rows.iter()
            .find(|r| r["kind"] == kind)
            .unwrap_or_else(|| panic!("{kind} in {list:#}"))
    };
    let dispute = find("dispute-open");
    assert_eq!(dispute["customer"], "DISPUTED");
    assert_eq!(dispute["amount"], "300.00");
    assert_eq!(dispute["date"], day.as_str());
    assert!(dispute["reason"].as_str().unwrap().contains("wrong price"));
    let paused = find("paused-until-passed");
    assert_eq!(paused["customer"], "PAUSED");
    assert_eq!(paused["date"], yesterday.as_str());
    assert!(
        paused["reason"]
            .as_str()
            .unwrap()
            .contains("owner in hospital")
    );
    // Resolving the dispute takes it off the list.
    owed(
        &book,
        &["dispute", "resolve", "1", "--outcome", "price confirmed"],
    );
    // Disputes and pauses keep well-formed dates: `owed check` reads them too.
    assert_eq!(owed(&book, &["check"]).trim(), "ok");
    let after = json(&book, &["worklist", "--date", &day, "--format", "json"]);
    assert!(
        after["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["kind"] != "dispute-open"),
        "{after:#}"
    );
}

#[test]
fn a_letter_chases_only_what_is_not_in_dispute() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let out = dir.path().join("letters");
    let today = chrono::Local::now().date_naive();
    let ago = |days: u64| (today - Days::new(days)).to_string();
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        customer(&mut store, "C001");
        let net20: Terms = "net 20".parse().unwrap();
        for (number, amount) in [("INV-KEPT", "250.00"), ("INV-ARGUED", "400.00")] {
            let amount = m(&store, amount);
            store
                .post_debit(&invoice(
                    "C001",
                    number,
                    &ago(60),
                    amount,
                    net20,
                    Plan::Single,
                ))
                .unwrap();
        }
    }
    owed(
        &book,
        &[
            "dispute",
            "open",
            "--invoice",
            "INV-ARGUED",
            "--reason",
            "not delivered",
        ],
    );
    owed(
        &book,
        &[
            "letter",
            "--customer",
            "C001",
            "--level",
            "1",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let pdf = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("the letter");
    crate::common::printed::qpdf_ok(&pdf);
    let text = crate::common::printed::text_of(&pdf);
    // Today the letter listed and totalled the disputed 400.00 as well (650.00).
    assert!(text.contains("INV-KEPT"), "{text}");
    assert!(!text.contains("INV-ARGUED"), "{text}");
    assert!(
        text.contains("USD 250.00") && !text.contains("650.00"),
        "{text}"
    );
}
