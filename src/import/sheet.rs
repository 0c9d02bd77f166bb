//! Spreadsheet statements: XLSX (and XLSM), XLSB, XLS and ODS exports read straight from
//! their bytes with calamine, so the user need not save them as CSV first. Each sheet
//! becomes records like a CSV file's, one per spreadsheet row (its line is the row
//! number, so messages name the row the user sees), and the CSV detection runs on each
//! sheet in turn: the first that reads as a statement is the statement. Cells become the
//! text a bank's CSV would hold: dates as ISO `YYYY-MM-DD`, numbers as the shortest text
//! that is the same number (no arithmetic on the float), so the CSV date and amount
//! readers read them exactly.

use std::cell::Cell;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use calamine::{Data, ExcelDateTime, Reader, Sheets, Xls, Xlsb, Xlsx};

use super::not_statement::NotStatement;
use super::records::Record;
use super::source::{COMPOUND_FILE, is_zip, zip_has};
use super::{Hints, ImportError, Read, Statement, header_signature, layout, rows};

/// Which spreadsheet format a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Kind {
    /// Said where a CSV's encoding is (the import screen, `owed import`).
    fn name(self) -> &'static str {
        match self {
            Kind::Xlsx => "XLSX",
            Kind::Xlsb => "XLSB",
            Kind::Xls => "XLS",
            Kind::Ods => "ODS",
        }
    }
}

/// Which spreadsheet the bytes are, by their first bytes and the names of their parts;
/// `None` for anything else. An OLE compound file is taken for XLS: `recognise` has
/// already refused the encrypted and Word ones, and calamine refuses the rest.
pub(crate) fn kind(bytes: &[u8]) -> Option<Kind> {
    if is_zip(bytes) {
        if zip_has(bytes, b"application/vnd.oasis.opendocument.spreadsheet") {
            Some(Kind::Ods)
        } else if zip_has(bytes, b"xl/workbook.bin") {
            Some(Kind::Xlsb)
        } else if zip_has(bytes, b"xl/") {
            Some(Kind::Xlsx)
        } else {
            None
        }
    } else if bytes.starts_with(COMPOUND_FILE) {
        Some(Kind::Xls)
    } else {
        None
    }
}

/// Reads the statement on the first sheet that reads as one. `file_name` is only used
/// in messages, with the sheet's name after it (`statement.xlsx [Umsätze]`).
pub(crate) fn read(
    file_name: &str,
    bytes: &[u8],
    kind: Kind,
    hints: &Hints,
) -> Result<Statement, ImportError> {
    let mut book = open(bytes, kind).map_err(|why| ImportError::NotAStatement {
        file: file_name.to_string(),
        why,
    })?;
    let mut refusal: Option<(Rank, ImportError)> = None;
    for name in book.sheet_names() {
        let file = format!("{file_name} [{name}]");
        // A sheet that can't be read may be the one with the transactions: stop there
        // rather than read a later sheet in its place.
        let records =
            sheet_records(&mut book, kind, &name).map_err(|why| ImportError::NotAStatement {
                file: file.clone(),
                why,
            })?;
        if records.is_empty() {
            continue;
        }
        match read_sheet(&file, &records, kind, &name, hints) {
            Ok(statement) => return Ok(statement),
            Err(error) => {
                let rank = Rank::of(&error, &records);
                if refusal.as_ref().is_none_or(|(best, _)| rank > *best) {
                    refusal = Some((rank, error));
                }
            }
        }
    }
    Err(refusal.map_or_else(
        || ImportError::Empty {
            file: file_name.to_string(),
        },
        |(_, error)| error,
    ))
}

/// Which sheet's refusal to say when no sheet reads. A cover or summary sheet can look
/// like a statement of one row (a closing balance and its date) and fail to read; the
/// sheet with the transactions is then the one with the most rows, and its refusal
/// (ambiguous dates, a bad amount) is the one that helps. A sheet with no transactions
/// at all is said only when every sheet is like it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    holds_transactions: bool,
    rows: usize,
}

impl Rank {
    fn of(error: &ImportError, records: &[Record]) -> Rank {
        Rank {
            holds_transactions: !matches!(
                error,
                ImportError::NoTransactions { .. } | ImportError::NoAmountColumn { .. }
            ),
            rows: records.iter().filter(|r| !r.is_blank()).count(),
        }
    }
}

