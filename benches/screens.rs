//! How long the screens take to build their `view()` at scale: the customers screen with
//! 10,000 customers and the ledger screen on a customer with 100,000 documents (target:
//! under 8 ms each, so scrolling and typing never drop a frame). Also times `view()`
//! plus layout, which iced does next, through the headless simulator.
//! Run with `cargo bench --bench screens` (OWED_BENCH_CUSTOMERS / OWED_BENCH_LEDGER_ROWS
//! for other sizes).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use owed::demo::{self, DemoOptions};
use owed::domain::allocation::Apply;
use owed::domain::customer::CustomerDraft;
use owed::domain::document::DocKind;
use owed::domain::terms::Plan;
use owed::store::{BookSettings, NewCredit, NewDebit, Store};
use owed::ui::{App, Message, customers, headless};

#[path = "support/measure.rs"]
mod measure;
use measure::env_number;

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

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let customers = env_number("OWED_BENCH_CUSTOMERS", 10_000);
    let ledger_rows = env_number("OWED_BENCH_LEDGER_ROWS", 100_000);
    let today: NaiveDate = "2026-11-23".parse().expect("date");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("screens.owed");
    let mut store = Store::init(&path, &BookSettings::default()).expect("book");

    let started = Instant::now();
    demo::generate(
        &mut store,
        &DemoOptions {
            customers,
            invoices: customers * 3,
            seed: 7,
            today,
        },
        &mut |_, _| {},
    )
    .expect("demo");
    // One customer with a long history: invoices and the payments that settle them.
    let usd = store.currency().clone();
    store
        .batch(|batch| {
            batch.add_customer(&CustomerDraft {
                code: "BIG".into(),
                name: "Long History Wholesale 长期客户".into(),
                ..Default::default()
            })?;
            let first: NaiveDate = "2000-01-01".parse().expect("date");
            for i in 0..ledger_rows / 2 {
                let date = first + chrono::Days::new((i / 6) as u64);
                batch.post_debit(&NewDebit {
                    customer: "BIG".into(),
                    kind: DocKind::Invoice,
                    number: Some(format!("BIG-{i:06}")),
                    date,
                    amount: usd.from_minor(10_000 + (i as i64 % 997) * 13),
                    terms: None,
                    due: None,
                    plan: Plan::Single,
                    reference: None,
                    memo: Some("bench".into()),
                })?;
                batch.post_credit(&NewCredit {
                    customer: "BIG".into(),
                    kind: DocKind::Payment,
                    number: Some(format!("BIGP-{i:06}")),
                    date,
                    amount: usd.from_minor(10_000 + (i as i64 % 997) * 13),
                    reference: None,
                    memo: None,
                    apply: Apply::OldestFirst,
                })?;
            }
            Ok(())
        })
        .expect("long ledger");
    println!(
        "book: {customers} customers + one with {ledger_rows} documents, built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    drop(store);

    let store = Store::open(&path, owed::store::Access::Write).expect("open");
    let (mut app, task) = App::with_store(store, today);
    let started = Instant::now();
    headless::settle(&mut app, task);
    println!(
        "screens loaded (customers, aging, notes) in {}",
        ms(started.elapsed())
    );

    // The book opens on Today; this times the customers screen.
    headless::send(&mut app, Message::Show(owed::ui::Tab::Customers));
    let rows = app.open_book().expect("open").customers.rows().len();
    let view = median(31, || drop(app.view()));
    let layout = median(11, || drop(iced_test::simulator(app.view())));
    println!(
        "customers screen, {rows} customers: view() {}, view()+layout {}",
        ms(view),
        ms(layout)
    );

    let search = |app: &mut App, text: &str| {
        headless::send(
            app,
            Message::Customers(customers::Message::Search(text.into())),
        )
    };
    let typing = median(11, || search(&mut app, "partners"));
    println!(
        "customers screen: filter {rows} customers on a keystroke: {}",
        ms(typing)
    );
    search(&mut app, "");

    let index = app
        .open_book()
        .expect("open")
        .customers
        .rows()
        .iter()
        .position(|r| r.code == "BIG")
        .expect("BIG");
    let started = Instant::now();
    headless::send(
        &mut app,
        Message::Customers(customers::Message::Open(index)),
    );
    let loaded = started.elapsed();
    let lines = app
        .open_book()
        .expect("open")
        .ledger
        .data()
        .expect("loaded")
        .lines
        .len();
    let view = median(31, || drop(app.view()));
    let layout = median(11, || drop(iced_test::simulator(app.view())));
    println!(
        "ledger screen, {lines} rows: loaded in {}, view() {}, view()+layout {}",
        ms(loaded),
        ms(view),
        ms(layout)
    );
}
