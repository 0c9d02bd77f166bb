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
