//! OFX (1.02 SGML, 2.x XML), QFX card statements and CAMT.053 read through the same
//! `read_statement` as CSV: counts, totals each way, dates, references, payer names and
//! lines from the fixtures in `tests/import_formats/`; broken files name the file and the
//! line; no bytes after an OFX or CAMT opening make the reader panic; and a CAMT file
//! runs through prepare and commit into a book, twice.

use crate::common::helpers as common;

use std::path::Path;

use chrono::NaiveDate;
use common::*;
use owed::domain::Currency;
use owed::domain::customer::CustomerDraft;
use owed::domain::terms::{Plan, Terms};
use owed::import::{self, BankRow, Direction, Hints, ImportError, SkipReason, Statement};
use owed::store::{BookSettings, Store};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_formats")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> Result<Statement, ImportError> {
    import::read_statement(name, &bytes(name), &Hints::default())
}

fn ok(name: &str) -> Statement {
    read(name).unwrap_or_else(|e| panic!("{e}"))
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn date(text: &str) -> Option<NaiveDate> {
    Some(text.parse().unwrap())
}

/// (count, total) of dated rows each way.
fn totals(s: &Statement) -> ((usize, Decimal), (usize, Decimal)) {
    let sum = |dir: Direction| {
        let rows: Vec<&BankRow> = s
            .rows
            .iter()
            .filter(|r| r.direction == dir && r.date.is_some())
            .collect();
        (rows.len(), rows.iter().map(|r| r.amount).sum())
    };
    (sum(Direction::In), sum(Direction::Out))
}

#[test]
fn ofx_1_sgml_bank_statement() {
    let s = ok("bank-1.02.ofx");
    assert_eq!(
        s.detected.encoding, "windows-1252",
        "CHARSET:1252 in the header"
    );
    assert_eq!(s.detected.delimiter, "none (OFX)");
    assert_eq!(s.detected.layout, "OFX STMTTRN");
    assert_eq!(s.detected.date_format, "OFX YYYYMMDD");
    assert_eq!(s.detected.currency.as_deref(), Some("USD"));
    assert_eq!(
        s.detected.header_signature.as_deref(),
        Some("ofx-121000248-6789")
    );
    assert_eq!(s.rows.len(), 4);
    assert_eq!(
        totals(&s),
        ((2, dec("1450.50")), (2, dec("345.90"))),
        "250,50 is read with its decimal comma"
    );
    let lines: Vec<usize> = s.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [43, 51, 58, 67]);
    let first = &s.rows[0];
    assert_eq!(first.date, date("2026-10-03"));
    assert_eq!(first.counterparty.as_deref(), Some("ACME TRADING LTD"));
    assert_eq!(first.description, "PAYMENT INV-1001 THANK YOU");
    assert_eq!(first.reference.as_deref(), Some("202610030001"));
    assert_eq!(s.rows[1].date, date("2026-10-05"));
    assert_eq!(
        s.rows[1].counterparty.as_deref(),
        Some("OFFICE SUPPLIES & CO")
    );
    assert_eq!(s.rows[2].description, "OCTOBER RENT check 1042");
    assert_eq!(s.rows[3].counterparty.as_deref(), Some("Müller Söhne"));
}

#[test]
fn ofx_2_xml_with_a_row_in_another_currency() {
    let s = ok("bank-2.ofx");
    assert_eq!(s.detected.currency.as_deref(), Some("EUR"));
    assert_eq!(
        s.detected.header_signature.as_deref(),
        Some("ofx-NORDDEFF-4931")
    );
    assert_eq!(s.rows.len(), 3);
    assert_eq!(totals(&s), ((2, dec("899.99")), (1, dec("4.50"))));
    let lines: Vec<usize> = s.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [26, 34, 41]);
    assert_eq!(
        s.rows[0].counterparty.as_deref(),
        Some("Shenzhen Huaxing Trading")
    );
    assert_eq!(s.rows[0].reference.as_deref(), Some("N-1"));
    assert_eq!(s.rows[2].description, "Refund <web shop>");
    assert!(s.is_foreign(&s.rows[2]), "CURRENCY/CURSYM USD");
    assert!(!s.is_foreign(&s.rows[0]));
}

