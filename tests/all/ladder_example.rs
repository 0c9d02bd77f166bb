//! One customer up the demand-letter ladder, written out by hand: a payment reminder
//! before the due date, level 1, a promise that holds the ladder and is then broken by a
//! part payment, level 2, a dispute that takes one invoice out of what is dunned, its
//! resolution with a credit note, level 3, level 4, and nothing more after that.
//!
//! A promise counts as made on the day of its note's real-time stamp (`note_day` of
//! `at` in `report::promises`), and the payments that keep it are those dated from that
//! day on. So the book is built around T = today (local), and every run date is T+n
//! (n may be negative). Defaults: terms net 30, thresholds 1/15/30/60 days past due,
//! `letter.interval_days` 7, `letter.0.days_before` 3, tolerance 0.
//!
//! Customer C001 ("net 30"):
//! - INV-A 600.00 dated T-31: due T-1.
//! - INV-B 400.00 dated T-26: due T+4.
//!
//! Days past due are those of the oldest undisputed overdue item, INV-A (run date − (T-1)
//! = n+1) throughout, since INV-A is never paid off.
//!
//! | run date | what happens | expected |
//! |---|---|---|
//! | T-3 | nothing yet | nothing overdue (A due T-1 is not before T-3): no letter row at all; worklist `reminder-due` level 0, 600.00 (A falls due T-1 ≤ T-3+3 = T; B, due T+4, does not), date T-1 |
//! | T | A 1 day past due | due level 1: overdue 600.00, net 600.00, 1 day, "first letter of this spell" → sent (issued: level 1, T, 600.00); then held "threshold not yet reached (level 2 at 15 days, 1 days overdue)" |
//! | T | call: promise T+7:600.00 | held "promise until T+7" |
//! | T+3 | payment 250.00 (oldest first → A) | A open 600 − 250 = 350.00 |
//! | T+5 | B now 1 day past due | still held "promise until T+7" (overdue 350 + 400 = 750.00) |
//! | T+7 | promise date itself | still held "promise until T+7"; worklist `promise-due` 600 − 250 = 350.00 short, date T+7 |
//! | T+8 | 250.00 < 600.00 came: broken | worklist `promise-broken`, short 600 − 250 = 350.00, date T+7; ladder resumes: level 2 needs 15 days, A is T+8 − (T-1) = 9 → held "threshold not yet reached (level 2 at 15 days, 9 days overdue)" |
//! | T+14 | A 15 days past due; T+14 ≥ T + 7 | due level 2: overdue 750.00, net 750.00, "15 days overdue, level 1 sent T" → sent |
//! | T+16 | dispute opened on INV-B | held "threshold not yet reached (level 3 at 30 days, 17 days overdue)"; worklist `dispute-open` 400.00, dated T (opened in real time) |
//! | T+29 | A 30 days past due, T+29 ≥ T+14 + 7, B still disputed | due level 3: overdue 750.00, net drops by B's 400.00: 750 − 400 = 350.00; worklist `letter-due` 350.00 level 3, `dispute-open` 400.00 |
//! | T+29 | dispute resolved, credit 150.00 dated T+29 | B open 400 − 150 = 250.00, not disputed; due level 3: overdue 350 + 250 = 600.00, net 600.00, "30 days overdue, level 2 sent T+14" → sent (600.00) |
//! | T+36 | interval passed, threshold not | held "threshold not yet reached (level 4 at 60 days, 37 days overdue)" |
//! | T+59 | A 60 days past due | due level 4: overdue 600.00, net 600.00, "60 days overdue, level 3 sent T+29"; worklist `letter-due` 600.00 level 4 → sent (issued: 1 on T 600.00, 2 on T+14 750.00, 3 on T+29 600.00, 4 on T+59 600.00) |
//! | T+59, T+66 | top reached | held "level 4 already sent T+59"; a real run on T+66 writes nothing |

use crate::common::bin::{json, owed};

use chrono::{Days, NaiveDate};
use serde_json::Value;

