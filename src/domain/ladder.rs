//! The demand-letter ladder: which letter, if any, a customer is due on a run date, or
//! why it is held. Pure: the caller gathers the customer's open items, unapplied credit,
//! the letters already sent and its promises; [`decide`] applies the rules.
//!
//! The rules:
//! - Only items due before the run date with something open are overdue. Nothing
//!   overdue: no decision at all.
//! - A customer paused by hand is held while the pause's date has not passed.
//! - Items in an open dispute are not dunned: when every overdue item is disputed the
//!   customer is held; otherwise the spell is that of the undisputed items.
//! - A customer is dunned for its overdue amount less its disputed items and its
//!   unapplied credit. When that is ≤ 0 it is held ("credit covers it"); when it is
//!   below the tolerance, held too.
//! - An open promise (not yet paid in full, its date on or after the run date) holds
//!   the ladder until its date; once the date passes unpaid the ladder resumes. A
//!   repayment plan holds while no passed part is short, until the next part's date.
//! - A *spell* of lateness is the unbroken stretch of days up to the run date on which
//!   something (undisputed now) was overdue; it starts at the due date of the item whose
//!   lateness began that stretch. Items overdue now reach back to their due dates, and an
//!   item settled since ([`SettledItem`]) was overdue from the day after its due date to
//!   the day before it was settled, so paying the oldest item while later ones stay
//!   overdue does not start a new spell. The letters of the spell are those dated from
//!   its start through the run date. The first
//!   letter of a spell is the lowest enabled level; each next one is the next enabled
//!   level above the highest sent in the spell. A rung is due when the oldest item is at
//!   least its threshold days past due. Levels are never skipped except switched-off ones.
//! - No letter comes sooner than the interval after the previous letter to the
//!   customer, whatever spell that one belonged to, so two ladder letters are never
//!   closer than the interval.
//! - The level-0 payment reminder ([`Level::BeforeDue`]) is not a rung: it is written
//!   before anything falls due, so it neither starts a spell nor counts for the
//!   interval; the first letter after the due date is still the lowest enabled rung.

use std::fmt;

use chrono::NaiveDate;

use super::Money;
use super::customer::Tier;
use super::letters::Level;

/// An open item of the customer's: when it fell (or falls) due and what is still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenItem {
    pub due: NaiveDate,
    pub open: Money,
    /// In an open dispute: never dunned while it is.
    pub disputed: bool,
}

/// An item settled on or before the run date that had been overdue: overdue from the day
/// after `due` through the day before `settled` (what settled it: payments or credits
/// allocated to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettledItem {
    pub due: NaiveDate,
    pub settled: NaiveDate,
}

/// The due date that starts the spell of lateness reaching the run date: `oldest_due` is
/// the oldest due date of the items overdue now; a settled item whose overdue days join
/// the stretch without a day's gap moves the start back to its own due date, and so on
/// back. Items settled after `date` are open at `date` and belong to the items, not here.
pub fn spell_start(date: NaiveDate, oldest_due: NaiveDate, settled: &[SettledItem]) -> NaiveDate {
    let mut late: Vec<&SettledItem> = settled
        .iter()
        // Overdue on at least one day (due + 1 through settled - 1) before the run date.
        .filter(|s| s.settled <= date && (s.settled - s.due).num_days() >= 2)
        .collect();
    // Latest settled first: once one ends before the stretch begins, every later one in
    // this order ends earlier still, so none of them can join.
    late.sort_by_key(|s| std::cmp::Reverse(s.settled));
    let mut start = oldest_due;
    for item in late {
        // Its last overdue day (settled - 1) must reach the stretch's first (start + 1).
        if (item.settled - start).num_days() < 1 {
            break;
        }
        start = start.min(item.due);
    }
    start
}

/// A letter already sent to the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentLetter {
    pub level: Level,
    pub date: NaiveDate,
}

