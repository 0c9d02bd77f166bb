//! The email settings, kept in `company_settings` by their `owed settings set` keys:
//! the mail server (`email.smtp_host`, `email.smtp_port`, `email.tls`,
//! `email.username`), who the mail is from (`email.from`, `email.from_name`,
//! `email.reply_to`, `email.bcc_self`), the most sent a minute (`email.rate_per_minute`),
//! and each email's subject and body per kind and language
//! (`email.statement.en.subject`, `email.letter.2.zh.body`, …; unset: the built-in
//! text). The password is never here: it is the system keyring's, or
//! `OWED_SMTP_PASSWORD`'s.

use rusqlite::Connection;

use super::{SettingProblem, bad, escape, get, lang, put_or_unset, settings_change, unescape};
use crate::domain::email::{
    self, EMAIL_FIELDS, EmailError, EmailKind, EmailSettings, EmailTemplate, Tls,
};
use crate::domain::letters::Level;
use crate::store::{Result, Store};

const HOST: &str = "email.smtp_host";
const PORT: &str = "email.smtp_port";
const TLS: &str = "email.tls";
const USERNAME: &str = "email.username";
const FROM: &str = "email.from";
const FROM_NAME: &str = "email.from_name";
const REPLY_TO: &str = "email.reply_to";
const BCC_SELF: &str = "email.bcc_self";
const RATE: &str = "email.rate_per_minute";

/// The server and sender keys, in the order `settings show` prints them.
const SERVER_KEYS: [&str; 9] = [
    HOST, PORT, TLS, USERNAME, FROM, FROM_NAME, REPLY_TO, BCC_SELF, RATE,
];

/// The email settings as set (defaults for what is not).
pub(crate) fn read_email_settings(conn: &Connection) -> Result<EmailSettings> {
    let mut settings = EmailSettings::default();
    let text = |key: &str| -> Result<String> { Ok(get(conn, key)?.unwrap_or_default()) };
    settings.host = text(HOST)?;
    settings.tls = Tls::parse(&text(TLS)?).unwrap_or_default();
    settings.port = match get(conn, PORT)? {
        Some(port) => email::parse_port(&port).unwrap_or(settings.tls.default_port()),
        None => settings.tls.default_port(),
    };
    settings.username = text(USERNAME)?;
    settings.from = text(FROM)?;
    settings.from_name = text(FROM_NAME)?;
    settings.reply_to = text(REPLY_TO)?;
    settings.bcc_self = text(BCC_SELF)? == "true";
    if let Some(rate) = get(conn, RATE)? {
        settings.per_minute = email::parse_rate(&rate).unwrap_or(settings.per_minute);
    }
    Ok(settings)
}

/// `email.statement.en.subject` → (statement, English, subject).
fn parse_template_key(key: &str) -> Option<(EmailKind, bool, bool)> {
    let rest = key.strip_prefix("email.")?;
    let (kind, rest) = if let Some(rest) = rest.strip_prefix("statement.") {
        (EmailKind::Statement, rest)
    } else {
        let rest = rest.strip_prefix("letter.")?;
        let (number, rest) = rest.split_once('.')?;
        let level = Level::any_from_number(number.parse().ok()?)?;
        (EmailKind::Letter(level), rest)
    };
    let (language, part) = rest.split_once('.')?;
    let chinese = match language {
        "en" => false,
        "zh" => true,
        _ => return None,
    };
    let subject = match part {
        "subject" => true,
        "body" => false,
        _ => return None,
    };
    Some((kind, chinese, subject))
}

fn template_key(kind: EmailKind, chinese: bool, subject: bool) -> String {
    format!(
        "email.{}.{}.{}",
        kind.key(),
        lang(chinese),
        if subject { "subject" } else { "body" }
    )
}

/// The first merge field in `text` an email does not know.
fn check_fields(text: &str) -> std::result::Result<(), EmailError> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        let field = &rest[start..=start + end];
        if !EMAIL_FIELDS.contains(&field) {
            return Err(EmailError::UnknownField {
                field: field.to_string(),
            });
        }
        rest = &rest[start + end + 1..];
    }
    Ok(())
}

