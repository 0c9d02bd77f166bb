//! Close names: typos, accents written out, other legal forms; short names never; and a
//! row's work bounded by the row, not by the book.
use super::*;
use crate::domain::Money;
use crate::import::matching::Matcher;
use crate::store::{MatchBook, MatchItem};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::sync::atomic::Ordering::Relaxed;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()
}

fn item(customer: i64, number: String, cents: i64) -> MatchItem {
    MatchItem {
        customer: CustomerId(customer),
        number,
        seq: 1,
        due: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        open: Money(Decimal::new(cents, 2)),
        discount: None,
    }
}

fn matcher(names: &[&str]) -> Matcher {
    Matcher::new(MatchBook {
        customers: names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                (
                    CustomerId(i as i64 + 1),
                    format!("C{:03}", i + 1),
                    n.to_string(),
                )
            })
            .collect(),
        items: (0..names.len() as i64)
            .map(|i| item(i + 1, format!("R-{i}"), 1_000 * (i + 1)))
            .collect(),
        aliases: Default::default(),
    })
}

#[test]
fn folding_writes_accents_out() {
    assert_eq!(fold("Müller Ærø Straße Café"), "mueller aeroe strasse cafe");
    assert_eq!(keys("abc"), ["abc", "bc", "ac", "ab"]);
}

#[test]
fn a_name_a_typo_or_an_accent_away_matches_less_surely_and_says_so() {
    let m = matcher(&[
        "Müller Maschinenbau GmbH",
        "Schmidt Logistik AG",
        "Acme Ltd",
    ]);
    let amount = Money(Decimal::new(1_000, 2));
    for (payer, seen) in [
        ("Mueller Maschinenbau", "Mueller Maschinenbau"),
        (
            "SEPA GUTSCHRIFT MUELER MASCHINENBAU KG RE 77",
            "MUELER MASCHINENBAU",
        ),
        ("Muller Maschinen-Bau", "Muller Maschinen Bau"),
        ("MUELLERMASCHINENBAU", "MUELLERMASCHINENBAU"),
    ] {
        let s = m.suggest(day(), amount, &[payer], &[]).unwrap();
        assert_eq!(s.code, "C001", "{payer}: {}", s.reason);
        assert_eq!(
            s.reason.to_string(),
            format!(
                "name close to 'Müller Maschinenbau GmbH' (the text has '{seen}'); \
                 amount equals R-0 open"
            )
        );
        // Below the default accept threshold: a close name is looked at.
        assert_eq!(s.confidence, 0.85);
    }
    // Without the amount fitting: lower still, and above the amount alone.
    let s = m
        .suggest(day(), Money(Decimal::new(7, 0)), &["Schmitt Logistik"], &[])
        .unwrap();
    assert_eq!((s.code.as_str(), s.confidence), ("C002", 0.6));
}

#[test]
fn short_or_far_names_are_not_close() {
    let m = matcher(&["Acme Ltd", "Müller Maschinenbau GmbH", "Kellner Bau"]);
    for text in [
        "ACNE STUDIOS",
        "Miller Maschinenfabrik",
        "Heller Bank",
        "Kelner",
    ] {
        let s = m.suggest(day(), Money(Decimal::new(7, 0)), &[text], &[]);
        assert_eq!(s, None, "{text}");
    }
}

/// A made-up word of four syllables, different for every `i` below 100⁴.
fn word(i: usize) -> String {
    const C: &[u8] = b"bdfgklmnprstvz";
    const V: &[u8] = b"aeiou";
    let mut n = i.wrapping_mul(7_919) % 70usize.pow(4);
    let mut out = String::new();
    for _ in 0..4 {
        out.push(C[n % 14] as char);
        out.push(V[(n / 14) % 5] as char);
        n /= 70;
    }
    out
}

#[test]
fn a_rows_work_does_not_grow_with_the_book() {
    // 10,000 customers whose names all share "Trading" and half share "Global": a
    // word walked per row would cost 10,000 steps; none may.
    let customers = 10_000;
    let names: Vec<String> = (0..customers)
        .map(|i| match i % 2 {
            0 => format!("{} Trading Ltd", word(i)),
            _ => format!("Global {} Trading GmbH", word(i)),
        })
        .collect();
    let m = Matcher::new(MatchBook {
        customers: names
            .iter()
            .enumerate()
            .map(|(i, n)| (CustomerId(i as i64), format!("C{i:05}"), n.clone()))
            .collect(),
        items: (0..customers)
            .map(|i| item(i as i64, format!("INV-{i}"), 10_000 + i as i64))
            .collect(),
        aliases: Default::default(),
    });
    let mut most = 0;
    for j in 0..300 {
        let i = j * 31 % customers;
        let name = names[i].to_uppercase();
        // One letter of the name's own word dropped.
        let mut typo = name.clone();
        typo.remove(name.find(&word(i).to_uppercase()).unwrap() + 3);
        for (text, close) in [
            (format!("TRANSFER FROM {name}"), false),
            (format!("PAYMENT {typo} THANK YOU"), true),
            ("GLOBAL TRADING PAYMENT".to_string(), false),
        ] {
            let before = m.names.work.load(Relaxed) + m.close.work.load(Relaxed);
            // The words every name has point to nobody (an amount no item has).
            let cents = if text.starts_with("GLOBAL") {
                1
            } else {
                10_000 + i as i64
            };
            let s = m.suggest(day(), Money(Decimal::new(cents, 2)), &[&text], &[]);
            most = most.max(m.names.work.load(Relaxed) + m.close.work.load(Relaxed) - before);
            if text.starts_with("GLOBAL") {
                assert_eq!(s, None, "{text}");
            } else {
                let s = s.unwrap_or_else(|| panic!("{text}"));
                assert_eq!(s.code, format!("C{i:05}"), "{text}: {}", s.reason);
                assert_eq!(
                    s.reason.to_string().starts_with("name close"),
                    close,
                    "{}",
                    s.reason
                );
            }
        }
    }
    // Rows of a few words: tens of steps (walking "trading" alone would be 10,000).
    assert!(most < 1_000, "a row cost {most} steps");
}
