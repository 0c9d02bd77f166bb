//! The small words the command line's lines are built from, in the language chosen: the
//! names the screens share (document kinds, letter levels, why a letter is held), how a
//! list of phrases is joined, and counts for messages.

use fluent_bundle::FluentValue;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};

pub use crate::i18n::words::{
    channel_name, direction_name, kind_name, level_name, promise_status_name,
};
use crate::i18n::{Language, language};

/// Phrases joined as a sentence lists them: `a, b` in English, `a，b` in Chinese.
pub fn joined(phrases: &[String]) -> String {
    phrases.join(match language() {
        Language::English => ", ",
        Language::SimplifiedChinese => "，",
    })
}

/// A count for a message, written as the command line has always written it: without
/// a thousands separator (`5000 invoices`), so English output stays what scripts read;
/// still a number, so Fluent picks the plural by it.
pub fn count(n: usize) -> FluentValue<'static> {
    signed(n as i64)
}

/// [`count`] of a number that may be below zero (days until an item falls due).
pub fn signed(n: i64) -> FluentValue<'static> {
    FluentValue::Number(FluentNumber::new(
        n as f64,
        FluentNumberOptions {
            use_grouping: false,
            ..FluentNumberOptions::default()
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_not_grouped_but_still_choose_the_plural() {
        let loader = crate::i18n::loader_for(Language::English);
        let said = i18n_embed_fl::fl!(loader, "cli-customers-count", count = count(12345));
        assert_eq!(said, "12345 customers");
        let said = i18n_embed_fl::fl!(loader, "cli-customers-count", count = count(1));
        assert_eq!(said, "1 customer");
    }
}
