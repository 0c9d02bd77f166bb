//! What `owed check` finds wrong, as values: `Display` writes the English the command
//! has always printed, and `crate::i18n` says each in the language chosen.

use chrono::NaiveDate;

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// A line of SQLite's `PRAGMA integrity_check`, as SQLite says it.
    Integrity(String),
    /// A row pointing at a missing row (`PRAGMA foreign_key_check`).
    ForeignKey {
        table: String,
        row: i64,
        parent: String,
    },
    /// A stored date (or, when `moment`, timestamp) that cannot be read back; `who` is
    /// the row as its table names it (a code, a number, `note 12`).
    Malformed {
        moment: bool,
        table: &'static str,
        column: &'static str,
        who: String,
        value: String,
    },
    /// One of the ledger's rules broken, by `what` (a document or item number).
    Broken { rule: Rule, what: String },
    /// The payment habits' sums of a customer (`code`, or its id when the customer
    /// itself is gone) for a month differ from the items settled then.
    HabitSums {
        code: Option<String>,
        customer: i64,
        month: String,
        /// Items the kept sums count (`None`: no sums kept), and items settled.
        kept: Option<i64>,
        settled: i64,
    },
    /// The ledger's queries stopped (in a damaged file) at this error.
    Stopped(String),
    /// The aging's fast reading, a full recomputation and the documents disagree.
    AgingDoesNotTie {
        code: String,
        as_of: NaiveDate,
        aging: String,
        recomputed: String,
        documents: String,
    },
}

/// A rule of the ledger that a query checks, row by row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    OpenDiffers,
    ItemOverAllocated,
    SettleDate,
    UnappliedDiffers,
    CreditOverAllocated,
    ExhaustedDate,
    ItemOverAllocatedOnDate,
    CreditOverAllocatedOnDate,
    ItemsDoNotAddUp,
    CreditHasItems,
    BetweenCustomers,
    FromNonCredit,
    AllocationTooEarly,
    BadVoid,
    PromisePartsOrder,
    PromiseDiffers,
    DiscountMisplaced,
    DiscountStranded,
    VoidOfNothing,
    ItemDiffersFromDocument,
}

impl Rule {
    /// Every rule, in the order they are checked.
    pub const ALL: [Rule; 20] = [
        Rule::OpenDiffers,
        Rule::ItemOverAllocated,
        Rule::SettleDate,
        Rule::UnappliedDiffers,
        Rule::CreditOverAllocated,
        Rule::ExhaustedDate,
        Rule::ItemOverAllocatedOnDate,
        Rule::CreditOverAllocatedOnDate,
        Rule::ItemsDoNotAddUp,
        Rule::CreditHasItems,
        Rule::BetweenCustomers,
        Rule::FromNonCredit,
        Rule::AllocationTooEarly,
        Rule::BadVoid,
        Rule::PromisePartsOrder,
        Rule::PromiseDiffers,
        Rule::DiscountMisplaced,
        Rule::DiscountStranded,
        Rule::VoidOfNothing,
        Rule::ItemDiffersFromDocument,
    ];

    /// The rule broken, in English.
    pub fn english(self) -> &'static str {
        match self {
            Rule::OpenDiffers => "item's open amount differs from its allocations",
            Rule::ItemOverAllocated => "item over-allocated or allocated below zero",
            Rule::SettleDate => "item's settle date is wrong",
            Rule::UnappliedDiffers => "credit's unapplied amount differs from its allocations",
            Rule::CreditOverAllocated => "credit over-allocated or allocated below zero",
            Rule::ExhaustedDate => "credit's exhausted date is wrong",
            Rule::ItemOverAllocatedOnDate => "item over-allocated as of some date",
            Rule::CreditOverAllocatedOnDate => "credit over-allocated as of some date",
            Rule::ItemsDoNotAddUp => "debit document's items do not add up to it",
            Rule::CreditHasItems => "credit document has items",
            Rule::BetweenCustomers => "allocation between two customers",
            Rule::FromNonCredit => "allocation from a document that is not a credit",
            Rule::AllocationTooEarly => "allocation dated before its credit or its item",
            Rule::BadVoid => "void on the wrong side, of the wrong amount, or of a void",
            Rule::PromisePartsOrder => "promise parts not numbered 1, 2, … in date order",
            Rule::PromiseDiffers => {
                "note's promise date or amount differs from its promise parts (last date, total)"
            }
            Rule::DiscountMisplaced => {
                "discount allocated to something other than an invoice or its own void"
            }
            Rule::DiscountStranded => {
                "discount standing without its payment (missing, of another customer, or voided) or left unapplied"
            }
            Rule::VoidOfNothing => "void that voids nothing",
            Rule::ItemDiffersFromDocument => "item's customer or date differs from its document's",
        }
    }
}

/// What `owed check` has always printed, in English; `crate::i18n` says it in the
/// language chosen.
impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Violation::Integrity(line) => write!(f, "integrity: {line}"),
            Violation::ForeignKey { table, row, parent } => {
                write!(
                    f,
                    "foreign key: {table} row {row} points at a missing {parent}"
                )
            }
            Violation::Malformed {
                moment,
                table,
                column,
                who,
                value,
            } => {
                let what = match moment {
                    false => "date (YYYY-MM-DD, 1900-01-01..2199-12-31)",
                    true => "timestamp (RFC 3339)",
                };
                write!(
                    f,
                    "malformed {what} in {table}.{column} of {who}: '{value}'"
                )
            }
            Violation::Broken { rule, what } => write!(f, "{}: {what}", rule.english()),
            Violation::HabitSums {
                code,
                customer,
                month,
                kept,
                settled,
            } => {
                let who = code
                    .clone()
                    .unwrap_or_else(|| format!("customer #{customer}"));
                let kept = kept.map_or_else(|| "none".to_string(), |k| k.to_string());
                write!(
                    f,
                    "payment-habit sums of {who} for {month} differ from the items settled then ({kept} kept, {settled} settled)"
                )
            }
            Violation::Stopped(error) => write!(
                f,
                "the ledger's own checks stopped at what is listed above: {error}"
            ),
            Violation::AgingDoesNotTie {
                code,
                as_of,
                aging,
                recomputed,
                documents,
            } => write!(
                f,
                "aging does not tie for {code} as of {as_of}: aging {aging}, recomputed {recomputed}, documents {documents}"
            ),
        }
    }
}
