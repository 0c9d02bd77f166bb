//! Writing an import's rows: each new row kept with its batch, and each accepted money
//! in posted as a payment, so that a payment the book refuses (it changed since the file
//! was planned) is kept unmatched with the reason and the batch goes on.
//!
//! Payments are posted as one [`PaymentRun`], which checks each before writing any of it,
//! so a refusal needs nothing taken back. [`Mode::Savepoints`] posts each behind its own
//! savepoint instead: the way back should the book refuse one after writing began.
//! (Savepoints cost: each one copies every page the payment first touches.)
//!
//! (Chunks of rows behind one savepoint, written again row by row after a refusal,
//! were tried: at 64 rows they saved nothing measurable, since each payment touches
//! other pages; at 1,024 SQLite's savepoint bookkeeping made the import ten times
//! slower.)

use rusqlite::{Connection, params};

use super::{BankRowStatus, NewBankRow, insert_row, learn_alias};
use crate::domain::Currency;
use crate::domain::ids::CustomerId;
use crate::store::posting::{self, OpenItemsCache, PaymentRun, Posted, RunPosting};
use crate::store::{Result, customers};

/// What writing rows did, summed.
#[derive(Default)]
pub(super) struct Written {
    pub new: i64,
    pub duplicates: i64,
    pub unmatched: i64,
    pub posted: Vec<Posted>,
    /// (line, why) of the payments the book refused.
    pub not_posted: Vec<(usize, super::Refusal)>,
}

/// How payments are posted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mode {
    /// As one run, each payment checked before it is written (see [`PaymentRun`]).
    Run,
    /// Each behind its own savepoint.
    Savepoints,
}

/// How the batch posts its payments, kept from row to row.
enum Poster {
    Run {
        run: Box<PaymentRun>,
        /// What the payments taught, by payer key: the last payment's customer wins, as
        /// when each was learned in turn.
        learned: std::collections::HashMap<String, CustomerId>,
    },
    Savepoints(OpenItemsCache),
}

/// Writes `rows` with batch `batch_id`, in the order given, calling `progress(done)`
/// now and then.
pub(super) fn write_rows(
    tx: &Connection,
    currency: &Currency,
    batch_id: i64,
    rows: impl Iterator<Item = Result<NewBankRow>>,
    progress: &mut impl FnMut(usize),
    mode: Mode,
) -> Result<Written> {
    let mut written = Written::default();
    let mut poster = match mode {
        Mode::Run => Poster::Run {
            run: Box::default(),
            learned: Default::default(),
        },
        // Each customer's open items read once for the batch, kept in step as it posts.
        Mode::Savepoints => Poster::Savepoints(OpenItemsCache::default()),
    };
    let mut done = 0;
    for row in rows {
        if done % 512 == 0 {
            progress(done);
        }
        // A row that can't be made (its file changed while it was read) stops the batch:
        // nothing of it is written.
        write_row(tx, currency, batch_id, &row?, &mut poster, &mut written)?;
        done += 1;
    }
    if let Poster::Run { run, learned } = poster {
        run.finish(tx)?;
        for (key, customer) in learned {
            learn_alias(tx, &key, customer, batch_id)?;
        }
    }
    progress(done);
    Ok(written)
}

