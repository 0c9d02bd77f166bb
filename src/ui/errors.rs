//! What the library's errors say on the screens, in the screens' language: each error
//! type of the library maps every variant, by an exhaustive `match`, to a message of
//! the Fluent catalogues with its values as arguments. The library's own `Display`
//! (English, for the command line and logs) is untouched.

use i18n_embed::fluent::FluentLanguageLoader;

/// An error as a person reads it on a screen.
pub trait Described {
    /// The error in the language of `loader`.
    fn described_in(&self, loader: &FluentLanguageLoader) -> String;

    /// The error in the screens' language.
    fn described(&self) -> String {
        self.described_in(&crate::i18n::LOADER)
    }
}

mod domain;
mod import;
mod reports;
mod store;
