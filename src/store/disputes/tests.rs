use super::*;
use crate::domain::customer::CustomerDraft;
use crate::domain::terms::{Plan, Terms};
use crate::store::{AuditFilter, BookSettings, NewDebit, NoteFilter};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// C1 with INV-1 (1000.00 in two installments of 500.00) and INV-2 (300.00).
fn book() -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    store
        .add_customer(&CustomerDraft {
            code: "C1".into(),
            name: "Acme Ltd".into(),
            ..Default::default()
        })
        .unwrap();
    for (number, amount, plan) in [
        ("INV-1", "1000", Plan::Installments(2)),
        ("INV-2", "300", Plan::Single),
    ] {
        store
            .post_debit(&NewDebit {
                customer: "C1".into(),
                kind: DocKind::Invoice,
                number: Some(number.into()),
                date: d("2026-01-01"),
                amount: store.currency().parse(amount).unwrap(),
                terms: Some("net 30".parse::<Terms>().unwrap()),
                due: None,
                plan,
                reference: None,
                memo: None,
            })
            .unwrap();
    }
    store
}

fn money(store: &Store, text: &str) -> Money {
    store.currency().parse(text).unwrap()
}

fn open_of(store: &Store, number: &str, seq: u32) -> Money {
    let customer = store.customer("C1").unwrap();
    store
        .open_items_now(customer.id)
        .unwrap()
        .into_iter()
        .find(|i| i.number == number && i.seq == seq)
        .map_or(Money::ZERO, |i| i.open)
}

fn dispute(invoice: &str, item: Option<u32>, reason: &str) -> NewDispute {
    NewDispute {
        invoice: invoice.into(),
        item,
        reason: reason.into(),
    }
}

#[test]
fn opening_a_dispute_marks_its_items_and_writes_a_note_and_an_audit_row() {
    let mut store = book();
    let opened = store
        .open_dispute(&dispute("inv-1", Some(2), "goods damaged"))
        .unwrap();
    assert_eq!(opened.customer, "C1");
    assert_eq!(opened.invoice, "INV-1");
    assert_eq!(opened.item, Some(2));
    assert!(opened.is_open());
    let marked = store.disputed_items().unwrap();
    assert_eq!(marked, DisputedItems::from([("INV-1".to_string(), 2)]));
    let notes = store.notes(&NoteFilter::default()).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].channel, Channel::Other);
    assert_eq!(notes[0].invoice.as_deref(), Some("INV-1"));
    assert!(
        notes[0].summary.contains("goods damaged"),
        "{}",
        notes[0].summary
    );
    let audit = store.audit_log(&AuditFilter::default()).unwrap();
    let last = audit.last().unwrap();
    assert_eq!(last.action, AuditAction::Dispute);
    assert_eq!(last.reason.as_deref(), Some("goods damaged"));

    // A whole-invoice dispute marks every installment.
    store
        .open_dispute(&dispute("INV-2", None, "never ordered"))
        .unwrap();
    assert_eq!(store.disputed_items().unwrap().len(), 2);
    assert_eq!(store.disputes(true).unwrap().len(), 2);
}

#[test]
fn unknown_paid_or_already_disputed_items_are_refused_and_nothing_is_written() {
    let mut store = book();
    assert!(matches!(
        store.open_dispute(&dispute("INV-9", None, "x")),
        Err(StoreError::UnknownDocument(_))
    ));
    let no_item = store
        .open_dispute(&dispute("INV-1", Some(3), "x"))
        .unwrap_err();
    assert!(
        no_item.to_string().contains("no installment 3"),
        "{no_item}"
    );
    let blank = store
        .open_dispute(&dispute("INV-1", None, "  "))
        .unwrap_err();
    assert!(blank.to_string().contains("reason"), "{blank}");

    store
        .open_dispute(&dispute("INV-1", Some(1), "wrong price"))
        .unwrap();
    for clash in [Some(1), None] {
        let error = store
            .open_dispute(&dispute("INV-1", clash, "again"))
            .unwrap_err();
        assert!(
            error.to_string().contains("already in open dispute 1"),
            "{error}"
        );
    }
    // The other installment is free to dispute.
    store
        .open_dispute(&dispute("INV-1", Some(2), "late"))
        .unwrap();

    let payment = store
        .post_credit(&NewCredit {
            customer: "C1".into(),
            kind: DocKind::Payment,
            number: None,
            date: d("2026-02-01"),
            amount: money(&store, "300"),
            reference: None,
            memo: None,
            apply: Apply::Explicit(vec![("INV-2".into(), None)]),
        })
        .unwrap();
    let paid = store
        .open_dispute(&dispute("INV-2", None, "x"))
        .unwrap_err();
    assert!(paid.to_string().contains("nothing open"), "{paid}");
    let not_billed = store
        .open_dispute(&dispute(&payment.number, None, "x"))
        .unwrap_err();
    assert!(
        not_billed.to_string().contains("only an invoice or a fee"),
        "{not_billed}"
    );
    assert_eq!(store.disputes(false).unwrap().len(), 2);
    // Two disputes, two notes: the refusals wrote nothing.
    assert_eq!(store.notes(&NoteFilter::default()).unwrap().len(), 2);
}

