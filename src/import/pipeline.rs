//! From a statement file to payments in the book. `prepare` reads the file, gives every
//! row a fingerprint (account, date, amount, description, reference, plus which
//! occurrence of that fingerprint in the file it is), tells new rows from ones already
//! imported or probably duplicated, and suggests a customer for money in. `commit`
//! writes the user's decisions as one batch in one transaction; `undo` reverses a batch.
//! The CLI and the Import screen both call these.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::matching::{Matcher, Suggestion};
use super::{BankRow, Detected, Direction, Hints, ImportError, Statement, hex, read_statement};
use crate::domain::allocation::Apply;
use crate::domain::{Currency, Money};
use crate::store::{Store, StoreError};

/// Why an import could not be prepared, committed or undone.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Read(#[from] ImportError),
    #[error(transparent)]
    Book(#[from] StoreError),
    /// Neither the file's fault nor the book's: a row that changed, one the file does
    /// not hold, a kept row that is not money in.
    #[error("{0}")]
    Invalid(RunProblem),
}

/// What kind of movement a row is, for the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    MoneyIn,
    MoneyOut,
    /// In another currency than the book's.
    Foreign,
    /// No money moved for the holder.
    Neutral,
    /// Not booked yet (no date): it will come again, dated, in a later export.
    Pending,
}

/// Whether the row is new to the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowStatus {
    New,
    AlreadyImported,
    /// New by its fingerprint but looks like something already in the book.
    ProbableDuplicate(Resembles),
}

/// A row of the file, ready to decide on.
#[derive(Debug, Clone)]
pub struct PlannedRow {
    pub row: BankRow,
    pub fingerprint: String,
    pub occurrence: u32,
    pub kind: RowKind,
    pub status: RowStatus,
    pub suggestion: Option<Suggestion>,
    /// Payer name/account keys, learned when the row is accepted.
    pub payer_keys: Vec<String>,
    /// Why this money in can never be posted as it is (`29.005 has more decimals than
    /// USD allows`): it is kept unmatched, with this reason, whatever is decided.
    pub unpostable: Option<Unpostable>,
}

impl PlannedRow {
    /// Money in that can become a payment now.
    pub fn is_payable(&self) -> bool {
        self.kind == RowKind::MoneyIn
            && self.status != RowStatus::AlreadyImported
            && self.unpostable.is_none()
    }
}

/// The user's decision on one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Post a payment for this customer (code), allocated as `apply` says.
    Accept { customer: String, apply: Apply },
    /// Keep it as an unmatched bank row, to come back to.
    LeaveUnmatched,
    /// Not a customer payment (or a duplicate): keep it as skipped.
    Skip,
}

/// A file read and checked against the book, nothing written yet.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    pub file_name: String,
    pub sha256: String,
    pub detected: Detected,
    pub skipped: Vec<super::Skipped>,
    pub rows: Vec<PlannedRow>,
    /// The bank profile whose settings were used, if one was.
    pub profile: Option<String>,
    /// What the bank's profile is remembered under: the signature of the header found
    /// without the user's `--header-line`, so that the next file, read the same way
    /// before any profile is applied, finds it.
    pub profile_signature: Option<String>,
    /// The hints the file was read with (the user's, filled in from the profile).
    pub hints: Hints,
    pub currency: Currency,
}

/// The settings remembered for a bank, found again by its header's signature.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankProfile {
    pub encoding: Option<String>,
    pub date_format: Option<String>,
    pub delimiter: Option<char>,
    pub decimal_mark: Option<char>,
    /// Profiles saved before these existed read them as absent.
    #[serde(default)]
    pub sign: Option<super::Sign>,
    #[serde(default)]
    pub amount_column: Option<String>,
    #[serde(default)]
    pub header_line: Option<usize>,
}

