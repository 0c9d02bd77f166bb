//! `owed worklist`: the JSON shape (keys exactly), credit beside an overdue invoice
//! listed as one `apply-credit` action (and no letter) that `owed apply` then clears,
//! the table and `owed overview` showing the same rows; the reminder's settings.

use crate::common::bin::owed;
use std::collections::BTreeSet;

use chrono::Days;
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::terms::{Plan, Terms};
use owed::store::{BookSettings, Store};

use crate::common::helpers::{credit, customer, invoice, m};

fn keys(value: &serde_json::Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn worklist_json_shape_and_credit_applied_in_one_action() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    // `overview` runs as of today, so the book is built around today.
    let today = chrono::Local::now().date_naive();
    let ago = |days: u64| (today - Days::new(days)).to_string();
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        let net20: Terms = "net 20".parse().unwrap();
        for code in ["CREDIT", "LATE"] {
            customer(&mut store, code);
            let amount = m(&store, "100.00");
            store
                .post_debit(&invoice(
                    code,
                    &format!("INV-{code}"),
                    &ago(60),
                    amount,
                    net20,
                    Plan::Single,
                ))
                .unwrap();
        }
        // 150.00 kept unapplied covers CREDIT's 100.00 overdue.
        let amount = m(&store, "150.00");
        store
            .post_credit(&credit(
                "CREDIT",
                DocKind::Payment,
                "PAY-1",
                &ago(5),
                amount,
                Apply::Unapplied,
            ))
            .unwrap();
    }
    let date = today.to_string();
    let list = |book: &std::path::Path| -> serde_json::Value {
        let text = owed(book, &["worklist", "--date", &date, "--format", "json"]);
        serde_json::from_str(&text).unwrap()
    };
    let json = list(&book);
    assert_eq!(
        keys(&json),
        BTreeSet::from(["date".into(), "totals".into(), "items".into()])
    );
    assert_eq!(
        keys(&json["totals"]),
        BTreeSet::from([
            "overdue".into(),
            "promised_this_week".into(),
            "disputed".into()
        ])
    );
    assert!(json["totals"]["overdue"].is_string(), "amounts are strings");
    assert_eq!(json["date"], date.as_str());
    let items = json["items"].as_array().unwrap();
    let expected_keys: BTreeSet<String> = [
        "kind",
        "customer",
        "name",
        "amount",
        "date",
        "reason",
        "level",
        "net_overdue",
        "bank_row",
        "dispute",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for item in items {
        assert_eq!(keys(item), expected_keys, "{item}");
    }
    let rows: Vec<(&str, &str, &serde_json::Value, &serde_json::Value)> = items
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap(),
                i["customer"].as_str().unwrap(),
                &i["amount"],
                &i["level"],
            )
        })
        .collect();
    // LATE is dunned for 100.00 (net overdue 100 sorts first); CREDIT's credit covers
    // its overdue, so one action and no letter.
    assert_eq!(
        rows,
        [
            (
                "letter-due",
                "LATE",
                &serde_json::json!("100.00"),
                &serde_json::json!(1)
            ),
            (
                "apply-credit",
                "CREDIT",
                &serde_json::json!("100.00"),
                &serde_json::Value::Null
            ),
        ]
    );
    assert_eq!(items[0]["date"], ago(40).as_str());
    assert_eq!(items[0]["net_overdue"], "100.00");
    assert_eq!(items[1]["date"], serde_json::Value::Null);
    assert_eq!(items[1]["name"], "Customer CREDIT");
    assert!(
        items[1]["reason"]
            .as_str()
            .unwrap()
            .contains("owed apply --customer CREDIT"),
        "{}",
        items[1]["reason"]
    );

    // The same rows in the table and in the overview.
    let table = owed(&book, &["worklist", "--date", &date]);
    assert!(
        table.contains("letter-due 1") && table.contains("apply-credit"),
        "{table}"
    );
    let overview = owed(&book, &["overview"]);
    assert!(
        overview.contains("To contact today") && overview.contains("apply-credit"),
        "{overview}"
    );

    // Applying the credit is the one action: the row goes, and no letter comes instead.
    owed(&book, &["apply", "--customer", "CREDIT", "--date", &date]);
    let json = list(&book);
    let customers: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["customer"].as_str().unwrap())
        .collect();
    assert_eq!(customers, ["LATE"]);
}

#[test]
fn reminder_settings_are_validated_shown_and_audited() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let rules = store.reminder_rules().unwrap();
    assert_eq!((rules.enabled, rules.days_before), (true, 3));
    store.set_setting("letter.0.days_before", "7").unwrap();
    store.set_setting("letter.0.enabled", "No").unwrap();
    let rules = store.reminder_rules().unwrap();
    assert_eq!((rules.enabled, rules.days_before), (false, 7));
    for (key, value, words) in [
        (
            "letter.0.days_before",
            "61",
            "whole number of days from 0 to 60",
        ),
        ("letter.0.days_before", "-1", "whole number of days"),
        ("letter.0.days_before", "2.5", "whole number of days"),
        ("letter.0.enabled", "maybe", "yes, no, true or false"),
        ("letter.0.days", "3", "unknown setting"),
    ] {
        let error = store.set_setting(key, value).unwrap_err().to_string();
        assert!(error.contains(words), "{key}={value}: {error}");
    }
    let shown = store.setting_values().unwrap();
    let value = |key: &str| {
        shown
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, default)| (v.clone(), *default))
            .unwrap()
    };
    assert_eq!(value("letter.0.days_before"), ("7".into(), false));
    assert_eq!(value("letter.0.enabled"), ("no".into(), false));
    let log = store
        .audit_log(&owed::store::AuditFilter::default())
        .unwrap();
    let change = |key: &str| {
        log.iter()
            .find(|e| e.field.as_deref() == Some(key))
            .map(|e| (e.old.clone(), e.new.clone()))
    };
    assert_eq!(
        change("letter.0.days_before"),
        Some((None, Some("7".into())))
    );
    assert_eq!(
        change("letter.0.enabled"),
        Some((None, Some("false".into())))
    );
}
