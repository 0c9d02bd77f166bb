//! Statements: the figures of each customer's statement, taken from the same aging and
//! ledger code as `owed aging` and `owed ledger` (so the closing balance is the ledger's
//! closing and the aging box is the aging report's row), and the batch run that renders
//! them, writes one PDF per customer and a combined one, and archives what it issued.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::{AgingOptions, ReportError, customer_ledger};
use crate::domain::aging::{Basis, Buckets};
use crate::domain::company::{CompanyProfile, Locale};
use crate::domain::ids::CustomerId;
use crate::domain::printed::{
    ActivityLine, Addressee, AgingBox, OpenLine, Period, Statement, StatementKind,
};
use crate::domain::terms::DiscountedInvoice;
use crate::domain::{Money, MoneyError};
use crate::files::remove_stale_temporaries;
use crate::pdf::PdfError;
use crate::store::{AgingInput, Customer, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum StatementError {
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("customers are all, with-balance, overdue or codes like C001,C002 — not '{0}'")]
    BadSelection(String),
    #[error("{0} has nothing overdue on that date; there is nothing to demand")]
    NothingOverdue(String),
    #[error(
        "{0} has nothing open falling due within the payment reminder's days (letter.0.days_before); there is nothing to remind of"
    )]
    NothingFallingDue(String),
    #[error("no letter to {customer}: the ladder holds it ({reason}); --force writes it anyway")]
    LadderHolds {
        customer: String,
        reason: crate::domain::ladder::HeldReason,
    },
    #[error(
        "the statement of {code} does not tie: ledger closing {ledger} but aging balance {aging}; run `owed check`"
    )]
    DoesNotTie {
        code: String,
        ledger: String,
        aging: String,
    },
}

pub type Result<T> = std::result::Result<T, StatementError>;

/// Which customers get a statement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    /// Everyone with something to say.
    #[default]
    All,
    /// Customers whose balance at the statement date is not zero.
    WithBalance,
    /// Customers with something past due at the statement date.
    Overdue,
    /// These customers, by code.
    Codes(Vec<String>),
}

impl FromStr for Selection {
    type Err = StatementError;
    fn from_str(text: &str) -> Result<Selection> {
        match text.trim().to_ascii_lowercase().as_str() {
            "all" => Ok(Selection::All),
            "with-balance" | "balance" => Ok(Selection::WithBalance),
            "overdue" => Ok(Selection::Overdue),
            "" => Err(StatementError::BadSelection(text.into())),
            _ => Ok(Selection::Codes(
                text.split(',')
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty())
                    .collect(),
            )),
        }
    }
}

/// A statement run.
#[derive(Debug, Clone)]
pub struct Request {
    pub period: Period,
    pub kind: StatementKind,
    pub customers: Selection,
    /// Language and date format; the company profile's locale if `None`.
    pub locale: Option<Locale>,
    /// Store each statement in the book's archive (`false` for a preview).
    pub archive: bool,
    /// Queue an email with each archived statement to the customers who want email
    /// (sent by `owed outbox send` or the app); the others are listed as to print.
    pub email: bool,
}

/// What a batch run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// (customer code, file written), in customer-code order.
    pub written: Vec<(String, PathBuf)>,
    /// All statements in one file, each from a new page (`None` if nothing was written).
    pub combined: Option<PathBuf>,
    /// Customers selected but with nothing to say.
    pub skipped: usize,
    /// Archive ids of the statements issued (empty for a preview).
    pub archived: Vec<i64>,
    /// Sum of the amounts due now.
    pub total_due: Money,
    /// Unfinished files of earlier runs that were killed, removed from the folder.
    pub stale_removed: usize,
    /// Outbox ids of the emails queued (a run with `email`).
    pub emailed: Vec<i64>,
    /// Customers of a run with `email` whose statement is to be printed and posted (no
    /// address, or they want post).
    pub to_print: Vec<String>,
    /// Their statements in one file, to print in one go (a run with `email`).
    pub to_print_file: Option<PathBuf>,
}

/// Everything about the book as of the statement date that every statement shares:
/// the aging report with items, and the unapplied credits by customer.
pub struct Context {
    pub date: NaiveDate,
    aging: super::Aging,
    credits: HashMap<CustomerId, Vec<OpenLine>>,
    /// Invoices whose early-payment discount can still be taken at the date, read the
    /// first time a statement needs them: the worklist and the letter ladder share this
    /// context and never do, and the read is a pass over every invoice of the book.
    discounts: OnceLock<HashMap<String, DiscountedInvoice>>,
    company: CompanyProfile,
    locale: Locale,
}

