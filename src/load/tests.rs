use std::path::PathBuf;

use chrono::NaiveDate;

use super::parse::normalize;
use super::*;
use crate::domain::customer::Tier;
use crate::domain::terms::Terms;
use crate::store::{AgingInput, BookSettings};

fn d(text: &str) -> NaiveDate {
    crate::domain::parse_date(text).unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn book() -> Store {
    Store::open_in_memory(&BookSettings::default()).unwrap()
}

const CUSTOMERS: &str = "\u{feff}Code,Name,Contact,E-mail,Terms,Credit Limit,Tier,On Hold\n\
    C001,深圳市华星贸易有限公司,王伟,wang@example.cn,net 45,\"10,000.00\",a,yes\n\
    C002,Acme Ltd,,,,,,\n\
    \n\
    C003,\"Bolt, Nut & Co\",Ann,,eom 10,500,C,0\n";

/// C001 of [`CUSTOMERS`] is on hold: loading invoices for it takes an override.
const HELD: &str = "opening balances of a customer on hold";

fn with_customers(dir: &tempfile::TempDir) -> Store {
    let mut store = book();
    let path = write(dir, "customers.csv", CUSTOMERS);
    load_csv(&mut store, &path, LoadKind::Customers).unwrap();
    store
}

/// Open amount of each invoice as of a far date, by number.
fn open_amounts(store: &Store) -> Vec<(String, String)> {
    let mut out = Vec::new();
    store
        .open_items_as_of(d("2099-12-31"), AgingInput::Full, true, |row| {
            out.push((row.number, store.currency().plain(row.open)))
        })
        .unwrap();
    out.sort();
    out
}

#[test]
fn loads_customers_with_bom_and_any_script() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book();
    let path = write(&dir, "customers.csv", CUSTOMERS);
    let summary = load_csv(&mut store, &path, LoadKind::Customers).unwrap();
    assert_eq!(
        summary,
        LoadSummary {
            added: 3,
            already_present: 0
        }
    );
    let c1 = store.customer("C001").unwrap();
    assert_eq!(c1.name, "深圳市华星贸易有限公司");
    assert_eq!(c1.terms, Terms::Net(45));
    assert_eq!(
        c1.credit_limit,
        Some(store.currency().parse("10000").unwrap())
    );
    assert_eq!(c1.tier, Some(Tier::A));
    assert!(c1.on_hold);
    let c2 = store.customer("C002").unwrap();
    assert_eq!(
        (c2.terms, c2.credit_limit, c2.on_hold, c2.email),
        (Terms::Net(30), None, false, None)
    );
    assert_eq!(store.customer("C003").unwrap().name, "Bolt, Nut & Co");
}

#[test]
fn loading_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = with_customers(&dir);
    let path = dir.path().join("customers.csv");
    let again = load_csv(&mut store, &path, LoadKind::Customers).unwrap();
    assert_eq!(
        again,
        LoadSummary {
            added: 0,
            already_present: 3
        }
    );
    let invoices = write(
        &dir,
        "inv.csv",
        "customer,number,date,amount\nC002,INV-1,2026-01-05,100\n",
    );
    assert_eq!(
        load_csv(&mut store, &invoices, LoadKind::Invoices)
            .unwrap()
            .added,
        1
    );
    let again = load_csv(&mut store, &invoices, LoadKind::Invoices).unwrap();
    assert_eq!(
        again,
        LoadSummary {
            added: 0,
            already_present: 1
        }
    );
    assert_eq!(store.counts().unwrap(), (3, 1));
}

