//! Collection analytics by their published definitions: DSO, best possible DSO, average
//! days delinquent (ADD), the collection effectiveness index (CEI) and, per customer,
//! days to pay, days late and the on-time share. Pure arithmetic on sums and lists the
//! report gathers; a figure whose denominator is zero is `None` (printed `n/a`, JSON
//! `null`), never a panic or NaN. Every figure is computed exactly and rounded once, at
//! the end, to one decimal half away from zero ([`one_decimal`]).

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::Money;

/// `value` rounded to one decimal, half away from zero, always written with that decimal
/// (`100.0`, not `100`).
pub fn one_decimal(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(1);
    rounded
}

/// `numerator / denominator`, or `None` when the denominator is zero.
fn ratio(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    (!denominator.is_zero()).then(|| numerator / denominator)
}

/// The sums the headline figures are made of, for one period of `period_days` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PeriodSums {
    pub period_days: u32,
    /// Invoices and fees dated in the period, voided ones left out.
    pub credit_sales: Money,
    /// Open items as of the day before the period starts.
    pub opening: Money,
    /// Open items as of the period's last day.
    pub closing: Money,
    /// The part of `closing` not yet due on the period's last day.
    pub closing_current: Money,
}

/// The headline figures, unrounded; see [`Headline::rounded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Headline {
    pub dso: Option<Decimal>,
    pub best_possible_dso: Option<Decimal>,
    pub add: Option<Decimal>,
    pub cei: Option<Decimal>,
}

impl Headline {
    /// The figures as printed: each rounded to one decimal on its own (ADD is the
    /// difference of the unrounded DSOs, then rounded).
    pub fn rounded(self) -> Headline {
        Headline {
            dso: self.dso.map(one_decimal),
            best_possible_dso: self.best_possible_dso.map(one_decimal),
            add: self.add.map(one_decimal),
            cei: self.cei.map(one_decimal),
        }
    }
}

/// DSO = closing / credit sales × days; best possible DSO = closing current / credit
/// sales × days; ADD = DSO − best possible DSO; CEI = (opening + credit sales − closing)
/// / (opening + credit sales − closing current) × 100.
pub fn headline(sums: &PeriodSums) -> Headline {
    let days = Decimal::from(sums.period_days);
    let sales = sums.credit_sales.0;
    let dso = ratio(sums.closing.0 * days, sales);
    let best_possible_dso = ratio(sums.closing_current.0 * days, sales);
    let add = dso.zip(best_possible_dso).map(|(d, b)| d - b);
    let collectible = sums.opening.0 + sales;
    let cei = ratio(
        (collectible - sums.closing.0) * Decimal::ONE_HUNDRED,
        collectible - sums.closing_current.0,
    );
    Headline {
        dso,
        best_possible_dso,
        add,
        cei,
    }
}

/// An item whose open amount reached zero: its amount and its three dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettledItem {
    pub amount: Money,
    pub invoiced: NaiveDate,
    pub due: NaiveDate,
    pub settled: NaiveDate,
}

/// How a customer paid the items it settled, each weighted by its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PaymentHabits {
    /// Mean of (settled − invoiced) in days.
    pub days_to_pay: Option<Decimal>,
    /// Mean of max(0, settled − due) in days.
    pub days_late: Option<Decimal>,
    /// Percent of the amount settled on or before its due date.
    pub on_time_share: Option<Decimal>,
}

/// [`PaymentHabits`] of `items`, unrounded; all `None` when they add up to nothing.
pub fn payment_habits(items: &[SettledItem]) -> PaymentHabits {
    let mut sums = HabitSums::default();
    for item in items {
        sums.add(item);
    }
    sums.habits()
}

/// The running sums [`payment_habits`] is made of, for a reader that meets a customer's
/// settled items one at a time among everyone else's (the whole book's year, read in
/// settled order) and need not keep them.
#[derive(Debug, Clone, Copy, Default)]
pub struct HabitSums {
    total: Decimal,
    to_pay: Decimal,
    late: Decimal,
    on_time: Decimal,
}

impl HabitSums {
    pub fn add(&mut self, item: &SettledItem) {
        let amount = item.amount.0;
        self.total += amount;
        self.to_pay += amount * Decimal::from((item.settled - item.invoiced).num_days());
        let days_late = (item.settled - item.due).num_days().max(0);
        self.late += amount * Decimal::from(days_late);
        if item.settled <= item.due {
            self.on_time += amount;
        }
    }