impl Context {
    /// Reads the aging as of `date` once (default buckets, by due date, as `owed aging`).
    pub fn new(store: &Store, date: NaiveDate, locale: Option<Locale>) -> Result<Context> {
        Context::read(store, date, locale, true, &store.customers()?)
    }

    /// [`Context::new`] for the worklist: the items come without their numbers (empty)
    /// until [`Context::number_items`] looks up those wanted, and the customers are
    /// those already read. Not for statements, which print every item's number.
    pub fn unnumbered(store: &Store, date: NaiveDate, customers: &[Customer]) -> Result<Context> {
        Context::read(store, date, None, false, customers)
    }

    fn read(
        store: &Store,
        date: NaiveDate,
        locale: Option<Locale>,
        numbers: bool,
        customers: &[Customer],
    ) -> Result<Context> {
        let options = AgingOptions {
            as_of: date,
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: true,
        };
        let aging = super::aging_read(store, &options, numbers, customers)?;
        let mut credits: HashMap<CustomerId, Vec<OpenLine>> = HashMap::new();
        store.unapplied_as_of(date, AgingInput::Fast, |row| {
            credits.entry(row.customer_id).or_default().push(OpenLine {
                date: row.date,
                number: row.number,
                seq: 0,
                installments: 0,
                due: None,
                days_overdue: None,
                amount: -row.unapplied,
                open: -row.unapplied,
                disputed: false,
                discount: None,
            })
        })?;
        for lines in credits.values_mut() {
            lines.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.number.cmp(&b.number)));
        }
        let company = store.company_profile()?;
        let locale = locale.unwrap_or(company.locale);
        Ok(Context {
            date,
            aging,
            credits,
            discounts: OnceLock::new(),
            company,
            locale,
        })
    }

    pub fn company(&self) -> &CompanyProfile {
        &self.company
    }

    /// The language and date format the documents are written in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The open discount windows at the date (read once, on first use).
    fn discounts(&self, store: &Store) -> Result<&HashMap<String, DiscountedInvoice>> {
        if let Some(read) = self.discounts.get() {
            return Ok(read);
        }
        let read = store.discount_windows(None, self.date)?;
        Ok(self.discounts.get_or_init(|| read))
    }

    /// Gives the items with ids in `numbers` their numbers (an [`Context::unnumbered`]
    /// context's): items of the same due date then stand by their ids, not their numbers,
    /// so a caller that lists numbered items sorts them itself.
    pub fn number_items(&mut self, numbers: &HashMap<i64, String>) {
        if numbers.is_empty() {
            return;
        }
        // The few ids sorted, searched for each of the many items: a hash of every item's
        // id took a few milliseconds of an overview on a big book, twice.
        let mut ids: Vec<i64> = numbers.keys().copied().collect();
        ids.sort_unstable();
        for row in self.aging.report.rows.values_mut() {
            for item in &mut row.items {
                if ids.binary_search(&item.id).is_ok()
                    && let Some(number) = numbers.get(&item.id)
                {
                    item.number.clone_from(number);
                }
            }
        }
    }

    /// The customer list as of the date, from this aging ([`super::customer_list`]).
    pub fn customer_list(
        &self,
        store: &Store,
        customers: Vec<Customer>,
    ) -> Vec<super::CustomerSummary> {
        super::customer_list_of(store.currency(), &self.aging.report, customers)
    }

    /// The customer's open items at the date, by due date (the aging report's detail).
    pub fn aging_items(&self, customer: CustomerId) -> &[crate::domain::aging::AgedItem] {
        self.aging
            .report
            .rows
            .get(&customer)
            .map(|row| row.items.as_slice())
            .unwrap_or_default()
    }

    /// Whether `item` is in an open dispute (now: disputes are not dated).
    pub fn is_disputed(&self, item: &crate::domain::aging::AgedItem) -> bool {
        self.aging.is_disputed(item)
    }

    /// The unapplied credit `customer` has at the date, as a positive amount.
    pub fn unapplied_credit(&self, customer: CustomerId) -> Money {
        self.aging
            .report
            .rows
            .get(&customer)
            .map_or(Money::ZERO, |row| -row.unapplied)
    }

    /// Whether `customer` has anything past due at the date.
    pub fn is_overdue(&self, customer: CustomerId) -> bool {
        self.aging
            .report
            .rows
            .get(&customer)
            .is_some_and(|row| row.overdue(Basis::Due).is_positive())
    }

    /// Whether `customer` has a balance at the date.
    pub fn has_balance(&self, customer: CustomerId) -> bool {
        self.aging
            .report
            .rows
            .get(&customer)
            .is_some_and(|row| !row.balance.is_zero())
    }
}

