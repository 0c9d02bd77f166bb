//! The score's parts by hand, its bands and caps, and the review's suggestion.

use super::*;
use crate::domain::Currency;

fn money(text: &str) -> Money {
    Money(text.parse().unwrap())
}

fn usd() -> Currency {
    Currency::new("USD", 2).unwrap()
}

#[test]
fn the_issues_example_scores_each_part_and_says_why() {
    // 23 days late: 11.5; two broken parts: 20; 84 % of the limit: (84 − 50) / 50 × 20
    // = 13.6; 40 % over 60 days: 12. Sum 57.1 → 57, high.
    let risk = assess(&RiskInputs {
        days_late: Some(Decimal::new(23, 0)),
        broken_promises: 2,
        balance: money("8400"),
        credit_limit: Some(money("10000")),
        open: money("8400"),
        long_overdue: money("3360"),
    });
    assert_eq!(risk.score, 57);
    assert_eq!(risk.band, Band::High);
    assert_eq!(
        risk.explained(),
        "2 broken promises in 6 months; 84 % of limit used; \
         40 % of its balance over 60 days; pays 23 days late on average"
    );
}

#[test]
fn unapplied_credit_settles_the_long_overdue_first() {
    // 1,000.00 over 60 days late, 1,000.00 paid and not applied: it owes nothing.
    let covered = assess(&RiskInputs {
        balance: money("0"),
        open: money("1000"),
        long_overdue: money("1000"),
        ..RiskInputs::default()
    });
    assert_eq!(covered.score, 0, "{}", covered.explained());
    // 600.00 of credit against 1,000.00 long overdue and 1,000.00 current: of the
    // 1,400.00 it owes, 400.00 is long overdue, 29 %.
    let partly = assess(&RiskInputs {
        balance: money("1400"),
        open: money("2000"),
        long_overdue: money("1000"),
        ..RiskInputs::default()
    });
    assert_eq!(
        partly.reasons,
        vec![RiskReason::LongOverdue {
            percent: Decimal::from(29)
        }]
    );
    assert_eq!(partly.score, 9); // 400 / 1,400 × 30 = 8.57
}

#[test]
fn a_customer_that_pays_on_time_and_owes_nothing_late_scores_zero() {
    let risk = assess(&RiskInputs {
        days_late: Some(Decimal::ZERO),
        balance: money("100"),
        credit_limit: Some(money("1000")),
        open: money("100"),
        ..RiskInputs::default()
    });
    assert_eq!(risk.score, 0);
    assert_eq!(risk.band, Band::Low);
    assert!(risk.reasons.is_empty());
    assert_eq!(risk.explained(), "nothing counts against it");
    // No history at all is no risk the book can see either.
    assert_eq!(assess(&RiskInputs::default()).score, 0);
}

#[test]
fn every_part_is_capped_and_the_whole_is_at_most_100() {
    let risk = assess(&RiskInputs {
        days_late: Some(Decimal::from(400)),
        broken_promises: 9,
        balance: money("50000"),
        credit_limit: Some(money("1000")),
        open: money("50000"),
        long_overdue: money("50000"),
    });
    assert_eq!(risk.score, 100);
    assert_eq!(risk.band, Band::Severe);
    assert_eq!(
        risk.reasons[0],
        RiskReason::PaysLate {
            days: Decimal::from(400)
        }
    );
    assert!(
        risk.explained().contains("5000 % of limit used"),
        "{}",
        risk.explained()
    );
}

#[test]
fn the_limit_counts_only_past_half_of_it_and_not_when_there_is_none() {
    let inputs = |balance: &str, limit: Option<&str>| RiskInputs {
        balance: money(balance),
        credit_limit: limit.map(money),
        ..RiskInputs::default()
    };
    assert_eq!(assess(&inputs("500", Some("1000"))).score, 0);
    assert_eq!(assess(&inputs("750", Some("1000"))).score, 10);
    assert_eq!(assess(&inputs("1000", Some("1000"))).score, 20);
    assert_eq!(assess(&inputs("900", None)).score, 0);
    // A zero limit means cash only, which posting already enforces; no ratio to take.
    assert_eq!(assess(&inputs("900", Some("0"))).score, 0);
    // Credit in hand (a negative balance) uses none of it.
    assert_eq!(assess(&inputs("-900", Some("1000"))).score, 0);
}

