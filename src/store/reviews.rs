//! Credit reviews: each customer's next-review date, the reviews due on a day, and a
//! review's outcome. A review either changes the customer's tier and credit limit (the
//! suggestion accepted) or keeps them as they are; either way it counts as done, and the
//! next review moves on by the customer's tier (12 months, 6 for tier C, counted from
//! the day of the review). Every change is one `customer-edit` audit row per field with
//! the reason [`REVIEW_REASON`], written in the same transaction as the change.

use chrono::NaiveDate;
use rusqlite::params;

use super::customers::{Customer, CustomerUpdate};
use super::{Result, Store};
use crate::domain::Money;
use crate::domain::customer::Tier;
use crate::domain::policy::next_review_after;

/// The reason beside every audit row a review writes.
pub const REVIEW_REASON: &str = "credit review";

/// What a review settles on: the customer's tier and limit from now on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewOutcome {
    /// Tier and limit stay as they are.
    Keep,
    /// The customer gets this tier and this limit (`None`: no limit).
    Change {
        tier: Option<Tier>,
        credit_limit: Option<Money>,
    },
}

/// A customer and when it is next reviewed, as the review list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDate {
    pub code: String,
    pub name: String,
    pub tier: Option<Tier>,
    pub credit_limit: Option<Money>,
    pub next_review: NaiveDate,
}

impl Store {
    /// Every active customer with a next-review date on or before `until` (all of them
    /// when `None`), soonest first, then by code. Archived customers are not reviewed.
    pub fn review_dates(&self, until: Option<NaiveDate>) -> Result<Vec<ReviewDate>> {
        let mut stmt = self.conn.prepare(
            "SELECT code, name, tier, credit_limit, next_review FROM customers
             WHERE archived = 0 AND next_review IS NOT NULL
               AND (?1 IS NULL OR next_review <= ?1)
             ORDER BY next_review, code",
        )?;
        let currency = self.currency();
        let rows = stmt.query_map(params![until.map(|d| d.to_string())], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (code, name, tier, limit, next_review) = row?;
            let corrupt = |what: &str| super::StoreError::Corrupt(format!("{code}: {what}"));
            out.push(ReviewDate {
                tier: tier
                    .map(|t| {
                        t.parse::<Tier>()
                            .map_err(|_| corrupt(&format!("tier '{t}'")))
                    })
                    .transpose()?,
                credit_limit: limit.map(|m| currency.from_minor(m)),
                next_review: crate::domain::parse_date(&next_review)
                    .map_err(|_| corrupt(&format!("next_review '{next_review}'")))?,
                code,
                name,
            });
        }
        Ok(out)
    }

    /// Moves a customer's next review to `date` (audited, with `reason` if given).
    pub fn set_next_review(
        &mut self,
        code: &str,
        date: NaiveDate,
        reason: Option<&str>,
    ) -> Result<Customer> {
        self.update_customer(
            code,
            &CustomerUpdate {
                next_review: Some(date),
                reason: reason.map(str::to_string),
                ..Default::default()
            },
        )
    }

    /// Records a review made on `day`: the outcome's tier and limit, and the next review
    /// by the (new) tier's interval from `day`, in one transaction, each changed field
    /// audited with the reason [`REVIEW_REASON`].
    pub fn complete_review(
        &mut self,
        code: &str,
        outcome: ReviewOutcome,
        day: NaiveDate,
    ) -> Result<Customer> {
        let current = self.customer(code)?;
        let (tier, credit_limit) = match outcome {
            ReviewOutcome::Keep => (None, None),
            ReviewOutcome::Change { tier, credit_limit } => (Some(tier), Some(credit_limit)),
        };
        let tier_after = tier.unwrap_or(current.tier);
        self.update_customer(
            code,
            &CustomerUpdate {
                tier,
                credit_limit,
                next_review: Some(next_review_after(day, tier_after)),
                reason: Some(REVIEW_REASON.to_string()),
                ..Default::default()
            },
        )
    }
}
