//! Aging as of a date: open items sorted into buckets by days past due (or days since the
//! invoice date), unapplied credit in its own column. The caller supplies each open item's
//! open amount *as of* the date; this module only sorts and sums, so the invariant
//! balance = Σ buckets + unapplied holds by construction and is checked in tests.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::ids::CustomerId;
use super::money::Money;

/// What the days in a bucket count from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Days past the due date; items not yet due are "Current".
    #[default]
    Due,
    /// Days since the invoice date.
    Invoice,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Due => "due",
            Basis::Invoice => "invoice",
        }
    }
}

impl FromStr for Basis {
    type Err = AgingError;
    fn from_str(text: &str) -> Result<Basis, AgingError> {
        match text.trim().to_lowercase().as_str() {
            "due" | "due-date" => Ok(Basis::Due),
            "invoice" | "invoice-date" => Ok(Basis::Invoice),
            other => Err(AgingError::BadBasis(other.to_string())),
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgingError {
    #[error("buckets must be rising whole numbers of days like 30,60,90, not '{0}'")]
    BadBuckets(String),
    #[error("aging is by 'due' or 'invoice', not '{0}'")]
    BadBasis(String),
}

/// Upper bounds of the day ranges, e.g. `[30, 60, 90]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buckets {
    bounds: Vec<u32>,
}

impl Default for Buckets {
    fn default() -> Self {
        Buckets {
            bounds: vec![30, 60, 90],
        }
    }
}

impl FromStr for Buckets {
    type Err = AgingError;
    fn from_str(text: &str) -> Result<Buckets, AgingError> {
        let bad = || AgingError::BadBuckets(text.trim().to_string());
        let bounds: Vec<u32> = text
            .split(',')
            .map(|p| p.trim().parse::<u32>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        if bounds.is_empty()
            || bounds.len() > 12
            || bounds[0] == 0
            || bounds.windows(2).any(|w| w[0] >= w[1])
        {
            return Err(bad());
        }
        Ok(Buckets { bounds })
    }
}

impl Buckets {
    pub fn bounds(&self) -> &[u32] {
        &self.bounds
    }

    /// Column labels, e.g. `Current, 1-30, 31-60, 61-90, 90+`.
    ///
    /// ```
    /// use owed::domain::aging::{Basis, Buckets};
    /// let buckets: Buckets = "15,30,60".parse().unwrap();
    /// assert_eq!(buckets.labels(Basis::Due), ["Current", "1-15", "16-30", "31-60", "60+"]);
    /// assert_eq!(buckets.labels(Basis::Invoice), ["0-15", "16-30", "31-60", "60+"]);
    /// ```
    pub fn labels(&self, basis: Basis) -> Vec<String> {
        let mut labels = Vec::with_capacity(self.bounds.len() + 2);
        let mut low = match basis {
            Basis::Due => {
                labels.push("Current".to_string());
                1
            }
            Basis::Invoice => 0,
        };
        for bound in &self.bounds {
            labels.push(format!("{low}-{bound}"));
            low = bound + 1;
        }
        labels.push(format!("{}+", self.bounds[self.bounds.len() - 1]));
        labels
    }

    /// The column an item `days` old falls in (days past due, or since the invoice).
    pub fn column(&self, basis: Basis, days: i64) -> usize {
        let offset = match basis {
            Basis::Due if days <= 0 => return 0,
            Basis::Due => 1,
            Basis::Invoice => 0,
        };
        let position = self
            .bounds
            .iter()
            .position(|b| days <= i64::from(*b))
            .unwrap_or(self.bounds.len());
        offset + position
    }
}

/// An open item with its open amount as of the report date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgedItem {
    #[serde(skip)]
    pub customer: CustomerId,
    /// The item's row id in the book (0 where none), so a caller can look up the
    /// numbers of a few items later instead of every item's.
    #[serde(skip)]
    pub id: i64,
    pub number: String,
    pub seq: u32,
    pub date: NaiveDate,
    pub due: NaiveDate,
    pub amount: Money,
    pub open: Money,
    pub days_overdue: i64,
    pub column: usize,
}

/// One customer's line of the report. `unapplied` is negative (credit the customer has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingRow {
    pub customer: CustomerId,
    pub balance: Money,
    pub unapplied: Money,
    pub amounts: Vec<Money>,
    pub items: Vec<AgedItem>,
}

impl AgingRow {
    fn new(customer: CustomerId, columns: usize) -> AgingRow {
        AgingRow {
            customer,
            balance: Money::ZERO,
            unapplied: Money::ZERO,
            amounts: vec![Money::ZERO; columns],
            items: Vec::new(),
        }
    }