#[test]
fn half_points_round_away_from_zero_and_bands_start_where_documented() {
    // 1 day late: 0.5 → 1.
    let late = |days: i64| RiskInputs {
        days_late: Some(Decimal::from(days)),
        ..RiskInputs::default()
    };
    assert_eq!(assess(&late(1)).score, 1);
    assert_eq!(assess(&late(49)).score, 25);
    assert_eq!(assess(&late(49)).band, Band::Medium);
    assert_eq!(assess(&late(47)).band, Band::Low);
    assert_eq!(Band::of(49), Band::Medium);
    assert_eq!(Band::of(50), Band::High);
    assert_eq!(Band::of(74), Band::High);
    assert_eq!(Band::of(75), Band::Severe);
    assert_eq!(Band::from_key("high"), Some(Band::High));
    assert_eq!(Band::from_key("High"), None);
    assert!(Band::Severe > Band::High && Band::Medium > Band::Low);
}

#[test]
fn one_day_and_one_broken_promise_are_singular() {
    let late = assess(&RiskInputs {
        days_late: Some(Decimal::ONE),
        ..RiskInputs::default()
    });
    assert_eq!(late.explained(), "pays 1 day late on average");
    let risk = assess(&RiskInputs {
        broken_promises: 1,
        ..RiskInputs::default()
    });
    assert_eq!(risk.score, 10);
    assert_eq!(risk.explained(), "1 broken promise in 6 months");
}

#[test]
fn limits_round_up_to_figures_a_person_would_set() {
    assert_eq!(round_limit_up(money("8200.01")), money("8300"));
    assert_eq!(round_limit_up(money("8300")), money("8300"));
    assert_eq!(round_limit_up(money("10250")), money("11000"));
    assert_eq!(round_limit_up(money("123456")), money("130000"));
    assert_eq!(round_limit_up(money("-5")), money("0"));
}

#[test]
fn the_suggestion_follows_risk_and_the_highest_balance() {
    let currency = usd();
    let low = assess(&RiskInputs::default());
    let no_default = |_| None;
    let a = suggest(
        &low,
        Some(Decimal::from(95)),
        money("8200"),
        money("1000"),
        None,
        no_default,
        &currency,
    );
    assert_eq!(a.tier, Tier::A);
    assert_eq!(a.limit, Some(money("13000.00"))); // 1.5 × 8,200 = 12,300 → 13,000
    assert_eq!(
        a.reasons[1].describe(&currency),
        "limit 1.5 × the highest balance in 12 months (8,200.00), rounded up: 13,000.00"
    );
    // Low risk but late on most of it: B, 1.25 ×.
    let b = suggest(
        &low,
        Some(Decimal::from(60)),
        money("8200"),
        money("0"),
        None,
        no_default,
        &currency,
    );
    assert_eq!(b.tier, Tier::B);
    assert_eq!(b.limit, Some(money("11000.00"))); // 10,250 → 11,000
    assert_eq!(b.reasons[0].describe(&currency), "low risk: tier B");

    let high = Risk {
        score: 60,
        band: Band::High,
        reasons: vec![],
    };
    let c = suggest(
        &high,
        None,
        money("8200"),
        money("0"),
        None,
        no_default,
        &currency,
    );
    assert_eq!((c.tier, c.limit), (Tier::C, Some(money("8200.00"))));

    let severe = Risk {
        score: 90,
        band: Band::Severe,
        reasons: vec![],
    };
    let frozen = suggest(
        &severe,
        None,
        money("8200"),
        money("3100.50"),
        Some(money("5000")),
        no_default,
        &currency,
    );
    assert_eq!(
        (frozen.tier, frozen.limit),
        (Tier::C, Some(money("3100.50")))
    );
    // Already owing past its limit: a review never raises a severe risk's limit.
    let kept = suggest(
        &severe,
        None,
        money("8200"),
        money("7500"),
        Some(money("5000")),
        no_default,
        &currency,
    );
    assert_eq!(kept.limit, Some(money("5000.00")));
    assert_eq!(
        kept.reasons[1].describe(&currency),
        "severe risk: the limit stays at 5,000.00, below what it owes"
    );

    // Nothing owed in a year: the tier's default limit, or none.
    let fresh = suggest(
        &low,
        None,
        Money::ZERO,
        Money::ZERO,
        None,
        |t| (t == Tier::B).then(|| money("5000")),
        &currency,
    );
    assert_eq!((fresh.tier, fresh.limit), (Tier::B, Some(money("5000"))));
    let none = suggest(
        &low,
        None,
        Money::ZERO,
        Money::ZERO,
        None,
        no_default,
        &currency,
    );
    assert_eq!(none.limit, None);
}
