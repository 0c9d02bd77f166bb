//! Who the book belongs to, as printed on statements and letters: name, address,
//! contact, tax number, how to pay, logo, paper and locale. Pure values; the store keeps
//! them and the PDF layer prints them.

use serde::{Deserialize, Serialize};

/// The paper statements and letters are laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }
    pub fn parse(text: &str) -> Option<Paper> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-', '_'], "")
            .as_str()
        {
            "a4" => Some(Paper::A4),
            "letter" | "usletter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// The language and conventions for dates and numbers on printed documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Locale {
    /// English, ISO dates (2026-11-23), amounts 1,234.56.
    #[default]
    #[serde(rename = "en")]
    En,
    /// English (US), dates Nov 23, 2026, amounts 1,234.56.
    #[serde(rename = "en-US")]
    EnUs,
    /// English (UK), dates 23 Nov 2026, amounts 1,234.56.
    #[serde(rename = "en-GB")]
    EnGb,
    /// Simplified Chinese, dates 2026年11月23日, amounts 1,234.56.
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::EnUs, Locale::EnGb, Locale::ZhCn];
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::EnUs => "en-US",
            Locale::EnGb => "en-GB",
            Locale::ZhCn => "zh-CN",
        }
    }
    pub fn parse(text: &str) -> Option<Locale> {
        let t = text.trim().to_ascii_lowercase().replace('_', "-");
        Locale::ALL
            .into_iter()
            .find(|l| l.as_str().to_ascii_lowercase() == t)
    }
    /// Whether texts in this locale default to Chinese.
    pub fn is_chinese(self) -> bool {
        matches!(self, Locale::ZhCn)
    }
    pub fn format_date(self, date: chrono::NaiveDate) -> String {
        match self {
            Locale::En => date.format("%Y-%m-%d").to_string(),
            Locale::EnUs => date.format("%b %-d, %Y").to_string(),
            Locale::EnGb => date.format("%-d %b %Y").to_string(),
            Locale::ZhCn => date.format("%Y年%-m月%-d日").to_string(),
        }
    }
}

/// The company as printed on every statement and letter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanyProfile {
    pub name: String,
    /// Several lines, as on an envelope.
    pub address: String,
    pub phone: String,
    pub email: String,
    /// Tax or company registration number.
    pub tax_id: String,
    /// Bank account, remit-to address: several lines printed at the foot of statements.
    pub payment_instructions: String,
    /// PNG or JPEG bytes.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
    pub paper: Paper,
    pub locale: Locale,
}
