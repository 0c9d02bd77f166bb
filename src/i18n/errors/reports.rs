//! The errors of the reports, statements and letters, PDFs, exports and the demo.

use i18n_embed::fluent::FluentLanguageLoader;

use super::Described;
use crate::demo::DemoError;
use crate::export::ExportError;
use crate::export::journal::JournalError;
// `crate::pdf::aging` is private; the error is re-exported from `crate::pdf`.
use crate::pdf::{AgingPdfError, PdfError};
use crate::report::ReportError;
use crate::report::statement::StatementError;

impl Described for ReportError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            ReportError::Store(inner) => inner.described_in(loader),
            ReportError::EmptyRange { from, to } => i18n_embed_fl::fl!(
                loader,
                "error-report-empty-range",
                from = from.to_string(),
                to = to.to_string()
            ),
            ReportError::TooFarBack { date, days } => i18n_embed_fl::fl!(
                loader,
                "error-report-too-far-back",
                date = date.to_string(),
                days = days
            ),
        }
    }
}

impl Described for StatementError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            StatementError::Report(inner) => inner.described_in(loader),
            StatementError::Store(inner) => inner.described_in(loader),
            StatementError::Pdf(inner) => inner.described_in(loader),
            StatementError::Money(inner) => inner.described_in(loader),
            StatementError::Io { path, source } => i18n_embed_fl::fl!(
                loader,
                "error-statement-io",
                path = path.display().to_string(),
                error = super::io_text(source, loader)
            ),
            StatementError::BadSelection(selection) => i18n_embed_fl::fl!(
                loader,
                "error-statement-bad-selection",
                selection = selection.as_str()
            ),
            StatementError::NothingOverdue(customer) => i18n_embed_fl::fl!(
                loader,
                "error-statement-nothing-overdue",
                customer = customer.as_str()
            ),
            StatementError::NothingFallingDue(customer) => i18n_embed_fl::fl!(
                loader,
                "error-statement-nothing-falling-due",
                customer = customer.as_str()
            ),
            StatementError::LadderHolds { customer, reason } => i18n_embed_fl::fl!(
                loader,
                "error-statement-ladder-holds",
                customer = customer.as_str(),
                reason = reason.described_in(loader)
            ),
            StatementError::DoesNotTie {
                code,
                ledger,
                aging,
            } => i18n_embed_fl::fl!(
                loader,
                "error-statement-does-not-tie",
                code = code.as_str(),
                ledger = ledger.as_str(),
                aging = aging.as_str()
            ),
        }
    }
}

impl Described for PdfError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            PdfError::Font(reason) => {
                i18n_embed_fl::fl!(loader, "error-pdf-font", error = reason.as_str())
            }
            PdfError::Empty => i18n_embed_fl::fl!(loader, "error-pdf-empty"),
            PdfError::Write(error) => {
                i18n_embed_fl::fl!(
                    loader,
                    "error-pdf-write",
                    error = super::io_text(error, loader)
                )
            }
            PdfError::Assemble(reason) => {
                i18n_embed_fl::fl!(loader, "error-pdf-assemble", error = reason.as_str())
            }
        }
    }
}

impl Described for AgingPdfError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            // `#[error("{0}")]`: the PDF's own error, as a transparent one.
            AgingPdfError::Pdf(inner) => inner.described_in(loader),
            AgingPdfError::Write { path, error } => i18n_embed_fl::fl!(
                loader,
                "error-aging-pdf-write",
                path = path.as_str(),
                error = super::io_text(error, loader)
            ),
            AgingPdfError::Folder(path) => {
                i18n_embed_fl::fl!(loader, "error-aging-pdf-folder", path = path.as_str())
            }
        }
    }
}

/// A CSV writer's error: an I/O error inside it said as [`super::io_text`] says one.
fn csv_text(error: &csv::Error, loader: &FluentLanguageLoader) -> String {
    match error.kind() {
        csv::ErrorKind::Io(io) => super::io_text(io, loader),
        _ => error.to_string(),
    }
}

impl Described for ExportError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            ExportError::UnknownKind(kind) => {
                i18n_embed_fl::fl!(loader, "error-export-unknown-kind", kind = kind.as_str())
            }
            ExportError::Store(inner) => inner.described_in(loader),
            ExportError::Write(error) => {
                i18n_embed_fl::fl!(
                    loader,
                    "error-export-write",
                    error = csv_text(error, loader)
                )
            }
            ExportError::Journal(inner) => inner.described_in(loader),
            ExportError::FormatNotForCsv(kind) => i18n_embed_fl::fl!(
                loader,
                "error-export-format-not-for-csv",
                kind = kind.as_str()
            ),
        }
    }
}

impl Described for JournalError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            JournalError::UnknownFormat(format) => i18n_embed_fl::fl!(
                loader,
                "error-journal-unknown-format",
                format = format.as_str()
            ),
            JournalError::Store(inner) => inner.described_in(loader),
            JournalError::Write(error) => {
                i18n_embed_fl::fl!(
                    loader,
                    "error-journal-write",
                    error = super::io_text(error, loader)
                )
            }
        }
    }
}

