//! The ledger screen driven as a user would: open a customer, post through the forms,
//! and see the balance, the allocation and the ledger change.

use iced::keyboard::{Key, Modifiers};
use iced_test::simulator;

use super::*;
use crate::domain::customer::CustomerDraft;
use crate::domain::terms::Plan;
use crate::store::NewDebit;
use crate::ui::testing::{TODAY, date, sample_store, send, settle};
use crate::ui::{App, Message as AppMessage, Tab};

/// The sample book plus C003 with INV-3: 300.00 in 3 installments of 100.00, dated
/// 2026-09-01, due 10-01, 11-01 and 12-01.
fn app_with_installments() -> App {
    let (mut app, task) = App::with_store(store_with_installments(), date(TODAY));
    settle(&mut app, task);
    app
}

fn store_with_installments() -> crate::store::Store {
    let mut store = sample_store();
    store
        .add_customer(&CustomerDraft {
            code: "C003".into(),
            name: "Café Ünal".into(),
            ..Default::default()
        })
        .unwrap();
    store
        .post_debit(&NewDebit {
            customer: "C003".into(),
            kind: DocKind::Invoice,
            number: Some("INV-3".into()),
            date: date("2026-09-01"),
            amount: store.currency().parse("300.00").unwrap(),
            terms: None,
            due: None,
            plan: Plan::Installments(3),
            reference: None,
            memo: None,
        })
        .unwrap();
    store
}

fn ledger(app: &App) -> &Ledger {
    &app.open_book().unwrap().ledger
}

fn open_ledger(app: &mut App, code: &str) {
    let index = app
        .open_book()
        .unwrap()
        .customers
        .rows()
        .iter()
        .position(|r| r.code == code)
        .unwrap();
    send(
        app,
        AppMessage::Customers(crate::ui::customers::Message::Open(index)),
    );
    assert_eq!(app.open_book().unwrap().tab, Tab::Ledger);
}

fn credit(app: &mut App, message: credit::Message) {
    send(app, AppMessage::Ledger(Message::Credit(message)));
}

#[test]
fn header_and_ledger_of_an_installment_invoice() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    let data = ledger(&app).data().unwrap();
    assert_eq!(data.customer.name, "Café Ünal");
    assert_eq!(data.balance.to_string(), "300.00");
    // 10-01 and 11-01 have passed on 11-23.
    assert_eq!(data.overdue.to_string(), "200.00");
    assert_eq!(data.items.len(), 3);
    assert_eq!(data.lines.len(), 1);
    assert_eq!(data.lines[0].debit, "300.00");
}

#[test]
fn record_a_payment_of_150_against_three_installments() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    send(
        &mut app,
        AppMessage::Key(Key::Character("p".into()), Modifiers::CTRL),
    );
    assert_eq!(ledger(&app).form_kind(), Some(FormKind::Payment));

    credit(&mut app, credit::Message::Amount("150.00".into()));
    credit(&mut app, credit::Message::Reference("bank ref 77".into()));
    credit(&mut app, credit::Message::Save);

    let ledger = ledger(&app);
    assert_eq!(ledger.form_kind(), None, "the form closes once posted");
    let notice = ledger.notice().unwrap();
    assert!(notice.contains("INV-3/1 100.00"), "{notice}");
    assert!(notice.contains("INV-3/2 50.00"), "{notice}");
    assert!(notice.contains("unapplied 0.00"), "{notice}");
    let data = ledger.data().unwrap();
    assert_eq!(data.balance.to_string(), "150.00");
    let open: Vec<String> = data
        .items
        .iter()
        .map(|i| format!("{}#{} {}", i.number, i.seq, i.open))
        .collect();
    assert_eq!(open, ["INV-3#2 50.00", "INV-3#3 100.00"]);
    assert_eq!(data.lines.len(), 2);
    assert_eq!(data.lines[1].credit, "150.00");
    assert_eq!(data.lines[1].balance, "150.00");
    // The customers screen reloaded too.
    let row = app
        .open_book()
        .unwrap()
        .customers
        .rows()
        .iter()
        .find(|r| r.code == "C003")
        .unwrap();
    assert_eq!(row.balance.to_string(), "150.00");
}

