//! Email, as rules: a customer's billing addresses and how it wants to be sent to, the
//! mail server's settings, and the subject and body of each email (per document kind,
//! in English and Chinese, with the letters' merge fields), composed into a plain-text
//! and a simple HTML part. Nothing here touches the network: `src/mail.rs` sends.

use std::collections::BTreeMap;
use std::fmt;

use super::letters::{Level, merge};

mod templates;

pub use templates::default_template;

/// The most addresses one customer's billing email may hold.
pub const MAX_ADDRESSES: usize = 10;

/// Why an email setting or address is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("'{0}' is not an email address")]
    BadAddress(String),
    #[error("more than {MAX_ADDRESSES} addresses; send to a shared mailbox instead")]
    TooMany,
    #[error("'{0}' is not email, post or both")]
    BadSendBy(String),
    #[error("'{0}' is not starttls, tls or none")]
    BadTls(String),
    #[error("'{0}' is not a port (1 to 65535)")]
    BadPort(String),
    #[error("'{0}' is not a number of emails a minute (1 to 10000)")]
    BadRate(String),
    #[error("unknown merge field {field}; the fields are {}", EMAIL_FIELDS.join(" "))]
    UnknownField { field: String },
    #[error("a subject is one line")]
    SubjectLines,
    #[error("a control character is not allowed here")]
    ControlCharacter,
}

/// One address: `name@example.com`.
pub fn check_address(text: &str) -> Result<(), EmailError> {
    let text = text.trim();
    let ok = text.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !text.contains(|c: char| c.is_whitespace() || "<>,;\"()[]\\".contains(c))
            && text.matches('@').count() == 1
    });
    if ok {
        Ok(())
    } else {
        Err(EmailError::BadAddress(text.to_string()))
    }
}

/// A list of addresses as typed: separated by commas, semicolons or spaces; empty is
/// none. Each is checked; duplicates (ignoring case) are kept once.
pub fn parse_addresses(text: &str) -> Result<Vec<String>, EmailError> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        check_address(part)?;
        if !out.iter().any(|a| a.eq_ignore_ascii_case(part)) {
            out.push(part.to_string());
        }
    }
    if out.len() > MAX_ADDRESSES {
        return Err(EmailError::TooMany);
    }
    Ok(out)
}

/// How a customer wants its statements and letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SendBy {
    /// By email when it has an address, else printed.
    #[default]
    Email,
    Post,
    Both,
}

impl SendBy {
    pub const ALL: [SendBy; 3] = [SendBy::Email, SendBy::Post, SendBy::Both];

    pub fn as_str(self) -> &'static str {
        match self {
            SendBy::Email => "email",
            SendBy::Post => "post",
            SendBy::Both => "both",
        }
    }

    pub fn parse(text: &str) -> Result<SendBy, EmailError> {
        let t = text.trim().to_ascii_lowercase();
        SendBy::ALL
            .into_iter()
            .find(|s| s.as_str() == t)
            .ok_or_else(|| EmailError::BadSendBy(text.trim().to_string()))
    }

    /// Whether a customer with `addresses` is emailed.
    pub fn emails(self, addresses: &[String]) -> bool {
        self != SendBy::Post && !addresses.is_empty()
    }

    /// Whether a customer with `addresses` is printed for the post.
    pub fn prints(self, addresses: &[String]) -> bool {
        self != SendBy::Email || addresses.is_empty()
    }
}

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tls {
    /// Plain at first, then upgraded (port 587).
    #[default]
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// None at all: only for a server on this machine.
    None,
}

impl Tls {
    pub fn as_str(self) -> &'static str {
        match self {
            Tls::StartTls => "starttls",
            Tls::Tls => "tls",
            Tls::None => "none",
        }
    }

    pub fn parse(text: &str) -> Result<Tls, EmailError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "starttls" | "" => Ok(Tls::StartTls),
            "tls" => Ok(Tls::Tls),
            "none" => Ok(Tls::None),
            _ => Err(EmailError::BadTls(text.trim().to_string())),
        }
    }

    /// The usual port for this protection.
    pub fn default_port(self) -> u16 {
        match self {
            Tls::StartTls => 587,
            Tls::Tls => 465,
            Tls::None => 25,
        }
    }
}

/// `email.smtp_port` as typed.
pub fn parse_port(text: &str) -> Result<u16, EmailError> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|p| *p > 0)
        .ok_or_else(|| EmailError::BadPort(text.trim().to_string()))
}

