//! `owed aging --format json` serialised straight to its output as it goes. With
//! `--detail`, a book of a million invoices makes a document of tens of megabytes, and
//! building it first as a `serde_json::Value` and then as one string held it several
//! times over (366 MB at its peak). Only the aging report itself is held now.
//!
//! The bytes are those the `Value` printed: the same pretty layout, and every object's
//! keys in sorted order, as serde_json's map (a `BTreeMap` in this build) put them.
//! Scripts read these keys; the test below pins the bytes against the `Value` form.

use std::io::Write;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::domain::aging::{AgedItem, AgingRow};
use crate::domain::{Currency, Money};
use crate::report::Aging;

/// The whole aging document.
pub(super) struct AgingJson<'a> {
    pub aging: &'a Aging,
    pub currency: &'a Currency,
    /// With each customer's open items (`--detail`).
    pub detail: bool,
}

impl AgingJson<'_> {
    /// Writes the document, pretty-printed, to `out`.
    pub fn write(&self, out: impl Write) -> serde_json::Result<()> {
        self.serialize(&mut serde_json::Serializer::pretty(out))
    }
}

/// Amounts as exact plain decimals, a sequence written as it is walked.
struct Amounts<'a>(&'a [Money], &'a Currency);

impl Serialize for Amounts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for money in self.0 {
            seq.serialize_element(&self.1.plain(*money))?;
        }
        seq.end()
    }
}

impl Serialize for AgingJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = &self.aging.report;
        let currency = self.currency;
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("as_of", &report.as_of.to_string())?;
        map.serialize_entry("by", report.basis.as_str())?;
        map.serialize_entry("columns", &report.columns)?;
        map.serialize_entry("currency", &currency.code)?;
        map.serialize_entry("rows", &Rows(self))?;
        map.serialize_entry(
            "totals",
            &Totals {
                amounts: Amounts(&report.totals.amounts, currency),
                balance: currency.plain(report.totals.balance),
                unapplied: currency.plain(report.totals.unapplied),
            },
        )?;
        map.end()
    }
}

#[derive(serde::Serialize)]
struct Totals<'a> {
    amounts: Amounts<'a>,
    balance: String,
    unapplied: String,
}

/// Every customer's row, in code order, each serialised only when reached.
struct Rows<'a>(&'a AgingJson<'a>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rows = self.0.aging.rows();
        let mut seq = s.serialize_seq(Some(rows.len()))?;
        for (code, name, row) in rows {
            seq.serialize_element(&Row {
                doc: self.0,
                code,
                name,
                row,
            })?;
        }
        seq.end()
    }
}

struct Row<'a> {
    doc: &'a AgingJson<'a>,
    code: &'a str,
    name: &'a str,
    row: &'a AgingRow,
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let currency = self.doc.currency;
        let row = self.row;
        let mut map = s.serialize_map(Some(if self.doc.detail { 6 } else { 5 }))?;
        map.serialize_entry("amounts", &Amounts(&row.amounts, currency))?;
        map.serialize_entry("balance", &currency.plain(row.balance))?;
        map.serialize_entry("code", self.code)?;
        if self.doc.detail {
            map.serialize_entry("items", &Items(self.doc, &row.items))?;
        }
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("unapplied", &currency.plain(row.unapplied))?;
        map.end()
    }
}

struct Items<'a>(&'a AgingJson<'a>, &'a [AgedItem]);

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let currency = doc.currency;
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for item in self.1 {
            seq.serialize_element(&Item {
                amount: currency.plain(item.amount),
                column: &doc.aging.report.columns[item.column],
                date: item.date.to_string(),
                days_overdue: item.days_overdue,
                disputed: doc.aging.is_disputed(item),
                due: item.due.to_string(),
                installment: item.seq,
                number: &item.number,
                open: currency.plain(item.open),
            })?;
        }
        seq.end()
    }
}

