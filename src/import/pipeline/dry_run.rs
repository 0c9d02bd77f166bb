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

use chrono::NaiveDate;

use super::keys::Common;
use super::sequence::Sequencer;
use super::summary::{PlannedPayment, Tally, payment};
use super::{
    BankProfile, RowKind, RowStatus, RunError, Summary, canonical, describe, fingerprint, kind_of,
    parse_profile, texts, unpostable,
};
use crate::domain::allocation::Apply;
use crate::domain::{Currency, Money};
use crate::import::matching::Matcher;
use crate::import::text::CsvFile;
use crate::import::{BankRow, Hints, SAMPLE_ROWS};
use crate::store::{MatchBook, Store};

/// Rows judged together: their fingerprints asked of the book in one go, their
/// suggestions made on two cores.
const BATCH: usize = 4096;

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

/// A new money-in row, with what the sequence needs of it when accepted: 32 bytes, as
/// a million of them may be held.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    date: NaiveDate,
    line: u32,
    /// In minor units ([`ODD`] for an amount with more decimals than the currency's,
    /// kept in `odd`).
    minor: i64,
    /// The suggested customer's id when the suggestion is confident enough to accept
    /// ([`NO_ONE`] when not).
    customer: i64,
    /// The invoice it names ([`NONE`] for none); with more than one, `more` holds them.
    first: u32,
    more: u32,
}

/// The fields of `Candidate` no row has.
const NONE: u32 = u32::MAX;
const ODD: i64 = i64::MIN;
const NO_ONE: i64 = 0;

