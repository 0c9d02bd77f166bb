//! `owed audit list`: the audit log — every change of a customer's master data, of the
//! settings and letter texts, every override, restore and import undo — oldest first.

use serde_json::json;

use crate::store::{AuditFilter, Store};

use super::output::{Format, Table, headers, print};
use super::{AuditListArgs, CliError};
use crate::fl;

pub fn list(store: &Store, args: &AuditListArgs) -> Result<(), CliError> {
    let entries = store.audit_log(&AuditFilter {
        customer: args.customer.clone(),
    })?;
    match args.format {
        Format::Json => {
            let rows: Vec<_> = entries
                .iter()
                .map(|e| {
                    json!({
                        "id": e.id,
                        "at": e.at,
                        "action": e.action.as_str(),
                        "customer": e.customer,
                        "field": e.field,
                        "old": e.old,
                        "new": e.new,
                        "reason": e.reason,
                    })
                })
                .collect();
            print(
                &serde_json::to_string_pretty(&rows)
                    .map_err(|e| CliError::Output(e.to_string()))?,
            );
        }
        format => {
            let columns = headers(
                format,
                &[
                    "id", "at", "action", "customer", "field", "old", "new", "reason",
                ],
                || {
                    vec![
                        fl!("cli-col-id"),
                        fl!("cli-col-at"),
                        fl!("cli-col-action"),
                        fl!("cli-col-customer"),
                        fl!("cli-col-field"),
                        fl!("cli-col-old"),
                        fl!("cli-col-new-value"),
                        fl!("cli-col-reason"),
                    ]
                },
            );
            let mut table = Table::headed(
                columns,
                &[true, false, false, false, false, false, false, false],
            );
            // A table line shows a long letter text on one line, shortened; CSV keeps it whole.
            let cell = |text: &Option<String>| match format {
                Format::Table => one_line(text.as_deref().unwrap_or_default(), 40),
                _ => text.clone().unwrap_or_default(),
            };
            // A person reads the book's own words (an override, a dispute, a band
            // acknowledged) in the language chosen; CSV keeps them as stored.
            let said = |action, value: &Option<String>| match value {
                Some(text) if format == Format::Table => Some(
                    crate::store::EntrySays::read(action, text)
                        .map(|says| crate::i18n::words::audit_says_text(&says, store.currency()))
                        .unwrap_or_else(|| text.clone()),
                ),
                other => other.clone(),
            };
            for e in &entries {
                table.rows.push(vec![
                    e.id.to_string(),
                    match format {
                        Format::Table => {
                            e.at.chars().take(19).collect::<String>().replace('T', " ")
                        }
                        _ => e.at.clone(),
                    },
                    match format {
                        Format::Table => crate::i18n::words::audit_action_name(e.action),
                        _ => e.action.as_str().to_string(),
                    },
                    e.customer.clone().unwrap_or_default(),
                    e.field.clone().unwrap_or_default(),
                    cell(&said(e.action, &e.old)),
                    cell(&said(e.action, &e.new)),
                    cell(&match format {
                        Format::Table => e
                            .reason
                            .as_deref()
                            .map(crate::i18n::words::audit_reason_text),
                        _ => e.reason.clone(),
                    }),
                ]);
            }
            if format == Format::Csv {
                print(
                    &table
                        .to_csv()
                        .map_err(|e| CliError::Output(e.to_string()))?,
                );
            } else if entries.is_empty() {
                print(&fl!("cli-audit-nothing"));
            } else {
                print(&table.render());
            }
        }
    }
    Ok(())
}

/// A value on one table line: line breaks shown as `⏎`, at most `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { '⏎' } else { c })
        .collect();
    if flat.chars().count() > max {
        let mut short: String = flat.chars().take(max - 1).collect();
        short.push('…');
        short
    } else {
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn long_and_multi_line_values_fit_one_table_line() {
        assert_eq!(one_line("a\nb", 10), "a⏎b");
        assert_eq!(one_line("abcdefghijkl", 5), "abcd…");
        assert_eq!(one_line("abcde", 5), "abcde");
    }
}
