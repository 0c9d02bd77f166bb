//! The ladder's settings in `company_settings`: the least days between two letters
//! (`letter.interval_days`), the small-balance tolerance (`letter.tolerance`, stored in
//! plain form) and whether each level is used (`letter.N.enabled`); and the level-0
//! payment reminder (`letter.0.enabled`, `letter.0.days_before`, and whether it is sent as
//! a letter, `letter.0.send`). Every
//! write goes through `settings_change`, so the audit log records it.

use super::{bad, get, put, read_thresholds, settings_change};
use crate::domain::Money;
use crate::domain::ladder::{LadderRules, ReminderRules};
use crate::domain::letters::Level;
use crate::store::{Result, Store, StoreError};

/// The longest interval between letters that may be set, in days.
pub const MAX_INTERVAL_DAYS: i64 = 365;

pub(super) const INTERVAL_KEY: &str = "letter.interval_days";
pub(super) const TOLERANCE_KEY: &str = "letter.tolerance";
pub(super) const REMINDER_ENABLED_KEY: &str = "letter.0.enabled";
pub(super) const REMINDER_DAYS_KEY: &str = "letter.0.days_before";
pub(super) const REMINDER_SEND_KEY: &str = "letter.0.send";

fn enabled_key(level: Level) -> String {
    format!("letter.{}.enabled", level.number())
}

/// `letter.N.enabled` → N's level.
pub(super) fn parse_enabled_key(key: &str) -> Option<Level> {
    let number = key.strip_prefix("letter.")?.strip_suffix(".enabled")?;
    Level::from_number(number.parse().ok()?)
}

/// yes/no, true/false (any case), as `settings set` takes them.
fn parse_switch(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    }
}

impl Store {
    /// The ladder's rules as set: thresholds, levels switched on, interval, tolerance.
    pub fn ladder_rules(&self) -> Result<LadderRules> {
        let mut rules = LadderRules {
            thresholds: read_thresholds(&self.conn)?,
            ..LadderRules::default()
        };
        if let Some(text) = get(&self.conn, INTERVAL_KEY)? {
            rules.interval_days = text
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("{INTERVAL_KEY} '{text}'")))?;
        }
        if let Some(text) = get(&self.conn, TOLERANCE_KEY)? {
            rules.tolerance = self
                .currency()
                .parse_plain(&text)
                .map_err(|_| StoreError::Corrupt(format!("{TOLERANCE_KEY} '{text}'")))?;
        }
        for level in Level::ALL {
            let key = enabled_key(level);
            if let Some(text) = get(&self.conn, &key)? {
                rules.enabled[usize::from(level.number() - 1)] = parse_switch(&text)
                    .ok_or_else(|| StoreError::Corrupt(format!("{key} '{text}'")))?;
            }
        }
        Ok(rules)
    }

    /// The level-0 payment reminder as set (default: on, 3 days before the due date, not
    /// sent as a letter).
    pub fn reminder_rules(&self) -> Result<ReminderRules> {
        let mut rules = ReminderRules::default();
        if let Some(text) = get(&self.conn, REMINDER_ENABLED_KEY)? {
            rules.enabled = parse_switch(&text)
                .ok_or_else(|| StoreError::Corrupt(format!("{REMINDER_ENABLED_KEY} '{text}'")))?;
        }
        if let Some(text) = get(&self.conn, REMINDER_SEND_KEY)? {
            rules.send = parse_switch(&text)
                .ok_or_else(|| StoreError::Corrupt(format!("{REMINDER_SEND_KEY} '{text}'")))?;
        }
        if let Some(text) = get(&self.conn, REMINDER_DAYS_KEY)? {
            rules.days_before = text
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("{REMINDER_DAYS_KEY} '{text}'")))?;
        }
        Ok(rules)
    }

    /// Sets a ladder setting by its key; `None` when `key` is not one of them.
    pub(super) fn set_ladder_setting(&mut self, key: &str, value: &str) -> Option<Result<()>> {
        let stored = if key == REMINDER_DAYS_KEY {
            let max = ReminderRules::MAX_DAYS_BEFORE;
            match value.trim().parse::<i64>() {
                Ok(days) if (0..=max).contains(&days) => days.to_string(),
                _ => {
                    return Some(Err(bad(
                        key,
                        format!(
                            "'{}' is not a whole number of days from 0 to {max}",
                            value.trim()
                        ),
                    )));
                }
            }
        } else if key == INTERVAL_KEY {
            match value.trim().parse::<i64>() {
                Ok(days) if (0..=MAX_INTERVAL_DAYS).contains(&days) => days.to_string(),
                _ => {
                    return Some(Err(bad(
                        key,
                        format!(
                            "'{}' is not a whole number of days from 0 to {MAX_INTERVAL_DAYS}",
                            value.trim()
                        ),
                    )));
                }
            }
        } else if key == TOLERANCE_KEY {
            let currency = self.currency().clone();
            match currency.parse(value) {
                Ok(amount) if !amount.is_negative() => currency.plain(amount),
                Ok(_) => return Some(Err(bad(key, "the tolerance cannot be negative"))),
                Err(e) => return Some(Err(bad(key, e))),
            }
        } else if parse_enabled_key(key).is_some()
            || key == REMINDER_ENABLED_KEY
            || key == REMINDER_SEND_KEY
        {
            match parse_switch(value) {
                Some(on) => on.to_string(),
                None => {
                    return Some(Err(bad(
                        key,
                        format!("'{}' is not yes, no, true or false", value.trim()),
                    )));
                }
            }
        } else {
            return None;
        };
        Some(self.write(|tx, _| settings_change(tx, None, || put(tx, key, &stored))))
    }

    /// The ladder settings as `(key, value, is_default)` for `settings show`.
    pub(super) fn ladder_setting_values(&self) -> Result<Vec<(String, String, bool)>> {
        let rules = self.ladder_rules()?;
        let defaults = LadderRules::default();
        let reminder = self.reminder_rules()?;
        let mut out = vec![
            (
                INTERVAL_KEY.to_string(),
                rules.interval_days.to_string(),
                rules.interval_days == defaults.interval_days,
            ),
            (
                TOLERANCE_KEY.to_string(),
                self.currency().editable(rules.tolerance),
                rules.tolerance == Money::ZERO,
            ),
        ];
        for (level, on) in Level::ALL.into_iter().zip(rules.enabled) {
            out.push((
                enabled_key(level),
                if on { "yes" } else { "no" }.to_string(),
                on,
            ));
        }
        out.push((
            REMINDER_ENABLED_KEY.to_string(),
            if reminder.enabled { "yes" } else { "no" }.to_string(),
            reminder.enabled,
        ));
        out.push((
            REMINDER_SEND_KEY.to_string(),
            if reminder.send { "yes" } else { "no" }.to_string(),
            !reminder.send,
        ));
        out.push((
            REMINDER_DAYS_KEY.to_string(),
            reminder.days_before.to_string(),
            reminder.days_before == ReminderRules::DEFAULT_DAYS_BEFORE,
        ));
        Ok(out)
    }
}