/// What is wrong with `value` for a server or sender key, as `settings set` says it.
fn check_server_value(key: &str, value: &str) -> Option<SettingProblem> {
    let checked = match key {
        HOST | USERNAME | FROM_NAME if value.contains(char::is_control) => {
            Err(EmailError::ControlCharacter)
        }
        PORT => email::parse_port(value).map(|_| ()),
        TLS => Tls::parse(value).map(|_| ()),
        FROM | REPLY_TO if !value.is_empty() => email::check_address(value),
        RATE => email::parse_rate(value).map(|_| ()),
        _ => Ok(()),
    };
    checked.err().map(SettingProblem::Email)
}

/// A yes/no value as `settings set` takes it.
fn parse_switch(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    }
}

impl Store {
    /// The mail server and sender as set.
    pub fn email_settings(&self) -> Result<EmailSettings> {
        read_email_settings(&self.conn)
    }

    /// Saves the mail server and sender (the settings screen's Email section) in one
    /// transaction, each value checked as `settings set` checks it; what is unchanged is
    /// not written (nor audited).
    pub fn save_email_settings(&mut self, settings: &EmailSettings) -> Result<()> {
        self.save_email(settings, &[])
    }

    /// [`Store::save_email_settings`] with the email texts `templates` (kind, Chinese,
    /// text), all in one transaction; a text equal to the built-in one is stored as
    /// unset, so it follows the built-in text.
    pub fn save_email(
        &mut self,
        settings: &EmailSettings,
        templates: &[(EmailKind, bool, EmailTemplate)],
    ) -> Result<()> {
        let mut texts: Vec<(String, Option<String>)> = Vec::new();
        for (kind, chinese, template) in templates {
            let built_in = email::default_template(*kind, *chinese);
            for (subject, value, default) in [
                (true, &template.subject, &built_in.subject),
                (false, &template.body, &built_in.body),
            ] {
                let key = template_key(*kind, *chinese, subject);
                let value = value.trim();
                if subject && value.contains('\n') {
                    return Err(bad(key, SettingProblem::Email(EmailError::SubjectLines)));
                }
                check_fields(value).map_err(|e| bad(key.clone(), SettingProblem::Email(e)))?;
                let stored =
                    (!value.is_empty() && value != default.trim()).then(|| value.to_string());
                texts.push((key, stored));
            }
        }
        let values: [(&str, String); 9] = [
            (HOST, settings.host.trim().to_string()),
            (PORT, settings.port.to_string()),
            (TLS, settings.tls.as_str().to_string()),
            (USERNAME, settings.username.trim().to_string()),
            (FROM, settings.from.trim().to_string()),
            (FROM_NAME, settings.from_name.trim().to_string()),
            (REPLY_TO, settings.reply_to.trim().to_string()),
            (BCC_SELF, settings.bcc_self.to_string()),
            (RATE, settings.per_minute.to_string()),
        ];
        for (key, value) in &values {
            if let Some(problem) = check_server_value(key, value) {
                return Err(bad(*key, problem));
            }
        }
        let current = self.email_settings()?;
        let mut unchanged = &current == settings;
        for (key, stored) in &texts {
            unchanged &= get(&self.conn, key)? == *stored;
        }
        if unchanged {
            return Ok(());
        }
        self.write(|tx, _| {
            settings_change(tx, None, || {
                let changes = values
                    .iter()
                    .map(|(key, value)| {
                        (
                            key.to_string(),
                            Some(value.clone()).filter(|v| !v.is_empty()),
                        )
                    })
                    .chain(texts.iter().cloned());
                for (key, value) in changes {
                    put_or_unset(tx, &key, value.as_deref())?;
                }
                Ok(())
            })
        })
    }

    /// The email of `kind` in English or Chinese as set (the built-in text for a part
    /// not set).
    pub fn email_template(&self, kind: EmailKind, chinese: bool) -> Result<EmailTemplate> {
        let built_in = email::default_template(kind, chinese);
        Ok(EmailTemplate {
            subject: get(&self.conn, &template_key(kind, chinese, true))?
                .unwrap_or(built_in.subject),
            body: get(&self.conn, &template_key(kind, chinese, false))?.unwrap_or(built_in.body),
        })
    }

