//! `owed check`: SQLite's own integrity checks plus the ledger's invariants — no
//! over-allocation, derived amounts equal to a recomputation from the allocations,
//! documents equal to their items, aging that ties to the balances, the payment habits'
//! sums by month equal to the items they sum (`habits/check.rs`), and every stored
//! date and timestamp readable (a malformed one would otherwise surface later as a
//! confusing error, or be silently misordered by text comparison). An early-payment
//! discount stands only with its payment and wholly on an invoice.

use std::collections::HashMap;

use chrono::NaiveDate;

mod violation;

pub use violation::{Rule, Violation};

use super::queries::AgingInput;
use super::{Result, Store};
use crate::domain::ids::CustomerId;

/// Queries whose every row is a violation, with the message for it.
const INVARIANTS: &[(Rule, &str)] = &[
    (
        Rule::OpenDiffers,
        "SELECT d.number || '/' || i.seq FROM items i JOIN documents d ON d.id = i.document_id
         LEFT JOIN (SELECT item_id, SUM(amount) AS s FROM allocations GROUP BY item_id) a ON a.item_id = i.id
         WHERE i.open <> i.amount - COALESCE(a.s, 0)",
    ),
    (
        Rule::ItemOverAllocated,
        "SELECT d.number || '/' || i.seq FROM items i JOIN documents d ON d.id = i.document_id WHERE i.open < 0 OR i.open > i.amount",
    ),
    (
        Rule::SettleDate,
        "SELECT d.number || '/' || i.seq FROM items i JOIN documents d ON d.id = i.document_id
         WHERE (i.open <> 0 AND i.settled_on IS NOT NULL)
            OR (i.open = 0 AND (i.settled_on IS NULL OR i.settled_on < (SELECT MAX(date) FROM allocations a WHERE a.item_id = i.id)))",
    ),
    (
        Rule::UnappliedDiffers,
        "SELECT d.number FROM documents d
         LEFT JOIN (SELECT credit_id, SUM(amount) AS s FROM allocations GROUP BY credit_id) a ON a.credit_id = d.id
         WHERE d.side = -1 AND d.unapplied <> d.amount - COALESCE(a.s, 0)",
    ),
    (
        Rule::CreditOverAllocated,
        "SELECT number FROM documents WHERE side = -1 AND (unapplied < 0 OR unapplied > amount)",
    ),
    (
        Rule::ExhaustedDate,
        "SELECT d.number FROM documents d WHERE d.side = -1 AND
            ((d.unapplied <> 0 AND d.exhausted_on IS NOT NULL)
             OR (d.unapplied = 0 AND (d.exhausted_on IS NULL OR d.exhausted_on < (SELECT MAX(date) FROM allocations a WHERE a.credit_id = d.id))))",
    ),
    (
        Rule::ItemOverAllocatedOnDate,
        "SELECT DISTINCT number || '/' || seq || ' on ' || date FROM (
            SELECT d.number, i.seq, a.date, i.amount,
                   SUM(a.s) OVER (PARTITION BY a.item_id ORDER BY a.date) AS running
            FROM (SELECT item_id, date, SUM(amount) AS s FROM allocations GROUP BY item_id, date) a
            JOIN items i ON i.id = a.item_id JOIN documents d ON d.id = i.document_id)
         WHERE running < 0 OR running > amount",
    ),
    (
        Rule::CreditOverAllocatedOnDate,
        "SELECT DISTINCT number || ' on ' || date FROM (
            SELECT c.number, a.date, c.amount,
                   SUM(a.s) OVER (PARTITION BY a.credit_id ORDER BY a.date) AS running
            FROM (SELECT credit_id, date, SUM(amount) AS s FROM allocations GROUP BY credit_id, date) a
            JOIN documents c ON c.id = a.credit_id)
         WHERE running < 0 OR running > amount",
    ),
    (
        Rule::ItemsDoNotAddUp,
        "SELECT d.number FROM documents d LEFT JOIN (SELECT document_id, SUM(amount) AS s FROM items GROUP BY document_id) i
         ON i.document_id = d.id WHERE d.side = 1 AND COALESCE(i.s, 0) <> d.amount",
    ),
    (
        Rule::CreditHasItems,
        "SELECT d.number FROM documents d JOIN items i ON i.document_id = d.id WHERE d.side = -1",
    ),
    (
        Rule::BetweenCustomers,
        "SELECT c.number || ' → ' || d.number FROM allocations a JOIN documents c ON c.id = a.credit_id
         JOIN items i ON i.id = a.item_id JOIN documents d ON d.id = i.document_id WHERE c.customer_id <> i.customer_id",
    ),
    (
        Rule::FromNonCredit,
        "SELECT c.number FROM allocations a JOIN documents c ON c.id = a.credit_id WHERE c.side <> -1",
    ),
    (
        Rule::AllocationTooEarly,
        "SELECT c.number FROM allocations a JOIN documents c ON c.id = a.credit_id JOIN items i ON i.id = a.item_id
         WHERE a.date < c.date OR a.date < i.doc_date",
    ),
    (
        Rule::BadVoid,
        "SELECT v.number FROM documents v JOIN documents d ON d.id = v.voids_id
         WHERE v.kind <> 'void' OR d.kind = 'void' OR v.side <> -d.side OR v.amount <> d.amount OR v.customer_id <> d.customer_id",
    ),
    (
        Rule::PromisePartsOrder,
        "SELECT 'note ' || b.note_id || ' part ' || b.part FROM promise_parts b
         LEFT JOIN promise_parts a ON a.note_id = b.note_id AND a.part = b.part - 1
         WHERE b.part > 1 AND (a.part IS NULL OR a.date >= b.date)",
    ),
    (
        Rule::PromiseDiffers,
        "SELECT 'note ' || n.id FROM notes n
         LEFT JOIN (SELECT note_id, MAX(date) AS last, SUM(amount) AS total FROM promise_parts GROUP BY note_id) p
           ON p.note_id = n.id
         WHERE n.promise_date IS NOT p.last OR n.promise_amount IS NOT p.total",
    ),
    (
        Rule::DiscountMisplaced,
        "SELECT DISTINCT c.number FROM allocations a JOIN documents c ON c.id = a.credit_id
         JOIN items i ON i.id = a.item_id JOIN documents d ON d.id = i.document_id
         WHERE c.kind = 'discount' AND NOT (d.kind = 'invoice' OR (d.kind = 'void' AND d.voids_id = c.id))",
    ),
    (
        Rule::DiscountStranded,
        "SELECT c.number FROM documents c
         WHERE c.kind = 'discount' AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = c.id)
           AND (c.unapplied <> 0
             OR NOT EXISTS (SELECT 1 FROM documents p WHERE p.number = c.reference AND p.kind = 'payment'
                            AND p.customer_id = c.customer_id
                            AND NOT EXISTS (SELECT 1 FROM documents w WHERE w.voids_id = p.id)))",
    ),
    (
        Rule::VoidOfNothing,
        "SELECT number FROM documents WHERE kind = 'void' AND voids_id IS NULL",
    ),
    (
        Rule::ItemDiffersFromDocument,
        "SELECT d.number FROM items i JOIN documents d ON d.id = i.document_id WHERE i.customer_id <> d.customer_id OR i.doc_date <> d.date",
    ),
];

