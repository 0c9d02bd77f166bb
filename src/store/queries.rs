//! Reading the book: open items and unapplied credit as of a date (the input of aging),
//! documents in ledger order, single documents.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::{Result, Store, StoreError};
use crate::domain::document::{DocKind, Side};
use crate::domain::ids::{CustomerId, DocumentId};
use crate::domain::ledger::LedgerDocument;
use crate::domain::{Currency, Money};

pub(super) fn parse_stored_date(text: &str) -> Result<NaiveDate> {
    // The book writes dates as `YYYY-MM-DD`: read by hand, as the reports read them by
    // the hundred thousand and chrono's general parser took a tenth of a whole-book
    // read. Anything else goes to chrono, so what it accepts and refuses is unchanged.
    if let Some(date) = canonical_date(text.as_bytes()) {
        return Ok(date);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("'{text}' is not a date")))
}

/// The date stored in `column` of `row`, read in place (no string is made of it). The
/// canonical form is read from the bytes as they are: checking first that they are
/// UTF-8 cost as much as the parse, on dates read by the hundred thousand; anything
/// else is read as before.
pub(super) fn date_column(row: &rusqlite::Row<'_>, column: usize) -> Result<NaiveDate> {
    let value = row.get_ref(column)?;
    if let rusqlite::types::ValueRef::Text(bytes) = value
        && let Some(date) = canonical_date(bytes)
    {
        return Ok(date);
    }
    parse_stored_date(value.as_str().map_err(rusqlite::Error::from)?)
}

/// A date written `YYYY-MM-DD` exactly (ten bytes), or `None` for anything else,
/// including a day the calendar does not have.
pub(super) fn canonical_date(bytes: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *bytes else {
        return None;
    };
    let digit = |b: u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
    let year = ((digit(y0)? * 10 + digit(y1)?) * 10 + digit(y2)?) * 10 + digit(y3)?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn parse_kind(text: &str) -> Result<DocKind> {
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("'{text}' is not a document kind")))
}

/// An open item with its open amount as of a date. `number` is empty unless asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItemRow {
    /// The item's row id, to look its number up later ([`Store::item_numbers`]).
    pub id: i64,
    pub customer_id: CustomerId,
    pub number: String,
    pub seq: u32,
    pub date: NaiveDate,
    pub due: NaiveDate,
    pub amount: Money,
    pub open: Money,
}

/// A credit with what was still unapplied of it as of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditRow {
    pub customer_id: CustomerId,
    pub number: String,
    pub date: NaiveDate,
    pub unapplied: Money,
}

/// How to find the open items: the fast path skips items known settled by the date;
/// the full path recomputes every item from its allocations (used by `check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgingInput {
    Fast,
    Full,
}

const ITEM_COLUMNS: &str = "SELECT i.customer_id, i.seq, i.doc_date, i.due_date, i.amount,
    i.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.item_id = i.id AND a.date <= ?1), 0),
    i.id FROM items i";

const CREDIT_COLUMNS: &str = "SELECT d.customer_id, d.number, d.date,
    d.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.credit_id = d.id AND a.date <= ?1), 0)
    FROM documents d";

/// The kind and amount of the document numbered `number`.
pub(super) fn document_kind_amount(
    conn: &Connection,
    currency: &Currency,
    number: &str,
) -> Result<Option<(DocKind, Money)>> {
    let row: Option<(String, i64)> = conn
        .prepare_cached("SELECT kind, amount FROM documents WHERE number = ?1")?
        .query_row([number.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(kind, amount)| Ok((parse_kind(&kind)?, currency.from_minor(amount))))
        .transpose()
}

/// One allocation row: `amount` of credit `credit` applied to installment `seq` of
/// document `item` (negative when a void freed an earlier allocation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllocationRow {
    pub date: NaiveDate,
    pub credit: String,
    pub item: String,
    pub seq: u32,
    pub customer_code: String,
    pub amount: Money,
}

