//! The billing email and how the customer wants its documents, on the customer form:
//! several addresses, a bad one named, the choice of email, post or both saved and shown.

use super::*;

/// The customer `code` as the store has it.
fn stored(app: &crate::ui::App, code: &str) -> crate::store::Customer {
    app.open_book()
        .unwrap()
        .book
        .store()
        .customer(code)
        .unwrap()
}

/// A new customer's form with its code and name typed.
fn new_customer(app: &mut crate::ui::App, code: &str, name: &str) {
    send(app, App::Show(Tab::Customers));
    send(app, App::Customers(Message::NewCustomer));
    form_message(app, form::Message::Code(code.into()));
    form_message(app, form::Message::Name(name.into()));
}

#[test]
fn choosing_post_on_the_form_saves_it() {
    use crate::domain::email::SendBy;
    let mut app = sample_app();
    new_customer(&mut app, "C003", "Post Only Ltd");
    assert_eq!(open_form(&app).send_by, SendBy::Email, "the default");
    form_message(&mut app, form::Message::SendBy(SendBy::Post));
    assert!(
        iced_test::simulator(app.view())
            .find("Printed for the post, never emailed")
            .is_ok(),
        "what Post means, beneath the choice"
    );
    assert_eq!(open_form(&app).send_by, SendBy::Post);
    form_message(&mut app, form::Message::Save);
    assert!(!screen(&app).is_form_open(), "saved");
    assert_eq!(stored(&app, "C003").send_by, SendBy::Post);
}

#[test]
fn editing_a_customer_that_wants_both_shows_both_and_keeps_it() {
    use crate::domain::email::SendBy;
    let mut app = sample_app();
    app.open_book_mut()
        .unwrap()
        .book
        .store_mut()
        .update_customer(
            "C001",
            &crate::store::CustomerUpdate {
                email: Some("ar@acme.example".into()),
                send_by: Some(SendBy::Both),
                ..Default::default()
            },
        )
        .unwrap();
    send(&mut app, App::Show(Tab::Customers));
    let index = screen(&app)
        .rows()
        .iter()
        .position(|r| r.code == "C001")
        .unwrap();
    send(&mut app, App::Customers(Message::Select(index)));
    send(&mut app, App::Customers(Message::EditSelected));
    assert_eq!(open_form(&app).send_by, SendBy::Both);
    let says =
        |app: &crate::ui::App, text: &str| iced_test::simulator(app.view()).find(text).is_ok();
    assert!(
        says(&app, "Emailed, and printed for the post too"),
        "what Both means"
    );
    // Saved with another field changed: still Both.
    form_message(&mut app, form::Message::Phone("+1 555 0100".into()));
    form_message(&mut app, form::Message::Save);
    assert!(!screen(&app).is_form_open(), "saved");
    assert_eq!(stored(&app, "C001").send_by, SendBy::Both);
    // Changed to Post: saved as Some(Post), and the history says it.
    send(&mut app, App::Customers(Message::EditSelected));
    form_message(&mut app, form::Message::SendBy(SendBy::Post));
    form_message(&mut app, form::Message::Save);
    assert_eq!(stored(&app, "C001").send_by, SendBy::Post);
    let store = app.open_book().unwrap().book.store();
    let last = store.audit_log(&Default::default()).unwrap().pop().unwrap();
    assert_eq!(
        (last.field.as_deref(), last.new.as_deref()),
        (Some("send_by"), Some("post"))
    );
}

#[test]
fn two_addresses_are_saved_and_read_back_one_by_one() {
    let mut app = sample_app();
    new_customer(&mut app, "C003", "Two Mailboxes GmbH");
    assert!(
        iced_test::simulator(app.view())
            .find("One address or several, separated by commas")
            .is_ok(),
        "the hint beneath the billing email"
    );
    form_message(
        &mut app,
        form::Message::Email("ar@two.example, einkauf@two.example".into()),
    );
    form_message(&mut app, form::Message::Save);
    assert!(!screen(&app).is_form_open(), "saved");
    assert_eq!(
        stored(&app, "C003").addresses(),
        ["ar@two.example", "einkauf@two.example"]
    );
}

#[test]
fn a_bad_second_address_is_named_beneath_the_field_and_nothing_is_saved() {
    let mut app = sample_app();
    new_customer(&mut app, "C003", "Half Right Ltd");
    form_message(
        &mut app,
        form::Message::Email("ar@half.example; billing-at-half".into()),
    );
    let problem = open_form(&app)
        .draft()
        .unwrap_err()
        .email
        .expect("a problem");
    assert_eq!(problem, "'billing-at-half' is not an email address");
    assert!(
        iced_test::simulator(app.view())
            .find(problem.as_str())
            .is_ok(),
        "shown beneath the field"
    );
    form_message(&mut app, form::Message::Save);
    assert!(screen(&app).is_form_open(), "not saved");
    let store = app.open_book().unwrap().book.store();
    assert!(store.customer("C003").is_err(), "nothing written");
    // Eleven addresses are too many, said as such rather than as one bad address.
    let eleven: Vec<String> = (0..11).map(|i| format!("a{i}@half.example")).collect();
    form_message(&mut app, form::Message::Email(eleven.join(", ")));
    let problem = open_form(&app).draft().unwrap_err().email.unwrap();
    assert!(problem.contains("more than 10 addresses"), "{problem}");
}

