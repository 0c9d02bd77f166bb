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
