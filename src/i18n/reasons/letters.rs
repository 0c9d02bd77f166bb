//! Why a letter is due on a run ([`LetterDue`]): a rung of the ladder ([`DueReason`]) or
//! the payment reminder before the due date ([`BeforeDue`]), said in the language
//! chosen. The English says word for word what their `Display` says (the JSON of
//! `owed letters --dry-run` holds it); days and counts are passed as text, never grouped.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::super::errors::Described;
use crate::domain::ladder::{BeforeDue, DueReason};
use crate::report::letters::LetterDue;

impl Described for DueReason {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            DueReason::FirstOfSpell { days_overdue } => fl!(
                loader,
                "reason-due-first-of-spell",
                days = days_overdue.to_string()
            ),
            DueReason::NextRung {
                previous,
                sent,
                days_overdue,
            } => fl!(
                loader,
                "reason-due-next-rung",
                days = days_overdue.to_string(),
                level = previous.number().to_string(),
                sent = sent.to_string()
            ),
        }
    }
}

impl Described for BeforeDue {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        let items = self.items.to_string();
        let first = self.first_due.to_string();
        if self.last_due == self.first_due {
            fl!(loader, "reason-reminder-on", items = items, first = first)
        } else {
            fl!(
                loader,
                "reason-reminder-from-to",
                items = items,
                first = first,
                last = self.last_due.to_string()
            )
        }
    }
}

impl Described for LetterDue {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            LetterDue::Rung(reason) => reason.described_in(loader),
            LetterDue::Reminder(reminder) => reminder.described_in(loader),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::Money;
    use crate::domain::letters::Level;
    use crate::i18n::{Language, loader_for};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn each_reason_in_english_is_its_display_and_in_chinese_holds_its_values() {
        let (english, chinese) = (
            loader_for(Language::English),
            loader_for(Language::SimplifiedChinese),
        );
        let reminder = |last| BeforeDue {
            first_due: day(20),
            last_due: last,
            total: Money::ZERO,
            items: 1200,
        };
        let all: [(LetterDue, &[&str]); 4] = [
            (
                LetterDue::Rung(DueReason::FirstOfSpell { days_overdue: 1001 }),
                &["1001"],
            ),
            (
                LetterDue::Rung(DueReason::NextRung {
                    previous: Level::SecondNotice,
                    sent: day(2),
                    days_overdue: 30,
                }),
                &["30", "2", "2026-11-02"],
            ),
            (
                LetterDue::Reminder(reminder(day(20))),
                &["1200", "2026-11-20"],
            ),
            (
                LetterDue::Reminder(reminder(day(27))),
                &["1200", "2026-11-20", "2026-11-27"],
            ),
        ];
        for (reason, values) in all {
            assert_eq!(reason.described_in(&english), reason.to_string());
            let said = reason.described_in(&chinese);
            assert!(
                said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "not Chinese: {said}"
            );
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
        }
    }
}
