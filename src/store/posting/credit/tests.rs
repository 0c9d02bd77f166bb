use chrono::NaiveDate;

use crate::domain::allocation::Apply;
use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::domain::terms::Plan;
use crate::store::{
    AuditAction, AuditFilter, BookSettings, CustomerUpdate, NewCredit, NewDebit, Store, StoreError,
    VoidRequest,
};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A book with C001 Acme Ltd, its credit limit 5,000.00 (none with `None`).
fn book(limit: Option<&str>) -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let credit_limit = limit.map(|l| store.currency().parse(l).unwrap());
    store
        .add_customer(&CustomerDraft {
            code: "C001".into(),
            name: "Acme Ltd".into(),
            credit_limit,
            ..Default::default()
        })
        .unwrap();
    store
}

fn debit(store: &Store, kind: DocKind, number: &str, amount: &str) -> NewDebit {
    NewDebit {
        customer: "C001".into(),
        kind,
        number: Some(number.into()),
        date: date("2026-11-02"),
        amount: store.currency().parse(amount).unwrap(),
        terms: None,
        due: None,
        plan: Plan::Single,
        reference: None,
        memo: None,
    }
}

fn invoice(store: &Store, number: &str, amount: &str) -> NewDebit {
    debit(store, DocKind::Invoice, number, amount)
}

fn hold(store: &mut Store) {
    store
        .update_customer(
            "C001",
            &CustomerUpdate {
                on_hold: Some(true),
                reason: Some("cheque bounced".into()),
                ..Default::default()
            },
        )
        .unwrap();
}

fn documents(store: &Store) -> i64 {
    store.counts().unwrap().1
}

fn overrides(store: &Store) -> Vec<(String, String, String, String)> {
    store
        .audit_log(&AuditFilter::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.action == AuditAction::Override)
        .map(|e| {
            (
                e.customer.unwrap_or_default(),
                e.field.unwrap_or_default(),
                e.new.unwrap_or_default(),
                e.reason.unwrap_or_default(),
            )
        })
        .collect()
}

fn refusal(result: crate::store::Result<crate::store::Posted>) -> super::CreditRefusal {
    match result {
        Err(StoreError::CreditRefused(refusal)) => *refusal,
        other => panic!("expected a credit refusal, got {other:?}"),
    }
}

#[test]
fn an_invoice_or_fee_for_a_customer_on_hold_is_refused_and_nothing_is_written() {
    let mut store = book(None);
    hold(&mut store);
    let audit_before = store.audit_log(&AuditFilter::default()).unwrap().len();
    let new = invoice(&store, "INV-1", "100");
    let refused = refusal(store.post_debit(&new));
    assert!(refused.on_hold);
    assert_eq!(refused.over_limit, None);
    assert_eq!(
        refused.message,
        "C001 Acme Ltd is on hold: this invoice of 100.00 was not posted; post it with --override REASON"
    );
    let fee = debit(&store, DocKind::Fee, "FEE-1", "25");
    let refused = refusal(store.post_debit(&fee));
    assert!(
        refused.message.contains("this fee of 25.00"),
        "{}",
        refused.message
    );
    assert_eq!(documents(&store), 0, "nothing posted");
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        audit_before,
        "nothing audited"
    );
}

#[test]
fn over_the_limit_is_refused_with_the_limit_the_balance_and_how_far_over() {
    let mut store = book(Some("5000"));
    store.post_debit(&invoice(&store, "INV-1", "4200")).unwrap();
    let refused = refusal(store.post_debit(&invoice(&store, "INV-2", "1000")));
    assert_eq!(
        refused.message,
        "C001 Acme Ltd is over its credit limit: limit 5,000.00, balance 4,200.00, this invoice 1,000.00 would take it 200.00 over; post it with --override REASON"
    );
    let over = refused.over_limit.unwrap();
    assert_eq!(
        (over.balance.to_string(), over.over.to_string()),
        ("4200.00".into(), "200.00".into())
    );
    assert_eq!(documents(&store), 1, "only INV-1");
}

#[test]
fn exactly_at_the_limit_is_allowed_and_one_cent_more_is_not() {
    let mut store = book(Some("5000"));
    store.post_debit(&invoice(&store, "INV-1", "4200")).unwrap();
    let posted = store.post_debit(&invoice(&store, "INV-2", "800")).unwrap();
    assert!(posted.warnings.is_empty(), "{:?}", posted.warnings);
    let refused = refusal(store.post_debit(&invoice(&store, "INV-3", "0.01")));
    assert_eq!(refused.over_limit.unwrap().over.to_string(), "0.01");
}

