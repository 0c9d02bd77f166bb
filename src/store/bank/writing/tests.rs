//! A batch posted as one run leaves the book exactly as posting each payment behind its
//! own savepoint does: the same documents, allocations (and their dates), discounts,
//! numbers, kept rows and learned payers; and a refusal that comes only once writing has
//! begun sends the batch back to savepoints.

use chrono::NaiveDate;

use super::Mode;
use crate::domain::allocation::Apply;
use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::domain::terms::{Plan, Terms};
use crate::store::{
    BankRowStatus, BookSettings, NewBankRow, NewCredit, NewDebit, NewImportBatch, Store,
    VoidRequest,
};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// C1 with three invoices (the last dated after the file's payments), C2 with one on
/// discount terms and one paid in part by hand later than the file's first payment, and
/// a voided payment whose freed allocation is dated after the file too.
fn book() -> Store {
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
    let usd = store.currency().clone();
    let invoices = [
        ("C1", "INV-1", "2026-03-01", "100.00", Terms::Net(30)),
        ("C1", "INV-2", "2026-03-05", "50.00", Terms::Net(30)),
        ("C1", "INV-3", "2026-04-20", "300.00", Terms::Net(30)),
        (
            "C2",
            "INV-4",
            "2026-03-10",
            "1000.00",
            "2/10 net 30".parse().unwrap(),
        ),
        ("C2", "INV-5", "2026-02-01", "200.00", Terms::Net(30)),
    ];
    for (customer, number, day, amount, terms) in invoices {
        store
            .post_debit(&NewDebit {
                customer: customer.into(),
                kind: DocKind::Invoice,
                number: Some(number.into()),
                date: date(day),
                amount: usd.parse(amount).unwrap(),
                terms: Some(terms),
                due: None,
                plan: Plan::Single,
                reference: None,
                memo: None,
            })
            .unwrap();
    }
    let pay = |store: &mut Store, number: &str, day: &str, amount: &str, invoice: &str| {
        store
            .post_credit(&NewCredit {
                customer: "C2".into(),
                kind: DocKind::Payment,
                number: Some(number.into()),
                date: date(day),
                amount: usd.parse(amount).unwrap(),
                reference: None,
                memo: None,
                apply: Apply::Explicit(vec![(invoice.into(), None)]),
            })
            .unwrap();
    };
    pay(&mut store, "HAND-1", "2026-03-20", "30.00", "INV-5");
    pay(&mut store, "HAND-2", "2026-03-02", "40.00", "INV-5");
    store
        .void(&VoidRequest {
            number: "HAND-2".into(),
            date: Some(date("2026-03-25")),
            reason: None,
        })
        .unwrap();
    store
}

fn row(line: usize, day: &str, amount: &str, payment: Option<(&str, Apply)>) -> NewBankRow {
    let usd = crate::domain::Currency::new("USD", 2).unwrap();
    NewBankRow {
        fingerprint: format!("fp-{line}"),
        occurrence: 0,
        line,
        date: date(day),
        amount: amount.into(),
        currency: None,
        description: format!("row {line}"),
        reference: None,
        counterparty: Some("ACME".into()),
        account: None,
        status: match (&payment, amount.starts_with('-')) {
            (_, true) => BankRowStatus::MoneyOut,
            (Some(_), false) => BankRowStatus::Posted,
            (None, false) => BankRowStatus::Unmatched,
        },
        learn: match &payment {
            Some((customer, _)) => vec!["acme".into(), format!("acme {customer}")],
            None => Vec::new(),
        },
        payment: payment.map(|(customer, apply)| NewCredit {
            customer: customer.into(),
            kind: DocKind::Payment,
            number: None,
            date: date(day),
            amount: usd.parse(amount).unwrap(),
            reference: Some(format!("bank line {line}")),
            memo: Some(format!("row {line}")),
            apply,
        }),
        confidence: Some("0.95".into()),
        reason: Some("test".into()),
        said: None,
    }
}

