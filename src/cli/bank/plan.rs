//! An import's plan as a person reads it (`owed import` in table format): what was
//! detected, the money-in rows with where each payment goes, the tally and the outcome;
//! and the same rows for the CSV, in English words.

use crate::cli::CliError;
use crate::cli::output::Table;
use crate::cli::words::count;
use crate::domain::Money;
use crate::fl;
use crate::i18n::errors::Described;
use crate::import::{self, Decision, RowKind, RowStatus};

pub(super) fn table(
    review: &import::Review,
    decisions: &import::Decisions,
    summary: &import::Summary,
    dry_run: bool,
) -> Result<String, CliError> {
    let d = &summary.detected;
    // What was detected is said in the library's words (encoding, layout), as the import
    // screen shows them; the words around them are ours.
    let mut out = format!(
        "{}{}{}{}\n",
        fl!(
            "cli-import-detected",
            file = summary.file.as_str(),
            encoding = d.encoding.as_str(),
            delimiter = d.delimiter.as_str(),
            line = d.header_line.to_string(),
            dates = d.date_format.as_str(),
            mark = d.decimal_mark.as_str(),
            layout = d.layout.as_str()
        ),
        if d.amount_column.is_empty() {
            String::new()
        } else {
            fl!(
                "cli-import-amount-column",
                column = d.amount_column.as_str()
            )
        },
        d.sign_reason
            .as_ref()
            .map(|why| fl!(
                "cli-import-sign",
                sign = d.sign.as_str(),
                why = why.described()
            ))
            .unwrap_or_default(),
        review
            .profile
            .as_ref()
            .map(|p| fl!("cli-import-profile", profile = p.to_string()))
            .unwrap_or_default()
    );
    let mut rows = Table::headed(
        vec![
            fl!("cli-col-line"),
            fl!("cli-col-date"),
            fl!("cli-col-amount"),
            fl!("cli-col-status"),
            fl!("cli-col-customer"),
            fl!("cli-col-confidence"),
            fl!("cli-col-applied"),
            fl!("cli-col-reason"),
        ],
        &ROW_RIGHT,
    );
    money_in_rows(review, decisions, summary, false, |cells| {
        rows.rows.push(cells);
        true
    })?;
    if !rows.rows.is_empty() {
        out.push_str(&rows.render());
        out.push('\n');
    }
    out.push_str(&fl!(
        "cli-import-tally",
        money_in = count(summary.money_in.count),
        money_in_total = summary.money_in.total.as_str(),
        money_out = count(summary.money_out.count),
        money_out_total = summary.money_out.total.as_str(),
        foreign = count(summary.foreign.count),
        duplicates = count(summary.duplicates),
        matched = count(summary.matched),
        unmatched = count(summary.unmatched),
        skipped = count(summary.skipped.len())
    ));
    let set_aside = review.set_aside();
    if let Some(aside) = &set_aside {
        out.push_str(&format!("\n{}", set_aside_text(aside)));
    }
    for refused in &summary.not_posted {
        out.push_str(&format!(
            "\n{}",
            fl!(
                "cli-import-not-posted",
                line = refused.line.to_string(),
                reason = refused.reason.described()
            )
        ));
    }
    let nothing = |written: String| {
        let with = if set_aside.is_some() {
            fl!(
                "cli-import-nothing-new-in-currency",
                currency = review.currency.code.as_str()
            )
        } else {
            fl!("cli-import-nothing-new")
        };
        format!("\n{with}; {written}")
    };
    match summary.batch {
        Some(batch) => out.push_str(&format!(
            "\n{}",
            fl!("cli-imported-as-batch", batch = batch.to_string())
        )),
        None if !review.can_post() => out.push_str(&nothing(if dry_run {
            fl!("cli-nothing-would-be-written")
        } else {
            fl!("cli-nothing-was-written")
        })),
        None if dry_run => out.push_str(&format!("\n{}", fl!("cli-dry-run-nothing-written"))),
        None => out.push_str(&format!("\n{}", fl!("cli-nothing-new-imported-before"))),
    }
    Ok(out)
}

/// The rows in another currency than the book's, as the import screen says them.
fn set_aside_text(aside: &import::SetAside) -> String {
    let movements = match aside.rows {
        1 => fl!("n-1-movement"),
        n => fl!("rows-movements", rows = n),
    };
    match (aside.currencies.as_slice(), aside.whole_file) {
        ([code], true) => fl!(
            "the-file-is-in-code-the",
            code = code.as_str(),
            book = aside.book.as_str(),
            movements = movements
        ),
        ([], _) => fl!(
            "movements-in-another-currency-set-aside",
            book = aside.book.as_str(),
            movements = movements
        ),
        (codes, _) => fl!(
            "movements-in-codes-set-aside-the",
            codes = codes.join(", "),
            book = aside.book.as_str(),
            movements = movements
        ),
    }
}

/// The CSV's columns (a table for people says them in words).
pub(super) const ROW_HEADERS: [&str; 8] = [
    "line",
    "date",
    "amount",
    "status",
    "customer",
    "confidence",
    "applied",
    "reason",
];
const ROW_RIGHT: [bool; 8] = [true, false, true, false, false, true, false, false];

