//! Why a bank row was kept as it was ([`KeptWhy`]), said in the language chosen on the
//! import screen's "left unmatched earlier" panel and by `owed import unmatched`. The
//! English is word for word the row's stored `reason`; a row kept without its parts
//! (by an earlier Owed, or refused by the book at commit) is shown as that text.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::super::errors::Described;
use crate::import::KeptWhy;
use crate::store::KeptBankRow;

impl Described for KeptWhy {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            KeptWhy::Suggested { code, reason, note } => {
                let mut why = reason.described_in(loader);
                if let Some(note) = note {
                    why.push_str(&fl!(loader, "reason-and"));
                    why.push_str(&note.described_in(loader));
                }
                fl!(loader, "kept-suggested", code = code.as_str(), why = why)
            }
            KeptWhy::Redirected(note) => note.described_in(loader),
            KeptWhy::ProbableDuplicate(why) => fl!(
                loader,
                "kept-probable-duplicate",
                why = why.described_in(loader)
            ),
            KeptWhy::Unpostable(why) => why.described_in(loader),
        }
    }
}

/// Why `row` was kept, in `loader`'s language where its parts were kept, else as
/// stored; `None` when nothing was said.
pub fn kept_row_said_in(row: &KeptBankRow, loader: &FluentLanguageLoader) -> Option<String> {
    match row.said.as_deref().and_then(KeptWhy::from_json) {
        Some(why) => Some(why.described_in(loader)),
        None => row.reason.clone(),
    }
}

/// [`kept_row_said_in`] the language chosen.
pub fn kept_row_said(row: &KeptBankRow) -> Option<String> {
    kept_row_said_in(row, &crate::i18n::LOADER)
}

/// The customer `row` was suggested for: from its parts, or from a row kept before
/// them, whose reason began `CODE: ` (a code has no spaces).
pub fn kept_row_suggested(row: &KeptBankRow) -> Option<String> {
    match row.said.as_deref().and_then(KeptWhy::from_json) {
        Some(why) => why.suggested().map(str::to_string),
        None => row
            .reason
            .as_deref()
            .and_then(|r| r.split_once(':'))
            .map(|(code, _)| code)
            .filter(|code| !code.contains(' ') && !code.is_empty())
            .map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::i18n::{Language, loader_for};
    use crate::import::matching::{Reason, ReasonPart};
    use crate::import::{Gone, Redirect, Resembles, Then, Unpostable};
    use crate::store::{BankRowStatus, Lookalike};

    fn row(why: Option<&KeptWhy>, reason: Option<&str>) -> KeptBankRow {
        KeptBankRow {
            id: 1,
            batch_id: 1,
            line: 2,
            date: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
            amount: "120".into(),
            currency: None,
            description: "ACME PAYMENT".into(),
            reference: None,
            counterparty: None,
            status: BankRowStatus::Unmatched,
            customer: None,
            document: None,
            reason: reason.map(str::to_string).or(why.map(ToString::to_string)),
            said: why.map(KeptWhy::to_json),
        }
    }

    fn kinds() -> Vec<KeptWhy> {
        vec![
            KeptWhy::Suggested {
                code: "C001".into(),
                reason: Reason::of(ReasonPart::NameExact {
                    name: "Acme Ltd".into(),
                }),
                note: Some(Redirect {
                    gone: vec![Gone::NothingOpen {
                        number: "INV-7".into(),
                    }],
                    then: Then::Unapplied,
                }),
            },
            KeptWhy::ProbableDuplicate(Resembles(Some(Lookalike::Payment {
                number: "PAY-3".into(),
                customer: "C002".into(),
            }))),
            KeptWhy::Unpostable(Unpostable {
                amount: "10.005".into(),
                currency: "USD".into(),
                decimals: 2,
            }),
        ]
    }

    #[test]
    fn in_english_word_for_word_as_stored_and_in_chinese_with_its_values() {
        let (english, chinese) = (
            loader_for(Language::English),
            loader_for(Language::SimplifiedChinese),
        );
        for (why, values) in kinds().iter().zip([
            &["C001", "Acme Ltd", "INV-7"][..],
            &["PAY-3", "C002"],
            &["10.005", "USD"],
        ]) {
            let kept = row(Some(why), None);
            assert_eq!(kept_row_said_in(&kept, &english), kept.reason);
            let said = kept_row_said_in(&kept, &chinese).unwrap();
            assert!(
                said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "not Chinese: {said}"
            );
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
        }
    }

    #[test]
    fn a_row_kept_before_its_parts_were_is_shown_as_stored() {
        let old = row(None, Some("C001: exact name match: Acme Ltd"));
        let chinese = loader_for(Language::SimplifiedChinese);
        assert_eq!(
            kept_row_said_in(&old, &chinese).as_deref(),
            Some("C001: exact name match: Acme Ltd")
        );
        assert_eq!(kept_row_suggested(&old).as_deref(), Some("C001"));
        let refused = row(None, Some("not posted: unknown customer C9"));
        assert_eq!(kept_row_suggested(&refused), None);
        assert_eq!(kept_row_said_in(&row(None, None), &chinese), None);
    }

    #[test]
    fn the_suggested_customer_comes_from_the_parts() {
        let kinds = kinds();
        assert_eq!(
            kept_row_suggested(&row(Some(&kinds[0]), None)).as_deref(),
            Some("C001")
        );
        assert_eq!(kept_row_suggested(&row(Some(&kinds[1]), None)), None);
    }
}
