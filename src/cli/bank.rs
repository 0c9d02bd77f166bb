//! `owed import`: a bank statement in, payments out; and `import list`, `undo`,
//! `unmatched`, `assign` to look back, reverse and finish what was left unmatched.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde_json::json;

use crate::domain::allocation::Apply;
use crate::domain::text::for_terminal;
use crate::import::{self, Hints};
use crate::store::Store;

use super::output::{Format, Table, print, print_streamed};

mod plan;

use super::words::count;
use super::{CliError, input};
use crate::fl;
use plan::{ROW_HEADERS, money_in_rows, table};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub action: Option<ImportAction>,
    #[command(flatten)]
    pub run: ImportRun,
}

#[derive(Debug, Args)]
pub struct ImportRun {
    /// The bank's export: CSV (any bank, any layout), XLSX, XLS or ODS, OFX or CAMT.053.
    pub file: Option<PathBuf>,
    /// Show what would be imported; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// table, csv (the money-in rows: status, match, where the money goes) or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// The date format when the file cannot tell, e.g. %d/%m/%Y.
    #[arg(long)]
    pub date_format: Option<String>,
    /// The file's encoding when detection is wrong, e.g. windows-1250, gbk.
    #[arg(long)]
    pub encoding: Option<String>,
    /// The year for dates written without one.
    #[arg(long)]
    pub year: Option<i32>,
    /// normal: money in is positive (a bank account); inverted: purchases are positive and
    /// repayments negative (a card statement written from the card issuer's side).
    #[arg(long, value_parser = parse_sign)]
    pub sign: Option<import::Sign>,
    /// The amount column to read when the file has several: a header name or a column
    /// number (e.g. "Amount in account currency" or 5).
    #[arg(long)]
    pub amount_column: Option<String>,
    /// The amounts' decimal mark, `.` or `,`, when no amount in the file shows it
    /// (`1.005` is 1.005 with `.`, 1,005 with `,`).
    #[arg(long, value_parser = parse_decimal_mark)]
    pub decimal_mark: Option<char>,
    /// The line of the header row, when a preamble line was taken for it (0: no header).
    #[arg(long)]
    pub header_line: Option<usize>,
    /// A remembered bank profile to read with (saved under this name after the import).
    #[arg(long)]
    pub profile: Option<String>,
    /// Post matches at least this confident (0 to 1); others are kept unmatched.
    #[arg(long, default_value_t = 0.9)]
    pub accept_threshold: f64,
    /// The largest file read, e.g. 512MB, 1GB or bytes (default 256MB).
    #[arg(long, value_parser = parse_size)]
    pub max_size: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum ImportAction {
    /// Undo an import: void its payments as of their own dates, free its rows (history
    /// stays). Asks for --yes when statements or letters already issued counted them.
    Undo {
        /// The import's batch number (`owed import list`).
        batch: i64,
        /// Undo even though statements or letters issued since counted these payments.
        #[arg(long)]
        yes: bool,
    },
    /// Past imports, newest first.
    List {
        /// table, csv or json.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Money in left unmatched, to come back to.
    Unmatched {
        /// table, csv or json.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Post an unmatched row as this customer's payment.
    Assign {
        /// The row id from `owed import unmatched`.
        row: i64,
        /// The code of the customer who paid (the payer is remembered for later imports).
        #[arg(long)]
        customer: String,
        /// Invoices to apply to, e.g. INV-1001:300.00,INV-1002 (default oldest first).
        #[arg(long)]
        apply: Option<String>,
    },
}

pub fn run(
    open: impl FnOnce(bool) -> Result<Store, CliError>,
    args: &ImportArgs,
) -> Result<(), CliError> {
    match &args.action {
        Some(ImportAction::Undo { batch, yes }) => {
            let mut store = open(true)?;
            let touched = store.issued_touched_by_import(*batch)?;
            if !touched.is_empty() && !yes {
                eprintln!("{}", fl!("cli-undo-issued-list", batch = batch.to_string()));
                for issued in &touched {
                    eprintln!(
                        "  {} {} {} {} ({})",
                        issued.date,
                        issued.kind.as_str(),
                        for_terminal(&issued.customer),
                        for_terminal(&issued.file_name),
                        issued.id
                    );
                }
                return Err(CliError::Input {
                    field: "--yes",
                    message: crate::fl!(
                        "cli-undo-issued-counted",
                        count = touched.len(),
                        batch = batch.to_string()
                    ),
                });
            }
            let (batch, voids) = import::undo(&mut store, *batch)?;
            print(&fl!(
                "cli-import-undone",
                batch = batch.id.to_string(),
                file = batch.file_name.as_str(),
                payments = count(voids.len()),
                rows = count(batch.rows_new as usize)
            ));
            Ok(())
        }
        Some(ImportAction::List { format }) => list(&open(false)?, *format),
        Some(ImportAction::Unmatched { format }) => unmatched(&open(false)?, *format),
        Some(ImportAction::Assign {
            row,
            customer,
            apply,
        }) => {
            let mut store = open(true)?;
            let apply = match apply {
                Some(text) => Apply::parse(text, store.currency()).map_err(input("--apply"))?,
                None => Apply::OldestFirst,
            };
            let (posted, amount) = import::assign_unmatched(&mut store, *row, customer, apply)?;
            let currency = store.currency();
            print(&fl!(
                "cli-assigned",
                number = posted.number.as_str(),
                customer = posted.customer.as_str(),
                amount = currency.display(amount)
            ));
            Ok(())
        }
        None => {
            let Some(file) = &args.run.file else {
                return Err(CliError::Input {
                    field: "FILE",
                    message: crate::fl!("cli-import-name-file"),
                });
            };
            import_file(open, &args.run, file)
        }
    }
}

// The value parsers below say why in the language chosen (set before the arguments are
// read), inside clap's own frame; the English is what they have always said.

fn parse_sign(text: &str) -> Result<import::Sign, String> {
    text.parse()
        .map_err(|_: String| crate::fl!("cli-not-a-sign", text = text))
}

fn parse_decimal_mark(text: &str) -> Result<char, String> {
    match text.trim() {
        "." => Ok('.'),
        "," => Ok(','),
        other => Err(crate::fl!("cli-not-a-decimal-mark", text = other)),
    }
}

fn parse_size(text: &str) -> Result<u64, String> {
    import::parse_size(text).map_err(|_| crate::fl!("cli-not-a-size", text = text))
}

fn import_file(
    open: impl FnOnce(bool) -> Result<Store, CliError>,
    run: &ImportRun,
    file: &Path,
) -> Result<(), CliError> {
    if !(0.0..=1.0).contains(&run.accept_threshold) {
        return Err(CliError::Input {
            field: "--accept-threshold",
            message: crate::fl!(
                "cli-threshold-not-0-1",
                value = run.accept_threshold.to_string()
            ),
        });
    }
    let max_size = run.max_size.unwrap_or(import::DEFAULT_MAX_SIZE);
    let hints = Hints {
        encoding: run.encoding.clone(),
        date_format: run.date_format.clone(),
        year: run.year,
        delimiter: None,
        decimal_mark: run.decimal_mark,
        sign: run.sign,
        amount_column: run.amount_column.clone(),
        header_line: run.header_line,
    };
    let mut store = open(!run.dry_run)?;
    // A UTF-8 CSV file's import (or dry run) with JSON output is read a row at a time,
    // never held whole; its payments are planned again as they are written out.
    if run.format == Format::Json {
        let print_json = |summary: &import::Summary, payments| {
            print_streamed(|out| {
                serde_json::to_writer_pretty(out, &WithPayments::new(summary, payments))
                    .map_err(std::io::Error::from)
            })
            .map_err(|e| CliError::Output(e.to_string()))
        };
        if run.dry_run {
            let streamed = import::dry_run(
                &store,
                file,
                max_size,
                &hints,
                run.profile.as_deref(),
                run.accept_threshold,
            )?;
            if let Some(dry) = streamed {
                return print_json(&dry.summary, Box::new(dry.payments()));
            }
        } else {
            let mut progress = Progress::new();
            let streamed = import::import_streamed(
                &mut store,
                file,
                max_size,
                &hints,
                run.profile.as_deref(),
                run.accept_threshold,
                |done, all| progress.show(done, all),
            )?;
            progress.finish();
            if let Some(done) = streamed {
                return print_json(&done.summary, Box::new(done.payments()));
            }
        }
    }
    // Anything else reviews the file (a CSV file a row at a time, holding 48 bytes of
    // each row; another kind whole) with the default decisions: every match at least
    // `--accept-threshold` sure accepted, probable duplicates skipped.
    let review = import::Review::open(
        &store,
        file,
        max_size,
        &hints,
        run.profile.as_deref(),
        run.accept_threshold,
    )?;
    let mut decisions = import::Decisions::default();
    review.accept_all_confident(&mut decisions);
    let summary = if run.dry_run {
        let mut summary = review.summary(&decisions);
        summary.payments = review.payments(&decisions);
        summary
    } else {
        let mut progress = Progress::new();
        let committed =
            review.commit(&mut store, &decisions, |done, all| progress.show(done, all))?;
        progress.finish();
        committed.summary
    };
    match run.format {
        // Written as it is serialised: a big file's payments are tens of megabytes.
        Format::Json => print_streamed(|out| {
            serde_json::to_writer_pretty(out, &summary).map_err(std::io::Error::from)
        })
        .map_err(|e| CliError::Output(e.to_string()))?,
        // The money-in rows, one a line, amounts plain: a dry run to check in a
        // spreadsheet, written as each row is read again.
        Format::Csv => print_streamed(|out| {
            let mut writer = crate::csv_out::CsvOut::new(out);
            let csv = |e: csv::Error| std::io::Error::other(e.to_string());
            writer.record(ROW_HEADERS).map_err(csv)?;
            let mut failed = None;
            money_in_rows(&review, &decisions, &summary, true, |cells| {
                match writer.record(&cells) {
                    Ok(()) => true,
                    Err(e) => {
                        failed = Some(csv(e));
                        false
                    }
                }
            })
            .map_err(|e| std::io::Error::other(e.to_string()))?;
            if let Some(e) = failed {
                return Err(e);
            }
            writer.into_inner().map_err(csv)?;
            Ok(())
        })
        .map_err(|e| CliError::Output(e.to_string()))?,
        Format::Table => print(&table(&review, &decisions, &summary, run.dry_run)?),
    }
    Ok(())
}

/// A dry run's summary with its payments planned as they are written out, in the
/// summary's own JSON form (the same keys in the same order).
#[derive(serde::Serialize)]
struct WithPayments<'a, I: Iterator<Item = import::PlannedPayment>> {
    file: &'a str,
    detected: &'a import::DetectedSummary,
    money_in: &'a import::CountTotal,
    money_out: &'a import::CountTotal,
    foreign: &'a import::Count,
    duplicates: usize,
    matched: usize,
    unmatched: usize,
    skipped: &'a [import::SkippedLine],
    batch: Option<i64>,
    #[serde(serialize_with = "payments")]
    payments: std::cell::RefCell<Option<I>>,
    not_posted: &'a [import::NotPosted],
}

/// "writing row N of M" on stderr as an import is written, at most five times a second.
struct Progress {
    terminal: bool,
    last: Option<std::time::Instant>,
    shown: bool,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            terminal: std::io::stderr().is_terminal(),
            last: None,
            shown: false,
        }
    }

