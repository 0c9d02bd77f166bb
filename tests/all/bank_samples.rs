//! The bar for bank import: twenty real exports in `../shared/bank-samples/` are read with
//! no hints (but `year` where a file has none) and must give exactly the manifest's count
//! of movements and the sums of money in and money out, and the truth file's number of
//! rows each way. Neutral rows (Alipay 不计收支) and rows in another currency than the
//! file's main one (PayPal's USD) are left out of the sums, as the samples' README says.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use owed::import::{BankRow, Direction, Hints, Statement, read_statement};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bank-samples")
}

/// Whether `../shared/bank-samples/` is beside this checkout (CI has it; a plain clone
/// does not). When it is absent the test prints why and passes without checking.
fn samples_here(test: &str) -> bool {
    let here = samples().join("MANIFEST.tsv").is_file();
    if !here {
        eprintln!(
            "note: {test} skipped: {} is absent (it sits beside the checkout in CI)",
            samples().display()
        );
    }
    here
}

/// One line of MANIFEST.tsv, the columns this test uses.
struct Expected {
    date_format: String,
    n: usize,
    sum_in: Decimal,
    sum_out: Decimal,
}

fn manifest(file: &str) -> Expected {
    let path = samples().join("MANIFEST.tsv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_path(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        if &record[at("file")] == file {
            let dec = |name: &str| Decimal::from_str(&record[at(name)]).unwrap();
            return Expected {
                date_format: record[at("date_format")].to_string(),
                n: record[at("n_transactions")].parse().unwrap(),
                sum_in: dec("sum_in"),
                sum_out: dec("sum_out"),
            };
        }
    }
    panic!("{file} is not in MANIFEST.tsv")
}

/// One movement of the truth file: date (or `Pending`), signed amount, flag.
struct Truth {
    date: String,
    amount: Decimal,
    flag: String,
}

fn truth(file: &str) -> Vec<Truth> {
    let path = samples().join("truth").join(format!("{file}.truth.tsv"));
    let text = fs::read_to_string(&path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let mut cells = line.split('\t');
            let mut next = || cells.next().unwrap_or_default().to_string();
            Truth {
                date: next(),
                amount: Decimal::from_str(&next()).unwrap(),
                flag: next(),
            }
        })
        .collect()
}

/// The row as the truth file writes it.
fn show(row: &BankRow) -> String {
    let date = row.date.map_or("Pending".to_string(), |d| d.to_string());
    format!("{date} {} ({:?})", row.signed().normalize(), row.direction)
}

fn check(file: &str) {
    if !samples_here(file) {
        return;
    }
    let expected = manifest(file);
    let bytes = fs::read(samples().join("csv").join(file)).unwrap();
    let has_year = expected.date_format.contains("%Y") || expected.date_format.contains("%y");
    let hints = Hints {
        year: (!has_year).then_some(2020),
        ..Hints::default()
    };
    let statement = match read_statement(file, &bytes, &hints) {
        Ok(statement) => statement,
        Err(error) => panic!("{file}: {error}"),
    };
    let truth = truth(file);
    let counted =
        |row: &&BankRow, way: Direction| row.direction == way && !statement.is_foreign(row);
    let sum = |way: Direction| -> (usize, Decimal) {
        let rows: Vec<&BankRow> = statement.rows.iter().filter(|r| counted(r, way)).collect();
        (rows.len(), rows.iter().map(|r| r.amount).sum())
    };
    let truth_count = |positive: bool| {
        truth
            .iter()
            .filter(|t| t.flag.is_empty() || t.flag == "pending")
            .filter(|t| (t.amount > Decimal::ZERO) == positive)
            .count()
    };
    let (n_in, sum_in) = sum(Direction::In);
    let (n_out, sum_out) = sum(Direction::Out);
    let report = || diff(&statement, &truth);
    assert_eq!(
        statement.rows.len(),
        expected.n,
        "{file}: rows\n{}",
        report()
    );
    assert_eq!(
        (n_in, sum_in),
        (truth_count(true), expected.sum_in),
        "{file}: money in\n{}",
        report()
    );
    assert_eq!(
        (n_out, sum_out),
        (truth_count(false), expected.sum_out),
        "{file}: money out\n{}",
        report()
    );
    through_the_book(file, &bytes, &hints, &statement, &expected);
}

