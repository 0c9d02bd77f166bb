//! Collection notes for the demo book: reminders, calls with promises kept and broken,
//! bounced-cheque calls and the chase of a customer who stopped paying.

use chrono::NaiveDate;

use super::plan::{Event, Habit, add_days};
use super::rng::Rng;
use crate::domain::note::{Channel, Direction};

/// A note to log on the day it is planned for.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    /// Minutes after midnight it was logged.
    pub minute: u32,
    pub invoice: Option<u32>,
    pub channel: Channel,
    pub direction: Direction,
    pub summary: String,
    pub outcome: Option<String>,
    /// Promised dates and amounts in minor units: one part, or a repayment plan.
    pub promise: Option<Vec<(NaiveDate, i64)>>,
    pub follow_up: Option<NaiveDate>,
}

fn note(rng: &mut Rng, channel: Channel, direction: Direction, summary: String) -> Planned {
    Planned {
        minute: rng.range(8 * 60, 17 * 60) as u32,
        invoice: None,
        channel,
        direction,
        summary,
        outcome: None,
        promise: None,
        follow_up: None,
    }
}

pub(crate) fn invoice_number(number: u32) -> String {
    format!("INV-{number:06}")
}

/// Notes about one late item of invoice `number`: a reminder, and for chronic payers a
/// call with a promise that is either kept (paid by then) or broken (chased again).
#[allow(clippy::too_many_arguments)]
pub(crate) fn for_item(
    rng: &mut Rng,
    habit: Habit,
    number: u32,
    due: NaiveDate,
    owed: i64,
    paid_on: Option<NaiveDate>,
    today: NaiveDate,
    out: &mut Vec<(NaiveDate, Event)>,
) {
    let late_by = (paid_on.unwrap_or(today) - due).num_days();
    if owed <= 0 || late_by <= 10 {
        return;
    }
    let odds = match habit {
        Habit::BitLate => 150,
        Habit::Chronic => 500,
        Habit::Stopped => 300,
        Habit::Prompt | Habit::LumpSum => return,
    };
    let before = |d: NaiveDate| d <= today && paid_on.is_none_or(|p| d < p);
    let inv = invoice_number(number);
    if rng.chance(odds) {
        let day = add_days(due, rng.range(7, 10));
        if before(day) {
            let mut n = note(
                rng,
                Channel::Email,
                Direction::Out,
                format!("Sent payment reminder for {inv}"),
            );
            n.invoice = Some(number);
            n.follow_up = Some(add_days(day, 7));
            out.push((day, Event::Note(n)));
        }
    }
    if !matches!(habit, Habit::Chronic | Habit::Stopped) || late_by <= 35 || !rng.chance(400) {
        return;
    }
    let call = add_days(due, rng.range(20, 30));
    if !before(call) {
        return;
    }
    let mut n = note(
        rng,
        Channel::Call,
        Direction::Out,
        format!("Called about overdue {inv}"),
    );
    n.invoice = Some(number);
    match paid_on {
        Some(paid) if rng.chance(600) => {
            n.outcome = Some(format!("Promised to pay by {paid}"));
            n.promise = Some(vec![(paid, owed)]);
            n.follow_up = Some(paid);
            out.push((call, Event::Note(n)));
            let mut kept = note(
                rng,
                Channel::Other,
                Direction::In,
                format!("Payment for {inv} received as promised"),
            );
            kept.invoice = Some(number);
            kept.outcome = Some("Promise kept".into());
            out.push((paid, Event::Note(kept)));
        }
        _ => {
            let promised = add_days(call, rng.range(5, 12));
            if paid_on.is_some_and(|p| add_days(promised, 3) >= p) {
                return;
            }
            n.outcome = Some(format!("Promised to pay by {promised}"));
            n.promise = Some(vec![(promised, owed)]);
            n.follow_up = Some(promised);
            out.push((call, Event::Note(n)));
            let chase = add_days(promised, rng.range(2, 5));
            if before(chase) {
                let mut broken = note(
                    rng,
                    Channel::Call,
                    Direction::Out,
                    format!("No payment for {inv} by {promised}"),
                );
                broken.invoice = Some(number);
                broken.outcome = Some("Promise broken; asked for a new date".into());
                broken.follow_up = Some(add_days(chase, 7));
                out.push((chase, Event::Note(broken)));
            }
        }
    }
}

/// The call after the bank returned a cheque.
pub(crate) fn bounced(rng: &mut Rng, day: NaiveDate) -> Planned {
    let mut n = note(
        rng,
        Channel::Call,
        Direction::Out,
        "Bank returned the cheque unpaid; asked for a replacement".into(),
    );
    n.outcome = Some("Customer will pay by bank transfer".into());
    n.follow_up = Some(add_days(day, 5));
    n
}

/// The chase of a customer who stopped paying on `stop`: a contact every few weeks;
/// the last follow-up may fall after today.
pub(crate) fn after_stop(
    rng: &mut Rng,
    stop: NaiveDate,
    amount: i64,
    today: NaiveDate,
    out: &mut Vec<(NaiveDate, Event)>,
) {
    let mut day = add_days(stop, rng.range(20, 35));
    let mut step = 0;
    while day <= today {
        let n = match step {
            0 => {
                let mut n = note(
                    rng,
                    Channel::Email,
                    Direction::Out,
                    "Sent statement of overdue account".into(),
                );
                n.follow_up = Some(add_days(day, 14));
                n
            }
            1 => {
                let mut n = note(
                    rng,
                    Channel::Call,
                    Direction::In,
                    "Customer cites cash-flow problems".into(),
                );
                let promised = add_days(day, 14);
                n.outcome = Some(format!("Promised a payment by {promised}"));
                n.promise = Some(vec![(promised, amount.max(1))]);
                n.follow_up = Some(promised);
                n
            }
            2 => {
                let mut n = note(
                    rng,
                    Channel::Call,
                    Direction::Out,
                    "Promised payment not received".into(),
                );
                n.outcome = Some("Promise broken; account put on hold".into());
                n.follow_up = Some(add_days(day, 10));
                n
            }
            3 => {
                let mut n = note(
                    rng,
                    Channel::Letter,
                    Direction::Out,
                    "Sent final demand letter".into(),
                );
                n.follow_up = Some(add_days(day, 21));
                n
            }
            _ => {
                let mut n = note(
                    rng,
                    Channel::Call,
                    Direction::Out,
                    "No answer; left voicemail".into(),
                );
                n.outcome = Some("No response".into());
                n.follow_up = Some(add_days(day, 14));
                n
            }
        };
        out.push((day, Event::Note(n)));
        step += 1;
        day = add_days(day, rng.range(20, 35));
    }
}
