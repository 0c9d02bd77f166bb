//! Merging one letter: the items it lists (overdue ones, or for a payment reminder those
//! falling due), its merge fields and its level's template in the letter's language.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::{DEFAULT_DEADLINE_DAYS, LetterRequest, Result};
use crate::domain::ladder::reminder_until;
use crate::domain::letters::{Level, merge};
use crate::domain::printed::{Addressee, Letter, LetterBlock, OpenLine};
use crate::domain::{Currency, Money};
use crate::report::statement::{Context, StatementError};
use crate::store::{Customer, Store};

/// The customer's items past due at the context's date, oldest due first.
fn overdue_items(context: &Context, customer: &Customer) -> Vec<OpenLine> {
    context
        .aging_items(customer.id)
        .iter()
        .filter(|i| i.days_overdue > 0)
        .map(|i| OpenLine {
            date: i.date,
            number: i.number.clone(),
            seq: i.seq,
            installments: context
                .aging_items(customer.id)
                .iter()
                .filter(|o| o.number == i.number)
                .count() as u32,
            due: Some(i.due),
            days_overdue: Some(i.days_overdue),
            amount: i.amount,
            open: i.open,
            disputed: context.is_disputed(i),
            discount: None,
        })
        .collect()
}

/// The customer's undisputed items open at the context's date that fall due from that
/// date through `until` (a payment reminder's), first due first.
fn falling_due_items(context: &Context, customer: &Customer, until: NaiveDate) -> Vec<OpenLine> {
    let aged = context.aging_items(customer.id);
    aged.iter()
        .filter(|i| i.open.is_positive() && i.due >= context.date && i.due <= until)
        .filter(|i| !context.is_disputed(i))
        .map(|i| OpenLine {
            date: i.date,
            number: i.number.clone(),
            seq: i.seq,
            installments: aged.iter().filter(|o| o.number == i.number).count() as u32,
            due: Some(i.due),
            days_overdue: None,
            amount: i.amount,
            open: i.open,
            disputed: false,
            discount: None,
        })
        .collect()
}

pub(super) fn money_text(currency: &Currency, m: Money) -> String {
    format!("{} {}", currency.code, currency.display(m))
}

/// Merges the letter `request` asks for from its level's template.
pub fn build_letter(store: &Store, context: &Context, request: &LetterRequest) -> Result<Letter> {
    let customer = store.customer(&request.customer)?;
    let company = context.company();
    let locale = request.locale.unwrap_or(company.locale);
    let currency = store.currency().clone();
    // A letter chases only what is not in dispute: a disputed item is held out of
    // dunning until the dispute is resolved, so it is neither listed nor totalled. A
    // payment reminder lists the undisputed items falling due within its days instead.
    let items: Vec<OpenLine> = if request.level == Level::BeforeDue {
        let until = reminder_until(request.date, &store.reminder_rules()?);
        falling_due_items(context, &customer, until)
    } else {
        overdue_items(context, &customer)
            .into_iter()
            .filter(|i| !i.disputed)
            .collect()
    };
    if items.is_empty() {
        return Err(if request.level == Level::BeforeDue {
            StatementError::NothingFallingDue(customer.code)
        } else {
            StatementError::NothingOverdue(customer.code)
        });
    }
    let total: Money = items.iter().map(|i| i.open).sum();
    let oldest = items
        .iter()
        .filter_map(|i| i.due)
        .min()
        .unwrap_or(request.date);
    let days = (request.date - oldest).num_days().max(0);
    // Nothing is overdue in a payment reminder.
    let total_overdue = if request.level == Level::BeforeDue {
        Money::ZERO
    } else {
        total
    };
    // A payment reminder asks for payment by the first due date, not after it.
    let deadline = request.deadline.unwrap_or_else(|| {
        if request.level == Level::BeforeDue {
            oldest
        } else {
            request
                .date
                .checked_add_days(Days::new(DEFAULT_DEADLINE_DAYS))
                .unwrap_or(request.date)
        }
    });
    let template = store.letter_template(request.level, locale.is_chinese())?;
    let contact = customer
        .contact
        .clone()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| customer.name.clone());
    let fields: BTreeMap<&str, String> = [
        ("customer", customer.name.clone()),
        ("contact", contact.clone()),
        ("total_overdue", money_text(&currency, total_overdue)),
        ("oldest_due_date", locale.format_date(oldest)),
        ("total_due", money_text(&currency, total)),
        ("due_date", locale.format_date(oldest)),
        ("days_overdue", days.to_string()),
        ("deadline", locale.format_date(deadline)),
        ("company", company.name.clone()),
    ]
    .into_iter()
    .collect();
    let blocks = template
        .paragraphs
        .iter()
        .map(|p| {
            if p.trim() == "{items}" {
                LetterBlock::Items
            } else {
                LetterBlock::Text(merge(p, &fields))
            }
        })
        .collect();
    Ok(Letter {
        level: request.level,
        date: request.date,
        deadline,
        customer: Addressee {
            code: customer.code.clone(),
            name: customer.name.clone(),
            contact: customer.contact.clone(),
            address: customer.address.clone(),
        },
        currency,
        locale,
        title: merge(&template.title, &fields),
        blocks,
        closing: merge(&template.closing, &fields)
            .lines()
            .map(String::from)
            .collect(),
        items,
        total_overdue: total,
        oldest_due: oldest,
        days_overdue: days,
    })
}
