//! Exporting the report shown to CSV: the same file `owed aging --format csv` prints
//! (written by [`crate::report::Aging::write_csv`]), to a typed path or one chosen in the
//! desktop's save dialog; and the same figures as a PDF to print beside it, the file
//! `owed aging --format pdf` writes ([`crate::pdf::write_aging_pdf`]). Files are written
//! whole on a worker thread, so a failed export never leaves half a file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use directories::{BaseDirs, UserDirs};
use iced::widget::{row, space, text, text_input};
use iced::{Element, Length, Task};

use super::{Aging, Message, Report};
use crate::domain::Currency;
use crate::domain::company::CompanyProfile;
use crate::fl;
use crate::pdf::{AgingSheet, write_aging_pdf};
use crate::ui::Book;
use crate::ui::book::on_worker;
use crate::ui::errors::Described;
use crate::ui::widgets;

pub const PATH: &str = "aging-export-path";

/// `aging-<as_of>.csv` in `folder` (the one last exported to with this book), else in
/// the user's documents folder, else their home.
pub fn default_path(as_of: NaiveDate, folder: Option<&Path>) -> PathBuf {
    let folder = folder
        .map(Path::to_path_buf)
        .or_else(|| UserDirs::new().and_then(|dirs| dirs.document_dir().map(Path::to_path_buf)))
        .or_else(|| BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf()))
        .unwrap_or_default();
    folder.join(format!("aging-{as_of}.csv"))
}

/// The export controls and the last export's outcome.
pub fn view(screen: &Aging) -> Element<'_, Message> {
    let ready =
        screen.report.is_some() && !screen.exporting && !screen.export_path.trim().is_empty();
    let outcome: Element<'_, Message> = match &screen.export_status {
        Some(Ok(done)) => widgets::muted(done.as_str()).into(),
        Some(Err(error)) => widgets::danger_text(error.as_str()).into(),
        None if screen.exporting => widgets::muted(fl!("exporting")).into(),
        None => space().into(),
    };
    row![
        text(fl!("export-to")).size(14),
        text_input(&fl!("file-to-write"), &screen.export_path)
            .id(PATH)
            .on_input(Message::ExportPath)
            .on_submit_maybe(ready.then_some(Message::Export))
            .padding(6)
            .size(14)
            .width(Length::Fixed(280.0)),
        widgets::secondary(fl!("choose"), Some(Message::ChooseExportPath)),
        widgets::action(fl!("export-csv"), ready.then_some(Message::Export)),
        widgets::secondary(fl!("save-pdf"), ready.then_some(Message::SavePdf)),
        outcome,
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}

impl Aging {
    /// Writes the report shown as CSV to the export path, on a worker thread.
    pub(super) fn export(&mut self, book: &Book) -> Task<Message> {
        let path = self.export_path.trim();
        let Some(report) = self.report.clone() else {
            return Task::none();
        };
        if path.is_empty() || self.exporting {
            return Task::none();
        }
        self.exporting = true;
        self.export_status = None;
        write(
            report,
            self.order.clone(),
            book.currency().clone(),
            PathBuf::from(path),
        )
    }

    /// Writes the report shown as a PDF next to the export path, on a worker thread.
    pub(super) fn save_pdf(&mut self, book: &Book) -> Task<Message> {
        let path = self.export_path.trim();
        let Some(report) = self.report.clone() else {
            return Task::none();
        };
        if path.is_empty() || self.exporting {
            return Task::none();
        }
        let company = match book.store().company_profile() {
            Ok(company) => company,
            Err(error) => {
                self.export_status = Some(Err(error.described()));
                return Task::none();
            }
        };
        self.exporting = true;
        self.export_status = None;
        write_pdf(
            report,
            book.currency().clone(),
            company,
            pdf_path(Path::new(path)),
        )
    }
}

/// Asks the desktop's save dialog for a file, starting from `current`.
pub fn choose(current: &str) -> Task<Message> {
    let current = PathBuf::from(current.trim());
    Task::perform(
        async move {
            let mut dialog = rfd::AsyncFileDialog::new().add_filter("CSV", &["csv"]);
            if let Some(folder) = current.parent().filter(|p| p.is_dir()) {
                dialog = dialog.set_directory(folder);
            }
            if let Some(name) = current.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            dialog
                .save_file()
                .await
                .map(|file| file.path().to_path_buf())
        },
        Message::ChosenExportPath,
    )
}

/// Writes `report` as CSV to `path` on a worker thread, its customers in `order` (the
/// table's sort, by index into the report's customers).
pub fn write(
    report: Arc<Report>,
    order: Vec<usize>,
    currency: Currency,
    path: PathBuf,
) -> Task<Message> {
    Task::perform(
        on_worker(move || write_csv(&report, &order, &currency, &path).map(|rows| (rows, path))),
        Message::Exported,
    )
}

/// Where the PDF goes: the export path with `.pdf` for its extension.
pub fn pdf_path(export_path: &Path) -> PathBuf {
    export_path.with_extension("pdf")
}

/// Writes `report` as a PDF to `path` on a worker thread.
pub fn write_pdf(
    report: Arc<Report>,
    currency: Currency,
    company: CompanyProfile,
    path: PathBuf,
) -> Task<Message> {
    Task::perform(
        on_worker(move || {
            let aging = &report.aging;
            let sheet = AgingSheet::new(&company, &currency, &aging.report, aging.rows());
            write_aging_pdf(&path, &sheet)
                .map(|()| path.clone())
                .map_err(|e| e.described())
        }),
        Message::PdfSaved,
    )
}

/// Writes the CSV to `path`, whole or not at all; the number of customer rows.
fn write_csv(
    report: &Report,
    order: &[usize],
    currency: &Currency,
    path: &Path,
) -> Result<usize, String> {
    let fail = |error: &dyn std::fmt::Display| {
        fl!(
            "could-not-write-path-error",
            path = path.display().to_string(),
            error = error.to_string()
        )
    };
    if path.is_dir() {
        return Err(fail(&fl!("that-is-a-folder-not-a")));
    }
    // The customer rows the table shows, in its order: the same columns as
    // `owed aging --format csv` (which is in code order, the table's first).
    let rows: Vec<_> = order
        .iter()
        .map(|&index| {
            let customer = &report.customers[index];
            (
                customer.code.as_str(),
                customer.name.as_str(),
                report.row(index),
            )
        })
        .collect();
    crate::files::write_whole(path, |out| {
        report.aging.write_csv_rows(currency, false, &rows, out)
    })
    .map_err(|e| match e {
        crate::files::WholeError::Io(e) => fail(&e),
        crate::files::WholeError::Content(e) => fail(&e),
    })
}
