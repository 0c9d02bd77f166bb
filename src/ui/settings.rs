//! The settings screen: the company as printed on statements and letters (name,
//! address, contact, tax number, payment instructions, logo, paper, locale), the dunning
//! ladder (each level on or off and the days past due it waits for, the level-0 payment
//! reminder, the interval between letters, the small-balance tolerance, each customer
//! tier's own days and interval) and the letters — the level-0 payment reminder and the
//! four demand letters — in English and Chinese. Every
//! field is checked as it is typed; Save is enabled once something changed and all of it
//! is valid, and writes everything in one transaction through the same store functions
//! as `owed settings set`.

mod draft;
pub mod email;
mod ids;
#[cfg(test)]
mod tests;
mod view;

pub use draft::{Draft, LetterDraft, PolicyField, Problems};
use draft::{index, letter_index};
pub use ids::*;

use std::path::{Path, PathBuf};

use iced::Task;
use iced::widget::text_editor;

use super::{Book, Event};
use crate::domain::company::{self, Locale, LogoInfo, Paper};
use crate::domain::customer::Tier;
use crate::domain::ladder::tier_index;
use crate::domain::letters::{Level, default_template};
use crate::fl;
use crate::preferences::{LanguageChoice, Preferences};
use crate::store::{CompanySettings, SettingProblem};
use crate::ui::errors::Described;

/// The multi-line fields, kept beside the draft's strings.
struct Editors {
    address: text_editor::Content,
    payment: text_editor::Content,
    /// Per level by its number (the payment reminder first): English, then Chinese.
    paragraphs: [[text_editor::Content; 2]; 5],
    closing: [[text_editor::Content; 2]; 5],
}

impl Editors {
    fn new(draft: &Draft) -> Editors {
        let each = |text: fn(&LetterDraft) -> &str| {
            std::array::from_fn(|level| {
                std::array::from_fn(|language| {
                    text_editor::Content::with_text(text(&draft.letters[level][language]))
                })
            })
        };
        Editors {
            address: text_editor::Content::with_text(&draft.address),
            payment: text_editor::Content::with_text(&draft.payment_instructions),
            paragraphs: each(|l| &l.paragraphs),
            closing: each(|l| &l.closing),
        }
    }
}

/// The paper sizes as the pick list shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaperChoice(pub Paper);

impl std::fmt::Display for PaperChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Paper::A4 => fl!("a4-210-297-mm"),
            Paper::Letter => fl!("us-letter-8-5-11-in"),
        })
    }
}

/// A choice of the screens' language, as the pick list shows it: each language in
/// its own words, so it can be found whatever the screens speak now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageOption(pub LanguageChoice);

impl std::fmt::Display for LanguageOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            LanguageChoice::System => f.write_str(&fl!("follow-the-system")),
            LanguageChoice::English => f.write_str("English"),
            LanguageChoice::SimplifiedChinese => f.write_str("简体中文"),
        }
    }
}

/// A locale with an example date, as the pick list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleChoice {
    pub locale: Locale,
    label: String,
}

impl LocaleChoice {
    pub fn new(locale: Locale, today: chrono::NaiveDate) -> LocaleChoice {
        let name: String = match locale {
            Locale::En => fl!("english-iso-dates"),
            Locale::EnUs => fl!("english-us"),
            Locale::EnGb => fl!("english-uk"),
            Locale::ZhCn => "简体中文".into(),
            Locale::DeDe => "Deutsch".into(),
            Locale::FrFr => "Français".into(),
            Locale::NlNl => "Nederlands".into(),
            Locale::PlPl => "Polski".into(),
        };
        // The example shows both conventions the locale sets: its dates and its amounts.
        let amount = locale.number_format().write("1234.50", true);
        LocaleChoice {
            locale,
            label: format!("{name} — {}, {amount}", locale.format_date(today)),
        }
    }
}

