//! Property tests: random histories of invoices, installments, payments, credits, voids,
//! write-offs, fees, refunds and early-payment discounts keep the ledger's invariants for
//! any as-of date.

use crate::common::helpers as common;

use chrono::{Days, NaiveDate};
use common::*;
use owed::domain::aging::{Basis, Buckets};
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::terms::{Plan, Terms};
use owed::domain::{Currency, Money};
use owed::report::{self, AgingOptions};
use owed::store::{AgingInput, NewDebit, NewRefund, Store, VoidRequest};
use proptest::prelude::*;
use rust_decimal::Decimal;

const CUSTOMERS: [&str; 3] = ["A", "B", "C"];

#[derive(Debug, Clone)]
enum Op {
    Invoice {
        customer: usize,
        day: u64,
        cents: i64,
        plan: u8,
        net: u32,
    },
    Fee {
        customer: usize,
        day: u64,
        cents: i64,
    },
    Credit {
        customer: usize,
        day: u64,
        cents: i64,
        kind: u8,
        hold: bool,
    },
    Refund {
        customer: usize,
        day: u64,
        cents: i64,
    },
    Void {
        pick: usize,
        day: u64,
    },
    Apply {
        customer: usize,
        day: u64,
    },
}

fn op(max_day: u64) -> impl Strategy<Value = Op> {
    let customer = 0..CUSTOMERS.len();
    prop_oneof![
        4 => (customer.clone(), 0..max_day, 1i64..50_000, 0u8..4, 0u32..60)
            .prop_map(|(customer, day, cents, plan, net)| Op::Invoice { customer, day, cents, plan, net }),
        1 => (customer.clone(), 0..max_day, 1i64..5_000).prop_map(|(customer, day, cents)| Op::Fee { customer, day, cents }),
        4 => (customer.clone(), 0..max_day, 1i64..60_000, 0u8..3, any::<bool>())
            .prop_map(|(customer, day, cents, kind, hold)| Op::Credit { customer, day, cents, kind, hold }),
        1 => (customer.clone(), 0..max_day, 1i64..20_000).prop_map(|(customer, day, cents)| Op::Refund { customer, day, cents }),
        2 => (any::<usize>(), 0..max_day).prop_map(|(pick, day)| Op::Void { pick, day }),
        1 => (customer, 0..max_day).prop_map(|(customer, day)| Op::Apply { customer, day }),
    ]
}

fn base() -> NaiveDate {
    d("2026-01-01")
}

fn day(offset: u64) -> NaiveDate {
    base().checked_add_days(Days::new(offset)).unwrap()
}

/// Posts `ops` (some are refused, which must change nothing); returns the numbers posted.
fn run(store: &mut Store, ops: &[Op], offset: u64, posted: &mut Vec<String>) {
    let currency = store.currency().clone();
    for (i, op) in ops.iter().enumerate() {
        let result = match op.clone() {
            Op::Invoice {
                customer,
                day: at,
                cents,
                plan,
                net,
            } => {
                // Plan 1 offers an early-payment discount, so payments inside its window
                // post discount documents the invariants below must hold with.
                let terms = match plan {
                    1 => format!("2/{} net {net}", net.min(10)).parse().unwrap(),
                    _ => Terms::Net(net),
                };
                let plan = match plan {
                    0 | 1 => Plan::Single,
                    2 => Plan::Installments(3),
                    _ => Plan::Deposit(Decimal::from(30)),
                };
                let mut debit = invoice(
                    CUSTOMERS[customer],
                    &format!("I{offset}-{i}"),
                    "2026-01-01",
                    currency.from_minor(cents),
                    terms,
                    plan,
                );
                debit.date = day(at + offset);
                store.post_debit(&debit).map(|p| Some(p.number))
            }
            Op::Fee {
                customer,
                day: at,
                cents,
            } => store
                .post_debit(&NewDebit {
                    kind: DocKind::Fee,
                    date: day(at + offset),
                    terms: None,
                    plan: Plan::Single,
                    ..invoice(
                        CUSTOMERS[customer],
                        &format!("F{offset}-{i}"),
                        "2026-01-01",
                        currency.from_minor(cents),
                        Terms::Net(0),
                        Plan::Single,
                    )
                })
                .map(|p| Some(p.number)),
            Op::Credit {
                customer,
                day: at,
                cents,
                kind,
                hold,
            } => {
                let kind = [DocKind::Payment, DocKind::Credit, DocKind::WriteOff][kind as usize];
                let apply = if hold {
                    Apply::Unapplied
                } else {
                    Apply::OldestFirst
                };
                let mut new = credit(
                    CUSTOMERS[customer],
                    kind,
                    &format!("P{offset}-{i}"),
                    "2026-01-01",
                    currency.from_minor(cents),
                    apply,
                );
                new.date = day(at + offset);
                store.post_credit(&new).map(|p| Some(p.number))
            }
            Op::Refund {
                customer,
                day: at,
                cents,
            } => store
                .post_refund(&NewRefund {
                    customer: CUSTOMERS[customer].into(),
                    number: Some(format!("R{offset}-{i}")),
                    date: day(at + offset),
                    amount: currency.from_minor(cents),
                    of: None,
                    reference: None,
                    memo: None,
                })
                .map(|p| Some(p.number)),
            Op::Void { pick, day: at } if !posted.is_empty() => {
                let number = posted[pick % posted.len()].clone();
                store
                    .void(&VoidRequest {
                        number,
                        date: Some(day(at + offset)),
                        reason: None,
                    })
                    .map(|p| Some(p.number))
            }
            Op::Void { .. } => continue,
            Op::Apply { customer, day: at } => store
                .apply_unapplied(CUSTOMERS[customer], day(at + offset))
                .map(|_| None),
        };
        if let Ok(Some(number)) = result {
            posted.push(number);
        }
    }
}

