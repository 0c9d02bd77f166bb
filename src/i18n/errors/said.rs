//! For the tests of what errors and reasons say: a value described in English and in
//! Chinese, and the checks every such test makes (one copy for all of them).

use super::Described;
use crate::i18n::{Language, loader_for};

/// `said` in English.
pub(crate) fn english(said: &impl Described) -> String {
    said.described_in(&loader_for(Language::English))
}

/// `said` in Chinese.
pub(crate) fn chinese(said: &impl Described) -> String {
    said.described_in(&loader_for(Language::SimplifiedChinese))
}

/// Whether `text` has a Chinese character.
pub(crate) fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The Chinese is Chinese and still names every one of `values`.
pub(crate) fn assert_chinese(said: &impl Described, values: &[&str]) {
    let text = chinese(said);
    assert!(has_chinese(&text), "{text}");
    for value in values {
        assert!(text.contains(value), "{value} not in {text}");
    }
}
