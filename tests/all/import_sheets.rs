//! Spreadsheet statements (XLSX, XLS, ODS), one small file each in `tests/import_quirks/`
//! written by `make_sheets.py` there: read with the CSV detection on the first sheet that
//! holds transactions, dates from date cells and amounts from number cells exactly; a
//! workbook that can't be read is refused in one line. `read_statement` never panics on
//! damaged XLSX.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use owed::import::{Hints, ImportError, Statement, read_statement};
use proptest::prelude::*;

use crate::common::quirks::{amounts, bytes, dates, read};

fn read_bytes(name: &str, data: &[u8]) -> Result<Statement, ImportError> {
    read_statement(name, data, &Hints::default())
}

fn descriptions(statement: &Statement) -> Vec<&str> {
    statement
        .rows
        .iter()
        .map(|r| r.description.as_str())
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn xlsx_after_a_summary_sheet() {
    let statement = read("sheet-preamble-then-transactions.xlsx");
    let d = &statement.detected;
    assert_eq!(d.encoding, "XLSX");
    assert_eq!(d.delimiter, "sheet Transactions");
    assert_eq!(d.header_line, 3);
    assert_eq!(d.date_format, "%Y-%m-%d");
    assert_eq!(d.decimal_mark, ".");
    assert!(
        d.header_signature.as_deref().unwrap().starts_with("sheet-"),
        "{d:?}"
    );
    assert_eq!(
        dates(&statement),
        [
            date(2026, 10, 1),
            date(2026, 10, 2),
            date(2026, 10, 15),
            date(2026, 10, 31)
        ]
    );
    // Number cells as they are (no float noise), and a bank's text cell with a comma.
    assert_eq!(amounts(&statement), ["-4.5", "1210", "-2450.00", "0.1"]);
    assert_eq!(
        descriptions(&statement),
        [
            "Café Müller",
            "Klant BV Factuur 2026-007",
            "Miete Oktober",
            "Zinsen"
        ]
    );
    // A reference formatted as text keeps its leading zeros.
    assert_eq!(statement.rows[0].reference.as_deref(), Some("000123"));
    // Lines are the sheet's row numbers; the closing balance row is set aside.
    let lines: Vec<usize> = statement.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [4, 5, 6, 7]);
    assert_eq!(statement.skipped.len(), 1, "{:?}", statement.skipped);
    assert_eq!(statement.skipped[0].line, 9);
}

#[test]
fn ods_with_a_cover_sheet_and_debit_credit_columns() {
    let statement = read("sheet-debit-credit.ods");
    let d = &statement.detected;
    assert_eq!(d.encoding, "ODS");
    assert_eq!(d.delimiter, "sheet Konto");
    assert_eq!(d.header_line, 1);
    assert_eq!(amounts(&statement), ["-4.5", "1210.25", "-7.9"]);
    assert_eq!(
        dates(&statement),
        [date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 31)]
    );
    assert_eq!(
        descriptions(&statement),
        ["Bäckerei Schmidt", "Gutschrift Klant BV", "Kontoführung"]
    );
}

#[test]
fn old_excel_xls() {
    let statement = read("sheet-old-excel.xls");
    let d = &statement.detected;
    assert_eq!(d.encoding, "XLS");
    assert_eq!(d.delimiter, "sheet Statement");
    assert_eq!(d.header_line, 1);
    assert_eq!(d.date_format, "%Y-%m-%d");
    assert_eq!(amounts(&statement), ["100", "-2.5", "1234.56"]);
    assert_eq!(
        dates(&statement),
        [date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 13)]
    );
    assert_eq!(statement.rows[0].counterparty.as_deref(), Some("Acme Ltd"));
    assert_eq!(statement.rows[2].description, "INV-7 part");
    assert_eq!(statement.skipped.len(), 1, "{:?}", statement.skipped);
    assert_eq!(statement.skipped[0].line, 5);
}

#[test]
fn a_bad_amount_names_the_sheet_row_and_column() {
    let error = read_bytes("sheet-bad-amount.xlsx", &bytes("sheet-bad-amount.xlsx")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "sheet-bad-amount.xlsx [Umsätze], line 3, column 3 (Amount): '10.0.0' is not an amount"
    );
}

#[test]
fn no_sheet_reads_so_the_transactions_sheet_says_why() {
    let name = "sheet-ambiguous-dates.xlsx";
    let message = read_bytes(name, &bytes(name)).unwrap_err().to_string();
    assert!(
        message.starts_with(
            "sheet-ambiguous-dates.xlsx [Transactions], line 2, column 1 (Date): '01/02/2026'"
        ),
        "{message}"
    );
    assert!(message.contains("--date-format %d/%m/%Y"), "{message}");
    let hints = Hints {
        date_format: Some("%d/%m/%Y".into()),
        ..Hints::default()
    };
    let statement = read_statement(name, &bytes(name), &hints).unwrap();
    assert_eq!(statement.detected.delimiter, "sheet Transactions");
    assert_eq!(
        dates(&statement),
        [date(2026, 2, 1), date(2026, 2, 3), date(2026, 3, 5)]
    );
    assert_eq!(amounts(&statement), ["-4.5", "10", "-950"]);
}

