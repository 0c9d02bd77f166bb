//! The kept sums against the items: through payments, part payments, a bounced payment's
//! void, an invoice's void and a refund; a demo book on many days; the window's edges;
//! a drift caught by `owed check`; a sum past 64 bits; an older book's upgrade.

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::domain::allocation::Apply;
use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::domain::terms::{Plan, Terms};
use crate::store::schema::CURRENT_VERSION;
use crate::store::{Access, BookSettings, NewCredit, NewDebit, NewRefund, VoidRequest};

fn d(text: &str) -> NaiveDate {
    crate::domain::parse_date(text).unwrap()
}

fn book() -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    for code in ["C1", "C2"] {
        store
            .add_customer(&CustomerDraft {
                code: code.into(),
                name: format!("{code} Ltd"),
                ..Default::default()
            })
            .unwrap();
    }
    store
}

fn invoice(store: &mut Store, customer: &str, number: &str, date: &str, amount: &str) {
    let amount = store.currency().parse(amount).unwrap();
    store
        .post_debit(&NewDebit {
            customer: customer.into(),
            kind: DocKind::Invoice,
            number: Some(number.into()),
            date: d(date),
            amount,
            terms: Some(Terms::Net(30)),
            due: None,
            plan: Plan::Single,
            reference: None,
            memo: None,
        })
        .unwrap();
}

fn pay(store: &mut Store, customer: &str, number: &str, date: &str, amount: &str, to: &str) {
    let amount = store.currency().parse(amount).unwrap();
    let apply = match to {
        "" => Apply::Unapplied,
        to => Apply::Explicit(vec![(to.into(), None)]),
    };
    store
        .post_credit(&NewCredit {
            customer: customer.into(),
            kind: DocKind::Payment,
            number: Some(number.into()),
            date: d(date),
            amount,
            reference: None,
            memo: None,
            apply,
        })
        .unwrap();
}

fn void(store: &mut Store, number: &str, date: &str) {
    store
        .void(&VoidRequest {
            number: number.into(),
            date: Some(d(date)),
            reason: None,
        })
        .unwrap();
}

/// Sums per customer, written out to the decimal place, for comparing two ways.
fn written(sums: HashMap<CustomerId, HabitSums>) -> BTreeMap<i64, String> {
    sums.into_iter()
        .map(|(id, sums)| (id.0, format!("{sums:?}")))
        .collect()
}

/// The kept sums agree with the items on every day from `first` through `last` (a year
/// back from each), and `owed check` finds the months equal to the items.
fn agrees(store: &Store, first: &str, last: &str) {
    let mut as_of = d(first);
    while as_of <= d(last) {
        let from = as_of - chrono::Days::new(364);
        assert_eq!(
            written(store.habit_sums(from, as_of).unwrap()),
            written(store.sums_by_item(from, as_of).unwrap()),
            "as of {as_of}"
        );
        as_of = as_of.succ_opt().unwrap();
    }
    let mut found = Vec::new();
    store.check_settled_by_month(&mut found).unwrap();
    assert_eq!(found, Vec::new());
}

