//! A customer's credit review as of a day: its record and what the review suggests
//! (the risk score's own, [`crate::report::risk::credit_record`]: days to pay, on-time
//! share, promises kept, overdue now, the highest balance of the last 12 months net of
//! credit, the risk score with its reasons, and a tier and limit with the reasons), the
//! tier's default limit taken from the tier policies (settings). Accepting the
//! suggestion or keeping things as they are is recorded by
//! [`Store::complete_review`], audited, and moves the next review on.

use chrono::NaiveDate;

use super::Result;
use super::risk::{CreditRecord, credit_record};
use crate::domain::ladder::tier_index;
use crate::store::{Customer, ReviewOutcome, Store};

/// Customer `code`'s record as of `date`, with the suggestion.
pub fn review_record(store: &Store, code: &str, date: NaiveDate) -> Result<CreditRecord> {
    let policies = store.tier_policies()?;
    credit_record(store, code, date, |tier| {
        policies[tier_index(tier)].credit_limit
    })
}

/// The review's outcome when its suggestion is accepted: the suggested tier and limit.
pub fn accepted(record: &CreditRecord) -> ReviewOutcome {
    ReviewOutcome::Change {
        tier: Some(record.suggestion.tier),
        credit_limit: record.suggestion.limit,
    }
}

/// Accepts what the review of `code` suggests as of `date`: the tier and limit are
/// changed (audited, reason "credit review") and the next review moves on, in one
/// transaction. Returns the customer as it now is and the record the suggestion came
/// from.
pub fn accept_suggestion(
    store: &mut Store,
    code: &str,
    date: NaiveDate,
) -> Result<(Customer, CreditRecord)> {
    let record = review_record(store, code, date)?;
    let customer = store.complete_review(code, accepted(&record), date)?;
    Ok((customer, record))
}
