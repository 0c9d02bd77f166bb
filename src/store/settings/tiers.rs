//! A ladder per customer tier: `tier.A.letter.N.days` (N = 1 to 4) and
//! `tier.A.letter.interval_days`, likewise for B and C, kept in `company_settings`. An
//! unset key means the book-wide `letter.N.days` / `letter.interval_days`, so a tier's
//! ladder is judged as in effect: its own values over the book-wide ones, thresholds
//! increasing. A change of the book-wide thresholds is judged on every tier's ladder too,
//! so no tier is ever left with thresholds out of order. The settings screen edits all
//! three tiers as [`TierSettings`] and saves them with the rest (only the keys that
//! changed are written). Every write goes through `settings_change`, so the audit log
//! records it.

use rusqlite::Connection;

use super::ladder::{INTERVAL_KEY, MAX_INTERVAL_DAYS, parse_days_in};
use super::{SettingProblem, WhenEmpty};
use super::{bad, put, read_thresholds, settings_change};
use crate::domain::customer::Tier;
use crate::domain::ladder::{TierLadders, tier_index};
use crate::domain::letters::{LetterError, Level, check_thresholds, parse_days};
use crate::store::{Result, Store, StoreError};

/// The tiers, in the order of [`super::CompanySettings::tiers`].
pub const TIERS: [Tier; 3] = [Tier::A, Tier::B, Tier::C];

/// What a tier sets of its own; `None` is the book-wide value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TierSettings {
    /// Days past due per level, in [`Level::ALL`] order.
    pub days: [Option<i64>; 4],
    pub interval_days: Option<i64>,
}

impl TierSettings {
    fn is_empty(&self) -> bool {
        *self == TierSettings::default()
    }

    fn thresholds(&self, book: &[i64; 4]) -> [i64; 4] {
        std::array::from_fn(|i| self.days[i].unwrap_or(book[i]))
    }
}

/// A tier's `letter.N.days` as typed: empty is the book-wide value (`None`), else whole
/// days from 1 to the most a threshold may be; the message is what `settings set` says
/// after the key.
pub fn parse_tier_days(
    level: Level,
    value: &str,
) -> std::result::Result<Option<i64>, SettingProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    parse_days(level, value)
        .map(Some)
        .map_err(SettingProblem::Letter)
}

/// A tier's `letter.interval_days` as typed: empty is the book-wide value (`None`), else
/// whole days from 0 to [`MAX_INTERVAL_DAYS`].
pub fn parse_tier_interval(value: &str) -> std::result::Result<Option<i64>, SettingProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    parse_days_in(value, MAX_INTERVAL_DAYS)
        .map(Some)
        .map_err(|e| e.or_empty(WhenEmpty::BookWide(INTERVAL_KEY)))
}

/// Why `tier`'s ladder as in effect (its own days over the book-wide `book`) is refused:
/// the level at fault, the level before it when the two are out of order, and what is
/// wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierLadderProblem {
    pub level: Level,
    pub previous: Option<Level>,
    /// What is wrong, for a screen to say in its own words.
    pub error: LetterError,
    pub tier: Tier,
}

impl TierLadderProblem {
    /// What `owed settings set` says, naming the tier.
    pub fn problem(&self) -> SettingProblem {
        SettingProblem::TierLadder {
            tier: self.tier,
            error: self.error.clone(),
        }
    }
}

/// `tier`'s ladder checked as in effect; a tier that sets nothing of its own follows the
/// book-wide ladder and is never refused here.
pub fn check_tier_ladder(
    tier: Tier,
    own: &TierSettings,
    book: &[i64; 4],
) -> std::result::Result<(), TierLadderProblem> {
    if own.is_empty() {
        return Ok(());
    }
    check_thresholds(&own.thresholds(book)).map_err(|error| {
        let (level, previous) = match &error {
            LetterError::BadDays { level, .. } => (*level, None),
            LetterError::NotIncreasing {
                level, previous, ..
            } => (*level, Level::from_number(*previous)),
            _ => (1, None),
        };
        TierLadderProblem {
            level: Level::from_number(level).unwrap_or(Level::Reminder),
            previous,
            error,
            tier,
        }
    })
}

