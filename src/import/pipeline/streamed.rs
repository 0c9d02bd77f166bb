//! An import that does not hold the file: `owed import FILE --format json` of a UTF-8
//! CSV statement. The rows are judged as they are read (see `judge`), keeping of each row
//! to write only where it is in the file (32 bytes); then each is read again, in date
//! order, made into the bank row [`super::commit`] would write (its suggestion, decision
//! and planned payment made again, the same way), and written in one transaction. A row
//! that is not what it was when the file was first read (the file changed) stops the
//! import with nothing written. What is written is what `commit` writes for a plan of the
//! whole file with the default decisions: a test holds the two books equal.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::commit::{bank_row, default_profile_name};
use super::dry_run::planned;
use super::judge::{Accepted, Keep, Kept, check_of, judge};
use super::keys::Common;
use super::opening::{Opened, open_with_profile};
use super::sequence::Sequencer;
use super::summary::PlannedPayment;
use super::{
    BankProfile, Decision, PlannedRow, RowKind, RowStatus, RunError, RunProblem, Summary, accept,
    fingerprint, kind_of, texts, unpostable,
};
use crate::domain::{Currency, Money};
use crate::import::matching::Matcher;
use crate::import::text::CsvFile;
use crate::import::{Hints, rows};
use crate::store::{ImportBatch, MatchBook, NewBankRow, NewImportBatch, Store, StoreError};

/// An import written, and its payments to list one at a time.
pub struct Imported {
    /// `None` when nothing was written (nothing new, or nothing the book can take).
    pub batch: Option<ImportBatch>,
    /// Everything but the payments (see [`payments`](Self::payments)).
    pub summary: Summary,
    currency: Currency,
    /// The book before the import, which the payments were planned against.
    book: MatchBook,
    accepted: Vec<Accepted>,
    numbers: Vec<String>,
    more: Vec<Vec<u32>>,
    /// Lines of payments the book refused.
    refused: HashSet<usize>,
}

impl Imported {
    /// The payments posted, in the order they were (date, then line).
    pub fn payments(&self) -> impl Iterator<Item = PlannedPayment> + '_ {
        planned(
            &self.currency,
            &self.book,
            &self.accepted,
            &self.numbers,
            &self.more,
        )
        .filter(|p| !self.refused.contains(&p.line))
    }
}

/// Imports `path` as [`super::commit`] of a whole plan with the default decisions at
/// `threshold` would, without holding the file; `progress(done, total)` as rows are
/// written. `None` when the file is not UTF-8 CSV, which is read whole instead.
pub fn import_streamed(
    store: &mut Store,
    path: &Path,
    max_size: u64,
    hints: &Hints,
    named: Option<&str>,
    threshold: f64,
    progress: impl FnMut(usize, usize),
) -> Result<Option<Imported>, RunError> {
    if crate::files::read::check_regular(path, max_size).is_err() {
        return Ok(None);
    }
    let file_name = path.display().to_string();
    let Some(mut opened) = open_with_profile(store, path, &file_name, hints, named)? else {
        return Ok(None);
    };
    let currency = store.currency().clone();
    // Read once: one copy to match with, one to plan the payments against.
    let book = store.match_book()?;
    let matcher = Matcher::new(book.clone());
    let judged = judge(store, &mut opened.file, &matcher, threshold, Keep::ToWrite)?;
    let mut summary = judged.tally.summary(
        &file_name,
        &opened.file.detected,
        &judged.skipped,
        &currency,
        None,
    );
    let mut imported = Imported {
        batch: None,
        summary: summary.clone(),
        currency: currency.clone(),
        book,
        accepted: judged.accepted,
        numbers: judged.numbers,
        more: judged.more,
        refused: HashSet::new(),
    };
    // Nothing the book can take, or nothing new: no batch is written.
    if judged.payable == 0 || judged.kept.is_empty() {
        return Ok(Some(imported));
    }
    let decide = |planned: &PlannedRow| default_decision(planned, threshold);
    let batch = write(
        store,
        &Writing {
            opened: &opened,
            file_name: &file_name,
            kept: &judged.kept,
            book: &imported.book,
            matcher: &matcher,
            common: &judged.common,
            lookalikes: &judged.lookalikes,
            rows_read: judged.rows,
            known: judged.known,
        },
        &decide,
        progress,
    )?;
    summary.batch = Some(batch.id);
    // What the book refused is not a payment: said, and counted as unmatched (its
    // payments, listed one at a time, leave these lines out).
    imported.refused = batch.not_posted.iter().map(|(line, _)| *line).collect();
    summary.refused(&batch.not_posted);
    imported.summary = summary;
    imported.batch = Some(batch);
    Ok(Some(imported))
}

/// The decision `default_decisions` makes for a row at `threshold`.
pub(super) fn default_decision(planned: &PlannedRow, threshold: f64) -> Decision {
    match (&planned.status, &planned.suggestion) {
        (RowStatus::New, Some(s)) if planned.is_payable() && s.confidence >= threshold => accept(s),
        (RowStatus::ProbableDuplicate(_), _) => Decision::Skip,
        _ => Decision::LeaveUnmatched,
    }
}

