//! Planning one demo customer: its paying habit, invoice dates and amounts, and the
//! dated events (invoices, payments, credit notes, fees, bounced cheques, refunds,
//! write-offs, collection notes) that the generator then posts in date order.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;

use super::notes;
use super::rng::Rng;
use crate::domain::Currency;
use crate::domain::terms::{self, Plan, Terms};

/// How a customer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Habit {
    /// In full around the due date.
    Prompt,
    /// 5–25 days late.
    BitLate,
    /// 30–100 days late, often in parts.
    Chronic,
    /// Paid like a bit-late customer, then stopped about five months ago.
    Stopped,
    /// Pays the whole open balance once a month.
    LumpSum,
}

/// What the generator knows about a customer before its documents are planned.
pub(crate) struct Profile {
    pub habit: Habit,
    pub terms: Terms,
    pub stop: Option<NaiveDate>,
    /// Typical invoice size in whole currency units.
    pub base: i64,
    pub rng: Rng,
    pub dates: Vec<NaiveDate>,
    /// Global invoice numbers, parallel to `dates` (set once every customer is planned).
    pub numbers: Vec<u32>,
}

pub(crate) fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date + Days::new(days as u64)
    } else {
        date - Days::new(days.unsigned_abs())
    }
}

/// The habit, terms and invoice dates of customer `index`, with `count` invoices
/// between `start` and `today`.
pub(crate) fn profile(
    seed: u64,
    index: usize,
    count: usize,
    start: NaiveDate,
    today: NaiveDate,
) -> Profile {
    let mut rng = Rng::stream(seed, index as u64);
    // The first few customers cover every habit so even a tiny demo shows them all.
    let habit = match index {
        0 => Habit::Prompt,
        1 => Habit::BitLate,
        2 => Habit::Stopped,
        3 => Habit::Chronic,
        4 => Habit::LumpSum,
        _ => match rng.below(1000) {
            0..400 => Habit::Prompt,
            400..700 => Habit::BitLate,
            700..850 => Habit::Chronic,
            850..970 => Habit::LumpSum,
            _ => Habit::Stopped,
        },
    };
    let terms = match rng.below(10) {
        0 => Terms::Net(14),
        1 => Terms::Net(45),
        2 => Terms::Net(60),
        3 => Terms::EndOfMonth(10),
        4 => Terms::DueOnReceipt,
        _ => Terms::Net(30),
    };
    let period = (today - start).num_days().max(1);
    // One customer in five joined during the period.
    let first = if index > 4 && rng.chance(200) {
        add_days(start, rng.range(0, period * 2 / 3))
    } else {
        start
    };
    let stop = (habit == Habit::Stopped).then(|| add_days(today, -rng.range(140, 170)).max(first));
    // Invoicing ends soon after a customer stops paying (it goes on hold).
    let last = match stop {
        Some(stop) => add_days(stop, rng.range(20, 45)).min(today),
        None => today,
    };
    let span = (last - first).num_days().max(0);
    let mut dates: Vec<NaiveDate> = (0..count)
        .map(|_| add_days(first, rng.range(0, span)))
        .collect();
    dates.sort_unstable();
    let base = match rng.below(100) {
        0..30 => rng.range(50, 200),
        30..70 => rng.range(200, 1000),
        70..92 => rng.range(1000, 5000),
        _ => rng.range(5000, 25000),
    };
    Profile {
        habit,
        terms,
        stop,
        base,
        rng,
        dates,
        numbers: Vec::new(),
    }
}

/// One dated thing to post for a customer.
#[derive(Debug, Clone)]
pub(crate) enum Event {
    Invoice {
        number: u32,
        amount: i64,
        plan: Plan,
        terms: Terms,
        reference: Option<String>,
    },
    /// A payment of up to `amount` (never more than is open), oldest first.
    Pay {
        amount: i64,
        reference: String,
        bounce: bool,
    },
    /// A payment of the whole open balance.
    PayAll {
        reference: String,
    },
    /// A payment that duplicates an invoice and stays on account.
    Duplicate {
        amount: i64,
        invoice: u32,
    },
    /// Refunds the duplicate payment.
    Refund,
    CreditNote {
        invoice: u32,
        amount: i64,
    },
    Fee {
        amount: i64,
    },
    /// Voids the payment marked `bounce`.
    Bounce,
    /// Writes off the oldest invoice still open.
    WriteOff,
    Note(notes::Planned),
}