/// A spreadsheet that can't be read is refused in one line naming the file and what to
/// do; so are archives and documents that are no spreadsheet.
#[test]
fn unreadable_workbooks_are_refused_in_one_line() {
    let refused = |data: &[u8]| {
        let error = read_bytes("export.xlsx", data).unwrap_err();
        assert!(
            matches!(error, ImportError::NotAStatement { .. }),
            "{error:?}"
        );
        let message = error.to_string();
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.starts_with("export.xlsx: "), "{message}");
        message
    };
    // An encrypted Office file is an OLE compound file with these streams.
    let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    encrypted.resize(1024, 0);
    for stream in ["EncryptionInfo", "EncryptedPackage"] {
        encrypted.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        encrypted.resize(encrypted.len() + 64, 0);
    }
    assert!(refused(&encrypted).contains("password-protected (encrypted)"));
    let mut word = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    word.resize(1024, 0);
    word.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(refused(&word).contains("Word document (DOC)"));
    let docx = b"PK\x03\x04\x14\x00[Content_Types].xml....PK\x03\x04word/document.xml";
    assert!(refused(docx).contains("Word document (DOCX)"));
    let zip = b"PK\x03\x04\x14\x00statement.csv....";
    assert!(refused(zip).contains("this is a ZIP archive"));
    // Shaped like a spreadsheet, but broken: calamine's reason, and what to do.
    let xlsx = bytes("sheet-preamble-then-transactions.xlsx");
    let message = refused(&xlsx[..xlsx.len() / 2]);
    assert!(
        message.starts_with("export.xlsx: not a readable XLSX spreadsheet (")
            && message.ends_with(
                "); export CSV from your bank, or save it as CSV from your spreadsheet program"
            ),
        "{message}"
    );
    let mut xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    xls.resize(512, 0);
    assert!(refused(&xls).contains("not a readable XLS spreadsheet ("));
    let ods = b"PK\x03\x04\x14\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
    assert!(refused(ods).contains("not a readable ODS spreadsheet ("));
}

/// The same file through `owed import --dry-run`, and a bank's answer remembered for
/// its next spreadsheet.
#[test]
fn owed_import_reads_a_spreadsheet() {
    use crate::common::bin::{json, owed};
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    owed::store::Store::init(&book, &owed::store::BookSettings::default()).unwrap();
    let xls = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_quirks/sheet-old-excel.xls");
    let xls = xls.to_str().unwrap();
    let table = owed(&book, &["import", xls, "--dry-run"]);
    assert!(
        table.contains("sheet-old-excel.xls: XLS, sheet Statement, header line 1, dates %Y-%m-%d, decimal mark ."),
        "{table}"
    );
    let summary = json(&book, &["import", xls, "--dry-run", "--format", "json"]);
    assert_eq!(summary["money_in"]["count"], 2, "{summary}");
    assert_eq!(summary["money_out"]["count"], 1, "{summary}");
    assert_eq!(summary["detected"]["encoding"], "XLS");

    // Read once with --date-format; the next import of that bank's sheet needs none.
    let ambiguous = dir.path().join("bank-2026-03.xlsx");
    fs::write(&ambiguous, bytes("sheet-ambiguous-dates.xlsx")).unwrap();
    let path = ambiguous.to_str().unwrap();
    let (ok, _, stderr) = crate::common::bin::run(&book, &["import", path, "--dry-run"]);
    assert!(!ok && stderr.contains("--date-format"), "{stderr}");
    owed(&book, &["import", path, "--date-format", "%d/%m/%Y"]);
    let again = json(&book, &["import", path, "--dry-run", "--format", "json"]);
    assert_eq!(again["duplicates"], 3, "{again}");
}

/// Arbitrary bytes after a ZIP's first bytes that name an Excel part, so they reach
/// calamine (`xl/workbook.bin` makes them XLSB), or after an OLE compound file's (XLS).
fn workbook_like() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(vec![
            (&b"PK\x03\x04"[..], &b"xl/workbook.xml"[..]),
            (b"PK\x03\x04", b"xl/workbook.bin"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", b""),
        ]),
        proptest::collection::vec(any::<u8>(), 0..300),
        proptest::collection::vec(any::<u8>(), 0..300),
    )
        .prop_map(|((magic, part), head, tail)| {
            let mut data = magic.to_vec();
            data.extend(head);
            data.extend_from_slice(part);
            data.extend(tail);
            data
        })
}

const SHEETS: &[&str] = &[
    "sheet-preamble-then-transactions.xlsx",
    "sheet-bad-amount.xlsx",
    "sheet-debit-credit.ods",
    "sheet-old-excel.xls",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_arbitrary_workbook_bytes(data in workbook_like()) {
        let _ = read_bytes("any.xlsx", &data);
    }

    #[test]
    fn never_panics_on_damaged_spreadsheets(
        file in 0..SHEETS.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..8),
    ) {
        let mut data = bytes(SHEETS[file]);
        for (at, byte, kind) in edits {
            if data.is_empty() {
                data.push(byte);
                continue;
            }
            let i = at.index(data.len());
            match kind {
                0 => data[i] = byte,
                1 => data[i] ^= 1 << (byte % 8),
                2 => data.truncate(i),
                _ => {
                    data.remove(i);
                }
            }
        }
        let _ = read_bytes(SHEETS[file], &data);
    }
}

#[test]
fn a_date_format_hint_leaves_date_cells_as_they_are() {
    // The hint is for dates written as text; the sheet's date cells read as before.
    let hints = Hints {
        date_format: Some("%d/%m/%Y".into()),
        ..Hints::default()
    };
    let statement = read_statement(
        "sheet-preamble-then-transactions.xlsx",
        &bytes("sheet-preamble-then-transactions.xlsx"),
        &hints,
    )
    .unwrap();
    assert_eq!(
        dates(&statement),
        [
            date(2026, 10, 1),
            date(2026, 10, 2),
            date(2026, 10, 15),
            date(2026, 10, 31)
        ]
    );
    assert_eq!(statement.detected.date_format, "%d/%m/%Y");
}
