//! Bank-import matching alone, without reading a file or a book: `Matcher::suggest` over
//! generated rows (default 100,000; `OWED_BENCH_ROWS`) against 10,000 customers
//! (`OWED_BENCH_CUSTOMERS`) with ten open items each, run at a tenth of the rows and at
//! all of them, to show that the time per row does not grow with the file. The names are
//! built from a few dozen words that thousands of customers share (as `benches/import.rs`
//! builds them), one customer in ten has a Chinese name, and the rows name an invoice,
//! name the payer exactly, with a typo or inside Chinese text, or name nobody.
//! Run with `cargo bench --bench matching`.

use std::time::Instant;

use chrono::NaiveDate;
use owed::domain::Money;
use owed::domain::ids::CustomerId;
use owed::import::matching::Matcher;
use owed::store::{MatchBook, MatchItem};
use rust_decimal::Decimal;

#[path = "support/measure.rs"]
mod measure;
use measure::env_number;

const FIRST: [&str; 20] = [
    "Acme", "Blue", "Cedar", "Delta", "Eagle", "Falcon", "Granite", "Harbor", "Iris", "Jade",
    "Kestrel", "Linden", "Maple", "Nova", "Orion", "Pine", "Quartz", "Raven", "Silver", "Tiger",
];
const SECOND: [&str; 25] = [
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
];
const THIRD: [&str; 20] = [
    "North", "South", "East", "West", "Central", "Alpha", "Beta", "Gamma", "Omega", "Prime",
    "United", "Royal", "Pacific", "Atlantic", "Nordic", "Metro", "Urban", "Rural", "Coastal",
    "Summit",
];
const CITY: [&str; 5] = ["上海", "北京", "深圳", "广州", "杭州"];
const TRADE: [&str; 10] = [
    "华安", "宏达", "鑫源", "恒通", "瑞丰", "金盛", "永兴", "天成", "嘉禾", "富康",
];
const LINE: [&str; 5] = ["贸易", "科技", "实业", "电子", "物流"];

fn name(i: usize) -> String {
    if i % 10 == 9 {
        let j = i / 10;
        format!(
            "{}{}{}{}有限公司",
            CITY[j % 5],
            TRADE[(j / 5) % 10],
            LINE[(j / 50) % 5],
            j / 250
        )
    } else {
        format!(
            "{} {} {} Ltd",
            FIRST[i % 20],
            SECOND[(i / 20) % 25],
            THIRD[(i / 500) % 20]
        )
    }
}

fn book(customers: usize) -> MatchBook {
    let due = NaiveDate::from_ymd_opt(2026, 10, 1).expect("date");
    MatchBook {
        customers: (0..customers)
            .map(|i| (CustomerId(i as i64), format!("C{i:05}"), name(i)))
            .collect(),
        items: (0..customers * 10)
            .map(|k| MatchItem {
                customer: CustomerId((k / 10) as i64),
                number: format!("INV-{k:06}"),
                seq: 1,
                due,
                open: Money(Decimal::new(5_000 + (k as i64 * 7_919) % 500_000, 2)),
                discount: None,
            })
            .collect(),
        aliases: Default::default(),
    }
}

/// Row `j`: (text, amount in cents, the paying customer's number).
fn row(j: usize, customers: usize) -> (String, i64, usize) {
    // Every kind of row meets every kind of name (one in ten Chinese).
    let i = (j / 5 * 7_919) % customers;
    let k = i * 10 + j % 10;
    let open = 5_000 + (k as i64 * 7_919) % 500_000;
    let payer = name(i);
    let (text, cents) = match j % 5 {
        0 => (format!("SEPA CREDIT INV-{k:06} {payer}"), open),
        1 => (format!("Transfer from {}", payer.to_uppercase()), open),
        2 => {
            // One letter of the payer's name dropped.
            let mut typo: Vec<char> = payer.chars().collect();
            typo.remove(typo.len() / 2);
            (
                format!("PAYMENT {}", typo.into_iter().collect::<String>()),
                open,
            )
        }
        3 => (format!("转账 {payer}货款"), open),
        _ => (format!("Interest {}", j % 100), 1 + (j as i64 % 999)),
    };
    (text, cents, i)
}

fn main() {
    let rows = env_number("OWED_BENCH_ROWS", 100_000);
    let customers = env_number("OWED_BENCH_CUSTOMERS", 10_000).max(1);
    let started = Instant::now();
    let matcher = Matcher::new(book(customers));
    println!(
        "matching benchmark: {customers} customers, {} open items; index built in {:.2?}",
        customers * 10,
        started.elapsed()
    );
    let date = NaiveDate::from_ymd_opt(2026, 10, 5).expect("date");
    let mut per_row = Vec::new();
    for n in [(rows / 10).max(1), rows] {
        let texts: Vec<(String, i64, usize)> = (0..n).map(|j| row(j, customers)).collect();
        let started = Instant::now();
        let mut suggested = 0;
        let mut sure = 0;
        let mut by_kind = [0.0f64; 5];
        // Per kind: the payer suggested, and at 90 % or more.
        let mut right = [(0, 0); 5];
        for (j, (text, cents, payer)) in texts.iter().enumerate() {
            let amount = Money(Decimal::new(*cents, 2));
            let one = Instant::now();
            let found = matcher.suggest(date, amount, &[text.as_str()], &[]);
            by_kind[j % 5] += one.elapsed().as_secs_f64();
            if let Some(s) = found {
                suggested += 1;
                sure += usize::from(s.confidence >= 0.9);
                if s.customer == CustomerId(*payer as i64) {
                    right[j % 5].0 += 1;
                    right[j % 5].1 += usize::from(s.confidence >= 0.9);
                }
            }
        }
        let seconds = started.elapsed().as_secs_f64();
        per_row.push(seconds / n as f64);
        println!(
            "{n} rows: {seconds:.2} s ({:.0} rows/s), {suggested} suggested, {sure} at 90 % or more",
            n as f64 / seconds
        );
        let kinds = [
            "invoice number",
            "exact name",
            "name with a typo",
            "Chinese name",
            "no name",
        ];
        for ((kind, spent), (payer, sure)) in kinds.iter().zip(by_kind).zip(right) {
            println!(
                "  {kind}: {:.0} µs a row; the payer suggested {payer} times ({sure} at 90 % or more)",
                spent * 1e6 / (n as f64 / 5.0)
            );
        }
    }
    println!(
        "time per row at {rows} rows ÷ at {}: {:.2}",
        (rows / 10).max(1),
        per_row[1] / per_row[0]
    );
}
