//! Bank-statement import. The reading side (`read_statement`) is pure: bytes of any
//! bank's CSV export, XLSX/XLS/ODS export (`sheet`), OFX/QFX statement (`ofx`) or ISO
//! 20022 CAMT.053 statement (`camt`) in, a parsed statement out; the kind is told from
//! the content, never the file name. The user tells the app nothing about the file:
//! encoding, delimiter, header row, date format, decimal mark and amount layout are found
//! from the file itself by scoring candidates (`Hints` only override). Whatever cannot be read exactly stops the import with the file, line and
//! column; nothing is replaced, guessed into a date or dropped silently.
//!
//! The book side (`pipeline`) fingerprints each row against what was imported before,
//! suggests the customer (`matching`), and commits a batch in one transaction that can be
//! undone.

mod amount;
mod camt;
mod columns;
pub use columns::{MONEY_LAYOUTS, MoneyLayout};
mod date;
mod decode;
mod hint;
pub use hint::HintProblem;
mod keywords;
mod layout;
mod markup;
pub use markup::{ExpectedValue, FieldHolder, MarkupProblem};
mod not_statement;
pub use not_statement::{Document, NotStatement, Packed};
pub mod matching;
mod ofx;
mod pipeline;

pub use pipeline::{
    BankProfile, Committed, Count, CountTotal, Decision, Decisions, DetectedSummary, DryRun,
    Figures, Glance, Gone, ImportPlan, Imported, KeptWhy, NotPosted, PlannedPayment, PlannedRow,
    Redirect, Resembles, Review, RowKind, RowStatus, RunError, RunProblem, SetAside, SkippedLine,
    Summary, Then, Unpostable, accept, assign_unmatched, canonical, commit, default_decisions,
    dry_run, fingerprint, import_streamed, prepare, undo,
};
mod records;
mod rows;
mod sample;
mod sheet;
mod sign;
pub use sign::{CardSeen, DoubtRows, SignDoubt, SignWhy};
mod source;
mod text;
mod tokens;

/// Rows of a file that tell what is common to all of them (the holder's own name and
/// account): its first ones, so a file read a row at a time finds the same as one read whole.
pub const SAMPLE_ROWS: usize = sample::HEAD;

pub use source::{DEFAULT_MAX_SIZE, describe_size, parse_size, read_bank_file, recognise};

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What the user may say about a file when detection cannot decide; all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// An encoding label such as `windows-1250` or `gbk`.
    pub encoding: Option<String>,
    /// A strftime format such as `%m/%d/%Y` (`--date-format`).
    pub date_format: Option<String>,
    /// The year for dates written without one (`--year`).
    pub year: Option<i32>,
    pub delimiter: Option<char>,
    pub decimal_mark: Option<char>,
    /// Which way a signed amount column counts (`--sign`): a card statement writes
    /// purchases as positive numbers.
    pub sign: Option<Sign>,
    /// The amount column to read when a file has several (`--amount-column`): a header
    /// name or a 1-based column number.
    pub amount_column: Option<String>,
    /// The 1-based line of the header row (`--header-line`); 0 when the file has none.
    pub header_line: Option<usize>,
}

/// Which way a signed amount column counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// Money in positive, money out negative: a bank account.
    #[default]
    Normal,
    /// Purchases (money out) positive, repayments and refunds negative or marked `+`:
    /// a card statement written from the card issuer's side.
    Inverted,
}

impl Sign {
    pub fn flipped(self) -> Sign {
        match self {
            Sign::Normal => Sign::Inverted,
            Sign::Inverted => Sign::Normal,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sign::Normal => "normal",
            Sign::Inverted => "inverted",
        }
    }
}

impl std::str::FromStr for Sign {
    type Err = String;
    fn from_str(text: &str) -> Result<Sign, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "normal" => Ok(Sign::Normal),
            "inverted" => Ok(Sign::Inverted),
            _ => Err(format!(
                "the sign is normal (money in positive) or inverted (purchases positive, as card statements write them), not '{text}'"
            )),
        }
    }
}

/// A statement read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub detected: Detected,
    pub rows: Vec<BankRow>,
    pub skipped: Vec<Skipped>,
}

impl Statement {
    /// True when `row` is in another currency than the statement's main one.
    pub fn is_foreign(&self, row: &BankRow) -> bool {
        match (&row.currency, &self.detected.currency) {
            (Some(row), Some(main)) => row != main,
            _ => false,
        }
    }
}

