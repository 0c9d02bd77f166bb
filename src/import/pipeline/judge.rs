//! A file's rows judged as they are read, for a dry run or an import that does not hold
//! the file: each row as [`super::prepare`] judges it (fingerprint, occurrence, already
//! imported, kind, suggestion, probable duplicate, the default decision), keeping only
//! what the sequence needs of each accepted row and, for an import, where each row to
//! write is in the file.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::keys::Common;
use super::summary::Tally;
use super::{RowKind, RowStatus, RunError, canonical, fingerprint, kind_of, texts, unpostable};
use crate::domain::{Currency, Money};
use crate::import::matching::Matcher;
use crate::import::text::CsvFile;
use crate::import::{BankRow, SAMPLE_ROWS, Skipped};
use crate::store::Store;

/// Rows judged together: their fingerprints asked of the book in one go, their
/// suggestions made on two cores.
const BATCH: usize = 4096;

/// A new money-in row, with what the sequence needs of it when accepted: 32 bytes, as
/// a million of them may be held.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub date: NaiveDate,
    pub line: u32,
    /// In minor units ([`ODD`] for an amount with more decimals than the currency's,
    /// kept in `odd`).
    pub minor: i64,
    /// The suggested customer's id when the suggestion is confident enough to accept
    /// ([`NO_ONE`] when not).
    pub customer: i64,
    /// The invoice it names ([`NONE`] for none); with more than one, `more` holds them.
    pub first: u32,
    pub more: u32,
}

/// The fields of `Candidate` no row has.
pub(super) const NONE: u32 = u32::MAX;
const ODD: i64 = i64::MIN;
const NO_ONE: i64 = 0;

/// The rows accepted are the candidates kept.
pub(super) type Accepted = Candidate;

/// A row to write, and where it is in the file (32 bytes).
#[derive(Debug, Clone, Copy)]
pub(super) struct Kept {
    pub date: NaiveDate,
    pub line: u32,
    pub offset: u64,
    pub occurrence: u32,
    /// The first bytes of its fingerprint, to tell the same row when it is read again.
    pub check: u64,
}

/// The first 64 bits of a fingerprint (32 hex digits).
pub(super) fn check_of(print: &str) -> u64 {
    print
        .get(..16)
        .and_then(|hex| u64::from_str_radix(hex, 16).ok())
        .unwrap_or_default()
}

/// What judging a file found.
pub(super) struct Judged {
    pub tally: Tally,
    pub skipped: Vec<Skipped>,
    /// The rows accepted, in the order they post (date, then line).
    pub accepted: Vec<Accepted>,
    /// Invoice numbers the accepted rows name, each once, and those of rows naming more.
    pub numbers: Vec<String>,
    pub more: Vec<Vec<u32>>,
    /// Probable duplicates, by line, with what they look like.
    pub lookalikes: HashMap<u32, crate::store::Lookalike>,
    /// The rows to write, in date then line order (when asked for).
    pub kept: Vec<Kept>,
    /// Every row's facts, in the file's order (when asked for).
    pub facts: Vec<Fact>,
    /// The currencies of rows in another currency than the book's, as the file names
    /// them (upper case, each once).
    pub foreign: Vec<String>,
    /// Rows read, and those already imported.
    pub rows: usize,
    pub known: usize,
    /// New money in that can be posted (whatever was decided).
    pub payable: usize,
    /// The holder's own name and account, left out of payer keys.
    pub common: Common,
}

/// What judging keeps of each row besides the accepted ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keep {
    /// Nothing (a dry run).
    Nothing,
    /// Where each row to write is (an import).
    ToWrite,
    /// A [`Fact`] of every row, in the file's order (a review on the screen).
    Facts,
}

/// What the screen needs of a row without holding it (48 bytes): enough to filter, count
/// and plan it, and to read it again from the file when it is shown.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fact {
    pub offset: u64,
    /// The first bytes of its fingerprint, to tell the same row when it is read again.
    pub check: u64,
    /// In minor units, for new money in that can be posted (else 0).
    pub minor: i64,
    pub line: u32,
    pub occurrence: u32,
    pub date: Option<NaiveDate>,
    pub kind: RowKind,
    /// Already in the book.
    pub known: bool,
    /// Money in that can be posted (whatever is decided).
    pub payable: bool,
    /// New, and like something already in the book (set once the look-alikes are read).
    pub lookalike: bool,
    /// Matched confidently enough to accept (set once the look-alikes are read).
    pub confident: bool,
}

