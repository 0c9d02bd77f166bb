//! Email's refusals ([`EmailError`]) in the language chosen; the English is the
//! `Display` word for word (a test holds them together).

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use crate::domain::email::{EMAIL_FIELDS, EmailError, MAX_ADDRESSES};
use crate::mail::{KeyringError, MailError, PASSWORD_VAR};

impl Described for KeyringError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            // The keyring library's own words in brackets.
            KeyringError::NoKeyring(why) => fl!(loader, "keyring-none", why = why.as_str()),
            KeyringError::NoAccount => fl!(loader, "keyring-no-account"),
        }
    }
}
use crate::store::Failure;

impl Described for Failure {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            Failure::Unreachable => fl!(loader, "send-failure-unreachable"),
            Failure::Tls => fl!(loader, "send-failure-tls"),
            Failure::Login => fl!(loader, "send-failure-login"),
            Failure::Refused => fl!(loader, "send-failure-refused"),
            Failure::Rejected => fl!(loader, "send-failure-rejected"),
            Failure::Other => fl!(loader, "send-failure-other"),
        }
    }
}

impl Described for MailError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            MailError::NotSetUp => fl!(loader, "mail-error-not-set-up"),
            MailError::Insecure { host } => {
                fl!(loader, "mail-error-insecure", host = host.as_str())
            }
            MailError::NoPassword { host, username } => fl!(
                loader,
                "mail-error-no-password",
                host = host.as_str(),
                username = username.as_str(),
                var = PASSWORD_VAR
            ),
            MailError::BadSender(text) => {
                fl!(loader, "mail-error-bad-sender", text = text.as_str())
            }
            // The TLS library's own words after the host.
            MailError::Server { host, why } => fl!(
                loader,
                "mail-error-server",
                host = host.as_str(),
                why = why.as_str()
            ),
            MailError::Store(inner) => inner.described_in(loader),
        }
    }
}

impl Described for EmailError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            EmailError::BadAddress(text) => {
                fl!(loader, "email-bad-address", text = text.as_str())
            }
            EmailError::TooMany => {
                fl!(loader, "email-too-many", max = MAX_ADDRESSES.to_string())
            }
            EmailError::BadSendBy(text) => fl!(loader, "email-bad-send-by", text = text.as_str()),
            EmailError::BadTls(text) => fl!(loader, "email-bad-tls", text = text.as_str()),
            EmailError::BadPort(text) => fl!(loader, "email-bad-port", text = text.as_str()),
            EmailError::BadRate(text) => fl!(loader, "email-bad-rate", text = text.as_str()),
            EmailError::UnknownField { field } => fl!(
                loader,
                "email-unknown-field",
                field = field.as_str(),
                fields = EMAIL_FIELDS.join(" ")
            ),
            EmailError::SubjectLines => fl!(loader, "email-subject-lines"),
            EmailError::ControlCharacter => fl!(loader, "email-control-character"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, loader_for};

    #[test]
    fn failures_and_mail_errors_say_the_same_in_english_and_speak_chinese() {
        let failures = [
            Failure::Unreachable,
            Failure::Tls,
            Failure::Login,
            Failure::Refused,
            Failure::Rejected,
            Failure::Other,
        ];
        for failure in failures {
            assert_eq!(
                failure.described_in(&loader_for(Language::English)),
                failure.to_string()
            );
            let chinese = failure.described_in(&loader_for(Language::SimplifiedChinese));
            assert!(
                chinese
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            );
        }
        for (error, value) in [
            (MailError::NotSetUp, "email.smtp_host"),
            (
                MailError::Insecure {
                    host: "smtp.acme.example".into(),
                },
                "smtp.acme.example",
            ),
            (
                MailError::NoPassword {
                    host: "smtp.acme.example".into(),
                    username: "ar".into(),
                },
                PASSWORD_VAR,
            ),
            (MailError::BadSender("x".into()), "x"),
            (
                MailError::Server {
                    host: "h.example".into(),
                    why: "bad name".into(),
                },
                "bad name",
            ),
        ] {
            assert_eq!(
                error.described_in(&loader_for(Language::English)),
                error.to_string()
            );
            let chinese = error.described_in(&loader_for(Language::SimplifiedChinese));
            assert!(
                chinese
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            );
            assert!(chinese.contains(value), "{chinese}");
        }
    }

    #[test]
    fn email_refusals_say_the_same_in_english_and_speak_chinese() {
        for (error, value) in [
            (EmailError::BadAddress("nobody".into()), "nobody"),
            (EmailError::TooMany, "10"),
            (EmailError::BadSendBy("fax".into()), "fax"),
            (EmailError::BadTls("ssl3".into()), "ssl3"),
            (EmailError::BadPort("70000".into()), "70000"),
            (EmailError::BadRate("0".into()), "0"),
            (
                EmailError::UnknownField {
                    field: "{items}".into(),
                },
                "{items}",
            ),
            (EmailError::SubjectLines, ""),
            (EmailError::ControlCharacter, ""),
        ] {
            let english = error.described_in(&loader_for(Language::English));
            assert_eq!(english, error.to_string());
            let chinese = error.described_in(&loader_for(Language::SimplifiedChinese));
            assert!(
                chinese
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{chinese}"
            );
            assert!(chinese.contains(value), "{chinese}");
        }
    }
}
