//! Shared helpers for the integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use owed::domain::allocation::Apply;
use owed::domain::customer::CustomerDraft;
use owed::domain::document::DocKind;
use owed::domain::terms::{Plan, Terms};
use owed::domain::{Money, parse_date};
use owed::store::{BookSettings, NewCredit, NewDebit, Store};

pub fn d(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

pub fn m(store: &Store, text: &str) -> Money {
    store.currency().parse(text).unwrap()
}

pub fn book() -> Store {
    Store::open_in_memory(&BookSettings::default()).unwrap()
}

pub fn customer(store: &mut Store, code: &str) {
    store
        .add_customer(&CustomerDraft {
            code: code.into(),
            name: format!("Customer {code}"),
            ..Default::default()
        })
        .unwrap();
}

pub fn invoice(
    code: &str,
    number: &str,
    date: &str,
    amount: Money,
    terms: Terms,
    plan: Plan,
) -> NewDebit {
    NewDebit {
        customer: code.into(),
        kind: DocKind::Invoice,
        number: Some(number.into()),
        date: d(date),
        amount,
        terms: Some(terms),
        due: None,
        plan,
        reference: None,
        memo: None,
    }
}

pub fn credit(
    code: &str,
    kind: DocKind,
    number: &str,
    date: &str,
    amount: Money,
    apply: Apply,
) -> NewCredit {
    NewCredit {
        customer: code.into(),
        kind,
        number: Some(number.into()),
        date: d(date),
        amount,
        reference: None,
        memo: None,
        apply,
    }
}
