//! The settings screen driven through the whole app: messages sent to `App::update`, and
//! typing and clicking through iced's simulator.

use std::sync::Arc;

use iced::keyboard::{Key, Modifiers};
use iced::widget::text_editor::{Action, Edit};
use iced_test::simulator::Simulator;

use super::*;
use crate::domain::company::sample_png;
use crate::ui::testing::{sample_app, send};
use crate::ui::{App, Message as AppMessage, Tab};

mod email;
mod reminder_and_tiers;
mod tier_policies;

fn screen(app: &App) -> &Settings {
    &app.open_book().expect("a book is open").settings
}

fn store(app: &App) -> &crate::store::Store {
    app.open_book().expect("a book is open").book.store()
}

fn settings(app: &mut App, message: Message) {
    send(app, AppMessage::Settings(message));
}

/// Replaces the whole text of an editor, as selecting all and pasting does.
fn replace(app: &mut App, make: fn(Action) -> Message, text: &str) {
    settings(app, make(Action::SelectAll));
    settings(
        app,
        make(Action::Edit(Edit::Paste(Arc::new(text.to_string())))),
    );
}

/// Why the fields as typed cannot be saved.
fn problems(app: &App) -> Box<Problems> {
    screen(app)
        .draft
        .settings(store(app).currency())
        .expect_err("something refused")
}

fn save_enabled(app: &App) -> bool {
    let screen = screen(app);
    screen.dirty() && screen.draft.settings(store(app).currency()).is_ok()
}

#[test]
fn ctrl_5_shows_the_settings_with_the_books_values() {
    let mut app = sample_app();
    send(
        &mut app,
        AppMessage::Key(Key::Character("7".into()), Modifiers::COMMAND),
    );
    assert_eq!(app.open_book().unwrap().tab, Tab::Settings);
    let screen = screen(&app);
    assert_eq!(screen.draft.name, "My Company");
    assert_eq!(screen.draft.days, ["1", "15", "30", "60"].map(String::from));
    assert!(!screen.dirty());
    assert!(!save_enabled(&app), "nothing to save yet");
}

#[test]
fn company_name_and_address_are_saved_and_read_back() {
    let mut app = sample_app();
    settings(&mut app, Message::Name("Huaxing Trading Ltd".into()));
    replace(
        &mut app,
        Message::Address,
        "8 Harbour Road\nWan Chai\nHong Kong",
    );
    replace(&mut app, Message::Payment, "HSBC 123-456789-001");
    settings(&mut app, Message::Email("ar@huaxing".into()));
    assert!(screen(&app).dirty());
    assert!(!save_enabled(&app), "a bad email blocks Save");
    settings(&mut app, Message::Email("ar@huaxing.example".into()));
    settings(&mut app, Message::Paper(PaperChoice(Paper::Letter)));
    assert!(save_enabled(&app));
    settings(&mut app, Message::Save);

    assert_eq!(screen(&app).notice.as_deref(), Some("Settings saved."));
    assert!(!screen(&app).dirty());
    let profile = store(&app).company_profile().unwrap();
    assert_eq!(profile.name, "Huaxing Trading Ltd");
    assert_eq!(profile.address, "8 Harbour Road\nWan Chai\nHong Kong");
    assert_eq!(profile.payment_instructions, "HSBC 123-456789-001");
    assert_eq!(profile.email, "ar@huaxing.example");
    assert_eq!(profile.paper, Paper::Letter);
    // The book's name follows (the sidebar and title show it).
    assert!(app.title().starts_with("Huaxing Trading Ltd"));
    // What the screen shows after the reload is what the book holds.
    let reread = Draft::from_settings(
        &store(&app).company_settings().unwrap(),
        store(&app).currency(),
    );
    assert_eq!(screen(&app).draft, reread);
}

