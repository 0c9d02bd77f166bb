//! Tier credit policies and credit reviews: the policies' built-in values and how a
//! typed one is checked and audited; a new customer taking its tier's terms and limit
//! when they are left empty (library, CLI and load); a policy change touching no
//! existing customer or posted document; the deposit a tier requires on a new invoice;
//! the next-review rules; and accepting or keeping a review, audited, moving the date on.

use chrono::{Months, NaiveDate};
use owed::domain::customer::{CustomerDraft, Tier};
use owed::domain::terms::{Plan, Terms};
use owed::report::review::{accept_suggestion, review_record};
use owed::store::{
    AuditAction, AuditFilter, BookSettings, LeftEmpty, REVIEW_REASON, ReviewOutcome, Store,
};

use crate::common::bin::{json, owed, run};
use crate::common::helpers::{credit, d, invoice, m};

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn value<'a>(values: &'a [(String, String, bool)], key: &str) -> (&'a str, bool) {
    let (_, value, default) = values
        .iter()
        .find(|(k, _, _)| k == key)
        .unwrap_or_else(|| panic!("{key} is listed"));
    (value.as_str(), *default)
}

fn draft(code: &str, tier: Option<Tier>) -> CustomerDraft {
    CustomerDraft {
        code: code.into(),
        name: format!("Customer {code}"),
        tier,
        ..Default::default()
    }
}

const EMPTY: LeftEmpty = LeftEmpty {
    terms: true,
    credit_limit: true,
};

fn book() -> Store {
    Store::open_in_memory(&BookSettings::default()).unwrap()
}

#[test]
fn tier_policies_have_built_in_values_and_are_checked_and_audited_as_typed() {
    let mut store = book();
    let values = store.setting_values().unwrap();
    assert_eq!(value(&values, "tier.A.terms"), ("net 30", true));
    assert_eq!(value(&values, "tier.B.terms"), ("net 30", true));
    assert_eq!(value(&values, "tier.C.terms"), ("net 14", true));
    assert_eq!(value(&values, "tier.C.deposit_pct"), ("30", true));
    assert_eq!(value(&values, "tier.A.deposit_pct"), ("", true));
    assert_eq!(value(&values, "tier.A.credit_limit"), ("", true));

    assert_eq!(
        store.set_setting("tier.A.credit_limit", "5,000").unwrap(),
        "5000.00"
    );
    assert_eq!(
        store.set_setting("tier.B.terms", " EOM 10 ").unwrap(),
        "eom 10"
    );
    // Empty is "no default": tier C asks for no deposit any more.
    assert_eq!(store.set_setting("tier.C.deposit_pct", "").unwrap(), "");
    let policies = store.tier_policies().unwrap();
    assert_eq!(policies[0].credit_limit, Some(m(&store, "5000")));
    assert_eq!(policies[1].terms, Some(Terms::EndOfMonth(10)));
    assert_eq!(policies[2].deposit_pct, None);
    assert_eq!(policies[2].terms, Some(Terms::Net(14)), "untouched");

    for (key, typed, says) in [
        ("tier.C.deposit_pct", "100", "up to (not including) 100"),
        ("tier.C.deposit_pct", "-5", "up to (not including) 100"),
        ("tier.A.terms", "fortnightly", "is not a payment term"),
        ("tier.A.credit_limit", "-1", "cannot be negative"),
        ("tier.A.credit_limit", "lots", "tier.A.credit_limit"),
    ] {
        let error = store.set_setting(key, typed).unwrap_err().to_string();
        assert!(error.starts_with(key), "{key} {typed}: {error}");
        assert!(error.contains(says), "{key} {typed}: {error}");
        assert_eq!(error.lines().count(), 1, "{error}");
    }

    let audit = store.audit_log(&AuditFilter::default()).unwrap();
    let changes: Vec<(Option<&str>, Option<&str>, Option<&str>)> = audit
        .iter()
        .filter(|e| e.action == AuditAction::Settings)
        .map(|e| (e.field.as_deref(), e.old.as_deref(), e.new.as_deref()))
        .collect();
    assert_eq!(
        changes,
        vec![
            (Some("tier.A.credit_limit"), None, Some("5000.00")),
            (Some("tier.B.terms"), Some("net 30"), Some("eom 10")),
            (Some("tier.C.deposit_pct"), Some("30"), None),
        ]
    );
    // Back to the built-in value: the key is unset again, and that is audited too.
    store.set_setting("tier.B.terms", "net 30").unwrap();
    let values = store.setting_values().unwrap();
    assert_eq!(value(&values, "tier.B.terms"), ("net 30", true));
}

