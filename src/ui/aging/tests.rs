//! The aging screen driven as the app drives it: messages in, report and lines out, and a
//! simulated user typing a date and opening a customer's items.

use iced::keyboard::{Key, key::Named};
use iced::widget::Id;
use iced_test::simulator;

use super::*;
use crate::domain::Money;
use crate::ui::testing::{TODAY, date, sample_app, send, settle};
use crate::ui::{App, Message as AppMessage, Tab};

fn screen(app: &App) -> &Aging {
    &app.open_book().expect("a book is open").aging
}

fn shown(app: &App) -> &Report {
    screen(app).report().expect("a report is shown")
}

fn aging(app: &mut App, message: Message) {
    send(app, AppMessage::Aging(message));
}

fn plain(app: &App, money: Money) -> String {
    app.open_book().unwrap().book.currency().plain(money)
}

/// Bucket totals as exact decimals, then the balance and unapplied totals.
fn totals(app: &App) -> (Vec<String>, String, String) {
    let totals = shown(app).totals();
    (
        totals.amounts.iter().map(|m| plain(app, *m)).collect(),
        plain(app, totals.balance),
        plain(app, totals.unapplied),
    )
}

fn customer_amounts(app: &App, code: &str) -> Vec<String> {
    let report = shown(app);
    let index = report
        .position(code)
        .expect("the customer is in the report");
    report
        .row(index)
        .amounts
        .iter()
        .map(|m| plain(app, *m))
        .collect()
}

fn codes(app: &App) -> Vec<String> {
    let report = shown(app);
    screen(app)
        .lines()
        .iter()
        .filter_map(|line| match line {
            Line::Customer(i) => Some(report.customers[*i].code.clone()),
            Line::Item(..) => None,
        })
        .collect()
}

/// Feeds what a simulated user produced back into the app, as the runtime would.
fn replay(app: &mut App, messages: Vec<AppMessage>) {
    for message in messages {
        let task = app.update(message);
        settle(app, task);
    }
}

#[test]
fn the_default_report_is_as_of_today_and_adds_up() {
    let app = sample_app();
    let report = shown(&app);
    assert_eq!(report.as_of(), date(TODAY));
    assert_eq!(
        report.labels(),
        ["Current", "1-30", "31-60", "61-90", "90+"]
    );
    // INV-1's installments are 33.34 (due 10-01, 53 days late), 33.33 (due 11-01, 22
    // days late) and 33.33 (due 12-01); INV-2's 250.00 is due 12-01.
    assert_eq!(
        customer_amounts(&app, "C001"),
        ["33.33", "33.33", "33.34", "0.00", "0.00"]
    );
    assert_eq!(
        customer_amounts(&app, "C002"),
        ["250.00", "0.00", "0.00", "0.00", "0.00"]
    );
    let (buckets, balance, unapplied) = totals(&app);
    assert_eq!(buckets, ["283.33", "33.33", "33.34", "0.00", "0.00"]);
    assert_eq!((balance.as_str(), unapplied.as_str()), ("350.00", "0.00"));
    // The totals row is the sum of the customers' rows, column by column.
    for column in 0..report.labels().len() {
        let sum: Money = (0..report.customers.len())
            .map(|i| report.row(i).amounts[column])
            .sum();
        assert_eq!(sum, report.totals().amounts[column]);
    }
    assert_eq!(plain(&app, report.overdue), "66.67");
    assert_eq!(codes(&app), ["C001", "C002"]);
    assert!(!screen(&app).is_loading());
}

