//! OFX statements (QFX is OFX): 1.x SGML, whose value tags are never closed
//! (`<TRNAMT>-12.50`), and 2.x XML, both read by `markup::read_sgml`. Every `STMTTRN`
//! inside a bank (`STMTRS`) or credit-card (`CCSTMTRS`) statement is one row, on the
//! line of its `<STMTTRN>` tag.
//!
//! `TRNAMT` is signed from the account holder's side in both kinds of statement:
//! positive is money in, negative money out. On a card statement a purchase is
//! negative and a payment to the card positive, so a payment to the card is money in.
//! `NAME` (or `PAYEE/NAME`) is the counterparty, `MEMO` the description (the name when
//! there is no memo), `FITID` the reference (the bank's own id, stable across exports);
//! a `CHECKNUM` is added to the description. `CURRENCY/CURSYM` overrides the
//! statement's `CURDEF` for a row. A transaction without `DTPOSTED` or `TRNAMT`, or
//! with a value that is not a date or amount, stops the import with its line.

use chrono::NaiveDate;

use super::markup::{self, ExpectedValue, FieldHolder, MarkupProblem, Node};
use super::{BankRow, Detected, Direction, ImportError, Statement};

/// Reads decoded OFX text.
pub(crate) fn read(file: &str, text: &str, encoding: &str) -> Result<Statement, ImportError> {
    let root = markup::read_sgml(text).map_err(|e| ImportError::Markup {
        file: file.to_string(),
        line: e.line,
        problem: e.problem,
    })?;
    let org = find(&root, "SONRS")
        .and_then(|s| s.text_at(&["FI", "ORG"]))
        .map(str::to_string);
    let mut reader = Reader {
        file,
        rows: Vec::new(),
        statements: Vec::new(),
    };
    reader.walk(&root, None)?;
    let Some(first) = reader.statements.first() else {
        return Err(ImportError::Markup {
            file: file.to_string(),
            line: root.children.first().map_or(1, |n| n.line),
            problem: MarkupProblem::NoOfxStatement,
        });
    };
    let bank = first
        .bank
        .clone()
        .or(org)
        .unwrap_or_else(|| "unknown".into());
    let account = first.account.clone().unwrap_or_default();
    let last4: String = {
        let chars: Vec<char> = account.chars().filter(|c| c.is_alphanumeric()).collect();
        chars[chars.len().saturating_sub(4)..].iter().collect()
    };
    Ok(Statement {
        detected: Detected {
            encoding: encoding.to_string(),
            delimiter: "none (OFX)".into(),
            header_line: 0,
            date_format: "OFX YYYYMMDD".into(),
            decimal_mark: ".".into(),
            layout: "OFX STMTTRN".into(),
            currency: first.currency.clone(),
            header_signature: Some(format!("ofx-{bank}-{last4}")),
            // A markup statement's amounts are signed by the standard: nothing to choose.
            ..Detected::default()
        },
        rows: reader.rows,
        skipped: Vec::new(),
    })
}

/// The first element named `name` anywhere under `node`, depth first.
fn find<'a>(node: &'a Node, name: &str) -> Option<&'a Node> {
    node.children.iter().find_map(|child| {
        if child.name.eq_ignore_ascii_case(name) {
            Some(child)
        } else {
            find(child, name)
        }
    })
}

/// What a statement says about all its rows.
#[derive(Debug, Clone)]
struct Context {
    currency: Option<String>,
    bank: Option<String>,
    account: Option<String>,
}

struct Reader<'f> {
    file: &'f str,
    rows: Vec<BankRow>,
    statements: Vec<Context>,
}

