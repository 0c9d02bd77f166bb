//! How a letter breaks over pages, read back page by page with `pdftotext`: for every
//! place the page end can fall, no paragraph leaves a single line alone at the foot of
//! a page or the top of the next, and the closing and signature are on the page of the
//! last paragraph's last line (a long letter used to leave "Yours faithfully" alone on
//! page two). Needs `pdftotext`; skipped with a note without it.

use std::process::Command;

use chrono::NaiveDate;
use owed::domain::Currency;
use owed::domain::company::{CompanyProfile, Locale};
use owed::domain::letters::Level;
use owed::domain::printed::{Addressee, Letter, LetterBlock};

use crate::common::printed::tools_present;

const CLOSING: &str = "Yours faithfully,";

/// A paragraph `id` of `words` words, each word naming its paragraph.
fn paragraph(id: usize, words: usize) -> String {
    (0..words)
        .map(|w| format!("p{id}w{w}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn letter(blocks: Vec<LetterBlock>) -> Letter {
    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let currency = Currency::new("EUR", 2).unwrap();
    Letter {
        level: Level::FinalDemand,
        date: day("2026-10-31"),
        deadline: day("2026-11-14"),
        customer: Addressee {
            code: "C1".into(),
            name: "Paging Customer".into(),
            contact: None,
            address: Some("1 Long Road\nLeeds".into()),
        },
        total_overdue: currency.parse("10.00").unwrap(),
        currency,
        locale: Locale::En,
        title: "Final demand".into(),
        blocks,
        closing: vec![CLOSING.into(), "Acme Ltd".into()],
        items: Vec::new(),
        oldest_due: day("2026-08-09"),
        days_overdue: 83,
    }
}

/// Per page, the paragraph of each body line (`None` for the closing's first line).
fn pages_of(pdf: &[u8], dir: &std::path::Path) -> Vec<Vec<Option<usize>>> {
    let path = dir.join("letter.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .split('\x0c')
        .map(|page| {
            page.lines()
                .filter_map(|line| {
                    if line.trim() == CLOSING {
                        return Some(None);
                    }
                    let word = line.split_whitespace().next()?;
                    let id = word.strip_prefix('p')?.split_once('w')?.0.parse().ok()?;
                    Some(Some(id))
                })
                .collect()
        })
        .filter(|p: &Vec<_>| !p.is_empty())
        .collect()
}

#[test]
fn no_line_is_left_alone_and_the_closing_stays_with_the_last_paragraph() {
    if !tools_present("no_line_is_left_alone", &["pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let company = CompanyProfile {
        name: "Acme Ltd".into(),
        ..Default::default()
    };
    let mut splits = 0;
    let mut closings_moved = 0;
    // One-line paragraphs push a five-line paragraph and a last one of 1, 3 or 5 lines
    // through every position across the end of page one.
    for last_words in [3, 40, 75] {
        for fillers in 12..34 {
            let mut blocks: Vec<LetterBlock> = (0..fillers)
                .map(|i| LetterBlock::Text(paragraph(i, 3)))
                .collect();
            blocks.push(LetterBlock::Text(paragraph(100, 75)));
            blocks.push(LetterBlock::Text(paragraph(101, last_words)));
            let pdf = owed::pdf::letter_pdf(&letter(blocks), &company).unwrap();
            let pages = pages_of(&pdf, dir.path());
            let case = format!("{fillers} fillers, last of {last_words} words: {pages:?}");
            // Lines of each paragraph on each page.
            let mut spread: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
            for page in &pages {
                let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
                for id in page.iter().flatten() {
                    *counts.entry(*id).or_default() += 1;
                }
                for (id, n) in counts {
                    spread.entry(id).or_default().push(n);
                }
            }
            assert_eq!(spread.len(), fillers + 2, "{case}");
            for (id, counts) in &spread {
                if counts.len() > 1 {
                    splits += 1;
                    assert!(counts.iter().all(|n| *n >= 2), "paragraph {id}: {case}");
                }
            }
            let closing = pages
                .iter()
                .position(|p| p.contains(&None))
                .expect("the closing is printed");
            let last = pages
                .iter()
                .rposition(|p| p.contains(&Some(101)))
                .expect("the last paragraph is printed");
            assert_eq!(closing, last, "{case}");
            // The closing follows the last paragraph's last line on its page.
            let on_page = &pages[closing];
            let at = on_page.iter().position(|l| l.is_none()).unwrap();
            assert_eq!(on_page[at - 1], Some(101), "{case}");
            if closing > 0 && pages[closing].iter().flatten().all(|id| *id == 101) {
                closings_moved += 1;
            }
        }
    }
    // The sweep did reach the cases the rules are for.
    assert!(splits > 5, "{splits} paragraphs split");
    assert!(closings_moved > 0, "no closing had to take lines with it");
}