/// A tier key: a level's days or the interval.
#[derive(Debug, Clone, Copy)]
enum TierKey {
    Days(Level),
    Interval,
}

fn days_key(tier: Tier, level: Level) -> String {
    format!("tier.{tier}.letter.{}.days", level.number())
}

fn interval_key(tier: Tier) -> String {
    format!("tier.{tier}.letter.interval_days")
}

/// `tier.A.letter.2.days` → (A, days of level 2); exact upper-case tier letters only.
fn parse_tier_key(key: &str) -> Option<(Tier, TierKey)> {
    let rest = key.strip_prefix("tier.")?;
    let (tier, rest) = rest.split_once('.')?;
    let tier = TIERS.into_iter().find(|t| t.to_string() == tier)?;
    let rest = rest.strip_prefix("letter.")?;
    if rest == "interval_days" {
        return Some((tier, TierKey::Interval));
    }
    let level = Level::from_number(rest.strip_suffix(".days")?.parse().ok()?)?;
    Some((tier, TierKey::Days(level)))
}

/// Every tier's own values, in one query.
pub(super) fn read_tier_own(conn: &Connection) -> Result<[TierSettings; 3]> {
    let mut own = [TierSettings::default(); 3];
    let mut stmt =
        conn.prepare_cached("SELECT key, value FROM company_settings WHERE key LIKE 'tier.%'")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let key: String = row.get(0)?;
        let value: String = row.get(1)?;
        let Some((tier, what)) = parse_tier_key(&key) else {
            continue;
        };
        let number: i64 = value
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("{key} '{value}'")))?;
        let own = &mut own[tier_index(tier)];
        match what {
            TierKey::Days(level) => own.days[usize::from(level.number() - 1)] = Some(number),
            TierKey::Interval => own.interval_days = Some(number),
        }
    }
    Ok(own)
}

/// Refuses thresholds that do not increase on a tier's ladder as in effect, naming the
/// tier's key of the level at fault.
fn check_tier(tier: Tier, own: &TierSettings, book: &[i64; 4]) -> Result<()> {
    check_tier_ladder(tier, own, book)
        .map_err(|problem| bad(days_key(tier, problem.level), problem.problem()))
}

/// Checks every tier's ladder against the book-wide thresholds `book` (as they are
/// about to be saved).
pub(super) fn check_tier_ladders(conn: &Connection, book: &[i64; 4]) -> Result<()> {
    let own = read_tier_own(conn)?;
    for tier in TIERS {
        check_tier(tier, &own[tier_index(tier)], book)?;
    }
    Ok(())
}

/// Checks each tier of `tiers` against the book-wide thresholds `book`, as they are about
/// to be saved together.
pub(super) fn check_tiers(tiers: &[TierSettings; 3], book: &[i64; 4]) -> Result<()> {
    for (tier, own) in TIERS.into_iter().zip(tiers) {
        check_tier(tier, own, book)?;
        if let Some(days) = own.interval_days {
            parse_tier_interval(&days.to_string()).map_err(|e| bad(interval_key(tier), e))?;
        }
    }
    Ok(())
}

/// Writes the tier keys that differ from `before`: a value set, or unset when emptied
/// (so the audit log records only what changed).
pub(super) fn write_tiers(
    conn: &Connection,
    before: &[TierSettings; 3],
    after: &[TierSettings; 3],
) -> Result<()> {
    for (tier, (was, now)) in TIERS.into_iter().zip(before.iter().zip(after)) {
        let mut changed: Vec<(String, Option<i64>)> = Vec::new();
        for (index, level) in Level::ALL.into_iter().enumerate() {
            if was.days[index] != now.days[index] {
                changed.push((days_key(tier, level), now.days[index]));
            }
        }
        if was.interval_days != now.interval_days {
            changed.push((interval_key(tier), now.interval_days));
        }
        for (key, value) in changed {
            match value {
                Some(days) => put(conn, &key, &days.to_string())?,
                None => {
                    conn.execute("DELETE FROM company_settings WHERE key = ?1", [&key])?;
                }
            }
        }
    }
    Ok(())
}

