//! The book at scale: builds a demo book (default 10,000 customers and 1,000,000
//! invoices; set OWED_BENCH_CUSTOMERS / OWED_BENCH_INVOICES for another size) and times
//! what a user waits for: building it, aging as of a date, one customer's ledger, the
//! customer list, the worklist and the letters due (the bar: under 1 s each on the full
//! book), the analytics and their trend and the cash forecast (under 2 s), the Today
//! screen's view() (under 8 ms), the Dashboard's data (under 2 s, on a worker) and its
//! view() (under 8 ms) — in-process and through the real `owed` binary, whose peak
//! memory it also reads (among them `aging --detail`, the overview and a statement run
//! for every customer, as a preview). Run with `cargo bench --bench book`.
//! OWED_BENCH_BOOK=FILE keeps the book in FILE (and reuses it when FILE already exists,
//! skipping the build), so a person can open the same book in the app afterwards.

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Months, NaiveDate};
use owed::demo::{self, DemoOptions};
use owed::domain::aging::{Basis, Buckets};
use owed::report::{self, AgingOptions};
use owed::store::{Access, Store};

#[path = "support/measure.rs"]
mod measure;
use measure::env_number;

/// The best of `runs` timings: what the machine can do when nothing else interferes.
fn best<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        let out = work();
        best = best.min(started.elapsed());
        last = Some(out);
    }
    (best, last.expect("at least one run"))
}

/// Median of `runs` timings of `work`.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Runs the binary and returns (wall time, peak memory line).
fn run_binary(book: &std::path::Path, args: &[&str]) -> (Duration, String) {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_owed"))
        .arg("--book")
        .arg(book)
        .args(args)
        .env("OWED_REPORT_PEAK_MEMORY", "1")
        .output()
        .expect("run owed");
    let elapsed = started.elapsed();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak memory: "))
        .unwrap_or("?")
        .to_string();
    (elapsed, peak)
}

