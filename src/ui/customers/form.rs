//! Adding or editing a customer: every field is checked as it is typed, with the reason
//! shown beside it, and nothing is written until all of it is valid. Saving goes through
//! the same store functions as `owed customer add|edit`. For a new customer, picking a
//! tier fills the terms and credit limit from the tier's policy (settings), unless the
//! person already typed them; the filled values stay editable. Editing a customer shows
//! its next credit review's date, which may be moved (audited like every change). The
//! billing email may hold several addresses, and the customer says whether its
//! statements and letters go by email, by post or both ([`SendBy`]).

mod view;

use iced::Task;
use iced::widget::{Id, operation, text_editor};

use crate::domain::Currency;
use crate::domain::customer::{CustomerDraft, CustomerError, Tier};
use crate::domain::email::{EmailError, SendBy, parse_addresses};
use crate::domain::ladder::tier_index;
use crate::domain::policy::TierPolicy;
use crate::domain::terms::Terms;
use crate::fl;
use crate::store::{Customer, CustomerUpdate};
use crate::ui::errors::Described;
use crate::ui::widgets;
use crate::ui::{Book, Event};

#[derive(Debug, Clone)]
pub enum Message {
    Code(String),
    Name(String),
    Contact(String),
    Email(String),
    Phone(String),
    /// An edit in the address's lines.
    Address(text_editor::Action),
    Terms(String),
    CreditLimit(String),
    Tier(String),
    OnHold(bool),
    /// How it wants its statements and letters.
    SendBy(SendBy),
    NextReview(String),
    /// The next review's calendar; a day picked there is typed as its date.
    NextReviewPick(widgets::date_picker::Message),
    Save,
    Cancel,
}

#[derive(Debug, Clone, Default)]
pub struct Form {
    /// `Some(code)` when editing that customer.
    editing: Option<String>,
    pub code: String,
    pub name: String,
    pub contact: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    /// The address as edited, a line per line of the envelope (as the company's is).
    address_lines: text_editor::Content,
    pub terms: String,
    pub credit_limit: String,
    pub tier: String,
    pub on_hold: bool,
    pub send_by: SendBy,
    /// The next credit review (editing only; a new customer's is set when it is added).
    pub next_review: String,
    next_review_picker: widgets::DatePicker,
    currency: Option<Currency>,
    error: Option<String>,
    /// The tiers' policies, to fill a new customer's terms and limit from.
    policies: Option<[TierPolicy; 3]>,
    /// Whether the person typed the terms or the limit (then a tier does not fill them).
    terms_typed: bool,
    limit_typed: bool,
    /// The fields typed in so far: their problems show, the others' wait.
    edited: widgets::Edited,
}

/// Why each field is refused, if it is.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Problems {
    pub code: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub terms: Option<String>,
    pub credit_limit: Option<String>,
    pub tier: Option<String>,
    pub next_review: Option<String>,
}

