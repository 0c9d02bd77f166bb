//! The ladder's settings in `company_settings`: the least days between two letters
//! (`letter.interval_days`), the small-balance tolerance (`letter.tolerance`, stored in
//! plain form) and whether each level is used (`letter.N.enabled`); and the level-0
//! payment reminder (`letter.0.enabled`, `letter.0.days_before`, and whether it is sent as
//! a letter, `letter.0.send`). Every
//! write goes through `settings_change`, so the audit log records it.

use rusqlite::Connection;

use super::{AmountSetting, SettingProblem, bad, get, put, read_thresholds, settings_change};
use crate::domain::ladder::{LadderRules, ReminderRules};
use crate::domain::letters::Level;
use crate::domain::{Currency, Money};
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

/// The ladder's settings besides the thresholds, as the settings screen edits and saves
/// them with the rest (the thresholds are [`super::CompanySettings::thresholds`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderSettings {
    /// Whether each level is sent, in [`Level::ALL`] order.
    pub enabled: [bool; 4],
    /// Least whole days between two letters to one customer.
    pub interval_days: i64,
    /// A net overdue amount below this is not dunned.
    pub tolerance: Money,
    /// The level-0 payment reminder before items fall due.
    pub reminder: ReminderRules,
}

impl Default for LadderSettings {
    fn default() -> LadderSettings {
        let rules = LadderRules::default();
        LadderSettings {
            enabled: rules.enabled,
            interval_days: rules.interval_days,
            tolerance: rules.tolerance,
            reminder: ReminderRules::default(),
        }
    }
}

/// `letter.interval_days` as typed: whole days from 0 to [`MAX_INTERVAL_DAYS`].
pub fn parse_interval_days(value: &str) -> std::result::Result<i64, SettingProblem> {
    parse_days_in(value, MAX_INTERVAL_DAYS)
}

/// `letter.0.days_before` as typed: whole days from 0 to [`ReminderRules::MAX_DAYS_BEFORE`].
pub fn parse_reminder_days(value: &str) -> std::result::Result<i64, SettingProblem> {
    parse_days_in(value, ReminderRules::MAX_DAYS_BEFORE)
}

/// Whole days from 0 to `max`, as typed.
pub(super) fn parse_days_in(value: &str, max: i64) -> std::result::Result<i64, SettingProblem> {
    match value.trim().parse::<i64>() {
        Ok(days) if (0..=max).contains(&days) => Ok(days),
        _ => Err(SettingProblem::NotDays {
            text: value.trim().to_string(),
            max,
        }),
    }
}

/// `letter.tolerance` as typed, in the book's number format: an amount, not negative.
pub fn parse_tolerance(
    currency: &Currency,
    value: &str,
) -> std::result::Result<Money, SettingProblem> {
    match currency.parse(value) {
        Ok(amount) if !amount.is_negative() => Ok(amount),
        Ok(_) => Err(SettingProblem::Negative(AmountSetting::Tolerance)),
        Err(e) => Err(SettingProblem::Money(e)),
    }
}

/// The first thing wrong with `ladder`, named by its key.
pub(super) fn check_ladder(ladder: &LadderSettings) -> Result<()> {
    let days = |key: &str, days: i64, max: i64| {
        parse_days_in(&days.to_string(), max)
            .map(|_| ())
            .map_err(|problem| bad(key, problem))
    };
    days(INTERVAL_KEY, ladder.interval_days, MAX_INTERVAL_DAYS)?;
    days(
        REMINDER_DAYS_KEY,
        ladder.reminder.days_before,
        ReminderRules::MAX_DAYS_BEFORE,
    )?;
    if ladder.tolerance.is_negative() {
        return Err(bad(
            TOLERANCE_KEY,
            SettingProblem::Negative(AmountSetting::Tolerance),
        ));
    }
    Ok(())
}

/// Writes the ladder settings that differ from `before` (so an unchanged default stays
/// unset, and the audit log records only what changed).
pub(super) fn write_ladder(
    conn: &Connection,
    currency: &Currency,
    before: &LadderSettings,
    after: &LadderSettings,
) -> Result<()> {
    let switch = |on: bool| if on { "yes" } else { "no" }.to_string();
    let mut changed: Vec<(String, String)> = Vec::new();
    for (level, (was, now)) in Level::ALL
        .into_iter()
        .zip(before.enabled.into_iter().zip(after.enabled))
    {
        if was != now {
            changed.push((enabled_key(level), switch(now)));
        }
    }
    if before.interval_days != after.interval_days {
        changed.push((INTERVAL_KEY.into(), after.interval_days.to_string()));
    }
    if before.tolerance != after.tolerance {
        changed.push((TOLERANCE_KEY.into(), currency.plain(after.tolerance)));
    }
    if before.reminder.enabled != after.reminder.enabled {
        changed.push((REMINDER_ENABLED_KEY.into(), switch(after.reminder.enabled)));
    }
    if before.reminder.send != after.reminder.send {
        changed.push((REMINDER_SEND_KEY.into(), switch(after.reminder.send)));
    }
    if before.reminder.days_before != after.reminder.days_before {
        changed.push((
            REMINDER_DAYS_KEY.into(),
            after.reminder.days_before.to_string(),
        ));
    }
    for (key, value) in changed {
        put(conn, &key, &value)?;
    }
    Ok(())
}

impl Store {
    /// The ladder's settings besides the thresholds, as set.
    pub fn ladder_settings(&self) -> Result<LadderSettings> {
        let rules = self.ladder_rules()?;
        Ok(LadderSettings {
            enabled: rules.enabled,
            interval_days: rules.interval_days,
            tolerance: rules.tolerance,
            reminder: self.reminder_rules()?,
        })
    }

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
            match parse_reminder_days(value) {
                Ok(days) => days.to_string(),
                Err(e) => return Some(Err(bad(key, e))),
            }
        } else if key == INTERVAL_KEY {
            match parse_interval_days(value) {
                Ok(days) => days.to_string(),
                Err(e) => return Some(Err(bad(key, e))),
            }
        } else if key == TOLERANCE_KEY {
            let currency = self.currency().clone();
            match parse_tolerance(&currency, value) {
                Ok(amount) => currency.plain(amount),
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
                        SettingProblem::NotASwitch {
                            text: value.trim().to_string(),
                        },
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
