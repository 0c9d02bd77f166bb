//! Where each collection note stands as of a day: whether its follow-up has come, and
//! how the promise to pay it records — one date, or a repayment plan of several — stands
//! part by part. The rules are pure ([`note_status`], with the promise's own in
//! [`crate::domain::note::Promise::judge`]); [`note_statuses`] gathers what they need
//! from the book, so the notes screen, the worklist, the letter ladder and `note list`
//! agree on what "broken" means.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Result;
use crate::domain::Money;
use crate::domain::note::{Channel, Direction, Promise, PromiseStanding, PromiseStatus};
use crate::store::{Customer, EMAILED_STATEMENT_NOTE, Note, Store};

/// A note's standing as of a day. A promise can be both due and broken: a customer's
/// latest word was a promise with a part whose date has passed short.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteStatus {
    /// Nothing was logged for the customer after this note.
    pub latest: bool,
    /// The latest note's follow-up date has come.
    pub follow_up_due: bool,
    /// What the customer paid from the note's day through the promise's last date, when
    /// the note records a promise.
    pub paid: Option<Money>,
    /// Every part is paid in full.
    pub promise_kept: bool,
    /// The latest note's promise has a part falling due today not yet paid in full, or
    /// is broken.
    pub promise_due: bool,
    /// A part whose date has passed is short, whatever was logged since.
    pub promise_broken: bool,
    /// Each part, what was applied to it and where it stands; the whole promise's status.
    pub promise: Option<PromiseStanding>,
}

impl NoteStatus {
    /// The whole promise's status, when the note records one.
    pub fn promise_status(&self) -> Option<PromiseStatus> {
        self.promise.as_ref().map(|p| p.status)
    }
}

/// The facts one note's standing depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteFacts<'a> {
    /// The day the note was logged.
    pub day: NaiveDate,
    pub latest: bool,
    pub follow_up: Option<NaiveDate>,
    pub promise: Option<&'a Promise>,
    /// For each part of the promise, the payments dated from `day` through that part's
    /// date and made after the note (on `day` itself, entered after it was logged);
    /// ignored without a promise.
    pub paid_through: Vec<Money>,
}

/// The rules, as of `today`.
pub fn note_status(facts: &NoteFacts<'_>, today: NaiveDate) -> NoteStatus {
    let follow_up_due = facts.latest && facts.follow_up.is_some_and(|d| d <= today);
    let Some(promise) = facts.promise else {
        return NoteStatus {
            latest: facts.latest,
            follow_up_due,
            ..NoteStatus::default()
        };
    };
    let standing = promise.judge(&facts.paid_through, today);
    let broken = standing.is_broken();
    NoteStatus {
        latest: facts.latest,
        follow_up_due,
        paid: Some(facts.paid_through.last().copied().unwrap_or(Money::ZERO)),
        promise_kept: standing.status == PromiseStatus::Kept,
        promise_due: facts.latest && (broken || standing.due_today().is_some()),
        promise_broken: broken,
        promise: Some(standing),
    }
}

/// The day part of a note's `at` stamp (`YYYY-MM-DDTHH:MM:SS±HH:MM`).
pub fn note_day(at: &str) -> Option<NaiveDate> {
    at.get(..10)?.parse().ok()
}

/// Every note's standing as of `today`, in the order of `notes`. Payments are looked up
/// once per part of each promise, so this belongs on a worker thread for a large book.
pub fn note_statuses(store: &Store, notes: &[Note], today: NaiveDate) -> Result<Vec<NoteStatus>> {
    note_statuses_for(store, notes, today, &store.customers()?)
}

/// Whether the book logged `note` for a statement it emailed.
fn is_routine(note: &Note) -> bool {
    note.channel == Channel::Email
        && note.direction == Direction::Out
        && note.summary.starts_with(EMAILED_STATEMENT_NOTE)
}