/// A promise to pay `amount` by `date`, made on `made_on`; `paid` is what the customer
/// paid from `made_on` on (see `report::promises` for what counts). For a repayment
/// plan it is the part the plan waits for (the first not yet paid in full whose date has
/// not passed, while no passed part is short), with what was applied to that part; a
/// plan with a passed part short gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PromiseToPay {
    pub made_on: NaiveDate,
    pub date: NaiveDate,
    pub amount: Money,
    pub paid: Money,
}

impl PromiseToPay {
    /// Whether the promise holds the ladder on `date`: made by then, not paid in full,
    /// and its date not yet passed.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.made_on <= date && self.date >= date && self.paid < self.amount
    }
}

/// The level-0 payment reminder: a nudge before items fall due, listed on the worklist,
/// and written as a letter by `letters --due` when `send` is on. On by default (off as a
/// letter), three days before the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderRules {
    pub enabled: bool,
    /// Items falling due from the run date through this many days after it are reminded.
    pub days_before: i64,
    /// Whether `letters --due` writes it as a letter (`letter.0.send`).
    pub send: bool,
}

impl ReminderRules {
    pub const DEFAULT_DAYS_BEFORE: i64 = 3;
    /// The most days before the due date a reminder may be set to.
    pub const MAX_DAYS_BEFORE: i64 = 60;
}

impl Default for ReminderRules {
    fn default() -> ReminderRules {
        ReminderRules {
            enabled: true,
            days_before: ReminderRules::DEFAULT_DAYS_BEFORE,
            send: false,
        }
    }
}

/// The settings the ladder runs by, per level in [`Level::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderRules {
    /// Days past due the oldest overdue item must be for each level.
    pub thresholds: [i64; 4],
    pub enabled: [bool; 4],
    /// Least whole days between two letters to one customer.
    pub interval_days: i64,
    /// A net overdue amount below this is not dunned.
    pub tolerance: Money,
}

impl LadderRules {
    pub const DEFAULT_INTERVAL_DAYS: i64 = 7;

    fn enabled(&self, level: Level) -> bool {
        self.enabled[usize::from(level.number() - 1)]
    }

    fn threshold(&self, level: Level) -> i64 {
        self.thresholds[usize::from(level.number() - 1)]
    }

    /// The lowest enabled level above `after` (above nothing: the lowest enabled).
    pub fn next_rung(&self, after: Option<Level>) -> Option<Level> {
        Level::ALL
            .into_iter()
            .filter(|l| after.is_none_or(|a| *l > a))
            .find(|l| self.enabled(*l))
    }
}

impl Default for LadderRules {
    fn default() -> Self {
        LadderRules {
            thresholds: super::letters::default_thresholds(),
            enabled: [true; 4],
            interval_days: Self::DEFAULT_INTERVAL_DAYS,
            tolerance: Money::ZERO,
        }
    }
}

/// The ladder's rules for each customer tier: a tier's own thresholds and interval where
/// set (`tier.A.letter.N.days`, `tier.A.letter.interval_days`), the book-wide ones
/// otherwise; customers without a tier run by the book-wide ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierLadders {
    pub book: LadderRules,
    /// Tiers A, B and C, in that order.
    pub tiers: [LadderRules; 3],
}

impl TierLadders {
    /// Every tier on the book-wide ladder.
    pub fn same_for_all(book: LadderRules) -> TierLadders {
        TierLadders {
            book,
            tiers: [book; 3],
        }
    }

    /// The ladder a customer of `tier` (or none) runs by.
    pub fn for_tier(&self, tier: Option<Tier>) -> &LadderRules {
        match tier {
            None => &self.book,
            Some(tier) => &self.tiers[tier_index(tier)],
        }
    }
}

/// A, B, C as 0, 1, 2.
pub fn tier_index(tier: Tier) -> usize {
    match tier {
        Tier::A => 0,
        Tier::B => 1,
        Tier::C => 2,
    }
}