/// Reads and judges every row of `file`, keeping what `keep` says.
pub(super) fn judge(
    store: &Store,
    file: &mut CsvFile,
    matcher: &Matcher,
    threshold: f64,
    keep: Keep,
) -> Result<Judged, RunError> {
    let currency = store.currency().clone();
    let mut judge = Judge {
        store,
        matcher,
        currency: &currency,
        main: file.detected.currency.clone(),
        threshold,
        common: None,
        first_rows: Vec::new(),
        batch: Vec::new(),
        seen: HashMap::new(),
        tally: Tally::default(),
        candidates: Vec::new(),
        odd: HashMap::new(),
        numbers: HashMap::new(),
        more: Vec::new(),
        dates: None,
        file_len: file.len(),
        read: (0, 0),
        reserved: false,
        keep: (keep == Keep::ToWrite).then(Vec::new),
        facts: (keep == Keep::Facts).then(Vec::new),
        foreign: std::collections::BTreeSet::new(),
        rows: 0,
        known: 0,
    };
    let skipped = file.rows(|row, offset| judge.take(row, offset))?;
    judge.flush()?;
    let Judge {
        mut tally,
        mut candidates,
        odd,
        numbers,
        more,
        dates,
        seen,
        keep: to_write,
        facts,
        foreign,
        rows,
        known,
        common,
        ..
    } = judge;
    drop(seen);
    // Hand-entered payments and kept rows of the file's dates, read once.
    let kept = match dates {
        Some((from, to)) => store.kept_rows_between(&from.to_string(), &to.to_string())?,
        None => Default::default(),
    };
    // Each candidate judged, and kept (in place) when accepted.
    let mut failed = None;
    let mut lookalikes = HashMap::new();
    let mut payable_rows = 0;
    candidates.retain(|candidate| {
        let payable = candidate.minor != ODD;
        payable_rows += usize::from(payable);
        let amount = match payable {
            true => currency.from_minor(candidate.minor).0,
            false => odd.get(&candidate.line).copied().unwrap_or_default(),
        };
        let minor = Some(candidate.minor).filter(|_| payable);
        let lookalike = match store.lookalikes_in(&kept, candidate.date, &canonical(amount), minor)
        {
            Ok(found) => found.into_iter().next(),
            Err(e) => {
                failed.get_or_insert(e);
                None
            }
        };
        let status = match &lookalike {
            Some(first) => {
                lookalikes.insert(candidate.line, first.clone());
                RowStatus::ProbableDuplicate(super::Resembles(Some(first.clone())))
            }
            None => RowStatus::New,
        };
        let accept = status == RowStatus::New && payable && candidate.customer != NO_ONE;
        tally.judge(RowKind::MoneyIn, &status, payable, accept);
        accept
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    candidates.shrink_to_fit();
    candidates.sort_unstable_by_key(|a| (a.date, a.line));
    let mut names: Vec<(String, u32)> = numbers.into_iter().collect();
    names.sort_unstable_by_key(|(_, at)| *at);
    let mut to_write = to_write.unwrap_or_default();
    to_write.sort_unstable_by_key(|k| (k.date, k.line));
    let mut facts = facts.unwrap_or_default();
    // Facts are in the file's order, so by line: each told what the look-alikes and the
    // acceptance found.
    let at = |facts: &[Fact], line: u32| facts.binary_search_by_key(&line, |f| f.line).ok();
    for line in lookalikes.keys() {
        if let Some(i) = at(&facts, *line) {
            facts[i].lookalike = true;
        }
    }
    for accepted in &candidates {
        if let Some(i) = at(&facts, accepted.line) {
            facts[i].confident = true;
        }
    }
    Ok(Judged {
        tally,
        skipped,
        accepted: candidates,
        numbers: names.into_iter().map(|(number, _)| number).collect(),
        more,
        lookalikes,
        kept: to_write,
        facts,
        foreign: foreign.into_iter().collect(),
        rows,
        known,
        payable: payable_rows,
        common: common.unwrap_or_default(),
    })
}

/// Judges a file's rows as they are read.
struct Judge<'a> {
    store: &'a Store,
    matcher: &'a Matcher,
    currency: &'a Currency,
    /// The statement's own currency, when it says.
    main: Option<String>,
    threshold: f64,
    /// The holder's own name and account, once the first rows are read.
    common: Option<Common>,
    /// The first rows, held until `common` is known (with their records' offsets).
    first_rows: Vec<(BankRow, usize)>,
    batch: Vec<(BankRow, usize)>,
    /// How often each fingerprint the book holds was seen so far.
    seen: HashMap<u128, u32>,
    tally: Tally,
    candidates: Vec<Candidate>,
    /// Amounts of candidates with more decimals than the currency's, by line.
    odd: HashMap<u32, rust_decimal::Decimal>,
    /// Invoice numbers named, each once, with their index.
    numbers: HashMap<String, u32>,
    more: Vec<Vec<u32>>,
    /// The first and last date of the file's rows.
    dates: Option<(NaiveDate, NaiveDate)>,
    /// The file's size, and the rows read and bytes they took so far, to tell how many
    /// candidates the whole file will have.
    file_len: u64,
    read: (usize, usize),
    reserved: bool,
    /// The rows to write, when judging for an import (which counts every fingerprint's
    /// occurrences, not only those the book holds).
    keep: Option<Vec<Kept>>,
    /// Every row's facts, when judging for a review.
    facts: Option<Vec<Fact>>,
    /// The currencies of rows in another currency than the book's.
    foreign: std::collections::BTreeSet<String>,
    /// Rows read, and those already imported.
    rows: usize,
    known: usize,
}

impl Judge<'_> {
    fn take(&mut self, row: BankRow, offset: usize) -> Result<(), RunError> {
        self.read = (self.read.0 + 1, offset);
        if self.common.is_none() {
            self.first_rows.push((row, offset));
            if self.first_rows.len() == SAMPLE_ROWS {
                self.know_common();
            }
            return Ok(());
        }
        self.batch.push((row, offset));
        if self.batch.len() == BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// The holder's own keys, from the first rows, which then join the batch.
    fn know_common(&mut self) {
        let first: Vec<BankRow> = self.first_rows.iter().map(|(r, _)| r.clone()).collect();
        self.common = Some(Common::of(&first));
        let mut first = std::mem::take(&mut self.first_rows);
        first.append(&mut self.batch);
        self.batch = first;
    }

    /// Judges the rows read so far.
    fn flush(&mut self) -> Result<(), RunError> {
        if self.common.is_none() {
            self.know_common();
        }
        let common = self.common.clone().unwrap_or_default();
        let (batch, offsets): (Vec<BankRow>, Vec<usize>) =
            std::mem::take(&mut self.batch).into_iter().unzip();
        let prints: Vec<String> = batch.iter().map(fingerprint).collect();
        for row in &batch {
            if let Some(date) = row.date {
                self.dates = Some(match self.dates {
                    Some((from, to)) => (from.min(date), to.max(date)),
                    None => (date, date),
                });
            }
        }
        // A row is already imported when the book holds its fingerprint at its
        // occurrence (how many rows before it in the file have the same fingerprint).
        // A dry run counts them only for the fingerprints the book holds at all, so a
        // new file's rows need no count of every fingerprint seen; an import writes
        // every row's occurrence, so counts them all.
        let imported = self
            .store
            .imported_occurrences(prints.iter().map(String::as_str))?;
        let counting_all = self.keep.is_some() || self.facts.is_some();
        let mut occurrences = Vec::with_capacity(batch.len());
        let known: Vec<bool> = prints
            .iter()
            .zip(&imported)
            .map(|(print, held)| {
                if held.is_empty() && !counting_all {
                    occurrences.push(0);
                    return false;
                }
                // `fingerprint` is always 32 hex digits, so this never falls back.
                let key = u128::from_str_radix(print, 16).unwrap_or_default();
                let seen = self.seen.entry(key).or_insert(0);
                let occurrence = *seen;
                *seen += 1;
                occurrences.push(occurrence);
                held.contains(&occurrence)
            })
            .collect();
        self.rows += batch.len();
        self.known += known.iter().filter(|k| **k).count();
        let kinds: Vec<RowKind> = batch
            .iter()
            .map(|row| kind_of(self.main.as_ref(), row, self.currency))
            .collect();
        // Money in new to the book is matched, half of it on another core.
        let wanted: Vec<usize> = (0..batch.len())
            .filter(|&i| kinds[i] == RowKind::MoneyIn && !known[i] && batch[i].date.is_some())
            .collect();
        let suggest = |indexes: &[usize]| -> Vec<Option<crate::import::matching::Suggestion>> {
            indexes
                .iter()
                .map(|&i| {
                    let row = &batch[i];
                    let date = row.date?;
                    self.matcher.suggest(
                        date,
                        Money(row.amount),
                        &texts(row),
                        &common.payer_keys(row),
                    )
                })
                .collect()
        };
        let (first, second) = wanted.split_at(wanted.len() / 2);
        let suggestions: Vec<_> = std::thread::scope(|scope| {
            let other = scope.spawn(|| suggest(first));
            let mine = suggest(second);
            let mut all = other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            all.extend(mine);
            all
        });
        let mut suggestions = wanted.into_iter().zip(suggestions).peekable();
        for (i, row) in batch.iter().enumerate() {
            let kind = kinds[i];
            self.tally.count(row.line, kind, row.direction, row.amount);
            if kind == RowKind::Foreign
                && let Some(code) = row.currency.as_ref().or(self.main.as_ref())
            {
                self.foreign.insert(code.to_uppercase());
            }
            if let Some(facts) = self.facts.as_mut() {
                let payable = kind == RowKind::MoneyIn
                    && !known[i]
                    && unpostable(kind, row, self.currency).is_none();
                facts.push(Fact {
                    offset: offsets[i] as u64,
                    check: check_of(&prints[i]),
                    minor: match payable {
                        true => self
                            .currency
                            .to_minor_checked(Money(row.amount))
                            .unwrap_or_default(),
                        false => 0,
                    },
                    line: row.line as u32,
                    occurrence: occurrences[i],
                    date: row.date,
                    kind,
                    known: known[i],
                    payable,
                    lookalike: false,
                    confident: false,
                });
            }
            let suggestion = match suggestions.peek() {
                Some((at, _)) if *at == i => suggestions.next().and_then(|(_, s)| s),
                _ => None,
            };
            if known[i] {
                self.tally
                    .judge(kind, &RowStatus::AlreadyImported, false, false);
                continue;
            }
            // Written, in date order: every new row with a booking date.
            if let (Some(keep), Some(date)) = (self.keep.as_mut(), row.date)
                && kind != RowKind::Pending
            {
                keep.push(Kept {
                    date,
                    line: row.line as u32,
                    offset: offsets[i] as u64,
                    occurrence: occurrences[i],
                    check: check_of(&prints[i]),
                });
            }
            let Some(date) = row.date.filter(|_| kind == RowKind::MoneyIn) else {
                self.tally.judge(kind, &RowStatus::New, false, false);
                continue;
            };
            // Judged once the book's look-alikes of the file's dates are read.
            let line = row.line as u32;
            let minor = match unpostable(kind, row, self.currency) {
                Some(_) => None,
                None => self.currency.to_minor_checked(Money(row.amount)),
            };
            let minor = minor.unwrap_or_else(|| {
                self.odd.insert(line, row.amount);
                ODD
            });
            let confident = suggestion.filter(|s| s.confidence >= self.threshold);
            let (mut first, mut more) = (NONE, NONE);
            if let Some(s) = &confident {
                let named: Vec<u32> = s.invoices.iter().map(|n| self.number(n)).collect();
                match named.as_slice() {
                    [] => {}
                    [one] => first = *one,
                    [one, ..] => {
                        first = *one;
                        more = self.more.len() as u32;
                        self.more.push(named);
                    }
                }
            }
            self.candidates.push(Candidate {
                date,
                line,
                minor,
                customer: confident.map_or(NO_ONE, |s| s.customer.0),
                first,
                more,
            });
        }
        self.reserve();
        Ok(())
    }

    /// Room for the candidates the whole file will have, told from its first batches
    /// by their share of its bytes, so that a big file's are not grown by doubling
    /// (which holds the old and the new at once).
    fn reserve(&mut self) {
        let (rows, bytes) = self.read;
        if self.reserved || rows < BATCH || bytes == 0 {
            return;
        }
        self.reserved = true;
        let per_row = bytes as f64 / rows as f64;
        let share = self.candidates.len() as f64 / rows as f64;
        let expected = (self.file_len as f64 / per_row * share * 1.05) as usize + 1024;
        self.candidates
            .reserve(expected.saturating_sub(self.candidates.len()));
    }

    fn number(&mut self, number: &str) -> u32 {
        if let Some(&at) = self.numbers.get(number) {
            return at;
        }
        let at = self.numbers.len() as u32;
        self.numbers.insert(number.to_string(), at);
        at
    }
}
