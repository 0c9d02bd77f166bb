//! A customer's credit risk as a score from 0 to 100, from the book alone, with the
//! reasons in words; and the tier and credit limit a credit review would suggest.
//!
//! The score adds four parts, each capped, so a reader can check it by hand:
//! - **pays late**: the amount-weighted days late over the last 365 days, 30 points at
//!   60 days or more (0.5 a day);
//! - **broken promises**: 10 points for each promise part broken or partly kept in the
//!   last six months, at most 20;
//! - **limit used**: the balance net of unapplied credit against the credit limit,
//!   nothing up to half of it, then up to 20 points at the limit or past it;
//! - **long overdue**: the share of its balance (net of unapplied credit, which would
//!   settle its oldest items first) more than 60 days past due, 30 points when all of
//!   it is.
//!
//! The sum is rounded half away from zero to a whole number. Bands: low under 25,
//! medium under 50, high under 75, severe from 75.

use std::fmt;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::Money;
use super::customer::Tier;
use super::money::Currency;

/// Days late at which the "pays late" part is full.
const LATE_DAYS_FULL: i64 = 60;
const LATE_POINTS: i64 = 30;
const BROKEN_POINTS_EACH: i64 = 10;
const BROKEN_POINTS_MAX: i64 = 20;
const LIMIT_POINTS: i64 = 20;
const OVERDUE_POINTS: i64 = 30;
/// Past due by more than this many days counts as long overdue.
pub const LONG_OVERDUE_DAYS: i64 = 60;
/// The window the broken promises are counted over.
pub const PROMISE_MONTHS: u32 = 6;

/// What the score is made from, as of one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RiskInputs {
    /// Amount-weighted mean days late of the items settled in the last 365 days.
    pub days_late: Option<Decimal>,
    /// Promise parts dated in the last six months that were broken or partly kept.
    pub broken_promises: u32,
    /// What it owes net of unapplied credit.
    pub balance: Money,
    pub credit_limit: Option<Money>,
    /// Its open items, before credit.
    pub open: Money,
    /// The part of `open` more than [`LONG_OVERDUE_DAYS`] past due.
    pub long_overdue: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    Low,
    Medium,
    High,
    Severe,
}

impl Band {
    pub fn of(score: u8) -> Band {
        match score {
            0..25 => Band::Low,
            25..50 => Band::Medium,
            50..75 => Band::High,
            _ => Band::Severe,
        }
    }

