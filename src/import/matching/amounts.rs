//! How a payment's amount fits a customer's open items: one item, the oldest items
//! together, a combination of a few, the whole balance, or an item less the
//! early-payment discount it still offers on the row's date; and the customer the amount
//! alone points to when only one customer's items fit it.

use chrono::NaiveDate;

use rust_decimal::Decimal;

use super::{Matcher, Reason, ReasonPart, Suggestion};
use crate::domain::Money;
use crate::domain::ids::CustomerId;
use crate::store::MatchItem;

/// Most open items of a customer tried in combinations (2^14 of them at most).
const MOST_COMBINED: usize = 14;

/// How an amount fits one customer's open items (positions among them, oldest due
/// first), in the order the fits are tried.
enum Fit {
    /// Equals this item's open amount.
    Equals(usize),
    /// Equals this item's open amount less the discount it still offers.
    Discounted(usize),
    /// Equals the oldest this many items together.
    Oldest(usize),
    /// Equals these items together (a bit each): the first such combination, counting
    /// the bits as a number.
    Some(u32),
}

/// Every open item's amount as a whole number of the book's smallest unit (the finest
/// scale among them), so that fitting a payment adds integers instead of decimals.
/// Amounts read from the book are at its currency's scale, so they always fit; a book
/// whose amounts would not (below 2^100 units, sums of them far from overflow) is
/// matched in decimals instead.
pub(super) struct Units {
    scale: u32,
    /// By item index.
    of: Vec<i128>,
}

impl Units {
    pub(super) fn new(items: &[MatchItem]) -> Option<Units> {
        let scale = items.iter().map(|i| i.open.0.scale()).max().unwrap_or(0);
        let of = items
            .iter()
            .map(|i| units_at(i.open.0, scale).filter(|u| u.unsigned_abs() < 1 << 100))
            .collect::<Option<Vec<i128>>>()?;
        Some(Units { scale, of })
    }

    /// `amount` in these units; `None` when it is finer than them or too large for them,
    /// so equal to no item and no sum of items.
    fn of_amount(&self, amount: Money) -> Option<i128> {
        units_at(amount.0, self.scale)
    }
}

/// `value` as a whole number of `10^-scale`, when it is one and fits.
fn units_at(value: Decimal, scale: u32) -> Option<i128> {
    let (mantissa, own) = (value.mantissa(), value.scale());
    if own <= scale {
        mantissa.checked_mul(10i128.checked_pow(scale - own)?)
    } else {
        let divisor = 10i128.checked_pow(own - scale)?;
        (mantissa % divisor == 0).then(|| mantissa / divisor)
    }
}