    fn show(&mut self, done: usize, all: usize) {
        if self.last.is_none_or(|t| t.elapsed().as_millis() >= 200) || done == all {
            self.last = Some(std::time::Instant::now());
            self.shown = true;
            let said = fl!("cli-writing-row", done = count(done), all = count(all));
            if self.terminal {
                eprint!("\rowed: {said}");
            } else {
                eprintln!("owed: {said}");
            }
            let _ = std::io::stderr().flush();
        }
    }

    fn finish(&self) {
        if self.shown && self.terminal {
            eprintln!();
        }
    }
}

type Payments<'a> = Box<dyn Iterator<Item = import::PlannedPayment> + 'a>;

impl<'a> WithPayments<'a, Payments<'a>> {
    fn new(s: &'a import::Summary, payments: Payments<'a>) -> Self {
        WithPayments {
            file: &s.file,
            detected: &s.detected,
            money_in: &s.money_in,
            money_out: &s.money_out,
            foreign: &s.foreign,
            duplicates: s.duplicates,
            matched: s.matched,
            unmatched: s.unmatched,
            skipped: &s.skipped,
            batch: s.batch,
            payments: std::cell::RefCell::new(Some(payments)),
            not_posted: &s.not_posted,
        }
    }
}

fn payments<I, S>(cell: &std::cell::RefCell<Option<I>>, serializer: S) -> Result<S::Ok, S::Error>
where
    I: Iterator<Item = import::PlannedPayment>,
    S: serde::Serializer,
{
    let payments = cell.borrow_mut().take();
    serializer.collect_seq(payments.into_iter().flatten())
}

