//! The statement run: every selected customer's statement rendered to its own PDF and
//! laid out into the combined one, then archived and published together.

use std::path::Path;

use super::{
    BatchSummary, Context, Request, Result, StatementError, build, file_stem, has_content,
    prepare_folder, select,
};
use crate::domain::Money;
use crate::domain::email::EmailKind;
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
    let combined_path = out_dir.join(format!("statements-{period}.pdf"));
    let combined_error = |e: PdfError| match e {
        PdfError::Write(source) => StatementError::Io {
            path: combined_path.clone(),
            source,
        },
        e => e.into(),
    };
    let mut combined: Option<pdf::StatementsFile<StagedWriter>> = None;
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
            if request.email && (!emailed || customer.send_by.prints(&customer.addresses())) {
                summary.to_print.push(customer.code.clone());
            }
            emails.push(emailed.then_some((
                index,
                StatementFacts {
                    amount_due: statement.amount_due,
                    date: statement.date,
                },
            )));
            if combined.is_none() {
                let out = StagedWriter::create(&combined_path).map_err(io(&combined_path))?;
                combined = Some(pdf::StatementsFile::new(out, context.company()));
            }
            if let Some(file) = &mut combined {
                file.add(&statement).map_err(combined_error)?;
            }
        } else {
            summary.skipped += 1;
        }
        progress(index + 1, total);
    }
    if let Some(file) = combined {
        let out = file.finish().map_err(combined_error)?;
        staged.push(out.finish().map_err(io(&combined_path))?);
        summary.combined = Some(combined_path.clone());
    }
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
