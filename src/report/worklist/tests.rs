//! A small book with one customer per kind of row, checked for kinds, amounts, dates
//! and the order.

use chrono::{Days, NaiveDate};

use super::*;
use crate::domain::Currency;
use crate::domain::allocation::Apply;
use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::domain::note::{Channel, Direction, NoteDraft, Promise};
use crate::domain::terms::{Plan, Terms};
use crate::store::{BookSettings, NewCredit, NewDebit};

pub(super) fn money(text: &str) -> Money {
    Currency::default().parse(text).unwrap()
}

pub(super) fn add(store: &mut Store, code: &str) {
    store
        .add_customer(&CustomerDraft {
            code: code.into(),
            name: format!("Customer {code}"),
            ..Default::default()
        })
        .unwrap();
}

/// A net-30 invoice falling due on `due`.
pub(super) fn invoice(store: &mut Store, code: &str, number: &str, due: NaiveDate, amount: &str) {
    store
        .post_debit(&NewDebit {
            customer: code.into(),
            kind: DocKind::Invoice,
            number: Some(number.into()),
            date: due - Days::new(30),
            amount: money(amount),
            terms: Some("net 30".parse::<Terms>().unwrap()),
            due: None,
            plan: Plan::Single,
            reference: None,
            memo: None,
        })
        .unwrap();
}

fn note(
    store: &mut Store,
    code: &str,
    promise: Option<(NaiveDate, &str)>,
    follow_up: Option<NaiveDate>,
) {
    store
        .add_note(&NoteDraft {
            customer_code: code.into(),
            invoice_number: None,
            channel: Channel::Call,
            direction: Direction::Out,
            summary: format!("called {code}"),
            outcome: None,
            promise: promise.map(|(date, amount)| Promise::single(date, money(amount))),
            follow_up,
        })
        .unwrap();
}

/// The book, and the run date: notes are stamped with the real clock, so the run is
/// five days after today.
pub(super) fn book() -> (Store, NaiveDate) {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let today = chrono::Local::now().date_naive();
    let run = today + Days::new(5);
    let ago = |days: u64| run - Days::new(days);
    for code in [
        "BROKEN", "TODAY", "FOLLOW", "LETTER", "SOON", "CREDIT", "PAIDUP",
    ] {
        add(&mut store, code);
    }
    invoice(&mut store, "BROKEN", "INV-B", ago(30), "500.00");
    // Promised 200.00 for tomorrow (before the run), nothing came.
    note(
        &mut store,
        "BROKEN",
        Some((today + Days::new(1), "200.00")),
        None,
    );
    // Promised for the run date itself: due, and it holds the ladder.
    invoice(&mut store, "TODAY", "INV-T", ago(20), "300.00");
    note(&mut store, "TODAY", Some((run, "300.00")), None);
    invoice(&mut store, "FOLLOW", "INV-F", ago(10), "100.00");
    note(&mut store, "FOLLOW", None, Some(ago(1)));
    invoice(&mut store, "LETTER", "INV-L", ago(10), "1000.00");
    // Falls due in two days (and one in ten, beyond the reminder's three days).
    invoice(&mut store, "SOON", "INV-S1", run + Days::new(2), "80.00");
    invoice(&mut store, "SOON", "INV-S2", run + Days::new(10), "70.00");
    // 200.00 unapplied beside 150.00 overdue: apply it, no letter.
    invoice(&mut store, "CREDIT", "INV-C", ago(40), "150.00");
    store
        .post_credit(&NewCredit {
            customer: "CREDIT".into(),
            kind: DocKind::Payment,
            number: Some("PAY-C".into()),
            date: ago(5),
            amount: money("200.00"),
            reference: None,
            memo: None,
            apply: Apply::Unapplied,
        })
        .unwrap();
    // A follow-up due on an account paid up is moot.
    note(&mut store, "PAIDUP", None, Some(ago(1)));
    // Money from someone the book does not know, kept unmatched by the import.
    let csv = format!(
        "Date,Payer,Details,Amount\n{},Stranger Ltd,gift box,42.00\n",
        ago(2)
    );
    let plan = crate::import::prepare(
        &store,
        "bank.csv",
        csv.as_bytes(),
        &crate::import::Hints::default(),
        None,
    )
    .unwrap();
    let decisions = crate::import::default_decisions(&plan, 0.9);
    crate::import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    (store, run)
}

