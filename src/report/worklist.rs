//! The worklist: everything to do about getting paid on a day, one row per action, most
//! pressing first. `owed worklist` prints it and `owed overview` shows its top as "whom
//! to contact today". Each kind is read once for the whole book (the aging, the letter
//! ladder's run, the notes due, the unmatched bank rows), never per customer.
//!
//! The kinds, as of the run date:
//! - `promise-broken`: the customer's latest note promised money by a date that has
//!   passed — one date, or a part of a repayment plan — and less than promised came in
//!   by then (judged as the notes screen judges it). A later note is the customer's new
//!   word, so a broken promise followed by another note is no longer listed. Amount:
//!   what the passed parts are short (one part's shortfall for a single promise); date:
//!   the first short part's date.
//! - `promise-due`: a part of the latest note's promise falls due today and is not yet
//!   paid in full; amount: what is still missing of it. (Once today passes short it is
//!   `promise-broken`.)
//! - `follow-up`: the latest note's follow-up date has come (and no promise of that note
//!   is due or broken, which is listed instead). Amount: the customer's overdue; date:
//!   the follow-up date.
//! - `letter-due`: the letter ladder sends this customer a letter today ([`letter_run`]);
//!   amount: the net overdue it is dunned for; date: the oldest due date; with its level.
//! - `reminder-due` (level 0): items not yet overdue fall due within
//!   `letter.0.days_before` days (today included), for a customer the ladder sends no
//!   letter today and whose unapplied credit does not already cover them. Amount: those
//!   items; date: the first of their due dates. Off with `letter.0.enabled` = no. With
//!   `letter.0.send` = yes the reminder is also written as a letter by `letters --due`
//!   (which leaves out customers its earlier reminder already covered; the reason says
//!   when it writes one); it is still listed here as this row, not as `letter-due`.
//! - `apply-credit`: the customer has unapplied credit beside overdue items; amount: the
//!   smaller of the two, what `owed apply --customer C` would settle in one action.
//! - `dispute-open`: every open dispute, until it is resolved (its items are held from
//!   the ladder, so someone has to settle it); amount: what is open on the disputed
//!   items; date: the day it was opened.
//! - `paused-until-passed`: a pause set by hand whose date has passed while the customer
//!   still owes: the letters resume unless someone pauses again; amount: the overdue;
//!   date: the pause's last day.
//! - `review`: the customer's credit review has come (next review on or before the run
//!   date; `worklist/reviews.rs`); no amount; date: the review's date.
//! - `risk`: the customer's risk score's band rose above the band last acknowledged
//!   (never acknowledged: high or above); reason: the band, the score and why
//!   ([`risk`]); until `owed risk ack CODE`.
//! - `unmatched-money`: a bank row kept unmatched by an import; no customer; amount (when
//!   in the book's currency), date and the payer's text.
//!
//! Note-based rows (promises, follow-ups) are listed only for customers who still owe
//! something: a follow-up on an account that is paid up is moot.
//!
//! The order (one sort key, [`WorkItem::sort_key`]): broken promises first; then every
//! other customer's row by the customer's net overdue (overdue less unapplied credit, at
//! least zero), biggest first, a customer's rows together in kind order (promise due,
//! follow-up, apply credit, letter, reminder, dispute, pause, review, risk); then unmatched money, biggest first. Ties
//! go by customer code and date.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use super::letters::{Result, letter_run_for};
use super::statement::Context;
use crate::domain::Money;
use crate::domain::aging::AgedItem;
use crate::report::risk::{BookHabits, BookPromises};
use crate::store::{Customer, Note, Store};

/// What a row asks to be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WorkKind {
    PromiseBroken,
    PromiseDue,
    FollowUp,
    ApplyCredit,
    LetterDue,
    ReminderDue,
    DisputeOpen,
    PausedUntilPassed,
    ReviewDue,
    Risk,
    UnmatchedMoney,
}