#[test]
fn a_new_customer_takes_its_tiers_terms_and_limit_when_left_empty() {
    let mut store = book();
    store.set_setting("tier.B.credit_limit", "2000").unwrap();
    let c = store
        .add_customer_with_policy(&draft("C1", Some(Tier::C)), EMPTY)
        .unwrap();
    assert_eq!((c.terms, c.credit_limit), (Terms::Net(14), None));
    let b = store
        .add_customer_with_policy(&draft("B1", Some(Tier::B)), EMPTY)
        .unwrap();
    assert_eq!(b.credit_limit, Some(m(&store, "2000")));
    // What is typed wins; a limit left out on purpose stays out.
    let typed = CustomerDraft {
        terms: Terms::EndOfMonth(5),
        credit_limit: None,
        ..draft("B2", Some(Tier::B))
    };
    let b2 = store
        .add_customer_with_policy(
            &typed,
            LeftEmpty {
                terms: false,
                credit_limit: false,
            },
        )
        .unwrap();
    assert_eq!((b2.terms, b2.credit_limit), (Terms::EndOfMonth(5), None));
    // No tier, no policy: net 30 and no limit.
    let none = store
        .add_customer_with_policy(&draft("N1", None), EMPTY)
        .unwrap();
    assert_eq!((none.terms, none.credit_limit), (Terms::Net(30), None));
}

#[test]
fn changing_a_policy_rewrites_no_customer_and_no_posted_document() {
    let mut store = book();
    store
        .add_customer_with_policy(&draft("C1", Some(Tier::C)), EMPTY)
        .unwrap();
    let amount = m(&store, "1000");
    let (_, pct) = store.required_deposit("C1").unwrap().unwrap();
    store
        .post_debit(&invoice(
            "C1",
            "INV-1",
            "2026-03-01",
            amount,
            Terms::Net(14),
            Plan::Deposit(pct),
        ))
        .unwrap();
    let customer_before = store.customer("C1").unwrap();
    let id = customer_before.id;
    let documents_before = store.ledger_documents(id).unwrap();
    let items_before = store.open_items_now(id).unwrap();
    assert_eq!(items_before.len(), 2, "30 % down and the balance");

    store.set_setting("tier.C.terms", "net 7").unwrap();
    store.set_setting("tier.C.credit_limit", "100").unwrap();
    store.set_setting("tier.C.deposit_pct", "50").unwrap();

    assert_eq!(store.customer("C1").unwrap(), customer_before);
    assert_eq!(store.ledger_documents(id).unwrap(), documents_before);
    assert_eq!(store.open_items_now(id).unwrap(), items_before);
    // Only what is made from now on follows the new policy.
    let c2 = store
        .add_customer_with_policy(&draft("C2", Some(Tier::C)), EMPTY)
        .unwrap();
    assert_eq!(
        (c2.terms, c2.credit_limit),
        (Terms::Net(7), Some(m(&store, "100")))
    );
    assert_eq!(
        store.required_deposit("C2").unwrap(),
        Some((Tier::C, 50.into()))
    );
}

#[test]
fn new_customers_are_reviewed_a_year_on_or_six_months_for_tier_c() {
    let mut store = book();
    let a = store.add_customer(&draft("A1", Some(Tier::A))).unwrap();
    let c = store.add_customer(&draft("C1", Some(Tier::C))).unwrap();
    let none = store.add_customer(&draft("N1", None)).unwrap();
    let year = today().checked_add_months(Months::new(12)).unwrap();
    assert_eq!(a.next_review, Some(year));
    assert_eq!(none.next_review, Some(year));
    assert_eq!(
        c.next_review,
        Some(today().checked_add_months(Months::new(6)).unwrap())
    );
    // Moved by hand: audited; listed as due from that day.
    store
        .set_next_review("A1", d("2026-01-10"), Some("asked by the bank"))
        .unwrap();
    let audit = store
        .audit_log(&AuditFilter {
            customer: Some("A1".into()),
        })
        .unwrap();
    let last = audit.last().unwrap();
    assert_eq!(last.field.as_deref(), Some("next_review"));
    assert_eq!(last.new.as_deref(), Some("2026-01-10"));
    assert_eq!(last.reason.as_deref(), Some("asked by the bank"));
    let due: Vec<String> = store
        .review_dates(Some(d("2026-01-10")))
        .unwrap()
        .into_iter()
        .map(|r| r.code)
        .collect();
    assert_eq!(due, vec!["A1"]);
    assert!(
        store
            .review_dates(Some(d("2026-01-09")))
            .unwrap()
            .is_empty()
    );
}

