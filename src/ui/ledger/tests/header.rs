//! The ledger's header says who the customer is, where to write to them and how its
//! statements and letters go.

use iced_test::simulator;

use super::*;
use crate::store::CustomerUpdate;

#[test]
fn the_header_shows_the_customers_address_on_one_line() {
    let mut store = store_with_installments();
    store
        .update_customer(
            "C003",
            &CustomerUpdate {
                address: Some("Rue du Lac 4\n\n1003 Lausanne \nSuisse".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C003");
    let mut ui = simulator(app.view());
    ui.find("Rue du Lac 4 · 1003 Lausanne · Suisse")
        .expect("the address, its lines joined");
}

#[test]
fn dates_are_written_as_the_book_writes_them() {
    let mut store = store_with_installments();
    let mut profile = store.company_profile().unwrap();
    profile.locale = crate::domain::company::Locale::DeDe;
    store.set_company_profile(&profile).unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C003");
    let mut ui = simulator(app.view());
    // INV-3 of 2026-09-01, as a German book's statements date it.
    ui.find("01.09.2026")
        .expect("the ledger's date in the book's form");
    assert!(ui.find("2026-09-01").is_err(), "not in ISO beside it");
}

#[test]
fn the_header_says_how_statements_and_letters_go_and_to_which_addresses() {
    use crate::domain::email::SendBy;
    let said = |email: Option<&str>, send_by: SendBy| {
        let mut store = store_with_installments();
        store
            .update_customer(
                "C003",
                &CustomerUpdate {
                    email: email.map(str::to_string),
                    phone: Some("+41 21 000 00 00".into()),
                    send_by: Some(send_by),
                    ..Default::default()
                },
            )
            .unwrap();
        let (mut app, task) = App::with_store(store, date(TODAY));
        settle(&mut app, task);
        open_ledger(&mut app, "C003");
        app
    };
    for (email, send_by, line) in [
        (
            Some("ar@unal.example; einkauf@unal.example"),
            SendBy::Email,
            "Sent by email to ar@unal.example, einkauf@unal.example",
        ),
        (
            Some("ar@unal.example"),
            SendBy::Both,
            "Sent by post and by email to ar@unal.example",
        ),
        (
            Some("ar@unal.example"),
            SendBy::Post,
            "Sent by post; billing email ar@unal.example",
        ),
        (
            None,
            SendBy::Email,
            "Printed for the post: no billing email",
        ),
    ] {
        let app = said(email, send_by);
        let mut ui = simulator(app.view());
        ui.find(line).unwrap_or_else(|_| panic!("{line}"));
        ui.find("C003 · +41 21 000 00 00")
            .expect("who and how to call, on the line above");
    }
}

#[test]
fn a_change_of_how_documents_go_is_in_the_history_in_words() {
    let mut store = store_with_installments();
    store
        .update_customer(
            "C003",
            &CustomerUpdate {
                send_by: Some(crate::domain::email::SendBy::Post),
                ..Default::default()
            },
        )
        .unwrap();
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    open_ledger(&mut app, "C003");
    let mut ui = simulator(app.view());
    ui.find("Send statements and letters by: Email → Post")
        .expect("the choice's own words, not email → post");
}
