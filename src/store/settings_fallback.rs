//! Stand-ins for the company settings another branch stores (`store/settings.rs`): the
//! profile is the book's company name with every other field at its default, letters use
//! the default texts and thresholds. The integrator deletes this file on merge.

use super::{Result, Store};
use crate::domain::company::CompanyProfile;
use crate::domain::letters::{LetterTemplate, Level, default_template};

impl Store {
    /// The company as printed on statements and letters.
    pub fn company_profile(&self) -> Result<CompanyProfile> {
        Ok(CompanyProfile {
            name: self.settings().company.clone(),
            ..CompanyProfile::default()
        })
    }

    /// The template of `level`'s letter, in Chinese or English.
    pub fn letter_template(&self, level: Level, chinese: bool) -> Result<LetterTemplate> {
        Ok(default_template(level, chinese))
    }

    /// Days the oldest overdue item must be past due before `level` is sent.
    pub fn letter_threshold_days(&self, level: Level) -> Result<i64> {
        Ok(level.default_threshold_days())
    }
}