/// The book and the day everything is counted from.
struct Example {
    book: std::path::PathBuf,
    out: std::path::PathBuf,
    today: NaiveDate,
}

impl Example {
    /// T+n as `YYYY-MM-DD`.
    fn day(&self, n: i64) -> String {
        let date = if n >= 0 {
            self.today + Days::new(n as u64)
        } else {
            self.today - Days::new(n.unsigned_abs())
        };
        date.to_string()
    }

    fn owed(&self, args: &[&str]) -> String {
        owed(&self.book, args)
    }

    /// `letters --due --dry-run --format json` on T+n.
    fn dry_run(&self, n: i64) -> Value {
        json(
            &self.book,
            &[
                "letters",
                "--due",
                "--date",
                &self.day(n),
                "--dry-run",
                "--format",
                "json",
                "--out",
                self.out.to_str().unwrap(),
            ],
        )
    }

    /// The single held reason of T+n's run (nothing due).
    fn held(&self, n: i64) -> String {
        let run = self.dry_run(n);
        assert_eq!(run["due"], Value::Array(vec![]), "T+{n}: {run:#}");
        let held = run["held"].as_array().unwrap();
        assert_eq!(held.len(), 1, "T+{n}: {run:#}");
        assert_eq!(held[0]["customer"], "C001");
        held[0]["reason"].as_str().unwrap().to_string()
    }

    /// The single due letter of T+n's run (nobody held): (level, overdue, net overdue,
    /// days overdue, reason), after checking the oldest due date is A's, T-1.
    fn due(&self, n: i64) -> (u64, String, String, i64, String) {
        let run = self.dry_run(n);
        assert_eq!(run["held"], Value::Array(vec![]), "T+{n}: {run:#}");
        let due = run["due"].as_array().unwrap();
        assert_eq!(due.len(), 1, "T+{n}: {run:#}");
        let d = &due[0];
        assert_eq!(d["customer"], "C001");
        assert_eq!(d["oldest_due_date"], self.day(-1).as_str(), "{d:#}");
        (
            d["level"].as_u64().unwrap(),
            d["overdue"].as_str().unwrap().to_string(),
            d["net_overdue"].as_str().unwrap().to_string(),
            d["days_overdue"].as_i64().unwrap(),
            d["reason"].as_str().unwrap().to_string(),
        )
    }

