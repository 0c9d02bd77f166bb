//! Backups: one automatic backup a day after writes, holding them; `backup list`,
//! `backup now` and the old `backup FILE`; `restore` checks what it puts back, refuses
//! while another writer holds the book, and keeps the replaced file.

use std::fs;
use std::path::Path;

use owed::store::{Access, BackupKind, Store, StoreError};

use crate::book_safety::{owed, run, sha256, stderr};

#[test]
fn a_session_that_wrote_leaves_one_backup_a_day_holding_its_writes() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("shop.owed");
    let mut store = Store::open(&book, Access::Write).unwrap();
    drop(store);
    assert!(
        owed::store::list_backups(&book, false).unwrap().is_empty(),
        "nothing written, no backup"
    );
    store = Store::open(&book, Access::Write).unwrap();
    store.set_company("Shop One").unwrap();
    drop(store);
    let first = owed::store::list_backups(&book, true).unwrap();
    assert_eq!(first.len(), 1);
    assert!(first[0].ok);
    assert!(
        first[0]
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("shop-")
            && first[0].path.parent().unwrap() == dir.path().join("backups")
    );
    let copy = Store::open(&first[0].path, Access::Read).unwrap();
    assert_eq!(
        copy.settings().company,
        "Shop One",
        "the backup holds the writes"
    );
    drop(copy);
    // The same day again: no second automatic backup.
    store = Store::open(&book, Access::Write).unwrap();
    store.set_company("Shop Two").unwrap();
    assert_eq!(store.finish_session().unwrap(), None);
    drop(store);
    assert_eq!(owed::store::list_backups(&book, false).unwrap().len(), 1);
}

#[test]
fn backup_list_shows_every_kind_and_backup_file_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("v1.owed");
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/book-v1.owed"),
        &book,
    )
    .unwrap();
    // Reading an older book asks for an upgrade and changes nothing.
    let before = sha256(&book);
    let aging = run(&book, &["aging"]);
    assert!(!aging.status.success());
    assert!(
        stderr(&aging).contains("must be upgraded"),
        "{}",
        stderr(&aging)
    );
    assert_eq!(sha256(&book), before);
    assert!(!dir.path().join("v1.owed.v1.bak").exists());

    let add = run(
        &book,
        &["customer", "add", "--code", "C9", "--name", "Nine"],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let now = run(&book, &["backup", "now"]);
    assert!(now.status.success(), "{}", stderr(&now));
    let list = run(&book, &["backup", "list", "--format", "json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    let mut kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    kinds.sort();
    assert_eq!(kinds, ["auto", "before-migration", "manual"]);
    for row in rows {
        let keys: Vec<&String> = row.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["bytes", "kind", "made_at", "ok", "path"]);
        assert_eq!(row["ok"], true);
        assert!(row["bytes"].as_u64().unwrap() > 0);
        assert!(Path::new(row["path"].as_str().unwrap()).exists());
    }
    // The old form, for scripts; a file literally named `list` is written as ./list.
    let copy = dir.path().join("copy.owed");
    let old = run(&book, &["backup", copy.to_str().unwrap()]);
    assert!(old.status.success(), "{}", stderr(&old));
    let listed = owed()
        .current_dir(dir.path())
        .args(["--book", "v1.owed", "backup", "./list"])
        .output()
        .unwrap();
    assert!(listed.status.success(), "{}", stderr(&listed));
    for path in [copy, dir.path().join("list")] {
        let store = Store::open(&path, Access::Read).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            owed::store::schema::CURRENT_VERSION
        );
    }
}

#[test]
fn restore_checks_the_backup_and_refuses_while_another_writer_holds_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let mut store = Store::open(&book, Access::Write).unwrap();
    store.set_company("Before").unwrap();
    let backup = store.backup_now(BackupKind::Manual).unwrap();
    store.set_company("After").unwrap();

    // Held open for writing: refused, nothing moved.
    let refused = owed::store::restore(&book, &backup).unwrap_err();
    assert!(matches!(refused, StoreError::Locked { .. }), "{refused}");
    drop(store);

    // Not a book: refused by name, nothing changed.
    let text = dir.path().join("notes.txt");
    fs::write(&text, "hello").unwrap();
    let before = sha256(&book);
    let refused = owed::store::restore(&book, &text).unwrap_err();
    assert!(
        refused.to_string().contains("notes.txt")
            && refused.to_string().contains("nothing was changed"),
        "{refused}"
    );
    assert_eq!(sha256(&book), before);
    let no_yes = run(&book, &["restore", backup.to_str().unwrap()]);
    assert!(!no_yes.status.success() && stderr(&no_yes).contains("--yes"));
    assert_eq!(sha256(&book), before);

    let restored = owed::store::restore(&book, &backup).unwrap();
    assert_eq!(restored.from, backup);
    let replaced = restored.replaced.unwrap();
    assert_eq!(sha256(&replaced), before);
    let back = Store::open(&book, Access::Read).unwrap();
    assert_eq!(back.settings().company, "Before");
    // The restored book's audit log says what happened to it.
    let last = back.audit_log(&Default::default()).unwrap().pop().unwrap();
    assert_eq!(last.action, owed::store::AuditAction::Restore);
    assert_eq!(
        last.new.unwrap(),
        format!("restored from {}", backup.display())
    );
    assert_eq!(
        last.old.unwrap(),
        format!("kept aside as {}", replaced.display())
    );
    drop(back);
    assert_eq!(
        Store::open(&replaced, Access::Read)
            .unwrap()
            .settings()
            .company,
        "After"
    );
}

#[test]
fn restores_in_one_second_keep_every_replaced_book_and_leftovers_of_killed_ones_go() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let mut store = Store::open(&book, Access::Write).unwrap();
    store.set_company("First").unwrap();
    let backup = store.backup_now(BackupKind::Manual).unwrap();
    drop(store);
    // What a restore killed before its swap leaves beside the book.
    let leftover = dir.path().join("book.owed.restoring-999999");
    fs::write(&leftover, b"half a copy").unwrap();
    let mut kept = Vec::new();
    for name in ["Second", "Third"] {
        let mut store = Store::open(&book, Access::Write).unwrap();
        store.set_company(name).unwrap();
        drop(store);
        // Both restores usually fall in the same second: today the second one's
        // `.replaced-<time>` overwrote the first's.
        kept.push(
            owed::store::restore(&book, &backup)
                .unwrap()
                .replaced
                .unwrap(),
        );
    }
    assert_ne!(kept[0], kept[1]);
    let companies: Vec<String> = kept
        .iter()
        .map(|p| {
            Store::open(p, Access::Read)
                .unwrap()
                .settings()
                .company
                .clone()
        })
        .collect();
    assert_eq!(companies, ["Second", "Third"]);
    assert!(!leftover.exists(), "the killed restore's copy is cleared");
    assert_eq!(
        Store::open(&book, Access::Read).unwrap().settings().company,
        "First"
    );
}
