//! A statement reviewed on the Import screen without holding it. A UTF-8 CSV file is
//! judged a row at a time as `owed import` judges it, keeping of each row only its
//! [`Fact`]s (48 bytes: where it is in the file, its date, amount, kind, whether it is
//! new, payable, like something in the book, matched confidently); a row is read again
//! from the file, and matched again, when the screen shows it. Any other file (another
//! encoding, OFX, CAMT, a spreadsheet) is read whole by [`super::prepare`], as before.
//! Decisions are what the user chose row by row, over the defaults (probable duplicates
//! skipped, and, once asked, every confident match accepted); the figures, the payments
//! planned and the commit all come from the same decisions, so what the screen says is
//! what Import writes.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use chrono::NaiveDate;

use super::commit::Committed;
use super::judge::{Accepted, Fact, Keep, NONE, judge};
use super::keys::Common;
use super::opening::{Opened, open_with_profile};
use super::sequence::Sequencer;
use super::streamed::{Writing, default_decision, write};
use super::summary::{PlannedPayment, Tally, payment};
use super::{
    Decision, ImportPlan, PlannedRow, RowKind, RowStatus, RunError, RunProblem, SetAside, Summary,
    fingerprint, kind_of, texts, unpostable,
};
use crate::domain::allocation::Apply;
use crate::domain::{Currency, Money};
use crate::import::matching::Matcher;
use crate::import::{Detected, Hints, Skipped};
use crate::store::{MatchBook, Store};

/// A file read and judged against the book, to decide on row by row.
pub struct Review {
    pub file_name: String,
    pub detected: Detected,
    pub currency: Currency,
    /// The bank profile whose settings were used, if one was.
    pub profile: Option<String>,
    /// Every row's facts, in the file's order.
    facts: Vec<Fact>,
    /// The rows matched confidently enough to accept, in the order they post, with the
    /// invoices they name (indexes into `numbers`; `more` for rows naming several).
    confident: Vec<Accepted>,
    numbers: Vec<String>,
    more: Vec<Vec<u32>>,
    /// The file's counts and totals, which no decision changes.
    counts: Tally,
    skipped: Vec<Skipped>,
    /// The currencies of the rows in another currency than the book's.
    foreign: Vec<String>,
    /// The book before the file, which payments are planned against.
    book: MatchBook,
    /// Customer codes by id.
    codes: HashMap<i64, String>,
    /// The confidence a match needs to be accepted with all confident ones.
    threshold: f64,
    source: Source,
}

enum Source {
    /// A file read whole.
    Whole(Box<ImportPlan>),
    /// A UTF-8 CSV file read a row at a time.
    File(Box<Streamed>),
}

struct Streamed {
    /// The open file (one reader at a time: a read seeks).
    opened: Mutex<Opened>,
    matcher: Matcher,
    common: Common,
    /// Probable duplicates, by line, with what they look like.
    lookalikes: HashMap<u32, crate::store::Lookalike>,
    rows_read: usize,
    known: usize,
}

/// What the screen filters and counts a row by, without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glance {
    pub kind: RowKind,
    pub date: Option<NaiveDate>,
    /// Already in the book.
    pub known: bool,
    /// New, and like something already in the book.
    pub lookalike: bool,
    /// Money in that can become a payment.
    pub payable: bool,
    /// Matched confidently enough to accept.
    pub confident: bool,
}

/// The user's decisions on a file's rows, over the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Rows decided one by one, by index.
    chosen: HashMap<usize, Decision>,
    /// "Accept all confident" was asked: every confident match not decided otherwise
    /// is accepted.
    all_confident: bool,
}

impl Decisions {
    /// Decides the row at `index`.
    pub fn choose(&mut self, index: usize, decision: Decision) {
        self.chosen.insert(index, decision);
    }
}

