//! Promises to pay: one date and amount, or a repayment plan of several, and the pure
//! rules that judge each part kept, partly kept, broken or still open.
//!
//! What is accepted (`--promise` and the notes screen's promise field): `DATE:AMOUNT`,
//! or parts `DATE:AMOUNT` separated by `,` or `;` — `2026-12-10:300,2027-01-10:300`.
//! Dates are `YYYY-MM-DD` (1900..2199), strictly increasing; amounts are more than zero,
//! in the book's number format (the one parser, [`Currency::parse`]). A `,` separates
//! parts only where a date follows it, so amounts keep their own commas: `1,500.00` in
//! a decimal-point book, `300,50` in a decimal-comma one
//! (`2026-12-10:300,50,2027-01-10:300` is two parts there). At most
//! [`Promise::MAX_PARTS`] parts.
//!
//! The rules ([`Promise::judge`]): the payments that count are those dated from the day
//! the promise was made (on that day, only those entered after it), never a bounced one.
//! They are applied to the parts in date order, each part judged as of its own date: a
//! part takes what was paid by its date and not already taken by an earlier part, up to
//! its amount. So money paid after a part's date never mends that part (it was judged
//! on its day); it counts toward the next one. A part whose date has not passed is
//! `kept` once paid in full and `open` until then; a passed part is `kept` (paid in
//! full), `partly-kept` (something, not all) or `broken` (nothing).
//!
//! The whole promise: `broken` when any part is broken; else `open` while any part is
//! open; else `kept` when every part is; else `partly-kept`. One part: its own status.

use std::fmt;

use chrono::NaiveDate;

use super::NoteError;
use crate::domain::{Currency, Money};

/// One date and the amount promised by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PromisePart {
    pub date: NaiveDate,
    pub amount: Money,
}

/// A promise to pay: one part, or a repayment plan of several, dates strictly
/// increasing, every amount more than zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    parts: Vec<PromisePart>,
}

/// Where a part, or a whole promise, stands. The names are the JSON's; never translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PromiseStatus {
    #[default]
    Open,
    Kept,
    PartlyKept,
    Broken,
}

impl PromiseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PromiseStatus::Open => "open",
            PromiseStatus::Kept => "kept",
            PromiseStatus::PartlyKept => "partly-kept",
            PromiseStatus::Broken => "broken",
        }
    }
}

impl fmt::Display for PromiseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One part as judged: what was applied to it and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartStanding {
    pub date: NaiveDate,
    pub amount: Money,
    /// The payments applied to this part (never more than its amount).
    pub paid: Money,
    pub status: PromiseStatus,
}

impl PartStanding {
    /// What is still missing of this part.
    pub fn short(&self) -> Money {
        (self.amount - self.paid).max(Money::ZERO)
    }
}

/// A whole promise as judged on a day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PromiseStanding {
    pub today: Option<NaiveDate>,
    pub parts: Vec<PartStanding>,
    pub status: PromiseStatus,
}

impl PromiseStanding {
    /// The parts whose date has passed and that were not paid in full, in date order.
    pub fn short_parts(&self) -> impl Iterator<Item = &PartStanding> {
        let today = self.today;
        self.parts
            .iter()
            .filter(move |p| today.is_some_and(|t| p.date < t) && p.status != PromiseStatus::Kept)
    }

    /// Whether a part whose date has passed is short: the promise is broken (the ladder
    /// resumes, the worklist says so), whatever the later parts.
    pub fn is_broken(&self) -> bool {
        self.short_parts().next().is_some()
    }

    /// What is missing of the parts whose date has passed.
    pub fn short_passed(&self) -> Money {
        self.short_parts().map(PartStanding::short).sum()
    }

    /// The part falling due today and not yet paid in full.
    pub fn due_today(&self) -> Option<&PartStanding> {
        self.parts
            .iter()
            .find(|p| Some(p.date) == self.today && p.status == PromiseStatus::Open)
    }

    /// The part the promise waits for: no passed part is short, and this is the first
    /// part whose date has not passed that is not yet paid in full. While there is one,
    /// the promise holds the letter ladder (until its date).
    pub fn holding_part(&self) -> Option<&PartStanding> {
        if self.is_broken() {
            return None;
        }
        self.parts.iter().find(|p| p.status == PromiseStatus::Open)
    }

    /// The next part not yet paid in full whose date has not passed.
    pub fn next_open(&self) -> Option<&PartStanding> {
        self.parts.iter().find(|p| p.status == PromiseStatus::Open)
    }
}

impl Promise {
    /// The most parts a plan may have (five years of monthly payments).
    pub const MAX_PARTS: usize = 60;

    /// A promise of one date and amount.
    pub fn single(date: NaiveDate, amount: Money) -> Promise {
        Promise {
            parts: vec![PromisePart { date, amount }],
        }
    }

