//! Why a setting's value is refused ([`SettingProblem`]) in the language chosen: `owed
//! settings set`'s refusals and the problems beneath the settings screen's fields. The English is the values' `Display`
//! word for word (a test holds them together).

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use crate::files::read::LogoUnread;
use crate::store::{AmountSetting, SettingProblem, WhenEmpty};

impl Described for SettingProblem {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            SettingProblem::NotDays { text, max } => fl!(
                loader,
                "setting-not-days",
                text = text.as_str(),
                // A limit in days, said as typed: never grouped.
                max = max.to_string()
            ),
            SettingProblem::Negative(what) => match what {
                AmountSetting::Tolerance => fl!(loader, "setting-negative-tolerance"),
                AmountSetting::Fee => fl!(loader, "setting-negative-fee"),
                AmountSetting::CreditLimit => fl!(loader, "setting-negative-credit-limit"),
            },
            SettingProblem::Money(error) => error.described_in(loader),
            SettingProblem::NotARate { text } => {
                fl!(loader, "setting-not-a-rate", text = text.as_str())
            }
            SettingProblem::NotAFeeDate { text } => {
                fl!(loader, "setting-not-a-fee-date", text = text.as_str())
            }
            SettingProblem::NotAPercentage { text } => {
                fl!(loader, "setting-not-a-percentage", text = text.as_str())
            }
            SettingProblem::NotASwitch { text } => {
                fl!(loader, "setting-not-a-switch", text = text.as_str())
            }
            SettingProblem::NotAPaper { text } => {
                fl!(loader, "setting-not-a-paper", text = text.as_str())
            }
            SettingProblem::NotALocale { text } => fl!(
                loader,
                "setting-not-a-locale",
                text = text.as_str(),
                locales = SettingProblem::locales()
            ),
            SettingProblem::UnknownKey => fl!(loader, "setting-unknown-key"),
            SettingProblem::Company(error) => error.described_in(loader),
            SettingProblem::Letter(error) => error.described_in(loader),
            SettingProblem::Terms(error) => error.described_in(loader),
            SettingProblem::Logo { path, why } => fl!(
                loader,
                "setting-file",
                path = path.as_str(),
                why = why.described_in(loader)
            ),
            SettingProblem::LogoRefused { path, why } => fl!(
                loader,
                "setting-file",
                path = path.as_str(),
                why = why.described_in(loader)
            ),
            SettingProblem::TierLadder { tier, error } => fl!(
                loader,
                "setting-tier-ladder",
                tier = tier.to_string(),
                error = error.described_in(loader)
            ),
            SettingProblem::Email(error) => error.described_in(loader),
            SettingProblem::OrEmpty(problem, means) => match means {
                WhenEmpty::NoDefault => fl!(
                    loader,
                    "setting-or-empty-no-default",
                    problem = problem.described_in(loader)
                ),
                WhenEmpty::BookWide(key) => fl!(
                    loader,
                    "setting-or-empty-book-wide",
                    problem = problem.described_in(loader),
                    key = key.to_string()
                ),
            },
        }
    }
}

impl Described for LogoUnread {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            LogoUnread::NotAFile(what) => what.described_in(loader),
            LogoUnread::TooBig { size, most } => fl!(
                loader,
                "setting-logo-too-big",
                size = size.as_str(),
                most = most.as_str()
            ),
            // The system's own words.
            LogoUnread::Io(error) => error.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::company::CompanyError;
    use crate::domain::customer::Tier;
    use crate::domain::letters::LetterError;
    use crate::domain::terms::TermsError;
    use crate::files::read::NotAFile;
    use crate::i18n::errors::said::{chinese, english, has_chinese};

    fn every_problem() -> Vec<(SettingProblem, Vec<&'static str>)> {
        let text = |t: &str| t.to_string();
        vec![
            (
                SettingProblem::NotDays {
                    text: text("abc"),
                    max: 365,
                },
                vec!["abc", "365"],
            ),
            (SettingProblem::Negative(AmountSetting::Tolerance), vec![]),
            (SettingProblem::Negative(AmountSetting::Fee), vec![]),
            (SettingProblem::Negative(AmountSetting::CreditLimit), vec![]),
            (
                SettingProblem::Money(crate::domain::MoneyError::NotPositive(text("-5"))),
                vec!["-5"],
            ),
            (SettingProblem::NotARate { text: text("x%") }, vec!["x%"]),
            (
                SettingProblem::NotAFeeDate {
                    text: text("2026-13-01"),
                },
                vec!["2026-13-01", "YYYY-MM-DD"],
            ),
            (
                SettingProblem::NotAPercentage { text: text("150") },
                vec!["150", "100"],
            ),
            (
                SettingProblem::NotASwitch {
                    text: text("maybe"),
                },
                vec!["maybe", "yes"],
            ),
            (
                SettingProblem::NotAPaper {
                    text: text("legal"),
                },
                vec!["legal", "a4", "letter"],
            ),
            (
                SettingProblem::NotALocale { text: text("de") },
                vec!["de", "zh-CN", "pl-PL"],
            ),
            (
                SettingProblem::UnknownKey,
                vec!["company.name", "tier.A|B|C.deposit_pct", "letter.0.send"],
            ),
            (SettingProblem::Company(CompanyError::EmptyName), vec![]),
            (
                SettingProblem::Letter(LetterError::BadDays {
                    level: 2,
                    text: text("x"),
                }),
                vec!["x"],
            ),
            (
                SettingProblem::Terms(TermsError::Unknown(text("net soon"))),
                vec!["net soon"],
            ),
            (
                SettingProblem::Logo {
                    path: text("/tmp/logos"),
                    why: LogoUnread::NotAFile(NotAFile::Folder),
                },
                vec!["/tmp/logos"],
            ),
            (
                SettingProblem::Logo {
                    path: text("/tmp/big.png"),
                    why: LogoUnread::TooBig {
                        size: text("3 MB"),
                        most: text("2 MB"),
                    },
                },
                vec!["/tmp/big.png", "3 MB", "2 MB"],
            ),
            (
                SettingProblem::LogoRefused {
                    path: text("/tmp/logo.gif"),
                    why: CompanyError::BadSize {
                        width: 4,
                        height: 4,
                    },
                },
                vec!["/tmp/logo.gif", "4 × 4"],
            ),
            (
                SettingProblem::TierLadder {
                    tier: Tier::C,
                    error: LetterError::NotIncreasing {
                        level: 2,
                        days: 20,
                        previous: 1,
                        previous_days: 30,
                    },
                },
                vec!["C", "20", "30", "letter.N.days"],
            ),
            (
                SettingProblem::NotDays {
                    text: text("400"),
                    max: 365,
                }
                .or_empty(WhenEmpty::BookWide("letter.interval_days")),
                vec!["400", "letter.interval_days"],
            ),
            (
                SettingProblem::Negative(AmountSetting::CreditLimit).or_empty(WhenEmpty::NoDefault),
                vec![],
            ),
        ]
    }

    #[test]
    fn a_refused_setting_says_the_same_in_english_and_speaks_chinese() {
        for (problem, values) in every_problem() {
            assert_eq!(english(&problem), problem.to_string());
            let said = chinese(&problem);
            assert!(has_chinese(&said), "{said}");
            assert!(!said.contains("cannot"), "{said}");
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
        }
    }
}