#[test]
fn semicolon_file_with_open_column_posts_what_was_paid() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = with_customers(&dir);
    // Decimal commas are read in a book whose locale writes them (and Owed's own plain
    // `300.00` beside them); in a decimal-point book the same file is refused below.
    store.set_setting("locale", "de-DE").unwrap();
    let path = write(
        &dir,
        "open.csv",
        "Customer Code;Invoice Number;Invoice Date;Amount;Due Date;Memo;Open Amount\n\
         C001;INV-1001;2026-01-10;1.200,00;2026-02-28;first;450,50\n\
         C001;INV-1002;2026-02-10;300.00;;;300\n\
         C002;INV-1003;2026-03-01;80;;;\n",
    );
    let summary = load_csv_overriding(&mut store, &path, LoadKind::Invoices, Some(HELD)).unwrap();
    assert_eq!(
        summary,
        LoadSummary {
            added: 3,
            already_present: 0
        }
    );
    let expected: Vec<(String, String)> = [
        ("INV-1001", "450.50"),
        ("INV-1002", "300.00"),
        ("INV-1003", "80.00"),
    ]
    .iter()
    .map(|(n, a)| (n.to_string(), a.to_string()))
    .collect();
    assert_eq!(open_amounts(&store), expected);
    let paid = store.document("OPEN-INV-1001").unwrap();
    assert_eq!(
        (paid.date, store.currency().plain(paid.amount)),
        (d("2026-01-10"), "749.50".to_string())
    );
    assert!(store.document("OPEN-INV-1002").is_err());
    assert!(store.check(d("2026-12-31")).unwrap().is_empty());
    // Loading again changes nothing, even though the open amounts are not compared.
    assert_eq!(
        load_csv_overriding(&mut store, &path, LoadKind::Invoices, Some(HELD))
            .unwrap()
            .already_present,
        3
    );
    assert_eq!(open_amounts(&store), expected);
    // The same sheet in a decimal-point book: `1.200,00` is refused, nothing loaded.
    let mut point = with_customers(&dir);
    let refused = load_csv(&mut point, &path, LoadKind::Invoices)
        .unwrap_err()
        .to_string();
    assert!(refused.contains("'1.200,00'"), "{refused}");
    assert_eq!(point.counts().unwrap().1, 0);
}

#[test]
fn payments_apply_explicitly_or_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = with_customers(&dir);
    let invoices = write(
        &dir,
        "inv.csv",
        "customer,number,date,amount\nC002,INV-1,2026-01-05,100\nC002,INV-2,2026-01-06,200\nC002,INV-3,2026-01-07,300\n",
    );
    load_csv(&mut store, &invoices, LoadKind::Invoices).unwrap();
    let payments = write(
        &dir,
        "pay.csv",
        "customer,payment,date,amount,ref,apply\n\
         C002,PAY-1,2026-02-01,250,chq 17,INV-3:150.00;INV-2\n\
         C002,PAY-2,2026-02-02,60,,\n",
    );
    assert_eq!(
        load_csv(&mut store, &payments, LoadKind::Payments)
            .unwrap()
            .added,
        2
    );
    let expected: Vec<(String, String)> =
        [("INV-1", "40.00"), ("INV-2", "100.00"), ("INV-3", "150.00")]
            .iter()
            .map(|(n, a)| (n.to_string(), a.to_string()))
            .collect();
    assert_eq!(open_amounts(&store), expected);
    assert_eq!(
        store.document("PAY-1").unwrap().reference.as_deref(),
        Some("chq 17")
    );
    assert_eq!(
        load_csv(&mut store, &payments, LoadKind::Payments)
            .unwrap()
            .already_present,
        2
    );
}

#[test]
fn a_bad_row_aborts_the_whole_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = with_customers(&dir);
    let before = store.counts().unwrap();
    let path = write(
        &dir,
        "bad-amount.csv",
        "customer,number,date,amount\nC001,INV-1,2026-01-05,100\nC002,INV-2,2026-01-05,200\nC002,INV-3,2026-01-05,12.345\n",
    );
    let message = load_csv_overriding(&mut store, &path, LoadKind::Invoices, Some(HELD))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("bad-amount.csv")
            && message.contains("line 4")
            && message.contains("amount"),
        "{message}"
    );
    assert_eq!(store.counts().unwrap(), before);

    // Found only while posting (the customer is unknown): still nothing written.
    let path = write(
        &dir,
        "unknown.csv",
        "customer,number,date,amount\nC001,INV-1,2026-01-05,100\nC999,INV-2,2026-01-05,200\n",
    );
    let message = load_csv_overriding(&mut store, &path, LoadKind::Invoices, Some(HELD))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("unknown.csv: line 3, column 'customer'") && message.contains("C999"),
        "{message}"
    );
    assert_eq!(store.counts().unwrap(), before);

    for (text, needle) in [
        (
            "customer,number,date,amount\nC001,INV-1,2026-02-30,100\n",
            "line 2, column 'date'",
        ),
        (
            "customer,number,date,amount,terms\nC001,INV-1,2026-02-01,100,net thirty\n",
            "column 'terms'",
        ),
        (
            "customer,number,date,amount\nC001,,2026-02-01,100\n",
            "column 'number': is empty",
        ),
        (
            "customer,number,date,amount,open\nC001,INV-1,2026-02-01,100,150\n",
            "column 'open'",
        ),
        (
            "customer,number,date,amount\nC001,INV-1,2026-02-01,100,oops\n",
            "no header",
        ),
    ] {
        let path = write(&dir, "rows.csv", text);
        let message = load_csv_overriding(&mut store, &path, LoadKind::Invoices, Some(HELD))
            .unwrap_err()
            .to_string();
        assert!(message.contains(needle), "{message}");
    }
    assert_eq!(store.counts().unwrap(), before);
}

