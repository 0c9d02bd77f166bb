use super::*;
use crate::domain::company::sample_png;
use crate::store::schema::CURRENT_VERSION;
use crate::store::{Access, BookSettings};

fn book() -> Store {
    Store::open_in_memory(&BookSettings::default()).unwrap()
}

fn message(error: StoreError) -> String {
    error.to_string()
}

#[test]
fn a_new_book_has_the_defaults_and_its_company_name() {
    let store = book();
    let profile = store.company_profile().unwrap();
    assert_eq!(profile.name, "My Company");
    assert_eq!(profile.address, "");
    assert_eq!(profile.logo, None);
    assert_eq!((profile.paper, profile.locale), (Paper::A4, Locale::En));
    for level in Level::ALL {
        assert_eq!(
            store.letter_threshold_days(level).unwrap(),
            level.default_threshold_days()
        );
        for chinese in [false, true] {
            assert_eq!(
                store.letter_template(level, chinese).unwrap(),
                default_template(level, chinese)
            );
        }
    }
    assert_eq!(
        store.company_settings().unwrap().thresholds,
        [1, 15, 30, 60]
    );
}

#[test]
fn the_profile_round_trips_and_renames_the_book() {
    let mut store = book();
    let profile = CompanyProfile {
        name: "  华星贸易有限公司 ".into(),
        address: "1 Harbour Road\nWan Chai\nHong Kong".into(),
        phone: "+852 2123 4567".into(),
        email: "ar@huaxing.example".into(),
        tax_id: "HK-12345678".into(),
        payment_instructions: "HSBC 123-456789-001\nRemit to: PO Box 1".into(),
        logo: Some(sample_png(200, 60)),
        paper: Paper::Letter,
        locale: Locale::ZhCn,
    };
    store.set_company_profile(&profile).unwrap();
    let back = store.company_profile().unwrap();
    assert_eq!(back.name, "华星贸易有限公司");
    assert_eq!(
        back,
        CompanyProfile {
            name: "华星贸易有限公司".into(),
            ..profile.clone()
        }
    );
    assert_eq!(store.settings().company, "华星贸易有限公司");
    // The book's own setting is the same name, so a reopened book agrees.
    let company: String = store
        .conn
        .query_row("SELECT value FROM book WHERE key = 'company'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(company, "华星贸易有限公司");
    store.set_company("Renamed Ltd").unwrap();
    assert_eq!(store.company_profile().unwrap().name, "Renamed Ltd");
    // Removing the logo.
    store.set_setting("company.logo", "").unwrap();
    assert_eq!(store.company_profile().unwrap().logo, None);
}

#[test]
fn all_settings_save_in_one_go_and_defaults_are_kept_unset() {
    let mut store = book();
    let mut settings = store.company_settings().unwrap();
    settings.profile.address = "Line 1\nLine 2".into();
    settings.thresholds = [3, 20, 45, 90];
    settings.template_mut(Level::SecondNotice, true).title = "第二次提醒".into();
    store.save_company_settings(&settings).unwrap();
    assert_eq!(store.company_settings().unwrap(), settings);
    assert_eq!(store.letter_threshold_days(Level::Legal).unwrap(), 90);
    let kept: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM letter_templates", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 1, "only the changed template is kept");

    // A bad value anywhere: nothing is written.
    let mut worse = settings.clone();
    worse.profile.phone = "555".into();
    worse.template_mut(Level::Legal, false).closing = "{signature}".into();
    let error = store.save_company_settings(&worse).unwrap_err();
    assert!(
        message(error).starts_with("letter.4.en.closing: unknown merge field {signature}"),
        "names the key"
    );
    assert_eq!(store.company_settings().unwrap(), settings);
}

#[test]
fn templates_are_set_and_reset() {
    let mut store = book();
    let mut template = default_template(Level::FinalDemand, false);
    template.paragraphs.push("Pay by {deadline}.".into());
    store
        .set_letter_template(Level::FinalDemand, false, &template)
        .unwrap();
    assert_eq!(
        store.letter_template(Level::FinalDemand, false).unwrap(),
        template
    );
    assert_eq!(
        store.letter_template(Level::FinalDemand, true).unwrap(),
        default_template(Level::FinalDemand, true)
    );
    store
        .reset_letter_template(Level::FinalDemand, false)
        .unwrap();
    assert_eq!(
        store.letter_template(Level::FinalDemand, false).unwrap(),
        default_template(Level::FinalDemand, false)
    );
}

#[test]
fn set_setting_takes_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, sample_png(120, 40)).unwrap();
    let mut store = book();
    let set = |store: &mut Store, key: &str, value: &str| store.set_setting(key, value).unwrap();
    assert_eq!(set(&mut store, "company.name", " Acme Ltd "), "Acme Ltd");
    assert_eq!(
        set(&mut store, "company.address", r"1 Main St\nSpringfield"),
        r"1 Main St\nSpringfield"
    );
    set(&mut store, "company.phone", "555-0100");
    set(&mut store, "company.email", "ar@acme.example");
    set(&mut store, "company.tax_id", "US 12-3456789");
    set(
        &mut store,
        "company.payment_instructions",
        r"Bank: First National\nIBAN: X",
    );
    assert_eq!(
        set(&mut store, "company.logo", logo.to_str().unwrap()),
        "PNG 120 × 40 px, 1 KB"
    );
    assert_eq!(set(&mut store, "paper", "US Letter"), "letter");
    assert_eq!(set(&mut store, "locale", "en_gb"), "en-GB");
    assert_eq!(set(&mut store, "letter.2.days", "20"), "20");
    set(&mut store, "letter.1.zh.title", "温馨提示");
    set(
        &mut store,
        "letter.1.en.paragraphs",
        r"Dear {contact},\n\nYou owe {total_overdue}.\n\n{items}",
    );
    set(&mut store, "letter.1.en.closing", r"Thanks,\n{company}");

    let profile = store.company_profile().unwrap();
    assert_eq!(profile.name, "Acme Ltd");
    assert_eq!(profile.address, "1 Main St\nSpringfield");
    assert_eq!(
        profile.payment_instructions,
        "Bank: First National\nIBAN: X"
    );
    assert_eq!(
        (profile.paper, profile.locale),
        (Paper::Letter, Locale::EnGb)
    );
    assert_eq!(
        profile.logo.map(|l| l.len()),
        Some(std::fs::read(&logo).unwrap().len())
    );
    assert_eq!(
        store.letter_threshold_days(Level::SecondNotice).unwrap(),
        20
    );
    assert_eq!(
        store.letter_template(Level::Reminder, true).unwrap().title,
        "温馨提示"
    );
    let english = store.letter_template(Level::Reminder, false).unwrap();
    assert_eq!(
        english.paragraphs,
        ["Dear {contact},", "You owe {total_overdue}.", "{items}"]
    );
    assert_eq!(english.closing, "Thanks,\n{company}");

    let shown = store.setting_values().unwrap();
    // Profile 9, per level days + 2 × 3 texts, then the ladder: interval, tolerance and
    // per level enabled; then the payment reminder: enabled, sent as a letter, days
    // before, and 2 × 3 texts; then each tier's four thresholds and interval; then each
    // tier's credit policy (terms, limit, deposit); then the late-interest policy's five
    // keys (fee.from included) and each tier's rate and grace; then email's nine server
    // and sender keys and a subject and body in two languages for the statement and
    // each of the five letters.
    assert_eq!(
        shown.len(),
        9 + 4 * 7 + 2 + 4 + 3 + 6 + 3 * 5 + 3 * 3 + 5 + 3 * 2 + 9 + 6 * 2 * 2
    );
    let value = |key: &str| shown.iter().find(|(k, _, _)| k == key).unwrap().1.clone();
    assert_eq!(
        value("letter.1.en.paragraphs"),
        r"Dear {contact},\n\nYou owe {total_overdue}.\n\n{items}"
    );
    assert!(
        shown
            .iter()
            .any(|(k, _, default)| k == "letter.3.en.title" && *default)
    );
}

