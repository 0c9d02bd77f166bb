//! A review reads each row, counts, plans and writes as a plan of the whole file does,
//! with the screen's defaults, with every confident match accepted, and with rows decided
//! one by one; for a file read a row at a time and for one read whole.

use std::path::Path;

use super::*;
use crate::domain::allocation::Apply;
use crate::import::pipeline::streamed::tests::{book, file};
use crate::import::{commit, default_decisions, prepare};

fn plan_of(store: &Store, path: &Path) -> ImportPlan {
    let bytes = std::fs::read(path).unwrap();
    let name = path.display().to_string();
    prepare(store, &name, &bytes, &Hints::default(), None).unwrap()
}

fn review_of(store: &Store, path: &Path) -> Review {
    Review::open(store, path, u64::MAX, &Hints::default(), None, 0.9).unwrap()
}

/// Compares everything the review says of the file with the whole plan, for these
/// decisions.
fn same_as_plan(review: &Review, plan: &ImportPlan, store: &Store, decisions: &Decisions) {
    let finals = review.final_decisions(decisions);
    let summary = review.summary(decisions);
    assert_eq!(summary, plan.summary(&finals, None));
    let payments = review.payments(decisions);
    assert_eq!(payments, plan.planned_payments(store, &finals).unwrap());
    let figures = review.figures(decisions);
    assert_eq!(figures.summary, summary);
    assert_eq!(figures.payments.len(), payments.len());
    assert_eq!(
        figures.to_post,
        plan.rows
            .iter()
            .zip(&finals)
            .filter(|(r, d)| r.is_payable() && matches!(d, Decision::Accept { .. }))
            .count()
    );
    assert_eq!(figures.can_post, plan.can_post());
    assert_eq!(figures.set_aside, plan.set_aside());
}

/// How the file is reviewed: opened (a row at a time, or whole when it must be), or
/// from a plan of the whole file.
#[derive(PartialEq)]
enum Made {
    Opened,
    Whole,
}

fn check(path: &Path, made: Made) {
    let store = book();
    let plan = plan_of(&store, path);
    let streamed = made == Made::Opened;
    let review = match made {
        Made::Opened => review_of(&store, path),
        Made::Whole => Review::whole(&store, plan_of(&store, path), 0.9).unwrap(),
    };
    assert_eq!(review.is_streamed(), streamed);
    assert_eq!(review.len(), plan.rows.len());
    for (index, planned) in plan.rows.iter().enumerate() {
        let row = review.row(index).unwrap();
        assert_eq!(format!("{row:?}"), format!("{planned:?}"), "row {index}");
        let glance = review.glance(index).unwrap();
        assert_eq!(glance.kind, planned.kind);
        assert_eq!(glance.payable, planned.is_payable());
        assert_eq!(glance.known, planned.status == RowStatus::AlreadyImported);
    }
    // The screen's defaults: probable duplicates skipped, the rest undecided.
    let mut decisions = Decisions::default();
    let defaults: Vec<Option<Decision>> = (0..review.len())
        .map(|i| review.decision(i, &decisions))
        .collect();
    assert!(
        defaults
            .iter()
            .all(|d| matches!(d, None | Some(Decision::Skip)))
    );
    same_as_plan(&review, &plan, &store, &decisions);
    // Every confident match accepted: what `owed import` does by default.
    let accepted = review.accept_all_confident(&mut decisions);
    assert!(accepted > 0);
    assert_eq!(review.accept_all_confident(&mut decisions), 0);
    assert_eq!(
        review.final_decisions(&decisions),
        default_decisions(&plan, 0.9)
    );
    same_as_plan(&review, &plan, &store, &decisions);
    // Rows decided one by one, over that.
    let confident = (0..review.len()).find(|&i| review.glance(i).unwrap().confident);
    let unsure = (0..review.len()).find(|&i| {
        let g = review.glance(i).unwrap();
        g.payable && !g.confident && !g.lookalike
    });
    let lookalike = (0..review.len()).find(|&i| review.glance(i).unwrap().lookalike);
    decisions.choose(confident.unwrap(), Decision::LeaveUnmatched);
    decisions.choose(
        unsure.unwrap(),
        Decision::Accept {
            customer: "K07".into(),
            apply: Apply::OldestFirst,
        },
    );
    if let Some(index) = lookalike {
        decisions.choose(
            index,
            Decision::Accept {
                customer: "K01".into(),
                apply: Apply::OldestFirst,
            },
        );
    }
    same_as_plan(&review, &plan, &store, &decisions);
    // Written: the same book, row for row, as the commit of the whole plan.
    let (mut by_plan, mut by_review) = (book(), book());
    let a = commit(
        &mut by_plan,
        &plan,
        &review.final_decisions(&decisions),
        |_, _| {},
    )
    .unwrap();
    let b = review
        .commit(&mut by_review, &decisions, |_, _| {})
        .unwrap();
    assert_eq!(a.summary, b.summary);
    assert_eq!(a.batch.map(|b| b.id), b.batch.map(|b| b.id));
    assert_eq!(by_plan.dump_import_tables(), by_review.dump_import_tables());
    // Read again after the import: every row is already in the book.
    let again = review_of(&by_review, path);
    assert!((0..again.len()).all(|i| {
        let g = again.glance(i).unwrap();
        g.known || g.date.is_none() || !matches!(g.kind, RowKind::MoneyIn | RowKind::MoneyOut)
    }));
    assert_eq!(again.figures(&Decisions::default()).to_post, 0);
}

