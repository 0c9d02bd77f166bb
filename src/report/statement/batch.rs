//! The statement run: every selected customer's statement rendered to its own PDF and
//! laid out into the combined one, then archived and published together.

use std::path::{Path, PathBuf};

use super::{
    BatchSummary, Context, Request, Result, StatementError, build, file_stem, has_content,
    prepare_folder, select,
};
use crate::domain::Money;
use crate::domain::company::CompanyProfile;
use crate::domain::email::EmailKind;
use crate::domain::printed::Statement;
use crate::files::{Staged, StagedWriter, publish_all};
use crate::pdf::{self, PdfError};
use crate::report::email::{self, StatementFacts};
use crate::store::{IssuedKind, NewIssued, Store};

/// Renders the statements `request` asks for into `out_dir` (`C001-2026-10.pdf` each and
/// `statements-2026-10.pdf` with all of them), archives them unless it is a preview, and
/// calls `progress(done, total)` after each customer. Customers with nothing to say are
/// skipped and counted.
///
/// Every PDF is first written whole under a hidden temporary name; the run archives them
/// all in one transaction and only then renames them to their final names, so a run
/// that fails or is killed leaves no PDF under a final name that the book does not hold
/// (and never an empty one). A preview is renamed once everything is rendered.
///
/// Memory does not grow with the run: each statement is written, and laid out into the
/// combined file, as it is built, and the archive reads each PDF back from its
/// temporary as it stores it. Only names and amounts are kept for the whole run.
pub fn batch(
    store: &mut Store,
    request: &Request,
    out_dir: &Path,
    mut progress: impl FnMut(usize, usize),
) -> Result<BatchSummary> {
    let mut summary = BatchSummary {
        stale_removed: prepare_folder(out_dir)?,
        ..BatchSummary::default()
    };
    let date = request.period.last;
    let context = Context::new(store, date, request.locale)?;
    let customers = select(store, &context, &request.customers)?;
    let total = customers.len();
    // (file name, amount due) of each statement written, beside `summary.written`.
    let mut written: Vec<(String, Money)> = Vec::new();
    // Whether each statement written is emailed (a run with `email`): the customer's
    // index and what its email will say.
    let mut emails: Vec<Option<(usize, StatementFacts)>> = Vec::new();
    let template = if request.email {
        let chinese = context.locale().is_chinese();
        Some(store.email_template(EmailKind::Statement, chinese)?)
    } else {
        None
    };
    // Dropped before they are published (an error below), the temporaries are removed.
    let mut staged: Vec<Staged> = Vec::new();
    let period = request.period.label();
    // Every statement in one file to print in one go; with email, also only those to
    // print and post, so the post is not printed with the emailed ones.
    let mut combined = OneFile::new(out_dir.join(format!("statements-{period}.pdf")));
    let mut to_print_file = OneFile::new(out_dir.join(format!("statements-{period}-to-print.pdf")));
    for (index, customer) in customers.iter().enumerate() {
        let statement = build(store, &context, customer, request.kind, request.period)?;
        if has_content(&statement) {
            let bytes = pdf::statement_pdf(&statement, context.company())?;
            let name = format!("{}-{period}.pdf", file_stem(&customer.code));
            let path = out_dir.join(&name);
            staged.push(Staged::write(&path, &bytes).map_err(io(&path))?);
            summary.total_due += statement.amount_due;
            summary.written.push((customer.code.clone(), path));
            written.push((name, statement.amount_due));
            // Only what the email will say is kept; it is composed as it is queued.
            let emailed = request.email && customer.send_by.emails(&customer.addresses());
            let to_print =
                request.email && (!emailed || customer.send_by.prints(&customer.addresses()));
            if to_print {
                summary.to_print.push(customer.code.clone());
                to_print_file.add(&statement, context.company())?;
            }
            emails.push(emailed.then_some((
                index,
                StatementFacts {
                    amount_due: statement.amount_due,
                    date: statement.date,
                },
            )));
            combined.add(&statement, context.company())?;
        } else {
            summary.skipped += 1;
        }
        progress(index + 1, total);
    }
    summary.combined = combined.finish(&mut staged)?;
    summary.to_print_file = to_print_file.finish(&mut staged)?;
    if request.archive && !written.is_empty() {
        let domain = email::sender_domain(store)?;
        let currency = store.currency().clone();
        let mut emailed = Vec::new();
        summary.archived = store.archive_with(|archive| {
            let mut ids = Vec::with_capacity(written.len());
            for ((((name, due), (code, _)), file), email) in written
                .iter()
                .zip(&summary.written)
                .zip(&staged)
                .zip(&emails)
            {
                let temp = file.temp_path();
                let bytes = std::fs::read(temp).map_err(io(temp))?;
                ids.push(archive.add(&NewIssued {
                    kind: IssuedKind::Statement,
                    customer_code: code,
                    date,
                    period: Some(period.clone()),
                    statement_kind: Some(request.kind.as_str()),
                    level: None,
                    amount: *due,
                    file_name: name.clone(),
                    pdf: &bytes,
                    note: None,
                })?);
                let email = match (email, &template) {
                    (Some((index, facts)), Some(template)) => email::statement_email(
                        template,
                        &customers[*index],
                        *facts,
                        &request.period,
                        (&currency, context.locale(), context.company()),
                    ),
                    _ => None,
                };
                if let (Some(email), Some(&id)) = (email, ids.last()) {
                    emailed.push(archive.queue_email(
                        id,
                        code,
                        EmailKind::Statement,
                        &email,
                        &domain,
                    )?);
                }
            }
            Ok::<_, StatementError>(ids)
        })?;
        summary.emailed = emailed;
    }
    publish_all(staged).map_err(io(out_dir))?;
    Ok(summary)
}

/// Turns an I/O error on `path` into a [`StatementError`].
fn io(path: &Path) -> impl Fn(std::io::Error) -> StatementError + use<> {
    let path = path.to_path_buf();
    move |source| StatementError::Io {
        path: path.clone(),
        source,
    }
}

/// A file of many statements, each from a new page, begun with its first statement
/// and written part by part as they come.
struct OneFile {
    path: PathBuf,
    file: Option<pdf::StatementsFile<StagedWriter>>,
}

impl OneFile {
    fn new(path: PathBuf) -> OneFile {
        OneFile { path, file: None }
    }

    fn error(&self, e: PdfError) -> StatementError {
        match e {
            PdfError::Write(source) => StatementError::Io {
                path: self.path.clone(),
                source,
            },
            e => e.into(),
        }
    }

    fn add(&mut self, statement: &Statement, company: &CompanyProfile) -> Result<()> {
        if self.file.is_none() {
            let out = StagedWriter::create(&self.path).map_err(io(&self.path))?;
            self.file = Some(pdf::StatementsFile::new(out, company));
        }
        if let Some(file) = &mut self.file {
            file.add(statement).map_err(|e| self.error(e))?;
        }
        Ok(())
    }

    /// Finishes the file under its temporary name for `staged` to publish; its final
    /// path, or `None` when no statement was added.
    fn finish(mut self, staged: &mut Vec<Staged>) -> Result<Option<PathBuf>> {
        let Some(file) = self.file.take() else {
            return Ok(None);
        };
        let out = file.finish().map_err(|e| self.error(e))?;
        staged.push(out.finish().map_err(io(&self.path))?);
        Ok(Some(self.path))
    }
}