/// Columns holding a calendar date (`YYYY-MM-DD`, 1900..2199): table, column, label.
const DATE_COLUMNS: &[(&str, &str, &str)] = &[
    ("documents", "date", "number"),
    ("documents", "exhausted_on", "number"),
    (
        "items",
        "doc_date",
        "(SELECT number FROM documents d WHERE d.id = document_id) || '/' || seq",
    ),
    (
        "items",
        "due_date",
        "(SELECT number FROM documents d WHERE d.id = document_id) || '/' || seq",
    ),
    (
        "items",
        "settled_on",
        "(SELECT number FROM documents d WHERE d.id = document_id) || '/' || seq",
    ),
    ("allocations", "date", "'allocation ' || id"),
    ("notes", "promise_date", "'note ' || id"),
    ("notes", "follow_up", "'note ' || id"),
    (
        "promise_parts",
        "date",
        "'note ' || note_id || ' promise part ' || part",
    ),
    ("bank_rows", "date", "'bank row ' || id"),
    ("issued", "date", "'issued ' || id"),
    ("customer_pauses", "until", "'pause ' || id"),
];

/// Columns holding a moment (RFC 3339, as `now_stamp` writes it): table, column, label.
const TIMESTAMP_COLUMNS: &[(&str, &str, &str)] = &[
    ("customers", "created_at", "code"),
    ("documents", "posted_at", "number"),
    ("notes", "at", "'note ' || id"),
    ("import_batches", "imported_at", "'import batch ' || id"),
    ("import_batches", "undone_at", "'import batch ' || id"),
    ("payer_aliases", "learned_at", "'payer alias ' || key"),
    ("bank_profiles", "updated_at", "'bank profile ' || name"),
    (
        "company_settings",
        "updated_at",
        "'company setting ' || key",
    ),
    ("company_logo", "updated_at", "'company logo'"),
    (
        "letter_templates",
        "updated_at",
        "'letter template ' || level || ' ' || lang",
    ),
    ("issued", "issued_at", "'issued ' || id"),
    ("audit_log", "at", "'audit entry ' || id"),
    ("disputes", "opened_at", "'dispute ' || id"),
    ("disputes", "resolved_at", "'dispute ' || id"),
    ("customer_pauses", "at", "'pause ' || id"),
];

