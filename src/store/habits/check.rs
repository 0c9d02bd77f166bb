//! `owed check`'s look at `settled_by_month`: the sums kept for every customer and month
//! must be what the items settled in that month add up to, or the payment habits (and
//! the risk scores made of them) would quietly drift from the ledger.

use std::collections::{HashMap, HashSet};

use super::{Sums, integer, month_key};
use crate::store::queries::date_column;
use crate::store::{Result, Store, Violation};

impl Store {
    /// A violation for every customer and month whose kept sums differ from its items.
    /// The items are read in `settled_on` order (the covering index's), so one month is
    /// held at a time. A sum SQLite kept as a float (past 64 bits) is not compared: the
    /// readers never use one, going back to the items instead.
    pub(in crate::store) fn check_settled_by_month(
        &self,
        found: &mut Vec<Violation>,
    ) -> Result<()> {
        let mut items = self.conn.prepare(
            "SELECT customer_id, amount, doc_date, due_date, settled_on FROM items
             WHERE settled_on IS NOT NULL ORDER BY settled_on",
        )?;
        let mut seen: HashSet<String> = HashSet::new();
        let mut month: Option<String> = None;
        let mut expected: HashMap<i64, Sums> = HashMap::new();
        let mut rows = items.query([])?;
        loop {
            let row = rows.next()?;
            let item = match row {
                Some(row) => {
                    let settled = date_column(row, 4)?;
                    let item = Sums::item(
                        row.get(1)?,
                        date_column(row, 2)?,
                        date_column(row, 3)?,
                        settled,
                    );
                    Some((month_key(settled), row.get::<_, i64>(0)?, item))
                }
                None => None,
            };
            let next = item.as_ref().map(|(key, _, _)| key);
            if month.as_ref() != next
                && let Some(done) = month.take()
            {
                self.compare_month(&done, std::mem::take(&mut expected), found)?;
                seen.insert(done);
            }
            let Some((key, customer, item)) = item else {
                break;
            };
            month.get_or_insert(key);
            expected.entry(customer).or_default().add(&item, 1);
        }
        // Months kept with nothing settled in them.
        let kept: Vec<String> = self
            .conn
            .prepare("SELECT DISTINCT month FROM settled_by_month")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for month in kept.iter().filter(|m| !seen.contains(*m)) {
            self.compare_month(month, HashMap::new(), found)?;
        }
        Ok(())
    }

    /// Compares the kept rows of `month` with `expected` (customer → what its items add
    /// up to).
    fn compare_month(
        &self,
        month: &str,
        mut expected: HashMap<i64, Sums>,
        found: &mut Vec<Violation>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT customer_id, items, amount, to_pay, late, on_time FROM settled_by_month
             WHERE month = ?1",
        )?;
        let mut rows = stmt.query([month])?;
        // (customer, items the kept sums count, items settled)
        let mut wrong: Vec<(i64, Option<i64>, i64)> = Vec::new();
        while let Some(row) = rows.next()? {
            let customer: i64 = row.get(0)?;
            let items = expected.remove(&customer).unwrap_or_default();
            let kept: i64 = row.get(1)?;
            let mut differs = kept != items.items;
            for (column, sum) in [items.amount, items.to_pay, items.late, items.on_time]
                .into_iter()
                .enumerate()
            {
                if let Some(value) = integer(row, column + 2)? {
                    differs |= i128::from(value) != sum;
                }
            }
            if differs {
                wrong.push((customer, Some(kept), items.items));
            }
        }
        for (customer, items) in expected {
            wrong.push((customer, None, items.items));
        }
        wrong.sort();
        for (customer, kept, settled) in wrong {
            let code: Option<String> = self
                .conn
                .prepare_cached("SELECT code FROM customers WHERE id = ?1")?
                .query_row([customer], |r| r.get(0))
                .ok();
            found.push(Violation::HabitSums {
                code,
                customer,
                month: month.to_string(),
                kept,
                settled,
            });
        }
        Ok(())
    }
}
