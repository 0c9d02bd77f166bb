//! Collection notes: append-only, one row per contact with a customer. A note's promise
//! to pay is kept as its parts (`promise_parts`, one row per date and amount, written in
//! the note's transaction) and read back from them; the note's own `promise_date` and
//! `promise_amount` are still written (the last part's date and the total) for readers
//! that predate repayment plans. Nothing here reads them; `contact_states` (a customer's
//! next contact when the latest note set no follow-up) and the notes CSV export still
//! do, and get the plan's last date and total.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{EMAILED_STATEMENT_NOTE, Result, Store, StoreError, customers};
use crate::domain::Currency;
use crate::domain::ids::CustomerId;
use crate::domain::note::{Channel, Direction, NoteDraft, Promise, PromisePart};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: i64,
    pub customer: String,
    pub customer_name: String,
    pub invoice: Option<String>,
    /// When it was logged, `YYYY-MM-DDTHH:MM:SS±HH:MM`.
    pub at: String,
    pub channel: Channel,
    pub direction: Direction,
    pub summary: String,
    pub outcome: Option<String>,
    pub promise: Option<Promise>,
    pub follow_up: Option<NaiveDate>,
}

/// Which notes to list.
#[derive(Debug, Clone, Default)]
pub struct NoteFilter {
    pub customer: Option<String>,
    /// Only each customer's latest note, when its follow-up or one of its promise's dates
    /// is on or before this date (nothing logged since).
    pub due_as_of: Option<NaiveDate>,
}

pub(super) fn insert(
    conn: &Connection,
    currency: &Currency,
    draft: &NoteDraft,
    at: &str,
) -> Result<i64> {
    draft.validate()?;
    let customer = customers::require(conn, currency, &draft.customer_code)?;
    let document_id: Option<i64> = match draft
        .invoice_number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        Some(number) => {
            let row: Option<(i64, CustomerId)> =
                rusqlite::OptionalExtension::optional(conn.query_row(
                    "SELECT id, customer_id FROM documents WHERE number = ?1",
                    [number],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                ))?;
            match row {
                Some((id, owner)) if owner == customer.id => Some(id),
                _ => {
                    return Err(StoreError::UnknownDocument(format!(
                        "{number} (for {})",
                        customer.code
                    )));
                }
            }
        }
        None => None,
    };
    conn.prepare_cached(
        "INSERT INTO notes (customer_id, document_id, at, channel, direction, summary, outcome, promise_date, promise_amount, follow_up)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        customer.id,
        document_id,
        at,
        draft.channel.as_str(),
        draft.direction.as_str(),
        draft.summary.trim(),
        draft
            .outcome
            .as_deref()
            .map(str::trim)
            .filter(|o| !crate::domain::text::is_blank(o)),
        draft.promise.as_ref().map(|p| p.last_date().to_string()),
        draft
            .promise
            .as_ref()
            .and_then(|p| currency.to_minor_checked(p.total())),
        draft.follow_up.map(|d| d.to_string()),
    ])?;
    let id = conn.last_insert_rowid();
    if let Some(promise) = &draft.promise {
        let mut stmt = conn.prepare_cached(
            "INSERT INTO promise_parts (note_id, part, date, amount) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, part) in promise.parts().iter().enumerate() {
            let amount = currency.to_minor_checked(part.amount).ok_or_else(|| {
                StoreError::Invariant(format!(
                    "the promised amount {} is not exact in {}",
                    part.amount, currency.code
                ))
            })?;
            stmt.execute(params![id, i as i64 + 1, part.date.to_string(), amount])?;
        }
    }
    Ok(id)
}

impl Store {
    /// Logs a note now.
    pub fn add_note(&mut self, draft: &NoteDraft) -> Result<Note> {
        let at = super::now_stamp();
        let id = self.write(|tx, currency| insert(tx, currency, draft, &at))?;
        let mut notes = self.notes_where("n.id = ?1", params![id])?;
        notes
            .pop()
            .ok_or_else(|| StoreError::Corrupt("the note just logged is missing".into()))
    }

