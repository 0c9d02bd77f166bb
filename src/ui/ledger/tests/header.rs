//! The ledger's header says who the customer is and where to write to them.

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
