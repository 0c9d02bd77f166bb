//! A statement run longer than one part of the combined file (it is written part by
//! part, each part with its own font subset, so memory does not grow with the run): the
//! combined file passes `qpdf --check` and reads as every customer's own file one after
//! the other, each archived entry is its file's bytes, and a second run gives the same
//! bytes. Needs `pdftotext` and `qpdf`, as the other statement tests.

use std::fs;

use crate::common::{helpers, printed};

use helpers::{book, invoice, m};
use owed::domain::printed::{Period, StatementKind};
use owed::domain::terms::{Plan, Terms};
use owed::report::statement::{self, Request, Selection};
use owed::store::sha256_hex;
use printed::{add, qpdf_ok, text_of};

/// Two parts: one of 100 statements, and one of a single statement.
const CUSTOMERS: usize = 101;

fn request(archive: bool) -> Request {
    Request {
        period: Period::parse("2026-10").unwrap(),
        kind: StatementKind::OpenItem,
        customers: Selection::All,
        locale: None,
        archive,
        email: false,
    }
}

#[test]
fn a_long_run_writes_the_combined_file_part_by_part_as_each_file_reads() {
    let mut store = book();
    for i in 0..CUSTOMERS {
        let code = format!("C{i:03}");
        // Names in other scripts in some parts only, so the parts' fonts differ.
        let name = match i {
            7 => "深圳市华星贸易有限公司".to_string(),
            100 => "ООО «Ромашка»".to_string(),
            _ => format!("Customer {i}"),
        };
        add(
            &mut store,
            &code,
            &name,
            None,
            Some("1 Main Street\nSpringfield"),
        );
        // One customer with enough invoices to run over a page.
        let invoices = if i == 50 { 45 } else { 1 };
        for n in 0..invoices {
            let amount = m(&store, &format!("{}.{:02}", 100 + i, n));
            store
                .post_debit(&invoice(
                    &code,
                    &format!("INV-{i}-{n}"),
                    "2026-09-15",
                    amount,
                    "net 30".parse::<Terms>().unwrap(),
                    Plan::Single,
                ))
                .unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let summary = statement::batch(&mut store, &request(true), dir.path(), |_, _| {}).unwrap();
    assert_eq!(summary.written.len(), CUSTOMERS);
    assert_eq!(summary.archived.len(), CUSTOMERS);

    let combined = summary.combined.clone().unwrap();
    qpdf_ok(&combined);
    let each: String = summary
        .written
        .iter()
        .map(|(_, path)| text_of(path))
        .collect();
    let all = text_of(&combined);
    assert_eq!(
        all, each,
        "the combined file is the customers' files in order"
    );
    assert!(all.contains("深圳市华星贸易有限公司") && all.contains("ООО «Ромашка»"));
    assert!(all.contains("Page 2 of 2"), "C050 runs over a page");
    assert_eq!(all.matches('\u{c}').count(), CUSTOMERS + 1);

    // The archive holds each file's bytes.
    let issued = store.issued(None).unwrap();
    assert_eq!(issued.len(), CUSTOMERS);
    for (code, path) in &summary.written {
        let bytes = fs::read(path).unwrap();
        let entry = issued.iter().find(|i| &i.customer == code).unwrap();
        assert_eq!(entry.sha256, sha256_hex(&bytes), "{code}");
        assert_eq!(entry.size, bytes.len(), "{code}");
    }

    // The same run again gives the same bytes, the combined file's ID included.
    let again = tempfile::tempdir().unwrap();
    let preview = statement::batch(&mut store, &request(false), again.path(), |_, _| {}).unwrap();
    assert!(preview.archived.is_empty());
    assert_eq!(
        fs::read(preview.combined.unwrap()).unwrap(),
        fs::read(&combined).unwrap()
    );
}