#[test]
fn resolving_with_a_credit_posts_a_credit_note_on_the_disputed_item_and_the_book_checks_clean() {
    let mut store = book();
    let id = store
        .open_dispute(&dispute("INV-1", Some(2), "short delivery"))
        .unwrap()
        .id;
    let resolved = store
        .resolve_dispute(&Resolution {
            id,
            outcome: "customer right, 200 off".into(),
            credit: Some(money(&store, "200")),
            date: d("2026-02-10"),
        })
        .unwrap();
    assert!(!resolved.is_open());
    assert_eq!(resolved.outcome.as_deref(), Some("customer right, 200 off"));
    let (number, amount) = resolved.credit.clone().unwrap();
    assert_eq!(amount, money(&store, "200"));
    // Exactly the disputed installment is reduced, not the oldest one.
    assert_eq!(open_of(&store, "INV-1", 2), money(&store, "300"));
    assert_eq!(open_of(&store, "INV-1", 1), money(&store, "500"));
    assert!(store.disputed_items().unwrap().is_empty());
    assert!(store.disputes(true).unwrap().is_empty());
    assert_eq!(store.check(d("2026-12-31")).unwrap(), vec![]);
    let notes = store.notes(&NoteFilter::default()).unwrap();
    assert_eq!(notes.len(), 2);
    assert!(notes[0].summary.contains(&number), "{}", notes[0].summary);

    // Resolved once, never again.
    let again = store
        .resolve_dispute(&Resolution {
            id,
            outcome: "changed my mind".into(),
            credit: None,
            date: d("2026-02-11"),
        })
        .unwrap_err();
    assert!(again.to_string().contains("already resolved"), "{again}");
    assert!(matches!(
        store.resolve_dispute(&Resolution {
            id: 99,
            outcome: "x".into(),
            credit: None,
            date: d("2026-02-11"),
        }),
        Err(StoreError::UnknownDispute(99))
    ));
}

#[test]
fn a_credit_larger_than_the_disputed_items_is_refused_with_nothing_posted() {
    let mut store = book();
    let id = store.open_dispute(&dispute("INV-2", None, "x")).unwrap().id;
    let error = store
        .resolve_dispute(&Resolution {
            id,
            outcome: "agreed".into(),
            credit: Some(money(&store, "300.01")),
            date: d("2026-02-10"),
        })
        .unwrap_err();
    assert!(error.to_string().contains("more than the"), "{error}");
    assert!(store.dispute(id).unwrap().is_open());
    assert_eq!(open_of(&store, "INV-2", 1), money(&store, "300"));
    // Without a credit it just closes.
    let closed = store
        .resolve_dispute(&Resolution {
            id,
            outcome: "customer paid after all".into(),
            credit: None,
            date: d("2026-02-10"),
        })
        .unwrap();
    assert_eq!(closed.credit, None);
    assert_eq!(open_of(&store, "INV-2", 1), money(&store, "300"));
}

#[test]
fn the_triggers_keep_a_resolved_dispute_and_the_pauses_as_they_were() {
    let mut store = book();
    let id = store.open_dispute(&dispute("INV-2", None, "x")).unwrap().id;
    // An open dispute may not be edited other than to resolve it.
    assert!(
        store
            .conn
            .execute("UPDATE disputes SET reason = 'y' WHERE id = ?1", [id])
            .is_err()
    );
    store
        .resolve_dispute(&Resolution {
            id,
            outcome: "done".into(),
            credit: None,
            date: d("2026-02-10"),
        })
        .unwrap();
    assert!(
        store
            .conn
            .execute("UPDATE disputes SET outcome = 'other' WHERE id = ?1", [id])
            .is_err()
    );
    assert!(store.conn.execute("DELETE FROM disputes", []).is_err());
    store
        .pause_customer("C1", d("2026-03-01"), "on holiday")
        .unwrap();
    assert!(
        store
            .conn
            .execute("UPDATE customer_pauses SET until = NULL", [])
            .is_err()
    );
}

#[test]
fn the_latest_pause_counts_and_a_resume_ends_it_each_audited() {
    let mut store = book();
    assert!(store.customer_pauses().unwrap().is_empty());
    store
        .pause_customer("c1", d("2026-03-01"), "owner in hospital")
        .unwrap();
    store
        .pause_customer("C1", d("2026-04-01"), "extended")
        .unwrap();
    let pauses = store.customer_pauses().unwrap();
    assert_eq!(pauses["C1"].until, d("2026-04-01"));
    assert_eq!(pauses["C1"].reason, "extended");
    store.resume_customer("C1").unwrap();
    assert!(store.customer_pauses().unwrap().is_empty());
    assert!(store.pause_customer("C1", d("2026-03-01"), " ").is_err());
    assert!(matches!(
        store.pause_customer("NOPE", d("2026-03-01"), "x"),
        Err(StoreError::UnknownCustomer(_))
    ));
    let audit: Vec<_> = store
        .audit_log(&AuditFilter::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.action == AuditAction::Pause)
        .map(|e| (e.old, e.new))
        .collect();
    assert_eq!(
        audit,
        vec![
            (None, Some("2026-03-01".to_string())),
            (
                Some("2026-03-01".to_string()),
                Some("2026-04-01".to_string())
            ),
            (Some("2026-04-01".to_string()), None),
        ]
    );
}
