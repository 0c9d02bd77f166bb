//! Why a setting's value is refused, as parts ([`SettingProblem`]): `owed settings set`
//! and the settings screen say it in the language chosen (`src/i18n/errors/settings.rs`),
//! while its `Display` is the English the command has always printed, word for word.

use std::fmt;

use crate::domain::MoneyError;
use crate::domain::company::{CompanyError, Locale};
use crate::domain::customer::Tier;
use crate::domain::letters::LetterError;
use crate::domain::terms::TermsError;
use crate::files::read::LogoUnread;

/// Every key `owed settings set` takes, as its refusal of an unknown key lists them.
pub const KNOWN_KEYS: &str = "company.name, company.address, company.phone, company.email, company.tax_id, company.payment_instructions, company.logo, paper, locale, letter.N.days, letter.N.enabled, letter.interval_days, letter.tolerance, letter.N.en.title|paragraphs|closing, letter.N.zh.title|paragraphs|closing (N = 1 to 4), letter.0.enabled, letter.0.days_before, letter.0.send, letter.0.en|zh.title|paragraphs|closing (the payment reminder before the due date), tier.A|B|C.letter.N.days, tier.A|B|C.letter.interval_days (a tier's own ladder; empty: the book-wide value), fee.annual_rate, fee.grace_days, fee.minimum, fee.fixed, fee.from, tier.A|B|C.fee.annual_rate|grace_days (a tier's own late-interest policy; empty: the book-wide value), tier.A|B|C.terms, tier.A|B|C.credit_limit, tier.A|B|C.deposit_pct (a tier's credit policy for new customers and invoices; empty: no default), email.smtp_host, email.smtp_port, email.tls, email.username, email.from, email.from_name, email.reply_to, email.bcc_self, email.rate_per_minute, email.statement.en|zh.subject|body, email.letter.N.en|zh.subject|body (N = 0 to 4)";

/// An amount setting that may not be negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountSetting {
    /// `letter.tolerance`.
    Tolerance,
    /// `fee.minimum`, `fee.fixed`.
    Fee,
    /// `tier.X.credit_limit`.
    CreditLimit,
}

/// What an empty value means for a key that may be left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenEmpty {
    /// No default at all (a tier's policy).
    NoDefault,
    /// The book-wide value of this key (a tier's own ladder or interest).
    BookWide(&'static str),
}

impl fmt::Display for WhenEmpty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WhenEmpty::NoDefault => f.write_str("no default"),
            WhenEmpty::BookWide(key) => write!(f, "the book-wide {key}"),
        }
    }
}

/// Why a setting's value is refused; the key travels beside it
/// ([`crate::store::StoreError::BadSetting`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingProblem {
    /// Not a whole number of days from 0 to `max`.
    NotDays { text: String, max: i64 },
    /// A negative amount.
    Negative(AmountSetting),
    /// Not an amount in the book's number format.
    Money(MoneyError),
    /// `fee.annual_rate`: not a yearly rate in percent.
    NotARate { text: String },
    /// `fee.from`: not a date.
    NotAFeeDate { text: String },
    /// `tier.X.deposit_pct`: not a percentage below 100.
    NotAPercentage { text: String },
    /// A switch that is not yes, no, true or false.
    NotASwitch { text: String },
    /// `paper`: not a paper size.
    NotAPaper { text: String },
    /// `locale`: not one of [`Locale::ALL`].
    NotALocale { text: String },
    /// No such key; the keys are [`KNOWN_KEYS`].
    UnknownKey,
    /// The company profile's own rules (name, email, logo).
    Company(CompanyError),
    /// A letter's texts or the thresholds.
    Letter(LetterError),
    /// A tier's default terms.
    Terms(TermsError),
    /// The logo file at `path` could not be read.
    Logo { path: String, why: LogoUnread },
    /// A logo file read but refused as a logo.
    LogoRefused { path: String, why: CompanyError },
    /// A tier's ladder as in effect out of order.
    TierLadder { tier: Tier, error: LetterError },
    /// An email setting's own rules.
    Email(crate::domain::email::EmailError),
    /// A problem of a key that may be left empty, and what empty means there.
    OrEmpty(Box<SettingProblem>, WhenEmpty),
}

impl SettingProblem {
    /// `self`, said with what leaving the value empty means.
    pub fn or_empty(self, means: WhenEmpty) -> SettingProblem {
        SettingProblem::OrEmpty(Box::new(self), means)
    }

    /// The locales `locale` takes, as the refusal lists them.
    pub fn locales() -> String {
        let all: Vec<&str> = Locale::ALL.iter().map(|l| l.as_str()).collect();
        all.join(", ")
    }
}

impl fmt::Display for SettingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingProblem::NotDays { text, max } => {
                write!(f, "'{text}' is not a whole number of days from 0 to {max}")
            }
            SettingProblem::Negative(what) => f.write_str(match what {
                AmountSetting::Tolerance => "the tolerance cannot be negative",
                AmountSetting::Fee => "the amount cannot be negative",
                AmountSetting::CreditLimit => "the credit limit cannot be negative",
            }),
            SettingProblem::Money(error) => write!(f, "{error}"),
            SettingProblem::NotARate { text } => write!(
                f,
                "'{text}' is not a yearly rate in percent from 0 to 100 (e.g. 12 or 12.5)"
            ),
            SettingProblem::NotAFeeDate { text } => write!(
                f,
                "'{text}' is not a date (YYYY-MM-DD, the first day interest may be charged; empty: no limit)"
            ),
            SettingProblem::NotAPercentage { text } => write!(
                f,
                "'{text}' is not a percentage from 0 up to (not including) 100, e.g. 30"
            ),
            SettingProblem::NotASwitch { text } => {
                write!(f, "'{text}' is not yes, no, true or false")
            }
            SettingProblem::NotAPaper { text } => {
                write!(f, "'{text}' is not a paper size; use a4 or letter")
            }
            SettingProblem::NotALocale { text } => write!(
                f,
                "'{text}' is not a locale; use one of {}",
                SettingProblem::locales()
            ),
            SettingProblem::UnknownKey => {
                write!(f, "unknown setting; the settings are {KNOWN_KEYS}")
            }
            SettingProblem::Company(error) => write!(f, "{error}"),
            SettingProblem::Letter(error) => write!(f, "{error}"),
            SettingProblem::Terms(error) => write!(f, "{error}"),
            SettingProblem::Logo { path, why } => write!(f, "{path}: {why}"),
            SettingProblem::LogoRefused { path, why } => write!(f, "{path}: {why}"),
            SettingProblem::TierLadder { tier, error } => write!(
                f,
                "tier {tier}'s ladder: {error} (a level the tier does not set has the book-wide letter.N.days)"
            ),
            SettingProblem::Email(error) => write!(f, "{error}"),
            SettingProblem::OrEmpty(problem, means) => write!(f, "{problem}; empty: {means}"),
        }
    }
}

impl From<CompanyError> for SettingProblem {
    fn from(error: CompanyError) -> SettingProblem {
        SettingProblem::Company(error)
    }
}

impl From<LetterError> for SettingProblem {
    fn from(error: LetterError) -> SettingProblem {
        SettingProblem::Letter(error)
    }
}

impl From<MoneyError> for SettingProblem {
    fn from(error: MoneyError) -> SettingProblem {
        SettingProblem::Money(error)
    }
}

impl From<TermsError> for SettingProblem {
    fn from(error: TermsError) -> SettingProblem {
        SettingProblem::Terms(error)
    }
}