/// One open item; the fields in sorted key order.
#[derive(serde::Serialize)]
struct Item<'a> {
    amount: String,
    column: &'a str,
    date: String,
    days_overdue: i64,
    disputed: bool,
    due: String,
    installment: u32,
    number: &'a str,
    open: String,
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use serde_json::{Value, json};

    use super::*;
    use crate::domain::aging::{Basis, Buckets};
    use crate::domain::allocation::Apply;
    use crate::domain::customer::CustomerDraft;
    use crate::domain::document::DocKind;
    use crate::domain::terms::{Plan, Terms};
    use crate::report::AgingOptions;
    use crate::store::{BookSettings, NewCredit, NewDebit, NewDispute, Store};

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Three customers: one with an invoice in three installments (one in dispute) and
    /// one plain invoice, one with a name to escape, one with only unapplied credit.
    fn book() -> Store {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        for (code, name) in [
            ("C1", "Acme"),
            ("C2", "Quote \"and\" 华星"),
            ("C3", "Credit only"),
        ] {
            store
                .add_customer(&CustomerDraft {
                    code: code.into(),
                    name: name.into(),
                    ..Default::default()
                })
                .unwrap();
        }
        for (customer, number, date, amount, plan) in [
            ("C1", "INV-1", "2026-07-01", "900.00", Plan::Installments(3)),
            ("C1", "INV-2", "2026-11-01", "120.50", Plan::Single),
            ("C2", "INV-3", "2026-09-15", "42.00", Plan::Single),
        ] {
            store
                .post_debit(&NewDebit {
                    customer: customer.into(),
                    kind: DocKind::Invoice,
                    number: Some(number.into()),
                    date: d(date),
                    amount: store_money(amount),
                    terms: Some("net 30".parse::<Terms>().unwrap()),
                    due: None,
                    plan,
                    reference: None,
                    memo: None,
                })
                .unwrap();
        }
        store
            .post_credit(&NewCredit {
                customer: "C3".into(),
                kind: DocKind::Payment,
                number: Some("PAY-1".into()),
                date: d("2026-10-01"),
                amount: store_money("75.25"),
                reference: None,
                memo: None,
                apply: Apply::Unapplied,
            })
            .unwrap();
        store
            .open_dispute(&NewDispute {
                invoice: "INV-1".into(),
                item: Some(2),
                reason: "wrong quantity".into(),
            })
            .unwrap();
        store
    }

    fn store_money(text: &str) -> Money {
        Currency::default().parse(text).unwrap()
    }

    /// The document as the `Value` used to build it, to compare the bytes with.
    fn as_value(aging: &Aging, currency: &Currency, detail: bool) -> Value {
        let report = &aging.report;
        let rows: Vec<Value> = aging
            .rows()
            .into_iter()
            .map(|(code, name, row)| {
                let mut value = json!({
                    "code": code,
                    "name": name,
                    "balance": currency.plain(row.balance),
                    "unapplied": currency.plain(row.unapplied),
                    "amounts": row.amounts.iter().map(|m| currency.plain(*m)).collect::<Vec<_>>(),
                });
                if detail {
                    value["items"] = row
                        .items
                        .iter()
                        .map(|i| {
                            json!({
                                "number": i.number, "installment": i.seq, "date": i.date.to_string(),
                                "due": i.due.to_string(), "amount": currency.plain(i.amount),
                                "open": currency.plain(i.open), "days_overdue": i.days_overdue,
                                "column": report.columns[i.column], "disputed": aging.is_disputed(i),
                            })
                        })
                        .collect();
                }
                value
            })
            .collect();
        json!({
            "as_of": report.as_of.to_string(),
            "by": report.basis.as_str(),
            "currency": currency.code,
            "columns": report.columns,
            "rows": rows,
            "totals": {
                "balance": currency.plain(report.totals.balance),
                "unapplied": currency.plain(report.totals.unapplied),
                "amounts": report.totals.amounts.iter().map(|m| currency.plain(*m)).collect::<Vec<_>>(),
            },
        })
    }

    #[test]
    fn the_streamed_document_is_the_value_byte_for_byte() {
        let store = book();
        let currency = store.currency();
        for detail in [false, true] {
            for basis in [Basis::Due, Basis::Invoice] {
                let options = AgingOptions {
                    as_of: d("2026-11-23"),
                    basis,
                    buckets: "15,45".parse::<Buckets>().unwrap(),
                    detail,
                };
                let aging = crate::report::aging(&store, &options).unwrap();
                let mut streamed = Vec::new();
                AgingJson {
                    aging: &aging,
                    currency,
                    detail,
                }
                .write(&mut streamed)
                .unwrap();
                let value =
                    serde_json::to_string_pretty(&as_value(&aging, currency, detail)).unwrap();
                assert_eq!(String::from_utf8(streamed).unwrap(), value);
                // What is compared holds every kind of row and item.
                let parsed: Value = serde_json::from_str(&value).unwrap();
                let rows = parsed["rows"].as_array().unwrap();
                assert_eq!(rows.len(), 3, "{value}");
                assert_eq!(rows[2]["unapplied"], "-75.25");
                if detail {
                    assert_eq!(rows[0]["items"].as_array().unwrap().len(), 4, "{value}");
                    assert_eq!(rows[0]["items"][1]["disputed"], true, "{value}");
                    assert_eq!(rows[2]["items"], json!([]), "{value}");
                } else {
                    assert!(rows[0].get("items").is_none(), "{value}");
                }
            }
        }
    }
}