/// C1 (tier B, limit 2,000.00): INV-1 1,000.00 on 2026-01-01 paid 30 days late, INV-2
/// 1,000.00 on 2026-02-01 still open on 2026-06-30: a late payer the review moves down.
fn late_payer() -> Store {
    let mut store = book();
    let limit = m(&store, "2000");
    store
        .add_customer(&CustomerDraft {
            credit_limit: Some(limit),
            ..draft("C1", Some(Tier::B))
        })
        .unwrap();
    for (number, date) in [("INV-1", "2026-01-01"), ("INV-2", "2026-02-01")] {
        let amount = m(&store, "1000");
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
    let amount = m(&store, "1000");
    store
        .post_credit(&credit(
            "C1",
            owed::domain::document::DocKind::Payment,
            "PAY-1",
            "2026-03-02",
            amount,
            owed::domain::allocation::Apply::Explicit(vec![("INV-1".into(), None)]),
        ))
        .unwrap();
    store
}

#[test]
fn accepting_a_review_changes_tier_and_limit_audited_and_moves_the_date_on() {
    let mut store = late_payer();
    let date = d("2026-06-30");
    let record = review_record(&store, "C1", date).unwrap();
    let suggestion = record.suggestion.clone();
    let audited_before = store.audit_log(&AuditFilter::default()).unwrap().len();
    let (customer, _) = accept_suggestion(&mut store, "C1", date).unwrap();
    assert_eq!(customer.tier, Some(suggestion.tier));
    assert_eq!(customer.credit_limit, suggestion.limit);
    let months = if suggestion.tier == Tier::C { 6 } else { 12 };
    assert_eq!(
        customer.next_review,
        Some(date.checked_add_months(Months::new(months)).unwrap())
    );
    let rows = store.audit_log(&AuditFilter::default()).unwrap();
    let new_rows = &rows[audited_before..];
    assert!(
        new_rows
            .iter()
            .all(|e| e.action == AuditAction::CustomerEdit
                && e.reason.as_deref() == Some(REVIEW_REASON)),
        "{new_rows:?}"
    );
    // 30 days late (15 points) and all of its balance over 60 days (30): medium risk,
    // tier B kept; the limit 1.25 × the highest balance of 2,000.00.
    assert_eq!(record.risk.score, 45);
    assert_eq!(suggestion.tier, Tier::B);
    assert_eq!(suggestion.limit, Some(m(&store, "2500")));
    let fields: Vec<&str> = new_rows.iter().filter_map(|e| e.field.as_deref()).collect();
    assert_eq!(fields, vec!["credit_limit", "next_review"]);
    assert_eq!(new_rows[0].old.as_deref(), Some("2000.00"));
    assert_eq!(new_rows[0].new.as_deref(), Some("2500.00"));
}

#[test]
fn keeping_as_is_counts_as_a_review_and_is_audited() {
    let mut store = late_payer();
    let before = store.customer("C1").unwrap();
    let customer = store
        .complete_review("C1", ReviewOutcome::Keep, d("2026-06-30"))
        .unwrap();
    assert_eq!(
        (customer.tier, customer.credit_limit),
        (before.tier, before.credit_limit)
    );
    assert_eq!(customer.next_review, Some(d("2027-06-30")));
    let last = store
        .audit_log(&AuditFilter::default())
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(
        (
            last.field.as_deref(),
            last.new.as_deref(),
            last.reason.as_deref()
        ),
        (Some("next_review"), Some("2027-06-30"), Some(REVIEW_REASON))
    );
}

#[test]
fn the_cli_applies_policies_schedules_and_records_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("r.owed");
    owed(&book, &["init", "--company", "Review Co"]);
    let added = owed(
        &book,
        &[
            "customer", "add", "--code", "C1", "--name", "Risky", "--tier", "C",
        ],
    );
    assert!(
        added.contains("terms net 14, no credit limit from tier C's policy"),
        "{added}"
    );
    let half_year = today().checked_add_months(Months::new(6)).unwrap();
    assert!(
        added.contains(&format!("next credit review {half_year}")),
        "{added}"
    );
    owed(
        &book,
        &[
            "customer", "add", "--code", "C2", "--name", "Careful", "--tier", "C", "--terms",
            "net 60",
        ],
    );

    // The tier's deposit when no plan is given, said so; --deposit 0 is one item.
    let posted = owed(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C1",
            "--amount",
            "1000",
            "--date",
            "2026-03-01",
        ],
    );
    assert!(
        posted.contains("installment 1 due 2026-03-01: 300.00"),
        "{posted}"
    );
    assert!(
        posted.contains("a 30% deposit, as tier C's policy requires"),
        "{posted}"
    );
    let single = owed(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C1",
            "--amount",
            "500",
            "--date",
            "2026-03-01",
            "--deposit",
            "0",
        ],
    );
    assert!(
        single.contains("due 2026-03-15") && !single.contains("deposit"),
        "{single}"
    );
    let fee = owed(
        &book,
        &[
            "fee",
            "add",
            "--customer",
            "C1",
            "--amount",
            "20",
            "--date",
            "2026-03-01",
        ],
    );
    assert!(!fee.contains("installment"), "a fee has no deposit: {fee}");

    // Reviews: set, list --due as JSON, the worklist's own kind, keep.
    owed(&book, &["review", "set", "C1", "2026-04-01"]);
    let (ok, _, err) = run(&book, &["review", "set", "C1", "2026-02-30"]);
    assert!(!ok && err.contains("2026-02-30"), "{err}");
    let listed = json(
        &book,
        &[
            "review",
            "list",
            "--due",
            "--date",
            "2026-04-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(listed["date"], "2026-04-01");
    let reviews = listed["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["customer"], "C1");
    assert_eq!(reviews[0]["tier"], "C");
    assert_eq!(reviews[0]["next_review"], "2026-04-01");
    assert_eq!(reviews[0]["due"], true);
    let worklist = json(
        &book,
        &["worklist", "--date", "2026-04-01", "--format", "json"],
    );
    let row = worklist["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "review")
        .expect("a review row");
    assert_eq!(row["customer"], "C1");
    assert_eq!(row["date"], "2026-04-01");
    assert!(
        row["reason"]
            .as_str()
            .unwrap()
            .contains("credit review due")
    );
    for key in [
        "kind",
        "customer",
        "name",
        "amount",
        "date",
        "reason",
        "level",
        "net_overdue",
        "bank_row",
        "dispute",
    ] {
        assert!(row.get(key).is_some(), "{key} kept");
    }
    let shown = json(
        &book,
        &[
            "review",
            "show",
            "C1",
            "--date",
            "2026-04-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(shown["customer"], "C1");
    assert!(shown["risk_score"].is_u64(), "{shown}");
    assert!(shown["suggested_tier"].is_string(), "{shown}");
    let kept = owed(&book, &["review", "keep", "C1", "--date", "2026-04-01"]);
    assert!(kept.contains("next review 2026-10-01"), "{kept}");
    let after = json(
        &book,
        &[
            "review",
            "list",
            "--due",
            "--date",
            "2026-04-01",
            "--format",
            "json",
        ],
    );
    assert!(after["reviews"].as_array().unwrap().is_empty());
    let accepted = owed(&book, &["review", "accept", "C2", "--date", "2026-04-01"]);
    assert!(accepted.contains("suggestion accepted"), "{accepted}");
    assert!(accepted.contains("because"), "{accepted}");
    let audit = json(&book, &["audit", "list", "--format", "json"]);
    let reasons: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["reason"].as_str())
        .collect();
    assert!(
        reasons.iter().filter(|r| **r == REVIEW_REASON).count() >= 2,
        "{reasons:?}"
    );
}

#[test]
fn a_customer_load_takes_the_tiers_defaults_for_empty_cells() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("r.owed");
    owed(&book, &["init", "--company", "Load Co"]);
    owed(&book, &["settings", "set", "tier.A.credit_limit", "9000"]);
    let file = dir.path().join("customers.csv");
    std::fs::write(
        &file,
        "code,name,tier,terms,credit_limit\nA1,Alpha,A,,\nA2,Beta,A,eom 10,none\nC1,Gamma,C,,500\n",
    )
    .unwrap();
    owed(
        &book,
        &["load", file.to_str().unwrap(), "--kind", "customers"],
    );
    let store = Store::open(&book, owed::store::Access::Read).unwrap();
    let a1 = store.customer("A1").unwrap();
    assert_eq!(
        (a1.terms, a1.credit_limit),
        (Terms::Net(30), Some(m(&store, "9000")))
    );
    let a2 = store.customer("A2").unwrap();
    assert_eq!((a2.terms, a2.credit_limit), (Terms::EndOfMonth(10), None));
    let c1 = store.customer("C1").unwrap();
    assert_eq!(
        (c1.terms, c1.credit_limit),
        (Terms::Net(14), Some(m(&store, "500")))
    );
}
