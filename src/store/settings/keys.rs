//! The settings by their `owed settings set` keys: setting one from a command-line
//! value, and listing all of them as `owed settings show` prints them.

use super::{
    CompanySettings, SettingProblem, TEXT_KEYS, bad, index, lang, put, read_thresholds,
    threshold_error, write_logo,
};
use crate::domain::company::{CompanyError, Locale, LogoInfo, Paper, check_email, logo_info};
use crate::domain::letters::{self, Level, parse_days, split_paragraphs};
use crate::store::{Result, Store};

/// `\n` in a command-line value is a new line, `\\` a backslash.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('n')) => {
                out.push('\n');
                chars.next();
            }
            ('\\', Some('\\')) => {
                out.push('\\');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The reverse of [`unescape`], so `settings show` prints what `settings set` takes.
pub fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('\n', "\\n")
}

/// What `company.logo` shows: its format and size, or nothing.
fn logo_text(logo: Option<&[u8]>) -> String {
    logo.map(|bytes| logo_info(bytes).map_or_else(|e| e.to_string(), |i: LogoInfo| i.to_string()))
        .unwrap_or_default()
}

/// A letter key: `letter.N.days` or `letter.N.LANG.PART`.
enum LetterKey {
    Days(Level),
    Text(Level, bool, Part),
}

#[derive(Clone, Copy)]
enum Part {
    Title,
    Paragraphs,
    Closing,
}

fn parse_letter_key(key: &str) -> Option<LetterKey> {
    let mut parts = key.strip_prefix("letter.")?.split('.');
    // Level 0 (the payment reminder) has texts but no threshold.
    let level = Level::any_from_number(parts.next()?.parse().ok()?)?;
    let parsed = match (parts.next()?, parts.next()) {
        ("days", None) if level.is_rung() => LetterKey::Days(level),
        (language @ ("en" | "zh"), Some(part)) => {
            let part = match part {
                "title" => Part::Title,
                "paragraphs" => Part::Paragraphs,
                "closing" => Part::Closing,
                _ => return None,
            };
            LetterKey::Text(level, language == "zh", part)
        }
        _ => return None,
    };
    parts.next().is_none().then_some(parsed)
}