/// A note per `(customer, day, cents)`, logged on `offset + day`, promising `cents` five
/// days after it, and on day 100 too when that is later (day 95 too when logged after
/// day 100).
fn log_promises(store: &mut Store, promised: &[(usize, u64, i64)], offset: u64) {
    use owed::domain::note::{Channel, Direction, NoteDraft, Promise, PromisePart};
    let currency = store.currency().clone();
    for &(customer, at, cents) in promised {
        let logged = day(at + offset);
        let mut parts = vec![PromisePart {
            date: logged + Days::new(5),
            amount: currency.from_minor(cents),
        }];
        if logged > day(100) {
            // Logged after day 100 with a part dated before it: still not known on day 100.
            parts.insert(
                0,
                PromisePart {
                    date: day(95),
                    amount: currency.from_minor(cents),
                },
            );
        }
        if logged + Days::new(5) < day(100) {
            parts.push(PromisePart {
                date: day(100),
                amount: currency.from_minor(cents),
            });
        }
        let draft = NoteDraft {
            customer_code: CUSTOMERS[customer].into(),
            invoice_number: None,
            channel: Channel::Call,
            direction: Direction::In,
            summary: "promised".into(),
            outcome: None,
            promise: Some(Promise::new(parts).unwrap()),
            follow_up: None,
        };
        store
            .batch(|b| b.add_note(&draft, &format!("{logged}T09:00:00+00:00")))
            .unwrap();
    }
}

fn fresh_book() -> Store {
    let mut store = book();
    for code in CUSTOMERS {
        customer(&mut store, code);
    }
    store
}

fn aging(store: &Store, as_of: NaiveDate, basis: Basis, buckets: &str) -> report::Aging {
    report::aging(
        store,
        &AgingOptions {
            as_of,
            basis,
            buckets: buckets.parse::<Buckets>().unwrap(),
            detail: true,
        },
    )
    .unwrap()
}

