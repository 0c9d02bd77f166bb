//! Bank import at scale: a generated CSV (default 100,000 rows; `OWED_BENCH_ROWS`)
//! against a book of 100,000 open invoices over 10,000 customers
//! (`OWED_BENCH_INVOICES`, `OWED_BENCH_CUSTOMERS`). Times `import::prepare` (detect,
//! parse, dedupe, match) and `import::commit` (default decisions at 0.9), each in a
//! child process (this binary run again with `OWED_BENCH_CHILD`) on its own copy of the
//! book, so each peak memory (`VmHWM`) is that run's alone; the import runs at a tenth of
//! the rows and at all of them, to show whether memory grows with the file. Beside it, in
//! the same run: `hledger import` of the same CSV with a rules file (skipped when
//! `hledger` is not installed) and a bare loop of `csv` parsing and SQLite inserts.
//! Run with `cargo bench --bench import`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use owed::domain::Money;
use owed::domain::customer::CustomerDraft;
use owed::domain::document::DocKind;
use owed::domain::terms::{Plan, Terms};
use owed::import::{self, Hints};
use owed::store::{Access, NewDebit, Store};

#[path = "support/measure.rs"]
mod measure;
use measure::env_number;

/// The process's peak resident memory in kB (Linux), 0 where unknown.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// A small deterministic generator (xorshift), so every run imports the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const FIRST: [&str; 40] = [
    "Acme", "Blue", "Cedar", "Delta", "Eagle", "Falcon", "Granite", "Harbor", "Iris", "Jade",
    "Kestrel", "Linden", "Maple", "Nova", "Orion", "Pine", "Quartz", "Raven", "Silver", "Tiger",
    "Union", "Vega", "Willow", "Xenon", "Yarrow", "Zenith", "Amber", "Birch", "Cobalt", "Dune",
    "Ember", "Fjord", "Garnet", "Hazel", "Indigo", "Juniper", "Krypton", "Lotus", "Meadow",
    "Nimbus",
];
const SECOND: [&str; 50] = [
    "Trading",
    "Logistics",
    "Foods",
    "Textiles",
    "Motors",
    "Systems",
    "Printing",
    "Builders",
    "Electric",
    "Pharma",
    "Media",
    "Farms",
    "Optics",
    "Metals",
    "Plastics",
    "Design",
    "Travel",
    "Dental",
    "Bakery",
    "Garden",
    "Marine",
    "Timber",
    "Paper",
    "Glass",
    "Robotics",
    "Audio",
    "Coffee",
    "Fashion",
    "Tools",
    "Energy",
    "Water",
    "Security",
    "Imports",
    "Exports",
    "Furniture",
    "Ceramics",
    "Chemicals",
    "Cycles",
    "Brewing",
    "Catering",
    "Cleaning",
    "Couriers",
    "Dairy",
    "Events",
    "Fitness",
    "Flooring",
    "Lighting",
    "Packaging",
    "Roofing",
    "Signs",
];
const THIRD: [&str; 5] = ["North", "South", "East", "West", "Central"];

fn company(i: usize) -> String {
    format!(
        "{} {} {} Ltd",
        FIRST[i % 40],
        SECOND[(i / 40) % 50],
        THIRD[(i / 2000) % 5]
    )
}

fn invoice_number(k: usize) -> String {
    format!("INV-{:06}", k + 1)
}

/// Invoice `k`'s amount in cents, the same in the book and the CSV.
fn invoice_cents(k: usize) -> i64 {
    5_000 + (Rng(k as u64 * 2_654_435_761 + 1).below(500_000)) as i64
}

fn cents(c: i64) -> String {
    format!("{}.{:02}", c / 100, c.abs() % 100)
}