#[test]
fn bad_values_name_the_key_and_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let gif = dir.path().join("logo.gif");
    std::fs::write(&gif, b"GIF89a\x10\x00\x10\x00").unwrap();
    let mut store = book();
    let before = store.company_settings().unwrap();
    let refused = |store: &mut Store, key: &str, value: &str| {
        message(store.set_setting(key, value).unwrap_err())
    };
    let error = refused(&mut store, "company.fax", "1");
    assert!(error.starts_with("company.fax: unknown setting; the settings are company.name"));
    assert!(refused(&mut store, "letter.5.days", "1").contains("unknown setting"));
    assert!(refused(&mut store, "letter.1.fr.title", "x").contains("unknown setting"));
    assert_eq!(
        refused(&mut store, "paper", "A5"),
        "paper: 'A5' is not a paper size; use a4 or letter"
    );
    assert_eq!(
        refused(&mut store, "locale", "de"),
        "locale: 'de' is not a locale; use one of en, en-US, en-GB, zh-CN, de-DE, fr-FR, nl-NL, pl-PL"
    );
    let error = refused(&mut store, "company.logo", gif.to_str().unwrap());
    assert!(
        error.starts_with("company.logo: ")
            && error.contains("must be a PNG or JPEG image; this file is a GIF image"),
        "{error}"
    );
    assert!(
        refused(&mut store, "company.logo", "/no/such/file.png")
            .starts_with("company.logo: /no/such")
    );
    assert_eq!(
        refused(&mut store, "letter.3.days", "10"),
        "letter.3.days: level 3 (10 days) must come after level 2 (15 days): the thresholds must increase"
    );
    assert!(
        refused(&mut store, "letter.2.days", "soon").starts_with("letter.2.days: level 2: 'soon'")
    );
    assert!(
        refused(&mut store, "letter.1.en.title", "Hi {name}").starts_with(
            "letter.1.en.title: unknown merge field {name}; the fields are {customer}"
        )
    );
    assert!(refused(&mut store, "letter.1.en.paragraphs", "").contains("no paragraphs"));
    assert!(refused(&mut store, "company.email", "nobody").starts_with("company.email: 'nobody'"));
    assert!(
        refused(&mut store, "company.name", "  ")
            .starts_with("company.name: the company name is empty")
    );
    assert_eq!(
        store.company_settings().unwrap(),
        before,
        "nothing was written"
    );
}