    /// Sends the letters due on T+n; the levels written.
    fn send(&self, n: i64) -> Vec<u64> {
        let sent = json(
            &self.book,
            &[
                "letters",
                "--due",
                "--date",
                &self.day(n),
                "--format",
                "json",
                "--out",
                self.out.to_str().unwrap(),
            ],
        );
        sent["written"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                assert_eq!(w["customer"], "C001");
                w["level"].as_u64().unwrap()
            })
            .collect()
    }

    /// Every letter issued, oldest first (the list shows newest first): (level, date,
    /// amount).
    fn issued(&self) -> Vec<(u64, String, String)> {
        let mut letters: Vec<_> = json(&self.book, &["issued", "list", "--format", "json"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == "letter")
            .map(|r| {
                (
                    r["level"].as_u64().unwrap(),
                    r["date"].as_str().unwrap().to_string(),
                    r["amount"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        letters.reverse();
        letters
    }

    /// The worklist of T+n: (kind, amount, date, level) of each row.
    fn worklist(&self, n: i64) -> Vec<(String, Value, Value, Value)> {
        let list = json(
            &self.book,
            &["worklist", "--date", &self.day(n), "--format", "json"],
        );
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                assert_eq!(r["customer"], "C001");
                (
                    r["kind"].as_str().unwrap().to_string(),
                    r["amount"].clone(),
                    r["date"].clone(),
                    r["level"].clone(),
                )
            })
            .collect()
    }

    /// Open amount of each item on T+n, from the aging detail: (number, open, disputed).
    fn items(&self, n: i64) -> Vec<(String, String, bool)> {
        let aging = json(
            &self.book,
            &[
                "aging",
                "--as-of",
                &self.day(n),
                "--detail",
                "--format",
                "json",
            ],
        );
        aging["rows"][0]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["number"].as_str().unwrap().to_string(),
                    i["open"].as_str().unwrap().to_string(),
                    i["disputed"].as_bool().unwrap(),
                )
            })
            .collect()
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

fn row(kind: &str, amount: &str, date: &str, level: Option<u64>) -> (String, Value, Value, Value) {
    (
        s(kind),
        Value::from(amount),
        Value::from(date),
        level.map_or(Value::Null, Value::from),
    )
}

#[test]
fn one_customer_from_a_reminder_to_level_4_with_a_broken_promise_and_a_resolved_dispute() {
    let dir = tempfile::tempdir().unwrap();
    let x = Example {
        book: dir.path().join("book.owed"),
        out: dir.path().join("letters"),
        today: chrono::Local::now().date_naive(),
    };
    let t = |n: i64| x.day(n);
    x.owed(&["init"]);
    x.owed(&[
        "customer", "add", "--code", "C001", "--name", "Acme", "--terms", "net 30",
    ]);
    for (number, date, amount) in [("INV-A", t(-31), "600.00"), ("INV-B", t(-26), "400.00")] {
        x.owed(&[
            "invoice",
            "add",
            "--customer",
            "C001",
            "--number",
            number,
            "--date",
            &date,
            "--amount",
            amount,
        ]);
    }

    // T-3: nothing overdue, so no row in the run; A falls due within 3 days.
    let run = x.dry_run(-3);
    assert_eq!(run["due"], Value::Array(vec![]), "{run:#}");
    assert_eq!(run["held"], Value::Array(vec![]), "{run:#}");
    assert_eq!(
        x.worklist(-3),
        [row("reminder-due", "600.00", &t(-1), Some(0))]
    );

    // T: A one day past due, the first letter of the spell.
    assert_eq!(
        x.due(0),
        (
            1,
            s("600.00"),
            s("600.00"),
            1,
            s("1 days overdue, first letter of this spell")
        )
    );
    assert_eq!(x.send(0), [1]);
    assert_eq!(x.issued(), [(1, t(0), s("600.00"))]);
    // Sent: the next rung is level 2, 15 days.
    assert_eq!(
        x.held(0),
        "threshold not yet reached (level 2 at 15 days, 1 days overdue)"
    );

    // T: a call, a promise of 600.00 by T+7: held until then.
    let promise = format!("{}:600.00", t(7));
    x.owed(&[
        "note",
        "add",
        "--customer",
        "C001",
        "--channel",
        "call",
        "--summary",
        "will pay all next week",
        "--promise",
        &promise,
    ]);
    let held_by_promise = format!("promise until {}", t(7));
    assert_eq!(x.held(0), held_by_promise);
    // T+3: 250.00 comes in, oldest due first: all of it on A.
    x.owed(&[
        "payment",
        "add",
        "--customer",
        "C001",
        "--date",
        &t(3),
        "--amount",
        "250.00",
    ]);
    assert_eq!(
        x.items(3),
        [
            (s("INV-A"), s("350.00"), false),
            (s("INV-B"), s("400.00"), false)
        ]
    );
    // T+5: B is overdue too, still held; T+7, the promise date itself, still held.
    assert_eq!(x.held(5), held_by_promise);
    assert_eq!(x.held(7), held_by_promise);
    assert_eq!(
        x.worklist(7),
        [row("promise-due", "350.00", &t(7), None)],
        "the promise falls due on T+7: 600.00 − 250.00 short"
    );

    // T+8: the promise is broken (250.00 of 600.00); the ladder resumes, but level 2
    // needs 15 days and A is 9 days past due.
    assert_eq!(
        x.worklist(8),
        [row("promise-broken", "350.00", &t(7), None)]
    );
    assert_eq!(
        x.held(8),
        "threshold not yet reached (level 2 at 15 days, 9 days overdue)"
    );

    // T+14: A 15 days past due, 14 days since level 1: level 2 for 350 + 400.
    let level_2 = (
        2,
        s("750.00"),
        s("750.00"),
        15,
        format!("15 days overdue, level 1 sent {}", t(0)),
    );
    assert_eq!(x.due(14), level_2);
    assert_eq!(x.send(14), [2]);
    assert_eq!(
        x.issued(),
        [(1, t(0), s("600.00")), (2, t(14), s("750.00"))]
    );

    // T+16: INV-B disputed.
    let opened = x.owed(&[
        "dispute",
        "open",
        "--invoice",
        "INV-B",
        "--reason",
        "two units damaged",
    ]);
    assert!(opened.contains("opened dispute 1 on INV-B"), "{opened}");
    assert_eq!(
        x.held(16),
        "threshold not yet reached (level 3 at 30 days, 17 days overdue)"
    );
    // Its date is the day it was opened in real time, T.
    assert_eq!(x.worklist(16), [row("dispute-open", "400.00", &t(0), None)]);
    // T+29: level 3 is due, dunned for A alone: 750.00 − 400.00.
    assert_eq!(
        x.due(29),
        (
            3,
            s("750.00"),
            s("350.00"),
            30,
            format!("30 days overdue, level 2 sent {}", t(14))
        )
    );

    // The worklist's letter row carries the amount dunned, and every row the customer's
    // net overdue as the ladder counts it (the disputed 400.00 left out).
    assert_eq!(
        x.worklist(29),
        [
            row("letter-due", "350.00", &t(-1), Some(3)),
            row("dispute-open", "400.00", &t(0), None)
        ]
    );
    let list = json(&x.book, &["worklist", "--date", &t(29), "--format", "json"]);
    for item in list["items"].as_array().unwrap() {
        assert_eq!(item["net_overdue"], "350.00", "{item}");
    }
    // T+29: resolved with a credit note of 150.00 on B, dated T+29.
    let resolved = x.owed(&[
        "dispute",
        "resolve",
        "1",
        "--outcome",
        "two units credited",
        "--credit",
        "150.00",
        "--date",
        &t(29),
    ]);
    assert!(resolved.contains("credit note"), "{resolved}");
    assert_eq!(
        x.items(29),
        [
            (s("INV-A"), s("350.00"), false),
            (s("INV-B"), s("250.00"), false)
        ]
    );
    // The day before, the credit note is not yet in the book's aging.
    assert_eq!(
        x.items(28),
        [
            (s("INV-A"), s("350.00"), false),
            (s("INV-B"), s("400.00"), false)
        ]
    );
    let level_3 = (
        3,
        s("600.00"),
        s("600.00"),
        30,
        format!("30 days overdue, level 2 sent {}", t(14)),
    );
    assert_eq!(x.due(29), level_3);
    assert_eq!(x.send(29), [3]);

    // T+36: 7 days since level 3, but level 4 needs 60 days.
    assert_eq!(
        x.held(36),
        "threshold not yet reached (level 4 at 60 days, 37 days overdue)"
    );
    // T+59: A 60 days past due.
    assert_eq!(
        x.due(59),
        (
            4,
            s("600.00"),
            s("600.00"),
            60,
            format!("60 days overdue, level 3 sent {}", t(29))
        )
    );
    assert_eq!(
        x.worklist(59)[0],
        row("letter-due", "600.00", &t(-1), Some(4))
    );
    assert_eq!(x.send(59), [4]);
    assert_eq!(
        x.issued(),
        [
            (1, t(0), s("600.00")),
            (2, t(14), s("750.00")),
            (3, t(29), s("600.00")),
            (4, t(59), s("600.00"))
        ]
    );

    // T+66: the top has been sent; nothing more.
    let top = format!("level 4 already sent {}", t(59));
    assert_eq!(x.held(59), top);
    assert_eq!(x.held(66), top);
    assert_eq!(x.send(66), Vec::<u64>::new());
    assert_eq!(x.issued().len(), 4);
}