impl Event {
    /// Order of events on one day: debits first, then credits, notes last.
    fn rank(&self) -> u8 {
        match self {
            Event::Invoice { .. } => 0,
            Event::Fee { .. } => 1,
            Event::CreditNote { .. } => 2,
            Event::Pay { .. } | Event::PayAll { .. } | Event::Duplicate { .. } => 3,
            Event::Bounce => 4,
            Event::Refund => 5,
            Event::WriteOff => 6,
            Event::Note(_) => 7,
        }
    }
}

/// The customer's events in the order to post them; all dated on or before `today`.
pub(crate) fn events(
    p: &mut Profile,
    index: usize,
    currency: &Currency,
    today: NaiveDate,
) -> Vec<(NaiveDate, Event)> {
    let unit = 10i64.pow(currency.minor_units);
    let rng = &mut p.rng;
    let mut out: Vec<(NaiveDate, Event)> = Vec::with_capacity(p.dates.len() * 3);
    let stop = p.stop.unwrap_or(NaiveDate::MAX);
    let mut pay_dates = Vec::new();
    for (k, &date) in p.dates.iter().enumerate() {
        let number = p.numbers[k];
        let major = (p.base * rng.range(40, 180) / 100).max(20);
        let cents = if unit > 1 && rng.chance(600) {
            rng.range(0, unit - 1)
        } else {
            0
        };
        let amount = major * unit + cents;
        let plan = match rng.below(1000) {
            0..80 => Plan::Installments(3),
            80..130 => Plan::Deposit(Decimal::from(30)),
            _ => Plan::Single,
        };
        let items = terms::schedule(
            currency,
            date,
            currency.from_minor(amount),
            p.terms,
            None,
            &plan,
        )
        .expect("demo schedules are valid");
        let credit = if plan == Plan::Single && rng.chance(20) {
            let credit_date = add_days(date, rng.range(2, 20));
            let part = (amount * rng.range(100, 1000) / 1000).max(1);
            (credit_date <= today).then(|| {
                out.push((
                    credit_date,
                    Event::CreditNote {
                        invoice: number,
                        amount: part,
                    },
                ));
                part
            })
        } else {
            None
        };
        let po = rng
            .chance(400)
            .then(|| format!("PO {}", rng.range(10_000, 99_999)));
        out.push((
            date,
            Event::Invoice {
                number,
                amount,
                plan: plan.clone(),
                terms: p.terms,
                reference: po,
            },
        ));
        for (seq, item) in items.iter().enumerate() {
            let mut owed = currency.to_minor(item.amount);
            if seq == 0 {
                owed -= credit.unwrap_or(0);
            }
            let deposit = matches!(plan, Plan::Deposit(_)) && seq == 0;
            let payments = pay_item(rng, p.habit, date, item.due, owed, deposit);
            let paid_on = payments
                .last()
                .map(|(d, _)| *d)
                .filter(|d| *d <= today && *d < stop);
            for (day, part) in payments {
                if day <= today && day < stop && part > 0 {
                    out.push((
                        day,
                        Event::Pay {
                            amount: part,
                            reference: reference(rng),
                            bounce: false,
                        },
                    ));
                    pay_dates.push(day);
                }
            }
            if !deposit {
                notes::for_item(
                    rng, p.habit, number, item.due, owed, paid_on, today, &mut out,
                );
            }
        }
    }
    if p.habit == Habit::LumpSum {
        let first = p.dates.first().copied().unwrap_or(today);
        let day = rng.range(1, 28) as u32;
        let mut month = first.with_day(day).unwrap_or(first);
        loop {
            month = month + Months::new(1);
            if month > today {
                break;
            }
            if !rng.chance(80) {
                out.push((
                    month,
                    Event::PayAll {
                        reference: reference(rng),
                    },
                ));
                pay_dates.push(month);
            }
        }
    }
    specials(p, index, unit, today, &mut out);
    out.sort_by_key(|(date, event)| (*date, event.rank()));
    out
}

