//! Names in a row's text: Chinese names inside longer text, legal forms, names written
//! together with other words, short names, and customers who share a name.
use super::super::Matcher;
use crate::domain::Money;
use crate::domain::ids::CustomerId;
use crate::store::{MatchBook, MatchItem};
use chrono::NaiveDate;
use rust_decimal::Decimal;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()
}

fn money(text: &str) -> Money {
    Money(text.parse::<Decimal>().unwrap())
}

/// A book of `customers` (code, name) numbered from 1, and open items (customer
/// number, invoice, open amount).
fn book(customers: &[(&str, &str)], items: &[(i64, &str, &str)]) -> MatchBook {
    MatchBook {
        customers: customers
            .iter()
            .enumerate()
            .map(|(i, (code, name))| (CustomerId(i as i64 + 1), code.to_string(), name.to_string()))
            .collect(),
        items: items
            .iter()
            .map(|(c, number, open)| MatchItem {
                customer: CustomerId(*c),
                number: number.to_string(),
                seq: 1,
                due: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
                open: money(open),
                discount: None,
            })
            .collect(),
        aliases: Default::default(),
    }
}

/// The code suggested for `text` paying `amount`, with confidence and reason.
fn suggest(m: &Matcher, amount: &str, text: &str) -> Option<(String, f64, String)> {
    m.suggest(day(), money(amount), &[text], &[])
        .map(|s| (s.code, s.confidence, s.reason.to_string()))
}

#[test]
fn a_chinese_name_inside_longer_text_outranks_the_amount_and_names_inside_it() {
    // Each other customer has an item of the same 1,280.00 open, and its name is
    // another customer, or inside the payer's name. Before, the names inside tied
    // with the payer's and the row went to the other customer on its balance.
    for other in ["Globex Ltd", "华安贸易有限公司", "上海华安", "华安"] {
        let m = Matcher::new(book(
            &[("C001", "上海华安贸易有限公司"), ("C002", other)],
            &[
                (1, "INV-1001", "1280.00"),
                (1, "INV-1002", "300.00"),
                (2, "INV-2001", "1280.00"),
            ],
        ));
        for text in [
            "转账 上海华安贸易有限公司货款",
            "付款人:上海华安贸易有限公司;摘要:货款INV",
            "网银转账上海华安贸易有限公司",
        ] {
            let (code, confidence, reason) = suggest(&m, "1280.00", text).unwrap();
            assert_eq!(code, "C001", "{other}: {text}: {reason}");
            assert_eq!(confidence, 0.95, "{other}: {text}: {reason}");
            assert_eq!(
                reason,
                "name '上海华安贸易有限公司' in the text; amount equals INV-1001 open"
            );
        }
        // Another legal form, or none: still the payer, a little less surely.
        for text in ["上海华安贸易有限责任公司 货款", "上海华安贸易付款"] {
            let (code, confidence, reason) = suggest(&m, "1280.00", text).unwrap();
            assert_eq!(code, "C001", "{other}: {text}: {reason}");
            assert_eq!(confidence, 0.93, "{text}");
            assert!(
                reason.contains("legal form or word order aside"),
                "{reason}"
            );
        }
    }
}

#[test]
fn an_invoice_number_written_onto_chinese_text_is_found() {
    let m = Matcher::new(book(
        &[
            ("C001", "上海华安贸易有限公司"),
            ("C002", "华安贸易有限公司"),
        ],
        &[(1, "INV-1001", "1280.00"), (2, "INV-2001", "1280.00")],
    ));
    let s = m
        .suggest(day(), money("1280.00"), &["摘要:货款INV-2001转账"], &[])
        .unwrap();
    assert_eq!(
        (s.code.as_str(), s.invoices.clone()),
        ("C002", vec!["INV-2001".into()])
    );
    assert_eq!(s.confidence, 0.98, "{}", s.reason);
}

#[test]
fn a_name_in_two_scripts_is_found_by_either() {
    let m = Matcher::new(book(
        &[
            ("C001", "上海华安贸易有限公司 (Shanghai Huaan Trading)"),
            ("C002", "Globex"),
        ],
        &[(1, "INV-1", "50.00"), (2, "INV-2", "99.00")],
    ));
    for text in [
        "转账 上海华安贸易有限公司货款",
        "SHANGHAI HUAAN TRADING CO LTD",
    ] {
        let (code, confidence, _) = suggest(&m, "50.00", text).unwrap();
        assert_eq!((code.as_str(), confidence), ("C001", 0.93), "{text}");
    }
}

