//! Reading balances back: from the journal's own text, and from hledger, ledger and
//! beancount where they are installed (each also checks the journal strictly).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use owed::domain::Currency;
use owed::export::journal::JournalFormat;
use rust_decimal::Decimal;

/// `1234.50 USD` (or `0`, or empty for nothing) as an amount, checking the commodity and
/// that the tool printed exactly the currency's decimals.
fn amount(text: &str, currency: &Currency) -> Decimal {
    let text = text.trim();
    if text.is_empty() || text == "0" {
        return Decimal::ZERO;
    }
    let (number, commodity) = text
        .split_once(' ')
        .unwrap_or_else(|| panic!("'{text}' is not an amount"));
    assert_eq!(commodity.trim(), currency.code, "{text}");
    let value: Decimal = number.trim().parse().unwrap();
    assert_eq!(value.scale(), currency.minor_units, "{text}");
    value
}

/// The receivable balances a journal's own postings add up to, read here line by line,
/// with every transaction checked to balance and to use only accounts the tool accepts.
pub(super) fn balances_in_text(
    text: &str,
    format: JournalFormat,
    currency: &Currency,
) -> (usize, BTreeMap<String, Decimal>) {
    let indent = if format == JournalFormat::Beancount {
        "  "
    } else {
        "    "
    };
    let mut balances = BTreeMap::new();
    let mut transactions = 0;
    let mut open = Decimal::ZERO;
    let beancount_account = |account: &str| {
        account.split(':').enumerate().all(|(i, part)| {
            let mut chars = part.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_uppercase() || (i > 0 && c.is_ascii_digit()))
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
    };
    for line in text.lines() {
        if line.starts_with(|c: char| c.is_ascii_digit()) && line.contains(" * ") {
            assert_eq!(
                open,
                Decimal::ZERO,
                "the transaction before '{line}' does not balance"
            );
            transactions += 1;
            if format != JournalFormat::Beancount {
                // The description is the rest of the line: no comment may start in it.
                assert!(!line.contains(';'), "{line}");
                assert!(!line.contains("  "), "{line}");
            }
            continue;
        }
        let Some(posting) = line.strip_prefix(indent) else {
            continue;
        };
        if posting.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue; // beancount metadata
        }
        let (account, value) = posting.split_once("  ").unwrap_or_else(|| panic!("{line}"));
        if format == JournalFormat::Beancount {
            assert!(beancount_account(account), "beancount refuses '{account}'");
        }
        let value = amount(value, currency);
        open += value;
        if let Some(customer) = account.strip_prefix("Assets:Receivable:") {
            // A `:` left in a code would make a sub-account of another customer's.
            assert!(!customer.contains(':'), "{account}");
            *balances.entry(account.to_string()).or_default() += value;
        }
    }
    assert_eq!(open, Decimal::ZERO, "the last transaction does not balance");
    (transactions, balances)
}

fn installed(tool: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("note: {tool} is not installed; its check of the journal is skipped");
    }
    found
}

fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap();
    assert!(
        output.status.success() && output.stderr.is_empty(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Receivable balances as the tool for `format` reports them, or `None` when it is not
/// installed. Each run also has the tool check the journal strictly (every account and
/// commodity declared, every transaction balanced).
pub(super) fn balances_in_tool(
    file: &Path,
    format: JournalFormat,
    currency: &Currency,
) -> Option<BTreeMap<String, Decimal>> {
    let file = file.to_str().unwrap();
    let pairs: Vec<(String, String)> = match format {
        JournalFormat::Hledger => {
            if !installed("hledger") {
                return None;
            }
            run("hledger", &["-f", file, "--strict", "check"]);
            let csv = run(
                "hledger",
                &[
                    "-f",
                    file,
                    "balance",
                    "Assets:Receivable",
                    "--flat",
                    "--empty",
                    "-O",
                    "csv",
                ],
            );
            let mut reader = csv::Reader::from_reader(csv.as_bytes());
            reader
                .records()
                .map(|r| r.unwrap())
                .filter(|r| &r[0] != "total")
                .map(|r| (r[0].to_string(), r[1].to_string()))
                .collect()
        }
        JournalFormat::Ledger => {
            if !installed("ledger") {
                return None;
            }
            let text = run(
                "ledger",
                &[
                    "-f",
                    file,
                    "--pedantic",
                    "--flat",
                    "--empty",
                    "--no-total",
                    "--balance-format",
                    "%(account)\t%(scrub(display_total))\n",
                    "balance",
                    "^Assets:Receivable:",
                ],
            );
            text.lines()
                .map(|l| {
                    let (account, value) = l.split_once('\t').unwrap();
                    (account.to_string(), value.to_string())
                })
                .collect()
        }
        JournalFormat::Beancount => {
            if !installed("bean-check") {
                return None;
            }
            run("bean-check", &[file]);
            if !installed("bean-query") {
                return None;
            }
            let csv = run(
                "bean-query",
                &[
                    "-f",
                    "csv",
                    file,
                    "SELECT account, sum(position) GROUP BY account",
                ],
            );
            let mut reader = csv::Reader::from_reader(csv.as_bytes());
            reader
                .records()
                .map(|r| r.unwrap())
                .map(|r| (r[0].trim().to_string(), r[1].trim().to_string()))
                .filter(|(account, _)| account.starts_with("Assets:Receivable:"))
                .collect()
        }
    };
    Some(
        pairs
            .into_iter()
            .map(|(account, value)| (account, amount(&value, currency)))
            .collect(),
    )
}