    /// Sums added up elsewhere (the book keeps them by month), in minor units at `scale`
    /// decimals: the same sums, to the decimal place, as adding those items one by one.
    /// A sum of nothing but zeros is the plain zero [`HabitSums::add`] leaves it (an
    /// amount times zero days is a zero without decimals); every term is at least zero,
    /// so a zero sum is one. `None` when a sum does not fit a decimal.
    pub fn from_minor(
        scale: u32,
        total: i128,
        to_pay: i128,
        late: i128,
        on_time: i128,
    ) -> Option<HabitSums> {
        let exact = |sum: i128| match sum {
            0 => Some(Decimal::ZERO),
            sum => Decimal::try_from_i128_with_scale(sum, scale).ok(),
        };
        Some(HabitSums {
            total: exact(total)?,
            to_pay: exact(to_pay)?,
            late: exact(late)?,
            on_time: exact(on_time)?,
        })
    }

    /// The habits of the items added, unrounded; all `None` when they add up to nothing.
    pub fn habits(&self) -> PaymentHabits {
        PaymentHabits {
            days_to_pay: ratio(self.to_pay, self.total),
            days_late: ratio(self.late, self.total),
            on_time_share: ratio(self.on_time * Decimal::ONE_HUNDRED, self.total),
        }
    }
}

