//! The customers screen driven as a user would: load, search, filter, sort, keys, form.

use super::*;
use crate::ui::testing::{TODAY, date, sample_app, send};
use crate::ui::{Message as App, Tab};

fn screen(app: &crate::ui::App) -> &Customers {
    &app.open_book().expect("a book is open").customers
}

#[test]
fn loads_filters_and_totals() {
    let mut app = sample_app();
    let customers = screen(&app);
    assert_eq!(customers.rows().len(), 2);
    let acme = &customers.rows()[0];
    assert_eq!(acme.code, "C001");
    // Installments due 10-01 and 11-01 are past due on 11-23; 12-01 is not.
    assert_eq!(acme.balance_text, "100.00");
    assert_eq!(acme.overdue_text, "66.67");
    assert_eq!(acme.oldest_days_overdue, Some(53));
    assert_eq!(customers.totals.0.to_string(), "350.00");

    send(&mut app, App::Customers(Message::Search("华星".into())));
    let shown: Vec<&str> = screen(&app).visible().map(|r| r.code.as_str()).collect();
    assert_eq!(shown, ["C002"]);

    send(&mut app, App::Customers(Message::Search(String::new())));
    send(&mut app, App::Customers(Message::Filter(Filter::Overdue)));
    let shown: Vec<&str> = screen(&app).visible().map(|r| r.code.as_str()).collect();
    assert_eq!(shown, ["C001"]);
    assert_eq!(screen(&app).totals.1.to_string(), "66.67");
    assert_eq!(date(TODAY), screen(&app).today);
}

#[test]
fn simulator_typing_in_search_finds_a_customer() {
    let mut app = sample_app();
    send(&mut app, App::Show(crate::ui::Tab::Customers));
    let messages = {
        let mut ui = iced_test::simulator(app.view());
        ui.click(Id::new(SEARCH)).expect("the search field");
        ui.typewrite("华星");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        send(&mut app, message);
    }
    let mut ui = iced_test::simulator(app.view());
    assert!(ui.find("深圳华星贸易").is_ok());
    assert!(ui.find("Acme Ltd").is_err());
    assert!(ui.find("1 of 2 customers").is_ok());
}

#[test]
fn sorting_by_balance_descending() {
    let mut app = sample_app();
    send(&mut app, App::Customers(Message::Sort(Column::Balance)));
    send(&mut app, App::Customers(Message::Sort(Column::Balance)));
    let shown: Vec<&str> = screen(&app).visible().map(|r| r.code.as_str()).collect();
    assert_eq!(shown, ["C002", "C001"]);
}

#[test]
fn enter_opens_the_selected_ledger() {
    let mut app = sample_app();
    send(&mut app, App::Show(crate::ui::Tab::Customers));
    send(
        &mut app,
        App::Key(
            iced::keyboard::Key::Named(iced::keyboard::key::Named::ArrowDown),
            Default::default(),
        ),
    );
    send(
        &mut app,
        App::Key(
            iced::keyboard::Key::Named(iced::keyboard::key::Named::ArrowDown),
            Default::default(),
        ),
    );
    assert_eq!(screen(&app).selected_code().as_deref(), Some("C002"));
    send(
        &mut app,
        App::Key(
            iced::keyboard::Key::Named(iced::keyboard::key::Named::Enter),
            Default::default(),
        ),
    );
    let open = app.open_book().unwrap();
    assert_eq!(open.tab, Tab::Ledger);
}

#[test]
fn a_new_customer_is_saved_through_the_form() {
    let mut app = sample_app();
    send(&mut app, App::Customers(Message::NewCustomer));
    assert!(screen(&app).is_form_open());
    for message in [
        form::Message::Code("C003".into()),
        form::Message::Name("Пётр Иванов".into()),
        form::Message::CreditLimit("1000".into()),
        form::Message::Save,
    ] {
        send(&mut app, App::Customers(Message::Form(message)));
    }
    assert!(!screen(&app).is_form_open());
    let codes: Vec<&str> = screen(&app)
        .rows()
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(codes, ["C001", "C002", "C003"]);
}
