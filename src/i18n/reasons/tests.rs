//! Each finding of a match reason said in English is its `Display`, byte for byte (the
//! CSV and JSON of an import hold that text), and in Chinese is Chinese with its values.

use std::sync::LazyLock;

use i18n_embed::fluent::FluentLanguageLoader;

use super::super::errors::Described;
use crate::i18n::{Language, loader_for};
use crate::import::matching::{Reason, ReasonPart, Twin};
use crate::store::{Refusal, StoreError};

static ENGLISH: LazyLock<FluentLanguageLoader> = LazyLock::new(|| loader_for(Language::English));
static CHINESE: LazyLock<FluentLanguageLoader> =
    LazyLock::new(|| loader_for(Language::SimplifiedChinese));

/// Asserts `why` says in English exactly what its `Display` writes, and in Chinese is
/// Chinese holding every one of `values`: the check every reason here gets.
pub(super) fn said_both_ways(why: &(impl Described + std::fmt::Display), values: &[&str]) {
    assert_eq!(why.described_in(&ENGLISH), why.to_string());
    let said = why.described_in(&CHINESE);
    assert!(
        said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "not Chinese: {said}"
    );
    for value in values {
        assert!(said.contains(value), "{value} not in {said}");
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

fn twin(code: &str, balance: &str, open: usize) -> Twin {
    Twin {
        code: s(code),
        balance: s(balance),
        open,
    }
}

/// Every finding, with the values its Chinese must still hold.
fn every_part() -> Vec<(ReasonPart, Vec<&'static str>)> {
    use ReasonPart as P;
    let all = vec![
        (
            P::InvoicesNamed {
                numbers: s("INV-1001, INV-1002"),
            },
            vec!["INV-1001, INV-1002"],
        ),
        (P::SettlesOpen, vec![]),
        (
            P::SettlesWithDiscount {
                discount: s("20.00"),
            },
            vec!["20.00"],
        ),
        (
            P::SettlesThrough {
                through: s("INV-7/2"),
            },
            vec!["INV-7/2"],
        ),
        (P::PartPayment, vec![]),
        (P::PaysMore, vec![]),
        (P::KnownPayer, vec![]),
        (P::KnownPayerOnly, vec![]),
        (
            P::NameExact {
                name: s("Acme Ltd"),
            },
            vec!["Acme Ltd"],
        ),
        (
            P::NameCore {
                name: s("Acme Ltd"),
            },
            vec!["Acme Ltd"],
        ),
        (
            P::NameClose {
                name: s("Müller GmbH"),
                seen: s("MUELLER"),
            },
            vec!["Müller GmbH", "MUELLER"],
        ),
        (
            P::NamePartly {
                name: s("Acme Tools"),
            },
            vec!["Acme Tools"],
        ),
        (P::EqualsItem { item: s("INV-3") }, vec!["INV-3"]),
        (P::EqualsItemDiscounted { item: s("INV-4") }, vec!["INV-4"]),
        (P::EqualsBalance, vec![]),
        // Counts are never grouped, as `Display` never groups them.
        (P::EqualsOldest { count: 1234 }, vec!["1234"]),
        (
            P::EqualsItems {
                items: vec![s("INV-1"), s("INV-5/2")],
            },
            vec!["INV-1 + INV-5/2"],
        ),
        (P::OnlyItemOfAmount { item: s("INV-9") }, vec!["INV-9"]),
        (P::OnlyDiscountedItem { item: s("INV-8") }, vec!["INV-8"]),
        (P::OnlyBalance, vec![]),
        (
            P::Twins {
                count: 3,
                listed: vec![
                    twin("C001", "1,200.00", 3),
                    twin("C002", "0.00", 0),
                    twin("C003", "5.00", 1),
                ],
                more: 0,
            },
            vec!["3", "C001", "1,200.00", "C002", "C003", "5.00"],
        ),
        (
            P::Twins {
                count: 7,
                listed: (1..=5)
                    .map(|i| twin(&format!("C00{i}"), "10.00", i))
                    .collect(),
                more: 2,
            },
            vec!["7", "C001", "C005", "10.00", "2"],
        ),
        (P::ChosenByAmount { code: s("C040") }, vec!["C040"]),
        (P::ChosenByLegalForm { code: s("C041") }, vec!["C041"]),
        (P::TwinsAlike, vec![]),
        (
            P::OthersInText {
                others: vec![s("Acme Foods"), s("Acme Tools")],
                code: s("C002"),
            },
            vec!["Acme Foods", "Acme Tools", "C002"],
        ),
    ];
    // A finding added to the library without being said here fails to compile.
    for (part, _) in &all {
        match part {
            P::InvoicesNamed { .. } | P::SettlesOpen | P::SettlesWithDiscount { .. } => {}
            P::SettlesThrough { .. } | P::PartPayment | P::PaysMore | P::KnownPayer => {}
            P::KnownPayerOnly | P::NameExact { .. } | P::NameCore { .. } => {}
            P::NameClose { .. } | P::NamePartly { .. } | P::EqualsItem { .. } => {}
            P::EqualsItemDiscounted { .. } | P::EqualsBalance | P::EqualsOldest { .. } => {}
            P::EqualsItems { .. } | P::OnlyItemOfAmount { .. } => {}
            P::OnlyDiscountedItem { .. } | P::OnlyBalance | P::Twins { .. } => {}
            P::ChosenByAmount { .. } | P::ChosenByLegalForm { .. } | P::TwinsAlike => {}
            P::OthersInText { .. } => {}
        }
    }
    all
}

fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn each_finding_in_english_is_its_display_and_in_chinese_holds_its_values() {
    for (part, values) in every_part() {
        assert_eq!(part.described_in(&ENGLISH), part.to_string());
        let chinese = part.described_in(&CHINESE);
        assert!(is_chinese(&chinese), "not Chinese: {chinese}");
        for value in values {
            assert!(chinese.contains(value), "{value} not in {chinese}");
        }
    }
}

#[test]
fn a_whole_reason_is_joined_as_each_language_joins_findings() {
    let reason = Reason::of(ReasonPart::NameExact {
        name: s("Acme Ltd"),
    })
    .and(ReasonPart::EqualsItem { item: s("INV-3") })
    .and(ReasonPart::ChosenByAmount { code: s("C001") });
    assert_eq!(
        reason.to_string(),
        "name 'Acme Ltd' in the text; amount equals INV-3 open; \
         C001 chosen: only its open items fit the amount"
    );
    assert_eq!(reason.described_in(&ENGLISH), reason.to_string());
    let chinese = reason.described_in(&CHINESE);
    assert_eq!(chinese.matches('；').count(), 2, "{chinese}");
    assert!(!chinese.contains("; "), "{chinese}");
    assert!(chinese.contains("“Acme Ltd”"), "{chinese}");
}

#[test]
fn a_refused_payment_is_said_as_the_book_says_its_error() {
    let refusal = Refusal::new(StoreError::UnknownCustomer("C999".into()));
    assert_eq!(refusal.described_in(&ENGLISH), refusal.to_string());
    assert_eq!(refusal.to_string(), refusal.error().to_string());
    let chinese = refusal.described_in(&CHINESE);
    assert!(
        is_chinese(&chinese) && chinese.contains("C999"),
        "{chinese}"
    );
    // Serialised (the import's JSON) as its English text.
    assert_eq!(
        serde_json::to_string(&refusal).unwrap(),
        serde_json::to_string(&refusal.to_string()).unwrap()
    );
}
