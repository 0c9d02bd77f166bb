//! The payment reminder's letter (level 0) and each tier's own ladder, edited on the
//! settings screen and saved with the rest, each change audited.

use super::*;

/// The audit log's fields recorded after the first `skip` entries.
fn audited_fields(app: &App, skip: usize) -> Vec<String> {
    store(app)
        .audit_log(&Default::default())
        .unwrap()
        .into_iter()
        .skip(skip)
        .filter_map(|e| e.field)
        .collect()
}

fn audited_count(app: &App) -> usize {
    store(app).audit_log(&Default::default()).unwrap().len()
}

/// Whether `what` is on the screen (a tall one, every section in view).
fn on_screen(app: &App, what: &str) -> bool {
    let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 1800.0), app.view());
    ui.find(what).is_ok()
}

#[test]
fn the_payment_reminders_letter_is_edited_saved_audited_and_reset() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Settings));
    click_label(&mut app, "0 Payment reminder");
    assert_eq!(screen(&app).level, Level::BeforeDue);
    assert_eq!(
        screen(&app).draft.letter(Level::BeforeDue, false).title,
        default_template(Level::BeforeDue, false).title,
        "the default text is shown"
    );
    // The merge fields are listed under the letter, {total_due} and {due_date} said.
    let note = fl!(
        "merge-fields-fields-a-paragraph-that",
        fields = crate::domain::letters::MERGE_FIELDS.join(" "),
        items = "{items}",
        total_due = "{total_due}",
        due_date = "{due_date}"
    );
    assert!(note.contains("{total_due} {due_date}"), "{note}");
    assert!(on_screen(&app, &note), "the level-0 note is shown");
    let before = audited_count(&app);

    // An unknown field is refused under the title, and Save writes nothing.
    settings(&mut app, Message::Title("Due soon {amount}".into()));
    let found = problems(&app);
    let problem = found.letters[0][0][0]
        .clone()
        .expect("the title is refused");
    assert!(problem.contains("{amount}"), "{problem}");
    assert!(
        found
            .first()
            .unwrap()
            .starts_with("Payment reminder letter (English): unknown merge field"),
        "{:?}",
        found.first()
    );
    assert!(on_screen(&app, &problem), "said at the field");
    assert!(!save_enabled(&app));
    settings(&mut app, Message::Save);
    assert_eq!(audited_count(&app), before, "nothing saved");

    settings(
        &mut app,
        Message::Title("{total_due} falls due on {due_date}".into()),
    );
    assert!(save_enabled(&app));
    click_label(&mut app, "Save");
    assert_eq!(screen(&app).notice.as_deref(), Some("Settings saved."));
    assert_eq!(
        shown(&app, "letter.0.en.title"),
        "{total_due} falls due on {due_date}"
    );
    assert_eq!(
        store(&app)
            .letter_template(Level::BeforeDue, false)
            .unwrap()
            .title,
        "{total_due} falls due on {due_date}"
    );
    assert_eq!(audited_fields(&app, before), ["letter.0.en.title"]);
    assert!(!screen(&app).letter_is_default());

    let before = audited_count(&app);
    click_label(&mut app, "Reset to default");
    assert!(screen(&app).letter_is_default());
    click_label(&mut app, "Save");
    assert_eq!(
        store(&app)
            .letter_template(Level::BeforeDue, false)
            .unwrap(),
        default_template(Level::BeforeDue, false)
    );
    assert_eq!(
        shown(&app, "letter.0.en.title"),
        default_template(Level::BeforeDue, false).title
    );
    assert_eq!(audited_fields(&app, before), ["letter.0.en.title"]);
    // The Chinese letter of level 0 was never touched.
    assert_eq!(
        store(&app).letter_template(Level::BeforeDue, true).unwrap(),
        default_template(Level::BeforeDue, true)
    );
}