type Row = (
    &'static str,
    String,
    Option<Money>,
    Option<NaiveDate>,
    Option<u8>,
);

fn rows(list: &Worklist) -> Vec<Row> {
    list.items
        .iter()
        .map(|i| {
            (
                i.kind.as_str(),
                i.customer.clone(),
                i.amount,
                i.date,
                i.level,
            )
        })
        .collect()
}

#[test]
fn one_row_per_thing_to_do_most_pressing_first() {
    let (store, run) = book();
    let today = run - Days::new(5);
    let ago = |days: u64| Some(run - Days::new(days));
    let list = worklist(&store, run).unwrap();
    let m = |text: &str| Some(money(text));
    let expected: Vec<Row> = vec![
        // Broken promises before anything else.
        (
            "promise-broken",
            "BROKEN".into(),
            m("200.00"),
            Some(today + Days::new(1)),
            None,
        ),
        // Then by net overdue, biggest first: 1000, 500, 300, 100, then 0.
        (
            "letter-due",
            "LETTER".into(),
            m("1000.00"),
            ago(10),
            Some(1),
        ),
        ("letter-due", "BROKEN".into(), m("500.00"), ago(30), Some(1)),
        ("promise-due", "TODAY".into(), m("300.00"), Some(run), None),
        ("follow-up", "FOLLOW".into(), m("100.00"), ago(1), None),
        ("letter-due", "FOLLOW".into(), m("100.00"), ago(10), Some(1)),
        ("apply-credit", "CREDIT".into(), m("150.00"), None, None),
        (
            "reminder-due",
            "SOON".into(),
            m("80.00"),
            Some(run + Days::new(2)),
            Some(0),
        ),
        // Money nobody claimed comes last.
        ("unmatched-money", String::new(), m("42.00"), ago(2), None),
    ];
    assert_eq!(rows(&list), expected, "{:#?}", list.items);
    let credit = &list.items[6];
    assert!(
        credit.reason.contains("owed apply --customer CREDIT"),
        "{}",
        credit.reason
    );
    let unmatched = list.items.last().unwrap();
    assert!(
        unmatched.reason.contains("Stranger Ltd"),
        "{}",
        unmatched.reason
    );
    assert!(unmatched.bank_row.is_some() && unmatched.name.is_empty());
    assert_eq!(list.items[1].name, "Customer LETTER");
    assert_eq!(list.items[1].net_overdue, money("1000.00"));
}

#[test]
fn the_reminder_follows_its_settings() {
    let (mut store, run) = book();
    let reminded = |store: &Store| {
        worklist(store, run)
            .unwrap()
            .items
            .iter()
            .filter(|i| i.kind == WorkKind::ReminderDue)
            .map(|i| (i.customer.clone(), i.amount))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        reminded(&store),
        [("SOON".to_string(), Some(money("80.00")))]
    );
    // One day ahead does not reach an item due in two.
    store.set_setting("letter.0.days_before", "1").unwrap();
    assert!(reminded(&store).is_empty());
    // Ten days reach both items.
    store.set_setting("letter.0.days_before", "10").unwrap();
    assert_eq!(
        reminded(&store),
        [("SOON".to_string(), Some(money("150.00")))]
    );
    // Sent as a letter too: still this row (not `letter-due`), saying so.
    store.set_setting("letter.0.send", "yes").unwrap();
    let list = worklist(&store, run).unwrap();
    let soon: Vec<&WorkItem> = list.items.iter().filter(|i| i.customer == "SOON").collect();
    assert_eq!(soon.len(), 1, "{soon:?}");
    assert_eq!(soon[0].kind, WorkKind::ReminderDue);
    assert!(
        soon[0].reason.ends_with("`owed letters --due` writes it"),
        "{}",
        soon[0].reason
    );
    store.set_setting("letter.0.send", "no").unwrap();
    store.set_setting("letter.0.enabled", "no").unwrap();
    assert!(reminded(&store).is_empty());
    assert_eq!(
        store.reminder_rules().unwrap(),
        crate::domain::ladder::ReminderRules {
            enabled: false,
            days_before: 10,
            send: false,
        }
    );
}

