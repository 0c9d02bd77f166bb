//! Each tier's credit policy in `company_settings`: `tier.A.terms` (a payment term, as
//! the Terms parser reads it), `tier.A.credit_limit` (an amount in the book's number
//! format, not negative) and `tier.A.deposit_pct` (0 up to, not including, 100),
//! likewise for B and C. An unset key is the built-in policy
//! ([`TierPolicy::built_in`]); an empty value is "no default", kept as an empty string
//! so it differs from unset. A policy is only ever read when a customer or an invoice is
//! made: changing it never touches existing customers or posted documents. Every write
//! goes through `settings_change`, so the audit log records it.

use rusqlite::Connection;
use rust_decimal::Decimal;

use super::tiers::TIERS;
use super::{AmountSetting, SettingProblem, WhenEmpty};
use super::{bad, get, put, settings_change};
use crate::domain::Currency;
use crate::domain::customer::Tier;
use crate::domain::ladder::tier_index;
use crate::domain::policy::TierPolicy;
use crate::domain::terms::Terms;
use crate::store::{Result, Store, StoreError};

/// The parts of a policy, by the last part of their key.
const PARTS: [&str; 3] = ["terms", "credit_limit", "deposit_pct"];

fn policy_key(tier: Tier, part: &str) -> String {
    format!("tier.{tier}.{part}")
}

/// `tier.C.deposit_pct` → (C, "deposit_pct").
fn parse_policy_key(key: &str) -> Option<(Tier, &'static str)> {
    let (tier, part) = key.strip_prefix("tier.")?.split_once('.')?;
    let tier = TIERS.into_iter().find(|t| t.to_string() == tier)?;
    let part = PARTS.into_iter().find(|p| *p == part)?;
    Some((tier, part))
}

/// A deposit percentage as typed for `tier.X.deposit_pct`: empty or 0 is none, else
/// more than 0 and less than 100 (a `%` sign may follow).
pub fn parse_deposit_pct(text: &str) -> std::result::Result<Option<Decimal>, SettingProblem> {
    let typed = text.trim();
    let number = typed.trim_end_matches('%').trim();
    if number.is_empty() {
        return Ok(None);
    }
    let pct = number
        .parse::<Decimal>()
        .ok()
        .filter(|p| *p >= Decimal::ZERO && *p < Decimal::ONE_HUNDRED && p.scale() <= 4)
        .ok_or_else(|| SettingProblem::NotAPercentage {
            text: typed.to_string(),
        })?;
    Ok((!pct.is_zero()).then(|| pct.normalize()))
}

/// A tier's default terms as typed: empty is no default.
pub fn parse_policy_terms(text: &str) -> std::result::Result<Option<Terms>, SettingProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<Terms>()
        .map(Some)
        .map_err(|e| SettingProblem::Terms(e).or_empty(WhenEmpty::NoDefault))
}

/// A tier's default credit limit as typed, in the book's number format: empty is no
/// default (no limit).
pub fn parse_policy_limit(
    currency: &Currency,
    text: &str,
) -> std::result::Result<Option<crate::domain::Money>, SettingProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match currency.parse(text) {
        Ok(limit) if limit.is_negative() => Err(negative_limit()),
        Ok(limit) => Ok(Some(limit)),
        Err(e) => Err(SettingProblem::Money(e).or_empty(WhenEmpty::NoDefault)),
    }
}

/// One part of a policy as stored (empty for "no default").
fn stored_text(currency: &Currency, policy: &TierPolicy, part: &str) -> String {
    match part {
        "terms" => policy.terms.map(|t| t.to_string()).unwrap_or_default(),
        "credit_limit" => policy
            .credit_limit
            .map(|l| currency.plain(l))
            .unwrap_or_default(),
        _ => policy
            .deposit_pct
            .map(|p| p.to_string())
            .unwrap_or_default(),
    }
}

/// Reads one stored part into `policy`; a stored value that does not read is corrupt.
fn read_part(
    currency: &Currency,
    policy: &mut TierPolicy,
    key: &str,
    part: &str,
    text: &str,
) -> Result<()> {
    let corrupt = |_: SettingProblem| StoreError::Corrupt(format!("{key} '{text}'"));
    match part {
        "terms" => policy.terms = parse_policy_terms(text).map_err(corrupt)?,
        "credit_limit" => {
            policy.credit_limit = if text.trim().is_empty() {
                None
            } else {
                Some(
                    currency
                        .parse_plain(text)
                        .map_err(|_| StoreError::Corrupt(format!("{key} '{text}'")))?,
                )
            }
        }
        _ => policy.deposit_pct = parse_deposit_pct(text).map_err(corrupt)?,
    }
    Ok(())
}

