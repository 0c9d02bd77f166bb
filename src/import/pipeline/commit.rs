//! Writing a prepared import to the book as one batch, and undoing a batch.

use chrono::NaiveDate;

use super::sequence::{Outcome, sequence};
use super::summary::planned_payments;
use super::{
    BankProfile, Decision, ImportPlan, KeptWhy, PlannedRow, RowKind, RowStatus, RunError,
    RunProblem, Summary, canonical,
};
use crate::domain::Money;
use crate::domain::document::DocKind;
use crate::domain::text::{NAME_MAX, scrub_line};
use crate::store::{
    BankRowStatus, ImportBatch, NewBankRow, NewCredit, NewImportBatch, Posted, Store,
};

/// A committed batch and its summary.
#[derive(Debug, Clone)]
pub struct Committed {
    /// `None` when the file held nothing new.
    pub batch: Option<ImportBatch>,
    pub summary: Summary,
}

/// Writes the plan with the user's decisions (one per row) as one batch, in one
/// transaction, and remembers the bank's profile. `progress(done, total)` is called as
/// rows are written.
pub fn commit(
    store: &mut Store,
    plan: &ImportPlan,
    decisions: &[Decision],
    mut progress: impl FnMut(usize, usize),
) -> Result<Committed, RunError> {
    if decisions.len() != plan.rows.len() {
        return Err(RunError::Invalid(RunProblem::DecisionCount {
            decisions: decisions.len(),
            rows: plan.rows.len(),
        }));
    }
    if !plan.can_post() {
        // Nothing the book can take (all of it in another currency, or only money out):
        // no batch, however many rows the file has.
        return Ok(Committed {
            batch: None,
            summary: plan.summary(decisions, None),
        });
    }
    // The file as one sequence: each payment posted, in date order, with the allocation
    // planned against the book as the earlier rows leave it (what the dry run showed).
    let outcomes = sequence(plan, decisions, &store.match_book()?);
    // The rows written, by index into the plan: new, dated, in date order (stable, so
    // rows of one day keep the file's order). Each is made as it is written, not all
    // held at once.
    let mut order: Vec<(NaiveDate, usize)> = plan
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status != RowStatus::AlreadyImported && r.kind != RowKind::Pending)
        .filter_map(|(index, r)| r.row.date.map(|date| (date, index)))
        .collect();
    order.sort_by_key(|&(date, _)| date);
    let duplicates = plan
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::AlreadyImported)
        .count();
    let detected = serde_json::json!({
        "encoding": plan.detected.encoding,
        "delimiter": plan.detected.delimiter,
        "header_line": plan.detected.header_line,
        "date_format": plan.detected.date_format,
        "decimal_mark": plan.detected.decimal_mark,
        "layout": plan.detected.layout,
        "amount_column": plan.detected.amount_column,
        "sign": plan.detected.sign,
        "profile": plan.profile,
    });
    let total = order.len();
    if order.is_empty() {
        // Nothing new: the file was imported before. No empty batch is written.
        return Ok(Committed {
            batch: None,
            summary: plan.summary(decisions, None),
        });
    }
    let rows = order.iter().map(|&(date, index)| {
        Ok(bank_row(
            &plan.currency,
            &plan.rows[index],
            date,
            &decisions[index],
            outcomes[index].as_ref(),
        ))
    });
    let batch = store.commit_import(
        &NewImportBatch {
            file_name: plan.file_name.clone(),
            sha256: plan.sha256.clone(),
            detected: detected.to_string(),
            rows_read: plan.rows.len(),
            duplicates,
        },
        rows,
        |done| progress(done, total),
    )?;
    if let Some(signature) = &plan.profile_signature {
        let name = plan
            .profile
            .clone()
            .unwrap_or_else(|| default_profile_name(&plan.file_name));
        let settings = serde_json::to_string(&BankProfile::from_hints(&plan.hints))
            .map_err(|e| RunError::Invalid(RunProblem::Profile(e)))?;
        store.save_bank_profile(signature, &name, &settings)?;
    }
    let mut summary = plan.summary(decisions, Some(batch.id));
    summary.payments = planned_payments(plan, &outcomes);
    // What the book refused is not a payment: said, and counted as unmatched.
    summary.refused(&batch.not_posted);
    Ok(Committed {
        batch: Some(batch),
        summary,
    })
}

pub(super) fn default_profile_name(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| file_name.to_string());
    // "acme-bank-2026-10" and "acme-bank-2026-11" are one bank.
    let trimmed =
        stem.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_' || c == ' ');
    if trimmed.is_empty() {
        stem
    } else {
        trimmed.to_string()
    }
}

