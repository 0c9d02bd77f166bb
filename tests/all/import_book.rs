//! Bank import against a book: re-importing adds nothing, an overlapping file adds only
//! its new rows, identical rows in one file are both kept, undo restores every balance
//! exactly, hand-entered payments are flagged, payers are learned, foreign rows are not
//! posted and a bank's answers are remembered.

use crate::common::helpers as common;

use common::*;
use owed::domain::aging::{Basis, Buckets};
use owed::domain::allocation::Apply;
use owed::domain::customer::CustomerDraft;
use owed::domain::document::DocKind;
use owed::domain::terms::{Plan, Terms};
use owed::import::{self, Decision, Hints, ImportError, RowKind, RowStatus, RunError};
use owed::report::{self, AgingOptions};
use owed::store::{BankRowStatus, BookSettings, Store};

fn shop() -> Store {
    let mut store = book();
    for (code, name) in [
        ("C001", "Acme Trading Ltd"),
        ("C002", "Borealis Oy"),
        ("C003", "Cobalt & Sons"),
    ] {
        store
            .add_customer(&CustomerDraft {
                code: code.into(),
                name: name.into(),
                ..Default::default()
            })
            .unwrap();
    }
    for (code, number, amount) in [
        ("C001", "INV-1001", "100.00"),
        ("C001", "INV-1002", "250.00"),
        ("C002", "INV-2001", "80.00"),
        ("C003", "INV-3001", "42.50"),
    ] {
        let amount = m(&store, amount);
        store
            .post_debit(&invoice(
                code,
                number,
                "2026-10-01",
                amount,
                Terms::Net(30),
                Plan::Single,
            ))
            .unwrap();
    }
    store
}

/// Balances, buckets and unapplied credit of every customer, as text.
fn balances(store: &Store) -> Vec<String> {
    let aging = report::aging(
        store,
        &AgingOptions {
            as_of: d("2030-01-01"),
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: false,
        },
    )
    .unwrap();
    let c = store.currency();
    aging
        .rows()
        .into_iter()
        .map(|(code, _, row)| format!("{code} {} {}", c.plain(row.balance), c.plain(row.unapplied)))
        .collect()
}

const OCTOBER: &str = "Date,Payer,Details,Amount
2026-11-02,ACME TRADING,Payment INV-1002,250.00
2026-11-03,Borealis Oy,Invoice 2001,80.00
2026-11-03,Stranger,Gift,10.00
2026-11-04,Bank,Monthly fee,-3.50
";

fn import_all(store: &mut Store, name: &str, text: &str) -> import::Committed {
    let plan = import::prepare(store, name, text.as_bytes(), &Hints::default(), None).unwrap();
    let decisions = import::default_decisions(&plan, 0.9);
    import::commit(store, &plan, &decisions, |_, _| {}).unwrap()
}

#[test]
fn reimporting_the_same_file_adds_nothing() {
    let mut store = shop();
    let first = import_all(&mut store, "oct.csv", OCTOBER);
    let batch = first.batch.expect("a batch");
    assert_eq!((batch.rows_new, batch.payments, batch.unmatched), (4, 2, 1));
    assert_eq!(first.summary.matched, 2);
    let after_first = balances(&store);

    let plan = import::prepare(
        &store,
        "oct.csv",
        OCTOBER.as_bytes(),
        &Hints::default(),
        None,
    )
    .unwrap();
    assert!(
        plan.rows
            .iter()
            .all(|r| r.status == RowStatus::AlreadyImported)
    );
    let decisions = import::default_decisions(&plan, 0.9);
    let again = import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    assert!(again.batch.is_none(), "no empty batch is written");
    assert_eq!(again.summary.duplicates, 4);
    assert_eq!(balances(&store), after_first);
    assert_eq!(store.import_batches().unwrap().len(), 1);
}

#[test]
fn an_overlapping_file_adds_only_its_new_rows() {
    let mut store = shop();
    import_all(&mut store, "oct.csv", OCTOBER);
    let overlap = "Date,Payer,Details,Amount
2026-11-03,Stranger,Gift,10.00
2026-11-04,Bank,Monthly fee,-3.50
2026-11-05,Cobalt and Sons,thanks,42.50
";
    let second = import_all(&mut store, "nov.csv", overlap);
    let batch = second.batch.unwrap();
    assert_eq!(
        (batch.rows_new, batch.duplicates, batch.payments),
        (1, 2, 1)
    );
    assert_eq!(batch.posted[0].customer, "C003");
}

#[test]
fn two_identical_rows_in_one_file_are_both_kept() {
    let mut store = shop();
    let twice = "Date,Payer,Details,Amount
2026-11-02,Acme Trading,INV-1001,50.00
2026-11-02,Acme Trading,INV-1001,50.00
";
    let plan = import::prepare(&store, "t.csv", twice.as_bytes(), &Hints::default(), None).unwrap();
    assert_eq!(plan.rows[0].fingerprint, plan.rows[1].fingerprint);
    assert_eq!((plan.rows[0].occurrence, plan.rows[1].occurrence), (0, 1));
    let done = import_all(&mut store, "t.csv", twice);
    assert_eq!(done.batch.unwrap().payments, 2);
    assert!(balances(&store).contains(&"C001 250.00 0.00".to_string()));
    // The same two rows again: both already imported.
    assert!(import_all(&mut store, "t.csv", twice).batch.is_none());
}

