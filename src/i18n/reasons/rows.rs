//! Why a row of a bank file is set apart, said in the language chosen: the look-alike
//! that makes it a probable duplicate ([`Resembles`]) and an amount the book cannot
//! hold ([`Unpostable`]); and why a payment's money goes elsewhere than its row said
//! ([`Redirect`]). The English is word for word their `Display` (the CSV's);
//! line and import numbers are positions, passed as text so they are never grouped.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::super::errors::Described;
use crate::import::{Gone, Redirect, Resembles, Then, Unpostable};
use crate::store::Lookalike;

impl Described for Resembles {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match &self.0 {
            // Only the tally asked; there is nothing to say.
            None => String::new(),
            Some(Lookalike::BankRow {
                file_name,
                line,
                batch_id,
            }) => fl!(
                loader,
                "reason-same-as-bank-row",
                line = line.to_string(),
                file = file_name.as_str(),
                batch = batch_id.to_string()
            ),
            Some(Lookalike::Payment { number, customer }) => fl!(
                loader,
                "reason-same-as-payment",
                number = number.as_str(),
                customer = customer.as_str()
            ),
        }
    }
}

impl Described for Unpostable {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        fl!(
            loader,
            "reason-unpostable",
            amount = self.amount.as_str(),
            currency = self.currency.as_str(),
            decimals = self.decimals.to_string()
        )
    }
}

impl Described for Redirect {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        let gone: Vec<String> = self
            .gone
            .iter()
            .map(|gone| match gone {
                Gone::PaidBy { number, line } => fl!(
                    loader,
                    "reason-paid-by-line",
                    number = number.as_str(),
                    line = line.to_string()
                ),
                Gone::PartlyPaidBy { number, line } => fl!(
                    loader,
                    "reason-partly-paid-by-line",
                    number = number.as_str(),
                    line = line.to_string()
                ),
                Gone::NothingOpen { number } => {
                    fl!(loader, "reason-nothing-open", number = number.as_str())
                }
            })
            .collect();
        let why = gone.join(&fl!(loader, "reason-and"));
        match &self.then {
            Then::AppliedTo(names) => fl!(
                loader,
                "reason-redirect-applied-to",
                why = why,
                names = names.join(&fl!(loader, "reason-list-and"))
            ),
            Then::OldestFirst => fl!(loader, "reason-redirect-oldest-first", why = why),
            Then::Unapplied => fl!(loader, "reason-redirect-unapplied", why = why),
            Then::UnappliedLeft(amount) => fl!(
                loader,
                "reason-redirect-unapplied-left",
                why = why,
                amount = amount.as_str()
            ),
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::i18n::{Language, loader_for};

    /// In English as `Display` writes it; in Chinese, Chinese with each of `values`.
    use super::super::tests::said_both_ways;

    #[test]
    fn in_english_as_displayed_and_in_chinese_with_the_values() {
        said_both_ways(
            &Resembles(Some(Lookalike::BankRow {
                file_name: "nov.csv".into(),
                line: 1204,
                batch_id: 7,
            })),
            &["nov.csv", "1204", "7"],
        );
        said_both_ways(
            &Resembles(Some(Lookalike::Payment {
                number: "PAY-9".into(),
                customer: "C001".into(),
            })),
            &["PAY-9", "C001"],
        );
        said_both_ways(
            &Unpostable {
                amount: "29.005".into(),
                currency: "USD".into(),
                decimals: 2,
            },
            &["29.005", "USD", "2"],
        );
        let redirect = |then| Redirect {
            gone: vec![
                Gone::PaidBy {
                    number: "INV-1".into(),
                    line: 2,
                },
                Gone::NothingOpen {
                    number: "INV-3".into(),
                },
            ],
            then,
        };
        said_both_ways(
            &redirect(Then::AppliedTo(vec!["INV-4".into(), "INV-5".into()])),
            &["INV-1", "2", "INV-3", "INV-4", "INV-5"],
        );
        said_both_ways(&redirect(Then::OldestFirst), &["INV-1", "INV-3"]);
        said_both_ways(&redirect(Then::Unapplied), &["INV-1", "INV-3"]);
        said_both_ways(
            &Redirect {
                gone: vec![Gone::PartlyPaidBy {
                    number: "INV-2".into(),
                    line: 1042,
                }],
                then: Then::UnappliedLeft("12.50".into()),
            },
            &["INV-2", "1042", "12.50"],
        );
        // Only the tally asked: nothing to say in either language.
        let unsaid = Resembles(None);
        assert_eq!(unsaid.to_string(), "");
        assert_eq!(
            unsaid.described_in(&loader_for(Language::SimplifiedChinese)),
            ""
        );
    }
}
