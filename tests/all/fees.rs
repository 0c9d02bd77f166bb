//! Late interest and fees by policy (`owed fees --due`): the issue's worked example on
//! the command line, the JSON's shape, dry runs, idempotency, voided fees, what is never
//! charged, tier overrides, the settings, and a property over random run sequences.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use owed::domain::allocation::Apply;
use owed::domain::customer::{CustomerDraft, Tier};
use owed::domain::document::DocKind;
use owed::domain::interest::{self, FeeItem, FeeRules};
use owed::domain::terms::{Plan, Terms};
use owed::domain::{Currency, Money};
use owed::store::{Access, AuditFilter, NewDispute, Store, VoidRequest, parse_fee_memo_line};
use proptest::prelude::*;
use serde_json::Value;

use crate::common::bin::{json, owed, run};
use crate::common::helpers::{book, credit, customer, d, invoice, m};

/// A book with ACME owing 1,000.00 due 2026-01-31 (net 30 from 2026-01-01), 12 % a year
/// with 10 days' grace: the issue's worked example.
fn example_book(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("fees.owed");
    owed(&path, &["init", "--currency", "EUR"]);
    owed(
        &path,
        &["customer", "add", "--code", "ACME", "--name", "Acme"],
    );
    owed(
        &path,
        &[
            "invoice",
            "add",
            "--customer",
            "ACME",
            "--number",
            "INV-1",
            "--date",
            "2026-01-01",
            "--amount",
            "1000.00",
            "--terms",
            "net 30",
        ],
    );
    owed(&path, &["settings", "set", "fee.annual_rate", "12"]);
    owed(&path, &["settings", "set", "fee.grace_days", "10"]);
    path
}

fn fees_json(path: &std::path::Path, date: &str, dry_run: bool) -> Value {
    let mut args = vec!["fees", "--due", "--date", date, "--format", "json"];
    if dry_run {
        args.push("--dry-run");
    }
    json(path, &args)
}

/// The standing (unvoided) fee documents of the book: (number, amount, memo).
fn standing_fees(path: &std::path::Path) -> Vec<(String, Money, String)> {
    let store = Store::open(path, Access::Read).unwrap();
    let mut out = Vec::new();
    store
        .documents(|doc| {
            if doc.kind == DocKind::Fee && doc.voided_by.is_none() {
                out.push((doc.number, doc.amount, doc.memo.unwrap_or_default()));
            }
        })
        .unwrap();
    out
}

#[test]
fn the_worked_example_charges_9_86_then_9_86_and_the_json_has_the_issues_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_book(&dir);
    let first = fees_json(&path, "2026-03-02", false);
    let object = first.as_object().unwrap();
    assert_eq!(
        object.keys().collect::<Vec<_>>(),
        vec!["charges", "date"],
        "{first}"
    );
    assert_eq!(first["date"], "2026-03-02");
    let charges = first["charges"].as_array().unwrap();
    assert_eq!(charges.len(), 1);
    let mut keys: Vec<&String> = charges[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "amount",
            "customer",
            "days",
            "from",
            "item",
            "principal",
            "to"
        ]
    );
    assert_eq!(charges[0]["customer"], "ACME");
    assert_eq!(charges[0]["item"], "INV-1/1");
    assert_eq!(charges[0]["from"], "2026-02-01");
    assert_eq!(charges[0]["to"], "2026-03-02");
    assert_eq!(charges[0]["days"], 30);
    // Amounts as strings, exact.
    assert_eq!(charges[0]["principal"], "1000.00");
    assert_eq!(charges[0]["amount"], "9.86");

    // Idempotent: the same date again charges nothing more.
    let again = fees_json(&path, "2026-03-02", false);
    assert_eq!(again["charges"].as_array().unwrap().len(), 0, "{again}");
    assert_eq!(standing_fees(&path).len(), 1);

    let second = fees_json(&path, "2026-04-01", false);
    let charges = second["charges"].as_array().unwrap();
    assert_eq!(charges.len(), 1);
    assert_eq!(charges[0]["from"], "2026-03-03");
    assert_eq!(charges[0]["to"], "2026-04-01");
    assert_eq!(charges[0]["days"], 30);
    assert_eq!(charges[0]["amount"], "9.86");

    // One fee document per run, due on receipt, its memo naming the item and period.
    let fees = standing_fees(&path);
    assert_eq!(fees.len(), 2);
    assert!(
        fees[0].2.contains("2026-02-01..2026-03-02 9.86 1 INV-1"),
        "{}",
        fees[0].2
    );
    assert!(
        fees[1].2.contains("2026-03-03..2026-04-01 9.86 1 INV-1"),
        "{}",
        fees[1].2
    );
    // An earlier date than the last run charges nothing for the item.
    let earlier = fees_json(&path, "2026-03-20", false);
    assert_eq!(earlier["charges"].as_array().unwrap().len(), 0, "{earlier}");
}

