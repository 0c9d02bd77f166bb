//! What a row is known by: its fingerprint (what stays the same when the bank exports it
//! again) and the payer keys (name, account) learned from it when it is accepted. Every
//! row of a file is keyed, so these are written into buffers rather than built of parts.

use std::collections::HashMap;
use std::fmt::Write;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use super::super::BankRow;
use super::super::matching::alias_key;

/// The fingerprint of a row: what stays the same when the bank exports it again.
pub fn fingerprint(row: &BankRow) -> String {
    // The fields, squeezed, joined by U+001F: account, date, amount, currency,
    // description, reference.
    let mut text = String::with_capacity(128);
    if let Some(account) = &row.account {
        squeeze_into(account, &mut text);
    }
    text.push('\u{1f}');
    match row.date {
        Some(date) => write!(text, "{date}").unwrap_or_default(),
        None => text.push_str("pending"),
    }
    text.push('\u{1f}');
    write!(text, "{}", row.signed().normalize()).unwrap_or_default();
    text.push('\u{1f}');
    text.push_str(row.currency.as_deref().unwrap_or_default());
    text.push('\u{1f}');
    squeeze_into(&row.description, &mut text);
    text.push('\u{1f}');
    if let Some(reference) = &row.reference {
        squeeze_into(reference, &mut text);
    }
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(32);
    for byte in &digest[..16] {
        write!(out, "{byte:02x}").unwrap_or_default();
    }
    out
}

/// `text`'s words, lower case, one space apart, written at the end of `out`.
fn squeeze_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
    } else {
        // Lower case of the whole, as some letters' depends on their neighbours (a
        // Greek final sigma).
        let words: Vec<&str> = text.split_whitespace().collect();
        out.push_str(&words.join(" ").to_lowercase());
    }
}

/// An amount written so that equal amounts are equal text: `-12.5`, `100`.
pub fn canonical(amount: Decimal) -> String {
    amount.normalize().to_string()
}

/// Each row's payer keys, counterparty first then account, less a value most rows share:
/// that is the holder's own (their account, their name), not a payer's.
pub(super) fn payer_keys(rows: &[BankRow]) -> Vec<Vec<String>> {
    let common = Common::of(rows);
    rows.iter().map(|row| common.payer_keys(row)).collect()
}

/// The counterparty and the account most of a file's first rows share: the holder's own.
#[derive(Debug, Clone, Default)]
pub(super) struct Common {
    party: Option<String>,
    account: Option<String>,
}

impl Common {
    /// Found in the file's first [`crate::import::SAMPLE_ROWS`] rows, so that a file read
    /// a row at a time finds the same as one read whole.
    pub(super) fn of(rows: &[BankRow]) -> Common {
        let first = &rows[..rows.len().min(crate::import::SAMPLE_ROWS)];
        let keys = |get: fn(&BankRow) -> Option<&str>| -> Vec<Option<String>> {
            first.iter().map(|r| get(r).and_then(alias_key)).collect()
        };
        Common {
            party: most_common(&keys(|r| r.counterparty.as_deref())),
            account: most_common(&keys(|r| r.account.as_deref())),
        }
    }

    /// `row`'s payer keys: its counterparty's and its account's, unless the holder's.
    pub(super) fn payer_keys(&self, row: &BankRow) -> Vec<String> {
        let party = row.counterparty.as_deref().and_then(alias_key);
        let account = row.account.as_deref().and_then(alias_key);
        [(party, &self.party), (account, &self.account)]
            .into_iter()
            .filter_map(|(key, common)| key.filter(|k| Some(k) != common.as_ref()))
            .collect()
    }
}

/// The key more than half of (three or more) rows have.
fn most_common(keys: &[Option<String>]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for key in keys.iter().flatten() {
        *counts.entry(key).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| keys.len() > 2 && *n * 2 > keys.len())
        .map(|(k, _)| k.to_string())
}

#[cfg(test)]
mod tests;
