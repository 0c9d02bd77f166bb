//! A month's statements by email at scale: a demo book of 10,000 customers and 100,000
//! invoices, the first 5,000 with a balance (OWED_BENCH_CUSTOMERS / OWED_BENCH_INVOICES /
//! OWED_BENCH_EMAILS change it) each given a billing email, its October statements written, archived and queued in the outbox
//! (`report::statement::batch` with `email`, as `owed statements --email` and the
//! Statements & letters screen), then the outbox sent to a real SMTP server on
//! 127.0.0.1 (aiosmtpd writing a Maildir) through `mail::send_waiting`, at the most
//! the rate setting allows (10,000 a minute: one each 6 ms at most; at the default 60 a
//! minute, 5,000 take 83 minutes by
//! design). Reports each step's rate and the process's peak memory, and beside it the
//! same messages sent again by Python's smtplib over one connection (nothing composed or
//! stored): what the server itself takes. Needs Python with aiosmtpd (Debian's
//! python3-aiosmtpd); without it, says so and stops.
//! Run with `cargo bench --bench email`.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chrono::NaiveDate;
use owed::demo::{self, DemoOptions};
use owed::domain::printed::{Period, StatementKind};
use owed::report::statement::{self, Request, Selection};
use owed::store::{Access, CustomerUpdate, Store};

#[path = "support/measure.rs"]
mod measure;
use measure::{env_number, peak_memory};

#[allow(dead_code)] // the Maildir reader is the tests'
mod harness {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/smtp/harness.rs"
    ));
}

fn files_in(folder: &Path) -> usize {
    std::fs::read_dir(folder).map(|d| d.count()).unwrap_or(0)
}

fn main() {
    let Some(python) = harness::python() else {
        println!("skipped: no Python with aiosmtpd (apt-get install python3-aiosmtpd)");
        return;
    };
    let customers = env_number("OWED_BENCH_CUSTOMERS", 10_000);
    let invoices = env_number("OWED_BENCH_INVOICES", 100_000);
    let wanted = env_number("OWED_BENCH_EMAILS", 5_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let maildir = dir.path().join("Maildir");
    let server = harness::Server::start(&python, &maildir);

    let path = dir.path().join("bench.owed");
    let mut store = Store::open(&path, Access::Write).expect("a book");
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
        "demo book: {customers} customers, {invoices} invoices in {:.1} s; peak memory (VmHWM) {}",
        started.elapsed().as_secs_f64(),
        peak_memory()
    );

    // The first customers with a balance at October's end, each given an address.
    let date = NaiveDate::from_ymd_opt(2026, 10, 31).expect("a date");
    let codes: Vec<String> = owed::report::customer_list(&store, date)
        .expect("the customer list")
        .into_iter()
        .filter(|c| c.balance.is_positive())
        .take(wanted)
        .map(|c| c.customer.code)
        .collect();
    for code in &codes {
        let update = CustomerUpdate {
            email: Some(format!("ap@{}.example", code.to_lowercase())),
            ..Default::default()
        };
        store.update_customer(code, &update).expect("an address");
    }
    let port = server.port.to_string();
    for (key, value) in [
        ("email.smtp_host", "127.0.0.1"),
        ("email.smtp_port", port.as_str()),
        ("email.tls", "none"),
        ("email.from", "ar@bench.example"),
        ("email.rate_per_minute", "10000"),
    ] {
        store.set_setting(key, value).expect("a setting");
    }

    let request = Request {
        period: Period::parse("2026-10").expect("a month"),
        kind: StatementKind::OpenItem,
        customers: Selection::Codes(codes),
        locale: None,
        archive: true,
        email: true,
    };
    let out = dir.path().join("statements");
    let started = Instant::now();
    let summary =
        statement::batch(&mut store, &request, &out, |_, _| {}).expect("the statement run");
    let queue = started.elapsed().as_secs_f64();
    let queued = summary.emailed.len();
    println!(
        "written, archived and queued: {} statements, {queued} emails in {queue:.2} s: {:.0} a second; peak memory (VmHWM) {}",
        summary.written.len(),
        queued as f64 / queue,
        peak_memory()
    );

    let settings = store.email_settings().expect("the email settings");
    let company = store.company_profile().expect("the company").name;
    let mailer = owed::mail::Mailer::new(&settings, &company, None).expect("a mailer");
    let stop = AtomicBool::new(false);
    let started = Instant::now();
    let report =
        owed::mail::send_waiting(&mut store, &mailer, false, |_| {}, &stop).expect("the send");
    let send = started.elapsed().as_secs_f64();
    let delivered = files_in(&maildir.join("new"));
    println!(
        "owed outbox send: {} sent, {} failed, {} waiting in {send:.2} s: {:.0} emails a second; the server holds {delivered}; peak memory (VmHWM) {}",
        report.sent,
        report.failed,
        report.waiting,
        report.sent as f64 / send,
        peak_memory()
    );
    assert_eq!(report.sent, queued, "every email queued is sent");
    assert_eq!(delivered, queued, "the server has each one once");
    let bytes: u64 = std::fs::read_dir(maildir.join("new"))
        .expect("the Maildir")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "average message {:.1} KB (the PDF attached, base64)",
        bytes as f64 / 1024.0 / delivered.max(1) as f64
    );

    // The yardstick: the same messages, as sent, again to the same server.
    let blast = Command::new(&python)
        .arg(harness::script("blast.py"))
        .arg(&port)
        .arg(&maildir)
        .arg(delivered.to_string())
        .output()
        .expect("blast.py");
    let said = String::from_utf8_lossy(&blast.stdout);
    let mut words = said.split_whitespace();
    let seconds: f64 = words
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or(f64::NAN);
    let count: f64 = words
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or(f64::NAN);
    println!(
        "Python smtplib, the same {count} messages over one connection (nothing composed or stored): {seconds:.2} s: {:.0} a second",
        count / seconds
    );
}