/// Everything about one customer the ladder looks at.
#[derive(Debug, Clone, Copy)]
pub struct CustomerFacts<'a> {
    /// Open items (overdue or not; the ladder picks the overdue ones).
    pub items: &'a [OpenItem],
    /// Unapplied credit the customer has, as a positive amount.
    pub credit: Money,
    pub letters: &'a [SentLetter],
    /// Items settled by the run date that had been overdue (see [`spell_start`]); items
    /// settled before the customer's first letter may be left out, as they cannot bring
    /// a letter into the spell.
    pub settled: &'a [SettledItem],
    pub promises: &'a [PromiseToPay],
    /// The customer's latest pause by hand, if it has a date.
    pub pause: Option<Pause<'a>>,
}

/// Letters held by hand until `until` (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause<'a> {
    pub until: NaiveDate,
    pub reason: &'a str,
}

/// Why a letter is due, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueReason {
    /// The first letter of this spell of lateness.
    FirstOfSpell { days_overdue: i64 },
    /// The next rung after `previous`, sent on `sent`.
    NextRung {
        previous: Level,
        sent: NaiveDate,
        days_overdue: i64,
    },
}

impl fmt::Display for DueReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DueReason::FirstOfSpell { days_overdue } => {
                write!(f, "{days_overdue} days overdue, first letter of this spell")
            }
            DueReason::NextRung {
                previous,
                sent,
                days_overdue,
            } => write!(
                f,
                "{days_overdue} days overdue, level {} sent {sent}",
                previous.number()
            ),
        }
    }
}

/// Why a customer with something overdue is not sent a letter, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeldReason {
    /// Paused by hand until this date.
    Paused { until: NaiveDate, reason: String },
    /// Every overdue item is in an open dispute.
    AllDisputed,
    /// Unapplied credit is at least the overdue amount.
    CreditCovers,
    /// Net overdue below the small-balance tolerance.
    BelowTolerance {
        net_overdue: Money,
        tolerance: Money,
    },
    /// An open promise holds the ladder until this date.
    Promise { until: NaiveDate },
    /// The next rung's threshold is not yet reached.
    Threshold {
        level: Level,
        threshold: i64,
        days_overdue: i64,
    },
    /// The previous letter is more recent than the interval.
    Interval { last: NaiveDate, next_on: NaiveDate },
    /// The only rungs above the highest sent are switched off.
    SwitchedOff { level: Level },
    /// The top level has been sent in this spell.
    TopSent { sent: NaiveDate },
}

impl fmt::Display for HeldReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeldReason::Paused { until, reason } => write!(f, "paused until {until}: {reason}"),
            HeldReason::AllDisputed => write!(f, "all overdue items in dispute"),
            HeldReason::CreditCovers => write!(f, "credit covers it"),
            HeldReason::BelowTolerance {
                net_overdue,
                tolerance,
            } => write!(
                f,
                "below the tolerance ({} net overdue, tolerance {})",
                net_overdue.0, tolerance.0
            ),
            HeldReason::Promise { until } => write!(f, "promise until {until}"),
            HeldReason::Threshold {
                level,
                threshold,
                days_overdue,
            } => write!(
                f,
                "threshold not yet reached (level {} at {threshold} days, {days_overdue} days overdue)",
                level.number()
            ),
            HeldReason::Interval { last, next_on } => write!(
                f,
                "interval not passed (last letter {last}, next from {next_on})"
            ),
            HeldReason::SwitchedOff { level } => {
                write!(f, "level {} switched off", level.number())
            }
            HeldReason::TopSent { sent } => {
                write!(f, "level {} already sent {sent}", Level::Legal.number())
            }
        }
    }
}

/// What the ladder decides for a customer with something overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Everything past due, disputed or not.
    pub overdue: Money,
    /// Overdue less the disputed items and less unapplied credit.
    pub net_overdue: Money,
    /// The oldest due date of the undisputed overdue items (of all of them when every
    /// one is disputed).
    pub oldest_due: NaiveDate,
    pub days_overdue: i64,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Due { level: Level, reason: DueReason },
    Held { reason: HeldReason },
}