impl WorkKind {
    /// The name in JSON and on screen; never translated.
    pub fn as_str(self) -> &'static str {
        match self {
            WorkKind::PromiseBroken => "promise-broken",
            WorkKind::PromiseDue => "promise-due",
            WorkKind::FollowUp => "follow-up",
            WorkKind::ApplyCredit => "apply-credit",
            WorkKind::LetterDue => "letter-due",
            WorkKind::ReminderDue => "reminder-due",
            WorkKind::DisputeOpen => "dispute-open",
            WorkKind::PausedUntilPassed => "paused-until-passed",
            WorkKind::ReviewDue => "review",
            WorkKind::Risk => "risk",
            WorkKind::UnmatchedMoney => "unmatched-money",
        }
    }
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkItem {
    pub kind: WorkKind,
    /// The customer's code; empty for money not matched to a customer.
    pub customer: String,
    pub name: String,
    pub amount: Option<Money>,
    pub date: Option<NaiveDate>,
    /// Why, in words, naming the command that does it where there is one.
    pub reason: String,
    /// The letter level for `letter-due`, 0 for `reminder-due`.
    pub level: Option<u8>,
    /// The customer's overdue less disputed items and unapplied credit (at least zero), as
    /// the ladder counts it: the sort weight.
    pub net_overdue: Money,
    /// The kept bank row's id for `unmatched-money` (`owed import assign ROW`).
    pub bank_row: Option<i64>,
    /// The open dispute's id for `dispute-open` (`owed dispute resolve ID`).
    pub dispute: Option<i64>,
    /// What was said or written down, shown beside the row: the latest note's summary
    /// (promises, follow-ups), the dispute's or pause's reason, the payer's text.
    pub said: Option<String>,
}

impl WorkItem {
    /// Broken promises, then customers by net overdue (biggest first), then unmatched
    /// money by amount (biggest first); within a customer by kind; then code and date.
    #[allow(clippy::type_complexity)]
    pub fn sort_key(
        &self,
    ) -> (
        u8,
        Reverse<Money>,
        WorkKind,
        &str,
        Option<NaiveDate>,
        Option<i64>,
    ) {
        let (tier, weight) = match self.kind {
            WorkKind::PromiseBroken => (0, self.net_overdue),
            WorkKind::UnmatchedMoney => (2, self.amount.unwrap_or(Money::ZERO)),
            _ => (1, self.net_overdue),
        };
        (
            tier,
            Reverse(weight),
            self.kind,
            self.customer.as_str(),
            self.date,
            self.bank_row,
        )
    }
}

/// The worklist of a day, in [`WorkItem::sort_key`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worklist {
    pub date: NaiveDate,
    pub items: Vec<WorkItem>,
    pub totals: Totals,
    /// The risk of each customer with a `risk` row, by code.
    pub risks: HashMap<String, crate::domain::risk::Risk>,
}

/// One customer's money as of the date, from the aging.
#[derive(Debug, Clone, Copy)]
struct Position {
    overdue: Money,
    net_overdue: Money,
    owes: bool,
}

