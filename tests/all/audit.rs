//! `owed audit list`: changes of master data and settings, through the real binary.

use serde_json::Value;

use crate::cli::ok;

#[test]
fn customer_and_settings_changes_are_listed_with_old_new_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    ok(&book, &["init", "--company", "Audit Co"]);
    ok(
        &book,
        &[
            "customer",
            "add",
            "--code",
            "C1",
            "--name",
            "Acme",
            "--credit-limit",
            "5,000",
        ],
    );
    ok(
        &book,
        &[
            "customer",
            "edit",
            "C1",
            "--credit-limit",
            "7500",
            "--hold",
            "--reason",
            "cheque bounced",
        ],
    );
    ok(&book, &["settings", "set", "letter.2.days", "21"]);
    let json: Value =
        serde_json::from_str(&ok(&book, &["audit", "list", "--format", "json"])).unwrap();
    let rows = json.as_array().unwrap();
    let pick = |field: &str| {
        rows.iter()
            .find(|r| r["field"] == field)
            .unwrap_or_else(|| panic!("{field} in {json:#}"))
    };
    let limit = pick("credit_limit");
    assert_eq!(limit["action"], "customer-edit");
    assert_eq!(limit["customer"], "C1");
    assert_eq!(
        limit["old"], "5000.00",
        "JSON values are plain, whatever the locale"
    );
    assert_eq!(limit["new"], "7500.00");
    assert_eq!(limit["reason"], "cheque bounced");
    assert_eq!(pick("on_hold")["new"], "yes");
    let days = pick("letter.2.days");
    assert_eq!(
        (&days["action"], &days["old"], &days["new"]),
        (&"settings".into(), &"15".into(), &"21".into())
    );
    assert!(days["customer"].is_null());
    for key in [
        "id", "at", "action", "customer", "field", "old", "new", "reason",
    ] {
        assert!(limit.get(key).is_some(), "{key}");
    }
    // One customer's history leaves out the settings.
    let mine: Value = serde_json::from_str(&ok(
        &book,
        &["audit", "list", "--customer", "C1", "--format", "json"],
    ))
    .unwrap();
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|r| r["customer"] == "C1")
    );
    assert_eq!(mine.as_array().unwrap().len(), 3, "{mine:#}");
    let table = ok(&book, &["audit", "list"]);
    assert!(table.contains("cheque bounced"), "{table}");
    let csv = ok(&book, &["audit", "list", "--format", "csv"]);
    assert!(
        csv.starts_with("id,at,action,customer,field,old,new,reason\n"),
        "{csv}"
    );
}