/// Every tier's policy as in effect, tiers A, B and C in that order.
pub(in crate::store) fn read_policies(
    conn: &Connection,
    currency: &Currency,
) -> Result<[TierPolicy; 3]> {
    let mut policies = TIERS.map(TierPolicy::built_in);
    for (tier, policy) in TIERS.into_iter().zip(policies.iter_mut()) {
        for part in PARTS {
            let key = policy_key(tier, part);
            if let Some(text) = get(conn, &key)? {
                read_part(currency, policy, &key, part, &text)?;
            }
        }
    }
    Ok(policies)
}

/// The first thing wrong with policies about to be saved, named by its key.
pub(super) fn check_policies(policies: &[TierPolicy; 3]) -> Result<()> {
    for (tier, policy) in TIERS.into_iter().zip(policies) {
        if policy.credit_limit.is_some_and(|l| l.is_negative()) {
            return Err(bad(policy_key(tier, "credit_limit"), negative_limit()));
        }
        if let Some(pct) = policy.deposit_pct {
            parse_deposit_pct(&pct.to_string())
                .map_err(|e| bad(policy_key(tier, "deposit_pct"), e))?;
        }
    }
    Ok(())
}

/// Writes the parts that differ from `before`: a part back at the built-in value is
/// unset (so it follows the built-in policy), any other is stored (empty for none).
pub(super) fn write_policies(
    conn: &Connection,
    currency: &Currency,
    before: &[TierPolicy; 3],
    after: &[TierPolicy; 3],
) -> Result<()> {
    for (tier, (was, now)) in TIERS.into_iter().zip(before.iter().zip(after)) {
        let built_in = TierPolicy::built_in(tier);
        for part in PARTS {
            let text = stored_text(currency, now, part);
            if stored_text(currency, was, part) == text {
                continue;
            }
            write_part(
                conn,
                &policy_key(tier, part),
                &text,
                &built_in,
                part,
                currency,
            )?;
        }
    }
    Ok(())
}

fn write_part(
    conn: &Connection,
    key: &str,
    text: &str,
    built_in: &TierPolicy,
    part: &str,
    currency: &Currency,
) -> Result<()> {
    if stored_text(currency, built_in, part) == text {
        conn.execute("DELETE FROM company_settings WHERE key = ?1", [key])?;
    } else {
        put(conn, key, text)?;
    }
    Ok(())
}

/// The built-in policies as the audit log's snapshot reads settings, so setting a part
/// to its built-in value records nothing and emptying it records the old value.
pub(in crate::store) fn built_in_policy_values() -> Vec<(String, String)> {
    // No built-in policy has a limit, so the currency it would be written in is moot.
    let currency = Currency::default();
    let mut out = Vec::new();
    for tier in TIERS {
        let policy = TierPolicy::built_in(tier);
        for part in PARTS {
            out.push((
                policy_key(tier, part),
                stored_text(&currency, &policy, part),
            ));
        }
    }
    out
}

impl Store {
    /// Every tier's credit policy as in effect, tiers A, B and C in that order.
    pub fn tier_policies(&self) -> Result<[TierPolicy; 3]> {
        read_policies(&self.conn, self.currency())
    }

    /// The policy of a customer of `tier`; a customer with no tier has no defaults.
    pub fn tier_policy(&self, tier: Option<Tier>) -> Result<TierPolicy> {
        Ok(match tier {
            Some(tier) => self.tier_policies()?[tier_index(tier)],
            None => TierPolicy {
                terms: None,
                credit_limit: None,
                deposit_pct: None,
            },
        })
    }

    /// The deposit a new invoice for customer `code` requires by its tier's policy, as
    /// `(tier, percent)`; `None` when its tier requires none (or it has no tier). Only
    /// read when an invoice is made with no plan chosen.
    pub fn required_deposit(&self, code: &str) -> Result<Option<(Tier, Decimal)>> {
        let customer = self.customer(code)?;
        let Some(tier) = customer.tier else {
            return Ok(None);
        };
        Ok(self
            .tier_policy(Some(tier))?
            .deposit_pct
            .map(|pct| (tier, pct)))
    }

