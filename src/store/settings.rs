//! Company settings: the profile printed on statements and letters (name, address,
//! contact, tax number, payment instructions, logo, paper, locale), the demand letters'
//! texts in English and Chinese, the days past due each level waits for and the ladder's
//! interval, tolerance and levels switched on (`settings/ladder.rs`), the level-0 payment
//! reminder's texts (by their `letter.0.…` keys), and each customer tier's own ladder
//! (`settings/tiers.rs`), each tier's credit policy (default terms, limit and deposit,
//! `settings/policy.rs`), and the late-interest policy (`settings/fees.rs`). Settings are
//! not posted documents: they are edited in place, each change in one transaction. Unset
//! values are the defaults, and the company name is the book's own `company` setting.

use rusqlite::{Connection, OptionalExtension, params};

mod email;
mod fees;
mod keys;
mod ladder;
mod policy;
mod problem;
mod tiers;

pub(crate) use fees::read_fee_rules;
pub use fees::{MAX_GRACE_DAYS, TierFeeRules, parse_fee_amount, parse_grace_days, parse_rate};
pub use keys::{escape, unescape};
pub use ladder::{LadderSettings, parse_interval_days, parse_reminder_days, parse_tolerance};
pub(in crate::store) use policy::{built_in_policy_values, read_policies};
pub use policy::{parse_deposit_pct, parse_policy_limit, parse_policy_terms};
pub use problem::{AmountSetting, KNOWN_KEYS, SettingProblem, WhenEmpty};
pub use tiers::{
    TIERS, TierLadderProblem, TierSettings, check_tier_ladder, parse_tier_days, parse_tier_interval,
};

pub(super) use super::audit::settings_change;
use super::{Result, Store, StoreError};
use crate::domain::NumberFormat;
use crate::domain::company::{CompanyError, CompanyProfile, Locale, Paper, logo_info};
use crate::domain::letters::{
    self, LetterError, LetterTemplate, Level, check_closing, check_paragraphs, check_thresholds,
    check_title, default_template,
};
use crate::domain::policy::TierPolicy;

/// Every setting at once, as the settings screen edits and saves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanySettings {
    pub profile: CompanyProfile,
    /// Days past due per level, in [`Level::ALL`] order.
    pub thresholds: [i64; 4],
    /// Per level in [`Level::EVERY`] order (the payment reminder first, so indexed by
    /// the level's number): the English, then the Chinese template.
    pub templates: [[LetterTemplate; 2]; 5],
    /// Levels switched on, interval, tolerance and the level-0 reminder.
    pub ladder: LadderSettings,
    /// Each tier's own ladder, tiers A, B and C in that order ([`TIERS`]).
    pub tiers: [TierSettings; 3],
    /// Each tier's credit policy as in effect, tiers A, B and C in that order.
    pub policies: [TierPolicy; 3],
}

impl CompanySettings {
    pub fn template(&self, level: Level, chinese: bool) -> &LetterTemplate {
        &self.templates[usize::from(level.number())][usize::from(chinese)]
    }

    pub fn template_mut(&mut self, level: Level, chinese: bool) -> &mut LetterTemplate {
        &mut self.templates[usize::from(level.number())][usize::from(chinese)]
    }

    /// The first thing wrong, named by its `owed settings set` key.
    pub fn validate(&self) -> Result<()> {
        check_profile(&self.profile)?;
        check_thresholds(&self.thresholds).map_err(threshold_error)?;
        ladder::check_ladder(&self.ladder)?;
        tiers::check_tiers(&self.tiers, &self.thresholds)?;
        policy::check_policies(&self.policies)?;
        for level in Level::EVERY {
            for chinese in [false, true] {
                check_template(level, chinese, self.template(level, chinese))?;
            }
        }
        Ok(())
    }
}

impl Default for CompanySettings {
    fn default() -> Self {
        CompanySettings {
            profile: CompanyProfile::default(),
            thresholds: letters::default_thresholds(),
            templates: Level::EVERY
                .map(|l| [default_template(l, false), default_template(l, true)]),
            ladder: LadderSettings::default(),
            tiers: [TierSettings::default(); 3],
            policies: TIERS.map(TierPolicy::built_in),
        }
    }
}

fn index(level: Level) -> usize {
    usize::from(level.number() - 1)
}

fn lang(chinese: bool) -> &'static str {
    if chinese { "zh" } else { "en" }
}

fn bad(key: impl Into<String>, problem: impl Into<SettingProblem>) -> StoreError {
    StoreError::BadSetting {
        key: key.into(),
        problem: Box::new(problem.into()),
    }
}

