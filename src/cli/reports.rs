//! The CLI's reports: aging, customer list, ledger, notes (in `notes`) and the overview,
//! each as a table (in the language chosen), CSV or JSON from the same figures.

mod aging_json;
mod aging_pdf;
mod notes;

pub use notes::notes;

use serde_json::{Value, json};

use crate::domain::aging::{Basis, Buckets};
use crate::domain::{Currency, Money};
use crate::report::{self, AgingOptions};
use crate::store::Store;

use super::output::{Format, Table, headers, print, print_streamed};
use super::words::{count, kind_name, signed};
use super::{
    AgingArgs, AgingFormat, CliError, LedgerArgs, input, parse_date_arg, parse_optional_date,
};
use crate::fl;

pub(super) fn emit(format: Format, table: &Table, json: Value) -> Result<(), CliError> {
    match format {
        Format::Table => print(&table.render()),
        Format::Csv => print(
            &table
                .to_csv()
                .map_err(|e| CliError::Output(e.to_string()))?,
        ),
        Format::Json => print(
            &serde_json::to_string_pretty(&json).map_err(|e| CliError::Output(e.to_string()))?,
        ),
    }
    Ok(())
}

/// Amounts for people in tables, exact plain decimals in CSV and JSON.
fn amount(format: Format, currency: &Currency, money: Money) -> String {
    match format {
        Format::Table => currency.display(money),
        _ => currency.plain(money),
    }
}

pub fn aging(store: &Store, args: &AgingArgs) -> Result<(), CliError> {
    let options = AgingOptions {
        as_of: parse_date_arg("--as-of", &args.as_of)?,
        basis: args.by.parse::<Basis>().map_err(input("--by"))?,
        buckets: args
            .buckets
            .parse::<Buckets>()
            .map_err(input("--buckets"))?,
        detail: args.detail,
    };
    let f = match args.format {
        AgingFormat::Table => Format::Table,
        AgingFormat::Csv => Format::Csv,
        AgingFormat::Json => Format::Json,
        AgingFormat::Pdf => return aging_pdf::write(store, args, &options),
    };
    if args.out.is_some() {
        return Err(CliError::Input {
            field: "--out",
            message: crate::fl!("cli-out-is-for-pdf"),
        });
    }
    let aging = report::aging(store, &options)?;
    let currency = store.currency();
    let report = &aging.report;
    if f == Format::Json {
        // Written as it is serialised: the detail of a large book is tens of megabytes.
        let document = aging_json::AgingJson {
            aging: &aging,
            currency,
            detail: options.detail,
        };
        return print_streamed(|out| document.write(out).map_err(std::io::Error::from))
            .map_err(|e| CliError::Output(e.to_string()));
    }
    if f == Format::Csv {
        // The same file the aging screen exports; with --detail, item rows too.
        let mut csv = Vec::new();
        aging
            .write_csv(currency, options.detail, &mut csv)
            .map_err(|e| CliError::Output(e.to_string()))?;
        print(&String::from_utf8_lossy(&csv));
        return Ok(());
    }
    // The table for people: the CSV's columns, in words.
    let headers: Vec<String> = aging
        .headers()
        .into_iter()
        .map(|header| match header.as_str() {
            "code" => fl!("cli-col-code"),
            "name" => fl!("cli-col-name"),
            "balance" => fl!("cli-col-balance"),
            "unapplied" => fl!("cli-col-unapplied"),
            "Current" => fl!("current"),
            _ => header,
        })
        .collect();
    let mut numeric = vec![false, false];
    numeric.extend(std::iter::repeat_n(true, report.columns.len() + 2));
    let mut table = Table::headed(headers, &numeric);
    for (code, name, row) in aging.rows() {
        table.rows.push(report::Aging::cells(code, name, row, |m| {
            currency.display(m)
        }));
        if options.detail {
            for item in &row.items {
                let mut cells = vec![
                    String::new(),
                    format!(
                        "  {}",
                        fl!(
                            "cli-aging-item",
                            item = format!("{}/{}", item.number, item.seq),
                            due = item.due.to_string(),
                            days = signed(item.days_overdue),
                            disputed = if aging.is_disputed(item) {
                                fl!("cli-aging-item-disputed")
                            } else {
                                String::new()
                            }
                        )
                    ),
                    String::new(),
                ];
                cells.extend((0..report.columns.len()).map(|c| {
                    if c == item.column {
                        currency.display(item.open)
                    } else {
                        String::new()
                    }
                }));
                table.rows.push(cells);
            }
        }
    }
    let mut totals = vec![
        "".to_string(),
        fl!("total"),
        currency.display(report.totals.balance),
    ];
    totals.extend(report.totals.amounts.iter().map(|m| currency.display(*m)));
    totals.push(currency.display(report.totals.unapplied));
    table.footer.push(totals);
    let title = match report.basis {
        Basis::Due => fl!(
            "cli-aging-title-due",
            as_of = report.as_of.to_string(),
            currency = currency.code.as_str()
        ),
        Basis::Invoice => fl!(
            "cli-aging-title-invoice",
            as_of = report.as_of.to_string(),
            currency = currency.code.as_str()
        ),
    };
    print(&title);
    print(&table.render());
    Ok(())
}