fn build_book(path: &Path, customers: usize, invoices: usize) {
    let mut store = Store::open(path, Access::Write).expect("book");
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    store
        .batch(|b| {
            for i in 0..customers {
                b.add_customer(&CustomerDraft {
                    code: format!("C{:05}", i + 1),
                    name: company(i),
                    ..Default::default()
                })?;
            }
            for k in 0..invoices {
                b.post_debit(&NewDebit {
                    customer: format!("C{:05}", k % customers + 1),
                    kind: DocKind::Invoice,
                    number: Some(invoice_number(k)),
                    date: start + Days::new((k * 300 / invoices.max(1)) as u64),
                    amount: Money(rust_decimal::Decimal::new(invoice_cents(k), 2)),
                    terms: Some(Terms::Net(30)),
                    due: None,
                    plan: Plan::Single,
                    reference: None,
                    memo: None,
                })?;
            }
            Ok(())
        })
        .expect("build the book");
}

/// `rows` bank rows: 55% pay an invoice in full and 15% in part, naming its number;
/// 15% money out; 10% money in naming only the payer; 5% other money in.
fn write_csv(path: &Path, rows: usize, customers: usize, invoices: usize) {
    let mut out = csv::Writer::from_path(path).expect("csv");
    out.write_record(["Date", "Payee", "Description", "Amount"])
        .expect("write");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    for j in 0..rows {
        let date = (start + Days::new((j * 28 / rows.max(1)) as u64)).to_string();
        let k = (j * 7_919) % invoices.max(1);
        let payer = company(k % customers.max(1));
        let roll = rng.below(100);
        let (payee, description, amount) = match roll {
            0..55 => (
                payer.clone(),
                format!("SEPA CREDIT {} {}", invoice_number(k), payer),
                cents(invoice_cents(k)),
            ),
            55..70 => (
                payer.clone(),
                format!("Part payment {} thank you", invoice_number(k)),
                cents(invoice_cents(k) / 2),
            ),
            70..85 => (
                "CARD 4471".to_string(),
                format!("POS OFFICE SUPPLY {}", rng.below(1000)),
                cents(-(100 + rng.below(50_000) as i64)),
            ),
            85..95 => (
                payer.clone(),
                format!("Transfer from {payer}"),
                cents(1_000 + rng.below(200_000) as i64),
            ),
            _ => (
                "Bank".to_string(),
                format!("Interest {}", rng.below(100)),
                cents(1 + rng.below(999) as i64),
            ),
        };
        out.write_record([date, payee, description, amount])
            .expect("write");
    }
    out.flush().expect("flush");
}

/// Child: import `OWED_BENCH_CSV` into `OWED_BENCH_BOOK`; prints one `BENCH` line.
fn child_import() {
    let book = std::env::var("OWED_BENCH_BOOK").expect("book");
    let csv = std::env::var("OWED_BENCH_CSV").expect("csv");
    let bytes = std::fs::read(&csv).expect("read");
    let read_started = Instant::now();
    let statement = import::read_statement("bench.csv", &bytes, &Hints::default()).expect("read");
    let read = read_started.elapsed();
    drop(statement);
    let started = Instant::now();
    let mut store = Store::open(Path::new(&book), Access::Write).expect("open");
    let plan =
        import::prepare(&store, "bench.csv", &bytes, &Hints::default(), None).expect("prepare");
    let prepared = started.elapsed();
    let decisions = import::default_decisions(&plan, 0.9);
    let started = Instant::now();
    let done = import::commit(&mut store, &plan, &decisions, |_, _| {}).expect("commit");
    let committed = started.elapsed();
    println!(
        "BENCH rows={} read={} prepare={} commit={} matched={} unmatched={} peak_kb={}",
        plan.rows.len(),
        read.as_secs_f64(),
        prepared.as_secs_f64(),
        committed.as_secs_f64(),
        done.summary.matched,
        done.summary.unmatched,
        peak_kb()
    );
}