#[test]
fn latin_names_written_onto_other_words_only_when_that_is_safe() {
    let m = Matcher::new(book(
        &[
            ("C001", "Mueller GmbH"),
            ("C002", "Nova AG"),
            ("C003", "Ace Ltd"),
            ("C004", "Acme Trading Ltd"),
        ],
        &[
            (1, "R-1", "10.00"),
            (2, "R-2", "20.00"),
            (3, "R-3", "30.00"),
            (4, "R-4", "40.00"),
        ],
    ));
    // A long enough name followed by its legal form, or a name whole in one word.
    let (code, confidence, _) = suggest(&m, "10.00", "SEPA-GUTSCHRIFT MUELLERGMBH").unwrap();
    assert_eq!((code.as_str(), confidence), ("C001", 0.95));
    let (code, ..) = suggest(&m, "40.00", "UEBERWEISUNG ACMETRADING").unwrap();
    assert_eq!(code, "C004");
    let (code, ..) = suggest(&m, "20.00", "REF2024NOVA").unwrap();
    assert_eq!(code, "C002");
    // Short names never inside another word, nor before a legal form written onto
    // them: NOVASA may be another company; SPACE, INNOVATION and NOVATION are words.
    for text in [
        "NOVASA PAYMENT",
        "INNOVATION FUND",
        "NOVATION",
        "SPACE RENT",
        "ACEGMBH",
    ] {
        assert_eq!(suggest(&m, "5.00", text), None, "{text}");
    }
    // Nor a longer name inside a longer word.
    assert_eq!(suggest(&m, "5.00", "MUELLERSTRASSE 4"), None);
}

#[test]
fn customers_who_share_a_name_are_told_apart_and_not_accepted_on_the_name_alone() {
    let m = Matcher::new(book(
        &[("C00012", "Acme Ltd"), ("C00040", "ACME Limited")],
        &[
            (1, "INV-1", "1000.00"),
            (1, "INV-2", "150.00"),
            (1, "INV-3", "50.00"),
            (2, "INV-9", "80.00"),
        ],
    ));
    let listed = "2 customers share the name: C00012 (balance 1200.00, 3 open items), \
                  C00040 (balance 80.00, 1 open item)";
    // The amount fits one of them only: chosen, and said why.
    let (code, confidence, reason) = suggest(&m, "80.00", "ACME PAYMENT").unwrap();
    assert_eq!(code, "C00040");
    assert_eq!(confidence, 0.9);
    assert_eq!(
        reason,
        format!(
            "name 'ACME Limited' in the text, legal form or word order aside; \
             amount equals INV-9 open; {listed}; \
             C00040 chosen: only its open items fit the amount"
        )
    );
    // Nothing but the name: the one owing most is suggested for a look, never accepted.
    let (code, confidence, reason) = suggest(&m, "5.00", "ACME PAYMENT").unwrap();
    assert_eq!(code, "C00012");
    assert!(confidence < 0.9, "{confidence}");
    assert!(
        reason.ends_with(&format!(
            "{listed}; nothing in the row tells them apart: check before accepting"
        )),
        "{reason}"
    );
    // The legal form written in the text points to one: reviewed, not accepted.
    let (code, confidence, reason) = suggest(&m, "5.00", "ACME LIMITED").unwrap();
    assert_eq!(code, "C00040");
    assert!(confidence < 0.9, "{confidence}");
    assert!(
        reason.contains("C00040 chosen: its legal form is the one in the text"),
        "{reason}"
    );
}

#[test]
fn two_names_equally_sure_go_to_the_one_the_amount_fits_or_to_the_user() {
    let m = Matcher::new(book(
        &[
            ("C001", "Acme Foods"),
            ("C002", "Acme Tools"),
            ("C003", "Globex"),
        ],
        &[
            (1, "INV-1", "10.00"),
            (2, "INV-2", "20.00"),
            (3, "INV-3", "30.00"),
        ],
    ));
    let (code, confidence, reason) = suggest(&m, "20.00", "ACME FOODS / ACME TOOLS").unwrap();
    assert_eq!(code, "C002");
    assert!(confidence < 0.9, "{confidence}");
    assert!(
        reason.contains("'Acme Foods' also in the text, but only C002's open items fit"),
        "{reason}"
    );
    // Neither fits: no suggestion, not Globex on its amount alone.
    assert_eq!(suggest(&m, "30.00", "ACME FOODS / ACME TOOLS"), None);
    assert_eq!(suggest(&m, "30.00", "transfer").unwrap().0, "C003");
}

#[test]
fn a_longer_latin_name_takes_the_words_of_a_shorter_one() {
    let m = Matcher::new(book(
        &[
            ("C001", "Acme Trading Ltd"),
            ("C002", "Acme Trading North Ltd"),
        ],
        &[(1, "INV-1", "10.00"), (2, "INV-2", "20.00")],
    ));
    for text in ["Transfer from ACME TRADING NORTH", "Acme Trading North Ltd"] {
        let (code, ..) = suggest(&m, "5.00", text).unwrap();
        assert_eq!(code, "C002", "{text}");
    }
    let (code, ..) = suggest(&m, "5.00", "ACME TRADING LTD").unwrap();
    assert_eq!(code, "C001");
}
