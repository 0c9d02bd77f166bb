//! Posting one demo customer's planned events through the ordinary posting API, keeping
//! a small model of its account so payments never exceed what is open and the bounced
//! cheque, refund and write-off know what to act on without asking the book.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::DemoSummary;
use super::notes::invoice_number;
use super::plan::Event;
use crate::domain::Currency;
use crate::domain::allocation::Apply;
use crate::domain::document::DocKind;
use crate::domain::note::{NoteDraft, Promise, PromisePart};
use crate::domain::terms::Plan;
use crate::store::{Batch, NewCredit, NewDebit, NewRefund, Posted, VoidRequest};

/// What the generator knows of one customer's account while posting its events, so it
/// never has to ask the book.
#[derive(Default)]
struct Account {
    /// Open amount of each debit, in posting (= date) order.
    open: Vec<(String, i64)>,
    index: HashMap<String, usize>,
    open_total: i64,
    /// The payment that will bounce, with what it paid.
    bounced: Option<(String, Vec<(usize, i64)>)>,
    /// The duplicate payment held on account.
    duplicate: Option<(String, i64)>,
}

impl Account {
    fn add_debit(&mut self, number: String, amount: i64) {
        self.index.insert(number.clone(), self.open.len());
        self.open.push((number, amount));
        self.open_total += amount;
    }

    fn open_of(&self, number: &str) -> i64 {
        self.index.get(number).map_or(0, |i| self.open[*i].1)
    }

    /// Takes the allocations of a posted credit off the open amounts.
    fn applied(&mut self, posted: &Posted, currency: &Currency) -> Vec<(usize, i64)> {
        let mut out = Vec::with_capacity(posted.allocations.len());
        for (number, _, amount) in &posted.allocations {
            if let Some(&i) = self.index.get(number) {
                let minor = currency.to_minor(*amount);
                self.open[i].1 -= minor;
                self.open_total -= minor;
                out.push((i, minor));
            }
        }
        out
    }
}

pub(super) struct Poster<'c> {
    pub(super) currency: &'c Currency,
    pub(super) summary: DemoSummary,
    /// Invoices posted so far, and in all.
    pub(super) invoices: usize,
    pub(super) total: usize,
    pub(super) next: HashMap<&'static str, u32>,
}