/// One sheet read as a CSV file is.
fn read_sheet(
    file: &str,
    records: &[Record],
    kind: Kind,
    name: &str,
    hints: &Hints,
) -> Result<Statement, ImportError> {
    let plan = layout::plan(file, records, hints)?;
    let (rows, skipped) = rows::build(file, records, &plan)?;
    // A summary sheet of balance rows has dates and amounts but no movement of money.
    if rows.is_empty() {
        return Err(ImportError::NoTransactions {
            file: file.to_string(),
            line: records.last().map_or(1, |r| r.line),
        });
    }
    let read = Read {
        records,
        plan: &plan,
        encoding: kind.name().to_string(),
        delimiter: format!("sheet {name}"),
        signature: "sheet",
    };
    Ok(read.statement(rows, skipped))
}

/// The header signature of the first sheet with a header, for a file that may not read
/// without a remembered profile's hints.
pub(crate) fn signature(bytes: &[u8], kind: Kind, hints: &Hints) -> Option<String> {
    let mut book = open(bytes, kind).ok()?;
    for name in book.sheet_names() {
        let records = sheet_records(&mut book, kind, &name).ok()?;
        if let Some(header) = layout::header_of(&records, hints) {
            return Some(header_signature("sheet", &records[header].fields));
        }
    }
    None
}

type Book<'a> = Sheets<Cursor<&'a [u8]>>;

/// Opens the workbook, or says in one line why it can't be read.
fn open(bytes: &[u8], kind: Kind) -> Result<Book<'_>, NotStatement> {
    use calamine::open_workbook_from_rs as from;
    let data = Cursor::new(bytes);
    guarded(kind, || {
        let opened = match kind {
            Kind::Xlsx => from::<Xlsx<_>, _>(data)
                .map(Sheets::Xlsx)
                .map_err(Into::into),
            Kind::Xlsb => from::<Xlsb<_>, _>(data)
                .map(Sheets::Xlsb)
                .map_err(Into::into),
            Kind::Xls => from::<Xls<_>, _>(data).map(Sheets::Xls).map_err(Into::into),
            Kind::Ods => from(data).map(Sheets::Ods).map_err(Into::into),
        };
        opened.map_err(|e| unreadable(kind, &e))
    })
}

thread_local! {
    /// True while this thread is inside calamine, whose panics are refusals.
    static IN_CALAMINE: Cell<bool> = const { Cell::new(false) };
}

/// Runs a calamine call and turns a panic in it into a refusal. calamine 0.38 panics on
/// some damaged files (a truncated XLS slices past its end in its `cfb.rs`, found by
/// the property test in `tests/all/import_sheets.rs`): a bad file is refused like any
/// other, it does not bring the app down. The panic's own message is kept off stderr,
/// where `owed import` says one line. Whatever calamine held is dropped with the error.
fn guarded<T>(
    kind: Kind,
    call: impl FnOnce() -> Result<T, NotStatement>,
) -> Result<T, NotStatement> {
    quiet_panics_in_calamine();
    let was = IN_CALAMINE.with(|inside| inside.replace(true));
    let result = catch_unwind(AssertUnwindSafe(call));
    IN_CALAMINE.with(|inside| inside.set(was));
    result.unwrap_or_else(|_| {
        Err(NotStatement::Unreadable {
            kind: kind.name(),
            reason: None,
        })
    })
}

/// Puts a panic hook before whatever hook was set that says nothing for a panic inside
/// calamine and passes every other panic on, so panics elsewhere are reported as before.
fn quiet_panics_in_calamine() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_CALAMINE.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

fn unreadable(kind: Kind, error: &calamine::Error) -> NotStatement {
    use calamine::{Error, OdsError, XlsError, XlsbError, XlsxError};
    match error {
        Error::Xlsx(XlsxError::Password)
        | Error::Xlsb(XlsbError::Password)
        | Error::Xls(XlsError::Password)
        | Error::Ods(OdsError::Password) => NotStatement::Encrypted,
        other => {
            // calamine's own words, without its "Xlsx error:" before them.
            let reason = match other {
                Error::Xlsx(e) => e.to_string(),
                Error::Xlsb(e) => e.to_string(),
                Error::Xls(e) => e.to_string(),
                Error::Ods(e) => e.to_string(),
                e => e.to_string(),
            };
            NotStatement::Unreadable {
                kind: kind.name(),
                reason: Some(reason.replace(['\r', '\n'], " ")),
            }
        }
    }
}

/// Most fields (a blank row counts one) one sheet may be laid out in: far beyond any
/// bank statement, and few enough to hold in memory. A few hundred bytes of compressed
/// XLSX can put cells sixteen thousand columns to the right on row after row; such a
/// sheet is refused, not laid out.
const MAX_CELLS: usize = 4_000_000;

