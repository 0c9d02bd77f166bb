//! The kept rows read once for a file's dates answer as `lookalikes` does, row by row.

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::store::{BookSettings, NewCredit, Store, VoidRequest};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A book with kept rows in two batches (one undone), payments entered by hand (one
/// voided, one posted from a bank row) and rows of the same date or amount only.
fn book() -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    for code in ["C1", "C2"] {
        store
            .add_customer(&CustomerDraft {
                code: code.into(),
                name: format!("Customer {code}"),
                ..Default::default()
            })
            .unwrap();
    }
    let usd = store.currency().clone();
    let pay = |store: &mut Store, customer: &str, number: &str, day: &str, amount: &str| {
        store
            .post_credit(&NewCredit {
                customer: customer.into(),
                kind: DocKind::Payment,
                number: Some(number.into()),
                date: date(day),
                amount: usd.parse(amount).unwrap(),
                reference: None,
                memo: None,
                apply: Default::default(),
            })
            .unwrap()
            .id
    };
    pay(&mut store, "C2", "P1", "2026-03-02", "80.00");
    pay(&mut store, "C1", "P2", "2026-03-02", "80.00");
    pay(&mut store, "C1", "P3", "2026-03-02", "80.00");
    let linked = pay(&mut store, "C1", "P4", "2026-03-02", "80.00");
    pay(&mut store, "C1", "P5", "2026-03-05", "12.50");
    store
        .void(&VoidRequest {
            number: "P3".into(),
            date: Some(date("2026-03-06")),
            reason: None,
        })
        .unwrap();
    let conn = &store.conn;
    for (id, file, undone) in [(1, "feb.csv", 0), (2, "mar.csv", 0), (3, "old.csv", 1)] {
        conn.execute(
            "INSERT INTO import_batches (id, file_name, sha256, imported_at, detected, rows_read,
             rows_new, duplicates, payments, unmatched, undone_at)
             VALUES (?1, ?2, 'x', '2026-03-10', '{}', 0, 0, 0, 0, 0, ?3)",
            params![id, file, (undone == 1).then_some("2026-03-11")],
        )
        .unwrap();
    }
    let rows: [(i64, &str, &str, i64, Option<i64>); 9] = [
        (1, "2026-03-01", "80", 0, None),
        (2, "2026-03-02", "80", 0, None),
        (1, "2026-03-02", "80", 0, None),
        (3, "2026-03-02", "80", 1, None),
        (2, "2026-03-02", "-80", 0, None),
        (2, "2026-03-02", "80.5", 0, Some(linked.0)),
        (2, "2026-03-03", "12.5", 0, None),
        (1, "2026-03-09", "12.5", 0, None),
        (3, "2026-03-09", "12.5", 1, None),
    ];
    for (n, (batch, day, amount, undone, document)) in rows.into_iter().enumerate() {
        conn.execute(
            "INSERT INTO bank_rows (batch_id, fingerprint, occurrence, line, date, amount,
             description, status, document_id, undone)
             VALUES (?1, ?2, 0, ?3, ?4, ?5, 'text', 'unmatched', ?6, ?7)",
            params![
                batch,
                format!("f{n}"),
                n as i64 + 2,
                day,
                amount,
                document,
                undone
            ],
        )
        .unwrap();
    }
    store
}

#[test]
fn kept_rows_read_at_once_answer_as_row_by_row() {
    let store = book();
    let kept = store.kept_rows_between("2026-03-02", "2026-03-05").unwrap();
    let mut found = 0;
    for day in [
        "2026-02-28",
        "2026-03-01",
        "2026-03-02",
        "2026-03-03",
        "2026-03-05",
        "2026-03-09",
    ] {
        for amount in ["80", "80.00", "-80", "80.5", "12.5"] {
            for minor in [None, Some(8000), Some(1250)] {
                let one = store.lookalikes(date(day), amount, minor).unwrap();
                let indexed = store
                    .lookalikes_in(&kept, date(day), amount, minor)
                    .unwrap();
                assert_eq!(indexed, one, "{day} {amount} {minor:?}");
                found += one.len();
            }
        }
    }
    assert!(found > 20, "the case finds rows and payments: {found}");
    // Both kept rows of 2 March of live batches, in the order they were kept, then the
    // payments entered by hand that are neither voided nor posted from a bank row.
    let listed = store
        .lookalikes_in(&kept, date("2026-03-02"), "80", Some(8000))
        .unwrap();
    let described: Vec<String> = listed.iter().map(|l| format!("{l:?}")).collect();
    assert_eq!(listed.len(), 4, "{described:#?}");
    assert!(described[0].contains("mar.csv") && described[1].contains("feb.csv"));
    assert!(described[2].contains("P1") && described[3].contains("P2"));
}
