//! What a printed statement or demand letter says, as plain values: the store-facing
//! report code fills them in and the PDF layer lays them out, so the figures on paper
//! are exactly the figures the reports compute.

use chrono::{Datelike, NaiveDate};

use super::company::Locale;
use super::document::DocKind;
use super::letters::Level;
use super::{Currency, Money};

/// The three kinds of statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatementKind {
    /// Every unpaid item with its due date, days overdue, original and open amount.
    #[default]
    OpenItem,
    /// Opening balance, every document in the period, closing balance.
    BalanceForward,
    /// The period's documents only.
    Activity,
}

impl StatementKind {
    pub const ALL: [StatementKind; 3] = [
        StatementKind::OpenItem,
        StatementKind::BalanceForward,
        StatementKind::Activity,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::OpenItem => "open-item",
            StatementKind::BalanceForward => "balance-forward",
            StatementKind::Activity => "activity",
        }
    }
    pub fn parse(text: &str) -> Option<StatementKind> {
        let t = text.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        StatementKind::ALL.into_iter().find(|k| k.as_str() == t)
    }
}

/// A calendar month, the period of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Period {
    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Period> {
        let first = NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d").ok()?;
        Some(Period::month_of(first))
    }
    /// The month `date` falls in.
    pub fn month_of(date: NaiveDate) -> Period {
        let first = date.with_day(1).expect("day 1 exists");
        let last = first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .expect("dates far from the end of time");
        Period { first, last }
    }
    /// `2026-10`.
    pub fn label(self) -> String {
        self.first.format("%Y-%m").to_string()
    }
}

/// The customer as printed in the address window.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Addressee {
    pub code: String,
    pub name: String,
    pub contact: Option<String>,
    /// Several lines.
    pub address: Option<String>,
}

/// An unpaid item (an installment of an invoice or fee), or unapplied credit (negative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenLine {
    pub date: NaiveDate,
    pub number: String,
    /// Installment number; 0 for unapplied credit.
    pub seq: u32,
    /// How many installments the document has (the `/2` is printed only when > 1).
    pub installments: u32,
    pub due: Option<NaiveDate>,
    pub days_overdue: Option<i64>,
    pub amount: Money,
    pub open: Money,
    /// In an open dispute (printed "in dispute" after the number).
    pub disputed: bool,
    /// An early-payment discount that can still be taken at the document's date
    /// (printed on a line of its own: pay the open amount less it by its last day).
    pub discount: Option<super::terms::DiscountOffer>,
}

/// A document in the period, with the running balance after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityLine {
    pub date: NaiveDate,
    pub kind: DocKind,
    pub number: String,
    pub memo: Option<String>,
    pub debit: Money,
    pub credit: Money,
    pub balance: Money,
}

/// The aging box: the aging report's buckets for this customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingBox {
    pub labels: Vec<String>,
    pub amounts: Vec<Money>,
    /// Negative: credit the customer has.
    pub unapplied: Money,
    pub balance: Money,
}

/// One customer's statement, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub kind: StatementKind,
    pub period: Period,
    /// The last day of the period; every figure is as of this date.
    pub date: NaiveDate,
    pub customer: Addressee,
    pub currency: Currency,
    /// Language of the labels and format of the dates.
    pub locale: Locale,
    /// Balance brought forward from before the period (balance-forward and activity).
    pub opening: Money,
    /// Balance at the statement date: the ledger's closing balance.
    pub closing: Money,
    /// Open-item statements: every unpaid item and unapplied credit.
    pub open_items: Vec<OpenLine>,
    /// Balance-forward and activity statements: the period's documents.
    pub activity: Vec<ActivityLine>,
    pub aging: AgingBox,
    /// Items due on or before the statement date, less unapplied credit, never negative.
    pub amount_due: Money,
}

impl Statement {
    /// Whether the statement has nothing to say: no balance, nothing open, no activity.
    pub fn is_empty(&self) -> bool {
        self.closing.is_zero()
            && self.opening.is_zero()
            && self.open_items.is_empty()
            && self.activity.is_empty()
    }
}

/// A paragraph of a letter: merged text, or the table of overdue items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterBlock {
    Text(String),
    Items,
}

/// A demand letter, merged and ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub level: Level,
    pub date: NaiveDate,
    pub deadline: NaiveDate,
    pub customer: Addressee,
    pub currency: Currency,
    pub locale: Locale,
    pub title: String,
    pub blocks: Vec<LetterBlock>,
    /// Lines of the closing ("Kind regards," and the company).
    pub closing: Vec<String>,
    /// The overdue items, oldest due first (at level 0, the payment reminder, the items
    /// falling due).
    pub items: Vec<OpenLine>,
    /// The total of `items`.
    pub total_overdue: Money,
    pub oldest_due: NaiveDate,
    pub days_overdue: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_kinds() {
        let p = Period::parse("2026-02").unwrap();
        assert_eq!(p.first.to_string(), "2026-02-01");
        assert_eq!(p.last.to_string(), "2026-02-28");
        assert_eq!(p.label(), "2026-02");
        assert_eq!(
            Period::parse("2026-12").unwrap().last.to_string(),
            "2026-12-31"
        );
        assert!(Period::parse("2026-13").is_none());
        assert_eq!(
            StatementKind::parse("Balance_Forward"),
            Some(StatementKind::BalanceForward)
        );
        assert_eq!(StatementKind::parse("x"), None);
    }
}