fn rows() -> Vec<NewBankRow> {
    let named = |invoice: &str| Apply::Explicit(vec![(invoice.into(), None)]);
    vec![
        row(1, "2026-03-10", "60.00", Some(("C1", Apply::OldestFirst))),
        // INV-1 has 40 left: 40 paid, 20 unapplied.
        row(2, "2026-03-11", "60.00", Some(("C1", named("INV-1")))),
        // INV-1 has nothing left: refused before anything is written.
        row(3, "2026-03-12", "100.00", Some(("C1", named("INV-1")))),
        // Inside INV-4's window: 980 settles it with a 20.00 discount.
        row(4, "2026-03-15", "980.00", Some(("C2", named("INV-4")))),
        // INV-2, then INV-3 dated after the payment (allocated on its date), the rest
        // unapplied.
        row(5, "2026-03-14", "500.00", Some(("C1", Apply::OldestFirst))),
        row(
            6,
            "2026-03-14",
            "5.00",
            Some(("NOBODY", Apply::OldestFirst)),
        ),
        row(7, "2026-03-14", "-12.00", None),
        row(8, "2026-03-14", "7.00", None),
        // INV-5 was last allocated on 03-25 (the void): dated then, and settles it.
        row(9, "2026-03-01", "170.00", Some(("C2", Apply::OldestFirst))),
        row(10, "2026-03-16", "1.00", Some(("C2", Apply::Unapplied))),
    ]
}

fn batch() -> NewImportBatch {
    NewImportBatch {
        file_name: "test.csv".into(),
        sha256: "x".into(),
        detected: "{}".into(),
        rows_read: 10,
        duplicates: 0,
    }
}

fn dump(store: &Store) -> Vec<String> {
    store.dump_import_tables()
}

#[test]
fn a_run_writes_what_savepoints_write() {
    let mut by_run = book();
    let mut by_savepoints = book();
    let ran = by_run
        .commit_import_rows(&batch(), rows().into_iter().map(Ok), &mut |_| {}, Mode::Run)
        .unwrap();
    let saved = by_savepoints
        .commit_import_rows(
            &batch(),
            rows().into_iter().map(Ok),
            &mut |_| {},
            Mode::Savepoints,
        )
        .unwrap();
    assert_eq!(dump(&by_run), dump(&by_savepoints));
    assert_eq!(ran.posted, saved.posted);
    assert_eq!(ran.not_posted, saved.not_posted);
    // What the test means to cover did happen.
    let lines: Vec<usize> = ran.not_posted.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [3, 6]);
    assert!(
        ran.not_posted[0].1.to_string().contains("INV-1"),
        "{:?}",
        ran.not_posted
    );
    let discounts: Vec<_> = ran.posted.iter().flat_map(|p| &p.discounts).collect();
    assert_eq!(discounts.len(), 1);
    assert_eq!(discounts[0].invoice, "INV-4");
    let dumped = dump(&by_run);
    assert!(
        dumped
            .iter()
            .any(|l| l.contains("date=Text(\"2026-04-20\")") && l.starts_with("allocations:"))
    );
    assert!(
        dumped
            .iter()
            .any(|l| l.contains("date=Text(\"2026-03-25\")")
                && l.starts_with("allocations:")
                && l.contains("amount=Integer(17000)"))
    );
    for store in [&by_run, &by_savepoints] {
        assert!(store.check(date("2026-05-01")).unwrap().is_empty());
    }
}

#[test]
fn a_refusal_after_writing_began_sends_the_batch_back_to_savepoints() {
    let mut store = book();
    // Refused only by the allocation's own write (as a book changed behind the run's
    // back would be): the run cannot take it back, so the batch is written again.
    store
        .conn
        .execute_batch(
            "CREATE TRIGGER no_500 BEFORE INSERT ON allocations WHEN NEW.amount = 5000
             BEGIN SELECT RAISE(ABORT, 'no 50.00 allocations'); END",
        )
        .unwrap();
    let done = store
        .commit_import(&batch(), rows().into_iter().map(Ok), |_| {})
        .unwrap();
    let lines: Vec<usize> = done.not_posted.iter().map(|(line, _)| *line).collect();
    // Row 5 pays INV-2's 50.00 first.
    assert_eq!(lines, [3, 5, 6]);
    assert_eq!(done.posted.len(), 5);
    let payments: i64 = store
        .conn
        .query_row(
            "SELECT COUNT(*) FROM documents WHERE kind = 'payment' AND number LIKE 'PAY-%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(payments, 5);
    assert!(store.check(date("2026-05-01")).unwrap().is_empty());
}

#[test]
fn a_row_that_cannot_be_made_leaves_the_book_as_it_was() {
    let mut store = book();
    let before = dump(&store);
    // The sixth row fails (its file changed while it was read): the five before it,
    // payments among them, are not written either.
    let broken = rows().into_iter().enumerate().map(|(i, row)| {
        if i == 5 {
            Err(crate::store::StoreError::FileChanged(
                "the file changed".into(),
            ))
        } else {
            Ok(row)
        }
    });
    let error = store.commit_import(&batch(), broken, |_| {}).unwrap_err();
    assert!(error.to_string().contains("the file changed"), "{error}");
    assert_eq!(dump(&store), before);
}
