//! The command line's own errors said in the language chosen, and the one line `owed`
//! ends with on stderr. In English every error keeps the wording it has always had (the
//! library's `Display`, which scripts and the tests read); in Chinese the library's
//! errors are said by [`Described`], as the screens say them.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::CliError;
use crate::i18n::errors::Described;
use crate::i18n::{Language, language};

impl Described for CliError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            CliError::Input { field, message } => fl!(
                loader,
                "cli-error-input",
                field = (*field),
                message = message.as_str()
            ),
            CliError::NoDefaultBook => fl!(loader, "cli-error-no-default-book"),
            CliError::Store(e) => e.described_in(loader),
            CliError::Report(e) => e.described_in(loader),
            CliError::Load(e) => e.described_in(loader),
            CliError::Demo(e) => e.described_in(loader),
            CliError::Export(e) => e.described_in(loader),
            CliError::Import(e) => e.described_in(loader),
            CliError::Statement(e) => e.described_in(loader),
            CliError::File { path, message } => fl!(
                loader,
                "cli-error-file",
                path = path.display().to_string(),
                message = message.as_str()
            ),
            CliError::Mail(e) => e.described_in(loader),
            CliError::Keyring(e) => e.described_in(loader),
            CliError::Output(message) => {
                fl!(loader, "cli-error-output", message = message.as_str())
            }
            CliError::CheckFailed(count) => {
                fl!(loader, "cli-error-check-failed", count = (*count as u64))
            }
            CliError::App(message) => fl!(loader, "cli-error-app", message = message.as_str()),
        }
    }
}

/// An error as the command line says it: in English, its own `Display` (the wording
/// scripts and the tests have always read); in Chinese, the catalogue's.
pub(super) fn said<E: std::fmt::Display + Described>(error: &E) -> String {
    match language() {
        Language::English => error.to_string(),
        Language::SimplifiedChinese => error.described(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::loader_for;

    #[test]
    fn the_command_lines_errors_read_in_both_languages() {
        let english = loader_for(Language::English);
        let chinese = loader_for(Language::SimplifiedChinese);
        let input = CliError::Input {
            field: "--amount",
            message: "x".into(),
        };
        // English says what `Display` says.
        for error in [
            input,
            CliError::NoDefaultBook,
            CliError::Output("disk full".into()),
            CliError::CheckFailed(3),
            CliError::App("no display".into()),
        ] {
            assert_eq!(error.described_in(&english), error.to_string());
            let chinese = error.described_in(&chinese);
            assert!(
                chinese
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    || chinese.starts_with("--amount"),
                "{chinese}"
            );
        }
        assert_eq!(
            CliError::CheckFailed(1).described_in(&chinese),
            "账簿有 1 处问题"
        );
        assert_eq!(
            CliError::Input {
                field: "--amount",
                message: "金额无效".into()
            }
            .described_in(&chinese),
            "--amount：金额无效"
        );
    }
}