#[test]
fn a_dry_run_shows_the_charges_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_book(&dir);
    let before = std::fs::read(&path).unwrap();
    let dry = fees_json(&path, "2026-03-02", true);
    assert_eq!(dry["charges"][0]["amount"], "9.86");
    let table = owed(
        &path,
        &["fees", "--due", "--date", "2026-03-02", "--dry-run"],
    );
    assert!(table.contains("dry run: nothing posted"), "{table}");
    assert!(standing_fees(&path).is_empty());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a dry run changed the book"
    );
    // The real run then charges the same.
    let posted = fees_json(&path, "2026-03-02", false);
    assert_eq!(posted["charges"], dry["charges"]);
    // Without --due: one line, nothing done.
    let (ok, _, stderr) = run(&path, &["fees", "--date", "2026-04-01"]);
    assert!(!ok);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--due"), "{stderr}");
}

#[test]
fn a_voided_fee_leaves_its_days_to_be_charged_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_book(&dir);
    fees_json(&path, "2026-03-02", false);
    fees_json(&path, "2026-04-01", false);
    let fees = standing_fees(&path);
    owed(&path, &["void", &fees[0].0, "--date", "2026-04-02"]);
    assert_eq!(standing_fees(&path).len(), 1);
    // The first period is charged again, as its own span; the second still stands.
    let again = fees_json(&path, "2026-04-01", false);
    let charges = again["charges"].as_array().unwrap();
    assert_eq!(charges.len(), 1, "{again}");
    assert_eq!(charges[0]["from"], "2026-02-01");
    assert_eq!(charges[0]["to"], "2026-03-02");
    assert_eq!(charges[0]["amount"], "9.86");
    // And never twice.
    let once_more = fees_json(&path, "2026-04-01", false);
    assert_eq!(once_more["charges"].as_array().unwrap().len(), 0);
}

#[test]
fn no_interest_on_fees_on_disputed_items_or_on_voided_invoices() {
    let mut store = book();
    customer(&mut store, "ACME");
    let amount = m(&store, "1000.00");
    for number in ["INV-1", "INV-2", "INV-3"] {
        store
            .post_debit(&invoice(
                "ACME",
                number,
                "2026-01-01",
                amount,
                Terms::Net(30),
                Plan::Single,
            ))
            .unwrap();
    }
    store.set_setting("fee.annual_rate", "12").unwrap();
    store
        .open_dispute(&NewDispute {
            invoice: "INV-2".into(),
            item: None,
            reason: "wrong goods".into(),
        })
        .unwrap();
    store
        .void(&VoidRequest {
            number: "INV-3".into(),
            date: Some(d("2026-02-15")),
            reason: Some("sent twice".into()),
        })
        .unwrap();
    let run = store.post_fees(d("2026-03-02")).unwrap();
    let items: Vec<&str> = run.charges.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(items, vec!["INV-1"]);
    assert_eq!(run.posted.len(), 1);
    // The fee itself is overdue on the next run (due on receipt), and is not charged.
    let next = store.fees_due(d("2026-06-30")).unwrap();
    let items: Vec<&str> = next.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(items, vec!["INV-1"], "{next:?}");
}