#[test]
fn changing_the_as_of_date_moves_the_buckets() {
    let mut app = sample_app();
    aging(&mut app, Message::AsOf("2026-10-15".into()));
    assert_eq!(shown(&app).as_of(), date("2026-10-15"));
    // Only the first installment is past due (14 days); INV-2 is not yet dated.
    assert_eq!(codes(&app), ["C001"]);
    let (buckets, balance, _) = totals(&app);
    assert_eq!(buckets, ["66.66", "33.34", "0.00", "0.00", "0.00"]);
    assert_eq!(balance, "100.00");

    aging(&mut app, Message::AsOf("2026-08-31".into()));
    assert!(
        shown(&app).customers.is_empty(),
        "INV-1 is dated 2026-09-01"
    );
    assert_eq!(totals(&app).1, "0.00");
    assert!(screen(&app).lines().is_empty());

    aging(&mut app, Message::AsOfToday);
    assert_eq!(shown(&app).as_of(), date(TODAY));
    aging(&mut app, Message::AsOfEndOfLastMonth);
    assert_eq!(shown(&app).as_of(), date("2026-10-31"));
    assert_eq!(totals(&app).0, ["66.66", "33.34", "0.00", "0.00", "0.00"]);
    aging(&mut app, Message::AsOfMonthBack);
    assert_eq!(shown(&app).as_of(), date("2026-09-30"));
    assert_eq!(totals(&app).0, ["100.00", "0.00", "0.00", "0.00", "0.00"]);
    assert!(screen(&app).export_path().ends_with("aging-2026-09-30.csv"));
}

#[test]
fn buckets_and_basis_are_checked_and_change_the_columns() {
    let mut app = sample_app();
    aging(&mut app, Message::Buckets("30,20".into()));
    assert!(screen(&app).buckets_error().is_some());
    assert_eq!(shown(&app).labels().len(), 5, "the last good report stays");

    aging(&mut app, Message::Buckets("15,45".into()));
    assert_eq!(screen(&app).buckets_error(), None);
    assert_eq!(shown(&app).labels(), ["Current", "1-15", "16-45", "45+"]);
    // 22 days late falls in 16-45, 53 days in 45+.
    assert_eq!(totals(&app).0, ["283.33", "0.00", "33.33", "33.34"]);

    aging(&mut app, Message::Sort(Column::Bucket(3)));
    aging(&mut app, Message::Buckets("30".into()));
    assert_eq!(shown(&app).labels(), ["Current", "1-30", "30+"]);
    assert_eq!(
        screen(&app).sort.0,
        Column::Code,
        "the sorted column is gone"
    );

    aging(&mut app, Message::Basis(Basis::Invoice));
    // By invoice date: INV-1 is 83 days old, INV-2 22 days.
    assert_eq!(shown(&app).labels(), ["0-30", "30+"]);
    assert_eq!(totals(&app).0, ["250.00", "100.00"]);
}

#[test]
fn an_impossible_date_is_refused_and_the_report_stays() {
    let mut app = sample_app();
    aging(&mut app, Message::AsOf("2026-02-30".into()));
    let reason = screen(&app).as_of_error().expect("a reason is shown");
    assert!(reason.contains("2026-02-30"), "{reason}");
    assert_eq!(shown(&app).as_of(), date(TODAY));
    assert_eq!(totals(&app).1, "350.00");
    assert!(!screen(&app).is_loading());

    // A date half typed is not read as another day.
    aging(&mut app, Message::AsOf("2026-10-1".into()));
    assert!(screen(&app).as_of_error().is_some());
    assert_eq!(shown(&app).as_of(), date(TODAY));

    aging(&mut app, Message::AsOf(TODAY.into()));
    assert_eq!(screen(&app).as_of_error(), None);
}

#[test]
fn a_stale_result_is_ignored() {
    let mut app = sample_app();
    let old = {
        let open = app.open_book().unwrap();
        let options = AgingOptions {
            as_of: date("2026-08-31"),
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: true,
        };
        load(open.book.store(), &options).expect("a report")
    };
    aging(&mut app, Message::Loaded(0, Ok(old)));
    assert_eq!(shown(&app).as_of(), date(TODAY));
    assert_eq!(codes(&app), ["C001", "C002"]);
}

