//! An import read a row at a time writes what the commit of a whole plan writes: the
//! same documents, allocations, bank rows, learned payers and batch, row for row.

use super::*;
use crate::domain::customer::CustomerDraft;
use crate::domain::document::DocKind;
use crate::domain::terms::{Plan, Terms};
use crate::import::{commit, default_decisions, prepare};
use crate::store::{BookSettings, NewCredit, NewDebit};

/// 30 customers owing two invoices each, and a payment entered by hand.
pub(crate) fn book() -> Store {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let usd = store.currency().clone();
    for c in 1..=30 {
        let code = format!("K{c:02}");
        store
            .add_customer(&CustomerDraft {
                code: code.clone(),
                name: format!("Kunde Nummer {c:02} GmbH"),
                ..Default::default()
            })
            .unwrap();
        for i in 1..=2 {
            store
                .post_debit(&NewDebit {
                    customer: code.clone(),
                    kind: DocKind::Invoice,
                    number: Some(format!("R-{c:02}{i}")),
                    date: "2026-08-01".parse().unwrap(),
                    amount: usd.parse(&format!("{}.{c:02}", 200 * i + c)).unwrap(),
                    terms: Some(Terms::Net(30)),
                    due: None,
                    plan: Plan::Single,
                    reference: None,
                    memo: None,
                })
                .unwrap();
        }
    }
    store
        .post_credit(&NewCredit {
            customer: "K01".into(),
            kind: DocKind::Payment,
            number: Some("HAND-1".into()),
            date: "2026-09-04".parse().unwrap(),
            amount: usd.parse("55.55").unwrap(),
            reference: None,
            memo: None,
            apply: crate::domain::allocation::Apply::Unapplied,
        })
        .unwrap();
    store
}

/// 2,600 rows (more than detection samples), out of date order: invoices paid whole and
/// in parts by number, by amount, again after they are paid, the same row repeated,
/// money out, a foreign row, a pending one, one too precise and a look-alike.
pub(crate) fn file() -> String {
    let mut out = String::from("Buchungstag;Auftraggeber;Verwendungszweck;Betrag;Waehrung\n");
    for n in 0..2600u32 {
        let c = n % 30 + 1;
        let i = n % 2 + 1;
        let day = 1 + (n * 11) % 28;
        let whole = format!("{},{c:02}", 200 * i + c);
        let row = match n % 8 {
            0 => format!("2026-09-{day:02};Kunde Nummer {c:02};R-{c:02}{i};{whole};USD"),
            1 => format!(
                "2026-09-{day:02};Kunde Nummer {c:02};Teil R-{c:02}{i};{},00;USD",
                40 + c
            ),
            2 => format!("2026-09-{day:02};Kunde Nummer {c:02} GmbH;Danke;{whole};USD"),
            3 => format!("2026-09-{day:02};Miete;Buero;-{},00;USD", 300 + c),
            4 => "2026-09-07;Kunde Nummer 03;R-031;203,03;USD".to_string(),
            5 => format!("2026-09-{day:02};Niemand;Spende {n};{},50;USD", 5 + c),
            6 => format!("2026-09-{day:02};Kunde Nummer {c:02};R-{c:02}{i};{whole};EUR"),
            _ => format!("2026-09-{day:02};Kunde Nummer {c:02};R-{c:02}{i} nochmal;20,00;USD"),
        };
        out.push_str(&row);
        out.push('\n');
        if n == 1300 {
            out.push_str(";Kunde Nummer 05;vorgemerkt;12,00;USD\n");
            out.push_str("2026-09-04;Kunde Nummer 01;bar;55,55;USD\n");
            out.push_str("2026-09-05;Kunde Nummer 02;genau;10,005;USD\n");
        }
    }
    out
}

fn whole(store: &mut Store, path: &Path) -> Summary {
    let bytes = std::fs::read(path).unwrap();
    let name = path.display().to_string();
    let plan = prepare(store, &name, &bytes, &Hints::default(), None).unwrap();
    let decisions = default_decisions(&plan, 0.9);
    commit(store, &plan, &decisions, |_, _| {}).unwrap().summary
}

fn streamed(store: &mut Store, path: &Path) -> Summary {
    let done = import_streamed(
        store,
        path,
        u64::MAX,
        &Hints::default(),
        None,
        0.9,
        |_, _| {},
    )
    .unwrap()
    .expect("read a row at a time");
    let mut summary = done.summary.clone();
    summary.payments = done.payments().collect();
    summary
}

#[test]
fn an_import_read_a_row_at_a_time_writes_what_the_whole_plan_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("konto.csv");
    let text = file();
    std::fs::write(&path, &text).unwrap();
    let (mut by_plan, mut by_rows) = (book(), book());
    let (a, b) = (whole(&mut by_plan, &path), streamed(&mut by_rows, &path));
    // The batch ids are the same; the summaries and the books too.
    assert_eq!(a, b);
    assert!(
        a.matched > 500 && a.duplicates > 0 && !a.payments.is_empty(),
        "{a:?}"
    );
    assert_eq!(by_plan.dump_import_tables(), by_rows.dump_import_tables());
    // Again: every row is already imported, nothing is written by either.
    let (a, b) = (whole(&mut by_plan, &path), streamed(&mut by_rows, &path));
    assert_eq!(a, b);
    assert_eq!(a.batch, None);
    assert_eq!(by_plan.dump_import_tables(), by_rows.dump_import_tables());
}

#[test]
fn a_file_changed_during_the_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("konto.csv");
    std::fs::write(&path, file()).unwrap();
    let mut store = book();
    let before = store.dump_import_tables();
    let opened = open_with_profile(&store, &path, "konto.csv", &Hints::default(), None)
        .unwrap()
        .unwrap();
    let mut file = opened.file;
    let matcher = Matcher::new(store.match_book().unwrap());
    let judged = judge(&store, &mut file, &matcher, 0.9, Keep::ToWrite).unwrap();
    // The file is rewritten with its amounts changed after it was judged.
    std::fs::write(&path, file_text_changed()).unwrap();
    let currency = store.currency().clone();
    let book = store.match_book().unwrap();
    let rows = Rows {
        file: &file,
        builder: file.builder(),
        kept: judged.kept.iter(),
        sequencer: Sequencer::new(&currency, &book),
        matcher: &matcher,
        common: &judged.common,
        currency: &currency,
        main: file.detected.currency.as_ref(),
        decide: &|planned: &PlannedRow| default_decision(planned, 0.9),
        lookalikes: &judged.lookalikes,
        file_name: "konto.csv",
    };
    let batch = NewImportBatch {
        file_name: "konto.csv".into(),
        sha256: String::new(),
        detected: "{}".into(),
        rows_read: judged.rows,
        duplicates: 0,
    };
    let error = store.commit_import(&batch, rows, |_| {}).unwrap_err();
    assert!(
        error.to_string().contains("was the file changed"),
        "{error}"
    );
    assert_eq!(store.dump_import_tables(), before);
}

fn file_text_changed() -> String {
    file().replace(",00;USD", ",01;USD")
}