#[test]
fn a_tier_has_its_own_rate_and_grace() {
    let mut store = book();
    customer(&mut store, "PLAIN");
    store
        .add_customer(&CustomerDraft {
            code: "GOLD".into(),
            name: "Gold".into(),
            tier: Some(Tier::A),
            ..Default::default()
        })
        .unwrap();
    let amount = m(&store, "1000.00");
    for (code, number) in [("PLAIN", "INV-1"), ("GOLD", "INV-2")] {
        store
            .post_debit(&invoice(
                code,
                number,
                "2026-01-01",
                amount,
                Terms::Net(30),
                Plan::Single,
            ))
            .unwrap();
    }
    store.set_setting("fee.annual_rate", "12").unwrap();
    store.set_setting("fee.grace_days", "10").unwrap();
    store.set_setting("tier.A.fee.annual_rate", "24").unwrap();
    store.set_setting("tier.A.fee.grace_days", "40").unwrap();
    let due = store.fees_due(d("2026-03-02")).unwrap();
    assert_eq!(due.len(), 1, "GOLD is within its 40 days' grace: {due:?}");
    assert_eq!(due[0].customer, "PLAIN");
    // 40 days late is not more than 40 days' grace; 41 is, and counts from the day after due.
    let at_grace = store.fees_due(d("2026-03-12")).unwrap();
    assert!(
        at_grace.iter().all(|c| c.customer != "GOLD"),
        "{at_grace:?}"
    );
    let later = store.fees_due(d("2026-03-13")).unwrap();
    let gold = later.iter().find(|c| c.customer == "GOLD").unwrap();
    // 1000 × 41 days × 24 % / 365 = 26.958…
    assert_eq!(
        (gold.days, store.currency().plain(gold.amount)),
        (41, "26.96".to_string())
    );
    // Emptied, the tier follows the book again.
    store.set_setting("tier.A.fee.grace_days", "").unwrap();
    assert_eq!(store.fee_rules().unwrap().tiers[0].grace_days, 10);
}

#[test]
fn fee_settings_are_validated_listed_and_audited() {
    let mut store = book();
    for (key, value, accepted) in [
        ("fee.annual_rate", "12.5", "from 0 to 100"),
        ("fee.annual_rate", "-1", "from 0 to 100"),
        ("fee.grace_days", "366", "from 0 to 365"),
        ("fee.minimum", "-5", "negative"),
        ("fee.fixed", "abc", ""),
        ("tier.B.fee.annual_rate", "200", "from 0 to 100"),
    ] {
        match store.set_setting(key, value) {
            Ok(shown) => assert_eq!(
                (key, value, shown.as_str()),
                ("fee.annual_rate", "12.5", "12.5")
            ),
            Err(error) => {
                let message = error.to_string();
                assert!(message.starts_with(key), "{message}");
                assert!(message.contains(accepted), "{message}");
                assert_eq!(message.lines().count(), 1);
            }
        }
    }
    store.set_setting("fee.fixed", "25").unwrap();
    store.set_setting("fee.minimum", "5").unwrap();
    let values = store.setting_values().unwrap();
    let shown: HashMap<&str, (&str, bool)> = values
        .iter()
        .map(|(k, v, default)| (k.as_str(), (v.as_str(), *default)))
        .collect();
    assert_eq!(shown["fee.annual_rate"], ("12.5", false));
    assert_eq!(shown["fee.grace_days"], ("0", true));
    assert_eq!(shown["fee.fixed"], ("25.00", false));
    assert_eq!(shown["fee.minimum"], ("5.00", false));
    assert_eq!(shown["tier.C.fee.annual_rate"], ("12.5", true));
    let audit = store.audit_log(&AuditFilter::default()).unwrap();
    let changed: Vec<&str> = audit.iter().filter_map(|e| e.field.as_deref()).collect();
    for key in ["fee.annual_rate", "fee.fixed", "fee.minimum"] {
        assert!(changed.contains(&key), "{key} not audited: {changed:?}");
    }
    let unknown = store.set_setting("fee.rate", "12").unwrap_err().to_string();
    assert!(unknown.contains("fee.annual_rate"), "{unknown}");
}