fn list(store: &Store, format: Format) -> Result<(), CliError> {
    let batches = store.import_batches()?;
    if format == Format::Json {
        let rows: Vec<_> = batches
            .iter()
            .map(|b| {
                json!({"batch": b.id, "file": b.file_name, "sha256": b.sha256, "imported_at": b.imported_at,
                       "rows": b.rows_read, "new": b.rows_new, "duplicates": b.duplicates,
                       "payments": b.payments, "unmatched": b.unmatched, "undone_at": b.undone_at})
            })
            .collect();
        print(&serde_json::to_string_pretty(&rows).map_err(|e| CliError::Output(e.to_string()))?);
        return Ok(());
    }
    if format == Format::Csv {
        // The JSON's keys and plain values, one batch a line.
        let mut table = Table::new(
            &[
                "batch",
                "file",
                "sha256",
                "imported_at",
                "rows",
                "new",
                "duplicates",
                "payments",
                "unmatched",
                "undone_at",
            ],
            &[],
        );
        for b in &batches {
            table.rows.push(vec![
                b.id.to_string(),
                b.file_name.clone(),
                b.sha256.clone(),
                b.imported_at.clone(),
                b.rows_read.to_string(),
                b.rows_new.to_string(),
                b.duplicates.to_string(),
                b.payments.to_string(),
                b.unmatched.to_string(),
                b.undone_at.clone().unwrap_or_default(),
            ]);
        }
        return print_csv(&table);
    }
    let mut table = Table::headed(
        vec![
            fl!("cli-col-batch"),
            fl!("cli-col-file"),
            fl!("cli-col-imported"),
            fl!("cli-col-rows"),
            fl!("cli-col-new"),
            fl!("cli-col-duplicates"),
            fl!("cli-col-payments"),
            fl!("cli-col-unmatched"),
            fl!("cli-col-undone"),
        ],
        &[true, false, false, true, true, true, true, true, false],
    );
    for b in &batches {
        table.rows.push(vec![
            b.id.to_string(),
            b.file_name.clone(),
            b.imported_at.clone(),
            b.rows_read.to_string(),
            b.rows_new.to_string(),
            b.duplicates.to_string(),
            b.payments.to_string(),
            b.unmatched.to_string(),
            b.undone_at.clone().unwrap_or_default(),
        ]);
    }
    print(&if batches.is_empty() {
        fl!("cli-no-imports-yet")
    } else {
        table.render()
    });
    Ok(())
}

