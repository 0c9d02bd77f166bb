//! Voiding a posted document: the user names it (the selected ledger line by default),
//! gives a reason, and confirms. Nothing is deleted; the store adds the reversal and
//! frees the allocations, exactly as `owed void` does.

use iced::widget::{Id, column, container, operation, row, text};
use iced::{Element, Task};

use super::Outcome;
use crate::domain::parse_date;
use crate::fl;
use crate::store::{DocumentRow, VoidRequest};
use crate::ui::Book;
use crate::ui::errors::Described;
use crate::ui::widgets::{self, BOLD};

#[derive(Debug, Clone)]
pub enum Message {
    Number(String),
    Reason(String),
    Date(String),
    /// The date's calendar; a day picked there is typed as [`Message::Date`].
    DatePick(widgets::date_picker::Message),
    /// First press: ask to confirm.
    Ask,
    Confirm,
    Back,
    /// The book's answer to the void sent off the UI thread.
    Written(super::Written),
    Cancel,
}

pub struct Form {
    pub number: String,
    pub reason: String,
    pub date: String,
    date_picker: widgets::DatePicker,
    /// The document named, looked up as the number is typed.
    document: Result<DocumentRow, String>,
    confirming: bool,
    error: Option<String>,
    /// The void being written off the UI thread, until the book answers.
    posting: Option<VoidRequest>,
    /// The fields typed in so far: their problems show, the others' wait.
    edited: widgets::Edited,
}

impl Form {
    pub fn new(number: Option<String>, book: &Book) -> (Form, Task<Message>) {
        let mut form = Form {
            number: number.unwrap_or_default(),
            reason: String::new(),
            date: book.today.to_string(),
            date_picker: widgets::DatePicker::default(),
            document: Err(String::new()),
            confirming: false,
            error: None,
            posting: None,
            edited: widgets::Edited::default(),
        };
        form.look_up(book);
        (form, operation::focus(Id::new("void-reason")))
    }

    fn look_up(&mut self, book: &Book) {
        self.document = match self.number.trim() {
            "" => Err(fl!("name-the-document-to-void")),
            number => match book.store().document(number) {
                Ok(doc) if doc.voided_by.is_some() => Err(fl!(
                    "already-voided-by-void",
                    void = doc.voided_by.as_deref().unwrap_or_default()
                )),
                Ok(doc) if doc.voids.is_some() => Err(fl!("a-void-cannot-itself-be-voided")),
                Ok(doc) => Ok(doc),
                Err(e) => Err(e.described()),
            },
        };
    }

    fn request(&self) -> Option<VoidRequest> {
        let document = self.document.as_ref().ok()?;
        let date = parse_date(&self.date).ok()?;
        let reason = self.reason.trim();
        (!reason.is_empty() && date >= document.date).then(|| VoidRequest {
            number: document.number.clone(),
            date: Some(date),
            reason: Some(reason.to_string()),
        })
    }

    /// Esc closes the date's calendar first; whether it was open.
    pub fn close_calendar(&mut self) -> bool {
        self.date_picker.close()
    }

