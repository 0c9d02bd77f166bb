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

/// [`sample_store`] plus C003 "Risky Ltd" as [`add_risky`] makes it with 1,000.00: its
/// risk on [`TODAY`] is 80, severe.
pub fn risky_store() -> Store {
    let mut store = sample_store();
    add_risky(&mut store, "C003", "Risky Ltd", "1000.00");
    store
}

/// Adds a customer with a limit of `amount`: an invoice of `amount` of 2026-06-01 (net
/// 30) paid 60 days late on 2026-08-30, and another of 2026-07-01 still open, 115 days
/// past due on [`TODAY`]. Its risk then: 30 for paying late, 30 for the long overdue
/// share, 20 for the limit used — 80, severe.
pub fn add_risky(store: &mut Store, code: &str, name: &str, amount: &str) {
    use crate::domain::allocation::Apply;
    use crate::store::NewCredit;
    let usd = store.currency().clone();
    let amount = usd.parse(amount).expect("amount");
    store
        .add_customer(&CustomerDraft {
            code: code.into(),
            name: name.into(),
            credit_limit: Some(amount),
            ..Default::default()
        })
        .expect("customer");
    let invoice = |number: String, day: &str| NewDebit {
        customer: code.into(),
        kind: DocKind::Invoice,
        number: Some(number),
        date: date(day),
        amount,
        terms: None,
        due: None,
        plan: Plan::Single,
        reference: None,
        memo: None,
    };
    // The second invoice is posted once the first is paid, so it takes the balance to
    // the limit, not over.
    store
        .post_debit(&invoice(format!("{code}-A"), "2026-06-01"))
        .expect("invoice");
    store
        .post_credit(&NewCredit {
            customer: code.into(),
            kind: DocKind::Payment,
            number: Some(format!("{code}-PAY")),
            date: date("2026-08-30"),
            amount,
            reference: None,
            memo: None,
            apply: Apply::Explicit(vec![(format!("{code}-A"), None)]),
        })
        .expect("payment");
    store
        .post_debit(&invoice(format!("{code}-B"), "2026-07-01"))
        .expect("invoice");
}

/// The app open on [`risky_store`], loaded.
pub fn risky_app() -> App {
    let (mut app, task) = App::with_store(risky_store(), date(TODAY));
    settle(&mut app, task);
    app
}

/// Every figure on the screen cut short at a window size: laid out narrower than its
/// text (a right-aligned figure then loses its leading digits), or cut by the box it is
/// in. A figure cut by the edge of a sideways-scrolling view is not cut: it scrolls.
pub fn clipped_figures(app: &App, size: (f32, f32)) -> Vec<String> {
    use crate::ui::widgets::{REGULAR, text_width};
    use iced_test::selector::Candidate;
    let is_figure = |text: &str| {
        text.chars().any(|c| c.is_ascii_digit())
            && text.len() >= 4
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || ",.-".contains(c))
    };
    // Drawn in the window's font, as the app draws it.
    let settings = iced::Settings {
        default_font: REGULAR,
        ..iced::Settings::default()
    };
    let mut ui = iced_test::simulator::Simulator::with_size(settings, size, app.view());
    let mut clipped = Vec::new();
    let mut seen = 0;
    let mut sideways: Vec<iced::Rectangle> = Vec::new();
    // Never matches: each widget is looked at, in order, parents first.
    let _ = ui.find(|candidate: Candidate<'_>| {
        match candidate {
            Candidate::Scrollable {
                bounds,
                content_bounds,
                ..
            } if content_bounds.width > bounds.width + 0.5 => sideways.push(bounds),
            Candidate::Text {
                bounds,
                visible_bounds,
                content,
                ..
            } if is_figure(content) => {
                seen += 1;
                // Text is laid out 1.3 times its size high.
                let needs = text_width(content, bounds.height / 1.3, REGULAR);
                let scrolls = sideways
                    .iter()
                    .any(|view| bounds.x < view.x || bounds.x + bounds.width > view.x + view.width);
                let shown = visible_bounds.map_or(bounds.width, |v| v.width);
                if bounds.width + 0.5 < needs || (shown + 0.5 < bounds.width && !scrolls) {
                    clipped.push(format!(
                        "{content}: laid out {:.1}, shown {shown:.1}, needs {needs:.1}",
                        bounds.width
                    ));
                }
            }
            _ => {}
        }
        None::<()>
    });
    assert!(seen > 10, "only {seen} figures found");
    clipped
}

/// Where the first text reading exactly `content` is drawn from the top of a window of
/// `size`, if it is drawn: to check that rows stay put when something above them
/// changes.
pub fn top_of(app: &App, size: (f32, f32), content: &str) -> Option<f32> {
    use iced_test::selector::Candidate;
    let settings = iced::Settings {
        default_font: crate::ui::widgets::REGULAR,
        ..iced::Settings::default()
    };
    let mut ui = iced_test::simulator::Simulator::with_size(settings, size, app.view());
    ui.find(|candidate: Candidate<'_>| match candidate {
        Candidate::Text {
            bounds, content: c, ..
        } if c == content => Some(bounds.y),
        _ => None,
    })
    .ok()
}

/// Whether some text drawn in `app`'s window contains `part`.
pub fn shows_containing(app: &App, part: &str) -> bool {
    use iced_test::selector::Candidate;
    let mut ui = iced_test::simulator(app.view());
    ui.find(|candidate: Candidate<'_>| match candidate {
        Candidate::Text { content, .. } if content.contains(part) => Some(()),
        _ => None,
    })
    .is_ok()
}

/// A real SMTP server for the screens' email tests: aiosmtpd on 127.0.0.1 writing a
/// Maildir, and the messages read back (`tests/smtp/harness.rs`, shared with the
/// integration tests).
pub mod smtp {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/smtp/harness.rs"
    ));
}

/// Gives customer `code` of the open book the billing email `addresses`, sent `send_by`.
pub fn set_billing_email(
    app: &mut App,
    code: &str,
    addresses: &str,
    send_by: crate::domain::email::SendBy,
) {
    let update = crate::store::CustomerUpdate {
        email: Some(addresses.to_string()),
        send_by: Some(send_by),
        ..Default::default()
    };
    book_store(app).update_customer(code, &update).unwrap();
}

/// Sets each `(key, value)` of the open book's settings, as `owed settings set`.
pub fn set_settings(app: &mut App, settings: &[(&str, &str)]) {
    let store = book_store(app);
    for (key, value) in settings {
        store.set_setting(key, value).unwrap();
    }
}

fn book_store(app: &mut App) -> &mut Store {
    app.open_book_mut()
        .expect("a book is open")
        .book
        .store_mut()
}
