//! The late-interest policy's settings in `company_settings`: `fee.annual_rate` (percent
//! a year, simple interest, 0 to 100), `fee.grace_days` (0 to 365), `fee.minimum` (the
//! least charge per customer per run) and `fee.fixed` (a flat fee per overdue item per
//! run), and each tier's own rate and grace (`tier.A.fee.annual_rate`,
//! `tier.A.fee.grace_days`; empty is the book-wide value), and `fee.from`, the first day
//! interest may be charged (empty: no limit). Unset values are the defaults
//! of [`FeeRules`]: nothing is charged until a rate or a fixed fee is set. Every write
//! goes through `settings_change`, so the audit log records it.

use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_decimal::Decimal;

use super::tiers::TIERS;
use super::{AmountSetting, SettingProblem, WhenEmpty, bad, get};
use crate::domain::customer::Tier;
use crate::domain::interest::FeeRules;
use crate::domain::ladder::tier_index;
use crate::domain::{Currency, Money};
use crate::store::{Result, Store, StoreError};

const RATE_KEY: &str = "fee.annual_rate";
const GRACE_KEY: &str = "fee.grace_days";
const MINIMUM_KEY: &str = "fee.minimum";
const FIXED_KEY: &str = "fee.fixed";
const FROM_KEY: &str = "fee.from";

/// The longest grace that may be set, in days.
pub const MAX_GRACE_DAYS: i64 = 365;

/// The fee rules of the book and of each tier as in effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TierFeeRules {
    pub book: FeeRules,
    /// Tiers A, B and C in that order ([`TIERS`]).
    pub tiers: [FeeRules; 3],
}

impl TierFeeRules {
    /// The rules for a customer of `tier` (none: the book's).
    pub fn for_tier(&self, tier: Option<Tier>) -> FeeRules {
        tier.map_or(self.book, |t| self.tiers[tier_index(t)])
    }
}

/// `fee.annual_rate` as typed: percent a year from 0 to 100, with a decimal point.
pub fn parse_rate(value: &str) -> std::result::Result<Decimal, SettingProblem> {
    let value = value.trim();
    Decimal::from_str(value)
        .ok()
        .filter(|r| *r >= Decimal::ZERO && *r <= Decimal::ONE_HUNDRED && r.scale() <= 6)
        .map(|r| r.normalize())
        .ok_or_else(|| SettingProblem::NotARate {
            text: value.to_string(),
        })
}

/// `fee.grace_days` as typed: whole days from 0 to [`MAX_GRACE_DAYS`].
pub fn parse_grace_days(value: &str) -> std::result::Result<i64, SettingProblem> {
    super::ladder::parse_days_in(value, MAX_GRACE_DAYS)
}

/// `fee.from` as typed: a date (YYYY-MM-DD), or empty for none.
pub fn parse_fee_from(value: &str) -> std::result::Result<Option<NaiveDate>, SettingProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    crate::domain::parse_date(value)
        .map(Some)
        .map_err(|_| SettingProblem::NotAFeeDate {
            text: value.to_string(),
        })
}

/// `fee.minimum` or `fee.fixed` as typed, in the book's number format: not negative.
pub fn parse_fee_amount(
    currency: &Currency,
    value: &str,
) -> std::result::Result<Money, SettingProblem> {
    match currency.parse(value) {
        Ok(amount) if !amount.is_negative() => Ok(amount),
        Ok(_) => Err(SettingProblem::Negative(AmountSetting::Fee)),
        Err(e) => Err(SettingProblem::Money(e)),
    }
}

fn tier_key(tier: Tier, what: &str) -> String {
    format!("tier.{tier}.fee.{what}")
}

/// `tier.B.fee.grace_days` → (B, "grace_days").
fn parse_tier_fee_key(key: &str) -> Option<(Tier, &str)> {
    let (tier, what) = key.strip_prefix("tier.")?.split_once(".fee.")?;
    let tier = TIERS.into_iter().find(|t| t.to_string() == tier)?;
    matches!(what, "annual_rate" | "grace_days").then_some((tier, what))
}

fn stored<T>(
    key: &str,
    text: &str,
    parse: impl Fn(&str) -> std::result::Result<T, SettingProblem>,
) -> Result<T> {
    parse(text).map_err(|_| StoreError::Corrupt(format!("{key} '{text}'")))
}

/// The rules as set, book-wide and per tier.
pub(crate) fn read_fee_rules(conn: &Connection, currency: &Currency) -> Result<TierFeeRules> {
    let mut book = FeeRules::default();
    if let Some(text) = get(conn, RATE_KEY)? {
        book.annual_rate = stored(RATE_KEY, &text, parse_rate)?;
    }
    if let Some(text) = get(conn, GRACE_KEY)? {
        book.grace_days = stored(GRACE_KEY, &text, parse_grace_days)?;
    }
    for (key, field) in [
        (MINIMUM_KEY, &mut book.minimum),
        (FIXED_KEY, &mut book.fixed),
    ] {
        if let Some(text) = get(conn, key)? {
            *field = currency
                .parse_plain(&text)
                .map_err(|_| StoreError::Corrupt(format!("{key} '{text}'")))?;
        }
    }
    if let Some(text) = get(conn, FROM_KEY)? {
        book.from = stored(FROM_KEY, &text, parse_fee_from)?;
    }
    let mut tiers = [book; 3];
    for (tier, rules) in TIERS.into_iter().zip(tiers.iter_mut()) {
        let key = tier_key(tier, "annual_rate");
        if let Some(text) = get(conn, &key)? {
            rules.annual_rate = stored(&key, &text, parse_rate)?;
        }
        let key = tier_key(tier, "grace_days");
        if let Some(text) = get(conn, &key)? {
            rules.grace_days = stored(&key, &text, parse_grace_days)?;
        }
    }
    Ok(TierFeeRules { book, tiers })
}