pub fn customer_list(store: &Store, as_of: chrono::NaiveDate, f: Format) -> Result<(), CliError> {
    let list = report::customer_list(store, as_of)?;
    let currency = store.currency();
    let people = f == Format::Table;
    let columns = headers(
        f,
        &[
            "code", "name", "terms", "balance", "overdue", "oldest", "limit", "used", "tier",
            "status",
        ],
        || {
            vec![
                fl!("cli-col-code"),
                fl!("cli-col-name"),
                fl!("cli-col-terms"),
                fl!("cli-col-balance"),
                fl!("cli-col-overdue"),
                fl!("cli-col-oldest"),
                fl!("cli-col-limit"),
                fl!("cli-col-used"),
                fl!("cli-col-tier"),
                fl!("cli-col-status"),
            ]
        },
    );
    let mut table = Table::headed(
        columns,
        &[
            false, false, false, true, true, true, true, true, false, false,
        ],
    );
    let mut json_rows = Vec::new();
    let status_separator = super::words::joined(&[String::new(), String::new()]);
    let (mut balance, mut overdue) = (Money::ZERO, Money::ZERO);
    for summary in &list {
        let c = &summary.customer;
        balance += summary.balance;
        overdue += summary.overdue;
        // Words for people, the English ones in CSV (a script may match on them).
        let mut status: Vec<String> = Vec::new();
        if c.on_hold {
            status.push(if people {
                fl!("cli-status-on-hold")
            } else {
                "on hold".into()
            });
        }
        if summary.over_limit {
            status.push(if people {
                fl!("cli-status-over-limit")
            } else {
                "over limit".into()
            });
        }
        if c.archived {
            status.push(if people {
                fl!("cli-status-archived")
            } else {
                "archived".into()
            });
        }
        table.rows.push(vec![
            c.code.clone(),
            c.name.clone(),
            c.terms.to_string(),
            amount(f, currency, summary.balance),
            amount(f, currency, summary.overdue),
            summary
                .oldest_days_overdue
                .map(|d| days_cell(f, d))
                .unwrap_or_default(),
            c.credit_limit
                .map(|l| amount(f, currency, l))
                .unwrap_or_default(),
            summary
                .credit_used_percent
                .map(|p| format!("{p}%"))
                .unwrap_or_default(),
            c.tier.map(|t| t.to_string()).unwrap_or_default(),
            status.join(if people { &status_separator } else { ", " }),
        ]);
        json_rows.push(json!({
            "code": c.code,
            "name": c.name,
            "contact": c.contact,
            "email": c.email,
            "phone": c.phone,
            "address": c.address,
            "terms": c.terms.to_string(),
            "balance": currency.plain(summary.balance),
            "overdue": currency.plain(summary.overdue),
            "unapplied": currency.plain(summary.unapplied),
            "oldest_days_overdue": summary.oldest_days_overdue,
            "credit_limit": c.credit_limit.map(|l| currency.plain(l)),
            "credit_used_percent": summary.credit_used_percent.map(|p| p.to_string()),
            "over_limit": summary.over_limit,
            "tier": c.tier.map(|t| t.to_string()),
            "on_hold": c.on_hold,
            "archived": c.archived,
        }));
    }
    table.footer.push(vec![
        String::new(),
        fl!("cli-customers-count", count = count(list.len())),
        String::new(),
        amount(f, currency, balance),
        amount(f, currency, overdue),
    ]);
    emit(f, &table, Value::Array(json_rows))
}