/// What was found out about the file, to show the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detected {
    pub encoding: String,
    pub delimiter: String,
    /// 1-based line of the header row; 0 when the file has none.
    pub header_line: usize,
    pub date_format: String,
    /// `.` or `,`; `none` when no amount had decimals.
    pub decimal_mark: String,
    pub layout: String,
    /// The main currency, when the file says it.
    pub currency: Option<String>,
    /// Names the header's columns, so a bank's next file is recognised (`None` without a
    /// header).
    pub header_signature: Option<String>,
    /// The column the amounts were read from ("4 (Amount in account currency)"); empty
    /// for debit and credit columns and for OFX/CAMT.
    pub amount_column: String,
    /// Every column that could hold the amount, by name, when there is more than one:
    /// the choices to offer.
    pub amount_columns: Vec<String>,
    /// How the signed amounts were read, and why.
    pub sign: Sign,
    pub sign_reason: Option<SignWhy>,
    /// True when the sign is worth a look: the file looks like a card statement or was
    /// read inverted.
    pub sign_matters: bool,
    /// True when the header line is worth a look: another line could also be the
    /// header.
    pub header_matters: bool,
    /// The lines that could be the header, the one read first.
    pub header_lines: Vec<usize>,
}

/// Which way money moved, seen from the account holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    In,
    Out,
    /// No money moved for the holder (Alipay's 不计收支, a zero row with no side).
    Neutral,
}

/// One movement of money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankRow {
    /// 1-based line where the row starts.
    pub line: usize,
    /// `None` for a pending row that has no date yet.
    pub date: Option<NaiveDate>,
    /// Never negative; the direction says which way.
    pub amount: Decimal,
    pub direction: Direction,
    /// The row's currency (ISO code) when the file says it.
    pub currency: Option<String>,
    pub description: String,
    pub reference: Option<String>,
    pub counterparty: Option<String>,
    pub account: Option<String>,
}

impl BankRow {
    /// The amount with money in positive and money out negative (neutral: positive).
    pub fn signed(&self) -> Decimal {
        match self.direction {
            Direction::Out => -self.amount,
            Direction::In | Direction::Neutral => self.amount,
        }
    }
}

/// A row after the header that is not a movement of money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: SkipReason,
    /// The row's non-empty cells, shortened.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    RepeatedHeader,
    SectionTitle,
    Footer,
    Balance,
    /// A row that records a document, not a payment (PayPal's "Invoice Sent").
    Memo,
    /// Any other row without a date.
    NoDate,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SkipReason::RepeatedHeader => "repeated header",
            SkipReason::SectionTitle => "section title",
            SkipReason::Footer => "footer or totals",
            SkipReason::Balance => "balance row",
            SkipReason::Memo => "memo row, no money moved",
            SkipReason::NoDate => "no date",
        })
    }
}

