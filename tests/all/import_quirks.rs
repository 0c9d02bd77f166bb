//! Quirks the twenty bank samples do not show, one small file each in
//! `tests/import_quirks/` (named after the quirk): each is read exactly or refused with a
//! message naming the line. Also: `read_statement` never panics, on arbitrary bytes or
//! on mutated quirk files.

use std::str::FromStr;

use chrono::NaiveDate;
use owed::import::{Direction, Hints, Sign, read_statement};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::common::quirks::{amounts, bytes, read, read_with};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn utf16_with_bom() {
    let le = read("utf16le-bom.csv");
    assert_eq!(le.detected.encoding, "UTF-16LE");
    assert_eq!(le.detected.delimiter, "\\t");
    assert_eq!(amounts(&le), ["-4.50", "10.00"]);
    assert_eq!(le.rows[0].description, "Café Müller");
    let be = read("utf16be-bom.csv");
    assert_eq!(be.detected.encoding, "UTF-16BE");
    assert_eq!(amounts(&be), ["-4.50", "10.00"]);
    assert_eq!(be.rows[0].description, "Œuvre");
}

#[test]
fn cr_cr_lf_line_ends() {
    let statement = read("cr-cr-lf-line-ends.csv");
    assert_eq!(amounts(&statement), ["-4.50", "10.00"]);
    assert_eq!(
        statement.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [2, 3]
    );
}

#[test]
fn pipe_delimiter() {
    let statement = read("pipe-delimiter.csv");
    assert_eq!(statement.detected.delimiter, "|");
    assert_eq!(amounts(&statement), ["-4.50", "10.00"]);
    assert_eq!(statement.rows[0].description, "Coffee, large");
}

#[test]
fn yyyymmdd_dates() {
    let statement = read("yyyymmdd-dates.csv");
    assert_eq!(statement.detected.date_format, "%Y%m%d");
    assert_eq!(statement.rows[2].date, date(2021, 3, 31));
}

#[test]
fn trailing_minus() {
    let statement = read("trailing-minus.csv");
    assert_eq!(amounts(&statement), ["-4.50", "10.00", "-1500.00"]);
}

#[test]
fn dr_cr_suffix() {
    let statement = read("dr-cr-suffix.csv");
    assert_eq!(amounts(&statement), ["-4.50", "10.00", "-1500.00"]);
}

#[test]
fn no_leading_zero() {
    let statement = read("no-leading-zero.csv");
    assert_eq!(amounts(&statement), ["-0.01", "0.50", "-1250.00"]);
}

#[test]
fn nbsp_thousands() {
    let statement = read("nbsp-thousands.csv");
    assert_eq!(statement.detected.decimal_mark, ",");
    assert_eq!(amounts(&statement), ["-1250.00", "2500.00", "-3.20"]);
}

#[test]
fn month_first_ambiguous_is_refused() {
    let error = read_with("month-first-ambiguous.csv", &Hints::default()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("month-first-ambiguous.csv, line 2, column 1 (Date)"),
        "{message}"
    );
    assert!(message.contains("--date-format %d/%m/%Y"), "{message}");
    let hints = Hints {
        date_format: Some("%m/%d/%Y".into()),
        ..Hints::default()
    };
    let statement = read_with("month-first-ambiguous.csv", &hints).unwrap();
    assert_eq!(statement.rows[2].date, date(2021, 5, 6));
}

#[test]
fn month_first_decided_by_date_order() {
    let statement = read("month-first-sorted.csv");
    assert_eq!(statement.detected.date_format, "%m/%d/%Y");
    assert_eq!(statement.rows[3].date, date(2021, 2, 1));
}

#[test]
fn foreign_currency_rows_are_kept_and_marked() {
    let statement = read("foreign-currency-rows.csv");
    assert_eq!(statement.detected.currency.as_deref(), Some("EUR"));
    let foreign: Vec<bool> = statement
        .rows
        .iter()
        .map(|r| statement.is_foreign(r))
        .collect();
    assert_eq!(foreign, [false, true, false]);
    // A column with the currency of a second, foreign amount is not the rows' currency.
    let statement = read("foreign-amount-column.csv");
    assert_eq!(statement.detected.currency.as_deref(), Some("EUR"));
    assert_eq!(amounts(&statement), ["-4.50", "-9.20", "2000.00"]);
    assert!(statement.rows.iter().all(|r| !statement.is_foreign(r)));
}

#[test]
fn missing_year_is_refused_then_read_with_year() {
    let error = read_with("missing-year.csv", &Hints::default()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("line 2") && message.contains("--year"),
        "{message}"
    );
    let hints = Hints {
        year: Some(2021),
        ..Hints::default()
    };
    let statement = read_with("missing-year.csv", &hints).unwrap();
    assert_eq!(statement.rows[1].date, date(2021, 3, 13));
    assert_eq!(amounts(&statement), ["-4.50", "10.00"]);
}

#[test]
fn tabs_and_spaces_around_quotes() {
    let statement = read("tab-spaced-quotes.csv");
    assert_eq!(amounts(&statement), ["-4.50", "10.00"]);
    assert_eq!(statement.rows[0].description, "Coffee, large");
}

