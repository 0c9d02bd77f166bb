//! The demo's showcase: after the made-up history, a few customers with overdue items
//! are given the situations the worklist exists for, so `owed worklist` on the demo's
//! today lists every kind of row — a repayment plan broken at its second part, one with
//! a part due today, one on track (it holds the letters and lists nothing), an open
//! dispute, a pause still running (beside an invoice falling due in two days, which a
//! paused customer is still reminded of), a pause whose date has passed, unapplied
//! credit beside overdue items, and (through the ordinary bank import, see
//! [`import_unmatched`]) money no customer matches. Letters, follow-ups and reminders
//! due come from the history itself. A role no customer fits (a tiny demo) is left out.

use chrono::NaiveDate;

use super::notes::invoice_number;
use super::plan::add_days;
use super::post::Poster;
use crate::domain::Currency;
use crate::domain::allocation::Apply;
use crate::domain::document::DocKind;
use crate::domain::note::{Channel, Direction, NoteDraft, Promise, PromisePart};
use crate::domain::terms::{Plan, Terms};
use crate::store::{Batch, NewCredit, NewDebit, NewDispute, OldestOverdue, Result, Store};

/// What a showcased customer is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A plan whose second part passed unpaid: `promise-broken` (and letters resume).
    BrokenPlan,
    /// A plan with a part due today: `promise-due`.
    PlanDueToday,
    /// A plan on track: holds the letters, lists nothing.
    PlanOnTrack,
    /// `dispute-open`.
    Dispute,
    /// A pause still running, and an invoice falling due in two days: `reminder-due`.
    PausedAndReminded,
    /// `paused-until-passed`.
    PauseOver,
    /// `apply-credit`.
    Credit,
}

impl Role {
    const ALL: [Role; 7] = [
        Role::BrokenPlan,
        Role::PlanDueToday,
        Role::PlanOnTrack,
        Role::Dispute,
        Role::PausedAndReminded,
        Role::PauseOver,
        Role::Credit,
    ];

    /// A plan role's days, counted from today. Its note must be the customer's latest,
    /// and only the showcase's own payment may count for it, so only customers neither
    /// noted nor paying since the plan was made take one.
    fn plan(self) -> Option<PlanDays> {
        let days = |made, paid, parts| Some(PlanDays { made, paid, parts });
        match self {
            // The first part paid the day before it, the second passed unpaid.
            Role::BrokenPlan => days(-8, -7, [-6, -2, 10]),
            // The first part paid, the second due today.
            Role::PlanDueToday => days(-6, -5, [-4, 0, 30]),
            // The first part paid, the others to come.
            Role::PlanOnTrack => days(-7, -6, [-5, 20, 50]),
            _ => None,
        }
    }
}

/// When a showcased plan is made, when its first part is paid, and its parts' dates, in
/// days from today.
#[derive(Debug, Clone, Copy)]
struct PlanDays {
    made: i64,
    paid: i64,
    parts: [i64; 3],
}

/// Stages the showcase inside the demo's transaction. `invoice` is the number kept
/// for the invoice falling due in two days; it is posted in any case (to the last
/// overdue customer when no customer takes the role, to `last_customer` when none is
/// overdue), so the demo has exactly the invoices asked for.
pub(super) fn stage(
    b: &mut Batch<'_>,
    poster: &mut Poster<'_>,
    today: NaiveDate,
    invoice: Option<u32>,
    last_customer: &str,
) -> Result<()> {
    let currency = poster.currency;
    let unit = 10i64.pow(currency.minor_units);
    let candidates = b.oldest_overdue(today)?;
    let mut used = vec![false; candidates.len()];
    let mut reminded = None;
    for role in Role::ALL {
        let fits = |c: &OldestOverdue| {
            // Something to split in three, and old enough to backdate payments to.
            currency.to_minor(c.open) >= 3
                && c.doc_date <= add_days(today, -30)
                && role.plan().is_none_or(|days| {
                    let made = add_days(today, days.made);
                    c.last_note.is_none_or(|d| d < made) && c.last_payment.is_none_or(|d| d < made)
                })
        };
        let Some(at) = (0..candidates.len()).find(|&i| !used[i] && fits(&candidates[i])) else {
            continue;
        };
        used[at] = true;
        let c = &candidates[at];
        // A third of the oldest item, in whole units where it is that big.
        let third = currency.to_minor(c.open) / 3;
        let third = if third >= unit {
            third / unit * unit
        } else {
            third
        };
        match role {
            Role::BrokenPlan | Role::PlanDueToday | Role::PlanOnTrack => {
                let Some(days) = role.plan() else { continue };
                plan(b, poster, c, today, days, third)?;
                pay(b, poster, c, add_days(today, days.paid), third)?;
            }
            Role::Dispute => {
                b.open_dispute(&NewDispute {
                    invoice: c.number.clone(),
                    item: None,
                    reason: "Customer says part of the delivery arrived damaged".into(),
                })?;
                poster.summary.notes += 1;
            }
            Role::PausedAndReminded => {
                b.pause_customer(
                    &c.customer,
                    add_days(today, 14),
                    "Owner in hospital; we agreed to wait two weeks",
                )?;
                reminded = Some(c.customer.clone());
            }
            Role::PauseOver => {
                b.pause_customer(
                    &c.customer,
                    add_days(today, -3),
                    "Agreed to wait for their new bank loan",
                )?;
            }
            Role::Credit => {
                let mut credit = payment(poster, c, add_days(today, -2), third);
                credit.apply = Apply::Unapplied;
                credit.memo = Some("Paid without a reference; held on account".into());
                b.post_credit(&credit)?;
                poster.summary.documents += 1;
            }
        }
    }
    if let Some(number) = invoice {
        let customer = reminded
            .or_else(|| candidates.last().map(|c| c.customer.clone()))
            .unwrap_or_else(|| last_customer.to_string());
        {
            // Net 30 from 28 days ago: due in two days.
            b.post_debit_overriding(
                &NewDebit {
                    customer,
                    kind: DocKind::Invoice,
                    number: Some(invoice_number(number)),
                    date: add_days(today, -28),
                    amount: currency.from_minor(100 * unit),
                    terms: Some(Terms::Net(30)),
                    due: None,
                    plan: Plan::Single,
                    reference: None,
                    memo: None,
                },
                Some(super::DEMO_OVERRIDE),
            )?;
            poster.invoices += 1;
            poster.summary.documents += 1;
        }
    }
    Ok(())
}