/// Why a file could not be read. Every message names the file, and the line (and
/// column) wherever the trouble is in the file's content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not a bank statement file at all: a folder, device or pipe, a file over the size
    /// limit, an archive, document, PDF or image (told by its first bytes), or a
    /// spreadsheet that can't be read (encrypted, damaged).
    #[error("{file}: {why}")]
    NotAStatement { file: String, why: NotStatement },
    #[error("{file}, line 1: the file is empty")]
    Empty { file: String },
    #[error(
        "{file}, line {line}: bytes that are not {encoding} text; \
         pass --encoding with the file's encoding"
    )]
    Undecodable {
        file: String,
        line: usize,
        encoding: String,
    },
    /// Something the user said about the file (`--encoding`, `--header-line`, …) that
    /// cannot be used.
    #[error("{file}: {problem}")]
    Hint { file: String, problem: HintProblem },
    #[error("{file}, line {line}: no transactions found (no row has both a date and an amount)")]
    NoTransactions { file: String, line: usize },
    #[error("{file}, line {line}: no amount column found")]
    NoAmountColumn { file: String, line: usize },
    #[error(
        "{file}, line {line}, column {column}: '{text}' could be day-first or month-first \
         and no date in the file decides it; pass {choices}"
    )]
    AmbiguousDates {
        file: String,
        line: usize,
        column: String,
        text: String,
        /// `--date-format %d/%m/%Y or --date-format %m/%d/%Y`
        choices: String,
    },
    #[error(
        "{file}, line {line}, column {column}: the date '{text}' has no year; \
         pass --year with the statement's year"
    )]
    MissingYear {
        file: String,
        line: usize,
        column: String,
        text: String,
    },
    #[error("{file}, line {line}, column {column}: '{text}' is not a date ({format})")]
    BadDate {
        file: String,
        line: usize,
        column: String,
        text: String,
        format: String,
    },
    #[error(
        "{file}, line {line}, column {column}: '{text}' could have a decimal point or a \
         point grouping thousands, and no amount in the file decides it; pass \
         --decimal-mark . if the point is the decimal mark, --decimal-mark , if it groups \
         thousands"
    )]
    AmbiguousDecimal {
        file: String,
        line: usize,
        column: String,
        text: String,
    },
    #[error(
        "{file}, line {line}, column {column}: '{text}' looks like one amount cut in two \
         by the delimiter (a decimal comma written without quotes): the row has more \
         cells than the header; write the amount quoted (\"12,50\") or with a point"
    )]
    SplitAmount {
        file: String,
        line: usize,
        column: String,
        text: String,
    },
    #[error("{file}, line {line}, column {column}: '{text}' is not an amount")]
    BadAmount {
        file: String,
        line: usize,
        column: String,
        text: String,
    },
    #[error("{file}, line {line}, column {column}: no amount in a row with a date")]
    MissingAmount {
        file: String,
        line: usize,
        column: String,
    },
    #[error(
        "{file}, line {line}, column {column}: '{text}' does not say whether money came in \
         or went out"
    )]
    BadDirection {
        file: String,
        line: usize,
        column: String,
        text: String,
    },
    /// OFX or CAMT markup that cannot be read, or a statement it does not hold.
    #[error("{file}, line {line}: {problem}")]
    Markup {
        file: String,
        line: usize,
        problem: MarkupProblem,
    },
    /// An OFX or CAMT element whose value is not what it must be.
    #[error("{file}, line {line}, <{field}>: '{text}' is not {expected}")]
    BadValue {
        file: String,
        line: usize,
        field: String,
        text: String,
        expected: ExpectedValue,
    },
    /// An OFX or CAMT transaction without an element it needs.
    #[error("{file}, line {line}: {what} has no <{field}>")]
    MissingField {
        file: String,
        line: usize,
        what: FieldHolder,
        field: String,
    },
    /// A card statement whose rows do not show which sign is a purchase.
    #[error(
        "{file}, line {line}: {why}, but no row shows whether a purchase is a positive or a \
         negative number; pass --sign inverted if purchases are positive, --sign normal if \
         they are negative"
    )]
    AmbiguousSign {
        file: String,
        line: usize,
        why: SignDoubt,
    },
    #[error(
        "{file}, line {line}: both the debit column {debit} and the credit column {credit} \
         hold an amount"
    )]
    BothSides {
        file: String,
        line: usize,
        debit: String,
        credit: String,
    },
}

/// Reads a statement export. `file_name` is only used in messages.
pub fn read_statement(
    file_name: &str,
    bytes: &[u8],
    hints: &Hints,
) -> Result<Statement, ImportError> {
    let file = file_name.to_string();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty { file });
    }
    if let Some(why) = recognise(bytes) {
        return Err(ImportError::NotAStatement { file, why });
    }
    if let Some(kind) = sheet::kind(bytes) {
        return sheet::read(file_name, bytes, kind, hints);
    }
    let hint = hints.encoding.as_deref().or_else(|| ofx_charset(bytes));
    let decoded = decode::decode(file_name, bytes, hint)?;
    match sniff(&decoded.text) {
        Format::Ofx => return ofx::read(file_name, &decoded.text, decoded.encoding),
        Format::Camt => return camt::read(file_name, &decoded.text, decoded.encoding),
        Format::Csv => {}
    }
    let delimiter = match hints.delimiter {
        Some(ch) => records::Delimiter { ch, spaced: false },
        None => records::detect_delimiter(&decoded.text),
    };
    // Detection reads a sample; the rows are then read one at a time, so a big file's
    // records are never all held.
    let sample =
        sample::Sample::take(records::records(&decoded.text, delimiter.ch).map(|(_, r)| r));
    let plan = layout::plan(file_name, &sample.records, hints)?;
    let start = sample.file_index(plan.start);
    let mut builder = rows::Builder::new(file_name, &sample.records, &plan, start);
    let mut rows = Vec::new();
    for (index, (_, record)) in records::records(&decoded.text, delimiter.ch).enumerate() {
        rows.extend(builder.read(index, &record)?);
    }
    let skipped = builder.finish();
    let read = Read {
        records: &sample.records,
        plan: &plan,
        encoding: decoded.encoding.to_string(),
        delimiter: delimiter.describe(),
        signature: "csv",
    };
    Ok(read.statement(rows, skipped))
}

/// Records read with a plan, and what to say about where they came from: what the CSV
/// reader and the spreadsheet reader (`sheet`) share once a file is records.
struct Read<'a> {
    records: &'a [records::Record],
    plan: &'a layout::Plan,
    encoding: String,
    delimiter: String,
    /// Starts the header signature, so a bank's CSV and its spreadsheet export, whose
    /// dates are written differently, keep separate profiles.
    signature: &'static str,
}

