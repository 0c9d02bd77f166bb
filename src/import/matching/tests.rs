//! The matcher's rules on a small book: numbers, payers, names, amounts, discounts.
use super::*;
use chrono::NaiveDate;
use rust_decimal::Decimal;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()
}

fn money(text: &str) -> Money {
    Money(text.parse::<Decimal>().unwrap())
}

fn book() -> MatchBook {
    let d = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let item = |c: i64, number: &str, seq: u32, open: &str| MatchItem {
        customer: CustomerId(c),
        number: number.into(),
        seq,
        due: d,
        open: money(open),
        discount: None,
    };
    MatchBook {
        customers: vec![
            (CustomerId(1), "C001".into(), "Acme Trading Ltd".into()),
            (CustomerId(2), "C002".into(), "深圳华星贸易".into()),
            (CustomerId(3), "C003".into(), "Müller & Söhne GmbH".into()),
        ],
        items: vec![
            item(1, "INV-1001", 1, "100.00"),
            item(1, "INV-1002", 1, "250.00"),
            item(2, "INV-2001", 1, "880.00"),
            item(3, "INV-3001", 1, "42.50"),
            item(3, "INV-3002", 1, "57.50"),
        ],
        aliases: [("de89370400440532013000".to_string(), CustomerId(3))].into(),
    }
}

#[test]
fn invoice_number_in_the_text_wins_whatever_the_spelling() {
    let m = Matcher::new(book());
    for text in ["Payment INV-1002", "inv 1002 thanks", "REF INV1002/ACME"] {
        let s = m.suggest(day(), money("250.00"), &[text], &[]).unwrap();
        assert_eq!(
            (s.code.as_str(), s.invoices.clone()),
            ("C001", vec!["INV-1002".to_string()]),
            "{text}"
        );
        assert!(s.confidence >= 0.95, "{text}: {}", s.reason);
    }
    let part = m
        .suggest(day(), money("50.00"), &["INV-1002"], &[])
        .unwrap();
    assert!(part.reason.to_string().contains("part payment") && part.confidence >= 0.9);
    let digits = m
        .suggest(day(), money("250.00"), &["invoice 1002"], &[])
        .unwrap();
    assert_eq!(digits.code, "C001");
    assert!(digits.confidence < 0.9, "digits alone are weaker");
}

#[test]
fn learned_payer_then_name_then_amount() {
    let m = Matcher::new(book());
    let known = m
        .suggest(
            day(),
            money("100.00"),
            &["SEPA transfer"],
            &["de89370400440532013000".into()],
        )
        .unwrap();
    assert_eq!(known.code, "C003");
    assert!(
        known.reason.to_string().contains("known payer")
            && known.reason.to_string().contains("whole balance")
    );
    let name = m
        .suggest(day(), money("350.00"), &["ACME TRADING LIMITED"], &[])
        .unwrap();
    assert_eq!(name.code, "C001");
    assert!(name.confidence >= 0.9, "{}", name.reason);
    let chinese = m
        .suggest(day(), money("880.00"), &["转账 深圳华星贸易有限公司"], &[])
        .unwrap();
    assert_eq!(chinese.code, "C002");
    let amount = m
        .suggest(day(), money("880.00"), &["transfer"], &[])
        .unwrap();
    assert_eq!(amount.code, "C002");
    assert!(amount.confidence < 0.9);
    assert_eq!(m.suggest(day(), money("7.77"), &["coffee"], &[]), None);
}

#[test]
fn two_customers_numbers_or_a_shared_amount_are_left_to_the_user() {
    let m = Matcher::new(book());
    assert_eq!(
        m.suggest(day(), money("1.00"), &["INV-1001 INV-2001"], &[]),
        None
    );
    let mut b = book();
    b.items.push(MatchItem {
        customer: CustomerId(2),
        number: "INV-2002".into(),
        seq: 1,
        due: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        open: money("250.00"),
        discount: None,
    });
    assert_eq!(
        Matcher::new(b).suggest(day(), money("250.00"), &["transfer"], &[]),
        None
    );
}