#[test]
fn expanding_shows_the_items_and_opening_goes_to_the_ledger() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Aging));
    aging(&mut app, Message::Toggle("C001".into()));
    assert_eq!(
        screen(&app).lines(),
        [
            Line::Customer(0),
            Line::Item(0, 0),
            Line::Item(0, 1),
            Line::Item(0, 2),
            Line::Customer(1),
        ]
    );
    let report = shown(&app);
    let items = &report.row(0).items;
    assert_eq!(items[0].due, date("2026-10-01"));
    assert_eq!((items[0].column, items[0].days_overdue), (2, 53));
    assert_eq!(plain(&app, items[0].open), "33.34");

    // Expansion survives a new date, and sorting keeps items under their customer.
    aging(&mut app, Message::AsOf("2026-11-30".into()));
    aging(&mut app, Message::Sort(Column::Balance));
    aging(&mut app, Message::Sort(Column::Balance));
    assert_eq!(screen(&app).lines()[0], Line::Customer(1));
    assert_eq!(screen(&app).lines()[1], Line::Customer(0));
    assert_eq!(screen(&app).lines().len(), 5);
    aging(&mut app, Message::Toggle("C001".into()));
    assert_eq!(screen(&app).lines().len(), 2);

    let key = |named| AppMessage::Key(Key::Named(named), Default::default());
    send(&mut app, key(Named::ArrowDown));
    assert_eq!(screen(&app).selected_code().as_deref(), Some("C001"));
    send(&mut app, key(Named::ArrowUp));
    assert_eq!(screen(&app).selected_code().as_deref(), Some("C002"));
    send(&mut app, key(Named::Enter));
    assert_eq!(app.open_book().unwrap().tab, Tab::Ledger);

    send(&mut app, AppMessage::Show(Tab::Aging));
    aging(&mut app, Message::Open("C001".into()));
    assert_eq!(app.open_book().unwrap().tab, Tab::Ledger);
    assert_eq!(screen(&app).selected_code().as_deref(), Some("C001"));
}

#[test]
fn export_writes_the_report_as_csv() {
    let mut app = sample_app();
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("aging.csv");
    aging(&mut app, Message::ExportPath(path.display().to_string()));
    aging(&mut app, Message::Export);
    let status = screen(&app).export_status().expect("the export finished");
    assert_eq!(
        status.as_deref(),
        Ok(format!("Exported 2 rows to {}", path.display()).as_str())
    );
    let written = std::fs::read_to_string(&path).expect("the file was written");
    assert_eq!(
        written,
        "code,name,balance,current,1-30,31-60,61-90,90+,unapplied\n\
         C001,Acme Ltd,100.00,33.33,33.33,33.34,0.00,0.00,0.00\n\
         C002,深圳华星贸易,250.00,250.00,0.00,0.00,0.00,0.00,0.00\n"
    );
    let leftovers = std::fs::read_dir(folder.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");

    // Sorted by balance, largest first, as on the screen: the file follows.
    aging(&mut app, Message::Sort(Column::Balance));
    aging(&mut app, Message::Sort(Column::Balance));
    aging(&mut app, Message::Export);
    let written = std::fs::read_to_string(&path).expect("written again");
    let codes: Vec<&str> = written.lines().skip(1).map(|l| &l[..4]).collect();
    assert_eq!(codes, ["C002", "C001"], "{written}");

    let nowhere = folder.path().join("missing").join("aging.csv");
    aging(&mut app, Message::ExportPath(nowhere.display().to_string()));
    aging(&mut app, Message::Export);
    let status = screen(&app).export_status().expect("the export finished");
    assert!(
        status
            .as_ref()
            .is_err_and(|e| e.contains("Could not write")),
        "{status:?}"
    );
}

#[test]
fn save_pdf_writes_the_report_beside_the_csv() {
    let mut app = sample_app();
    let folder = tempfile::tempdir().expect("a temporary folder");
    let csv = folder.path().join("aging.csv");
    aging(&mut app, Message::ExportPath(csv.display().to_string()));
    aging(&mut app, Message::SavePdf);
    let pdf = folder.path().join("aging.pdf");
    let status = screen(&app).export_status().expect("the PDF was written");
    assert_eq!(
        status.as_deref(),
        Ok(format!("Wrote the PDF to {}", pdf.display()).as_str())
    );
    let bytes = std::fs::read(&pdf).expect("the PDF is there");
    assert!(bytes.starts_with(b"%PDF-"));
    // The same bytes as the library writes for the report shown.
    let report = screen(&app).report().unwrap();
    let book = &app.open_book().unwrap().book;
    let company = book.store().company_profile().unwrap();
    let sheet = crate::pdf::AgingSheet::new(
        &company,
        book.currency(),
        &report.aging.report,
        report.aging.rows(),
    );
    assert_eq!(bytes, crate::pdf::aging_pdf(&sheet).unwrap());
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);

    let nowhere = folder.path().join("missing").join("aging.csv");
    aging(&mut app, Message::ExportPath(nowhere.display().to_string()));
    aging(&mut app, Message::SavePdf);
    let status = screen(&app).export_status().expect("the attempt finished");
    assert!(
        status
            .as_ref()
            .is_err_and(|e| e.contains("could not write")),
        "{status:?}"
    );
}

