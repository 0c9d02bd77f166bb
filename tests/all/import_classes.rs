//! What banks really write, one class of export a file (issue 13): card statements that
//! count purchases positive, several amount columns, a preamble that looks like a
//! header, dates with any separator or no year, amount cells with a note, and direction
//! cells that say neither in nor out. Each file in `tests/import_quirks/` is our own.

use chrono::NaiveDate;
use owed::import::{Direction, Hints, ImportError, Sign};

use crate::common::quirks::{amounts, dates, read, read_with};

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn sign(sign: Sign) -> Hints {
    Hints {
        sign: Some(sign),
        ..Hints::default()
    }
}

#[test]
fn card_statement_with_a_repayment_row_reads_purchases_as_money_out() {
    let statement = read("card-issuer-sign.csv");
    assert_eq!(amounts(&statement), ["-4.50", "500.00", "-25.99", "25.99"]);
    assert_eq!(statement.detected.sign, Sign::Inverted);
    assert!(statement.detected.sign_matters);
    let reason = statement.detected.sign_reason.clone().unwrap().to_string();
    assert!(
        reason.contains("Credit card statement") && reason.contains("line 6"),
        "{reason}"
    );
    // The user can always say otherwise.
    let normal = read_with("card-issuer-sign.csv", &sign(Sign::Normal)).unwrap();
    assert_eq!(amounts(&normal), ["4.50", "-500.00", "25.99", "-25.99"]);
}

#[test]
fn chinese_card_statement_reads_consumption_as_money_out() {
    let statement = read("card-chinese-consumption.csv");
    assert_eq!(amounts(&statement), ["-128.50", "-300.00", "1000.00"]);
    assert_eq!(statement.detected.sign, Sign::Inverted);
}

#[test]
fn card_statement_that_shows_nothing_asks_for_the_sign() {
    let error = read_with("card-sign-unclear.csv", &Hints::default()).unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(error, ImportError::AmbiguousSign { line: 1, .. }),
        "{message}"
    );
    assert!(
        message.contains("Kreditkarte")
            && message.contains("--sign inverted")
            && message.contains("--sign normal"),
        "{message}"
    );
    let inverted = read_with("card-sign-unclear.csv", &sign(Sign::Inverted)).unwrap();
    assert_eq!(amounts(&inverted), ["-45.00", "12.00", "-30.00", "80.00"]);
    assert_eq!(inverted.rows[0].direction, Direction::Out);
    let normal = read_with("card-sign-unclear.csv", &sign(Sign::Normal)).unwrap();
    assert_eq!(amounts(&normal), ["45.00", "-12.00", "30.00", "-80.00"]);
}

#[test]
fn a_bank_account_is_read_as_always_and_refuses_sign_for_direction_columns() {
    // No card words: the sign is not a question.
    let statement = read("dates-colon.csv");
    assert_eq!(statement.detected.sign, Sign::Normal);
    assert!(!statement.detected.sign_matters);
    // A file whose direction is in its own column takes no --sign.
    let error = read_with("direction-neutral.csv", &sign(Sign::Inverted)).unwrap_err();
    assert!(error.to_string().contains("--sign"), "{error}");
}

#[test]
fn the_account_currency_column_is_used_of_several_amounts() {
    let statement = read("two-amount-columns.csv");
    assert_eq!(amounts(&statement), ["-4.50", "-9.20", "1742.10"]);
    assert_eq!(
        statement.detected.amount_column,
        "5 (Amount in account currency)"
    );
    assert_eq!(
        statement.detected.amount_columns,
        ["3 (Original amount)", "5 (Amount in account currency)"]
    );
    // Named by the user, by name (any case) or by number.
    for choice in ["original amount", "3"] {
        let hints = Hints {
            amount_column: Some(choice.into()),
            ..Hints::default()
        };
        let original = read_with("two-amount-columns.csv", &hints).unwrap();
        assert_eq!(amounts(&original), ["-4.50", "-10.00", "1500.00"]);
        assert_eq!(original.detected.amount_column, "3 (Original amount)");
    }
    let hints = Hints {
        amount_column: Some("Betrag".into()),
        ..Hints::default()
    };
    let message = read_with("two-amount-columns.csv", &hints)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("--amount-column 'Betrag'") && message.contains("Original amount"),
        "{message}"
    );
}

#[test]
fn a_preamble_that_looks_like_a_header_loses_to_the_line_rows_follow() {
    let statement = read("preamble-header-words.csv");
    assert_eq!(statement.detected.header_line, 6);
    assert!(statement.detected.header_matters);
    assert_eq!(amounts(&statement), ["-800.00", "1000.00"]);
    assert_eq!(statement.rows[1].description, "Client ACME");
    // The user's header line is honoured, and a line past the end is one clear line.
    let hints = |line| Hints {
        header_line: Some(line),
        ..Hints::default()
    };
    let named = read_with("preamble-header-words.csv", &hints(6)).unwrap();
    assert_eq!(amounts(&named), amounts(&statement));
    let message = read_with("preamble-header-words.csv", &hints(99))
        .unwrap_err()
        .to_string();
    assert!(message.contains("--header-line 99"), "{message}");
    // A transaction is never taken for the header (its money would be lost).
    let message = read_with("preamble-header-words.csv", &hints(7))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("--header-line 7") && message.contains("a transaction"),
        "{message}"
    );
    // An ordinary file has no header question.
    assert!(!read("dates-colon.csv").detected.header_matters);
}

