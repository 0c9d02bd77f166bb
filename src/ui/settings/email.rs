//! The settings screen's Email section: the owner's own mail server and who the mail is
//! from, saved on its own (one transaction, as `owed settings set email.…` checks each
//! value), the password kept in the system's keyring — or, where there is none, for this
//! session only — and never in the book; and Send test email, which runs off the UI
//! thread and says what the server answered.

use std::collections::BTreeMap;

use iced::widget::{Column, checkbox, column, pick_list, row, text, text_editor, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::domain::email::{self, EMAIL_FIELDS, EmailKind, EmailSettings, EmailTemplate, Tls};
use crate::domain::letters::Level;
use crate::fl;
use crate::mail::{self, KeyringError, Mailer};
use crate::ui::Book;
use crate::ui::book::on_worker;
use crate::ui::errors::Described;
use crate::ui::widgets;

#[derive(Debug, Clone)]
pub enum Message {
    Host(String),
    Port(String),
    Tls(Tls),
    Username(String),
    Password(String),
    From(String),
    FromName(String),
    ReplyTo(String),
    BccSelf(bool),
    Rate(String),
    TestTo(String),
    /// Which email's texts are edited: its kind and language.
    TextKind(KindChoice),
    TextChinese(bool),
    Subject(String),
    Body(text_editor::Action),
    /// The edited texts back to the built-in ones (saved with Save).
    ResetText,
    Save,
    SendTest,
    TestDone(Result<String, String>),
}

/// Every email's texts, by kind and language (Chinese or not).
type Texts = BTreeMap<(EmailKind, bool), EmailTemplate>;

/// The section's fields as typed, and what it last said.
pub struct EmailPanel {
    /// The texts as the book holds them, and as edited.
    saved_texts: Texts,
    texts: Texts,
    text_kind: EmailKind,
    text_chinese: bool,
    /// The body of the email whose texts are edited.
    body: text_editor::Content,
    saved: EmailSettings,
    host: String,
    port: String,
    tls: Tls,
    username: String,
    /// Typed, not yet kept (shown as dots, cleared once kept).
    password: String,
    from: String,
    from_name: String,
    reply_to: String,
    bcc_self: bool,
    rate: String,
    test_to: String,
    /// A field was edited: its problems show from then on.
    touched: bool,
    /// A password is kept in the keyring for the saved account (asked once when the
    /// settings are loaded or saved, never on every frame: the keyring is a D-Bus call).
    password_kept: bool,
    sending: bool,
    notice: Option<String>,
    error: Option<String>,
}

impl EmailPanel {
    pub fn new(book: &Book) -> EmailPanel {
        let saved = book.store().email_settings().unwrap_or_default();
        let mut texts = Texts::new();
        for kind in EmailKind::every() {
            for chinese in [false, true] {
                let template = book
                    .store()
                    .email_template(kind, chinese)
                    .unwrap_or_else(|_| email::default_template(kind, chinese));
                texts.insert((kind, chinese), template);
            }
        }
        let mut panel = EmailPanel {
            saved_texts: texts.clone(),
            texts,
            text_kind: EmailKind::Statement,
            text_chinese: book.locale().is_chinese(),
            body: text_editor::Content::new(),
            saved: EmailSettings::default(),
            host: String::new(),
            port: String::new(),
            tls: Tls::default(),
            username: String::new(),
            password: String::new(),
            from: String::new(),
            from_name: String::new(),
            reply_to: String::new(),
            bcc_self: false,
            rate: String::new(),
            test_to: String::new(),
            touched: false,
            password_kept: false,
            sending: false,
            notice: None,
            error: None,
        };
        panel.load(saved);
        panel.show_text();
        panel
    }

    /// The texts of the email chosen, as edited.
    fn text(&self) -> &EmailTemplate {
        &self.texts[&(self.text_kind, self.text_chinese)]
    }

    fn text_mut(&mut self) -> &mut EmailTemplate {
        self.texts
            .get_mut(&(self.text_kind, self.text_chinese))
            .expect("every kind and language has texts")
    }

    /// Puts the chosen email's body in the editor.
    fn show_text(&mut self) {
        self.body = text_editor::Content::with_text(&self.text().body);
    }

    fn load(&mut self, saved: EmailSettings) {
        self.host = saved.host.clone();
        self.port = saved.port.to_string();
        self.tls = saved.tls;
        self.username = saved.username.clone();
        self.from = saved.from.clone();
        self.from_name = saved.from_name.clone();
        self.reply_to = saved.reply_to.clone();
        self.bcc_self = saved.bcc_self;
        self.rate = saved.per_minute.to_string();
        if self.test_to.is_empty() {
            self.test_to = saved.from.clone();
        }
        self.password_kept = !saved.username.trim().is_empty()
            && mail::saved_password(&saved).ok().flatten().is_some();
        self.saved = saved;
        self.touched = false;
    }

    /// The settings as typed, or the first problem, by field.
    fn settings(&self) -> Result<EmailSettings, (Field, String)> {
        let port = email::parse_port(&self.port).map_err(|e| (Field::Port, e.described()))?;
        let per_minute = email::parse_rate(&self.rate).map_err(|e| (Field::Rate, e.described()))?;
        for (field, value) in [(Field::From, &self.from), (Field::ReplyTo, &self.reply_to)] {
            if !value.trim().is_empty() {
                email::check_address(value).map_err(|e| (field, e.described()))?;
            }
        }
        Ok(EmailSettings {
            host: self.host.trim().to_string(),
            port,
            tls: self.tls,
            username: self.username.trim().to_string(),
            from: self.from.trim().to_string(),
            from_name: self.from_name.trim().to_string(),
            reply_to: self.reply_to.trim().to_string(),
            bcc_self: self.bcc_self,
            per_minute,
        })
    }

    fn problem(&self, field: Field) -> Option<String> {
        match self.settings() {
            Err((at, problem)) if self.touched && at == field => Some(problem),
            _ => None,
        }
    }

    /// What the section says now: the last error or notice.
    pub fn said(&self) -> Option<&str> {
        self.error.as_deref().or(self.notice.as_deref())
    }

    fn dirty(&self) -> bool {
        !self.password.is_empty()
            || self.texts != self.saved_texts
            || self.settings().is_ok_and(|s| s != self.saved)
    }

    /// Why the chosen email's texts cannot be saved, if they cannot.
    fn text_problem(&self) -> Option<String> {
        let text = self.text();
        let unknown = [&text.subject, &text.body].into_iter().find_map(|t| {
            let mut rest = t.as_str();
            while let Some(start) = rest.find('{') {
                let end = rest[start..].find('}')? + start;
                let field = &rest[start..=end];
                if !EMAIL_FIELDS.contains(&field) {
                    return Some(field.to_string());
                }
                rest = &rest[end + 1..];
            }
            None
        });
        unknown.map(|field| email::EmailError::UnknownField { field }.described())
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> Task<Message> {
        if !matches!(message, Message::TestDone(_)) {
            self.notice = None;
            self.error = None;
        }
        let edited = !matches!(
            message,
            Message::Save | Message::SendTest | Message::TestDone(_)
        );
        match message {
            Message::Host(v) => self.host = v,
            Message::Port(v) => self.port = v,
            Message::Tls(tls) => {
                // The port follows the protection while it is still the usual one.
                if self.port.trim() == self.tls.default_port().to_string() {
                    self.port = tls.default_port().to_string();
                }
                self.tls = tls;
            }
            Message::Username(v) => self.username = v,
            Message::Password(v) => self.password = v,
            Message::From(v) => self.from = v,
            Message::FromName(v) => self.from_name = v,
            Message::ReplyTo(v) => self.reply_to = v,
            Message::BccSelf(on) => self.bcc_self = on,
            Message::Rate(v) => self.rate = v,
            Message::TestTo(v) => self.test_to = v,
            Message::TextKind(KindChoice(kind)) => {
                self.text_kind = kind;
                self.show_text();
            }
            Message::TextChinese(chinese) => {
                self.text_chinese = chinese;
                self.show_text();
            }
            Message::Subject(v) => self.text_mut().subject = v.replace('\n', " "),
            Message::Body(action) => {
                self.body.perform(action);
                let body = self.body.text();
                self.text_mut().body = body;
            }
            Message::ResetText => {
                *self.text_mut() = email::default_template(self.text_kind, self.text_chinese);
                self.show_text();
            }
            Message::Save => self.save(book),
            Message::SendTest => return self.send_test(book),
            Message::TestDone(result) => {
                self.sending = false;
                match result {
                    Ok(said) => self.notice = Some(said),
                    Err(said) => self.error = Some(said),
                }
            }
        }
        if edited {
            self.touched = true;
        }
        Task::none()
    }

    fn save(&mut self, book: &mut Book) {
        let settings = match self.settings() {
            Ok(settings) => settings,
            Err((_, problem)) => {
                self.touched = true;
                self.error = Some(problem);
                return;
            }
        };
        let texts: Vec<(EmailKind, bool, EmailTemplate)> = self
            .texts
            .iter()
            .map(|(&(kind, chinese), text)| (kind, chinese, text.clone()))
            .collect();
        if let Err(error) = book.store_mut().save_email(&settings, &texts) {
            self.error = Some(error.described());
            return;
        }
        self.saved_texts = self.texts.clone();
        let mut said = vec![fl!("email-settings-saved")];
        if !self.password.is_empty() {
            match mail::save_password(&settings, &self.password) {
                Ok(()) => said.push(fl!("email-password-kept")),
                Err(KeyringError::NoKeyring(_)) => {
                    book.set_session_password(Some(self.password.clone()));
                    said.push(fl!("email-password-session"));
                }
                Err(error) => {
                    self.error = Some(error.described());
                }
            }
            self.password.clear();
        }
        self.load(settings);
        self.notice = Some(said.join(" "));
    }

    fn send_test(&mut self, book: &mut Book) -> Task<Message> {
        let settings = match self.settings() {
            Ok(settings) => settings,
            Err((_, problem)) => {
                self.error = Some(problem);
                return Task::none();
            }
        };
        let to = self.test_to.trim().to_string();
        if let Err(e) = email::check_address(&to) {
            self.error = Some(e.described());
            return Task::none();
        }
        let password = Some(self.password.clone())
            .filter(|p| !p.is_empty())
            .or_else(|| book.mail_password(&settings));
        let mailer = match Mailer::new(&settings, book.company(), password) {
            Ok(mailer) => mailer,
            Err(error) => {
                self.error = Some(error.described());
                return Task::none();
            }
        };
        let subject = fl!("email-test-subject", company = book.company());
        let body = fl!("email-test-body");
        self.sending = true;
        Task::perform(
            on_worker(move || {
                mailer
                    .send_test(&to, &subject, &body)
                    .map(|()| fl!("email-test-sent", to = to.as_str()))
                    .map_err(|(failure, words)| {
                        fl!(
                            "email-test-failed",
                            why = failure.described(),
                            words = words
                        )
                    })
            }),
            Message::TestDone,
        )
    }

    pub fn view<'a>(
        &'a self,
        labelled: impl Fn(String, Element<'a, Message>, Option<String>) -> Element<'a, Message>,
    ) -> Column<'a, Message> {
        let field = |id: &'static str, value: &'a str, on: fn(String) -> Message| {
            text_input("", value)
                .id(id)
                .on_input(on)
                .on_submit(Message::Save)
                .padding(6)
                .size(14)
        };
        let security = pick_list(
            [Tls::StartTls, Tls::Tls, Tls::None].map(TlsChoice),
            Some(TlsChoice(self.tls)),
            |choice| Message::Tls(choice.0),
        )
        .text_size(14)
        .padding(6)
        .width(Length::Fill);
        let tls_note = (self.tls == Tls::None && !email::is_local_host(&self.host))
            .then(|| fl!("email-tls-none-warning"));
        let password_note = if mail::password_from_env().is_some() {
            fl!("email-password-from-env", var = mail::PASSWORD_VAR)
        } else if self.password_kept {
            fl!("email-password-in-keyring")
        } else {
            fl!("email-password-never-in-book")
        };
        // Beneath the buttons, where the eye is after pressing one.
        let status: Option<Element<'a, Message>> = if let Some(error) = &self.error {
            Some(widgets::danger_text(error.as_str()).into())
        } else if let Some(notice) = &self.notice {
            Some(text(notice.as_str()).size(14).into())
        } else if self.sending {
            Some(widgets::muted(fl!("email-test-sending")).into())
        } else {
            None
        };
        let save = self.dirty().then_some(Message::Save);
        let test = (!self.sending && self.host.trim().len() > 1).then_some(Message::SendTest);
        column![
            widgets::muted(fl!("email-hint")),
            labelled(
                fl!("email-server"),
                field("email-host", &self.host, Message::Host).into(),
                None,
            ),
            labelled(
                fl!("email-port"),
                field("email-port", &self.port, Message::Port)
                    .width(90)
                    .into(),
                self.problem(Field::Port),
            ),
            labelled(fl!("email-security"), security.into(), tls_note),
            labelled(
                fl!("email-username"),
                field("email-username", &self.username, Message::Username).into(),
                None
            ),
            labelled(
                fl!("email-password"),
                column![
                    field("email-password", &self.password, Message::Password).secure(true),
                    widgets::muted(password_note),
                ]
                .spacing(2)
                .into(),
                None,
            ),
            labelled(
                fl!("email-from"),
                field("email-from", &self.from, Message::From).into(),
                self.problem(Field::From),
            ),
            labelled(
                fl!("email-from-name"),
                field("email-from-name", &self.from_name, Message::FromName).into(),
                None
            ),
            labelled(
                fl!("email-reply-to"),
                field("email-reply-to", &self.reply_to, Message::ReplyTo).into(),
                self.problem(Field::ReplyTo),
            ),
            labelled(
                fl!("email-rate"),
                field("email-rate", &self.rate, Message::Rate)
                    .width(90)
                    .into(),
                self.problem(Field::Rate),
            ),
            checkbox(self.bcc_self)
                .label(fl!("email-bcc-self"))
                .on_toggle(Message::BccSelf)
                .size(16)
                .text_size(14),
            self.texts_view(),
            widgets::action(fl!("email-save"), save),
            row![
                widgets::secondary(fl!("email-send-test"), test),
                text(fl!("email-test-to")).size(14),
                field("email-test-to", &self.test_to, Message::TestTo),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        ]
        .push(status)
    }
}

impl EmailPanel {
    /// The chosen email's subject and body, with the kind and language to choose.
    fn texts_view(&self) -> Element<'_, Message> {
        let kinds: Vec<KindChoice> = EmailKind::every().into_iter().map(KindChoice).collect();
        let chooser = row![
            pick_list(kinds, Some(KindChoice(self.text_kind)), Message::TextKind)
                .text_size(14)
                .padding(6)
                .width(Length::Fill),
            widgets::choice(
                fl!("english"),
                !self.text_chinese,
                Message::TextChinese(false)
            ),
            widgets::choice(
                fl!("chinese"),
                self.text_chinese,
                Message::TextChinese(true)
            ),
        ]
        .spacing(6)
        .align_y(Alignment::Center);
        let is_default = *self.text() == email::default_template(self.text_kind, self.text_chinese);
        let mut col = column![
            text(fl!("email-texts")).size(14).font(widgets::BOLD),
            chooser,
            text_input(&fl!("email-subject"), &self.text().subject)
                .id("email-subject")
                .on_input(Message::Subject)
                .padding(6)
                .size(14),
            text_editor(&self.body)
                .on_action(Message::Body)
                .padding(6)
                .size(14)
                .height(Length::Fixed(170.0)),
        ]
        .spacing(8);
        if let Some(problem) = self.text_problem() {
            col = col.push(widgets::danger_text(problem));
        }
        col.push(widgets::muted(fl!(
            "email-fields",
            fields = EMAIL_FIELDS.join(" ")
        )))
        .push(widgets::secondary(
            fl!("email-reset-text"),
            (!is_default).then_some(Message::ResetText),
        ))
        .into()
    }
}

/// An email's kind as the pick list names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindChoice(pub EmailKind);

impl std::fmt::Display for KindChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            EmailKind::Statement => fl!("email-kind-statement"),
            EmailKind::Letter(Level::BeforeDue) => fl!("email-kind-reminder"),
            EmailKind::Letter(level) => fl!(
                "email-kind-letter",
                n = level.number().to_string(),
                name = crate::i18n::words::level_name(level)
            ),
        })
    }
}

/// A protection as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TlsChoice(Tls);

impl std::fmt::Display for TlsChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Tls::StartTls => fl!("email-tls-starttls"),
            Tls::Tls => fl!("email-tls-tls"),
            Tls::None => fl!("email-tls-none"),
        })
    }
}

/// Which field a problem is beneath.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Port,
    From,
    ReplyTo,
    Rate,
}