/// What writing a file judged a row at a time needs.
pub(super) struct Writing<'a> {
    /// The file, opened with its hints and profile.
    pub opened: &'a Opened,
    pub file_name: &'a str,
    /// The rows to write, in date then line order.
    pub kept: &'a [Kept],
    /// The book before the file, to plan the payments against.
    pub book: &'a MatchBook,
    pub matcher: &'a Matcher,
    pub common: &'a Common,
    pub lookalikes: &'a HashMap<u32, crate::store::Lookalike>,
    pub rows_read: usize,
    pub known: usize,
}

/// Writes the rows of `w.kept`, each read again from the file and decided by `decide`,
/// as one batch in one transaction, and remembers the bank's profile.
pub(super) fn write(
    store: &mut Store,
    w: &Writing<'_>,
    decide: &dyn Fn(&PlannedRow) -> Decision,
    mut progress: impl FnMut(usize, usize),
) -> Result<ImportBatch, RunError> {
    let opened = w.opened;
    let file = &opened.file;
    let file_name = w.file_name.to_string();
    let currency = store.currency().clone();
    let detected = serde_json::json!({
        "encoding": file.detected.encoding,
        "delimiter": file.detected.delimiter,
        "header_line": file.detected.header_line,
        "date_format": file.detected.date_format,
        "decimal_mark": file.detected.decimal_mark,
        "layout": file.detected.layout,
        "amount_column": file.detected.amount_column,
        "sign": file.detected.sign,
        "profile": opened.profile,
    });
    let total = w.kept.len();
    let rows = Rows {
        file,
        builder: file.builder(),
        kept: w.kept.iter(),
        sequencer: Sequencer::new(&currency, w.book),
        matcher: w.matcher,
        common: w.common,
        currency: &currency,
        main: file.detected.currency.as_ref(),
        decide,
        lookalikes: w.lookalikes,
        file_name: &file_name,
    };
    let batch = store.commit_import(
        &NewImportBatch {
            file_name: file_name.clone(),
            sha256: file.sha256()?,
            detected: detected.to_string(),
            rows_read: w.rows_read,
            duplicates: w.known,
        },
        rows,
        |done| progress(done, total),
    )?;
    if let Some(signature) = &opened.signature {
        let name = opened
            .profile
            .clone()
            .unwrap_or_else(|| default_profile_name(&file_name));
        let settings = serde_json::to_string(&BankProfile::from_hints(&opened.hints))
            .map_err(|e| RunError::Invalid(RunProblem::Profile(e)))?;
        store.save_bank_profile(signature, &name, &settings)?;
    }
    Ok(batch)
}

/// The rows to write, each read again from the file and made as `commit` makes it.
#[derive(Clone)]
struct Rows<'a> {
    file: &'a CsvFile,
    builder: rows::Builder<'a>,
    kept: std::slice::Iter<'a, Kept>,
    sequencer: Sequencer<'a>,
    matcher: &'a Matcher,
    common: &'a Common,
    currency: &'a Currency,
    main: Option<&'a String>,
    decide: &'a dyn Fn(&PlannedRow) -> Decision,
    lookalikes: &'a HashMap<u32, crate::store::Lookalike>,
    file_name: &'a str,
}

impl Iterator for Rows<'_> {
    type Item = Result<NewBankRow, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        let kept = *self.kept.next()?;
        Some(self.make(kept))
    }
}

impl Rows<'_> {
    fn make(&mut self, kept: Kept) -> Result<NewBankRow, StoreError> {
        let line = kept.line as usize;
        let changed = || {
            StoreError::FileChanged(format!(
                "{}: line {line} is not what it was when the file was read (was the file \
                 changed during the import?)",
                self.file_name
            ))
        };
        let row = self
            .file
            .row_at(&self.builder, kept.offset, line)
            .map_err(|_| changed())?
            .ok_or_else(changed)?;
        let print = fingerprint(&row);
        if check_of(&print) != kept.check || row.date != Some(kept.date) {
            return Err(changed());
        }
        let kind = kind_of(self.main, &row, self.currency);
        let unpostable = unpostable(kind, &row, self.currency);
        let status = match self.lookalikes.get(&kept.line) {
            Some(why) => RowStatus::ProbableDuplicate(super::Resembles(Some(why.clone()))),
            None => RowStatus::New,
        };
        let payer_keys = self.common.payer_keys(&row);
        let suggestion = (kind == RowKind::MoneyIn)
            .then(|| {
                self.matcher
                    .suggest(kept.date, Money(row.amount), &texts(&row), &payer_keys)
            })
            .flatten();
        let planned = PlannedRow {
            row,
            fingerprint: print,
            occurrence: kept.occurrence,
            kind,
            status,
            suggestion,
            payer_keys,
            unpostable,
        };
        let decision = (self.decide)(&planned);
        let outcome = match &decision {
            Decision::Accept { customer, apply } if planned.is_payable() => {
                let amount = self.currency.rescale(Money(planned.row.amount));
                Some(
                    self.sequencer
                        .post(kept.date, line, amount, customer, apply),
                )
            }
            _ => None,
        };
        Ok(bank_row(
            self.currency,
            &planned,
            kept.date,
            &decision,
            outcome.as_ref(),
        ))
    }
}

#[cfg(test)]
pub(super) mod tests;
