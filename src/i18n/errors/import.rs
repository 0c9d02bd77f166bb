//! What the bank import's, the spreadsheet load's and the file reading's errors say on
//! the screens. Line numbers are positions, not counts: they are passed as text, so
//! they are never grouped (`line 1234`, as the `Display` says, not `line 1,234`).

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::Described;
use crate::files::WholeError;
use crate::files::read::ReadError;
use crate::import::{ImportError, RunError};
use crate::load::LoadError;

mod hint;
mod markup;
mod run;

impl Described for ImportError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            ImportError::NotAStatement { file, why } => fl!(
                loader,
                "error-import-not-a-statement",
                file = file.as_str(),
                message = why.described_in(loader)
            ),
            ImportError::Empty { file } => fl!(loader, "error-import-empty", file = file.as_str()),
            ImportError::Undecodable {
                file,
                line,
                encoding,
            } => fl!(
                loader,
                "error-import-undecodable",
                file = file.as_str(),
                line = line.to_string(),
                encoding = encoding.as_str()
            ),
            ImportError::Hint { file, problem } => fl!(
                loader,
                "error-import-hint",
                file = file.as_str(),
                message = problem.described_in(loader)
            ),
            ImportError::NoTransactions { file, line } => fl!(
                loader,
                "error-import-no-transactions",
                file = file.as_str(),
                line = line.to_string()
            ),
            ImportError::NoAmountColumn { file, line } => fl!(
                loader,
                "error-import-no-amount-column",
                file = file.as_str(),
                line = line.to_string()
            ),
            ImportError::AmbiguousDates {
                file,
                line,
                column,
                text,
                choices,
            } => fl!(
                loader,
                "error-import-ambiguous-dates",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str(),
                text = text.as_str(),
                choices = choices.as_str()
            ),
            ImportError::MissingYear {
                file,
                line,
                column,
                text,
            } => fl!(
                loader,
                "error-import-missing-year",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str(),
                text = text.as_str()
            ),
            ImportError::BadDate {
                file,
                line,
                column,
                text,
                format,
            } => fl!(
                loader,
                "error-import-bad-date",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str(),
                text = text.as_str(),
                format = format.as_str()
            ),
            ImportError::AmbiguousDecimal {
                file,
                line,
                column,
                text,
            } => fl!(
                loader,
                "error-import-ambiguous-decimal",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str(),
                text = text.as_str()
            ),
            ImportError::SplitAmount {
                file,
                line,
                column,
                text,
            } => fl!(
                loader,
                "error-import-split-amount",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str(),
                text = text.as_str()
            ),
            ImportError::BadAmount {
                file,
                line,
                column,
                text,
            } => fl!(
                loader,
                "error-import-bad-amount",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str(),
                text = text.as_str()
            ),
            ImportError::MissingAmount { file, line, column } => fl!(
                loader,
                "error-import-missing-amount",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str()
            ),
            ImportError::BadDirection {
                file,
                line,
                column,
                text,
            } => fl!(
                loader,
                "error-import-bad-direction",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str(),
                text = text.as_str()
            ),
            ImportError::Markup {
                file,
                line,
                problem,
            } => fl!(
                loader,
                "error-import-markup",
                file = file.as_str(),
                line = line.to_string(),
                message = problem.described_in(loader)
            ),
            ImportError::BadValue {
                file,
                line,
                field,
                text,
                expected,
            } => fl!(
                loader,
                "error-import-bad-value",
                file = file.as_str(),
                line = line.to_string(),
                field = field.as_str(),
                text = text.as_str(),
                expected = expected.described_in(loader)
            ),
            ImportError::MissingField {
                file,
                line,
                what,
                field,
            } => fl!(
                loader,
                "error-import-missing-field",
                file = file.as_str(),
                line = line.to_string(),
                what = what.described_in(loader),
                field = field.as_str()
            ),
            ImportError::AmbiguousSign { file, line, why } => fl!(
                loader,
                "error-import-ambiguous-sign",
                file = file.as_str(),
                line = line.to_string(),
                why = why.described_in(loader)
            ),
            ImportError::BothSides {
                file,
                line,
                debit,
                credit,
            } => fl!(
                loader,
                "error-import-both-sides",
                file = file.as_str(),
                line = line.to_string(),
                debit = debit.as_str(),
                credit = credit.as_str()
            ),
        }
    }
}

