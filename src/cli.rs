//! The `owed` command line: every bookkeeping action a person scripts, calling the same
//! library functions as the screens. Bad input exits non-zero with one line naming the
//! field; nothing is written.

mod analytics;
mod audit;
mod backups;
mod bank;
mod commands;
mod disputes;
mod documents;
mod errors;
mod fees;
mod forecast;
mod help;
mod outbox;
mod output;
mod parse_errors;
mod posting_args;
mod reports;
mod review;
mod risk;
mod settings;
mod words;
mod worklist;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::i18n::errors::Described;
use errors::said;

pub use analytics::AnalyticsArgs;

pub use backups::{BackupAction, BackupArgs, RestoreArgs};
pub use disputes::{
    DisputeCommand, DisputeListArgs, DisputeOpenArgs, DisputeResolveArgs, PauseArgs, ResumeArgs,
};
pub use documents::{
    IssuedCommand, IssuedListArgs, IssuedShowArgs, LetterArgs, LettersArgs, StatementsArgs,
};
pub use fees::{FeesArgs, FeesFormat};
pub use forecast::ForecastArgs;
pub use output::Format;
pub use posting_args::{
    ApplyArgs, CreditArgs, CreditCommand, DebitArgs, DebitCommand, DocumentArgs, PaymentArgs,
    PaymentCommand, RefundArgs, RefundCommand, VoidArgs,
};
pub use risk::{RiskAckArgs, RiskArgs, RiskCommand};
pub use settings::{ResetLetterArgs, SettingsCommand, SettingsSetArgs, SettingsShowArgs};
pub use worklist::{WorklistArgs, WorklistFormat};

#[derive(Debug, Parser)]
#[command(
    name = "owed",
    version,
    about = "Who owes you what, since when, and what you did about it."
)]
pub struct Cli {
    /// The book file (default: book.owed in the OS data folder). A missing book is
    /// created by commands that write; reading commands say it is missing.
    #[arg(long, global = true, value_name = "PATH", env = "OWED_BOOK")]
    pub book: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a book (or change the settings of one with no documents yet).
    Init(InitArgs),
    /// Add, edit and list customers.
    #[command(subcommand)]
    Customer(CustomerCommand),
    /// Post an invoice (with installments or a deposit if asked).
    #[command(subcommand)]
    Invoice(DebitCommand),
    /// Post a late fee or interest charge (its own document).
    #[command(subcommand)]
    Fee(DebitCommand),
    /// Charge late interest and fees by policy (`--due`): one fee document per customer.
    Fees(FeesArgs),
    /// Record a payment and allocate it (oldest due first unless --apply); it takes the
    /// early-payment discounts it earns unless --no-discount.
    #[command(subcommand)]
    Payment(PaymentCommand),
    /// Issue a credit note and allocate it.
    #[command(subcommand)]
    Credit(CreditCommand),
    /// Write off bad debt.
    #[command(subcommand)]
    Writeoff(CreditCommand),
    /// Pay back unapplied credit to a customer.
    #[command(subcommand)]
    Refund(RefundCommand),
    /// Void a posted document: adds its reversal and frees its allocations.
    Void(VoidArgs),
    /// Apply a customer's unapplied credit to its open items, oldest first.
    Apply(ApplyArgs),
    /// Log and list collection notes.
    #[command(subcommand)]
    Note(NoteCommand),
    /// Open, resolve and list disputes: disputed items are held from letters and interest.
    #[command(subcommand)]
    Dispute(DisputeCommand),
    /// A customer's ledger with running balance.
    Ledger(LedgerArgs),
    /// Aging as of any date.
    Aging(AgingArgs),
    /// Bring in a spreadsheet (CSV) of customers, invoices or payments.
    Load(LoadArgs),
    /// Import a bank statement (CSV, any bank) and post the customer payments in it.
    Import(bank::ImportArgs),
    /// Fill a new book with realistic sample data.
    Demo(DemoArgs),
    /// Write customers, documents or notes as CSV (customers in the columns `load` reads).
    Export(ExportArgs),
    /// Check the book: SQLite integrity and the ledger's invariants.
    Check(CheckArgs),
    /// Copy the book to a new file (safe while it is open); `backup now` into the
    /// backups/ folder; `backup list` every backup.
    Backup(BackupArgs),
    /// Put a backup in place of the book (the current file is kept aside).
    Restore(RestoreArgs),
    /// Statements for a month as PDF: one per customer and one combined.
    Statements(StatementsArgs),
    /// One demand letter as PDF.
    Letter(LetterArgs),
    /// Demand letters for every customer due one (`--due`).
    Letters(LettersArgs),
    /// Statements and letters issued: list them, or write one back byte for byte.
    #[command(subcommand)]
    Issued(IssuedCommand),
    /// The emails queued with statements and letters: list, send or cancel them.
    #[command(subcommand)]
    Outbox(outbox::OutboxCommand),
    /// What is owed and overdue, and whom to contact today, as text.
    Overview,
    /// Company details, paper, locale, and the demand letters' texts and thresholds.
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// The audit log: changes of master data and settings, overrides, restores, import undos.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Everything to do today about getting paid, most pressing first: broken promises,
    /// letters and reminders due, follow-ups, credit to apply, money to match.
    Worklist(WorklistArgs),
    /// Credit reviews: who is due, a customer's record, and recording a review.
    #[command(subcommand)]
    Review(review::ReviewCommand),
    /// DSO, best possible DSO, ADD, CEI and each customer's payment habits (`--trend`:
    /// month by month).
    Analytics(AnalyticsArgs),
    /// Every customer's risk score (0-100), band and reasons, highest first; `risk ack
    /// CODE` acknowledges a customer's band so the worklist stops warning of it.
    Risk(RiskArgs),
    /// The cash expected week by week from what is owed (`--backtest`: the forecast made
    /// on a past day next to what was received).
    Forecast(ForecastArgs),
    /// Open the desktop app (what `owed` with no command does).
    App,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Every recorded change, oldest first.
    List(AuditListArgs),
}

