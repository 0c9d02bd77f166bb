//! The summary of an import, as `owed import` prints it (table or JSON) and the screen
//! shows it: what the file holds, what is new, what matched.

use rust_decimal::Decimal;
use serde::Serialize;

use super::sequence::Outcome;
use super::{Decision, Direction, ImportPlan, PlannedRow, RowKind, RowStatus};
use crate::domain::Money;

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub file: String,
    pub detected: DetectedSummary,
    pub money_in: CountTotal,
    pub money_out: CountTotal,
    pub foreign: Count,
    pub duplicates: usize,
    pub matched: usize,
    pub unmatched: usize,
    pub skipped: Vec<SkippedLine>,
    /// The batch written; `None` for a dry run.
    pub batch: Option<i64>,
    /// Each payment the file posts, in the order it is posted (date, then line), with
    /// what it pays; the same in a dry run and in the commit.
    pub payments: Vec<PlannedPayment>,
    /// Payments the book refused at commit (it changed since the file was read), kept
    /// unmatched: empty in a dry run and almost always after a commit.
    pub not_posted: Vec<SkippedLine>,
}

/// One payment an import posts and where its money goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedPayment {
    pub line: usize,
    pub date: String,
    pub customer: String,
    pub amount: String,
    pub applied: Vec<AppliedAmount>,
    pub discounts: Vec<AppliedAmount>,
    pub unapplied: String,
    /// Why the money does not go where the row first said (an invoice an earlier row of
    /// the file already paid), or `null`.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedAmount {
    /// `NUMBER` or, for an installment after the first, `NUMBER/INSTALLMENT`.
    pub invoice: String,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetectedSummary {
    pub encoding: String,
    pub delimiter: String,
    pub header_line: usize,
    pub date_format: String,
    pub decimal_mark: String,
    pub layout: String,
    /// The column the amounts were read from (empty for debit and credit columns).
    pub amount_column: String,
    /// `normal` or `inverted` (a card statement counting purchases positive).
    pub sign: super::super::Sign,
    /// Why the sign was read so, or `null` for a plain bank account.
    pub sign_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountTotal {
    pub count: usize,
    /// Exact decimal text; money out is positive.
    pub total: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedLine {
    pub line: usize,
    pub reason: String,
}

/// The [`PlannedPayment`]s of `outcomes` (by row of `plan`), in the order they post.
pub(super) fn planned_payments(
    plan: &ImportPlan,
    outcomes: &[Option<Outcome>],
) -> Vec<PlannedPayment> {
    let currency = &plan.currency;
    let money = |m: Money| currency.plain(m);
    // The order first (date, then line: keys of one row each, so an unstable sort keeps
    // it), then each payment made once in place: a big file's payments are not held
    // twice, nor grown by doubling.
    let mut order: Vec<(chrono::NaiveDate, usize)> = plan
        .rows
        .iter()
        .zip(outcomes)
        .enumerate()
        .filter_map(|(index, (row, outcome))| {
            Some((row.row.date?, index)).filter(|_| outcome.is_some())
        })
        .collect();
    order.sort_unstable();
    let mut out = Vec::with_capacity(order.len());
    for (date, index) in order {
        let (row, Some(outcome)) = (&plan.rows[index], &outcomes[index]) else {
            continue;
        };
        out.push(PlannedPayment {
            line: row.row.line,
            date: date.to_string(),
            customer: outcome.customer.clone(),
            amount: money(currency.rescale(Money(row.row.amount))),
            applied: outcome
                .paid
                .iter()
                .map(|(invoice, seq, amount)| AppliedAmount {
                    invoice: if *seq > 1 {
                        format!("{invoice}/{seq}")
                    } else {
                        invoice.clone()
                    },
                    amount: money(*amount),
                })
                .collect(),
            discounts: outcome
                .discounts
                .iter()
                .map(|(invoice, amount)| AppliedAmount {
                    invoice: invoice.clone(),
                    amount: money(*amount),
                })
                .collect(),
            unapplied: money(outcome.unapplied),
            note: outcome.note.clone(),
        });
    }
    out
}

impl ImportPlan {
    /// The summary of the file with these decisions.
    pub fn summary(&self, decisions: &[Decision], batch: Option<i64>) -> Summary {
        let tally = |kind: RowKind| {
            let rows: Vec<&PlannedRow> = self
                .rows
                .iter()
                .filter(|r| {
                    // Pending rows count on their side: they are in the file.
                    r.kind == kind
                        || (r.kind == RowKind::Pending
                            && r.row.direction
                                == if kind == RowKind::MoneyIn {
                                    Direction::In
                                } else {
                                    Direction::Out
                                })
                })
                .collect();
            CountTotal {
                count: rows.len(),
                total: {
                    let mut total: Decimal = rows.iter().map(|r| r.row.amount).sum();
                    // Written to the currency's decimals (`1210.10`, as a spreadsheet's
                    // `1210.1` would not be); more decimals are kept exactly, never rounded.
                    if total.scale() < self.currency.minor_units {
                        total.rescale(self.currency.minor_units);
                    }
                    total.to_string()
                },
            }
        };
        let new_in =
            |row: &PlannedRow| row.kind == RowKind::MoneyIn && row.status == RowStatus::New;
        let accepted = |d: &Decision| matches!(d, Decision::Accept { .. });
        let mut skipped: Vec<SkippedLine> = self
            .skipped
            .iter()
            .map(|s| SkippedLine {
                line: s.line,
                reason: s.reason.to_string(),
            })
            .collect();
        for row in self.rows.iter().filter(|r| r.kind == RowKind::Pending) {
            skipped.push(SkippedLine {
                line: row.row.line,
                reason: "pending, no booking date yet".into(),
            });
        }
        skipped.sort_by_key(|s| s.line);
        Summary {
            file: self.file_name.clone(),
            detected: DetectedSummary {
                encoding: self.detected.encoding.clone(),
                delimiter: self.detected.delimiter.clone(),
                header_line: self.detected.header_line,
                date_format: self.detected.date_format.clone(),
                decimal_mark: self.detected.decimal_mark.clone(),
                layout: self.detected.layout.clone(),
                amount_column: self.detected.amount_column.clone(),
                sign: self.detected.sign,
                sign_reason: self.detected.sign_reason.clone(),
            },
            money_in: tally(RowKind::MoneyIn),
            money_out: tally(RowKind::MoneyOut),
            foreign: Count {
                count: self
                    .rows
                    .iter()
                    .filter(|r| r.kind == RowKind::Foreign)
                    .count(),
            },
            duplicates: self
                .rows
                .iter()
                .filter(|r| r.status != RowStatus::New)
                .count(),
            matched: self
                .rows
                .iter()
                .zip(decisions)
                .filter(|(r, d)| r.is_payable() && accepted(d))
                .count(),
            unmatched: self
                .rows
                .iter()
                .zip(decisions)
                .filter(|(r, d)| new_in(r) && !(r.is_payable() && accepted(d)))
                .count(),
            skipped,
            batch,
            payments: Vec::new(),
            not_posted: Vec::new(),
        }
    }
}