fn check_profile(profile: &CompanyProfile) -> Result<()> {
    profile.validate().map_err(|error| match error {
        // The text rules' message already starts with the key.
        CompanyError::Text(text) => StoreError::Text(text),
        CompanyError::EmptyName => bad("company.name", error),
        CompanyError::BadEmail(_) => bad("company.email", error),
        _ => bad("company.logo", error),
    })
}

fn threshold_error(error: LetterError) -> StoreError {
    let level = match &error {
        LetterError::BadDays { level, .. } | LetterError::NotIncreasing { level, .. } => *level,
        _ => 1,
    };
    bad(format!("letter.{level}.days"), error)
}

fn check_template(level: Level, chinese: bool, template: &LetterTemplate) -> Result<()> {
    let key = |part: &str| format!("letter.{}.{}.{part}", level.number(), lang(chinese));
    check_title(&template.title).map_err(|e| bad(key("title"), e))?;
    check_paragraphs(&template.paragraphs).map_err(|e| bad(key("paragraphs"), e))?;
    check_closing(&template.closing).map_err(|e| bad(key("closing"), e))
}

/// The key–value settings kept in `company_settings`.
const TEXT_KEYS: [&str; 5] = [
    "company.address",
    "company.phone",
    "company.email",
    "company.tax_id",
    "company.payment_instructions",
];

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM company_settings WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

/// How the book writes amounts: its locale's number format (a decimal point when no
/// locale is set, or in a book older than the settings table).
pub(super) fn number_format(conn: &Connection) -> Result<NumberFormat> {
    let has_settings: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'company_settings')",
        [],
        |r| r.get(0),
    )?;
    if !has_settings {
        return Ok(NumberFormat::Point);
    }
    Ok(get(conn, "locale")?
        .and_then(|l| Locale::parse(&l))
        .map(Locale::number_format)
        .unwrap_or_default())
}

fn put(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO company_settings(key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, super::now_stamp()],
    )?;
    Ok(())
}

/// Writes `key`, or unsets it (its default then holds) when `value` is `None`.
fn put_or_unset(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(value) => put(conn, key, value),
        None => {
            conn.execute("DELETE FROM company_settings WHERE key = ?1", [key])?;
            Ok(())
        }
    }
}

impl Store {
    /// Sets `key` to `value` (unset when `None`) in one audited transaction.
    fn set_or_unset(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        self.write(|tx, _| settings_change(tx, None, || put_or_unset(tx, key, value)))
    }
}

fn read_profile(conn: &Connection, company: &str) -> Result<CompanyProfile> {
    let text = |key: &str| -> Result<String> { Ok(get(conn, key)?.unwrap_or_default()) };
    let paper = match get(conn, "paper")? {
        None => Paper::default(),
        Some(p) => Paper::parse(&p).ok_or_else(|| StoreError::Corrupt(format!("paper '{p}'")))?,
    };
    let locale = match get(conn, "locale")? {
        None => Locale::default(),
        Some(l) => Locale::parse(&l).ok_or_else(|| StoreError::Corrupt(format!("locale '{l}'")))?,
    };
    let logo = conn
        .query_row("SELECT bytes FROM company_logo WHERE id = 1", [], |r| {
            r.get::<_, Vec<u8>>(0)
        })
        .optional()?;
    Ok(CompanyProfile {
        name: company.to_string(),
        address: text("company.address")?,
        phone: text("company.phone")?,
        email: text("company.email")?,
        tax_id: text("company.tax_id")?,
        payment_instructions: text("company.payment_instructions")?,
        logo,
        paper,
        locale,
    })
}

fn write_profile(conn: &Connection, profile: &CompanyProfile) -> Result<()> {
    conn.execute(
        "INSERT INTO book(key, value) VALUES ('company', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [profile.name.trim()],
    )?;
    for (key, value) in TEXT_KEYS.into_iter().zip([
        &profile.address,
        &profile.phone,
        &profile.email,
        &profile.tax_id,
        &profile.payment_instructions,
    ]) {
        put(conn, key, value.trim())?;
    }
    put(conn, "paper", profile.paper.as_str())?;
    put(conn, "locale", profile.locale.as_str())?;
    write_logo(conn, profile.logo.as_deref())
}