#[derive(Debug, Args)]
pub struct AuditListArgs {
    /// Only this customer's changes.
    #[arg(long)]
    pub customer: Option<String>,
    /// table, csv or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The currency's code: three letters, e.g. USD, EUR or CNY.
    #[arg(long, default_value = "USD")]
    pub currency: String,
    /// Decimals of the currency (USD 2, JPY 0, HUF 0, BHD 3).
    #[arg(long, default_value_t = 2)]
    pub minor_units: u32,
    /// The company's name, printed on statements and letters.
    #[arg(long, default_value = "My Company")]
    pub company: String,
}

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Add a customer.
    Add(CustomerFields),
    /// Change a customer's details, hold or archive it.
    Edit(CustomerEdit),
    /// List customers with balances.
    List(ListArgs),
    /// Hold a customer's demand letters by hand until a date.
    Pause(PauseArgs),
    /// End a customer's pause.
    Resume(ResumeArgs),
}

// How to reach a customer (a plain comment: clap would show a doc comment as help).
#[derive(Debug, Args)]
pub struct ContactArgs {
    /// The person to ask for.
    #[arg(long)]
    pub contact: Option<String>,
    /// The billing email: one address or several, separated by commas.
    #[arg(long)]
    pub email: Option<String>,
    /// How statements and letters go to it: email (when it has an address; else
    /// printed), post, or both.
    #[arg(long, value_name = "email|post|both")]
    pub send_by: Option<String>,
    /// The phone number.
    #[arg(long)]
    pub phone: Option<String>,
    /// The postal address, printed on statements and letters (it may run over several
    /// lines).
    #[arg(long)]
    pub address: Option<String>,
}

#[derive(Debug, Args)]
pub struct CustomerFields {
    /// The customer's code, unique in the book: at most 32 characters, no spaces (e.g.
    /// C001).
    #[arg(long)]
    pub code: String,
    // A name or memo may begin with `-` ("-1+1" is text a spreadsheet would run).
    /// The customer's name.
    #[arg(long, allow_hyphen_values = true)]
    pub name: String,
    #[command(flatten)]
    pub contact: ContactArgs,
    /// `net 30`, `eom 10` or `due on receipt` (default: the tier's policy, else net 30).
    #[arg(long)]
    pub terms: Option<String>,
    /// An amount, or `none` for no limit (default: the tier's policy, else none).
    #[arg(long)]
    pub credit_limit: Option<String>,
    /// A, B or C.
    #[arg(long)]
    pub tier: Option<String>,
    /// Put the customer on credit hold.
    #[arg(long)]
    pub hold: bool,
}