    /// Sets an email setting by its key; `None` when `key` is not one of them. An empty
    /// template part goes back to the built-in text.
    pub(super) fn set_email_setting(&mut self, key: &str, value: &str) -> Option<Result<()>> {
        let stored: std::result::Result<Option<String>, SettingProblem> =
            if let Some((_, _, subject)) = parse_template_key(key) {
                let value = unescape(value);
                let value = value.trim();
                if value.is_empty() {
                    Ok(None)
                } else if subject && value.contains('\n') {
                    Err(SettingProblem::Email(EmailError::SubjectLines))
                } else {
                    check_fields(value)
                        .map(|()| Some(value.to_string()))
                        .map_err(SettingProblem::Email)
                }
            } else {
                let value = value.trim();
                match key {
                    HOST | USERNAME | FROM_NAME => {
                        if value.contains(char::is_control) {
                            Err(SettingProblem::Email(EmailError::ControlCharacter))
                        } else {
                            Ok(Some(value.to_string()))
                        }
                    }
                    PORT => email::parse_port(value)
                        .map(|p| Some(p.to_string()))
                        .map_err(SettingProblem::Email),
                    TLS => Tls::parse(value)
                        .map(|t| Some(t.as_str().to_string()))
                        .map_err(SettingProblem::Email),
                    FROM | REPLY_TO => {
                        if value.is_empty() {
                            Ok(None)
                        } else {
                            email::check_address(value)
                                .map(|()| Some(value.to_string()))
                                .map_err(SettingProblem::Email)
                        }
                    }
                    BCC_SELF => parse_switch(value)
                        .map(|on| Some(on.to_string()))
                        .ok_or_else(|| SettingProblem::NotASwitch {
                            text: value.to_string(),
                        }),
                    RATE => email::parse_rate(value)
                        .map(|r| Some(r.to_string()))
                        .map_err(SettingProblem::Email),
                    _ => return None,
                }
            };
        let stored = match stored {
            Ok(stored) => stored,
            Err(problem) => return Some(Err(bad(key, problem))),
        };
        Some(self.set_or_unset(key, stored.as_deref()))
    }

    /// The email settings as `settings show` prints them: `(key, value, is_default)`.
    pub(super) fn email_setting_values(&self) -> Result<Vec<(String, String, bool)>> {
        let settings = self.email_settings()?;
        let defaults = EmailSettings::default();
        let mut out = Vec::new();
        for key in SERVER_KEYS {
            let (value, default) = match key {
                HOST => (settings.host.clone(), settings.host.is_empty()),
                PORT => (
                    settings.port.to_string(),
                    settings.port == settings.tls.default_port(),
                ),
                TLS => (
                    settings.tls.as_str().to_string(),
                    settings.tls == defaults.tls,
                ),
                USERNAME => (settings.username.clone(), settings.username.is_empty()),
                FROM => (settings.from.clone(), settings.from.is_empty()),
                FROM_NAME => (settings.from_name.clone(), settings.from_name.is_empty()),
                REPLY_TO => (settings.reply_to.clone(), settings.reply_to.is_empty()),
                BCC_SELF => (settings.bcc_self.to_string(), !settings.bcc_self),
                _ => (
                    settings.per_minute.to_string(),
                    settings.per_minute == defaults.per_minute,
                ),
            };
            out.push((key.to_string(), value, default));
        }
        for kind in EmailKind::every() {
            for chinese in [false, true] {
                let template = self.email_template(kind, chinese)?;
                let built_in = email::default_template(kind, chinese);
                for subject in [true, false] {
                    let (value, default) = if subject {
                        (&template.subject, template.subject == built_in.subject)
                    } else {
                        (&template.body, template.body == built_in.body)
                    };
                    out.push((template_key(kind, chinese, subject), escape(value), default));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_keys_are_read_back() {
        for kind in EmailKind::every() {
            for chinese in [false, true] {
                for subject in [true, false] {
                    let key = template_key(kind, chinese, subject);
                    assert_eq!(parse_template_key(&key), Some((kind, chinese, subject)));
                }
            }
        }
        for bad in [
            "email.letter.5.en.body",
            "email.statement.fr.body",
            "email.statement.en.title",
            "email.smtp_host",
        ] {
            assert_eq!(parse_template_key(bad), None, "{bad}");
        }
        assert!(check_fields("Dear {contact}, {period}").is_ok());
        assert_eq!(
            check_fields("{items}"),
            Err(EmailError::UnknownField {
                field: "{items}".into()
            })
        );
    }
}