fn write_logo(conn: &Connection, logo: Option<&[u8]>) -> Result<()> {
    match logo {
        None => {
            conn.execute("DELETE FROM company_logo", [])?;
        }
        Some(bytes) => {
            let info = logo_info(bytes).map_err(|e| bad("company.logo", e))?;
            conn.execute(
                "INSERT INTO company_logo(id, format, width, height, bytes, updated_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(id) DO UPDATE SET format = excluded.format, width = excluded.width,
                     height = excluded.height, bytes = excluded.bytes, updated_at = excluded.updated_at",
                params![
                    info.format,
                    info.width,
                    info.height,
                    bytes,
                    super::now_stamp()
                ],
            )?;
        }
    }
    Ok(())
}

/// A level's letter as in effect: as set, or the default text.
pub(super) fn template_in_effect(
    conn: &Connection,
    level: Level,
    chinese: bool,
) -> Result<LetterTemplate> {
    read_template(conn, level, chinese)
}

/// The payment reminder's text part `part` (title, paragraphs, closing) in `company_settings`:
/// the archive of letter texts takes levels 1–4 only, so level 0 is kept by its
/// `owed settings set` keys, paragraphs separated by a blank line.
fn before_due_key(chinese: bool, part: &str) -> String {
    format!("letter.0.{}.{part}", lang(chinese))
}

fn read_before_due_template(conn: &Connection, chinese: bool) -> Result<LetterTemplate> {
    let default = default_template(Level::BeforeDue, chinese);
    let title = get(conn, &before_due_key(chinese, "title"))?;
    let paragraphs = get(conn, &before_due_key(chinese, "paragraphs"))?;
    let closing = get(conn, &before_due_key(chinese, "closing"))?;
    Ok(LetterTemplate {
        title: title.unwrap_or(default.title),
        paragraphs: paragraphs
            .map(|p| letters::split_paragraphs(&p))
            .unwrap_or(default.paragraphs),
        closing: closing.unwrap_or(default.closing),
    })
}

/// Each part kept only where it differs from the default text (see [`write_template`]).
fn write_before_due_template(
    conn: &Connection,
    chinese: bool,
    template: &LetterTemplate,
) -> Result<()> {
    let default = default_template(Level::BeforeDue, chinese);
    for (part, value, default) in [
        ("title", template.title.clone(), default.title.clone()),
        (
            "paragraphs",
            template.paragraphs_text(),
            default.paragraphs_text(),
        ),
        ("closing", template.closing.clone(), default.closing.clone()),
    ] {
        let key = before_due_key(chinese, part);
        if value == default {
            conn.execute("DELETE FROM company_settings WHERE key = ?1", [&key])?;
        } else {
            put(conn, &key, &value)?;
        }
    }
    Ok(())
}

fn read_template(conn: &Connection, level: Level, chinese: bool) -> Result<LetterTemplate> {
    if level == Level::BeforeDue {
        return read_before_due_template(conn, chinese);
    }
    let row = conn
        .query_row(
            "SELECT title, paragraphs, closing FROM letter_templates WHERE level = ?1 AND lang = ?2",
            params![level.number(), lang(chinese)],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?;
    match row {
        None => Ok(default_template(level, chinese)),
        Some((title, paragraphs, closing)) => Ok(LetterTemplate {
            title,
            paragraphs: serde_json::from_str(&paragraphs).map_err(|e| {
                StoreError::Corrupt(format!("letter {} paragraphs: {e}", level.number()))
            })?,
            closing,
        }),
    }
}

/// Keeps a template changed from the default; a default one is kept as unset, so it
/// follows any improvement to the default texts.
fn write_template(
    conn: &Connection,
    level: Level,
    chinese: bool,
    template: &LetterTemplate,
) -> Result<()> {
    if level == Level::BeforeDue {
        return write_before_due_template(conn, chinese, template);
    }
    if *template == default_template(level, chinese) {
        conn.execute(
            "DELETE FROM letter_templates WHERE level = ?1 AND lang = ?2",
            params![level.number(), lang(chinese)],
        )?;
        return Ok(());
    }
    let paragraphs = serde_json::to_string(&template.paragraphs)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO letter_templates(level, lang, title, paragraphs, closing, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(level, lang) DO UPDATE SET title = excluded.title,
             paragraphs = excluded.paragraphs, closing = excluded.closing,
             updated_at = excluded.updated_at",
        params![
            level.number(),
            lang(chinese),
            template.title,
            paragraphs,
            template.closing,
            super::now_stamp()
        ],
    )?;
    Ok(())
}

fn read_thresholds(conn: &Connection) -> Result<[i64; 4]> {
    let mut days = letters::default_thresholds();
    for (index, level) in Level::ALL.into_iter().enumerate() {
        let key = format!("letter.{}.days", level.number());
        if let Some(text) = get(conn, &key)? {
            days[index] = text
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("{key} '{text}'")))?;
        }
    }
    Ok(days)
}

