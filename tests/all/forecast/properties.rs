//! The forecast's properties on random books: it never comes to more than is open, and
//! as of a day it ignores everything dated after that day.

use chrono::Days;
use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::note::PromisePart;
use owed::domain::terms::{Plan, Terms};
use owed::domain::{Currency, Money};
use owed::report::forecast::{ForecastOptions, forecast};
use owed::store::{AgingInput, NewDispute, Store, VoidRequest};
use proptest::prelude::*;

use super::promise_note;
use crate::common::helpers::{book, credit, customer, d, invoice};

#[derive(Debug, Clone)]
enum Op {
    Invoice {
        customer: usize,
        day: u64,
        cents: i64,
        net: u32,
        plan: bool,
    },
    Pay {
        customer: usize,
        day: u64,
        cents: i64,
        hold: bool,
    },
    WriteOff {
        customer: usize,
        day: u64,
        cents: i64,
    },
    Void {
        pick: usize,
        day: u64,
    },
    Promise {
        customer: usize,
        day: u64,
        cents: i64,
        after: u64,
    },
    Dispute {
        pick: usize,
    },
}

const CODES: [&str; 3] = ["A", "B", "C"];

/// `op` with its day brought within `0..days`.
fn within(op: Op, days: u64) -> Op {
    match op {
        Op::Invoice {
            customer,
            day,
            cents,
            net,
            plan,
        } => Op::Invoice {
            customer,
            day: day % days,
            cents,
            net,
            plan,
        },
        Op::Pay {
            customer,
            day,
            cents,
            hold,
        } => Op::Pay {
            customer,
            day: day % days,
            cents,
            hold,
        },
        Op::WriteOff {
            customer,
            day,
            cents,
        } => Op::WriteOff {
            customer,
            day: day % days,
            cents,
        },
        Op::Void { pick, day } => Op::Void {
            pick,
            day: day % days,
        },
        Op::Promise {
            customer,
            day,
            cents,
            after,
        } => Op::Promise {
            customer,
            day: day % days,
            cents,
            after,
        },
        Op::Dispute { pick } => Op::Dispute { pick },
    }
}

fn op() -> impl Strategy<Value = Op> {
    let customer = 0..CODES.len();
    prop_oneof![
        5 => (customer.clone(), 0u64..200, 1i64..80_000, 0u32..60, any::<bool>())
            .prop_map(|(customer, day, cents, net, plan)| Op::Invoice { customer, day, cents, net, plan }),
        4 => (customer.clone(), 0u64..200, 1i64..90_000, any::<bool>())
            .prop_map(|(customer, day, cents, hold)| Op::Pay { customer, day, cents, hold }),
        1 => (customer.clone(), 0u64..200, 1i64..30_000)
            .prop_map(|(customer, day, cents)| Op::WriteOff { customer, day, cents }),
        1 => (any::<usize>(), 0u64..200).prop_map(|(pick, day)| Op::Void { pick, day }),
        1 => (customer, 0u64..200, 1i64..200_000, 0u64..60)
            .prop_map(|(customer, day, cents, after)| Op::Promise { customer, day, cents, after }),
        1 => any::<usize>().prop_map(|pick| Op::Dispute { pick }),
    ]
}

fn random_book(ops: &[Op]) -> Store {
    let mut store = book();
    for code in CODES {
        customer(&mut store, code);
    }
    post_ops(&mut store, ops, 0, &mut Vec::new(), &mut Vec::new());
    store
}

