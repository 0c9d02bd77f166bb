//! The exports that let the book be rebuilt elsewhere, through the real `owed` binary:
//! open items and allocations tie to the aging report as of any date, and
//! `aging --detail --format csv` keeps its item rows.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::{amount, init, records, rows};
use crate::cli::{dec, json, ok};

#[test]
fn items_and_allocations_exports_tie_to_aging() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    ok(
        &book,
        &[
            "demo",
            "--customers",
            "12",
            "--invoices",
            "240",
            "--seed",
            "5",
        ],
    );
    let documents = rows(&ok(&book, &["export", "documents"]));
    assert!(
        documents.iter().any(|d| d["kind"] == "void"),
        "the demo has voids"
    );
    let today = chrono::Local::now().date_naive();
    for as_of in [today - chrono::Duration::days(120), today] {
        let as_of = as_of.to_string();
        let aging = json(&book, &["aging", "--as-of", &as_of, "--format", "json"]);
        let items = rows(&ok(&book, &["export", "items", "--as-of", &as_of]));
        let allocations = rows(&ok(&book, &["export", "allocations", "--as-of", &as_of]));
        assert!(!items.is_empty() && !allocations.is_empty());

        // Per customer: the open items are the balance less the unapplied credit.
        let mut open: HashMap<String, Decimal> = HashMap::new();
        for item in &items {
            assert!(item["due"] >= item["date"] && item["date"] <= as_of);
            assert!(amount(&item["open"]) <= amount(&item["amount"]));
            *open.entry(item["customer"].clone()).or_default() += amount(&item["open"]);
        }
        for row in aging["rows"].as_array().unwrap() {
            let code = row["code"].as_str().unwrap();
            assert_eq!(
                open.get(code).copied().unwrap_or_default(),
                dec(&row["balance"]) - dec(&row["unapplied"]),
                "{code} as of {as_of}"
            );
        }
        let total_open: Decimal = open.values().sum();
        let totals = &aging["totals"];
        assert_eq!(
            total_open,
            dec(&totals["balance"]) - dec(&totals["unapplied"])
        );

        // Debits less what was allocated to them is what is open; credits less what was
        // allocated of them is the unapplied credit.
        let dated: Vec<_> = documents.iter().filter(|d| d["date"] <= as_of).collect();
        let debits: Decimal = dated.iter().map(|d| amount(&d["debit"])).sum();
        let credits: Decimal = dated.iter().map(|d| amount(&d["credit"])).sum();
        let allocated: Decimal = allocations
            .iter()
            .inspect(|a| assert!(a["date"] <= as_of))
            .map(|a| amount(&a["amount"]))
            .sum();
        assert_eq!(debits - allocated, total_open, "as of {as_of}");
        assert_eq!(
            credits - allocated,
            -dec(&totals["unapplied"]),
            "as of {as_of}"
        );
    }
}

#[test]
fn aging_detail_csv_keeps_its_item_rows() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    init(&book);
    ok(
        &book,
        &["customer", "add", "--code", "C1", "--name", "Acme"],
    );
    ok(
        &book,
        &["customer", "add", "--code", "C2", "--name", "=Formula Ltd"],
    );
    ok(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C1",
            "--number",
            "INV-1",
            "--date",
            "2026-09-01",
            "--amount",
            "300.00",
            "--installments",
            "3",
        ],
    );
    ok(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C2",
            "--number",
            "INV-2",
            "--date",
            "2026-10-20",
            "--amount",
            "80.00",
        ],
    );
    ok(
        &book,
        &[
            "payment",
            "add",
            "--customer",
            "C1",
            "--date",
            "2026-10-05",
            "--amount",
            "150.00",
        ],
    );
    let args = ["aging", "--as-of", "2026-11-30", "--detail"];
    let csv = ok(&book, &[&args[..], &["--format", "csv"]].concat());
    let all = records(&csv);
    assert_eq!(
        all[0],
        [
            "row",
            "code",
            "name",
            "balance",
            "current",
            "1-30",
            "31-60",
            "61-90",
            "90+",
            "unapplied",
            "number",
            "installment",
            "date",
            "due",
            "amount",
            "days_overdue",
            "disputed"
        ]
    );
    let kinds: Vec<(&str, &str)> = all[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("customer", "C1"),
            ("item", "C1"),
            ("item", "C1"),
            ("customer", "C2"),
            ("item", "C2")
        ]
    );
    // The items of C1: 150.00 paid oldest first leaves installments 2 (50.00) and 3.
    let items = rows(&csv);
    let c1: Vec<_> = items
        .iter()
        .filter(|r| r["row"] == "item" && r["code"] == "C1")
        .collect();
    assert_eq!(c1[0]["number"], "INV-1");
    assert_eq!(c1[0]["installment"], "2");
    assert_eq!(c1[0]["balance"], "50.00");
    assert_eq!(c1[0]["amount"], "100.00");
    let open: Decimal = c1.iter().map(|r| amount(&r["balance"])).sum();
    let customer = items
        .iter()
        .find(|r| r["row"] == "customer" && r["code"] == "C1")
        .unwrap();
    assert_eq!(
        open,
        amount(&customer["balance"]) - amount(&customer["unapplied"])
    );
    // Each item's amount sits in exactly one bucket column.
    for item in items.iter().filter(|r| r["row"] == "item") {
        let buckets: Vec<_> = ["current", "1-30", "31-60", "61-90", "90+"]
            .iter()
            .filter(|b| !item[**b].is_empty())
            .collect();
        assert_eq!(buckets.len(), 1, "{item:?}");
        assert_eq!(item[*buckets[0]], item["balance"]);
    }
    assert!(csv.contains("'=Formula Ltd"), "{csv}");
    // Without --detail the file is the screen's: customer rows only, no `row` column.
    let plain = ok(
        &book,
        &["aging", "--as-of", "2026-11-30", "--format", "csv"],
    );
    assert!(plain.starts_with("code,name,balance,"));
    assert_eq!(plain.lines().count(), 3);
    // The table and JSON are as before.
    let json = json(&book, &[&args[..], &["--format", "json"]].concat());
    assert_eq!(json["rows"][0]["items"].as_array().unwrap().len(), 2);
    let table = ok(&book, &args);
    assert!(table.contains("INV-1/2 due"), "{table}");
}
