//! The summary of an import, as `owed import` prints it (table or JSON) and the screen
//! shows it: what the file holds, what is new, what matched.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Decision, Direction, ImportPlan, PlannedRow, RowKind, RowStatus};

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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetectedSummary {
    pub encoding: String,
    pub delimiter: String,
    pub header_line: usize,
    pub date_format: String,
    pub decimal_mark: String,
    pub layout: String,
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
                total: rows
                    .iter()
                    .map(|r| r.row.amount)
                    .sum::<Decimal>()
                    .to_string(),
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
                .filter(|(r, d)| new_in(r) && !accepted(d))
                .count(),
            skipped,
            batch,
        }
    }
}