#[test]
fn applying_the_credit_removes_its_row_and_a_later_note_ends_a_broken_promise() {
    let (mut store, run) = book();
    let kinds = |store: &Store, code: &str| {
        worklist(store, run)
            .unwrap()
            .items
            .iter()
            .filter(|i| i.customer == code)
            .map(|i| i.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(&store, "CREDIT"), [WorkKind::ApplyCredit]);
    store.apply_unapplied("CREDIT", run).unwrap();
    assert!(kinds(&store, "CREDIT").is_empty());
    assert_eq!(
        kinds(&store, "BROKEN"),
        [WorkKind::PromiseBroken, WorkKind::LetterDue]
    );
    // A new note is the customer's new word: the old promise is no longer listed.
    note(&mut store, "BROKEN", None, None);
    assert_eq!(kinds(&store, "BROKEN"), [WorkKind::LetterDue]);
}

#[test]
fn a_statement_the_book_emailed_does_not_end_a_broken_promise_but_a_letter_does() {
    let (mut store, run) = book();
    let kinds = |store: &Store| {
        worklist(store, run)
            .unwrap()
            .items
            .iter()
            .filter(|i| i.customer == "BROKEN")
            .map(|i| i.kind)
            .collect::<Vec<_>>()
    };
    let logged = |store: &mut Store, what: crate::domain::email::EmailKind| {
        let says = crate::store::IssuedSays::Emailed {
            what,
            issued: 1,
            to: "ap@broken.example".into(),
            subject: "Your statement".into(),
        };
        store
            .add_note(&NoteDraft {
                customer_code: "BROKEN".into(),
                invoice_number: None,
                channel: Channel::Email,
                direction: Direction::Out,
                summary: says.to_string(),
                outcome: None,
                promise: None,
                follow_up: None,
            })
            .unwrap();
    };
    assert_eq!(
        kinds(&store),
        [WorkKind::PromiseBroken, WorkKind::LetterDue]
    );
    // The month's statement, emailed: routine, as a printed one; the promise is still broken.
    logged(&mut store, crate::domain::email::EmailKind::Statement);
    assert_eq!(
        kinds(&store),
        [WorkKind::PromiseBroken, WorkKind::LetterDue]
    );
    // A letter emailed is the book acting on it, as a letter printed: the row is done.
    logged(
        &mut store,
        crate::domain::email::EmailKind::Letter(crate::domain::letters::Level::Reminder),
    );
    assert!(!kinds(&store).contains(&WorkKind::PromiseBroken));
}

/// A repayment plan logged today, as `(days after today, amount)` parts.
fn plan(store: &mut Store, code: &str, today: NaiveDate, parts: &[(u64, &str)]) {
    let parts = parts
        .iter()
        .map(|(days, amount)| crate::domain::note::PromisePart {
            date: today + Days::new(*days),
            amount: money(amount),
        })
        .collect();
    store
        .add_note(&NoteDraft {
            customer_code: code.into(),
            invoice_number: None,
            channel: Channel::Call,
            direction: Direction::In,
            summary: format!("{code} agreed a plan"),
            outcome: None,
            promise: Some(Promise::new(parts).unwrap()),
            follow_up: None,
        })
        .unwrap();
}

fn pay(store: &mut Store, code: &str, number: &str, date: NaiveDate, amount: &str) {
    store
        .post_credit(&NewCredit {
            customer: code.into(),
            kind: DocKind::Payment,
            number: Some(number.into()),
            date,
            amount: money(amount),
            reference: None,
            memo: None,
            apply: Apply::OldestFirst,
        })
        .unwrap();
}

/// Plans are judged part by part: one on track holds the ladder and lists nothing; one
/// whose passed part came up short is a broken promise for what that part lacks (and
/// the letters resume); one with a part due today is a promise due for that part.
#[test]
fn a_repayment_plan_is_judged_part_by_part() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let today = chrono::Local::now().date_naive();
    let run = today + Days::new(5);
    let day = |days: u64| today + Days::new(days);
    for code in ["ONTRACK", "SHORT", "DUE"] {
        add(&mut store, code);
        invoice(
            &mut store,
            code,
            &format!("INV-{code}"),
            run - Days::new(30),
            "900.00",
        );
    }
    // 300 by tomorrow (paid), 300 after the run, 300 later still: on track.
    plan(
        &mut store,
        "ONTRACK",
        today,
        &[(1, "300"), (15, "300"), (25, "300")],
    );
    pay(&mut store, "ONTRACK", "P-OK", day(1), "300.00");
    // 300 by tomorrow (paid), 300 by day 3 (only 100 more came), 300 after the run.
    plan(
        &mut store,
        "SHORT",
        today,
        &[(1, "300"), (3, "300"), (15, "300")],
    );
    pay(&mut store, "SHORT", "P-S1", day(1), "300.00");
    pay(&mut store, "SHORT", "P-S2", day(2), "100.00");
    // 100 by tomorrow (paid), 200 on the run date (not yet).
    plan(&mut store, "DUE", today, &[(1, "100"), (5, "200")]);
    pay(&mut store, "DUE", "P-D", day(1), "100.00");

    let list = worklist(&store, run).unwrap();
    let of = |code: &str| -> Vec<Row> { rows(&list).into_iter().filter(|r| r.1 == code).collect() };
    assert_eq!(of("ONTRACK"), [], "{:#?}", list.items);
    let short = of("SHORT");
    assert_eq!(
        short[0],
        (
            "promise-broken",
            "SHORT".into(),
            Some(money("200.00")),
            Some(day(3)),
            None
        )
    );
    assert_eq!(
        short[1].0, "letter-due",
        "a broken plan no longer holds the letters"
    );
    let reason = &list
        .items
        .iter()
        .find(|i| i.customer == "SHORT")
        .unwrap()
        .reason;
    assert!(reason.contains("part 2 of a 3-part plan"), "{reason}");
    assert_eq!(
        of("DUE"),
        [(
            "promise-due",
            "DUE".into(),
            Some(money("200.00")),
            Some(run),
            None
        )]
    );
    let run_of = crate::report::letters::letter_run(&store, run).unwrap();
    let held = |code: &str| {
        run_of
            .held
            .iter()
            .find(|h| h.customer == code)
            .map(|h| h.reason.to_string())
    };
    assert_eq!(held("ONTRACK"), Some(format!("promise until {}", day(15))));
    assert_eq!(held("DUE"), Some(format!("promise until {run}")));
    assert_eq!(held("SHORT"), None);
}

