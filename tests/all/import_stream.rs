//! A dry run read a row at a time (`import::dry_run`, what `owed import --dry-run
//! --format json` prints for a UTF-8 CSV file) says exactly what a plan of the whole file
//! says with the default decisions: the same summary and the same payments, row for row,
//! for every quirk file, every shared bank sample, and a big file (more rows than
//! detection samples) that pays invoices in parts, repeats rows, names invoices, holds a
//! foreign, a pending and an unpostable row, a look-alike of a hand-entered payment and a
//! footer — before and after part of it is imported.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::common::helpers as common;

use common::*;
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::terms::{Plan, Terms};
use owed::import::{self, Hints, Summary};
use owed::store::Store;

const THRESHOLD: f64 = 0.9;

/// What the whole-file path says: prepare, default decisions, summary, payments.
fn whole(store: &Store, path: &Path, hints: &Hints) -> Result<Summary, String> {
    let bytes = std::fs::read(path).unwrap();
    let name = path.display().to_string();
    let plan = import::prepare(store, &name, &bytes, hints, None).map_err(|e| e.to_string())?;
    let decisions = import::default_decisions(&plan, THRESHOLD);
    let mut summary = plan.summary(&decisions, None);
    summary.payments = plan
        .planned_payments(store, &decisions)
        .map_err(|e| e.to_string())?;
    Ok(summary)
}

/// What the row-at-a-time path says; `None` when it leaves the file to the whole path.
fn streamed(store: &Store, path: &Path, hints: &Hints) -> Option<Result<Summary, String>> {
    match import::dry_run(
        store,
        path,
        import::DEFAULT_MAX_SIZE,
        hints,
        None,
        THRESHOLD,
    ) {
        Ok(None) => None,
        Ok(Some(dry)) => {
            let mut summary = dry.summary.clone();
            summary.payments = dry.payments().collect();
            Some(Ok(summary))
        }
        Err(e) => Some(Err(e.to_string())),
    }
}

/// Both paths agree on `path`; returns whether the row-at-a-time path read it.
fn agree(store: &Store, path: &Path, hints: &Hints) -> bool {
    let Some(streamed) = streamed(store, path, hints) else {
        return false;
    };
    let whole = whole(store, path, hints);
    assert_eq!(streamed, whole, "{}", path.display());
    true
}

fn csv_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"))
    });
    files.sort();
    files
}

#[test]
fn every_quirk_file_reads_the_same_a_row_at_a_time() {
    let store = book();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut read = 0;
    let mut files = csv_files(&root.join("import_quirks"));
    files.extend(csv_files(&root.join("import_formats")));
    for path in &files {
        if agree(&store, path, &Hints::default()) {
            read += 1;
        }
    }
    // Every CSV file (UTF-8 ones from the file, legacy encodings and UTF-16 from a
    // decoded copy) but those detection cannot read without a hint, which the whole
    // read refuses as before (asking for the hint).
    let left: Vec<String> = files
        .iter()
        .filter(|p| streamed(&store, p, &Hints::default()).is_none())
        .filter(|p| whole(&store, p, &Hints::default()).is_ok())
        .map(|p| p.display().to_string())
        .collect();
    assert!(left.is_empty(), "read whole: {left:#?}");
    assert!(read >= 37, "{read} of {}", files.len());
}

#[test]
fn every_shared_bank_sample_reads_the_same_a_row_at_a_time() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bank-samples");
    if !samples.is_dir() {
        println!("skipped: ../shared/bank-samples is not beside this checkout");
        return;
    }
    let store = book();
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(&samples).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(csv_files(&path));
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            files.push(path);
        }
    }
    let read = files
        .iter()
        .filter(|path| agree(&store, path, &Hints::default()))
        .count();
    assert!(read > 0, "no shared sample was read a row at a time");
}

/// 40 customers, each owing three invoices; one hand-entered payment.
fn big_book() -> Store {
    let mut store = book();
    for c in 1..=40 {
        let code = format!("C{c:03}");
        customer(&mut store, &code);
        for i in 1..=3 {
            let amount = m(&store, &format!("{}.{:02}", 100 * i + c, c));
            let number = format!("INV-{c:03}{i}");
            store
                .post_debit(&invoice(
                    &code,
                    &number,
                    "2026-09-01",
                    amount,
                    Terms::Net(30),
                    Plan::Single,
                ))
                .unwrap();
        }
    }
    let amount = m(&store, "77.77");
    store
        .post_credit(&credit(
            "C001",
            DocKind::Payment,
            "PAY-HAND",
            "2026-10-03",
            amount,
            Apply::Unapplied,
        ))
        .unwrap();
    store
}

