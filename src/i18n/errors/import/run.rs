//! Why an import could not go on that is neither the file's fault nor the book's
//! ([`RunProblem`]), in the language chosen. The English is its `Display` word for word
//! (the tests hold them together); a money error inside it is said in the language
//! chosen too, serde's own words as they are.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::super::Described;
use crate::import::RunProblem;

impl Described for RunProblem {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            RunProblem::DecisionCount { decisions, rows } => fl!(
                loader,
                "import-run-decision-count",
                decisions = decisions.to_string(),
                rows = rows.to_string()
            ),
            RunProblem::Profile(error) => {
                fl!(loader, "import-run-profile", error = error.to_string())
            }
            RunProblem::KeptAmount { row, error } => fl!(
                loader,
                "import-run-kept-amount",
                // Ids and positions, not counts: never grouped.
                row = row.to_string(),
                error = error.described_in(loader)
            ),
            RunProblem::NotMoneyIn { row, amount } => fl!(
                loader,
                "import-run-not-money-in",
                row = row.to_string(),
                amount = amount.as_str()
            ),
            RunProblem::NoSuchRow { index } => {
                fl!(loader, "import-run-no-such-row", index = index.to_string())
            }
            RunProblem::RowChanged { file, line } => fl!(
                loader,
                "import-run-row-changed",
                file = file.as_str(),
                line = line.to_string()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MoneyError;
    use crate::i18n::errors::said::{chinese, english, has_chinese};
    use crate::import::RunError;

    /// Each problem and the values its Chinese must still hold.
    fn problems() -> Vec<(RunProblem, Vec<&'static str>)> {
        let serde = serde_json::from_str::<u8>("x").unwrap_err();
        vec![
            (
                RunProblem::DecisionCount {
                    decisions: 1200,
                    rows: 1201,
                },
                vec!["1200", "1201"],
            ),
            (
                RunProblem::Profile(serde),
                vec!["expected value at line 1 column 1"],
            ),
            (
                RunProblem::KeptAmount {
                    row: 1042,
                    error: MoneyError::NotAnAmount {
                        text: "12,5x".into(),
                        example: "1234.50",
                    },
                },
                vec!["1042", "12,5x", "1234.50"],
            ),
            (
                RunProblem::NotMoneyIn {
                    row: 1042,
                    amount: "-12.50".into(),
                },
                vec!["1042", "-12.50"],
            ),
            (RunProblem::NoSuchRow { index: 1500 }, vec!["1500"]),
            (
                RunProblem::RowChanged {
                    file: "bank.csv".into(),
                    line: 1234,
                },
                vec!["bank.csv", "1234"],
            ),
        ]
    }

    #[test]
    fn a_run_problem_says_in_english_what_its_display_says() {
        for (problem, _) in problems() {
            assert_eq!(english(&problem), problem.to_string());
            let error = RunError::Invalid(problem);
            assert_eq!(english(&error), error.to_string());
        }
    }

    #[test]
    fn a_run_problem_says_it_in_chinese_with_its_values() {
        for (problem, values) in problems() {
            let said = chinese(&RunError::Invalid(problem));
            assert!(has_chinese(&said), "{said}");
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
            assert!(!said.contains("bank row") && !said.contains("not money in"));
        }
    }
}