/// The first combination of two or more `values` (at most [`MOST_COMBINED`]) that adds
/// up to `wanted`, counting a combination's bits as a number. The sums of each half's
/// combinations are made once, so each combination costs one addition.
fn first_combination(values: &[i128], wanted: i128) -> Option<u32> {
    const HALF: usize = MOST_COMBINED / 2;
    let low = values.len().min(HALF);
    let sums = |part: &[i128]| {
        let mut sums = [0i128; 1 << HALF];
        for set in 1..1usize << part.len() {
            sums[set] = sums[set & (set - 1)] + part[set.trailing_zeros() as usize];
        }
        sums
    };
    let (low_sums, high_sums) = (sums(&values[..low]), sums(&values[low..]));
    for high in 0..1u32 << (values.len() - low) {
        let base = high_sums[high as usize];
        for low_set in 0..1u32 << low {
            let mask = high << low | low_set;
            if mask.count_ones() >= 2 && base + low_sums[low_set as usize] == wanted {
                return Some(mask);
            }
        }
    }
    None
}

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
    ) -> Option<(ReasonPart, Vec<String>)> {
        let indexes = self
            .by_customer
            .get(&customer)
            .map_or(&[][..], Vec::as_slice);
        let fit = match &self.units {
            Some(units) => self.fit_in_units(units, indexes, amount, date),
            None => self.fit_in_decimals(indexes, amount, date),
        }?;
        let item = |n: usize| &self.items[indexes[n]];
        Some(match fit {
            Fit::Equals(n) => (
                ReasonPart::EqualsItem {
                    item: label(item(n)),
                },
                vec![],
            ),
            Fit::Discounted(n) => (
                ReasonPart::EqualsItemDiscounted {
                    item: label(item(n)),
                },
                vec![item(n).number.clone()],
            ),
            Fit::Oldest(n) if n == indexes.len() => (ReasonPart::EqualsBalance, vec![]),
            Fit::Oldest(n) => (ReasonPart::EqualsOldest { count: n }, vec![]),
            Fit::Some(mask) => {
                let items: Vec<String> = (0..indexes.len())
                    .filter(|b| mask & (1 << b) != 0)
                    .map(|b| label(item(b)))
                    .collect();
                (ReasonPart::EqualsItems { items }, vec![])
            }
        })
    }

    /// The first of the customer's items (`indexes`) that `amount` settles with the
    /// early-payment discount it offers on `date`.
    fn discounted_fit(&self, indexes: &[usize], amount: Money, date: NaiveDate) -> Option<Fit> {
        indexes
            .iter()
            .position(|&i| {
                let item = &self.items[i];
                Self::discount_on(item, date).is_some_and(|d| item.open - d == amount)
            })
            .map(Fit::Discounted)
    }

    /// [`Fit`] compared in whole units: no allocation, one addition per combination.
    fn fit_in_units(
        &self,
        units: &Units,
        indexes: &[usize],
        amount: Money,
        date: NaiveDate,
    ) -> Option<Fit> {
        // An amount finer than the book's amounts (or beyond them) equals no sum of them.
        let wanted = units.of_amount(amount);
        if let Some(wanted) = wanted
            && let Some(n) = indexes.iter().position(|&i| units.of[i] == wanted)
        {
            return Some(Fit::Equals(n));
        }
        if let Some(fit) = self.discounted_fit(indexes, amount, date) {
            return Some(fit);
        }
        let wanted = wanted?;
        let mut running = 0i128;
        for (n, &i) in indexes.iter().enumerate() {
            running += units.of[i];
            if running == wanted {
                return Some(Fit::Oldest(n + 1));
            }
        }
        if indexes.len() > MOST_COMBINED {
            return None;
        }
        let mut values = [0i128; MOST_COMBINED];
        for (value, &i) in values.iter_mut().zip(indexes) {
            *value = units.of[i];
        }
        first_combination(&values[..indexes.len()], wanted).map(Fit::Some)
    }

    /// [`Fit`] in decimals, for a book whose amounts do not all fit [`Units`].
    fn fit_in_decimals(&self, indexes: &[usize], amount: Money, date: NaiveDate) -> Option<Fit> {
        let items: Vec<&MatchItem> = indexes.iter().map(|&i| &self.items[i]).collect();
        if let Some(n) = items.iter().position(|i| i.open == amount) {
            return Some(Fit::Equals(n));
        }
        if let Some(fit) = self.discounted_fit(indexes, amount, date) {
            return Some(fit);
        }
        let mut running = Money::ZERO;
        for (n, item) in items.iter().enumerate() {
            running += item.open;
            if running == amount {
                return Some(Fit::Oldest(n + 1));
            }
        }
        // A few items paid together, not necessarily the oldest.
        if items.len() <= MOST_COMBINED {
            for mask in 1u32..(1 << items.len()) {
                if mask.count_ones() >= 2 {
                    let sum: Money = (0..items.len())
                        .filter(|b| mask & (1 << b) != 0)
                        .map(|b| items[b].open)
                        .sum();
                    if sum == amount {
                        return Some(Fit::Some(mask));
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
                    Reason::of(ReasonPart::OnlyItemOfAmount {
                        item: label(&self.items[items[0]]),
                    }),
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
                Reason::of(ReasonPart::OnlyDiscountedItem { item: label(item) }),
                vec![item.number.clone()],
            ));
        }
        if let Some(customers) = self.by_balance.get(&amount)
            && customers.len() == 1
        {
            return Some(self.suggestion(
                customers[0],
                0.55,
                Reason::of(ReasonPart::OnlyBalance),
                vec![],
            ));
        }
        None
    }
}

pub(super) fn label(item: &MatchItem) -> String {
    if item.seq > 1 {
        format!("{}/{}", item.number, item.seq)
    } else {
        item.number.clone()
    }
}
