use super::*;
use crate::domain::customer::{CustomerDraft, Tier};
use crate::domain::letters::default_template;
use crate::store::{BookSettings, CustomerUpdate};

fn book_with_customer() -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    store
        .add_customer(&CustomerDraft {
            code: "C1".into(),
            name: "Acme Ltd".into(),
            ..Default::default()
        })
        .unwrap();
    store
}

/// (action, customer, field, old, new, reason) of every entry, for comparing.
type Row = (
    &'static str,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn rows(store: &Store, customer: Option<&str>) -> Vec<Row> {
    store
        .audit_log(&AuditFilter {
            customer: customer.map(str::to_string),
        })
        .unwrap()
        .into_iter()
        .map(|e| {
            (
                e.action.as_str(),
                e.customer,
                e.field,
                e.old,
                e.new,
                e.reason,
            )
        })
        .collect()
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn each_changed_field_of_a_customer_is_recorded_old_to_new_with_the_reason() {
    let mut store = book_with_customer();
    let limit = store.currency().parse("5000").unwrap();
    store
        .update_customer(
            "C1",
            &CustomerUpdate {
                credit_limit: Some(Some(limit)),
                tier: Some(Some(Tier::B)),
                on_hold: Some(true),
                terms: Some("net 30".parse().unwrap()),
                reason: Some("  paid late three times  ".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let why = s("paid late three times");
    assert_eq!(
        rows(&store, Some("C1")),
        vec![
            ("customer-add", s("C1"), None, None, s("C1 Acme Ltd"), None),
            (
                "customer-edit",
                s("C1"),
                s("credit_limit"),
                None,
                s("5000.00"),
                why.clone()
            ),
            (
                "customer-edit",
                s("C1"),
                s("tier"),
                None,
                s("B"),
                why.clone()
            ),
            (
                "customer-edit",
                s("C1"),
                s("on_hold"),
                s("no"),
                s("yes"),
                why
            ),
        ],
        "terms were given but did not change, so they are not recorded"
    );
    store
        .update_customer(
            "C1",
            &CustomerUpdate {
                on_hold: Some(false),
                archived: Some(true),
                email: Some("ap@acme.example".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let all = rows(&store, None);
    assert_eq!(
        &all[4..],
        &[
            (
                "customer-edit",
                s("C1"),
                s("email"),
                None,
                s("ap@acme.example"),
                None
            ),
            (
                "customer-edit",
                s("C1"),
                s("on_hold"),
                s("yes"),
                s("no"),
                None
            ),
            (
                "customer-edit",
                s("C1"),
                s("archived"),
                s("no"),
                s("yes"),
                None
            ),
        ]
    );
}

#[test]
fn an_edit_that_changes_nothing_records_nothing_and_a_refused_edit_records_nothing() {
    let mut store = book_with_customer();
    store
        .update_customer(
            "C1",
            &CustomerUpdate {
                name: Some("Acme Ltd".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(
        store
            .update_customer(
                "C1",
                &CustomerUpdate {
                    name: Some("   ".into()),
                    ..Default::default()
                },
            )
            .is_err()
    );
    assert_eq!(rows(&store, None).len(), 1, "only the customer's creation");
}

#[test]
fn settings_and_letter_texts_are_recorded_by_key() {
    let mut store = book_with_customer();
    let mut profile = store.company_profile().unwrap();
    profile.address = "1 Main St\nSpringfield".into();
    profile.locale = crate::domain::company::Locale::DeDe;
    store.set_company_profile(&profile).unwrap();
    store.set_letter_thresholds(&[1, 20, 30, 60]).unwrap();
    let mut template = default_template(Level::FinalDemand, true);
    template.title = "最后催款函".into();
    store
        .set_letter_template(Level::FinalDemand, true, &template)
        .unwrap();
    store
        .reset_letter_template(Level::FinalDemand, true)
        .unwrap();
    let settings: Vec<_> = rows(&store, None)
        .into_iter()
        .filter(|r| r.0 == "settings")
        .map(|r| (r.2.unwrap(), r.3, r.4))
        .collect();
    let default_title = default_template(Level::FinalDemand, true).title;
    assert_eq!(
        settings,
        vec![
            ("company.address".into(), None, s("1 Main St\nSpringfield")),
            ("locale".into(), s("en"), s("de-DE")),
            ("letter.2.days".into(), s("15"), s("20")),
            (
                "letter.3.zh.title".into(),
                s(&default_title),
                s("最后催款函")
            ),
            (
                "letter.3.zh.title".into(),
                s("最后催款函"),
                s(&default_title)
            ),
        ]
    );
}

#[test]
fn saving_the_same_settings_again_records_nothing() {
    let mut store = book_with_customer();
    let settings = store.company_settings().unwrap();
    store.save_company_settings(&settings).unwrap();
    let first = rows(&store, None).len();
    store.save_company_settings(&settings).unwrap();
    assert_eq!(rows(&store, None).len(), first);
}

#[test]
fn the_log_can_be_neither_edited_nor_deleted() {
    let store = book_with_customer();
    for sql in [
        "UPDATE audit_log SET new = 'forged'",
        "DELETE FROM audit_log",
    ] {
        let error = store.conn.execute(sql, []).unwrap_err().to_string();
        assert!(error.contains("audit log is never"), "{error}");
    }
}

#[test]
fn an_override_is_recorded_for_its_customer_with_its_reason() {
    let mut store = book_with_customer();
    store
        .record_audit(
            AuditAction::Override,
            &NewAudit {
                customer: Some("c1".into()),
                field: Some("credit_limit".into()),
                new: Some("INV-9 posted over the limit".into()),
                reason: Some("director approved".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let last = rows(&store, Some("C1")).pop().unwrap();
    assert_eq!(
        last,
        (
            "override",
            s("C1"),
            s("credit_limit"),
            None,
            s("INV-9 posted over the limit"),
            s("director approved")
        )
    );
    let unknown = store.record_audit(
        AuditAction::Override,
        &NewAudit {
            customer: Some("NOPE".into()),
            ..Default::default()
        },
    );
    assert!(unknown.is_err());
}

#[test]
fn a_reason_with_hidden_characters_is_refused_and_nothing_is_changed() {
    let mut store = book_with_customer();
    let error = store
        .update_customer(
            "C1",
            &CustomerUpdate {
                on_hold: Some(true),
                reason: Some("late\u{202E}pay".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(error.to_string().starts_with("reason: "), "{error}");
    assert!(
        !store.customer("C1").unwrap().on_hold,
        "the whole edit is rolled back"
    );
    assert_eq!(rows(&store, None).len(), 1);
}

#[test]
fn every_setting_changed_by_key_is_recorded_under_that_key() {
    let mut store = book_with_customer();
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, crate::domain::company::sample_png(64, 32)).unwrap();
    let logo = logo.display().to_string();
    let changes = [
        ("company.name", "Huaxing Trading"),
        ("company.address", "1 Main St\\nSpringfield"),
        ("company.phone", "+1 555 0100"),
        ("company.email", "ar@example.com"),
        ("company.tax_id", "DE123"),
        ("company.payment_instructions", "IBAN DE00 1234"),
        ("company.logo", logo.as_str()),
        ("paper", "letter"),
        ("locale", "fr-FR"),
        ("letter.4.days", "75"),
        ("letter.1.en.title", "A gentle reminder"),
        ("letter.2.zh.paragraphs", "第一段\\n\\n第二段"),
        ("letter.3.en.closing", "Regards"),
    ];
    for (key, value) in changes {
        let before = rows(&store, None).len();
        store.set_setting(key, value).unwrap();
        let added = rows(&store, None);
        assert!(
            added[before..]
                .iter()
                .any(|r| r.0 == "settings" && r.2.as_deref() == Some(key)),
            "{key}: {:?}",
            &added[before..]
        );
    }
    let logo_entry = rows(&store, None)
        .into_iter()
        .find(|r| r.2.as_deref() == Some("company.logo"))
        .unwrap();
    assert!(logo_entry.4.unwrap().starts_with("PNG 64×32, sha256 "));
}
