//! The company's logo on paper: a JPEG is embedded as it is (`/DCTDecode`, read by
//! `pdfimages -list` as a `jpeg` image) in grey, RGB and CMYK, as a PNG is decoded, and
//! the files pass `qpdf --check`. A JPEG logo used to be left out without a word.
//! Needs `pdftotext`, `pdfimages` (poppler-utils) and `qpdf`; skipped with a note
//! without them.

use std::process::Command;

use crate::common::{helpers, printed};

use helpers::{book, invoice, m};
use owed::domain::printed::{Period, StatementKind};
use owed::domain::terms::{Plan, Terms};
use owed::report::statement::{self, Request, Selection};
use printed::{add, qpdf_ok, tools_present};

/// (file, what `pdfimages -list` says of it: encoding, colour, components).
const LOGOS: [(&str, [&str; 3]); 4] = [
    ("rgb.jpg", ["jpeg", "rgb", "3"]),
    ("gray.jpg", ["jpeg", "gray", "1"]),
    ("cmyk.jpg", ["jpeg", "cmyk", "4"]),
    ("", ["image", "rgb", "3"]),
];

#[test]
fn jpeg_logos_print_as_they_are_and_png_logos_still_print() {
    if !tools_present("jpeg_logos_print", &["pdfimages", "qpdf"]) {
        return;
    }
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logo");
    let dir = tempfile::tempdir().unwrap();
    for (n, (file, [encoding, colour, components])) in LOGOS.iter().enumerate() {
        let logo = if file.is_empty() {
            owed::domain::company::sample_png(120, 40)
        } else {
            std::fs::read(fixtures.join(file)).unwrap()
        };
        let mut store = book();
        let mut profile = store.company_profile().unwrap();
        profile.logo = Some(logo.clone());
        store.set_company_profile(&profile).unwrap();
        add(&mut store, "C1", "Logo Customer", None, None);
        let amount = m(&store, "10.00");
        let net30: Terms = "net 30".parse().unwrap();
        store
            .post_debit(&invoice(
                "C1",
                "INV-1",
                "2026-09-01",
                amount,
                net30,
                Plan::Single,
            ))
            .unwrap();
        let out = dir.path().join(n.to_string());
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
        let pdf = &summary.written[0].1;
        qpdf_ok(pdf);
        let list = Command::new("pdfimages")
            .args(["-list", pdf.to_str().unwrap()])
            .output()
            .unwrap();
        let list = String::from_utf8(list.stdout).unwrap();
        // page num type width height color comp bpc enc ...
        let images: Vec<Vec<&str>> = list
            .lines()
            .skip(2)
            .map(|l| l.split_whitespace().collect())
            .collect();
        assert_eq!(images.len(), 1, "{file}: {list}");
        let image = &images[0];
        assert_eq!(
            [image[3], image[4], image[5], image[6], image[8]],
            [
                if file.is_empty() { "120" } else { "48" },
                if file.is_empty() { "40" } else { "24" },
                colour,
                components,
                encoding
            ],
            "{file}: {list}"
        );
        if !file.is_empty() {
            // The file's own bytes, not a decoded copy.
            let bytes = std::fs::read(pdf).unwrap();
            assert!(
                bytes.windows(logo.len()).any(|w| w == logo.as_slice()),
                "{file}"
            );
        }
    }
}
