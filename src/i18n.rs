//! Every string a person sees comes from the Fluent catalogues `i18n/en-US/owed.ftl` and
//! `i18n/zh-CN/owed.ftl`, embedded in the binary and read with `i18n-embed`, the way
//! iced's COSMIC applications do it: `fl!("message-id", name = value)` gives the
//! message in the language chosen, and fails to compile when the id (or an argument)
//! is not in the English catalogue; a test holds the Chinese catalogue to the same ids.
//!
//! The language comes from `OWED_LANG`, else `LANG` (`zh_CN…` is Simplified Chinese,
//! anything else English), and can be changed while running with [`select`]: the
//! loader is shared, so every screen drawn after the change speaks the new language.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU32, Ordering};

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

// Declared before the `fl!` macro below: its files use `i18n_embed_fl::fl` with an
// explicit loader, which the crate's own `fl!` would shadow from here on.
pub mod errors;
pub mod reasons;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Catalogues;

/// The languages Owed speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    SimplifiedChinese,
}

impl Language {
    /// From a POSIX locale such as `zh_CN.UTF-8`; anything unknown is English.
    pub fn from_locale(locale: &str) -> Language {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("zh_cn")
            || lower.starts_with("zh-cn")
            || lower.starts_with("zh-hans")
            || lower == "zh"
        {
            Language::SimplifiedChinese
        } else {
            Language::English
        }
    }

    /// The language `OWED_LANG`, else `LANG`, names.
    pub fn from_environment() -> Language {
        let locale = std::env::var("OWED_LANG")
            .or_else(|_| std::env::var("LANG"))
            .unwrap_or_default();
        Language::from_locale(&locale)
    }

    fn identifier(self) -> LanguageIdentifier {
        match self {
            Language::English => unic_langid::langid!("en-US"),
            Language::SimplifiedChinese => unic_langid::langid!("zh-CN"),
        }
    }
}

/// The shared loader `fl!` reads, in the language of the environment until
/// [`select`] changes it.
pub static LOADER: LazyLock<FluentLanguageLoader> =
    LazyLock::new(|| loader_for(Language::from_environment()));

/// A loader of `language`, falling back to English for nothing: both catalogues hold
/// every id (a test checks), the fallback only guards a catalogue that fails to load.
pub fn loader_for(language: Language) -> FluentLanguageLoader {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // The catalogues are embedded and checked by the tests: a failure here is a build
    // that shipped a broken catalogue, and English still loads below.
    let _ = loader.load_languages(&Catalogues, &[language.identifier()]);
    if loader.current_languages().is_empty() {
        let _ = loader.load_fallback_language(&Catalogues);
    }
    // Without this Fluent wraps every value it fills in in direction marks (U+2068,
    // U+2069), which show as boxes in PDFs and break tests comparing text.
    loader.set_use_isolating(false);
    loader.with_bundles_mut(|bundle| bundle.set_formatter(Some(grouped)));
    loader
}

/// Speaks `language` from now on (screens drawn after this, messages made after it).
pub fn select(language: Language) {
    let _ = LOADER.load_languages(&Catalogues, &[language.identifier()]);
    LOADER.set_use_isolating(false);
    LOADER.with_bundles_mut(|bundle| bundle.set_formatter(Some(grouped)));
}

/// The thousands separator of counts in messages: the open book's, as its amounts
/// show it (a comma until a book says otherwise).
static GROUPING: AtomicU32 = AtomicU32::new(',' as u32);

/// Counts in messages are grouped as the book groups its amounts (`10,000 customers`,
/// or `10.000` in a German book). Set when a book is opened.
pub fn set_grouping(separator: char) {
    GROUPING.store(separator as u32, Ordering::Relaxed);
}

/// How Fluent writes a number given to a message: a whole number with its thousands
/// grouped (Fluent itself never groups); anything else as Fluent writes it.
fn grouped<M>(value: &fluent_bundle::FluentValue, _: &M) -> Option<String> {
    let fluent_bundle::FluentValue::Number(number) = value else {
        return None;
    };
    if number.value.fract() != 0.0 || number.value.abs() >= 1e15 || !number.options.use_grouping {
        return None;
    }
    let separator = char::from_u32(GROUPING.load(Ordering::Relaxed)).unwrap_or(',');
    Some(group_digits(number.value as i64, separator))
}

/// A count as the open book groups its amounts (`2,299`, `10.000`), for counts shown
/// outside a message.
pub fn count_text(n: usize) -> String {
    let separator = char::from_u32(GROUPING.load(Ordering::Relaxed)).unwrap_or(',');
    group_digits(i64::try_from(n).unwrap_or(i64::MAX), separator)
}

/// `1234567` as `1,234,567` with `separator`.
fn group_digits(value: i64, separator: char) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// The language the shared loader speaks now.
pub fn language() -> Language {
    match LOADER.current_languages().first() {
        Some(id) if id.language.as_str() == "zh" => Language::SimplifiedChinese,
        _ => Language::English,
    }
}

/// The message `id` in the language chosen: `fl!("id")`, or with arguments
/// `fl!("id", name = value, …)` (each value a `&str`, `String` or number).
#[macro_export]
macro_rules! fl {
    ($message_id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $message_id)
    }};
    ($message_id:literal, $($args:expr),*) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $message_id, $($args), *)
    }};
}

/// The ids and texts of a catalogue as written (for the tests that hold the two to the
/// same ids and to the code's use of them).
#[cfg(test)]
pub(crate) fn catalogue(language: &str) -> Vec<(String, String)> {
    let file = Catalogues::get(&format!("{language}/owed.ftl")).expect("catalogue");
    let text = String::from_utf8(file.data.into_owned()).expect("UTF-8");
    let resource = fluent_syntax::parser::parse(text.as_str()).expect("a catalogue that parses");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => {
                Some((message.id.name.to_string(), format!("{:?}", message.value)))
            }
            _ => None,
        })
        .collect()
}

pub mod words;
pub mod work;

#[cfg(test)]
mod tests;
