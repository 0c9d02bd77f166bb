//! A customer tier's credit policy: the terms and credit limit a new customer of the
//! tier gets when those are left empty, the deposit a new invoice of theirs requires,
//! and how often their credit is reviewed. Pure rules; the settings that hold the
//! policies are `tier.A.terms`, `tier.A.credit_limit` and `tier.A.deposit_pct` (see
//! `store/settings/policy.rs`).
//!
//! The built-in policies (what an unset key means): A and B net 30, C net 14; no default
//! limit; tier C must pay 30 % down. A tier with no default (an empty value) leaves the
//! field as it is: net 30 (the book's [`Terms::default`]), no limit, no deposit.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use super::customer::Tier;
use super::money::Money;
use super::terms::{Plan, Terms};

/// What a tier sets for its customers; `None` is "no default".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierPolicy {
    pub terms: Option<Terms>,
    pub credit_limit: Option<Money>,
    /// Percent of a new invoice due at once, more than 0 and less than 100.
    pub deposit_pct: Option<Decimal>,
}

impl TierPolicy {
    /// The policy a tier has until someone changes it.
    pub fn built_in(tier: Tier) -> TierPolicy {
        match tier {
            Tier::A | Tier::B => TierPolicy {
                terms: Some(Terms::Net(30)),
                credit_limit: None,
                deposit_pct: None,
            },
            Tier::C => TierPolicy {
                terms: Some(Terms::Net(14)),
                credit_limit: None,
                deposit_pct: Some(Decimal::from(30)),
            },
        }
    }

    /// The terms for a new customer: as typed, else the tier's, else net 30.
    pub fn terms_for_new(&self, typed: Option<Terms>) -> Terms {
        typed.or(self.terms).unwrap_or_default()
    }

    /// The credit limit for a new customer: as typed (`Some(None)` is "no limit" said
    /// on purpose), else the tier's.
    pub fn limit_for_new(&self, typed: Option<Option<Money>>) -> Option<Money> {
        typed.unwrap_or(self.credit_limit)
    }

    /// The plan of a new invoice for which none was chosen: the tier's deposit, else a
    /// single item.
    pub fn default_plan(&self) -> Plan {
        match self.deposit_pct {
            Some(pct) => Plan::Deposit(pct),
            None => Plan::Single,
        }
    }
}

/// Months between credit reviews: six for tier C, a year otherwise.
pub fn review_months(tier: Option<Tier>) -> u32 {
    match tier {
        Some(Tier::C) => 6,
        _ => 12,
    }
}

/// The next review after one made (or a customer created) on `day`; the last day of
/// the month when the month is shorter (2026-08-31 + 6 months = 2027-02-28).
pub fn next_review_after(day: NaiveDate, tier: Option<Tier>) -> NaiveDate {
    day.checked_add_months(Months::new(review_months(tier)))
        .unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        crate::domain::parse_date(text).unwrap()
    }

    #[test]
    fn built_in_policies_are_the_documented_ones() {
        assert_eq!(TierPolicy::built_in(Tier::A).terms, Some(Terms::Net(30)));
        assert_eq!(TierPolicy::built_in(Tier::B).terms, Some(Terms::Net(30)));
        assert_eq!(TierPolicy::built_in(Tier::C).terms, Some(Terms::Net(14)));
        assert_eq!(
            TierPolicy::built_in(Tier::C).default_plan(),
            Plan::Deposit(Decimal::from(30))
        );
        assert_eq!(TierPolicy::built_in(Tier::A).default_plan(), Plan::Single);
        assert!(
            [Tier::A, Tier::B, Tier::C]
                .iter()
                .all(|t| TierPolicy::built_in(*t).credit_limit.is_none())
        );
    }

    #[test]
    fn typed_values_win_over_the_tier() {
        let policy = TierPolicy {
            terms: Some(Terms::Net(14)),
            credit_limit: Some(Money(Decimal::new(500000, 2))),
            deposit_pct: None,
        };
        assert_eq!(policy.terms_for_new(None), Terms::Net(14));
        assert_eq!(
            policy.terms_for_new(Some(Terms::EndOfMonth(10))),
            Terms::EndOfMonth(10)
        );
        assert_eq!(
            policy.limit_for_new(None),
            Some(Money(Decimal::new(500000, 2)))
        );
        assert_eq!(policy.limit_for_new(Some(None)), None);
        let none = TierPolicy {
            terms: None,
            credit_limit: None,
            deposit_pct: None,
        };
        assert_eq!(none.terms_for_new(None), Terms::Net(30));
    }

    #[test]
    fn reviews_come_a_year_on_or_six_months_for_tier_c() {
        assert_eq!(
            next_review_after(date("2026-03-15"), Some(Tier::A)),
            date("2027-03-15")
        );
        assert_eq!(
            next_review_after(date("2026-03-15"), None),
            date("2027-03-15")
        );
        assert_eq!(
            next_review_after(date("2026-08-31"), Some(Tier::C)),
            date("2027-02-28")
        );
    }
}