pub fn ledger(store: &Store, args: &LedgerArgs) -> Result<(), CliError> {
    let from = parse_optional_date("--from", &args.from)?;
    let to = parse_optional_date("--to", &args.to)?;
    let (customer, ledger) = report::customer_ledger(store, &args.code, from, to)?;
    let currency = store.currency();
    let f = args.format;
    let blank_zero = |m: Money| {
        if m.is_zero() {
            String::new()
        } else {
            amount(f, currency, m)
        }
    };
    let people = f == Format::Table;
    let columns = headers(
        f,
        &[
            "date", "kind", "number", "debit", "credit", "balance", "memo",
        ],
        || {
            vec![
                fl!("cli-col-date"),
                fl!("cli-col-kind"),
                fl!("cli-col-number"),
                fl!("cli-col-debit"),
                fl!("cli-col-credit"),
                fl!("cli-col-balance"),
                fl!("cli-col-memo"),
            ]
        },
    );
    let mut table = Table::headed(columns, &[false, false, false, true, true, true, false]);
    if people {
        table.rows.push(vec![
            from.map(|d| d.to_string()).unwrap_or_default(),
            fl!("cli-ledger-opening"),
            String::new(),
            String::new(),
            String::new(),
            amount(f, currency, ledger.opening),
            String::new(),
        ]);
    }
    for entry in &ledger.entries {
        table.rows.push(vec![
            entry.date.to_string(),
            if people {
                kind_name(entry.kind)
            } else {
                entry.kind.to_string()
            },
            entry.number.clone(),
            blank_zero(entry.debit),
            blank_zero(entry.credit),
            amount(f, currency, entry.balance),
            match &entry.memo {
                Some(memo) if people => crate::i18n::words::note_summary_text(memo),
                memo => memo.clone().unwrap_or_default(),
            },
        ]);
    }
    table.footer.push(vec![
        to.map(|d| d.to_string()).unwrap_or_default(),
        fl!("cli-ledger-closing"),
        String::new(),
        String::new(),
        String::new(),
        amount(f, currency, ledger.closing),
    ]);
    let json = json!({
        "code": customer.code,
        "name": customer.name,
        "from": from.map(|d| d.to_string()),
        "to": to.map(|d| d.to_string()),
        "opening": currency.plain(ledger.opening),
        "closing": currency.plain(ledger.closing),
        "entries": ledger.entries.iter().map(|e| json!({
            "date": e.date.to_string(),
            "kind": e.kind.as_str(),
            "number": e.number,
            "debit": currency.plain(e.debit),
            "credit": currency.plain(e.credit),
            "balance": currency.plain(e.balance),
            "memo": e.memo,
        })).collect::<Vec<_>>(),
    });
    if f == Format::Table {
        print(&fl!(
            "cli-ledger-title",
            code = customer.code.as_str(),
            name = customer.name.as_str(),
            terms = customer.terms.to_string()
        ));
    }
    emit(f, &table, json)
}

/// What a bare `owed` shows: the book, what is owed, and who is latest.
pub fn overview(store: &Store) -> Result<(), CliError> {
    let today = chrono::Local::now().date_naive();
    // The list and the worklist from one aging of the book.
    let (work, list) = crate::report::worklist::worklist_and_customers(store, today)?;
    let currency = store.currency();
    let balance: Money = list.iter().map(|s| s.balance).sum();
    let overdue: Money = list.iter().map(|s| s.overdue).sum();
    let path = store
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut text = format!(
        "{}\n{}\n",
        fl!(
            "cli-overview-book",
            company = store.settings().company.as_str(),
            path = path,
            currency = currency.code.as_str()
        ),
        fl!(
            "cli-overview-owed",
            customers = count(list.len()),
            currency = currency.code.as_str(),
            balance = currency.display(balance),
            overdue = currency.display(overdue)
        )
    );
    let mut late: Vec<_> = list.iter().filter(|s| s.overdue.is_positive()).collect();
    late.sort_by_key(|s| std::cmp::Reverse(s.overdue));
    if !late.is_empty() {
        let mut table = Table::headed(
            vec![
                fl!("cli-col-code"),
                fl!("cli-col-name"),
                fl!("cli-col-overdue"),
                fl!("cli-col-oldest"),
            ],
            &[false, false, true, true],
        );
        for s in late.iter().take(10) {
            table.rows.push(vec![
                s.customer.code.clone(),
                s.customer.name.clone(),
                currency.display(s.overdue),
                s.oldest_days_overdue
                    .map(|d| days_cell(Format::Table, d))
                    .unwrap_or_default(),
            ]);
        }
        text.push_str(&format!("\n{}\n", fl!("cli-overview-most-overdue")));
        text.push_str(&table.render());
    }
    // Whom to contact today: the worklist's most pressing rows.
    if !work.items.is_empty() {
        text.push_str(&format!(
            "\n{}\n",
            fl!("cli-overview-to-contact", count = count(work.items.len()))
        ));
        text.push_str(&super::worklist::table(store, &work, 10).render());
    }
    text.push_str(&format!("\n{}", fl!("cli-overview-help")));
    print(&text);
    Ok(())
}

/// With OWED_REPORT_PEAK_MEMORY set, prints the process's peak resident memory (Linux),
/// so the benchmark can measure a real `owed aging` run.
pub fn peak_memory_note() {
    if std::env::var_os("OWED_REPORT_PEAK_MEMORY").is_none() {
        return;
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:"))
    {
        eprintln!("peak memory: {}", line.trim_start_matches("VmHWM:").trim());
    }
}

/// Days overdue in a cell: `12d` in CSV (as scripts have always read it), and in a table
/// for people in the language chosen (`12d`, `12天`).
fn days_cell(f: Format, days: i64) -> String {
    match f {
        Format::Table => fl!("cli-days-short", days = days.to_string()),
        Format::Csv | Format::Json => format!("{days}d"),
    }
}