#[test]
fn undo_restores_every_balance_exactly_and_frees_the_rows() {
    let mut store = shop();
    let before = balances(&store);
    let batch = import_all(&mut store, "oct.csv", OCTOBER).batch.unwrap();
    assert_ne!(balances(&store), before);
    let (undone, voids) = import::undo(&mut store, batch.id).unwrap();
    assert_eq!(voids.len(), 2);
    assert!(undone.undone_at.is_some());
    assert_eq!(balances(&store), before);
    assert!(store.check(d("2030-01-01")).unwrap().is_empty());
    // The undo is in the audit log, with what it undid.
    let undo = store
        .audit_log(&Default::default())
        .unwrap()
        .into_iter()
        .find(|e| e.action == owed::store::AuditAction::ImportUndo)
        .expect("the undo is audited");
    let undid = undo.old.unwrap();
    assert!(
        undid.contains("oct.csv") && undid.contains("2 payments"),
        "{undid}"
    );
    assert!(matches!(
        import::undo(&mut store, batch.id),
        Err(RunError::Book(_))
    ));
    // History stays: the batch's rows are still there, marked undone, and the file can
    // be imported again.
    assert_eq!(store.batch_rows(batch.id).unwrap().len(), 4);
    let again = import_all(&mut store, "oct.csv", OCTOBER).batch.unwrap();
    assert_eq!(again.payments, 2);
}

/// Balance of every customer as of `as_of`.
fn balances_on(store: &Store, as_of: &str) -> Vec<String> {
    let aging = report::aging(
        store,
        &AgingOptions {
            as_of: d(as_of),
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: false,
        },
    )
    .unwrap();
    let c = store.currency();
    aging
        .rows()
        .into_iter()
        .map(|(code, _, row)| format!("{code} {}", c.plain(row.balance)))
        .collect()
}

#[test]
fn undo_cancels_each_payment_as_of_its_own_date() {
    let mut store = shop();
    let month_end = balances_on(&store, "2026-11-30");
    let batch = import_all(&mut store, "oct.csv", OCTOBER).batch.unwrap();
    // November's statement for C001 counted the import's 250.00; C003 had none.
    let statement = |code: &'static str| owed::store::NewIssued {
        kind: owed::store::IssuedKind::Statement,
        customer_code: code,
        date: d("2026-11-30"),
        period: Some("2026-11".into()),
        statement_kind: Some("open-item"),
        level: None,
        amount: m(&store, "100.00"),
        file_name: format!("{code}-2026-11.pdf"),
        pdf: b"%PDF-1.4 test",
        note: None,
    };
    let (c001, c003) = (statement("C001"), statement("C003"));
    store.archive_issued(&c001).unwrap();
    store.archive_issued(&c003).unwrap();
    let touched = store.issued_touched_by_import(batch.id).unwrap();
    assert_eq!(
        touched
            .iter()
            .map(|i| i.customer.as_str())
            .collect::<Vec<_>>(),
        ["C001"]
    );
    let (_, voids) = import::undo(&mut store, batch.id).unwrap();
    // Today the reversals were dated the day of the undo, so November still counted
    // the cancelled money.
    assert_eq!(balances_on(&store, "2026-11-30"), month_end);
    assert_eq!(
        balances_on(&store, "2026-11-02"),
        balances_on(&shop(), "2026-11-02")
    );
    assert_eq!(voids.len(), 2);
    let (_, ledger) = report::customer_ledger(&store, "C001", None, None).unwrap();
    let void_dates: Vec<String> = ledger
        .entries
        .iter()
        .filter(|e| e.kind == DocKind::Void)
        .map(|e| e.date.to_string())
        .collect();
    assert_eq!(void_dates, ["2026-11-02"]);
    assert!(store.check(d("2030-01-01")).unwrap().is_empty());
    assert!(store.issued_touched_by_import(batch.id).unwrap().is_empty());
}

#[test]
fn a_payment_entered_by_hand_is_a_probable_duplicate() {
    let mut store = shop();
    let amount = m(&store, "80.00");
    store
        .post_credit(&credit(
            "C002",
            DocKind::Payment,
            "PAY-9",
            "2026-11-03",
            amount,
            Apply::OldestFirst,
        ))
        .unwrap();
    let plan = import::prepare(
        &store,
        "oct.csv",
        OCTOBER.as_bytes(),
        &Hints::default(),
        None,
    )
    .unwrap();
    let row = plan.rows.iter().find(|r| r.row.line == 3).unwrap();
    match &row.status {
        RowStatus::ProbableDuplicate(why) => assert!(why.to_string().contains("PAY-9"), "{why}"),
        other => panic!("{other:?}"),
    }
    let decisions = import::default_decisions(&plan, 0.9);
    assert_eq!(decisions[1], Decision::Skip);
    let batch = import::commit(&mut store, &plan, &decisions, |_, _| {})
        .unwrap()
        .batch
        .unwrap();
    let kept = store.batch_rows(batch.id).unwrap();
    assert_eq!(kept[1].status, BankRowStatus::Skipped);
    assert!(
        kept[1]
            .reason
            .as_deref()
            .unwrap()
            .contains("probable duplicate")
    );
    // Paid once, not twice: no balance and no unapplied credit left for C002.
    let left = balances(&store);
    assert!(!left.iter().any(|b| b.starts_with("C002")), "{left:?}");
}

