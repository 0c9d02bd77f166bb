//! A dry run that does not hold the file: `owed import --dry-run --format json` of a
//! UTF-8 CSV statement. Its rows are read from the file one at a time and each is judged
//! as [`super::prepare`] judges it (fingerprint, occurrence, already imported, kind,
//! suggestion, probable duplicate, the default decision); only what the sequence needs
//! of each accepted row is kept (date, line, amount, customer, invoices named), and the
//! payments are planned with the same [`Sequencer`] as the commit, one after another, as
//! they are written out. The summary and payments are the same, byte for byte, as those
//! of a plan of the whole file with the default decisions (a test holds them so).

use std::collections::HashMap;
use std::path::Path;

use super::judge::{Accepted, Keep, NONE, judge};
use super::opening::open_with_profile;
use super::sequence::Sequencer;
use super::summary::{PlannedPayment, payment};
use super::{RunError, Summary};
use crate::domain::Currency;
use crate::domain::allocation::Apply;
use crate::import::Hints;
use crate::import::matching::Matcher;
use crate::store::{MatchBook, Store};

/// A dry run's summary, and its payments to plan one at a time.
pub struct DryRun {
    /// Everything but the payments (see [`payments`](Self::payments)).
    pub summary: Summary,
    currency: Currency,
    book: MatchBook,
    /// The rows accepted, in the order they post (date, then line).
    accepted: Vec<Accepted>,
    /// Invoice numbers the accepted rows name, each once.
    numbers: Vec<String>,
    /// The numbers of rows that name more than one.
    more: Vec<Vec<u32>>,
}

/// Reads `path` as `owed import --dry-run` with the default decisions at `threshold`
/// would, without holding the file: `None` when the file is not UTF-8 CSV (OFX, CAMT, a
/// spreadsheet, another encoding), which [`super::prepare`] reads whole instead.
pub fn dry_run(
    store: &Store,
    path: &Path,
    max_size: u64,
    hints: &Hints,
    named: Option<&str>,
    threshold: f64,
) -> Result<Option<DryRun>, RunError> {
    // What is not a file to read (or too big) is refused as a whole read refuses it.
    if crate::files::read::check_regular(path, max_size).is_err() {
        return Ok(None);
    }
    let file_name = &path.display().to_string();
    let Some(opened) = open_with_profile(store, path, file_name, hints, named)? else {
        return Ok(None);
    };
    let mut file = opened.file;
    let currency = store.currency().clone();
    let matcher = Matcher::new(store.match_book()?);
    let judged = judge(store, &mut file, &matcher, threshold, Keep::Nothing)?;
    let book = matcher.into_book();
    Ok(Some(DryRun {
        summary: judged
            .tally
            .summary(file_name, &file.detected, &judged.skipped, &currency, None),
        book,
        currency,
        accepted: judged.accepted,
        numbers: judged.numbers,
        more: judged.more,
    }))
}

impl DryRun {
    /// The payments, planned one at a time in the order they post.
    pub fn payments(&self) -> impl Iterator<Item = PlannedPayment> + '_ {
        planned(
            &self.currency,
            &self.book,
            &self.accepted,
            &self.numbers,
            &self.more,
        )
    }
}

/// The payments `accepted` post (in that order) against `book`, the book before them.
pub(super) fn planned<'a>(
    currency: &'a Currency,
    book: &'a MatchBook,
    accepted: &'a [Accepted],
    numbers: &'a [String],
    extra: &'a [Vec<u32>],
) -> impl Iterator<Item = PlannedPayment> + 'a {
    let codes: HashMap<i64, &str> = book
        .customers
        .iter()
        .map(|(id, code, _)| (id.0, code.as_str()))
        .collect();
    let mut sequencer = Sequencer::new(currency, book);
    accepted.iter().map(move |row| {
        let named: Vec<u32> = match (row.first, row.more) {
            (NONE, _) => Vec::new(),
            (first, NONE) => vec![first],
            (_, more) => extra[more as usize].clone(),
        };
        // As `accept` makes the decision: the invoices named first, else oldest first.
        let apply = if named.is_empty() {
            Apply::OldestFirst
        } else {
            Apply::Explicit(
                named
                    .iter()
                    .map(|&n| (numbers[n as usize].clone(), None))
                    .collect(),
            )
        };
        let customer = codes.get(&row.customer).copied().unwrap_or_default();
        let amount = currency.from_minor(row.minor);
        let line = row.line as usize;
        let outcome = sequencer.post(row.date, line, amount, customer, &apply);
        payment(currency, line, row.date, amount, &outcome)
    })
}