impl Store {
    /// The ladder of each tier as in effect (see [`TierLadders`]).
    pub fn tier_ladders(&self) -> Result<TierLadders> {
        let book = self.ladder_rules()?;
        let own = read_tier_own(&self.conn)?;
        let mut ladders = TierLadders::same_for_all(book);
        for (rules, own) in ladders.tiers.iter_mut().zip(&own) {
            rules.thresholds = own.thresholds(&book.thresholds);
            rules.interval_days = own.interval_days.unwrap_or(book.interval_days);
        }
        Ok(ladders)
    }

    /// Sets (or, with an empty value, unsets) a tier's ladder setting; `None` when `key`
    /// is not one of them.
    pub(super) fn set_tier_setting(&mut self, key: &str, value: &str) -> Option<Result<()>> {
        let (tier, what) = parse_tier_key(key)?;
        Some(self.write_tier_setting(key, tier, what, value.trim()))
    }

    fn write_tier_setting(
        &mut self,
        key: &str,
        tier: Tier,
        what: TierKey,
        value: &str,
    ) -> Result<()> {
        let number = match what {
            TierKey::Days(level) => parse_tier_days(level, value),
            TierKey::Interval => parse_tier_interval(value),
        }
        .map_err(|e| bad(key, e))?;
        if let TierKey::Days(level) = what {
            let mut own = read_tier_own(&self.conn)?[tier_index(tier)];
            own.days[usize::from(level.number() - 1)] = number;
            // Named by the key being set, whichever level ends up out of order.
            check_tier(tier, &own, &read_thresholds(&self.conn)?).map_err(|e| match e {
                StoreError::BadSetting { problem, .. } => bad(key, *problem),
                other => other,
            })?;
        }
        self.write(|tx, _| {
            settings_change(tx, None, || {
                match number {
                    Some(number) => put(tx, key, &number.to_string())?,
                    None => {
                        tx.execute("DELETE FROM company_settings WHERE key = ?1", [key])?;
                    }
                }
                Ok(())
            })
        })
    }

    /// The tier settings as `(key, value, is_default)` for `settings show`: the value in
    /// effect, "default" when the tier follows the book-wide one.
    pub(super) fn tier_setting_values(&self) -> Result<Vec<(String, String, bool)>> {
        let book = self.ladder_rules()?;
        let own = read_tier_own(&self.conn)?;
        let mut out = Vec::new();
        for tier in TIERS {
            let own = own[tier_index(tier)];
            for (index, level) in Level::ALL.into_iter().enumerate() {
                let days = own.days[index];
                out.push((
                    days_key(tier, level),
                    days.unwrap_or(book.thresholds[index]).to_string(),
                    days.is_none(),
                ));
            }
            out.push((
                interval_key(tier),
                own.interval_days.unwrap_or(book.interval_days).to_string(),
                own.interval_days.is_none(),
            ));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tier_keys_parse_exactly() {
        assert!(matches!(
            parse_tier_key("tier.C.letter.2.days"),
            Some((Tier::C, TierKey::Days(Level::SecondNotice)))
        ));
        assert!(matches!(
            parse_tier_key("tier.A.letter.interval_days"),
            Some((Tier::A, TierKey::Interval))
        ));
        for key in [
            "tier.D.letter.1.days",
            "tier.a.letter.1.days",
            "tier.A.letter.0.days",
            "tier.A.letter.5.days",
            "tier.A.letter.1.enabled",
            "tier.A.letter.1.days.x",
        ] {
            assert!(parse_tier_key(key).is_none(), "{key}");
        }
    }
}