/// The late fees, bounced cheque, duplicate payment, write-off and stop-paying notes.
fn specials(
    p: &mut Profile,
    index: usize,
    unit: i64,
    today: NaiveDate,
    out: &mut Vec<(NaiveDate, Event)>,
) {
    let rng = &mut p.rng;
    let late = matches!(p.habit, Habit::Chronic | Habit::Stopped);
    if index == 3 || (late && rng.chance(300)) {
        for _ in 0..rng.range(1, 2) {
            if let Some(&date) = p.dates.get(rng.below(p.dates.len().max(1) as u64) as usize) {
                let fee_date = add_days(date, rng.range(60, 90));
                if fee_date <= today {
                    out.push((
                        fee_date,
                        Event::Fee {
                            amount: *rng.pick(&[25, 40, 50, 75]) * unit,
                        },
                    ));
                }
            }
        }
    }
    if index == 1 || rng.chance(8) {
        let candidates: Vec<usize> = (0..out.len())
            .filter(|i| matches!(out[*i].1, Event::Pay { .. }) && add_days(out[*i].0, 25) <= today)
            .collect();
        if !candidates.is_empty() {
            let i = *rng.pick(&candidates);
            let paid = out[i].0;
            let void_date = add_days(paid, rng.range(3, 10));
            let cheque = format!("CHQ {}", rng.range(100_000, 999_999));
            if let Event::Pay {
                bounce,
                amount,
                reference,
            } = &mut out[i].1
            {
                *bounce = true;
                *reference = cheque;
                let amount = *amount;
                out.push((void_date, Event::Bounce));
                out.push((void_date, Event::Note(notes::bounced(rng, void_date))));
                let again = add_days(void_date, rng.range(2, 10));
                out.push((
                    again,
                    Event::Pay {
                        amount,
                        reference: "Replacement for returned cheque".into(),
                        bounce: false,
                    },
                ));
            }
        }
    }
    if index == 0 || index == 5 || rng.chance(10) {
        let k = rng.below(p.dates.len().max(1) as u64) as usize;
        if let Some(&date) = p.dates.get(k) {
            let paid = add_days(date, rng.range(20, 40));
            if paid <= today {
                let major = (p.base * rng.range(40, 180) / 100).max(20);
                out.push((
                    paid,
                    Event::Duplicate {
                        amount: major * unit,
                        invoice: p.numbers[k],
                    },
                ));
                let refund = add_days(paid, rng.range(10, 30));
                if index != 5 && refund <= today && (index == 0 || rng.chance(600)) {
                    out.push((refund, Event::Refund));
                }
            }
        }
    }
    if let Some(stop) = p.stop {
        notes::after_stop(rng, stop, p.base * unit, today, out);
        if index == 2 || rng.chance(400) {
            out.push((
                add_days(today, -rng.range(5, 40)).max(stop),
                Event::WriteOff,
            ));
        }
    }
}

fn reference(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("CHQ {}", rng.range(100_000, 999_999)),
        1 => format!("ACH {:08}", rng.range(0, 99_999_999)),
        2 => format!("WIRE {:06}", rng.range(0, 999_999)),
        _ => format!("Card ****{:04}", rng.range(0, 9999)),
    }
}

/// When and how much is paid of one item of `amount` due `due` on an invoice dated `date`.
fn pay_item(
    rng: &mut Rng,
    habit: Habit,
    date: NaiveDate,
    due: NaiveDate,
    amount: i64,
    deposit: bool,
) -> Vec<(NaiveDate, i64)> {
    if amount <= 0 || habit == Habit::LumpSum {
        return Vec::new();
    }
    if deposit {
        return vec![(add_days(date, rng.range(0, 5)), amount)];
    }
    let at = |days: i64| add_days(due, days).max(date);
    let parts = match habit {
        Habit::Prompt => return vec![(at(rng.range(-5, 3)), amount)],
        Habit::BitLate | Habit::Stopped if rng.chance(100) => 2,
        Habit::BitLate | Habit::Stopped => return vec![(at(rng.range(5, 25)), amount)],
        Habit::Chronic if rng.chance(500) => rng.range(2, 3),
        _ => return vec![(at(rng.range(30, 100)), amount)],
    };
    let (lo, hi) = if habit == Habit::Chronic {
        (30, 100)
    } else {
        (5, 30)
    };
    let mut days: Vec<i64> = (0..parts).map(|_| rng.range(lo, hi)).collect();
    days.sort_unstable();
    let mut left = amount;
    let mut out = Vec::with_capacity(days.len());
    for (i, d) in days.iter().enumerate() {
        let part = if i + 1 == days.len() {
            left
        } else {
            (left * rng.range(300, 700) / 1000).max(1).min(left)
        };
        left -= part;
        out.push((at(*d), part));
    }
    out
}
