//! The command line's argument errors (an unknown flag, a missing value, a value not
//! among those accepted) in the language chosen. clap words them itself; its
//! [`ErrorFormatter`] is the way it offers to word them otherwise, and this one says
//! each from the error's parts (its kind and context) through the catalogues. English
//! keeps clap's own formatter, byte for byte; a kind this does not know is said with
//! clap's short English phrase for it.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

/// Words clap's argument errors from the shared loader's catalogue.
pub struct Localized;

impl ErrorFormatter for Localized {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        StyledStr::from(said(error, &crate::i18n::LOADER))
    }
}

/// A value of the error's context as text.
fn value<F: ErrorFormatter>(error: &clap::error::Error<F>, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => Some(texts.join(", ")),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The error in `loader`'s language: what is wrong, a suggestion if clap has one, the
/// usage line and where to read more.
pub fn said<F: ErrorFormatter>(
    error: &clap::error::Error<F>,
    loader: &FluentLanguageLoader,
) -> String {
    let arg = value(error, ContextKind::InvalidArg).unwrap_or_default();
    let given = value(error, ContextKind::InvalidValue).unwrap_or_default();
    let what = match error.kind() {
        ErrorKind::UnknownArgument => fl!(loader, "clap-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => fl!(
            loader,
            "clap-error-unknown-subcommand",
            name = value(error, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if given.is_empty() => {
            fl!(loader, "clap-error-value-missing", arg = arg)
        }
        ErrorKind::InvalidValue => {
            let mut line = fl!(loader, "clap-error-invalid-value", value = given, arg = arg);
            if let Some(valid) = value(error, ContextKind::ValidValue) {
                line.push_str(&fl!(loader, "clap-error-possible-values", values = valid));
            }
            line
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            fl!(
                loader,
                "clap-error-value-validation",
                value = given,
                arg = arg,
                why = why
            )
        }
        ErrorKind::MissingRequiredArgument => {
            fl!(loader, "clap-error-missing-required", args = arg)
        }
        ErrorKind::MissingSubcommand => fl!(
            loader,
            "clap-error-missing-subcommand",
            name = value(error, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => {
            match value(error, ContextKind::PriorArg).filter(|prior| *prior != arg) {
                Some(prior) => fl!(loader, "clap-error-conflict", arg = arg, prior = prior),
                None => fl!(loader, "clap-error-used-twice", arg = arg),
            }
        }
        ErrorKind::TooManyValues => {
            fl!(
                loader,
                "clap-error-too-many-values",
                value = given,
                arg = arg
            )
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            fl!(loader, "clap-error-number-of-values", arg = arg)
        }
        ErrorKind::NoEquals => fl!(loader, "clap-error-no-equals", arg = arg),
        ErrorKind::InvalidUtf8 => fl!(loader, "clap-error-invalid-utf8"),
        other => other.as_str().unwrap_or("error").to_string(),
    };
    let mut out = fl!(loader, "clap-error", what = what);
    let suggested = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| value(error, kind));
    if let Some(suggested) = suggested {
        out.push_str("\n\n  ");
        out.push_str(&fl!(
            loader,
            "clap-error-did-you-mean",
            suggested = suggested
        ));
    }
    if let Some(usage) = value(error, ContextKind::Usage) {
        // clap writes its own heading before the usage line.
        let line = usage.trim_start().trim_start_matches("Usage:").trim_start();
        out.push_str("\n\n");
        out.push_str(&fl!(loader, "clap-usage"));
        out.push(' ');
        out.push_str(line);
    }
    out.push_str("\n\n");
    out.push_str(&fl!(loader, "clap-error-try-help"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, FromArgMatches};

    use super::*;
    use crate::cli::Cli;
    use crate::i18n::{Language, loader_for};

    /// The error `owed ARGS` gives, said in Chinese.
    fn chinese(args: &[&str]) -> String {
        let mut command = Cli::command();
        let error = command
            .try_get_matches_from_mut(std::iter::once("owed").chain(args.iter().copied()))
            .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches).map(|_| ()))
            .map(|_| ())
            .expect_err("an argument error");
        said(&error, &loader_for(Language::SimplifiedChinese))
    }

    #[test]
    fn argument_errors_are_said_in_chinese_with_what_was_typed() {
        let unknown = chinese(&["invoice", "add", "--amont", "12"]);
        assert!(
            unknown.starts_with("错误：无法识别的参数“--amont”"),
            "{unknown}"
        );
        assert!(unknown.contains("--amount"), "{unknown}");
        assert!(unknown.contains("用法： owed invoice add"), "{unknown}");
        assert!(unknown.contains("--help"), "{unknown}");
        let missing = chinese(&["invoice", "add", "--customer", "C1"]);
        assert!(
            missing.contains("缺少必需的参数") && missing.contains("--amount"),
            "{missing}"
        );
        let subcommand = chinese(&["invoyce"]);
        assert!(
            subcommand.contains("无法识别的子命令“invoyce”"),
            "{subcommand}"
        );
        assert!(subcommand.contains("invoice"), "{subcommand}");
        let value = chinese(&["customer", "list", "--format", "xml"]);
        assert!(value.contains("“xml”") && value.contains("json"), "{value}");
        for said in [unknown, missing, subcommand, value] {
            for english in ["error:", "Usage:", "For more information", "tip:"] {
                assert!(!said.contains(english), "{english} in {said}");
            }
        }
    }
}