#[test]
fn qfx_card_statement_payment_to_the_card_is_money_in() {
    let s = ok("card.qfx");
    assert_eq!(s.detected.header_signature.as_deref(), Some("ofx-B1-1111"));
    assert_eq!(totals(&s), ((1, dec("77.35")), (2, dec("77.35"))));
    let payment = &s.rows[2];
    assert_eq!(
        (payment.direction, payment.line, payment.date),
        (Direction::In, 19, date("2026-10-25"))
    );
    assert_eq!(payment.counterparty.as_deref(), Some("PAYMENT - THANK YOU"));
    assert_eq!(s.rows[0].reference.as_deref(), Some("2026100424692160"));
}

#[test]
fn camt_053_credits_debits_pending_and_batches() {
    let s = ok("statement.camt053.xml");
    assert_eq!(s.detected.delimiter, "none (CAMT.053 XML)");
    assert_eq!(s.detected.layout, "CAMT.053 Ntry");
    assert_eq!(s.detected.date_format, "ISO 8601");
    assert_eq!(s.detected.currency.as_deref(), Some("EUR"));
    assert_eq!(s.detected.header_signature.as_deref(), Some("camt-3000"));
    // 6 entries; the batch of 3 with their own amounts is 3 rows.
    assert_eq!(s.rows.len(), 8);
    assert_eq!(totals(&s), ((5, dec("2142.00")), (2, dec("305.40"))));
    let balances: Vec<usize> = s
        .skipped
        .iter()
        .filter(|k| k.reason == SkipReason::Balance)
        .map(|k| k.line)
        .collect();
    assert_eq!(balances, [16, 22]);
    let lines: Vec<usize> = s.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [28, 48, 65, 86, 92, 98, 106, 124]);
    let acme = &s.rows[0];
    assert_eq!(acme.date, date("2026-10-06"));
    assert_eq!(acme.counterparty.as_deref(), Some("Acme Trading GmbH"));
    assert_eq!(acme.account.as_deref(), Some("AT611904300234573201"));
    assert_eq!(acme.description, "Rechnung INV-1001");
    assert_eq!(acme.reference.as_deref(), Some("E-0001"));
    let power = &s.rows[1];
    assert_eq!(power.direction, Direction::Out);
    assert_eq!(power.counterparty.as_deref(), Some("Stadtwerke München"));
    assert_eq!(power.description, "Strom Oktober Kd-Nr 4711");
    let pending = &s.rows[2];
    assert_eq!((pending.date, pending.amount), (None, dec("99.00")));
    let batch: Vec<(String, String, String)> = s.rows[3..6]
        .iter()
        .map(|r| {
            (
                r.amount.to_string(),
                r.counterparty.clone().unwrap_or_default(),
                r.reference.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        batch,
        [
            ("100.00".into(), "Gamma SARL".into(), "RF18INV1004".into()),
            ("200.00".into(), "Delta BV".into(), "E2E-B".into()),
            ("300.00".into(), "Epsilon & Partner".into(), "E2E-C".into()),
        ]
    );
    assert!(s.rows[3..6].iter().all(|r| r.date == date("2026-10-20")));
    let post = &s.rows[6];
    assert_eq!(
        (
            post.amount,
            post.description.as_str(),
            post.counterparty.as_deref()
        ),
        (dec("75.00"), "Porto Pakete", Some("Post AG")),
        "a batch without amounts per transaction is one row of its total"
    );
    let zeta = &s.rows[7];
    assert_eq!(zeta.date, date("2026-10-30"), "BookgDt/DtTm");
    assert_eq!(zeta.reference.as_deref(), Some("INV-1007"));
}

#[test]
fn broken_files_name_the_file_and_the_line() {
    let err = |name: &str| read(name).unwrap_err().to_string();
    assert_eq!(
        err("broken-amount-1.02.ofx"),
        "broken-amount-1.02.ofx, line 61, <TRNAMT>: '-300.OO' is not an amount"
    );
    assert_eq!(
        err("broken-no-date-2.ofx"),
        "broken-no-date-2.ofx, line 34: the transaction (STMTTRN) has no <DTPOSTED>"
    );
    assert_eq!(
        err("broken-date.qfx"),
        "broken-date.qfx, line 17, <DTPOSTED>: '20261340000000.000' is not an OFX date (YYYYMMDD…)"
    );
    assert_eq!(
        err("broken-amount.camt053.xml"),
        "broken-amount.camt053.xml, line 94, <Amt>: '2OO.00' is not an amount \
         (digits and a decimal point, not negative)"
    );
    assert_eq!(
        err("broken-batch.camt053.xml"),
        "broken-batch.camt053.xml, line 78: the entry's 3 transactions (TxDtls) add up to \
         650.00, not its amount 600.00"
    );
    let truncated = err("broken-truncated.camt053.xml");
    assert!(
        truncated.starts_with("broken-truncated.camt053.xml, line 85: "),
        "{truncated}"
    );
}

#[test]
fn csv_is_still_csv() {
    let csv = b"Date,Description,Amount\n2026-10-01,<OFX> in a description,12.00\n";
    let s = import::read_statement("a.csv", csv, &Hints::default()).unwrap();
    assert_eq!(s.rows.len(), 1);
    assert!(s.detected.header_signature.unwrap().starts_with("csv-"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn no_bytes_after_an_ofx_or_camt_opening_panic(
        body in proptest::collection::vec(any::<u8>(), 0..400),
        tags in proptest::collection::vec(
            prop::sample::select(vec![
                "<STMTRS>", "<STMTTRN>", "</STMTTRN>", "<TRNAMT>", "<DTPOSTED>2026", "<CURDEF>",
                "<Stmt>", "<Ntry>", "</Ntry>", "<Amt Ccy=\"EUR\">", "</Amt>", "<TxDtls>",
                "<CdtDbtInd>CRDT", "<BookgDt><Dt>", "-1.5", "&amp;", "<!--", "<?", "<", ">",
            ]),
            0..30,
        ),
        camt in any::<bool>(),
    ) {
        let mut input: Vec<u8> = if camt {
            b"<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>".to_vec()
        } else {
            b"OFXHEADER:100\n<OFX><BANKMSGSRSV1>".to_vec()
        };
        for (i, tag) in tags.iter().enumerate() {
            input.extend_from_slice(tag.as_bytes());
            if let Some(b) = body.get(i * 7..(i * 7 + 7).min(body.len())) {
                input.extend_from_slice(b);
            }
        }
        input.extend_from_slice(&body);
        let _ = import::read_statement("fuzz", &input, &Hints::default());
    }
}

#[test]
fn a_camt_file_pays_invoices_once() {
    let settings = BookSettings {
        company: "Test GmbH".into(),
        currency: Currency::new("EUR", 2).unwrap(),
    };
    let mut store = Store::open_in_memory(&settings).unwrap();
    for (code, name) in [("C001", "Acme Trading GmbH"), ("C002", "Delta BV")] {
        store
            .add_customer(&CustomerDraft {
                code: code.into(),
                name: name.into(),
                ..Default::default()
            })
            .unwrap();
    }
    for (code, number, amount) in [
        ("C001", "INV-1001", "1500.00"),
        ("C002", "INV-1005", "200.00"),
    ] {
        let amount = m(&store, amount);
        store
            .post_debit(&invoice(
                code,
                number,
                "2026-09-01",
                amount,
                Terms::Net(30),
                Plan::Single,
            ))
            .unwrap();
    }
    let name = "statement.camt053.xml";
    let file = bytes(name);
    let plan = import::prepare(&store, name, &file, &Hints::default(), None).unwrap();
    let decisions = import::default_decisions(&plan, 0.9);
    let done = import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();
    assert!(done.batch.is_some());
    assert_eq!(done.summary.matched, 2, "{:?}", done.summary);
    assert_eq!(done.summary.money_out.count, 2);
    assert!(
        done.summary
            .skipped
            .iter()
            .any(|s| s.reason.contains("pending")),
        "the pending entry is listed, not booked"
    );
    for code in ["C001", "C002"] {
        let customer = store.find_customer(code).unwrap().unwrap();
        let open = store.open_items_now(customer.id).unwrap();
        assert!(open.iter().all(|i| i.open.0.is_zero()), "{code}: {open:?}");
    }
    let again = import::prepare(&store, name, &file, &Hints::default(), None).unwrap();
    let decisions = import::default_decisions(&again, 0.9);
    let second = import::commit(&mut store, &again, &decisions, |_, _| {}).unwrap();
    assert_eq!(second.batch, None, "nothing new the second time");
    assert_eq!(second.summary.matched, 0);
    assert_eq!(store.import_batches().unwrap().len(), 1);
    let _ = d("2026-01-01");
}