/// Builds `customer`'s statement of `kind` for `period` (dated its last day).
pub fn build(
    store: &Store,
    context: &Context,
    customer: &Customer,
    kind: StatementKind,
    period: Period,
) -> Result<Statement> {
    let date = context.date;
    let currency = store.currency().clone();
    let (_, ledger) = customer_ledger(store, &customer.code, Some(period.first), Some(date))?;
    let report = &context.aging.report;
    let labels = report.columns.clone();
    let row = report.rows.get(&customer.id);
    let aging = AgingBox {
        labels: labels.clone(),
        amounts: row
            .map(|r| r.amounts.clone())
            .unwrap_or_else(|| vec![Money::ZERO; labels.len()]),
        unapplied: row.map_or(Money::ZERO, |r| r.unapplied),
        balance: row.map_or(Money::ZERO, |r| r.balance),
    };
    if currency.rescale(aging.balance) != ledger.closing {
        return Err(StatementError::DoesNotTie {
            code: customer.code.clone(),
            ledger: currency.plain(ledger.closing),
            aging: currency.plain(aging.balance),
        });
    }
    let items = row.map(|r| r.items.as_slice()).unwrap_or_default();
    let discounts = context.discounts(store)?;
    let mut open_items: Vec<OpenLine> = items
        .iter()
        .map(|i| OpenLine {
            date: i.date,
            number: i.number.clone(),
            seq: i.seq,
            installments: items.iter().filter(|o| o.number == i.number).count() as u32,
            due: Some(i.due),
            days_overdue: Some(i.days_overdue),
            amount: i.amount,
            open: i.open,
            disputed: context.is_disputed(i),
            discount: discounts
                .get(&i.number)
                .and_then(|invoice| invoice.offer(&currency, i.open, date)),
        })
        .collect();
    let due_now: Money = items
        .iter()
        .filter(|i| i.due <= date)
        .map(|i| i.open)
        .sum::<Money>()
        + aging.unapplied;
    if let Some(credits) = context.credits.get(&customer.id) {
        open_items.extend(credits.iter().cloned());
    }
    let activity = ledger
        .entries
        .iter()
        .map(|e| ActivityLine {
            date: e.date,
            kind: e.kind,
            number: e.number.clone(),
            memo: e.memo.clone(),
            debit: e.debit,
            credit: e.credit,
            balance: currency.rescale(e.balance),
        })
        .collect();
    Ok(Statement {
        kind,
        period,
        date,
        customer: Addressee {
            code: customer.code.clone(),
            name: customer.name.clone(),
            contact: customer.contact.clone(),
            address: customer.address.clone(),
        },
        locale: context.locale,
        opening: ledger.opening,
        closing: ledger.closing,
        open_items,
        activity,
        aging,
        amount_due: currency.rescale(due_now.max(Money::ZERO)),
        currency,
    })
}

/// Whether a statement of its kind has anything to say.
pub fn has_content(statement: &Statement) -> bool {
    match statement.kind {
        StatementKind::OpenItem => !statement.open_items.is_empty(),
        StatementKind::BalanceForward => {
            !statement.activity.is_empty()
                || !statement.opening.is_zero()
                || !statement.closing.is_zero()
        }
        StatementKind::Activity => !statement.activity.is_empty(),
    }
}

/// The customers `selection` names, in code order (unknown codes are an error).
pub fn select(store: &Store, context: &Context, selection: &Selection) -> Result<Vec<Customer>> {
    Ok(match selection {
        Selection::Codes(codes) => codes
            .iter()
            .map(|c| store.customer(c))
            .collect::<std::result::Result<_, _>>()?,
        Selection::All => store.customers()?,
        Selection::WithBalance => store
            .customers()?
            .into_iter()
            .filter(|c| context.has_balance(c.id))
            .collect(),
        Selection::Overdue => store
            .customers()?
            .into_iter()
            .filter(|c| context.is_overdue(c.id))
            .collect(),
    })
}

/// A customer code made safe as a file name.
pub fn file_stem(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Creates `out_dir` and removes the hidden temporaries that runs killed before they
/// finished left there; returns how many were removed.
pub fn prepare_folder(out_dir: &Path) -> Result<usize> {
    let io = |source| StatementError::Io {
        path: out_dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(out_dir).map_err(io)?;
    remove_stale_temporaries(out_dir).map_err(io)
}

mod batch;

pub use batch::batch;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_parse() {
        assert_eq!("all".parse::<Selection>().unwrap(), Selection::All);
        assert_eq!(
            "With-Balance".parse::<Selection>().unwrap(),
            Selection::WithBalance
        );
        assert_eq!(
            "C001, C002".parse::<Selection>().unwrap(),
            Selection::Codes(vec!["C001".into(), "C002".into()])
        );
        assert!("".parse::<Selection>().is_err());
        assert_eq!(file_stem("A/B c"), "A_B_c");
    }
}