/// The worklist, and what `then` makes of its aging and customers (read once for both).
/// `notes` gives the week's notes ([`notes::week_notes`]) and the habits' half of the
/// risk scores' reads, `promises` the other half: read beside this (see `reads.rs`),
/// each waited for only where it is needed.
fn worklist_with<T>(
    store: &Store,
    date: NaiveDate,
    notes: impl FnOnce() -> Result<(Vec<Note>, BookHabits)>,
    promises: impl FnOnce() -> Result<BookPromises>,
    then: impl FnOnce(&Context, Vec<Customer>) -> T,
) -> Result<(Worklist, T)> {
    let customers = store.customers()?;
    // The aging without every item's number (150 ms of an overview on a big book):
    // only the items of open disputes, matched by number, and those named in reminder
    // rows need theirs, looked up below.
    let mut context = Context::unnumbered(store, date, &customers)?;
    let open_disputes = store.disputes(true)?;
    let disputed = store.disputed_items()?;
    let dispute_numbers: HashSet<&str> = open_disputes
        .iter()
        .map(|d| d.invoice.as_str())
        .chain(disputed.iter().map(|(number, _)| number.as_str()))
        .collect();
    context.number_items(&store.items_of_documents(dispute_numbers)?);
    let run = letter_run_for(store, &context, &customers)?;
    let reminder = store.reminder_rules()?;
    let currency = store.currency().clone();
    let mut items = Vec::new();
    let mut positions: HashMap<&str, Position> = HashMap::new();
    let names: HashMap<&str, &str> = customers
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str()))
        .collect();
    // A payment reminder due as a letter (`letter.0.send`) is this list's reminder row,
    // not a letter-due one.
    let lettered: HashSet<&str> = run
        .due
        .iter()
        .filter(|d| d.level.is_rung())
        .map(|d| d.customer.as_str())
        .collect();
    // Those `letters --due` writes a payment reminder to today (`letter.0.send`).
    let reminder_letters: HashSet<&str> = run
        .due
        .iter()
        .filter(|d| !d.level.is_rung())
        .map(|d| d.customer.as_str())
        .collect();
    let reminder_until = date
        .checked_add_days(Days::new(reminder.days_before.max(0) as u64))
        .unwrap_or(date);
    // What a reminder row names: the open items falling due from today to the day.
    fn coming(aged: &[AgedItem], date: NaiveDate, until: NaiveDate) -> Vec<&AgedItem> {
        aged.iter()
            .filter(|i| i.open.is_positive() && i.due >= date && i.due <= until)
            .collect()
    }
    if reminder.enabled {
        let named = customers
            .iter()
            .filter(|c| !lettered.contains(c.code.as_str()))
            .flat_map(|c| coming(context.aging_items(c.id), date, reminder_until))
            .map(|i| i.id);
        let numbers = store.item_numbers(named)?;
        context.number_items(&numbers);
    }
    let context = context;
    for customer in &customers {
        let aged = context.aging_items(customer.id);
        let overdue: Money = aged
            .iter()
            .filter(|i| i.days_overdue > 0 && i.open.is_positive())
            .map(|i| i.open)
            .sum();
        let credit = context.unapplied_credit(customer.id).max(Money::ZERO);
        let open: Money = aged.iter().map(|i| i.open).sum();
        // What the ladder duns: disputed items are not chased (as `letters --due`).
        let disputed_overdue: Money = aged
            .iter()
            .filter(|i| i.days_overdue > 0 && i.open.is_positive())
            .filter(|i| disputed.contains(&(i.number.clone(), i.seq)))
            .map(|i| i.open)
            .sum();
        let position = Position {
            overdue,
            net_overdue: (overdue - disputed_overdue - credit).max(Money::ZERO),
            owes: (open - credit).is_positive(),
        };
        positions.insert(customer.code.as_str(), position);
        let item = |kind, amount, date, reason: String, level| WorkItem {
            kind,
            customer: customer.code.clone(),
            name: customer.name.clone(),
            amount,
            date,
            reason,
            level,
            net_overdue: position.net_overdue,
            bank_row: None,
            dispute: None,
            said: None,
        };
        if credit.is_positive() && overdue.is_positive() {
            items.push(item(
                WorkKind::ApplyCredit,
                Some(credit.min(overdue)),
                None,
                format!(
                    "unapplied credit {} beside {} overdue: run `owed apply --customer {}`",
                    currency.display(credit),
                    currency.display(overdue),
                    customer.code
                ),
                None,
            ));
        }
        if reminder.enabled && !lettered.contains(customer.code.as_str()) {
            let mut coming = coming(aged, date, reminder_until);
            // The aging's order (its items stand by id within a due date here).
            coming.sort_by(|a, b| (a.due, &a.number, a.seq).cmp(&(b.due, &b.number, b.seq)));
            let amount: Money = coming.iter().map(|i| i.open).sum();
            if amount.is_positive() && credit < overdue + amount {
                let first = coming.iter().map(|i| i.due).min();
                let numbers: Vec<&str> = coming.iter().map(|i| i.number.as_str()).collect();
                items.push(item(
                    WorkKind::ReminderDue,
                    Some(amount),
                    first,
                    format!(
                        "{} falling due by {reminder_until}: a payment reminder before the due date{}",
                        numbers.join(", "),
                        if reminder_letters.contains(customer.code.as_str()) {
                            "; `owed letters --due` writes it"
                        } else {
                            ""
                        }
                    ),
                    Some(0),
                ));
            }
        }
    }
    for due in run.due.iter().filter(|d| d.level.is_rung()) {
        let net_overdue = positions
            .get(due.customer.as_str())
            .map_or(due.net_overdue, |p| p.net_overdue);
        items.push(WorkItem {
            kind: WorkKind::LetterDue,
            customer: due.customer.clone(),
            name: names
                .get(due.customer.as_str())
                .map(|n| n.to_string())
                .unwrap_or_default(),
            amount: Some(due.net_overdue),
            date: Some(due.oldest_due),
            reason: format!(
                "level {} ({}): {}; `owed letters --due`",
                due.level.number(),
                due.level.name(),
                due.reason
            ),
            level: Some(due.level.number()),
            net_overdue,
            bank_row: None,
            dispute: None,
            said: None,
        });
    }
    // The notes of the week's promises include those of today's rows.
    let (week_notes, habits) = notes()?;
    let notes = notes::judged(store, week_notes, date, &customers)?;
    let notes = (notes.0.as_slice(), notes.1.as_slice());
    items.extend(notes::note_items(date, notes, &positions, &currency));
    for row in store.unmatched_bank_rows()? {
        let in_book_currency = row
            .currency
            .as_deref()
            .is_none_or(|c| c.eq_ignore_ascii_case(&currency.code));
        let amount = in_book_currency
            .then(|| currency.parse_plain(&row.amount).ok())
            .flatten();
        let shown = match amount {
            Some(a) => currency.display(a),
            None => format!("{} {}", row.amount, row.currency.as_deref().unwrap_or("")),
        };
        let payer = row.counterparty.as_deref().unwrap_or("unknown payer");
        items.push(WorkItem {
            kind: WorkKind::UnmatchedMoney,
            customer: String::new(),
            name: String::new(),
            amount,
            date: Some(row.date),
            reason: format!(
                "{} from {payer} ({}) matches no customer: `owed import assign {} --customer C`",
                shown.trim(),
                row.description,
                row.id
            ),
            level: None,
            net_overdue: Money::ZERO,
            bank_row: Some(row.id),
            dispute: None,
            said: Some(format!("{payer}: {}", row.description)),
        });
    }
    let ids: HashMap<&str, crate::domain::ids::CustomerId> =
        customers.iter().map(|c| (c.code.as_str(), c.id)).collect();
    let customer_item = |kind, code: &str, amount, day, reason: String, said, dispute| WorkItem {
        kind,
        customer: code.to_string(),
        name: names.get(code).map(|n| n.to_string()).unwrap_or_default(),
        amount,
        date: day,
        reason,
        level: None,
        net_overdue: positions.get(code).map_or(Money::ZERO, |p| p.net_overdue),
        bank_row: None,
        dispute,
        said,
    };
    // Every open dispute stays on the list until it is resolved: its items are held
    // from the ladder, so someone has to settle it.
    let mut disputed_total = Money::ZERO;
    for dispute in open_disputes {
        let open: Money = ids
            .get(dispute.customer.as_str())
            .map(|id| {
                context
                    .aging_items(*id)
                    .iter()
                    .filter(|i| {
                        i.number == dispute.invoice && dispute.item.is_none_or(|seq| seq == i.seq)
                    })
                    .map(|i| i.open)
                    .sum()
            })
            .unwrap_or(Money::ZERO);
        let opened = dispute
            .opened_at
            .get(..10)
            .and_then(|d| crate::domain::parse_date(d).ok());
        let what = match dispute.item {
            Some(seq) => format!("{} installment {seq}", dispute.invoice),
            None => dispute.invoice.clone(),
        };
        items.push(customer_item(
            WorkKind::DisputeOpen,
            &dispute.customer,
            Some(open),
            opened,
            format!(
                "{what} in dispute: {}; `owed dispute resolve {} --outcome …`",
                dispute.reason, dispute.id
            ),
            Some(format!("{what}: {}", dispute.reason)),
            Some(dispute.id),
        ));
        disputed_total += open;
    }
    // A pause set by hand whose date has passed: the letters resume unless someone
    // decides otherwise, so it is shown once the day is past.
    for (code, pause) in store.customer_pauses()? {
        let owes = positions.get(code.as_str()).is_some_and(|p| p.owes);
        if pause.until < date && owes {
            items.push(customer_item(
                WorkKind::PausedUntilPassed,
                &code,
                positions.get(code.as_str()).map(|p| p.overdue),
                Some(pause.until),
                format!(
                    "paused until {} ({}); letters resume: `owed customer pause {code} --until D` to hold again",
                    pause.until, pause.reason
                ),
                Some(pause.reason.clone()),
                None,
            ));
        }
    }
    items.extend(reviews::review_items(store, date, |code| {
        positions.get(code).map_or(Money::ZERO, |p| p.net_overdue)
    })?);
    // Everything but the broken promises before waiting for them.
    let scored = risk::scored_before_promises(date, &context, &customers, &habits);
    let totals = Totals {
        overdue: positions.values().map(|p| p.overdue).sum(),
        promised_this_week: promised_within(date, notes::week_end(date), notes),
        disputed: disputed_total,
    };
    let (risen, risks) = risk::rows(store, scored, &promises()?, &positions)?;
    items.extend(risen);
    items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let worklist = Worklist {
        date,
        items,
        totals,
        risks,
    };
    Ok((worklist, then(&context, customers)))
}

mod notes;
mod reads;
mod reviews;
mod risk;
mod totals;

pub use reads::{worklist, worklist_and_customers};

pub use totals::Totals;
use totals::promised_within;

#[cfg(test)]
mod tests;