/// The rows accepted are the candidates kept.
type Accepted = Candidate;

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
    let Some(mut file) = open_with_profile(store, path, file_name, hints, named)? else {
        return Ok(None);
    };
    let currency = store.currency().clone();
    let matcher = Matcher::new(store.match_book()?);
    let mut judge = Judge {
        store,
        matcher: &matcher,
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
        ..
    } = judge;
    drop(seen);
    let book = matcher.into_book();
    // Hand-entered payments and kept rows of the file's dates, read once.
    let (payments, kept) = match dates {
        Some((from, to)) => (
            store.payment_dates_amounts(from, to)?,
            store.kept_rows_between(&from.to_string(), &to.to_string())?,
        ),
        None => Default::default(),
    };
    // Each candidate judged, and kept (in place) when accepted.
    let mut failed = None;
    candidates.retain(|candidate| {
        let payable = candidate.minor != ODD;
        let amount = match payable {
            true => currency.from_minor(candidate.minor).0,
            false => odd.get(&candidate.line).copied().unwrap_or_default(),
        };
        let minor = Some(candidate.minor)
            .filter(|minor| payable && payments.contains(&(candidate.date, *minor)));
        let lookalike = match store.lookalikes_in(&kept, candidate.date, &canonical(amount), minor)
        {
            Ok(found) => found.into_iter().next(),
            Err(e) => {
                failed.get_or_insert(e);
                None
            }
        };
        let status = match &lookalike {
            Some(first) => RowStatus::ProbableDuplicate(describe(first)),
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
    let summary = tally.summary(file_name, &file.detected, &skipped, &currency, None);
    let mut names: Vec<(String, u32)> = numbers.into_iter().collect();
    names.sort_unstable_by_key(|(_, at)| *at);
    Ok(Some(DryRun {
        summary,
        book,
        currency,
        accepted: candidates,
        numbers: names.into_iter().map(|(number, _)| number).collect(),
        more,
    }))
}

impl DryRun {
    /// The payments, planned one at a time in the order they post.
    pub fn payments(&self) -> impl Iterator<Item = PlannedPayment> + '_ {
        let codes: HashMap<i64, &str> = self
            .book
            .customers
            .iter()
            .map(|(id, code, _)| (id.0, code.as_str()))
            .collect();
        let mut sequencer = Sequencer::new(&self.currency, &self.book);
        self.accepted.iter().map(move |row| {
            let named: Vec<u32> = match (row.first, row.more) {
                (NONE, _) => Vec::new(),
                (first, NONE) => vec![first],
                (_, more) => self.more[more as usize].clone(),
            };
            // As `accept` makes the decision: the invoices named first, else oldest first.
            let apply = if named.is_empty() {
                Apply::OldestFirst
            } else {
                Apply::Explicit(
                    named
                        .iter()
                        .map(|&n| (self.numbers[n as usize].clone(), None))
                        .collect(),
                )
            };
            let customer = codes.get(&row.customer).copied().unwrap_or_default();
            let amount = self.currency.from_minor(row.minor);
            let line = row.line as usize;
            let outcome = sequencer.post(row.date, line, amount, customer, &apply);
            payment(&self.currency, line, row.date, amount, &outcome)
        })
    }
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
    /// The first rows, held until `common` is known.
    first_rows: Vec<BankRow>,
    batch: Vec<BankRow>,
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
}

impl Judge<'_> {
    fn take(&mut self, row: BankRow, offset: usize) -> Result<(), RunError> {
        self.read = (self.read.0 + 1, offset);
        if self.common.is_none() {
            self.first_rows.push(row);
            if self.first_rows.len() == SAMPLE_ROWS {
                self.know_common();
            }
            return Ok(());
        }
        self.batch.push(row);
        if self.batch.len() == BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// The holder's own keys, from the first rows, which then join the batch.
    fn know_common(&mut self) {
        self.common = Some(Common::of(&self.first_rows));
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
        let batch = std::mem::take(&mut self.batch);
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
        // occurrence (how many rows before it in the file have the same fingerprint):
        // counted only for the fingerprints the book holds at all, so a new file's rows
        // need no count of every fingerprint seen.
        let imported = self
            .store
            .imported_occurrences(prints.iter().map(String::as_str))?;
        let known: Vec<bool> = prints
            .iter()
            .zip(&imported)
            .map(|(print, occurrences)| {
                if occurrences.is_empty() {
                    return false;
                }
                // `fingerprint` is always 32 hex digits, so this never falls back.
                let key = u128::from_str_radix(print, 16).unwrap_or_default();
                let seen = self.seen.entry(key).or_insert(0);
                let occurrence = *seen;
                *seen += 1;
                occurrences.contains(&occurrence)
            })
            .collect();
        drop((prints, imported));
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
            let suggestion = match suggestions.peek() {
                Some((at, _)) if *at == i => suggestions.next().and_then(|(_, s)| s),
                _ => None,
            };
            if known[i] {
                self.tally
                    .judge(kind, &RowStatus::AlreadyImported, false, false);
                continue;
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

/// Opens the file with the hints a bank profile fills in, as [`super::prepare`] reads it
/// (see `read_with_profile`).
fn open_with_profile(
    store: &Store,
    path: &Path,
    file_name: &str,
    hints: &Hints,
    named: Option<&str>,
) -> Result<Option<CsvFile>, RunError> {
    if let Some(name) = named
        && let Some((_, settings)) = store.bank_profile_named(name)?
    {
        let filled = parse_profile(&settings).fill(hints);
        return Ok(CsvFile::open(path, file_name, &filled)?);
    }
    // A file detection can't read without its profile's hints is read whole, as
    // `prepare` reads it (which finds the profile by the header alone).
    let Ok(Some(first)) = CsvFile::open(path, file_name, hints) else {
        return Ok(None);
    };
    // The signature is the header's as found with no header line given.
    let signature = match hints.header_line {
        None => first.detected.header_signature.clone(),
        Some(_) => {
            let auto = Hints {
                header_line: None,
                ..hints.clone()
            };
            CsvFile::open(path, file_name, &auto)
                .ok()
                .flatten()
                .and_then(|f| f.detected.header_signature)
                .or_else(|| first.detected.header_signature.clone())
        }
    };
    let remembered = match &signature {
        Some(signature) => store.bank_profile(signature)?,
        None => None,
    };
    match remembered {
        Some((_, settings)) => {
            let filled: Hints = BankProfile::fill(&parse_profile(&settings), hints);
            if filled == *hints {
                return Ok(Some(first));
            }
            Ok(CsvFile::open(path, file_name, &filled)?)
        }
        None => Ok(Some(first)),
    }
}
