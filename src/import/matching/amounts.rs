//! How a payment's amount fits a customer's open items: one item, the oldest items
//! together, a combination of a few, the whole balance, or an item less the
//! early-payment discount it still offers on the row's date; and the customer the amount
//! alone points to when only one customer's items fit it.

use chrono::NaiveDate;

use super::{Matcher, Suggestion};
use crate::domain::Money;
use crate::domain::ids::CustomerId;
use crate::store::MatchItem;

impl Matcher {
    /// The discount `item` offers a payment dated `date`, if it can still be taken.
    pub(super) fn discount_on(item: &MatchItem, date: NaiveDate) -> Option<Money> {
        item.discount
            .filter(|offer| date <= offer.last_day)
            .map(|offer| offer.amount)
    }

    /// How the amount relates to the customer's open items, if it fits them exactly,
    /// and the invoice to apply it to when only that earns the discount.
    pub(super) fn amount_fit(
        &self,
        customer: CustomerId,
        amount: Money,
        date: NaiveDate,
    ) -> Option<(String, Vec<String>)> {
        let items: Vec<&MatchItem> = self
            .by_customer
            .get(&customer)
            .map(|v| v.iter().map(|&i| &self.items[i]).collect())
            .unwrap_or_default();
        if let Some(item) = items.iter().find(|i| i.open == amount) {
            return Some((format!("amount equals {} open", label(item)), vec![]));
        }
        if let Some(item) = items
            .iter()
            .find(|i| Self::discount_on(i, date).is_some_and(|d| i.open - d == amount))
        {
            return Some((
                format!(
                    "amount equals {} open less its early-payment discount",
                    label(item)
                ),
                vec![item.number.clone()],
            ));
        }
        self.amount_fit_together(&items, amount)
            .map(|fit| (fit, vec![]))
    }

    /// How the amount fits several of `items` together, if it does.
    fn amount_fit_together(&self, items: &[&MatchItem], amount: Money) -> Option<String> {
        let mut running = Money::ZERO;
        for (n, item) in items.iter().enumerate() {
            running += item.open;
            if running == amount {
                return Some(if n + 1 == items.len() {
                    "amount equals the whole balance".to_string()
                } else {
                    format!("amount equals the oldest {} open items", n + 1)
                });
            }
        }
        // A few items paid together, not necessarily the oldest.
        if items.len() <= 14 {
            for mask in 1u32..(1 << items.len()) {
                if mask.count_ones() >= 2 {
                    let sum: Money = (0..items.len())
                        .filter(|b| mask & (1 << b) != 0)
                        .map(|b| items[b].open)
                        .sum();
                    if sum == amount {
                        let names: Vec<String> = (0..items.len())
                            .filter(|b| mask & (1 << b) != 0)
                            .map(|b| label(items[b]))
                            .collect();
                        return Some(format!("amount equals {}", names.join(" + ")));
                    }
                }
            }
        }
        None
    }

    pub(super) fn by_amount_alone(&self, date: NaiveDate, amount: Money) -> Option<Suggestion> {
        if let Some(items) = self.by_amount.get(&amount) {
            let first = self.items[items[0]].customer;
            if items.iter().all(|&i| self.items[i].customer == first) {
                return Some(self.suggestion(
                    first,
                    0.6,
                    format!(
                        "amount equals {} open, the only open item of that amount",
                        label(&self.items[items[0]])
                    ),
                    vec![],
                ));
            }
        }
        let discounted: Vec<usize> = self
            .by_discounted
            .get(&amount)
            .map(|items| {
                items
                    .iter()
                    .copied()
                    .filter(|&i| Self::discount_on(&self.items[i], date).is_some())
                    .collect()
            })
            .unwrap_or_default();
        if let [only] = discounted[..] {
            let item = &self.items[only];
            return Some(self.suggestion(
                item.customer,
                0.6,
                format!(
                    "amount equals {} open less its early-payment discount, the only such item",
                    label(item)
                ),
                vec![item.number.clone()],
            ));
        }
        if let Some(customers) = self.by_balance.get(&amount)
            && customers.len() == 1
        {
            return Some(self.suggestion(
                customers[0],
                0.55,
                "amount equals this customer's whole balance, and no other's".into(),
                vec![],
            ));
        }
        None
    }
}

pub(super) fn label(item: &MatchItem) -> String {
    if item.seq > 1 {
        format!("{}#{}", item.number, item.seq)
    } else {
        item.number.clone()
    }
}