    /// Sets a policy part by its key (empty: no default); `None` when `key` is not one.
    pub(super) fn set_policy_setting(&mut self, key: &str, value: &str) -> Option<Result<()>> {
        let (tier, part) = parse_policy_key(key)?;
        let currency = self.currency().clone();
        let mut policy = TierPolicy {
            terms: None,
            credit_limit: None,
            deposit_pct: None,
        };
        let checked = match part {
            "terms" => parse_policy_terms(value).map(|t| policy.terms = t),
            "credit_limit" => parse_policy_limit(&currency, value).map(|l| policy.credit_limit = l),
            _ => parse_deposit_pct(value).map(|p| policy.deposit_pct = p),
        };
        if let Err(message) = checked {
            return Some(Err(bad(key, message)));
        }
        let text = stored_text(&currency, &policy, part);
        let built_in = TierPolicy::built_in(tier);
        Some(self.write(|tx, _| {
            settings_change(tx, None, || {
                write_part(tx, key, &text, &built_in, part, &currency)
            })
        }))
    }

    /// The policy settings as `(key, value, is_default)` for `settings show`: the value
    /// in effect (empty: no default), default when the key is unset.
    pub(super) fn policy_setting_values(&self) -> Result<Vec<(String, String, bool)>> {
        let policies = self.tier_policies()?;
        let currency = self.currency();
        let mut out = Vec::new();
        for (tier, policy) in TIERS.into_iter().zip(&policies) {
            for part in PARTS {
                let key = policy_key(tier, part);
                let unset = get(&self.conn, &key)?.is_none();
                let value = match part {
                    "credit_limit" => policy
                        .credit_limit
                        .map(|l| currency.editable(l))
                        .unwrap_or_default(),
                    _ => stored_text(currency, policy, part),
                };
                out.push((key, value, unset));
            }
        }
        Ok(out)
    }
}

/// A tier's default credit limit below zero.
fn negative_limit() -> SettingProblem {
    SettingProblem::Negative(AmountSetting::CreditLimit).or_empty(WhenEmpty::NoDefault)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deposit_percentages_are_checked() {
        assert_eq!(parse_deposit_pct(""), Ok(None));
        assert_eq!(parse_deposit_pct("0"), Ok(None));
        assert_eq!(parse_deposit_pct(" 30 % "), Ok(Some(Decimal::from(30))));
        assert_eq!(parse_deposit_pct("12.50"), Ok(Some(Decimal::new(125, 1))));
        for bad in ["100", "-1", "abc", "150%"] {
            let message = parse_deposit_pct(bad).unwrap_err().to_string();
            assert!(message.contains("up to (not including) 100"), "{bad}");
        }
    }

    #[test]
    fn policy_keys_parse_exactly() {
        assert_eq!(
            parse_policy_key("tier.C.deposit_pct"),
            Some((Tier::C, "deposit_pct"))
        );
        assert_eq!(parse_policy_key("tier.A.terms"), Some((Tier::A, "terms")));
        for key in [
            "tier.D.terms",
            "tier.a.terms",
            "tier.A.letter.1.days",
            "tier.A.fee.annual_rate",
            "tier.A.limit",
        ] {
            assert!(parse_policy_key(key).is_none(), "{key}");
        }
    }

    #[test]
    fn typed_values_are_checked_with_one_line() {
        let currency = Currency::new("EUR", 2).unwrap();
        assert_eq!(parse_policy_terms(" net 14 "), Ok(Some(Terms::Net(14))));
        assert_eq!(parse_policy_terms(""), Ok(None));
        assert!(
            parse_policy_terms("fortnight")
                .unwrap_err()
                .to_string()
                .contains("'fortnight' is not a payment term")
        );
        assert_eq!(
            parse_policy_limit(&currency, "5,000.00").unwrap(),
            Some(currency.parse("5000").unwrap())
        );
        assert!(
            parse_policy_limit(&currency, "-1")
                .unwrap_err()
                .to_string()
                .contains("negative")
        );
        let comma = currency
            .clone()
            .with_format(crate::domain::NumberFormat::CommaDot);
        assert_eq!(
            parse_policy_limit(&comma, "5.000,50").unwrap(),
            Some(currency.parse("5000.50").unwrap())
        );
    }
}
