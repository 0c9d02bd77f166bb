//! What the library's errors say to a person, in the language chosen: each error type
//! of the library maps every variant, by an exhaustive `match`, to a message of the
//! Fluent catalogues with its values as arguments. The screens and the command line
//! both say errors this way (so it lives here, beneath both); the library's own
//! `Display` (English, for logs) is untouched.

use i18n_embed::fluent::FluentLanguageLoader;

/// An error as a person reads it on a screen or a terminal.
pub trait Described {
    /// The error in the language of `loader`.
    fn described_in(&self, loader: &FluentLanguageLoader) -> String;

    /// The error in the language chosen (the shared loader's).
    fn described(&self) -> String {
        self.described_in(&crate::i18n::LOADER)
    }
}

mod check;
mod domain;
mod email;
mod files;
mod import;
mod load;
mod reports;
#[cfg(test)]
pub(crate) mod said;
mod settings;
mod store;
mod warnings;

pub use files::io_text;

/// An email's place in the outbox (`queued`, `sent`, …) in the language chosen.
pub fn outbox_status_text(status: &str) -> String {
    store::outbox_status(&crate::i18n::LOADER, status)
}
