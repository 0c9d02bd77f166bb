//! How the customer form looks: its fields with the reason each is refused beneath it,
//! the billing email with a hint that it may hold several addresses, the choice of how
//! statements and letters go (with what it means, or that they are printed while there
//! is no address), and Save and Cancel kept in view while the fields scroll.

use iced::widget::{column, container, radio, row, text, text_editor};
use iced::{Alignment, Element, Length};

use super::{Form, Message};
use crate::domain::email::SendBy;
use crate::fl;
use crate::i18n::words::{send_by_means, send_by_name};
use crate::ui::Book;
use crate::ui::widgets;

/// The billing email's input: wider than the others, to show two addresses or three.
const EMAIL_WIDTH: f32 = 400.0;

impl Form {
    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        let problems = self.draft().err().unwrap_or_default();
        let problems = *problems;
        let valid = !problems.any();
        let save = valid.then_some(Message::Save);
        // Enter in a field saves, or shows every field's problem if it cannot.
        let submit = Some(Message::Save);
        let f = |label: String,
                 id: &'static str,
                 value: &'a String,
                 on: fn(String) -> Message,
                 problem: &Option<String>| {
            let shown = self.edited.shown(id, value, problem.clone());
            widgets::field(label, id, value, on, submit.clone(), shown)
        };
        let none = &None;
        let title = match &self.editing {
            Some(_) => fl!("edit-customer"),
            None => fl!("new-customer"),
        };
        let error: Element<'a, Message> = match &self.error {
            Some(e) => widgets::danger_text(e.as_str()).into(),
            None => text("").into(),
        };
        let limit_label = format!("{} ({})", fl!("credit-limit"), book.currency().code);
        let next_review: Element<'a, Message> = match &self.editing {
            Some(_) => widgets::date_field(
                fl!("next-credit-review"),
                "customer-next-review",
                &self.next_review,
                Message::NextReview,
                submit.clone(),
                self.edited.shown(
                    "customer-next-review",
                    &self.next_review,
                    problems.next_review.clone(),
                ),
                &self.next_review_picker,
                book.today,
                Message::NextReviewPick,
            ),
            None => widgets::muted(fl!("picking-a-tier-fills-terms-and")).into(),
        };
        let fields = column![
            f(
                fl!("code"),
                "customer-code",
                &self.code,
                Message::Code,
                &problems.code
            ),
            f(
                fl!("name"),
                "customer-name",
                &self.name,
                Message::Name,
                &problems.name
            ),
            f(
                fl!("contact-person"),
                "customer-contact",
                &self.contact,
                Message::Contact,
                none
            ),
            self.email_field(problems.email.clone()),
            f(
                fl!("phone"),
                "customer-phone",
                &self.phone,
                Message::Phone,
                none
            ),
            row![
                text(fl!("address"))
                    .size(14)
                    .width(Length::Fixed(widgets::LABEL_WIDTH)),
                text_editor(&self.address_lines)
                    .id("customer-address")
                    .on_action(Message::Address)
                    .padding(6)
                    .size(14)
                    .height(Length::Fixed(78.0))
                    .width(widgets::FIELD_WIDTH),
            ]
            .spacing(10),
            self.send_by_choice(),
            f(
                fl!("terms-net-30-eom-15-receipt"),
                "customer-terms",
                &self.terms,
                Message::Terms,
                &problems.terms
            ),
            // As the other fields, but no placeholder: a blank limit is "no limit".
            widgets::labelled_field(
                &limit_label,
                widgets::form_input(
                    "",
                    "customer-limit",
                    &self.credit_limit,
                    Message::CreditLimit,
                    submit.clone(),
                    widgets::FIELD_WIDTH
                )
                .into(),
                // A blank limit is never missing, so never "required".
                self.edited
                    .shown("customer-limit", "-", problems.credit_limit.clone())
            ),
            f(
                fl!("tier-a-b-or-c"),
                "customer-tier",
                &self.tier,
                Message::Tier,
                &problems.tier
            ),
            iced::widget::checkbox(self.on_hold)
                .label(fl!("on-hold-warn-before-new-invoices"))
                .on_toggle(Message::OnHold),
            next_review,
        ]
        .spacing(10);
        // The fields scroll and Save stays in view: the hint, the choice and a problem
        // or two beneath the fields made the form taller than a window 700 high.
        container(widgets::form_panel(
            title,
            Message::Cancel,
            fields,
            column![
                error,
                row![
                    widgets::action(fl!("save-enter"), save),
                    widgets::secondary(fl!("cancel"), Some(Message::Cancel)),
                ]
                .spacing(10),
            ]
            .spacing(6),
        ))
        .max_width(900)
        .into()
    }

    /// The billing email: its input, the hint that it may hold several addresses, and
    /// why it is refused (naming the address refused) beneath them.
    fn email_field<'a>(&'a self, problem: Option<String>) -> Element<'a, Message> {
        let label = fl!("billing-email");
        let input = column![
            widgets::form_input(
                &label,
                "customer-email",
                &self.email,
                Message::Email,
                Some(Message::Save),
                EMAIL_WIDTH,
            ),
            // One line, past the input's edge if need be, rather than two beneath it.
            widgets::muted(fl!("billing-email-hint")),
        ]
        .spacing(2);
        let shown = self.edited.shown("customer-email", &self.email, problem);
        widgets::labelled_field(&label, input.into(), shown)
    }

    /// How statements and letters go: email, post or both, side by side, and beneath
    /// them what the one chosen means, or, when it wants email and there is no address,
    /// a quiet note that they are printed until one is given.
    fn send_by_choice<'a>(&'a self) -> Element<'a, Message> {
        let choice = |value: SendBy| -> Element<'a, Message> {
            radio(
                send_by_name(value),
                value,
                Some(self.send_by),
                Message::SendBy,
            )
            .size(14)
            .text_size(14)
            .into()
        };
        let beneath = if self.printed_until_an_address() {
            fl!("send-by-printed-until-an-address")
        } else {
            send_by_means(self.send_by)
        };
        row![
            text(fl!("send-statements-and-letters-by"))
                .size(14)
                .width(Length::Fixed(widgets::LABEL_WIDTH)),
            column![
                row(SendBy::ALL.map(choice)).spacing(18),
                widgets::muted(beneath).width(Length::Fill),
            ]
            .spacing(4),
        ]
        .spacing(10)
        .align_y(Alignment::Center)
        .into()
    }
}
