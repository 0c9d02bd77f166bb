//! What a worklist row is about, in the language shown: the Today screen and
//! `owed worklist` say it with the same words, amounts and dates as each writes them.

use chrono::NaiveDate;

use crate::domain::Money;
use crate::domain::letters::Level;
use crate::domain::risk::Risk;
use crate::report::worklist::{WorkItem, WorkKind};

/// A group of the worklist as the Today screen heads it (and `owed worklist` names it).
pub fn group_label(kind: WorkKind) -> String {
    match kind {
        WorkKind::PromiseBroken => fl!("broken-promises"),
        WorkKind::PromiseDue => fl!("promises-due-today"),
        WorkKind::FollowUp => fl!("follow-ups-due"),
        WorkKind::ApplyCredit => fl!("credit-to-apply"),
        WorkKind::LetterDue => fl!("letters-due"),
        WorkKind::ReminderDue => fl!("reminders-before-the-due-date"),
        WorkKind::DisputeOpen => fl!("open-disputes"),
        WorkKind::PausedUntilPassed => fl!("pauses-that-have-ended"),
        WorkKind::ReviewDue => fl!("credit-reviews-due"),
        WorkKind::Risk => fl!("risk-warnings"),
        WorkKind::UnmatchedMoney => fl!("bank-money-not-matched"),
    }
}

/// `item`'s "what": why it is on the list, with the customer's own words quoted where
/// a note said them; `risk` is the customer's for a risk row. Amounts are written by
/// `money`, dates by `date`.
pub fn work_item_text(
    item: &WorkItem,
    risk: Option<&Risk>,
    money: impl Fn(Money) -> String,
    date: impl Fn(NaiveDate) -> String,
) -> String {
    let amount = item.amount.map(money).unwrap_or_default();
    let date = item.date.map(date).unwrap_or_default();
    let said = item
        .said
        .as_deref()
        .map(crate::i18n::words::note_summary_text)
        .unwrap_or_default();
    let quoted = |words: String| {
        if said.is_empty() {
            words
        } else {
            format!("{words} · “{said}”")
        }
    };
    match item.kind {
        WorkKind::PromiseBroken => quoted(fl!(
            "promised-by-date-amount-still-short",
            date = date.as_str(),
            amount = amount.as_str()
        )),
        WorkKind::PromiseDue => quoted(fl!(
            "promise-falls-due-today-amount-still",
            amount = amount.as_str()
        )),
        WorkKind::FollowUp => quoted(fl!("follow-up-set-for-date", date = date.as_str())),
        WorkKind::ApplyCredit => fl!(
            "unapplied-credit-beside-overdue-items-apply",
            amount = amount.as_str()
        ),
        WorkKind::LetterDue => {
            let level = item.level.unwrap_or(0);
            fl!(
                "level-level-name-oldest-due-date",
                level = level.to_string(),
                name = Level::any_from_number(level)
                    .map_or_else(String::new, super::words::level_name),
                date = date.as_str()
            )
        }
        WorkKind::ReminderDue => fl!("falls-due-date-a-reminder-before", date = date.as_str()),
        WorkKind::DisputeOpen => quoted(fl!("in-dispute-since-date", date = date.as_str())),
        WorkKind::PausedUntilPassed => quoted(fl!(
            "letters-were-paused-until-date-they",
            date = date.as_str()
        )),
        WorkKind::ReviewDue => fl!("credit-review-due-since-date", date = date.as_str()),
        WorkKind::Risk => match risk {
            Some(risk) => fl!(
                "risk-rose-to-band-score-why",
                band = super::words::band_name(risk.band),
                score = risk.score.to_string(),
                why = super::words::reasons_text(risk)
            ),
            None => item.reason.clone(),
        },
        WorkKind::UnmatchedMoney => quoted(fl!("money-in-that-matches-no-customer")),
    }
}