/// `email.rate_per_minute` as typed.
pub fn parse_rate(text: &str) -> Result<u32, EmailError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|r| (1..=10_000).contains(r))
        .ok_or_else(|| EmailError::BadRate(text.trim().to_string()))
}

/// Whether `host` is this machine, where sending without TLS is safe.
pub fn is_local_host(host: &str) -> bool {
    matches!(
        host.trim().to_ascii_lowercase().as_str(),
        "localhost" | "127.0.0.1" | "::1" | "[::1]"
    ) || host.trim().starts_with("127.")
}

/// The mail server and who the mail is from, as set (the password is not here: it
/// lives in the system's keyring or `OWED_SMTP_PASSWORD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailSettings {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub username: String,
    /// The sender's address.
    pub from: String,
    /// The sender's name (the company's when empty).
    pub from_name: String,
    pub reply_to: String,
    /// Send a copy of each email to the sender.
    pub bcc_self: bool,
    /// Most emails sent a minute.
    pub per_minute: u32,
}

impl Default for EmailSettings {
    fn default() -> EmailSettings {
        EmailSettings {
            host: String::new(),
            port: Tls::StartTls.default_port(),
            tls: Tls::StartTls,
            username: String::new(),
            from: String::new(),
            from_name: String::new(),
            reply_to: String::new(),
            bcc_self: false,
            per_minute: 60,
        }
    }
}

impl EmailSettings {
    /// Whether enough is set to send: a server and a sender.
    pub fn is_set_up(&self) -> bool {
        !self.host.trim().is_empty() && !self.from.trim().is_empty()
    }
}

/// What an email carries, for its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EmailKind {
    Statement,
    Letter(Level),
}

impl EmailKind {
    /// Every kind, statement first, then the letters by level.
    pub fn every() -> Vec<EmailKind> {
        std::iter::once(EmailKind::Statement)
            .chain(Level::EVERY.into_iter().map(EmailKind::Letter))
            .collect()
    }

    /// Its part of a settings key: `statement`, `letter.2`.
    pub fn key(self) -> String {
        match self {
            EmailKind::Statement => "statement".into(),
            EmailKind::Letter(level) => format!("letter.{}", level.number()),
        }
    }
}

impl fmt::Display for EmailKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmailKind::Statement => f.write_str("statement"),
            EmailKind::Letter(level) => write!(f, "letter {}", level.number()),
        }
    }
}

/// The merge fields an email's subject and body may use: the letters' (but the table of
/// items, which is in the PDF) and `{period}` for a statement.
pub const EMAIL_FIELDS: [&str; 10] = [
    "{customer}",
    "{contact}",
    "{total_overdue}",
    "{oldest_due_date}",
    "{days_overdue}",
    "{deadline}",
    "{company}",
    "{total_due}",
    "{due_date}",
    "{period}",
];

/// An email's subject and body, with merge fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailTemplate {
    pub subject: String,
    /// Paragraphs separated by a blank line.
    pub body: String,
}

/// An email ready to send: subject, plain text and HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// `template` with `fields` merged in (keys without braces, as the letters'), as
/// plain text and as a simple HTML page of the same paragraphs.
pub fn compose(template: &EmailTemplate, fields: &BTreeMap<&str, String>) -> Composed {
    // A subject is one line whatever a field holds.
    let subject = merge(&template.subject, fields)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = merge(&template.body, fields).replace("\r\n", "\n");
    let text = text.trim().to_string() + "\n";
    let company = fields
        .get("company")
        .map(String::as_str)
        .unwrap_or_default();
    Composed {
        html: html_of(&subject, company, &text),
        subject,
        text,
    }
}

