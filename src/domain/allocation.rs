//! Allocation of a credit (payment, credit note, write-off) to open items: oldest due
//! first by default, or explicitly by invoice number and amount. Never more than an item
//! is open for, never more than the credit has; what is left stays unapplied.
//!
//! A payment may earn an early-payment discount on an item (the store says which items
//! offer one, see `store::posting::discount`): when what the payment gives an item covers
//! its open amount less the discount, the payment pays exactly that and the discount
//! settles the rest. A payment that gives more than that but less than the full amount
//! still earns it, and the difference stays unapplied.

use chrono::NaiveDate;

use super::money::{Currency, Money};

/// An open item as allocation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    pub number: String,
    pub seq: u32,
    pub due: NaiveDate,
    pub open: Money,
}

/// What the user asked to pay off.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Apply {
    /// Oldest due first until the credit runs out.
    #[default]
    OldestFirst,
    /// These invoices (and how much of each; `None` = all that is open, as far as the
    /// credit goes), in the order given.
    Explicit(Vec<(String, Option<Money>)>),
    /// Keep it all as unapplied credit.
    Unapplied,
}

impl Apply {
    /// Reads `INV-1001:300.00,INV-1002` (or `;` between the invoices). The amounts are
    /// in the book's number format, so a comma followed by a digit belongs to the amount
    /// (`INV-1:1,250.00` in a decimal-point book, `INV-1:12,50` in a decimal-comma one);
    /// a comma before anything else, `;` and `|` separate invoices.
    pub fn parse(text: &str, currency: &Currency) -> Result<Apply, AllocationError> {
        let mut wanted = Vec::new();
        for piece in split_invoices(text)
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match piece.rsplit_once(':') {
                Some((number, amount)) => {
                    let amount = currency
                        .parse_positive(amount)
                        .map_err(|e| AllocationError::BadRequest(format!("{piece}: {e}")))?;
                    wanted.push((number.trim().to_string(), Some(amount)));
                }
                None => wanted.push((piece.to_string(), None)),
            }
        }
        if wanted.is_empty() {
            return Err(AllocationError::BadRequest(text.to_string()));
        }
        Ok(Apply::Explicit(wanted))
    }
}

/// The pieces of an allocation list, one per invoice (see [`Apply::parse`]).
fn split_invoices(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut cuts = Vec::new();
    for (i, b) in bytes.iter().enumerate() {
        let separates = match b {
            b';' | b'|' => true,
            b',' => !bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
            _ => false,
        };
        if separates {
            cuts.push(&text[start..i]);
            start = i + 1;
        }
    }
    cuts.push(&text[start..]);
    cuts.into_iter()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllocationError {
    #[error("'{0}' is not an allocation list (write it like INV-1001:300.00,INV-1002)")]
    BadRequest(String),
    #[error("{0} has nothing open for this customer")]
    NothingOpen(String),
    #[error("{number} has {open} open; {asked} cannot be applied to it")]
    MoreThanOpen {
        number: String,
        open: String,
        asked: String,
    },
    #[error("the allocations add up to more than the {available} available")]
    MoreThanCredit { available: String },
}

/// Decides how much of `available` goes to which of `items` (by index into `items`).
/// Amounts are all positive and their sum never exceeds `available`.
pub fn plan(
    currency: &Currency,
    items: &[OpenItem],
    available: Money,
    apply: &Apply,
) -> Result<Vec<(usize, Money)>, AllocationError> {
    let no_discounts = vec![None; items.len()];
    Ok(plan_with_discounts(currency, items, &no_discounts, available, apply)?.paid)
}

/// What a credit pays, and the discounts it earns, by index into the open items.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Planned {
    /// Amounts of the credit, all positive, summing to no more than it has.
    pub paid: Vec<(usize, Money)>,
    /// Discounts earned, each settling what `paid` left open on its item.
    pub discounts: Vec<(usize, Money)>,
}

