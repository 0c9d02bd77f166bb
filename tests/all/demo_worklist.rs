//! The demo book shows every kind of worklist row on its today, and the repayment plans
//! it stages stand as they should: one broken, one due today, one on track holding the
//! letters.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use owed::demo::{self, DemoOptions};
use owed::domain::note::PromiseStatus;
use owed::report::letters::letter_run;
use owed::report::note_statuses;
use owed::report::worklist::{WorkKind, worklist};
use owed::store::{BookSettings, NoteFilter, Store};

const EVERY_KIND: [WorkKind; 11] = [
    WorkKind::PromiseBroken,
    WorkKind::PromiseDue,
    WorkKind::FollowUp,
    WorkKind::ApplyCredit,
    WorkKind::LetterDue,
    WorkKind::ReminderDue,
    WorkKind::DisputeOpen,
    WorkKind::PausedUntilPassed,
    WorkKind::Risk,
    WorkKind::ReviewDue,
    WorkKind::UnmatchedMoney,
];

fn demo_book(customers: usize, invoices: usize, seed: u64, today: NaiveDate) -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let options = DemoOptions {
        customers,
        invoices,
        seed,
        today,
    };
    let summary = demo::generate(&mut store, &options, &mut |_, _| {}).unwrap();
    assert_eq!(summary.customers, customers);
    store
}

#[test]
fn the_demo_book_lists_every_kind_of_worklist_row() {
    for (customers, invoices, seed, today) in
        [(40, 1500, 7, "2026-11-23"), (30, 800, 11, "2026-05-01")]
    {
        let today: NaiveDate = today.parse().unwrap();
        let store = demo_book(customers, invoices, seed, today);
        assert_eq!(store.check(today).unwrap(), Vec::new());
        let list = worklist(&store, today).unwrap();
        let kinds: BTreeSet<WorkKind> = list.items.iter().map(|i| i.kind).collect();
        for kind in EVERY_KIND {
            assert!(
                kinds.contains(&kind),
                "no {} on the demo's worklist ({customers} customers, seed {seed}): {kinds:?}",
                kind.as_str()
            );
        }
        // The plans the demo stages: one broken, one with a part due today, one on track.
        let notes = store.notes(&NoteFilter::default()).unwrap();
        let statuses = note_statuses(&store, &notes, today).unwrap();
        let plans: Vec<_> = notes
            .iter()
            .zip(&statuses)
            .filter(|(n, _)| n.promise.as_ref().is_some_and(|p| p.is_plan()))
            .collect();
        assert_eq!(plans.len(), 3, "three repayment plans");
        let broken = plans.iter().filter(|(_, s)| s.promise_broken).count();
        let due = plans
            .iter()
            .filter(|(_, s)| s.promise_due && !s.promise_broken)
            .count();
        let on_track: Vec<_> = plans
            .iter()
            .filter(|(_, s)| !s.promise_due && s.promise_status() == Some(PromiseStatus::Open))
            .collect();
        assert_eq!((broken, due, on_track.len()), (1, 1, 1));
        // The plan on track holds the letters until its next part.
        let (note, status) = on_track[0];
        let next = status
            .promise
            .as_ref()
            .unwrap()
            .holding_part()
            .unwrap()
            .date;
        let run = letter_run(&store, today).unwrap();
        let held = run.held.iter().find(|h| h.customer == note.customer);
        assert_eq!(
            held.map(|h| h.reason.to_string()),
            Some(format!("promise until {next}")),
            "{}",
            note.customer
        );
    }
}