impl BankProfile {
    fn fill(&self, hints: &Hints) -> Hints {
        Hints {
            encoding: hints.encoding.clone().or_else(|| self.encoding.clone()),
            date_format: hints
                .date_format
                .clone()
                .or_else(|| self.date_format.clone()),
            year: hints.year,
            delimiter: hints.delimiter.or(self.delimiter),
            decimal_mark: hints.decimal_mark.or(self.decimal_mark),
            sign: hints.sign.or(self.sign),
            amount_column: hints
                .amount_column
                .clone()
                .or_else(|| self.amount_column.clone()),
            header_line: hints.header_line.or(self.header_line),
        }
    }
    fn from_hints(hints: &Hints) -> BankProfile {
        BankProfile {
            encoding: hints.encoding.clone(),
            date_format: hints.date_format.clone(),
            delimiter: hints.delimiter,
            decimal_mark: hints.decimal_mark,
            sign: hints.sign,
            amount_column: hints.amount_column.clone(),
            header_line: hints.header_line,
        }
    }
}

/// Reads `bytes` and checks every row against the book. `profile` names a remembered
/// bank profile to read with; without it, the profile of a bank whose header matches is
/// used. A file that needs a hint the profile gives is read again with it.
pub fn prepare(
    store: &Store,
    file_name: &str,
    bytes: &[u8],
    hints: &Hints,
    profile: Option<&str>,
) -> Result<ImportPlan, RunError> {
    let (statement, hints, profile) = read_with_profile(store, file_name, bytes, hints, profile)?;
    let profile_signature = profile_key(file_name, bytes, &hints, Some(&statement.detected));
    let currency = store.currency().clone();
    let Statement {
        detected,
        rows: read,
        skipped,
    } = statement;
    let mut rows = Vec::with_capacity(read.len());
    // Occurrences counted by the fingerprint's own 128 bits (it is their hex): no copy
    // of each fingerprint's text held beside the rows.
    let mut seen: HashMap<u128, u32> = HashMap::with_capacity(read.len());
    let payer_keys = keys::payer_keys(&read);
    // The rows move into the plan (not copied): a big file is held once.
    for (row, payer_keys) in read.into_iter().zip(payer_keys) {
        let fingerprint = fingerprint(&row);
        // `fingerprint` is always 32 hex digits, so this never falls back.
        let key = u128::from_str_radix(&fingerprint, 16).unwrap_or_default();
        let occurrence = seen.entry(key).or_default();
        let this = *occurrence;
        *occurrence += 1;
        let kind = kind_of(detected.currency.as_ref(), &row, &currency);
        let unpostable = unpostable(kind, &row, &currency);
        rows.push(PlannedRow {
            row,
            fingerprint,
            occurrence: this,
            kind,
            status: RowStatus::New,
            suggestion: None,
            payer_keys,
            unpostable,
        });
    }
    let known =
        store.known_fingerprints(rows.iter().map(|r| (r.fingerprint.as_str(), r.occurrence)))?;
    let matcher = Matcher::new(store.match_book()?);
    // Hand-entered payments and kept rows of the file's dates, read once instead of
    // once per row.
    let dates = || rows.iter().filter_map(|r| r.row.date);
    // As the book compares dates: as text.
    let days = || dates().map(|d| d.to_string());
    let kept = match (days().min(), days().max()) {
        (Some(from), Some(to)) => store.kept_rows_between(&from, &to)?,
        _ => Default::default(),
    };
    for (planned, known) in rows.iter_mut().zip(known) {
        if known {
            planned.status = RowStatus::AlreadyImported;
            continue;
        }
        let Some(date) = planned.row.date else {
            continue;
        };
        if planned.kind == RowKind::MoneyIn {
            let amount = Money(planned.row.amount);
            let minor = currency.to_minor_checked(amount);
            let lookalikes =
                store.lookalikes_in(&kept, date, &canonical(planned.row.signed()), minor)?;
            if let Some(first) = lookalikes.first() {
                planned.status = RowStatus::ProbableDuplicate(Resembles(Some(first.clone())));
            }
        }
    }
    // Each row matched on its own: half the rows on another core.
    let half = rows.len() / 2;
    let (first, second) = rows.split_at_mut(half);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| suggest_all(&matcher, first));
        suggest_all(&matcher, second);
        other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    });
    // Freeing a big book's indexes takes a noticeable part of a second: not waited for.
    std::thread::spawn(move || drop(matcher));
    Ok(ImportPlan {
        file_name: file_name.to_string(),
        sha256: hex(&Sha256::digest(bytes)),
        detected,
        skipped,
        rows,
        profile,
        profile_signature,
        hints,
        currency,
    })
}

