//! Why a spreadsheet's cell is refused ([`FieldProblem`]) in the language chosen; the
//! English is the `Display` word for word (a test holds them together).

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use crate::load::FieldProblem;

impl Described for FieldProblem {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            FieldProblem::Empty => fl!(loader, "load-field-empty"),
            FieldProblem::Date(e) => e.described_in(loader),
            FieldProblem::Money(e) => e.described_in(loader),
            FieldProblem::NotPositive { text } => {
                fl!(loader, "load-field-not-positive", text = text.as_str())
            }
            FieldProblem::Terms(e) => e.described_in(loader),
            FieldProblem::NotYesNo { text } => {
                fl!(loader, "load-field-not-yes-no", text = text.as_str())
            }
            FieldProblem::Customer(e) => e.described_in(loader),
            FieldProblem::Email(e) => e.described_in(loader),
            FieldProblem::DueBeforeDate { date } => {
                fl!(
                    loader,
                    "load-field-due-before-date",
                    date = date.to_string()
                )
            }
            FieldProblem::OpenOutOfRange { open, amount } => fl!(
                loader,
                "load-field-open-out-of-range",
                open = open.as_str(),
                amount = amount.as_str()
            ),
            FieldProblem::Apply(e) => e.described_in(loader),
            FieldProblem::NotAnInvoiceToApply { piece } => {
                fl!(loader, "load-field-not-an-invoice", piece = piece.as_str())
            }
            FieldProblem::NamesNoInvoice { text } => {
                fl!(loader, "load-field-names-no-invoice", text = text.as_str())
            }
            FieldProblem::Unnamed { value } => {
                fl!(loader, "load-field-unnamed", value = value.as_str())
            }
            FieldProblem::OtherName {
                code,
                existing,
                name,
            } => fl!(
                loader,
                "load-field-other-name",
                code = code.as_str(),
                existing = existing.as_str(),
                name = name.as_str()
            ),
            FieldProblem::UnknownCustomer { code } => {
                fl!(loader, "load-field-unknown-customer", code = code.as_str())
            }
            FieldProblem::OtherKind {
                number,
                found,
                kind,
            } => fl!(
                loader,
                "load-field-other-kind",
                number = number.as_str(),
                found = super::store::document_kind(loader, found.as_str()),
                kind = super::store::document_kind(loader, kind.as_str())
            ),
            FieldProblem::OtherAmount {
                number,
                found,
                amount,
            } => fl!(
                loader,
                "load-field-other-amount",
                number = number.as_str(),
                found = found.as_str(),
                amount = amount.as_str()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerError;
    use crate::domain::document::DocKind;
    use crate::i18n::{Language, loader_for};

    #[test]
    fn a_refused_cell_says_the_same_in_english_and_speaks_chinese() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        for (problem, values) in [
            (FieldProblem::Empty, vec![]),
            (FieldProblem::NotPositive { text: "-5".into() }, vec!["-5"]),
            (
                FieldProblem::NotYesNo {
                    text: "maybe".into(),
                },
                vec!["maybe"],
            ),
            (
                FieldProblem::Customer(CustomerError::BadTier("Q".into())),
                vec!["Q"],
            ),
            (FieldProblem::DueBeforeDate { date }, vec!["2026-10-01"]),
            (
                FieldProblem::OpenOutOfRange {
                    open: "120.00".into(),
                    amount: "100.00".into(),
                },
                vec!["120.00", "100.00"],
            ),
            (
                FieldProblem::NotAnInvoiceToApply { piece: "x".into() },
                vec!["x"],
            ),
            (FieldProblem::NamesNoInvoice { text: ";".into() }, vec![";"]),
            (FieldProblem::Unnamed { value: "7".into() }, vec!["7"]),
            (
                FieldProblem::OtherName {
                    code: "C1".into(),
                    existing: "Acme".into(),
                    name: "Acme Ltd".into(),
                },
                vec!["C1", "Acme", "Acme Ltd"],
            ),
            (
                FieldProblem::UnknownCustomer { code: "C9".into() },
                vec!["C9"],
            ),
            (
                FieldProblem::OtherKind {
                    number: "INV-1".into(),
                    found: DocKind::Payment,
                    kind: DocKind::Invoice,
                },
                vec!["INV-1"],
            ),
            (
                FieldProblem::OtherAmount {
                    number: "INV-1".into(),
                    found: "10.00".into(),
                    amount: "12.00".into(),
                },
                vec!["INV-1", "10.00", "12.00"],
            ),
        ] {
            let english = problem.described_in(&loader_for(Language::English));
            assert_eq!(english, problem.to_string());
            let chinese = problem.described_in(&loader_for(Language::SimplifiedChinese));
            assert!(
                chinese
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{chinese}"
            );
            for value in values {
                assert!(chinese.contains(value), "{value} not in {chinese}");
            }
        }
    }
}