/// A posted document, as lists show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: DocumentId,
    pub customer_id: CustomerId,
    pub customer_code: String,
    pub kind: DocKind,
    pub side: Side,
    pub number: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub reference: Option<String>,
    pub memo: Option<String>,
    /// The number of the document this one voids.
    pub voids: Option<String>,
    /// The number of the void of this one, if it was voided.
    pub voided_by: Option<String>,
}

const DOCUMENT_COLUMNS: &str =
    "SELECT d.id, d.customer_id, c.code, d.kind, d.side, d.number, d.date, d.amount,
    d.reference, d.memo,
    (SELECT number FROM documents v WHERE v.id = d.voids_id),
    (SELECT number FROM documents v WHERE v.voids_id = d.id)
    FROM documents d JOIN customers c ON c.id = d.customer_id";

fn document_from_row(row: &rusqlite::Row<'_>, currency: &Currency) -> Result<DocumentRow> {
    let kind: String = row.get(3)?;
    let date: String = row.get(6)?;
    Ok(DocumentRow {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        customer_code: row.get(2)?,
        kind: parse_kind(&kind)?,
        side: Side::from_sign(row.get(4)?),
        number: row.get(5)?,
        date: parse_stored_date(&date)?,
        amount: currency.from_minor(row.get(7)?),
        reference: row.get(8)?,
        memo: row.get(9)?,
        voids: row.get(10)?,
        voided_by: row.get(11)?,
    })
}