#[test]
fn unapplied_credit_counts_against_the_balance() {
    let mut store = book(Some("5000"));
    store.post_debit(&invoice(&store, "INV-1", "4200")).unwrap();
    let amount = store.currency().parse("1000").unwrap();
    store
        .post_credit(&NewCredit {
            customer: "C001".into(),
            kind: DocKind::Payment,
            number: Some("PAY-1".into()),
            date: date("2026-11-02"),
            amount,
            reference: None,
            memo: None,
            apply: Apply::Unapplied,
        })
        .unwrap();
    // Open 4,200.00 less 1,000.00 unapplied: 3,200.00, so 1,800.00 more is the limit.
    let refused = refusal(store.post_debit(&invoice(&store, "INV-2", "1800.01")));
    assert_eq!(refused.over_limit.unwrap().balance.to_string(), "3200.00");
    store
        .post_debit(&invoice(&store, "INV-2", "1800"))
        .expect("the unapplied credit brings it within the limit");
}

#[test]
fn credits_and_voids_are_never_refused() {
    let mut store = book(Some("100"));
    store
        .post_debit_overriding(&invoice(&store, "INV-1", "500"), Some("agreed"))
        .unwrap();
    hold(&mut store);
    for (kind, number) in [
        (DocKind::Payment, "PAY-1"),
        (DocKind::Credit, "CN-1"),
        (DocKind::WriteOff, "WO-1"),
    ] {
        let amount = store.currency().parse("50").unwrap();
        store
            .post_credit(&NewCredit {
                customer: "C001".into(),
                kind,
                number: Some(number.into()),
                date: date("2026-11-03"),
                amount,
                reference: None,
                memo: None,
                apply: Apply::OldestFirst,
            })
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
    }
    store
        .void(&VoidRequest {
            number: "PAY-1".into(),
            date: Some(date("2026-11-04")),
            reason: Some("bounced".into()),
        })
        .expect("a void of a payment raises the balance but is never refused");
}

#[test]
fn an_override_posts_and_records_each_rule_with_its_reason() {
    let mut store = book(Some("5000"));
    store.post_debit(&invoice(&store, "INV-1", "4200")).unwrap();
    hold(&mut store);
    let posted = store
        .post_debit_overriding(
            &invoice(&store, "INV-2", "1000"),
            Some("  director approved  "),
        )
        .unwrap();
    assert_eq!(posted.number, "INV-2");
    assert_eq!(posted.warnings.len(), 1, "{:?}", posted.warnings);
    assert_eq!(documents(&store), 2);
    let s = |t: &str| t.to_string();
    assert_eq!(
        overrides(&store),
        [
            (
                s("C001"),
                s("on_hold"),
                s("INV-2 posted while on hold"),
                s("director approved")
            ),
            (
                s("C001"),
                s("credit_limit"),
                s(
                    "INV-2 1000.00 posted over the limit: balance 4200.00 would be 5200.00, 200.00 over"
                ),
                s("director approved")
            ),
        ]
    );
}

#[test]
fn an_override_that_overrides_nothing_records_nothing() {
    let mut store = book(Some("5000"));
    let posted = store
        .post_debit_overriding(&invoice(&store, "INV-1", "100"), Some("just in case"))
        .unwrap();
    assert!(posted.warnings.is_empty());
    assert!(overrides(&store).is_empty());
}

#[test]
fn a_blank_or_hidden_character_reason_is_refused_and_nothing_is_posted() {
    let mut store = book(None);
    hold(&mut store);
    for reason in ["   ", "ok\u{202E}"] {
        let error = store
            .post_debit_overriding(&invoice(&store, "INV-1", "100"), Some(reason))
            .unwrap_err();
        assert!(matches!(error, StoreError::Text(_)), "{reason:?}: {error}");
    }
    assert_eq!(documents(&store), 0);
}

#[test]
fn when_the_override_cannot_be_recorded_the_document_is_not_posted_either() {
    let mut store = book(None);
    hold(&mut store);
    // The audit insert fails after the document's rows are written: one transaction,
    // so none of them stay.
    store
        .conn
        .execute_batch(
            "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log
             BEGIN SELECT RAISE(ABORT, 'audit refused'); END;",
        )
        .unwrap();
    let error = store
        .post_debit_overriding(&invoice(&store, "INV-1", "100"), Some("approved"))
        .unwrap_err();
    assert!(error.to_string().contains("audit refused"), "{error}");
    assert_eq!(documents(&store), 0);
    let items: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM items", [], |r| r.get(0))
        .unwrap();
    assert_eq!(items, 0);
    store
        .conn
        .execute_batch("DROP TRIGGER refuse_audit")
        .unwrap();
    store
        .post_debit_overriding(&invoice(&store, "INV-1", "100"), Some("approved"))
        .unwrap();
    assert_eq!(documents(&store), 1);
    assert_eq!(overrides(&store).len(), 1);
}