/// One sheet's rows as records, or why they can't be read.
fn sheet_records(book: &mut Book<'_>, kind: Kind, name: &str) -> Result<Vec<Record>, NotStatement> {
    let cells = guarded(kind, || sheet_cells(book, kind, name))?;
    records(cells)
}

/// One sheet's non-empty cells, `(row, column, text)`, 0-based.
fn sheet_cells(
    book: &mut Book<'_>,
    kind: Kind,
    name: &str,
) -> Result<Vec<(u32, u32, String)>, NotStatement> {
    let mut cells = Vec::new();
    let mut keep = |(row, col): (u32, u32), value: Data| {
        let text = cell_text(&value);
        if !text.is_empty() {
            cells.push((row, col, text));
        }
        if cells.len() > MAX_CELLS {
            return Err(too_big());
        }
        Ok(())
    };
    match book {
        // XLSX and XLSB are read cell by cell: their whole-sheet range is laid out as a
        // rectangle before a cell could be counted.
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(name)
                .map_err(|e| unreadable(Kind::Xlsx, &e.into()))?;
            while let Some(cell) = reader
                .next_cell()
                .map_err(|e| unreadable(Kind::Xlsx, &e.into()))?
            {
                keep(cell.get_position(), cell.get_value().clone().into())?;
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb
                .worksheet_cells_reader(name)
                .map_err(|e| unreadable(Kind::Xlsb, &e.into()))?;
            while let Some(cell) = reader
                .next_cell()
                .map_err(|e| unreadable(Kind::Xlsb, &e.into()))?
            {
                keep(cell.get_position(), cell.get_value().clone().into())?;
            }
        }
        // calamine lays XLS sheets out as it opens the file (a real XLS holds at most
        // 65,536 rows of 256 columns), and caps the rows an ODS sheet repeats.
        other => {
            let range = other
                .worksheet_range(name)
                .map_err(|e| unreadable(kind, &e))?;
            let (top, left) = range.start().unwrap_or_default();
            for (row, col, value) in range.used_cells() {
                keep((top + row as u32, left + col as u32), value.clone())?;
            }
        }
    }
    Ok(cells)
}

fn too_big() -> NotStatement {
    NotStatement::TooManyCells {
        millions: MAX_CELLS / 1_000_000,
    }
}

/// Cells `(row, column, text)`, 0-based, as records: one per row from the first used
/// one, each field in its column (so column 3 in a message is column C), and blank
/// records for empty rows between, as in the CSV a spreadsheet program saves.
fn records(mut cells: Vec<(u32, u32, String)>) -> Result<Vec<Record>, NotStatement> {
    cells.sort_by_key(|&(row, col, _)| (row, col));
    let mut out: Vec<Record> = Vec::new();
    // Fields laid out so far, blank records counted as one each.
    let mut laid_out = 0usize;
    for (row, col, text) in cells {
        let line = row as usize + 1;
        if out.last().is_none_or(|r| r.line != line) {
            let next = out.last().map_or(line, |r| r.line + 1);
            laid_out += line - next + 1;
            if laid_out > MAX_CELLS {
                return Err(too_big());
            }
            out.extend((next..=line).map(|line| Record {
                line,
                fields: Vec::new(),
            }));
        }
        let col = col as usize;
        let Some(record) = out.last_mut() else {
            continue;
        };
        if record.fields.len() <= col {
            laid_out += col + 1 - record.fields.len();
            if laid_out > MAX_CELLS {
                return Err(too_big());
            }
            record.fields.resize(col + 1, String::new());
        }
        record.fields[col] = text;
    }
    Ok(out)
}