#[test]
fn a_tiers_own_days_are_saved_audited_and_emptied_back_to_the_book_wide_value() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Settings));
    assert_eq!(screen(&app).draft.tier_days[2][1], "", "book-wide at first");
    let before = audited_count(&app);

    type_into(&mut app, TIER_DAYS[2][1], "10");
    assert_eq!(screen(&app).draft.tier_days[2][1], "10");
    assert!(save_enabled(&app));
    click_label(&mut app, "Save");
    assert_eq!(screen(&app).notice.as_deref(), Some("Settings saved."));
    let ladders = store(&app).tier_ladders().unwrap();
    assert_eq!(ladders.tiers[2].thresholds, [1, 10, 30, 60]);
    assert_eq!(
        ladders.tiers[1].thresholds,
        [1, 15, 30, 60],
        "tier B untouched"
    );
    assert_eq!(shown(&app, "tier.C.letter.2.days"), "10");
    assert_eq!(audited_fields(&app, before), ["tier.C.letter.2.days"]);
    assert_eq!(screen(&app).draft.tier_days[2][1], "10", "read back");

    // Emptied: the key is unset and tier C follows the book-wide 15 days again.
    let before = audited_count(&app);
    type_into(&mut app, TIER_DAYS[2][1], "");
    assert!(save_enabled(&app));
    click_label(&mut app, "Save");
    assert_eq!(
        store(&app).tier_ladders().unwrap().tiers[2].thresholds,
        [1, 15, 30, 60]
    );
    let is_default = store(&app)
        .setting_values()
        .unwrap()
        .into_iter()
        .find(|(k, _, _)| k == "tier.C.letter.2.days")
        .unwrap()
        .2;
    assert!(is_default, "unset: the book-wide value");
    assert_eq!(audited_fields(&app, before), ["tier.C.letter.2.days"]);
    assert_eq!(screen(&app).draft.tier_days[2][1], "");
}

#[test]
fn an_out_of_order_tier_value_is_refused_at_the_field_and_nothing_is_saved() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Settings));
    let before = audited_count(&app);

    // Tier C's level 2 at 40 days comes after the book-wide level 3's 30.
    type_into(&mut app, TIER_DAYS[2][1], "40");
    let found = problems(&app);
    let problem = found.tier_days[2][2].clone().expect("level 3 is at fault");
    assert_eq!(
        problem,
        "Tier C: letter 3's 30 days must be more than letter 2's 40 days (an empty cell has the book-wide value)"
    );
    assert_eq!(
        found.tier_days[2][1].as_ref(),
        Some(&problem),
        "and level 2"
    );
    assert_eq!(
        found.tier_days[0],
        [None, None, None, None],
        "tier A is fine"
    );
    assert!(on_screen(&app, &problem), "said under tier C's row");
    assert!(!save_enabled(&app));
    click_label(&mut app, "Save");
    settings(&mut app, Message::Save);
    assert_eq!(audited_count(&app), before, "nothing saved");
    assert_eq!(
        store(&app).tier_ladders().unwrap().tiers[2].thresholds,
        [1, 15, 30, 60]
    );
    assert!(screen(&app).dirty(), "the edit is still on screen");

    // Not a number (the store's check, said as the book-wide days are), and an interval
    // out of range (the store's words), each naming the tier.
    type_into(&mut app, TIER_DAYS[2][1], "x");
    let problem = problems(&app).tier_days[2][1].clone().unwrap();
    assert_eq!(
        problem,
        "Tier C, letter 2: a whole number of days from 1 to 3650, or empty for the book-wide value"
    );
    type_into(&mut app, TIER_DAYS[2][1], "");
    type_into(&mut app, TIER_INTERVAL[0], "400");
    let problem = problems(&app).tier_interval[0].clone().unwrap();
    assert!(
        problem.starts_with("Tier A, interval: '400' is not a whole number of days from 0 to 365"),
        "{problem}"
    );
    type_into(&mut app, TIER_INTERVAL[0], "");
    assert!(!screen(&app).dirty(), "all back to the book-wide values");

    // A book-wide threshold is judged on each tier's ladder too.
    type_into(&mut app, TIER_DAYS[1][0], "12");
    type_into(&mut app, DAYS[1], "11");
    let found = problems(&app);
    assert!(
        found.tier_days[1][1]
            .as_deref()
            .is_some_and(|p| p.starts_with("Tier B: letter 2's 11 days")),
        "{found:?}"
    );
    assert!(!save_enabled(&app));
    type_into(&mut app, DAYS[1], "15");
    assert!(save_enabled(&app));
}
