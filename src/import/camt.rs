//! ISO 20022 CAMT.053 bank-to-customer statements (any version: `Sts` as text or as
//! `Sts/Cd`, parties as `Dbtr/Nm` or `Dbtr/Pty/Nm`, `BIC` or `BICFI`). Each `Ntry` of a
//! `Stmt` is money moved: `Amt` (never negative) with its `Ccy`, `CdtDbtInd` CRDT (in)
//! or DBIT (out), the booking date (`BookgDt/Dt` or `DtTm`, else `ValDt`). An entry
//! whose `Sts` is PDNG (or INFO) is pending: it has no date and is not booked. `Bal`
//! elements are balances, listed as skipped, never rows.
//!
//! Text: the `RmtInf/Ustrd` lines are the description (`AddtlTxInf`/`AddtlNtryInf` when
//! there are none); the reference is the structured creditor reference
//! (`Strd/CdtrRefInf/Ref`, usually the invoice number), else `NtryRef`, `AcctSvcrRef`
//! or the end-to-end id. The counterparty is the debtor (`RltdPties/Dbtr`) for money in
//! and the creditor for money out, with their IBAN as the row's account.
//!
//! A batched entry (several `TxDtls`) is split into one row per transaction, on the
//! line of its `<TxDtls>`, only when every transaction carries its own amount
//! (`AmtDtls/TxAmt/Amt` or `Amt`) and they add up to the entry's amount; otherwise it
//! is one row of the entry's total with the transactions' texts joined, so the sum
//! of the rows is always the sum of the entries. Amounts that add up to something else
//! stop the import with the entry's line.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::markup::{self, ExpectedValue, FieldHolder, MarkupProblem, Node};
use super::{BankRow, Detected, Direction, ImportError, SkipReason, Skipped, Statement};

/// Reads decoded CAMT.053 XML.
pub(crate) fn read(file: &str, text: &str, encoding: &str) -> Result<Statement, ImportError> {
    let root = markup::read_xml(text).map_err(|e| ImportError::Markup {
        file: file.to_string(),
        line: e.line,
        problem: e.problem,
    })?;
    let mut reader = Reader {
        file,
        rows: Vec::new(),
        skipped: Vec::new(),
        statements: Vec::new(),
    };
    reader.walk(&root, None)?;
    let Some(first) = reader.statements.first() else {
        return Err(ImportError::Markup {
            file: file.to_string(),
            line: root.children.first().map_or(1, |n| n.line),
            problem: MarkupProblem::NoCamtStatement,
        });
    };
    let signature = match (&first.iban, &first.bic) {
        (Some(iban), _) => {
            let chars: Vec<char> = iban.chars().filter(|c| c.is_alphanumeric()).collect();
            chars[chars.len().saturating_sub(4)..].iter().collect()
        }
        (None, Some(bic)) => bic.clone(),
        (None, None) => "unknown".to_string(),
    };
    let currency = first
        .currency
        .clone()
        .or_else(|| reader.rows.first().and_then(|r| r.currency.clone()));
    Ok(Statement {
        detected: Detected {
            encoding: encoding.to_string(),
            delimiter: "none (CAMT.053 XML)".into(),
            header_line: 0,
            date_format: "ISO 8601".into(),
            decimal_mark: ".".into(),
            layout: "CAMT.053 Ntry".into(),
            currency,
            header_signature: Some(format!("camt-{signature}")),
            // A markup statement's amounts are signed by the standard: nothing to choose.
            ..Detected::default()
        },
        rows: reader.rows,
        skipped: reader.skipped,
    })
}

#[derive(Debug, Clone)]
struct Account {
    iban: Option<String>,
    bic: Option<String>,
    currency: Option<String>,
}

struct Reader<'f> {
    file: &'f str,
    rows: Vec<BankRow>,
    skipped: Vec<Skipped>,
    statements: Vec<Account>,
}

/// What one transaction (or the entry, without details) says.
#[derive(Debug, Clone, Default, PartialEq)]
struct Texts {
    description: Vec<String>,
    creditor_refs: Vec<String>,
    other_ref: Option<String>,
    counterparty: Option<String>,
    account: Option<String>,
}

