//! Risk scores through the library: the kind of customer worked by hand, the
//! whole-book and one-customer paths agreeing on every customer of a demo book, nothing
//! dated after the as-of date counting, the credit record's highest balance and
//! suggestion, and a risen band warned of until acknowledged (and audited).

use chrono::NaiveDate;
use owed::demo::{self, DemoOptions};
use owed::domain::allocation::Apply;
use owed::domain::customer::{CustomerDraft, Tier};
use owed::domain::document::DocKind;
use owed::domain::note::{Channel, Direction, NoteDraft, Promise};
use owed::domain::risk::Band;
use owed::domain::terms::{Plan, Terms};
use owed::report::risk::{credit_record, customer_risk, risen, risks};
use owed::store::{AuditAction, AuditFilter, BookSettings, Store};

use crate::common::helpers::{credit, d, invoice, m};

fn net30(store: &mut Store, number: &str, date: &str, amount: &str) {
    let amount = m(store, amount);
    store
        .post_debit(&invoice(
            "C1",
            number,
            date,
            amount,
            Terms::Net(30),
            Plan::Single,
        ))
        .unwrap();
}

fn pay(store: &mut Store, number: &str, date: &str, amount: &str, to: &str) {
    let amount = m(store, amount);
    store
        .post_credit(&credit(
            "C1",
            DocKind::Payment,
            number,
            date,
            amount,
            Apply::Explicit(vec![(to.into(), None)]),
        ))
        .unwrap();
}

/// C1, limit 2,000.00: INV-1 1,000.00 on 2026-01-01 paid 30 days late on 2026-03-02;
/// INV-2 1,000.00 on 2026-02-01 and INV-3 500.00 on 2026-04-01, both open; a promise of
/// 300.00 for 2026-04-20 logged on 2026-04-05 and not kept.
fn late_payer() -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let limit = m(&store, "2000.00");
    store
        .add_customer(&CustomerDraft {
            code: "C1".into(),
            name: "Late Payer Ltd".into(),
            credit_limit: Some(limit),
            tier: Some(Tier::B),
            ..Default::default()
        })
        .unwrap();
    net30(&mut store, "INV-1", "2026-01-01", "1000.00");
    net30(&mut store, "INV-2", "2026-02-01", "1000.00");
    pay(&mut store, "PAY-1", "2026-03-02", "1000.00", "INV-1");
    net30(&mut store, "INV-3", "2026-04-01", "500.00");
    let promise = NoteDraft {
        customer_code: "C1".into(),
        invoice_number: None,
        channel: Channel::Call,
        direction: Direction::In,
        summary: "will pay 300 on the 20th".into(),
        outcome: None,
        promise: Some(Promise::single(d("2026-04-20"), m(&store, "300.00"))),
        follow_up: None,
    };
    store
        .batch(|b| b.add_note(&promise, "2026-04-05T10:00:00+00:00"))
        .unwrap();
    store
}

#[test]
fn a_late_payer_scores_each_part_as_worked_by_hand() {
    let store = late_payer();
    // 30 days late: 15 points; one broken promise: 10; 1,500.00 of 2,000.00 is 75 % of
    // the limit: (75 − 50) / 50 × 20 = 10; INV-2 (due 2026-03-03) is 68 days past due,
    // 1,000.00 of 1,500.00 open = 66.7 %: 20 points. 55: high.
    let all = risks(&store, d("2026-05-10")).unwrap();
    let c1 = &all[0];
    assert_eq!(c1.risk.score, 55);
    assert_eq!(c1.risk.band, Band::High);
    assert_eq!(
        c1.risk.explained(),
        "67 % of its balance over 60 days; pays 30 days late on average; \
         1 broken promise in 6 months; 75 % of limit used"
    );
    assert_eq!(c1.suggested_tier, Tier::C);
    assert_eq!(customer_risk(&store, "C1", d("2026-05-10")).unwrap(), *c1);

    // On 2026-04-10 the promise was not yet due and INV-2 only 38 days late: 15 for
    // paying late, 10 for the limit (1,500.00).
    let earlier = customer_risk(&store, "C1", d("2026-04-10")).unwrap();
    assert_eq!(earlier.risk.score, 25);
    assert_eq!(earlier, risks(&store, d("2026-04-10")).unwrap()[0]);
}

