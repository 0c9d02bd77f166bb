//! The rules of late interest, with the worked example.

use super::*;

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn usd() -> Currency {
    Currency::new("USD", 2).unwrap()
}

fn m(text: &str) -> Money {
    usd().parse(text).unwrap()
}

fn rules(rate: &str, grace: i64) -> FeeRules {
    FeeRules {
        annual_rate: rate.parse().unwrap(),
        grace_days: grace,
        ..FeeRules::default()
    }
}

fn item(due: &str, amount: &str, rules: FeeRules) -> FeeItem {
    FeeItem {
        customer: "ACME".into(),
        number: "INV-1".into(),
        seq: 1,
        due: d(due),
        amount: m(amount),
        allocations: Vec::new(),
        charged: Vec::new(),
        rules,
    }
}

/// Records the rows of a run as charged, as the fee document's memo does.
fn record(item: &mut FeeItem, rows: &[Charge]) {
    item.charged.extend(rows.iter().map(|r| (r.from, r.to)));
}

#[test]
fn the_worked_example_charges_9_86_then_9_86() {
    let currency = usd();
    let mut invoice = item("2026-01-31", "1000.00", rules("12", 10));
    let first = charges(&currency, std::slice::from_ref(&invoice), d("2026-03-02"));
    assert_eq!(first.len(), 1);
    let row = &first[0];
    assert_eq!(
        (row.from, row.to, row.days),
        (d("2026-02-01"), d("2026-03-02"), 30)
    );
    assert_eq!(currency.plain(row.principal), "1000.00");
    assert_eq!(currency.plain(row.amount), "9.86");
    record(&mut invoice, &first);
    let second = charges(&currency, std::slice::from_ref(&invoice), d("2026-04-01"));
    assert_eq!(second.len(), 1);
    assert_eq!(
        (second[0].from, second[0].to, second[0].days),
        (d("2026-03-03"), d("2026-04-01"), 30)
    );
    assert_eq!(currency.plain(second[0].amount), "9.86");
    // The same date again: nothing more.
    record(&mut invoice, &second);
    assert!(charges(&currency, std::slice::from_ref(&invoice), d("2026-04-01")).is_empty());
    // An earlier date than the last charge: nothing, no overlap.
    assert!(charges(&currency, std::slice::from_ref(&invoice), d("2026-03-15")).is_empty());
}

#[test]
fn a_part_payment_lowers_the_principal_from_its_date() {
    let currency = usd();
    let mut invoice = item("2026-01-31", "1000.00", rules("12", 0));
    // 400 paid on 2026-02-16: 15 days on 1000, then 15 days on 600 (through 03-02).
    invoice.allocations.push((d("2026-02-16"), m("400.00")));
    let rows = charges(&currency, std::slice::from_ref(&invoice), d("2026-03-02"));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        invoice.amount_days(d("2026-02-01"), d("2026-03-02")),
        Decimal::from(15 * 1000 + 15 * 600)
    );
    // 24000 × 12 / 36500 = 7.890… → 7.89
    assert_eq!(currency.plain(rows[0].amount), "7.89");
    assert_eq!(currency.plain(rows[0].principal), "600.00");
    // Without the payment it would be 9.86: the payment counts from its own date.
    invoice.allocations.clear();
    let unpaid = charges(&currency, std::slice::from_ref(&invoice), d("2026-03-02"));
    assert_eq!(currency.plain(unpaid[0].amount), "9.86");
}

#[test]
fn an_item_is_charged_only_when_more_than_grace_days_late_then_from_the_day_after_due() {
    let currency = usd();
    let invoice = item("2026-01-31", "1000.00", rules("12", 10));
    // Exactly 10 days late: within the grace.
    assert!(charges(&currency, std::slice::from_ref(&invoice), d("2026-02-10")).is_empty());
    // 11 days late: charged for all 11 days from 02-01.
    let rows = charges(&currency, std::slice::from_ref(&invoice), d("2026-02-11"));
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].from, rows[0].days), (d("2026-02-01"), 11));
    // 1000 × 11 × 12 / 36500 = 3.616… → 3.62
    assert_eq!(currency.plain(rows[0].amount), "3.62");
}

