//! `owed export journal`: the whole book as a plain-text accounting journal that
//! hledger, ledger or beancount read, so an accountant's tools can check Owed's figures.
//!
//! Every posted document is one dated transaction with two postings, its number as the
//! transaction code (beancount: `number:` metadata) and the customer's name as payee:
//!
//! | document    | debit                     | credit                    |
//! |-------------|---------------------------|---------------------------|
//! | invoice     | `Assets:Receivable:<code>`| `Income:Sales`            |
//! | fee         | `Assets:Receivable:<code>`| `Income:Fees`             |
//! | refund      | `Assets:Receivable:<code>`| `Assets:Bank`             |
//! | payment     | `Assets:Bank`             | `Assets:Receivable:<code>`|
//! | credit note | `Income:Sales:Returns`    | `Assets:Receivable:<code>`|
//! | write-off   | `Expenses:BadDebts`       | `Assets:Receivable:<code>`|
//! | discount    | `Expenses:Discounts`      | `Assets:Receivable:<code>`|
//!
//! A void is the exact reversal of the document it voids, dated the void's date.
//! Allocations (which payment settled which invoice) stay inside the receivable account
//! and move no balance, so they are not transactions. Each customer's receivable
//! account thus ends on the customer's balance in Owed, to the cent. Codes a tool would
//! not accept in an account name are cleaned (see [`text`]); the original code and the
//! name stay beside the account's declaration.

mod text;

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, BufWriter, Write};
use std::str::FromStr;

use crate::domain::document::{DocKind, Side};
use crate::domain::{Currency, FIRST_DATE};
use crate::store::{DocumentRow, Store, StoreError};

/// The tool the journal is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JournalFormat {
    #[default]
    Hledger,
    Ledger,
    Beancount,
}

impl JournalFormat {
    pub const ALL: [JournalFormat; 3] = [
        JournalFormat::Hledger,
        JournalFormat::Ledger,
        JournalFormat::Beancount,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JournalFormat::Hledger => "hledger",
            JournalFormat::Ledger => "ledger",
            JournalFormat::Beancount => "beancount",
        }
    }
}