    /// The name stored and printed in JSON (never translated).
    pub fn key(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
            Band::Severe => "severe",
        }
    }

    pub fn from_key(key: &str) -> Option<Band> {
        [Band::Low, Band::Medium, Band::High, Band::Severe]
            .into_iter()
            .find(|band| band.key() == key)
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One part of the score, with the figure it came from (whole numbers, as printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskReason {
    PaysLate { days: Decimal },
    BrokenPromises { count: u32 },
    LimitUsed { percent: Decimal },
    LongOverdue { percent: Decimal },
}

impl fmt::Display for RiskReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RiskReason::PaysLate { days } if *days == Decimal::ONE => {
                write!(f, "pays 1 day late on average")
            }
            RiskReason::PaysLate { days } => write!(f, "pays {days} days late on average"),
            RiskReason::BrokenPromises { count: 1 } => {
                write!(f, "1 broken promise in {PROMISE_MONTHS} months")
            }
            RiskReason::BrokenPromises { count } => {
                write!(f, "{count} broken promises in {PROMISE_MONTHS} months")
            }
            RiskReason::LimitUsed { percent } => write!(f, "{percent} % of limit used"),
            RiskReason::LongOverdue { percent } => write!(
                f,
                "{percent} % of its balance over {LONG_OVERDUE_DAYS} days"
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risk {
    pub score: u8,
    pub band: Band,
    /// The parts that added to the score, the largest first.
    pub reasons: Vec<RiskReason>,
}

impl Risk {
    /// The reasons in one line, as the issue words them ("pays 23 days late on average;
    /// 2 broken promises in 6 months"), or that nothing counts against it.
    pub fn explained(&self) -> String {
        if self.reasons.is_empty() {
            return "nothing counts against it".to_string();
        }
        self.reasons
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn whole(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// The score of `inputs`.
pub fn assess(inputs: &RiskInputs) -> Risk {
    let hundred = Decimal::ONE_HUNDRED;
    let mut parts: Vec<(Decimal, RiskReason)> = Vec::new();

    if let Some(days) = inputs.days_late.filter(|d| *d > Decimal::ZERO) {
        let capped = days.min(Decimal::from(LATE_DAYS_FULL));
        let points = capped * Decimal::from(LATE_POINTS) / Decimal::from(LATE_DAYS_FULL);
        parts.push((points, RiskReason::PaysLate { days: whole(days) }));
    }
    if inputs.broken_promises > 0 {
        let points =
            (i64::from(inputs.broken_promises) * BROKEN_POINTS_EACH).min(BROKEN_POINTS_MAX);
        parts.push((
            Decimal::from(points),
            RiskReason::BrokenPromises {
                count: inputs.broken_promises,
            },
        ));
    }
    if let Some(limit) = inputs.credit_limit.filter(|l| l.0 > Decimal::ZERO)
        && inputs.balance.0 > Decimal::ZERO
    {
        let used = inputs.balance.0 * hundred / limit.0;
        let half = Decimal::from(50);
        if used > half {
            let points = ((used - half) / half).min(Decimal::ONE) * Decimal::from(LIMIT_POINTS);
            parts.push((
                points,
                RiskReason::LimitUsed {
                    percent: whole(used),
                },
            ));
        }
    }
    // Unapplied credit would settle the oldest items first: what it covers is not owed,
    // so a customer whose credit covers its long-overdue items has none.
    let credit = (inputs.open.0 - inputs.balance.0).max(Decimal::ZERO);
    let long_overdue = (inputs.long_overdue.0 - credit).max(Decimal::ZERO);
    if inputs.balance.0 > Decimal::ZERO && long_overdue > Decimal::ZERO {
        let share = (long_overdue / inputs.balance.0).min(Decimal::ONE);
        parts.push((
            share * Decimal::from(OVERDUE_POINTS),
            RiskReason::LongOverdue {
                percent: whole(share * hundred),
            },
        ));
    }

    let total: Decimal = parts.iter().map(|(points, _)| *points).sum();
    let score = whole(total).min(hundred).max(Decimal::ZERO);
    let score = score.to_u8().unwrap_or(100);
    // Largest part first; equal parts keep the order above.
    parts.sort_by_key(|part| std::cmp::Reverse(part.0));
    Risk {
        score,
        band: Band::of(score),
        reasons: parts.into_iter().map(|(_, reason)| reason).collect(),
    }
}

/// Why a review suggests what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuggestionReason {
    /// The tier follows from the band (and, for A, from paying on time).
    TierFromRisk {
        band: Band,
        on_time_share: Option<Decimal>,
    },
    /// The limit is a multiple of the highest balance of the last 12 months, rounded up.
    LimitFromHighest {
        highest: Money,
        factor: Decimal,
        limit: Money,
    },
    /// A severe risk gets no more credit than it already uses.
    LimitFrozen { balance: Money },
    /// A severe risk whose limit is already below what it owes keeps that limit: a
    /// review never raises a severe risk's limit.
    LimitKept { limit: Money },
    /// No balance in 12 months to judge by: the tier's default limit (or none).
    LimitFromTier { limit: Option<Money> },
}

impl SuggestionReason {
    /// The reason in English, with amounts in the book's number format.
    pub fn describe(&self, currency: &Currency) -> String {
        match self {
            SuggestionReason::TierFromRisk {
                band,
                on_time_share,
            } => match (band, on_time_share) {
                (Band::Low, Some(share)) if *share >= ON_TIME_FOR_A => {
                    format!("low risk and {} % paid on time: tier A", whole(*share))
                }
                (Band::Low | Band::Medium, _) => format!("{band} risk: tier B"),
                _ => format!("{band} risk: tier C"),
            },
            SuggestionReason::LimitFromHighest {
                highest,
                factor,
                limit,
            } => format!(
                "limit {} × the highest balance in 12 months ({}), rounded up: {}",
                factor.normalize(),
                currency.display(*highest),
                currency.display(*limit)
            ),
            SuggestionReason::LimitFrozen { balance } => format!(
                "severe risk: no more credit than the balance it owes ({})",
                currency.display(*balance)
            ),
            SuggestionReason::LimitKept { limit } => format!(
                "severe risk: the limit stays at {}, below what it owes",
                currency.display(*limit)
            ),
            SuggestionReason::LimitFromTier { limit: Some(limit) } => format!(
                "no balance in 12 months: the tier's default limit ({})",
                currency.display(*limit)
            ),
            SuggestionReason::LimitFromTier { limit: None } => {
                "no balance in 12 months and no default limit for the tier: no limit".into()
            }
        }
    }
}

/// On-time share (percent) a low-risk customer needs to be suggested tier A.
pub const ON_TIME_FOR_A: Decimal = Decimal::from_parts(80, 0, 0, false, 0);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub tier: Tier,
    pub limit: Option<Money>,
    pub reasons: Vec<SuggestionReason>,
}

/// The tier a customer's risk suggests: A for low risk paid mostly on time, B for low or
/// medium, C for high or severe.
pub fn suggested_tier(risk: &Risk, on_time_share: Option<Decimal>) -> Tier {
    match risk.band {
        Band::Low if on_time_share.is_some_and(|s| s >= ON_TIME_FOR_A) => Tier::A,
        Band::Low | Band::Medium => Tier::B,
        Band::High | Band::Severe => Tier::C,
    }
}

/// What a credit review suggests: the tier from [`suggested_tier`], and a limit of 1.5 ×
/// (A), 1.25 × (B) or 1 × (C) the highest balance of the last 12 months, rounded up to a
/// round figure ([`round_limit_up`]); a severe risk keeps only what it owes now, or its
/// `current_limit` when that is lower; with no balance in 12 months, `tier_default_limit`.
#[allow(clippy::too_many_arguments)]
pub fn suggest(
    risk: &Risk,
    on_time_share: Option<Decimal>,
    highest_balance: Money,
    balance: Money,
    current_limit: Option<Money>,
    tier_default_limit: impl Fn(Tier) -> Option<Money>,
    currency: &Currency,
) -> Suggestion {
    let tier = suggested_tier(risk, on_time_share);
    let mut reasons = vec![SuggestionReason::TierFromRisk {
        band: risk.band,
        on_time_share,
    }];
    let limit = if risk.band == Band::Severe {
        let owed = Money(balance.0.max(Decimal::ZERO));
        match current_limit {
            Some(limit) if limit < owed => {
                reasons.push(SuggestionReason::LimitKept { limit });
                Some(currency.rescale(limit))
            }
            _ => {
                reasons.push(SuggestionReason::LimitFrozen { balance: owed });
                Some(currency.rescale(owed))
            }
        }
    } else if highest_balance.0 > Decimal::ZERO {
        let factor = match tier {
            Tier::A => Decimal::new(15, 1),
            Tier::B => Decimal::new(125, 2),
            Tier::C => Decimal::ONE,
        };
        let limit = currency.rescale(round_limit_up(Money(highest_balance.0 * factor)));
        reasons.push(SuggestionReason::LimitFromHighest {
            highest: highest_balance,
            factor,
            limit,
        });
        Some(limit)
    } else {
        let limit = tier_default_limit(tier);
        reasons.push(SuggestionReason::LimitFromTier { limit });
        limit
    };
    Suggestion {
        tier,
        limit,
        reasons,
    }
}

/// `amount` rounded up to a figure a person would set as a limit: to the next 100 below
/// 10,000, the next 1,000 below 100,000, the next 10,000 above.
pub fn round_limit_up(amount: Money) -> Money {
    let value = amount.0.max(Decimal::ZERO);
    let step = if value < Decimal::from(10_000) {
        Decimal::from(100)
    } else if value < Decimal::from(100_000) {
        Decimal::from(1_000)
    } else {
        Decimal::from(10_000)
    };
    Money((value / step).ceil() * step)
}

#[cfg(test)]
mod tests;
