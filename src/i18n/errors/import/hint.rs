//! Why something said about a bank file cannot be used ([`HintProblem`]), and how its
//! money columns are laid out ([`MoneyLayout`]), in the language chosen. The English
//! is the values' `Display` word for word (the tests hold them together); what comes
//! from the file (a row's cells, the header's names) and what the user typed (an
//! encoding, a column, a format) are given as they are.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::super::Described;
use crate::import::{HintProblem, MoneyLayout};

impl Described for HintProblem {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            HintProblem::UnknownEncoding { label } => fl!(
                loader,
                "import-hint-unknown-encoding",
                label = label.as_str()
            ),
            HintProblem::HeaderIsTransaction { line, row } => fl!(
                loader,
                "import-hint-header-is-transaction",
                line = line.to_string(),
                row = row.as_str()
            ),
            HintProblem::HeaderPastEnd { line } => fl!(
                loader,
                "import-hint-header-past-end",
                line = line.to_string()
            ),
            HintProblem::HeaderEmpty { line } => {
                fl!(loader, "import-hint-header-empty", line = line.to_string())
            }
            HintProblem::SignWithOwnDirection { layout } => fl!(
                loader,
                "import-hint-sign-own-columns",
                layout = layout.described_in(loader)
            ),
            HintProblem::NoSuchAmountColumn { name, names, width } => {
                let names = if names.is_empty() {
                    fl!(loader, "import-hint-no-header")
                } else {
                    names.join(&fl!(loader, "import-hint-column-separator"))
                };
                fl!(
                    loader,
                    "import-hint-no-such-amount-column",
                    name = name.as_str(),
                    names = names,
                    // A column number, as the English says it: never grouped.
                    width = width.to_string()
                )
            }
            HintProblem::BadDateFormat { format } => fl!(
                loader,
                "import-hint-bad-date-format",
                format = format.as_str()
            ),
        }
    }
}

impl Described for MoneyLayout {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            MoneyLayout::Signed => fl!(loader, "layout-signed-amount"),
            MoneyLayout::CardStatement => fl!(loader, "layout-card-statement"),
            MoneyLayout::DirectionColumn => fl!(loader, "layout-direction-column"),
            MoneyLayout::DebitCredit => fl!(loader, "layout-debit-credit"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::errors::said::{chinese, english, has_chinese};
    use crate::import::ImportError;

    /// Each problem and the values its Chinese must still hold.
    fn problems() -> Vec<(HintProblem, Vec<&'static str>)> {
        vec![
            (
                HintProblem::UnknownEncoding {
                    label: "latin-9x".into(),
                },
                vec!["latin-9x", "--encoding"],
            ),
            (
                HintProblem::HeaderIsTransaction {
                    line: 1234,
                    row: "2026-01-05 | Acme | 12.50".into(),
                },
                vec!["--header-line 1234", "2026-01-05 | Acme | 12.50"],
            ),
            (
                HintProblem::HeaderPastEnd { line: 99 },
                vec!["--header-line 99", "0"],
            ),
            (
                HintProblem::HeaderEmpty { line: 4 },
                vec!["--header-line 4", "0"],
            ),
            (
                HintProblem::SignWithOwnDirection {
                    layout: MoneyLayout::DebitCredit,
                },
                vec!["--sign", "借方、贷方分列"],
            ),
            (
                HintProblem::SignWithOwnDirection {
                    layout: MoneyLayout::DirectionColumn,
                },
                vec!["--sign", "收支方向列"],
            ),
            (
                HintProblem::NoSuchAmountColumn {
                    name: "nope".into(),
                    names: vec!["Date".into(), "Text".into(), "Amount".into()],
                    width: 1500,
                },
                vec!["--amount-column", "nope", "Date", "Text", "Amount", "1500"],
            ),
            (
                HintProblem::NoSuchAmountColumn {
                    name: "7".into(),
                    names: Vec::new(),
                    width: 3,
                },
                vec!["--amount-column", "7", "3", "表头"],
            ),
            (
                HintProblem::BadDateFormat {
                    format: "xx".into(),
                },
                vec!["xx", "--date-format", "%d/%m/%Y"],
            ),
        ]
    }

    #[test]
    fn a_hint_problem_says_in_english_what_its_display_says() {
        for (problem, _) in problems() {
            assert_eq!(english(&problem), problem.to_string());
            let error = ImportError::Hint {
                file: "bank.csv".into(),
                problem,
            };
            assert_eq!(english(&error), error.to_string());
        }
        // Numbers as the English writes them: never grouped.
        let (wide, _) = &problems()[6];
        assert!(
            english(wide).contains("from 1 to 1500,"),
            "{}",
            english(wide)
        );
    }

    #[test]
    fn a_hint_problem_says_it_in_chinese_with_its_values() {
        for (problem, values) in problems() {
            let said = chinese(&problem);
            assert!(has_chinese(&said), "{said}");
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
            assert!(!said.contains("the file"), "{said}");
        }
        let (listed, _) = &problems()[6];
        assert!(
            chinese(listed).contains("Date、Text、Amount"),
            "{}",
            chinese(listed)
        );
    }

    #[test]
    fn every_money_layout_is_said_in_either_language() {
        for layout in [
            MoneyLayout::Signed,
            MoneyLayout::CardStatement,
            MoneyLayout::DirectionColumn,
            MoneyLayout::DebitCredit,
        ] {
            assert_eq!(english(&layout), layout.to_string());
            assert!(has_chinese(&chinese(&layout)), "{}", chinese(&layout));
        }
    }
}
