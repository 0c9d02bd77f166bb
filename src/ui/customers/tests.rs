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
        assert!(ui.find("2 customers").is_ok(), "all of them: no 'of'");
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

#[test]
fn a_new_customer_form_is_quiet_until_typed_in_and_keeps_an_address_of_several_lines() {
    use iced::widget::text_editor::{Action, Edit};
    use iced_test::simulator;
    let mut app = sample_app();
    send(&mut app, App::Show(Tab::Customers));
    send(&mut app, App::Customers(Message::NewCustomer));
    let says = |app: &crate::ui::App, text: &str| simulator(app.view()).find(text).is_ok();
    assert!(
        !says(&app, "required"),
        "no problem before anything is typed"
    );
    form_message(&mut app, form::Message::Code("C004".into()));
    form_message(&mut app, form::Message::Code(String::new()));
    assert!(says(&app, "required"), "the code, typed and cleared");
    form_message(&mut app, form::Message::Code("C004".into()));
    form_message(
        &mut app,
        form::Message::Name("Łódź Trading sp. z o.o.".into()),
    );
    let typed = ["ul. Piotrkowska 1", "90-001 Łódź", "Poland"];
    for (i, line) in typed.iter().enumerate() {
        if i > 0 {
            form_message(&mut app, form::Message::Address(Action::Edit(Edit::Enter)));
        }
        for c in line.chars() {
            form_message(
                &mut app,
                form::Message::Address(Action::Edit(Edit::Insert(c))),
            );
        }
    }
    form_message(&mut app, form::Message::Save);
    assert!(!screen(&app).is_form_open(), "saved");
    let book = app.open_book().unwrap();
    let saved = book.book.store().customer("C004").unwrap();
    assert_eq!(saved.address.as_deref(), Some(typed.join("\n").as_str()));
}

/// The form open on the screen.
fn open_form(app: &crate::ui::App) -> &form::Form {
    screen(app).form.as_ref().expect("the customer form")
}

fn form_message(app: &mut crate::ui::App, message: form::Message) {
    send(app, App::Customers(Message::Form(message)));
}

#[test]
fn picking_a_tier_fills_terms_and_limit_from_its_policy_unless_typed() {
    let mut app = sample_app();
    app.open_book_mut()
        .unwrap()
        .book
        .store_mut()
        .set_setting("tier.A.credit_limit", "8000")
        .unwrap();
    send(&mut app, App::Show(Tab::Customers));
    send(&mut app, App::Customers(Message::NewCustomer));
    form_message(&mut app, form::Message::Tier("C".into()));
    assert_eq!(
        (
            open_form(&app).terms.as_str(),
            open_form(&app).credit_limit.as_str()
        ),
        ("net 14", "")
    );
    form_message(&mut app, form::Message::Tier("A".into()));
    assert_eq!(
        (
            open_form(&app).terms.as_str(),
            open_form(&app).credit_limit.as_str()
        ),
        ("net 30", "8000.00")
    );
    // Typed by hand: another tier leaves it alone; still editable.
    form_message(&mut app, form::Message::Terms("eom 5".into()));
    form_message(&mut app, form::Message::Tier("C".into()));
    assert_eq!(open_form(&app).terms, "eom 5");
    assert_eq!(
        open_form(&app).credit_limit,
        "",
        "the limit still follows the tier"
    );
    form_message(&mut app, form::Message::Code("C9".into()));
    form_message(&mut app, form::Message::Name("Nine Ltd".into()));
    form_message(&mut app, form::Message::Save);
    let store = app.open_book().unwrap().book.store();
    let customer = store.customer("C9").unwrap();
    assert_eq!(customer.terms, crate::domain::terms::Terms::EndOfMonth(5));
    assert_eq!(customer.tier, Some(crate::domain::customer::Tier::C));
    assert_eq!(customer.credit_limit, None);
}

#[test]
fn editing_a_customer_moves_its_next_review_audited() {
    let mut app = sample_app();
    send(&mut app, App::Show(Tab::Customers));
    let customer = app
        .open_book()
        .unwrap()
        .book
        .store()
        .customer("C001")
        .unwrap();
    let currency = app.open_book().unwrap().book.currency().clone();
    let mut form = form::Form::edit(&customer, &currency);
    assert_eq!(
        form.next_review,
        customer.next_review.unwrap().to_string(),
        "shown as it is"
    );
    form.next_review = "2026-02-30".into();
    assert!(form.draft().unwrap_err().next_review.is_some());
    form.next_review = "2027-01-15".into();
    assert!(form.draft().is_ok());
    let book = &mut app.open_book_mut().unwrap().book;
    let (_, event) = form.update(form::Message::Save, book);
    assert!(
        matches!(event, Some(crate::ui::Event::BookChanged)),
        "{:?}",
        form.view_error()
    );
    let store = app.open_book().unwrap().book.store();
    assert_eq!(
        store.customer("C001").unwrap().next_review,
        Some(date("2027-01-15"))
    );
    let last = store.audit_log(&Default::default()).unwrap().pop().unwrap();
    assert_eq!(last.field.as_deref(), Some("next_review"));
    assert_eq!(last.new.as_deref(), Some("2027-01-15"));
}