#[test]
fn the_allocation_can_be_changed_per_invoice() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C001");
    send(
        &mut app,
        AppMessage::Ledger(Message::Show(FormKind::Payment)),
    );
    credit(&mut app, credit::Message::Amount("80.00".into()));
    // Oldest first would put all 80.00 on INV-1; the user keeps 30.00 unapplied.
    credit(&mut app, credit::Message::Invoice(0, "50.00".into()));
    credit(&mut app, credit::Message::Save);
    let data = ledger(&app).data().unwrap();
    assert_eq!(data.unapplied.to_string(), "30.00");
    assert_eq!(data.balance.to_string(), "20.00");
}

#[test]
fn a_refused_amount_posts_nothing() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    send(
        &mut app,
        AppMessage::Ledger(Message::Show(FormKind::Payment)),
    );
    credit(&mut app, credit::Message::Amount("150.001".into()));
    credit(&mut app, credit::Message::Save);
    assert_eq!(ledger(&app).form_kind(), Some(FormKind::Payment));
    assert_eq!(ledger(&app).data().unwrap().lines.len(), 1);
    // Esc closes the form without posting.
    send(
        &mut app,
        AppMessage::Key(
            Key::Named(iced::keyboard::key::Named::Escape),
            Modifiers::default(),
        ),
    );
    assert_eq!(ledger(&app).form_kind(), None);
}

#[test]
fn new_invoice_in_installments_previews_and_posts_its_schedule() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C002");
    send(
        &mut app,
        AppMessage::Key(Key::Character("n".into()), Modifiers::CTRL),
    );
    assert_eq!(ledger(&app).form_kind(), Some(FormKind::Invoice));
    for message in [
        debit::Message::Amount("100.00".into()),
        debit::Message::Plan(debit::PlanKind::Installments),
        debit::Message::Count("3".into()),
        debit::Message::Save,
    ] {
        send(&mut app, AppMessage::Ledger(Message::Debit(message)));
    }
    let ledger = ledger(&app);
    assert!(
        ledger
            .notice()
            .unwrap()
            .contains("in 3 items, first due 2026-12-23")
    );
    let data = ledger.data().unwrap();
    assert_eq!(data.balance.to_string(), "350.00");
    let amounts: Vec<String> = data.items.iter().map(|i| i.amount.to_string()).collect();
    assert_eq!(amounts, ["250.00", "33.34", "33.33", "33.33"]);
}

#[test]
fn void_asks_for_a_reason_and_a_confirmation() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    send(&mut app, AppMessage::Ledger(Message::Select(0)));
    send(&mut app, AppMessage::Ledger(Message::Show(FormKind::Void)));
    let void = |app: &mut App, message| send(app, AppMessage::Ledger(Message::Void(message)));
    void(&mut app, void::Message::Ask);
    void(&mut app, void::Message::Confirm);
    assert_eq!(
        ledger(&app).data().unwrap().lines.len(),
        1,
        "no reason, no void"
    );
    void(&mut app, void::Message::Reason("issued in error".into()));
    void(&mut app, void::Message::Ask);
    void(&mut app, void::Message::Confirm);
    let data = ledger(&app).data().unwrap();
    assert_eq!(data.lines.len(), 2);
    assert_eq!(data.balance.to_string(), "0.00");
    assert!(data.items.is_empty());
}

#[test]
fn range_filters_the_ledger_and_refuses_impossible_dates() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C001");
    send(
        &mut app,
        AppMessage::Ledger(Message::From("2026-02-30".into())),
    );
    assert_eq!(
        ledger(&app).data().unwrap().lines.len(),
        1,
        "kept as it was"
    );
    send(
        &mut app,
        AppMessage::Ledger(Message::From("2026-10-01".into())),
    );
    let data = ledger(&app).data().unwrap();
    assert!(data.lines.is_empty());
    assert_eq!(data.opening.to_string(), "100.00");
}