#[test]
fn dates_with_any_separator() {
    assert_eq!(
        dates(&read("dates-colon.csv")),
        [ymd(2021, 3, 1), ymd(2021, 3, 2)]
    );
    let spaced = read("dates-space.csv");
    assert_eq!(dates(&spaced), [ymd(2021, 3, 1), ymd(2021, 3, 15)]);
    assert_eq!(spaced.detected.date_format, "%d %m %Y");
    let compact = read("dates-no-separator.csv");
    assert_eq!(dates(&compact), [ymd(2021, 3, 1), ymd(2021, 3, 15)]);
    assert_eq!(compact.detected.date_format, "%d%m%Y");
    let chinese = read("dates-chinese.csv");
    assert_eq!(dates(&chinese), [ymd(2021, 3, 1), ymd(2021, 3, 15)]);
    assert_eq!(amounts(&chinese), ["-800.00", "1000.00"]);
}

#[test]
fn yearless_dates_take_the_year_from_the_statement_period() {
    let statement = read("yearless-with-period.csv");
    assert_eq!(dates(&statement), [ymd(2020, 12, 16), ymd(2021, 1, 2)]);
    // --year still wins.
    let hints = Hints {
        year: Some(2019),
        ..Hints::default()
    };
    let given = read_with("yearless-with-period.csv", &hints).unwrap();
    assert_eq!(dates(&given), [ymd(2019, 12, 16), ymd(2019, 1, 2)]);
}

#[test]
fn a_date_format_hint_is_honoured_when_nothing_looked_like_a_date() {
    assert!(read_with("date-hint-only.csv", &Hints::default()).is_err());
    let hints = Hints {
        date_format: Some("%Y.%j".into()),
        ..Hints::default()
    };
    let statement = read_with("date-hint-only.csv", &hints).unwrap();
    assert_eq!(dates(&statement), [ymd(2021, 3, 1), ymd(2021, 3, 2)]);
    assert_eq!(amounts(&statement), ["-4.50", "10.00"]);
    assert_eq!(statement.detected.date_format, "%Y.%j");
}

#[test]
fn amount_cells_with_a_note_keep_the_note_in_the_text() {
    let statement = read("amount-with-note.csv");
    assert_eq!(amounts(&statement), ["131.77", "-3.90", "12.00"]);
    let texts: Vec<&str> = statement
        .rows
        .iter()
        .map(|r| r.description.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Shop refund | (refunded 89,84)", "Card | (CN)", "Fee | *"]
    );
}

#[test]
fn direction_cells_that_say_neither_way_are_neutral_rows() {
    let statement = read("direction-neutral.csv");
    let directions: Vec<Direction> = statement.rows.iter().map(|r| r.direction).collect();
    assert_eq!(
        directions,
        [
            Direction::In,
            Direction::Neutral,
            Direction::Out,
            Direction::Neutral,
            Direction::Neutral,
            Direction::Neutral,
        ]
    );
}

/// The sign, amount column and header line a user chose are remembered in the bank's
/// profile: the bank's next file reads the same way without being told.
#[test]
fn choices_are_remembered_in_the_bank_profile() {
    use owed::import;
    let mut store = crate::common::helpers::book();
    let first = "Kreditkarte Abrechnung;;;\nKonto;Währung;Saldo;Stand\n;;;\n\
                 Datum;Text;Betrag;Betrag Original\n01.03.2021;Tankstelle;45,00;45,00\n\
                 02.03.2021;Buchhandlung;-12,00;-12,00\n";
    let hints = Hints {
        sign: Some(Sign::Inverted),
        amount_column: Some("Betrag Original".into()),
        header_line: Some(4),
        ..Hints::default()
    };
    let plan = import::prepare(&store, "card.csv", first.as_bytes(), &hints, None).unwrap();
    assert_eq!(plan.detected.sign, Sign::Inverted);
    let decisions = import::default_decisions(&plan, 0.9);
    import::commit(&mut store, &plan, &decisions, |_, _| {}).unwrap();

    let next = "Kreditkarte Abrechnung;;;\nKonto;Währung;Saldo;Stand\n;;;\n\
                Datum;Text;Betrag;Betrag Original\n03.04.2021;Hotel;80,00;80,00\n\
                04.04.2021;Gutschrift;-20,00;-20,00\n";
    let plan = import::prepare(
        &store,
        "card-2.csv",
        next.as_bytes(),
        &Hints::default(),
        None,
    )
    .unwrap();
    assert_eq!(plan.profile.as_deref(), Some("card"));
    assert_eq!(
        (
            plan.detected.sign,
            plan.detected.amount_column.as_str(),
            plan.detected.header_line
        ),
        (Sign::Inverted, "4 (Betrag Original)", 4)
    );
    let signed: Vec<String> = plan
        .rows
        .iter()
        .map(|r| r.row.signed().to_string())
        .collect();
    assert_eq!(signed, ["-80.00", "20.00"]);
}

/// Totals are written to the book's decimals (`30.50`, not a spreadsheet's `30.5`), and
/// an amount with more decimals than the book's is kept exactly, never rounded.
#[test]
fn totals_are_written_to_the_books_decimals_and_never_rounded() {
    use owed::import;
    let store = crate::common::helpers::book();
    let file = "Date,Text,Amount\n2021-03-01,A,10.5\n2021-03-02,B,20\n2021-03-03,C,-1.255\n";
    let plan = import::prepare(&store, "t.csv", file.as_bytes(), &Hints::default(), None).unwrap();
    let summary = plan.summary(&import::default_decisions(&plan, 0.9), None);
    assert_eq!(summary.money_in.total, "30.50");
    assert_eq!(summary.money_out.total, "1.255");
}
