//! The email that goes with a statement or a letter: to whom (the customer's billing
//! addresses, when it wants email), and its subject and bodies from the book's template
//! of that kind, in the document's language, with the letters' merge fields. Queued by
//! the statement run and the letters beside the archived PDF.

use std::collections::BTreeMap;

use crate::domain::company::{CompanyProfile, Locale};
use chrono::NaiveDate;

use crate::domain::email::{EmailKind, EmailTemplate, compose};
use crate::domain::letters::Level;

use crate::domain::printed::{Letter, Period};
use crate::domain::{Currency, Money};
use crate::store::{Customer, NewEmail, Result, Store};

fn money_text(currency: &Currency, m: Money) -> String {
    format!("{} {}", currency.code, currency.display(m))
}

/// The person to write to: the contact, else the customer's name.
fn contact_of(contact: &Option<String>, name: &str) -> String {
    contact
        .clone()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| name.to_string())
}

/// What a statement's email says of it: kept (all plain values) for each statement
/// while a run renders, so each email is composed only as it is queued and the run
/// never holds a month of them.
#[derive(Debug, Clone, Copy)]
pub struct StatementFacts {
    pub amount_due: Money,
    /// The statement's date (the period's last day).
    pub date: NaiveDate,
}

/// The email to send with a statement of `period` in `locale` (`template` is the book's
/// statement email in that language), or `None` when `customer` is not emailed (it
/// wants post, or has no address).
pub fn statement_email(
    template: &EmailTemplate,
    customer: &Customer,
    facts: StatementFacts,
    period: &Period,
    context: (&Currency, Locale, &CompanyProfile),
) -> Option<NewEmail> {
    let (currency, locale, company) = context;
    let to = customer.addresses();
    if !customer.send_by.emails(&to) {
        return None;
    }
    let fields: BTreeMap<&str, String> = [
        ("customer", customer.name.clone()),
        ("contact", contact_of(&customer.contact, &customer.name)),
        ("company", company.name.clone()),
        ("period", period.label()),
        ("total_due", money_text(currency, facts.amount_due)),
        ("due_date", locale.format_date(facts.date)),
        ("deadline", locale.format_date(facts.date)),
    ]
    .into_iter()
    .collect();
    Some(composed_with(template, to, &fields))
}

/// The email to send with `letter`, or `None` when `customer` is not emailed.
pub fn letter_email(
    store: &Store,
    customer: &Customer,
    letter: &Letter,
    company: &CompanyProfile,
) -> Result<Option<NewEmail>> {
    let to = customer.addresses();
    if !customer.send_by.emails(&to) {
        return Ok(None);
    }
    let locale = letter.locale;
    let total = money_text(&letter.currency, letter.total_overdue);
    let overdue = if letter.level == Level::BeforeDue {
        money_text(&letter.currency, Money::ZERO)
    } else {
        total.clone()
    };
    let fields: BTreeMap<&str, String> = [
        ("customer", customer.name.clone()),
        (
            "contact",
            contact_of(&letter.customer.contact, &customer.name),
        ),
        ("company", company.name.clone()),
        ("total_overdue", overdue),
        ("total_due", total),
        ("oldest_due_date", locale.format_date(letter.oldest_due)),
        ("due_date", locale.format_date(letter.oldest_due)),
        ("days_overdue", letter.days_overdue.to_string()),
        ("deadline", locale.format_date(letter.deadline)),
    ]
    .into_iter()
    .collect();
    composed(
        store,
        EmailKind::Letter(letter.level),
        locale.is_chinese(),
        to,
        &fields,
    )
}

/// The book's email of `kind` in its language, with `fields` merged, to `to`.
fn composed(
    store: &Store,
    kind: EmailKind,
    chinese: bool,
    to: Vec<String>,
    fields: &BTreeMap<&str, String>,
) -> Result<Option<NewEmail>> {
    let template = store.email_template(kind, chinese)?;
    Ok(Some(composed_with(&template, to, fields)))
}

/// `template` with `fields` merged, to `to`.
fn composed_with(
    template: &EmailTemplate,
    to: Vec<String>,
    fields: &BTreeMap<&str, String>,
) -> NewEmail {
    let composed = compose(template, fields);
    NewEmail {
        to,
        subject: composed.subject,
        text: composed.text,
        html: composed.html,
    }
}

/// The domain of the sender's address, for the Message-IDs of the book's emails.
pub fn sender_domain(store: &Store) -> Result<String> {
    let settings = store.email_settings()?;
    Ok(settings
        .from
        .rsplit_once('@')
        .map(|(_, domain)| domain.trim().to_string())
        .unwrap_or_default())
}
