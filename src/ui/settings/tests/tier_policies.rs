//! Each tier's credit policy in the table beside the ladder per tier: shown with the
//! built-in values, typed into, refused with the tier and column named, saved with the
//! rest and audited, and emptied to "no default".

use super::*;

fn audited(app: &App, skip: usize) -> Vec<(String, Option<String>, Option<String>)> {
    store(app)
        .audit_log(&Default::default())
        .unwrap()
        .into_iter()
        .skip(skip)
        .map(|e| (e.field.unwrap_or_default(), e.old, e.new))
        .collect()
}

fn audited_count(app: &App) -> usize {
    store(app).audit_log(&Default::default()).unwrap().len()
}

#[test]
fn the_policy_table_shows_the_built_in_policies_beside_the_ladder_per_tier() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Settings));
    let draft = &screen(&app).draft;
    assert_eq!(draft.policy[0], ["net 30", "", ""].map(String::from));
    assert_eq!(draft.policy[2], ["net 14", "", "30"].map(String::from));
    let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 1800.0), app.view());
    for words in ["Ladder per tier", "Credit policy per tier", "Deposit %"] {
        assert!(ui.find(words).is_ok(), "'{words}' is on the screen");
    }
    assert!(!screen(&app).dirty());
}

#[test]
fn a_policy_typed_in_the_table_is_checked_saved_and_audited() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Settings));
    let before = audited_count(&app);

    // A deposit of 100 % and terms that do not read are refused at their cells.
    type_into(&mut app, TIER_POLICY[2][2], "100");
    type_into(&mut app, TIER_POLICY[0][0], "fortnight");
    let found = problems(&app);
    let deposit = found.policy[2][2].clone().expect("the deposit is refused");
    assert!(deposit.starts_with("Tier C, Deposit %:"), "{deposit}");
    let terms = found.policy[0][0].clone().expect("the terms are refused");
    assert!(terms.starts_with("Tier A, Terms:"), "{terms}");
    assert!(!save_enabled(&app));
    settings(&mut app, Message::Save);
    assert_eq!(audited_count(&app), before, "nothing saved");

    type_into(&mut app, TIER_POLICY[2][2], "");
    type_into(&mut app, TIER_POLICY[0][0], "eom 10");
    type_into(&mut app, TIER_POLICY[1][1], "2,500");
    assert!(save_enabled(&app));
    click_label(&mut app, "Save");
    assert_eq!(screen(&app).notice.as_deref(), Some("Settings saved."));
    let policies = store(&app).tier_policies().unwrap();
    assert_eq!(
        policies[0].terms,
        Some(crate::domain::terms::Terms::EndOfMonth(10))
    );
    assert_eq!(
        policies[1].credit_limit,
        Some(store(&app).currency().parse("2500").unwrap())
    );
    assert_eq!(policies[2].deposit_pct, None, "emptied: no deposit");
    assert_eq!(
        audited(&app, before),
        vec![
            (
                "tier.A.terms".to_string(),
                Some("net 30".to_string()),
                Some("eom 10".to_string())
            ),
            (
                "tier.B.credit_limit".to_string(),
                None,
                Some("2500.00".to_string())
            ),
            (
                "tier.C.deposit_pct".to_string(),
                Some("30".to_string()),
                None
            ),
        ]
    );
    // Read back as saved.
    assert_eq!(screen(&app).draft.policy[1][1], "2500.00");
    assert!(!screen(&app).dirty());
}
