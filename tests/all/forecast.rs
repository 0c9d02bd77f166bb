//! `owed forecast`: a small book worked by hand through the library (disputes left out,
//! credit netted, a promise in place of what it covers, a voided invoice never owed),
//! the published JSON of the forecast and the backtest through the binary, refused
//! input, a backtest that nothing dated after its day changes, the items as of a day
//! agreeing with the aging and the demo's goal; the properties on random books are in
//! `forecast/properties.rs`.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use owed::demo::{DemoOptions, generate};
use owed::domain::Money;
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::note::{Channel, Direction, NoteDraft, Promise, PromisePart};
use owed::domain::terms::{Plan, Terms};
use owed::report::forecast::{Backtest, ForecastOptions, backtest, forecast};
use owed::store::{AgingInput, BookSettings, NewDispute, Store, VoidRequest};
use serde_json::Value;

use crate::common::bin::{json, owed, run};
use crate::common::helpers::{book, credit, customer, d, invoice, m};

mod properties;

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

fn set(names: &[&'static str]) -> BTreeSet<&'static str> {
    names.iter().copied().collect()
}

fn plus(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date + Days::new(days as u64)
    } else {
        date - Days::new(days.unsigned_abs())
    }
}

fn net30(store: &mut Store, code: &str, number: &str, date: NaiveDate, amount: &str) {
    let mut debit = invoice(
        code,
        number,
        "2026-01-01",
        m(store, amount),
        Terms::Net(30),
        Plan::Single,
    );
    debit.date = date;
    store.post_debit(&debit).unwrap();
}

fn pay(store: &mut Store, code: &str, number: &str, date: NaiveDate, amount: &str, apply: Apply) {
    let mut new = credit(
        code,
        DocKind::Payment,
        number,
        "2026-01-01",
        m(store, amount),
        apply,
    );
    new.date = date;
    store.post_credit(&new).unwrap();
}

fn promise_note(code: &str, parts: Vec<PromisePart>) -> NoteDraft {
    NoteDraft {
        customer_code: code.into(),
        invoice_number: None,
        channel: Channel::Call,
        direction: Direction::In,
        summary: "will pay".into(),
        outcome: None,
        promise: Some(Promise::new(parts).unwrap()),
        follow_up: None,
    }
}

/// As of today (T), so the dispute opened now is in force. A paid three invoices ten
/// days late (its habit); B paid one 30 days late (too little history: the book's habit,
/// {10 days: 300.00, 30 days: 50.00}). Nothing ever went overdue uncollected.
///
/// - A4 300.00 due T+10: A's 10 days, T+20: week 3 (T+15..T+21).
/// - A5 200.00 in dispute: left out.
/// - A6 150.00 due T−10: A never paid 11+ days late; the book's 30 days: T+20, week 3.
/// - A7 200.00 voided: never owed.
/// - B2 80.00 due T−15, less B's 20.00 on account (60.00), less the 25.00 B promised for
///   T+2 (week 1): 35.00 by the book's 30 days, T+15: week 3.
///
/// Week 1: 25.00 promised; week 3: 300 + 150 + 35 = 485.00 expected; total 510.00 of the
/// 730.00 open (200.00 in dispute, 20.00 credit).
#[test]
fn a_small_book_worked_by_hand() {
    let today = chrono::Local::now().date_naive();
    let t = |days: i64| plus(today, days);
    let mut store = book();
    customer(&mut store, "A");
    customer(&mut store, "B");
    for (n, day) in [(1, -120), (2, -90), (3, -60)] {
        net30(&mut store, "A", &format!("A{n}"), t(day), "100.00");
        pay(
            &mut store,
            "A",
            &format!("PA{n}"),
            t(day + 40),
            "100.00",
            Apply::OldestFirst,
        );
    }
    net30(&mut store, "A", "A4", t(-20), "300.00");
    net30(&mut store, "A", "A5", t(-25), "200.00");
    net30(&mut store, "A", "A6", t(-40), "150.00");
    net30(&mut store, "A", "A7", t(-30), "200.00");
    store
        .void(&VoidRequest {
            number: "A7".into(),
            date: Some(t(-29)),
            reason: Some("raised twice".into()),
        })
        .unwrap();
    store
        .open_dispute(&NewDispute {
            invoice: "A5".into(),
            item: None,
            reason: "goods damaged".into(),
        })
        .unwrap();
    net30(&mut store, "B", "B1", t(-100), "50.00");
    pay(&mut store, "B", "PB1", t(-40), "50.00", Apply::OldestFirst);
    net30(&mut store, "B", "B2", t(-45), "80.00");
    pay(&mut store, "B", "PB2", t(-5), "20.00", Apply::Unapplied);
    let part = PromisePart {
        date: t(2),
        amount: m(&store, "25.00"),
    };
    store
        .batch(|b| {
            b.add_note(
                &promise_note("B", vec![part]),
                &format!("{}T09:00:00+00:00", t(-3)),
            )
        })
        .unwrap();

    let report = forecast(
        &store,
        &ForecastOptions {
            as_of: today,
            weeks: 4,
        },
    )
    .unwrap();
    let c = store.currency();
    let weeks: Vec<(String, String)> = report
        .weeks
        .iter()
        .map(|w| (c.plain(w.expected), c.plain(w.promised)))
        .collect();
    let zero = || ("0.00".to_string(), "0.00".to_string());
    assert_eq!(
        weeks,
        [
            ("0.00".into(), "25.00".into()),
            zero(),
            ("485.00".into(), "0.00".into()),
            zero()
        ]
    );
    assert_eq!(report.weeks[0].start, t(1));
    assert_eq!(report.weeks[2].start, t(15));
    assert_eq!(c.plain(report.total), "510.00");
    assert_eq!(c.plain(report.open), "730.00");
    assert_eq!(c.plain(report.disputed), "200.00");
    assert_eq!(c.plain(report.credit), "20.00");
    assert_eq!(c.plain(report.collectible), "510.00");
    for w in &report.weeks {
        assert!(w.low <= w.expected + w.promised && w.expected + w.promised <= w.high);
    }
}

/// A customer's newer promise replaces its older one, whatever their dates: a promise of
/// 60.00 for T+5 logged on T−10, then one of 30.00 for T−2 logged on T−5 and broken (not
/// paid). The latest word is a broken promise: nothing is promised, and the 100.00 owed
/// is expected by the book's habit instead.
#[test]
fn a_newer_promise_replaces_an_older_one() {
    let today = chrono::Local::now().date_naive();
    let t = |days: i64| plus(today, days);
    let mut store = book();
    customer(&mut store, "A");
    net30(&mut store, "A", "A1", t(-60), "100.00");
    for (logged, date, amount) in [(-10, 5, "60.00"), (-5, -2, "30.00")] {
        let part = PromisePart {
            date: t(date),
            amount: m(&store, amount),
        };
        let at = format!("{}T09:00:00+00:00", t(logged));
        store
            .batch(|b| b.add_note(&promise_note("A", vec![part]), &at))
            .unwrap();
    }
    let report = forecast(
        &store,
        &ForecastOptions {
            as_of: today,
            weeks: 2,
        },
    )
    .unwrap();
    assert!(report.weeks.iter().all(|w| w.promised.is_zero()));
    // Nothing settled in the book: 30 days overdue, later than anything seen paid, so
    // expected now.
    assert_eq!(store.currency().plain(report.weeks[0].expected), "100.00");
}

/// A book on disk with a little history, for the binary.
fn book_on_disk(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("forecast.owed");
    let mut store = Store::init(&path, &BookSettings::default()).unwrap();
    customer(&mut store, "C1");
    for (n, day) in [(1, "2026-01-05"), (2, "2026-02-05"), (3, "2026-03-05")] {
        let date = d(day);
        net30(&mut store, "C1", &format!("I{n}"), date, "120.00");
        pay(
            &mut store,
            "C1",
            &format!("P{n}"),
            plus(date, 37),
            "120.00",
            Apply::OldestFirst,
        );
    }
    net30(&mut store, "C1", "I4", d("2026-04-20"), "333.33");
    pay(
        &mut store,
        "C1",
        "P4",
        d("2026-05-28"),
        "333.33",
        Apply::OldestFirst,
    );
    path
}

#[test]
fn the_binary_prints_the_published_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_on_disk(&dir);
    let out = json(
        &path,
        &["forecast", "--as-of", "2026-04-30", "--format", "json"],
    );
    assert_eq!(keys(&out), set(&["as_of", "weeks", "total"]));
    assert_eq!(out["as_of"], "2026-04-30");
    let weeks = out["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 13);
    assert_eq!(weeks[0]["start"], "2026-05-01");
    assert_eq!(weeks[0]["end"], "2026-05-07");
    assert_eq!(weeks[12]["end"], "2026-07-30");
    let mut total = Money::ZERO;
    for week in weeks {
        assert_eq!(
            keys(week),
            set(&["start", "end", "expected", "promised", "low", "high"])
        );
        let amount = |key: &str| -> Money {
            let text = week[key].as_str().unwrap();
            assert!(text.split_once('.').unwrap().1.len() == 2, "{text}");
            Money(text.parse().unwrap())
        };
        let cash = amount("expected") + amount("promised");
        assert!(amount("low") <= cash && cash <= amount("high"));
        total += cash;
    }
    // I4 (due 05-20) by C1's 7 days late: 05-27, week 4; the week's amount is exact.
    assert_eq!(weeks[3]["expected"], "333.33");
    assert_eq!(out["total"], "333.33");
    assert_eq!(
        Money(out["total"].as_str().unwrap().parse().unwrap()),
        total
    );

    let four = json(
        &path,
        &[
            "forecast",
            "--as-of",
            "2026-04-30",
            "--weeks",
            "4",
            "--format",
            "json",
        ],
    );
    assert_eq!(four["weeks"].as_array().unwrap().len(), 4);

    let back = json(
        &path,
        &[
            "forecast",
            "--backtest",
            "--as-of",
            "2026-04-30",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        keys(&back),
        set(&["forecast_total", "actual_total", "weeks", "weekly_mape"])
    );
    let weeks = back["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 13);
    for week in weeks {
        assert_eq!(keys(week), set(&["start", "forecast", "actual"]));
    }
    // Forecast for 05-27 (week 4), paid 05-28 (week 4): no error in the one week paid.
    assert_eq!(weeks[3]["actual"], "333.33");
    assert_eq!(back["forecast_total"], "333.33");
    assert_eq!(back["actual_total"], "333.33");
    assert_eq!(back["weekly_mape"], "0.0");

    // Tables for people: a row per week and the totals under a rule.
    let table = owed(&path, &["forecast", "--as-of", "2026-04-30"]);
    assert!(table.contains("Cash forecast as of 2026-04-30"), "{table}");
    let total_line = table.lines().find(|l| l.starts_with("total")).unwrap();
    assert!(total_line.ends_with("333.33"), "{total_line}");
    let back = owed(&path, &["forecast", "--backtest", "--as-of", "2026-04-30"]);
    assert!(
        back.contains("Weekly error") && back.contains("0.0 %"),
        "{back}"
    );
}

#[test]
fn bad_input_is_one_line_naming_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_on_disk(&dir);
    let (ok, _, err) = run(&path, &["forecast", "--as-of", "2026-02-30"]);
    assert!(!ok && err.starts_with("owed: --as-of:"), "{err}");
    let (ok, _, err) = run(&path, &["forecast", "--weeks", "0"]);
    assert!(!ok && err.contains("--weeks"), "{err}");
    let (ok, _, err) = run(&path, &["forecast", "--backtest"]);
    assert!(!ok && err.contains("--as-of"), "{err}");
    // The weeks after the day have not all passed: nothing to compare with yet.
    let today = chrono::Local::now().date_naive();
    let recent = plus(today, -30).to_string();
    let (ok, _, err) = run(&path, &["forecast", "--backtest", "--as-of", &recent]);
    assert!(!ok && err.starts_with("owed: --as-of:"), "{err}");
    let latest = format!("choose {} or earlier", plus(today, -91));
    assert!(err.contains(&latest), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);
}

fn demo_book(seed: u64, today: NaiveDate) -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    generate(
        &mut store,
        &DemoOptions {
            customers: 30,
            invoices: 800,
            seed,
            today,
        },
        &mut |_, _| {},
    )
    .unwrap();
    store
}

fn run_backtest(store: &Store, as_of: NaiveDate) -> Backtest {
    backtest(store, &ForecastOptions { as_of, weeks: 13 }).unwrap()
}

/// The demo book (made up to 2026-05-01), backtested from 2026-01-15: its 13 weeks end
/// on 2026-04-16. Then things dated after the window are added — invoices, a payment, a
/// credit note, a write-off, a void of a payment made before the day, a promise logged
/// later, a dispute (opened now) — and the whole backtest is the same. A payment dated
/// inside the window changes what was received, never the forecast.
#[test]
fn the_backtest_uses_nothing_dated_after_its_day() {
    let mut store = demo_book(5, d("2026-05-01"));
    let as_of = d("2026-01-15");
    let before = run_backtest(&store, as_of);
    assert!(before.forecast_total.is_positive() && before.actual_total.is_positive());
    // A customer with something open on the day, and one of its invoices open then.
    let mut open_then = None;
    store
        .open_items_as_of(as_of, AgingInput::Fast, true, |row| {
            if open_then.is_none() && row.number.starts_with("INV") {
                open_then = Some((row.customer_id, row.number.clone()));
            }
        })
        .unwrap();
    let (customer_id, number) = open_then.unwrap();
    let code = store
        .customers()
        .unwrap()
        .into_iter()
        .find(|c| c.id == customer_id)
        .unwrap()
        .code;
    let early_payment = {
        let mut found = None;
        store
            .documents(|doc| {
                if found.is_none()
                    && doc.kind == DocKind::Payment
                    && doc.date < as_of
                    && doc.voided_by.is_none()
                {
                    found = Some(doc.number.clone());
                }
            })
            .unwrap();
        found.unwrap()
    };
    let after = d("2026-04-20");
    net30(&mut store, &code, "LATER-1", d("2026-01-20"), "999.00");
    net30(&mut store, &code, "LATER-2", after, "50.00");
    pay(
        &mut store,
        &code,
        "LATER-PAY",
        after,
        "500.00",
        Apply::OldestFirst,
    );
    let mut note = credit(
        &code,
        DocKind::Credit,
        "LATER-CN",
        "2026-04-21",
        m(&store, "10.00"),
        Apply::OldestFirst,
    );
    note.memo = Some("later".into());
    store.post_credit(&note).unwrap();
    let writeoff = credit(
        &code,
        DocKind::WriteOff,
        "LATER-WO",
        "2026-04-22",
        m(&store, "5.00"),
        Apply::OldestFirst,
    );
    store.post_credit(&writeoff).unwrap();
    store
        .void(&VoidRequest {
            number: early_payment,
            date: Some(d("2026-04-23")),
            reason: Some("bounced".into()),
        })
        .unwrap();
    let parts = vec![PromisePart {
        date: d("2026-01-20"),
        amount: m(&store, "300.00"),
    }];
    store
        .batch(|b| b.add_note(&promise_note(&code, parts), "2026-01-16T10:00:00+00:00"))
        .unwrap();
    store
        .open_dispute(&NewDispute {
            invoice: number.clone(),
            item: None,
            reason: "wrong price".into(),
        })
        .unwrap();
    let again = run_backtest(&store, as_of);
    assert_eq!(before, again);

    // Money received inside the window for an invoice open then (and still open now):
    // received, not forecast.
    let mut open_now = BTreeSet::new();
    store
        .open_items_as_of(d("2026-05-01"), AgingInput::Fast, true, |row| {
            open_now.insert(row.number);
        })
        .unwrap();
    let mut still_open = None;
    store
        .open_items_as_of(as_of, AgingInput::Fast, true, |row| {
            if still_open.is_none()
                && row.number.starts_with("INV")
                && open_now.contains(&row.number)
            {
                still_open = Some((row.customer_id, row.number));
            }
        })
        .unwrap();
    let (customer_id, number) = still_open.unwrap();
    let code = store
        .customers()
        .unwrap()
        .into_iter()
        .find(|c| c.id == customer_id)
        .unwrap()
        .code;
    pay(
        &mut store,
        &code,
        "IN-WINDOW",
        d("2026-02-02"),
        "1.00",
        Apply::Explicit(vec![(number, None)]),
    );
    let paid = run_backtest(&store, as_of);
    assert_eq!(paid.forecast, before.forecast);
    assert_eq!(paid.actual_total, before.actual_total + m(&store, "1.00"));
}

/// What the forecast reads as open on a day is what the aging reads, to the cent, on days
/// with allocations, voids and settlements after them.
#[test]
fn items_as_of_a_day_agree_with_the_aging() {
    let store = demo_book(6, d("2026-05-01"));
    let currency = store.currency().clone();
    for day in [
        "2025-03-01",
        "2025-09-30",
        "2026-01-15",
        "2026-04-01",
        "2026-05-01",
    ] {
        let day = d(day);
        let mut aging = 0;
        store
            .open_items_as_of(day, AgingInput::Full, false, |row| {
                aging += currency.to_minor(row.open)
            })
            .unwrap();
        let from = plus(day, -364);
        let mut items = Vec::new();
        store.items_as_of(day, from, |i| items.push(i)).unwrap();
        let open: i64 = items.iter().map(|i| i.open).sum();
        assert_eq!(open, aging, "{day}");
        assert!(
            items
                .iter()
                .all(|i| i.settled.is_none_or(|s| s >= from && s <= day))
        );
        assert!(items.iter().all(|i| (i.open == 0) == i.settled.is_some()));
    }
}

/// The goal the README states: on the demo book, backtested from 182 days before its
/// last day, the forecast total is within 15 % of what was received.
#[test]
fn the_demo_backtest_is_within_fifteen_percent() {
    let today = d("2026-12-06");
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    generate(
        &mut store,
        &DemoOptions {
            customers: 200,
            invoices: 5000,
            seed: 1,
            today,
        },
        &mut |_, _| {},
    )
    .unwrap();
    let result = run_backtest(&store, plus(today, -182));
    let (f, a) = (result.forecast_total.0, result.actual_total.0);
    let error = (f - a).abs() / a;
    assert!(
        error < rust_decimal::Decimal::new(15, 2),
        "forecast {f}, received {a}"
    );
    assert!(result.weekly_mape.is_some());
}
