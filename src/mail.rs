//! Sending the outbox through the owner's own mail server, with lettre (rustls): each
//! waiting email is built from its fixed parts (subject, bodies, Message-ID, Date) and
//! the archived PDF, handed to the server, and marked sent only once the server has
//! accepted it. A failure is kept with the email, in the server's words and as a kind
//! a screen can say ([`Failure`]), and the email is tried again later (backing off);
//! when the server cannot be reached at all, or refuses the login, the run stops there
//! and the rest stay queued, so a month's statements never each wait for a timeout.
//!
//! The one window in which an email may go out twice is between the server's "yes" and
//! the mark being written (a kill or a power cut there): the mark is the very next
//! thing done, in a transaction of its own, and the email's Message-ID is fixed when it
//! is queued, so a mail reader shows a resent one once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, Message, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls as LettreTls, TlsParameters};
use lettre::{SmtpTransport, Transport};

use crate::domain::email::{EmailSettings, Tls, is_local_host};
use crate::store::{Failure, Outgoing, Store, StoreError};

mod password;

pub use password::{
    KEYRING_SERVICE, KeyringError, PASSWORD_VAR, forget_password, password, password_from_env,
    save_password, saved_password,
};

/// How long one exchange with the server may take before it counts as unreachable.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The longest a failed email waits before it is tried again.
const MAX_BACKOFF_MINUTES: i64 = 6 * 60;

/// Why sending could not start at all.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("no mail server is set up: set email.smtp_host and email.from (`owed settings set`)")]
    NotSetUp,
    #[error(
        "email.tls is none, which is only for a mail server on this machine, not {host}; set email.tls to starttls or tls"
    )]
    Insecure { host: String },
    #[error(
        "the mail server {host} needs the password of {username}: keep it in the system keyring (`owed settings password`) or set {PASSWORD_VAR}"
    )]
    NoPassword { host: String, username: String },
    #[error("'{0}' cannot be the sender's address (email.from)")]
    BadSender(String),
    #[error("the mail server {host}: {why}")]
    Server { host: String, why: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A way to the mail server, and who the mail is from.
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
    reply_to: Option<Mailbox>,
    bcc_self: bool,
    /// Least time between two emails (the server's rate limit).
    gap: Duration,
}

impl Mailer {
    /// A mailer for `settings`, the sender named `company` when no name is set.
    pub fn new(
        settings: &EmailSettings,
        company: &str,
        password: Option<String>,
    ) -> Result<Mailer, MailError> {
        if !settings.is_set_up() {
            return Err(MailError::NotSetUp);
        }
        let host = settings.host.trim().to_string();
        if settings.tls == Tls::None && !is_local_host(&host) {
            return Err(MailError::Insecure { host });
        }
        let name = Some(settings.from_name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or(company.trim());
        let address = settings
            .from
            .trim()
            .parse()
            .map_err(|_| MailError::BadSender(settings.from.clone()))?;
        let from = Mailbox::new(Some(name.to_string()), address);
        let reply_to = match settings.reply_to.trim() {
            "" => None,
            text => Some(Mailbox::new(
                None,
                text.parse()
                    .map_err(|_| MailError::BadSender(text.to_string()))?,
            )),
        };
        let server = |why: String| MailError::Server {
            host: host.clone(),
            why,
        };
        let tls =
            |host: &str| TlsParameters::new(host.to_string()).map_err(|e| server(e.to_string()));
        let mut builder = SmtpTransport::builder_dangerous(host.clone())
            .port(settings.port)
            .timeout(Some(TIMEOUT));
        builder = match settings.tls {
            Tls::Tls => builder.tls(LettreTls::Wrapper(tls(&host)?)),
            Tls::StartTls => builder.tls(LettreTls::Required(tls(&host)?)),
            Tls::None => builder.tls(LettreTls::None),
        };
        let username = settings.username.trim();
        if !username.is_empty() {
            let Some(password) = password else {
                return Err(MailError::NoPassword {
                    host,
                    username: username.to_string(),
                });
            };
            builder = builder.credentials(Credentials::new(username.to_string(), password));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
            reply_to,
            bcc_self: settings.bcc_self,
            gap: Duration::from_secs(60) / settings.per_minute.max(1),
        })
    }