#[derive(Debug, Args)]
pub struct CustomerEdit {
    /// The customer's code.
    pub code: String,
    /// The new name.
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub contact: ContactArgs,
    /// `net 30`, `eom 10` or `due on receipt`, for invoices posted from now on.
    #[arg(long)]
    pub terms: Option<String>,
    /// An amount, or `none` to remove the limit.
    #[arg(long)]
    pub credit_limit: Option<String>,
    /// A, B, C or `none`.
    #[arg(long)]
    pub tier: Option<String>,
    /// Put the customer on credit hold.
    #[arg(long, conflicts_with = "release")]
    pub hold: bool,
    /// Take the customer off credit hold.
    #[arg(long)]
    pub release: bool,
    /// Archive the customer: left out of the customers screen, credit reviews and bank
    /// matching; its documents stay.
    #[arg(long, conflicts_with = "unarchive")]
    pub archive: bool,
    /// Bring an archived customer back.
    #[arg(long)]
    pub unarchive: bool,
    /// Why (kept in the audit log with each change).
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// table, csv or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Balances as of this date (default today).
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Log a contact with a customer.
    Add(NoteArgs),
    /// List notes, newest first.
    List(NoteListArgs),
}

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The customer's code.
    #[arg(long)]
    pub customer: String,
    /// call, email, letter, visit, message or other.
    #[arg(long)]
    pub channel: String,
    /// out (we contacted them) or in (they contacted us).
    #[arg(long, default_value = "out")]
    pub direction: String,
    /// What was said or done.
    #[arg(long, allow_hyphen_values = true)]
    pub summary: String,
    /// What came of it.
    #[arg(long, allow_hyphen_values = true)]
    pub outcome: Option<String>,
    /// The number of the customer's invoice the note is about.
    #[arg(long)]
    pub invoice: Option<String>,
    /// A promise to pay: `DATE:AMOUNT`, or a repayment plan of parts separated by `,` or
    /// `;`: `2026-12-10:300,2027-01-10:300,2027-02-10:400` (dates strictly increasing,
    /// amounts in the book's number format, at most 60 parts).
    #[arg(long)]
    pub promise: Option<String>,
    /// The day to follow up, YYYY-MM-DD: from then on, while this is the customer's
    /// latest note, the worklist and `note list --due` show it.
    #[arg(long)]
    pub follow_up: Option<String>,
}

#[derive(Debug, Args)]
pub struct NoteListArgs {
    /// Only this customer's notes.
    #[arg(long)]
    pub customer: Option<String>,
    /// Only customers whose latest note's follow-up or promise date has come.
    #[arg(long)]
    pub due: bool,
    /// table, csv or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct LedgerArgs {
    /// The customer's code.
    pub code: String,
    /// The first day, YYYY-MM-DD; what came before is the opening balance (default: from
    /// the first document).
    #[arg(long)]
    pub from: Option<String>,
    /// The last day, YYYY-MM-DD (default: through the last document).
    #[arg(long)]
    pub to: Option<String>,
    /// table, csv or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct AgingArgs {
    /// YYYY-MM-DD (default today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Upper bounds of the buckets in days.
    #[arg(long, default_value = "30,60,90")]
    pub buckets: String,
    /// Age by days past `due` date or days since `invoice` date.
    #[arg(long, default_value = "due")]
    pub by: String,
    /// List every open item under its customer.
    #[arg(long)]
    pub detail: bool,
    /// table, csv, json, or pdf (with --out).
    #[arg(long, value_enum, default_value_t = AgingFormat::Table)]
    pub format: AgingFormat,
    /// The file to write with --format pdf (written whole or not at all).
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

/// `owed aging --format`: the report formats, or a PDF to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AgingFormat {
    Table,
    Csv,
    Json,
    Pdf,
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// The CSV file (comma- or semicolon-separated); its first line names the columns.
    pub file: PathBuf,
    /// customers, invoices or payments.
    #[arg(long)]
    pub kind: String,
    /// Post invoices for customers on hold or over their credit limit anyway, recording
    /// this reason for each in the audit log (without it such a row refuses the file).
    #[arg(long = "override", value_name = "REASON", allow_hyphen_values = true)]
    pub override_reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many customers to make.
    #[arg(long, default_value_t = 200)]
    pub customers: usize,
    /// How many invoices in all, spread unevenly over the customers.
    #[arg(long, default_value_t = 5000)]
    pub invoices: usize,
    /// The random seed: the same seed always builds the same book.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The day the sample history ends (default today).
    #[arg(long)]
    pub today: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// customers, documents, notes, allocations or items (CSV), or journal (the whole
    /// book for hledger, ledger or beancount).
    pub kind: String,
    /// The file to write (default: standard output).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// For `journal` only: hledger (the default), ledger or beancount.
    #[arg(long)]
    pub format: Option<String>,
    /// Items open and allocations dated up to this date (default today).
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Also check that aging ties to balances as of this date (default today).
    #[arg(long)]
    pub as_of: Option<String>,
}

