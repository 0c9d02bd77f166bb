//! Trusting the book: reading never creates, migrates or writes it, and works on a
//! read-only folder or a full disk; writes there are refused by name and leave nothing
//! behind; damage is noticed before a write and named with the way back.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use owed::store::{Access, BackupKind, Store, StoreError};

pub(crate) fn owed() -> Command {
    crate::common::bin::command()
}

pub(crate) fn run(book: &Path, args: &[&str]) -> Output {
    owed().arg("--book").arg(book).args(args).output().unwrap()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub(crate) fn sha256(path: &Path) -> String {
    owed::store::sha256_hex(&fs::read(path).unwrap())
}

pub(crate) fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A small book with history, made by the demo (so its first writes made a backup).
fn demo_book(dir: &Path) -> PathBuf {
    let book = dir.join("book.owed");
    let made = run(
        &book,
        &[
            "demo",
            "--customers",
            "20",
            "--invoices",
            "400",
            "--today",
            "2026-06-30",
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    book
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn reading_a_missing_book_names_it_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("typo.owed");
    for args in [
        &["aging"][..],
        &["check"],
        &["export", "customers"],
        &["ledger", "C1"],
    ] {
        let output = run(&book, args);
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(
            message.contains(&book.display().to_string()) && message.contains("owed init"),
            "{message}"
        );
    }
    assert!(matches!(
        Store::open(&book, Access::Read),
        Err(StoreError::NoBook { .. })
    ));
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
    // A writing command still starts a new book, and says so.
    let output = run(&book, &["customer", "add", "--code", "C1", "--name", "A"]);
    assert!(output.status.success());
    assert!(stderr(&output).contains("started a new book"));
}

#[test]
fn reading_writes_nothing_to_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let book = demo_book(dir.path());
    let before = sha256(&book);
    for args in [
        &["aging"][..],
        &["overview"],
        &["export", "documents"],
        &["note", "list"],
    ] {
        let output = run(&book, args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    }
    assert_eq!(sha256(&book), before);
}

/// Runs `owed` on a book with some arguments.
type Runner = Box<dyn Fn(&Path, &[&str]) -> Output>;

/// Runs `owed` as an unprivileged user, so file permissions bind (root ignores them).
/// `None` (with a printed note) where that is not possible.
fn unprivileged() -> Option<Runner> {
    if !is_root() {
        return Some(Box::new(|book: &Path, args: &[&str]| run(book, args)));
    }
    let works = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !works {
        eprintln!("note: running as root without setpriv; read-only permission tests skipped");
        return None;
    }
    Some(Box::new(|book: &Path, args: &[&str]| {
        crate::common::bin::english(&mut Command::new("setpriv"))
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_owed"))
            .arg("--book")
            .arg(book)
            .args(args)
            .output()
            .unwrap()
    }))
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
fn hand_to_nobody(path: &Path) {
    if is_root() {
        std::os::unix::fs::chown(path, Some(65534), Some(65534)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_or_file_is_read_and_writes_are_refused_by_name() {
    let Some(as_user) = unprivileged() else {
        return;
    };
    let top = tempfile::tempdir().unwrap();
    set_mode(top.path(), 0o755);
    for case in ["folder", "file"] {
        let dir = top.path().join(case);
        fs::create_dir(&dir).unwrap();
        let book = demo_book(&dir);
        fs::remove_file(dir.join("book.owed.lock")).unwrap();
        hand_to_nobody(&book);
        hand_to_nobody(&dir.join("backups"));
        if case == "folder" {
            set_mode(&dir, 0o555);
        } else {
            hand_to_nobody(&dir);
            set_mode(&book, 0o444);
        }
        let before = (sha256(&book), listing(&dir));
        let aging = as_user(&book, &["aging", "--as-of", "2026-06-30"]);
        assert!(aging.status.success(), "{case}: {}", stderr(&aging));
        assert!(String::from_utf8_lossy(&aging.stdout).contains("Total"));
        let write = as_user(
            &book,
            &[
                "note",
                "add",
                "--customer",
                "C00001",
                "--channel",
                "call",
                "--summary",
                "x",
            ],
        );
        assert!(!write.status.success());
        let message = stderr(&write);
        assert_eq!(
            message.trim(),
            format!(
                "owed: {}: the {case} is read-only; nothing was written",
                book.display()
            )
        );
        if case == "folder" {
            assert_eq!(listing(&dir), before.1, "nothing left in the folder");
        } else {
            // A writable folder lets the reader leave SQLite's empty -wal/-shm; no lock.
            assert!(!dir.join("book.owed.lock").exists());
        }
        assert_eq!(sha256(&book), before.0);
        set_mode(&dir, 0o755);
    }
}

/// A small tmpfs filled to the last byte: only where this test runs as root and may mount.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_still_reads_and_a_write_says_the_disk_is_full() {
    let dir = tempfile::tempdir().unwrap();
    let book = demo_book(dir.path());
    let mount = dir.path().join("full");
    fs::create_dir(&mount).unwrap();
    let mounted = is_root()
        && Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
            .arg(&mount)
            .output()
            .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("note: cannot mount a small tmpfs here (needs root); full-disk test skipped");
        return;
    }
    let outcome = std::panic::catch_unwind(|| {
        let full_book = mount.join("book.owed");
        fs::copy(&book, &full_book).unwrap();
        let mut filler = fs::File::create(mount.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while std::io::Write::write_all(&mut filler, &block).is_ok() {}
        drop(filler);
        let before = sha256(&full_book);
        let aging = run(&full_book, &["aging", "--as-of", "2026-06-30"]);
        assert!(aging.status.success(), "{}", stderr(&aging));
        let write = run(
            &full_book,
            &[
                "note",
                "add",
                "--customer",
                "C00001",
                "--channel",
                "call",
                "--summary",
                "x",
            ],
        );
        assert!(!write.status.success());
        assert!(
            stderr(&write).contains("the disk holding the book is full"),
            "{}",
            stderr(&write)
        );
        assert_eq!(sha256(&full_book), before);
    });
    let _ = Command::new("umount").arg(&mount).status();
    outcome.unwrap();
}

/// Overwrites most of a b-tree page in the middle of the file (not the header).
fn damage_a_middle_page(book: &Path) {
    let mut bytes = fs::read(book).unwrap();
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let pages = bytes.len() / page_size;
    let page = (pages / 2..pages)
        .find(|p| matches!(bytes[p * page_size], 0x02 | 0x05 | 0x0a | 0x0d))
        .expect("a b-tree page");
    let start = page * page_size;
    for (i, byte) in bytes[start + 8..start + page_size - 8]
        .iter_mut()
        .enumerate()
    {
        *byte = (i * 7 % 251) as u8;
    }
    fs::write(book, bytes).unwrap();
}

#[test]
fn a_damaged_book_refuses_writes_and_reads_warn_once() {
    let dir = tempfile::tempdir().unwrap();
    let book = demo_book(dir.path());
    let backups = owed::store::list_backups(&book, true).unwrap();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(backups[0].ok && backups[0].kind == BackupKind::Auto);
    damage_a_middle_page(&book);
    let before = sha256(&book);

    let write = run(
        &book,
        &[
            "note",
            "add",
            "--customer",
            "C00001",
            "--channel",
            "call",
            "--summary",
            "x",
        ],
    );
    assert!(!write.status.success());
    let message = stderr(&write);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("is damaged"), "{message}");
    assert!(
        message.contains(&format!("owed restore {}", backups[0].path.display())),
        "{message}"
    );
    assert_eq!(sha256(&book), before, "not a byte was written");

    let aging = run(&book, &["aging", "--as-of", "2026-06-30"]);
    assert!(aging.status.success(), "{}", stderr(&aging));
    let warning = stderr(&aging);
    assert_eq!(warning.lines().count(), 1, "{warning}");
    assert!(warning.starts_with("owed: warning:") && warning.contains("owed restore"));

    // The library refuses the same way, whether or not the verdict was remembered.
    fs::remove_file(dir.path().join("backups").join("book.owed.verified")).unwrap();
    let mut store = Store::open(&book, Access::Write).unwrap();
    let refused = store.set_company("Other").unwrap_err();
    assert!(matches!(refused, StoreError::Damaged { .. }), "{refused}");
    drop(store);
    assert_eq!(sha256(&book), before);

    // Putting the backup back makes the book writable again.
    let restore = run(
        &book,
        &["restore", &backups[0].path.display().to_string(), "--yes"],
    );
    assert!(restore.status.success(), "{}", stderr(&restore));
    let write = run(
        &book,
        &[
            "note",
            "add",
            "--customer",
            "C00001",
            "--channel",
            "call",
            "--summary",
            "x",
        ],
    );
    assert!(write.status.success(), "{}", stderr(&write));
    let replaced: Vec<String> = listing(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("book.owed.replaced-"))
        .collect();
    assert_eq!(replaced.len(), 1, "{:?}", listing(dir.path()));
    assert_eq!(
        sha256(&dir.path().join(&replaced[0])),
        before,
        "the damaged file is kept"
    );
}

#[test]
fn a_book_open_for_reading_refuses_writes_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let book = demo_book(dir.path());
    let before = sha256(&book);
    let mut reader = Store::open(&book, Access::Read).unwrap();
    let refused = reader.set_company("Other").unwrap_err();
    assert_eq!(
        refused.to_string(),
        format!(
            "{}: it is open only for reading; nothing was written",
            book.display()
        )
    );
    drop(reader);
    assert_eq!(sha256(&book), before);
}

/// The app opens a book on a read-only disk for reading, and says why it cannot write.
#[cfg(target_os = "linux")]
#[test]
fn the_app_opens_a_book_on_a_read_only_disk_for_reading() {
    let dir = tempfile::tempdir().unwrap();
    demo_book(dir.path());
    let view = tempfile::tempdir().unwrap();
    let bind = |args: &[&str]| {
        Command::new("mount")
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let (from, to) = (dir.path().to_str().unwrap(), view.path().to_str().unwrap());
    if !(is_root() && bind(&["--bind", from, to])) {
        eprintln!("note: cannot bind-mount here (needs root); read-only disk app test skipped");
        return;
    }
    let outcome = std::panic::catch_unwind(|| {
        assert!(bind(&["-o", "remount,ro,bind", to]), "remount read-only");
        let (_welcome, store) = owed::ui::welcome::Welcome::start(view.path().join("book.owed"));
        let mut store = store.expect("opened for reading");
        assert_eq!(
            store.read_only_reason(),
            Some(&owed::store::ReadOnlyWhy::DiskReadOnly)
        );
        assert!(store.customers().unwrap().len() == 20);
        assert!(matches!(
            store.set_company("x"),
            Err(StoreError::ReadOnly { .. })
        ));
    });
    let _ = Command::new("umount").arg(view.path()).status();
    outcome.unwrap();
}

/// Damage in the first pages after the header (the schema, the settings) stops SQLite
/// before any query: a write is still refused as damaged, bytes unchanged.
#[test]
fn damage_to_the_schema_pages_is_named_as_damage_too() {
    let dir = tempfile::tempdir().unwrap();
    let book = demo_book(dir.path());
    let good = fs::read(&book).unwrap();
    let page_size = usize::from(u16::from_be_bytes([good[16], good[17]]));
    for page in [1, 2] {
        let mut bytes = good.clone();
        let start = page * page_size;
        for (i, byte) in bytes[start + 8..start + page_size - 8]
            .iter_mut()
            .enumerate()
        {
            *byte = (i * 7 % 251) as u8;
        }
        fs::write(&book, &bytes).unwrap();
        let _ = fs::remove_file(dir.path().join("backups").join("book.owed.verified"));
        let refused = Store::open(&book, Access::Write).and_then(|mut store| {
            store.set_company("Other")?;
            Ok(store)
        });
        match refused {
            Err(StoreError::Damaged { advice, .. }) => {
                assert!(advice.to_string().contains("owed restore"), "{advice}")
            }
            Err(other) => panic!("page {page}: {other}"),
            Ok(_) => panic!("page {page}: a write to a damaged book was accepted"),
        }
        assert!(
            fs::read(&book).unwrap() == bytes,
            "page {page}: bytes unchanged"
        );
    }
}