#[test]
fn wanting_email_without_an_address_is_a_quiet_note_not_a_problem() {
    use crate::domain::email::SendBy;
    let mut app = sample_app();
    new_customer(&mut app, "C003", "No Mail Yet Ltd");
    let note = "No billing email yet: they are printed until one is given";
    let says =
        |app: &crate::ui::App, text: &str| iced_test::simulator(app.view()).find(text).is_ok();
    assert!(open_form(&app).printed_until_an_address());
    assert!(says(&app, note), "Email chosen, no address");
    assert!(open_form(&app).draft().is_ok(), "a note, not a problem");
    form_message(&mut app, form::Message::SendBy(SendBy::Both));
    assert!(says(&app, note), "Both chosen, no address");
    form_message(&mut app, form::Message::SendBy(SendBy::Post));
    assert!(!says(&app, note), "Post needs no address");
    assert!(says(&app, "Printed for the post, never emailed"));
    form_message(&mut app, form::Message::SendBy(SendBy::Email));
    form_message(&mut app, form::Message::Email("ar@nomail.example".into()));
    assert!(!says(&app, note), "an address given");
    // Separators alone are no address.
    form_message(&mut app, form::Message::Email(" , ;".into()));
    assert!(open_form(&app).printed_until_an_address());
}

#[test]
fn the_choice_and_a_bad_address_are_said_in_chinese() {
    use crate::domain::customer::CustomerError;
    use crate::i18n::{Language, loader_for};
    use crate::ui::errors::Described;
    let loader = loader_for(Language::SimplifiedChinese);
    let said = [
        i18n_embed_fl::fl!(loader, "billing-email"),
        i18n_embed_fl::fl!(loader, "send-by-email"),
        i18n_embed_fl::fl!(loader, "send-by-post"),
        i18n_embed_fl::fl!(loader, "send-by-both"),
    ];
    assert_eq!(said, ["账单邮箱", "电子邮件", "邮寄", "两者都要"]);
    let line = i18n_embed_fl::fl!(loader, "send-by-line-email", addresses = "a@x.com, b@y.com");
    assert_eq!(line, "对账单与催款函：电子邮件（a@x.com, b@y.com）");
    let bad = CustomerError::BadEmail("billing-at-half".into()).described_in(&loader);
    assert!(
        bad.contains("billing-at-half") && bad.contains("电子邮件地址"),
        "{bad}"
    );
}

#[test]
fn the_billing_email_keeps_the_keyboard_when_its_problem_appears() {
    // "a", the first key of "ar@example.com", is not an address yet: the problem shows
    // beneath the field on the next frame, and the field must still have the focus for
    // the rest of the address to go in.
    use iced::advanced::renderer::Headless;
    use iced::advanced::widget::operation::{self, Operation, Outcome, focusable};
    use iced_test::runtime::user_interface::{Cache, UserInterface};
    let mut app = sample_app();
    let currency = app.open_book().unwrap().book.currency().clone();
    let mut form = form::Form::new(&currency);
    let book = &mut app.open_book_mut().unwrap().book;
    let size = iced::Size::new(1024.0, 700.0);
    let mut renderer = iced::futures::executor::block_on(iced::Renderer::new(
        iced::Font::DEFAULT,
        14.into(),
        std::env::var("ICED_TEST_BACKEND").ok().as_deref(),
    ))
    .expect("a headless renderer");
    let mut ui = UserInterface::build(form.view(book), size, Cache::default(), &mut renderer);
    let mut focus = focusable::focus::<()>(Id::new("customer-email"));
    ui.operate(&renderer, &mut operation::black_box(&mut focus));
    let cache = ui.into_cache();
    let _ = form.update(form::Message::Email("a".into()), book);
    let mut ui = UserInterface::build(form.view(book), size, cache, &mut renderer);
    assert!(
        iced_test::simulator(form.view(book))
            .find("'a' is not an email address")
            .is_ok(),
        "the problem shows"
    );
    let mut focused = focusable::find_focused();
    ui.operate(&renderer, &mut operation::black_box(&mut focused));
    match focused.finish() {
        Outcome::Some(id) => assert_eq!(id, Id::new("customer-email")),
        _ => panic!("the billing email lost the focus"),
    }
}