#[test]
fn a_threshold_that_does_not_increase_disables_save() {
    let mut app = sample_app();
    settings(&mut app, Message::Days(Level::FinalDemand, "10".into()));
    let found = problems(&app);
    assert_eq!(
        found.days[2].as_deref(),
        Some("must be more than letter 2's 15 days")
    );
    assert_eq!(
        found.days[1].as_deref(),
        Some("must be less than letter 3's 10 days")
    );
    assert!(!save_enabled(&app));
    settings(&mut app, Message::Save);
    assert_eq!(
        store(&app)
            .letter_threshold_days(Level::FinalDemand)
            .unwrap(),
        30,
        "nothing written"
    );
    settings(&mut app, Message::Days(Level::FinalDemand, "abc".into()));
    assert!(problems(&app).days[2].is_some());
    settings(&mut app, Message::Days(Level::FinalDemand, "45".into()));
    assert!(save_enabled(&app));
    settings(&mut app, Message::Save);
    assert_eq!(
        store(&app)
            .letter_threshold_days(Level::FinalDemand)
            .unwrap(),
        45
    );
}

#[test]
fn letters_are_edited_checked_and_reset() {
    let mut app = sample_app();
    settings(&mut app, Message::Level(Level::SecondNotice));
    settings(&mut app, Message::Chinese(true));
    settings(&mut app, Message::Title("第二次提醒 {amount}".into()));
    let found = problems(&app);
    assert!(
        found.letters[2][1][0]
            .as_ref()
            .unwrap()
            .contains("{amount}")
    );
    assert!(
        found
            .first()
            .unwrap()
            .starts_with("Letter 2 (Chinese): unknown merge field")
    );
    assert!(!save_enabled(&app));
    settings(&mut app, Message::Title("第二次提醒".into()));
    replace(
        &mut app,
        Message::Paragraphs,
        "尊敬的{contact}：\n\n请支付{total_overdue}。\n\n{items}",
    );
    settings(&mut app, Message::Save);
    let saved = store(&app)
        .letter_template(Level::SecondNotice, true)
        .unwrap();
    assert_eq!(saved.title, "第二次提醒");
    assert_eq!(
        saved.paragraphs,
        ["尊敬的{contact}：", "请支付{total_overdue}。", "{items}"]
    );
    assert!(!screen(&app).letter_is_default());

    settings(&mut app, Message::ResetLetter);
    assert!(screen(&app).letter_is_default());
    assert!(save_enabled(&app), "the reset is saved with Save");
    settings(&mut app, Message::Save);
    assert_eq!(
        store(&app)
            .letter_template(Level::SecondNotice, true)
            .unwrap(),
        default_template(Level::SecondNotice, true)
    );
    // The English letter of that level was never touched.
    assert_eq!(
        store(&app)
            .letter_template(Level::SecondNotice, false)
            .unwrap(),
        default_template(Level::SecondNotice, false)
    );
}

#[test]
fn a_logo_is_loaded_from_a_path_refused_if_not_an_image_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("logo.png");
    std::fs::write(&png, sample_png(240, 80)).unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a picture").unwrap();
    let mut app = sample_app();

    settings(&mut app, Message::LogoPath(text.display().to_string()));
    settings(&mut app, Message::LoadLogo);
    assert!(
        screen(&app)
            .logo_error
            .as_ref()
            .unwrap()
            .contains("PNG or JPEG")
    );
    assert!(screen(&app).draft.logo.is_none());

    settings(&mut app, Message::LogoChosen(Some(png.clone())));
    assert_eq!(screen(&app).logo_error, None);
    let info = screen(&app).logo().unwrap().unwrap();
    assert_eq!((info.width, info.height), (240, 80));
    assert_eq!(screen(&app).logo_file(), Some("logo.png"));
    settings(&mut app, Message::Save);
    assert_eq!(
        store(&app).company_profile().unwrap().logo,
        Some(std::fs::read(&png).unwrap())
    );
    settings(&mut app, Message::RemoveLogo);
    settings(&mut app, Message::Save);
    assert_eq!(store(&app).company_profile().unwrap().logo, None);
}