fn main() {
    // `cargo bench` passes --bench; nothing else to parse.
    let customers = env_number("OWED_BENCH_CUSTOMERS", 10_000);
    let invoices = env_number("OWED_BENCH_INVOICES", 1_000_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let dir = tempfile::tempdir().expect("temp dir");
    let kept = std::env::var_os("OWED_BENCH_BOOK").map(std::path::PathBuf::from);
    let path = kept
        .clone()
        .unwrap_or_else(|| dir.path().join("bench.owed"));
    let reuse = kept.is_some() && path.exists();

    println!("owed benchmark: {customers} customers, {invoices} invoices, today {today}");
    let started = Instant::now();
    if reuse {
        println!("reusing the book in {} (OWED_BENCH_BOOK)", path.display());
    } else {
        let mut store = Store::open(&path, Access::Write).expect("book");
        let options = DemoOptions {
            customers,
            invoices,
            seed: 1,
            today,
        };
        demo::generate(&mut store, &options, &mut |_, _| {}).expect("demo");
    }
    let build = started.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("build the book:                 {:>10.2?}", build);
    println!(
        "book size on disk:              {:>10.1} MB",
        size as f64 / 1_000_000.0
    );

    let store = Store::open(&path, Access::Read).expect("open");
    let (customers_n, documents) = store.counts().expect("counts");
    println!("documents:                      {documents:>10} for {customers_n} customers");
    for (label, as_of) in [("today", today), ("a year ago", today - Months::new(12))] {
        let options = AgingOptions {
            as_of,
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: false,
        };
        let (time, aging) = best(3, || report::aging(&store, &options).expect("aging"));
        println!(
            "aging as of {label:<10} (lib):    {:>10.2?}  ({} customers owing {})",
            time,
            aging.report.rows.len(),
            store.currency().display(aging.report.totals.balance)
        );
    }
    let list = report::customer_list(&store, today).expect("list");
    let biggest = list
        .iter()
        .max_by_key(|s| {
            store
                .ledger_documents(s.customer.id)
                .map(|d| d.len())
                .unwrap_or(0)
        })
        .map(|s| s.customer.code.clone())
        .expect("a customer");
    let (time, (_, ledger)) = best(5, || {
        report::customer_ledger(&store, &biggest, None, None).expect("ledger")
    });
    println!(
        "ledger of {biggest} ({} entries):  {:>10.2?}",
        ledger.entries.len(),
        time
    );
    let (time, list) = best(3, || report::customer_list(&store, today).expect("list"));
    println!(
        "customer list (lib):            {:>10.2?}  ({} customers)",
        time,
        list.len()
    );
    let (time, work) = best(3, || {
        report::worklist::worklist(&store, today).expect("worklist")
    });
    println!(
        "worklist (lib):                 {:>10.2?}  ({} rows)",
        time,
        work.items.len()
    );
    let (time, run) = best(3, || {
        report::letters::letter_run(&store, today).expect("letter run")
    });
    println!(
        "letters due, dry run (lib):     {:>10.2?}  ({} due, {} held)",
        time,
        run.due.len(),
        run.held.len()
    );
    let options = report::analytics::AnalyticsOptions {
        as_of: today,
        period_days: 90,
    };
    let (time, figures) = best(3, || {
        report::analytics::analytics(&store, &options).expect("analytics")
    });
    println!(
        "analytics, 90 days (lib):       {:>10.2?}  (DSO {}, CEI {})",
        time,
        figures
            .period
            .figures
            .dso
            .map_or("n/a".into(), |v| v.to_string()),
        figures
            .period
            .figures
            .cei
            .map_or("n/a".into(), |v| v.to_string())
    );
    let (time, months) = best(3, || {
        report::analytics::trend(&store, &options).expect("trend")
    });
    println!(
        "analytics trend (lib):          {:>10.2?}  ({} months)",
        time,
        months.len()
    );
    let forecast_options = |as_of| report::forecast::ForecastOptions { as_of, weeks: 13 };
    let (time, outlook) = best(3, || {
        report::forecast::forecast(&store, &forecast_options(today)).expect("forecast")
    });
    let (back_time, back) = best(3, || {
        report::forecast::backtest(&store, &forecast_options(today - Months::new(6)))
            .expect("backtest")
    });
    println!(
        "cash forecast, 13 weeks (lib):  {:>10.2?}  (total {}; backtest from 6 months back {:.2?}, weekly error {} %)",
        time,
        store.currency().display(outlook.total),
        back_time,
        back.weekly_mape.map_or("n/a".into(), |v| v.to_string())
    );
    drop(store);

    // The Today screen on this book: its view() is built on every frame.
    {
        let store = Store::open(&path, Access::Write).expect("open");
        let started = Instant::now();
        let (mut app, task) = owed::ui::App::with_store(store, today);
        owed::ui::headless::settle(&mut app, task);
        let loaded = started.elapsed();
        let rows = app.open_book().expect("open").today.lines.len();
        let view = median(31, || drop(app.view()));
        println!(
            "Today screen ({rows} lines):      view() {view:>10.2?}  (every screen loaded in {loaded:.2?})"
        );

        // The Dashboard: its figures load when it is first shown; then view() each frame.
        let started = Instant::now();
        let task = app.update(owed::ui::Message::Show(owed::ui::Tab::Dashboard));
        owed::ui::headless::settle(&mut app, task);
        let loaded = started.elapsed();
        let dashboard = &app.open_book().expect("open").dashboard;
        assert!(dashboard.data().is_some(), "{:?}", dashboard.error());
        let view = median(31, || drop(app.view()));
        println!(
            "Dashboard screen:              view() {view:>10.2?}  (its data loaded in {loaded:.2?})"
        );
    }

    let (time, peak) = run_binary(
        &path,
        &["aging", "--as-of", "2026-11-23", "--format", "json"],
    );
    println!("`owed aging --format json`:     {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(&path, &["customer", "list", "--format", "json"]);
    println!("`owed customer list`:           {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(&path, &["ledger", &biggest, "--format", "json"]);
    println!("`owed ledger {biggest}`:         {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(
        &path,
        &["worklist", "--date", "2026-11-23", "--format", "json"],
    );
    println!("`owed worklist --format json`:  {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(
        &path,
        &[
            "letters",
            "--due",
            "--date",
            "2026-11-23",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    println!("`owed letters --due --dry-run`: {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(
        &path,
        &["analytics", "--as-of", "2026-11-23", "--format", "json"],
    );
    println!("`owed analytics --format json`: {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(
        &path,
        &[
            "analytics",
            "--as-of",
            "2026-11-23",
            "--trend",
            "--format",
            "json",
        ],
    );
    println!("`owed analytics --trend`:       {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(
        &path,
        &["forecast", "--as-of", "2026-11-23", "--format", "json"],
    );
    println!("`owed forecast --format json`:  {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(
        &path,
        &["risk", "--as-of", "2026-11-23", "--format", "json"],
    );
    println!("`owed risk --format json`:      {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(
        &path,
        &[
            "aging",
            "--as-of",
            "2026-11-23",
            "--detail",
            "--format",
            "json",
        ],
    );
    println!("`owed aging --detail --format json`: {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(&path, &["note", "list", "--due", "--format", "json"]);
    println!("`owed note list --due`:         {time:>10.2?}  peak memory {peak}");
    let (time, peak) = run_binary(&path, &["overview"]);
    println!("`owed overview`:                {time:>10.2?}  peak memory {peak}");
    // Every customer's statement and the combined file, as a preview so the kept book
    // is not written to (the archive adds one transaction at the end).
    let out = dir.path().join("statements");
    let out_arg = out.to_str().expect("a UTF-8 path");
    let (time, peak) = run_binary(
        &path,
        &[
            "statements",
            "--period",
            "2026-10",
            "--out",
            out_arg,
            "--preview",
        ],
    );
    let written = std::fs::read_dir(&out)
        .map(|entries| entries.count().saturating_sub(1))
        .unwrap_or(0);
    println!(
        "`owed statements --preview`:    {time:>10.2?}  peak memory {peak}, {written} statements, {:.0}/s",
        written as f64 / time.as_secs_f64()
    );
    let (time, _) = run_binary(&path, &["check"]);
    println!("`owed check`:                   {time:>10.2?}");
}