/// The figures the screen shows for a file with its decisions.
#[derive(Debug, Clone)]
pub struct Figures {
    pub summary: Summary,
    /// New money in matched confidently enough to accept.
    pub confident: usize,
    /// Payments an import now would post.
    pub to_post: usize,
    /// Rows an import now would add to the book.
    pub new_rows: usize,
    /// Whether the file holds new money in the book can take.
    pub can_post: bool,
    /// Where each payment goes, by the row's line: what Import writes.
    pub payments: HashMap<usize, PlannedPayment>,
    /// The rows in another currency.
    pub set_aside: Option<SetAside>,
}

impl std::fmt::Debug for Review {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Review")
            .field("file_name", &self.file_name)
            .field("rows", &self.facts.len())
            .field("streamed", &self.is_streamed())
            .finish_non_exhaustive()
    }
}

impl Review {
    /// Reads `path` (at most `max_size` bytes) with `hints` and the bank's profile
    /// (`named`, else the one remembered for its header); `confident`: the confidence a
    /// match needs to be accepted by "Accept all confident".
    pub fn open(
        store: &Store,
        path: &Path,
        max_size: u64,
        hints: &Hints,
        named: Option<&str>,
        confident: f64,
    ) -> Result<Review, RunError> {
        let file_name = path.display().to_string();
        let streamed = match crate::files::read::check_regular(path, max_size) {
            Ok(_) => open_with_profile(store, path, &file_name, hints, named)?,
            Err(_) => None,
        };
        match streamed {
            Some(opened) => Review::streamed(store, file_name, opened, confident),
            None => {
                let bytes = super::super::read_bank_file(path, max_size)?;
                let plan = super::prepare(store, &file_name, &bytes, hints, named)?;
                Review::whole(store, plan, confident)
            }
        }
    }

    fn streamed(
        store: &Store,
        file_name: String,
        mut opened: Opened,
        confident: f64,
    ) -> Result<Review, RunError> {
        let currency = store.currency().clone();
        // Read once (reading it took a sixth of a review against a big book): one copy
        // to match with, one to plan the payments against.
        let book = store.match_book()?;
        let matcher = Matcher::new(book.clone());
        let judged = judge(store, &mut opened.file, &matcher, confident, Keep::Facts)?;
        Ok(Review {
            detected: opened.file.detected.clone(),
            profile: opened.profile.clone(),
            file_name,
            currency,
            facts: judged.facts,
            confident: judged.accepted,
            numbers: judged.numbers,
            more: judged.more,
            counts: judged.tally.counts_only(),
            skipped: judged.skipped,
            foreign: judged.foreign,
            codes: codes(&book),
            book,
            threshold: confident,
            source: Source::File(Box::new(Streamed {
                opened: Mutex::new(opened),
                matcher,
                common: judged.common,
                lookalikes: judged.lookalikes,
                rows_read: judged.rows,
                known: judged.known,
            })),
        })
    }