/// Everything that can go wrong on the command line, each with one clear line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{field}: {message}")]
    Input {
        field: &'static str,
        message: String,
    },
    #[error("there is no default book folder on this system; pass --book PATH")]
    NoDefaultBook,
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    #[error(transparent)]
    Load(#[from] crate::load::LoadError),
    #[error(transparent)]
    Demo(#[from] crate::demo::DemoError),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    #[error(transparent)]
    Import(#[from] crate::import::RunError),
    #[error(transparent)]
    Statement(#[from] crate::report::statement::StatementError),
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
    #[error(transparent)]
    Keyring(#[from] crate::mail::KeyringError),
    #[error("could not write the output: {0}")]
    Output(String),
    #[error("the book has {0} problem(s)")]
    CheckFailed(usize),
    #[error("the window could not be opened: {0}")]
    App(String),
}

/// Names the field a bad value came from.
fn input<E: std::fmt::Display + Described>(field: &'static str) -> impl FnOnce(E) -> CliError {
    move |e| CliError::Input {
        field,
        message: said(&e),
    }
}

fn parse_optional_date(
    field: &'static str,
    text: &Option<String>,
) -> Result<Option<NaiveDate>, CliError> {
    text.as_deref()
        .map(crate::domain::parse_date)
        .transpose()
        .map_err(input(field))
}

fn parse_date_arg(field: &'static str, text: &Option<String>) -> Result<NaiveDate, CliError> {
    match text {
        Some(text) => crate::domain::parse_date(text).map_err(input(field)),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// Parses the arguments, runs the command and turns any error into one line on stderr.
pub fn main() -> ExitCode {
    // The language first (it reads no argument), so that `--help` and the argument
    // errors speak it too.
    let language = crate::preferences::cli_language_of_environment();
    crate::i18n::select(language);
    let mut command = help::localized(Cli::command(), &crate::i18n::LOADER);
    // As `Cli::parse` does it, with the errors worded in Chinese when that is the
    // language (English keeps clap's own words).
    let exit = |error: clap::Error| -> ! {
        match language {
            crate::i18n::Language::English => error.exit(),
            crate::i18n::Language::SimplifiedChinese => {
                error.apply::<parse_errors::Localized>().exit()
            }
        }
    };
    let mut matches = command
        .try_get_matches_from_mut(std::env::args_os())
        .unwrap_or_else(|e| exit(e));
    let cli = Cli::from_arg_matches_mut(&mut matches)
        .map_err(|e| e.format(&mut command))
        .unwrap_or_else(|e| exit(e));
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::CheckFailed(_)) => ExitCode::FAILURE,
        Err(error) => {
            // One line, whatever names or values the message quotes.
            let line = said(&error);
            eprintln!("owed: {}", crate::domain::text::for_terminal(&line));
            ExitCode::FAILURE
        }
    }
}