impl fmt::Display for JournalFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JournalFormat {
    type Err = JournalError;
    fn from_str(text: &str) -> Result<JournalFormat, JournalError> {
        let wanted = text.trim().to_lowercase();
        JournalFormat::ALL
            .into_iter()
            .find(|f| f.as_str() == wanted)
            .ok_or_else(|| JournalError::UnknownFormat(text.trim().to_string()))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("--format: '{0}' is not a journal format; use hledger, ledger or beancount")]
    UnknownFormat(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write the journal: {0}")]
    Write(#[from] io::Error),
}

/// Money paid in by customers and paid back to them.
pub const BANK: &str = "Assets:Bank";
/// The parent of every customer's account.
pub const RECEIVABLE: &str = "Assets:Receivable";
pub const SALES: &str = "Income:Sales";
pub const FEES: &str = "Income:Fees";
/// Credit notes: sales given back, shown against sales.
pub const RETURNS: &str = "Income:Sales:Returns";
pub const BAD_DEBTS: &str = "Expenses:BadDebts";
/// Early-payment discounts the customers took: a cost of selling on terms.
pub const DISCOUNTS: &str = "Expenses:Discounts";

/// The account on the other side of the customer's for a document of `kind`; a void
/// takes the one of the document it voids.
fn counter_account(kind: DocKind) -> Option<&'static str> {
    match kind {
        DocKind::Invoice => Some(SALES),
        DocKind::Fee => Some(FEES),
        DocKind::Refund | DocKind::Payment => Some(BANK),
        DocKind::Credit => Some(RETURNS),
        DocKind::WriteOff => Some(BAD_DEBTS),
        DocKind::Discount => Some(DISCOUNTS),
        DocKind::Void => None,
    }
}

/// Each customer's code with the receivable account it has in a `format` journal.
pub fn receivable_accounts(
    store: &Store,
    format: JournalFormat,
) -> Result<BTreeMap<String, String>, StoreError> {
    let codes: Vec<String> = store.customers()?.into_iter().map(|c| c.code).collect();
    Ok(text::account_components(&codes, format)
        .into_iter()
        .map(|(code, component)| (code, format!("{RECEIVABLE}:{component}")))
        .collect())
}

/// Writes the whole book to `out` as a `format` journal; returns the number of
/// transactions (one per posted document).
pub fn export_journal(
    store: &Store,
    format: JournalFormat,
    out: &mut dyn Write,
) -> Result<usize, JournalError> {
    let mut out = BufWriter::new(out);
    let customers: BTreeMap<String, String> = store
        .customers()?
        .into_iter()
        .map(|c| (c.code, c.name))
        .collect();
    let accounts = receivable_accounts(store, format)?;
    let writer = Writer {
        format,
        currency: store.currency(),
        width: accounts
            .values()
            .map(String::as_str)
            .chain([BANK, SALES, FEES, RETURNS, BAD_DEBTS, DISCOUNTS])
            .map(|a| a.chars().count())
            .max()
            .unwrap_or(0),
    };
    writer.header(&mut out, &store.settings().company, &customers, &accounts)?;
    let mut count = 0;
    let mut failure: Option<JournalError> = None;
    store.documents(|doc| {
        if failure.is_some() {
            return;
        }
        let written = (|| -> Result<(), JournalError> {
            // A void posts against the account of what it voids; voids are rare, so that
            // one is looked up when met rather than every kind being remembered.
            let kind = match &doc.voids {
                Some(voided) if doc.kind == DocKind::Void => store.document(voided)?.kind,
                _ => doc.kind,
            };
            let counter = counter_account(kind)
                .ok_or_else(|| StoreError::Corrupt(format!("{} voids another void", doc.number)))?;
            let receivable = accounts.get(&doc.customer_code).ok_or_else(|| {
                StoreError::Corrupt(format!(
                    "{} is for customer {}, who is not in the book",
                    doc.number, doc.customer_code
                ))
            })?;
            let name = customers
                .get(&doc.customer_code)
                .map_or(doc.customer_code.as_str(), String::as_str);
            writer.transaction(&mut out, &doc, name, receivable, counter)?;
            Ok(())
        })();
        match written {
            Ok(()) => count += 1,
            Err(e) => failure = Some(e),
        }
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    out.flush()?;
    Ok(count)
}

/// What every line of one journal shares.
struct Writer<'a> {
    format: JournalFormat,
    currency: &'a Currency,
    /// The longest account name, to line the amounts up.
    width: usize,
}

impl Writer<'_> {
    fn header(
        &self,
        out: &mut impl Write,
        company: &str,
        names: &BTreeMap<String, String>,
        accounts: &BTreeMap<String, String>,
    ) -> io::Result<()> {
        let code = &self.currency.code;
        let mut fixed = [BANK, SALES, FEES, RETURNS, BAD_DEBTS, DISCOUNTS];
        fixed.sort();
        match self.format {
            JournalFormat::Hledger | JournalFormat::Ledger => {
                writeln!(
                    out,
                    "; {}: the book as {} journal, written by Owed. Customers are {RECEIVABLE}:<code>;",
                    text::comment(company),
                    match self.format {
                        JournalFormat::Ledger => "a ledger",
                        _ => "an hledger",
                    }
                )?;
                writeln!(
                    out,
                    "; every document is one transaction numbered as in Owed, a void the reversal of what it voids.\n"
                )?;
                let decimals = "0".repeat(self.currency.minor_units as usize);
                if self.format == JournalFormat::Hledger {
                    // hledger wants the decimal point even with no decimals (`1000.`).
                    writeln!(out, "decimal-mark .\ncommodity 1000.{decimals} {code}\n")?;
                } else {
                    let point = if decimals.is_empty() { "" } else { "." };
                    writeln!(
                        out,
                        "commodity {code}\n    format 1000{point}{decimals} {code}\n"
                    )?;
                }
                for account in fixed {
                    writeln!(out, "account {account}")?;
                }
                for (customer, account) in accounts {
                    let name = names.get(customer).map_or("", String::as_str);
                    writeln!(
                        out,
                        "; customer {}: {}\naccount {account}",
                        text::comment(customer),
                        text::comment(name)
                    )?;
                }
            }
            JournalFormat::Beancount => {
                writeln!(
                    out,
                    "; The book as a beancount journal, written by Owed. Customers are {RECEIVABLE}:<code>;"
                )?;
                writeln!(
                    out,
                    "; every document is one transaction numbered as in Owed, a void the reversal of what it voids.\n"
                )?;
                writeln!(out, "option \"title\" {}", text::beancount_string(company))?;
                writeln!(out, "option \"operating_currency\" \"{code}\"\n")?;
                // Opened on the first day a book can hold, so before every document.
                let (y, m, d) = FIRST_DATE;
                let opened = format!("{y:04}-{m:02}-{d:02}");
                for account in fixed {
                    writeln!(out, "{opened} open {account} {code}")?;
                }
                for (customer, account) in accounts {
                    let name = names.get(customer).map_or("", String::as_str);
                    writeln!(
                        out,
                        "{opened} open {account} {code}\n  customer: {}\n  name: {}",
                        text::beancount_string(customer),
                        text::beancount_string(name)
                    )?;
                }
            }
        }
        Ok(())
    }

    fn transaction(
        &self,
        out: &mut impl Write,
        doc: &DocumentRow,
        name: &str,
        receivable: &str,
        counter: &str,
    ) -> io::Result<()> {
        let mut narration = doc.kind.as_str().to_string();
        match (&doc.voids, &doc.reference) {
            (Some(voided), _) => narration.push_str(&format!(" of {voided}")),
            (None, Some(reference)) => narration.push_str(&format!(" (ref {reference})")),
            (None, None) => {}
        }
        if let Some(memo) = &doc.memo {
            narration.push_str(&format!(": {memo}"));
        }
        let signed = match doc.side {
            Side::Debit => doc.amount,
            Side::Credit => -doc.amount,
        };
        writeln!(out)?;
        let indent = match self.format {
            JournalFormat::Hledger | JournalFormat::Ledger => {
                writeln!(
                    out,
                    "{} * ({}) {} | {}",
                    doc.date,
                    text::code(&doc.number),
                    text::payee(name),
                    text::one_line(&narration)
                )?;
                "    "
            }
            JournalFormat::Beancount => {
                writeln!(
                    out,
                    "{} * {} {}",
                    doc.date,
                    text::beancount_string(name),
                    text::beancount_string(&narration)
                )?;
                let mut meta = vec![("number", &doc.number), ("customer", &doc.customer_code)];
                if let Some(voided) = &doc.voids {
                    meta.push(("voids", voided));
                } else if let Some(reference) = &doc.reference {
                    meta.push(("reference", reference));
                }
                writeln!(out, "  kind: \"{}\"", doc.kind)?;
                for (key, value) in meta {
                    writeln!(out, "  {key}: {}", text::beancount_string(value))?;
                }
                "  "
            }
        };
        for (account, amount) in [(receivable, signed), (counter, -signed)] {
            writeln!(
                out,
                "{indent}{account:<width$}  {:>16} {}",
                self.currency.plain(amount),
                self.currency.code,
                width = self.width
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerDraft;
    use crate::domain::terms::Plan;
    use crate::store::{BookSettings, NewDebit, VoidRequest};

    fn invoice(store: &mut Store, code: &str, number: &str, memo: &str) {
        let amount = store.currency().parse("120").unwrap();
        store
            .post_debit(&NewDebit {
                customer: code.into(),
                kind: DocKind::Invoice,
                number: Some(number.into()),
                date: crate::domain::parse_date("2026-10-01").unwrap(),
                amount,
                terms: None,
                due: None,
                plan: Plan::Single,
                reference: None,
                memo: Some(memo.into()),
            })
            .unwrap();
    }

    fn book() -> Store {
        let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
        store
            .add_customer(&CustomerDraft {
                code: "C:1".into(),
                name: "Fish | Chips; Ltd".into(),
                ..Default::default()
            })
            .unwrap();
        invoice(&mut store, "C:1", "INV (1)", "line one\n  ; line two");
        store
            .void(&VoidRequest {
                number: "INV (1)".into(),
                date: crate::domain::parse_date("2026-10-02").ok(),
                reason: Some("typo".into()),
            })
            .unwrap();
        store
    }

    fn journal(store: &Store, format: JournalFormat) -> String {
        let mut out = Vec::new();
        assert_eq!(export_journal(store, format, &mut out).unwrap(), 2);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_invoice_and_its_void_in_hledger() {
        let store = book();
        let account = &receivable_accounts(&store, JournalFormat::Hledger).unwrap()["C:1"];
        assert!(account.starts_with("Assets:Receivable:C_1-"), "{account}");
        let text = journal(&store, JournalFormat::Hledger);
        let pad = |a: &str| format!("{a:<width$}", width = account.chars().count());
        let expected = format!(
            "2026-10-01 * (INV [1]) Fish / Chips, Ltd | invoice: line one , line two\n    {}            120.00 USD\n    {}           -120.00 USD\n\n\
             2026-10-02 * (VOID-INV [1]) Fish / Chips, Ltd | void of INV (1): typo\n    {}           -120.00 USD\n    {}            120.00 USD\n",
            pad(account),
            pad(SALES),
            pad(account),
            pad(SALES),
        );
        assert!(text.ends_with(&expected), "{text}");
        assert!(text.contains(&format!(
            "; customer C:1: Fish | Chips; Ltd\naccount {account}\n"
        )));
        assert!(text.contains("decimal-mark .\ncommodity 1000.00 USD\n"));
    }

    #[test]
    fn beancount_keeps_the_originals_as_metadata() {
        let store = book();
        let text = journal(&store, JournalFormat::Beancount);
        assert!(text.contains("option \"operating_currency\" \"USD\""));
        assert!(text.contains(
            "2026-10-01 * \"Fish | Chips; Ltd\" \"invoice: line one   ; line two\"\n  kind: \"invoice\"\n  number: \"INV (1)\"\n  customer: \"C:1\"\n"
        ), "{text}");
        assert!(text.contains("  kind: \"void\"\n  number: \"VOID-INV (1)\"\n  customer: \"C:1\"\n  voids: \"INV (1)\"\n"));
        assert!(text.contains("1900-01-01 open Assets:Receivable:C-1-"));
    }

    #[test]
    fn formats_parse_and_unknown_ones_are_named() {
        assert_eq!(
            " Beancount ".parse::<JournalFormat>().unwrap(),
            JournalFormat::Beancount
        );
        let error = "gnucash".parse::<JournalFormat>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "--format: 'gnucash' is not a journal format; use hledger, ledger or beancount"
        );
    }
}