/// [`note_statuses`] with the book's customers already read: the worklist judges notes
/// three times (its rows, the week's promises, the letter ladder) and read the
/// customers for each.
pub fn note_statuses_for(
    store: &Store,
    notes: &[Note],
    today: NaiveDate,
    customers: &[Customer],
) -> Result<Vec<NoteStatus>> {
    // The latest note per customer is the greatest (at, id); `notes` need not be sorted.
    // A month's statement the book emailed is routine, as a printed one (which logs no
    // note): it is not the customer's new word, so it supersedes no promise or follow-up.
    let mut latest: HashMap<&str, (&str, i64)> = HashMap::new();
    for note in notes.iter().filter(|note| !is_routine(note)) {
        let entry = latest
            .entry(note.customer.as_str())
            .or_insert((note.at.as_str(), note.id));
        if (note.at.as_str(), note.id) > *entry {
            *entry = (note.at.as_str(), note.id);
        }
    }
    let ids: HashMap<&str, _> = customers.iter().map(|c| (c.code.as_str(), c.id)).collect();
    let mut out = Vec::with_capacity(notes.len());
    for note in notes {
        let day = note_day(&note.at).unwrap_or(today);
        let mut paid_through = Vec::new();
        if let (Some(promise), Some(id)) = (&note.promise, ids.get(note.customer.as_str())) {
            for part in promise.parts() {
                paid_through.push(store.payments_between(*id, day, part.date, Some(&note.at))?);
            }
        }
        let facts = NoteFacts {
            day,
            latest: latest.get(note.customer.as_str()) == Some(&(note.at.as_str(), note.id)),
            follow_up: note.follow_up,
            promise: note.promise.as_ref(),
            paid_through,
        };
        out.push(note_status(&facts, today));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;
    use crate::domain::customer::CustomerDraft;
    use crate::domain::document::DocKind;
    use crate::domain::note::{Channel, Direction, NoteDraft};
    use crate::store::{BookSettings, NewCredit, NoteFilter, VoidRequest};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn money(text: &str) -> Money {
        Currency::default().parse(text).unwrap()
    }

    fn facts<'a>(latest: bool, promise: Option<&'a Promise>, paid: &[&str]) -> NoteFacts<'a> {
        NoteFacts {
            day: date("2026-11-01"),
            latest,
            follow_up: None,
            promise,
            paid_through: paid.iter().map(|p| money(p)).collect(),
        }
    }

    /// A single promise's standing on `today`.
    fn single(
        latest: bool,
        promise: Option<(&str, &str)>,
        paid: &str,
        today: NaiveDate,
    ) -> NoteStatus {
        let promise = promise.map(|(d, a)| Promise::single(date(d), money(a)));
        note_status(&facts(latest, promise.as_ref(), &[paid]), today)
    }

    #[test]
    fn promises_kept_due_and_broken() {
        let today = date("2026-11-23");
        // Due today, unpaid: due but not yet broken.
        let s = single(true, Some(("2026-11-23", "50.00")), "0", today);
        assert!(s.promise_due && !s.promise_broken && !s.promise_kept);
        // Paid in full (or more): kept, never due or broken.
        let s = single(true, Some(("2026-11-20", "50.00")), "50.00", today);
        assert!(s.promise_kept && !s.promise_due && !s.promise_broken);
        let s = single(false, Some(("2026-11-20", "50.00")), "60.00", today);
        assert!(s.promise_kept);
        // Short by a cent, date passed: broken, and due while it is the latest word.
        let s = single(true, Some(("2026-11-20", "50.00")), "49.99", today);
        assert!(s.promise_broken && s.promise_due);
        assert_eq!(s.paid, Some(money("49.99")));
        // Something logged since: still broken, no longer due.
        let s = single(false, Some(("2026-11-20", "50.00")), "0", today);
        assert!(s.promise_broken && !s.promise_due);
        // Not yet come: neither.
        let s = single(true, Some(("2026-11-30", "50.00")), "0", today);
        assert_eq!(
            (s.promise_due, s.promise_broken, s.promise_kept),
            (false, false, false)
        );
        // No promise, nothing about promises.
        let s = single(true, None, "100.00", today);
        assert_eq!(s.paid, None);
        assert!(!s.promise_kept);
    }

    #[test]
    fn follow_ups_come_due_only_on_the_latest_note() {
        let today = date("2026-11-23");
        let mut f = facts(true, None, &["0"]);
        for (day, due) in [
            ("2026-11-22", true),
            ("2026-11-23", true),
            ("2026-11-24", false),
        ] {
            f.follow_up = Some(date(day));
            assert_eq!(note_status(&f, today).follow_up_due, due, "{day}");
        }
        f.follow_up = Some(date("2026-11-01"));
        f.latest = false;
        assert!(!note_status(&f, today).follow_up_due);
    }

    #[test]
    fn statuses_from_the_book() {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        for code in ["C1", "C2"] {
            store
                .add_customer(&CustomerDraft {
                    code: code.into(),
                    name: format!("Customer {code}"),
                    ..Default::default()
                })
                .unwrap();
        }
        let note = |store: &mut Store, code: &str, promise: Option<(&str, &str)>| {
            store
                .add_note(&NoteDraft {
                    customer_code: code.into(),
                    invoice_number: None,
                    channel: Channel::Call,
                    direction: Direction::Out,
                    summary: "called".into(),
                    outcome: None,
                    promise: promise.map(|(d, a)| Promise::single(date(d), money(a))),
                    follow_up: None,
                })
                .unwrap()
        };
        let pay = |store: &mut Store, code: &str, number: &str, amount: &str| {
            store
                .post_credit(&NewCredit {
                    customer: code.into(),
                    kind: DocKind::Payment,
                    number: Some(number.into()),
                    date: chrono::Local::now().date_naive(),
                    amount: money(amount),
                    reference: None,
                    memo: None,
                    apply: Default::default(),
                })
                .unwrap();
        };
        // Notes are stamped now, so "today" is a few days on, past every promise date.
        let logged = chrono::Local::now().date_naive();
        let promised = (logged + chrono::Days::new(1)).to_string();
        let today = logged + chrono::Days::new(5);
        note(&mut store, "C1", Some((&promised, "30.00")));
        note(&mut store, "C2", Some((&promised, "30.00")));
        note(&mut store, "C2", None);
        pay(&mut store, "C1", "P1", "20.00");
        pay(&mut store, "C1", "P2", "10.00");
        pay(&mut store, "C2", "P3", "40.00");
        // A bounced payment keeps no promise.
        store
            .void(&VoidRequest {
                number: "P3".into(),
                date: None,
                reason: None,
            })
            .unwrap();

        let notes = store.notes(&NoteFilter::default()).unwrap();
        let statuses = note_statuses(&store, &notes, today).unwrap();
        let by = |code: &str, promised: bool| {
            let i = notes
                .iter()
                .position(|n| n.customer == code && n.promise.is_some() == promised)
                .unwrap();
            statuses[i].clone()
        };
        let c1 = by("C1", true);
        assert!(c1.latest && c1.promise_kept && !c1.promise_broken);
        assert_eq!(c1.paid, Some(money("30.00")));
        let c2 = by("C2", true);
        assert!(!c2.latest && c2.promise_broken && !c2.promise_due);
        assert_eq!(c2.paid, Some(Money::ZERO));
        assert!(by("C2", false).latest);
    }

    #[test]
    fn a_payment_already_in_the_book_keeps_no_promise() {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        store
            .add_customer(&CustomerDraft {
                code: "C1".into(),
                name: "Customer".into(),
                ..Default::default()
            })
            .unwrap();
        let today = chrono::Local::now().date_naive();
        let pay = |store: &mut Store, number: &str, date: NaiveDate| {
            store
                .post_credit(&NewCredit {
                    customer: "C1".into(),
                    kind: DocKind::Payment,
                    number: Some(number.into()),
                    date,
                    amount: money("50.00"),
                    reference: None,
                    memo: None,
                    apply: Default::default(),
                })
                .unwrap();
        };
        // Paid yesterday and earlier today, then the promise is logged.
        pay(&mut store, "P1", today - chrono::Days::new(1));
        pay(&mut store, "P2", today);
        store
            .add_note(&NoteDraft {
                customer_code: "C1".into(),
                invoice_number: None,
                channel: Channel::Call,
                direction: Direction::In,
                summary: "will pay 50 next week".into(),
                outcome: None,
                promise: Some(Promise::single(
                    today + chrono::Days::new(7),
                    money("50.00"),
                )),
                follow_up: None,
            })
            .unwrap();
        let status = |store: &Store| {
            let notes = store.notes(&NoteFilter::default()).unwrap();
            note_statuses(store, &notes, today).unwrap().remove(0)
        };
        let before = status(&store);
        assert!(
            !before.promise_kept,
            "money already in the book keeps no promise"
        );
        assert_eq!(before.paid, Some(Money::ZERO));
        // Money that comes after the promise keeps it, even on the same day.
        pay(&mut store, "P3", today);
        let after = status(&store);
        assert!(after.promise_kept);
        assert_eq!(after.paid, Some(money("50.00")));
    }
}