impl std::fmt::Display for LocaleChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    Phone(String),
    Email(String),
    TaxId(String),
    Address(text_editor::Action),
    Payment(text_editor::Action),
    Paper(PaperChoice),
    Locale(LocaleChoice),
    /// The screens' language: saved for this user at once, not with the book's Save.
    Language(LanguageOption),
    ChooseLogo,
    LogoChosen(Option<PathBuf>),
    LogoPath(String),
    LoadLogo,
    RemoveLogo,
    Level(Level),
    Chinese(bool),
    /// A level's threshold: days past due before it is sent.
    Days(Level, String),
    /// Whether the ladder sends a level.
    LevelEnabled(Level, bool),
    /// The level-0 payment reminder: on or off, and days before the due date.
    ReminderEnabled(bool),
    ReminderSend(bool),
    ReminderDays(String),
    /// Least days between two letters to one customer.
    Interval(String),
    /// The small-balance tolerance, in the book's number format.
    Tolerance(String),
    /// A tier's own days for a level; empty is the book-wide value.
    TierDays(Tier, Level, String),
    /// A tier's own interval between letters; empty is the book-wide value.
    TierInterval(Tier, String),
    /// A part of a tier's credit policy; empty is no default.
    TierPolicy(Tier, PolicyField, String),
    /// The selected letter's title, paragraphs and closing.
    Title(String),
    Paragraphs(text_editor::Action),
    Closing(text_editor::Action),
    /// The selected letter back to the default text (saved with Save).
    ResetLetter,
    Save,
    /// Drop the changes: back to what the book holds.
    Revert,
    /// Restore…: pick a backup (a file dialog opening on the backups folder).
    ChooseBackup,
    BackupChosen(Option<PathBuf>),
    /// Put the chosen backup in place of the book.
    ConfirmRestore,
    CancelRestore,
    /// The day's automatic backup, made on a worker after a write.
    BackedUp(Result<Option<PathBuf>, String>),
    /// The Email section (saved on its own).
    Mail(email::Message),
}

pub struct Settings {
    /// What the book holds, as a draft: the screen is dirty when the draft differs.
    saved: Draft,
    pub draft: Draft,
    editors: Editors,
    pub level: Level,
    pub chinese: bool,
    pub logo_path: String,
    /// The file the logo was just loaded from (its name is shown).
    logo_file: Option<String>,
    pub logo_error: Option<String>,
    pub notice: Option<String>,
    pub error: Option<String>,
    /// The newest backup of the book: when it was made, and where.
    pub last_backup: Option<(String, PathBuf)>,
    /// The newest backups, each with its own Restore… (no file dialog needed).
    pub recent_backups: Vec<crate::store::BackupFile>,
    /// A backup chosen for Restore…, waiting for confirmation.
    pub restore_candidate: Option<PathBuf>,
    /// The screens' language as chosen, and where that choice is kept (`None`: the
    /// OS has no config folder, and the choice lasts until the app closes).
    pub language: LanguageChoice,
    preferences: Option<PathBuf>,
    /// The Email section: the mail server and sender, saved on their own.
    pub mail: email::EmailPanel,
}

/// How many of the newest backups the screen offers to restore from.
const RECENT_BACKUPS: usize = 5;

/// The newest backups of the open book, newest first.
fn recent_backups(book: &Book) -> Vec<crate::store::BackupFile> {
    book.path()
        .and_then(|path| crate::store::list_backups(path, false).ok())
        .unwrap_or_default()
        .into_iter()
        .take(RECENT_BACKUPS)
        .collect()
}

/// The newest backup of the open book, for "Last backup: …".
fn last_backup(book: &Book) -> Option<(String, PathBuf)> {
    let newest = crate::store::list_backups(book.path()?, false)
        .ok()?
        .into_iter()
        .next()?;
    Some((
        newest.made_at.format("%Y-%m-%d %H:%M").to_string(),
        newest.path,
    ))
}

impl Settings {
    pub fn new(book: &Book) -> Settings {
        let draft = match book.store().company_settings() {
            Ok(settings) => Draft::from_settings(&settings, book.currency()),
            Err(_) => Draft::from_settings(&CompanySettings::default(), book.currency()),
        };
        let mut screen = Settings {
            saved: draft.clone(),
            editors: Editors::new(&draft),
            draft,
            level: Level::Reminder,
            chinese: false,
            logo_path: String::new(),
            logo_file: None,
            logo_error: None,
            notice: None,
            error: None,
            last_backup: last_backup(book),
            recent_backups: recent_backups(book),
            restore_candidate: None,
            language: LanguageChoice::System,
            preferences: None,
            mail: email::EmailPanel::new(book),
        };
        screen.keep_preferences_in(Preferences::path());
        if let Err(error) = book.store().company_settings() {
            screen.error = Some(error.described());
        }
        screen
    }

    /// Keeps the language chosen in the preferences file at `path` (tests point it at
    /// a folder of their own), reading the choice saved there.
    pub fn keep_preferences_in(&mut self, path: Option<PathBuf>) {
        self.language = Preferences::load(path.as_deref()).language;
        self.preferences = path;
    }

    /// Whether anything was changed since the last save or load.
    pub fn dirty(&self) -> bool {
        self.draft != self.saved
    }