/// A repayment plan agreed by phone on `days.made`: three parts of `minor` each.
fn plan(
    b: &mut Batch<'_>,
    poster: &mut Poster<'_>,
    c: &OldestOverdue,
    today: NaiveDate,
    days: PlanDays,
    minor: i64,
) -> Result<()> {
    let made = add_days(today, days.made);
    let parts: Vec<PromisePart> = days
        .parts
        .iter()
        .map(|&day| PromisePart {
            date: add_days(today, day),
            amount: poster.currency.from_minor(minor),
        })
        .collect();
    let promise = Promise::new(parts)
        .map_err(|why| crate::store::StoreError::Invariant(format!("a demo plan: {why}")))?;
    let words = promise
        .parts()
        .iter()
        .map(|p| format!("{} by {}", poster.currency.display(p.amount), p.date))
        .collect::<Vec<_>>()
        .join(", ");
    b.add_note(
        &NoteDraft {
            customer_code: c.customer.clone(),
            invoice_number: None,
            channel: Channel::Call,
            direction: Direction::In,
            summary: format!("Agreed a repayment plan for {}", c.number),
            outcome: Some(format!("Three payments: {words}")),
            promise: Some(promise),
            follow_up: None,
        },
        &format!("{made}T10:00:00+00:00"),
    )?;
    poster.summary.notes += 1;
    Ok(())
}

fn payment(poster: &mut Poster<'_>, c: &OldestOverdue, date: NaiveDate, minor: i64) -> NewCredit {
    NewCredit {
        customer: c.customer.clone(),
        kind: DocKind::Payment,
        number: Some(poster.number("PAY")),
        date,
        amount: poster.currency.from_minor(minor),
        reference: Some(format!("Plan {}", c.number)),
        memo: None,
        apply: Apply::Explicit(vec![(
            c.number.clone(),
            Some(poster.currency.from_minor(minor)),
        )]),
    }
}

/// A plan's payment, applied to the item the plan is about.
fn pay(
    b: &mut Batch<'_>,
    poster: &mut Poster<'_>,
    c: &OldestOverdue,
    date: NaiveDate,
    minor: i64,
) -> Result<()> {
    let new = payment(poster, c, date, minor);
    b.post_credit(&new)?;
    poster.summary.documents += 1;
    Ok(())
}

/// Imports a small bank statement through the ordinary import — its own transaction,
/// after the history — and leaves both payments in it unmatched: money from payers the
/// book does not know, for `unmatched-money`.
pub(super) fn import_unmatched(
    store: &mut Store,
    currency: &Currency,
    today: NaiveDate,
) -> std::result::Result<(), crate::import::RunError> {
    let unit = 10i64.pow(currency.minor_units);
    let amount = |units: i64| currency.plain(currency.from_minor(units * unit));
    let csv = format!(
        "Date,Payer,Details,Amount\n{},Nordwind Handels AG,Sammelzahlung ohne Rechnungsnummer,{}\n{},J. Smith,thank you,{}\n",
        add_days(today, -3),
        amount(1235),
        add_days(today, -1),
        amount(75),
    );
    let plan = crate::import::prepare(
        store,
        "demo-bank-statement.csv",
        csv.as_bytes(),
        &crate::import::Hints::default(),
        None,
    )?;
    let decisions = vec![crate::import::Decision::LeaveUnmatched; plan.rows.len()];
    crate::import::commit(store, &plan, &decisions, |_, _| {})?;
    Ok(())
}
