//! Statement runs at scale: builds a demo book of 10,000 customers (set
//! OWED_BENCH_CUSTOMERS / OWED_BENCH_INVOICES for another size), then renders 1,000
//! open-item statements (for the first 1,000 customers with a balance) through the same `report::statement::batch` the command and the
//! screen call (preview: nothing archived), and reports statements per second and the
//! process's peak memory (VmHWM). Target: at least 200 statements a second in release.
//! Run with `cargo bench --bench statements`.

use std::time::Instant;

use chrono::NaiveDate;
use owed::demo::{self, DemoOptions};
use owed::domain::printed::{Period, StatementKind};
use owed::report::statement::{self, Request, Selection};
use owed::store::{BookSettings, Store};

#[path = "support/measure.rs"]
mod measure;
use measure::{env_number, peak_memory};

fn main() {
    let customers = env_number("OWED_BENCH_CUSTOMERS", 10_000);
    let invoices = env_number("OWED_BENCH_INVOICES", 100_000);
    let statements = env_number("OWED_BENCH_STATEMENTS", 1_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open_in_memory(&BookSettings::default()).expect("a book");
    let started = Instant::now();
    demo::generate(
        &mut store,
        &DemoOptions {
            customers,
            invoices,
            seed: 1,
            today,
        },
        &mut |_, _| {},
    )
    .expect("the demo book");
    println!(
        "demo book: {customers} customers, {invoices} invoices in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // The first customers with a balance at the statement date, so every one of them
    // gets a statement.
    let date = NaiveDate::from_ymd_opt(2026, 10, 31).expect("a date");
    let codes: Vec<String> = owed::report::customer_list(&store, date)
        .expect("the customer list")
        .into_iter()
        .filter(|c| c.balance.is_positive())
        .take(statements)
        .map(|c| c.customer.code)
        .collect();
    let request = Request {
        period: Period::parse("2026-10").expect("a month"),
        kind: StatementKind::OpenItem,
        customers: Selection::Codes(codes),
        locale: None,
        archive: false,
        email: false,
    };
    let started = Instant::now();
    let summary =
        statement::batch(&mut store, &request, dir.path(), |_, _| {}).expect("the statement run");
    let seconds = started.elapsed().as_secs_f64();
    let done = summary.written.len() + summary.skipped;
    let bytes: u64 = summary
        .written
        .iter()
        .filter_map(|(_, p)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{done} customers with a balance: {} statements (+ the combined file of all of them), {} skipped, in {seconds:.2} s: {:.0} statements/s",
        summary.written.len(),
        summary.skipped,
        summary.written.len() as f64 / seconds
    );
    println!(
        "average statement {:.1} KB; peak memory (VmHWM) {}",
        bytes as f64 / 1024.0 / summary.written.len().max(1) as f64,
        peak_memory()
    );
}
