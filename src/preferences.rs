//! The user's own choices, kept in the OS config folder beside (never in) the book: the
//! book is shared between people and machines, a language or a folder is one person's
//! on one machine. The language of the screens, the books opened lately (the welcome
//! screen lists them, and the app reopens the last), and per book the folders last used
//! for statements, exports and imports. A file that is missing or unreadable is the
//! defaults, so a bad preferences file can never keep the app from starting.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// The language the screens speak, as chosen on the Settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LanguageChoice {
    /// The system's language (`LANG`).
    #[default]
    #[serde(rename = "system")]
    System,
    #[serde(rename = "en-US")]
    English,
    #[serde(rename = "zh-CN")]
    SimplifiedChinese,
}

impl LanguageChoice {
    pub const ALL: [LanguageChoice; 3] = [
        LanguageChoice::System,
        LanguageChoice::English,
        LanguageChoice::SimplifiedChinese,
    ];

    /// The language this choice speaks: `OWED_LANG` overrides every choice, "follow
    /// the system" is `LANG`.
    pub fn language(self) -> Language {
        if let Ok(locale) = std::env::var("OWED_LANG") {
            return Language::from_locale(&locale);
        }
        match self {
            LanguageChoice::System => Language::from_environment(),
            LanguageChoice::English => Language::English,
            LanguageChoice::SimplifiedChinese => Language::SimplifiedChinese,
        }
    }
}

/// The language the command line speaks, from what a person said (`owed_lang`, the
/// `OWED_LANG` variable), else what they chose on the Settings screen (`saved`, unless
/// that is "follow the system"), else the system's locale (`system`, from `LC_ALL` or
/// `LANG`). An empty variable is one not set, as the shell treats it.
pub fn cli_language(
    owed_lang: Option<&str>,
    saved: LanguageChoice,
    system: Option<&str>,
) -> Language {
    fn said(text: Option<&str>) -> Option<&str> {
        text.map(str::trim).filter(|t| !t.is_empty())
    }
    if let Some(locale) = said(owed_lang) {
        return Language::from_locale(locale);
    }
    match saved {
        LanguageChoice::English => Language::English,
        LanguageChoice::SimplifiedChinese => Language::SimplifiedChinese,
        LanguageChoice::System => Language::from_locale(said(system).unwrap_or_default()),
    }
}

/// [`cli_language`] of this process: its environment and the preferences file.
pub fn cli_language_of_environment() -> Language {
    let var = |name: &str| std::env::var(name).ok();
    // POSIX: LC_ALL, when set, overrides LANG.
    let system = var("LC_ALL")
        .filter(|v| !v.trim().is_empty())
        .or_else(|| var("LANG"));
    let saved = Preferences::load(Preferences::path().as_deref()).language;
    cli_language(var("OWED_LANG").as_deref(), saved, system.as_deref())
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub language: LanguageChoice,
    /// Books opened, the latest first (at most [`RECENT_BOOKS`]).
    pub recent_books: Vec<PathBuf>,
    /// Per book (by its path), the folders last used.
    pub places: BTreeMap<PathBuf, Places>,
}

/// How many books the welcome screen lists.
pub const RECENT_BOOKS: usize = 8;

/// The folders last used with one book.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Places {
    /// Where statements and letters were last written.
    pub statements: Option<PathBuf>,
    /// Where the aging report was last exported.
    pub exports: Option<PathBuf>,
    /// Where the last bank statement was imported from.
    pub imports: Option<PathBuf>,
}

/// Which of a book's folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Statements,
    Exports,
    Imports,
}

impl Preferences {
    /// The preferences file: `OWED_PREFERENCES` when set (tests, portable installs),
    /// else `preferences.json` in the OS config folder.
    pub fn path() -> Option<PathBuf> {
        if let Some(path) = std::env::var_os("OWED_PREFERENCES") {
            return Some(PathBuf::from(path));
        }
        directories::ProjectDirs::from("", "", "owed")
            .map(|dirs| dirs.config_dir().join("preferences.json"))
    }