impl Store {
    /// The late-interest policy as set, book-wide and per tier.
    pub fn fee_rules(&self) -> Result<TierFeeRules> {
        read_fee_rules(&self.conn, self.currency())
    }

    /// Sets a fee setting by its key (a tier's, with an empty value, is unset); `None`
    /// when `key` is not one of them.
    pub(super) fn set_fee_setting(&mut self, key: &str, value: &str) -> Option<Result<()>> {
        let currency = self.currency().clone();
        let checked: std::result::Result<Option<String>, SettingProblem> = match key {
            RATE_KEY => parse_rate(value).map(|r| Some(r.to_string())),
            GRACE_KEY => parse_grace_days(value).map(|d| Some(d.to_string())),
            MINIMUM_KEY | FIXED_KEY => {
                parse_fee_amount(&currency, value).map(|a| Some(currency.plain(a)))
            }
            FROM_KEY => parse_fee_from(value).map(|d| d.map(|d| d.to_string())),
            _ => {
                let (_, what) = parse_tier_fee_key(key)?;
                let value = value.trim();
                if value.is_empty() {
                    Ok(None)
                } else if what == "annual_rate" {
                    parse_rate(value)
                        .map(|r| Some(r.to_string()))
                        .map_err(|e| e.or_empty(WhenEmpty::BookWide(RATE_KEY)))
                } else {
                    parse_grace_days(value)
                        .map(|d| Some(d.to_string()))
                        .map_err(|e| e.or_empty(WhenEmpty::BookWide(GRACE_KEY)))
                }
            }
        };
        let stored = match checked {
            Ok(stored) => stored,
            Err(message) => return Some(Err(bad(key, message))),
        };
        Some(self.set_or_unset(key, stored.as_deref()))
    }

    /// The fee settings as `(key, value, is_default)` for `settings show`; a tier's value
    /// as in effect, default when it follows the book-wide one.
    pub(super) fn fee_setting_values(&self) -> Result<Vec<(String, String, bool)>> {
        let rules = self.fee_rules()?;
        let currency = self.currency();
        let book = rules.book;
        let mut out = vec![
            (
                RATE_KEY.to_string(),
                book.annual_rate.to_string(),
                book.annual_rate.is_zero(),
            ),
            (
                GRACE_KEY.to_string(),
                book.grace_days.to_string(),
                book.grace_days == 0,
            ),
            (
                MINIMUM_KEY.to_string(),
                currency.editable(book.minimum),
                book.minimum.is_zero(),
            ),
            (
                FIXED_KEY.to_string(),
                currency.editable(book.fixed),
                book.fixed.is_zero(),
            ),
            (
                FROM_KEY.to_string(),
                book.from.map(|d| d.to_string()).unwrap_or_default(),
                book.from.is_none(),
            ),
        ];
        for tier in TIERS {
            let own = rules.tiers[tier_index(tier)];
            let rate_key = tier_key(tier, "annual_rate");
            let grace_key = tier_key(tier, "grace_days");
            out.push((
                rate_key.clone(),
                own.annual_rate.to_string(),
                get(&self.conn, &rate_key)?.is_none(),
            ));
            out.push((
                grace_key.clone(),
                own.grace_days.to_string(),
                get(&self.conn, &grace_key)?.is_none(),
            ));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_grace_are_checked_with_one_line() {
        assert_eq!(parse_rate(" 12.5 ").unwrap(), Decimal::new(125, 1));
        assert_eq!(parse_rate("12.00").unwrap().to_string(), "12");
        for bad in ["-1", "100.01", "twelve", "", "12%"] {
            let message = parse_rate(bad).unwrap_err().to_string();
            assert!(message.contains("from 0 to 100"), "{bad}: {message}");
        }
        assert_eq!(parse_grace_days("365"), Ok(365));
        assert!(parse_grace_days("366").is_err());
        assert!(parse_grace_days("1.5").is_err());
    }

    #[test]
    fn tier_fee_keys_parse_exactly() {
        assert_eq!(
            parse_tier_fee_key("tier.B.fee.grace_days"),
            Some((Tier::B, "grace_days"))
        );
        for key in [
            "tier.D.fee.annual_rate",
            "tier.a.fee.annual_rate",
            "tier.A.fee.minimum",
            "tier.A.fee.fixed",
            "tier.A.letter.1.days",
        ] {
            assert!(parse_tier_fee_key(key).is_none(), "{key}");
        }
    }
}