#[test]
fn the_days_figures_overdue_promised_this_week_and_in_dispute() {
    let (mut store, run) = book();
    let totals = worklist(&store, run).unwrap().totals;
    // TODAY's promise falls on the run date; BROKEN's fell before it and does not count.
    assert_eq!(totals.promised_this_week, money("300.00"));
    assert_eq!(totals.disputed, Money::ZERO);
    let overdue_before = totals.overdue;
    assert!(overdue_before >= money("1000.00"), "{overdue_before}");
    // A promise due in a week and a day is not this week's.
    note(
        &mut store,
        "LETTER",
        Some((run + Days::new(7), "400.00")),
        None,
    );
    assert_eq!(
        worklist(&store, run).unwrap().totals.promised_this_week,
        money("300.00")
    );
    note(
        &mut store,
        "LETTER",
        Some((run + Days::new(6), "400.00")),
        None,
    );
    assert_eq!(
        worklist(&store, run).unwrap().totals.promised_this_week,
        money("700.00")
    );
    store
        .open_dispute(&crate::store::NewDispute {
            invoice: "INV-L".into(),
            item: None,
            reason: "wrong goods".into(),
        })
        .unwrap();
    let totals = worklist(&store, run).unwrap().totals;
    assert_eq!(totals.disputed, money("1000.00"));
    assert_eq!(
        totals.overdue, overdue_before,
        "disputed items are still overdue"
    );
}