#[test]
fn the_minimum_holds_a_customers_small_charge_for_a_later_run() {
    let currency = usd();
    let mut small = rules("12", 0);
    small.minimum = m("5.00");
    let invoice = item("2026-01-31", "1000.00", small);
    // 11 days: 3.62, below 5.00 — nothing, and nothing recorded.
    assert!(charges(&currency, std::slice::from_ref(&invoice), d("2026-02-11")).is_empty());
    // The days stay uncharged: on 03-02 all 30 days count (9.86 ≥ 5.00).
    let rows = charges(&currency, std::slice::from_ref(&invoice), d("2026-03-02"));
    assert_eq!(rows[0].days, 30);
    assert_eq!(currency.plain(rows[0].amount), "9.86");
    // Per customer: two items of 3.62 each make 7.24 ≥ 5.00.
    let mut second = invoice.clone();
    second.number = "INV-2".into();
    let both = charges(&currency, &[invoice.clone(), second], d("2026-02-11"));
    assert_eq!(both.len(), 2);
    let total: Money = both.iter().map(|r| r.amount).sum();
    assert_eq!(currency.plain(total), "7.24");
}

#[test]
fn the_fixed_fee_is_per_overdue_item_per_run_and_only_past_the_grace() {
    let currency = usd();
    let mut flat = rules("0", 10);
    flat.fixed = m("25.00");
    let mut invoice = item("2026-01-31", "1000.00", flat);
    assert!(charges(&currency, std::slice::from_ref(&invoice), d("2026-02-10")).is_empty());
    let first = charges(&currency, std::slice::from_ref(&invoice), d("2026-02-11"));
    assert_eq!(first.len(), 1);
    assert_eq!(
        (
            currency.plain(first[0].interest),
            currency.plain(first[0].amount)
        ),
        ("0.00".to_string(), "25.00".to_string())
    );
    record(&mut invoice, &first);
    // Same date: nothing; next run: the fixed fee again.
    assert!(charges(&currency, std::slice::from_ref(&invoice), d("2026-02-11")).is_empty());
    let next = charges(&currency, std::slice::from_ref(&invoice), d("2026-03-11"));
    assert_eq!(currency.plain(next[0].amount), "25.00");
    // With a rate too, the fixed fee comes on top of the interest.
    invoice.rules.annual_rate = Decimal::from(12);
    invoice.charged.clear();
    let both = charges(&currency, std::slice::from_ref(&invoice), d("2026-03-02"));
    assert_eq!(currency.plain(both[0].amount), "34.86");
}

#[test]
fn a_gap_left_by_a_voided_fee_is_charged_again_as_its_own_span() {
    let currency = usd();
    let mut invoice = item("2026-01-31", "1000.00", rules("12", 10));
    // The first fee (02-01..03-02) was voided; the second (03-03..04-01) stands.
    invoice.charged.push((d("2026-03-03"), d("2026-04-01")));
    let rows = charges(&currency, std::slice::from_ref(&invoice), d("2026-04-01"));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].from, rows[0].to),
        (d("2026-02-01"), d("2026-03-02"))
    );
    assert_eq!(currency.plain(rows[0].amount), "9.86");
    assert_eq!(
        uncharged_spans(invoice.due, &invoice.charged, d("2026-04-11")),
        vec![
            (d("2026-02-01"), d("2026-03-02")),
            (d("2026-04-02"), d("2026-04-11"))
        ]
    );
}

#[test]
fn the_default_rules_charge_nothing() {
    let currency = usd();
    assert!(!FeeRules::default().charges_anything());
    let invoice = item("2020-01-31", "1000.00", FeeRules::default());
    assert!(charges(&currency, &[invoice], d("2026-03-02")).is_empty());
}

#[test]
fn rounding_is_half_away_from_zero() {
    // 36.50 × 1 day × 1 % / 365 = 0.001 → 0.00; 182.50 × 1 × 10 % / 365 = 0.05 exactly.
    let currency = usd();
    assert_eq!(
        interest(&currency, Decimal::from(10), Decimal::new(18_250, 2)).0,
        Decimal::new(5, 2)
    );
    // 0.005 rounds up to 0.01, never to even.
    assert_eq!(
        currency.plain(interest(
            &currency,
            Decimal::from(10),
            Decimal::new(18_250, 3)
        )),
        "0.01"
    );
}