#[test]
fn an_invoice_paid_less_its_discount_in_the_window_is_matched_and_named() {
    let mut with_discount = book();
    with_discount.items.push(MatchItem {
        customer: CustomerId(2),
        number: "INV-2002".into(),
        seq: 1,
        due: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        open: money("1000.00"),
        discount: Some(crate::domain::terms::DiscountOffer {
            last_day: NaiveDate::from_ymd_opt(2026, 10, 11).unwrap(),
            amount: money("20.00"),
            percent: Decimal::from(2),
        }),
    });
    let m = Matcher::new(with_discount);
    let late = NaiveDate::from_ymd_opt(2026, 10, 12).unwrap();
    // Named in the text: settles it with the discount inside the window, a part payment after.
    let named = m
        .suggest(day(), money("980.00"), &["INV-2002"], &[])
        .unwrap();
    assert!(
        named
            .reason
            .to_string()
            .contains("early-payment discount of 20.00"),
        "{}",
        named.reason
    );
    assert!(named.confidence >= 0.98);
    let after = m
        .suggest(late, money("980.00"), &["INV-2002"], &[])
        .unwrap();
    assert!(
        after.reason.to_string().contains("part payment"),
        "{}",
        after.reason
    );
    // The amount alone: the only item it settles with its discount, named so that
    // accepting it applies the payment there (oldest first would not).
    let alone = m
        .suggest(day(), money("980.00"), &["transfer"], &[])
        .unwrap();
    assert_eq!(
        (alone.code.as_str(), alone.invoices.clone()),
        ("C002", vec!["INV-2002".to_string()])
    );
    assert!(
        alone
            .reason
            .to_string()
            .contains("less its early-payment discount"),
        "{}",
        alone.reason
    );
    assert_eq!(m.suggest(late, money("980.00"), &["transfer"], &[]), None);
    // By name: the fit names the invoice too.
    let by_name = m
        .suggest(day(), money("980.00"), &["深圳华星贸易 payment"], &[])
        .unwrap();
    assert_eq!(by_name.invoices, ["INV-2002"]);
}

#[test]
fn amounts_fit_in_whole_units_as_they_do_in_decimals() {
    // A small generator, so the case is the same every run.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let d = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let mut book = MatchBook::default();
    // Customers with 0 to 16 open items: fewer and more than are tried in combinations.
    for c in 0..=16i64 {
        book.customers
            .push((CustomerId(c), format!("C{c:03}"), format!("Name {c}")));
        for n in 0..c {
            let open = Money(Decimal::new(100 + next(40) as i64 * 25, 2));
            book.items.push(MatchItem {
                customer: CustomerId(c),
                number: format!("INV-{c}-{n}"),
                seq: 1 + (n % 2) as u32,
                due: d,
                open,
                discount: (n % 5 == 1).then_some(crate::domain::terms::DiscountOffer {
                    last_day: d,
                    amount: money("0.50"),
                    percent: Decimal::from(2),
                }),
            });
        }
    }
    let units = Matcher::new(book.clone());
    let mut decimals = Matcher::new(book);
    assert!(units.units.is_some());
    decimals.units = None;
    let (mut tried, mut fitted) = (0, 0);
    let mut reasons = String::new();
    for c in 0..=16i64 {
        let opens: Vec<Money> = units
            .by_customer
            .get(&CustomerId(c))
            .map_or(vec![], |v| v.iter().map(|&i| units.items[i].open).collect());
        let mut amounts = vec![money("0.01"), money("1.005"), money("99999.00")];
        for _ in 0..40 {
            // Sums of a few of the customer's items, one more or less by a cent, and the
            // same written with more decimals.
            let mut sum = Money::ZERO;
            for open in &opens {
                if next(3) == 0 {
                    sum += *open;
                }
            }
            let cent = Money(Decimal::new(next(3) as i64 - 1, 2));
            amounts.push(sum + cent);
            amounts.push(Money((sum.0 * Decimal::new(1000, 3)).round_dp(3)));
            amounts.push(sum - money("0.50"));
        }
        for amount in amounts {
            for date in [d, d.succ_opt().unwrap()] {
                let fit = units.amount_fit(CustomerId(c), amount, date);
                assert_eq!(
                    fit,
                    decimals.amount_fit(CustomerId(c), amount, date),
                    "C{c:03} {amount}"
                );
                tried += 1;
                fitted += usize::from(fit.is_some());
                if let Some((reason, _)) = fit {
                    reasons.push_str(&reason.to_string());
                    reasons.push(';');
                }
            }
        }
    }
    assert!(fitted > 200 && fitted < tried, "{fitted} of {tried} fit");
    for kind in [" open;", "discount", "oldest", "whole balance", " + "] {
        assert!(reasons.contains(kind), "no fit says '{kind}'");
    }
}