#[test]
fn unsaved_edits_survive_a_change_elsewhere_and_revert_drops_them() {
    let mut app = sample_app();
    settings(&mut app, Message::Phone("555-0100".into()));
    // A note logged elsewhere changes the book, and every screen reloads.
    send(
        &mut app,
        AppMessage::Customers(crate::ui::customers::Message::Select(0)),
    );
    send(
        &mut app,
        AppMessage::Key(Key::Character("l".into()), Modifiers::COMMAND),
    );
    for message in [
        crate::ui::notes::entry::Message::Summary("Called".into()),
        crate::ui::notes::entry::Message::Save,
    ] {
        send(&mut app, AppMessage::Entry(message));
    }
    assert_eq!(store(&app).notes(&Default::default()).unwrap().len(), 1);
    assert_eq!(screen(&app).draft.phone, "555-0100");
    settings(&mut app, Message::Revert);
    assert_eq!(screen(&app).draft.phone, "");
    assert!(!screen(&app).dirty());
}

fn simulate(app: &App) -> Simulator<'_, AppMessage> {
    Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view())
}

fn feed(app: &mut App, messages: Vec<AppMessage>) {
    for message in messages {
        send(app, message);
    }
}

#[test]
fn typing_a_name_and_clicking_save_through_the_simulator() {
    let mut app = sample_app();
    let mut ui = simulate(&app);
    ui.click("Settings").expect("the sidebar entry");
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    assert_eq!(app.open_book().unwrap().tab, Tab::Settings);

    let mut ui = simulate(&app);
    ui.click(iced::widget::Id::new(NAME))
        .expect("the name field");
    ui.typewrite(" Trading");
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    assert_eq!(screen(&app).draft.name, "My Company Trading");

    let mut ui = simulate(&app);
    ui.click("Save").expect("the Save button");
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);
    assert_eq!(
        store(&app).company_profile().unwrap().name,
        "My Company Trading"
    );
    let mut ui = simulate(&app);
    assert!(ui.find("Settings saved.").is_ok());
}

#[test]
fn the_last_backup_is_shown_and_restore_puts_it_back_in_the_open_app() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    let file = crate::store::Store::open(&path, crate::store::Access::Write).unwrap();
    let (mut app, task) = App::with_store(file, crate::ui::testing::date("2026-11-30"));
    crate::ui::testing::settle(&mut app, task);
    send(&mut app, AppMessage::Show(Tab::Settings));
    assert!(screen(&app).last_backup.is_none());
    assert!(
        simulate(&app)
            .find("No backup yet: one is made after the first change of each day")
            .is_ok()
    );

    // The day's first change makes the automatic backup, on a worker, shown at once.
    settings(&mut app, Message::Name("Before Ltd".into()));
    settings(&mut app, Message::Save);
    let (made_at, backup) = screen(&app).last_backup.clone().expect("a backup");
    let shown = format!("Last backup: {made_at} ({})", backup.display());
    assert!(simulate(&app).find(shown.as_str()).is_ok(), "{shown}");

    settings(&mut app, Message::Name("After Ltd".into()));
    settings(&mut app, Message::Save);
    assert_eq!(store(&app).company_profile().unwrap().name, "After Ltd");

    // Not a backup: refused by name, nothing asked.
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    settings(&mut app, Message::BackupChosen(Some(text)));
    assert!(screen(&app).restore_candidate.is_none());
    assert!(screen(&app).error.as_deref().unwrap().contains("notes.txt"));

    // The backup is listed with its own Restore… button: no file dialog needed.
    assert_eq!(screen(&app).recent_backups.len(), 1);
    let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 1600.0), app.view());
    ui.click("Restore…")
        .expect("the listed backup's Restore… button");
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(
        messages.iter().any(
            |m| matches!(m, AppMessage::Settings(Message::BackupChosen(Some(p))) if *p == backup)
        ),
        "the button chooses that backup"
    );
    feed(&mut app, messages);
    assert_eq!(screen(&app).restore_candidate.as_ref(), Some(&backup));
    // A tall window: the Backups section is below the fold of the usual one.
    let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 1600.0), app.view());
    ui.click("Restore").expect("the confirming Restore button");
    let messages: Vec<_> = ui.into_messages().collect();
    feed(&mut app, messages);

    assert_eq!(store(&app).company_profile().unwrap().name, "Before Ltd");
    assert_eq!(screen(&app).draft.name, "Before Ltd");
    let audited = store(&app).audit_log(&Default::default()).unwrap();
    assert_eq!(
        audited.last().map(|e| e.action),
        Some(crate::store::AuditAction::Restore),
        "the restore is in the restored book's audit log"
    );
    assert!(
        screen(&app)
            .notice
            .as_deref()
            .unwrap()
            .starts_with("Restored from")
    );
    let replaced: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("book.owed.replaced-")
        })
        .collect();
    assert_eq!(replaced.len(), 1);
    // The app goes on writing to the restored book, still the only writer.
    settings(&mut app, Message::Name("Third Ltd".into()));
    settings(&mut app, Message::Save);
    assert_eq!(store(&app).company_profile().unwrap().name, "Third Ltd");
    assert!(matches!(
        crate::store::Store::open(&path, crate::store::Access::Write),
        Err(crate::store::StoreError::Locked { .. })
    ));
}