    /// `out` as a message: its recipients, fixed headers, the text and HTML, and the
    /// archived PDF attached.
    pub fn message(&self, out: &Outgoing) -> Result<Message, (Failure, String)> {
        let mut builder = Message::builder()
            .from(self.from.clone())
            .subject(out.entry.subject.clone())
            .message_id(Some(out.entry.message_id.clone()))
            .date(date_of(&out.date))
            .user_agent(format!("Owed {}", env!("CARGO_PKG_VERSION")));
        for to in &out.entry.to {
            let address = to
                .parse()
                .map_err(|_| (Failure::Rejected, format!("'{to}' is not an email address")))?;
            builder = builder.to(Mailbox::new(None, address));
        }
        if let Some(reply_to) = &self.reply_to {
            builder = builder.reply_to(reply_to.clone());
        }
        if self.bcc_self {
            builder = builder.bcc(self.from.clone());
        }
        let pdf =
            ContentType::parse("application/pdf").map_err(|e| (Failure::Other, e.to_string()))?;
        builder
            .multipart(
                MultiPart::mixed()
                    .multipart(MultiPart::alternative_plain_html(
                        out.text.clone(),
                        out.html.clone(),
                    ))
                    .singlepart(Attachment::new(out.file_name.clone()).body(out.pdf.clone(), pdf)),
            )
            .map_err(|e| (Failure::Other, e.to_string()))
    }

    /// Hands `message` to the server; why not, if it did not take it.
    pub fn deliver(&self, message: &Message) -> Result<(), (Failure, String)> {
        self.transport
            .send(message)
            .map(|_| ())
            .map_err(|e| (classify(&e), words(&e)))
    }

