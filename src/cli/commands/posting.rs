//! Posting from the command line: an invoice or fee (with the deposit a tier's policy
//! requires), a payment, credit note or write-off, and what each posted said back — in
//! the language chosen, amounts in the book's format.

use super::open;
use crate::cli::output::print;
use crate::cli::words::kind_name;
use crate::cli::{Cli, CliError, input, parse_optional_date};
use crate::domain::Currency;
use crate::domain::allocation::Apply;
use crate::domain::document::DocKind;
use crate::domain::terms::{Plan, Terms};
use crate::fl;
use crate::store::{Access, Discounting, NewCredit, NewDebit, Posted};

pub(super) fn post_debit(
    cli: &Cli,
    kind: DocKind,
    args: &crate::cli::DebitArgs,
) -> Result<(), CliError> {
    let mut store = open(cli, Access::Write)?;
    let currency = store.currency().clone();
    let mut plan = match (&args.installments, &args.deposit) {
        (Some(text), _) if text.contains(':') => {
            Plan::parse_explicit(text, &currency).map_err(input("--installments"))?
        }
        (Some(text), _) => {
            Plan::Installments(text.trim().parse().map_err(|_| CliError::Input {
                field: "--installments",
                message: crate::fl!("cli-installments-neither", text = text.as_str()),
            })?)
        }
        // `--deposit 0` is a single item said on purpose, past a tier's required deposit.
        (None, Some(deposit)) if is_no_deposit(deposit) => Plan::Single,
        (None, Some(deposit)) => Plan::parse_deposit(deposit).map_err(input("--deposit"))?,
        (None, None) => Plan::Single,
    };
    let mut required = None;
    if kind == DocKind::Invoice
        && args.installments.is_none()
        && args.deposit.is_none()
        && let Some((tier, pct)) = store.required_deposit(&args.doc.customer)?
    {
        required = Some((tier, pct));
        plan = Plan::Deposit(pct);
    }
    let debit = NewDebit {
        customer: args.doc.customer.clone(),
        kind,
        number: args.doc.number.clone(),
        date: args.doc.date()?,
        amount: args.doc.amount(&currency)?,
        terms: args
            .terms
            .as_deref()
            .map(str::parse::<Terms>)
            .transpose()
            .map_err(input("--terms"))?,
        due: parse_optional_date("--due", &args.due)?,
        plan,
        reference: args.doc.reference.clone(),
        memo: args.doc.memo.clone(),
    };
    let posted = store.post_debit_overriding(&debit, args.override_reason.as_deref())?;
    report_posted(&currency, &posted, debit.amount);
    if let Some((tier, pct)) = required {
        print(&format!(
            "  {}",
            fl!(
                "cli-deposit-required",
                pct = pct.to_string(),
                tier = tier.to_string()
            )
        ));
    }
    Ok(())
}

/// `--deposit 0`, `0%` or `none`: no deposit, one item.
fn is_no_deposit(text: &str) -> bool {
    let number = text.trim().trim_end_matches('%').trim();
    number.eq_ignore_ascii_case("none")
        || number
            .parse::<rust_decimal::Decimal>()
            .is_ok_and(|p| p.is_zero())
}

pub(super) fn post_credit(
    cli: &Cli,
    kind: DocKind,
    args: &crate::cli::CreditArgs,
    discounting: Discounting,
) -> Result<(), CliError> {
    let mut store = open(cli, Access::Write)?;
    let currency = store.currency().clone();
    let apply = match (&args.apply, args.unapplied) {
        (Some(text), _) => Apply::parse(text, &currency).map_err(input("--apply"))?,
        (None, true) => Apply::Unapplied,
        (None, false) => Apply::OldestFirst,
    };
    let credit = NewCredit {
        customer: args.doc.customer.clone(),
        kind,
        number: args.doc.number.clone(),
        date: args.doc.date()?,
        amount: args.doc.amount(&currency)?,
        reference: args.doc.reference.clone(),
        memo: args.doc.memo.clone(),
        apply,
    };
    let posted = store.post_credit_with(&credit, discounting)?;
    report_posted(&currency, &posted, credit.amount);
    Ok(())
}

pub(super) fn report_posted(currency: &Currency, posted: &Posted, amount: crate::domain::Money) {
    let mut lines = vec![fl!(
        "cli-posted",
        kind = kind_name(posted.kind),
        number = posted.number.as_str(),
        customer = posted.customer.as_str(),
        amount = currency.display(amount)
    )];
    if posted.items.len() > 1 {
        for (seq, due, part) in &posted.items {
            lines.push(format!(
                "  {}",
                fl!(
                    "cli-installment-due",
                    seq = seq.to_string(),
                    due = due.to_string(),
                    amount = currency.display(*part)
                )
            ));
        }
    } else if let Some((_, due, _)) = posted.items.first() {
        lines.push(format!("  {}", fl!("cli-due-on", due = due.to_string())));
    }
    for (number, seq, part) in &posted.allocations {
        lines.push(format!(
            "  {}",
            fl!(
                "cli-applied-to",
                amount = currency.display(*part),
                item = format!("{number}/{seq}")
            )
        ));
    }
    for taken in &posted.discounts {
        lines.push(format!(
            "  {}",
            fl!(
                "cli-discount-taken",
                number = taken.number.as_str(),
                invoice = taken.invoice.as_str(),
                terms = taken.terms.to_string(),
                amount = currency.display(taken.amount)
            )
        ));
    }
    if posted.kind.natural_side() == Some(crate::domain::document::Side::Credit)
        && posted.unapplied.is_positive()
    {
        lines.push(format!(
            "  {}",
            fl!(
                "cli-unapplied-credit",
                amount = currency.display(posted.unapplied)
            )
        ));
    }
    print(&lines.join("\n"));
    // The warnings in the language shown (the English the command line always printed).
    for warning in &posted.warnings {
        let said = crate::i18n::errors::Described::described(warning);
        eprintln!(
            "{}",
            fl!(
                "cli-warning",
                warning = crate::domain::text::for_terminal(&said).into_owned()
            )
        );
    }
}
