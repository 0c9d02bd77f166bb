//! Early-payment discounts on the ledger screen: the open item says what settles it and
//! by when while the discount can be taken, the payment form previews the discount, and
//! posting and voiding say what happened to it.

use iced_test::simulator;

use super::{credit, ledger, open_ledger};
use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::domain::terms::Plan;
use crate::store::NewDebit;
use crate::ui::ledger::{FormKind, Message, void};
use crate::ui::testing::{TODAY, date, sample_store, send, settle};
use crate::ui::{App, Message as AppMessage};

/// The sample book plus C005 with INV-5 of 1,000.00 on 2/10 net 30, dated three days
/// before today (so its discount can be taken until 2026-11-30), and INV-6 on the same
/// terms dated a month before (its window closed).
fn app_with_discount_terms() -> App {
    let mut store = sample_store();
    store
        .add_customer(&CustomerDraft {
            code: "C005".into(),
            name: "Early Bird Ltd".into(),
            ..Default::default()
        })
        .unwrap();
    for (number, day) in [("INV-6", "2026-10-20"), ("INV-5", "2026-11-20")] {
        store
            .post_debit(&NewDebit {
                customer: "C005".into(),
                kind: DocKind::Invoice,
                number: Some(number.into()),
                date: date(day),
                amount: store.currency().parse("1000.00").unwrap(),
                terms: Some("2/10 net 30".parse().unwrap()),
                due: None,
                plan: Plan::Single,
                reference: None,
                memo: None,
            })
            .unwrap();
    }
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    app
}

#[test]
fn an_open_item_shows_its_discount_while_it_can_be_taken() {
    let mut app = app_with_discount_terms();
    open_ledger(&mut app, "C005");
    let data = ledger(&app).data().unwrap();
    let offer = data
        .discounts
        .get("INV-5")
        .expect("INV-5's discount stands");
    assert_eq!(offer.last_day, date("2026-11-30"));
    assert_eq!(offer.amount.to_string(), "20.00");
    assert!(
        !data.discounts.contains_key("INV-6"),
        "INV-6's window closed"
    );
    let mut ui = simulator(app.view());
    ui.find("pay 980.00 by 2026-11-30: 2% discount of 20.00")
        .expect("the discount beside INV-5");
}

#[test]
fn a_payment_previews_posts_and_voids_with_its_discount() {
    let mut app = app_with_discount_terms();
    open_ledger(&mut app, "C005");
    send(
        &mut app,
        AppMessage::Ledger(Message::Show(FormKind::Payment)),
    );
    credit(&mut app, credit::Message::Amount("980.00".into()));
    // Oldest first would put it on INV-6; the user puts it on INV-5 (the second line).
    credit(&mut app, credit::Message::Invoice(0, "0".into()));
    credit(&mut app, credit::Message::Invoice(1, "980.00".into()));
    {
        let mut ui = simulator(app.view());
        ui.find(
            "Applies 980.00; 0.00 left as unapplied credit. Earns a discount of 20.00 on INV-5.",
        )
        .expect("the preview names the discount");
    }
    credit(&mut app, credit::Message::Save);
    let notice = ledger(&app).notice().unwrap().to_string();
    assert!(
        notice.contains("Discount DISC-000001 of 20.00 taken on INV-5 (2/10 net 30)."),
        "{notice}"
    );
    let data = ledger(&app).data().unwrap();
    assert!(
        data.items.iter().all(|i| i.number != "INV-5"),
        "INV-5 settled"
    );
    assert!(
        data.lines
            .iter()
            .any(|l| l.kind == DocKind::Discount && l.credit == "20.00")
    );
    // Voiding the payment voids the discount too, and says so.
    let payment = data
        .lines
        .iter()
        .position(|l| l.kind == DocKind::Payment)
        .unwrap();
    send(&mut app, AppMessage::Ledger(Message::Select(payment)));
    send(&mut app, AppMessage::Ledger(Message::Show(FormKind::Void)));
    for message in [
        void::Message::Reason("bounced".into()),
        void::Message::Ask,
        void::Message::Confirm,
    ] {
        send(&mut app, AppMessage::Ledger(Message::Void(message)));
    }
    let notice = ledger(&app).notice().unwrap_or_default().to_string();
    assert!(
        notice.contains("Its discount DISC-000001 is void too."),
        "{notice}"
    );
    let data = ledger(&app).data().unwrap();
    assert_eq!(data.balance.to_string(), "2000.00");
}