    /// Notes, newest first.
    pub fn notes(&self, filter: &NoteFilter) -> Result<Vec<Note>> {
        let customer = filter.customer.as_deref().map(str::trim);
        if let Some(code) = customer {
            self.customer(code)?;
        }
        let Some(due) = filter.due_as_of else {
            return self.notes_where("(?1 IS NULL OR c.code = ?1)", params![customer]);
        };
        // Each customer's latest note first (one index step per customer), then whether
        // its follow-up or a promise part has come: a whole-book scan of the notes with a
        // "nothing later" test per note took seconds on a large book. A statement the
        // book emailed is routine and never the latest word (EMAILED_STATEMENT_NOTE).
        self.notes_where(
            "n.id IN (SELECT (SELECT m.id FROM notes m WHERE m.customer_id = k.id
                                 AND NOT (m.channel = 'email' AND m.direction = 'out'
                                          AND m.summary LIKE ?3)
                              ORDER BY m.at DESC, m.id DESC LIMIT 1)
                      FROM customers k WHERE ?1 IS NULL OR k.code = ?1)
             AND (n.follow_up <= ?2
                  OR EXISTS (SELECT 1 FROM promise_parts p WHERE p.note_id = n.id AND p.date <= ?2))",
            params![
                customer,
                due.to_string(),
                format!("{EMAILED_STATEMENT_NOTE}%")
            ],
        )
    }

    /// Every note with a promise that has a part dated on or after `date` (the ones that
    /// may still hold the letter ladder), newest first: one query for the whole book.
    pub fn promises_from(&self, date: NaiveDate) -> Result<Vec<Note>> {
        self.notes_where(
            "n.id IN (SELECT p.note_id FROM promise_parts p WHERE p.date >= ?1)",
            params![date.to_string()],
        )
    }

    fn notes_where(&self, condition: &str, args: impl rusqlite::Params) -> Result<Vec<Note>> {
        let sql = format!(
            "SELECT n.id, c.code, c.name, d.number, n.at, n.channel, n.direction, n.summary, n.outcome,
                    (SELECT group_concat(p.date || ':' || p.amount, ';' ORDER BY p.part)
                     FROM promise_parts p WHERE p.note_id = n.id),
                    n.follow_up
             FROM notes n JOIN customers c ON c.id = n.customer_id LEFT JOIN documents d ON d.id = n.document_id
             WHERE {condition} ORDER BY n.at DESC, n.id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(args)?;
        let mut out = Vec::new();
        let corrupt = |what: &str| StoreError::Corrupt(what.to_string());
        while let Some(row) = rows.next()? {
            let channel: String = row.get(5)?;
            let direction: String = row.get(6)?;
            let id: i64 = row.get(0)?;
            let parts: Option<String> = row.get(9)?;
            let follow_up: Option<String> = row.get(10)?;
            let promise = parts
                .map(|text| self.stored_promise(id, &text))
                .transpose()?;
            out.push(Note {
                id,
                customer: row.get(1)?,
                customer_name: row.get(2)?,
                invoice: row.get(3)?,
                at: row.get(4)?,
                channel: channel.parse().map_err(|_| corrupt(&channel))?,
                direction: direction.parse().map_err(|_| corrupt(&direction))?,
                summary: row.get(7)?,
                outcome: row.get(8)?,
                promise,
                follow_up: follow_up
                    .map(|d| super::queries::parse_stored_date(&d))
                    .transpose()?,
            });
        }
        Ok(out)
    }

    /// A promise's parts as the note query gathers them: `DATE:MINOR;DATE:MINOR…`.
    fn stored_promise(&self, note: i64, text: &str) -> Result<Promise> {
        let corrupt =
            |why: String| StoreError::Corrupt(format!("the promise of note {note}: {why}"));
        let mut parts = Vec::new();
        for part in text.split(';') {
            let (date, minor) = part
                .split_once(':')
                .ok_or_else(|| corrupt(format!("'{part}'")))?;
            parts.push(PromisePart {
                date: super::queries::parse_stored_date(date)?,
                amount: self
                    .currency()
                    .from_minor(minor.parse().map_err(|_| corrupt(format!("'{part}'")))?),
            });
        }
        Promise::new(parts).map_err(corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use crate::domain::customer::CustomerDraft;
    use crate::store::BookSettings;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn money(text: &str) -> Money {
        Currency::default().parse(text).unwrap()
    }

    /// Logs a note stamped `at` (not now), as an imported history would be.
    fn log(
        store: &mut Store,
        code: &str,
        at: &str,
        follow_up: Option<&str>,
        promise: &[&str],
    ) -> i64 {
        let parts = promise
            .iter()
            .map(|date| PromisePart {
                date: d(date),
                amount: money("10.00"),
            })
            .collect::<Vec<_>>();
        let draft = NoteDraft {
            customer_code: code.into(),
            invoice_number: None,
            channel: Channel::Call,
            direction: Direction::Out,
            summary: format!("{code} at {at}"),
            outcome: None,
            promise: (!parts.is_empty()).then(|| Promise::new(parts).unwrap()),
            follow_up: follow_up.map(d),
        };
        let at = format!("{at}+00:00");
        store
            .write(|tx, currency| insert(tx, currency, &draft, &at))
            .unwrap()
    }

    fn due(store: &Store, customer: Option<&str>) -> Vec<i64> {
        store
            .notes(&NoteFilter {
                customer: customer.map(str::to_string),
                due_as_of: Some(d("2026-11-10")),
            })
            .unwrap()
            .iter()
            .map(|n| n.id)
            .collect()
    }

    /// What "due as of a date" means: a customer's latest note — latest by its stamp,
    /// the later logged of two with the same stamp — whose follow-up or one of whose
    /// promise's parts is on or before the date. An earlier note that came due does not
    /// count once anything is logged after it.
    #[test]
    fn only_each_customers_latest_note_can_be_due() {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        for code in [
            "LATER", "TIE_OLD", "TIE_NEW", "STAMP", "PLAN", "AHEAD", "ONDAY", "QUIET",
        ] {
            store
                .add_customer(&CustomerDraft {
                    code: code.into(),
                    name: code.into(),
                    ..Default::default()
                })
                .unwrap();
        }
        // A follow-up that came due, then a later note setting none: nothing is due.
        log(
            &mut store,
            "LATER",
            "2026-11-01T09:00:00",
            Some("2026-11-05"),
            &[],
        );
        log(&mut store, "LATER", "2026-11-02T09:00:00", None, &[]);
        // Two notes with one stamp: the one logged second is the latest. Here it sets a
        // follow-up still to come, so the first one's due follow-up does not count...
        log(
            &mut store,
            "TIE_OLD",
            "2026-11-03T10:00:00",
            Some("2026-11-04"),
            &[],
        );
        log(
            &mut store,
            "TIE_OLD",
            "2026-11-03T10:00:00",
            Some("2026-12-01"),
            &[],
        );
        // ...and here it is the due one.
        log(
            &mut store,
            "TIE_NEW",
            "2026-11-03T10:00:00",
            Some("2026-12-01"),
            &[],
        );
        let tie_new = log(
            &mut store,
            "TIE_NEW",
            "2026-11-03T10:00:00",
            Some("2026-11-04"),
            &[],
        );
        // Logged first but stamped later: it is the latest, by its stamp.
        let stamp = log(
            &mut store,
            "STAMP",
            "2026-11-06T08:00:00",
            Some("2026-11-07"),
            &[],
        );
        log(
            &mut store,
            "STAMP",
            "2026-11-01T08:00:00",
            Some("2026-11-02"),
            &[],
        );
        // No follow-up, but the first part of a plan has come.
        let plan = log(
            &mut store,
            "PLAN",
            "2026-11-04T12:00:00",
            None,
            &["2026-11-08", "2026-11-20"],
        );
        // Neither its follow-up nor its promise has come.
        log(
            &mut store,
            "AHEAD",
            "2026-11-05T12:00:00",
            Some("2026-11-11"),
            &["2026-11-12"],
        );
        // Due on the day itself.
        let on_day = log(
            &mut store,
            "ONDAY",
            "2026-11-02T15:00:00",
            Some("2026-11-10"),
            &[],
        );

        // Newest first.
        assert_eq!(due(&store, None), vec![stamp, plan, tie_new, on_day]);
        assert_eq!(due(&store, Some("TIE_NEW")), vec![tie_new]);
        assert_eq!(due(&store, Some("LATER")), Vec::<i64>::new());
        assert_eq!(due(&store, Some("QUIET")), Vec::<i64>::new());
        // Without a date, every note of the customer, newest first.
        let all = store
            .notes(&NoteFilter {
                customer: Some("STAMP".into()),
                due_as_of: None,
            })
            .unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].id, stamp);
    }
}