/// Percent of the judged promise parts that were kept (`None` when none was judged).
/// A partly kept part counts as not kept: the promise was for the whole amount.
pub fn kept_share(kept: u64, judged: u64) -> Option<Decimal> {
    ratio(
        Decimal::from(kept) * Decimal::ONE_HUNDRED,
        Decimal::from(judged),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;

    fn money(text: &str) -> Money {
        Currency::default().parse(text).unwrap()
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn figure(value: Option<Decimal>) -> Option<String> {
        value.map(|v| one_decimal(v).to_string())
    }

    /// The worked example, as of 2026-03-31 over 90 days (2026-01-01..03-31):
    /// credit sales 1,000 + 500 + 600 = 2,100; closing = the 600 still open, due
    /// 2026-04-14, so all of it current; opening (2025-12-31) = 0.
    /// DSO = 600 / 2,100 × 90 = 25.714… → 25.7; best possible DSO is the same 25.7 and
    /// ADD = 0.0; CEI = (0 + 2,100 − 600) / (0 + 2,100 − 600) × 100 = 100.0.
    /// Settled: 1,000 after 40 days (due 01-31, 10 days late), 500 after 20 (on time):
    /// days to pay = (1,000×40 + 500×20) / 1,500 = 33.3; days late = 1,000×10 / 1,500 =
    /// 6.666… → 6.7; on time = 500 / 1,500 = 33.3 %.
    #[test]
    fn the_worked_example() {
        let sums = PeriodSums {
            period_days: 90,
            credit_sales: money("2100.00"),
            opening: Money::ZERO,
            closing: money("600.00"),
            closing_current: money("600.00"),
        };
        let h = headline(&sums).rounded();
        assert_eq!(figure(h.dso), Some("25.7".into()));
        assert_eq!(figure(h.best_possible_dso), Some("25.7".into()));
        assert_eq!(figure(h.add), Some("0.0".into()));
        assert_eq!(figure(h.cei), Some("100.0".into()));
        let items = [
            SettledItem {
                amount: money("1000.00"),
                invoiced: date("2026-01-01"),
                due: date("2026-01-31"),
                settled: date("2026-02-10"),
            },
            SettledItem {
                amount: money("500.00"),
                invoiced: date("2026-03-01"),
                due: date("2026-03-31"),
                settled: date("2026-03-21"),
            },
        ];
        let habits = payment_habits(&items);
        assert_eq!(figure(habits.days_to_pay), Some("33.3".into()));
        assert_eq!(figure(habits.days_late), Some("6.7".into()));
        assert_eq!(figure(habits.on_time_share), Some("33.3".into()));
    }

    /// Sums kept in minor units give the very decimals (scale included) of adding the
    /// items one by one: with an on-time item, and with none (a plain zero either way).
    #[test]
    fn sums_from_minor_units_are_the_items_added() {
        let item = |amount: &str, invoiced, due, settled| SettledItem {
            amount: money(amount),
            invoiced: date(invoiced),
            due: date(due),
            settled: date(settled),
        };
        let late = item("1000.00", "2026-01-01", "2026-01-31", "2026-02-10");
        let on_time = item("500.05", "2026-03-01", "2026-03-31", "2026-03-21");
        let mut both = HabitSums::default();
        both.add(&late);
        both.add(&on_time);
        let kept =
            HabitSums::from_minor(2, 150_005, 100_000 * 40 + 50_005 * 20, 100_000 * 10, 50_005);
        assert_eq!(format!("{kept:?}"), format!("{:?}", Some(both)));
        let mut late_only = HabitSums::default();
        late_only.add(&late);
        let kept = HabitSums::from_minor(2, 100_000, 100_000 * 40, 100_000 * 10, 0);
        assert_eq!(format!("{kept:?}"), format!("{:?}", Some(late_only)));
        assert_eq!(kept.unwrap().habits(), late_only.habits());
        let mut same_day = HabitSums::default();
        same_day.add(&item("500.05", "2026-03-01", "2026-03-31", "2026-03-01"));
        let kept = HabitSums::from_minor(2, 50_005, 0, 0, 50_005);
        assert_eq!(format!("{kept:?}"), format!("{:?}", Some(same_day)));
    }

    #[test]
    fn overdue_receivables_make_add_and_lower_cei() {
        // Opening 1,000; sales 3,000; closing 1,200 of which 400 current.
        let sums = PeriodSums {
            period_days: 30,
            credit_sales: money("3000.00"),
            opening: money("1000.00"),
            closing: money("1200.00"),
            closing_current: money("400.00"),
        };
        let h = headline(&sums).rounded();
        // 1,200 / 3,000 × 30 = 12.0; 400 / 3,000 × 30 = 4.0; ADD 8.0.
        assert_eq!(figure(h.dso), Some("12.0".into()));
        assert_eq!(figure(h.best_possible_dso), Some("4.0".into()));
        assert_eq!(figure(h.add), Some("8.0".into()));
        // (1,000 + 3,000 − 1,200) / (1,000 + 3,000 − 400) = 2,800 / 3,600 = 77.77… → 77.8.
        assert_eq!(figure(h.cei), Some("77.8".into()));
    }

    #[test]
    fn nothing_to_divide_by_is_none() {
        // No credit sales: no DSO of either kind, no ADD; CEI still defined by the opening.
        let sums = PeriodSums {
            period_days: 90,
            credit_sales: Money::ZERO,
            opening: money("100.00"),
            closing: money("100.00"),
            closing_current: Money::ZERO,
        };
        let h = headline(&sums);
        assert_eq!((h.dso, h.best_possible_dso, h.add), (None, None, None));
        assert_eq!(figure(h.cei), Some("0.0".into()));
        // CEI's denominator zero: everything collectible is still open and current.
        let sums = PeriodSums {
            period_days: 90,
            credit_sales: money("50.00"),
            opening: Money::ZERO,
            closing: money("50.00"),
            closing_current: money("50.00"),
        };
        let h = headline(&sums);
        assert_eq!(h.cei, None);
        assert_eq!(figure(h.dso), Some("90.0".into()));
        // An empty book: nothing at all.
        assert_eq!(headline(&PeriodSums::default()), Headline::default());
        assert_eq!(payment_habits(&[]), PaymentHabits::default());
        assert_eq!(kept_share(0, 0), None);
    }

    #[test]
    fn rounding_is_half_away_from_zero_with_one_decimal() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(one_decimal(d("0.25")).to_string(), "0.3");
        assert_eq!(one_decimal(d("0.35")).to_string(), "0.4");
        assert_eq!(one_decimal(d("-0.25")).to_string(), "-0.3");
        assert_eq!(one_decimal(d("0.2499")).to_string(), "0.2");
        assert_eq!(one_decimal(d("100")).to_string(), "100.0");
        assert_eq!(figure(kept_share(2, 3)), Some("66.7".into()));
        assert_eq!(figure(kept_share(1, 8)), Some("12.5".into()));
    }

    #[test]
    fn early_payment_is_not_negative_lateness() {
        let items = [SettledItem {
            amount: money("10.00"),
            invoiced: date("2026-01-10"),
            due: date("2026-02-09"),
            settled: date("2026-01-15"),
        }];
        let habits = payment_habits(&items);
        assert_eq!(figure(habits.days_to_pay), Some("5.0".into()));
        assert_eq!(figure(habits.days_late), Some("0.0".into()));
        assert_eq!(figure(habits.on_time_share), Some("100.0".into()));
    }
}