impl Reader<'_> {
    fn error(&self, line: usize, problem: MarkupProblem) -> ImportError {
        ImportError::Markup {
            file: self.file.to_string(),
            line,
            problem,
        }
    }

    fn bad(&self, node: &Node, expected: ExpectedValue) -> ImportError {
        ImportError::BadValue {
            file: self.file.to_string(),
            line: node.line,
            field: node.name.clone(),
            text: node.text.trim().to_string(),
            expected,
        }
    }

    fn missing(&self, line: usize, what: FieldHolder, field: &str) -> ImportError {
        ImportError::MissingField {
            file: self.file.to_string(),
            line,
            what,
            field: field.to_string(),
        }
    }

    /// Every `Ntry` is read wherever it is, so none is dropped: one outside a
    /// statement is an error.
    fn walk(&mut self, node: &Node, account: Option<&Account>) -> Result<(), ImportError> {
        let own;
        let account = if node.name == "Stmt" || node.name == "Rpt" {
            let acct = node.child("Acct");
            own = Account {
                iban: acct
                    .and_then(|a| {
                        a.text_at(&["Id", "IBAN"])
                            .or(a.text_at(&["Id", "Othr", "Id"]))
                    })
                    .map(str::to_string),
                bic: acct
                    .and_then(|a| {
                        a.text_at(&["Svcr", "FinInstnId", "BIC"]).or(a.text_at(&[
                            "Svcr",
                            "FinInstnId",
                            "BICFI",
                        ]))
                    })
                    .map(str::to_string),
                currency: acct.and_then(|a| a.text_at(&["Ccy"])).map(str::to_string),
            };
            self.statements.push(own.clone());
            Some(&own)
        } else {
            account
        };
        match node.name.as_str() {
            "Ntry" => {
                if account.is_none() {
                    return Err(self.error(node.line, MarkupProblem::CamtEntryOutside));
                }
                return self.entry(node);
            }
            "Bal" if account.is_some() => {
                let text = [
                    node.text_at(&["Tp", "CdOrPrtry", "Cd"]),
                    node.text_at(&["Amt"]),
                    node.text_at(&["CdtDbtInd"]),
                    node.text_at(&["Dt", "Dt"]),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
                self.skipped.push(Skipped {
                    line: node.line,
                    reason: SkipReason::Balance,
                    text,
                });
                return Ok(());
            }
            _ => {}
        }
        for child in &node.children {
            self.walk(child, account)?;
        }
        Ok(())
    }

    fn entry(&mut self, ntry: &Node) -> Result<(), ImportError> {
        const WHAT: FieldHolder = FieldHolder::CamtEntry;
        let amt = ntry
            .child("Amt")
            .ok_or_else(|| self.missing(ntry.line, WHAT, "Amt"))?;
        let amount = self.amount(amt)?;
        let currency = amt.attr("Ccy").map(str::to_ascii_uppercase);
        let direction = self
            .direction(ntry)?
            .ok_or_else(|| self.missing(ntry.line, WHAT, "CdtDbtInd"))?;
        let status = ntry.text_at(&["Sts", "Cd"]).or(ntry.text_at(&["Sts"]));
        let pending = match status {
            None | Some("BOOK") => false,
            Some("PDNG" | "INFO") => true,
            Some(_) => {
                let node = ntry.at(&["Sts", "Cd"]).or(ntry.child("Sts"));
                return Err(self.bad(node.unwrap_or(ntry), ExpectedValue::EntryStatus));
            }
        };
        let date = if pending {
            None
        } else {
            let node = ntry
                .child("BookgDt")
                .filter(|d| d.child("Dt").is_some() || d.child("DtTm").is_some())
                .or(ntry.child("ValDt"))
                .ok_or_else(|| self.missing(ntry.line, WHAT, "BookgDt"))?;
            Some(self.date(node)?)
        };
        let txs: Vec<&Node> = ntry
            .children_named("NtryDtls")
            .flat_map(|d| d.children_named("TxDtls"))
            .collect();
        let entry_ref = ntry
            .text_at(&["NtryRef"])
            .or(ntry.text_at(&["AcctSvcrRef"]))
            .map(str::to_string);
        let row = |line: usize, amount: Decimal, direction: Direction, texts: Texts| {
            let mut description = texts.description.join(" ");
            if description.is_empty() {
                description = ntry
                    .text_at(&["AddtlNtryInf"])
                    .unwrap_or_default()
                    .to_string();
            }
            let reference = if texts.creditor_refs.is_empty() {
                texts.other_ref.or(entry_ref.clone())
            } else {
                Some(texts.creditor_refs.join(" "))
            };
            BankRow {
                line,
                date,
                amount,
                direction,
                currency: currency.clone(),
                description,
                reference,
                counterparty: texts.counterparty,
                account: texts.account,
            }
        };
        // Each transaction's own amount, when it has one.
        let mut split = Vec::new();
        for tx in &txs {
            let amt = tx.at(&["AmtDtls", "TxAmt", "Amt"]).or(tx.child("Amt"));
            let Some(amt) = amt else { break };
            let tx_direction = self.direction(tx)?.unwrap_or(direction);
            split.push((tx, self.amount(amt)?, tx_direction));
        }
        if txs.len() >= 2 && split.len() == txs.len() {
            let signed = |a: Decimal, d: Direction| if d == Direction::Out { -a } else { a };
            let sum: Decimal = split.iter().map(|(_, a, d)| signed(*a, *d)).sum();
            if sum != signed(amount, direction) {
                return Err(self.error(
                    ntry.line,
                    MarkupProblem::EntryDoesNotAddUp {
                        count: txs.len(),
                        sum,
                        amount: signed(amount, direction),
                    },
                ));
            }
            for (tx, amount, direction) in split {
                let texts = self.texts(tx, direction);
                self.rows.push(row(tx.line, amount, direction, texts));
            }
            return Ok(());
        }
        let all: Vec<Texts> = txs.iter().map(|tx| self.texts(tx, direction)).collect();
        let mut texts = Texts::default();
        for t in &all {
            for d in &t.description {
                if !texts.description.contains(d) {
                    texts.description.push(d.clone());
                }
            }
            texts.creditor_refs.extend(t.creditor_refs.iter().cloned());
        }
        if let [one] = all.as_slice() {
            texts.other_ref = one.other_ref.clone();
        }
        // A name or account is the row's only when every transaction agrees on it.
        let same = |get: fn(&Texts) -> &Option<String>| {
            let first = all.first().and_then(|t| get(t).clone());
            all.iter()
                .all(|t| *get(t) == first)
                .then_some(first)
                .flatten()
        };
        texts.counterparty = same(|t| &t.counterparty);
        texts.account = same(|t| &t.account);
        let row = row(ntry.line, amount, direction, texts);
        self.rows.push(row);
        Ok(())
    }

    fn amount(&self, amt: &Node) -> Result<Decimal, ImportError> {
        markup::parse_amount(&amt.text)
            .filter(|a| !a.is_sign_negative() || a.is_zero())
            .filter(|_| !amt.text.contains(','))
            .ok_or_else(|| self.bad(amt, ExpectedValue::CamtAmount))
    }

    /// The `CdtDbtInd` directly under `node`, if there is one.
    fn direction(&self, node: &Node) -> Result<Option<Direction>, ImportError> {
        let Some(ind) = node.child("CdtDbtInd") else {
            return Ok(None);
        };
        match ind.text.trim() {
            "CRDT" => Ok(Some(Direction::In)),
            "DBIT" => Ok(Some(Direction::Out)),
            _ => Err(self.bad(ind, ExpectedValue::CreditOrDebit)),
        }
    }

    /// `Dt` or `DtTm` under `node` (a `BookgDt` or `ValDt`).
    fn date(&self, node: &Node) -> Result<NaiveDate, ImportError> {
        let Some(value) = node.child("Dt").or(node.child("DtTm")) else {
            return Err(self.missing(node.line, FieldHolder::Element(node.name.clone()), "Dt"));
        };
        let text = value.text.trim();
        text.get(..10)
            .filter(|_| text.len() == 10 || text[10..].starts_with(['T', '+', '-', 'Z']))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or_else(|| self.bad(value, ExpectedValue::IsoDate))
    }

    fn texts(&self, tx: &Node, direction: Direction) -> Texts {
        let rmt = tx.child("RmtInf");
        let mut description: Vec<String> = rmt
            .map(|r| {
                r.children_named("Ustrd")
                    .map(|u| u.text.trim().to_string())
                    .filter(|u| !u.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if description.is_empty()
            && let Some(extra) = tx.text_at(&["AddtlTxInf"])
        {
            description.push(extra.to_string());
        }
        let creditor_refs = rmt
            .map(|r| {
                r.children_named("Strd")
                    .filter_map(|s| s.text_at(&["CdtrRefInf", "Ref"]))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let other_ref = ["AcctSvcrRef", "EndToEndId"]
            .iter()
            .filter_map(|f| tx.text_at(&["Refs", f]))
            .find(|r| !r.eq_ignore_ascii_case("NOTPROVIDED"))
            .map(str::to_string);
        let (party, acct) = match direction {
            Direction::Out => ("Cdtr", "CdtrAcct"),
            _ => ("Dbtr", "DbtrAcct"),
        };
        let parties = tx.child("RltdPties");
        let counterparty = parties
            .and_then(|p| {
                p.text_at(&[party, "Nm"])
                    .or(p.text_at(&[party, "Pty", "Nm"]))
            })
            .map(str::to_string);
        let account = parties
            .and_then(|p| {
                p.text_at(&[acct, "Id", "IBAN"])
                    .or(p.text_at(&[acct, "Id", "Othr", "Id"]))
            })
            .map(str::to_string);
        Texts {
            description,
            creditor_refs,
            other_ref,
            counterparty,
            account,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(entries: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n\
             <BkToCstmrStmt><Stmt>\n<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n\
             <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">10.00</Amt></Bal>\n\
             {entries}</Stmt></BkToCstmrStmt></Document>\n"
        )
    }

    const CREDIT: &str = "<Ntry><Amt Ccy=\"EUR\">100.50</Amt><CdtDbtInd>CRDT</CdtDbtInd>\
        <Sts>BOOK</Sts><BookgDt><Dt>2026-10-05</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef>\
        <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Acme Ltd</Nm></Dbtr><DbtrAcct><Id><IBAN>GB1</IBAN>\
        </Id></DbtrAcct></RltdPties><RmtInf><Ustrd>INV-1001</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n";

    #[test]
    fn reads_an_entry_and_lists_balances_as_skipped() {
        let s = read("s.xml", &doc(CREDIT), "UTF-8").unwrap();
        assert_eq!(s.rows.len(), 1);
        let r = &s.rows[0];
        assert_eq!(
            (r.line, r.direction, r.amount.to_string()),
            (6, Direction::In, "100.50".into())
        );
        assert_eq!(
            (r.description.as_str(), r.reference.as_deref()),
            ("INV-1001", Some("R1"))
        );
        assert_eq!(
            (r.counterparty.as_deref(), r.account.as_deref()),
            (Some("Acme Ltd"), Some("GB1"))
        );
        assert_eq!(s.skipped.len(), 1);
        assert_eq!(s.skipped[0].reason, SkipReason::Balance);
        assert_eq!(s.detected.header_signature.as_deref(), Some("camt-3000"));
        assert_eq!(s.detected.currency.as_deref(), Some("EUR"));
    }

    #[test]
    fn bad_entries_name_their_line() {
        let err = |entries: &str| {
            read("s.xml", &doc(entries), "UTF-8")
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(&CREDIT.replace("100.50", "1OO")),
            "s.xml, line 6, <Amt>: '1OO' is not an amount (digits and a decimal point, not negative)"
        );
        assert_eq!(
            err(&CREDIT.replace("<BookgDt><Dt>2026-10-05</Dt></BookgDt>", "")),
            "s.xml, line 6: the entry (Ntry) has no <BookgDt>"
        );
        assert!(err(&CREDIT.replace("CRDT", "IN")).contains("'IN' is not CRDT or DBIT"));
        assert!(err(&CREDIT.replace("2026-10-05", "05.10.2026")).contains("ISO 8601"));
        assert!(err(&CREDIT.replace("</Ntry>", "")).contains("not well-formed"));
    }
}
