//! One letter by hand (`owed letter`, the screen's "one customer"), checked against the
//! ladder first: a customer the ladder holds — paused, everything overdue disputed,
//! credit covering the overdue, a net overdue below the tolerance, an open promise — is
//! not written to unless forced, and a level other than the one the ladder would send
//! is written with a warning. The ladder's other reasons to wait (threshold, interval,
//! top rung sent) are the judgement of the person writing by hand: a warning too.

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
    Allowed { warning: Option<String> },
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
        let warning = (due.level != level).then(|| {
            format!(
                "warning: the ladder would send {customer} level {} ({}) today, not level {} ({})",
                due.level.number(),
                due.level.name(),
                level.number(),
                level.name()
            )
        });
        return HandCheck::Allowed { warning };
    }
    if let Some(held) = run.held.iter().find(|h| h.customer == customer) {
        if stops(&held.reason, level) {
            return HandCheck::Holds(held.reason.clone());
        }
        return HandCheck::Allowed {
            warning: Some(format!(
                "warning: the ladder sends {customer} no letter today ({}); writing level {} by hand",
                held.reason,
                level.number()
            )),
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
) -> Result<(IssuedLetter, Option<String>)> {
    let code = store.customer(&request.customer)?.code;
    let context = Context::new(store, request.date, request.locale)?;
    let run = letter_run_with(store, &context)?;
    let warning = match check_by_hand(&run, &code, request.level) {
        HandCheck::Holds(reason) if !force => {
            return Err(StatementError::LadderHolds {
                customer: code,
                reason: reason.to_string(),
            });
        }
        HandCheck::Holds(reason) => Some(format!(
            "warning: written despite the ladder holding {code} ({reason}): --force"
        )),
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