impl Store {
    /// Whether any allocation is dated after `as_of`. When none is, every item's kept
    /// open amount (and every credit's unapplied amount) is its amount as of that date.
    pub(super) fn allocated_after(&self, as_of: NaiveDate) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM allocations WHERE date > ?1 LIMIT 1")?
            .exists([as_of.to_string()])?)
    }

    /// Calls `each` for every item open (non-zero) as of `as_of`.
    pub fn open_items_as_of(
        &self,
        as_of: NaiveDate,
        input: AgingInput,
        numbers: bool,
        mut each: impl FnMut(OpenItemRow),
    ) -> Result<()> {
        let sql = match input {
            AgingInput::Fast if !self.allocated_after(as_of)? => {
                "SELECT i.customer_id, i.seq, i.doc_date, i.due_date, i.amount, i.open, i.id
                 FROM items i WHERE i.settled_on IS NULL AND i.doc_date <= ?1"
                    .to_string()
            }
            AgingInput::Fast => format!(
                "{ITEM_COLUMNS} WHERE i.settled_on IS NULL AND i.doc_date <= ?1
                 UNION ALL {ITEM_COLUMNS} WHERE i.settled_on > ?1 AND i.doc_date <= ?1"
            ),
            AgingInput::Full => format!("{ITEM_COLUMNS} WHERE i.doc_date <= ?1"),
        };
        let currency = self.currency();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([as_of.to_string()])?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            let open: i64 = row.get(5)?;
            if open == 0 {
                continue;
            }
            let item = OpenItemRow {
                id: row.get(6)?,
                customer_id: row.get(0)?,
                number: String::new(),
                seq: row.get(1)?,
                date: date_column(row, 2)?,
                due: date_column(row, 3)?,
                amount: currency.from_minor(row.get(4)?),
                open: currency.from_minor(open),
            };
            if numbers {
                found.push((item.id, item));
            } else {
                each(item);
            }
        }
        if numbers {
            let mut names = self.item_numbers(found.iter().map(|(id, _)| *id))?;
            for (id, mut item) in found {
                item.number = names.remove(&id).unwrap_or_default();
                each(item);
            }
        }
        Ok(())
    }

    /// The document number of each item, looked up in item order: the items and their
    /// documents are stored in that order, so the pages are read once each, where a
    /// lookup per item in the aging's order reads them at random (four times slower on
    /// a book of a million invoices).
    pub fn item_numbers(
        &self,
        ids: impl Iterator<Item = i64>,
    ) -> Result<std::collections::HashMap<i64, String>> {
        const CHUNK: usize = 500;
        let mut ids: Vec<i64> = ids.collect();
        ids.sort_unstable();
        ids.dedup();
        let mut out = std::collections::HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT i.id, d.number FROM items i JOIN documents d ON d.id = i.document_id
                 WHERE i.id IN ({marks})"
            ))?;
            let mut rows = stmt.query(rusqlite::params_from_iter(chunk))?;
            while let Some(row) = rows.next()? {
                out.insert(row.get(0)?, row.get(1)?);
            }
        }
        Ok(out)
    }

    /// The items of the documents numbered `numbers`, each with its document's number
    /// (as stored), by item id: the numbers a few items need, without reading the
    /// numbers of every open item.
    pub fn items_of_documents<'a>(
        &self,
        numbers: impl IntoIterator<Item = &'a str>,
    ) -> Result<std::collections::HashMap<i64, String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, d.number FROM documents d JOIN items i ON i.document_id = d.id
             WHERE d.number = ?1",
        )?;
        let mut out = std::collections::HashMap::new();
        for number in numbers {
            let mut rows = stmt.query([number])?;
            while let Some(row) = rows.next()? {
                out.insert(row.get(0)?, row.get(1)?);
            }
        }
        Ok(out)
    }

    /// Calls `each` for every credit with something unapplied as of `as_of`.
    pub fn unapplied_as_of(
        &self,
        as_of: NaiveDate,
        input: AgingInput,
        mut each: impl FnMut(CreditRow),
    ) -> Result<()> {
        let sql = match input {
            AgingInput::Fast if !self.allocated_after(as_of)? => {
                "SELECT d.customer_id, d.number, d.date, d.unapplied FROM documents d
                 WHERE d.side = -1 AND d.exhausted_on IS NULL AND d.date <= ?1"
                    .to_string()
            }
            AgingInput::Fast => format!(
                "{CREDIT_COLUMNS} WHERE d.side = -1 AND d.exhausted_on IS NULL AND d.date <= ?1
                 UNION ALL {CREDIT_COLUMNS} WHERE d.side = -1 AND d.exhausted_on > ?1 AND d.date <= ?1"
            ),
            AgingInput::Full => format!("{CREDIT_COLUMNS} WHERE d.side = -1 AND d.date <= ?1"),
        };
        let currency = self.currency();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([as_of.to_string()])?;
        while let Some(row) = rows.next()? {
            let unapplied: i64 = row.get(3)?;
            if unapplied == 0 {
                continue;
            }
            each(CreditRow {
                customer_id: row.get(0)?,
                number: row.get(1)?,
                date: date_column(row, 2)?,
                unapplied: currency.from_minor(unapplied),
            });
        }
        Ok(())
    }

    /// The customer's documents in date order, for the ledger.
    pub fn ledger_documents(&self, customer_id: CustomerId) -> Result<Vec<LedgerDocument>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, kind, number, side, amount, memo FROM documents WHERE customer_id = ?1 ORDER BY date, id",
        )?;
        let mut rows = stmt.query([customer_id])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let date: String = row.get(0)?;
            let kind: String = row.get(1)?;
            out.push(LedgerDocument {
                date: parse_stored_date(&date)?,
                kind: parse_kind(&kind)?,
                number: row.get(2)?,
                side: Side::from_sign(row.get(3)?),
                amount: self.currency().from_minor(row.get(4)?),
                memo: row.get(5)?,
            });
        }
        Ok(out)
    }

    /// One posted document by number.
    pub fn document(&self, number: &str) -> Result<DocumentRow> {
        let sql = format!("{DOCUMENT_COLUMNS} WHERE d.number = ?1");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([number.trim()])?;
        match rows.next()? {
            Some(row) => document_from_row(row, self.currency()),
            None => Err(StoreError::UnknownDocument(number.trim().to_string())),
        }
    }

    /// Calls `each` for every posted document, in date order.
    pub fn documents(&self, mut each: impl FnMut(DocumentRow)) -> Result<()> {
        let sql = format!("{DOCUMENT_COLUMNS} ORDER BY d.date, d.id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            each(document_from_row(row, self.currency())?);
        }
        Ok(())
    }

    /// Calls `each` for every allocation dated on or before `as_of`, in date order.
    pub fn allocations(&self, as_of: NaiveDate, mut each: impl FnMut(AllocationRow)) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT a.date, credit.number, item.number, i.seq, c.code, a.amount
             FROM allocations a
             JOIN documents credit ON credit.id = a.credit_id
             JOIN items i ON i.id = a.item_id
             JOIN documents item ON item.id = i.document_id
             JOIN customers c ON c.id = i.customer_id
             WHERE a.date <= ?1 ORDER BY a.date, a.id",
        )?;
        let mut rows = stmt.query([as_of.to_string()])?;
        while let Some(row) = rows.next()? {
            let date: String = row.get(0)?;
            each(AllocationRow {
                date: parse_stored_date(&date)?,
                credit: row.get(1)?,
                item: row.get(2)?,
                seq: row.get(3)?,
                customer_code: row.get(4)?,
                amount: self.currency().from_minor(row.get(5)?),
            });
        }
        Ok(())
    }

    /// Items settled on or before `as_of` at least two days after their due date (so
    /// overdue on at least one day), by customer, for the ladder's spell of lateness
    /// ([`crate::domain::ladder::spell_start`]). Read for the whole book from the
    /// covering index on the settled date: only items settled on or after the book's
    /// first letter, as earlier ones cannot bring a letter into a spell. Items of voided
    /// documents (a voided invoice was never owed) are left out by a second query, of the
    /// few voided documents' items, rather than a lookup per row.
    pub fn late_settled_items(
        &self,
        as_of: NaiveDate,
    ) -> Result<std::collections::HashMap<CustomerId, Vec<crate::domain::ladder::SettledItem>>>
    {
        let voided: std::collections::HashSet<i64> = self
            .conn
            .prepare_cached(
                "SELECT i.id FROM documents v JOIN items i ON i.document_id = v.voids_id
                 WHERE v.voids_id IS NOT NULL",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // Dates as days since 1970: many rows, and a number is cheaper than text to read.
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.customer_id, unixepoch(i.due_date) / 86400,
                    unixepoch(i.settled_on) / 86400 FROM items i
             WHERE i.settled_on >= (SELECT MIN(date) FROM issued WHERE kind = 'letter')
               AND i.settled_on <= ?1 AND i.settled_on >= date(i.due_date, '+2 days')",
        )?;
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a real date");
        let day = |days: i64| {
            epoch
                .checked_add_signed(chrono::Duration::days(days))
                .ok_or_else(|| StoreError::Corrupt(format!("day {days} after 1970-01-01")))
        };
        let mut rows = stmt.query([as_of.to_string()])?;
        let mut out: std::collections::HashMap<CustomerId, Vec<_>> =
            std::collections::HashMap::new();
        while let Some(row) = rows.next()? {
            if voided.contains(&row.get::<_, i64>(0)?) {
                continue;
            }
            out.entry(row.get(1)?)
                .or_default()
                .push(crate::domain::ladder::SettledItem {
                    due: day(row.get(2)?)?,
                    settled: day(row.get(3)?)?,
                });
        }
        Ok(out)
    }

    /// How many customers and documents the book holds.
    pub fn counts(&self) -> Result<(i64, i64)> {
        let customers = self
            .conn
            .query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0))?;
        let documents = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        Ok((customers, documents))
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    /// The hand-read dates are chrono's, and what chrono refuses is still refused.
    #[test]
    fn stored_dates_read_by_hand_are_chronos() {
        let chrono = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
        let mut texts: Vec<String> = [
            "2026-11-23",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-4-5",
            "2026-04-5",
            "+2026-04-05",
            "2026/04/05",
            "2026-04-05 ",
            " 2026-04-05",
            "2026-04-05T00:00",
            "20260405",
            "abcd-ef-gh",
            "",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let mut day = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        while day.year() < 2031 {
            texts.push(day.to_string());
            day = day.succ_opt().unwrap();
        }
        for text in &texts {
            assert_eq!(
                parse_stored_date(text).ok(),
                chrono(text),
                "{text:?} read by hand and by chrono"
            );
        }
    }
}