#[test]
fn escaping_round_trips() {
    for text in ["a\nb", r"C:\logos\new", "", "x\\ny\n"] {
        assert_eq!(unescape(&escape(text)), text);
    }
    assert_eq!(unescape(r"a\nb\\c\d"), "a\nb\\c\\d");
}

#[test]
fn an_older_book_migrates_and_reads_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.owed");
    crate::store::open::tests::create_at_version(&path, CURRENT_VERSION as usize - 1);
    let mut store = Store::open(&path, Access::Write).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    let profile = store.company_profile().unwrap();
    assert_eq!(profile.name, BookSettings::default().company);
    assert_eq!(store.letter_threshold_days(Level::FinalDemand).unwrap(), 30);
    store.set_setting("company.phone", "555").unwrap();
    drop(store);
    let store = Store::open(&path, Access::Read).unwrap();
    assert_eq!(store.company_profile().unwrap().phone, "555");
}

#[test]
fn the_ladder_saves_with_the_rest_and_a_bad_value_saves_nothing() {
    let mut store = book();
    let mut settings = store.company_settings().unwrap();
    assert_eq!(settings.ladder, ladder::LadderSettings::default());
    settings.ladder.interval_days = 400;
    settings.profile.name = "Not Saved Ltd".into();
    assert!(
        message(store.save_company_settings(&settings).unwrap_err())
            .contains("letter.interval_days")
    );
    assert_eq!(store.company_profile().unwrap().name, "My Company");
    settings.ladder.interval_days = 14;
    settings.ladder.tolerance = store.currency().parse("2.50").unwrap();
    settings.ladder.enabled[2] = false;
    store.save_company_settings(&settings).unwrap();
    assert_eq!(store.ladder_settings().unwrap(), settings.ladder);
    let rules = store.ladder_rules().unwrap();
    assert_eq!(rules.interval_days, 14);
    assert_eq!(rules.enabled, [true, true, false, true]);
    // The reminder was not touched: still the default.
    let reminder = store
        .setting_values()
        .unwrap()
        .into_iter()
        .find(|(k, _, _)| k == "letter.0.days_before")
        .unwrap();
    assert!(reminder.2, "still the default");
}