fn shown(app: &crate::ui::App) -> Vec<&str> {
    screen(app).visible().map(|r| r.code.as_str()).collect()
}

fn risk(score: u8) -> Risk {
    Risk {
        score,
        band: crate::domain::risk::Band::of(score),
        reasons: Vec::new(),
    }
}

#[test]
fn the_risk_column_shows_each_score_and_sorts_riskiest_first() {
    let mut app = crate::ui::testing::risky_app();
    let risky = screen(&app)
        .rows()
        .iter()
        .find(|r| r.code == "C003")
        .unwrap();
    assert_eq!(risky.risk.as_ref().map(|r| r.score), Some(80));
    // The first click sorts the riskiest first, the second the other way.
    send(&mut app, App::Customers(Message::Sort(Column::Risk)));
    assert_eq!(shown(&app)[0], "C003");
    send(&mut app, App::Customers(Message::Sort(Column::Risk)));
    assert_eq!(shown(&app)[2], "C003");
    // The selected customer's reasons in words under the list, the score in the row.
    let index = screen(&app)
        .rows()
        .iter()
        .position(|r| r.code == "C003")
        .unwrap();
    send(&mut app, App::Customers(Message::Select(index)));
    send(&mut app, App::Show(Tab::Customers));
    let mut ui = iced_test::simulator(app.view());
    assert!(ui.find("80").is_ok());
    assert!(
        ui.find(
            "C003 · Risky Ltd: pays 60 days late on average; \
             100 % of its balance over 60 days; 100 % of limit used"
        )
        .is_ok()
    );
}

#[test]
fn scores_of_an_older_load_never_overwrite_a_newer_one() {
    let mut app = sample_app();
    let generation = screen(&app).generation.current();
    let newer: HashMap<String, Risk> = [("C001".to_string(), risk(30)), ("C002".into(), risk(60))]
        .into_iter()
        .collect();
    send(
        &mut app,
        App::Customers(Message::RisksLoaded(generation, Ok(newer))),
    );
    send(&mut app, App::Customers(Message::Sort(Column::Risk)));
    assert_eq!(shown(&app), ["C002", "C001"]);
    // A slow load from before arrives late: dropped.
    let stale: HashMap<String, Risk> = [("C001".to_string(), risk(90))].into_iter().collect();
    send(
        &mut app,
        App::Customers(Message::RisksLoaded(generation - 1, Ok(stale))),
    );
    assert_eq!(shown(&app), ["C002", "C001"]);
    let c001 = screen(&app)
        .rows()
        .iter()
        .find(|r| r.code == "C001")
        .unwrap();
    assert_eq!(c001.risk.as_ref().map(|r| r.score), Some(30));
}

#[test]
fn the_list_shows_before_the_scores_with_an_ellipsis() {
    let mut app = sample_app();
    // As a reload's list arrives before its scores: rows without a score.
    let mut rows = screen(&app).rows().to_vec();
    for row in &mut rows {
        row.risk = None;
    }
    app.open_book_mut().unwrap().customers.risks = None;
    let generation = screen(&app).generation.current();
    send(
        &mut app,
        App::Customers(Message::Loaded(generation, Ok(rows))),
    );
    send(&mut app, App::Show(Tab::Customers));
    assert!(!screen(&app).risks_loaded());
    assert_eq!(screen(&app).rows().len(), 2);
    let mut ui = iced_test::simulator(app.view());
    assert!(ui.find("…").is_ok());
}

#[test]
fn the_next_review_is_picked_on_the_calendar_at_its_month() {
    use crate::ui::widgets::date_picker::{Message as Pick, month_title};
    use chrono::Datelike;
    let mut app = sample_app();
    let customer = app
        .open_book()
        .unwrap()
        .book
        .store()
        .customer("C001")
        .unwrap();
    let review = customer.next_review.expect("a next review");
    let currency = app.open_book().unwrap().book.currency().clone();
    let mut form = form::Form::edit(&customer, &currency);
    let book = &mut app.open_book_mut().unwrap().book;
    let _ = form.update(form::Message::NextReviewPick(Pick::Toggle), book);
    let mut ui = iced_test::simulator(form.view(book));
    assert!(
        ui.find(month_title(review.with_day(1).unwrap())).is_ok(),
        "at its month"
    );
    ui.click("15").expect("a day");
    let messages: Vec<_> = ui.into_messages().collect();
    for message in messages {
        let _ = form.update(message, book);
    }
    assert_eq!(form.next_review, review.with_day(15).unwrap().to_string());
    assert!(form.draft().is_ok());
}

mod billing;