#[test]
fn columns_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book();
    let path = write(&dir, "typo.csv", "code,name,credit_limt\nC1,One,5\n");
    let message = load_csv(&mut store, &path, LoadKind::Customers)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("typo.csv: line 1: unknown column 'credit_limt'")
            && message.contains("credit_limit"),
        "{message}"
    );
    let path = write(&dir, "missing.csv", "code,contact\nC1,Ann\n");
    let message = load_csv(&mut store, &path, LoadKind::Customers)
        .unwrap_err()
        .to_string();
    assert!(message.contains("'name' is missing"), "{message}");
    let path = write(&dir, "empty.csv", "");
    assert!(matches!(
        load_csv(&mut store, &path, LoadKind::Customers),
        Err(LoadError::Empty { .. })
    ));
    assert!(matches!(
        load_csv(
            &mut store,
            &dir.path().join("nope.csv"),
            LoadKind::Customers
        ),
        Err(LoadError::Io { .. })
    ));
    assert_eq!(store.counts().unwrap(), (0, 0));
}

#[test]
fn a_record_that_disagrees_with_the_book_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = with_customers(&dir);
    let path = write(
        &dir,
        "renamed.csv",
        "code,name\nC003,New Name\nC004,Fresh\n",
    );
    let message = load_csv(&mut store, &path, LoadKind::Customers)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("renamed.csv: line 2, column 'name'")
            && message.contains("Bolt, Nut & Co"),
        "{message}"
    );
    assert!(store.find_customer("C004").unwrap().is_none());

    let invoices = write(
        &dir,
        "inv.csv",
        "customer,number,date,amount\nC002,INV-1,2026-01-05,100\n",
    );
    load_csv(&mut store, &invoices, LoadKind::Invoices).unwrap();
    let changed = write(
        &dir,
        "inv2.csv",
        "customer,number,date,amount\nC002,INV-1,2026-01-05,101\n",
    );
    let message = load_csv(&mut store, &changed, LoadKind::Invoices)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("line 2, column 'amount'") && message.contains("100.00"),
        "{message}"
    );
    let as_payment = write(
        &dir,
        "pay.csv",
        "customer,number,date,amount\nC002,INV-1,2026-01-05,100\n",
    );
    let message = load_csv(&mut store, &as_payment, LoadKind::Payments)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("already in the book as a document of kind invoice"),
        "{message}"
    );
}

#[test]
fn kinds_parse() {
    assert_eq!(
        "Customers".parse::<LoadKind>().unwrap(),
        LoadKind::Customers
    );
    assert_eq!("invoice".parse::<LoadKind>().unwrap(), LoadKind::Invoices);
    assert!("bills".parse::<LoadKind>().is_err());
}

#[test]
fn headers_normalize() {
    assert_eq!(normalize(" Credit Limit "), "credit_limit");
    assert_eq!(normalize("credit-limit"), "credit_limit");
    assert_eq!(normalize("Invoice #"), "invoice");
}

