//! Names of the library's closed sets — document kinds, letter levels, why the ladder
//! holds a customer, a note's channel and direction, a promise's status — in the
//! language chosen, said the same on the screens and on the
//! command line (so they live here, beneath both).

use crate::domain::Currency;
use crate::domain::document::DocKind;
use crate::domain::ladder::HeldReason;
use crate::domain::letters::Level;
use crate::domain::note::{Channel, Direction, PromiseStatus};

/// A document kind's name (`invoice`, 发票), as the ledger lists it.
pub fn kind_name(kind: DocKind) -> String {
    match kind {
        DocKind::Invoice => fl!("kind-invoice"),
        DocKind::Fee => fl!("kind-fee"),
        DocKind::Refund => fl!("kind-refund"),
        DocKind::Payment => fl!("kind-payment"),
        DocKind::Credit => fl!("kind-credit"),
        DocKind::WriteOff => fl!("kind-writeoff"),
        DocKind::Void => fl!("kind-void"),
        DocKind::Discount => fl!("kind-discount"),
    }
}

/// The level's name ("friendly reminder").
pub fn level_name(level: Level) -> String {
    match level {
        Level::BeforeDue => fl!("level-name-payment-reminder"),
        Level::Reminder => fl!("level-name-friendly-reminder"),
        Level::SecondNotice => fl!("level-name-second-notice"),
        Level::FinalDemand => fl!("level-name-final-demand"),
        Level::Legal => fl!("level-name-notice-before-legal-action"),
    }
}

/// "Level 2 (second notice)".
pub fn level_text(level: Level) -> String {
    fl!(
        "level-number-name",
        number = level.number().to_string(),
        name = level_name(level)
    )
}

/// Why the ladder holds the customer, in a sentence.
pub fn held_reason_text(reason: &HeldReason, currency: &Currency) -> String {
    match reason {
        HeldReason::Paused { until, reason } => fl!(
            "paused-until-until-reason",
            until = until.to_string(),
            reason = reason
        ),
        HeldReason::AllDisputed => fl!("every-overdue-item-is-in-dispute"),
        HeldReason::CreditCovers => fl!("unapplied-credit-covers-what-is-overdue"),
        HeldReason::BelowTolerance {
            net_overdue,
            tolerance,
        } => fl!(
            "below-the-small-balance-tolerance-net",
            net = currency.display(*net_overdue),
            tolerance = currency.display(*tolerance)
        ),
        HeldReason::Promise { until } => fl!("promised-to-pay-by-until", until = until.to_string()),
        HeldReason::Threshold {
            level,
            threshold,
            days_overdue,
        } => fl!(
            "not-yet-threshold-days-overdue-for",
            threshold = threshold,
            level = level_text(*level),
            days = days_overdue
        ),
        HeldReason::Interval { last, next_on } => fl!(
            "interval-not-passed-last-letter-last",
            last = last.to_string(),
            next = next_on.to_string()
        ),
        HeldReason::SwitchedOff { level } => fl!(
            "the-next-rung-level-is-switched",
            level = level_text(*level)
        ),
        HeldReason::TopSent { sent } => fl!(
            "the-last-rung-level-was-already",
            level = level_text(Level::Legal),
            sent = sent.to_string()
        ),
    }
}

/// A channel's name (the notes' filter, rows and form, and the ledger's notes).
pub fn channel_name(channel: Channel) -> String {
    match channel {
        Channel::Call => fl!("channel-call"),
        Channel::Email => fl!("channel-email"),
        Channel::Letter => fl!("channel-letter"),
        Channel::Visit => fl!("channel-visit"),
        Channel::Message => fl!("channel-message"),
        Channel::Other => fl!("channel-other"),
    }
}

/// A direction's name, as a note's row shows it.
pub fn direction_name(direction: Direction) -> String {
    match direction {
        Direction::Out => fl!("direction-out"),
        Direction::In => fl!("direction-in"),
    }
}

/// A promise's or a part's status in words.
pub fn promise_status_name(status: PromiseStatus) -> String {
    match status {
        PromiseStatus::Open => fl!("open-2"),
        PromiseStatus::Kept => fl!("kept"),
        PromiseStatus::PartlyKept => fl!("partly-kept"),
        PromiseStatus::Broken => fl!("broken"),
    }
}
