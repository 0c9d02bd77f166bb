//! The arguments of the commands that post documents (invoice, fee, payment, credit
//! note, write-off, refund, void, apply): what every posted document has, and each
//! kind's own options.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{CliError, input, parse_date_arg};

#[derive(Debug, Subcommand)]
pub enum DebitCommand {
    /// Post one.
    Add(DebitArgs),
}

#[derive(Debug, Args)]
pub struct DebitArgs {
    #[command(flatten)]
    pub doc: DocumentArgs,
    /// Overrides the customer's terms: `net 30`, `eom 10`, `due on receipt`.
    #[arg(long, conflicts_with = "due")]
    pub terms: Option<String>,
    /// An explicit due date.
    #[arg(long)]
    pub due: Option<String>,
    /// N equal installments a month apart, or explicit `DATE:AMOUNT,DATE:AMOUNT`.
    #[arg(long, conflicts_with = "deposit")]
    pub installments: Option<String>,
    /// A deposit due at once, e.g. `30%`; the rest on the terms.
    #[arg(long)]
    pub deposit: Option<String>,
    /// Post it even though the customer is on hold or it takes the balance over the
    /// credit limit; the reason is recorded in the audit log.
    #[arg(long = "override", value_name = "REASON", allow_hyphen_values = true)]
    pub override_reason: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CreditCommand {
    /// Post one and allocate it.
    Add(CreditArgs),
}

#[derive(Debug, Subcommand)]
pub enum PaymentCommand {
    /// Post one and allocate it; it takes the early-payment discounts it earns.
    Add(PaymentArgs),
}

#[derive(Debug, Args)]
pub struct PaymentArgs {
    #[command(flatten)]
    pub credit: CreditArgs,
    /// Take no early-payment discount, even where the invoice's terms offer one
    /// (`2/10 net 30`) and the payment is inside the window.
    #[arg(long)]
    pub no_discount: bool,
}

#[derive(Debug, Args)]
pub struct CreditArgs {
    #[command(flatten)]
    pub doc: DocumentArgs,
    /// `INV-1001:300.00,INV-1002` (default: oldest due first).
    #[arg(long, conflicts_with = "unapplied")]
    pub apply: Option<String>,
    /// Keep it all as unapplied credit.
    #[arg(long)]
    pub unapplied: bool,
}

#[derive(Debug, Subcommand)]
pub enum RefundCommand {
    /// Post one.
    Add(RefundArgs),
}

#[derive(Debug, Args)]
pub struct RefundArgs {
    #[command(flatten)]
    pub doc: DocumentArgs,
    /// The payment or credit note refunded (default: oldest unapplied credit).
    #[arg(long)]
    pub of: Option<String>,
}

// What every posted document has (a plain comment: clap would show a doc comment as help).
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// The customer's code.
    #[arg(long)]
    pub customer: String,
    /// The document number (given automatically if left out).
    #[arg(long)]
    pub number: Option<String>,
    /// YYYY-MM-DD (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// Exact, in the book's number format: 1200.00 or 1,200.00 (1.200,00 where the
    /// locale writes a decimal comma).
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// E.g. the customer's order number or the bank's reference.
    #[arg(long, allow_hyphen_values = true)]
    pub reference: Option<String>,
    /// A note kept with the document, shown in the ledger and on balance-forward and
    /// activity statements.
    #[arg(long, allow_hyphen_values = true)]
    pub memo: Option<String>,
}

#[derive(Debug, Args)]
pub struct VoidArgs {
    /// The number of the document to void.
    pub number: String,
    /// Date of the void (default today).
    #[arg(long)]
    pub date: Option<String>,
    /// Why (kept as the reversal's memo).
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The customer's code.
    #[arg(long)]
    pub customer: String,
    /// Date of the allocations (default today).
    #[arg(long)]
    pub date: Option<String>,
}

impl DocumentArgs {
    /// `--date`, today if left out.
    pub fn date(&self) -> Result<NaiveDate, CliError> {
        parse_date_arg("--date", &self.date)
    }

    /// `--amount`, exact and more than zero.
    pub fn amount(
        &self,
        currency: &crate::domain::Currency,
    ) -> Result<crate::domain::Money, CliError> {
        currency
            .parse_positive(&self.amount)
            .map_err(input("--amount"))
    }
}