/// The same file through `owed import --dry-run`'s path, on an empty book in the file's
/// currency: the summary's money in and out are the manifest's.
fn through_the_book(
    file: &str,
    bytes: &[u8],
    hints: &Hints,
    statement: &Statement,
    expected: &Expected,
) {
    let code = statement
        .detected
        .currency
        .clone()
        .unwrap_or_else(|| "USD".into());
    let settings = owed::store::BookSettings {
        company: "Samples".into(),
        currency: owed::domain::Currency::new(&code, 2).unwrap(),
    };
    let store = owed::store::Store::open_in_memory(&settings).unwrap();
    let plan = owed::import::prepare(&store, file, bytes, hints, None)
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    let summary = plan.summary(&owed::import::default_decisions(&plan, 0.9), None);
    let dec = |t: &str| Decimal::from_str(t).unwrap();
    assert_eq!(
        (summary.money_in.count, dec(&summary.money_in.total)),
        (
            statement
                .rows
                .iter()
                .filter(|r| r.direction == Direction::In && !statement.is_foreign(r))
                .count(),
            expected.sum_in
        ),
        "{file}: summary money in"
    );
    assert_eq!(
        dec(&summary.money_out.total),
        expected.sum_out,
        "{file}: summary money out"
    );
    assert_eq!(summary.detected.header_line, statement.detected.header_line);
}

/// Side by side: what was read and what the truth file says, for debugging.
fn diff(statement: &Statement, truth: &[Truth]) -> String {
    let mut out = format!("{:?}\n", statement.detected);
    for i in 0..statement.rows.len().max(truth.len()) {
        let ours = statement.rows.get(i).map(show).unwrap_or_default();
        let theirs = truth
            .get(i)
            .map(|t| format!("{} {} {}", t.date, t.amount, t.flag))
            .unwrap_or_default();
        let line = statement.rows.get(i).map_or(0, |r| r.line);
        out.push_str(&format!("line {line:3}: {ours:40} | {theirs}\n"));
    }
    for skipped in &statement.skipped {
        out.push_str(&format!(
            "skipped line {}: {} — {}\n",
            skipped.line, skipped.reason, skipped.text
        ));
    }
    out
}

const FILES: &[&str] = &[
    "alipay-cn-gbk-preamble.csv",
    "comdirect-de-html-entities.csv",
    "easybank-at-headerless-plus.csv",
    "icbc-cn-debit-padded-footer.csv",
    "johnlewis-uk-card-bom-pending-gbp.csv",
    "paypal-uk-business-cp1252.csv",
    "revolut-2018-spaced-semicolon.csv",
    "sensebank-ua-cp1251-sections.csv",
    "swedbank-lt-dk-balance-rows.csv",
    "vegbox-uk-cr-only-latin1-pound.csv",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Damaged exports (bytes changed, added, removed) are read or refused, never a panic.
    #[test]
    fn never_panics_on_mutated_samples(
        file in 0..FILES.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..20),
    ) {
        if !samples_here("never_panics_on_mutated_samples") {
            return Ok(());
        }
        let mut data = fs::read(samples().join("csv").join(FILES[file])).unwrap();
        crate::common::quirks::mutate(&mut data, edits);
        let _ = read_statement(FILES[file], &data, &Hints::default());
    }
}

macro_rules! samples {
    ($($name:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $name() {
                check($file);
            }
        )*
    };
}

samples! {
    alipay_cn_gbk_preamble => "alipay-cn-gbk-preamble.csv",
    bnz_nz_particulars_code_ref => "bnz-nz-particulars-code-ref.csv",
    budapestbank_hu_sections => "budapestbank-hu-sections.csv",
    comdirect_de_html_entities => "comdirect-de-html-entities.csv",
    easybank_at_headerless_plus => "easybank-at-headerless-plus.csv",
    fidelity_us_cma_blank_preamble_footer => "fidelity-us-cma-blank-preamble-footer.csv",
    healthequity_us_parentheses => "healthequity-us-parentheses.csv",
    ica_se_bom_kr_suffix => "ica-se-bom-kr-suffix.csv",
    icbc_cn_debit_padded_footer => "icbc-cn-debit-padded-footer.csv",
    ing_de_latin1_preamble_saldo => "ing-de-latin1-preamble-saldo.csv",
    johnlewis_uk_card_bom_pending_gbp => "johnlewis-uk-card-bom-pending-gbp.csv",
    knab_nl_semicolon_dc => "knab-nl-semicolon-dc.csv",
    paypal_uk_business_cp1252 => "paypal-uk-business-cp1252.csv",
    revolut_2018_spaced_semicolon => "revolut-2018-spaced-semicolon.csv",
    sensebank_ua_cp1251_sections => "sensebank-ua-cp1251-sections.csv",
    stgeorge_au_closing_balance_row => "stgeorge-au-closing-balance-row.csv",
    swedbank_lt_dk_balance_rows => "swedbank-lt-dk-balance-rows.csv",
    ubs_ch_apostrophe_thousands => "ubs-ch-apostrophe-thousands.csv",
    vegbox_uk_cr_only_latin1_pound => "vegbox-uk-cr-only-latin1-pound.csv",
    venmo_us_signed_dollar => "venmo-us-signed-dollar.csv",
}