/// A cell as the text a bank's CSV export would hold. Errors (`#N/A`) and empty cells
/// are empty; text is trimmed as CSV fields are.
fn cell_text(value: &Data) -> String {
    match value {
        Data::String(text) => text.trim().to_string(),
        Data::Float(number) => number_text(*number),
        Data::Int(number) => number.to_string(),
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        Data::DateTime(date) => date_text(date),
        Data::DateTimeIso(text) => iso_text(text),
        Data::DurationIso(text) => text.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// Rust writes an `f64` as the shortest decimal that reads back as the same number, and
/// never in exponent form: `12.5` stays `12.5`, `100.0` is `100`. The amount reader
/// then makes the exact decimal of that text; nothing here rounds or adds.
fn number_text(number: f64) -> String {
    number.to_string()
}

/// An Excel date cell: `YYYY-MM-DD`, with ` HH:MM:SS` only when it has a time of day;
/// a time alone (a serial under one day) is `HH:MM:SS`, so a time column is not taken
/// for dates. Serials no calendar holds stay numbers, to be refused by what reads them.
fn date_text(date: &ExcelDateTime) -> String {
    let serial = date.as_f64();
    // Excel's calendar runs from serial 0 to 9999-12-31 (2,958,465); NaN is outside.
    if date.is_duration() || !(0.0..2_958_466.0).contains(&serial) {
        return number_text(serial);
    }
    let (y, m, d, hh, mm, ss, _) = date.to_ymd_hms_milli();
    let time = format!("{hh:02}:{mm:02}:{ss:02}");
    if serial < 1.0 {
        time
    } else if (hh, mm, ss) == (0, 0, 0) {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!("{y:04}-{m:02}-{d:02} {time}")
    }
}

/// An ODS date cell (`2026-11-02` or `2026-11-02T14:30:00`), written as an Excel one.
fn iso_text(text: &str) -> String {
    let Some((date, time)) = text.split_once('T') else {
        return text.to_string();
    };
    let time = time.split('.').next().unwrap_or_default();
    if time.trim_start_matches(['0', ':']).is_empty() {
        date.to_string()
    } else {
        format!("{date} {time}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType::{DateTime, TimeDelta};

    fn excel(serial: f64) -> String {
        date_text(&ExcelDateTime::new(serial, DateTime, false))
    }

    #[test]
    fn numbers_are_the_shortest_text_of_the_same_float() {
        assert_eq!(cell_text(&Data::Float(12.5)), "12.5");
        assert_eq!(cell_text(&Data::Float(-4.5)), "-4.5");
        assert_eq!(cell_text(&Data::Float(1500.0)), "1500");
        assert_eq!(cell_text(&Data::Float(0.1)), "0.1");
        assert_eq!(cell_text(&Data::Float(1234567.89)), "1234567.89");
        assert_eq!(cell_text(&Data::Float(1e21)), "1000000000000000000000");
        assert_eq!(cell_text(&Data::Int(-7)), "-7");
        // A bank's text cell keeps its own commas for the amount reader.
        assert_eq!(cell_text(&Data::String(" 1.234,56 ".into())), "1.234,56");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(
            cell_text(&Data::Error(calamine::CellErrorType::NA)),
            String::new()
        );
    }

    #[test]
    fn dates_are_iso_and_midnight_is_dropped() {
        assert_eq!(excel(46328.0), "2026-11-02");
        assert_eq!(excel(46328.5), "2026-11-02 12:00:00");
        assert_eq!(excel(0.75), "18:00:00");
        assert_eq!(excel(-1.0), "-1");
        assert_eq!(excel(f64::NAN), "NaN");
        let duration = ExcelDateTime::new(1.5, TimeDelta, false);
        assert_eq!(date_text(&duration), "1.5");
        let in_1904 = ExcelDateTime::new(44866.0, DateTime, true);
        assert_eq!(date_text(&in_1904), "2026-11-02");
        assert_eq!(iso_text("2026-11-02"), "2026-11-02");
        assert_eq!(iso_text("2026-11-02T00:00:00"), "2026-11-02");
        assert_eq!(iso_text("2026-11-02T14:30:05.250"), "2026-11-02 14:30:05");
    }

    #[test]
    fn records_keep_rows_and_columns_where_the_sheet_has_them() {
        let cells = vec![
            (4, 1, "b5".to_string()),
            (2, 2, "c3".to_string()),
            (2, 0, "a3".to_string()),
        ];
        let laid = records(cells).unwrap();
        let lines: Vec<usize> = laid.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert_eq!(laid[0].fields, ["a3", "", "c3"]);
        assert!(laid[1].is_blank());
        assert_eq!(laid[2].fields, ["", "b5"]);
        // One cell a million rows and sixteen thousand columns away is laid out; rows of
        // cells that far right, a few hundred bytes of XML, are not.
        let far = vec![
            (0, 0, "a".to_string()),
            (1_048_575, 16_383, "z".to_string()),
        ];
        assert_eq!(records(far).map(|r| r.len()).ok(), Some(1_048_576));
        let wide: Vec<_> = (0..300).map(|row| (row, 16_383, "z".to_string())).collect();
        let error = records(wide)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("more than 4 million cells"), "{error}");
    }
}