/// The money-in rows of an import, in the file's order, each given to `each` as it is
/// read again (until `each` says to stop): status, match and where the money goes;
/// amounts `plain` (`1234.50`) for CSV, else in the book's format.
pub(super) fn money_in_rows(
    review: &import::Review,
    decisions: &import::Decisions,
    summary: &import::Summary,
    plain: bool,
    mut each: impl FnMut(Vec<String>) -> bool,
) -> Result<(), CliError> {
    // Where each payment's money goes, by line, as planned for the whole file.
    let applied: std::collections::HashMap<usize, &import::PlannedPayment> =
        summary.payments.iter().map(|p| (p.line, p)).collect();
    let money_in =
        (0..review.len()).filter(|&i| review.glance(i).is_some_and(|g| g.kind == RowKind::MoneyIn));
    let currency = &review.currency;
    let mut failed = None;
    review.rows(money_in, |index, row| {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                failed = Some(e);
                return false;
            }
        };
        let decision = review
            .decision(index, decisions)
            .unwrap_or(Decision::LeaveUnmatched);
        each(row_cells(
            &row, &decision, &applied, summary, currency, plain,
        ))
    });
    match failed {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

fn row_cells(
    row: &import::PlannedRow,
    decision: &Decision,
    applied: &std::collections::HashMap<usize, &import::PlannedPayment>,
    summary: &import::Summary,
    currency: &crate::domain::Currency,
    plain: bool,
) -> Vec<String> {
    // CSV keeps the English words scripts match on; a table says them.
    let word = |english: &str, said: fn() -> String| {
        if plain { english.to_string() } else { said() }
    };
    let status = match (&row.status, decision) {
        (RowStatus::AlreadyImported, _) => word("already imported", || fl!("already-imported")),
        _ if row.unpostable.is_some() => word("unmatched", || fl!("cli-row-unmatched")),
        (RowStatus::ProbableDuplicate(_), Decision::Skip) => {
            word("probable duplicate", || fl!("probable-duplicate"))
        }
        (_, Decision::Accept { .. }) if summary.batch.is_some() => {
            word("posted", || fl!("cli-row-posted"))
        }
        (_, Decision::Accept { .. }) => word("will post", || fl!("cli-row-will-post")),
        _ => word("unmatched", || fl!("cli-row-unmatched")),
    };
    let (customer, confidence, reason) = match (&row.status, &row.suggestion) {
        (RowStatus::AlreadyImported, _) => Default::default(),
        _ if row.unpostable.is_some() => (
            String::new(),
            String::new(),
            row.unpostable
                .as_ref()
                .map(|why| said(why, plain))
                .unwrap_or_default(),
        ),
        (RowStatus::ProbableDuplicate(why), _) => (String::new(), String::new(), said(why, plain)),

        (_, Some(s)) => (
            s.code.clone(),
            format!("{:.2}", s.confidence),
            said(&s.reason, plain),
        ),
        _ => Default::default(),
    };
    let (goes, reason) = match applied.get(&row.row.line) {
        Some(payment) => (
            where_it_goes(payment, plain),
            match &payment.note {
                Some(note) if reason.is_empty() => said(note, plain),
                Some(note) => format!(
                    "{reason}{}{}",
                    if plain {
                        "; ".to_string()
                    } else {
                        fl!("reason-and")
                    },
                    said(note, plain)
                ),
                None => reason,
            },
        ),
        None => (String::new(), reason),
    };
    vec![
        row.row.line.to_string(),
        row.row.date.map(|d| d.to_string()).unwrap_or_default(),
        // An amount the book cannot hold is shown as the file wrote it, not rounded.
        if row.unpostable.is_some() {
            import::canonical(row.row.amount)
        } else if plain {
            currency.plain(Money(row.row.amount))
        } else {
            currency.display(Money(row.row.amount))
        },
        status,
        customer,
        confidence,
        goes,
        reason,
    ]
}

/// Why, in English in CSV (`plain`, the words scripts read); else in the language
/// chosen (the same English when that is English).
fn said<T: Described + std::fmt::Display>(why: &T, plain: bool) -> String {
    if plain {
        why.to_string()
    } else {
        why.described()
    }
}

/// `INV-1 500.00, discount INV-1 20.00, unapplied 10.00`: where a payment's money goes
/// (in English in CSV, `plain`; else in the language chosen).
fn where_it_goes(payment: &import::PlannedPayment, plain: bool) -> String {
    let mut parts: Vec<String> = payment
        .applied
        .iter()
        .map(|a| format!("{} {}", a.invoice, a.amount))
        .collect();
    parts.extend(payment.discounts.iter().map(|d| {
        if plain {
            format!("discount {} {}", d.invoice, d.amount)
        } else {
            fl!(
                "cli-goes-discount",
                invoice = d.invoice.as_str(),
                amount = d.amount.as_str()
            )
        }
    }));
    // The plain form of nothing is all zeros ("0.00").
    if payment
        .unapplied
        .chars()
        .any(|c| c.is_ascii_digit() && c != '0')
    {
        parts.push(if plain {
            format!("unapplied {}", payment.unapplied)
        } else {
            fl!("cli-goes-unapplied", amount = payment.unapplied.as_str())
        });
    }
    if plain {
        parts.join(", ")
    } else {
        crate::cli::words::joined(&parts)
    }
}
