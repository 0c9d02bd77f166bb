//! Fingerprints and payer keys written into buffers are the ones built of parts, as
//! they were first written: a fingerprint kept in a book must never change.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use super::*;
use crate::import::matching::alias_key as alias;
use crate::import::{Direction, hex};

/// The fingerprint as first written.
fn fingerprint_of_parts(row: &BankRow) -> String {
    let squeeze = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let text = [
        row.account.as_deref().map(squeeze).unwrap_or_default(),
        row.date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "pending".into()),
        canonical(row.signed()),
        row.currency.clone().unwrap_or_default(),
        squeeze(&row.description),
        row.reference.as_deref().map(squeeze).unwrap_or_default(),
    ]
    .join("\u{1f}");
    hex(&Sha256::digest(text.as_bytes())[..16])
}

/// The payer keys as first worked out.
fn payer_keys_of_parts(rows: &[BankRow]) -> Vec<Vec<String>> {
    let most = |get: &dyn Fn(&BankRow) -> Option<String>| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for row in rows {
            if let Some(key) = get(row).as_deref().and_then(alias) {
                *counts.entry(key).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .filter(|(_, n)| rows.len() > 2 && *n * 2 > rows.len())
            .map(|(k, _)| k)
    };
    let (account, party) = (
        most(&|r| r.account.clone()),
        most(&|r| r.counterparty.clone()),
    );
    rows.iter()
        .map(|row| {
            let mut keys = Vec::new();
            for (value, common) in [(&row.counterparty, &party), (&row.account, &account)] {
                if let Some(key) = value.as_deref().and_then(alias)
                    && Some(&key) != common.as_ref()
                {
                    keys.push(key);
                }
            }
            keys
        })
        .collect()
}

fn row(description: &str, amount: &str, direction: Direction) -> BankRow {
    BankRow {
        line: 2,
        date: NaiveDate::from_ymd_opt(2026, 3, 1),
        amount: amount.parse::<Decimal>().unwrap(),
        direction,
        currency: None,
        description: description.into(),
        reference: None,
        counterparty: None,
        account: None,
    }
}

fn rows() -> Vec<BankRow> {
    let mut rows = vec![
        row("Transfer from ACME  Trading\tLtd", "100.00", Direction::In),
        row("  ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ  ", "12.50", Direction::Out),
        row("Überweisung  MÜLLER GmbH", "0.10", Direction::Neutral),
        row("", "1000", Direction::In),
        row("İstanbul\u{a0}Ltd ", "7", Direction::In),
    ];
    rows[0].reference = Some(" INV-1001 /  ref ".into());
    rows[0].counterparty = Some("Acme Trading".into());
    rows[1].account = Some("DE89 3704 0044".into());
    rows[1].currency = Some("EUR".into());
    rows[1].counterparty = Some("Acme Trading".into());
    rows[2].date = None;
    rows[2].account = Some("DE89 3704 0044".into());
    rows[2].counterparty = Some("acme-trading".into());
    rows[3].account = Some("de89370400 44".into());
    rows[3].counterparty = Some("Zeta".into());
    rows[4].account = Some("NL01 BANK 0000".into());
    rows[4].counterparty = Some("Ab".into());
    rows
}

#[test]
fn fingerprints_are_the_ones_built_of_parts() {
    for row in rows() {
        assert_eq!(fingerprint(&row), fingerprint_of_parts(&row), "{row:?}");
    }
}

#[test]
fn payer_keys_are_the_ones_worked_out_row_by_row() {
    let rows = rows();
    for n in 0..=rows.len() {
        let keys = payer_keys(&rows[..n]);
        assert_eq!(keys, payer_keys_of_parts(&rows[..n]), "{n} rows");
    }
    // The account most rows have is the holder's, the name most have is not a payer's.
    let keys = payer_keys(&rows);
    assert_eq!(keys[0], Vec::<String>::new());
    assert_eq!(keys[4], vec!["nl01bank0000".to_string()]);
}
