use super::*;

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn m(text: &str) -> Money {
    Money(text.parse().unwrap())
}

fn item(due: &str, open: &str) -> OpenItem {
    OpenItem {
        due: d(due),
        open: m(open),
        disputed: false,
    }
}

fn disputed(due: &str, open: &str) -> OpenItem {
    OpenItem {
        disputed: true,
        ..item(due, open)
    }
}

fn sent(level: u8, date: &str) -> SentLetter {
    SentLetter {
        level: Level::from_number(level).unwrap(),
        date: d(date),
    }
}

/// The decision for one customer with the default rules unless given.
fn run(
    date: &str,
    items: &[OpenItem],
    credit: &str,
    letters: &[SentLetter],
    promises: &[PromiseToPay],
    rules: &LadderRules,
) -> Option<Decision> {
    decide(
        d(date),
        &CustomerFacts {
            items,
            credit: m(credit),
            letters,
            settled: &[],
            promises,
            pause: None,
        },
        rules,
    )
}

fn due_level(decision: Option<Decision>) -> Option<u8> {
    match decision?.outcome {
        Outcome::Due { level, .. } => Some(level.number()),
        Outcome::Held { .. } => None,
    }
}

fn held(decision: Option<Decision>) -> HeldReason {
    match decision.expect("something overdue").outcome {
        Outcome::Held { reason } => reason,
        due => panic!("expected held, got {due:?}"),
    }
}

const R: LadderRules = LadderRules {
    thresholds: [1, 15, 30, 60],
    enabled: [true; 4],
    interval_days: 7,
    tolerance: Money(rust_decimal::Decimal::ZERO),
};

#[test]
fn nothing_overdue_is_no_decision() {
    // Due today is not yet overdue; a fully paid item is not overdue either.
    let items = [item("2026-11-23", "100.00"), item("2026-10-01", "0.00")];
    assert_eq!(run("2026-11-23", &items, "0", &[], &[], &R), None);
    assert_eq!(run("2026-11-23", &[], "50.00", &[], &[], &R), None);
}

#[test]
fn the_first_letter_of_a_spell_is_level_one_however_late() {
    let items = [item("2026-08-09", "500.00"), item("2026-12-01", "20.00")];
    let decision = run("2026-11-23", &items, "0", &[], &[], &R).unwrap();
    assert_eq!(
        decision.overdue,
        m("500.00"),
        "only the overdue item counts"
    );
    assert_eq!(decision.days_overdue, 106);
    assert_eq!(decision.oldest_due, d("2026-08-09"));
    match decision.outcome {
        Outcome::Due { level, reason } => {
            assert_eq!(level, Level::Reminder);
            assert_eq!(
                reason.to_string(),
                "106 days overdue, first letter of this spell"
            );
        }
        held => panic!("{held:?}"),
    }
}

#[test]
fn net_of_credit_and_tolerance() {
    let items = [item("2026-10-01", "100.00")];
    assert_eq!(
        held(run("2026-11-23", &items, "100.00", &[], &[], &R)),
        HeldReason::CreditCovers
    );
    assert_eq!(HeldReason::CreditCovers.to_string(), "credit covers it");
    let decision = run("2026-11-23", &items, "60.00", &[], &[], &R).unwrap();
    assert_eq!(decision.net_overdue, m("40.00"));
    assert_eq!(due_level(Some(decision)), Some(1));
    let rules = LadderRules {
        tolerance: m("50.00"),
        ..R
    };
    let reason = held(run("2026-11-23", &items, "60.00", &[], &[], &rules));
    assert!(matches!(reason, HeldReason::BelowTolerance { .. }));
    assert!(
        reason.to_string().starts_with("below the tolerance"),
        "{reason}"
    );
    // Exactly the tolerance is dunned.
    assert_eq!(
        due_level(run("2026-11-23", &items, "50.00", &[], &[], &rules)),
        Some(1)
    );
}

#[test]
fn one_rung_at_a_time_with_threshold_and_interval() {
    let items = [item("2026-10-01", "100.00")];
    let letters = [sent(1, "2026-10-02")];
    // 40 days late, level 1 sent: level 2, not 3.
    assert_eq!(
        due_level(run("2026-11-10", &items, "0", &letters, &[], &R)),
        Some(2)
    );
    // Level 2's threshold (15 days) not reached on day 10.
    let reason = held(run("2026-10-11", &items, "0", &letters, &[], &R));
    assert_eq!(
        reason,
        HeldReason::Threshold {
            level: Level::SecondNotice,
            threshold: 15,
            days_overdue: 10
        }
    );
    assert!(reason.to_string().starts_with("threshold not yet reached"));
    // Level 2 sent on day 20: level 3 needs the interval even though 30 days passed.
    let letters = [sent(1, "2026-10-02"), sent(2, "2026-10-28")];
    let reason = held(run("2026-11-01", &items, "0", &letters, &[], &R));
    assert_eq!(
        reason,
        HeldReason::Interval {
            last: d("2026-10-28"),
            next_on: d("2026-11-04")
        }
    );
    assert!(reason.to_string().starts_with("interval not passed"));
    assert_eq!(
        due_level(run("2026-11-04", &items, "0", &letters, &[], &R)),
        Some(3)
    );
    // All four sent: held, saying so.
    let letters = [
        sent(1, "2026-10-02"),
        sent(2, "2026-10-28"),
        sent(3, "2026-11-04"),
        sent(4, "2026-12-01"),
    ];
    let reason = held(run("2027-01-10", &items, "0", &letters, &[], &R));
    assert_eq!(reason.to_string(), "level 4 already sent 2026-12-01");
}