    /// Reads the settings again after the book changed, unless there are unsaved edits
    /// (which a change elsewhere in the book must not throw away).
    pub fn reload(&mut self, book: &Book) {
        self.last_backup = last_backup(book);
        self.recent_backups = recent_backups(book);
        if self.dirty() {
            return;
        }
        match book.store().company_settings() {
            Ok(settings) => self.reset_to(Draft::from_settings(&settings, book.currency())),
            Err(error) => self.error = Some(error.described()),
        }
    }

    fn reset_to(&mut self, draft: Draft) {
        self.editors = Editors::new(&draft);
        self.saved = draft.clone();
        self.draft = draft;
        self.logo_error = None;
        self.error = None;
    }

    /// The logo shown: its format and size, or why it is refused.
    pub fn logo(&self) -> Option<Result<LogoInfo, String>> {
        self.draft
            .logo
            .as_deref()
            .map(|bytes| company::logo_info(bytes).map_err(|e| e.described()))
    }

    pub fn logo_file(&self) -> Option<&str> {
        self.logo_file.as_deref()
    }

    fn load_logo(&mut self, path: &Path) {
        let shown = path.display().to_string();
        let loaded = crate::files::read::read_logo(path)
            .map_err(|why| SettingProblem::Logo {
                path: shown.clone(),
                why,
            })
            .and_then(|bytes| match company::logo_info(&bytes) {
                Ok(_) => Ok(bytes),
                Err(why) => Err(SettingProblem::LogoRefused {
                    path: shown.clone(),
                    why,
                }),
            })
            .map_err(|problem| problem.described());
        match loaded {
            Ok(bytes) => {
                self.draft.logo = Some(bytes);
                self.logo_file = path.file_name().map(|n| n.to_string_lossy().into_owned());
                self.logo_path = shown;
                self.logo_error = None;
            }
            Err(error) => self.logo_error = Some(error),
        }
    }