    /// Everything past due (every column but "Current" when aging by due date).
    pub fn overdue(&self, basis: Basis) -> Money {
        match basis {
            Basis::Due => self.amounts[1..].iter().copied().sum(),
            Basis::Invoice => self
                .items
                .iter()
                .filter(|i| i.days_overdue > 0)
                .map(|i| i.open)
                .sum(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingTotals {
    pub balance: Money,
    pub unapplied: Money,
    pub amounts: Vec<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingReport {
    pub as_of: NaiveDate,
    pub basis: Basis,
    pub columns: Vec<String>,
    /// One row per customer with anything open or unapplied, by customer id.
    pub rows: BTreeMap<CustomerId, AgingRow>,
    pub totals: AgingTotals,
}

/// Collects open items and unapplied credits into an aging report as of one date.
pub struct AgingBuilder {
    as_of: NaiveDate,
    basis: Basis,
    buckets: Buckets,
    keep_items: bool,
    /// The rows as met (sorted once, in [`AgingBuilder::finish`]), found by customer id
    /// through `dense` (a row's place + 1, 0 for none) for the usual small ids and
    /// `sparse` for any other: the report's ordered map took a fifth of a big book's
    /// aging, and a hash of every item's customer still a tenth.
    rows: Vec<AgingRow>,
    dense: Vec<u32>,
    sparse: HashMap<CustomerId, usize>,
}

/// Customer ids below this are found through [`AgingBuilder::dense`].
const DENSE_IDS: usize = 1 << 16;

impl AgingBuilder {
    pub fn new(as_of: NaiveDate, basis: Basis, buckets: Buckets, keep_items: bool) -> AgingBuilder {
        AgingBuilder {
            as_of,
            basis,
            buckets,
            keep_items,
            rows: Vec::new(),
            dense: Vec::new(),
            sparse: HashMap::new(),
        }
    }

    fn row(&mut self, customer: CustomerId) -> &mut AgingRow {
        // The labels only for a customer's first item: made for every item, their
        // strings took a fifth of a big book's aging.
        let (buckets, basis, rows) = (&self.buckets, self.basis, &mut self.rows);
        let mut new_row = || {
            rows.push(AgingRow::new(customer, buckets.labels(basis).len()));
            rows.len() - 1
        };
        let at = match usize::try_from(customer.0) {
            Ok(id) if id < DENSE_IDS => {
                if id >= self.dense.len() {
                    self.dense.resize(id + 1, 0);
                }
                match self.dense[id] {
                    0 => {
                        let at = new_row();
                        // At most one row per customer, so far fewer than u32::MAX.
                        self.dense[id] = u32::try_from(at + 1).unwrap_or(u32::MAX);
                        at
                    }
                    place => place as usize - 1,
                }
            }
            _ => *self.sparse.entry(customer).or_insert_with(new_row),
        };
        &mut self.rows[at]
    }

    /// Adds an item open for `open` as of the report date (zero amounts are ignored).
    #[allow(clippy::too_many_arguments)]
    pub fn add_item(
        &mut self,
        customer: CustomerId,
        id: i64,
        number: String,
        seq: u32,
        date: NaiveDate,
        due: NaiveDate,
        amount: Money,
        open: Money,
    ) {
        if open.is_zero() {
            return;
        }
        let days_overdue = (self.as_of - due).num_days();
        let days = match self.basis {
            Basis::Due => days_overdue,
            Basis::Invoice => (self.as_of - date).num_days(),
        };
        let column = self.buckets.column(self.basis, days);
        let keep = self.keep_items;
        let row = self.row(customer);
        row.amounts[column] += open;
        row.balance += open;
        if keep {
            row.items.push(AgedItem {
                customer,
                id,
                number,
                seq,
                date,
                due,
                amount,
                open,
                days_overdue,
                column,
            });
        }
    }

    /// Adds credit not yet applied as of the report date (a positive amount the customer has).
    pub fn add_unapplied(&mut self, customer: CustomerId, unapplied: Money) {
        if unapplied.is_zero() {
            return;
        }
        let row = self.row(customer);
        row.unapplied -= unapplied;
        row.balance -= unapplied;
    }

    pub fn finish(self) -> AgingReport {
        let columns = self.buckets.labels(self.basis);
        let mut totals = AgingTotals {
            balance: Money::ZERO,
            unapplied: Money::ZERO,
            amounts: vec![Money::ZERO; columns.len()],
        };
        let mut rows = self.rows;
        rows.sort_unstable_by_key(|row| row.customer);
        for row in &mut rows {
            row.items.sort_by(|a, b| {
                a.due
                    .cmp(&b.due)
                    .then_with(|| a.number.cmp(&b.number))
                    .then(a.seq.cmp(&b.seq))
            });
            totals.balance += row.balance;
            totals.unapplied += row.unapplied;
            for (total, amount) in totals.amounts.iter_mut().zip(&row.amounts) {
                *total += *amount;
            }
        }
        AgingReport {
            as_of: self.as_of,
            basis: self.basis,
            columns,
            rows: rows.into_iter().map(|row| (row.customer, row)).collect(),
            totals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Currency, parse_date};

    #[test]
    fn labels_and_columns() {
        let buckets = Buckets::default();
        assert_eq!(
            buckets.labels(Basis::Due),
            ["Current", "1-30", "31-60", "61-90", "90+"]
        );
        assert_eq!(
            buckets.labels(Basis::Invoice),
            ["0-30", "31-60", "61-90", "90+"]
        );
        assert_eq!(buckets.column(Basis::Due, -5), 0);
        assert_eq!(buckets.column(Basis::Due, 0), 0);
        assert_eq!(buckets.column(Basis::Due, 1), 1);
        assert_eq!(buckets.column(Basis::Due, 30), 1);
        assert_eq!(buckets.column(Basis::Due, 31), 2);
        assert_eq!(buckets.column(Basis::Due, 91), 4);
        assert_eq!(buckets.column(Basis::Invoice, 0), 0);
        assert_eq!(buckets.column(Basis::Invoice, 90), 2);
        let custom: Buckets = "15,30,45,60,90".parse().unwrap();
        assert_eq!(custom.labels(Basis::Due).len(), 7);
        assert!("30,30".parse::<Buckets>().is_err());
        assert!("0,30".parse::<Buckets>().is_err());
        assert!("x".parse::<Buckets>().is_err());
    }

    #[test]
    fn balance_is_buckets_plus_unapplied() {
        let usd = Currency::default();
        let d = |t| parse_date(t).unwrap();
        let mut builder = AgingBuilder::new(d("2026-11-23"), Basis::Due, Buckets::default(), true);
        builder.add_item(
            CustomerId(1),
            1,
            "INV-1".into(),
            1,
            d("2026-08-01"),
            d("2026-08-31"),
            usd.parse("100").unwrap(),
            usd.parse("40").unwrap(),
        );
        builder.add_item(
            CustomerId(1),
            2,
            "INV-2".into(),
            1,
            d("2026-11-01"),
            d("2026-12-01"),
            usd.parse("70").unwrap(),
            usd.parse("70").unwrap(),
        );
        builder.add_unapplied(CustomerId(1), usd.parse("25").unwrap());
        builder.add_unapplied(CustomerId(2), usd.parse("5").unwrap());
        let report = builder.finish();
        let row = &report.rows[&CustomerId(1)];
        assert_eq!(usd.plain(row.amounts[0]), "70.00");
        assert_eq!(usd.plain(row.amounts[3]), "40.00");
        assert_eq!(usd.plain(row.unapplied), "-25.00");
        assert_eq!(
            row.balance,
            row.amounts.iter().copied().sum::<Money>() + row.unapplied
        );
        assert_eq!(usd.plain(report.totals.balance), "80.00");
        assert_eq!(usd.plain(row.overdue(Basis::Due)), "40.00");
    }
}