/// The audit log's fields recorded after the first `skip` entries.
fn audited_fields(store: &Store, skip: usize) -> Vec<String> {
    store
        .audit_log(&Default::default())
        .unwrap()
        .into_iter()
        .skip(skip)
        .filter_map(|e| e.field)
        .collect()
}

#[test]
fn the_payment_reminders_letter_saves_with_the_rest_by_its_level_0_keys() {
    let mut store = book();
    let mut settings = store.company_settings().unwrap();
    assert_eq!(
        *settings.template(Level::BeforeDue, false),
        default_template(Level::BeforeDue, false)
    );
    let before = store.audit_log(&Default::default()).unwrap().len();
    settings.template_mut(Level::BeforeDue, false).title = "Due soon: {total_due}".into();
    settings.template_mut(Level::BeforeDue, true).closing = "此致 {unknown}".into();
    assert!(
        message(store.save_company_settings(&settings).unwrap_err())
            .starts_with("letter.0.zh.closing"),
        "refused by the level-0 key"
    );
    assert_eq!(
        store.letter_template(Level::BeforeDue, false).unwrap(),
        default_template(Level::BeforeDue, false),
        "nothing saved"
    );
    *settings.template_mut(Level::BeforeDue, true) = default_template(Level::BeforeDue, true);
    store.save_company_settings(&settings).unwrap();
    assert_eq!(
        store
            .letter_template(Level::BeforeDue, false)
            .unwrap()
            .title,
        "Due soon: {total_due}"
    );
    assert_eq!(store.company_settings().unwrap(), settings);
    assert_eq!(audited_fields(&store, before), ["letter.0.en.title"]);
}

#[test]
fn tier_ladders_save_with_the_rest_checked_as_in_effect_and_only_changes_written() {
    let mut store = book();
    store
        .set_setting("tier.A.letter.interval_days", "3")
        .unwrap();
    let mut settings = store.company_settings().unwrap();
    assert_eq!(settings.tiers[0].interval_days, Some(3));
    let before = store.audit_log(&Default::default()).unwrap().len();

    // Tier C's level 2 after the book-wide level 3's 30 days: refused, naming tier C.
    settings.tiers[2].days[1] = Some(40);
    settings.profile.name = "Not Saved Ltd".into();
    let error = message(store.save_company_settings(&settings).unwrap_err());
    assert!(error.starts_with("tier.C.letter.3.days"), "{error}");
    assert!(error.contains("tier C's ladder"), "{error}");
    assert_eq!(store.company_profile().unwrap().name, "My Company");
    assert_eq!(audited_fields(&store, before), Vec::<String>::new());

    settings.tiers[2].days[1] = Some(10);
    settings.profile.name = "My Company".into();
    store.save_company_settings(&settings).unwrap();
    let ladders = store.tier_ladders().unwrap();
    assert_eq!(ladders.tiers[2].thresholds, [1, 10, 30, 60]);
    assert_eq!(ladders.tiers[0].interval_days, 3, "tier A kept");
    assert_eq!(audited_fields(&store, before), ["tier.C.letter.2.days"]);

    // Emptied: back to the book-wide value, the key unset.
    let before = store.audit_log(&Default::default()).unwrap().len();
    settings.tiers[2].days[1] = None;
    settings.tiers[0].interval_days = None;
    store.save_company_settings(&settings).unwrap();
    assert_eq!(
        store.tier_ladders().unwrap().tiers[2].thresholds,
        [1, 15, 30, 60]
    );
    assert_eq!(store.tier_ladders().unwrap().tiers[0].interval_days, 7);
    assert_eq!(
        audited_fields(&store, before),
        ["tier.A.letter.interval_days", "tier.C.letter.2.days"]
    );
    let shown = store.setting_values().unwrap();
    let tier_c_2 = shown
        .iter()
        .find(|(k, _, _)| k == "tier.C.letter.2.days")
        .unwrap();
    assert_eq!((tier_c_2.1.as_str(), tier_c_2.2), ("15", true));

    // The book-wide thresholds saved with a tier's own days are judged together.
    settings.tiers[1].days[0] = Some(20);
    settings.thresholds = [1, 25, 30, 60];
    store.save_company_settings(&settings).unwrap();
    assert_eq!(
        store.tier_ladders().unwrap().tiers[1].thresholds,
        [20, 25, 30, 60]
    );
    settings.thresholds = [1, 15, 30, 60];
    assert!(
        message(store.save_company_settings(&settings).unwrap_err())
            .starts_with("tier.B.letter.2.days")
    );
}