impl Store {
    /// Sets one setting by its `owed settings set` key (see [`Store::setting_values`] for
    /// the keys) and returns the value as `settings show` now prints it. In texts `\n`
    /// is a new line; `company.logo` is the path of a PNG or JPEG file (empty removes
    /// it); letter paragraphs are separated by a blank line.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<String> {
        let key = key.trim();
        match key {
            "company.name" => {
                let mut profile = self.company_profile()?;
                profile.name = value.trim().to_string();
                if crate::domain::text::is_blank(&profile.name) {
                    return Err(bad(key, CompanyError::EmptyName));
                }
                self.set_company_profile(&profile)?;
            }
            "company.email" => {
                crate::domain::text::check_line(
                    "company.email",
                    value,
                    crate::domain::text::NAME_MAX,
                )?;
                check_email(value).map_err(|e| bad(key, e))?;
                self.write(|tx, _| {
                    super::settings_change(tx, None, || put(tx, key, value.trim()))
                })?;
            }
            "company.address"
            | "company.phone"
            | "company.tax_id"
            | "company.payment_instructions" => {
                let value = unescape(value);
                use crate::domain::text::{NAME_MAX, TEXT_MAX, check_line, check_multiline};
                match key {
                    "company.address" => check_multiline("company.address", &value, TEXT_MAX),
                    "company.payment_instructions" => {
                        check_multiline("company.payment_instructions", &value, TEXT_MAX)
                    }
                    "company.phone" => check_line("company.phone", &value, NAME_MAX),
                    _ => check_line("company.tax_id", &value, NAME_MAX),
                }?;
                self.write(|tx, _| {
                    super::settings_change(tx, None, || put(tx, key, value.trim()))
                })?;
            }
            "company.logo" => {
                let path = value.trim();
                let bytes = if path.is_empty() {
                    None
                } else {
                    Some(
                        crate::files::read::read_logo(std::path::Path::new(path)).map_err(
                            |why| {
                                bad(
                                    key,
                                    SettingProblem::Logo {
                                        path: path.to_string(),
                                        why,
                                    },
                                )
                            },
                        )?,
                    )
                };
                if let Some(bytes) = &bytes {
                    logo_info(bytes).map_err(|why| {
                        bad(
                            key,
                            SettingProblem::LogoRefused {
                                path: path.to_string(),
                                why,
                            },
                        )
                    })?;
                }
                self.write(|tx, _| {
                    super::settings_change(tx, None, || write_logo(tx, bytes.as_deref()))
                })?;
            }
            "paper" => {
                let paper = Paper::parse(value).ok_or_else(|| {
                    bad(
                        key,
                        SettingProblem::NotAPaper {
                            text: value.trim().to_string(),
                        },
                    )
                })?;
                self.write(|tx, _| {
                    super::settings_change(tx, None, || put(tx, key, paper.as_str()))
                })?;
            }
            "locale" => {
                let locale = Locale::parse(value).ok_or_else(|| {
                    bad(
                        key,
                        SettingProblem::NotALocale {
                            text: value.trim().to_string(),
                        },
                    )
                })?;
                self.write(|tx, _| {
                    super::settings_change(tx, None, || put(tx, key, locale.as_str()))
                })?;
                self.settings.currency.format = locale.number_format();
            }
            _ => match parse_letter_key(key) {
                Some(LetterKey::Days(level)) => {
                    let mut days = read_thresholds(&self.conn)?;
                    days[index(level)] = parse_days(level, value).map_err(threshold_error)?;
                    self.set_letter_thresholds(&days)?;
                }
                Some(LetterKey::Text(level, chinese, part)) => {
                    let mut template = self.letter_template(level, chinese)?;
                    let value = unescape(value);
                    match part {
                        Part::Title => template.title = value.trim().to_string(),
                        Part::Paragraphs => template.paragraphs = split_paragraphs(&value),
                        Part::Closing => template.closing = value.trim().to_string(),
                    }
                    self.set_letter_template(level, chinese, &template)?;
                }
                None => match self
                    .set_ladder_setting(key, value)
                    .or_else(|| self.set_tier_setting(key, value))
                    .or_else(|| self.set_fee_setting(key, value))
                    .or_else(|| self.set_policy_setting(key, value))
                    .or_else(|| self.set_email_setting(key, value))
                {
                    Some(result) => result?,
                    None => {
                        return Err(bad(key, SettingProblem::UnknownKey));
                    }
                },
            },
        }
        Ok(self
            .setting_values()?
            .into_iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, value, _)| value)
            .unwrap_or_default())
    }

    /// Every setting as `(key, value, is_default)`, in the order `settings show` prints
    /// them; texts with `\n` for new lines (what `settings set` takes).
    pub fn setting_values(&self) -> Result<Vec<(String, String, bool)>> {
        let settings = self.company_settings()?;
        let defaults = CompanySettings::default();
        let profile = &settings.profile;
        let mut out = vec![("company.name".to_string(), profile.name.clone(), false)];
        for (key, value) in TEXT_KEYS.into_iter().zip([
            &profile.address,
            &profile.phone,
            &profile.email,
            &profile.tax_id,
            &profile.payment_instructions,
        ]) {
            out.push((key.to_string(), escape(value), value.is_empty()));
        }
        out.push((
            "company.logo".into(),
            logo_text(profile.logo.as_deref()),
            profile.logo.is_none(),
        ));
        out.push((
            "paper".into(),
            profile.paper.as_str().into(),
            profile.paper == Paper::default(),
        ));
        out.push((
            "locale".into(),
            profile.locale.as_str().into(),
            profile.locale == Locale::default(),
        ));
        for level in Level::ALL {
            let n = level.number();
            let days = settings.thresholds[index(level)];
            out.push((
                format!("letter.{n}.days"),
                days.to_string(),
                days == level.default_threshold_days(),
            ));
            for chinese in [false, true] {
                let template = settings.template(level, chinese);
                let default = template == defaults.template(level, chinese);
                let key = |part: &str| format!("letter.{n}.{}.{part}", lang(chinese));
                out.push((key("title"), escape(&template.title), default));
                out.push((
                    key("paragraphs"),
                    escape(&template.paragraphs_text()),
                    default,
                ));
                out.push((key("closing"), escape(&template.closing), default));
            }
        }
        out.extend(self.ladder_setting_values()?);
        // The payment reminder's texts (level 0), after its switches.
        for chinese in [false, true] {
            let template = self.letter_template(Level::BeforeDue, chinese)?;
            let default = template == letters::default_template(Level::BeforeDue, chinese);
            let key = |part: &str| format!("letter.0.{}.{part}", lang(chinese));
            out.push((key("title"), escape(&template.title), default));
            out.push((
                key("paragraphs"),
                escape(&template.paragraphs_text()),
                default,
            ));
            out.push((key("closing"), escape(&template.closing), default));
        }
        out.extend(self.tier_setting_values()?);
        out.extend(self.policy_setting_values()?);
        out.extend(self.fee_setting_values()?);
        out.extend(self.email_setting_values()?);
        Ok(out)
    }
}