impl Read<'_> {
    fn statement(self, rows: Vec<BankRow>, skipped: Vec<Skipped>) -> Statement {
        let first_dated = rows.iter().find(|row| row.date.is_some()).map(|r| r.line);
        Statement {
            detected: self.detected(first_dated),
            rows,
            skipped,
        }
    }

    /// What was found, `first_dated` being the line of the first row with a date.
    fn detected(self, first_dated: Option<usize>) -> Detected {
        let (records, plan) = (self.records, self.plan);
        let date_format = first_dated
            .and_then(|line| records.iter().find(|r| r.line == line))
            .map(|r| plan.dates.describe(r.field(plan.cols.date)))
            .unwrap_or_default();
        Detected {
            encoding: self.encoding,
            delimiter: self.delimiter,
            header_line: plan.header_line(records),
            date_format,
            decimal_mark: plan.decimal.map_or("none".to_string(), String::from),
            layout: plan.cols.money.layout().to_string(),
            currency: plan.currency.clone(),
            header_signature: plan
                .header
                .and_then(|h| records.get(h))
                .map(|r| header_signature(self.signature, &r.fields)),
            amount_column: match plan.cols.money {
                columns::MoneyCols::Signed { amount, .. }
                | columns::MoneyCols::WithDirection { amount, .. } => plan.column_name(amount),
                columns::MoneyCols::DebitCredit { .. } => String::new(),
            },
            amount_columns: plan
                .amount_columns
                .iter()
                .map(|&c| plan.column_name(c))
                .collect(),
            sign: plan.sign.sign,
            sign_reason: plan.sign.reason.clone(),
            sign_matters: plan.sign.matters,
            header_matters: plan.header_matters,
            header_lines: plan.header_lines.clone(),
        }
    }
}

/// What kind of statement a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Ofx,
    Camt,
    Csv,
}

/// Tells OFX and CAMT.053 from CSV by how the text begins: `OFXHEADER:` or `<OFX>`
/// is OFX (1.x SGML); `<?xml` is OFX 2 when an `<?OFX` or `<OFX>` follows, CAMT when the
/// `camt.053` namespace or `<BkToCstmrStmt>` does; anything else is read as CSV.
fn sniff(text: &str) -> Format {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = start
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_uppercase();
    if head.starts_with("OFXHEADER") || head.starts_with("<OFX>") {
        return Format::Ofx;
    }
    if head.starts_with("<?XML") {
        if head.contains("CAMT.053") || head.contains("<BKTOCSTMRSTMT") {
            return Format::Camt;
        }
        if head.contains("<?OFX") || head.contains("<OFX>") {
            return Format::Ofx;
        }
    }
    Format::Csv
}

/// The code page an OFX 1.x header declares (`CHARSET:1252`), used when the user gives
/// no encoding.
fn ofx_charset(bytes: &[u8]) -> Option<&'static str> {
    let head = bytes.get(..bytes.len().min(512))?;
    let head = String::from_utf8_lossy(head).to_ascii_uppercase();
    if !head.trim_start().starts_with("OFXHEADER") {
        return None;
    }
    let charset = head
        .lines()
        .find_map(|l| l.trim().strip_prefix("CHARSET:"))?
        .trim()
        .to_string();
    match charset.as_str() {
        "1252" => Some("windows-1252"),
        "1250" => Some("windows-1250"),
        "1251" => Some("windows-1251"),
        "ISO-8859-1" | "8859-1" => Some("iso-8859-1"),
        _ => None,
    }
}

/// The header signature of a file that may not read without hints, so a remembered
/// profile can supply them.
pub(crate) fn signature_of(file_name: &str, bytes: &[u8], hints: &Hints) -> Option<String> {
    if let Some(kind) = sheet::kind(bytes) {
        return sheet::signature(bytes, kind, hints);
    }
    let decoded = decode::decode(file_name, bytes, hints.encoding.as_deref()).ok()?;
    if sniff(&decoded.text) != Format::Csv {
        return None;
    }
    let delimiter = match hints.delimiter {
        Some(ch) => ch,
        None => records::detect_delimiter(&decoded.text).ch,
    };
    let sample = sample::Sample::take(records::records(&decoded.text, delimiter).map(|(_, r)| r));
    let header = layout::header_of(&sample.records, hints)?;
    Some(header_signature("csv", &sample.records[header].fields))
}

/// A short stable name for a header row: the same columns give the same signature,
/// whatever the spacing, case or quoting. `kind` starts it (`csv`, `sheet`).
fn header_signature(kind: &str, names: &[String]) -> String {
    use sha2::Digest;
    let joined: Vec<String> = names.iter().map(|n| matching::squash(n)).collect();
    let digest = sha2::Sha256::digest(joined.join("|").as_bytes());
    format!("{kind}-{}-{}", names.len(), hex(&digest[..8]))
}

/// Lower-case hexadecimal of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests;
