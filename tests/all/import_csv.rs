//! `owed import` as a script reads it: `--format csv` on `import FILE`, `import
//! unmatched` and `import list` prints CSV (the JSON's keys and plain values), safe to
//! open in a spreadsheet; a file in another currency says so and writes no batch.

use crate::cli::owed;
use crate::common::helpers as common;

use common::*;
use owed::domain::terms::{Plan, Terms};

fn csv_rows(text: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn import_and_its_lists_print_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    {
        let mut store = book();
        customer(&mut store, "C001");
        let amount = m(&store, "300.00");
        store
            .post_debit(&invoice(
                "C001",
                "INV-1",
                "2026-10-01",
                amount,
                Terms::Net(30),
                Plan::Single,
            ))
            .unwrap();
        store.backup_to(&path).unwrap();
    }
    let file = dir.path().join("bank.csv");
    std::fs::write(
        &file,
        "Date,Payer,Details,Amount\n\
         2026-11-02,Customer C001,INV-1,300.00\n\
         2026-11-03,\"=HYPERLINK(\"\"http://x\"\")\",Gift,1234.5\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = owed(&path, args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        csv_rows(&out.stdout)
    };

    let dry = run(&["import", file, "--dry-run", "--format", "csv"]);
    assert_eq!(
        dry[0],
        [
            "line",
            "date",
            "amount",
            "status",
            "customer",
            "confidence",
            "applied",
            "reason"
        ]
    );
    assert_eq!(dry.len(), 3, "{dry:?}");
    assert_eq!(dry[1][2], "300.00");
    assert_eq!(dry[1][3], "will post");
    assert_eq!(dry[1][6], "INV-1 300.00");
    assert_eq!(dry[2][2], "1234.50");

    let out = owed(&path, &["import", file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let unmatched = run(&["import", "unmatched", "--format", "csv"]);
    assert_eq!(unmatched[0][4], "amount");
    assert_eq!(unmatched.len(), 2, "{unmatched:?}");
    assert_eq!(unmatched[1][4], "1234.50");
    assert_eq!(unmatched[1][5], "USD");
    // The payer's formula is text in a spreadsheet, not a formula.
    assert_eq!(unmatched[1][8], "'=HYPERLINK(\"http://x\")");

    let list = run(&["import", "list", "--format", "csv"]);
    assert_eq!(
        list[0],
        [
            "batch",
            "file",
            "sha256",
            "imported_at",
            "rows",
            "new",
            "duplicates",
            "payments",
            "unmatched",
            "undone_at"
        ]
    );
    assert_eq!(list.len(), 2);
    assert_eq!(list[1][7], "1");
}

#[test]
fn a_file_in_another_currency_says_so_and_writes_no_batch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    {
        let mut store = book();
        customer(&mut store, "C001");
        store.backup_to(&path).unwrap();
    }
    let file = dir.path().join("eur.csv");
    std::fs::write(
        &file,
        "Date,Payer,Details,Amount,Currency\n\
         2026-11-02,Customer C001,Payment,300.00,EUR\n\
         2026-11-03,Someone,Refund,-12.00,EUR\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    for dry in [true, false] {
        let mut args = vec!["import", file];
        if dry {
            args.push("--dry-run");
        }
        let out = owed(&path, &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("the file is in EUR, the book in USD: 2 movements set aside"),
            "{text}"
        );
        assert!(
            text.contains(
                "nothing to import: the file holds no new money in the book's currency (USD)"
            ),
            "{text}"
        );
    }
    let out = owed(&path, &["import", "list", "--format", "json"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "[]",
        "no empty batch"
    );
}