#[test]
fn a_new_spell_starts_again_at_level_one() {
    // Letters went for an item due in June, since paid; the new item fell due in October.
    let items = [item("2026-10-01", "100.00")];
    let letters = [sent(1, "2026-06-05"), sent(2, "2026-06-20")];
    assert_eq!(
        due_level(run("2026-11-10", &items, "0", &letters, &[], &R)),
        Some(1)
    );
    // The interval still counts from the last letter, whatever its spell.
    let letters = [sent(3, "2026-09-30")];
    assert!(matches!(
        held(run("2026-10-05", &items, "0", &letters, &[], &R)),
        HeldReason::Interval { .. }
    ));
}

#[test]
fn switched_off_levels_are_skipped_and_named() {
    let items = [item("2026-10-01", "100.00")];
    let rules = LadderRules {
        enabled: [false, true, true, false],
        ..R
    };
    // Level 1 off: the first letter is level 2, once its threshold is passed.
    assert!(matches!(
        held(run("2026-10-05", &items, "0", &[], &[], &rules)),
        HeldReason::Threshold {
            level: Level::SecondNotice,
            ..
        }
    ));
    assert_eq!(
        due_level(run("2026-10-20", &items, "0", &[], &[], &rules)),
        Some(2)
    );
    // Level 3 sent, level 4 off: nothing left, said so.
    let letters = [sent(2, "2026-10-20"), sent(3, "2026-11-01")];
    let reason = held(run("2026-12-30", &items, "0", &letters, &[], &rules));
    assert_eq!(
        reason,
        HeldReason::SwitchedOff {
            level: Level::Legal
        }
    );
    assert_eq!(reason.to_string(), "level 4 switched off");
    // Level 3 off: level 2 is followed by level 4.
    let rules = LadderRules {
        enabled: [true, true, false, true],
        ..R
    };
    let letters = [sent(1, "2026-10-02"), sent(2, "2026-10-20")];
    assert!(matches!(
        held(run("2026-11-20", &items, "0", &letters, &[], &rules)),
        HeldReason::Threshold {
            level: Level::Legal,
            ..
        }
    ));
    assert_eq!(
        due_level(run("2026-12-01", &items, "0", &letters, &[], &rules)),
        Some(4)
    );
}

#[test]
fn an_open_promise_holds_until_its_date_then_the_ladder_resumes() {
    let items = [item("2026-10-01", "100.00")];
    let letters = [sent(1, "2026-10-02")];
    let promise = PromiseToPay {
        made_on: d("2026-10-20"),
        date: d("2026-11-05"),
        amount: m("100.00"),
        paid: m("40.00"),
    };
    let reason = held(run("2026-11-05", &items, "0", &letters, &[promise], &R));
    assert_eq!(reason.to_string(), "promise until 2026-11-05");
    // Broken the day after: resumes where it was (level 2, not level 1 or 3).
    assert_eq!(
        due_level(run("2026-11-06", &items, "0", &letters, &[promise], &R)),
        Some(2)
    );
    // Paid in full before its date: holds no more.
    let kept = PromiseToPay {
        paid: m("100.00"),
        ..promise
    };
    assert_eq!(
        due_level(run("2026-11-01", &items, "0", &letters, &[kept], &R)),
        Some(2)
    );
    // A promise made after the run date does not hold it.
    assert_eq!(
        due_level(run("2026-10-19", &items, "0", &letters, &[promise], &R)),
        Some(2)
    );
}

#[test]
fn disputed_items_are_not_dunned_and_hold_when_they_are_all_that_is_overdue() {
    // Only disputed items overdue: held, with the whole overdue amount still reported.
    let items = [
        disputed("2026-08-01", "400.00"),
        item("2026-12-20", "50.00"),
    ];
    let decision = run("2026-11-23", &items, "0", &[], &[], &R).unwrap();
    assert_eq!(decision.overdue, m("400.00"));
    assert_eq!(decision.net_overdue, m("0"));
    assert_eq!(held(Some(decision)), HeldReason::AllDisputed);
    assert_eq!(
        HeldReason::AllDisputed.to_string(),
        "all overdue items in dispute"
    );

    // An undisputed overdue item is dunned, net of the disputed one and of credit, and
    // the spell is the undisputed item's (10 days, level 1), not the disputed one's.
    let items = [
        disputed("2026-08-01", "400.00"),
        item("2026-11-13", "150.00"),
    ];
    let decision = run("2026-11-23", &items, "20.00", &[], &[], &R).unwrap();
    assert_eq!(decision.overdue, m("550.00"));
    assert_eq!(decision.net_overdue, m("130.00"));
    assert_eq!(decision.oldest_due, d("2026-11-13"));
    assert_eq!(decision.days_overdue, 10);
    assert_eq!(due_level(Some(decision)), Some(1));

    // Credit covering the undisputed part holds as before.
    let decision = run("2026-11-23", &items, "150.00", &[], &[], &R);
    assert_eq!(held(decision), HeldReason::CreditCovers);
}

