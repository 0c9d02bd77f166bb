//! Names in every script a customer or a company may write, printed on a statement and a
//! letter and read back with `pdftotext`: each comes back exactly, letter for letter
//! (the CJK face alone printed "Łódź Żółć" as "ód ó" and "Ştefan" as "tefan").
//! Needs `pdftotext` (poppler-utils) and `qpdf`; skipped with a note without them.

use crate::common::{helpers, printed};

use helpers::{book, d, invoice, m};
use owed::domain::customer::CustomerDraft;
use owed::domain::letters::Level;
use owed::domain::printed::{Period, StatementKind};
use owed::domain::terms::{Plan, Terms};
use owed::report::letters::{self, LetterRequest};
use owed::report::statement::{self, Request, Selection};
use printed::{cells, qpdf_ok, text_of, tools_present};

/// (script, name), Romanian both with comma below and with the older cedilla.
const NAMES: [(&str, &str); 11] = [
    ("Polish", "Łódź Żółć sp. z o.o."),
    ("Czech", "Čeněk Řehoř"),
    ("Romanian, comma below", "Ștefan Țuțea"),
    ("Romanian, cedilla", "Ştefan Ţuţea"),
    ("Turkish", "İstanbul Ağır Şirketi ığ"),
    ("Vietnamese", "Nguyễn Văn Đức"),
    ("Nordic", "Åse Ødegård"),
    ("Icelandic and Danish", "Þór Æbelø"),
    ("Cyrillic", "Дмитрий Шостакович"),
    ("Greek", "Ευάγγελος Παπαδόπουλος"),
    ("Chinese", "张伟贸易有限公司"),
];

/// Both faces on one line.
const MIXED: &str = "张伟 Łódź";

#[test]
fn names_in_every_script_print_intact_on_statements_and_letters() {
    if !tools_present("names_in_every_script_print_intact", &["pdftotext", "qpdf"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (n, (script, name)) in NAMES.iter().enumerate() {
        let mut store = book();
        store.set_company(name).unwrap();
        store
            .add_customer(&CustomerDraft {
                code: "C1".into(),
                name: name.to_string(),
                contact: Some(name.to_string()),
                address: Some(format!("{name}\n{MIXED}")),
                ..Default::default()
            })
            .unwrap();
        let amount = m(&store, "1234.50");
        let net30: Terms = "net 30".parse().unwrap();
        store
            .post_debit(&invoice(
                "C1",
                "INV-1",
                "2026-08-01",
                amount,
                net30,
                Plan::Single,
            ))
            .unwrap();
        let out = dir.path().join(n.to_string());
        std::fs::create_dir_all(&out).unwrap();
        let summary = statement::batch(
            &mut store,
            &Request {
                period: Period::parse("2026-10").unwrap(),
                kind: StatementKind::OpenItem,
                customers: Selection::All,
                locale: None,
                archive: false,
                email: false,
            },
            &out,
            |_, _| {},
        )
        .unwrap();
        let letter = letters::issue_letter(
            &mut store,
            &LetterRequest {
                customer: "C1".into(),
                level: Level::Reminder,
                date: d("2026-10-31"),
                deadline: None,
                locale: None,
                email: false,
            },
            &out,
            false,
        )
        .unwrap();
        let (_, statement) = &summary.written[0];
        for pdf in [statement, &letter.path] {
            qpdf_ok(pdf);
            let text = text_of(pdf);
            let cells = cells(&text);
            let exact = cells.iter().filter(|c| c.as_str() == *name).count();
            // The letterhead, the name and the first address line in the window; a
            // letter's closing signs with the company's name too.
            assert!(
                exact >= 3,
                "{script}: {name} {exact} times whole in {}:\n{text}",
                pdf.display()
            );
            assert!(
                cells.iter().any(|c| c == MIXED),
                "{script}: {MIXED} in {}:\n{text}",
                pdf.display()
            );
            assert!(!text.contains('\u{FFFD}'), "{script}: a replacement mark");
        }
    }
}