    /// A promise of these parts: at least one, at most [`Promise::MAX_PARTS`], dates
    /// strictly increasing and within the book's range, every amount more than zero.
    pub fn new(parts: Vec<PromisePart>) -> Result<Promise, String> {
        if parts.is_empty() {
            return Err("a promise needs at least one DATE:AMOUNT".into());
        }
        if parts.len() > Self::MAX_PARTS {
            return Err(format!(
                "a plan has at most {} parts, not {}",
                Self::MAX_PARTS,
                parts.len()
            ));
        }
        for (i, part) in parts.iter().enumerate() {
            if crate::domain::check_date(part.date).is_err() {
                return Err(format!("{} is outside 1900-01-01..2199-12-31", part.date));
            }
            if !part.amount.is_positive() {
                return Err(format!(
                    "the amount for {} must be more than zero",
                    part.date
                ));
            }
            if i > 0 && parts[i - 1].date >= part.date {
                return Err(format!(
                    "the dates must go forward: {} does not come after {}",
                    part.date,
                    parts[i - 1].date
                ));
            }
        }
        let total: Money = parts.iter().map(|p| p.amount).sum();
        if !Currency::within_bound(total) {
            return Err("the plan's total is too large".into());
        }
        Ok(Promise { parts })
    }

    /// Reads `DATE:AMOUNT[,DATE:AMOUNT…]` (see the module doc) in `currency`'s format.
    pub fn parse(text: &str, currency: &Currency) -> Result<Promise, NoteError> {
        let bad = |why: String| NoteError::BadPromise {
            text: text.trim().to_string(),
            why,
        };
        let pieces = split_parts(text);
        if pieces.len() > Self::MAX_PARTS {
            return Err(bad(format!(
                "a plan has at most {} parts, not {}",
                Self::MAX_PARTS,
                pieces.len()
            )));
        }
        let mut parts = Vec::with_capacity(pieces.len());
        for piece in pieces {
            if piece.is_empty() {
                return Err(bad("a part is empty".into()));
            }
            let Some((date, amount)) = piece.split_once(':') else {
                return Err(bad(format!("'{piece}' is not DATE:AMOUNT")));
            };
            let date = crate::domain::parse_date(date).map_err(|e| bad(e.to_string()))?;
            let amount = currency
                .parse(amount)
                .map_err(|e| bad(format!("{date}: {e}")))?;
            parts.push(PromisePart { date, amount });
        }
        Promise::new(parts).map_err(bad)
    }

    pub fn parts(&self) -> &[PromisePart] {
        &self.parts
    }

    /// A plan of more than one part.
    pub fn is_plan(&self) -> bool {
        self.parts.len() > 1
    }

    pub fn first_date(&self) -> NaiveDate {
        self.parts[0].date
    }

    /// The last part's date: the promise is settled one way or the other after it.
    pub fn last_date(&self) -> NaiveDate {
        self.parts[self.parts.len() - 1].date
    }

    /// Everything promised.
    pub fn total(&self) -> Money {
        self.parts.iter().map(|p| p.amount).sum()
    }

    /// The text [`Promise::parse`] reads back, amounts in `currency`'s plain form
    /// written the book's way.
    pub fn to_text(&self, currency: &Currency) -> String {
        self.parts
            .iter()
            .map(|p| format!("{}:{}", p.date, currency.editable(p.amount)))
            .collect::<Vec<_>>()
            .join(if currency.format.decimal_mark() == ',' {
                ";"
            } else {
                ","
            })
    }

    /// Judges the parts as of `today` (see the module doc). `paid_through[i]` is what
    /// counts as paid from the day the promise was made through part `i`'s date; a
    /// missing entry counts as the last one given (or nothing).
    pub fn judge(&self, paid_through: &[Money], today: NaiveDate) -> PromiseStanding {
        let mut taken = Money::ZERO;
        let mut parts = Vec::with_capacity(self.parts.len());
        for (i, part) in self.parts.iter().enumerate() {
            let through = paid_through
                .get(i)
                .or(paid_through.last())
                .copied()
                .unwrap_or(Money::ZERO);
            let paid = (through - taken).max(Money::ZERO).min(part.amount);
            taken += paid;
            let status = if paid >= part.amount {
                PromiseStatus::Kept
            } else if part.date >= today {
                PromiseStatus::Open
            } else if paid.is_positive() {
                PromiseStatus::PartlyKept
            } else {
                PromiseStatus::Broken
            };
            parts.push(PartStanding {
                date: part.date,
                amount: part.amount,
                paid,
                status,
            });
        }
        let any = |s| parts.iter().any(|p: &PartStanding| p.status == s);
        let status = if any(PromiseStatus::Broken) {
            PromiseStatus::Broken
        } else if any(PromiseStatus::Open) {
            PromiseStatus::Open
        } else if parts.iter().all(|p| p.status == PromiseStatus::Kept) {
            PromiseStatus::Kept
        } else {
            PromiseStatus::PartlyKept
        };
        PromiseStanding {
            today: Some(today),
            parts,
            status,
        }
    }
}

/// The parts of a plan's text: split at every `;`, and at a `,` only where a date
/// (four digits and a `-`) follows it, so an amount's own commas stay inside it.
fn split_parts(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for chunk in text.split(';') {
        let mut start = 0;
        for (at, c) in chunk.char_indices() {
            if c != ',' {
                continue;
            }
            let rest = chunk[at + 1..].trim_start().as_bytes();
            let starts_a_date =
                rest.len() > 4 && rest[..4].iter().all(u8::is_ascii_digit) && rest[4] == b'-';
            if starts_a_date {
                out.push(chunk[start..at].trim());
                start = at + 1;
            }
        }
        out.push(chunk[start..].trim());
    }
    out
}

#[cfg(test)]
mod tests;