fn write_thresholds(conn: &Connection, days: &[i64; 4]) -> Result<()> {
    for (level, days) in Level::ALL.into_iter().zip(days) {
        put(
            conn,
            &format!("letter.{}.days", level.number()),
            &days.to_string(),
        )?;
    }
    Ok(())
}

impl Store {
    /// The company as printed on statements and letters; its name is the book's.
    pub fn company_profile(&self) -> Result<CompanyProfile> {
        read_profile(&self.conn, &self.settings.company)
    }

    /// A level's letter in English or Chinese: as set, or the default text.
    pub fn letter_template(&self, level: Level, chinese: bool) -> Result<LetterTemplate> {
        read_template(&self.conn, level, chinese)
    }

    /// Days past due the oldest overdue item must be before `level` is sent.
    pub fn letter_threshold_days(&self, level: Level) -> Result<i64> {
        Ok(read_thresholds(&self.conn)?[index(level)])
    }

    /// Every setting at once.
    pub fn company_settings(&self) -> Result<CompanySettings> {
        let mut settings = CompanySettings {
            profile: self.company_profile()?,
            thresholds: read_thresholds(&self.conn)?,
            ladder: self.ladder_settings()?,
            tiers: tiers::read_tier_own(&self.conn)?,
            policies: policy::read_policies(&self.conn, self.currency())?,
            ..CompanySettings::default()
        };
        for level in Level::EVERY {
            for chinese in [false, true] {
                *settings.template_mut(level, chinese) = read_template(&self.conn, level, chinese)?;
            }
        }
        Ok(settings)
    }

    /// Saves every setting in one transaction, after checking all of them (each tier's
    /// ladder against the book-wide thresholds saved with it).
    pub fn save_company_settings(&mut self, settings: &CompanySettings) -> Result<()> {
        settings.validate()?;
        let ladder_before = self.ladder_settings()?;
        let tiers_before = tiers::read_tier_own(&self.conn)?;
        let policies_before = policy::read_policies(&self.conn, self.currency())?;
        let currency = self.currency().clone();
        self.write(|tx, _| {
            settings_change(tx, None, || {
                write_profile(tx, &settings.profile)?;
                write_thresholds(tx, &settings.thresholds)?;
                ladder::write_ladder(tx, &currency, &ladder_before, &settings.ladder)?;
                tiers::write_tiers(tx, &tiers_before, &settings.tiers)?;
                policy::write_policies(tx, &currency, &policies_before, &settings.policies)?;
                for level in Level::EVERY {
                    for chinese in [false, true] {
                        write_template(tx, level, chinese, settings.template(level, chinese))?;
                    }
                }
                Ok(())
            })
        })?;
        self.settings.company = settings.profile.name.trim().to_string();
        self.settings.currency.format = settings.profile.locale.number_format();
        Ok(())
    }

    /// Replaces the company profile (name included) in one transaction.
    pub fn set_company_profile(&mut self, profile: &CompanyProfile) -> Result<()> {
        check_profile(profile)?;
        self.write(|tx, _| settings_change(tx, None, || write_profile(tx, profile)))?;
        self.settings.company = profile.name.trim().to_string();
        self.settings.currency.format = profile.locale.number_format();
        Ok(())
    }

    /// Sets a level's letter in English or Chinese (a default text is kept as unset).
    pub fn set_letter_template(
        &mut self,
        level: Level,
        chinese: bool,
        template: &LetterTemplate,
    ) -> Result<()> {
        check_template(level, chinese, template)?;
        self.write(|tx, _| {
            settings_change(tx, None, || write_template(tx, level, chinese, template))
        })
    }

    /// Back to the default text for a level's letter in English or Chinese.
    pub fn reset_letter_template(&mut self, level: Level, chinese: bool) -> Result<()> {
        self.write(|tx, _| {
            settings_change(tx, None, || {
                write_template(tx, level, chinese, &default_template(level, chinese))
            })
        })
    }

    /// Sets the thresholds of all four levels, which must increase.
    pub fn set_letter_thresholds(&mut self, days: &[i64; 4]) -> Result<()> {
        check_thresholds(days).map_err(threshold_error)?;
        tiers::check_tier_ladders(&self.conn, days)?;
        self.write(|tx, _| settings_change(tx, None, || write_thresholds(tx, days)))
    }
}

#[cfg(test)]
mod tests;