fn write_row(
    tx: &Connection,
    currency: &Currency,
    batch_id: i64,
    row: &NewBankRow,
    poster: &mut Poster,
    written: &mut Written,
) -> Result<()> {
    let taken = tx
        .prepare_cached(
            "SELECT 1 FROM bank_rows WHERE fingerprint = ?1 AND occurrence = ?2 AND undone = 0",
        )?
        .exists(params![row.fingerprint, row.occurrence])?;
    if taken {
        // Imported meanwhile: never posted twice.
        written.duplicates += 1;
        return Ok(());
    }
    let (mut customer_id, mut document_id, mut refused) = (None, None, None);
    if let (Some(payment), BankRowStatus::Posted) = (&row.payment, row.status) {
        let posting = match poster {
            Poster::Run { run, learned } => match run.post_payment(tx, currency, payment)? {
                RunPosting::Posted(done, customer) => {
                    for key in &row.learn {
                        learned.insert(key.clone(), customer);
                    }
                    Ok((done, customer))
                }
                RunPosting::Refused(error) => Err(error),
            },
            Poster::Savepoints(open_items) => {
                post_behind_savepoint(tx, currency, batch_id, row, payment, open_items)?
            }
        };
        match posting {
            Ok((done, customer)) => {
                customer_id = Some(customer);
                document_id = Some(done.id.0);
                written.posted.push(done);
            }
            Err(error) => refused = Some(error),
        }
    }
    match refused {
        Some(why) => {
            written.unmatched += 1;
            let kept = NewBankRow {
                status: BankRowStatus::Unmatched,
                reason: Some(format!("not posted: {why}")),
                // The book's refusal is said in English only: its error cannot be kept
                // as parts (see `Refusal`), and it is rare (the book changed since the
                // file was read).
                said: None,
                confidence: None,
                payment: None,
                learn: Vec::new(),
                ..row.clone()
            };
            insert_row(tx, batch_id, &kept, None, None)?;
            written
                .not_posted
                .push((row.line, super::Refusal::new(why)));
        }
        None => {
            if row.status == BankRowStatus::Unmatched {
                written.unmatched += 1;
            }
            insert_row(tx, batch_id, row, customer_id, document_id)?;
        }
    }
    written.new += 1;
    Ok(())
}

/// Posts `payment` behind a savepoint: `Ok(Err(refusal))` when the book refuses it, with
/// all of it taken back.
fn post_behind_savepoint(
    tx: &Connection,
    currency: &Currency,
    batch_id: i64,
    row: &NewBankRow,
    payment: &crate::store::NewCredit,
    open_items: &mut OpenItemsCache,
) -> Result<std::result::Result<(Posted, CustomerId), crate::store::StoreError>> {
    tx.prepare_cached("SAVEPOINT bank_row")?.execute([])?;
    let posting = (|| -> Result<(Posted, CustomerId)> {
        let done = posting::post_credit_cached(
            tx,
            currency,
            payment,
            posting::Discounting::Take,
            Some(open_items),
        )?;
        let customer = customers::require(tx, currency, &payment.customer)?;
        for key in &row.learn {
            learn_alias(tx, key, customer.id, batch_id)?;
        }
        Ok((done, customer.id))
    })();
    match posting {
        Ok(done) => {
            tx.prepare_cached("RELEASE bank_row")?.execute([])?;
            Ok(Ok(done))
        }
        Err(error) if error.is_refusal() => {
            tx.prepare_cached("ROLLBACK TO bank_row")?.execute([])?;
            tx.prepare_cached("RELEASE bank_row")?.execute([])?;
            // What the refused posting changed is undone: read again.
            open_items.clear();
            Ok(Err(error))
        }
        Err(error) => Err(error),
    }
}

#[cfg(test)]
impl crate::store::Store {
    /// Every row of the tables a batch writes, without the times it was written at.
    pub(crate) fn dump_import_tables(&self) -> Vec<String> {
        let mut out = Vec::new();
        for table in [
            "documents",
            "items",
            "allocations",
            "bank_rows",
            "payer_aliases",
            "book",
            "import_batches",
            "settled_by_month",
        ] {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
                .unwrap();
            let names: Vec<String> = stmt.column_names().map(|n| n.to_string()).collect();
            let mut rows = stmt.query([]).unwrap();
            while let Some(r) = rows.next().unwrap() {
                let mut line = format!("{table}:");
                for (i, name) in names.iter().enumerate() {
                    if matches!(name.as_str(), "posted_at" | "learned_at" | "imported_at") {
                        continue;
                    }
                    let value: rusqlite::types::Value = r.get(i).unwrap();
                    line.push_str(&format!(" {name}={value:?}"));
                }
                // When the book was made is not what a batch writes.
                if !line.contains("created_at") {
                    out.push(line);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