/// The value `owed settings show` prints for `key`.
fn shown(app: &App, key: &str) -> String {
    store(app)
        .setting_values()
        .unwrap()
        .into_iter()
        .find(|(k, _, _)| k == key)
        .unwrap_or_else(|| panic!("{key} is a setting"))
        .1
}

/// Clicks the input `id` on a tall screen (every section in view), deletes what it
/// holds, types `text`, and runs what follows.
fn type_into(app: &mut App, id: &'static str, text: &str) {
    let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 1800.0), app.view());
    ui.click(iced::widget::Id::new(id))
        .unwrap_or_else(|_| panic!("the field {id}"));
    // The click puts the cursor after the short value.
    for _ in 0..10 {
        ui.tap_key(Key::Named(iced::keyboard::key::Named::Backspace));
    }
    ui.typewrite(text);
    let messages: Vec<_> = ui.into_messages().collect();
    feed(app, messages);
}

fn click_label(app: &mut App, label: &str) {
    let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 1800.0), app.view());
    ui.click(label)
        .unwrap_or_else(|_| panic!("'{label}' is on the screen"));
    let messages: Vec<_> = ui.into_messages().collect();
    feed(app, messages);
}

#[test]
fn the_ladder_is_changed_on_the_screen_and_saved_with_each_change_audited() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Settings));
    assert_eq!(screen(&app).draft.enabled, [true; 4]);
    assert_eq!(screen(&app).draft.interval_days, "7");
    assert_eq!(screen(&app).draft.reminder_days, "3");
    let audited_before = store(&app).audit_log(&Default::default()).unwrap().len();

    type_into(&mut app, DAYS[1], "20");
    assert_eq!(screen(&app).draft.days[1], "20");
    type_into(&mut app, INTERVAL, "10");
    type_into(&mut app, TOLERANCE, "5.50");
    type_into(&mut app, REMINDER_DAYS, "5");
    settings(&mut app, Message::LevelEnabled(Level::Legal, false));
    settings(&mut app, Message::ReminderEnabled(false));
    settings(&mut app, Message::ReminderSend(true));
    assert!(save_enabled(&app), "{:?}", screen(&app).draft);
    click_label(&mut app, "Save");

    assert_eq!(screen(&app).notice.as_deref(), Some("Settings saved."));
    assert_eq!(shown(&app, "letter.2.days"), "20");
    assert_eq!(shown(&app, "letter.interval_days"), "10");
    assert_eq!(shown(&app, "letter.tolerance"), "5.50");
    assert_eq!(shown(&app, "letter.4.enabled"), "no");
    assert_eq!(shown(&app, "letter.3.enabled"), "yes");
    assert_eq!(shown(&app, "letter.0.enabled"), "no");
    assert_eq!(shown(&app, "letter.0.days_before"), "5");
    assert_eq!(shown(&app, "letter.0.send"), "yes");
    let rules = store(&app).ladder_rules().unwrap();
    assert_eq!(rules.thresholds, [1, 20, 30, 60]);
    assert_eq!(rules.enabled, [true, true, true, false]);
    // Each change is in the audit log, and nothing that did not change.
    let fields: Vec<String> = store(&app)
        .audit_log(&Default::default())
        .unwrap()
        .into_iter()
        .skip(audited_before)
        .filter_map(|e| e.field)
        .collect();
    for key in [
        "letter.2.days",
        "letter.interval_days",
        "letter.tolerance",
        "letter.4.enabled",
        "letter.0.enabled",
        "letter.0.days_before",
        "letter.0.send",
    ] {
        assert!(fields.iter().any(|f| f == key), "{key} audited: {fields:?}");
    }
    assert!(
        !fields.iter().any(|f| f == "letter.3.enabled"),
        "an unchanged level is not written: {fields:?}"
    );
    // What the screen shows after the reload is what the book holds.
    assert_eq!(screen(&app).draft.tolerance, "5.50");
    assert!(!screen(&app).dirty());
}

