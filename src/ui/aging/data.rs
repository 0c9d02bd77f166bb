//! The report as the screen holds it: the figures from [`crate::report::aging`] with
//! each customer's code and name in code order, loaded on a worker thread, and the
//! orderings the table sorts by.

use crate::ui::errors::Described;
use std::cmp::Ordering;
use std::sync::Arc;

use chrono::NaiveDate;

use super::Column;
use crate::domain::Money;
use crate::domain::aging::{AgingRow, AgingTotals, Basis};
use crate::domain::ids::CustomerId;
use crate::report::{self, AgingOptions};
use crate::store::Store;

/// A report as loaded: the figures, and each customer's code and name in code order.
#[derive(Debug)]
pub struct Report {
    pub aging: report::Aging,
    pub customers: Vec<Customer>,
    /// Everything past due, whatever the basis.
    pub overdue: Money,
}

#[derive(Debug)]
pub struct Customer {
    pub code: String,
    pub name: String,
    id: CustomerId,
    /// The name in lower case, to sort by.
    name_key: String,
}

impl Report {
    pub fn as_of(&self) -> NaiveDate {
        self.aging.report.as_of
    }

    pub fn basis(&self) -> Basis {
        self.aging.report.basis
    }

    pub fn labels(&self) -> &[String] {
        &self.aging.report.columns
    }

    pub fn totals(&self) -> &AgingTotals {
        &self.aging.report.totals
    }

    /// The figures of the customer at `index`.
    pub fn row(&self, index: usize) -> &AgingRow {
        &self.aging.report.rows[&self.customers[index].id]
    }

    /// The customer with this code, by position in [`Report::customers`].
    pub fn position(&self, code: &str) -> Option<usize> {
        self.customers
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
    }
}

pub fn compare(report: &Report, column: Column, a: usize, b: usize) -> Ordering {
    let (x, y) = (report.row(a), report.row(b));
    match column {
        Column::Code => report.customers[a].code.cmp(&report.customers[b].code),
        Column::Name => report.customers[a]
            .name_key
            .cmp(&report.customers[b].name_key),
        Column::Balance => x.balance.cmp(&y.balance),
        Column::Bucket(i) => x.amounts.get(i).cmp(&y.amounts.get(i)),
        Column::Unapplied => x.unapplied.cmp(&y.unapplied),
    }
}

/// The aging report with every open item, for the screen (runs on a worker thread).
pub fn load(store: &Store, options: &AgingOptions) -> Result<Arc<Report>, String> {
    let aging = report::aging(store, options).map_err(|e| e.described())?;
    let customers = aging
        .rows()
        .into_iter()
        .map(|(code, name, row)| Customer {
            code: code.to_string(),
            name: name.to_string(),
            name_key: name.to_lowercase(),
            id: row.customer,
        })
        .collect();
    let basis = options.basis;
    let overdue = aging
        .report
        .rows
        .values()
        .map(|row| row.overdue(basis))
        .sum();
    Ok(Arc::new(Report {
        aging,
        customers,
        overdue,
    }))
}