impl Reader<'_> {
    /// Every `STMTTRN` is read, wherever it is, so none is dropped: one outside a
    /// statement is an error.
    fn walk(&mut self, node: &Node, context: Option<&Context>) -> Result<(), ImportError> {
        let name = node.name.to_ascii_uppercase();
        let own;
        let context = if name == "STMTRS" || name == "CCSTMTRS" {
            let from = node.child("BANKACCTFROM").or(node.child("CCACCTFROM"));
            own = Context {
                currency: node.text_at(&["CURDEF"]).map(str::to_ascii_uppercase),
                bank: from
                    .and_then(|f| f.text_at(&["BANKID"]))
                    .map(str::to_string),
                account: from
                    .and_then(|f| f.text_at(&["ACCTID"]))
                    .map(str::to_string),
            };
            self.statements.push(own.clone());
            Some(&own)
        } else {
            context
        };
        if name == "STMTTRN" {
            let Some(context) = context else {
                return Err(ImportError::Markup {
                    file: self.file.to_string(),
                    line: node.line,
                    problem: MarkupProblem::OfxTransactionOutside,
                });
            };
            let row = self.row(node, context)?;
            self.rows.push(row);
        }
        for child in &node.children {
            self.walk(child, context)?;
        }
        Ok(())
    }

    fn row(&self, trn: &Node, context: &Context) -> Result<BankRow, ImportError> {
        let value = |field: &str| -> Result<(&str, usize), ImportError> {
            match trn.child(field) {
                Some(node) if !node.text.trim().is_empty() => Ok((node.text.trim(), node.line)),
                _ => Err(ImportError::MissingField {
                    file: self.file.to_string(),
                    line: trn.line,
                    what: FieldHolder::OfxTransaction,
                    field: field.into(),
                }),
            }
        };
        let bad = |field: &str, line: usize, text: &str, expected| ImportError::BadValue {
            file: self.file.to_string(),
            line,
            field: field.into(),
            text: text.into(),
            expected,
        };
        let (posted, line) = value("DTPOSTED")?;
        let date = ofx_date(posted)
            .ok_or_else(|| bad("DTPOSTED", line, posted, ExpectedValue::OfxDate))?;
        let (amount_text, line) = value("TRNAMT")?;
        let amount = markup::parse_amount(amount_text)
            .ok_or_else(|| bad("TRNAMT", line, amount_text, ExpectedValue::OfxAmount))?;
        let direction = if amount.is_sign_negative() && !amount.is_zero() {
            Direction::Out
        } else if amount.is_zero() {
            Direction::Neutral
        } else {
            Direction::In
        };
        let name = trn
            .text_at(&["NAME"])
            .or(trn.text_at(&["PAYEE", "NAME"]))
            .map(str::to_string);
        let mut description = trn
            .text_at(&["MEMO"])
            .map(str::to_string)
            .or(name.clone())
            .unwrap_or_default();
        if let Some(check) = trn.text_at(&["CHECKNUM"]) {
            description = format!("{description} check {check}").trim().to_string();
        }
        let currency = trn
            .text_at(&["CURRENCY", "CURSYM"])
            .map(str::to_ascii_uppercase)
            .or(context.currency.clone());
        Ok(BankRow {
            line: trn.line,
            date: Some(date),
            amount: amount.abs(),
            direction,
            currency,
            description,
            reference: trn
                .text_at(&["FITID"])
                .or(trn.text_at(&["REFNUM"]))
                .map(str::to_string),
            counterparty: name,
            account: trn
                .text_at(&["BANKACCTTO", "ACCTID"])
                .or(trn.text_at(&["CCACCTTO", "ACCTID"]))
                .map(str::to_string),
        })
    }
}

/// `YYYYMMDD`, optionally followed by a time and zone (`20261005120000.000[-5:EST]`);
/// the date is taken as written.
fn ofx_date(text: &str) -> Option<NaiveDate> {
    let digits = text.get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &text[8..];
    if !rest.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit() || c == '[') {
        return None;
    }
    NaiveDate::parse_from_str(digits, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SGML: &str = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<SIGNONMSGSRSV1><SONRS>\
        <FI><ORG>ACME</ORG></FI></SONRS></SIGNONMSGSRSV1>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n\
        <CURDEF>USD\n<BANKACCTFROM><BANKID>121000248<ACCTID>0001234567<ACCTTYPE>CHECKING\n\
        </BANKACCTFROM>\n<BANKTRANLIST>\n<STMTTRN>\n<TRNTYPE>CREDIT\n<DTPOSTED>20261005\n\
        <TRNAMT>1200.00\n<FITID>F1\n<NAME>Acme &amp; Co\n<MEMO>INV-1001\n</STMTTRN>\n\
        <STMTTRN><TRNTYPE>CHECK<DTPOSTED>20261006120000[-5:EST]<TRNAMT>-12.50<FITID>F2\
        <CHECKNUM>1001<NAME>Office\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";

    #[test]
    fn reads_sgml_rows_with_signs_names_and_lines() {
        let s = read("a.ofx", SGML, "UTF-8").unwrap();
        assert_eq!(s.rows.len(), 2);
        let (a, b) = (&s.rows[0], &s.rows[1]);
        assert_eq!(
            (a.line, a.direction, a.amount.to_string()),
            (12, Direction::In, "1200.00".into())
        );
        assert_eq!(a.counterparty.as_deref(), Some("Acme & Co"));
        assert_eq!(
            (a.description.as_str(), a.reference.as_deref()),
            ("INV-1001", Some("F1"))
        );
        assert_eq!(
            (b.direction, b.amount.to_string()),
            (Direction::Out, "12.50".into())
        );
        assert_eq!(b.date, NaiveDate::from_ymd_opt(2026, 10, 6));
        assert_eq!(b.description, "Office check 1001");
        assert_eq!(s.detected.currency.as_deref(), Some("USD"));
        assert_eq!(
            s.detected.header_signature.as_deref(),
            Some("ofx-121000248-4567")
        );
    }

    #[test]
    fn bad_or_missing_values_name_the_line() {
        let bad = SGML.replace("<TRNAMT>-12.50", "<TRNAMT>-12.5O");
        let err = read("a.ofx", &bad, "UTF-8").unwrap_err().to_string();
        assert_eq!(err, "a.ofx, line 20, <TRNAMT>: '-12.5O' is not an amount");
        let missing = SGML.replace("<DTPOSTED>20261005\n", "");
        let err = read("a.ofx", &missing, "UTF-8").unwrap_err().to_string();
        assert_eq!(
            err,
            "a.ofx, line 12: the transaction (STMTTRN) has no <DTPOSTED>"
        );
        let err = read("a.ofx", "<OFX><STMTTRN><TRNAMT>1", "UTF-8").unwrap_err();
        assert!(err.to_string().contains("outside any statement"), "{err}");
        let err = read("a.ofx", "OFXHEADER:100\n<OFX></OFX>", "UTF-8").unwrap_err();
        assert!(err.to_string().contains("no OFX bank"), "{err}");
        assert_eq!(ofx_date("2026013"), None);
        assert_eq!(ofx_date("20261301"), None);
        assert_eq!(ofx_date("20260131x"), None);
    }
}