#[test]
fn amounts_follow_the_books_number_format() {
    let dir = tempfile::tempdir().unwrap();
    let limits = |store: &mut Store, name: &str, limit: &str| {
        let text = format!("code,name,credit_limit\nC{name},{name},\"{limit}\"\n");
        let path = write(&dir, &format!("{name}.csv"), &text);
        load_csv(store, &path, LoadKind::Customers)
            .map(|_| {
                store.currency().plain(
                    store
                        .customer(&format!("C{name}"))
                        .unwrap()
                        .credit_limit
                        .unwrap(),
                )
            })
            .map_err(|e| e.to_string())
    };
    // A decimal-point book: a comma only groups thousands, as on the command line.
    let mut en = book();
    assert_eq!(limits(&mut en, "1", "1,234.50").unwrap(), "1234.50");
    assert_eq!(limits(&mut en, "2", "1,000").unwrap(), "1000.00");
    let refused = limits(&mut en, "3", "12,50").unwrap_err();
    assert!(
        refused.contains("3.csv")
            && refused.contains("credit_limit")
            && refused.contains("'12,50'"),
        "{refused}"
    );
    assert!(limits(&mut en, "4", "1,2,3").is_err());
    assert!(limits(&mut en, "5", "1.234,5").is_err());
    // A decimal-comma book reads its own way, and Owed's own plain export.
    let mut de = book();
    de.set_setting("locale", "de-DE").unwrap();
    assert_eq!(limits(&mut de, "6", "12,50").unwrap(), "12.50");
    assert_eq!(limits(&mut de, "7", "1.234,5").unwrap(), "1234.50");
    assert_eq!(limits(&mut de, "8", "1234.50").unwrap(), "1234.50");
    assert!(limits(&mut de, "9", "12,3456").is_err());
}

#[test]
fn hidden_characters_are_refused_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book();
    let path = write(
        &dir,
        "customers.csv",
        "code,name,address\nC1,Fine Ltd,\"1 Main St\nSpringfield\"\nC2,Bad\u{7}Name,\n",
    );
    let error = load_csv(&mut store, &path, LoadKind::Customers)
        .unwrap_err()
        .to_string();
    assert!(error.contains("line 4"), "{error}");
    assert!(error.contains("name"), "{error}");
    assert!(error.contains("control character (U+0007)"), "{error}");
    assert!(store.customers().unwrap().is_empty(), "nothing was loaded");

    // The quote `owed export` puts before a formula is taken off; a memo must still
    // pass the text rules once it is.
    let mut store = with_customers(&dir);
    let path = write(
        &dir,
        "invoices.csv",
        "customer,number,date,amount,memo\nC001,INV-1,2026-10-01,10.00,'=SUM(A1)\nC001,INV-2,2026-10-01,10.00,\"a\u{202E}b\"\n",
    );
    let error = load_csv_overriding(&mut store, &path, LoadKind::Invoices, Some(HELD))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("line 3") && error.contains("U+202E"),
        "{error}"
    );
    let path = write(
        &dir,
        "invoices.csv",
        "customer,number,date,amount,memo\nC001,INV-1,2026-10-01,10.00,'=SUM(A1)\n",
    );
    load_csv_overriding(&mut store, &path, LoadKind::Invoices, Some(HELD)).unwrap();
    assert_eq!(
        store.document("INV-1").unwrap().memo.as_deref(),
        Some("=SUM(A1)")
    );
}

#[test]
fn customers_load_with_their_billing_addresses_and_how_they_want_their_documents() {
    use crate::domain::email::SendBy;
    let dir = tempfile::tempdir().unwrap();
    let mut store = book();
    let path = write(
        &dir,
        "billing.csv",
        "code,name,email,send_by\nB1,One,\"ap@one.example, boss@one.example\",both\nB2,Two,,\nB3,Three,ap@three.example,Post\n",
    );
    load_csv(&mut store, &path, LoadKind::Customers).unwrap();
    let one = store.customer("B1").unwrap();
    assert_eq!(one.send_by, SendBy::Both);
    assert_eq!(one.addresses(), ["ap@one.example", "boss@one.example"]);
    assert_eq!(store.customer("B2").unwrap().send_by, SendBy::Email);
    assert_eq!(store.customer("B3").unwrap().send_by, SendBy::Post);
    let bad = write(&dir, "bad.csv", "code,name,send_by\nB4,Four,fax\n");
    let error = load_csv(&mut store, &bad, LoadKind::Customers).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("column 'send_by': 'fax' is not email, post or both"),
        "{error}"
    );
    assert!(store.customer("B4").is_err(), "nothing loaded");
}
