//! What is wrong in an OFX or CAMT.053 file, in the language chosen: markup that cannot
//! be read or holds no statement ([`MarkupProblem`]), what a value must be
//! ([`ExpectedValue`]) and what lacks an element ([`FieldHolder`]). The English is the
//! values' `Display` word for word (the tests hold them together); the file's own text
//! and tag names, and the XML reader's own words, are given as they are.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::super::Described;
use crate::import::{ExpectedValue, FieldHolder, MarkupProblem};

impl Described for MarkupProblem {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            MarkupProblem::TooDeep { most } => {
                fl!(loader, "import-markup-too-deep", most = most.to_string())
            }
            MarkupProblem::NeverClosed { start, end } => fl!(
                loader,
                "import-markup-never-closed",
                start = start.as_str(),
                end = end.to_string()
            ),
            MarkupProblem::NotATag { text } => {
                fl!(loader, "import-markup-not-a-tag", text = text.as_str())
            }
            MarkupProblem::NotWellFormed(error) => fl!(
                loader,
                "import-markup-not-well-formed",
                error = error.as_str()
            ),
            MarkupProblem::UnknownEntity { name } => {
                fl!(loader, "import-markup-unknown-entity", name = name.as_str())
            }
            MarkupProblem::EndsInside { element } => fl!(
                loader,
                "import-markup-ends-inside",
                element = element.as_str()
            ),
            MarkupProblem::NoOfxStatement => fl!(loader, "import-markup-no-ofx-statement"),
            MarkupProblem::OfxTransactionOutside => fl!(loader, "import-markup-ofx-outside"),
            MarkupProblem::NoCamtStatement => fl!(loader, "import-markup-no-camt-statement"),
            MarkupProblem::CamtEntryOutside => fl!(loader, "import-markup-camt-outside"),
            MarkupProblem::EntryDoesNotAddUp { count, sum, amount } => fl!(
                loader,
                "import-markup-entry-sum",
                count = count.to_string(),
                // The file's amounts as it writes them: never grouped.
                sum = sum.to_string(),
                amount = amount.to_string()
            ),
        }
    }
}

impl Described for ExpectedValue {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            ExpectedValue::OfxDate => fl!(loader, "import-expected-ofx-date"),
            ExpectedValue::OfxAmount => fl!(loader, "import-expected-amount"),
            ExpectedValue::CamtAmount => fl!(loader, "import-expected-camt-amount"),
            ExpectedValue::CreditOrDebit => fl!(loader, "import-expected-credit-or-debit"),
            ExpectedValue::IsoDate => fl!(loader, "import-expected-iso-date"),
            ExpectedValue::EntryStatus => fl!(loader, "import-expected-entry-status"),
        }
    }
}

impl Described for FieldHolder {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            FieldHolder::OfxTransaction => fl!(loader, "import-lacking-ofx-transaction"),
            FieldHolder::CamtEntry => fl!(loader, "import-lacking-camt-entry"),
            FieldHolder::Element(name) => {
                fl!(loader, "import-lacking-element", name = name.as_str())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::errors::said::{assert_chinese, chinese, english};
    use rust_decimal::Decimal;

    use super::*;
    use crate::import::ImportError;

    /// Each problem and the values its Chinese must still hold.
    fn problems() -> Vec<(MarkupProblem, Vec<&'static str>)> {
        vec![
            (MarkupProblem::TooDeep { most: 1024 }, vec!["1024"]),
            (
                MarkupProblem::NeverClosed {
                    start: "<!-- exported by…".into(),
                    end: "-->",
                },
                vec!["<!-- exported by…", "-->"],
            ),
            (
                MarkupProblem::NotATag {
                    text: "< 12 >".into(),
                },
                vec!["< 12 >"],
            ),
            (
                MarkupProblem::NotWellFormed(
                    "ill-formed document: expected `</b>`, but `</c>` was found".into(),
                ),
                vec!["ill-formed document: expected `</b>`, but `</c>` was found"],
            ),
            (
                MarkupProblem::UnknownEntity {
                    name: "nbsp".into(),
                },
                vec!["&nbsp;"],
            ),
            (
                MarkupProblem::EndsInside {
                    element: "Stmt".into(),
                },
                vec!["<Stmt>"],
            ),
            (
                MarkupProblem::NoOfxStatement,
                vec!["OFX", "STMTRS", "CCSTMTRS"],
            ),
            (MarkupProblem::OfxTransactionOutside, vec!["STMTTRN"]),
            (
                MarkupProblem::NoCamtStatement,
                vec!["CAMT.053", "BkToCstmrStmt/Stmt"],
            ),
            (MarkupProblem::CamtEntryOutside, vec!["Ntry"]),
            (
                MarkupProblem::EntryDoesNotAddUp {
                    count: 3,
                    sum: Decimal::new(-125000, 2),
                    amount: Decimal::new(-120000, 2),
                },
                vec!["3", "TxDtls", "-1250.00", "-1200.00"],
            ),
        ]
    }

    #[test]
    fn markup_problems_say_in_english_what_their_display_says() {
        for (problem, _) in problems() {
            assert_eq!(english(&problem), problem.to_string());
            let error = ImportError::Markup {
                file: "bank.xml".into(),
                line: 1234,
                problem,
            };
            assert_eq!(english(&error), error.to_string());
        }
    }

    #[test]
    fn markup_problems_say_it_in_chinese_with_their_values() {
        for (problem, values) in problems() {
            assert_chinese(&problem, &values);
            assert!(!chinese(&problem).contains("statement"), "{problem}");
        }
        let error = ImportError::Markup {
            file: "bank.ofx".into(),
            line: 1234,
            problem: MarkupProblem::NoOfxStatement,
        };
        assert_chinese(&error, &["bank.ofx", "第 1234 行", "OFX"]);
    }

    #[test]
    fn what_a_value_must_be_is_said_in_either_language() {
        let all = [
            (ExpectedValue::OfxDate, vec!["OFX", "YYYYMMDD…"]),
            (ExpectedValue::OfxAmount, vec!["金额"]),
            (ExpectedValue::CamtAmount, vec!["金额"]),
            (ExpectedValue::CreditOrDebit, vec!["CRDT", "DBIT"]),
            (ExpectedValue::IsoDate, vec!["ISO 8601", "YYYY-MM-DD"]),
            (ExpectedValue::EntryStatus, vec!["BOOK", "PDNG", "INFO"]),
        ];
        for (expected, values) in all {
            assert_eq!(english(&expected), expected.to_string());
            assert_chinese(&expected, &values);
            let error = ImportError::BadValue {
                file: "bank.xml".into(),
                line: 1234,
                field: "Amt".into(),
                text: "1OO".into(),
                expected,
            };
            assert_eq!(english(&error), error.to_string());
            assert_chinese(&error, &["bank.xml", "1234", "<Amt>", "1OO"]);
        }
    }

    #[test]
    fn what_lacks_an_element_is_said_in_either_language() {
        let all = [
            (FieldHolder::OfxTransaction, "STMTTRN"),
            (FieldHolder::CamtEntry, "Ntry"),
            (FieldHolder::Element("BookgDt".into()), "<BookgDt>"),
        ];
        for (what, value) in all {
            assert_eq!(english(&what), what.to_string());
            assert_chinese(&what, &[value]);
            let error = ImportError::MissingField {
                file: "bank.xml".into(),
                line: 1234,
                what,
                field: "Dt".into(),
            };
            assert_eq!(english(&error), error.to_string());
            assert_chinese(&error, &["bank.xml", "1234", value, "<Dt>"]);
        }
    }
}
