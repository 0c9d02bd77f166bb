//! Collection notes: what was done to get paid, and what the customer promised.
//! Notes are append-only; a correction is a new note.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::{self, TEXT_MAX, TextError};

mod promise;
pub use promise::{PartStanding, Promise, PromisePart, PromiseStanding, PromiseStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Call,
    Email,
    Letter,
    Visit,
    Message,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Call,
        Channel::Email,
        Channel::Letter,
        Channel::Visit,
        Channel::Message,
        Channel::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Call => "call",
            Channel::Email => "email",
            Channel::Letter => "letter",
            Channel::Visit => "visit",
            Channel::Message => "message",
            Channel::Other => "other",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("channel must be one of call, email, letter, visit, message, other — not '{0}'")]
    BadChannel(String),
    #[error("direction must be out or in, not '{0}'")]
    BadDirection(String),
    #[error("the summary must not be empty")]
    EmptySummary,
    #[error(
        "a promise is DATE:AMOUNT or a plan DATE:AMOUNT,DATE:AMOUNT,… (`;` also separates parts), like 2026-12-10:300,2027-01-10:300 — not '{text}': {why}"
    )]
    BadPromise { text: String, why: String },
    #[error(transparent)]
    Text(#[from] TextError),
}

impl FromStr for Channel {
    type Err = NoteError;
    fn from_str(text: &str) -> Result<Channel, NoteError> {
        let lower = text.trim().to_lowercase();
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == lower)
            .ok_or_else(|| NoteError::BadChannel(text.trim().to_string()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Out,
    In,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Out => "out",
            Direction::In => "in",
        }
    }
}

impl FromStr for Direction {
    type Err = NoteError;
    fn from_str(text: &str) -> Result<Direction, NoteError> {
        match text.trim().to_lowercase().as_str() {
            "out" | "outbound" => Ok(Direction::Out),
            "in" | "inbound" => Ok(Direction::In),
            _ => Err(NoteError::BadDirection(text.trim().to_string())),
        }
    }
}

/// A note as the user writes it, before the book gives it an id and a customer row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteDraft {
    pub customer_code: String,
    pub invoice_number: Option<String>,
    pub channel: Channel,
    pub direction: Direction,
    pub summary: String,
    pub outcome: Option<String>,
    pub promise: Option<Promise>,
    pub follow_up: Option<NaiveDate>,
}

impl NoteDraft {
    /// A summary that says something (several lines are fine), an outcome and invoice
    /// number without control characters or bidi overrides (see [`text`]).
    pub fn validate(&self) -> Result<(), NoteError> {
        if text::is_blank(&self.summary) {
            return Err(NoteError::EmptySummary);
        }
        text::check_multiline("summary", &self.summary, TEXT_MAX)?;
        text::check_optional_multiline("outcome", self.outcome.as_deref(), TEXT_MAX)?;
        text::check_optional_line("invoice", self.invoice_number.as_deref(), text::NUMBER_MAX)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_may_have_lines_but_no_hidden_characters() {
        let mut draft = NoteDraft {
            customer_code: "C1".into(),
            invoice_number: None,
            channel: Channel::Call,
            direction: Direction::Out,
            summary: "Called\nPromised Friday".into(),
            outcome: None,
            promise: None,
            follow_up: None,
        };
        assert_eq!(draft.validate(), Ok(()));
        draft.summary = "\u{200B}\u{200B}".into();
        assert_eq!(draft.validate(), Err(NoteError::EmptySummary));
        draft.summary = "paid\u{1b}[2J".into();
        assert!(
            draft
                .validate()
                .unwrap_err()
                .to_string()
                .starts_with("summary: contains a control character (U+001B) at position 5")
        );
        draft.summary = "ok".into();
        draft.outcome = Some("x".repeat(TEXT_MAX + 1));
        assert!(
            draft
                .validate()
                .unwrap_err()
                .to_string()
                .starts_with("outcome: is 2001")
        );
    }
}