/// Child: `owed import --dry-run --format json` of `OWED_BENCH_CSV`: the file read a row
/// at a time, its summary and every payment written (to nowhere); prints one `BENCH` line.
fn child_dry_run() {
    let book = std::env::var("OWED_BENCH_BOOK").expect("book");
    let csv = std::env::var("OWED_BENCH_CSV").expect("csv");
    let started = Instant::now();
    let store = Store::open(Path::new(&book), Access::Read).expect("open");
    let dry = import::dry_run(
        &store,
        Path::new(&csv),
        u64::MAX,
        &Hints::default(),
        None,
        0.9,
    )
    .expect("dry run")
    .expect("a UTF-8 CSV file");
    let mut sink = std::io::sink();
    serde_json::to_writer(&mut sink, &dry.summary).expect("summary");
    let mut payments = 0;
    for payment in dry.payments() {
        serde_json::to_writer(&mut sink, &payment).expect("payment");
        payments += 1;
    }
    assert_eq!(payments, dry.summary.matched);
    println!(
        "BENCH rows={} prepare={} commit=0 matched={} unmatched={} peak_kb={}",
        dry.summary.money_in.count + dry.summary.money_out.count + dry.summary.foreign.count,
        started.elapsed().as_secs_f64(),
        dry.summary.matched,
        dry.summary.unmatched,
        peak_kb()
    );
}

/// Child: the floor — parse the CSV with `csv` and insert every row into a fresh SQLite
/// table in one transaction.
fn child_raw() {
    let csv = std::env::var("OWED_BENCH_CSV").expect("csv");
    let db = std::env::var("OWED_BENCH_BOOK").expect("db");
    // A floor left by an earlier run (`OWED_BENCH_DIR`) starts again from nothing.
    let _ = std::fs::remove_file(&db);
    let started = Instant::now();
    let mut conn = rusqlite::Connection::open(&db).expect("db");
    conn.execute_batch(
        "CREATE TABLE rows (id INTEGER PRIMARY KEY, date TEXT, amount TEXT, description TEXT)",
    )
    .expect("table");
    let tx = conn.transaction().expect("tx");
    let mut n = 0;
    {
        let mut insert = tx
            .prepare("INSERT INTO rows (date, amount, description) VALUES (?1, ?2, ?3)")
            .expect("insert");
        let mut reader = csv::Reader::from_path(&csv).expect("csv");
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).expect("record") {
            insert
                .execute((&record[0], &record[3], &record[2]))
                .expect("row");
            n += 1;
        }
    }
    tx.commit().expect("commit");
    println!(
        "BENCH rows={n} prepare={} commit=0 matched=0 unmatched=0 peak_kb={}",
        started.elapsed().as_secs_f64(),
        peak_kb()
    );
}

/// What a child printed.
#[derive(Debug, Default, Clone)]
struct Figures {
    rows: usize,
    read: f64,
    prepare: f64,
    commit: f64,
    matched: usize,
    unmatched: usize,
    peak_kb: u64,
}

fn run_child(mode: &str, book: &Path, csv: &Path) -> Figures {
    let output = Command::new(std::env::current_exe().expect("exe"))
        .env("OWED_BENCH_CHILD", mode)
        .env("OWED_BENCH_BOOK", book)
        .env("OWED_BENCH_CSV", csv)
        .output()
        .expect("run child");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{mode}: {}{}",
        stdout,
        String::from_utf8_lossy(&output.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("BENCH "))
        .expect("BENCH line");
    let mut f = Figures::default();
    for pair in line.split_whitespace() {
        let (key, value) = pair.split_once('=').unwrap_or_default();
        match key {
            "rows" => f.rows = value.parse().unwrap_or(0),
            "read" => f.read = value.parse().unwrap_or(0.0),
            "prepare" => f.prepare = value.parse().unwrap_or(0.0),
            "commit" => f.commit = value.parse().unwrap_or(0.0),
            "matched" => f.matched = value.parse().unwrap_or(0),
            "unmatched" => f.unmatched = value.parse().unwrap_or(0),
            "peak_kb" => f.peak_kb = value.parse().unwrap_or(0),
            _ => {}
        }
    }
    f
}

