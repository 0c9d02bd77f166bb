//! `owed aging --format pdf --out FILE`: the aging laid out by [`crate::pdf::aging_pdf`]
//! and written whole by [`crate::pdf::write_aging_pdf`], the same function the Aging
//! screen's Save PDF uses.

use crate::cli::output::print;
use crate::cli::{AgingArgs, CliError};
use crate::pdf::AgingPdfError;
use crate::report::{self, AgingOptions};
use crate::store::Store;

/// `owed aging --format pdf --out FILE`: the customer rows and totals as a PDF, written
/// whole or not at all; says where it went.
pub(super) fn write(
    store: &Store,
    args: &AgingArgs,
    options: &AgingOptions,
) -> Result<(), CliError> {
    let Some(path) = &args.out else {
        return Err(CliError::Input {
            field: "--out",
            message: crate::fl!("cli-pdf-needs-out"),
        });
    };
    let options = AgingOptions {
        detail: false,
        ..options.clone()
    };
    let aging = report::aging(store, &options)?;
    let company = store.company_profile()?;
    let sheet =
        crate::pdf::AgingSheet::new(&company, store.currency(), &aging.report, aging.rows());
    // One line naming the file and what went wrong with it.
    crate::pdf::write_aging_pdf(path, &sheet).map_err(|e| match e {
        AgingPdfError::Write { error, .. } => CliError::File {
            path: path.clone(),
            message: crate::i18n::errors::io_text(&error, &crate::i18n::LOADER),
        },
        AgingPdfError::Folder(_) => CliError::File {
            path: path.clone(),
            message: crate::fl!("cli-pdf-is-a-folder"),
        },
        AgingPdfError::Pdf(e) => CliError::Output(crate::cli::said(&e)),
    })?;
    print(&crate::fl!(
        "cli-aging-pdf-written",
        as_of = options.as_of.to_string(),
        customers = crate::cli::words::count(sheet.rows.len()),
        path = path.display().to_string()
    ));
    Ok(())
}
