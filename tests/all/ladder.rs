//! The demand-letter ladder: properties of the pure rules over random histories (items
//! falling due and being paid, some disputed, credit, promises, a pause by hand, letters
//! sent on random run dates), and
//! the `letters --due --dry-run --format json` shape on a real book.

use crate::common::bin::owed;
use crate::common::helpers::{credit, customer, d, invoice, m};

use chrono::{Days, NaiveDate};
use owed::domain::Money;
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::ladder::{
    CustomerFacts, HeldReason, LadderRules, OpenItem, Outcome, Pause, PromiseToPay, SentLetter,
    SettledItem, decide,
};
use owed::domain::letters::Level;
use owed::domain::note::{Channel, Direction, NoteDraft, Promise, PromisePart, PromiseStatus};
use owed::domain::terms::{Plan, Terms};
use owed::report::letters::{self, LetterRequest};
use owed::store::{BookSettings, Store};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn cents(n: i64) -> Money {
    Money(Decimal::new(n, 2))
}

fn base() -> NaiveDate {
    d("2026-01-01")
}

fn day(offset: u64) -> NaiveDate {
    base() + Days::new(offset)
}

/// An invoice falling due on day `due`, open for `cents` until paid on day `paid`.
#[derive(Debug, Clone)]
struct Item {
    due: u64,
    cents: i64,
    paid: Option<u64>,
    disputed: bool,
}

#[derive(Debug, Clone)]
struct Promised {
    made: u64,
    until: u64,
    cents: i64,
    paid_cents: i64,
}

#[derive(Debug, Clone)]
struct History {
    items: Vec<Item>,
    credit_cents: i64,
    promises: Vec<Promised>,
    rules: LadderRules,
    /// Letters paused by hand through this day.
    pause_until: Option<u64>,
    /// Gaps between run dates, and whether each run's due letter is actually sent.
    runs: Vec<(u64, bool)>,
}

fn rules() -> impl Strategy<Value = LadderRules> {
    (
        1i64..5,
        prop::collection::vec(1i64..25, 3),
        prop::array::uniform4(prop::bool::weighted(0.8)),
        0i64..15,
        prop_oneof![Just(0i64), 0i64..5_000],
    )
        .prop_map(|(first, steps, enabled, interval, tolerance)| {
            let mut thresholds = [first; 4];
            for i in 1..4 {
                thresholds[i] = thresholds[i - 1] + steps[i - 1];
            }
            LadderRules {
                thresholds,
                enabled,
                interval_days: interval,
                tolerance: cents(tolerance),
            }
        })
}

fn history() -> impl Strategy<Value = History> {
    let item = (
        0u64..200,
        0i64..50_000,
        prop::option::of(0u64..300),
        prop::bool::weighted(0.25),
    )
        .prop_map(|(due, cents, paid, disputed)| Item {
            due,
            cents,
            paid: paid.map(|p| due + p),
            disputed,
        });
    let promise =
        (0u64..250, 0u64..30, 1i64..50_000, 0i64..50_000).prop_map(|(made, len, c, p)| Promised {
            made,
            until: made + len,
            cents: c,
            paid_cents: p,
        });
    (
        prop::collection::vec(item, 0..5),
        prop_oneof![Just(0i64), 0i64..60_000],
        prop::collection::vec(promise, 0..3),
        rules(),
        prop::option::weighted(0.3, 0u64..300),
        prop::collection::vec((1u64..12, prop::bool::weighted(0.85)), 1..40),
    )
        .prop_map(
            |(items, credit_cents, promises, rules, pause_until, runs)| History {
                items,
                credit_cents,
                promises,
                rules,
                pause_until,
                runs,
            },
        )
}

fn open_items(history: &History, date: NaiveDate) -> Vec<OpenItem> {
    history
        .items
        .iter()
        .filter(|i| i.paid.is_none_or(|p| date < day(p)))
        .map(|i| OpenItem {
            due: day(i.due),
            open: cents(i.cents),
            disputed: i.disputed,
        })
        .collect()
}

/// The items paid by `date` (as the book's settled dates give them).
fn settled_items(history: &History, date: NaiveDate) -> Vec<SettledItem> {
    history
        .items
        .iter()
        .filter_map(|i| i.paid.map(|p| (i.due, p)))
        .filter(|&(_, p)| day(p) <= date)
        .map(|(due, p)| SettledItem {
            due: day(due),
            settled: day(p),
        })
        .collect()
}

