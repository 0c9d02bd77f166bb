//! The books the journal tests export: every kind of document, every awkward character
//! a code, name or memo can hold, in USD and in JPY.

use std::path::Path;

use crate::common::helpers::{d, m};
use owed::domain::Currency;
use owed::domain::allocation::Apply;
use owed::domain::customer::CustomerDraft;
use owed::domain::document::DocKind;
use owed::domain::terms::Plan;
use owed::store::{BookSettings, NewCredit, NewDebit, NewRefund, Store, VoidRequest};

fn add_customer(store: &mut Store, code: &str, name: &str) {
    store
        .add_customer(&CustomerDraft {
            code: code.into(),
            name: name.into(),
            ..Default::default()
        })
        .unwrap();
}

#[allow(clippy::too_many_arguments)]
fn debit(
    store: &mut Store,
    kind: DocKind,
    code: &str,
    number: &str,
    date: &str,
    amount: &str,
    plan: Plan,
    memo: Option<&str>,
) {
    let amount = m(store, amount);
    store
        .post_debit(&NewDebit {
            customer: code.into(),
            kind,
            number: Some(number.into()),
            date: d(date),
            amount,
            terms: None,
            due: None,
            plan,
            reference: Some(format!("PO {number}")),
            memo: memo.map(Into::into),
        })
        .unwrap();
}

#[allow(clippy::too_many_arguments)]
fn credit(
    store: &mut Store,
    kind: DocKind,
    code: &str,
    number: &str,
    date: &str,
    amount: &str,
    apply: Apply,
    memo: Option<&str>,
) {
    let amount = m(store, amount);
    store
        .post_credit(&NewCredit {
            customer: code.into(),
            kind,
            number: Some(number.into()),
            date: d(date),
            amount,
            reference: None,
            memo: memo.map(Into::into),
            apply,
        })
        .unwrap();
}

fn void(store: &mut Store, number: &str, date: &str, reason: &str) {
    store
        .void(&VoidRequest {
            number: number.into(),
            date: Some(d(date)),
            reason: Some(reason.into()),
        })
        .unwrap();
}

