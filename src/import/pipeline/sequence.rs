//! The file as one sequence: the payments an import posts are planned in date order
//! (then line order) against the book as the earlier rows of the same file leave it, so
//! a second row naming an invoice the first already paid goes to the customer's other
//! open items, oldest first, or stays unapplied credit, with the reason said. The dry
//! run shows this plan and the commit posts each payment with the allocation it plans,
//! so what the dry run says is what is written.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::redirect::{Gone, Redirect, Then};
use super::{Decision, ImportPlan};
use crate::domain::allocation::{self, Apply, OpenItem};
use crate::domain::ids::CustomerId;
use crate::domain::terms::DiscountOffer;
use crate::domain::{Currency, Money};
use crate::store::{MatchBook, MatchItem};

/// What one accepted row posts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The customer's code, as decided.
    pub customer: String,
    /// The allocation the payment is posted with: the one decided, or, when an earlier
    /// row of the file left nothing open on an invoice it names, the one that replaces it.
    pub apply: Apply,
    /// (invoice, installment, amount) the payment pays.
    pub paid: Vec<(String, u32, Money)>,
    /// (invoice, discount) the early-payment discounts it earns.
    pub discounts: Vec<(String, Money)>,
    /// What stays unapplied credit.
    pub unapplied: Money,
    /// Why the allocation is not the one decided.
    pub note: Option<Redirect>,
}

/// An open item as the file's earlier rows leave it, with the discount its invoice offers.
#[derive(Clone)]
struct Open {
    item: OpenItem,
    offer: Option<DiscountOffer>,
}

/// Per row of `plan` (by index), what an accepted money-in row will post; `None` for
/// every other row. Rows are taken by date, then line; `book` is the book before the
/// file (as [`crate::store::Store::match_book`] reads it).
pub fn sequence(
    plan: &ImportPlan,
    decisions: &[Decision],
    book: &MatchBook,
) -> Vec<Option<Outcome>> {
    let mut order: Vec<(NaiveDate, usize)> = plan
        .rows
        .iter()
        .zip(decisions)
        .enumerate()
        .filter(|(_, (row, decision))| {
            row.is_payable() && matches!(decision, Decision::Accept { .. })
        })
        .filter_map(|(index, (row, _))| row.row.date.map(|date| (date, index)))
        .collect();
    order.sort();
    let mut sequencer = Sequencer::new(&plan.currency, book);
    let mut out = vec![None; plan.rows.len()];
    for (date, index) in order {
        let Decision::Accept { customer, apply } = &decisions[index] else {
            continue;
        };
        let row = &plan.rows[index].row;
        let amount = plan.currency.rescale(Money(row.amount));
        out[index] = Some(sequencer.post(date, row.line, amount, customer, apply));
    }
    out
}

/// The book as a file's accepted rows leave it, one row after another (by date, then
/// line): what [`sequence`] plans with, and a dry run that does not hold the file.
#[derive(Clone)]
pub(super) struct Sequencer<'b> {
    currency: &'b Currency,
    ids: HashMap<String, CustomerId>,
    /// Each customer's open items in the book before the file.
    by_customer: HashMap<CustomerId, Vec<&'b MatchItem>>,
    /// Each customer's open items as the rows so far leave them (once one is paid).
    state: HashMap<CustomerId, Vec<Open>>,
    /// The line of the file that last paid each invoice, to say so.
    paid_by: HashMap<String, usize>,
}

