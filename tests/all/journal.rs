//! `owed export journal` read back by the accountants' tools: hledger, ledger and
//! beancount must accept the whole book and end every customer's receivable account on
//! the balance Owed shows, to the cent. Books with awkward codes and names (`:`, `;`,
//! `"`, Chinese), installments, fees, partial and over-payments, credit notes,
//! write-offs, refunds and voids, in USD and in JPY (no decimals). A tool that is not
//! installed is skipped with a note; the journal's text is then still checked here.

mod books;
mod tools;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::helpers::d;
use owed::domain::Money;
use owed::export::journal::{JournalFormat, receivable_accounts};
use owed::report;
use owed::store::Store;

use super::cli::{fails, ok, owed};
use books::{jpy_book, usd_book};
use tools::{balances_in_text, balances_in_tool};

/// Each customer's balance in Owed: the ledger's closing balance, which must also be
/// what the customer list (open items less unapplied credit) says.
fn owed_balances(store: &Store) -> BTreeMap<String, Money> {
    let listed = report::customer_list(store, d("2199-12-31")).unwrap();
    listed
        .into_iter()
        .map(|summary| {
            let code = summary.customer.code;
            let (_, ledger) = report::customer_ledger(store, &code, None, None).unwrap();
            assert_eq!(ledger.closing, summary.balance, "{code}: ledger vs list");
            (code, ledger.closing)
        })
        .collect()
}

/// Exports the book at `path` in every format and checks each customer's balance, in
/// the journal's own text and in each installed tool, against Owed's.
fn check_every_format(path: &Path) {
    let store = Store::open(path, owed::store::Access::Read).unwrap();
    let expected = owed_balances(&store);
    let currency = store.currency().clone();
    let (_, documents) = store.counts().unwrap();
    let dir = path.parent().unwrap();
    for format in JournalFormat::ALL {
        let accounts = receivable_accounts(&store, format).unwrap();
        assert_eq!(accounts.len(), expected.len());
        let distinct: BTreeSet<_> = accounts.values().collect();
        assert_eq!(
            distinct.len(),
            accounts.len(),
            "{format}: two customers share an account"
        );
        let file = dir.join(format!("book.{format}"));
        let said = ok(
            path,
            &[
                "export",
                "journal",
                "--format",
                format.as_str(),
                "--out",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(
            said.trim(),
            format!("wrote {documents} transactions to {}", file.display())
        );
        let text = std::fs::read_to_string(&file).unwrap();
        let (transactions, in_text) = balances_in_text(&text, format, &currency);
        assert_eq!(
            transactions as i64, documents,
            "{format}: one transaction per document"
        );
        let tool = balances_in_tool(&file, format, &currency);
        for (code, balance) in &expected {
            let account = &accounts[code];
            let own = in_text.get(account).copied().unwrap_or_default();
            assert_eq!(own, balance.0, "{format} text: {code} ({account})");
            if let Some(tool) = &tool {
                let theirs = tool.get(account).copied().unwrap_or_default();
                assert_eq!(theirs, balance.0, "{format} tool: {code} ({account})");
            }
        }
        if let Some(tool) = &tool {
            // Nothing on a receivable account that is not a customer's.
            let known: BTreeSet<_> = accounts.values().cloned().collect();
            for (account, value) in tool {
                assert!(
                    known.contains(account) || value.is_zero(),
                    "{format}: stray {account} {value}"
                );
            }
        }
    }
}

#[test]
fn usd_book_balances_agree_in_hledger_ledger_and_beancount() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("usd.owed");
    usd_book(&path);
    check_every_format(&path);
    // The awkward texts reach the journals intact where the syntax allows it, cleaned
    // where it does not.
    let bean = std::fs::read_to_string(dir.path().join("book.beancount")).unwrap();
    assert!(
        bean.contains("option \"title\" \"Müller; \\\"Söhne\\\" GmbH\""),
        "{bean}"
    );
    assert!(
        bean.contains("  customer: \"Q;\\\"q\\\"\"\n  name: \"Fish \\\"Chips\\\" | Co; Ltd\"\n")
    );
    assert!(bean.contains("  number: \"INV (003)\"\n"));
    let hledger = std::fs::read_to_string(dir.path().join("book.hledger")).unwrap();
    assert!(hledger.contains(
        " * (INV-1) Acme Ltd | invoice (ref PO INV-1): first line second , not a comment \"quoted\" | piped\n"
    ));
    assert!(hledger.contains(" * (VOID-PAY-5) Underscore Co | void of PAY-5: cheque bounced\n"));
    assert!(hledger.contains(" * (DISC-000001) Underscore Co | discount (ref PAY-6): 2% early-payment discount on INV-6 (2/10 net 30), taken with PAY-6\n"), "{hledger}");
    assert!(hledger.contains("    Expenses:Discounts"), "{hledger}");
    assert!(hledger.contains(" * (INV [003]) Digits (first) | invoice (ref PO INV (003)): [2026-13-01] date:foo a:: 1/0 , x\n"), "{hledger}");
}

#[test]
fn jpy_book_balances_agree_in_hledger_ledger_and_beancount() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jpy.owed");
    jpy_book(&path);
    check_every_format(&path);
    let hledger = std::fs::read_to_string(dir.path().join("book.hledger")).unwrap();
    assert!(hledger.contains("commodity 1000. JPY\n"));
}

#[test]
fn the_journal_goes_to_standard_output_in_hledger_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jpy.owed");
    jpy_book(&path);
    let out = dir.path().join("j.hledger");
    ok(
        &path,
        &["export", "journal", "--out", out.to_str().unwrap()],
    );
    let stdout = ok(&path, &["export", "journal"]);
    assert_eq!(stdout, std::fs::read_to_string(&out).unwrap());
    assert!(stdout.contains("decimal-mark .\n"));
    fails(
        &path,
        &["export", "documents", "--format", "ledger"],
        "--format is for `owed export journal` only",
    );
    fails(
        &path,
        &["export", "journal", "--format", "gnucash"],
        "'gnucash' is not a journal format",
    );
    let refused = owed(&path, &["export", "ledger"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("journal"));
}
