//! `owed export`: the book out as CSV for a spreadsheet, the accountant or another
//! program. Customers come out in exactly the columns `owed load --kind customers`
//! reads, so a customer list round-trips between books. Amounts are exact decimals.
//! Documents, allocations and open items together are enough to rebuild the book
//! elsewhere. Every file is written through [`CsvOut`], so text cells are formula-safe.
//! `owed export journal` writes the whole book for hledger, ledger or beancount instead
//! (see [`journal`]).

pub mod journal;

use std::io::Write;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::csv_out::CsvOut;
use crate::domain::document::Side;
use crate::store::{AgingInput, NoteFilter, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Customers,
    Documents,
    Notes,
    /// Every allocation of a credit to an open item (dated up to the as-of date).
    Allocations,
    /// Every item open as of the as-of date, with its original and open amount.
    Items,
}

impl FromStr for ExportKind {
    type Err = ExportError;
    fn from_str(text: &str) -> Result<ExportKind, ExportError> {
        match text.trim().to_lowercase().as_str() {
            "customers" | "customer" => Ok(ExportKind::Customers),
            "documents" | "document" => Ok(ExportKind::Documents),
            "notes" | "note" => Ok(ExportKind::Notes),
            "allocations" | "allocation" => Ok(ExportKind::Allocations),
            "items" | "item" => Ok(ExportKind::Items),
            other => Err(ExportError::UnknownKind(other.to_string())),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "'{0}' is not something to export; use customers, documents, notes, allocations, items or journal"
    )]
    UnknownKind(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write the export: {0}")]
    Write(#[from] csv::Error),
    #[error(transparent)]
    Journal(#[from] journal::JournalError),
    #[error("--format is for `owed export journal` only; {0} is written as CSV")]
    FormatNotForCsv(String),
}

/// What `owed export KIND [--format F]` writes: a CSV kind, or the journal in a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Csv(ExportKind),
    Journal(journal::JournalFormat),
}

impl Export {
    pub fn parse(kind: &str, format: Option<&str>) -> Result<Export, ExportError> {
        if kind.trim().eq_ignore_ascii_case("journal") {
            let format = format
                .map(str::parse::<journal::JournalFormat>)
                .transpose()?;
            return Ok(Export::Journal(format.unwrap_or_default()));
        }
        let csv = kind.parse()?;
        match format {
            Some(_) => Err(ExportError::FormatNotForCsv(kind.trim().to_lowercase())),
            None => Ok(Export::Csv(csv)),
        }
    }

    /// Writes the export to `out`; returns its rows (CSV) or transactions (journal).
    /// `as_of` applies to the kinds that have a date (items, allocations).
    pub fn write(
        self,
        store: &Store,
        as_of: NaiveDate,
        out: &mut dyn Write,
    ) -> Result<usize, ExportError> {
        match self {
            Export::Csv(kind) => export_csv_as_of(store, kind, as_of, out),
            Export::Journal(format) => Ok(journal::export_journal(store, format, out)?),
        }
    }
}

/// Writes `kind` as CSV with a header row to `out`, as of today; returns the number of rows.
pub fn export_csv(
    store: &Store,
    kind: ExportKind,
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    export_csv_as_of(store, kind, chrono::Local::now().date_naive(), out)
}

/// [`export_csv`] as of `as_of`: items open then, allocations dated up to then (the
/// other kinds are the whole book).
pub fn export_csv_as_of(
    store: &Store,
    kind: ExportKind,
    as_of: NaiveDate,
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    let mut writer = CsvOut::new(out);
    let currency = store.currency();
    let mut rows = 0;
    match kind {
        ExportKind::Customers => {
            writer.record([
                "code",
                "name",
                "contact",
                "email",
                "phone",
                "address",
                "terms",
                "credit_limit",
                "tier",
                "on_hold",
                "send_by",
            ])?;
            for c in store.customers()? {
                writer.record([
                    c.code,
                    c.name,
                    c.contact.unwrap_or_default(),
                    c.email.unwrap_or_default(),
                    c.phone.unwrap_or_default(),
                    c.address.unwrap_or_default(),
                    c.terms.to_string(),
                    c.credit_limit
                        .map(|l| currency.plain(l))
                        .unwrap_or_default(),
                    c.tier.map(|t| t.to_string()).unwrap_or_default(),
                    if c.on_hold { "yes" } else { "no" }.to_string(),
                    c.send_by.as_str().to_string(),
                ])?;
                rows += 1;
            }
        }
        ExportKind::Documents => {
            writer.record([
                "date",
                "kind",
                "number",
                "customer",
                "debit",
                "credit",
                "reference",
                "memo",
                "voids",
                "voided_by",
            ])?;
            let mut failure = None;
            store.documents(|d| {
                if failure.is_some() {
                    return;
                }
                let amount = currency.plain(d.amount);
                let (debit, credit) = match d.side {
                    Side::Debit => (amount, String::new()),
                    Side::Credit => (String::new(), amount),
                };
                let record = [
                    d.date.to_string(),
                    d.kind.to_string(),
                    d.number,
                    d.customer_code,
                    debit,
                    credit,
                    d.reference.unwrap_or_default(),
                    d.memo.unwrap_or_default(),
                    d.voids.unwrap_or_default(),
                    d.voided_by.unwrap_or_default(),
                ];
                match writer.record(record) {
                    Ok(()) => rows += 1,
                    Err(e) => failure = Some(e),
                }
            })?;
            if let Some(e) = failure {
                return Err(e.into());
            }
        }
        ExportKind::Notes => {
            writer.record([
                "at",
                "customer",
                "invoice",
                "channel",
                "direction",
                "summary",
                "outcome",
                "promise_date",
                "promise_amount",
                "follow_up",
            ])?;
            let mut notes = store.notes(&NoteFilter::default())?;
            notes.reverse();
            for n in notes {
                writer.record([
                    n.at,
                    n.customer,
                    n.invoice.unwrap_or_default(),
                    n.channel.to_string(),
                    n.direction.as_str().to_string(),
                    n.summary,
                    n.outcome.unwrap_or_default(),
                    // A plan's last date and total (as the note's own columns keep them).
                    n.promise
                        .as_ref()
                        .map(|p| p.last_date().to_string())
                        .unwrap_or_default(),
                    n.promise
                        .as_ref()
                        .map(|p| currency.plain(p.total()))
                        .unwrap_or_default(),
                    n.follow_up.map(|d| d.to_string()).unwrap_or_default(),
                ])?;
                rows += 1;
            }
        }
        ExportKind::Allocations => {
            writer.record([
                "date",
                "credit",
                "item",
                "installment",
                "customer",
                "amount",
            ])?;
            let mut failure = None;
            store.allocations(as_of, |a| {
                if failure.is_some() {
                    return;
                }
                let record = [
                    a.date.to_string(),
                    a.credit,
                    a.item,
                    a.seq.to_string(),
                    a.customer_code,
                    currency.plain(a.amount),
                ];
                match writer.record(record) {
                    Ok(()) => rows += 1,
                    Err(e) => failure = Some(e),
                }
            })?;
            if let Some(e) = failure {
                return Err(e.into());
            }
        }
        ExportKind::Items => {
            writer.record([
                "customer",
                "number",
                "installment",
                "date",
                "due",
                "amount",
                "open",
            ])?;
            let codes: std::collections::HashMap<_, _> = store
                .customers()?
                .into_iter()
                .map(|c| (c.id, c.code))
                .collect();
            let mut items = Vec::new();
            store.open_items_as_of(as_of, AgingInput::Fast, true, |item| items.push(item))?;
            let code = |id| codes.get(&id).map_or("?", String::as_str);
            items.sort_by(|a, b| {
                (code(a.customer_id), a.date, &a.number, a.seq).cmp(&(
                    code(b.customer_id),
                    b.date,
                    &b.number,
                    b.seq,
                ))
            });
            for item in items {
                writer.record([
                    code(item.customer_id).to_string(),
                    item.number,
                    item.seq.to_string(),
                    item.date.to_string(),
                    item.due.to_string(),
                    currency.plain(item.amount),
                    currency.plain(item.open),
                ])?;
                rows += 1;
            }
        }
    }
    writer.flush()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::{CustomerDraft, Tier};
    use crate::load::{LoadKind, load_csv};
    use crate::store::BookSettings;

    #[test]
    fn customers_round_trip_through_load() {
        let mut first = Store::open_in_memory(&BookSettings::default()).unwrap();
        let limit = first.currency().parse("2500.50").unwrap();
        first
            .add_customer(&CustomerDraft {
                code: "C001".into(),
                name: "深圳市华星贸易有限公司".into(),
                email: Some("ap@example.cn".into()),
                address: Some("Line 1, \"Quoted\"\nLine 2".into()),
                credit_limit: Some(limit),
                tier: Some(Tier::B),
                on_hold: true,
                ..Default::default()
            })
            .unwrap();
        first
            .add_customer(&CustomerDraft {
                code: "C002".into(),
                name: "Café Müller GmbH".into(),
                ..Default::default()
            })
            .unwrap();
        let mut csv = Vec::new();
        assert_eq!(
            export_csv(&first, ExportKind::Customers, &mut csv).unwrap(),
            2
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("customers.csv");
        std::fs::write(&path, &csv).unwrap();
        let mut second = Store::open_in_memory(&BookSettings::default()).unwrap();
        let summary = load_csv(&mut second, &path, LoadKind::Customers).unwrap();
        assert_eq!(summary.added, 2);
        let strip = |store: &Store| -> Vec<_> {
            store
                .customers()
                .unwrap()
                .into_iter()
                .map(|mut c| {
                    c.id = Default::default();
                    c
                })
                .collect()
        };
        assert_eq!(strip(&first), strip(&second));
    }

    #[test]
    fn documents_list_debits_and_credits_with_voids() {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        store
            .add_customer(&CustomerDraft {
                code: "C1".into(),
                name: "One".into(),
                ..Default::default()
            })
            .unwrap();
        let amount = store.currency().parse("120").unwrap();
        let date = crate::domain::parse_date("2026-10-01").unwrap();
        store
            .post_debit(&crate::store::NewDebit {
                customer: "C1".into(),
                kind: crate::domain::document::DocKind::Invoice,
                number: Some("INV-1".into()),
                date,
                amount,
                terms: None,
                due: None,
                plan: crate::domain::terms::Plan::Single,
                reference: None,
                memo: Some("first".into()),
            })
            .unwrap();
        store
            .void(&crate::store::VoidRequest {
                number: "INV-1".into(),
                date: Some(date),
                reason: Some("typo".into()),
            })
            .unwrap();
        let mut csv = Vec::new();
        assert_eq!(
            export_csv(&store, ExportKind::Documents, &mut csv).unwrap(),
            2
        );
        let text = String::from_utf8(csv).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[1],
            "2026-10-01,invoice,INV-1,C1,120.00,,,first,,VOID-INV-1"
        );
        assert_eq!(
            lines[2],
            "2026-10-01,void,VOID-INV-1,C1,,120.00,INV-1,typo,INV-1,"
        );
    }
}