#[test]
fn a_review_read_a_row_at_a_time_is_the_whole_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("konto.csv");
    std::fs::write(&path, file()).unwrap();
    check(&path, Made::Opened);
}

#[test]
fn a_review_of_a_file_in_another_encoding_and_of_a_whole_plan_is_the_whole_plan() {
    // Windows-1252, not UTF-8: read a row at a time from a decoded copy, and as a plan
    // of the whole file (as an OFX or a spreadsheet is).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("konto.csv");
    let text = file().replace("Buero", "B\u{fc}ro");
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    std::fs::write(&path, bytes).unwrap();
    check(&path, Made::Opened);
    check(&path, Made::Whole);
}

#[test]
fn a_row_changed_in_the_file_since_it_was_read_is_said_not_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("konto.csv");
    let text = file();
    std::fs::write(&path, &text).unwrap();
    let store = book();
    let review = review_of(&store, &path);
    assert!(review.row(5).is_ok());
    std::fs::write(&path, text.replace(",00;USD", ",01;USD")).unwrap();
    let error = (0..review.len())
        .find_map(|i| review.row(i).err())
        .expect("a changed row is refused");
    assert!(error.to_string().contains("read the file again"), "{error}");
}

#[test]
fn rows_decided_at_random_count_plan_and_write_as_the_whole_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("konto.csv");
    std::fs::write(&path, file()).unwrap();
    let store = book();
    let plan = plan_of(&store, &path);
    let review = review_of(&store, &path);
    let payable: Vec<usize> = (0..review.len())
        .filter(|&i| review.glance(i).unwrap().payable)
        .collect();
    // A fixed sequence of pseudo-random choices (the same on every run).
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    for round in 0..4 {
        let mut decisions = Decisions::default();
        if round % 2 == 1 {
            review.accept_all_confident(&mut decisions);
        }
        for _ in 0..60 {
            let index = payable[next(payable.len())];
            let decision = match next(4) {
                0 => Decision::Skip,
                1 => Decision::LeaveUnmatched,
                2 => Decision::Accept {
                    customer: format!("K{:02}", next(30) + 1),
                    apply: Apply::OldestFirst,
                },
                _ => match review.row(index).unwrap().suggestion {
                    Some(s) => crate::import::accept(&s),
                    None => Decision::Skip,
                },
            };
            decisions.choose(index, decision);
        }
        same_as_plan(&review, &plan, &store, &decisions);
        let (mut by_plan, mut by_review) = (book(), book());
        let finals = review.final_decisions(&decisions);
        let a = commit(&mut by_plan, &plan, &finals, |_, _| {}).unwrap();
        let b = review
            .commit(&mut by_review, &decisions, |_, _| {})
            .unwrap();
        assert_eq!(a.summary, b.summary, "round {round}");
        assert_eq!(
            by_plan.dump_import_tables(),
            by_review.dump_import_tables(),
            "round {round}"
        );
    }
}

#[test]
fn a_screen_never_waits_on_a_file_an_import_is_written_from() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("konto.csv");
    std::fs::write(&path, file()).unwrap();
    let store = book();
    let review = review_of(&store, &path);
    let Source::File(streamed) = &review.source else {
        panic!("read a row at a time");
    };
    // As `commit` holds the file while it writes.
    let held = streamed.opened.lock().unwrap();
    let mut read = 0;
    assert!(!review.rows_if_free([0, 1], |_, _| {
        read += 1;
        true
    }));
    assert_eq!(read, 0);
    drop(held);
    assert!(review.rows_if_free([0, 1], |_, row| {
        read += usize::from(row.is_ok());
        true
    }));
    assert_eq!(read, 2);
}