fn hledger_available() -> bool {
    let found = || {
        Command::new("hledger")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if found() {
        return true;
    }
    println!("hledger not on PATH; trying apt-get install -y hledger");
    let _ = Command::new("apt-get")
        .args(["install", "-y", "hledger"])
        .output();
    found()
}

/// `hledger import` of the CSV into an empty journal: (seconds, peak kB, version).
fn run_hledger(dir: &Path, csv: &Path) -> Option<(f64, u64, String)> {
    if !hledger_available() {
        println!("hledger not installed");
        return None;
    }
    let version = Command::new("hledger")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let rules = dir.join("bench.rules");
    std::fs::write(
        &rules,
        "skip 1\nfields date, payee, description, amount\ndate-format %Y-%m-%d\n\
         description %payee | %description\naccount1 assets:bank\naccount2 income:unknown\n",
    )
    .expect("rules");
    let journal = dir.join("journal.ledger");
    std::fs::write(&journal, "").expect("journal");
    // hledger import remembers the latest date it imported from a file beside it, and
    // next time imports only what is newer: a run again in the same directory would
    // time a dedupe of nothing new instead of an import.
    if let (Some(parent), Some(name)) = (csv.parent(), csv.file_name()) {
        let _ = std::fs::remove_file(parent.join(format!(".latest.{}", name.to_string_lossy())));
    }
    let started = Instant::now();
    let output = Command::new("/usr/bin/time")
        .args(["-f", "HLEDGER_PEAK_KB=%M", "hledger", "-f"])
        .arg(&journal)
        .arg("import")
        .arg(csv)
        .arg("--rules-file")
        .arg(&rules)
        .output()
        .ok()?;
    let elapsed = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        println!("hledger import failed: {stderr}");
        return None;
    }
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("HLEDGER_PEAK_KB="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let imported = std::fs::read_to_string(&journal)
        .map(|j| j.lines().filter(|l| l.starts_with("2026-")).count())
        .unwrap_or(0);
    println!("hledger imported {imported} transactions");
    Some((elapsed, peak, version))
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

fn copy_book(book: &Path, to: &Path) -> PathBuf {
    std::fs::copy(book, to).expect("copy the book");
    to.to_path_buf()
}

fn main() {
    match std::env::var("OWED_BENCH_CHILD").as_deref() {
        Ok("import") => return child_import(),
        Ok("raw") => return child_raw(),
        Ok("dry") => return child_dry_run(),
        _ => {}
    }
    let rows = env_number("OWED_BENCH_ROWS", 100_000);
    let invoices = env_number("OWED_BENCH_INVOICES", 100_000).max(1);
    let customers = env_number("OWED_BENCH_CUSTOMERS", 10_000).max(1);
    let dir = tempfile::tempdir().expect("temp dir");
    // `OWED_BENCH_DIR=DIR` keeps the book and the CSV there, to profile `owed import`.
    let kept = std::env::var_os("OWED_BENCH_DIR").map(PathBuf::from);
    let dir_path = kept.clone().unwrap_or_else(|| dir.path().to_path_buf());
    if let Some(kept) = &kept {
        std::fs::create_dir_all(kept).expect("OWED_BENCH_DIR");
        let _ = std::fs::remove_file(kept.join("bench.owed"));
    }
    let book = dir_path.join("bench.owed");
    println!(
        "import benchmark: {rows} CSV rows against {invoices} open invoices of {customers} customers"
    );
    let started = Instant::now();
    build_book(&book, customers, invoices);
    println!("build the book: {:.1?}", started.elapsed());
    let small_rows = (rows / 10).max(1);
    let big = dir_path.join("bench.csv");
    let small = dir_path.join("small.csv");
    write_csv(&big, rows, customers, invoices);
    write_csv(&small, small_rows, customers, invoices);
    let size = std::fs::metadata(&big).map(|m| m.len()).unwrap_or(0);
    println!("CSV: {rows} rows, {:.1} MB", size as f64 / 1e6);

    let run = |label: &str, csv: &Path| {
        let copy = copy_book(&book, &dir_path.join(format!("{label}.owed")));
        let f = run_child("import", &copy, csv);
        let total = f.prepare + f.commit;
        println!(
            "owed import, {} rows: read alone {:.2} s; prepare {:.2} s, commit {:.2} s, total {:.2} s \
             ({:.0} rows/s), {} matched, {} left unmatched, peak {:.0} MB",
            f.rows,
            f.read,
            f.prepare,
            f.commit,
            total,
            f.rows as f64 / total,
            f.matched,
            f.unmatched,
            mb(f.peak_kb)
        );
        f
    };
    let small_f = run("small", &small);
    let big_f = run("big", &big);
    let raw = run_child("raw", &dir_path.join("raw.sqlite"), &big);
    println!(
        "csv + SQLite insert loop, {} rows: {:.2} s, peak {:.0} MB",
        raw.rows,
        raw.prepare,
        mb(raw.peak_kb)
    );
    let hledger = run_hledger(&dir_path, &big);
    // The dry run, read a row at a time, at the file's rows and (`OWED_BENCH_DRY_ROWS`,
    // 0 to skip) a million.
    let dry = |csv: &Path| {
        let copy = copy_book(&book, &dir_path.join("dry.owed"));
        let f = run_child("dry", &copy, csv);
        println!(
            "owed import --dry-run, {} rows: {:.2} s, {} matched, peak {:.0} MB",
            f.rows,
            f.prepare,
            f.matched,
            mb(f.peak_kb)
        );
        f
    };
    let dry_big = dry(&big);
    let dry_rows = env_number("OWED_BENCH_DRY_ROWS", 1_000_000);
    let dry_huge = (dry_rows > 0).then(|| {
        let huge = dir_path.join("huge.csv");
        write_csv(&huge, dry_rows, customers, invoices);
        let f = dry(&huge);
        let _ = std::fs::remove_file(&huge);
        f
    });

    println!();
    println!("| import of {rows} CSV rows | rows/s | seconds | peak memory |");
    println!("|---|---|---|---|");
    let total = big_f.prepare + big_f.commit;
    println!(
        "| owed: read alone (detect + parse) | {:.0} | {:.2} | |",
        big_f.rows as f64 / big_f.read,
        big_f.read
    );
    println!(
        "| owed: prepare (detect, parse, dedupe, match) | {:.0} | {:.2} | |",
        big_f.rows as f64 / big_f.prepare,
        big_f.prepare
    );
    println!(
        "| owed: commit ({} payments posted) | {:.0} | {:.2} | |",
        big_f.matched,
        big_f.rows as f64 / big_f.commit,
        big_f.commit
    );
    println!(
        "| owed: prepare + commit | {:.0} | {:.2} | {:.0} MB ({:.0} MB at {} rows) |",
        big_f.rows as f64 / total,
        total,
        mb(big_f.peak_kb),
        mb(small_f.peak_kb),
        small_f.rows
    );
    match hledger {
        Some((seconds, peak, version)) => println!(
            "| `hledger import` with a rules file ({version}) | {:.0} | {:.2} | {:.0} MB |",
            rows as f64 / seconds,
            seconds,
            mb(peak)
        ),
        None => println!("| `hledger import` | hledger not installed | | |"),
    }
    println!(
        "| csv parse + SQLite insert, one transaction | {:.0} | {:.2} | {:.0} MB |",
        raw.rows as f64 / raw.prepare,
        raw.prepare,
        mb(raw.peak_kb)
    );
    for f in std::iter::once(&dry_big).chain(dry_huge.as_ref()) {
        println!(
            "| owed: dry run of {} rows (JSON written) | {:.0} | {:.2} | {:.0} MB |",
            f.rows,
            f.rows as f64 / f.prepare,
            f.prepare,
            mb(f.peak_kb)
        );
    }
}