#[test]
fn a_user_types_a_date_and_opens_a_customer() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Aging));
    let messages = {
        let mut ui = simulator(app.view());
        ui.find("C001").expect("C001's row is shown");
        ui.find("283.33").expect("the Current total is shown");
        // A triple click selects the whole date, so typing replaces it.
        for _ in 0..3 {
            ui.click(Id::new(controls::AS_OF)).expect("the as-of field");
        }
        ui.typewrite("2026-10-15");
        ui.into_messages().collect()
    };
    replay(&mut app, messages);
    assert_eq!(screen(&app).as_of_error(), None);
    assert_eq!(shown(&app).as_of(), date("2026-10-15"));
    assert_eq!(totals(&app).0, ["66.66", "33.34", "0.00", "0.00", "0.00"]);

    let messages = {
        let mut ui = simulator(app.view());
        assert!(ui.find("C002").is_err(), "INV-2 is not dated yet");
        ui.click("▶").expect("C001's expander");
        ui.into_messages().collect()
    };
    replay(&mut app, messages);
    let mut ui = simulator(app.view());
    ui.find("INV-1/1").expect("the first installment shows");
    ui.find("INV-1/3").expect("the last installment shows");
    ui.click("Acme Ltd").expect("C001's row");
    let messages: Vec<_> = ui.into_messages().collect();
    replay(&mut app, messages);
    assert_eq!(screen(&app).selected_code().as_deref(), Some("C001"));
}

#[test]
fn no_amount_is_wider_than_its_cell_in_a_small_window() {
    let mut store = crate::ui::testing::sample_store();
    // Eleven digits on the balance, in a 1024×700 window with every bucket shown.
    crate::ui::testing::add_risky(
        &mut store,
        "C009",
        "A customer whose name is long, as some customers' names are",
        "9876543210.99",
    );
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    send(&mut app, AppMessage::Show(Tab::Aging));
    aging(&mut app, Message::Toggle("C009".into()));
    for size in [(1024.0, 700.0), (1280.0, 800.0)] {
        assert_eq!(
            crate::ui::testing::clipped_figures(&app, size),
            Vec::<String>::new(),
            "{size:?}"
        );
    }
    let total = app
        .open_book()
        .unwrap()
        .book
        .money(shown(&app).totals().balance);
    assert!(total.starts_with("9,876,5"), "{total}");
}

#[test]
fn an_as_of_date_picked_on_the_calendar_moves_the_buckets() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Aging));
    for label in ["▾", "‹", "15"] {
        let mut ui = simulator(app.view());
        ui.click(label).expect(label);
        let messages = ui.into_messages().collect();
        replay(&mut app, messages);
    }
    // As typing 2026-10-15 does.
    assert_eq!(shown(&app).as_of(), date("2026-10-15"));
    assert_eq!(codes(&app), ["C001"]);
    assert_eq!(totals(&app).0, ["66.66", "33.34", "0.00", "0.00", "0.00"]);
}