/// As [`plan`], where `discounts[i]` is the discount item `i` offers this credit
/// (positive and less than what is open, or `None`).
pub fn plan_with_discounts(
    currency: &Currency,
    items: &[OpenItem],
    discounts: &[Option<Money>],
    available: Money,
    apply: &Apply,
) -> Result<Planned, AllocationError> {
    // Some(discount) when giving `amount` to the item at `index` earns its discount.
    let earned = |index: usize, open: Money, amount: Money| -> Option<Money> {
        discounts
            .get(index)
            .copied()
            .flatten()
            .filter(|d| d.is_positive() && *d < open && amount >= open - *d)
    };
    let mut taken: Vec<(usize, Money)> = Vec::new();
    let mut order: Vec<usize> = (0..items.len())
        .filter(|i| items[*i].open.is_positive())
        .collect();
    order.sort_by(|a, b| {
        let (a, b) = (&items[*a], &items[*b]);
        a.due
            .cmp(&b.due)
            .then_with(|| a.number.cmp(&b.number))
            .then(a.seq.cmp(&b.seq))
    });
    let mut open: Vec<Money> = items.iter().map(|i| i.open).collect();
    let mut left = available;
    let mut out: Vec<(usize, Money)> = Vec::new();
    let give = |index: usize, amount: Money, out: &mut Vec<(usize, Money)>, open: &mut [Money]| {
        open[index] -= amount;
        match out.iter_mut().find(|(i, _)| *i == index) {
            Some((_, existing)) => *existing += amount,
            None => out.push((index, amount)),
        }
    };
    match apply {
        Apply::Unapplied => {}
        Apply::OldestFirst => {
            for index in order {
                if !left.is_positive() {
                    break;
                }
                if let Some(discount) = earned(index, open[index], left) {
                    let paid = open[index] - discount;
                    give(index, paid, &mut out, &mut open);
                    open[index] = Money::ZERO;
                    taken.push((index, discount));
                    left -= paid;
                    continue;
                }
                let amount = open[index].min(left);
                give(index, amount, &mut out, &mut open);
                left -= amount;
            }
        }
        Apply::Explicit(wanted) => {
            for (number, asked) in wanted {
                let mine: Vec<usize> = order
                    .iter()
                    .copied()
                    .filter(|i| items[*i].number.eq_ignore_ascii_case(number))
                    .collect();
                let open_total: Money = mine.iter().map(|i| open[*i]).sum();
                if !open_total.is_positive() {
                    return Err(AllocationError::NothingOpen(number.clone()));
                }
                let amount = match asked {
                    Some(asked) => {
                        if *asked > open_total {
                            return Err(AllocationError::MoreThanOpen {
                                number: number.clone(),
                                open: currency.plain(open_total),
                                asked: currency.plain(*asked),
                            });
                        }
                        if *asked > left {
                            return Err(AllocationError::MoreThanCredit {
                                available: currency.plain(available),
                            });
                        }
                        *asked
                    }
                    None => open_total.min(left),
                };
                // A discount is offered on invoices of one item only.
                if let [index] = mine[..]
                    && let Some(discount) = earned(index, open[index], amount)
                {
                    let paid = open[index] - discount;
                    give(index, paid, &mut out, &mut open);
                    open[index] = Money::ZERO;
                    taken.push((index, discount));
                    // What was asked beyond the discounted amount stays unapplied.
                    left -= if asked.is_some() { amount } else { paid };
                    continue;
                }
                let mut rest = amount;
                for index in mine {
                    if !rest.is_positive() {
                        break;
                    }
                    let part = open[index].min(rest);
                    if part.is_positive() {
                        give(index, part, &mut out, &mut open);
                        rest -= part;
                    }
                }
                left -= amount;
            }
        }
    }
    out.retain(|(_, m)| m.is_positive());
    Ok(Planned {
        paid: out,
        discounts: taken,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::parse_date;

    fn item(number: &str, seq: u32, due: &str, open: &str) -> OpenItem {
        OpenItem {
            number: number.into(),
            seq,
            due: parse_date(due).unwrap(),
            open: Currency::default().parse(open).unwrap(),
        }
    }

    fn m(text: &str) -> Money {
        Currency::default().parse(text).unwrap()
    }

    #[test]
    fn oldest_due_first_and_leftover_stays() {
        let items = vec![
            item("INV-2", 1, "2026-10-20", "50"),
            item("INV-1", 1, "2026-10-01", "30"),
            item("INV-3", 1, "2026-11-01", "40"),
        ];
        let plan = plan(&Currency::default(), &items, m("60"), &Apply::OldestFirst).unwrap();
        assert_eq!(plan, vec![(1, m("30")), (0, m("30"))]);
        let all = super::plan(&Currency::default(), &items, m("500"), &Apply::OldestFirst).unwrap();
        assert_eq!(all.iter().map(|(_, a)| *a).sum::<Money>(), m("120"));
    }

    #[test]
    fn a_discount_is_earned_once_the_payment_covers_the_item_less_it() {
        let usd = Currency::default();
        let items = vec![
            item("INV-1", 1, "2026-10-01", "100"),
            item("INV-2", 1, "2026-10-20", "1000"),
        ];
        let offers = [None, Some(m("20"))];
        let oldest = |amount: &str| {
            plan_with_discounts(&usd, &items, &offers, m(amount), &Apply::OldestFirst).unwrap()
        };
        // 100 for INV-1, then 980 settles INV-2 with its discount.
        let exact = oldest("1080");
        assert_eq!(exact.paid, vec![(0, m("100")), (1, m("980"))]);
        assert_eq!(exact.discounts, vec![(1, m("20"))]);
        // More than that, short of the whole: still earned, the rest left over.
        let more = oldest("1090");
        assert_eq!(more.paid, vec![(0, m("100")), (1, m("980"))]);
        assert_eq!(more.discounts, vec![(1, m("20"))]);
        // Less: a part payment, no discount.
        let less = oldest("1079.99");
        assert_eq!(less.paid, vec![(0, m("100")), (1, m("979.99"))]);
        assert!(less.discounts.is_empty());
        // Named with an amount: what is asked beyond the discounted amount is not applied.
        let named = Apply::parse("INV-2:990", &usd).unwrap();
        let got = plan_with_discounts(&usd, &items, &offers, m("1000"), &named).unwrap();
        assert_eq!(
            (got.paid, got.discounts),
            (vec![(1, m("980"))], vec![(1, m("20"))])
        );
        // An offer as large as what is open is none (and plan() never takes one).
        let none = plan_with_discounts(
            &usd,
            &items,
            &[None, Some(m("1000"))],
            m("1"),
            &Apply::OldestFirst,
        )
        .unwrap();
        assert!(none.discounts.is_empty());
        assert_eq!(
            plan(&usd, &items, m("1080"), &Apply::OldestFirst).unwrap(),
            vec![(0, m("100")), (1, m("980"))]
        );
    }

    #[test]
    fn explicit_respects_item_and_credit() {
        let usd = Currency::default();
        let items = vec![
            item("INV-1", 1, "2026-10-01", "30"),
            item("INV-1", 2, "2026-11-01", "30"),
            item("INV-2", 1, "2026-10-20", "50"),
        ];
        let apply = Apply::parse("INV-1:40,INV-2", &usd).unwrap();
        let got = plan(&usd, &items, m("70"), &apply).unwrap();
        assert_eq!(got, vec![(0, m("30")), (1, m("10")), (2, m("30"))]);
        let too_much = Apply::parse("INV-1:61", &usd).unwrap();
        assert!(matches!(
            plan(&usd, &items, m("100"), &too_much),
            Err(AllocationError::MoreThanOpen { .. })
        ));
        let over_credit = Apply::parse("INV-1:20,INV-2:50", &usd).unwrap();
        assert!(matches!(
            plan(&usd, &items, m("60"), &over_credit),
            Err(AllocationError::MoreThanCredit { .. })
        ));
        let unknown = Apply::parse("INV-9", &usd).unwrap();
        assert!(matches!(
            plan(&usd, &items, m("60"), &unknown),
            Err(AllocationError::NothingOpen(_))
        ));
    }

    #[test]
    fn amounts_in_the_list_follow_the_number_format() {
        let usd = Currency::default();
        let wanted = |apply: Apply| match apply {
            Apply::Explicit(list) => list
                .into_iter()
                .map(|(n, a)| format!("{n}={}", a.map_or("all".into(), |a| usd.plain(a))))
                .collect::<Vec<_>>()
                .join(" "),
            other => format!("{other:?}"),
        };
        let read = |text: &str, currency: &Currency| Apply::parse(text, currency).map(wanted);
        assert_eq!(
            read("INV-1:1,250.00,INV-2", &usd).unwrap(),
            "INV-1=1250.00 INV-2=all"
        );
        assert_eq!(
            read("INV-1:10;1002:5", &usd).unwrap(),
            "INV-1=10.00 1002=5.00"
        );
        // 12,50 is never 1250 in a decimal-point book.
        let refused = Apply::parse("INV-1:12,50", &usd).unwrap_err().to_string();
        assert!(refused.contains("'12,50'"), "{refused}");
        let eur = Currency::new("EUR", 2)
            .unwrap()
            .with_format(crate::domain::NumberFormat::CommaDot);
        assert_eq!(
            read("INV-1:12,50,INV-2:1.000,00", &eur).unwrap(),
            "INV-1=12.50 INV-2=1000.00"
        );
    }
}