/// The kept row of `customer` for `month`: (items, amount, to pay, late, on time).
fn kept(store: &Store, customer: &str, month: &str) -> Option<(i64, i64, i64, i64, i64)> {
    store
        .conn
        .query_row(
            "SELECT items, amount, to_pay, late, on_time FROM settled_by_month m
             JOIN customers c ON c.id = m.customer_id WHERE c.code = ?1 AND m.month = ?2",
            [customer, month],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .ok()
}

/// A payment settles INV-1 (net 30 from 01-05: due 02-04) 10 days late on 02-14;
/// INV-2 is paid in two parts, settling on the second (on time); a bounced PAY-3 is
/// voided, opening INV-3 again until PAY-5; voided INV-4 is settled by its void; a
/// refund pays back C2's unapplied credit.
#[test]
fn the_months_follow_payments_parts_voids_and_refunds() {
    let mut store = book();
    invoice(&mut store, "C1", "INV-1", "2026-01-05", "1000.00");
    pay(&mut store, "C1", "PAY-1", "2026-02-14", "1000.00", "INV-1");
    assert_eq!(
        kept(&store, "C1", "2026-02"),
        Some((1, 100_000, 100_000 * 40, 100_000 * 10, 0))
    );
    invoice(&mut store, "C1", "INV-2", "2026-02-01", "300.00");
    pay(&mut store, "C1", "PAY-2", "2026-02-10", "100.00", "INV-2");
    assert_eq!(
        kept(&store, "C1", "2026-02").unwrap().0,
        1,
        "a part settles nothing"
    );
    pay(&mut store, "C1", "PAY-2B", "2026-02-20", "200.00", "INV-2");
    assert_eq!(
        kept(&store, "C1", "2026-02"),
        Some((2, 130_000, 100_000 * 40 + 30_000 * 19, 100_000 * 10, 30_000))
    );
    invoice(&mut store, "C1", "INV-3", "2026-03-01", "50.00");
    pay(&mut store, "C1", "PAY-3", "2026-03-05", "50.00", "INV-3");
    assert_eq!(
        kept(&store, "C1", "2026-03"),
        Some((1, 5_000, 20_000, 0, 5_000))
    );
    void(&mut store, "PAY-3", "2026-03-09");
    // The bounce opened INV-3 again; what March keeps now is the void's own item (a
    // debit settled at once by the bounced payment), which the readers leave out.
    assert_eq!(kept(&store, "C1", "2026-03"), Some((1, 5_000, 0, 0, 5_000)));
    invoice(&mut store, "C2", "INV-4", "2026-03-02", "70.00");
    void(&mut store, "INV-4", "2026-03-03");
    pay(&mut store, "C2", "PAY-4", "2026-03-04", "40.00", "");
    store
        .post_refund(&NewRefund {
            customer: "C2".into(),
            number: Some("REF-1".into()),
            date: d("2026-03-06"),
            amount: store.currency().parse("40.00").unwrap(),
            of: Some("PAY-4".into()),
            reference: None,
            memo: None,
        })
        .unwrap();
    assert_eq!(
        kept(&store, "C2", "2026-03").unwrap().0,
        2,
        "INV-4 and REF-1"
    );
    pay(&mut store, "C1", "PAY-5", "2026-04-02", "50.00", "INV-3");
    agrees(&store, "2026-01-01", "2026-05-01");
    // The habits leave out the voided invoice and the refund: C2 paid nothing.
    let sums = store.habit_sums(d("2025-05-02"), d("2026-05-01")).unwrap();
    let c2 = store.customer("C2").unwrap().id;
    assert!(sums.get(&c2).is_none_or(|s| s.habits().days_late.is_none()));
}

/// Every day of a demo book's last year and a half, a year back from each: bounced
/// cheques voided days after they settled (so the days between judge items by their own
/// allocations), refunds, installments, credit notes and write-offs.
#[test]
fn a_demo_book_agrees_day_by_day() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let options = crate::demo::DemoOptions {
        customers: 30,
        invoices: 900,
        seed: 11,
        today: d("2026-11-23"),
    };
    crate::demo::generate(&mut store, &options, &mut |_, _| {}).unwrap();
    agrees(&store, "2025-06-01", "2026-12-31");
}

/// The window's months, days added and days taken cover each day of the range once and
/// no other day, for ranges of every length up to a year and more from many days.
#[test]
fn the_window_covers_each_day_once() {
    let start = d("2023-12-20");
    for offset in 0..80 {
        let from = start + chrono::Days::new(offset * 7);
        for length in [0, 1, 2, 14, 15, 16, 27, 30, 31, 45, 60, 364, 365, 400] {
            let to = from + chrono::Days::new(length);
            let w = window(from, to);
            let mut count: BTreeMap<NaiveDate, i64> = BTreeMap::new();
            let mut mark = |first: NaiveDate, last: NaiveDate, by: i64| {
                for day in first.iter_days().take_while(|d| *d <= last) {
                    *count.entry(day).or_default() += by;
                }
            };
            if let Some((first, last)) = w.months {
                let end = last.checked_add_months(Months::new(1)).unwrap().pred_opt();
                mark(first, end.unwrap(), 1);
            }
            w.add.iter().for_each(|(a, b)| mark(*a, *b, 1));
            w.take.iter().for_each(|(a, b)| mark(*a, *b, -1));
            for (day, n) in count {
                let inside = day >= from && day <= to;
                assert_eq!(n, i64::from(inside), "{day} in {from}..{to}: {w:?}");
            }
            // Never more edge days read than half a month at each end.
            let days: i64 = (w.add.iter().chain(&w.take))
                .map(|(a, b)| (*b - *a).num_days() + 1)
                .sum();
            assert!(days <= 31 || w.months.is_none(), "{from}..{to}: {w:?}");
        }
    }
    assert_eq!(window(d("2026-02-02"), d("2026-02-01")), Window::default());
}

/// A month's sums edited past the library are a violation naming the customer and month.
#[test]
fn a_drift_is_caught_by_the_check() {
    let mut store = book();
    invoice(&mut store, "C1", "INV-1", "2026-01-05", "1000.00");
    pay(&mut store, "C1", "PAY-1", "2026-02-14", "1000.00", "INV-1");
    assert!(store.check(d("2026-03-01")).unwrap().is_empty());
    store
        .conn
        .execute("UPDATE settled_by_month SET late = late + 1", [])
        .unwrap();
    store
        .conn
        .execute(
            "INSERT INTO settled_by_month VALUES ('2026-01', 2, 1, 5, 0, 0, 5)",
            [],
        )
        .unwrap();
    let found: Vec<String> = store
        .check(d("2026-03-01"))
        .unwrap()
        .into_iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(
        found,
        [
            "payment-habit sums of C1 for 2026-02 differ from the items settled then (1 kept, 1 settled)",
            "payment-habit sums of C2 for 2026-01 differ from the items settled then (1 kept, 0 settled)",
        ]
    );
}

