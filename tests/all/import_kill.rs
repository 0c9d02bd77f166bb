//! A kill during an import leaves the book exactly as it was: the `owed import` child
//! process is killed once it reports writing rows (inside the commit's transaction),
//! then the book is checked, and the same import run again completes.

use crate::common::helpers as common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::*;
use owed::domain::customer::CustomerDraft;
use owed::domain::terms::{Plan, Terms};
use owed::store::{Access, BookSettings, Store};

const INVOICES: usize = 6000;

fn make_book(path: &std::path::Path) {
    let mut store = Store::init(path, &BookSettings::default()).unwrap();
    let amount = m(&store, "120.00");
    store
        .batch(|batch| {
            for c in 0..INVOICES / 3 {
                batch.add_customer(&CustomerDraft {
                    code: format!("C{c:05}"),
                    name: format!("Customer number {c}"),
                    ..Default::default()
                })?;
            }
            for i in 0..INVOICES {
                batch.post_debit(&invoice(
                    &format!("C{:05}", i / 3),
                    &format!("INV-{i:06}"),
                    "2026-10-01",
                    amount,
                    Terms::Net(30),
                    Plan::Single,
                ))?;
            }
            Ok(())
        })
        .unwrap();
}

fn open_items(path: &std::path::Path) -> usize {
    let store = Store::open(path, Access::Read).unwrap();
    let aging = owed::report::aging(
        &store,
        &owed::report::AgingOptions {
            as_of: d("2030-01-01"),
            basis: owed::domain::aging::Basis::Due,
            buckets: owed::domain::aging::Buckets::default(),
            detail: false,
        },
    )
    .unwrap();
    aging.rows().len()
}

#[test]
fn a_kill_during_the_commit_leaves_the_book_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    make_book(&book);
    let csv = dir.path().join("statement.csv");
    let mut text = String::from("Date,Payer,Details,Amount\n");
    for i in 0..INVOICES {
        text.push_str(&format!(
            "2026-11-02,Customer number {},Payment INV-{i:06},120.00\n",
            i / 3
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let owing_before = open_items(&book);
    assert_eq!(owing_before, INVOICES / 3);

    // Killed as the whole file's plan is written (table), and as the file read a row at
    // a time is (JSON).
    for format in ["table", "json"] {
        let mut child = crate::common::bin::command()
            .arg("--book")
            .arg(&book)
            .args(["import", "--format", format])
            .arg(&csv)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut seen = String::new();
        for line in BufReader::new(stderr).lines() {
            let line = line.unwrap();
            seen.push_str(&line);
            seen.push('\n');
            // The commit reports progress from inside its transaction.
            if line.contains("writing row") {
                child.kill().unwrap();
                break;
            }
        }
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "the import was meant to be killed mid-commit; stderr:\n{seen}"
        );

        // As before: nothing posted, no batch, the ledger's invariants hold.
        let store = Store::open(&book, Access::Write).unwrap();
        assert!(store.import_batches().unwrap().is_empty());
        assert!(store.check(d("2030-01-01")).unwrap().is_empty());
        drop(store);
        assert_eq!(open_items(&book), owing_before);
    }

    // And the same import, run to the end, pays everything once.
    let done = crate::common::bin::command()
        .arg("--book")
        .arg(&book)
        .args(["import", "--format", "json"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(summary["matched"], INVOICES);
    assert_eq!(open_items(&book), 0);
}
