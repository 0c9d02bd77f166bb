//! End-to-end checks of `read_statement` on small files written here, one quirk each.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;

fn read(text: &str) -> Statement {
    read_statement("t.csv", text.as_bytes(), &Hints::default()).unwrap()
}

fn signed(statement: &Statement) -> Vec<Decimal> {
    statement.rows.iter().map(BankRow::signed).collect()
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

#[test]
fn signed_column_with_preamble_and_footer() {
    let statement = read(
        "Account;NL01\n\nDate;Description;Amount;Balance\n\
         01.02.2020;Shop;-5,00;95,00\n02.02.2020;Pay;100,00;195,00\nTotal;;95,00;\n",
    );
    assert_eq!(statement.detected.header_line, 3);
    assert_eq!(statement.detected.decimal_mark, ",");
    assert_eq!(signed(&statement), vec![dec("-5"), dec("100")]);
    assert_eq!(statement.rows[0].date, NaiveDate::from_ymd_opt(2020, 2, 1));
    assert_eq!(statement.skipped[0].reason, SkipReason::Footer);
}

#[test]
fn debit_credit_and_balance_rows() {
    let statement = read(
        "\"Date\",\"Description\",\"Debit\",\"Credit\",\"Balance\"\n\
         ,\"Closing Balance\",,,1712.54\n\"18/04/2012\",\"Meg\",,60,1712.54\n\
         \"19/04/2012\",\"Fee\",2.50,,1710.04\n",
    );
    assert_eq!(signed(&statement), vec![dec("60"), dec("-2.50")]);
    assert_eq!(statement.skipped[0].reason, SkipReason::Balance);
}

#[test]
fn direction_column_and_lone_cr() {
    let statement = read(
        "Date,Description,Amount,\n12-Dec-2019,Shop,£67.40,\n02-Dec-2019,Thanks,\"+ £1,100.00\",CR\n",
    );
    assert_eq!(signed(&statement), vec![dec("-67.40"), dec("1100.00")]);
    assert_eq!(statement.detected.currency.as_deref(), Some("GBP"));
}

#[test]
fn ambiguous_dates_are_refused() {
    let error = read_statement(
        "t.csv",
        b"Date,Amount\n01/02/2020,5.00\n03/04/2020,6.00\n",
        &Hints::default(),
    )
    .unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("line 2") && message.contains("--date-format"),
        "{message}"
    );
    let hints = Hints {
        date_format: Some("%m/%d/%Y".into()),
        ..Hints::default()
    };
    let statement = read_statement("t.csv", b"Date,Amount\n01/02/2020,5.00\n", &hints).unwrap();
    assert_eq!(statement.rows[0].date, NaiveDate::from_ymd_opt(2020, 1, 2));
}

#[test]
fn bad_values_stop_the_import() {
    let error = read_statement(
        "t.csv",
        b"Date,Amount\n2020-01-01,5.00\n2020-01-02,5.0.0\n",
        &Hints::default(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("line 3, column 2 (Amount)"),
        "{error}"
    );
    let error = read_statement(
        "t.csv",
        b"Date,Amount\n2020-01-01,5.00\n2020-02-31,5.00\n",
        &Hints::default(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("line 3, column 1 (Date)"),
        "{error}"
    );
}

#[test]
fn nothing_to_read() {
    let error = read_statement("t.csv", b"", &Hints::default()).unwrap_err();
    assert!(matches!(error, ImportError::Empty { .. }));
    let error = read_statement("t.csv", b"just words\nand more\n", &Hints::default()).unwrap_err();
    assert!(error.to_string().starts_with("t.csv, line 2"), "{error}");
}

/// `1.005` with nothing in the file to say what the point is: asked, with the way to
/// answer; answered, read either way.
#[test]
fn a_point_that_reads_two_ways_is_asked() {
    let text = "Date,Payer,Amount\n2026-11-20,A,1.005\n2026-11-21,B,12\n";
    let error = read_statement("t.csv", text.as_bytes(), &Hints::default()).unwrap_err();
    assert!(
        matches!(error, ImportError::AmbiguousDecimal { line: 2, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("--decimal-mark ."), "{error}");
    let with = |mark| Hints {
        decimal_mark: Some(mark),
        ..Hints::default()
    };
    let point = read_statement("t.csv", text.as_bytes(), &with('.')).unwrap();
    assert_eq!(signed(&point), vec![dec("1.005"), dec("12")]);
    let comma = read_statement("t.csv", text.as_bytes(), &with(',')).unwrap();
    assert_eq!(signed(&comma), vec![dec("1005"), dec("12")]);
    // Another amount that shows the mark decides it.
    let decided = read("Date,Payer,Amount\n2026-11-20,A,1.005\n2026-11-21,B,12.50\n");
    assert_eq!(signed(&decided), vec![dec("1.005"), dec("12.50")]);
}

/// `12,50` unquoted in a comma-separated file is refused, not read as 12; a trailing
/// delimiter (an empty cell past the header) is not mistaken for one.
#[test]
fn an_amount_cut_in_two_by_the_delimiter_is_refused() {
    let text = "Date,Payer,Amount\n2026-11-20,A,3.50\n2026-11-21,B,12,50\n";
    let error = read_statement("t.csv", text.as_bytes(), &Hints::default()).unwrap_err();
    assert!(
        matches!(error, ImportError::SplitAmount { line: 3, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("'12,50'"), "{error}");
    let trailing = read("Date;Payer;Amount;\n2026-11-20;A;12,50;\n2026-11-21;B;3,50;\n");
    assert_eq!(signed(&trailing), vec![dec("12.50"), dec("3.50")]);
}