impl Described for RunError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            RunError::Read(error) => error.described_in(loader),
            RunError::Book(error) => error.described_in(loader),
            RunError::Invalid(problem) => fl!(
                loader,
                "error-run-invalid",
                reason = problem.described_in(loader)
            ),
        }
    }
}

impl Described for LoadError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            LoadError::UnknownKind(kind) => {
                fl!(loader, "error-load-unknown-kind", kind = kind.as_str())
            }
            LoadError::Io { file, source } => fl!(
                loader,
                "error-load-io",
                file = file.as_str(),
                error = super::io_text(source, loader)
            ),
            LoadError::NotAFile { file, what } => fl!(
                loader,
                "error-load-refused",
                file = file.as_str(),
                message = what.described_in(loader)
            ),
            LoadError::TooBig { file, size, most } => fl!(
                loader,
                "error-load-too-big",
                file = file.as_str(),
                size = size.as_str(),
                most = most.as_str()
            ),
            LoadError::Empty { file } => fl!(loader, "error-load-empty", file = file.as_str()),
            LoadError::UnknownColumn {
                file,
                column,
                kind,
                known,
            } => fl!(
                loader,
                "error-load-unknown-column",
                file = file.as_str(),
                column = column.as_str(),
                // `customers`, `invoices` or `payments`: the Chinese selects its word.
                kind = kind.as_str(),
                known = known.as_str()
            ),
            LoadError::DuplicateColumn { file, column } => fl!(
                loader,
                "error-load-duplicate-column",
                file = file.as_str(),
                column = column.as_str()
            ),
            LoadError::MissingColumn { file, column } => fl!(
                loader,
                "error-load-missing-column",
                file = file.as_str(),
                column = column.as_str()
            ),
            LoadError::Row {
                file,
                line,
                message,
            } => fl!(
                loader,
                "error-load-row",
                file = file.as_str(),
                line = line.to_string(),
                message = message.as_str()
            ),
            LoadError::Field {
                file,
                line,
                column,
                problem,
            } => fl!(
                loader,
                "error-load-field",
                file = file.as_str(),
                line = line.to_string(),
                column = column.as_str(),
                message = problem.described_in(loader)
            ),
            LoadError::Posting { file, line, error } => fl!(
                loader,
                "error-load-row",
                file = file.as_str(),
                line = line.to_string(),
                message = error.described_in(loader)
            ),
            LoadError::Store { file, source } => fl!(
                loader,
                "error-load-store",
                file = file.as_str(),
                error = source.described_in(loader)
            ),
        }
    }
}

impl Described for ReadError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            ReadError::NotAFile(what) => what.described_in(loader),
            ReadError::TooBig(size) => fl!(loader, "error-read-too-big", size = size.as_str()),
            ReadError::Io(error) => fl!(
                loader,
                "error-read-io",
                error = super::io_text(error, loader)
            ),
        }
    }
}

/// `WholeError` has no `Display`: its I/O side says the I/O error, its content side
/// what the content's error says.
impl<E: Described> Described for WholeError<E> {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            WholeError::Io(error) => fl!(
                loader,
                "error-whole-io",
                error = super::io_text(error, loader)
            ),
            WholeError::Content(error) => error.described_in(loader),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::errors::said::{assert_chinese, chinese, english};
    use std::io;

    use super::*;
    use crate::load::LoadKind;

    fn import_errors() -> Vec<ImportError> {
        vec![
            ImportError::Empty {
                file: "bank.csv".into(),
            },
            ImportError::Undecodable {
                file: "bank.csv".into(),
                line: 1234,
                encoding: "UTF-8".into(),
            },
            ImportError::AmbiguousDates {
                file: "bank.csv".into(),
                line: 7,
                column: "1 (Date)".into(),
                text: "03/04/2026".into(),
                choices: "--date-format %d/%m/%Y or --date-format %m/%d/%Y".into(),
            },
            ImportError::AmbiguousDecimal {
                file: "bank.csv".into(),
                line: 3,
                column: "4 (Amount)".into(),
                text: "1.250".into(),
            },
            ImportError::SplitAmount {
                file: "bank.csv".into(),
                line: 9,
                column: "4 (Amount)".into(),
                text: "12".into(),
            },
            ImportError::BadValue {
                file: "bank.ofx".into(),
                line: 12,
                field: "TRNAMT".into(),
                text: "abc".into(),
                expected: crate::import::ExpectedValue::OfxAmount,
            },
            ImportError::AmbiguousSign {
                file: "card.csv".into(),
                line: 2,
                why: crate::import::SignDoubt {
                    card: crate::import::CardSeen::Column("Card number".into()),
                    rows: crate::import::DoubtRows::ReadsLikeCard(9),
                },
            },
            ImportError::BothSides {
                file: "bank.csv".into(),
                line: 5,
                debit: "3 (Debit)".into(),
                credit: "4 (Credit)".into(),
            },
        ]
    }