fn read_with_profile(
    store: &Store,
    file_name: &str,
    bytes: &[u8],
    hints: &Hints,
    named: Option<&str>,
) -> Result<(Statement, Hints, Option<String>), RunError> {
    if let Some(name) = named {
        // A name not seen yet is the name the profile will be saved under.
        if let Some((_, settings)) = store.bank_profile_named(name)? {
            let hints = parse_profile(&settings).fill(hints);
            return Ok((
                read_statement(file_name, bytes, &hints)?,
                hints,
                Some(name.to_string()),
            ));
        }
    }
    let first = read_statement(file_name, bytes, hints);
    let signature = profile_key(
        file_name,
        bytes,
        hints,
        first.as_ref().ok().map(|s| &s.detected),
    );
    let remembered = match &signature {
        Some(signature) => store.bank_profile(signature)?,
        None => None,
    };
    match remembered {
        Some((name, settings)) => {
            let filled = parse_profile(&settings).fill(hints);
            if filled == *hints {
                return Ok((first?, hints.clone(), Some(name)));
            }
            Ok((
                read_statement(file_name, bytes, &filled)?,
                filled,
                Some(name),
            ))
        }
        None => Ok((first?, hints.clone(), named.map(str::to_string))),
    }
}

/// The signature a bank's profile is found by: the header's as detection finds it with
/// no header line given (the user's choice of header line is part of the profile).
fn profile_key(
    file_name: &str,
    bytes: &[u8],
    hints: &Hints,
    detected: Option<&super::Detected>,
) -> Option<String> {
    match detected {
        Some(detected) if hints.header_line.is_none() => detected.header_signature.clone(),
        _ => {
            let auto = Hints {
                header_line: None,
                ..hints.clone()
            };
            super::signature_of(file_name, bytes, &auto)
                .or_else(|| detected.and_then(|d| d.header_signature.clone()))
        }
    }
}

fn parse_profile(settings: &str) -> BankProfile {
    // A profile this build cannot read is no worse than none: detection still runs.
    serde_json::from_str(settings).unwrap_or_default()
}

/// What a row is to the book; `main` is the statement's own currency, when it says.
fn kind_of(main: Option<&String>, row: &BankRow, currency: &Currency) -> RowKind {
    let code = row.currency.as_ref().or(main);
    if code.is_some_and(|c| !c.eq_ignore_ascii_case(&currency.code)) {
        return RowKind::Foreign;
    }
    if row.date.is_none() {
        return RowKind::Pending;
    }
    match row.direction {
        Direction::In if row.amount > Decimal::ZERO => RowKind::MoneyIn,
        Direction::Out if row.amount > Decimal::ZERO => RowKind::MoneyOut,
        _ => RowKind::Neutral,
    }
}

/// The suggestion for each new money-in row of `rows`.
fn suggest_all(matcher: &Matcher, rows: &mut [PlannedRow]) {
    for planned in rows {
        if planned.kind != RowKind::MoneyIn || planned.status == RowStatus::AlreadyImported {
            continue;
        }
        let Some(date) = planned.row.date else {
            continue;
        };
        let texts = texts(&planned.row);
        planned.suggestion =
            matcher.suggest(date, Money(planned.row.amount), &texts, &planned.payer_keys);
    }
}

fn texts(row: &BankRow) -> Vec<&str> {
    let mut out = vec![row.description.as_str()];
    out.extend(row.reference.as_deref());
    out.extend(row.counterparty.as_deref());
    out
}

/// The decisions the app proposes: accept every new payment matched at least this
/// confidently, leave other money in unmatched, skip probable duplicates.
pub fn default_decisions(plan: &ImportPlan, threshold: f64) -> Vec<Decision> {
    plan.rows
        .iter()
        .map(|row| match (&row.status, &row.suggestion) {
            (RowStatus::New, Some(s)) if row.is_payable() && s.confidence >= threshold => accept(s),
            (RowStatus::ProbableDuplicate(_), _) => Decision::Skip,
            _ => Decision::LeaveUnmatched,
        })
        .collect()
}

