//! A risen risk on the Today screen: listed under its own heading with the reasons in
//! words, acknowledged with K (nothing to confirm; audited) and gone until it rises
//! again; O opens its ledger.

use super::*;
use crate::domain::risk::Band;
use crate::store::{AuditAction, AuditFilter};
use crate::ui::testing::risky_app;

/// Selects the first row of the risk group.
fn select_risk_row(app: &mut App) {
    let line = screen(app)
        .lines
        .iter()
        .position(|l| {
            matches!(
                l,
                Line::Group {
                    kind: WorkKind::Risk,
                    ..
                }
            )
        })
        .expect("a risk group");
    send(app, AppMessage::Today(Message::Select(line + 1)));
}

#[test]
fn a_risen_risk_is_listed_with_its_reasons_and_k_acknowledges_it() {
    let mut app = risky_app();
    assert!(kinds(&app).contains(&(WorkKind::Risk, "C003".into())));
    select_risk_row(&mut app);
    {
        let mut ui = Simulator::new(app.view());
        assert!(ui.find("Risk warnings").is_ok());
        assert!(
            ui.find(
                "risk rose to severe (80): pays 60 days late on average; \
                 100 % of its balance over 60 days; 100 % of limit used"
            )
            .is_ok()
        );
        // Its key is shown on the action button, as every other.
        assert!(ui.find("Acknowledge risk").is_ok());
        assert!(ui.find("Enter / K").is_ok());
    }

    letter(&mut app, "k");
    assert!(
        screen(&app)
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Acknowledged Risky Ltd's risk at severe (80)")),
        "{:?}",
        screen(&app).notice
    );
    assert!(!kinds(&app).contains(&(WorkKind::Risk, "C003".into())));
    let store = app.open_book().unwrap().book.store();
    let customer = store.customer("C003").unwrap();
    let seen = store.risk_seen().unwrap()[&customer.id];
    assert_eq!((seen.band, seen.score), (Band::Severe, 80));
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == AuditAction::RiskSeen && e.customer.as_deref() == Some("C003"))
    );
}

#[test]
fn o_opens_the_ledger_of_a_risk_row() {
    let mut app = risky_app();
    select_risk_row(&mut app);
    letter(&mut app, "o");
    let open = app.open_book().unwrap();
    assert_eq!(open.tab, Tab::Ledger);
    assert_eq!(open.ledger.customer_code().as_deref(), Some("C003"));
}

/// The row shown selected after an action and the reload that follows is the row that
/// took the done row's place, not whatever row the old list's index now points at in
/// the new list (the reload drops the done row, so later indices shift by one).
#[test]
fn after_k_and_the_reload_the_row_in_its_place_stays_selected() {
    let mut store = crate::ui::testing::risky_store();
    crate::ui::testing::add_risky(&mut store, "C004", "Smaller Risk Ltd", "100.00");
    let (mut app, task) = App::with_store(store, date(crate::ui::testing::TODAY));
    settle(&mut app, task);
    select_risk_row(&mut app);
    assert_eq!(screen(&app).selected_item().unwrap().customer, "C003");
    letter(&mut app, "k");
    let after = screen(&app)
        .selected_item()
        .map(|item| (item.kind, item.customer.clone()));
    assert_eq!(after, Some((WorkKind::Risk, "C004".to_string())));
}
