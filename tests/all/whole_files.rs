//! Files the user gets are whole or not there: a statement run or letter that fails
//! before the archive commits (a failure injected into the book) or is killed with
//! SIGKILL leaves no PDF under a final name that the archive does not hold, and never an
//! empty one; the next run clears the hidden leftovers and says so. `export --out`
//! replaces a file whole, keeps a symbolic link a link, and writes a named pipe or
//! `/dev/fd/1` through (and `issued show` the same).

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::helpers::{d, invoice, m};
use owed::domain::customer::CustomerDraft;
use owed::domain::letters::Level;
use owed::domain::printed::{Period, StatementKind};
use owed::domain::terms::{Plan, Terms};
use owed::files::is_temporary;
use owed::report::letters::{self, LetterRequest};
use owed::report::statement::{self, Request, Selection};
use owed::store::{Access, BookSettings, Store, sha256_hex};

const CUSTOMERS: usize = 60;

fn owed() -> Command {
    crate::common::bin::command()
}

/// A book on disk: `CUSTOMERS` customers, each owing one invoice overdue in October.
fn make_book(path: &Path) {
    let mut store = Store::init(path, &BookSettings::default()).unwrap();
    let amount = m(&store, "100.00");
    store
        .batch(|batch| {
            for c in 0..CUSTOMERS {
                let code = format!("C{c:03}");
                batch.add_customer(&CustomerDraft {
                    code: code.clone(),
                    name: format!("Customer number {c}"),
                    ..Default::default()
                })?;
                batch.post_debit(&invoice(
                    &code,
                    &format!("INV-{c:04}"),
                    "2026-09-01",
                    amount,
                    Terms::Net(30),
                    Plan::Single,
                ))?;
            }
            Ok(())
        })
        .unwrap();
}

/// Makes every archiving of the book fail, as a full disk would, from inside the
/// transaction that archives (a trigger the test adds to the book).
fn break_archiving(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER test_disk_full BEFORE INSERT ON issued
         BEGIN SELECT RAISE(ABORT, 'database or disk is full (injected by the test)'); END;",
    )
    .unwrap();
}

fn october(archive: bool) -> Request {
    Request {
        period: Period::parse("2026-10").unwrap(),
        kind: StatementKind::OpenItem,
        customers: Selection::All,
        locale: None,
        archive,
        email: false,
    }
}

/// What a folder holds: (final names, hidden temporaries).
fn listing(folder: &Path) -> (Vec<String>, Vec<String>) {
    let mut finals = Vec::new();
    let mut temps = Vec::new();
    for entry in fs::read_dir(folder).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if is_temporary(&name) {
            temps.push(name);
        } else {
            finals.push(name);
        }
    }
    finals.sort();
    (finals, temps)
}

/// Every file under a final name is non-empty and is exactly a document the archive
/// holds (the combined statements file only once its period's statements are archived).
/// Returns the final names.
fn assert_folder_is_archived(folder: &Path, book: &Path) -> Vec<String> {
    let store = Store::open(book, Access::Read).unwrap();
    let issued = store.issued(None).unwrap();
    let (finals, _) = listing(folder);
    for name in &finals {
        let bytes = fs::read(folder.join(name)).unwrap();
        assert!(!bytes.is_empty(), "{name} is an empty file");
        if let Some(period) = name
            .strip_prefix("statements-")
            .and_then(|n| n.strip_suffix(".pdf"))
        {
            assert!(
                issued.iter().any(|i| i.period.as_deref() == Some(period)),
                "{name} was published but no statement of {period} is archived"
            );
            continue;
        }
        let held = issued.iter().find(|i| &i.file_name == name);
        let held = held.unwrap_or_else(|| panic!("{name} is not in the archive"));
        assert_eq!(
            held.sha256,
            sha256_hex(&bytes),
            "{name} differs from the archive"
        );
    }
    finals
}

#[test]
fn a_statement_run_that_fails_to_archive_leaves_no_pdf_under_a_final_name() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    make_book(&book);
    break_archiving(&book);
    let out = dir.path().join("statements");

    let mut store = Store::open(&book, Access::Write).unwrap();
    let error = statement::batch(&mut store, &october(true), &out, |_, _| {}).unwrap_err();
    assert!(error.to_string().contains("disk is full"), "{error}");
    assert_eq!(listing(&out), (vec![], vec![]), "nothing is left behind");

    // The same for a letter: not archived, so not written.
    let letter = LetterRequest {
        customer: "C000".into(),
        level: Level::ALL[0],
        date: d("2026-10-31"),
        deadline: None,
        locale: None,
        email: false,
    };
    assert!(letters::issue_letter(&mut store, &letter, &out, false).is_err());
    assert_eq!(listing(&out), (vec![], vec![]));

    // A preview archives nothing, so it is written, whole.
    let summary = statement::batch(&mut store, &october(false), &out, |_, _| {}).unwrap();
    assert_eq!(summary.written.len(), CUSTOMERS);
    let preview = letters::issue_letter(&mut store, &letter, &out, true).unwrap();
    drop(store);
    let (finals, temps) = listing(&out);
    assert_eq!(finals.len(), CUSTOMERS + 2, "{finals:?}");
    assert!(temps.is_empty(), "{temps:?}");
    for name in &finals {
        assert!(fs::metadata(out.join(name)).unwrap().len() > 0, "{name}");
    }
    assert!(preview.path.exists());
}

