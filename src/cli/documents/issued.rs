//! `owed issued list` and `owed issued show`: the statements and letters issued, as a
//! table (in the language chosen), CSV or JSON (English words and keys, for scripts),
//! and one written back byte for byte.

use serde_json::json;

use super::{IssuedCommand, statement_kind_name};
use crate::cli::CliError;
use crate::cli::output::{Format, Table, headers, print};
use crate::cli::words::{count, level_name};
use crate::domain::printed::StatementKind;
use crate::fl;
use crate::store::Store;

pub fn issued(store: &Store, command: &IssuedCommand) -> Result<(), CliError> {
    match command {
        IssuedCommand::List(args) => {
            let rows = store.issued(args.customer.as_deref())?;
            let currency = store.currency();
            let people = args.format == Format::Table;
            let columns = headers(
                args.format,
                &[
                    "id", "kind", "date", "customer", "what", "amount", "bytes", "sha256",
                ],
                || {
                    vec![
                        fl!("cli-col-id"),
                        fl!("cli-col-kind"),
                        fl!("cli-col-date"),
                        fl!("cli-col-customer"),
                        fl!("cli-col-what"),
                        fl!("cli-col-amount"),
                        fl!("cli-col-bytes"),
                        fl!("cli-col-sha256"),
                    ]
                },
            );
            let mut table = Table::headed(
                columns,
                &[true, false, false, false, false, true, true, false],
            );
            let mut json_rows = Vec::new();
            for r in &rows {
                // JSON and CSV keep the English words; a table says them.
                let what = match (&r.level, &r.statement_kind) {
                    (Some(level), _) => format!("level {} {}", level.number(), level.name()),
                    (None, Some(kind)) => {
                        format!("{kind} {}", r.period.clone().unwrap_or_default())
                    }
                    _ => String::new(),
                };
                let (kind, what_said) = if people {
                    (issued_kind_name(r.kind), issued_what(r))
                } else {
                    (r.kind.as_str().to_string(), what.clone())
                };
                table.rows.push(vec![
                    r.id.to_string(),
                    kind,
                    r.date.to_string(),
                    r.customer.clone(),
                    what_said,
                    match args.format {
                        Format::Table => currency.display(r.amount),
                        _ => currency.plain(r.amount),
                    },
                    r.size.to_string(),
                    r.sha256[..12].to_string(),
                ]);
                json_rows.push(json!({
                    "id": r.id, "kind": r.kind.as_str(), "date": r.date.to_string(),
                    "customer": r.customer, "name": r.customer_name, "what": what,
                    "period": r.period, "level": r.level.map(|l| l.number()),
                    "amount": currency.plain(r.amount), "file": r.file_name,
                    "bytes": r.size, "sha256": r.sha256, "issued_at": r.issued_at,
                }));
            }
            match args.format {
                Format::Table => print(&table.render()),
                Format::Csv => print(
                    &table
                        .to_csv()
                        .map_err(|e| CliError::Output(e.to_string()))?,
                ),
                Format::Json => print(
                    &serde_json::to_string_pretty(&json_rows)
                        .map_err(|e| CliError::Output(e.to_string()))?,
                ),
            }
        }
        IssuedCommand::Show(args) => {
            let (info, bytes) = store.issued_pdf(args.id)?;
            crate::files::write_bytes_whole(&args.out, &bytes).map_err(|e| CliError::File {
                path: args.out.clone(),
                message: crate::i18n::errors::io_text(&e, &crate::i18n::LOADER),
            })?;
            let done = fl!(
                "cli-issued-written",
                id = info.id.to_string(),
                kind = issued_kind_name(info.kind),
                customer = info.customer.as_str(),
                date = info.date.to_string(),
                out = args.out.display().to_string(),
                bytes = count(bytes.len()),
                sha256 = info.sha256.as_str()
            );
            // The PDF went to a stream (`--out /dev/stdout`): keep the line out of it.
            if crate::files::writes_through(&args.out) {
                eprintln!("{done}");
            } else {
                print(&done);
            }
        }
    }
    Ok(())
}

/// `statement` or `letter` (对账单, 催款函).
fn issued_kind_name(kind: crate::store::IssuedKind) -> String {
    match kind {
        crate::store::IssuedKind::Statement => fl!("statement"),
        crate::store::IssuedKind::Letter => fl!("letter"),
    }
}

/// What an issued document was, in a table: `level 2 second notice`, `open-item 2026-10`.
fn issued_what(row: &crate::store::Issued) -> String {
    match (&row.level, &row.statement_kind) {
        (Some(level), _) => fl!(
            "cli-issued-what-letter",
            level = level.number().to_string(),
            name = level_name(*level)
        ),
        (None, Some(kind)) => {
            let period = row.period.clone().unwrap_or_default();
            match StatementKind::parse(kind) {
                Some(kind) => fl!(
                    "cli-issued-what-statement",
                    kind = statement_kind_name(kind),
                    period = period
                ),
                None => format!("{kind} {period}"),
            }
        }
        _ => String::new(),
    }
}
