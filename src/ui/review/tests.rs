//! The credit review form driven through the whole app: opened from a `review` row on
//! Today (key C) and from the ledger, showing the record and the suggestion, accepting
//! it in one click or keeping things as they are, each audited with the reason
//! "credit review", the next review moved on and the row gone from the list.

use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::simulator::Simulator;

use super::*;
use crate::report::worklist::WorkKind;
use crate::store::{AuditFilter, REVIEW_REASON, Store};
use crate::ui::testing::{TODAY, date, sample_store, send, settle};
use crate::ui::today::Line;
use crate::ui::{App, Message as AppMessage, Tab};

/// The sample book with C002's credit review due on 2026-11-01.
fn app_with_review_due() -> App {
    let mut store = sample_store();
    store
        .set_next_review("C002", date("2026-11-01"), None)
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    app
}

fn store(app: &App) -> &Store {
    app.open_book().unwrap().book.store()
}

fn today_screen(app: &App) -> &crate::ui::today::Today {
    &app.open_book().unwrap().today
}

fn press(app: &mut App, key: Key) {
    send(app, AppMessage::Key(key, Modifiers::empty()));
}

fn review_rows(app: &App) -> Vec<String> {
    let today = today_screen(app);
    today
        .lines
        .iter()
        .filter_map(|line| match line {
            Line::Item { index, .. } => Some(&today.list.as_ref().unwrap().items[*index]),
            Line::Group { .. } => None,
        })
        .filter(|item| item.kind == WorkKind::ReviewDue)
        .map(|item| item.customer.clone())
        .collect()
}

fn reasons_since(app: &App, before: usize) -> Vec<(String, Option<String>)> {
    store(app)
        .audit_log(&AuditFilter::default())
        .unwrap()
        .into_iter()
        .skip(before)
        .map(|e| (e.field.unwrap_or_default(), e.reason))
        .collect()
}

#[test]
fn a_due_review_is_on_today_and_c_opens_the_form_whose_suggestion_is_accepted_in_one_click() {
    let mut app = app_with_review_due();
    assert_eq!(review_rows(&app), vec!["C002"]);
    // The letter row first, then the review row.
    press(&mut app, Key::Named(Named::ArrowDown));
    press(&mut app, Key::Character("c".into()));
    let form = today_screen(&app).review.as_ref().expect("the review form");
    assert_eq!(form.record().customer.code, "C002");
    assert_eq!(form.record().as_of, date(TODAY));
    let suggestion = form.record().suggestion.clone();
    {
        let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view());
        for words in [
            "Credit review — C002 深圳华星贸易",
            "Accept suggestion",
            "Keep as is",
            "Highest balance",
            "250.00",
        ] {
            assert!(ui.find(words).is_ok(), "'{words}' is on the form");
        }
    }
    let before = store(&app)
        .audit_log(&AuditFilter::default())
        .unwrap()
        .len();
    send(
        &mut app,
        AppMessage::Today(crate::ui::today::Message::Review(Message::Accept)),
    );
    assert!(today_screen(&app).review.is_none(), "the form closes");
    let notice = today_screen(&app).notice.clone().unwrap_or_default();
    assert!(
        notice.contains("Credit review of C002 recorded"),
        "{notice}"
    );
    let customer = store(&app).customer("C002").unwrap();
    assert_eq!(customer.tier, Some(suggestion.tier));
    assert_eq!(customer.credit_limit, suggestion.limit);
    let months = crate::domain::policy::review_months(Some(suggestion.tier));
    assert_eq!(
        customer.next_review,
        date(TODAY).checked_add_months(chrono::Months::new(months))
    );
    let rows = reasons_since(&app, before);
    let fields: Vec<&str> = rows.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, vec!["credit_limit", "tier", "next_review"]);
    assert!(
        rows.iter()
            .all(|(_, r)| r.as_deref() == Some(REVIEW_REASON))
    );
    assert!(review_rows(&app).is_empty(), "the review is done");
}

#[test]
fn the_ledger_opens_the_review_and_keep_as_is_moves_the_date_on() {
    let mut app = app_with_review_due();
    // O on the review row opens the customer's ledger.
    press(&mut app, Key::Named(Named::ArrowDown));
    press(&mut app, Key::Character("o".into()));
    assert_eq!(app.open_book().unwrap().tab, Tab::Ledger);
    send(
        &mut app,
        AppMessage::Ledger(crate::ui::ledger::Message::OpenReview),
    );
    let ledger = &app.open_book().unwrap().ledger;
    assert_eq!(ledger.review().unwrap().record().customer.code, "C002");
    // Esc closes it, writing nothing.
    let before = store(&app)
        .audit_log(&AuditFilter::default())
        .unwrap()
        .len();
    press(&mut app, Key::Named(Named::Escape));
    assert!(app.open_book().unwrap().ledger.review().is_none());
    assert_eq!(reasons_since(&app, before), vec![]);
    send(
        &mut app,
        AppMessage::Ledger(crate::ui::ledger::Message::OpenReview),
    );
    send(
        &mut app,
        AppMessage::Ledger(crate::ui::ledger::Message::Review(Message::Keep)),
    );
    let ledger = &app.open_book().unwrap().ledger;
    assert!(ledger.review().is_none());
    assert!(ledger.notice().unwrap().contains("kept as is"));
    let customer = store(&app).customer("C002").unwrap();
    assert_eq!((customer.tier, customer.credit_limit), (None, None));
    assert_eq!(customer.next_review, Some(date("2027-11-23")));
    assert_eq!(
        reasons_since(&app, before),
        vec![("next_review".to_string(), Some(REVIEW_REASON.to_string()))]
    );
}