/// Accepting a suggestion: the invoices it names first, else oldest first.
pub fn accept(s: &Suggestion) -> Decision {
    Decision::Accept {
        customer: s.code.clone(),
        apply: if s.invoices.is_empty() {
            Apply::OldestFirst
        } else {
            Apply::Explicit(s.invoices.iter().map(|n| (n.clone(), None)).collect())
        },
    }
}

/// The rows of a file set aside because they are in another currency than the book's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Their currencies, as the file names them (empty when it does not).
    pub currencies: Vec<String>,
    pub rows: usize,
    /// Every row of the file is one of them.
    pub whole_file: bool,
    /// The book's currency.
    pub book: String,
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let movements = match self.rows {
            1 => "1 movement".to_string(),
            n => format!("{n} movements"),
        };
        match (self.currencies.as_slice(), self.whole_file) {
            ([code], true) => write!(
                f,
                "the file is in {code}, the book in {}: {movements} set aside",
                self.book
            ),
            ([], _) => write!(
                f,
                "{movements} in another currency set aside: the book is in {}",
                self.book
            ),
            (codes, _) => write!(
                f,
                "{movements} in {} set aside: the book is in {}",
                codes.join(", "),
                self.book
            ),
        }
    }
}

mod commit;
mod dry_run;
mod judge;
mod kept;
mod keys;
mod opening;
mod problem;
mod redirect;
mod review;
mod sequence;
mod streamed;
mod summary;
mod why;

pub use commit::{Committed, assign_unmatched, commit, undo};
pub use dry_run::{DryRun, dry_run};
pub use kept::KeptWhy;
pub use keys::{canonical, fingerprint};
pub use problem::RunProblem;
pub use redirect::{Gone, Redirect, Then};
pub use review::{Decisions, Figures, Glance, Review};
use sequence::sequence;
pub use streamed::{Imported, import_streamed};
pub use summary::{
    Count, CountTotal, DetectedSummary, NotPosted, PlannedPayment, SkippedLine, Summary,
};
use why::unpostable;
pub use why::{Resembles, Unpostable};

impl ImportPlan {
    /// Whether the file holds anything the book can take: new money in, in the book's
    /// currency, with a booking date. A file without (all of it in another currency, or
    /// only money out) is not imported: no empty batch is written.
    pub fn can_post(&self) -> bool {
        self.rows.iter().any(PlannedRow::is_payable)
    }

    /// The rows in another currency than the book's (`None` when there are none); its
    /// `Display` says it in words: `the file is in EUR, the book in USD: 11 movements set
    /// aside`.
    pub fn set_aside(&self) -> Option<SetAside> {
        let foreign: Vec<&PlannedRow> = self
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Foreign)
            .collect();
        if foreign.is_empty() {
            return None;
        }
        let mut currencies: Vec<String> = foreign
            .iter()
            .filter_map(|r| {
                r.row
                    .currency
                    .clone()
                    .or_else(|| self.detected.currency.clone())
            })
            .map(|c| c.to_uppercase())
            .collect();
        currencies.sort();
        currencies.dedup();
        Some(SetAside {
            currencies,
            rows: foreign.len(),
            whole_file: foreign.len() == self.rows.len(),
            book: self.currency.code.clone(),
        })
    }

    /// The payments the file posts with these decisions, each allocated against the book
    /// as the file's earlier rows leave it (see [`sequence`]): what the commit writes.
    pub fn planned_payments(
        &self,
        store: &Store,
        decisions: &[Decision],
    ) -> Result<Vec<PlannedPayment>, RunError> {
        Ok(self.planned_payments_against(&store.match_book()?, decisions))
    }

    /// [`planned_payments`](Self::planned_payments) against open items already read
    /// (`Store::match_book`): the screen reads them once per file and plans again, with no
    /// I/O, each time a decision changes.
    pub fn planned_payments_against(
        &self,
        book: &crate::store::MatchBook,
        decisions: &[Decision],
    ) -> Vec<PlannedPayment> {
        summary::planned_payments(self, &sequence(self, decisions, book))
    }
}
