//! The email that goes with a statement or a letter: to whom (the customer's billing
//! addresses, when it wants email), and its subject and bodies from the book's template
//! of that kind, in the document's language, with the letters' merge fields. Queued by
//! the statement run and the letters beside the archived PDF.

use std::collections::BTreeMap;

use crate::domain::company::CompanyProfile;
use crate::domain::email::{EmailKind, compose};
use crate::domain::letters::Level;
use crate::domain::printed::{Letter, Statement};
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

/// The email to send with `statement`, or `None` when `customer` is not emailed (it
/// wants post, or has no address).
pub fn statement_email(
    store: &Store,
    customer: &Customer,
    statement: &Statement,
    company: &CompanyProfile,
) -> Result<Option<NewEmail>> {
    let to = customer.addresses();
    if !customer.send_by.emails(&to) {
        return Ok(None);
    }
    let locale = statement.locale;
    let fields: BTreeMap<&str, String> = [
        ("customer", customer.name.clone()),
        ("contact", contact_of(&customer.contact, &customer.name)),
        ("company", company.name.clone()),
        ("period", statement.period.label()),
        (
            "total_due",
            money_text(&statement.currency, statement.amount_due),
        ),
        ("due_date", locale.format_date(statement.date)),
        ("deadline", locale.format_date(statement.date)),
    ]
    .into_iter()
    .collect();
    composed(
        store,
        EmailKind::Statement,
        locale.is_chinese(),
        to,
        &fields,
    )
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
    let composed = compose(&store.email_template(kind, chinese)?, fields);
    Ok(Some(NewEmail {
        to,
        subject: composed.subject,
        text: composed.text,
        html: composed.html,
    }))
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