    pub fn update(
        &mut self,
        message: Message,
        book: &mut Book,
    ) -> (Task<Message>, Option<Outcome>) {
        match message {
            Message::Number(v) => {
                self.number = v;
                self.edited.mark("void-number");
                self.confirming = false;
                self.look_up(book);
            }
            Message::Reason(v) => {
                self.reason = v;
                self.edited.mark("void-reason");
            }
            Message::Date(v) => {
                self.date = v;
                self.edited.mark("void-date");
            }
            Message::DatePick(m) => {
                if let Some(day) = self.date_picker.update(m, &self.date, book.today) {
                    return self.update(Message::Date(day.to_string()), book);
                }
            }
            Message::Ask => {
                // Enter on a form that cannot void yet says what is missing.
                self.edited.submit();
                self.confirming = self.request().is_some();
            }
            Message::Back => self.confirming = false,
            Message::Cancel => return (Task::none(), Some(Outcome::Cancelled)),
            Message::Confirm => {
                let Some(request) = self.request().filter(|_| self.posting.is_none()) else {
                    return (Task::none(), None);
                };
                self.posting = Some(request.clone());
                let task = super::post_off_thread(
                    book,
                    move |store| store.void(&request),
                    Message::Written,
                );
                return (task, None);
            }
            Message::Written(written) => {
                let Some(request) = self.posting.take() else {
                    return (Task::none(), None);
                };
                match written.as_ref() {
                    Ok(Ok(posted)) => {
                        let mut notice = fl!(
                            "void-posted-number-is-void",
                            void = posted.number.as_str(),
                            number = request.number.as_str()
                        );
                        for discount in &posted.also_voided {
                            notice.push(' ');
                            notice.push_str(&fl!(
                                "its-discount-number-is-void-too",
                                number = discount
                            ));
                        }
                        return (Task::none(), Some(Outcome::Posted(notice)));
                    }
                    Ok(Err(error)) => {
                        self.confirming = false;
                        self.error = Some(error.described());
                    }
                    Err(error) => {
                        self.confirming = false;
                        self.error = Some(error.clone());
                    }
                }
            }
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        let request = self.request();
        let ask = request.is_some().then_some(Message::Ask);
        // A number filled in from the ledger's selection is checked at once.
        let number_problem = self
            .document
            .as_ref()
            .err()
            .cloned()
            .filter(|_| self.edited.is_shown("void-number") || !self.number.trim().is_empty());
        let date_problem = match (parse_date(&self.date), &self.document) {
            (Err(e), _) => Some(e.described()),
            (Ok(date), Ok(doc)) if date < doc.date => {
                Some(fl!("must-be-on-or-after-the", date = doc.date.to_string()))
            }
            _ => None,
        };
        let reason_problem = self.edited.shown(
            "void-reason",
            "-",
            self.reason.trim().is_empty().then(|| fl!("say-why")),
        );
        let date_problem = self.edited.shown("void-date", &self.date, date_problem);
        let described: Element<'a, Message> = match &self.document {
            Ok(doc) => text(fl!(
                "kind-number-of-date-amount",
                kind = super::kind_name(doc.kind),
                number = doc.number.as_str(),
                date = book.date(doc.date),
                amount = book.money(doc.amount)
            ))
            .size(14)
            .into(),
            Err(_) => text("").into(),
        };
        let buttons: Element<'a, Message> = if self.confirming {
            column![
                text(fl!(
                    "void-number-a-reversal-is-added",
                    number = self.number.as_str()
                ))
                .size(14)
                .font(BOLD),
                row![
                    widgets::action(
                        fl!("yes-void-it-enter"),
                        self.posting.is_none().then_some(Message::Confirm)
                    ),
                    widgets::secondary(fl!("back"), Some(Message::Back)),
                ]
                .spacing(10),
            ]
            .spacing(8)
            .into()
        } else {
            row![
                widgets::action(fl!("void"), ask.clone()),
                widgets::secondary(fl!("cancel"), Some(Message::Cancel)),
            ]
            .spacing(10)
            .into()
        };
        let submit = if self.confirming {
            Some(Message::Confirm)
        } else {
            Some(Message::Ask)
        };
        let error: Element<'a, Message> = match (&self.error, &self.posting) {
            (Some(e), _) => widgets::danger_text(e.as_str()).into(),
            (None, Some(_)) => widgets::muted(fl!("working")).into(),
            (None, None) => text("").into(),
        };
        container(
            column![
                widgets::form_title(fl!("void-a-document"), Message::Cancel),
                widgets::field(
                    fl!("document-number"),
                    "void-number",
                    &self.number,
                    Message::Number,
                    submit.clone(),
                    number_problem
                ),
                described,
                widgets::field(
                    fl!("reason"),
                    "void-reason",
                    &self.reason,
                    Message::Reason,
                    submit.clone(),
                    reason_problem
                ),
                widgets::date_field(
                    fl!("void-date"),
                    "void-date",
                    &self.date,
                    Message::Date,
                    submit,
                    date_problem,
                    &self.date_picker,
                    book.today,
                    Message::DatePick,
                ),
                error,
                buttons,
            ]
            .spacing(10),
        )
        .padding(16)
        .style(widgets::panel)
        .into()
    }
}