#[test]
fn an_invalid_threshold_order_is_refused_at_the_field_and_nothing_is_saved() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Settings));
    let audited_before = store(&app).audit_log(&Default::default()).unwrap().len();
    type_into(&mut app, DAYS[2], "10");
    type_into(&mut app, INTERVAL, "400");
    type_into(&mut app, TOLERANCE, "-1");
    {
        let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 1800.0), app.view());
        ui.find("must be more than letter 2's 15 days")
            .expect("said under letter 3's days");
        ui.find("must be less than letter 3's 10 days")
            .expect("said under letter 2's days");
        ui.find("'400' is not a whole number of days from 0 to 365")
            .expect("the store's own message, under the interval");
        ui.find("the tolerance cannot be negative")
            .expect("under the tolerance");
    }
    assert!(!save_enabled(&app));
    click_label(&mut app, "Save");
    settings(&mut app, Message::Save);
    assert_eq!(shown(&app, "letter.3.days"), "30", "nothing written");
    assert_eq!(shown(&app, "letter.interval_days"), "7");
    assert_eq!(shown(&app, "letter.tolerance"), "0.00");
    assert_eq!(
        store(&app).audit_log(&Default::default()).unwrap().len(),
        audited_before,
        "nothing audited: nothing changed"
    );
    assert!(screen(&app).dirty(), "the edits are still on screen");
}

#[test]
fn the_screen_language_is_kept_for_the_user_and_spoken_at_once() {
    let mut app = sample_app();
    let open = app.open_book_mut().expect("a book is open");
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("owed").join("preferences.json");
    open.settings.keep_preferences_in(Some(path.clone()));
    assert_eq!(open.settings.language, LanguageChoice::System);
    // The screen, not the app: the app would switch the language of every test running.
    let (_, event) = open.settings.update(
        Message::Language(LanguageOption(LanguageChoice::SimplifiedChinese)),
        &mut open.book,
    );
    assert!(
        matches!(event, Some(Event::Language(language)) if language == LanguageChoice::SimplifiedChinese.language()),
        "{event:?}"
    );
    assert_eq!(
        Preferences::load(Some(&path)).language,
        LanguageChoice::SimplifiedChinese
    );
    // Not a change of the book: nothing to save or revert.
    assert!(!open.settings.dirty());
    // The next start reads it back.
    open.settings.keep_preferences_in(Some(path.clone()));
    assert_eq!(open.settings.language, LanguageChoice::SimplifiedChinese);
    // A folder that cannot be written says so, and the language still changes.
    let blocked = folder.path().join("file");
    std::fs::write(&blocked, b"").unwrap();
    open.settings
        .keep_preferences_in(Some(blocked.join("preferences.json")));
    let (_, event) = open.settings.update(
        Message::Language(LanguageOption(LanguageChoice::English)),
        &mut open.book,
    );
    assert!(matches!(event, Some(Event::Language(_))), "{event:?}");
    let error = open.settings.error.clone().unwrap_or_default();
    assert!(error.contains("preferences.json"), "{error}");
}
