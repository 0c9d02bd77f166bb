//! Reports built from the book with the domain's rules: aging as of any date, the
//! customer list with balances and credit use, and the customer ledger. The CLI and the
//! screens call these same functions, so their figures always agree.

pub mod analytics;
pub mod email;
pub mod forecast;
pub mod letters;
mod promises;
pub mod review;
pub mod risk;
pub mod statement;
pub mod worklist;

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::csv_out::CsvOut;
use crate::domain::aging::AgedItem;
use crate::domain::aging::{AgingBuilder, AgingReport, AgingRow, Basis, Buckets};
use crate::domain::ids::CustomerId;
use crate::domain::ledger::{self, Ledger};
use crate::domain::{Currency, Money};
use crate::store::{AgingInput, Customer, DisputedItems, Store, StoreError};

pub use promises::{
    NoteFacts, NoteStatus, note_day, note_status, note_statuses, note_statuses_for,
};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the range is empty: --from {from} is after --to {to}")]
    EmptyRange { from: NaiveDate, to: NaiveDate },
    #[error("{days} days before {date} is outside the calendar")]
    TooFarBack { date: NaiveDate, days: u64 },
}

pub type Result<T> = std::result::Result<T, ReportError>;

#[derive(Debug, Clone)]
pub struct AgingOptions {
    pub as_of: NaiveDate,
    pub basis: Basis,
    pub buckets: Buckets,
    /// Keep every open item on its customer's row.
    pub detail: bool,
}

/// An aging report with each row's customer code and name.
#[derive(Debug, Clone)]
pub struct Aging {
    pub report: AgingReport,
    /// Customer id → (code, name).
    pub names: HashMap<CustomerId, (String, String)>,
    /// The items in open disputes now (read only with `detail`).
    pub disputed: DisputedItems,
}

impl Aging {
    /// Whether `item` is in an open dispute (known only in a report with `detail`).
    pub fn is_disputed(&self, item: &AgedItem) -> bool {
        self.disputed.contains(&(item.number.clone(), item.seq))
    }