    /// A review of a plan of the whole file.
    pub fn whole(store: &Store, plan: ImportPlan, confident: f64) -> Result<Review, RunError> {
        let book = store.match_book()?;
        let currency = plan.currency.clone();
        let mut counts = Tally::default();
        let mut facts = Vec::with_capacity(plan.rows.len());
        let mut accepted = Vec::new();
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut more = Vec::new();
        for row in &plan.rows {
            counts.count(row.row.line, row.kind, row.row.direction, row.row.amount);
            let payable = row.is_payable();
            let minor = match payable {
                true => currency
                    .to_minor_checked(Money(row.row.amount))
                    .unwrap_or_default(),
                false => 0,
            };
            let suggestion = row
                .suggestion
                .as_ref()
                .filter(|s| s.confidence >= confident);
            let is_confident = payable && row.status == RowStatus::New && suggestion.is_some();
            if let (true, Some(s), Some(date)) = (is_confident, suggestion, row.row.date) {
                let mut number = |n: &String| {
                    let next = numbers.len() as u32;
                    *numbers.entry(n.clone()).or_insert(next)
                };
                let named: Vec<u32> = s.invoices.iter().map(&mut number).collect();
                let (first, rest) = match named.as_slice() {
                    [] => (NONE, NONE),
                    [one] => (*one, NONE),
                    [one, ..] => {
                        more.push(named.clone());
                        (*one, more.len() as u32 - 1)
                    }
                };
                accepted.push(Accepted {
                    date,
                    line: row.row.line as u32,
                    minor,
                    customer: s.customer.0,
                    first,
                    more: rest,
                });
            }
            facts.push(Fact {
                offset: 0,
                check: 0,
                minor,
                line: row.row.line as u32,
                occurrence: row.occurrence,
                date: row.row.date,
                kind: row.kind,
                known: row.status == RowStatus::AlreadyImported,
                payable,
                lookalike: matches!(row.status, RowStatus::ProbableDuplicate(_)),
                confident: is_confident,
            });
        }
        accepted.sort_unstable_by_key(|a| (a.date, a.line));
        let mut names: Vec<(String, u32)> = numbers.into_iter().collect();
        names.sort_unstable_by_key(|(_, at)| *at);
        let foreign = plan.set_aside().map(|s| s.currencies).unwrap_or_default();
        Ok(Review {
            file_name: plan.file_name.clone(),
            detected: plan.detected.clone(),
            currency,
            profile: plan.profile.clone(),
            facts,
            confident: accepted,
            numbers: names.into_iter().map(|(n, _)| n).collect(),
            more,
            counts,
            skipped: plan.skipped.clone(),
            foreign,
            codes: codes(&book),
            book,
            threshold: confident,
            source: Source::Whole(Box::new(plan)),
        })
    }

    /// Rows in the file.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Whether the file is read a row at a time (else it is held whole).
    pub fn is_streamed(&self) -> bool {
        matches!(self.source, Source::File(_))
    }

    /// What the row at `index` is, without reading it.
    pub fn glance(&self, index: usize) -> Option<Glance> {
        self.facts.get(index).map(|f| Glance {
            kind: f.kind,
            date: f.date,
            known: f.known,
            lookalike: f.lookalike,
            payable: f.payable,
            confident: f.confident,
        })
    }

    /// The row at `index`, as [`super::prepare`] plans it: read again from the file
    /// (and matched again) when the file is not held.
    pub fn row(&self, index: usize) -> Result<PlannedRow, RunError> {
        let mut read = None;
        self.rows(std::iter::once(index), |_, row| {
            read = Some(row);
            false
        });
        read.unwrap_or_else(|| Err(RunError::Invalid(RunProblem::NoSuchRow { index })))
    }

    /// The rows at `indexes`, each given to `each` with its index as it is read, until
    /// `each` says to stop: a page of rows read with one look at the file's layout.
    pub fn rows(
        &self,
        indexes: impl IntoIterator<Item = usize>,
        each: impl FnMut(usize, Result<PlannedRow, RunError>) -> bool,
    ) {
        self.rows_with(indexes, each, true);
    }

    /// [`rows`](Self::rows) unless the file is being read by another thread (an import
    /// being written): then nothing is read and this says so (`false`), so that a
    /// window never waits on a write.
    pub fn rows_if_free(
        &self,
        indexes: impl IntoIterator<Item = usize>,
        each: impl FnMut(usize, Result<PlannedRow, RunError>) -> bool,
    ) -> bool {
        self.rows_with(indexes, each, false)
    }