fn assert_invariants(store: &Store, as_of: NaiveDate) {
    let currency: &Currency = store.currency();
    for (basis, buckets) in [(Basis::Due, "30,60,90"), (Basis::Invoice, "15,30,45,60,90")] {
        let report = aging(store, as_of, basis, buckets).report;
        let mut total = Money::ZERO;
        for row in report.rows.values() {
            let buckets: Money = row.amounts.iter().copied().sum();
            assert_eq!(
                row.balance,
                buckets + row.unapplied,
                "row balance = buckets + unapplied"
            );
            assert!(!row.unapplied.is_positive());
            total += row.balance;
        }
        assert_eq!(report.totals.balance, total);
        assert_eq!(
            report.totals.balance,
            report.totals.amounts.iter().copied().sum::<Money>() + report.totals.unapplied
        );
        // Each customer's aging balance equals its ledger closing as of the same day.
        for code in CUSTOMERS {
            let (customer, ledger) =
                report::customer_ledger(store, code, None, Some(as_of)).unwrap();
            let balance = report
                .rows
                .get(&customer.id)
                .map_or(Money::ZERO, |r| r.balance);
            assert_eq!(
                currency.plain(ledger.closing),
                currency.plain(balance),
                "ledger ties to aging for {code}"
            );
        }
    }
    // No item is open for more than its amount or less than zero, and no credit is over-used, as of that day.
    store
        .open_items_as_of(as_of, AgingInput::Full, false, |row| {
            assert!(row.open.is_positive() && row.open <= row.amount, "{row:?}")
        })
        .unwrap();
    store
        .unapplied_as_of(as_of, AgingInput::Full, |row| {
            assert!(row.unapplied.is_positive(), "{row:?}")
        })
        .unwrap();
    let violations = store.check(as_of).unwrap();
    assert!(violations.is_empty(), "{violations:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_for_any_history_and_date(ops in prop::collection::vec(op(200), 1..40), dates in prop::collection::vec(0u64..260, 1..5)) {
        let mut store = fresh_book();
        run(&mut store, &ops, 0, &mut Vec::new());
        for offset in dates {
            assert_invariants(&store, day(offset));
        }
    }

    #[test]
    fn aging_as_of_a_date_ignores_everything_dated_after_it(
        before in prop::collection::vec(op(100), 1..30),
        after in prop::collection::vec(op(100), 1..30),
    ) {
        let mut store = fresh_book();
        let mut posted = Vec::new();
        run(&mut store, &before, 0, &mut posted);
        let as_of = day(100);
        let earlier = [aging(&store, as_of, Basis::Due, "30,60,90"), aging(&store, day(50), Basis::Invoice, "30,60,90")];
        // Everything in `after` is dated after day 100, voids of earlier documents included.
        run(&mut store, &after, 101, &mut posted);
        let later = [aging(&store, as_of, Basis::Due, "30,60,90"), aging(&store, day(50), Basis::Invoice, "30,60,90")];
        for (a, b) in earlier.iter().zip(&later) {
            prop_assert_eq!(&a.report, &b.report);
        }
        assert_invariants(&store, day(250));
    }

    #[test]
    fn analytics_as_of_a_date_ignore_everything_dated_after_it(
        before in prop::collection::vec(op(100), 1..30),
        after in prop::collection::vec(op(100), 1..30),
        promised in prop::collection::vec((0usize..3, 0u64..100, 1i64..30_000), 0..4),
    ) {
        let mut store = fresh_book();
        let mut posted = Vec::new();
        run(&mut store, &before, 0, &mut posted);
        // Promises logged by day 100, some with parts after it.
        log_promises(&mut store, &promised, 0);
        let as_of = day(100);
        let figures = |store: &Store| {
            [30, 90].map(|period_days| {
                let options = report::analytics::AnalyticsOptions { as_of, period_days };
                (
                    report::analytics::analytics(store, &options).unwrap(),
                    report::analytics::trend(store, &options).unwrap(),
                )
            })
        };
        let earlier = figures(&store);
        // Everything in `after` is dated after day 100: invoices, payments settling
        // earlier items, voids of earlier invoices and payments, and promises logged later.
        run(&mut store, &after, 101, &mut posted);
        log_promises(&mut store, &promised, 101);
        let later = figures(&store);
        prop_assert_eq!(&earlier, &later);
        // Each month of the trend (receivables of 24 dates read at once) is the report
        // as of its own date (each read by itself).
        for (options, (_, trend)) in [30, 90].into_iter().zip(&later) {
            for row in trend {
                let alone = report::analytics::analytics(
                    &store,
                    &report::analytics::AnalyticsOptions { as_of: row.as_of, period_days: options },
                )
                .unwrap();
                prop_assert_eq!(&alone.period, row);
            }
        }
    }

    #[test]
    fn installment_splits_add_up_exactly(cents in 2i64..10_000_000, count in 2u32..24, minor in 0u32..4) {
        let currency = Currency::new("XXX", minor).unwrap();
        let total = currency.from_minor(cents.max(count as i64));
        let items = owed::domain::terms::schedule(&currency, base(), total, Terms::Net(30), None, &Plan::Installments(count)).unwrap();
        prop_assert_eq!(items.iter().map(|i| i.amount).sum::<Money>(), total);
        let smallest = items.iter().map(|i| currency.to_minor(i.amount)).min().unwrap();
        let largest = items.iter().map(|i| currency.to_minor(i.amount)).max().unwrap();
        prop_assert!(largest - smallest <= 1);
    }
}
