//! Files that are not Owed books, or are from a newer Owed, are refused with one clear
//! line and left byte-for-byte unchanged; a second writer is refused; a lock left by a
//! killed process does not block the next open.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use owed::store::{Access, BookSettings, Store, StoreError};

fn owed() -> Command {
    Command::new(env!("CARGO_BIN_EXE_owed"))
}

/// Refused through the library and the binary, bytes unchanged, no side files made.
fn assert_refused(path: &Path, expect: &str) {
    let before = fs::read(path).unwrap();
    for access in [Access::Read, Access::Write] {
        let error = Store::open(path, access).err().expect("must be refused");
        let message = error.to_string();
        assert!(message.contains(expect), "{message}");
        assert!(matches!(
            error,
            StoreError::NotABook { .. } | StoreError::Newer { .. }
        ));
    }
    let output = owed()
        .arg("--book")
        .arg(path)
        .arg("aging")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains(expect) && stderr.contains(&path.display().to_string()),
        "{stderr}"
    );
    assert_eq!(
        fs::read(path).unwrap(),
        before,
        "the file's bytes are unchanged"
    );
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        assert!(!PathBuf::from(side).exists(), "no {suffix} file was made");
    }
}

#[test]
fn a_text_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    fs::write(&path, "code,name\nC001,Acme\n".repeat(20)).unwrap();
    assert_refused(&path, "a text file");
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.owed");
    fs::write(&path, b"").unwrap();
    assert_refused(&path, "an empty file (0 bytes)");
}

#[test]
fn another_programs_sqlite_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('x');").unwrap();
    }
    assert_refused(&path, "an SQLite database of another program");
}

#[test]
fn a_truncated_book_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    drop(Store::open(&path, Access::Write).unwrap());
    let bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    fs::write(&path, &bytes[..bytes.len() / 2 + 100]).unwrap();
    assert_refused(&path, "truncated");
}

#[test]
fn a_book_from_a_newer_owed_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.owed");
    drop(Store::open(&path, Access::Write).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    assert_refused(&path, "newer Owed");
}

#[test]
fn a_pdf_and_a_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("statement.pdf");
    fs::write(
        &path,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".repeat(4),
    )
    .unwrap();
    assert_refused(&path, "a PDF file");
    let error = Store::open(dir.path(), Access::Read).err().unwrap();
    assert!(error.to_string().contains("a folder"));
}

#[test]
fn a_second_writer_is_refused_and_readers_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    let first = Store::open(&path, Access::Write).unwrap();
    let error = Store::open(&path, Access::Write)
        .err()
        .expect("second writer refused");
    assert!(matches!(error, StoreError::Locked { .. }), "{error}");
    assert!(error.to_string().contains("another Owed"));
    // Another process is refused too, with one line.
    let output = owed()
        .arg("--book")
        .arg(&path)
        .args(["customer", "add", "--code", "C1", "--name", "X"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("open for writing in another Owed"));
    // Reading still works while the writer is open.
    let reader = Store::open(&path, Access::Read).unwrap();
    assert!(reader.customers().unwrap().is_empty());
    drop(first);
    Store::open(&path, Access::Write).unwrap();
}

#[test]
fn a_lock_left_by_a_killed_process_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    Store::open_or_create(&path, Access::Write, &BookSettings::default()).unwrap();
    // A long demo run holds the write lock; kill it hard in the middle.
    let mut child = owed()
        .arg("--book")
        .arg(&path)
        .args([
            "demo",
            "--customers",
            "3000",
            "--invoices",
            "400000",
            "--today",
            "2026-11-23",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the child has the lock (it writes its pid into the lock file) without
    // ever taking the lock ourselves, which could make the child lose the race.
    let lock_file = dir.path().join("book.owed.lock");
    let pid = child.id().to_string();
    let started = std::time::Instant::now();
    while std::fs::read_to_string(&lock_file)
        .unwrap_or_default()
        .trim()
        != pid
    {
        assert!(
            started.elapsed().as_secs() < 60,
            "the demo never took the lock"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let error = Store::open(&path, Access::Write)
        .err()
        .expect("the demo holds the lock");
    assert!(matches!(error, StoreError::Locked { .. }), "{error}");
    assert!(error.to_string().contains(&pid), "{error}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    // The lock died with the process, and the half-done demo left nothing behind.
    let store = Store::open(&path, Access::Write).unwrap();
    assert_eq!(store.counts().unwrap(), (0, 0));
    assert!(
        store
            .check(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
            .unwrap()
            .is_empty()
    );
}