#[test]
fn a_pause_holds_through_its_date_then_the_ladder_resumes() {
    let items = [item("2026-10-01", "300.00")];
    let pause = Pause {
        until: d("2026-11-30"),
        reason: "owner in hospital",
    };
    let facts = |pause| CustomerFacts {
        items: &items,
        credit: Money::ZERO,
        letters: &[],
        settled: &[],
        promises: &[],
        pause,
    };
    for day in ["2026-11-23", "2026-11-30"] {
        let reason = held(decide(d(day), &facts(Some(pause)), &R));
        assert_eq!(
            reason.to_string(),
            "paused until 2026-11-30: owner in hospital"
        );
    }
    assert_eq!(
        due_level(decide(d("2026-12-01"), &facts(Some(pause)), &R)),
        Some(1)
    );
    assert_eq!(
        due_level(decide(d("2026-11-23"), &facts(None), &R)),
        Some(1)
    );
}

fn settled(due: &str, settled: &str) -> SettledItem {
    SettledItem {
        due: d(due),
        settled: d(settled),
    }
}

#[test]
fn the_spell_reaches_back_over_items_settled_without_a_gap() {
    let now = d("2026-11-23");
    // Overdue now since 2026-10-02 (due 10-01); an item due 09-01 was paid on 10-02:
    // overdue 09-02..10-01, the day before the stretch starts, so the spell joins it.
    assert_eq!(
        spell_start(now, d("2026-10-01"), &[settled("2026-09-01", "2026-10-02")]),
        d("2026-09-01")
    );
    // Paid on 10-01: overdue through 09-30, and 10-01 nothing was: a new spell.
    assert_eq!(
        spell_start(now, d("2026-10-01"), &[settled("2026-09-01", "2026-10-01")]),
        d("2026-10-01")
    );
    // A chain back, in any order; paid the day after its due date is never overdue;
    // settled after the run date is no settled item at all.
    let chain = [
        settled("2026-07-01", "2026-07-02"),
        settled("2026-08-01", "2026-09-10"),
        settled("2026-09-01", "2026-10-05"),
        settled("2026-06-01", "2026-12-01"),
    ];
    assert_eq!(spell_start(now, d("2026-10-01"), &chain), d("2026-08-01"));
}

#[test]
fn paying_the_oldest_item_keeps_the_spell_and_its_letters() {
    // Due 09-01 and 10-01; level 1 went 09-05, level 2 10-10; the 09-01 item was paid
    // on 10-20 while the 10-01 one stays overdue. Still the same spell: next is level 3.
    let items = [item("2026-10-01", "200.00")];
    let letters = [sent(1, "2026-09-05"), sent(2, "2026-10-10")];
    let paid = [settled("2026-09-01", "2026-10-20")];
    let facts = |settled| CustomerFacts {
        items: &items,
        credit: Money::ZERO,
        letters: &letters,
        settled,
        promises: &[],
        pause: None,
    };
    let decision = decide(d("2026-11-23"), &facts(&paid), &R).unwrap();
    assert_eq!(decision.oldest_due, d("2026-10-01"));
    match decision.outcome {
        Outcome::Due { level, reason } => {
            assert_eq!(level, Level::FinalDemand);
            assert_eq!(
                reason.to_string(),
                "53 days overdue, level 2 sent 2026-10-10"
            );
        }
        held => panic!("{held:?}"),
    }
    // Without the settled item the 09-05 letter falls out of the spell: level 2's
    // 10-10 letter is still in it, so level 3 too, but had only level 1 gone it restarts.
    let only_first = [sent(1, "2026-09-05")];
    let facts = |settled| CustomerFacts {
        items: &items,
        credit: Money::ZERO,
        letters: &only_first,
        settled,
        promises: &[],
        pause: None,
    };
    assert_eq!(due_level(decide(d("2026-11-23"), &facts(&[]), &R)), Some(1));
    assert_eq!(
        due_level(decide(d("2026-11-23"), &facts(&paid), &R)),
        Some(2)
    );
}

#[test]
fn a_payment_reminder_before_the_due_date_is_no_rung() {
    // Level 0 went three days before the due date, then the item fell overdue: the
    // first letter is still level 1, and the reminder does not hold it by the interval.
    let items = [item("2026-11-20", "100.00")];
    let letters = [SentLetter {
        level: Level::BeforeDue,
        date: d("2026-11-17"),
    }];
    let decision = run("2026-11-21", &items, "0", &letters, &[], &R);
    assert_eq!(due_level(decision), Some(1));
}