#[test]
fn a_fixed_fee_and_a_minimum_are_posted_per_customer() {
    let mut store = book();
    customer(&mut store, "BIG");
    customer(&mut store, "SMALL");
    for (code, number, amount) in [("BIG", "INV-1", "1000.00"), ("SMALL", "INV-2", "10.00")] {
        let amount = m(&store, amount);
        store
            .post_debit(&invoice(
                code,
                number,
                "2026-01-01",
                amount,
                Terms::Net(30),
                Plan::Single,
            ))
            .unwrap();
    }
    store.set_setting("fee.annual_rate", "12").unwrap();
    store.set_setting("fee.minimum", "1.00").unwrap();
    // SMALL's 0.10 is under the minimum: only BIG is charged, in one document.
    let run = store.post_fees(d("2026-03-02")).unwrap();
    assert_eq!(run.posted.len(), 1);
    assert_eq!(run.posted[0].customer, "BIG");
    store.set_setting("fee.fixed", "15").unwrap();
    let run = store.post_fees(d("2026-04-01")).unwrap();
    let totals: Vec<(String, String)> = run
        .posted
        .iter()
        .map(|p| {
            let total: Money = p.items.iter().map(|(_, _, a)| *a).sum();
            (p.customer.clone(), store.currency().plain(total))
        })
        .collect();
    // BIG: 9.86 + 15.00; SMALL: 60 days on 10.00 (0.20) + 15.00.
    assert_eq!(
        totals,
        vec![
            ("BIG".to_string(), "24.86".to_string()),
            ("SMALL".to_string(), "15.20".to_string())
        ]
    );
}

/// A random history: an invoice, part payments by day offset, run dates by day offset
/// (in any order, repeats allowed) and which fee documents to void after which run.
#[derive(Debug, Clone)]
struct History {
    cents: i64,
    rate_tenths: u32,
    grace: i64,
    payments: Vec<(u64, i64)>,
    runs: Vec<(u64, bool)>,
}

fn history() -> impl Strategy<Value = History> {
    (
        100_000i64..10_000_000,
        1u32..300,
        0i64..40,
        prop::collection::vec((1u64..200, 100i64..50_000), 0..3),
        prop::collection::vec((0u64..200, prop::bool::weighted(0.15)), 1..8),
    )
        .prop_map(|(cents, rate_tenths, grace, payments, runs)| History {
            cents,
            rate_tenths,
            grace,
            payments,
            runs,
        })
}

fn due_date() -> NaiveDate {
    d("2026-01-31")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Over any sequence of runs (voids of the latest fee among them), the standing fees'
    /// periods never overlap, and their total equals one run at the last date within one
    /// minor unit per run.
    #[test]
    fn interest_is_never_charged_twice_over_random_run_sequences(history in history()) {
        let mut store = book();
        customer(&mut store, "ACME");
        let currency: Currency = store.currency().clone();
        let amount = currency.from_minor(history.cents);
        store
            .post_debit(&invoice("ACME", "INV-1", "2026-01-01", amount, Terms::Net(30), Plan::Single))
            .unwrap();
        let mut left = history.cents;
        let mut paid = Vec::new();
        // In date order: the book never dates an allocation before an earlier one of the
        // same item, so a payment entered late for an earlier day counts from the later day.
        let mut payments = history.payments.clone();
        payments.sort();
        for (n, (offset, cents)) in payments.iter().enumerate() {
            let cents = (*cents).min(left - 1);
            if cents <= 0 {
                continue;
            }
            left -= cents;
            let date = due_date() + Days::new(*offset);
            store
                .post_credit(&credit(
                    "ACME",
                    DocKind::Payment,
                    &format!("PAY-{n}"),
                    &date.to_string(),
                    currency.from_minor(cents),
                    Apply::OldestFirst,
                ))
                .unwrap();
            paid.push((date, currency.from_minor(cents)));
        }
        let rate = rust_decimal::Decimal::new(i64::from(history.rate_tenths), 1);
        store.set_setting("fee.annual_rate", &rate.to_string()).unwrap();
        store.set_setting("fee.grace_days", &history.grace.to_string()).unwrap();

        let mut last = due_date();
        for (offset, void_latest) in &history.runs {
            let date = due_date() + Days::new(*offset);
            last = last.max(date);
            let done = store.post_fees(date).unwrap();
            if *void_latest && let Some(posted) = done.posted.last() {
                store
                    .void(&VoidRequest { number: posted.number.clone(), date: Some(date), reason: None })
                    .unwrap();
            }
        }
        // A last run on the latest date, so every day through it is charged.
        store.post_fees(last).unwrap();
        let runs = history.runs.len() as i64 + 1;

        let mut periods: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        let mut total = Money::ZERO;
        store
            .documents(|doc| {
                if doc.kind == DocKind::Fee && doc.voided_by.is_none() {
                    total += doc.amount;
                    let memo = doc.memo.unwrap_or_default();
                    periods.extend(memo.lines().skip(1).filter_map(parse_fee_memo_line).map(|(_, _, f, t)| (f, t)));
                }
            })
            .unwrap();
        periods.sort();
        for pair in periods.windows(2) {
            prop_assert!(pair[0].1 < pair[1].0, "overlapping periods {:?}", pair);
        }
        prop_assert!(periods.iter().all(|(f, t)| *f > due_date() && *t <= last));

        let one_run = interest::charges(
            &currency,
            &[FeeItem {
                customer: "ACME".into(),
                number: "INV-1".into(),
                seq: 1,
                due: due_date(),
                amount,
                allocations: paid,
                charged: Vec::new(),
                rules: FeeRules { annual_rate: rate, grace_days: history.grace, ..FeeRules::default() },
            }],
            last,
        );
        let expected: Money = one_run.iter().map(|c| c.amount).sum();
        let difference = (currency.to_minor(total) - currency.to_minor(expected)).abs();
        prop_assert!(difference <= runs, "charged {} against {} in one run", total, expected);
    }
}