    /// A test email to `to` (the Settings screen's Send test email).
    pub fn send_test(&self, to: &str, subject: &str, text: &str) -> Result<(), (Failure, String)> {
        let address = to
            .trim()
            .parse()
            .map_err(|_| (Failure::Rejected, format!("'{to}' is not an email address")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(None, address))
            .subject(subject)
            .singlepart(SinglePart::plain(text.to_string()))
            .map_err(|e| (Failure::Other, e.to_string()))?;
        self.deliver(&message)
    }
}

/// The Date header kept with an email (RFC 2822), as a time; now if it cannot be read.
fn date_of(text: &str) -> SystemTime {
    chrono::DateTime::parse_from_rfc2822(text)
        .map(SystemTime::from)
        .unwrap_or_else(|_| SystemTime::now())
}

/// What kind of failure a server or connection error is.
fn classify(error: &lettre::transport::smtp::Error) -> Failure {
    let code = error.status().map(|c| c.to_string());
    match code.as_deref() {
        // Authentication required, too weak, or the credentials refused.
        Some("530" | "534" | "535") => Failure::Login,
        _ if error.is_tls() => Failure::Tls,
        _ if error.is_transient() => Failure::Refused,
        _ if error.is_permanent() => Failure::Rejected,
        _ if error.is_timeout() || error.status().is_none() && !error.is_client() => {
            Failure::Unreachable
        }
        _ => Failure::Other,
    }
}

/// The server's or system's own words of `error`, on one line.
fn words(error: &lettre::transport::smtp::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        let more = inner.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = inner.source();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// When an email that has failed `attempts` times is tried again: a minute, then
/// doubling, at most six hours; as UTC, the outbox's clock.
pub fn next_try(now: chrono::DateTime<chrono::Utc>, attempts: u32) -> String {
    let minutes = 1i64 << attempts.min(12);
    utc_stamp(now + chrono::Duration::minutes(minutes.min(MAX_BACKOFF_MINUTES)))
}

/// A moment as the outbox compares them: UTC, to the second.
pub fn utc_stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// What a run of [`send_waiting`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SendReport {
    pub sent: usize,
    pub failed: usize,
    /// Still waiting after the run (to try later, or left when the run stopped).
    pub waiting: usize,
    /// The run stopped at a failure that would fail every email (the server could not
    /// be reached, or refused the login).
    pub stopped: Option<Failure>,
}

/// Sends every email due now (with `all`, the failed ones too, whatever their wait),
/// one at a time in the order queued, each marked sent as soon as the server accepted
/// it. `progress` hears of each one; `stop` ends the run between two emails.
pub fn send_waiting(
    store: &mut Store,
    mailer: &Mailer,
    all: bool,
    mut progress: impl FnMut(&SendReport),
    stop: &AtomicBool,
) -> Result<SendReport, StoreError> {
    let mut report = SendReport::default();
    let mut after = 0;
    let mut last: Option<Instant> = None;
    while !stop.load(Ordering::Relaxed) {
        // A moment after every wait, when all are asked for.
        let now = if all {
            "9999-12-31T23:59:59Z".to_string()
        } else {
            utc_stamp(chrono::Utc::now())
        };
        let Some(out) = store.next_outgoing(&now, after)? else {
            break;
        };
        after = out.entry.id;
        // The server's rate limit: at most so many a minute.
        if let Some(last) = last {
            let since = last.elapsed();
            if since < mailer.gap {
                std::thread::sleep(mailer.gap - since);
            }
        }
        last = Some(Instant::now());
        let delivered = mailer
            .message(&out)
            .and_then(|message| mailer.deliver(&message));
        match delivered {
            Ok(()) => {
                store.mark_sent(out.entry.id)?;
                report.sent += 1;
            }
            Err((failure, words)) => {
                let when = next_try(chrono::Utc::now(), out.entry.attempts);
                store.mark_failed(out.entry.id, failure, &words, Some(&when))?;
                report.failed += 1;
                if matches!(
                    failure,
                    Failure::Unreachable | Failure::Login | Failure::Tls
                ) {
                    report.stopped = Some(failure);
                    progress(&report);
                    break;
                }
            }
        }
        progress(&report);
    }
    report.waiting = store.outbox_waiting()?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_emails_wait_longer_each_time_up_to_six_hours() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(next_try(now, 0), "2026-12-07T10:01:00Z");
        assert_eq!(next_try(now, 3), "2026-12-07T10:08:00Z");
        assert_eq!(next_try(now, 40), "2026-12-07T16:00:00Z");
    }

    #[test]
    fn sending_needs_a_server_a_sender_and_safety_off_this_machine() {
        let mut settings = EmailSettings::default();
        assert!(matches!(
            Mailer::new(&settings, "Acme", None),
            Err(MailError::NotSetUp)
        ));
        settings.host = "smtp.acme.example".into();
        settings.from = "ar@acme.example".into();
        settings.tls = Tls::None;
        assert!(matches!(
            Mailer::new(&settings, "Acme", None),
            Err(MailError::Insecure { .. })
        ));
        settings.tls = Tls::StartTls;
        settings.username = "ar".into();
        assert!(matches!(
            Mailer::new(&settings, "Acme", None),
            Err(MailError::NoPassword { .. })
        ));
        assert!(Mailer::new(&settings, "Acme", Some("secret".into())).is_ok());
        settings.host = "127.0.0.1".into();
        settings.tls = Tls::None;
        settings.username.clear();
        assert!(Mailer::new(&settings, "Acme", None).is_ok());
    }

    #[test]
    fn a_queued_date_is_kept() {
        let date = "Mon, 7 Dec 2026 10:00:00 +0800";
        let at = date_of(date);
        let back: chrono::DateTime<chrono::Utc> = at.into();
        assert_eq!(back.to_rfc3339(), "2026-12-07T02:00:00+00:00");
    }
}