impl<'b> Sequencer<'b> {
    pub(super) fn new(currency: &'b Currency, book: &'b MatchBook) -> Sequencer<'b> {
        let ids = book
            .customers
            .iter()
            .map(|(id, code, _)| (code.to_lowercase(), *id))
            .collect();
        // Each customer's open items, grouped once (not a pass over the book per customer).
        let mut by_customer: HashMap<CustomerId, Vec<&MatchItem>> = HashMap::new();
        for item in &book.items {
            by_customer.entry(item.customer).or_default().push(item);
        }
        Sequencer {
            currency,
            ids,
            by_customer,
            state: HashMap::new(),
            paid_by: HashMap::new(),
        }
    }

    /// What the row on `line`, dated `date`, accepted as `customer`'s payment of `amount`
    /// (in the currency's decimals) allocated as `apply` says, posts.
    pub(super) fn post(
        &mut self,
        date: NaiveDate,
        line: usize,
        amount: Money,
        customer: &str,
        apply: &Apply,
    ) -> Outcome {
        let currency = self.currency;
        let Some(&id) = self.ids.get(&customer.to_lowercase()) else {
            // Not a customer of the book: the commit refuses it, saying so.
            return unplanned(customer, apply, amount);
        };
        let by_customer = &self.by_customer;
        let items = self.state.entry(id).or_insert_with(|| {
            by_customer
                .get(&id)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|i| Open {
                    item: OpenItem {
                        number: i.number.clone(),
                        seq: i.seq,
                        due: i.due,
                        open: i.open,
                    },
                    offer: i.discount,
                })
                .collect()
        });
        let paid_by = &mut self.paid_by;
        let open_items: Vec<OpenItem> = items.iter().map(|o| o.item.clone()).collect();
        // As the posting offers them: inside the window, and less than what is open.
        let offers: Vec<Option<Money>> = items
            .iter()
            .map(|o| {
                o.offer
                    .filter(|d| {
                        date <= d.last_day && d.amount.is_positive() && d.amount < o.item.open
                    })
                    .map(|d| d.amount)
            })
            .collect();
        // The named invoices an earlier row of the file already paid part of.
        let earlier: Vec<Gone> = match apply {
            Apply::Explicit(wanted) => wanted
                .iter()
                .filter_map(|(number, _)| {
                    let line = *paid_by.get(&number.to_lowercase())?;
                    Some(Gone::PartlyPaidBy {
                        number: number.clone(),
                        line,
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        let (apply, note) = resolve(apply, &open_items, paid_by);
        match allocation::plan_with_discounts(currency, &open_items, &offers, amount, &apply) {
            Ok(planned) => {
                let mut paid = Vec::new();
                for &(at, part) in &planned.paid {
                    items[at].item.open -= part;
                    paid_by.insert(items[at].item.number.to_lowercase(), line);
                    paid.push((items[at].item.number.clone(), items[at].item.seq, part));
                }
                let mut discounts = Vec::new();
                for &(at, discount) in &planned.discounts {
                    items[at].item.open -= discount;
                    discounts.push((items[at].item.number.clone(), discount));
                }
                let spent: Money = planned.paid.iter().map(|(_, part)| *part).sum();
                let unapplied = amount - spent;
                // Credit left because an earlier row paid part of the invoice is said,
                // as a row whose invoice was paid whole is.
                let note = match note {
                    None if unapplied.is_positive() && !earlier.is_empty() => Some(Redirect {
                        gone: earlier,
                        then: Then::UnappliedLeft(currency.plain(unapplied)),
                    }),
                    note => note,
                };
                Outcome {
                    customer: customer.to_string(),
                    apply,
                    paid,
                    discounts,
                    unapplied,
                    note,
                }
            }
            // The commit meets the same refusal and says it, naming the line.
            Err(_) => Outcome {
                note,
                ..unplanned(customer, &apply, amount)
            },
        }
    }
}

fn unplanned(customer: &str, apply: &Apply, amount: Money) -> Outcome {
    Outcome {
        customer: customer.to_string(),
        apply: apply.clone(),
        paid: Vec::new(),
        discounts: Vec::new(),
        unapplied: amount,
        note: None,
    }
}

/// The allocation a row is posted with: the one decided, less the invoices that have
/// nothing open any more; with none of them left, the customer's other open items,
/// oldest first, or (nothing open at all) unapplied credit.
fn resolve(
    apply: &Apply,
    items: &[OpenItem],
    paid_by: &HashMap<String, usize>,
) -> (Apply, Option<Redirect>) {
    let Apply::Explicit(wanted) = apply else {
        return (apply.clone(), None);
    };
    let open_on = |number: &str| -> Money {
        items
            .iter()
            .filter(|i| i.number.eq_ignore_ascii_case(number))
            .map(|i| i.open)
            .filter(|open| open.is_positive())
            .sum()
    };
    let (kept, gone): (Vec<_>, Vec<_>) = wanted
        .iter()
        .cloned()
        .partition(|(number, _)| open_on(number).is_positive());
    if gone.is_empty() {
        return (apply.clone(), None);
    }
    let gone: Vec<Gone> = gone
        .into_iter()
        .map(|(number, _)| match paid_by.get(&number.to_lowercase()) {
            Some(&line) => Gone::PaidBy { number, line },
            None => Gone::NothingOpen { number },
        })
        .collect();
    let (apply, then) = if !kept.is_empty() {
        let names = kept.iter().map(|(number, _)| number.clone()).collect();
        (Apply::Explicit(kept), Then::AppliedTo(names))
    } else if items.iter().any(|i| i.open.is_positive()) {
        (Apply::OldestFirst, Then::OldestFirst)
    } else {
        (Apply::Unapplied, Then::Unapplied)
    };
    (apply, Some(Redirect { gone, then }))
}