fn is_book_date(text: &str) -> bool {
    text.len() == 10 && crate::domain::parse_date(text).is_ok_and(|d| d.to_string() == text)
}

fn is_timestamp(text: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(text).is_ok()
}

impl Store {
    /// Every stored date and timestamp that cannot be read back.
    fn check_dates(&self, found: &mut Vec<Violation>) -> Result<()> {
        let columns = DATE_COLUMNS
            .iter()
            .map(|c| (c, false, is_book_date as fn(&str) -> bool))
            .chain(
                TIMESTAMP_COLUMNS
                    .iter()
                    .map(|c| (c, true, is_timestamp as fn(&str) -> bool)),
            );
        for (&(table, column, label), moment, valid) in columns {
            let sql = format!(
                "SELECT {label}, typeof({column}), CAST({column} AS TEXT) FROM {table} WHERE {column} IS NOT NULL"
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                // Read leniently: in a damaged file even a NOT NULL column can come back empty.
                let kind: Option<String> = row.get(1)?;
                let value: String = row.get::<_, Option<String>>(2)?.unwrap_or_default();
                if kind.as_deref() != Some("text") || !valid(&value) {
                    let who: String = row.get::<_, Option<String>>(0)?.unwrap_or_default();
                    found.push(Violation::Malformed {
                        moment,
                        table,
                        column,
                        who,
                        value,
                    });
                    if found.len() > 1000 {
                        return Ok(());
                    }
                }
            }
        }
        Ok(())
    }

