//! Files that are not Owed books, or are from a newer Owed, are refused with one clear
//! line and left byte-for-byte unchanged; a second writer is refused; a lock left by a
//! killed process does not block the next open. Bank files that are not statements —
//! a renamed ZIP or DOCX, a spreadsheet that can't be read (encrypted, damaged),
//! `/dev/zero`, a named pipe, a folder, a file over `--max-size` — are refused by
//! `owed import` at once with one line, and nothing is imported.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use owed::store::{Access, BookSettings, Store, StoreError};

fn owed() -> Command {
    crate::common::bin::command()
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

/// `owed import` with a time limit: a file that is read forever fails the test instead
/// of hanging it.
fn import_within(book: &Path, file: &Path, extra: &[&str]) -> (bool, String, f64) {
    let mut args = vec![OsStr::new("import"), file.as_os_str()];
    args.extend(extra.iter().map(OsStr::new));
    owed_within(book, &args)
}

/// Any `owed` command with a time limit (see [`import_within`]).
fn owed_within(book: &Path, args: &[&OsStr]) -> (bool, String, f64) {
    let started = std::time::Instant::now();
    let mut child = owed()
        .arg("--book")
        .arg(book)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed().as_secs() >= 30 {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("owed {args:?} did not finish in 30 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        started.elapsed().as_secs_f64(),
    )
}

/// Refused with one line naming the file and saying `expect`; nothing imported.
fn assert_import_refused(book: &Path, file: &Path, extra: &[&str], expect: &str) -> f64 {
    let (ok, stderr, seconds) = import_within(book, file, extra);
    assert!(!ok, "{} was imported", file.display());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains(expect) && stderr.contains(&file.display().to_string()),
        "{stderr}"
    );
    if book.exists() {
        let store = Store::open(book, Access::Read).unwrap();
        assert!(
            store.import_batches().unwrap().is_empty(),
            "nothing imported"
        );
    }
    seconds
}

const BANK_CSV: &str = "Date,Payer,Details,Amount\n2026-11-02,Acme Ltd,Payment INV-1,100.00\n";

/// CRC-32 (IEEE), for ZIP entries that real unzippers accept.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP archive holding `entries` stored uncompressed, as a spreadsheet program or
/// `zip -0` writes them: local headers, the data, the central directory.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let fields = |sig: &[u8], central: bool| {
            let mut h = sig.to_vec();
            if central {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // needed to extract
            h.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]); // flags, stored, time, date
            h.extend_from_slice(&crc32(data).to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                h.extend_from_slice(&[0; 8]); // comment, disk, internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(fields(b"PK\x03\x04", false));
        out.extend_from_slice(data);
        central.extend(fields(b"PK\x01\x02", true));
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[test]
fn a_renamed_zip_or_a_spreadsheet_that_cant_be_read_is_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    Store::init(&book, &BookSettings::default()).unwrap();
    // The CSV inside, stored uncompressed, can be read straight out of the ZIP's bytes.
    let renamed = dir.path().join("statement.csv");
    fs::write(&renamed, zip(&[("statement.csv", BANK_CSV.as_bytes())])).unwrap();
    assert_import_refused(&book, &renamed, &[], "this is a ZIP archive");

    let docx = dir.path().join("letter.csv");
    fs::write(
        &docx,
        zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<document/>"),
        ]),
    )
    .unwrap();
    assert_import_refused(&book, &docx, &[], "this is a Word document (DOCX)");

    // Named like an Excel file inside, but no workbook calamine can open.
    let xlsx = dir.path().join("export.csv");
    let sheet = b"<worksheet><sheetData/></worksheet>";
    fs::write(
        &xlsx,
        zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/worksheets/sheet1.xml", sheet),
        ]),
    )
    .unwrap();
    assert_import_refused(
        &book,
        &xlsx,
        &["--dry-run"],
        "not a readable XLSX spreadsheet (",
    );

    let xls = dir.path().join("old.csv");
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend_from_slice(&[0; 504]);
    fs::write(&xls, &ole).unwrap();
    assert_import_refused(&book, &xls, &[], "not a readable XLS spreadsheet (");

    // An encrypted XLSX is an OLE compound file holding these streams.
    let locked = dir.path().join("locked.xlsx");
    for stream in ["EncryptionInfo", "EncryptedPackage"] {
        ole.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        ole.extend_from_slice(&[0; 64]);
    }
    fs::write(&locked, &ole).unwrap();
    assert_import_refused(&book, &locked, &[], "password-protected (encrypted)");

    // calamine 0.38 panics on this truncated XLS (in its compound-file reader): refused
    // in one line all the same, the panic's message kept off stderr.
    let real =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_quirks/sheet-old-excel.xls");
    let damaged = dir.path().join("damaged.xls");
    fs::write(&damaged, &fs::read(real).unwrap()[..513]).unwrap();
    assert_import_refused(&book, &damaged, &[], "not a readable XLS spreadsheet (");

    let pdf = dir.path().join("statement.ofx");
    fs::write(&pdf, b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n").unwrap();
    assert_import_refused(&book, &pdf, &[], "PDF statements can't be read");
}

