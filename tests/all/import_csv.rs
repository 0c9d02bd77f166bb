//! `owed import FILE --format csv`, `import unmatched --format csv` and `import list
//! --format csv` print CSV (the JSON's keys and plain values), safe to open in a
//! spreadsheet.

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
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
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