/// The plain text as HTML under the company's name: each paragraph a `<p>`, its lines
/// kept, everything escaped.
fn html_of(title: &str, company: &str, text: &str) -> String {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(escape_html).collect();
            format!("<p style=\"margin:0 0 1em 0\">{}</p>", lines.join("<br>\n"))
        })
        .collect();
    let heading = if company.trim().is_empty() {
        String::new()
    } else {
        format!(
            "<div style=\"font-size:18px;font-weight:bold;color:#1f2d5a;border-bottom:2px solid \
             #3b5bdb;padding-bottom:6px;margin-bottom:18px\">{}</div>\n",
            escape_html(company)
        )
    };
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title></head>\n\
         <body style=\"margin:0;padding:24px;background:#f4f5f7\">\n\
         <div style=\"font-family:Arial,Helvetica,'PingFang SC','Microsoft YaHei',sans-serif;\
         font-size:14px;line-height:1.5;color:#222;max-width:40em;background:#fff;\
         padding:24px 28px;border:1px solid #dde1e6\">\n{heading}{}\n</div>\n</body></html>\n",
        escape_html(title),
        paragraphs.join("\n")
    )
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_and_listed_once() {
        assert_eq!(
            parse_addresses("ap@acme.com; Billing@Acme.com, ap@ACME.com  x@y.cn").unwrap(),
            vec!["ap@acme.com", "Billing@Acme.com", "x@y.cn"]
        );
        assert_eq!(parse_addresses("  ").unwrap(), Vec::<String>::new());
        for bad in [
            "nobody",
            "a@b",
            "a@@b.com",
            "<a@b.com>",
            "a@.com",
            "=cmd@x.com\"",
        ] {
            assert!(parse_addresses(bad).is_err(), "{bad}");
        }
        let many: Vec<String> = (0..11).map(|i| format!("a{i}@x.com")).collect();
        assert_eq!(parse_addresses(&many.join(",")), Err(EmailError::TooMany));
    }

    #[test]
    fn who_is_emailed_and_who_is_printed() {
        let some = vec!["a@x.com".to_string()];
        let none: Vec<String> = Vec::new();
        assert!(SendBy::Email.emails(&some) && !SendBy::Email.prints(&some));
        assert!(!SendBy::Email.emails(&none) && SendBy::Email.prints(&none));
        assert!(!SendBy::Post.emails(&some) && SendBy::Post.prints(&some));
        assert!(SendBy::Both.emails(&some) && SendBy::Both.prints(&some));
        assert_eq!(SendBy::parse(" Both "), Ok(SendBy::Both));
        assert!(SendBy::parse("fax").is_err());
    }

    #[test]
    fn settings_values_are_read() {
        assert_eq!(Tls::parse("TLS"), Ok(Tls::Tls));
        assert!(Tls::parse("ssl3").is_err());
        assert_eq!(parse_port("465"), Ok(465));
        assert!(parse_port("0").is_err() && parse_port("70000").is_err());
        assert_eq!(parse_rate("60"), Ok(60));
        assert!(parse_rate("0").is_err());
        assert!(is_local_host("localhost") && is_local_host("127.0.0.1"));
        assert!(!is_local_host("smtp.example.com"));
    }

    #[test]
    fn an_email_is_merged_as_text_and_escaped_html() {
        let template = EmailTemplate {
            subject: "Statement {period}\n from {company}".into(),
            body: "Dear {contact},\n\nYou owe {total_due}.\nThanks.\n\n{company}".into(),
        };
        let fields: BTreeMap<&str, String> = [
            ("period", "2026-11".to_string()),
            ("company", "A&B <Ltd>".to_string()),
            ("contact", "Łucja".to_string()),
            ("total_due", "1,234.50 EUR".to_string()),
        ]
        .into_iter()
        .collect();
        let composed = compose(&template, &fields);
        assert_eq!(composed.subject, "Statement 2026-11 from A&B <Ltd>");
        assert_eq!(
            composed.text,
            "Dear Łucja,\n\nYou owe 1,234.50 EUR.\nThanks.\n\nA&B <Ltd>\n"
        );
        assert!(
            composed
                .html
                .contains("<p style=\"margin:0 0 1em 0\">You owe 1,234.50 EUR.<br>\nThanks.</p>")
        );
        assert!(composed.html.contains("A&amp;B &lt;Ltd&gt;"));
        assert!(!composed.html.contains("<Ltd>"));
    }

    #[test]
    fn every_kind_has_a_template_in_both_languages_with_known_fields() {
        for kind in EmailKind::every() {
            for chinese in [false, true] {
                let template = default_template(kind, chinese);
                assert!(!template.subject.trim().is_empty(), "{kind}");
                for text in [&template.subject, &template.body] {
                    let mut rest = text.as_str();
                    while let Some(start) = rest.find('{') {
                        let end = rest[start..].find('}').expect("closed") + start;
                        let field = &rest[start..=end];
                        assert!(EMAIL_FIELDS.contains(&field), "{kind}: {field}");
                        rest = &rest[end + 1..];
                    }
                }
            }
        }
    }
}