/// Interest by policy is owed under terms already agreed, not new credit: a customer on
/// hold and over its limit is still charged, and each rule passed is in the audit log
/// with the policy's reason.
#[test]
fn interest_is_charged_past_a_hold_and_a_limit_and_the_override_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_book(&dir);
    owed(
        &path,
        &[
            "customer",
            "edit",
            "ACME",
            "--hold",
            "--credit-limit",
            "500",
        ],
    );
    let posted = fees_json(&path, "2026-03-02", false);
    assert_eq!(posted["charges"][0]["amount"], "9.86");
    assert_eq!(standing_fees(&path).len(), 1);
    let audit = json(&path, &["audit", "list", "--format", "json"]);
    let overrides: Vec<&Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["action"] == "override")
        .collect();
    assert_eq!(overrides.len(), 2, "the hold and the limit: {overrides:?}");
    for row in overrides {
        assert_eq!(row["reason"], owed::store::POLICY_OVERRIDE);
    }
}

#[test]
fn fee_from_keeps_a_first_run_from_billing_lateness_long_paid() {
    let mut store = book();
    customer(&mut store, "ACME");
    let amount = m(&store, "1000.00");
    for (number, date) in [("OLD-1", "2025-01-01"), ("INV-1", "2026-01-01")] {
        store
            .post_debit(&invoice(
                "ACME",
                number,
                date,
                amount,
                Terms::Net(30),
                Plan::Single,
            ))
            .unwrap();
    }
    // OLD-1 was paid 40 days late, long before the policy.
    store
        .post_credit(&credit(
            "ACME",
            DocKind::Payment,
            "PAY-1",
            "2025-03-12",
            amount,
            Apply::Explicit(vec![("OLD-1".into(), None)]),
        ))
        .unwrap();
    store.set_setting("fee.annual_rate", "12").unwrap();
    store.set_setting("fee.grace_days", "10").unwrap();
    let everything = store.fees_due(d("2026-03-02")).unwrap();
    assert_eq!(everything.len(), 2, "without a start, history is charged");

    // From 2026-02-15: OLD-1 is not read at all; INV-1 is charged 2026-02-15..03-02,
    // 16 days: 1,000.00 × 16 × 12 % / 365 = 5.26 (the grace still runs from its due date).
    store.set_setting("fee.from", "2026-02-15").unwrap();
    let charges = store.fees_due(d("2026-03-02")).unwrap();
    assert_eq!(charges.len(), 1);
    assert_eq!(charges[0].number, "INV-1");
    assert_eq!((charges[0].from, charges[0].days), (d("2026-02-15"), 16));
    assert_eq!(charges[0].amount, m(&store, "5.26"));
    // A start after the run charges nothing yet; a bad date is one clear line.
    store.set_setting("fee.from", "2026-04-01").unwrap();
    assert!(store.fees_due(d("2026-03-02")).unwrap().is_empty());
    let bad = store
        .set_setting("fee.from", "15/02/2026")
        .unwrap_err()
        .to_string();
    assert!(
        bad.contains("fee.from") && bad.contains("YYYY-MM-DD"),
        "{bad}"
    );
    // Empty removes the limit again.
    store.set_setting("fee.from", "").unwrap();
    assert_eq!(store.fees_due(d("2026-03-02")).unwrap().len(), 2);
}