impl Problems {
    pub fn any(&self) -> bool {
        *self != Problems::default()
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

impl Form {
    pub fn new(currency: &Currency) -> Form {
        Form {
            terms: Terms::default().to_string(),
            currency: Some(currency.clone()),
            ..Form::default()
        }
    }

    pub fn edit(customer: &Customer, currency: &Currency) -> Form {
        Form {
            editing: Some(customer.code.clone()),
            code: customer.code.clone(),
            name: customer.name.clone(),
            contact: customer.contact.clone().unwrap_or_default(),
            email: customer.email.clone().unwrap_or_default(),
            phone: customer.phone.clone().unwrap_or_default(),
            address: customer.address.clone().unwrap_or_default(),
            address_lines: text_editor::Content::with_text(
                customer.address.as_deref().unwrap_or_default(),
            ),
            terms: customer.terms.to_string(),
            credit_limit: customer
                .credit_limit
                .map(|m| currency.editable(m))
                .unwrap_or_default(),
            tier: customer.tier.map(|t| t.to_string()).unwrap_or_default(),
            on_hold: customer.on_hold,
            send_by: customer.send_by,
            next_review: customer
                .next_review
                .map(|d| d.to_string())
                .unwrap_or_default(),
            currency: Some(currency.clone()),
            ..Form::default()
        }
    }

    /// Why the last Save could not be written.
    pub fn view_error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// A new customer's form that fills terms and limit from the tier picked.
    pub fn with_policies(mut self, policies: [TierPolicy; 3]) -> Form {
        self.policies = Some(policies);
        self
    }

    /// A new customer's tier was typed: its policy's terms and limit fill the fields
    /// not typed by hand (a tier with no default gives net 30 and no limit).
    fn fill_from_tier(&mut self) {
        let (Some(policies), None) = (&self.policies, &self.editing) else {
            return;
        };
        let Ok(tier) = self.tier.trim().parse::<Tier>() else {
            return;
        };
        let policy = policies[tier_index(tier)];
        if !self.terms_typed {
            self.terms = policy.terms_for_new(None).to_string();
        }
        if !self.limit_typed {
            self.credit_limit = match (policy.credit_limit, &self.currency) {
                (Some(limit), Some(currency)) => currency.editable(limit),
                _ => String::new(),
            };
        }
    }

    /// The typed next-review date when editing: `None` unchanged or not editing.
    fn next_review_date(&self, problems: &mut Problems) -> Option<chrono::NaiveDate> {
        self.editing.as_ref()?;
        let typed = self.next_review.trim();
        if typed.is_empty() {
            return None;
        }
        crate::domain::parse_date(typed)
            .map_err(|e| problems.next_review = Some(e.described()))
            .ok()
    }

    pub fn focus_first<M: Send + 'static>() -> Task<M> {
        operation::focus(Id::new("customer-code"))
    }

    /// The draft the fields make, or why each refused field is refused.
    pub fn draft(&self) -> Result<CustomerDraft, Box<Problems>> {
        let mut problems = Problems::default();
        let terms = self
            .terms
            .parse::<Terms>()
            .map_err(|e| problems.terms = Some(e.described()))
            .unwrap_or_default();
        let credit_limit = match optional(&self.credit_limit) {
            None => None,
            Some(text) => match self.currency.as_ref().map(|c| c.parse(&text)) {
                Some(Ok(limit)) if limit.is_negative() => {
                    problems.credit_limit = Some(fl!("must-not-be-negative"));
                    None
                }
                Some(Ok(limit)) => Some(limit),
                Some(Err(e)) => {
                    problems.credit_limit = Some(e.described());
                    None
                }
                None => None,
            },
        };
        let tier = match optional(&self.tier) {
            None => None,
            Some(text) => text
                .parse::<Tier>()
                .map_err(|e| problems.tier = Some(e.described()))
                .ok(),
        };
        let draft = CustomerDraft {
            code: self.code.trim().to_string(),
            name: self.name.trim().to_string(),
            contact: optional(&self.contact),
            email: optional(&self.email),
            phone: optional(&self.phone),
            address: optional(&self.address),
            terms,
            credit_limit,
            tier,
            on_hold: self.on_hold,
            send_by: self.send_by,
        };
        // validate() stops at the first problem; the form shows every field's at once.
        let mut probe = draft.clone();
        if crate::domain::text::is_blank(&draft.name) {
            problems.name = Some(CustomerError::EmptyName.described());
            // So the other fields are checked too.
            probe.name = "-".into();
        }
        // The addresses on their own, so a bad one is named while the code is still
        // empty; too many are said as such, not as one bad address made of them all.
        if !crate::domain::text::is_blank(&self.email) {
            problems.email = match parse_addresses(&self.email) {
                Ok(_) => None,
                Err(EmailError::BadAddress(one)) => Some(CustomerError::BadEmail(one).described()),
                Err(other) => Some(other.described()),
            };
        }
        if let Err(error) = probe.validate() {
            use crate::domain::customer::CustomerError as E;
            let reason = Some(error.described());
            match error {
                E::EmptyCode | E::BadCode(_) => problems.code = reason,
                E::Text(ref t) if t.field() == "code" => problems.code = reason,
                E::EmptyName => {}
                // Said above.
                E::BadEmail(_) => {}
                E::Text(ref t) if t.field() == "email" => problems.email = reason,
                // Contact, phone and address have no line of their own; the message
                // names the field.
                E::NegativeCreditLimit => problems.credit_limit = reason,
                _ => problems.name = reason,
            }
        }
        self.next_review_date(&mut problems);
        if problems.any() {
            Err(Box::new(problems))
        } else {
            Ok(draft)
        }
    }

    /// Whether the customer wants email but has no address to send it to: its
    /// documents are printed until one is given (a note beneath the choice, not a
    /// problem). Not said while the email typed is refused: its problem shows.
    pub fn printed_until_an_address(&self) -> bool {
        self.send_by != SendBy::Post && parse_addresses(&self.email).is_ok_and(|a| a.is_empty())
    }

    /// Esc closes the next review's calendar first; whether it was open.
    pub fn close_calendar(&mut self) -> bool {
        self.next_review_picker.close()
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Code(v) if self.editing.is_none() => {
                self.code = v;
                self.edited.mark("customer-code");
            }
            Message::Code(_) => {}
            Message::Name(v) => {
                self.name = v;
                self.edited.mark("customer-name");
            }
            Message::Contact(v) => self.contact = v,
            Message::Email(v) => {
                self.email = v;
                self.edited.mark("customer-email");
            }
            Message::Phone(v) => self.phone = v,
            Message::Address(action) => {
                self.address_lines.perform(action);
                self.address = self.address_lines.text().trim_end().to_string();
            }
            Message::Terms(v) => {
                self.terms = v;
                self.terms_typed = true;
                self.edited.mark("customer-terms");
            }
            Message::CreditLimit(v) => {
                self.credit_limit = v;
                self.limit_typed = true;
                self.edited.mark("customer-limit");
            }
            Message::Tier(v) => {
                self.tier = v;
                self.fill_from_tier();
                self.edited.mark("customer-tier");
            }
            Message::OnHold(v) => self.on_hold = v,
            Message::SendBy(v) => self.send_by = v,
            Message::NextReview(v) => {
                self.next_review = v;
                self.edited.mark("customer-next-review");
            }
            Message::NextReviewPick(m) => {
                if let Some(day) = self
                    .next_review_picker
                    .update(m, &self.next_review, book.today)
                {
                    return self.update(Message::NextReview(day.to_string()), book);
                }
            }
            Message::Cancel => return (Task::none(), Some(Event::Close)),
            Message::Save => {
                // Enter on a form that cannot be saved yet says what is missing.
                self.edited.submit();
                let Ok(draft) = self.draft() else {
                    return (Task::none(), None);
                };
                let next_review = self.next_review_date(&mut Problems::default());
                let store = book.store_mut();
                let saved = match &self.editing {
                    None => store.add_customer(&draft).map(|_| ()),
                    Some(code) => store
                        .update_customer(
                            code,
                            &CustomerUpdate {
                                name: Some(draft.name),
                                contact: Some(draft.contact.unwrap_or_default()),
                                email: Some(draft.email.unwrap_or_default()),
                                phone: Some(draft.phone.unwrap_or_default()),
                                address: Some(draft.address.unwrap_or_default()),
                                terms: Some(draft.terms),
                                credit_limit: Some(draft.credit_limit),
                                tier: Some(draft.tier),
                                on_hold: Some(draft.on_hold),
                                archived: None,
                                next_review,
                                send_by: Some(draft.send_by),
                                reason: None,
                            },
                        )
                        .map(|_| ()),
                };
                match saved {
                    Ok(()) => return (Task::none(), Some(Event::BookChanged)),
                    Err(error) => self.error = Some(error.described()),
                }
            }
        }
        (Task::none(), None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_checked_as_typed() {
        let usd = Currency::default();
        let mut form = Form::new(&usd);
        let problems = form.draft().unwrap_err();
        assert!(problems.code.is_some());
        assert!(problems.name.is_some());
        form.code = "C9".into();
        form.name = "Пётр Иванов".into();
        form.credit_limit = "10.001".into();
        form.terms = "net thirty".into();
        let problems = form.draft().unwrap_err();
        assert!(problems.credit_limit.unwrap().contains("decimals"));
        assert!(problems.terms.is_some());
        form.credit_limit = "5000".into();
        form.terms = "eom 15".into();
        form.email = "not-an-email".into();
        assert!(form.draft().unwrap_err().email.is_some());
        form.email = "petr@example.ru".into();
        let draft = form.draft().unwrap();
        assert_eq!(draft.terms, Terms::EndOfMonth(15));
        assert_eq!(usd.plain(draft.credit_limit.unwrap()), "5000.00");
    }

    #[test]
    fn discount_terms_are_taken_and_bad_ones_shown_beside_the_field() {
        let mut form = Form::new(&Currency::default());
        form.code = "C9".into();
        form.name = "Early Bird".into();
        form.terms = "2/40 net 30".into();
        let problem = form.draft().unwrap_err().terms.unwrap();
        assert!(problem.contains("net days"), "{problem}");
        form.terms = "2 / 10 N 30".into();
        assert_eq!(form.draft().unwrap().terms.to_string(), "2/10 net 30");
    }

    #[test]
    fn hidden_characters_and_blank_names_are_shown_beside_the_field() {
        let mut form = Form::new(&Currency::default());
        form.code = "C9".into();
        form.name = "\u{200B} ".into();
        assert!(form.draft().unwrap_err().name.is_some(), "blank");
        form.name = "Acme\u{202E}gpj".into();
        let problem = form.draft().unwrap_err().name.unwrap();
        assert!(
            problem.contains("bidirectional override (U+202E)"),
            "{problem}"
        );
        form.name = "Acme".into();
        form.code = "C\u{7}9".into();
        let problem = form.draft().unwrap_err().code.unwrap();
        assert!(problem.contains("control character (U+0007)"), "{problem}");
        form.code = "C9".into();
        form.address = "1 Main St\nSpringfield".into();
        assert!(form.draft().is_ok(), "an address may have lines");
    }
}