#[test]
fn a_payer_accepted_once_is_known_the_next_time() {
    let mut store = shop();
    let first = "Date,Payer,Details,Amount\n2026-11-02,J SMITH FOR ACME,INV-1001,100.00\n";
    import_all(&mut store, "a.csv", first);
    let second = "Date,Payer,Details,Amount\n2026-12-02,J Smith for Acme,transfer,250.00\n";
    let plan =
        import::prepare(&store, "b.csv", second.as_bytes(), &Hints::default(), None).unwrap();
    let s = plan.rows[0].suggestion.as_ref().unwrap();
    assert_eq!(s.code, "C001");
    assert!(
        s.confidence >= 0.9 && s.reason.to_string().contains("known payer"),
        "{}",
        s.reason
    );
}

#[test]
fn rows_in_another_currency_are_listed_not_posted() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    customer(&mut store, "C001");
    let hundred = m(&store, "100.00");
    store
        .post_debit(&invoice(
            "C001",
            "INV-1",
            "2026-10-01",
            hundred,
            Terms::Net(30),
            Plan::Single,
        ))
        .unwrap();
    let text =
        "Date,Details,Amount,Currency\n2026-11-02,INV-1,100.00,EUR\n2026-11-02,INV-1,100.00,USD\n";
    let plan = import::prepare(&store, "fx.csv", text.as_bytes(), &Hints::default(), None).unwrap();
    let kinds: Vec<RowKind> = plan.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![RowKind::Foreign, RowKind::MoneyIn]);
    let decisions = import::default_decisions(&plan, 0.9);
    let done = import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    assert_eq!(done.summary.foreign.count, 1);
    assert_eq!(done.batch.unwrap().payments, 1);
}

#[test]
fn a_banks_answer_is_remembered_for_its_next_file() {
    let mut store = shop();
    let ambiguous = "Date,Payer,Details,Amount\n02/11/2026,Acme,INV-1001,100.00\n03/11/2026,Acme,INV-1002,250.00\n";
    let err = import::prepare(
        &store,
        "bank.csv",
        ambiguous.as_bytes(),
        &Hints::default(),
        None,
    )
    .unwrap_err();
    assert!(
        matches!(err, RunError::Read(ImportError::AmbiguousDates { .. })),
        "{err}"
    );
    let hints = Hints {
        date_format: Some("%d/%m/%Y".into()),
        ..Hints::default()
    };
    let plan = import::prepare(
        &store,
        "bank.csv",
        ambiguous.as_bytes(),
        &hints,
        Some("my bank"),
    )
    .unwrap();
    let decisions = import::default_decisions(&plan, 0.9);
    import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();

    let next = "Date,Payer,Details,Amount\n01/12/2026,Borealis,INV-2001,80.00\n02/12/2026,Acme,refund,-5.00\n";
    let plan = import::prepare(
        &store,
        "bank-dec.csv",
        next.as_bytes(),
        &Hints::default(),
        None,
    )
    .unwrap();
    assert_eq!(plan.profile.as_deref(), Some("my bank"));
    assert_eq!(plan.rows[0].row.date, Some(d("2026-12-01")));
}

/// A bank's description with a control character or a bidi override is kept, not
/// refused: the import goes through and the payment's memo is the text scrubbed.
#[test]
fn hidden_characters_in_a_bank_description_are_scrubbed_not_refused() {
    let mut store = shop();
    let statement = "Date,Payer,Details,Amount\n\
        2026-11-02,ACME TRADING,\"Payment\u{7} INV-1002\tthanks\u{202E}\",250.00\n\
        2026-11-03,Stranger\u{1b},Gift\u{2066} box,10.00\n";
    let done = import_all(&mut store, "hostile.csv", statement);
    assert!(done.batch.is_some());
    let mut memos = Vec::new();
    store
        .documents(|d| {
            if d.kind == DocKind::Payment {
                memos.push(d.memo.unwrap_or_default());
            }
        })
        .unwrap();
    assert_eq!(memos, ["Payment INV-1002 thanks"]);
    // The unmatched row, assigned later, is scrubbed the same way.
    let row = store.unmatched_bank_rows().unwrap()[0].id;
    let (posted, _) =
        import::assign_unmatched(&mut store, row, "C003", Apply::OldestFirst).unwrap();
    let memo = store.document(&posted.number).unwrap().memo.unwrap();
    assert_eq!(memo, "Gift box");
    assert!(store.check(d("2030-01-01")).unwrap().is_empty());
}