/// An invoice of the largest amount paid three centuries late: its days-late sum passes
/// 64 bits, SQLite keeps it as a float, and the habits come from the items instead.
#[test]
fn a_sum_past_64_bits_is_read_from_the_items() {
    let mut store = book();
    invoice(&mut store, "C1", "INV-1", "1900-01-01", "999999999999.00");
    invoice(&mut store, "C1", "INV-2", "2199-11-01", "10.00");
    pay(
        &mut store,
        "C1",
        "PAY-1",
        "2199-12-30",
        "999999999999.00",
        "INV-1",
    );
    pay(&mut store, "C1", "PAY-2", "2199-12-31", "10.00", "INV-2");
    let kind: String = store
        .conn
        .query_row("SELECT typeof(late) FROM settled_by_month", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kind, "real");
    let (from, as_of) = (d("2199-01-01"), d("2199-12-31"));
    let sums = written(store.habit_sums(from, as_of).unwrap());
    assert_eq!(sums, written(store.sums_by_item(from, as_of).unwrap()));
    let c1 = store.customer("C1").unwrap().id;
    let habits = store.habit_sums(from, as_of).unwrap()[&c1].habits();
    assert!(habits.days_late.unwrap() > rust_decimal::Decimal::from(100_000));
    assert!(store.check(as_of).unwrap().is_empty());
}

/// A v13 book (before the sums were kept) with items settled, part paid and voided is
/// upgraded: the months are filled from its items and `owed check` finds them equal.
#[test]
fn an_older_book_is_filled_when_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v13.owed");
    crate::store::open::tests::create_at_version(&path, 13);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "INSERT INTO customers (id, code, name, terms, created_at) VALUES (1, 'C1', 'A', 'net 30', '2026-01-01T09:00:00+00:00');
         INSERT INTO documents (id, customer_id, kind, side, number, date, amount, posted_at, terms, unapplied) VALUES
             (1, 1, 'invoice', 1, 'INV-1', '2026-01-05', 100000, '2026-01-05T09:00:00+00:00', 'net 30', NULL),
             (2, 1, 'invoice', 1, 'INV-2', '2026-01-10', 30000, '2026-01-10T09:00:00+00:00', 'net 30', NULL);
         INSERT INTO items (id, document_id, customer_id, seq, doc_date, due_date, amount, open, settled_on) VALUES
             (1, 1, 1, 1, '2026-01-05', '2026-02-04', 100000, 0, '2026-02-14'),
             (2, 2, 1, 1, '2026-01-10', '2026-02-09', 30000, 10000, NULL);
         INSERT INTO documents (id, customer_id, kind, side, number, date, amount, posted_at, unapplied, exhausted_on) VALUES
             (3, 1, 'payment', -1, 'PAY-1', '2026-02-14', 120000, '2026-02-14T09:00:00+00:00', 0, '2026-02-14');
         INSERT INTO allocations (credit_id, item_id, date, amount) VALUES (3, 1, '2026-02-14', 100000), (3, 2, '2026-02-14', 20000);",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(Path::new(&path), Access::Write).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    assert_eq!(
        kept(&store, "C1", "2026-02"),
        Some((1, 100_000, 100_000 * 40, 100_000 * 10, 0))
    );
    assert!(store.check(d("2026-03-01")).unwrap().is_empty());
    agrees(&store, "2026-02-01", "2026-03-01");
}

/// The plan of `sql` as SQLite words it, one step a line.
fn plan(store: &Store, sql: &str) -> String {
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let count = stmt.parameter_count();
    let params = vec![rusqlite::types::Value::Null; count];
    let steps = stmt
        .query_map(rusqlite::params_from_iter(params), |r| {
            r.get::<_, String>(3)
        })
        .unwrap();
    steps.map(Result::unwrap).collect::<Vec<_>>().join("\n")
}

/// The reads these sums and the promise judgements lean on keep the plans that make
/// them fast (a plan from the wrong side read a big book's year of items one document
/// lookup at a time): from the few documents to their items; payments from their own
/// index alone.
#[test]
fn the_reads_keep_their_plans() {
    let store = book();
    let left_out = plan(&store, LEFT_OUT);
    assert!(left_out.contains("documents_paid_back"), "{left_out}");
    assert!(left_out.contains("documents_voided_once"), "{left_out}");
    assert!(!left_out.contains("items_alive"), "{left_out}");
    for sql in [
        crate::store::contacts::PAYMENTS_BETWEEN,
        crate::store::analytics::CUSTOMER_PAYMENTS,
    ] {
        let payments = plan(&store, sql);
        assert!(
            payments.contains("COVERING INDEX payments_by_customer"),
            "{payments}"
        );
    }
}