    fn rows_with(
        &self,
        indexes: impl IntoIterator<Item = usize>,
        mut each: impl FnMut(usize, Result<PlannedRow, RunError>) -> bool,
        wait: bool,
    ) -> bool {
        let streamed = match &self.source {
            Source::Whole(plan) => {
                for index in indexes {
                    let row = plan
                        .rows
                        .get(index)
                        .cloned()
                        .ok_or(RunError::Invalid(RunProblem::NoSuchRow { index }));
                    if !each(index, row) {
                        break;
                    }
                }
                return true;
            }
            Source::File(streamed) => streamed,
        };
        let opened = match streamed.opened.try_lock() {
            Ok(opened) => opened,
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) if !wait => return false,
            Err(std::sync::TryLockError::WouldBlock) => streamed
                .opened
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        };
        let file = &opened.file;
        // Made once for the page: it reads the detection's sample.
        let builder = file.builder();
        for index in indexes {
            let row = match self.facts.get(index) {
                Some(fact) => self.read_again(streamed, file, &builder, fact),
                None => Err(RunError::Invalid(RunProblem::NoSuchRow { index })),
            };
            if !each(index, row) {
                break;
            }
        }
        true
    }

    fn read_again(
        &self,
        streamed: &Streamed,
        file: &crate::import::text::CsvFile,
        builder: &crate::import::rows::Builder<'_>,
        fact: &Fact,
    ) -> Result<PlannedRow, RunError> {
        let line = fact.line as usize;
        let changed = || {
            RunError::Invalid(RunProblem::RowChanged {
                file: self.file_name.clone(),
                line,
            })
        };
        let row = file
            .row_at(builder, fact.offset, line)?
            .ok_or_else(changed)?;
        let print = fingerprint(&row);
        if super::judge::check_of(&print) != fact.check || row.date != fact.date {
            return Err(changed());
        }
        let kind = kind_of(file.detected.currency.as_ref(), &row, &self.currency);
        let status = match (fact.known, streamed.lookalikes.get(&fact.line)) {
            (true, _) => RowStatus::AlreadyImported,
            (false, Some(why)) => RowStatus::ProbableDuplicate(super::Resembles(Some(why.clone()))),
            (false, None) => RowStatus::New,
        };
        let payer_keys = streamed.common.payer_keys(&row);
        let suggestion = match (kind, fact.known, row.date) {
            (RowKind::MoneyIn, false, Some(date)) => {
                streamed
                    .matcher
                    .suggest(date, Money(row.amount), &texts(&row), &payer_keys)
            }
            _ => None,
        };
        Ok(PlannedRow {
            unpostable: unpostable(kind, &row, &self.currency),
            row,
            fingerprint: print,
            occurrence: fact.occurrence,
            kind,
            status,
            suggestion,
            payer_keys,
        })
    }

    /// The decision on the row at `index`: the user's, else the default (a confident
    /// match accepted once all confident ones are, a probable duplicate skipped); `None`
    /// when undecided (kept unmatched if imported so).
    pub fn decision(&self, index: usize, decisions: &Decisions) -> Option<Decision> {
        if let Some(chosen) = decisions.chosen.get(&index) {
            return Some(chosen.clone());
        }
        let fact = self.facts.get(index)?;
        if decisions.all_confident && fact.confident {
            return self.suggested(fact);
        }
        fact.lookalike.then_some(Decision::Skip)
    }

    /// Whether the row at `index` is decided on (see [`decision`](Self::decision)),
    /// without making the decision.
    pub fn decided(&self, index: usize, decisions: &Decisions) -> bool {
        decisions.chosen.contains_key(&index)
            || self
                .facts
                .get(index)
                .is_some_and(|f| f.lookalike || (decisions.all_confident && f.confident))
    }

    /// Whether the row at `index` posts a payment with these decisions.
    fn accepts(&self, index: usize, fact: &Fact, decisions: &Decisions) -> bool {
        match decisions.chosen.get(&index) {
            Some(chosen) => matches!(chosen, Decision::Accept { .. }),
            None => decisions.all_confident && fact.confident,
        }
    }

    /// Accepting a confident row's suggestion, as [`accept`] makes it.
    fn suggested(&self, fact: &Fact) -> Option<Decision> {
        let date = fact.date?;
        let at = self
            .confident
            .binary_search_by_key(&(date, fact.line), |a| (a.date, a.line))
            .ok()?;
        let row = &self.confident[at];
        let named: Vec<u32> = match (row.first, row.more) {
            (NONE, _) => Vec::new(),
            (first, NONE) => vec![first],
            (_, more) => self.more[more as usize].clone(),
        };
        Some(Decision::Accept {
            customer: self.codes.get(&row.customer)?.clone(),
            apply: if named.is_empty() {
                Apply::OldestFirst
            } else {
                Apply::Explicit(
                    named
                        .iter()
                        .map(|&n| (self.numbers[n as usize].clone(), None))
                        .collect(),
                )
            },
        })
    }

    /// Accepts every confident match not decided otherwise; the number newly accepted.
    pub fn accept_all_confident(&self, decisions: &mut Decisions) -> usize {
        if decisions.all_confident {
            return 0;
        }
        decisions.all_confident = true;
        self.facts
            .iter()
            .enumerate()
            .filter(|(i, f)| f.confident && !decisions.chosen.contains_key(i))
            .count()
    }

    /// Whether the file holds new money in the book can take; without it no batch is
    /// written (see [`ImportPlan::can_post`]).
    pub fn can_post(&self) -> bool {
        self.facts.iter().any(|f| f.payable)
    }

    /// The rows in another currency than the book's (see [`ImportPlan::set_aside`]).
    pub fn set_aside(&self) -> Option<SetAside> {
        let rows = self
            .facts
            .iter()
            .filter(|f| f.kind == RowKind::Foreign)
            .count();
        (rows > 0).then(|| SetAside {
            currencies: self.foreign.clone(),
            rows,
            whole_file: rows == self.facts.len(),
            book: self.currency.code.clone(),
        })
    }

    /// The summary of the file with these decisions.
    pub fn summary(&self, decisions: &Decisions) -> Summary {
        let mut tally = self.counts.clone();
        for (index, fact) in self.facts.iter().enumerate() {
            let status = status_of(fact);
            let accepted = self.accepts(index, fact, decisions);
            tally.judge(fact.kind, &status, fact.payable, accepted);
        }
        tally.summary(
            &self.file_name,
            &self.detected,
            &self.skipped,
            &self.currency,
            None,
        )
    }

    /// The payments the file posts with these decisions, in the order they post (date,
    /// then line), each planned against the book as the earlier rows leave it.
    pub fn payments(&self, decisions: &Decisions) -> Vec<PlannedPayment> {
        let mut out = Vec::new();
        self.plan_payments(decisions, |p| out.push(p));
        out
    }

    /// Plans the payments as [`payments`](Self::payments) lists them, giving each to
    /// `each` as it is made (the screen keeps them by line: not held twice).
    fn plan_payments(&self, decisions: &Decisions, mut each: impl FnMut(PlannedPayment)) {
        let mut order: Vec<(NaiveDate, u32, usize)> = self
            .facts
            .iter()
            .enumerate()
            .filter(|(i, f)| f.payable && self.accepts(*i, f, decisions))
            .filter_map(|(i, f)| Some((f.date?, f.line, i)))
            .collect();
        order.sort_unstable();
        let mut sequencer = Sequencer::new(&self.currency, &self.book);
        for (date, line, index) in order {
            let Some(Decision::Accept { customer, apply }) = self.decision(index, decisions) else {
                continue;
            };
            let amount = self.currency.from_minor(self.facts[index].minor);
            let line = line as usize;
            let outcome = sequencer.post(date, line, amount, &customer, &apply);
            each(payment(&self.currency, line, date, amount, &outcome));
        }
    }

    /// Every figure the screen shows for these decisions.
    pub fn figures(&self, decisions: &Decisions) -> Figures {
        let mut payments = HashMap::new();
        self.plan_payments(decisions, |p| {
            payments.insert(p.line, p);
        });
        Figures {
            summary: self.summary(decisions),
            confident: self.facts.iter().filter(|f| f.confident).count(),
            to_post: self
                .facts
                .iter()
                .enumerate()
                .filter(|(i, f)| f.payable && self.accepts(*i, f, decisions))
                .count(),
            new_rows: self
                .facts
                .iter()
                .filter(|f| !f.known && f.kind != RowKind::Pending)
                .count(),
            can_post: self.can_post(),
            payments,
            set_aside: self.set_aside(),
        }
    }

    /// The decisions as a plan of the whole file takes them: undecided rows kept
    /// unmatched.
    pub fn final_decisions(&self, decisions: &Decisions) -> Vec<Decision> {
        (0..self.facts.len())
            .map(|i| {
                self.decision(i, decisions)
                    .unwrap_or(Decision::LeaveUnmatched)
            })
            .collect()
    }

    /// Writes the file with these decisions as one batch in one transaction, as
    /// [`super::commit`] writes a plan of the whole file; `progress(done, total)` as rows
    /// are written.
    pub fn commit(
        &self,
        store: &mut Store,
        decisions: &Decisions,
        progress: impl FnMut(usize, usize),
    ) -> Result<Committed, RunError> {
        let streamed = match &self.source {
            Source::Whole(plan) => {
                return super::commit(store, plan, &self.final_decisions(decisions), progress);
            }
            Source::File(streamed) => streamed,
        };
        let mut summary = self.summary(decisions);
        let payable = self.can_post();
        // Every new row with a booking date is written, in date order.
        let mut kept: Vec<super::judge::Kept> = self
            .facts
            .iter()
            .filter(|f| !f.known && f.kind != RowKind::Pending)
            .filter_map(|f| {
                Some(super::judge::Kept {
                    date: f.date?,
                    line: f.line,
                    offset: f.offset,
                    occurrence: f.occurrence,
                    check: f.check,
                })
            })
            .collect();
        kept.sort_unstable_by_key(|k| (k.date, k.line));
        if !payable || kept.is_empty() {
            return Ok(Committed {
                batch: None,
                summary,
            });
        }
        let opened = streamed
            .opened
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // The decision for a row read again: the user's, else the default.
        let decide = |planned: &PlannedRow| {
            let index = self
                .facts
                .binary_search_by_key(&(planned.row.line as u32), |f| f.line)
                .ok();
            if let Some(chosen) = index.and_then(|i| decisions.chosen.get(&i)) {
                return chosen.clone();
            }
            match (decisions.all_confident, &planned.status) {
                (true, _) => default_decision(planned, self.threshold),
                (false, RowStatus::ProbableDuplicate(_)) => Decision::Skip,
                (false, _) => Decision::LeaveUnmatched,
            }
        };
        let batch = write(
            store,
            &Writing {
                opened: &opened,
                file_name: &self.file_name,
                kept: &kept,
                book: &self.book,
                matcher: &streamed.matcher,
                common: &streamed.common,
                lookalikes: &streamed.lookalikes,
                rows_read: streamed.rows_read,
                known: streamed.known,
            },
            &decide,
            progress,
        )?;
        summary.batch = Some(batch.id);
        summary.payments = self.payments(decisions);
        summary.refused(&batch.not_posted);
        Ok(Committed {
            batch: Some(batch),
            summary,
        })
    }
}

fn status_of(fact: &Fact) -> RowStatus {
    match (fact.known, fact.lookalike) {
        (true, _) => RowStatus::AlreadyImported,
        // Only compared with `New` by the tally: the words are not needed.
        (false, true) => RowStatus::ProbableDuplicate(super::Resembles(None)),
        (false, false) => RowStatus::New,
    }
}

fn codes(book: &MatchBook) -> HashMap<i64, String> {
    book.customers
        .iter()
        .map(|(id, code, _)| (id.0, code.clone()))
        .collect()
}

#[cfg(test)]
mod tests;