#[test]
fn email_settings_are_set_checked_and_shown() {
    use crate::domain::email::{EmailKind, Tls};
    let mut store = book();
    let set = |store: &mut Store, key: &str, value: &str| store.set_setting(key, value);
    assert_eq!(
        set(&mut store, "email.smtp_host", " smtp.acme.example ").unwrap(),
        "smtp.acme.example"
    );
    assert_eq!(set(&mut store, "email.tls", "TLS").unwrap(), "tls");
    // The port follows the protection until one is set.
    assert_eq!(store.email_settings().unwrap().port, 465);
    assert_eq!(set(&mut store, "email.smtp_port", "2525").unwrap(), "2525");
    set(&mut store, "email.from", "ar@acme.example").unwrap();
    set(&mut store, "email.from_name", "Acme 应收").unwrap();
    set(&mut store, "email.bcc_self", "yes").unwrap();
    set(&mut store, "email.rate_per_minute", "30").unwrap();
    let settings = store.email_settings().unwrap();
    assert_eq!(
        (settings.host.as_str(), settings.port, settings.tls),
        ("smtp.acme.example", 2525, Tls::Tls)
    );
    assert!(settings.bcc_self && settings.per_minute == 30 && settings.is_set_up());
    for (key, value, said) in [
        ("email.from", "not-an-address", "is not an email address"),
        ("email.smtp_port", "99999", "is not a port"),
        ("email.tls", "ssl3", "starttls, tls or none"),
        ("email.rate_per_minute", "0", "emails a minute"),
        (
            "email.statement.en.body",
            "Dear {contact}: {items}",
            "unknown merge field {items}",
        ),
        ("email.letter.2.zh.subject", r"one\ntwo", "one line"),
        ("email.letter.9.en.body", "x", "unknown setting"),
    ] {
        let refused = message(set(&mut store, key, value).unwrap_err());
        assert!(
            refused.starts_with(key) && refused.contains(said),
            "{refused}"
        );
    }
    set(
        &mut store,
        "email.letter.2.zh.subject",
        "第二次通知：{total_overdue}",
    )
    .unwrap();
    let template = store
        .email_template(
            EmailKind::Letter(crate::domain::letters::Level::SecondNotice),
            true,
        )
        .unwrap();
    assert_eq!(template.subject, "第二次通知：{total_overdue}");
    // Empty goes back to the built-in text.
    set(&mut store, "email.letter.2.zh.subject", "").unwrap();
    let template = store
        .email_template(
            EmailKind::Letter(crate::domain::letters::Level::SecondNotice),
            true,
        )
        .unwrap();
    assert!(template.subject.starts_with("第二次通知"));
    assert_ne!(template.subject, "第二次通知：{total_overdue}");
}