impl Described for DemoError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            DemoError::NotEmpty => i18n_embed_fl::fl!(loader, "error-demo-not-empty"),
            DemoError::NoCustomers => i18n_embed_fl::fl!(loader, "error-demo-no-customers"),
            DemoError::BadToday(date) => {
                i18n_embed_fl::fl!(loader, "error-demo-bad-today", date = date.to_string())
            }
            DemoError::Store(inner) => inner.described_in(loader),
            DemoError::Import(inner) => i18n_embed_fl::fl!(
                loader,
                "error-demo-import",
                error = inner.described_in(loader)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use chrono::NaiveDate;

    use super::*;
    use crate::i18n::{Language, loader_for};

    fn english() -> FluentLanguageLoader {
        loader_for(Language::English)
    }

    fn chinese() -> FluentLanguageLoader {
        loader_for(Language::SimplifiedChinese)
    }

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// The English is the `Display` word for word; the Chinese is Chinese with `values`.
    fn check(error: &dyn DescribedDisplay, values: &[&str]) {
        assert_eq!(error.described_in(&english()), error.to_string());
        let zh = error.described_in(&chinese());
        assert!(has_chinese(&zh), "{zh}");
        for value in values {
            assert!(zh.contains(value), "{zh} lacks {value}");
        }
    }

    trait DescribedDisplay: Described + std::fmt::Display {}
    impl<T: Described + std::fmt::Display> DescribedDisplay for T {}

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn io_error() -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied")
    }

    #[test]
    fn report_errors() {
        check(
            &ReportError::EmptyRange {
                from: day(2024, 3, 1),
                to: day(2024, 2, 1),
            },
            &["2024-03-01", "2024-02-01"],
        );
        // A small count, so that the number has no thousands separator, which the
        // `Display` never writes; and not 1, where the English now says "1 day".
        let error = ReportError::TooFarBack {
            date: NaiveDate::MIN,
            days: 5,
        };
        check(&error, &["5", &NaiveDate::MIN.to_string()]);
        let one = ReportError::TooFarBack {
            date: NaiveDate::MIN,
            days: 1,
        };
        assert_eq!(
            one.described_in(&english()),
            format!("1 day before {} is outside the calendar", NaiveDate::MIN)
        );
    }

    #[test]
    fn statement_errors() {
        // The English is only the path and the system's reason, and so is the Chinese
        // (with a Chinese colon): no Chinese words to look for.
        let error = StatementError::Io {
            path: PathBuf::from("out/C001.pdf"),
            source: io_error(),
        };
        assert_eq!(error.described_in(&english()), error.to_string());
        assert_eq!(
            error.described_in(&chinese()),
            "out/C001.pdf：permission denied"
        );
        check(
            &StatementError::BadSelection("sometimes".into()),
            &["sometimes"],
        );
        check(&StatementError::NothingOverdue("C001".into()), &["C001"]);
        check(
            &StatementError::NothingFallingDue("C002".into()),
            &["C002", "letter.0.days_before"],
        );
        check(
            &StatementError::LadderHolds {
                customer: "C003".into(),
                reason: crate::domain::ladder::HeldReason::Promise {
                    until: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
                },
            },
            &["C003", "2026-12-04", "--force"],
        );
        check(
            &StatementError::DoesNotTie {
                code: "C004".into(),
                ledger: "1,234.50".into(),
                aging: "1,200.00".into(),
            },
            &["C004", "1,234.50", "1,200.00", "`owed check`"],
        );
        check(&StatementError::Pdf(PdfError::Empty), &[]);
    }

    #[test]
    fn pdf_errors() {
        check(&PdfError::Font("no glyphs".into()), &["no glyphs"]);
        check(&PdfError::Empty, &[]);
        check(&PdfError::Write(io_error()), &["permission denied"]);
        check(&PdfError::Assemble("bad stream".into()), &["bad stream"]);
    }

    #[test]
    fn aging_pdf_errors() {
        check(&AgingPdfError::Pdf(PdfError::Empty), &[]);
        check(
            &AgingPdfError::Write {
                path: "aging.pdf".into(),
                error: io_error(),
            },
            &["aging.pdf", "permission denied"],
        );
        check(&AgingPdfError::Folder("reports".into()), &["reports"]);
    }

    #[test]
    fn export_errors() {
        check(
            &ExportError::UnknownKind("invoices".into()),
            &["invoices", "journal"],
        );
        check(
            &ExportError::FormatNotForCsv("customers".into()),
            &["customers", "`owed export journal`"],
        );
        check(
            &ExportError::Journal(JournalError::UnknownFormat("gnucash".into())),
            &["gnucash"],
        );
    }

    #[test]
    fn journal_errors() {
        check(
            &JournalError::UnknownFormat("gnucash".into()),
            &["gnucash", "hledger", "beancount"],
        );
        check(&JournalError::Write(io_error()), &["permission denied"]);
    }

    #[test]
    fn demo_errors() {
        check(&DemoError::NotEmpty, &["--book"]);
        check(&DemoError::NoCustomers, &[]);
        check(&DemoError::BadToday(day(1, 1, 1)), &["0001-01-01", "18"]);
    }
}