    fn letter(&mut self) -> &mut LetterDraft {
        self.draft.letter_mut(self.level, self.chinese)
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        if !matches!(
            message,
            Message::Level(_) | Message::Chinese(_) | Message::BackedUp(_) | Message::Mail(_)
        ) {
            self.notice = None;
        }
        let (l, c) = (letter_index(self.level), usize::from(self.chinese));
        match message {
            Message::Name(v) => self.draft.name = v,
            Message::Phone(v) => self.draft.phone = v,
            Message::Email(v) => self.draft.email = v,
            Message::TaxId(v) => self.draft.tax_id = v,
            Message::Address(action) => {
                self.editors.address.perform(action);
                self.draft.address = self.editors.address.text();
            }
            Message::Payment(action) => {
                self.editors.payment.perform(action);
                self.draft.payment_instructions = self.editors.payment.text();
            }
            Message::Paper(choice) => self.draft.paper = choice.0,
            Message::Locale(choice) => self.draft.locale = choice.locale,
            Message::Language(LanguageOption(choice)) => {
                self.language = choice;
                if let Some(path) = &self.preferences
                    && let Err(error) = Preferences::update(path, |p| p.language = choice)
                {
                    self.error = Some(fl!(
                        "the-language-could-not-be-saved",
                        path = path.display().to_string(),
                        error = error.to_string()
                    ));
                }
                return (Task::none(), Some(Event::Language(choice.language())));
            }
            Message::ChooseLogo => {
                return (
                    Task::perform(
                        async {
                            rfd::AsyncFileDialog::new()
                                .add_filter(fl!("png-or-jpeg"), &["png", "jpg", "jpeg"])
                                .pick_file()
                                .await
                                .map(|file| file.path().to_path_buf())
                        },
                        Message::LogoChosen,
                    ),
                    None,
                );
            }
            Message::LogoChosen(Some(path)) => self.load_logo(&path),
            Message::LogoChosen(None) => {
                self.logo_error = Some(fl!("no-file-was-chosen-or-this"));
            }
            Message::LogoPath(v) => self.logo_path = v,
            Message::LoadLogo => {
                let path = PathBuf::from(self.logo_path.trim());
                if !self.logo_path.trim().is_empty() {
                    self.load_logo(&path);
                }
            }
            Message::RemoveLogo => {
                self.draft.logo = None;
                self.logo_file = None;
                self.logo_error = None;
            }
            Message::Mail(message) => {
                return (self.mail.update(message, book).map(Message::Mail), None);
            }
            Message::Level(level) => self.level = level,
            Message::Chinese(chinese) => self.chinese = chinese,
            Message::Days(level, v) => self.draft.days[index(level)] = v,
            Message::LevelEnabled(level, on) => self.draft.enabled[index(level)] = on,
            Message::ReminderEnabled(on) => self.draft.reminder_enabled = on,
            Message::ReminderSend(on) => self.draft.reminder_send = on,
            Message::ReminderDays(v) => self.draft.reminder_days = v,
            Message::Interval(v) => self.draft.interval_days = v,
            Message::Tolerance(v) => self.draft.tolerance = v,
            Message::TierDays(tier, level, v) => {
                self.draft.tier_days[tier_index(tier)][index(level)] = v
            }
            Message::TierInterval(tier, v) => self.draft.tier_interval[tier_index(tier)] = v,
            Message::TierPolicy(tier, field, v) => {
                self.draft.policy[tier_index(tier)][field.index()] = v
            }
            Message::Title(v) => self.letter().title = v,
            Message::Paragraphs(action) => {
                let editor = &mut self.editors.paragraphs[l][c];
                editor.perform(action);
                let text = editor.text();
                self.letter().paragraphs = text;
            }
            Message::Closing(action) => {
                let editor = &mut self.editors.closing[l][c];
                editor.perform(action);
                let text = editor.text();
                self.letter().closing = text;
            }
            Message::ResetLetter => {
                let default =
                    LetterDraft::from_template(&default_template(self.level, self.chinese));
                self.editors.paragraphs[l][c] =
                    text_editor::Content::with_text(&default.paragraphs);
                self.editors.closing[l][c] = text_editor::Content::with_text(&default.closing);
                *self.letter() = default;
            }
            Message::Revert => {
                let saved = self.saved.clone();
                self.reset_to(saved);
            }
            Message::ChooseBackup => {
                let folder = book.path().map(crate::store::backups_dir);
                return (
                    Task::perform(
                        async move {
                            let mut dialog = rfd::AsyncFileDialog::new()
                                .add_filter(fl!("owed-book-or-backup"), &["owed", "bak"]);
                            if let Some(folder) = folder.filter(|f| f.is_dir()) {
                                dialog = dialog.set_directory(folder);
                            }
                            dialog.pick_file().await.map(|f| f.path().to_path_buf())
                        },
                        Message::BackupChosen,
                    ),
                    None,
                );
            }
            Message::BackupChosen(Some(path)) => match crate::store::verify_backup(&path) {
                Ok(()) => self.restore_candidate = Some(path),
                Err(why) => {
                    let refused = crate::store::StoreError::BadBackup { path, why };
                    self.error = Some(refused.described());
                }
            },
            Message::BackupChosen(None) => {}
            Message::CancelRestore => self.restore_candidate = None,
            Message::ConfirmRestore => {
                let Some(backup) = self.restore_candidate.take() else {
                    return (Task::none(), None);
                };
                match book.store_mut().restore_from(&backup) {
                    Ok(restored) => {
                        // What is on screen was the replaced book's: start again from the
                        // restored one's settings, unsaved edits included.
                        self.last_backup = last_backup(book);
                        self.recent_backups = recent_backups(book);
                        match book.store().company_settings() {
                            Ok(settings) => {
                                self.reset_to(Draft::from_settings(&settings, book.currency()))
                            }
                            Err(error) => self.error = Some(error.described()),
                        }
                        let replaced = restored
                            .replaced
                            .map(|p| p.display().to_string())
                            .unwrap_or_default();
                        self.notice = Some(fl!(
                            "restored-from-backup-the-replaced-book",
                            backup = restored.from.display().to_string(),
                            replaced = replaced
                        ));
                        return (Task::none(), Some(Event::BookChanged));
                    }
                    Err(error) => self.error = Some(error.described()),
                }
            }
            Message::BackedUp(Ok(_)) => {
                self.last_backup = last_backup(book);
                self.recent_backups = recent_backups(book);
            }
            Message::BackedUp(Err(error)) => {
                self.error = Some(fl!("the-automatic-backup-was-not-made", error = error));
            }
            Message::Save => {
                if !self.dirty() {
                    return (Task::none(), None);
                }
                let Ok(settings) = self.draft.settings(book.currency()) else {
                    return (Task::none(), None);
                };
                let store = book.store_mut();
                match store
                    .save_company_settings(&settings)
                    .and_then(|()| store.company_settings())
                {
                    Ok(saved) => {
                        self.reset_to(Draft::from_settings(&saved, book.currency()));
                        self.notice = Some(fl!("settings-saved"));
                        return (Task::none(), Some(Event::BookChanged));
                    }
                    Err(error) => self.error = Some(error.described()),
                }
            }
        }
        (Task::none(), None)
    }

    /// Whether the selected letter is the default text.
    pub fn letter_is_default(&self) -> bool {
        self.draft.letter(self.level, self.chinese).template()
            == default_template(self.level, self.chinese)
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> iced::Element<'a, Message> {
        view::view(self, book)
    }
}