#[test]
fn simulator_records_a_payment_from_the_form() {
    let mut app = app_with_installments();
    open_ledger(&mut app, "C003");
    let messages = {
        let mut ui = simulator(app.view());
        ui.click("Record payment (Ctrl+P)")
            .expect("the button is shown");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        send(&mut app, message);
    }
    assert_eq!(ledger(&app).form_kind(), Some(FormKind::Payment));
    let messages = {
        let mut ui = simulator(app.view());
        ui.click(iced::widget::Id::new("credit-amount"))
            .expect("the amount field");
        ui.typewrite("150.00");
        ui.into_messages().collect::<Vec<_>>()
    };
    let last = messages.last().cloned().expect("typing sends messages");
    send(&mut app, last);
    let messages = {
        let mut ui = simulator(app.view());
        ui.find("150.00")
            .expect("the allocation preview shows 150.00 applied");
        ui.click("Post (Enter)").expect("the post button");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        send(&mut app, message);
    }
    assert_eq!(ledger(&app).data().unwrap().balance.to_string(), "150.00");
}

#[test]
fn the_side_panel_shows_the_customers_history_of_changes() {
    let mut store = sample_store();
    let limit = store.currency().parse("8000").unwrap();
    store
        .update_customer(
            "C001",
            &crate::store::CustomerUpdate {
                credit_limit: Some(Some(limit)),
                on_hold: Some(true),
                reason: Some("cheque bounced".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C001");
    let history = &ledger(&app).data().unwrap().history;
    assert_eq!(history.len(), 3, "added, limit, hold: {history:?}");
    assert_eq!(history[0].field.as_deref(), Some("on_hold"), "newest first");
    let mut ui = simulator(app.view());
    ui.find("History (3)").expect("the history heading");
    ui.find("Credit limit: — → 8,000.00")
        .expect("the limit change in words, in the book's format");
    ui.find("On hold: no → yes").expect("the hold");
    ui.find("Reason: cheque bounced")
        .expect("the reason under its change");
}

#[test]
fn an_open_item_in_dispute_and_a_pause_show_in_the_side_panel() {
    let mut store = store_with_installments();
    store
        .open_dispute(&crate::store::NewDispute {
            invoice: "INV-3".into(),
            item: Some(1),
            reason: "wrong goods".into(),
        })
        .unwrap();
    store
        .pause_customer("C003", date("2026-12-31"), "owner away")
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C003");
    let late = (date(TODAY) - date("2026-10-01")).num_days();
    let mut ui = simulator(app.view());
    ui.find(format!("due 2026-10-01 · {late} days late · in dispute").as_str())
        .expect("the disputed installment marked");
    let late = (date(TODAY) - date("2026-11-01")).num_days();
    ui.find(format!("due 2026-11-01 · {late} days late").as_str())
        .expect("the other installment unmarked");
    ui.find("Dispute 1 opened on INV-3, installment 1")
        .expect("the dispute in the customer's history");
    ui.find("Letters paused until 2026-12-31")
        .expect("the pause in the customer's history");
}

#[test]
fn an_invoice_over_the_limit_is_refused_at_the_form_and_posted_with_an_override() {
    let mut store = store_with_installments();
    let limit = store.currency().parse("300").unwrap();
    store
        .update_customer(
            "C002",
            &crate::store::CustomerUpdate {
                credit_limit: Some(Some(limit)),
                ..Default::default()
            },
        )
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C002");
    let name = ledger(&app).data().unwrap().customer.name.clone();
    assert_eq!(ledger(&app).data().unwrap().balance.to_string(), "250.00");
    send(
        &mut app,
        AppMessage::Key(Key::Character("n".into()), Modifiers::CTRL),
    );
    for message in [
        debit::Message::Amount("100.00".into()),
        debit::Message::Save,
    ] {
        send(&mut app, AppMessage::Ledger(Message::Debit(message)));
    }
    assert_eq!(
        ledger(&app).form_kind(),
        Some(FormKind::Invoice),
        "the refused form stays open"
    );
    assert_eq!(ledger(&app).data().unwrap().balance.to_string(), "250.00");
    let messages = {
        let mut ui = simulator(app.view());
        ui.find(
            format!(
                "Not posted: C002 {name} is over its credit limit: limit 300.00, balance 250.00, this document 100.00 would take it 50.00 over."
            )
            .as_str(),
        )
        .expect("the refusal with its figures at the form");
        ui.click("Override…").expect("the override button");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        send(&mut app, message);
    }
    let messages = {
        let mut ui = simulator(app.view());
        ui.click(iced::widget::Id::new("debit-override-reason"))
            .expect("the reason field");
        ui.typewrite("director approved");
        ui.into_messages().collect::<Vec<_>>()
    };
    send(
        &mut app,
        messages.last().cloned().expect("typing sends messages"),
    );
    let messages = {
        let mut ui = simulator(app.view());
        ui.click("Post with override").expect("the post button");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        send(&mut app, message);
    }
    let ledger = ledger(&app);
    assert_eq!(ledger.form_kind(), None, "posted: {:?}", ledger.notice());
    assert!(
        ledger.notice().unwrap().contains("posted with an override"),
        "{:?}",
        ledger.notice()
    );
    assert_eq!(ledger.data().unwrap().balance.to_string(), "350.00");
    let store = app.open_book().unwrap().book.store();
    let log = store
        .audit_log(&crate::store::AuditFilter {
            customer: Some("C002".into()),
        })
        .unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.action, crate::store::AuditAction::Override);
    assert_eq!(last.field.as_deref(), Some("credit_limit"));
    assert_eq!(last.reason.as_deref(), Some("director approved"));
}

#[test]
fn a_new_invoice_for_a_deposit_tier_opens_with_the_deposit_preset_and_changeable() {
    let mut store = sample_store();
    store
        .update_customer(
            "C002",
            &crate::store::CustomerUpdate {
                tier: Some(Some(crate::domain::customer::Tier::C)),
                ..Default::default()
            },
        )
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C002");
    send(
        &mut app,
        AppMessage::Ledger(Message::Show(FormKind::Invoice)),
    );
    {
        let mut ui =
            simulator::Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view());
        assert!(
            ui.find("Tier C's policy: 30% down").is_ok(),
            "the preset is said"
        );
    }
    for message in [
        debit::Message::Amount("1000.00".into()),
        debit::Message::Save,
    ] {
        send(&mut app, AppMessage::Ledger(Message::Debit(message)));
    }
    let amounts: Vec<String> = ledger(&app)
        .data()
        .unwrap()
        .items
        .iter()
        .map(|i| i.amount.to_string())
        .collect();
    assert_eq!(
        amounts,
        ["300.00", "250.00", "700.00"],
        "30 % down, by due date"
    );
    // Changed to one item: the person's choice wins.
    send(
        &mut app,
        AppMessage::Ledger(Message::Show(FormKind::Invoice)),
    );
    for message in [
        debit::Message::Amount("80.00".into()),
        debit::Message::Plan(debit::PlanKind::Single),
        debit::Message::Save,
    ] {
        send(&mut app, AppMessage::Ledger(Message::Debit(message)));
    }
    assert_eq!(ledger(&app).data().unwrap().items.len(), 4);
    // A fee is not an invoice: no deposit is preset or said.
    send(&mut app, AppMessage::Ledger(Message::Show(FormKind::Fee)));
    assert_eq!(ledger(&app).form_kind(), Some(FormKind::Fee));
    let mut ui =
        simulator::Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view());
    assert!(ui.find("One item, due on the terms.").is_ok());
    assert!(ui.find("Tier C's policy: 30% down").is_err());
}

#[test]
fn the_header_shows_the_risk_score_band_and_reasons() {
    let (mut app, task) = App::with_store(crate::ui::testing::risky_store(), date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C003");
    let risk = &ledger(&app).data().unwrap().risk;
    assert_eq!(
        (risk.score, risk.band),
        (80, crate::domain::risk::Band::Severe)
    );
    let mut ui = simulator(app.view());
    assert!(ui.find("Risk severe (80)").is_ok());
    assert!(
        ui.find(
            "pays 60 days late on average; 100 % of its balance over 60 days; \
             100 % of limit used"
        )
        .is_ok()
    );
}

mod dates;
mod discount;
mod forms;
mod header;
mod off_thread;

#[test]
fn the_ledger_shows_every_figure_whole_in_a_small_window() {
    let mut store = sample_store();
    crate::ui::testing::add_risky(&mut store, "C009", "Big Spender", "9876543210.99");
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C009");
    for size in [(1024.0, 700.0), (1280.0, 800.0)] {
        assert_eq!(
            crate::ui::testing::clipped_figures(&app, size),
            Vec::<String>::new(),
            "{size:?}"
        );
    }
}
