//! `settled_by_month` kept in step where an item settles or opens again, in the same
//! transaction: `allocation_row` for one posting (an allocation that empties an item, or
//! a freeing one that opens a settled item again), and a payment run (a bank import),
//! which adds its settlements up in memory and writes each customer-month once. Those
//! are the only writers of `items.settled_on`. (Triggers on `items` kept the sums at
//! first; they made every item update take a statement journal, a fifth of an import's
//! commit.) `owed check` compares the table with the items.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use crate::store::Result;

/// An item as it settles (or as it was settled, when it opens again).
pub(in crate::store) struct Settled {
    pub customer_id: i64,
    /// The item's amount in minor units.
    pub amount: i64,
    pub doc_date: NaiveDate,
    pub due_date: NaiveDate,
    pub settled_on: NaiveDate,
}

/// items, amount, amount × days to pay, amount × days late, amount on time: the columns
/// of `settled_by_month`, wide enough that an amount times days cannot overflow.
type Sums = [i128; 5];

impl Settled {
    /// What the item adds to its month, as the migration computes it from the items.
    fn sums(&self) -> Sums {
        let amount = i128::from(self.amount);
        let days = |from: NaiveDate| i128::from((self.settled_on - from).num_days());
        let late = self.settled_on > self.due_date;
        [
            1,
            amount,
            amount * days(self.doc_date),
            if late {
                amount * days(self.due_date)
            } else {
                0
            },
            if late { 0 } else { amount },
        ]
    }

    fn month(&self) -> String {
        format!(
            "{:04}-{:02}",
            self.settled_on.year(),
            self.settled_on.month()
        )
    }
}

/// Adds `item` to its month (`sign` 1) or takes it out (`sign` -1).
pub(in crate::store) fn count(conn: &Connection, item: &Settled, sign: i128) -> Result<()> {
    write(
        conn,
        &item.month(),
        item.customer_id,
        item.sums().map(|s| s * sign),
    )
}

/// Settlements added up in memory, for many items settled in one transaction.
#[derive(Default)]
pub(in crate::store) struct MonthSums(HashMap<(String, i64), Sums>);

impl MonthSums {
    pub fn add(&mut self, item: &Settled) {
        let sums = self
            .0
            .entry((item.month(), item.customer_id))
            .or_insert([0; 5]);
        for (sum, part) in sums.iter_mut().zip(item.sums()) {
            *sum += part;
        }
    }

    /// Writes every month added up. Call before the transaction commits.
    pub fn write(self, conn: &Connection) -> Result<()> {
        for ((month, customer_id), sums) in self.0 {
            write(conn, &month, customer_id, sums)?;
        }
        Ok(())
    }
}

/// Adds `sums` (negative to take out) to a customer's month; a month left with no items
/// goes. A sum past 64 bits is written as a float, as SQLite makes one of an integer sum
/// that overflows: the readers go back to the items when they meet one.
fn write(conn: &Connection, month: &str, customer_id: i64, sums: Sums) -> Result<()> {
    let value = |sum: i128| match i64::try_from(sum) {
        Ok(sum) => Value::Integer(sum),
        Err(_) => Value::Real(sum as f64),
    };
    conn.prepare_cached(
        "INSERT INTO settled_by_month (month, customer_id, items, amount, to_pay, late, on_time)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT DO UPDATE SET items = items + excluded.items,
             amount = amount + excluded.amount, to_pay = to_pay + excluded.to_pay,
             late = late + excluded.late, on_time = on_time + excluded.on_time",
    )?
    .execute(params![
        month,
        customer_id,
        value(sums[0]),
        value(sums[1]),
        value(sums[2]),
        value(sums[3]),
        value(sums[4]),
    ])?;
    if sums[0] < 0 {
        conn.prepare_cached(
            "DELETE FROM settled_by_month WHERE month = ?1 AND customer_id = ?2 AND items = 0",
        )?
        .execute(params![month, customer_id])?;
    }
    Ok(())
}