/// A USD book with every kind of document (an early-payment discount too) and every
/// awkward character.
pub(super) fn usd_book(path: &Path) {
    let settings = BookSettings {
        company: "Müller; \"Söhne\"\nGmbH".into(),
        currency: Currency::new("USD", 2).unwrap(),
    };
    let mut s = Store::init(path, &settings).unwrap();
    add_customer(&mut s, "C001", "Acme Ltd");
    add_customer(&mut s, "华星:01", "深圳市华星贸易有限公司");
    add_customer(&mut s, "Q;\"q\"", "Fish \"Chips\" | Co; Ltd");
    add_customer(&mut s, "A:B", "Colon Co");
    add_customer(&mut s, "A_B", "Underscore Co");
    add_customer(&mut s, "acme", "Lower Case, Nothing Posted");
    add_customer(&mut s, "003", "Digits (first)");
    use DocKind::*;
    let memo = Some("first line\n  second ; not a comment  \"quoted\" | piped");
    debit(
        &mut s,
        Invoice,
        "C001",
        "INV-1",
        "2026-01-10",
        "1200.00",
        Plan::Installments(3),
        memo,
    );
    debit(
        &mut s,
        Fee,
        "C001",
        "FEE-1",
        "2026-03-01",
        "25.00",
        Plan::Single,
        Some("late fee"),
    );
    credit(
        &mut s,
        Payment,
        "C001",
        "PAY-1",
        "2026-03-05",
        "500.00",
        Apply::OldestFirst,
        None,
    );
    credit(
        &mut s,
        Credit,
        "C001",
        "CN-1",
        "2026-03-06",
        "50.05",
        Apply::OldestFirst,
        Some("\"damaged\"; returned"),
    );
    debit(
        &mut s,
        Invoice,
        "华星:01",
        "INV-2",
        "2026-02-01",
        "1000.00",
        Plan::Single,
        None,
    );
    // Paid 300.55 more than was owed: unapplied credit, of which 100.00 goes back.
    credit(
        &mut s,
        Payment,
        "华星:01",
        "PAY-2",
        "2026-02-20",
        "1300.55",
        Apply::OldestFirst,
        Some("超额付款"),
    );
    let refund = m(&s, "100.00");
    s.post_refund(&NewRefund {
        customer: "华星:01".into(),
        number: Some("RF-1".into()),
        date: d("2026-02-25"),
        amount: refund,
        of: Some("PAY-2".into()),
        reference: None,
        memo: Some("\tback to the bank".into()),
    })
    .unwrap();
    debit(
        &mut s,
        Invoice,
        "Q;\"q\"",
        "INV-3",
        "2026-01-15",
        "800.00",
        Plan::Single,
        None,
    );
    credit(
        &mut s,
        Payment,
        "Q;\"q\"",
        "PAY-3",
        "2026-02-15",
        "0.01",
        Apply::OldestFirst,
        None,
    );
    credit(
        &mut s,
        WriteOff,
        "Q;\"q\"",
        "WO-1",
        "2026-06-30",
        "799.99",
        Apply::OldestFirst,
        Some("  gone; bankrupt"),
    );
    debit(
        &mut s,
        Invoice,
        "A:B",
        "INV-4",
        "2026-04-01",
        "99.99",
        Plan::Single,
        None,
    );
    void(&mut s, "INV-4", "2026-04-02", "wrong customer; re-issued");
    debit(
        &mut s,
        Invoice,
        "A_B",
        "INV-5",
        "2026-04-01",
        "10.00",
        Plan::Single,
        None,
    );
    credit(
        &mut s,
        Payment,
        "A_B",
        "PAY-5",
        "2026-04-03",
        "10.00",
        Apply::OldestFirst,
        None,
    );
    void(&mut s, "PAY-5", "2026-04-04", "cheque bounced");
    // An early-payment discount (2/10 net 30) taken with a payment that also settles
    // INV-5 (open again since PAY-5 was voided): 10.00 + 980.00, DISC-000001 of 20.00.
    let amount = m(&s, "1000.00");
    s.post_debit(&NewDebit {
        customer: "A_B".into(),
        kind: Invoice,
        number: Some("INV-6".into()),
        date: d("2026-04-10"),
        amount,
        terms: Some("2/10 net 30".parse().unwrap()),
        due: None,
        plan: Plan::Single,
        reference: None,
        memo: None,
    })
    .unwrap();
    credit(
        &mut s,
        Payment,
        "A_B",
        "PAY-6",
        "2026-04-15",
        "990.00",
        Apply::OldestFirst,
        None,
    );
    debit(
        &mut s,
        Invoice,
        "003",
        "INV (003)",
        "2026-05-01",
        "1234567.89",
        Plan::Single,
        Some("[2026-13-01] date:foo a:: 1/0 ; x"),
    );
    credit(
        &mut s,
        Payment,
        "003",
        "PAY (003)",
        "2026-05-02",
        "0.89",
        Apply::OldestFirst,
        None,
    );
}

/// A JPY book (no decimals) with installments, a fee, a partial payment, a credit note
/// and the void of a payment.
pub(super) fn jpy_book(path: &Path) {
    let settings = BookSettings {
        company: "株式会社テスト".into(),
        currency: Currency::new("JPY", 0).unwrap(),
    };
    let mut s = Store::init(path, &settings).unwrap();
    add_customer(&mut s, "東京", "東京商事");
    add_customer(&mut s, "K-2", "Kyoto \"K\"");
    use DocKind::*;
    debit(
        &mut s,
        Invoice,
        "東京",
        "J-1",
        "2026-01-05",
        "150001",
        Plan::Installments(4),
        None,
    );
    debit(
        &mut s,
        Fee,
        "東京",
        "J-F",
        "2026-02-05",
        "1000",
        Plan::Single,
        None,
    );
    credit(
        &mut s,
        Payment,
        "東京",
        "J-P1",
        "2026-02-10",
        "50001",
        Apply::OldestFirst,
        None,
    );
    credit(
        &mut s,
        Credit,
        "東京",
        "J-C",
        "2026-02-11",
        "333",
        Apply::OldestFirst,
        None,
    );
    debit(
        &mut s,
        Invoice,
        "K-2",
        "J-2",
        "2026-01-06",
        "7",
        Plan::Single,
        None,
    );
    credit(
        &mut s,
        Payment,
        "K-2",
        "J-P2",
        "2026-01-07",
        "20",
        Apply::OldestFirst,
        None,
    );
    void(&mut s, "J-P2", "2026-01-08", "duplicate");
}