#[test]
fn a_spreadsheet_renamed_csv_is_read_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    Store::init(&book, &BookSettings::default()).unwrap();
    let renamed = dir.path().join("statement.csv");
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_quirks/sheet-preamble-then-transactions.xlsx");
    fs::copy(real, &renamed).unwrap();
    let path = renamed.to_str().unwrap();
    let (ok, stdout, stderr) = crate::common::bin::run(&book, &["import", path, "--dry-run"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("statement.csv: XLSX, sheet Transactions, header line 3"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_device_a_pipe_and_a_folder_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    Store::init(&book, &BookSettings::default()).unwrap();
    let zero = Path::new("/dev/zero");
    if zero.exists() {
        let seconds = assert_import_refused(&book, zero, &[], "a device, not a file");
        assert!(
            seconds < 10.0,
            "refused at once, not after reading: {seconds} s"
        );
    } else {
        println!("note: /dev/zero is absent; the device case is not tested");
    }
    assert_import_refused(&book, dir.path(), &[], "a folder, not a file");
    let fifo = dir.path().join("statement.csv");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) if status.success() => {
            assert_import_refused(&book, &fifo, &[], "a named pipe (FIFO)");
        }
        _ => println!("note: mkfifo is not available; the named-pipe case is not tested"),
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_unless_the_limit_is_raised() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    Store::init(&book, &BookSettings::default()).unwrap();
    let csv = dir.path().join("statement.csv");
    let mut text = String::from("Date,Payer,Details,Amount\n");
    for i in 0..100 {
        text.push_str(&format!(
            "2026-11-02,Payer {i},Payment number {i},1{i}.00\n"
        ));
    }
    assert!(text.len() > 4096);
    fs::write(&csv, &text).unwrap();
    assert_import_refused(&book, &csv, &["--max-size", "4KB"], "more than the 4 KB");
    let (ok, stderr, _) = import_within(&book, &csv, &["--max-size", "1MB", "--dry-run"]);
    assert!(ok, "{stderr}");
    let (ok, stderr, _) = import_within(&book, &csv, &["--max-size", "lots"]);
    assert!(!ok && stderr.contains("512MB or 1GB"), "{stderr}");
    // The same limit holds for the library the screens call.
    let error = owed::import::read_bank_file(&csv, 4096).unwrap_err();
    assert!(error.to_string().contains("--max-size"), "{error}");
    assert_eq!(
        owed::import::read_bank_file(&csv, owed::import::DEFAULT_MAX_SIZE).unwrap(),
        text.as_bytes()
    );
}

#[test]
fn a_spreadsheet_or_logo_that_is_a_device_or_a_folder_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    Store::init(&book, &BookSettings::default()).unwrap();
    let before = fs::read(&book).unwrap();
    let mut sources: Vec<(PathBuf, &str)> =
        vec![(dir.path().to_path_buf(), "a folder, not a file")];
    if Path::new("/dev/zero").exists() {
        sources.push((PathBuf::from("/dev/zero"), "a device, not a file"));
    } else {
        println!("note: /dev/zero is absent; the device case is not tested");
    }
    for (source, expect) in &sources {
        // Today `load` and the logo read /dev/zero until memory ran out.
        for args in [
            vec![
                OsStr::new("load"),
                source.as_os_str(),
                OsStr::new("--kind"),
                OsStr::new("customers"),
            ],
            vec![
                OsStr::new("settings"),
                OsStr::new("set"),
                OsStr::new("company.logo"),
                source.as_os_str(),
            ],
        ] {
            let (ok, stderr, seconds) = owed_within(&book, &args);
            assert!(!ok, "{args:?} succeeded");
            assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
            assert!(stderr.contains(expect), "{args:?}: {stderr}");
            assert!(seconds < 10.0, "refused at once: {seconds} s");
        }
    }
    let big = dir.path().join("logo.png");
    fs::write(&big, vec![0u8; 3 * 1024 * 1024]).unwrap();
    let (ok, stderr, _) = owed_within(
        &book,
        &[
            OsStr::new("settings"),
            OsStr::new("set"),
            OsStr::new("company.logo"),
            big.as_os_str(),
        ],
    );
    assert!(
        !ok && stderr.contains("the logo file is 3 MB; use one of at most 2 MB"),
        "{stderr}"
    );
    assert_eq!(fs::read(&book).unwrap(), before, "nothing written");
}
