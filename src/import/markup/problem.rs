//! What is wrong in an OFX or CAMT.053 file, as parts: markup that cannot be read or
//! holds no statement ([`MarkupProblem`]), what an element's value must be
//! ([`ExpectedValue`]) and what lacks an element ([`FieldHolder`]). The import screen
//! and `owed import` say them in the language chosen (`src/i18n/errors/import/markup.rs`);
//! their `Display` is the English the command has always printed, word for word.

use std::fmt;

use rust_decimal::Decimal;

/// Why an OFX or CAMT file could not be read, or holds no statement to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkupProblem {
    /// Elements nested deeper than `most` levels.
    TooDeep { most: usize },
    /// A comment, declaration or tag (its start, shortened) with no `end` after it.
    NeverClosed { start: String, end: &'static str },
    /// Text between `<` and `>` that is not a tag (shortened).
    NotATag { text: String },
    /// The XML reader's own words.
    NotWellFormed(String),
    /// An entity that is neither predefined nor a character reference (its name).
    UnknownEntity { name: String },
    /// The file ends with this element still open.
    EndsInside { element: String },
    /// An OFX file with no bank or credit-card statement.
    NoOfxStatement,
    /// An OFX transaction outside any statement.
    OfxTransactionOutside,
    /// A CAMT file with no statement.
    NoCamtStatement,
    /// A CAMT entry outside any statement.
    CamtEntryOutside,
    /// A CAMT entry whose `count` transactions add up to `sum`, not its `amount`
    /// (money out negative).
    EntryDoesNotAddUp {
        count: usize,
        sum: Decimal,
        amount: Decimal,
    },
}

impl fmt::Display for MarkupProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarkupProblem::TooDeep { most } => write!(f, "elements nested more than {most} deep"),
            MarkupProblem::NeverClosed { start, end } => {
                write!(f, "'{start}' is never closed with '{end}'")
            }
            MarkupProblem::NotATag { text } => write!(f, "'{text}' is not a tag"),
            MarkupProblem::NotWellFormed(error) => write!(f, "not well-formed XML: {error}"),
            MarkupProblem::UnknownEntity { name } => write!(f, "unknown entity '&{name};'"),
            MarkupProblem::EndsInside { element } => {
                write!(f, "the file ends inside <{element}>")
            }
            MarkupProblem::NoOfxStatement => {
                f.write_str("no OFX bank or credit-card statement (STMTRS or CCSTMTRS) found")
            }
            MarkupProblem::OfxTransactionOutside => {
                f.write_str("a transaction (STMTTRN) outside any statement")
            }
            MarkupProblem::NoCamtStatement => {
                f.write_str("no CAMT.053 statement (BkToCstmrStmt/Stmt) found")
            }
            MarkupProblem::CamtEntryOutside => f.write_str("an entry (Ntry) outside any statement"),
            MarkupProblem::EntryDoesNotAddUp { count, sum, amount } => write!(
                f,
                "the entry's {count} transactions (TxDtls) add up to {sum}, not its amount \
                 {amount}"
            ),
        }
    }
}

/// What an OFX or CAMT element's value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectedValue {
    /// OFX `DTPOSTED`.
    OfxDate,
    /// OFX `TRNAMT`.
    OfxAmount,
    /// CAMT `Amt`.
    CamtAmount,
    /// CAMT `CdtDbtInd`.
    CreditOrDebit,
    /// CAMT `Dt` or `DtTm`.
    IsoDate,
    /// CAMT `Sts`.
    EntryStatus,
}

impl fmt::Display for ExpectedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ExpectedValue::OfxDate => "an OFX date (YYYYMMDD…)",
            ExpectedValue::OfxAmount => "an amount",
            ExpectedValue::CamtAmount => "an amount (digits and a decimal point, not negative)",
            ExpectedValue::CreditOrDebit => "CRDT or DBIT",
            ExpectedValue::IsoDate => "an ISO 8601 date (YYYY-MM-DD)",
            ExpectedValue::EntryStatus => "BOOK, PDNG or INFO",
        })
    }
}

/// What lacks an element it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldHolder {
    /// An OFX transaction (`STMTTRN`).
    OfxTransaction,
    /// A CAMT entry (`Ntry`).
    CamtEntry,
    /// Another element, by its name as the file writes it (`BookgDt`, `ValDt`).
    Element(String),
}

impl fmt::Display for FieldHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldHolder::OfxTransaction => f.write_str("the transaction (STMTTRN)"),
            FieldHolder::CamtEntry => f.write_str("the entry (Ntry)"),
            FieldHolder::Element(name) => write!(f, "<{name}>"),
        }
    }
}