    /// Rows in customer-code order, with code and name.
    pub fn rows(&self) -> Vec<(&str, &str, &AgingRow)> {
        let mut rows: Vec<_> = self
            .report
            .rows
            .values()
            .map(|row| {
                let (code, name) = self
                    .names
                    .get(&row.customer)
                    .map(|(c, n)| (c.as_str(), n.as_str()))
                    .unwrap_or(("?", "?"));
                (code, name, row)
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        rows
    }

    /// The columns of the aging table and of its CSV: code, name, balance, one per
    /// bucket, unapplied.
    pub fn headers(&self) -> Vec<String> {
        let mut headers = vec!["code".to_string(), "name".into(), "balance".into()];
        headers.extend(self.report.columns.iter().cloned());
        headers.push("unapplied".into());
        headers
    }

    /// One customer's cells in [`Aging::headers`] order, amounts written by `amount`.
    pub fn cells(
        code: &str,
        name: &str,
        row: &AgingRow,
        amount: impl Fn(Money) -> String,
    ) -> Vec<String> {
        let mut cells = vec![code.to_string(), name.to_string(), amount(row.balance)];
        cells.extend(row.amounts.iter().map(|m| amount(*m)));
        cells.push(amount(row.unapplied));
        cells
    }

    /// The report as CSV: the header, then one record per customer in code order, with
    /// amounts as exact plain decimals. Totals are left out (they are derived). Returns
    /// the number of customer records written. `owed aging --format csv` and the aging
    /// screen's export both write this, so the two files are the same.
    ///
    /// With `detail` (a report built with its items, `owed aging --detail`), the file
    /// has a first column `row` (`customer` or `item`) and, after the customer's record,
    /// one record per open item: its open amount as the balance and in its bucket's
    /// column, then `number`, `installment`, `date`, `due`, `amount` (the original),
    /// `days_overdue` and `disputed` (`true` for an item in an open dispute), which
    /// customer records leave empty.
    pub fn write_csv(
        &self,
        currency: &Currency,
        detail: bool,
        out: impl std::io::Write,
    ) -> std::result::Result<usize, csv::Error> {
        self.write_csv_rows(currency, detail, &self.rows(), out)
    }

    /// [`Aging::write_csv`] with the customers' records in the order of `rows` (the
    /// order a screen sorts them in), each `(code, name, row)` as [`Aging::rows`] gives.
    pub fn write_csv_rows(
        &self,
        currency: &Currency,
        detail: bool,
        rows: &[(&str, &str, &AgingRow)],
        out: impl std::io::Write,
    ) -> std::result::Result<usize, csv::Error> {
        let mut writer = CsvOut::new(out);
        const ITEM_COLUMNS: [&str; 7] = [
            "number",
            "installment",
            "date",
            "due",
            "amount",
            "days_overdue",
            "disputed",
        ];
        // Lower case throughout, as the other columns are ("current", not "Current").
        let names = self.headers().into_iter().map(|h| h.to_lowercase());
        if detail {
            let mut headers = vec!["row".to_string()];
            headers.extend(names);
            headers.extend(ITEM_COLUMNS.map(String::from));
            writer.record(headers)?;
        } else {
            writer.record(names)?;
        }
        for (code, name, row) in rows {
            let cells = Aging::cells(code, name, row, |m| currency.plain(m));
            if !detail {
                writer.record(cells)?;
                continue;
            }
            let mut record = vec!["customer".to_string()];
            record.extend(cells);
            record.extend(ITEM_COLUMNS.map(|_| String::new()));
            writer.record(record)?;
            for item in &row.items {
                let mut record = vec![
                    "item".to_string(),
                    code.to_string(),
                    name.to_string(),
                    currency.plain(item.open),
                ];
                record.extend((0..self.report.columns.len()).map(|c| {
                    if c == item.column {
                        currency.plain(item.open)
                    } else {
                        String::new()
                    }
                }));
                record.push(String::new());
                record.extend([
                    item.number.clone(),
                    item.seq.to_string(),
                    item.date.to_string(),
                    item.due.to_string(),
                    currency.plain(item.amount),
                    item.days_overdue.to_string(),
                    self.is_disputed(item).to_string(),
                ]);
                writer.record(record)?;
            }
        }
        writer.flush()?;
        Ok(rows.len())
    }
}

/// Aging as of `options.as_of`: only documents and allocations dated on or before it count.
pub fn aging(store: &Store, options: &AgingOptions) -> Result<Aging> {
    aging_read(store, options, options.detail, &store.customers()?)
}

/// [`aging`] with the customers already read; with `numbers` false the items (of a
/// report with `detail`) come without their numbers, for a caller that looks up the
/// few it needs ([`statement::Context::unnumbered`]): on a book of a million invoices
/// looking up every open item's number took 150 ms of an `owed overview` (an eighth of
/// its CPU).
pub(crate) fn aging_read(
    store: &Store,
    options: &AgingOptions,
    numbers: bool,
    customers: &[Customer],
) -> Result<Aging> {
    let mut builder = AgingBuilder::new(
        options.as_of,
        options.basis,
        options.buckets.clone(),
        options.detail,
    );
    let numbers = numbers && options.detail;
    store.open_items_as_of(options.as_of, AgingInput::Fast, numbers, |row| {
        builder.add_item(
            row.customer_id,
            row.id,
            row.number,
            row.seq,
            row.date,
            row.due,
            row.amount,
            row.open,
        )
    })?;
    store.unapplied_as_of(options.as_of, AgingInput::Fast, |row| {
        builder.add_unapplied(row.customer_id, row.unapplied)
    })?;
    let report = builder.finish();
    let names = customers
        .iter()
        .filter(|c| report.rows.contains_key(&c.id))
        .map(|c| (c.id, (c.code.clone(), c.name.clone())))
        .collect();
    let disputed = if options.detail {
        store.disputed_items()?
    } else {
        DisputedItems::new()
    };
    Ok(Aging {
        report,
        names,
        disputed,
    })
}

/// One line of the customer list.
#[derive(Debug, Clone)]
pub struct CustomerSummary {
    pub customer: Customer,
    pub balance: Money,
    pub overdue: Money,
    pub unapplied: Money,
    /// Days the oldest overdue item is past due.
    pub oldest_days_overdue: Option<i64>,
    /// Balance as a percentage of the credit limit, to one decimal.
    pub credit_used_percent: Option<Decimal>,
    pub over_limit: bool,
}

/// Every customer with its balance and overdue amount as of `as_of`.
pub fn customer_list(store: &Store, as_of: NaiveDate) -> Result<Vec<CustomerSummary>> {
    let mut tallies: HashMap<CustomerId, Tally> = HashMap::new();
    store.open_items_as_of(as_of, AgingInput::Fast, false, |row| {
        tallies
            .entry(row.customer_id)
            .or_default()
            .item(as_of, row.due, row.open)
    })?;
    store.unapplied_as_of(as_of, AgingInput::Fast, |row| {
        tallies.entry(row.customer_id).or_default().unapplied += row.unapplied
    })?;
    Ok(summaries(store.currency(), store.customers()?, tallies))
}

/// [`customer_list`] from an aging already read (by due date, as of the list's date,
/// with its items): `owed overview` shows the list beside the worklist, which ages the
/// book anyway.
pub(crate) fn customer_list_of(
    currency: &Currency,
    report: &AgingReport,
    customers: Vec<Customer>,
) -> Vec<CustomerSummary> {
    let mut tallies: HashMap<CustomerId, Tally> = HashMap::new();
    for (id, row) in &report.rows {
        let tally = tallies.entry(*id).or_default();
        for item in &row.items {
            tally.item(report.as_of, item.due, item.open);
        }
        // (Only when there is some: the negation of a zero would be a negative zero.)
        if !row.unapplied.is_zero() {
            tally.unapplied = -row.unapplied;
        }
    }
    summaries(currency, customers, tallies)
}

/// One customer's open items and credit as of a date.
#[derive(Default)]
struct Tally {
    open: Money,
    overdue: Money,
    unapplied: Money,
    oldest: Option<i64>,
}

impl Tally {
    fn item(&mut self, as_of: NaiveDate, due: NaiveDate, open: Money) {
        self.open += open;
        let days = (as_of - due).num_days();
        if days > 0 {
            self.overdue += open;
            self.oldest = Some(self.oldest.map_or(days, |d| d.max(days)));
        }
    }
}

fn summaries(
    currency: &Currency,
    customers: Vec<Customer>,
    mut tallies: HashMap<CustomerId, Tally>,
) -> Vec<CustomerSummary> {
    customers
        .into_iter()
        .map(|customer| {
            let tally = tallies.remove(&customer.id).unwrap_or_default();
            let balance = tally.open - tally.unapplied;
            let credit_used_percent =
                customer
                    .credit_limit
                    .filter(|l| l.is_positive())
                    .map(|limit| {
                        (balance.0 * Decimal::ONE_HUNDRED / limit.0).round_dp_with_strategy(
                            1,
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                        )
                    });
            let over_limit = customer.credit_limit.is_some_and(|limit| balance > limit);
            CustomerSummary {
                balance: currency.rescale(balance),
                overdue: currency.rescale(tally.overdue),
                unapplied: currency.rescale(tally.unapplied),
                oldest_days_overdue: tally.oldest,
                credit_used_percent,
                over_limit,
                customer,
            }
        })
        .collect()
}

/// The customer's ledger between `from` and `to` (inclusive), with the opening balance.
pub fn customer_ledger(
    store: &Store,
    code: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(Customer, Ledger)> {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(ReportError::EmptyRange { from, to });
    }
    let customer = store.customer(code)?;
    let documents = store.ledger_documents(customer.id)?;
    let mut ledger = ledger::build(&documents, from, to);
    let currency = store.currency();
    ledger.opening = currency.rescale(ledger.opening);
    ledger.closing = currency.rescale(ledger.closing);
    Ok((customer, ledger))
}