/// More rows than detection samples (2,000 first and 200 last), in no date order.
fn big_file() -> String {
    let mut out = String::from("Date,Payer,Details,Amount,Currency\n");
    for n in 0..3000u32 {
        let c = n % 40 + 1;
        let i = n % 3 + 1;
        let day = 1 + (n * 7) % 28;
        let date = format!("2026-10-{day:02}");
        let full = format!("{}.{:02}", 100 * i + c, c);
        let line = match n % 10 {
            // Pays an invoice by its number, in full.
            0 | 1 => format!("{date},Customer C{c:03},INV-{c:03}{i},{full},USD"),
            // Half of one, named.
            2 => format!(
                "{date},Customer C{c:03},part of INV-{c:03}{i},{}.00,USD",
                50 + c
            ),
            // By amount alone.
            3 => format!("{date},Customer C{c:03},thank you,{full},USD"),
            // Money out.
            4 => format!("{date},Office rent,rent,-{}.50,USD", 200 + c),
            // The very same row again and again: occurrences.
            5 => "2026-10-09,Customer C002,INV-0021,102.02,USD".to_string(),
            // Nobody's.
            6 => format!("{date},Someone else,gift {n},{}.10,USD", 10 + c),
            // Names two invoices.
            7 => format!(
                "{date},Customer C{c:03},INV-{c:03}1 and INV-{c:03}2,{}.{:02},USD",
                300 + 2 * c,
                (2 * c) % 100
            ),
            8 => format!("{date},Customer C{c:03},INV-{c:03}3,{full},EUR"),
            _ => format!("{date},Customer C{c:03},INV-{c:03}{i} again,25.00,USD"),
        };
        out.push_str(&line);
        out.push('\n');
        if n == 1500 {
            out.push_str(",Customer C005,pending card payment,12.00,USD\n");
            out.push_str("2026-10-03,Customer C001,by hand already,77.77,USD\n");
            out.push_str("2026-10-04,Customer C003,too precise,10.005,USD\n");
        }
    }
    let _ = writeln!(out, "Closing balance,,,,");
    out
}

#[test]
fn a_big_file_reads_the_same_a_row_at_a_time_before_and_after_part_of_it_is_imported() {
    let dir = std::env::temp_dir().join(format!("owed-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.csv");
    let text = big_file();
    std::fs::write(&path, &text).unwrap();
    let mut store = big_book();
    assert!(agree(&store, &path, &Hints::default()), "read whole");
    let before = streamed(&store, &path, &Hints::default()).unwrap().unwrap();
    assert!(
        before.matched > 1000 && before.duplicates >= 1,
        "{before:?}"
    );
    assert!(
        before.payments.iter().any(|p| p
            .note
            .as_ref()
            .is_some_and(|n| n.to_string().contains("of this file"))),
        "some rows pay what an earlier row of the file paid"
    );
    // The first 1,200 lines imported (the repeated row among them): what is left is new.
    let head: String = text.lines().take(1201).map(|l| format!("{l}\n")).collect();
    let first = dir.join("first.csv");
    std::fs::write(&first, head).unwrap();
    let plan = import::prepare(
        &store,
        "first.csv",
        &std::fs::read(&first).unwrap(),
        &Hints::default(),
        None,
    )
    .unwrap();
    let decisions = import::default_decisions(&plan, THRESHOLD);
    import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    assert!(agree(&store, &path, &Hints::default()));
    let after = streamed(&store, &path, &Hints::default()).unwrap().unwrap();
    assert!(after.duplicates >= 1200, "{}", after.duplicates);
    assert!(after.matched < before.matched);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_csv_file_in_another_encoding_reads_the_same_from_a_decoded_copy() {
    let store = book();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_quirks");
    for name in ["utf16le-bom.csv", "windows-1250-polish.csv"] {
        assert!(agree(&store, &root.join(name), &Hints::default()), "{name}");
    }
    // With the encoding given, too.
    let hints = Hints {
        encoding: Some("windows-1250".into()),
        ..Hints::default()
    };
    assert!(agree(&store, &root.join("windows-1250-polish.csv"), &hints));
}

#[test]
fn what_is_not_a_csv_file_is_left_to_the_whole_read() {
    let store = book();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let missing = root.join("import_quirks/no such file.csv");
    assert!(streamed(&store, &missing, &Hints::default()).is_none());
    let mut others = 0;
    for entry in std::fs::read_dir(root.join("import_formats"))
        .unwrap()
        .flatten()
    {
        let path = entry.path();
        let name = path.display().to_string().to_lowercase();
        if [".ofx", ".qfx", ".xml", ".xlsx", ".xls", ".ods"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            assert!(
                streamed(&store, &path, &Hints::default()).is_none(),
                "{name}"
            );
            others += 1;
        }
    }
    assert!(others > 0);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

    /// Damaged files too: the row-at-a-time read never panics, and says what the whole
    /// read says (the same summary and payments, or the same error).
    #[test]
    fn a_damaged_file_reads_the_same_a_row_at_a_time(
        file in proptest::prelude::any::<proptest::sample::Index>(),
        edits in proptest::collection::vec(
            (proptest::prelude::any::<proptest::sample::Index>(), proptest::prelude::any::<u8>(), 0u8..3),
            1..12,
        ),
    ) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_quirks");
        let files = csv_files(&root);
        let mut data = std::fs::read(&files[file.index(files.len())]).unwrap();
        crate::common::quirks::mutate(&mut data, edits);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("damaged.csv");
        std::fs::write(&path, &data).unwrap();
        agree(&book(), &path, &Hints::default());
    }
}
