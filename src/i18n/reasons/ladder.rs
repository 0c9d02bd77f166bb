//! Why the ladder holds a customer ([`HeldReason`]) as the command line and a refused
//! letter say it, and the warning on a letter written by hand ([`HandWarning`]), in the
//! language chosen. The English is word for word their `Display` (what `owed letters
//! --due` and `owed letter` have always printed); the screens' own longer sentences for
//! a held customer are `crate::i18n::words::held_reason_text`. Amounts are written as
//! `Display` writes them (the plain decimal), days and levels as text, never grouped.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::super::errors::Described;
use crate::domain::ladder::HeldReason;
use crate::domain::letters::Level;
use crate::report::letters::HandWarning;

impl Described for HeldReason {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            HeldReason::Paused { until, reason } => fl!(
                loader,
                "held-paused",
                until = until.to_string(),
                reason = reason.as_str()
            ),
            HeldReason::AllDisputed => fl!(loader, "held-all-disputed"),
            HeldReason::CreditCovers => fl!(loader, "held-credit-covers"),
            HeldReason::BelowTolerance {
                net_overdue,
                tolerance,
            } => fl!(
                loader,
                "held-below-tolerance",
                net = net_overdue.0.to_string(),
                tolerance = tolerance.0.to_string()
            ),
            HeldReason::Promise { until } => {
                fl!(loader, "held-promise", until = until.to_string())
            }
            HeldReason::Threshold {
                level,
                threshold,
                days_overdue,
            } => fl!(
                loader,
                "held-threshold",
                level = level.number().to_string(),
                threshold = threshold.to_string(),
                days = days_overdue.to_string()
            ),
            HeldReason::Interval { last, next_on } => fl!(
                loader,
                "held-interval",
                last = last.to_string(),
                next = next_on.to_string()
            ),
            HeldReason::SwitchedOff { level } => fl!(
                loader,
                "held-switched-off",
                level = level.number().to_string()
            ),
            HeldReason::TopSent { sent } => fl!(
                loader,
                "held-top-sent",
                level = Level::Legal.number().to_string(),
                sent = sent.to_string()
            ),
        }
    }
}

impl Described for HandWarning {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            HandWarning::OtherLevel {
                customer,
                would,
                asked,
            } => fl!(
                loader,
                "hand-warning-other-level",
                customer = customer.as_str(),
                would = would.number().to_string(),
                would_name = level_name(*would, loader),
                asked = asked.number().to_string(),
                asked_name = level_name(*asked, loader)
            ),
            HandWarning::NothingToday {
                customer,
                reason,
                asked,
            } => fl!(
                loader,
                "hand-warning-nothing-today",
                customer = customer.as_str(),
                reason = reason.described_in(loader),
                asked = asked.number().to_string()
            ),
            HandWarning::Forced { customer, reason } => fl!(
                loader,
                "hand-warning-forced",
                customer = customer.as_str(),
                reason = reason.described_in(loader)
            ),
        }
    }
}

/// The level's name in `loader`'s language (in English, `Level::name`).
fn level_name(level: Level, loader: &FluentLanguageLoader) -> String {
    match level {
        Level::BeforeDue => fl!(loader, "level-name-payment-reminder"),
        Level::Reminder => fl!(loader, "level-name-friendly-reminder"),
        Level::SecondNotice => fl!(loader, "level-name-second-notice"),
        Level::FinalDemand => fl!(loader, "level-name-final-demand"),
        Level::Legal => fl!(loader, "level-name-notice-before-legal-action"),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::domain::Money;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn reasons() -> Vec<(HeldReason, Vec<&'static str>)> {
        vec![
            (
                HeldReason::Paused {
                    until: day(30),
                    reason: "talks with Acme".into(),
                },
                vec!["2026-11-30", "talks with Acme"],
            ),
            (HeldReason::AllDisputed, vec![]),
            (HeldReason::CreditCovers, vec![]),
            (
                HeldReason::BelowTolerance {
                    net_overdue: Money(Decimal::new(1250, 2)),
                    tolerance: Money(Decimal::new(2000, 2)),
                },
                vec!["12.50", "20.00"],
            ),
            (HeldReason::Promise { until: day(20) }, vec!["2026-11-20"]),
            (
                HeldReason::Threshold {
                    level: Level::SecondNotice,
                    threshold: 1030,
                    days_overdue: 1012,
                },
                vec!["2", "1030", "1012"],
            ),
            (
                HeldReason::Interval {
                    last: day(2),
                    next_on: day(16),
                },
                vec!["2026-11-02", "2026-11-16"],
            ),
            (
                HeldReason::SwitchedOff {
                    level: Level::FinalDemand,
                },
                vec!["3"],
            ),
            (
                HeldReason::TopSent { sent: day(4) },
                vec!["4", "2026-11-04"],
            ),
        ]
    }

    use super::super::tests::said_both_ways;

    #[test]
    fn every_hold_in_english_as_displayed_and_in_chinese_with_its_values() {
        for (reason, values) in reasons() {
            said_both_ways(&reason, &values);
        }
    }

    #[test]
    fn every_warning_in_english_as_displayed_and_in_chinese_with_its_values() {
        said_both_ways(
            &HandWarning::OtherLevel {
                customer: "C001".into(),
                would: Level::SecondNotice,
                asked: Level::Reminder,
            },
            &["C001", "2", "1"],
        );
        for (reason, mut values) in reasons() {
            values.push("C002");
            said_both_ways(
                &HandWarning::NothingToday {
                    customer: "C002".into(),
                    reason: reason.clone(),
                    asked: Level::Legal,
                },
                &values,
            );
            said_both_ways(
                &HandWarning::Forced {
                    customer: "C002".into(),
                    reason,
                },
                &values,
            );
        }
    }
}