/// The spell's start worked out the slow way: walk back from `date` while, on each day,
/// an item undisputed and open at `date`, or one paid since, was overdue; the spell
/// starts at the due date before the first such day.
fn spell_by_days(history: &History, date: NaiveDate) -> NaiveDate {
    let overdue_on = |x: NaiveDate| {
        history.items.iter().any(|i| {
            let open_now = i.paid.is_none_or(|p| date < day(p));
            let counts = if open_now {
                !i.disputed
            } else {
                i.paid.is_some_and(|p| x < day(p))
            };
            counts && day(i.due) < x
        })
    };
    let mut first = date;
    while overdue_on(first - Days::new(1)) {
        first = first - Days::new(1);
    }
    first - Days::new(1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_ladder_never_duns_credit_skips_rungs_crowds_letters_or_breaks_a_hold(
        history in history()
    ) {
        let rules = history.rules;
        let promises: Vec<PromiseToPay> = history
            .promises
            .iter()
            .map(|p| PromiseToPay {
                made_on: day(p.made),
                date: day(p.until),
                amount: cents(p.cents),
                paid: cents(p.paid_cents),
            })
            .collect();
        let credit = cents(history.credit_cents);
        let mut sent: Vec<SentLetter> = Vec::new();
        let mut offset = 0;
        for (gap, send) in &history.runs {
            offset += gap;
            let date = day(offset);
            let items = open_items(&history, date);
            let pause = history.pause_until.map(|until| Pause { until: day(until), reason: "away" });
            let settled = settled_items(&history, date);
            let facts = CustomerFacts { items: &items, credit, letters: &sent, settled: &settled, promises: &promises, pause };
            let decision = decide(date, &facts, &rules);
            let overdue: Vec<&OpenItem> = items
                .iter()
                .filter(|i| i.due < date && i.open.is_positive())
                .collect();
            prop_assert_eq!(decision.is_none(), overdue.is_empty());
            let Some(decision) = decision else { continue };
            // Disputed amounts are never counted in what is dunned.
            let undisputed: Vec<&&OpenItem> = overdue.iter().filter(|i| !i.disputed).collect();
            let net = undisputed.iter().map(|i| i.open).sum::<Money>() - credit;
            prop_assert_eq!(decision.net_overdue, net);
            let Outcome::Due { level, .. } = decision.outcome else { continue };
            // Never dunned for nothing (or less than the tolerance).
            prop_assert!(net.is_positive(), "net {net:?} due {level:?}");
            prop_assert!(net >= rules.tolerance);
            // A held customer is never sent one: not while paused, not when everything
            // overdue is disputed, not under an open promise.
            prop_assert!(pause.is_none_or(|p| date > p.until), "due {level:?} on {date} while paused");
            prop_assert!(!undisputed.is_empty(), "due {level:?} on {date} for disputed items only");
            prop_assert!(
                !promises.iter().any(|p| p.made_on <= date && date <= p.date && p.paid < p.amount),
                "due {level:?} on {date} despite an open promise"
            );
            // Never skips a rung: the spell (letters from the start of the unbroken
            // stretch of overdue days, worked out here day by day) holds the enabled rung
            // right below this one, or, for the spell's first letter, this is the lowest
            // enabled level. The level itself is enabled and its threshold passed.
            let oldest = undisputed.iter().map(|i| i.due).min().unwrap();
            let spell = spell_by_days(&history, date);
            let index = |l: Level| usize::from(l.number() - 1);
            prop_assert!(rules.enabled[index(level)]);
            prop_assert!((date - oldest).num_days() >= rules.thresholds[index(level)]);
            let rung_below = Level::ALL
                .into_iter()
                .filter(|l| *l < level && rules.enabled[index(*l)])
                .max();
            if let Some(below) = rung_below {
                prop_assert!(
                    sent.iter().any(|s| s.level == below && s.date >= spell),
                    "level {level:?} on {date} without {below:?} this spell: {sent:?}"
                );
            }
            // And not a level already sent this spell.
            prop_assert!(!sent.iter().any(|s| s.level >= level && s.date >= spell));
            if *send {
                sent.push(SentLetter { level, date });
            }
        }
        // No two letters closer than the interval.
        for pair in sent.windows(2) {
            prop_assert!(
                (pair[1].date - pair[0].date).num_days() >= rules.interval_days,
                "{pair:?} closer than {} days",
                rules.interval_days
            );
        }
    }
}

#[test]
fn letters_due_json_lists_due_and_held_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let out_dir = dir.path().join("out");
    // Notes are stamped with the real clock, so the book is built around today.
    let today = chrono::Local::now().date_naive();
    let ago = |days: u64| (today - Days::new(days)).to_string();
    {
        let mut store = Store::init(&book, &BookSettings::default()).unwrap();
        let net20: Terms = "net 20".parse().unwrap();
        for code in ["CREDIT", "LATE", "PROMISED"] {
            customer(&mut store, code);
            let amount = m(&store, "100.00");
            store
                .post_debit(&invoice(
                    code,
                    &format!("INV-{code}"),
                    &ago(60),
                    amount,
                    net20,
                    Plan::Single,
                ))
                .unwrap();
        }
        // 150.00 kept unapplied covers the 100.00 overdue.
        let amount = m(&store, "150.00");
        store
            .post_credit(&credit(
                "CREDIT",
                DocKind::Payment,
                "PAY-1",
                &ago(5),
                amount,
                Apply::Unapplied,
            ))
            .unwrap();
        // LATE had the reminder 35 days ago; 40 days late now: level 2, not 3.
        letters::issue_letter(
            &mut store,
            &LetterRequest {
                customer: "LATE".into(),
                level: Level::Reminder,
                date: today - Days::new(35),
                deadline: None,
                locale: None,
                email: false,
            },
            &out_dir,
            false,
        )
        .unwrap();
        // PROMISED promises to pay in five days.
        let amount = m(&store, "100.00");
        store
            .add_note(&NoteDraft {
                customer_code: "PROMISED".into(),
                invoice_number: None,
                channel: Channel::Call,
                direction: Direction::In,
                summary: "will pay".into(),
                outcome: None,
                promise: Some(Promise::single(today + Days::new(5), amount)),
                follow_up: None,
            })
            .unwrap();
    }
    let text = owed(
        &book,
        &[
            "letters",
            "--due",
            "--date",
            &today.to_string(),
            "--dry-run",
            "--format",
            "json",
        ],
    );
    // The issue's exact command: a dry run needs no folder.
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["date"], today.to_string());
    let due = json["due"].as_array().unwrap();
    assert_eq!(due.len(), 1, "{json}");
    let late = &due[0];
    assert_eq!(late["customer"], "LATE");
    assert_eq!(late["level"], 2);
    assert_eq!(late["overdue"], "100.00");
    assert_eq!(late["net_overdue"], "100.00");
    assert_eq!(late["oldest_due_date"], ago(40));
    assert_eq!(late["days_overdue"], 40);
    assert!(
        late["reason"].as_str().unwrap().contains("level 1 sent"),
        "{late}"
    );
    let held: Vec<(&str, &str)> = json["held"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["customer"].as_str().unwrap(),
                h["reason"].as_str().unwrap(),
            )
        })
        .collect();
    let until = format!("promise until {}", today + Days::new(5));
    assert_eq!(
        held,
        [("CREDIT", "credit covers it"), ("PROMISED", until.as_str())]
    );
    // The listing says the same in words.
    let listing = owed(
        &book,
        &[
            "letters",
            "--due",
            "--date",
            &today.to_string(),
            "--dry-run",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert!(listing.contains("1 customer due a letter"), "{listing}");
    assert!(listing.contains("LATE level 2"), "{listing}");
    assert!(listing.contains("CREDIT: credit covers it"), "{listing}");
    // The real run writes and archives LATE's level 2, and says so in JSON.
    let text = owed(
        &book,
        &[
            "letters",
            "--due",
            "--date",
            &today.to_string(),
            "--format",
            "json",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let written = json["written"].as_array().unwrap();
    assert_eq!(written.len(), 1, "{json}");
    assert_eq!(written[0]["customer"], "LATE");
    assert_eq!(written[0]["level"], 2);
    assert!(written[0]["issued_id"].is_i64(), "{json}");
    assert!(std::path::Path::new(written[0]["path"].as_str().unwrap()).exists());
    // Run again the same day: LATE is now held by the interval.
    let text = owed(
        &book,
        &[
            "letters",
            "--due",
            "--date",
            &today.to_string(),
            "--dry-run",
            "--format",
            "json",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(json["due"].as_array().unwrap().is_empty(), "{json}");
    let late = json["held"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["customer"] == "LATE")
        .unwrap();
    assert!(
        late["reason"]
            .as_str()
            .unwrap()
            .starts_with("interval not passed"),
        "{late}"
    );
}

#[test]
fn ladder_settings_are_validated_and_shown() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    assert_eq!(store.ladder_rules().unwrap(), LadderRules::default());
    store.set_setting("letter.interval_days", "10").unwrap();
    store.set_setting("letter.tolerance", "1,250.50").unwrap();
    store.set_setting("letter.3.enabled", "No").unwrap();
    let rules = store.ladder_rules().unwrap();
    assert_eq!(rules.interval_days, 10);
    assert_eq!(rules.tolerance, m(&store, "1250.50"));
    assert_eq!(rules.enabled, [true, true, false, true]);
    for (key, value, words) in [
        ("letter.interval_days", "-1", "whole number of days"),
        ("letter.interval_days", "1.5", "whole number of days"),
        ("letter.tolerance", "-5.00", "cannot be negative"),
        ("letter.tolerance", "abc", "letter.tolerance"),
        ("letter.2.enabled", "maybe", "yes, no, true or false"),
        ("letter.5.enabled", "yes", "unknown setting"),
    ] {
        let error = store.set_setting(key, value).unwrap_err().to_string();
        assert!(error.contains(words), "{key}={value}: {error}");
    }
    let shown = store.setting_values().unwrap();
    let value = |key: &str| {
        shown
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, default)| (v.clone(), *default))
            .unwrap()
    };
    assert_eq!(value("letter.interval_days"), ("10".into(), false));
    assert_eq!(value("letter.tolerance"), ("1250.50".into(), false));
    assert_eq!(value("letter.3.enabled"), ("no".into(), false));
    assert_eq!(value("letter.1.enabled"), ("yes".into(), true));
    // Each change went into the audit log, old and new value.
    let log = store
        .audit_log(&owed::store::AuditFilter::default())
        .unwrap();
    let change = |key: &str| {
        log.iter()
            .find(|e| e.field.as_deref() == Some(key))
            .map(|e| (e.old.clone(), e.new.clone()))
    };
    assert_eq!(
        change("letter.interval_days"),
        Some((None, Some("10".into())))
    );
    assert_eq!(
        change("letter.tolerance"),
        Some((None, Some("1250.50".into())))
    );
    assert_eq!(
        change("letter.3.enabled"),
        Some((None, Some("false".into())))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A repayment plan made on day 0, judged on any day with any payments: what is
    /// applied never exceeds what was paid or a part's amount; the plan gives the ladder
    /// a hold exactly while no passed part is short and some part is still open, and
    /// the ladder then holds until that part's date; one part is judged as a single
    /// promise always was (kept once paid in full, broken once its date passed short).
    #[test]
    fn a_plan_holds_the_ladder_exactly_while_it_is_on_track(
        gaps in prop::collection::vec(0u64..20, 1..6),
        amounts in prop::collection::vec(1i64..50_000, 6),
        payments in prop::collection::vec((0u64..120, 1i64..60_000), 0..6),
        today in 0u64..130,
    ) {
        let mut date = 0;
        let parts: Vec<PromisePart> = gaps
            .iter()
            .zip(&amounts)
            .map(|(gap, c)| {
                date += gap + 1;
                PromisePart { date: day(date), amount: cents(*c) }
            })
            .collect();
        let promise = Promise::new(parts).unwrap();
        let paid_through: Vec<Money> = promise
            .parts()
            .iter()
            .map(|p| payments.iter().filter(|(d, _)| day(*d) <= p.date).map(|(_, c)| cents(*c)).sum())
            .collect();
        let today = day(today);
        let standing = promise.judge(&paid_through, today);
        let applied: Money = standing.parts.iter().map(|p| p.paid).sum();
        prop_assert!(applied <= *paid_through.last().unwrap());
        for part in &standing.parts {
            prop_assert!(part.paid <= part.amount && !part.paid.is_negative());
        }
        let short_passed = standing
            .parts
            .iter()
            .any(|p| p.date < today && p.paid < p.amount);
        let open = standing.parts.iter().any(|p| p.status == PromiseStatus::Open);
        let holding = standing.holding_part().copied();
        prop_assert_eq!(holding.is_some(), !short_passed && open);
        // The ladder, given that part, holds until its date; given none, never for a promise.
        let hold: Vec<PromiseToPay> = holding
            .map(|p| PromiseToPay { made_on: day(0), date: p.date, amount: p.amount, paid: p.paid })
            .into_iter()
            .collect();
        let items = [OpenItem { due: day(0) - Days::new(60), open: cents(1_000_000), disputed: false }];
        let facts = CustomerFacts { items: &items, credit: Money::ZERO, letters: &[], promises: &hold, pause: None, settled: &[] };
        let decision = decide(today, &facts, &LadderRules::default()).unwrap();
        match (holding, decision.outcome) {
            (Some(part), Outcome::Held { reason: HeldReason::Promise { until } }) => {
                prop_assert_eq!(until, part.date)
            }
            (None, Outcome::Held { reason: HeldReason::Promise { .. } }) => {
                prop_assert!(false, "a plan off track or done held the ladder")
            }
            (Some(_), other) => prop_assert!(false, "an open plan did not hold: {:?}", other),
            (None, _) => {}
        }
        if let [part] = standing.parts.as_slice() {
            let paid = paid_through[0];
            prop_assert_eq!(part.status == PromiseStatus::Kept, paid >= part.amount);
            prop_assert_eq!(standing.is_broken(), part.date < today && paid < part.amount);
            prop_assert_eq!(standing.status, part.status);
        }
    }
}
