//! What a posting says rather than refuses ([`PostingWarning`]), in the language shown:
//! the English is the sentence the command line has always printed.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use super::store::credit_refused;
use crate::store::PostingWarning;

impl Described for PostingWarning {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            PostingWarning::NoDiscount { number, terms } => fl!(
                loader,
                "warning-no-discount",
                number = number.as_str(),
                terms = terms.as_str()
            ),
            PostingWarning::Overridden { reason, refusal } => {
                // The refusal without its last clause, which says how to override it:
                // it was overridden.
                let refused = credit_refused(loader, refusal);
                let refused = refused
                    .rsplit_once("; ")
                    .or_else(|| refused.rsplit_once('；'))
                    .map_or(refused.as_str(), |(said, _)| said);
                fl!(
                    loader,
                    "warning-posted-with-override",
                    reason = reason.as_str(),
                    refused = refused
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerDraft;
    use crate::domain::document::DocKind;
    use crate::i18n::{Language, loader_for};
    use crate::store::{NewDebit, Store, StoreError};

    /// The warnings of an invoice over C001's limit of 50, posted with an override, on
    /// discount terms in two installments.
    fn warnings() -> Vec<PostingWarning> {
        let mut store = Store::open_in_memory(&crate::store::BookSettings::default()).unwrap();
        store
            .add_customer(&CustomerDraft {
                code: "C001".into(),
                name: "Acme Ltd".into(),
                credit_limit: Some(store.currency().parse("50").unwrap()),
                ..Default::default()
            })
            .unwrap();
        let new = NewDebit {
            customer: "C001".into(),
            kind: DocKind::Invoice,
            number: Some("INV-1".into()),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            amount: store.currency().parse("100").unwrap(),
            terms: Some("2/10 net 30".parse().unwrap()),
            due: None,
            plan: crate::domain::terms::Plan::Installments(2),
            reference: None,
            memo: None,
        };
        assert!(matches!(
            store.post_debit_overriding(&new, None),
            Err(StoreError::CreditRefused(_))
        ));
        store
            .post_debit_overriding(&new, Some("agreed with the owner"))
            .unwrap()
            .warnings
    }

    #[test]
    fn warnings_say_in_english_what_they_always_said_and_in_chinese_with_their_figures() {
        let warnings = warnings();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        let (english, chinese) = (
            loader_for(Language::English),
            loader_for(Language::SimplifiedChinese),
        );
        for warning in &warnings {
            assert_eq!(warning.described_in(&english), warning.to_string());
            let said = warning.described_in(&chinese);
            assert!(
                said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{said}"
            );
            assert!(!said.contains("--override"), "{said}");
        }
        let all: String = warnings.iter().map(|w| w.described_in(&chinese)).collect();
        for figure in [
            "INV-1",
            "2/10 net 30",
            "agreed with the owner",
            "C001",
            "50.00",
        ] {
            assert!(all.contains(figure), "{figure} in {all}");
        }
    }
}
