//! One letter by hand (`owed letter`, the screen's "one customer"), checked against the
//! ladder first: a customer the ladder holds — paused, everything overdue disputed,
//! credit covering the overdue, a net overdue below the tolerance, an open promise — is
//! not written to unless forced, and a level other than the one the ladder would send
//! is written with a warning. The ladder's other reasons to wait (threshold, interval,
//! top rung sent) are the judgement of the person writing by hand: a warning too.

use std::fmt;
use std::path::Path;

use super::{IssuedLetter, LetterRequest, LetterRun, Result, issue_with, letter_run_with};
use crate::domain::ladder::HeldReason;
use crate::domain::letters::Level;
use crate::report::statement::{Context, StatementError, prepare_folder};
use crate::store::Store;

/// What the ladder says about a letter of `level` to one customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandCheck {
    /// Refused unless forced: the ladder holds the customer for this reason.
    Holds(HeldReason),
    /// May be written; with a warning when it is not what the ladder would send today.
    Allowed { warning: Option<HandWarning> },
}

/// Why a letter written by hand is not what the ladder would send today, said on
/// screens and the command line in the language chosen (`crate::i18n`); `Display` is
/// the English the command line has always printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandWarning {
    /// The ladder would send `customer` another level today.
    OtherLevel {
        customer: String,
        would: Level,
        asked: Level,
    },
    /// The ladder sends `customer` nothing today, for `reason`.
    NothingToday {
        customer: String,
        reason: HeldReason,
        asked: Level,
    },
    /// The ladder holds `customer` for `reason`, and `--force` wrote it anyway.
    Forced {
        customer: String,
        reason: HeldReason,
    },
}

impl fmt::Display for HandWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandWarning::OtherLevel {
                customer,
                would,
                asked,
            } => write!(
                f,
                "warning: the ladder would send {customer} level {} ({}) today, not level {} ({})",
                would.number(),
                would.name(),
                asked.number(),
                asked.name()
            ),
            HandWarning::NothingToday {
                customer,
                reason,
                asked,
            } => write!(
                f,
                "warning: the ladder sends {customer} no letter today ({reason}); writing level {} by hand",
                asked.number()
            ),
            HandWarning::Forced { customer, reason } => write!(
                f,
                "warning: written despite the ladder holding {customer} ({reason}): --force"
            ),
        }
    }
}

/// Whether a hold stops a letter by hand (rather than only the ladder's timing). A pause
/// stops every letter, the payment reminder included; the others are about the overdue
/// amount, which the payment reminder does not chase.
fn stops(reason: &HeldReason, level: Level) -> bool {
    match reason {
        HeldReason::Paused { .. } => true,
        HeldReason::AllDisputed
        | HeldReason::CreditCovers
        | HeldReason::BelowTolerance { .. }
        | HeldReason::Promise { .. } => level.is_rung(),
        HeldReason::Threshold { .. }
        | HeldReason::Interval { .. }
        | HeldReason::SwitchedOff { .. }
        | HeldReason::TopSent { .. } => false,
    }
}

/// The ladder's verdict in `run` on a letter of `level` to `customer` by hand.
pub fn check_by_hand(run: &LetterRun, customer: &str, level: Level) -> HandCheck {
    let customer = customer.trim();
    if let Some(due) = run.due.iter().find(|d| d.customer == customer) {
        let warning = (due.level != level).then(|| HandWarning::OtherLevel {
            customer: customer.to_string(),
            would: due.level,
            asked: level,
        });
        return HandCheck::Allowed { warning };
    }
    if let Some(held) = run.held.iter().find(|h| h.customer == customer) {
        if stops(&held.reason, level) {
            return HandCheck::Holds(held.reason.clone());
        }
        return HandCheck::Allowed {
            warning: Some(HandWarning::NothingToday {
                customer: customer.to_string(),
                reason: held.reason.clone(),
                asked: level,
            }),
        };
    }
    // Nothing overdue (and no payment reminder due): the letter itself says whether
    // there is anything to write about.
    HandCheck::Allowed { warning: None }
}

/// [`super::issue_letter`] checked against the ladder on the letter's date: refused with
/// [`StatementError::LadderHolds`] when the ladder holds the customer, unless `force`;
/// returns the letter and the warning, if any, to show.
pub fn issue_by_hand(
    store: &mut Store,
    request: &LetterRequest,
    out_dir: &Path,
    preview: bool,
    force: bool,
) -> Result<(IssuedLetter, Option<HandWarning>)> {
    let code = store.customer(&request.customer)?.code;
    let context = Context::new(store, request.date, request.locale)?;
    let run = letter_run_with(store, &context)?;
    let warning = match check_by_hand(&run, &code, request.level) {
        HandCheck::Holds(reason) if !force => {
            return Err(StatementError::LadderHolds {
                customer: code,
                reason,
            });
        }
        HandCheck::Holds(reason) => Some(HandWarning::Forced {
            customer: code,
            reason,
        }),
        HandCheck::Allowed { warning } => warning,
    };
    let stale_removed = prepare_folder(out_dir)?;
    let issued = issue_with(store, &context, request, out_dir, preview)?;
    Ok((
        IssuedLetter {
            stale_removed,
            ..issued
        },
        warning,
    ))
}
