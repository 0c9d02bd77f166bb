//! One customer's reads behind its risk score and credit review, each a query on that
//! customer's own rows (the whole-book reads are in `analytics` and `queries`), and the
//! risk band last acknowledged per customer, which the worklist compares with the band
//! now so it warns once when a customer's risk rises.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::audit::{AuditAction, record};
use super::queries::parse_stored_date;
use super::{Result, Store, StoreError};
use crate::domain::Money;
use crate::domain::ids::CustomerId;
use crate::domain::risk::Band;

/// The reason an acknowledged band is recorded with in the audit log.
pub const RISK_SEEN_REASON: &str = "risk band acknowledged";

/// An item of one of the customer's invoices or fees as the book stood on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemAsOf {
    pub amount: Money,
    pub invoiced: NaiveDate,
    pub due: NaiveDate,
    /// Open as of the date (zero once settled).
    pub open: Money,
    /// The day its open amount last reached zero, when it is zero as of the date.
    pub settled: Option<NaiveDate>,
    /// Its document was voided on or before the date (a voided invoice was never owed).
    pub voided: bool,
    /// An invoice's or a fee's (not a refund's, which money paid back settles).
    pub sale: bool,
}

/// The band a customer's risk was last acknowledged at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskSeen {
    pub band: Band,
    pub score: u8,
}

impl Store {
    /// Every item of the customer's debit documents dated on or before `as_of`, with its
    /// open amount and settled day worked out from its allocations dated on or before
    /// `as_of` (so nothing dated later counts), in one query through the customer's
    /// documents.
    pub fn customer_items_as_of(
        &self,
        customer: CustomerId,
        as_of: NaiveDate,
    ) -> Result<Vec<ItemAsOf>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.amount, i.doc_date, i.due_date,
                    (SELECT v.date FROM documents v WHERE v.voids_id = d.id),
                    a.date, a.amount, d.kind IN ('invoice', 'fee')
             FROM documents d JOIN items i ON i.document_id = d.id
             LEFT JOIN allocations a ON a.item_id = i.id AND a.date <= ?2
             WHERE d.customer_id = ?1 AND d.side = 1 AND d.date <= ?2
             ORDER BY i.id, a.date, a.id",
        )?;
        let currency = self.currency();
        let day = as_of.to_string();
        let mut rows = stmt.query(rusqlite::params![customer, day])?;
        let mut out: Vec<ItemAsOf> = Vec::new();
        let mut current: Option<(i64, i64)> = None; // (item id, open in minor units)
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if current.map(|(c, _)| c) != Some(id) {
                let amount: i64 = row.get(1)?;
                let invoiced: String = row.get(2)?;
                let due: String = row.get(3)?;
                let voided_on: Option<String> = row.get(4)?;
                let voided = match voided_on {
                    Some(date) => parse_stored_date(&date)? <= as_of,
                    None => false,
                };
                out.push(ItemAsOf {
                    amount: currency.from_minor(amount),
                    invoiced: parse_stored_date(&invoiced)?,
                    due: parse_stored_date(&due)?,
                    open: currency.from_minor(amount),
                    settled: None,
                    voided,
                    sale: row.get(7)?,
                });
                current = Some((id, amount));
            }
            let Some(date) = row.get::<_, Option<String>>(5)? else {
                continue;
            };
            let allocated: i64 = row.get(6)?;
            let (_, open) = current.as_mut().expect("set above");
            *open -= allocated;
            let item = out.last_mut().expect("pushed above");
            item.open = currency.from_minor(*open);
            item.settled = if *open == 0 {
                Some(parse_stored_date(&date)?)
            } else {
                None
            };
        }
        Ok(out)
    }

    /// What the customer's credits (payments, credit notes, …) dated on or before
    /// `as_of` had not yet been allocated as of `as_of`.
    pub fn customer_unapplied_as_of(
        &self,
        customer: CustomerId,
        as_of: NaiveDate,
    ) -> Result<Money> {
        let minor: i64 = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(d.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a
                                                      WHERE a.credit_id = d.id AND a.date <= ?2), 0)), 0)
             FROM documents d WHERE d.customer_id = ?1 AND d.side = -1 AND d.date <= ?2",
        )?
        .query_row(rusqlite::params![customer, as_of.to_string()], |r| r.get(0))?;
        Ok(self.currency().from_minor(minor))
    }

    /// The band each customer's risk was last acknowledged at.
    pub fn risk_seen(&self) -> Result<HashMap<CustomerId, RiskSeen>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT customer_id, band, score FROM risk_seen")?;
        let mut rows = stmt.query([])?;
        let mut out = HashMap::new();
        while let Some(row) = rows.next()? {
            let band: String = row.get(1)?;
            let band = Band::from_key(&band)
                .ok_or_else(|| StoreError::Corrupt(format!("'{band}' is not a risk band")))?;
            out.insert(
                row.get(0)?,
                RiskSeen {
                    band,
                    score: row.get(2)?,
                },
            );
        }
        Ok(out)
    }

    /// Records that the customer's risk was seen at `band` (with `score`), replacing
    /// what was seen before, and audits it: one transaction.
    pub fn acknowledge_risk(&mut self, code: &str, band: Band, score: u8) -> Result<()> {
        self.write(|tx, currency| {
            let customer = super::customers::require(tx, currency, code)?;
            let old: Option<String> = tx
                .query_row(
                    "SELECT band || ' (' || score || ')' FROM risk_seen WHERE customer_id = ?1",
                    [customer.id],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "INSERT INTO risk_seen (customer_id, band, score, at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(customer_id) DO UPDATE SET band = excluded.band,
                     score = excluded.score, at = excluded.at",
                rusqlite::params![customer.id, band.key(), score, super::now_stamp()],
            )?;
            record(
                tx,
                AuditAction::RiskSeen,
                Some(customer.id),
                Some("risk"),
                old.as_deref(),
                Some(
                    &super::audit::EntrySays::RiskSeen {
                        band: band.key().to_string(),
                        score: score.into(),
                    }
                    .to_string(),
                ),
                Some(RISK_SEEN_REASON),
            )
        })
    }
}