#[test]
fn a_statement_run_killed_mid_way_leaves_only_hidden_leftovers_cleared_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    make_book(&book);
    let out = dir.path().join("statements");
    let statements = |command: &mut Command| {
        command
            .arg("--book")
            .arg(&book)
            .args(["statements", "--period", "2026-10", "--out"])
            .arg(&out);
    };

    let mut run = owed();
    statements(&mut run);
    let mut child = run
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Progress is written as `\rstatements: 25 of 60`, without new lines.
    let mut stderr = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut chunk = [0u8; 256];
    loop {
        let n = stderr.read(&mut chunk).unwrap();
        if n == 0 {
            break;
        }
        seen.extend_from_slice(&chunk[..n]);
        if String::from_utf8_lossy(&seen).contains(&format!("statements: 25 of {CUSTOMERS}")) {
            child.kill().unwrap(); // SIGKILL: nothing of the run's own cleanup runs.
            break;
        }
    }
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the run was meant to be killed while rendering; stderr: {}",
        String::from_utf8_lossy(&seen)
    );
    let finals = assert_folder_is_archived(&out, &book);
    assert!(finals.is_empty(), "killed before archiving: {finals:?}");
    let (_, leftovers) = listing(&out);
    assert!(
        !leftovers.is_empty(),
        "25 statements were rendered before the kill"
    );

    let mut again = owed();
    statements(&mut again);
    let done = again.output().unwrap();
    let said = String::from_utf8_lossy(&done.stderr);
    assert!(done.status.success(), "{said}");
    assert!(
        said.contains(&match leftovers.len() {
            1 => "removed 1 unfinished file that".to_string(),
            n => format!("removed {n} unfinished files that"),
        }),
        "{said}"
    );
    let finals = assert_folder_is_archived(&out, &book);
    assert_eq!(
        finals.len(),
        CUSTOMERS + 1,
        "each statement and the combined one"
    );
    assert!(listing(&out).1.is_empty(), "no leftovers remain");
}

/// The customers CSV as `owed export customers` prints it.
fn exported(book: &Path) -> Vec<u8> {
    let out = owed()
        .arg("--book")
        .arg(book)
        .args(["export", "customers"])
        .output()
        .unwrap();
    assert!(out.status.success());
    out.stdout
}

fn export_to(book: &Path, target: &Path) -> std::process::Output {
    owed()
        .arg("--book")
        .arg(book)
        .args(["export", "customers", "--out"])
        .arg(target)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn export_keeps_a_link_a_link_and_replaces_its_target_whole() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    make_book(&book);
    let target = dir.path().join("customers-real.csv");
    fs::write(&target, "old contents").unwrap();
    let link = dir.path().join("customers.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let done = export_to(&book, &link);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&target).unwrap(), exported(&book));
    assert!(listing(dir.path()).1.is_empty());
}

#[cfg(unix)]
#[test]
fn export_writes_through_a_named_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    make_book(&book);
    let fifo = dir.path().join("customers.fifo");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) if status.success() => {}
        _ => {
            println!("note: mkfifo is not available; the named-pipe export is not tested");
            return;
        }
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let done = export_to(&book, &fifo);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    // Checked first: were the pipe replaced by a file, the reader would wait forever.
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(reader.join().unwrap(), exported(&book));
}

#[cfg(target_os = "linux")]
#[test]
fn export_to_standard_output_by_name_writes_only_the_csv_there() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    make_book(&book);
    let done = export_to(&book, Path::new("/dev/fd/1"));
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(done.stdout, exported(&book), "the CSV alone, nothing else");
    assert!(String::from_utf8_lossy(&done.stderr).contains("wrote 60 rows"));
}

#[cfg(target_os = "linux")]
#[test]
fn an_issued_pdf_shown_to_standard_output_is_the_archived_bytes_alone() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    make_book(&book);
    let out = dir.path().join("statements");
    let run = owed()
        .arg("--book")
        .arg(&book)
        .args([
            "statements",
            "--period",
            "2026-10",
            "--customers",
            "C001",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(assert_folder_is_archived(&out, &book).len(), 2);
    let id = Store::open(&book, Access::Read)
        .unwrap()
        .issued(None)
        .unwrap()[0]
        .id;
    let shown = owed()
        .arg("--book")
        .arg(&book)
        .args(["issued", "show", &id.to_string(), "--out", "/dev/fd/1"])
        .output()
        .unwrap();
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    let (_, archived) = Store::open(&book, Access::Read)
        .unwrap()
        .issued_pdf(id)
        .unwrap();
    assert_eq!(shown.stdout, archived);
}