impl Poster<'_> {
    pub(super) fn number(&mut self, prefix: &'static str) -> String {
        let n = self.next.entry(prefix).or_insert(0);
        *n += 1;
        format!("{prefix}-{n:06}")
    }

    fn credit(&mut self, code: &str, kind: DocKind, date: NaiveDate, amount: i64) -> NewCredit {
        let prefix = match kind {
            DocKind::Credit => "CN",
            DocKind::WriteOff => "WO",
            _ => "PAY",
        };
        NewCredit {
            customer: code.to_string(),
            kind,
            number: Some(self.number(prefix)),
            date,
            amount: self.currency.from_minor(amount),
            reference: None,
            memo: None,
            apply: Apply::OldestFirst,
        }
    }

    pub(super) fn post(
        &mut self,
        b: &mut Batch<'_>,
        code: &str,
        events: Vec<(NaiveDate, Event)>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> crate::store::Result<()> {
        let currency = self.currency;
        let mut account = Account::default();
        for (date, event) in events {
            match event {
                Event::Invoice {
                    number,
                    amount,
                    plan,
                    terms,
                    reference,
                } => {
                    let number = invoice_number(number);
                    b.post_debit_overriding(
                        &NewDebit {
                            customer: code.to_string(),
                            kind: DocKind::Invoice,
                            number: Some(number.clone()),
                            date,
                            amount: currency.from_minor(amount),
                            terms: Some(terms),
                            due: None,
                            plan,
                            reference,
                            memo: None,
                        },
                        Some(super::DEMO_OVERRIDE),
                    )?;
                    account.add_debit(number, amount);
                    self.invoices += 1;
                    if self.invoices.is_multiple_of(1000) {
                        progress(self.invoices, self.total);
                    }
                }
                Event::Fee { amount } => {
                    let number = self.number("FEE");
                    b.post_debit_overriding(
                        &NewDebit {
                            customer: code.to_string(),
                            kind: DocKind::Fee,
                            number: Some(number.clone()),
                            date,
                            amount: currency.from_minor(amount),
                            terms: None,
                            due: None,
                            plan: Plan::Single,
                            reference: None,
                            memo: Some("Late payment fee".into()),
                        },
                        Some(super::DEMO_OVERRIDE),
                    )?;
                    account.add_debit(number, amount);
                }
                Event::Pay {
                    amount,
                    reference,
                    bounce,
                } => {
                    let amount = amount.min(account.open_total);
                    if amount <= 0 {
                        continue;
                    }
                    let mut new = self.credit(code, DocKind::Payment, date, amount);
                    new.reference = Some(reference);
                    let posted = b.post_credit(&new)?;
                    let paid = account.applied(&posted, currency);
                    if bounce {
                        account.bounced = Some((posted.number, paid));
                    }
                }
                Event::PayAll { reference } => {
                    if account.open_total <= 0 {
                        continue;
                    }
                    let mut new = self.credit(code, DocKind::Payment, date, account.open_total);
                    new.reference = Some(reference);
                    new.memo = Some("Monthly payment of the open balance".into());
                    let posted = b.post_credit(&new)?;
                    account.applied(&posted, currency);
                }
                Event::Duplicate { amount, invoice } => {
                    let mut new = self.credit(code, DocKind::Payment, date, amount);
                    new.memo = Some(format!(
                        "Paid {} twice; held on account",
                        invoice_number(invoice)
                    ));
                    new.apply = Apply::Unapplied;
                    let posted = b.post_credit(&new)?;
                    account.duplicate = Some((posted.number, amount));
                }
                Event::Refund => {
                    let Some((of, amount)) = account.duplicate.take() else {
                        continue;
                    };
                    let number = self.number("RF");
                    b.post_refund(&NewRefund {
                        customer: code.to_string(),
                        number: Some(number),
                        date,
                        amount: currency.from_minor(amount),
                        of: Some(of),
                        reference: None,
                        memo: Some("Refund of duplicate payment".into()),
                    })?;
                }
                Event::CreditNote { invoice, amount } => {
                    let number = invoice_number(invoice);
                    let amount = amount.min(account.open_of(&number));
                    if amount <= 0 {
                        continue;
                    }
                    let mut new = self.credit(code, DocKind::Credit, date, amount);
                    new.memo = Some(format!("Price adjustment on {number}"));
                    new.apply = Apply::Explicit(vec![(number, Some(currency.from_minor(amount)))]);
                    let posted = b.post_credit(&new)?;
                    account.applied(&posted, currency);
                }
                Event::Bounce => {
                    let Some((number, paid)) = account.bounced.take() else {
                        continue;
                    };
                    b.void(&VoidRequest {
                        number,
                        date: Some(date),
                        reason: Some("Cheque returned unpaid".into()),
                    })?;
                    for (i, minor) in paid {
                        account.open[i].1 += minor;
                        account.open_total += minor;
                    }
                }
                Event::WriteOff => {
                    let oldest = account
                        .open
                        .iter()
                        .find(|(n, open)| *open > 0 && n.starts_with("INV-"))
                        .cloned();
                    let Some((number, open)) = oldest else {
                        continue;
                    };
                    let mut new = self.credit(code, DocKind::WriteOff, date, open);
                    new.memo = Some(format!(
                        "{number} uncollectable: the customer stopped paying"
                    ));
                    new.apply = Apply::Explicit(vec![(number, None)]);
                    let posted = b.post_credit(&new)?;
                    account.applied(&posted, currency);
                }
                Event::Note(n) => {
                    let at = format!("{date}T{:02}:{:02}:00+00:00", n.minute / 60, n.minute % 60);
                    b.add_note(
                        &NoteDraft {
                            customer_code: code.to_string(),
                            invoice_number: n.invoice.map(invoice_number),
                            channel: n.channel,
                            direction: n.direction,
                            summary: n.summary,
                            outcome: n.outcome,
                            promise: n
                                .promise
                                .map(|parts| {
                                    Promise::new(
                                        parts
                                            .into_iter()
                                            .map(|(date, amount)| PromisePart {
                                                date,
                                                amount: currency.from_minor(amount),
                                            })
                                            .collect(),
                                    )
                                    .map_err(|why| {
                                        crate::store::StoreError::Invariant(format!(
                                            "a demo promise: {why}"
                                        ))
                                    })
                                })
                                .transpose()?,
                            follow_up: n.follow_up,
                        },
                        &at,
                    )?;
                    self.summary.notes += 1;
                    continue;
                }
            }
            self.summary.documents += 1;
        }
        Ok(())
    }
}