    /// The preferences saved at `path`; the defaults when there are none or they
    /// cannot be read.
    pub fn load(path: Option<&Path>) -> Preferences {
        path.and_then(|p| std::fs::read(p).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// `book` was opened: it heads the recent books.
    pub fn opened(&mut self, book: &Path) {
        self.recent_books.retain(|b| b != book);
        self.recent_books.insert(0, book.to_path_buf());
        self.recent_books.truncate(RECENT_BOOKS);
    }

    /// The recent books that are still there, the latest first.
    pub fn existing_books(&self) -> Vec<PathBuf> {
        self.recent_books
            .iter()
            .filter(|book| book.is_file())
            .cloned()
            .collect()
    }

    /// The folder last used for `place` with `book`, if it is still there.
    pub fn place(&self, book: &Path, place: Place) -> Option<PathBuf> {
        let places = self.places.get(book)?;
        let folder = match place {
            Place::Statements => &places.statements,
            Place::Exports => &places.exports,
            Place::Imports => &places.imports,
        };
        folder.clone().filter(|folder| folder.is_dir())
    }

    /// Remembers `folder` as the one used for `place` with `book`.
    pub fn remember(&mut self, book: &Path, place: Place, folder: &Path) {
        let places = self.places.entry(book.to_path_buf()).or_default();
        let slot = match place {
            Place::Statements => &mut places.statements,
            Place::Exports => &mut places.exports,
            Place::Imports => &mut places.imports,
        };
        *slot = Some(folder.to_path_buf());
    }

    /// Reads the preferences at `path`, changes them with `change` and saves them, so
    /// one choice saved never drops the others.
    pub fn update(path: &Path, change: impl FnOnce(&mut Preferences)) -> io::Result<()> {
        let mut preferences = Preferences::load(Some(path));
        change(&mut preferences);
        preferences.save(path)
    }

    /// Saves to `path`, whole or not at all.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let text = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        crate::files::write_bytes_whole(path, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_books_and_each_books_folders_are_kept_without_dropping_the_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.json");
        let books: Vec<PathBuf> = (0..10)
            .map(|i| dir.path().join(format!("b{i}.owed")))
            .collect();
        for book in &books[..3] {
            std::fs::write(book, b"x").unwrap();
        }
        Preferences::update(&path, |p| p.language = LanguageChoice::SimplifiedChinese).unwrap();
        for book in &books {
            Preferences::update(&path, |p| p.opened(book)).unwrap();
        }
        // Reopening one moves it to the front, once.
        Preferences::update(&path, |p| p.opened(&books[1])).unwrap();
        let saved = Preferences::load(Some(&path));
        assert_eq!(saved.language, LanguageChoice::SimplifiedChinese, "kept");
        assert_eq!(saved.recent_books.len(), RECENT_BOOKS);
        assert_eq!(saved.recent_books[0], books[1]);
        assert_eq!(saved.recent_books[1], books[9]);
        // Only the books still there are offered.
        assert_eq!(saved.existing_books(), [books[1].clone()]);
        let folder = dir.path().join("statements");
        std::fs::create_dir(&folder).unwrap();
        Preferences::update(&path, |p| p.remember(&books[0], Place::Statements, &folder)).unwrap();
        let saved = Preferences::load(Some(&path));
        assert_eq!(
            saved.place(&books[0], Place::Statements),
            Some(folder.clone())
        );
        assert_eq!(saved.place(&books[0], Place::Exports), None);
        assert_eq!(saved.place(&books[1], Place::Statements), None, "per book");
        std::fs::remove_dir(&folder).unwrap();
        assert_eq!(saved.place(&books[0], Place::Statements), None, "gone");
    }

    #[test]
    fn the_command_line_hears_owed_lang_then_the_saved_choice_then_the_system() {
        use Language::{English, SimplifiedChinese as Chinese};
        use LanguageChoice as Saved;
        // OWED_LANG wins over both.
        assert_eq!(
            cli_language(Some("zh_CN"), Saved::English, Some("en_US.UTF-8")),
            Chinese
        );
        assert_eq!(
            cli_language(Some("en"), Saved::SimplifiedChinese, Some("zh_CN.UTF-8")),
            English
        );
        // Without it, a language chosen on the Settings screen wins over the system's.
        assert_eq!(
            cli_language(None, Saved::SimplifiedChinese, Some("en_US.UTF-8")),
            Chinese
        );
        assert_eq!(
            cli_language(None, Saved::English, Some("zh_CN.UTF-8")),
            English
        );
        assert_eq!(
            cli_language(Some(""), Saved::SimplifiedChinese, None),
            Chinese
        );
        // "Follow the system" is the locale; none, or one unknown, is English.
        assert_eq!(
            cli_language(None, Saved::System, Some("zh_CN.UTF-8")),
            Chinese
        );
        assert_eq!(
            cli_language(Some("  "), Saved::System, Some("zh_CN.UTF-8")),
            Chinese
        );
        assert_eq!(
            cli_language(None, Saved::System, Some("de_DE.UTF-8")),
            English
        );
        assert_eq!(cli_language(None, Saved::System, None), English);
    }

    #[test]
    fn saved_and_read_back_and_a_bad_file_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("owed").join("preferences.json");
        assert_eq!(Preferences::load(Some(&path)), Preferences::default());
        let chosen = Preferences {
            language: LanguageChoice::SimplifiedChinese,
            ..Preferences::default()
        };
        chosen.save(&path).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("\"zh-CN\"")
        );
        assert_eq!(Preferences::load(Some(&path)), chosen);
        std::fs::write(&path, b"{\"language\": 7").unwrap();
        assert_eq!(Preferences::load(Some(&path)), Preferences::default());
        std::fs::write(&path, b"{\"language\": \"klingon\"}").unwrap();
        assert_eq!(Preferences::load(Some(&path)), Preferences::default());
    }
}