    #[test]
    fn import_errors_say_in_english_what_their_display_says() {
        for error in import_errors() {
            assert_eq!(english(&error), error.to_string());
        }
    }

    #[test]
    fn import_errors_say_it_in_chinese_with_their_values() {
        assert_chinese(
            &import_errors()[1],
            &["bank.csv", "1234", "UTF-8", "--encoding"],
        );
        assert_chinese(
            &import_errors()[2],
            &["7", "1 (Date)", "03/04/2026", "--date-format %d/%m/%Y"],
        );
        assert_chinese(&import_errors()[5], &["12", "<TRNAMT>", "abc", "有效金额"]);
        assert_chinese(&import_errors()[7], &["5", "3 (Debit)", "4 (Credit)"]);
    }

    #[test]
    fn run_errors_delegate_or_say_their_reason() {
        let read = RunError::Read(ImportError::NoAmountColumn {
            file: "bank.csv".into(),
            line: 4,
        });
        assert_eq!(english(&read), read.to_string());
        assert_chinese(&read, &["bank.csv", "4", "金额列"]);
        let invalid = RunError::Invalid(crate::import::RunProblem::NoSuchRow { index: 7 });
        assert_eq!(english(&invalid), invalid.to_string());
        assert_chinese(&invalid, &["7"]);
    }

    #[test]
    fn load_errors_say_in_english_what_their_display_says() {
        let errors = [
            LoadError::UnknownKind("vendors".into()),
            LoadError::Io {
                file: "list.csv".into(),
                source: io::Error::new(io::ErrorKind::NotFound, "no such file"),
            },
            LoadError::Empty {
                file: "list.csv".into(),
            },
            LoadError::UnknownColumn {
                file: "list.csv".into(),
                column: "colour".into(),
                kind: LoadKind::Customers,
                known: "code, name, email".into(),
            },
            LoadError::Field {
                file: "list.csv".into(),
                line: 1042,
                column: "amount".into(),
                problem: Box::new(crate::load::FieldProblem::NotPositive { text: "x".into() }),
            },
        ];
        for error in &errors {
            assert_eq!(english(error), error.to_string());
        }
        assert_chinese(&errors[0], &["vendors", "customers"]);
        assert_chinese(
            &errors[3],
            &["list.csv", "colour", "客户", "code, name, email"],
        );
        // The cell's problem said in Chinese too, no longer the English inside.
        assert_chinese(&errors[4], &["1042", "amount", "“x”必须大于零"]);
    }

    #[test]
    fn load_errors_name_the_kind_of_load_in_chinese() {
        let of = |kind| LoadError::UnknownColumn {
            file: "list.csv".into(),
            column: "colour".into(),
            kind,
            known: "…".into(),
        };
        assert!(chinese(&of(LoadKind::Invoices)).contains("发票"));
        assert!(chinese(&of(LoadKind::Payments)).contains("收款"));
    }

    #[test]
    fn read_errors_say_in_english_what_their_display_says() {
        let errors = [
            ReadError::NotAFile(crate::files::read::NotAFile::Device),
            ReadError::TooBig("300 MB".into()),
            ReadError::Io(io::Error::new(io::ErrorKind::PermissionDenied, "denied")),
        ];
        for error in &errors {
            assert_eq!(english(error), error.to_string());
        }
        assert_chinese(&errors[1], &["300 MB"]);
    }

    #[test]
    fn whole_errors_say_the_io_error_or_the_contents() {
        // `WholeError` has no `Display`: its parts are compared instead.
        let io = WholeError::<ImportError>::Io(io::Error::other("disk full"));
        assert_eq!(english(&io), "disk full");
        assert_eq!(chinese(&io), "disk full");
        let content = WholeError::Content(ImportError::Empty {
            file: "bank.csv".into(),
        });
        assert_eq!(english(&content), "bank.csv, line 1: the file is empty");
        assert_chinese(&content, &["bank.csv", "1"]);
    }
}