/// Posts `ops` with every date `offset` days later (refused ones change nothing), keeping
/// the numbers of the invoices and of everything posted, for voids and disputes to pick.
fn post_ops(
    store: &mut Store,
    ops: &[Op],
    offset: u64,
    invoices: &mut Vec<String>,
    posted: &mut Vec<String>,
) {
    let base = d("2026-01-01") + Days::new(offset);
    let day = |n: u64| base + Days::new(n);
    let currency: Currency = store.currency().clone();
    for (i, op) in ops.iter().enumerate() {
        match op.clone() {
            Op::Invoice {
                customer,
                day: at,
                cents,
                net,
                plan,
            } => {
                let mut debit = invoice(
                    CODES[customer],
                    &format!("I{offset}-{i}"),
                    "2026-01-01",
                    currency.from_minor(cents.max(3)),
                    Terms::Net(net),
                    if plan {
                        Plan::Installments(3)
                    } else {
                        Plan::Single
                    },
                );
                debit.date = day(at);
                if let Ok(p) = store.post_debit(&debit) {
                    invoices.push(p.number.clone());
                    posted.push(p.number);
                }
            }
            Op::Pay {
                customer,
                day: at,
                cents,
                hold,
            } => {
                let apply = if hold {
                    Apply::Unapplied
                } else {
                    Apply::OldestFirst
                };
                let mut new = credit(
                    CODES[customer],
                    DocKind::Payment,
                    &format!("P{offset}-{i}"),
                    "2026-01-01",
                    currency.from_minor(cents),
                    apply,
                );
                new.date = day(at);
                if let Ok(p) = store.post_credit(&new) {
                    posted.push(p.number);
                }
            }
            Op::WriteOff {
                customer,
                day: at,
                cents,
            } => {
                let mut new = credit(
                    CODES[customer],
                    DocKind::WriteOff,
                    &format!("W{offset}-{i}"),
                    "2026-01-01",
                    currency.from_minor(cents),
                    Apply::OldestFirst,
                );
                new.date = day(at);
                let _ = store.post_credit(&new);
            }
            Op::Void { pick, day: at } if !posted.is_empty() => {
                let _ = store.void(&VoidRequest {
                    number: posted[pick % posted.len()].clone(),
                    date: Some(day(at)),
                    reason: Some("test".into()),
                });
            }
            Op::Void { .. } => {}
            Op::Promise {
                customer,
                day: at,
                cents,
                after,
            } => {
                let parts = vec![
                    PromisePart {
                        date: day(at + after),
                        amount: currency.from_minor(cents),
                    },
                    PromisePart {
                        date: day(at + after + 30),
                        amount: currency.from_minor(cents),
                    },
                ];
                let logged = format!("{}T12:00:00+00:00", day(at));
                store
                    .batch(|b| b.add_note(&promise_note(CODES[customer], parts), &logged))
                    .unwrap();
            }
            Op::Dispute { pick } if !invoices.is_empty() => {
                let _ = store.open_dispute(&NewDispute {
                    invoice: invoices[pick % invoices.len()].clone(),
                    item: None,
                    reason: "test".into(),
                });
            }
            Op::Dispute { .. } => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// The forecast as of day 100 is the same after anything dated later is added:
    /// invoices, payments settling earlier items, write-offs, voids of earlier documents,
    /// promises logged later (some with parts before day 100), disputes opened now.
    #[test]
    fn the_forecast_as_of_a_day_ignores_everything_dated_after_it(
        before in prop::collection::vec(op(), 1..35),
        after in prop::collection::vec(op(), 1..35),
    ) {
        let mut store = book();
        for code in CODES {
            customer(&mut store, code);
        }
        let (mut invoices, mut posted) = (Vec::new(), Vec::new());
        // Dated days 0..=99 (promise parts may fall after).
        let early: Vec<Op> = before.iter().cloned().map(|op| within(op, 100)).collect();
        post_ops(&mut store, &early, 0, &mut invoices, &mut posted);
        let options = ForecastOptions { as_of: d("2026-01-01") + Days::new(100), weeks: 13 };
        let earlier = forecast(&store, &options).unwrap();
        post_ops(&mut store, &after, 101, &mut invoices, &mut posted);
        let later = forecast(&store, &options).unwrap();
        prop_assert_eq!(earlier, later);
    }

    /// Whatever the history, on any day: the forecast never comes to more than is open
    /// (nor than is left to collect, net of disputes and credit), no week is negative,
    /// and each week's band holds its cash.
    #[test]
    fn the_forecast_never_exceeds_what_is_open(
        ops in prop::collection::vec(op(), 1..45),
        days in prop::collection::vec(0u64..260, 1..4),
        weeks in 1u32..20,
    ) {
        let store = random_book(&ops);
        let currency = store.currency().clone();
        for offset in days {
            let as_of = d("2026-01-01") + Days::new(offset);
            let mut open = Money::ZERO;
            store
                .open_items_as_of(as_of, AgingInput::Full, false, |row| open += row.open)
                .unwrap();
            let report = forecast(&store, &ForecastOptions { as_of, weeks }).unwrap();
            prop_assert!(report.total <= open, "{} > {}", currency.plain(report.total), currency.plain(open));
            prop_assert!(report.total <= report.collectible);
            prop_assert!(report.collectible <= open);
            prop_assert_eq!(report.open, open);
            let mut sum = Money::ZERO;
            for w in &report.weeks {
                let cash = w.expected + w.promised;
                prop_assert!(!w.expected.is_negative() && !w.promised.is_negative());
                prop_assert!(!w.low.is_negative() && w.low <= cash && cash <= w.high, "{:?}", w);
                prop_assert!(w.high <= report.collectible);
                sum += cash;
            }
            prop_assert_eq!(sum, report.total);
        }
    }
}