#[test]
fn excel_formula_cells() {
    let statement = read("excel-formula-cells.csv");
    assert_eq!(amounts(&statement), ["-4.50", "10.00"]);
    assert_eq!(statement.rows[0].reference.as_deref(), Some("000123"));
}

#[test]
fn legacy_code_pages() {
    let polish = read("windows-1250-polish.csv");
    assert_eq!(polish.detected.encoding, "windows-1250");
    assert_eq!(polish.rows[1].description, "Przelew przychodzący Łódź");
    assert_eq!(amounts(&polish), ["-5.00", "1200.00", "-12.49"]);
    let baltic = read("windows-1257-baltic.csv");
    assert_eq!(baltic.detected.encoding, "windows-1257");
    assert_eq!(baltic.rows[1].description, "Įplaukos iš Šiaulių");
}

#[test]
fn bad_amount_names_line_and_column() {
    let error = read_with("bad-amount.csv", &Hints::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "bad-amount.csv, line 3, column 3 (Amount): '10.0.0' is not an amount"
    );
}

#[test]
fn undecodable_bytes_name_the_line() {
    let hints = Hints {
        encoding: Some("utf-8".into()),
        ..Hints::default()
    };
    let error = read_with("undecodable-utf8-hint.csv", &hints).unwrap_err();
    assert!(error.to_string().contains("line 3"), "{error}");
}

#[test]
fn record_count_footer() {
    let statement = read("record-count-footer.csv");
    assert_eq!(amounts(&statement), ["-4.50", "10.00"]);
    assert_eq!(statement.skipped.len(), 1);
    assert_eq!(statement.skipped[0].line, 4);
}

#[test]
fn af_bij_direction() {
    let statement = read("af-bij-direction.csv");
    assert_eq!(amounts(&statement), ["-4.50", "1210.00"]);
    assert_eq!(statement.detected.currency.as_deref(), Some("EUR"));
    assert_eq!(
        statement.rows[0].account.as_deref(),
        Some("NL01INGB0001234567")
    );
}

#[test]
fn type_column_gives_the_direction() {
    let statement = read("type-column-debit-credit.csv");
    assert_eq!(amounts(&statement), ["-4.50", "10.00", "-500.00"]);
}

#[test]
fn card_statement_plus_is_a_credit() {
    let statement = read("card-plus-is-credit.csv");
    assert_eq!(amounts(&statement), ["-4.50", "100.00", "-25.99"]);
    assert_eq!(statement.rows[0].direction, Direction::Out);
}

#[test]
fn headerless_balance_before_amount() {
    let statement = read("headerless-balance-before-amount.csv");
    assert_eq!(statement.detected.header_line, 0);
    assert_eq!(
        amounts(&statement),
        ["-4.50", "10.00", "-100.00", "1000.00"]
    );
}

#[test]
fn stray_quotes() {
    let statement = read("stray-quotes.csv");
    assert_eq!(amounts(&statement), ["-4.50", "10.00"]);
}

#[test]
fn month_names_and_two_digit_years() {
    let german = read("german-month-names.csv");
    assert_eq!(german.rows[0].date, date(2021, 3, 1));
    assert_eq!(german.rows[1].date, date(2021, 12, 15));
    let short = read("two-digit-year-day-first.csv");
    assert_eq!(short.rows[0].date, date(2019, 12, 31));
    assert_eq!(short.rows[1].signed(), Decimal::from_str("0.02").unwrap());
}

const QUIRKS: &[&str] = &[
    "af-bij-direction.csv",
    "cr-cr-lf-line-ends.csv",
    "dr-cr-suffix.csv",
    "headerless-balance-before-amount.csv",
    "nbsp-thousands.csv",
    "stray-quotes.csv",
    "utf16le-bom.csv",
    "windows-1250-polish.csv",
    "card-issuer-sign.csv",
    "two-amount-columns.csv",
    "preamble-header-words.csv",
    "yearless-with-period.csv",
    "amount-with-note.csv",
    "direction-neutral.csv",
    "dates-chinese.csv",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_on_arbitrary_bytes(data in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = read_statement("any.csv", &data, &Hints::default());
    }

    #[test]
    fn never_panics_on_arbitrary_text(
        text in "[0-9a-zA-Z ,;|\t\"'.()+$£€=/:\r\n-]{0,400}",
        year in proptest::option::of(any::<i32>()),
        date_format in proptest::option::of("[%a-zA-Z./: -]{0,10}"),
        decimal_mark in proptest::option::of(prop::sample::select(vec![',', '.', 'x'])),
        delimiter in proptest::option::of(prop::sample::select(vec![',', ';', '\t', '"'])),
        sign in proptest::option::of(prop::sample::select(vec![Sign::Normal, Sign::Inverted])),
        amount_column in proptest::option::of("[0-9a-zA-Z ]{0,6}"),
        header_line in proptest::option::of(0usize..8),
    ) {
        let hints = Hints {
            year, date_format, decimal_mark, delimiter, encoding: None, sign, amount_column,
            header_line,
        };
        let _ = read_statement("any.csv", text.as_bytes(), &hints);
    }

    #[test]
    fn never_panics_on_mutated_files(
        file in 0..QUIRKS.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..12),
    ) {
        let mut data = bytes(QUIRKS[file]);
        crate::common::quirks::mutate(&mut data, edits);
        let _ = read_statement(QUIRKS[file], &data, &Hints::default());
    }
}