/// The ladder's decision for one customer on `date`; `None` when nothing is overdue.
pub fn decide(date: NaiveDate, facts: &CustomerFacts<'_>, rules: &LadderRules) -> Option<Decision> {
    let overdue_items = facts
        .items
        .iter()
        .filter(|i| i.due < date && i.open.is_positive());
    let all_oldest = overdue_items.clone().map(|i| i.due).min()?;
    let overdue: Money = overdue_items.clone().map(|i| i.open).sum();
    let undisputed = overdue_items.filter(|i| !i.disputed);
    let all_disputed = undisputed.clone().next().is_none();
    // The spell is the undisputed items': a disputed old invoice must not push the
    // customer up the ladder for a newer one.
    let oldest_due = undisputed
        .clone()
        .map(|i| i.due)
        .min()
        .unwrap_or(all_oldest);
    let undisputed: Money = undisputed.map(|i| i.open).sum();
    let net_overdue = undisputed - facts.credit.max(Money::ZERO);
    let days_overdue = (date - oldest_due).num_days();
    let outcome = if let Some(pause) = facts.pause.filter(|p| date <= p.until) {
        Outcome::Held {
            reason: HeldReason::Paused {
                until: pause.until,
                reason: pause.reason.to_string(),
            },
        }
    } else if all_disputed {
        Outcome::Held {
            reason: HeldReason::AllDisputed,
        }
    } else {
        outcome(date, facts, rules, net_overdue, oldest_due, days_overdue)
    };
    Some(Decision {
        overdue,
        net_overdue,
        oldest_due,
        days_overdue,
        outcome,
    })
}

fn outcome(
    date: NaiveDate,
    facts: &CustomerFacts<'_>,
    rules: &LadderRules,
    net_overdue: Money,
    oldest_due: NaiveDate,
    days_overdue: i64,
) -> Outcome {
    let held = |reason| Outcome::Held { reason };
    if !net_overdue.is_positive() {
        return held(HeldReason::CreditCovers);
    }
    if net_overdue < rules.tolerance {
        return held(HeldReason::BelowTolerance {
            net_overdue,
            tolerance: rules.tolerance,
        });
    }
    if let Some(until) = facts
        .promises
        .iter()
        .filter(|p| p.holds_on(date))
        .map(|p| p.date)
        .max()
    {
        return held(HeldReason::Promise { until });
    }
    // The payment reminder before the due date is no rung of the ladder.
    let sent = facts
        .letters
        .iter()
        .filter(|l| l.date <= date && l.level != Level::BeforeDue);
    let start = spell_start(date, oldest_due, facts.settled);
    // The highest level of the spell, and the day it went (latest if sent twice).
    let top_of_spell = sent
        .clone()
        .filter(|l| l.date >= start)
        .max_by_key(|l| (l.level, l.date));
    let Some(level) = rules.next_rung(top_of_spell.map(|l| l.level)) else {
        return held(match top_of_spell {
            Some(top) if top.level == Level::Legal => HeldReason::TopSent { sent: top.date },
            // Something above is left, but switched off.
            top => HeldReason::SwitchedOff {
                level: top
                    .and_then(|t| Level::from_number(t.level.number() + 1))
                    .unwrap_or(Level::Reminder),
            },
        });
    };
    let threshold = rules.threshold(level);
    if days_overdue < threshold {
        return held(HeldReason::Threshold {
            level,
            threshold,
            days_overdue,
        });
    }
    if let Some(last) = sent.map(|l| l.date).max() {
        let next_on = last
            .checked_add_days(chrono::Days::new(rules.interval_days.max(0) as u64))
            .unwrap_or(last);
        if date < next_on {
            return held(HeldReason::Interval { last, next_on });
        }
    }
    let reason = match top_of_spell {
        None => DueReason::FirstOfSpell { days_overdue },
        Some(top) => DueReason::NextRung {
            previous: top.level,
            sent: top.date,
            days_overdue,
        },
    };
    Outcome::Due { level, reason }
}

mod before_due;

pub use before_due::{BeforeDue, decide_before_due, reminder_until};

#[cfg(test)]
mod tests;
