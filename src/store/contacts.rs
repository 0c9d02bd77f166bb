//! What the screens need to know about contact with customers: when each was last
//! contacted and what is next, the items open right now, and whether a promise to pay
//! was kept.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::queries::parse_stored_date;
use super::{Result, Store};
use crate::domain::Money;
use crate::domain::ids::CustomerId;

/// A customer's latest collection note, in short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactState {
    /// The day of the latest note.
    pub last_contact: NaiveDate,
    /// The latest note's follow-up date, or its promise date when it set no follow-up.
    pub next_follow_up: Option<NaiveDate>,
}

/// An item open now, as the posting code will allocate to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItemNow {
    pub number: String,
    pub seq: u32,
    pub date: NaiveDate,
    pub due: NaiveDate,
    pub amount: Money,
    pub open: Money,
}

/// [`Store::payments_between`]'s sum, from the index `payments_by_customer` (v15) alone:
/// its WHERE is repeated here (`kind` and `side`).
pub(super) const PAYMENTS_BETWEEN: &str = "
    SELECT COALESCE(SUM(d.amount), 0) FROM documents d
    WHERE d.customer_id = ?1 AND d.kind = 'payment' AND d.side = -1
      AND d.date >= ?2 AND d.date <= ?3
      AND (?4 IS NULL OR d.date > ?2 OR d.posted_at > ?4)
      AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id)";

impl Store {
    /// Every customer's latest note.
    pub fn contact_states(&self) -> Result<HashMap<CustomerId, ContactState>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.customer_id, n.at, n.follow_up, n.promise_date FROM notes n
             ORDER BY n.customer_id, n.at DESC, n.id DESC",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = HashMap::new();
        while let Some(row) = rows.next()? {
            let customer: CustomerId = row.get(0)?;
            if out.contains_key(&customer) {
                continue;
            }
            let at: String = row.get(1)?;
            let follow_up: Option<String> = row.get(2)?;
            let promise: Option<String> = row.get(3)?;
            let next = follow_up
                .or(promise)
                .map(|d| parse_stored_date(&d))
                .transpose()?;
            out.insert(
                customer,
                ContactState {
                    last_contact: parse_stored_date(at.get(..10).unwrap_or(&at))?,
                    next_follow_up: next,
                },
            );
        }
        Ok(out)
    }

    /// The customer's items open now, in the order a payment is allocated to them
    /// (oldest due first), so a preview of the allocation matches what posting does.
    pub fn open_items_now(&self, customer: CustomerId) -> Result<Vec<OpenItemNow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.number, i.seq, i.doc_date, i.due_date, i.amount, i.open
             FROM items i JOIN documents d ON d.id = i.document_id
             WHERE i.customer_id = ?1 AND i.open <> 0 ORDER BY i.due_date, d.number, i.seq",
        )?;
        let mut rows = stmt.query([customer])?;
        let currency = self.currency();
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let date: String = row.get(2)?;
            let due: String = row.get(3)?;
            out.push(OpenItemNow {
                number: row.get(0)?,
                seq: row.get(1)?,
                date: parse_stored_date(&date)?,
                due: parse_stored_date(&due)?,
                amount: currency.from_minor(row.get(4)?),
                open: currency.from_minor(row.get(5)?),
            });
        }
        Ok(out)
    }

    /// Payments the customer made from `from` through `to`, not counting any later voided
    /// (a bounced cheque does not keep a promise). With `after` (a note's `at` stamp), a
    /// payment dated `from` itself counts only if it was entered after that moment: a
    /// promise is kept by money that came after it, not by a payment already in the book
    /// when the promise was logged.
    pub fn payments_between(
        &self,
        customer: CustomerId,
        from: NaiveDate,
        to: NaiveDate,
        after: Option<&str>,
    ) -> Result<Money> {
        let minor: i64 = self.conn.prepare_cached(PAYMENTS_BETWEEN)?.query_row(
            params![customer, from.to_string(), to.to_string(), after],
            |r| r.get(0),
        )?;
        Ok(self.currency().from_minor(minor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerDraft;
    use crate::domain::document::DocKind;
    use crate::domain::note::{Channel, Direction, NoteDraft, Promise};
    use crate::domain::terms::Plan;
    use crate::store::{BookSettings, NewCredit, NewDebit, VoidRequest};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn open_items_latest_note_and_kept_payments() {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        let usd = store.currency().clone();
        let customer = store
            .add_customer(&CustomerDraft {
                code: "C1".into(),
                name: "Café Ünal".into(),
                ..Default::default()
            })
            .unwrap();
        store
            .post_debit(&NewDebit {
                customer: "C1".into(),
                kind: DocKind::Invoice,
                number: Some("INV-1".into()),
                date: date("2026-01-01"),
                amount: usd.parse("100.00").unwrap(),
                terms: None,
                due: None,
                plan: Plan::Installments(3),
                reference: None,
                memo: None,
            })
            .unwrap();
        let pay = |store: &mut Store, number: &str, day: &str, amount: &str| {
            store
                .post_credit(&NewCredit {
                    customer: "C1".into(),
                    kind: DocKind::Payment,
                    number: Some(number.into()),
                    date: date(day),
                    amount: usd.parse(amount).unwrap(),
                    reference: None,
                    memo: None,
                    apply: Default::default(),
                })
                .unwrap();
        };
        pay(&mut store, "P1", "2026-01-10", "40.00");
        pay(&mut store, "P2", "2026-01-12", "5.00");
        store
            .void(&VoidRequest {
                number: "P2".into(),
                date: Some(date("2026-01-13")),
                reason: None,
            })
            .unwrap();
        let open = store.open_items_now(customer.id).unwrap();
        let opens: Vec<String> = open.iter().map(|i| usd.plain(i.open)).collect();
        // 40.00 paid 33.34 of the first installment and 6.66 of the second; the
        // bounced 5.00 is freed again by its void.
        assert_eq!(opens, ["26.67", "33.33"]);
        assert_eq!(open[0].seq, 2);
        assert_eq!(usd.plain(open[0].amount), "33.33");

        let paid = store
            .payments_between(customer.id, date("2026-01-01"), date("2026-01-31"), None)
            .unwrap();
        assert_eq!(usd.plain(paid), "40.00");

        assert!(store.contact_states().unwrap().is_empty());
        for (summary, follow_up) in [("first", Some("2026-02-01")), ("second", None)] {
            store
                .add_note(&NoteDraft {
                    customer_code: "C1".into(),
                    invoice_number: None,
                    channel: Channel::Call,
                    direction: Direction::Out,
                    summary: summary.into(),
                    outcome: None,
                    promise: (follow_up.is_none())
                        .then(|| Promise::single(date("2026-03-01"), usd.parse("10.00").unwrap())),
                    follow_up: follow_up.map(date),
                })
                .unwrap();
        }
        let states = store.contact_states().unwrap();
        let state = &states[&customer.id];
        assert_eq!(state.next_follow_up, Some(date("2026-03-01")));
        assert_eq!(state.last_contact, chrono::Local::now().date_naive());
    }
}
