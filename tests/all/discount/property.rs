//! A property over random histories of invoices (some on discount terms, some in
//! installments), payments (some refusing the discount), credit notes and voids: the
//! ledger stays consistent and every discount stands where it should.

use owed::domain::allocation::Apply;
use owed::domain::document::DocKind;
use owed::domain::terms::Plan;
use owed::domain::{Currency, Money};
use owed::store::{Discounting, VoidRequest};
use proptest::prelude::*;

use super::terms;
use crate::common::helpers::{book, credit, customer, d, invoice};

#[derive(Debug, Clone)]
enum Op {
    Invoice {
        day: u64,
        cents: i64,
        discounted: bool,
        installments: bool,
    },
    Payment {
        day: u64,
        cents: i64,
        refuse: bool,
    },
    CreditNote {
        day: u64,
        cents: i64,
    },
    Void {
        pick: usize,
        day: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0u64..60, 1i64..200_000, any::<bool>(), prop::bool::weighted(0.2))
            .prop_map(|(day, cents, discounted, installments)| Op::Invoice { day, cents, discounted, installments }),
        4 => (0u64..60, 1i64..200_000, prop::bool::weighted(0.1))
            .prop_map(|(day, cents, refuse)| Op::Payment { day, cents, refuse }),
        1 => (0u64..60, 1i64..50_000).prop_map(|(day, cents)| Op::CreditNote { day, cents }),
        2 => (any::<usize>(), 0u64..90).prop_map(|(pick, day)| Op::Void { pick, day }),
    ]
}

fn on(day: u64) -> chrono::NaiveDate {
    d("2026-01-01") + chrono::Days::new(day)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever is posted, voided or refused, no invoice is ever open below zero, every
    /// standing discount is wholly allocated to the invoice it was taken on and is no
    /// more than its terms give, the allocations add up, and `owed check` is clean.
    #[test]
    fn discounts_keep_the_ledger_consistent(ops in prop::collection::vec(op(), 1..30)) {
        let mut store = book();
        customer(&mut store, "ACME");
        let currency: Currency = store.currency().clone();
        let mut posted: Vec<String> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let result = match op.clone() {
                Op::Invoice { day, cents, discounted, installments } => {
                    let text = if discounted { "2.5/10 net 30" } else { "net 30" };
                    let plan = if installments { Plan::Installments(2) } else { Plan::Single };
                    let mut debit = invoice("ACME", &format!("I{i}"), "2026-01-01", currency.from_minor(cents), terms(text), plan);
                    debit.date = on(day);
                    store.post_debit(&debit).map(|p| p.number)
                }
                Op::Payment { day, cents, refuse } => {
                    let mut new = credit("ACME", DocKind::Payment, &format!("P{i}"), "2026-01-01", currency.from_minor(cents), Apply::OldestFirst);
                    new.date = on(day);
                    let discounting = if refuse { Discounting::Refuse } else { Discounting::Take };
                    store.post_credit_with(&new, discounting).map(|p| p.number)
                }
                Op::CreditNote { day, cents } => {
                    let mut new = credit("ACME", DocKind::Credit, &format!("C{i}"), "2026-01-01", currency.from_minor(cents), Apply::OldestFirst);
                    new.date = on(day);
                    store.post_credit(&new).map(|p| p.number)
                }
                Op::Void { pick, day } if !posted.is_empty() => {
                    let number = posted[pick % posted.len()].clone();
                    store.void(&VoidRequest { number, date: Some(on(day)), reason: None }).map(|p| p.number)
                }
                Op::Void { .. } => continue,
            };
            if let Ok(number) = result {
                posted.push(number);
            }
        }
        let violations = store.check(on(200)).unwrap();
        prop_assert!(violations.is_empty(), "{:?}", violations);
        let id = store.find_customer("ACME").unwrap().unwrap().id;
        for item in store.open_items_now(id).unwrap() {
            prop_assert!(!item.open.is_negative() && item.open <= item.amount, "{:?}", item);
        }
        // Net allocations per (credit, item) as of the end, and every document.
        let mut net: std::collections::HashMap<(String, String), Money> = Default::default();
        store.allocations(on(200), |row| *net.entry((row.credit, row.item)).or_default() += row.amount).unwrap();
        let mut documents = Vec::new();
        store.documents(|row| documents.push(row)).unwrap();
        for discount in documents.iter().filter(|doc| doc.kind == DocKind::Discount) {
            let on_invoices: Vec<(&String, &Money)> = net
                .iter()
                .filter(|((credit, _), amount)| *credit == discount.number && !amount.is_zero())
                .map(|((_, item), amount)| (item, amount))
                .collect();
            prop_assert_eq!(on_invoices.len(), 1, "{:?}", discount);
            let (item, amount) = on_invoices[0];
            prop_assert_eq!(*amount, discount.amount);
            match &discount.voided_by {
                Some(void) => prop_assert_eq!(item, void),
                None => {
                    let invoice = documents.iter().find(|doc| &doc.number == item).unwrap();
                    prop_assert_eq!(invoice.kind, DocKind::Invoice);
                    prop_assert!(invoice.voided_by.is_none());
                    let most = currency.round(invoice.amount.0 * rust_decimal::Decimal::new(25, 3));
                    prop_assert_eq!(discount.amount, most);
                    let payment = documents.iter().find(|doc| Some(&doc.number) == discount.reference.as_ref()).unwrap();
                    prop_assert!(payment.voided_by.is_none() && payment.kind == DocKind::Payment);
                }
            }
        }
        // Each invoice: what is open is its amount less its net allocations.
        for invoice in documents.iter().filter(|doc| doc.kind == DocKind::Invoice) {
            let allocated: Money = net.iter().filter(|((_, item), _)| *item == invoice.number).map(|(_, a)| *a).sum();
            let open: Money = store.open_items_now(id).unwrap().into_iter().filter(|i| i.number == invoice.number).map(|i| i.open).sum();
            prop_assert_eq!(open, invoice.amount - allocated);
        }
    }
}