#[test]
fn nothing_dated_after_the_as_of_date_counts() {
    let mut store = late_payer();
    let before = risks(&store, d("2026-05-10")).unwrap();
    let one = customer_risk(&store, "C1", d("2026-05-10")).unwrap();
    let record = credit_record(&store, "C1", d("2026-05-10"), |_| None).unwrap();
    pay(&mut store, "PAY-2", "2026-05-20", "1000.00", "INV-2");
    net30(&mut store, "INV-4", "2026-05-21", "400.00");
    assert_eq!(risks(&store, d("2026-05-10")).unwrap(), before);
    assert_eq!(customer_risk(&store, "C1", d("2026-05-10")).unwrap(), one);
    assert_eq!(
        credit_record(&store, "C1", d("2026-05-10"), |_| None).unwrap(),
        record
    );
    // And as of a later day the payment counts: INV-2 paid 78 days late.
    let later = customer_risk(&store, "C1", d("2026-05-25")).unwrap();
    assert_ne!(later.risk, one.risk);
    assert_eq!(later, risks(&store, d("2026-05-25")).unwrap()[0]);
}

#[test]
fn the_credit_record_shows_the_highest_balance_and_suggests_by_it() {
    let store = late_payer();
    let record = credit_record(&store, "C1", d("2026-05-10"), |_| None).unwrap();
    // 2,000.00 owed from 2026-02-01 until the payment of 2026-03-02.
    assert_eq!(record.highest_balance, m(&store, "2000.00"));
    assert_eq!(record.balance, m(&store, "1500.00"));
    assert_eq!(record.overdue, m(&store, "1500.00")); // INV-3 fell due on 2026-05-01
    assert_eq!(record.promises, (0, 1));
    assert_eq!(record.risk.score, 55);
    assert_eq!(record.suggestion.tier, Tier::C);
    assert_eq!(record.suggestion.limit, Some(m(&store, "2000.00")));
    let currency = store.currency();
    let reasons: Vec<String> = record
        .suggestion
        .reasons
        .iter()
        .map(|r| r.describe(currency))
        .collect();
    assert_eq!(
        reasons,
        [
            "high risk: tier C",
            "limit 1 × the highest balance in 12 months (2,000.00), rounded up: 2,000.00"
        ]
    );
}

#[test]
fn a_risen_band_is_warned_of_until_acknowledged_and_the_acknowledgement_is_audited() {
    let mut store = late_payer();
    let now = risks(&store, d("2026-05-10")).unwrap();
    let warned = risen(&store, &now).unwrap();
    assert_eq!(warned.len(), 1);
    assert_eq!(warned[0].1, None);
    store.acknowledge_risk("C1", Band::High, 55).unwrap();
    assert!(risen(&store, &now).unwrap().is_empty());
    // Seen at medium, it warns again at high.
    store.acknowledge_risk("C1", Band::Medium, 30).unwrap();
    assert_eq!(risen(&store, &now).unwrap()[0].1, Some(Band::Medium));
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    let acks: Vec<_> = log
        .iter()
        .filter(|e| e.action == AuditAction::RiskSeen)
        .collect();
    assert_eq!(acks.len(), 2);
    assert_eq!(acks[1].old.as_deref(), Some("high (55)"));
    assert_eq!(acks[1].new.as_deref(), Some("medium (30)"));
    assert_eq!(acks[1].customer.as_deref(), Some("C1"));
}

#[test]
fn both_paths_agree_on_every_customer_of_a_demo_book() {
    let today: NaiveDate = d("2026-11-23");
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let options = DemoOptions {
        customers: 40,
        invoices: 1200,
        seed: 5,
        today,
    };
    demo::generate(&mut store, &options, &mut |_, _| {}).unwrap();
    let mut scored = 0;
    for as_of in [today, d("2026-07-31"), d("2026-02-28")] {
        for whole in risks(&store, as_of).unwrap() {
            let own = customer_risk(&store, &whole.code, as_of).unwrap();
            assert_eq!(own, whole, "{} as of {as_of}", whole.code);
            scored += usize::from(whole.risk.score > 0);
        }
    }
    assert!(scored > 20, "the demo's late payers score: {scored}");
}
