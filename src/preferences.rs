//! The user's own choices, kept in the OS config folder beside (never in) the book: the
//! book is shared between people and machines, a language is one person's. Today that
//! is the language of the screens; a file that is missing or unreadable is the
//! defaults, so a bad preferences file can never keep the app from starting.

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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub language: LanguageChoice,
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
    fn saved_and_read_back_and_a_bad_file_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("owed").join("preferences.json");
        assert_eq!(Preferences::load(Some(&path)), Preferences::default());
        let chosen = Preferences {
            language: LanguageChoice::SimplifiedChinese,
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
