//! The summary of an import, as `owed import` prints it (table or JSON) and the screen
//! shows it: what the file holds, what is new, what matched.

use rust_decimal::Decimal;
use serde::Serialize;

use super::sequence::Outcome;
use super::{Decision, Direction, ImportPlan, RowKind, RowStatus};
use crate::domain::{Currency, Money};

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
    pub not_posted: Vec<NotPosted>,
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
    /// the file already paid), or `null`; written as its English text.
    #[serde(serialize_with = "super::redirect::as_english")]
    pub note: Option<super::Redirect>,
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
    pub sign_reason: Option<crate::import::SignWhy>,
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

/// A payment the book refused at commit: serialised as a [`SkippedLine`] is (the
/// reason as its English text), said on screens in the language chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotPosted {
    pub line: usize,
    pub reason: crate::store::Refusal,
}

/// The [`PlannedPayment`]s of `outcomes` (by row of `plan`), in the order they post.
pub(super) fn planned_payments(
    plan: &ImportPlan,
    outcomes: &[Option<Outcome>],
) -> Vec<PlannedPayment> {
    let currency = &plan.currency;
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
        let amount = currency.rescale(Money(row.row.amount));
        out.push(payment(currency, row.row.line, date, amount, outcome));
    }
    out
}

/// The payment a row on `line` posts, as the dry run and the summary say it.
pub(super) fn payment(
    currency: &Currency,
    line: usize,
    date: chrono::NaiveDate,
    amount: Money,
    outcome: &Outcome,
) -> PlannedPayment {
    let money = |m: Money| currency.plain(m);
    PlannedPayment {
        line,
        date: date.to_string(),
        customer: outcome.customer.clone(),
        amount: money(amount),
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
    }
}

/// The counts and totals of a file's rows, added up a row at a time.
#[derive(Debug, Default, Clone)]
pub(super) struct Tally {
    money_in: (usize, Decimal),
    money_out: (usize, Decimal),
    foreign: usize,
    duplicates: usize,
    matched: usize,
    unmatched: usize,
    /// Lines of rows not booked yet.
    pending: Vec<usize>,
}

/// What the tally needs to know of a row.
pub(super) struct Counted {
    pub line: usize,
    pub kind: RowKind,
    pub direction: Direction,
    pub amount: Decimal,
    pub status: RowStatus,
    pub payable: bool,
    pub accepted: bool,
}

impl Tally {
    /// The counts and totals alone, without what the decisions made of the rows.
    pub(super) fn counts_only(self) -> Tally {
        Tally {
            duplicates: 0,
            matched: 0,
            unmatched: 0,
            ..self
        }
    }

    pub(super) fn add(&mut self, row: &Counted) {
        self.count(row.line, row.kind, row.direction, row.amount);
        self.judge(row.kind, &row.status, row.payable, row.accepted);
    }

    /// Counts a row on its side of the file (or as foreign, or pending).
    pub(super) fn count(
        &mut self,
        line: usize,
        kind: RowKind,
        direction: Direction,
        amount: Decimal,
    ) {
        // Pending rows count on their side: they are in the file.
        let side = match (kind, direction) {
            (RowKind::MoneyIn, _) | (RowKind::Pending, Direction::In) => Some(&mut self.money_in),
            (RowKind::MoneyOut, _) | (RowKind::Pending, Direction::Out) => {
                Some(&mut self.money_out)
            }
            _ => None,
        };
        if let Some((count, total)) = side {
            *count += 1;
            *total += amount;
        }
        match kind {
            RowKind::Foreign => self.foreign += 1,
            RowKind::Pending => self.pending.push(line),
            _ => {}
        }
    }

    /// Counts a row as new or not, and as matched or not, once that is known.
    pub(super) fn judge(
        &mut self,
        kind: RowKind,
        status: &RowStatus,
        payable: bool,
        accepted: bool,
    ) {
        if *status != RowStatus::New {
            self.duplicates += 1;
        }
        let posts = payable && accepted;
        if posts {
            self.matched += 1;
        }
        if kind == RowKind::MoneyIn && *status == RowStatus::New && !posts {
            self.unmatched += 1;
        }
    }

    pub(super) fn summary(
        self,
        file: &str,
        detected: &super::super::Detected,
        skipped: &[super::super::Skipped],
        currency: &Currency,
        batch: Option<i64>,
    ) -> Summary {
        let side = |(count, mut total): (usize, Decimal)| {
            // Written to the currency's decimals (`1210.10`, as a spreadsheet's `1210.1`
            // would not be); more decimals are kept exactly, never rounded.
            if total.scale() < currency.minor_units {
                total.rescale(currency.minor_units);
            }
            CountTotal {
                count,
                total: total.to_string(),
            }
        };
        let mut skipped: Vec<SkippedLine> = skipped
            .iter()
            .map(|s| SkippedLine {
                line: s.line,
                reason: s.reason.to_string(),
            })
            .collect();
        for &line in &self.pending {
            skipped.push(SkippedLine {
                line,
                reason: "pending, no booking date yet".into(),
            });
        }
        skipped.sort_by_key(|s| s.line);
        Summary {
            file: file.to_string(),
            detected: DetectedSummary {
                encoding: detected.encoding.clone(),
                delimiter: detected.delimiter.clone(),
                header_line: detected.header_line,
                date_format: detected.date_format.clone(),
                decimal_mark: detected.decimal_mark.clone(),
                layout: detected.layout.clone(),
                amount_column: detected.amount_column.clone(),
                sign: detected.sign,
                sign_reason: detected.sign_reason.clone(),
            },
            money_in: side(self.money_in),
            money_out: side(self.money_out),
            foreign: Count {
                count: self.foreign,
            },
            duplicates: self.duplicates,
            matched: self.matched,
            unmatched: self.unmatched,
            skipped,
            batch,
            payments: Vec::new(),
            not_posted: Vec::new(),
        }
    }
}

impl Summary {
    /// Counts the payments the book refused at commit (by line, with why) as not
    /// posted: they are said, taken out of the payments, and counted as unmatched.
    pub(super) fn refused(&mut self, not_posted: &[(usize, crate::store::Refusal)]) {
        if not_posted.is_empty() {
            return;
        }
        let lines: std::collections::HashSet<usize> =
            not_posted.iter().map(|(line, _)| *line).collect();
        self.payments.retain(|p| !lines.contains(&p.line));
        self.matched -= lines.len().min(self.matched);
        self.unmatched += lines.len();
        self.not_posted = not_posted
            .iter()
            .map(|(line, reason)| NotPosted {
                line: *line,
                reason: reason.clone(),
            })
            .collect();
    }
}

impl ImportPlan {
    /// The summary of the file with these decisions.
    pub fn summary(&self, decisions: &[Decision], batch: Option<i64>) -> Summary {
        let mut tally = Tally::default();
        for (row, decision) in self.rows.iter().zip(decisions) {
            tally.add(&Counted {
                line: row.row.line,
                kind: row.kind,
                direction: row.row.direction,
                amount: row.row.amount,
                status: row.status.clone(),
                payable: row.is_payable(),
                accepted: matches!(decision, Decision::Accept { .. }),
            });
        }
        tally.summary(
            &self.file_name,
            &self.detected,
            &self.skipped,
            &self.currency,
            batch,
        )
    }
}
