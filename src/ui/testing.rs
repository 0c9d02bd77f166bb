//! Helpers for the screens' tests: a book with known history, and the app open on it
//! with every load finished.

use super::App;
use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::domain::terms::Plan;
use crate::store::{BookSettings, NewDebit, Store};
use chrono::NaiveDate;

pub use super::headless::{outputs, send, settle};

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

/// The day the tests count as today.
pub const TODAY: &str = "2026-11-23";

/// An in-memory book: C001 "Acme Ltd" with INV-1 of 100.00 in 3 installments dated
/// 2026-09-01 (net 30: due 10-01, 11-01, 12-01), and C002 "深圳华星贸易" with INV-2 of
/// 250.00 dated 2026-11-01.
pub fn sample_store() -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).expect("in-memory book");
    let usd = store.currency().clone();
    for (code, name) in [("C001", "Acme Ltd"), ("C002", "深圳华星贸易")] {
        store
            .add_customer(&CustomerDraft {
                code: code.into(),
                name: name.into(),
                ..Default::default()
            })
            .expect("customer");
    }
    for (customer, number, day, amount, plan) in [
        (
            "C001",
            "INV-1",
            "2026-09-01",
            "100.00",
            Plan::Installments(3),
        ),
        ("C002", "INV-2", "2026-11-01", "250.00", Plan::Single),
    ] {
        store
            .post_debit(&NewDebit {
                customer: customer.into(),
                kind: DocKind::Invoice,
                number: Some(number.into()),
                date: date(day),
                amount: usd.parse(amount).expect("amount"),
                terms: None,
                due: None,
                plan,
                reference: None,
                memo: None,
            })
            .expect("invoice");
    }
    store
}

/// The app open on [`sample_store`], loaded.
pub fn sample_app() -> App {
    let (mut app, task) = App::with_store(sample_store(), date(TODAY));
    settle(&mut app, task);
    app
}
