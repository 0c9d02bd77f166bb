//! Opening, creating and migrating books: the migration path, the v1 fixture.

use super::*;

/// Builds a book at schema version `version` only (for migration tests).
pub(crate) fn create_at_version(path: &Path, version: usize) {
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    let tx = conn.transaction().unwrap();
    for sql in &MIGRATIONS[..version] {
        tx.execute_batch(sql).unwrap();
    }
    tx.pragma_update(None, "user_version", version as i64)
        .unwrap();
    write_settings(&tx, &BookSettings::default()).unwrap();
    tx.commit().unwrap();
}

#[test]
fn migrates_an_in_memory_book_step_by_step() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn, 0).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, CURRENT_VERSION);
    let notes: i64 = conn
        .query_row("SELECT COUNT(*) FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 0);
}

#[test]
fn an_older_book_is_backed_up_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.owed");
    create_at_version(&path, 1);
    let refused = Store::open(&path, Access::Read).err().unwrap();
    assert!(
        matches!(refused, StoreError::NeedsUpgrade { found: 1, .. }),
        "{refused}"
    );
    assert!(
        !sidecar(&path, ".v1.bak").exists(),
        "reading migrates nothing"
    );
    let store = Store::open(&path, Access::Write).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    let backup = sidecar(&path, ".v1.bak");
    assert!(backup.exists());
    let old = Connection::open(&backup).unwrap();
    let version: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
}

const V1_FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/book-v1.owed");

/// Writes the committed v1 fixture: run with `cargo test -- --ignored write_v1_fixture`
/// only by a build whose first migration is v1 as released.
#[test]
#[ignore]
fn write_v1_fixture() {
    let path = Path::new(V1_FIXTURE);
    let _ = fs::remove_file(path);
    create_at_version(path, 1);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "INSERT INTO customers (id, code, name, terms, created_at) VALUES (1, 'C001', 'Café Müller GmbH', 'net 30', '2025-01-01T09:00:00+00:00');
         INSERT INTO documents (id, customer_id, kind, side, number, date, amount, posted_at, terms, unapplied)
             VALUES (1, 1, 'invoice', 1, 'INV-1', '2025-01-10', 12000, '2025-01-10T09:00:00+00:00', 'net 30', NULL);
         INSERT INTO items (id, document_id, customer_id, seq, doc_date, due_date, amount, open) VALUES (1, 1, 1, 1, '2025-01-10', '2025-02-09', 12000, 7000);
         INSERT INTO documents (id, customer_id, kind, side, number, date, amount, posted_at, unapplied)
             VALUES (2, 1, 'payment', -1, 'PAY-1', '2025-02-01', 5000, '2025-02-01T09:00:00+00:00', 0);
         UPDATE documents SET exhausted_on = '2025-02-01' WHERE id = 2;
         INSERT INTO allocations (credit_id, item_id, date, amount) VALUES (2, 1, '2025-02-01', 5000);",
    )
    .unwrap();
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
}

#[test]
fn a_copied_v1_book_migrates_and_keeps_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.owed");
    fs::copy(V1_FIXTURE, &path).unwrap();
    let original = fs::read(&path).unwrap();
    let store = Store::open(&path, Access::Write).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    assert_eq!(
        fs::read(sidecar(&path, ".v1.bak")).unwrap().len(),
        original.len()
    );
    let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    assert!(store.check(today).unwrap().is_empty());
    let (customer, ledger) = crate::report::customer_ledger(&store, "C001", None, None).unwrap();
    assert_eq!(customer.name, "Café Müller GmbH");
    assert_eq!(store.currency().plain(ledger.closing), "70.00");
    assert!(store.notes(&Default::default()).unwrap().is_empty());
}

/// v9 keeps a promise as its parts: a v8 book's single promises become one part each,
/// read back as they were, and `owed check` finds the upgraded book sound.
#[test]
fn a_v8_books_promises_become_one_part_each() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.owed");
    create_at_version(&path, 8);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "INSERT INTO customers (id, code, name, terms, created_at) VALUES (1, 'C001', 'Café Müller GmbH', 'net 30', '2026-01-01T09:00:00+00:00');
         INSERT INTO notes (customer_id, at, channel, direction, summary, promise_date, promise_amount)
             VALUES (1, '2026-11-01T09:00:00+00:00', 'call', 'out', 'will pay', '2026-11-30', 50000);
         INSERT INTO notes (customer_id, at, channel, direction, summary)
             VALUES (1, '2026-11-02T09:00:00+00:00', 'call', 'out', 'no promise');",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path, Access::Write).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    let notes = store.notes(&crate::store::NoteFilter::default()).unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].promise, None);
    let promise = notes[1].promise.as_ref().expect("the old promise");
    assert_eq!(promise.parts().len(), 1);
    assert_eq!(promise.last_date().to_string(), "2026-11-30");
    assert_eq!(store.currency().plain(promise.total()), "500.00");
    let day = crate::domain::parse_date("2026-12-01").unwrap();
    assert_eq!(store.check(day).unwrap(), Vec::new());
}

/// v10 widens the archive's letters to level 0: a v9 book's issued letters keep their
/// ids, bytes and sha256, stay never edited or deleted, and a level-0 letter can now be
/// archived (v9 refused it).
#[test]
fn a_v9_books_archive_is_kept_and_takes_level_0_letters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.owed");
    create_at_version(&path, 9);
    let conn = Connection::open(&path).unwrap();
    let sha = "ab".repeat(32);
    conn.execute_batch(&format!(
        "INSERT INTO customers (id, code, name, terms, created_at) VALUES (1, 'C001', 'Café Müller GmbH', 'net 30', '2026-01-01T09:00:00+00:00');
         INSERT INTO issued (id, kind, customer_id, date, level, amount, file_name, pdf, sha256, issued_at)
             VALUES (7, 'letter', 1, '2026-11-23', 3, 12345, 'C001-L3-2026-11-23.pdf', x'25504446', '{sha}', '2026-11-23T09:00:00+00:00');"
    ))
    .unwrap();
    let refused = conn.execute(
        &format!("INSERT INTO issued (kind, customer_id, date, level, amount, file_name, pdf, sha256, issued_at)
             VALUES ('letter', 1, '2026-11-23', 0, 1, 'x.pdf', x'00', '{sha}', '2026-11-23T09:00:00+00:00')"),
        [],
    );
    assert!(refused.is_err(), "v9 takes levels 1-4 only");
    drop(conn);
    let store = Store::open(&path, Access::Write).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let kept: (i64, i64, String, Vec<u8>) = conn
        .query_row("SELECT id, level, sha256, pdf FROM issued", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    assert_eq!(kept, (7, 3, sha.clone(), b"%PDF".to_vec()));
    conn.execute(
        &format!("INSERT INTO issued (kind, customer_id, date, level, amount, file_name, pdf, sha256, issued_at)
             VALUES ('letter', 1, '2026-11-24', 0, 1, 'x.pdf', x'00', '{sha}', '2026-11-24T09:00:00+00:00')"),
        [],
    )
    .unwrap();
    assert!(conn.execute("DELETE FROM issued WHERE id = 7", []).is_err());
    assert!(
        conn.execute("UPDATE issued SET amount = 1 WHERE id = 7", [])
            .is_err()
    );
    assert!(
        conn.execute("INSERT INTO issued (kind, customer_id, date, level, amount, file_name, pdf, sha256, issued_at) VALUES ('letter', 1, '2026-11-24', 5, 1, 'x.pdf', x'00', '0', 'x')", [])
            .is_err(),
        "levels stay within 0-4"
    );
}