    /// Every violation found; empty means the book is sound.
    pub fn check(&self, as_of: NaiveDate) -> Result<Vec<Violation>> {
        let mut found = Vec::new();
        let mut integrity = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                found.push(Violation::Integrity(line.clone()));
                integrity.push(line);
            }
        }
        // What integrity_check found is remembered, so later commands warn or refuse
        // without reading the whole file again.
        if let Some(path) = &self.path {
            let verdict = match integrity.is_empty() {
                true => super::integrity::Verdict::Sound,
                false => {
                    super::integrity::Verdict::Damaged(super::integrity::summarise(&integrity))
                }
            };
            super::integrity::remember(path, &verdict);
        }
        match self.check_contents(as_of, &mut found) {
            Ok(()) => Ok(found),
            // In a damaged file, or past a malformed date, the ledger's queries may stop:
            // what stopped them is already listed, and is the thing to report.
            Err(error) if !found.is_empty() => {
                found.push(Violation::Stopped(error.to_string()));
                Ok(found)
            }
            Err(error) => Err(error),
        }
    }

    fn check_contents(&self, as_of: NaiveDate, found: &mut Vec<Violation>) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })? {
            let (table, rowid, parent) = row?;
            found.push(Violation::ForeignKey {
                table,
                row: rowid,
                parent,
            });
        }
        self.check_dates(found)?;
        for &(rule, sql) in INVARIANTS {
            let mut stmt = self.conn.prepare(sql)?;
            for what in stmt.query_map([], |r| r.get::<_, String>(0))? {
                found.push(Violation::Broken { rule, what: what? });
                if found.len() > 1000 {
                    return Ok(());
                }
            }
        }
        self.check_settled_by_month(found)?;
        found.extend(self.check_aging_ties(as_of)?);
        Ok(())
    }

    /// The fast aging input must agree with a full recomputation and with the documents.
    fn check_aging_ties(&self, as_of: NaiveDate) -> Result<Vec<Violation>> {
        let currency = self.currency().clone();
        let mut fast: HashMap<CustomerId, i64> = HashMap::new();
        let mut full: HashMap<CustomerId, i64> = HashMap::new();
        self.open_items_as_of(as_of, AgingInput::Fast, false, |row| {
            *fast.entry(row.customer_id).or_default() += currency.to_minor(row.open)
        })?;
        self.unapplied_as_of(as_of, AgingInput::Fast, |row| {
            *fast.entry(row.customer_id).or_default() -= currency.to_minor(row.unapplied)
        })?;
        self.open_items_as_of(as_of, AgingInput::Full, false, |row| {
            *full.entry(row.customer_id).or_default() += currency.to_minor(row.open)
        })?;
        self.unapplied_as_of(as_of, AgingInput::Full, |row| {
            *full.entry(row.customer_id).or_default() -= currency.to_minor(row.unapplied)
        })?;
        let mut documents: HashMap<CustomerId, i64> = HashMap::new();
        let mut stmt = self.conn.prepare("SELECT customer_id, SUM(side * amount) FROM documents WHERE date <= ?1 GROUP BY customer_id")?;
        for row in stmt.query_map([as_of.to_string()], |r| {
            Ok((r.get::<_, CustomerId>(0)?, r.get::<_, i64>(1)?))
        })? {
            let (customer, balance) = row?;
            documents.insert(customer, balance);
        }
        let mut found = Vec::new();
        let mut customers: Vec<CustomerId> = fast
            .keys()
            .chain(full.keys())
            .chain(documents.keys())
            .copied()
            .collect();
        customers.sort_unstable();
        customers.dedup();
        for customer in customers {
            let (a, b, c) = (
                fast.get(&customer).copied().unwrap_or(0),
                full.get(&customer).copied().unwrap_or(0),
                documents.get(&customer).copied().unwrap_or(0),
            );
            if a != b || b != c {
                let code: String = self.conn.query_row(
                    "SELECT code FROM customers WHERE id = ?1",
                    [customer],
                    |r| r.get(0),
                )?;
                found.push(Violation::AgingDoesNotTie {
                    code,
                    as_of,
                    aging: currency.plain(currency.from_minor(a)),
                    recomputed: currency.plain(currency.from_minor(b)),
                    documents: currency.plain(currency.from_minor(c)),
                });
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::BookSettings;

    fn day(text: &str) -> NaiveDate {
        crate::domain::parse_date(text).unwrap()
    }

    #[test]
    fn a_sound_book_has_no_malformed_dates() {
        let store = Store::open_in_memory(&BookSettings::default()).unwrap();
        assert!(store.check(day("2026-01-01")).unwrap().is_empty());
    }

    /// Rows written past the library (another tool, an old bug) with dates and moments
    /// that cannot be read back: each is named with its table, column and row.
    #[test]
    fn malformed_dates_and_timestamps_in_stored_rows_are_reported() {
        let store = Store::open_in_memory(&BookSettings::default()).unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO customers (id, code, name, terms, created_at) VALUES (1, 'C1', 'A', 'net 30', 'last tuesday');
                 INSERT INTO documents (id, customer_id, kind, side, number, date, amount, posted_at, unapplied)
                     VALUES (1, 1, 'payment', -1, 'PAY-1', '2026-02-30', 100, '2026-01-01 09:00', 100);
                 INSERT INTO documents (id, customer_id, kind, side, number, date, amount, posted_at, unapplied)
                     VALUES (2, 1, 'payment', -1, 'PAY-2', '1899-12-31', 100, '2026-01-01T09:00:00+00:00', 100);
                 INSERT INTO notes (customer_id, at, channel, direction, summary, follow_up)
                     VALUES (1, '2026-01-01T09:00:00.000001+01:00', 'call', 'out', 'ok', '2026-1-5');",
            )
            .unwrap();
        let found: Vec<String> = store
            .check(day("2026-03-01"))
            .unwrap()
            .into_iter()
            .map(|v| v.to_string())
            .collect();
        let expect = [
            "malformed timestamp (RFC 3339) in customers.created_at of C1: 'last tuesday'",
            "malformed date (YYYY-MM-DD, 1900-01-01..2199-12-31) in documents.date of PAY-1: '2026-02-30'",
            "malformed timestamp (RFC 3339) in documents.posted_at of PAY-1: '2026-01-01 09:00'",
            "malformed date (YYYY-MM-DD, 1900-01-01..2199-12-31) in documents.date of PAY-2: '1899-12-31'",
            "malformed date (YYYY-MM-DD, 1900-01-01..2199-12-31) in notes.follow_up of note 1: '2026-1-5'",
        ];
        for line in expect {
            assert!(found.iter().any(|f| f == line), "{line} not in {found:#?}");
        }
        assert_eq!(
            found.iter().filter(|f| f.starts_with("malformed")).count(),
            expect.len(),
            "{found:#?}"
        );
    }

    /// A repayment plan's parts written past the library: a malformed date, parts out of
    /// date order, and a note whose own promise columns disagree with its parts.
    #[test]
    fn promise_parts_are_checked_like_other_stored_dates() {
        let store = Store::open_in_memory(&BookSettings::default()).unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO customers (id, code, name, terms, created_at) VALUES (1, 'C1', 'A', 'net 30', '2026-01-01T09:00:00+00:00');
                 INSERT INTO notes (id, customer_id, at, channel, direction, summary, promise_date, promise_amount)
                     VALUES (1, 1, '2026-01-01T09:00:00+00:00', 'call', 'out', 'ok', '2027-01-10', 600);
                 INSERT INTO promise_parts VALUES (1, 1, '2026-12-10', 300), (1, 2, '2027-1-10', 300);
                 INSERT INTO notes (id, customer_id, at, channel, direction, summary, promise_date, promise_amount)
                     VALUES (2, 1, '2026-01-02T09:00:00+00:00', 'call', 'out', 'ok', '2027-02-01', 200);
                 INSERT INTO promise_parts VALUES (2, 1, '2027-02-01', 100), (2, 2, '2027-01-01', 100);",
            )
            .unwrap();
        let found: Vec<String> = store
            .check(day("2026-03-01"))
            .unwrap()
            .into_iter()
            .map(|v| v.to_string())
            .collect();
        let has = |text: &str| found.iter().any(|f| f.contains(text));
        assert!(
            has("in promise_parts.date of note 1 promise part 2: '2027-1-10'"),
            "{found:#?}"
        );
        assert!(has("in date order") && has("note 2 part 2"), "{found:#?}");
        assert!(
            has("differs from its promise parts") && has("note 1"),
            "{found:#?}"
        );
        assert!(
            !found
                .iter()
                .any(|f| f.contains("differs") && f.contains("note 2")),
            "{found:#?}"
        );
    }

    /// A discount written past the library: standing with no payment, unapplied, and
    /// allocated to a fee.
    #[test]
    fn a_discount_without_its_payment_or_on_a_fee_is_reported() {
        let store = Store::open_in_memory(&BookSettings::default()).unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO customers (id, code, name, terms, created_at) VALUES (1, 'C1', 'A', 'net 30', '2026-01-01T09:00:00+00:00');
                 INSERT INTO documents (id, customer_id, kind, side, number, date, amount, posted_at, unapplied)
                     VALUES (1, 1, 'fee', 1, 'FEE-1', '2026-01-01', 100, '2026-01-01T09:00:00+00:00', NULL),
                            (2, 1, 'discount', -1, 'DISC-1', '2026-01-02', 10, '2026-01-02T09:00:00+00:00', 0),
                            (3, 1, 'discount', -1, 'DISC-2', '2026-01-02', 10, '2026-01-02T09:00:00+00:00', 10);
                 INSERT INTO items (id, document_id, customer_id, seq, doc_date, due_date, amount, open)
                     VALUES (1, 1, 1, 1, '2026-01-01', '2026-01-01', 100, 90);
                 INSERT INTO allocations (credit_id, item_id, date, amount) VALUES (2, 1, '2026-01-02', 10);
                 UPDATE documents SET exhausted_on = '2026-01-02' WHERE id = 2;",
            )
            .unwrap();
        let found: Vec<String> = store
            .check(day("2026-03-01"))
            .unwrap()
            .into_iter()
            .map(|v| v.to_string())
            .collect();
        let has = |what: &str, number: &str| {
            found
                .iter()
                .any(|f| f.starts_with(what) && f.ends_with(number))
        };
        assert!(
            has("discount allocated to something other", "DISC-1"),
            "{found:#?}"
        );
        assert!(
            has("discount standing without its payment", "DISC-1"),
            "{found:#?}"
        );
        assert!(
            has("discount standing without its payment", "DISC-2"),
            "{found:#?}"
        );
        assert!(
            !has("discount allocated to something other", "DISC-2"),
            "{found:#?}"
        );
    }
}