fn unmatched(store: &Store, format: Format) -> Result<(), CliError> {
    let rows = store.unmatched_bank_rows()?;
    if format == Format::Json {
        let out: Vec<_> = rows
            .iter()
            .map(|r| json!({"row": r.id, "batch": r.batch_id, "line": r.line, "date": r.date.to_string(),
                            "amount": r.amount, "description": r.description, "reference": r.reference,
                            "counterparty": r.counterparty, "suggestion": r.reason}))
            .collect();
        print(&serde_json::to_string_pretty(&out).map_err(|e| CliError::Output(e.to_string()))?);
        return Ok(());
    }
    if format == Format::Csv {
        // The JSON's keys and plain values (the amount as stored, with its currency).
        let mut table = Table::new(
            &[
                "row",
                "batch",
                "line",
                "date",
                "amount",
                "currency",
                "description",
                "reference",
                "counterparty",
                "suggestion",
            ],
            &[],
        );
        for r in &rows {
            table.rows.push(vec![
                r.id.to_string(),
                r.batch_id.to_string(),
                r.line.to_string(),
                r.date.to_string(),
                // Stored canonical ("12.5"); in the book's currency, its plain form.
                match store.currency().parse_plain(&r.amount) {
                    Ok(value)
                        if r.currency
                            .as_deref()
                            .is_none_or(|c| c.eq_ignore_ascii_case(&store.currency().code)) =>
                    {
                        store.currency().plain(value)
                    }
                    _ => r.amount.clone(),
                },
                r.currency
                    .clone()
                    .unwrap_or_else(|| store.currency().code.clone()),
                r.description.clone(),
                r.reference.clone().unwrap_or_default(),
                r.counterparty.clone().unwrap_or_default(),
                r.reason.clone().unwrap_or_default(),
            ]);
        }
        return print_csv(&table);
    }
    let mut table = Table::headed(
        vec![
            fl!("cli-col-row"),
            fl!("cli-col-date"),
            fl!("cli-col-amount"),
            fl!("cli-col-payer"),
            fl!("cli-col-description"),
            fl!("cli-col-suggestion"),
        ],
        &[true, false, true, false, false, false],
    );
    for r in &rows {
        table.rows.push(vec![
            r.id.to_string(),
            r.date.to_string(),
            kept_amount(store, &r.amount, r.currency.as_deref()),
            r.counterparty.clone().unwrap_or_default(),
            r.description.clone(),
            crate::i18n::reasons::kept_row_said(r).unwrap_or_default(),
        ]);
    }
    print(&if rows.is_empty() {
        fl!("cli-no-unmatched-money")
    } else {
        table.render()
    });
    Ok(())
}

/// `table` as CSV (formula-safe text cells), the header line even when it has no rows.
fn print_csv(table: &Table) -> Result<(), CliError> {
    print(
        table
            .to_csv()
            .map_err(|e| CliError::Output(e.to_string()))?
            .trim_end(),
    );
    Ok(())
}

/// A kept row's amount in the book's format when it is in the book's currency.
fn kept_amount(store: &Store, amount: &str, currency: Option<&str>) -> String {
    let book = store.currency();
    match book.parse_plain(amount) {
        Ok(value) if currency.is_none_or(|c| c.eq_ignore_ascii_case(&book.code)) => {
            book.display(value)
        }
        _ => format!("{amount} {}", currency.unwrap_or_default())
            .trim()
            .to_string(),
    }
}