pub(super) fn bank_row(
    currency: &crate::domain::Currency,
    planned: &PlannedRow,
    date: NaiveDate,
    decision: &Decision,
    outcome: Option<&Outcome>,
) -> NewBankRow {
    let row = &planned.row;
    let status = match (planned.kind, decision) {
        (RowKind::MoneyIn, _) if planned.unpostable.is_some() => BankRowStatus::Unmatched,
        (RowKind::MoneyIn, Decision::Accept { .. }) => BankRowStatus::Posted,
        (RowKind::MoneyIn, Decision::LeaveUnmatched) => BankRowStatus::Unmatched,
        (RowKind::MoneyIn, Decision::Skip) => BankRowStatus::Skipped,
        (RowKind::MoneyOut, _) => BankRowStatus::MoneyOut,
        (RowKind::Foreign, _) => BankRowStatus::Foreign,
        _ => BankRowStatus::Neutral,
    };
    let payment = match (status, decision) {
        (BankRowStatus::Posted, Decision::Accept { customer, apply }) => {
            let amount = Money(row.amount);
            Some(NewCredit {
                customer: customer.clone(),
                kind: DocKind::Payment,
                number: None,
                date,
                amount: currency.rescale(amount),
                // Text from a bank's file is kept, never refused: one stray control
                // character in a description must not stop a whole import, so it is
                // scrubbed to pass the book's text rules instead (see domain::text).
                reference: Some(match &row.reference {
                    Some(reference) => scrub_line(reference, NAME_MAX),
                    None => format!("bank line {}", row.line),
                }),
                memo: Some(scrub_line(&row.description, NAME_MAX)),
                apply: outcome.map_or_else(|| apply.clone(), |o| o.apply.clone()),
            })
        }
        _ => None,
    };
    let note = outcome.and_then(|o| o.note.as_ref());
    let (confidence, why) = match (&planned.status, &planned.suggestion) {
        _ if planned.unpostable.is_some() => {
            (None, planned.unpostable.clone().map(KeptWhy::Unpostable))
        }
        (RowStatus::ProbableDuplicate(why), _) => {
            (None, Some(KeptWhy::ProbableDuplicate(why.clone())))
        }
        (_, Some(s)) => (
            Some(format!("{:.2}", s.confidence)),
            Some(KeptWhy::Suggested {
                code: s.code.clone(),
                reason: s.reason.clone(),
                note: note.cloned(),
            }),
        ),
        _ => (None, note.cloned().map(KeptWhy::Redirected)),
    };
    NewBankRow {
        fingerprint: planned.fingerprint.clone(),
        occurrence: planned.occurrence,
        line: row.line,
        date,
        amount: canonical(row.signed()),
        currency: row.currency.clone(),
        description: row.description.clone(),
        reference: row.reference.clone(),
        counterparty: row.counterparty.clone(),
        account: row.account.clone(),
        status,
        learn: if payment.is_some() {
            planned.payer_keys.clone()
        } else {
            Vec::new()
        },
        payment,
        confidence,
        // The English as rows have always held it, and its parts to say it again.
        reason: why.as_ref().map(ToString::to_string),
        said: why.as_ref().map(KeptWhy::to_json),
    }
}

/// Undoes a batch: its payments are voided and its rows freed. Returns the voids.
pub fn undo(store: &mut Store, batch_id: i64) -> Result<(ImportBatch, Vec<Posted>), RunError> {
    Ok(store.undo_import(batch_id, None)?)
}

/// Posts a row an earlier import kept unmatched as `customer`'s payment (allocated as
/// `apply` says) and remembers its payer. Returns the payment and its amount.
pub fn assign_unmatched(
    store: &mut Store,
    row_id: i64,
    customer: &str,
    apply: crate::domain::allocation::Apply,
) -> Result<(Posted, Money), RunError> {
    let kept = store
        .unmatched_bank_rows()?
        .into_iter()
        .find(|r| r.id == row_id)
        .ok_or(crate::store::StoreError::UnknownBankRow(row_id))?;
    // The row's amount was stored in Owed's plain form, whatever the book's locale.
    let amount = store
        .currency()
        .parse_plain(&kept.amount)
        .map_err(|error| RunError::Invalid(RunProblem::KeptAmount { row: row_id, error }))?;
    if !amount.is_positive() {
        return Err(RunError::Invalid(RunProblem::NotMoneyIn {
            row: row_id,
            amount: kept.amount.clone(),
        }));
    }
    let learn: Vec<String> = kept
        .counterparty
        .as_deref()
        .and_then(crate::import::matching::alias_key)
        .into_iter()
        .collect();
    let payment = NewCredit {
        customer: customer.to_string(),
        kind: DocKind::Payment,
        number: None,
        date: kept.date,
        amount,
        // Kept bank text is scrubbed, not refused (as in `commit`).
        reference: kept.reference.as_deref().map(|r| scrub_line(r, NAME_MAX)),
        memo: Some(scrub_line(&kept.description, NAME_MAX)),
        apply,
    };
    Ok((store.assign_bank_row(row_id, &payment, &learn)?, amount))
}
