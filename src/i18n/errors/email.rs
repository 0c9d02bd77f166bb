//! Email's refusals ([`EmailError`]) in the language chosen; the English is the
//! `Display` word for word (a test holds them together).

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use crate::domain::email::{EMAIL_FIELDS, EmailError, MAX_ADDRESSES};

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
