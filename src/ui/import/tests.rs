//! The import screen driven through the whole app: a statement read, confident matches
//! accepted with Ctrl+Enter, a row assigned by hand, the batch written (on a worker
//! thread for a book on disk) and undone; an ambiguous file answered with one click.

use std::path::PathBuf;

use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::simulator::Simulator;

use super::*;
use crate::ui::testing::{TODAY, date, sample_app, send, settle};
use crate::ui::{App, Message as AppMessage, Tab};

const STATEMENT: &str = "Date,Payer,Details,Amount
2026-11-20,ACME LTD,INV-1 first two,66.67
2026-11-21,深圳华星贸易有限公司,货款,250.00
2026-11-21,Someone,unknown,5.00
2026-11-22,Bank,fee,-2.00
";

fn screen(app: &App) -> &Import {
    &app.open_book().expect("a book is open").import
}

/// Drops `text` on the screen as `statement.csv` (in a folder kept to the end of the
/// test run: the screen reads its rows from the file as they are shown).
fn load(app: &mut App, text: &str) {
    let path: PathBuf = tempfile::tempdir().unwrap().keep().join("statement.csv");
    std::fs::write(&path, text).unwrap();
    send(app, AppMessage::Show(Tab::Import));
    send(app, AppMessage::Import(Message::Dropped(path)));
}

/// Every row of the file the screen read.
fn rows(app: &App) -> Vec<PlannedRow> {
    let s = screen(app);
    let review = s.review.as_ref().expect("the file was read");
    (0..review.len()).map(|i| s.row(i).unwrap()).collect()
}

fn balances(app: &App) -> Vec<(String, String)> {
    let open = app.open_book().unwrap();
    open.customers
        .rows()
        .iter()
        .map(|r| (r.code.clone(), open.book.money(r.balance)))
        .collect()
}

fn ctrl_enter(app: &mut App) {
    send(
        app,
        AppMessage::Key(Key::Named(Named::Enter), Modifiers::CTRL),
    );
}

#[test]
fn read_accept_confident_assign_import_and_undo() {
    let mut app = sample_app();
    let before = balances(&app);
    load(&mut app, STATEMENT);
    let s = screen(&app);
    assert_eq!(s.phase, Phase::Ready);
    let read = rows(&app);
    assert_eq!(read.len(), 4);
    let suggested: Vec<Option<(&str, bool)>> = read
        .iter()
        .map(|r| {
            r.suggestion
                .as_ref()
                .map(|s| (s.code.as_str(), s.confidence >= CONFIDENT))
        })
        .collect();
    assert_eq!(
        suggested,
        [Some(("C001", true)), Some(("C002", true)), None, None]
    );

    ctrl_enter(&mut app);
    assert_eq!(screen(&app).to_post(), 2);
    // The stray 5.00 is assigned by hand to Acme.
    send(&mut app, AppMessage::Import(Message::Select(2)));
    send(
        &mut app,
        AppMessage::Import(Message::AssignSearch("acme".into())),
    );
    assert_eq!(screen(&app).assign_candidates(5).len(), 1);
    send(
        &mut app,
        AppMessage::Import(Message::AssignTo("C001".into())),
    );
    assert_eq!(screen(&app).to_post(), 3);

    send(&mut app, AppMessage::Import(Message::Commit));
    let s = screen(&app);
    let notice = s.notice.as_deref().unwrap_or_default();
    assert!(
        notice.contains("3 payments posted"),
        "{notice} / {:?}",
        s.error
    );
    assert_eq!(s.batches.len(), 1);
    // Read again at once: every row is now already imported.
    assert!(
        rows(&app)
            .iter()
            .all(|r| r.status == crate::import::RowStatus::AlreadyImported)
    );
    assert_eq!(s.new_rows(), 0);
    // The customers screen reloaded: Acme paid 66.67 + 5.00 of 100.00, Huaxing all.
    assert_eq!(
        balances(&app),
        [
            ("C001".to_string(), "28.33".to_string()),
            ("C002".to_string(), "0.00".to_string())
        ]
    );

    let batch = screen(&app).batches[0].id;
    send(&mut app, AppMessage::Import(Message::AskUndo(batch)));
    assert_eq!(screen(&app).confirm_undo, Some(batch));
    send(&mut app, AppMessage::Import(Message::Undo(batch)));
    assert!(
        screen(&app)
            .notice
            .as_deref()
            .unwrap()
            .contains("3 payments voided")
    );
    assert!(screen(&app).batches[0].undone_at.is_some());
    assert_eq!(balances(&app), before);
}

#[test]
fn an_ambiguous_file_is_answered_with_one_click() {
    let mut app = sample_app();
    load(
        &mut app,
        "Date,Details,Amount\n02/11/2026,INV-2,250.00\n03/11/2026,x,1.00\n",
    );
    let error = screen(&app).error.clone().expect("the file cannot tell");
    assert!(
        error.contains("statement.csv, line 2") && error.contains("day-first or month-first"),
        "{error}"
    );
    assert!(screen(&app).review.is_none());
    // What the "Day first" button sends.
    let day_first = view::guess_format(&error, true);
    assert_eq!(day_first, "%d/%m/%Y");
    send(&mut app, AppMessage::Import(Message::DateFormat(day_first)));
    let s = screen(&app);
    assert!(s.error.is_none());
    assert_eq!(rows(&app)[0].row.date, Some(date("2026-11-02")));
}

#[test]
fn a_bad_year_is_refused_beside_the_field_and_nothing_is_read_with_it() {
    let mut app = sample_app();
    load(&mut app, STATEMENT);
    send(&mut app, AppMessage::Import(Message::Year("20x6".into())));
    assert!(screen(&app).year_error().is_some());
    assert!(screen(&app).review.is_some(), "the last good reading stays");
}

#[test]
fn a_book_on_disk_is_written_on_a_worker_thread_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.owed");
    let file = crate::store::Store::open(&path, crate::store::Access::Write).unwrap();
    let (mut app, task) = App::with_store(file, date(TODAY));
    settle(&mut app, task);
    let text = "Date,Payer,Details,Amount\n2026-11-20,x,y,5.00\n2026-11-21,x,z,-1.00\n";
    load(&mut app, text);
    send(&mut app, AppMessage::Import(Message::Commit));
    let s = screen(&app);
    assert_eq!(s.phase, Phase::Ready);
    assert!(
        s.notice
            .as_deref()
            .unwrap_or_default()
            .contains("Imported as batch 1"),
        "{:?} {:?}",
        s.notice,
        s.error
    );
    let kept = app
        .open_book()
        .unwrap()
        .book
        .store()
        .unmatched_bank_rows()
        .unwrap();
    assert_eq!(
        kept.len(),
        1,
        "money in with no customer is kept to come back to"
    );
}

#[test]
fn clicks_through_the_simulator() {
    let mut app = sample_app();
    load(&mut app, STATEMENT);
    let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view());
    ui.click("Accept all confident (Ctrl+Enter)")
        .expect("the button");
    let messages: Vec<_> = ui.into_messages().collect();
    for message in messages {
        send(&mut app, message);
    }
    assert_eq!(screen(&app).to_post(), 2);
    let label = "Import 2 payments · 4 rows";
    let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view());
    ui.click(label).expect("the import button");
    let messages: Vec<_> = ui.into_messages().collect();
    for message in messages {
        send(&mut app, message);
    }
    assert_eq!(screen(&app).batches.len(), 1);
}

#[test]
fn money_left_unmatched_is_come_back_to_and_assigned() {
    let mut app = sample_app();
    load(&mut app, STATEMENT);
    // Imported with nothing accepted: the three payments are kept unmatched.
    send(&mut app, AppMessage::Import(Message::Commit));
    let kept = &screen(&app).kept;
    assert_eq!(kept.len(), 3);
    let huaxing = kept
        .iter()
        .find(|k| k.amount == "250")
        .expect("the 250.00 row")
        .id;
    send(&mut app, AppMessage::Import(Message::SelectKept(huaxing)));
    send(
        &mut app,
        AppMessage::Import(Message::AssignSearch("华星".into())),
    );
    assert_eq!(screen(&app).assign_candidates(5).len(), 1);
    send(
        &mut app,
        AppMessage::Import(Message::AssignTo("C002".into())),
    );
    let s = screen(&app);
    assert!(
        s.notice
            .as_deref()
            .unwrap_or_default()
            .contains("posted for C002"),
        "{:?} {:?}",
        s.notice,
        s.error
    );
    assert_eq!(s.kept.len(), 2);
    assert!(balances(&app).contains(&("C002".to_string(), "0.00".to_string())));
}

#[test]
fn a_folder_or_a_spreadsheet_dropped_on_the_screen_is_refused_with_what_it_is() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Import));
    let dir = tempfile::tempdir().unwrap();
    send(
        &mut app,
        AppMessage::Import(Message::Dropped(dir.path().to_path_buf())),
    );
    let error = screen(&app).error.clone().unwrap_or_default();
    assert!(error.contains("a folder, not a file"), "{error}");
    assert!(screen(&app).review.is_none());

    let sheet = dir.path().join("statement.csv");
    let mut bytes = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    bytes.extend_from_slice(b"[Content_Types].xml<Types/>PK\x03\x04xl/workbook.xml");
    std::fs::write(&sheet, bytes).unwrap();
    send(&mut app, AppMessage::Import(Message::Dropped(sheet)));
    let error = screen(&app).error.clone().unwrap_or_default();
    assert!(
        error.contains("not a readable XLSX spreadsheet ("),
        "{error}"
    );
    assert!(screen(&app).review.is_none());
}

#[test]
fn a_file_in_another_currency_is_said_and_not_offered_for_import() {
    let mut app = sample_app();
    load(
        &mut app,
        "Date,Payer,Details,Amount,Currency\n\
         2026-11-20,ACME LTD,INV-1,66.67,EUR\n\
         2026-11-21,Bank,fee,-2.00,EUR\n",
    );
    let s = screen(&app);
    assert_eq!(s.phase, Phase::Ready);
    assert!(!s.can_post());
    let words = s.set_aside().expect("the rows set aside are said");
    assert!(words.contains("EUR") && words.contains("2"), "{words}");
    let batches = app
        .open_book()
        .unwrap()
        .book
        .store()
        .import_batches()
        .unwrap()
        .len();
    // Commit does nothing: no empty batch.
    send(&mut app, AppMessage::Import(Message::Commit));
    let after = app
        .open_book()
        .unwrap()
        .book
        .store()
        .import_batches()
        .unwrap()
        .len();
    assert_eq!(after, batches);
}

#[test]
fn a_card_statement_is_asked_then_flipped_and_an_amount_column_chosen() {
    use crate::import::Sign;
    use reading::{Choice, HeaderLine};
    let mut app = sample_app();
    let card = "Kreditkarte Abrechnung;;\n;;\nDatum;Text;Betrag\n01.03.2021;Tankstelle;45,00\n\
                02.03.2021;Buchhandlung;-12,00\n03.03.2021;Restaurant;30,00\n\
                04.03.2021;Hotel;-80,00\n";
    load(&mut app, card);
    let error = screen(&app).error.clone().expect("the sign is asked");
    assert!(error.contains("--sign inverted"), "{error}");
    send(
        &mut app,
        AppMessage::Import(Message::Reading(Choice::Sign(Sign::Inverted))),
    );
    let signed = |app: &App| -> Vec<String> {
        rows(app)
            .iter()
            .map(|r| r.row.signed().to_string())
            .collect()
    };
    assert_eq!(screen(&app).error, None);
    assert_eq!(signed(&app), ["-45.00", "12.00", "-30.00", "80.00"]);
    // Flip sign reads it the other way at once.
    send(
        &mut app,
        AppMessage::Import(Message::Reading(Choice::Sign(Sign::Normal))),
    );
    assert_eq!(signed(&app), ["45.00", "-12.00", "30.00", "-80.00"]);

    let two = "Date;Text;Original amount;Original currency;Amount in account currency\n\
               20.11.2026;ACME LTD;-10,00;USD;-9,20\n21.11.2026;Shop;5,00;USD;4,60\n";
    load(&mut app, two);
    assert_eq!(screen(&app).reading, Reading::default());
    let detected = &screen(&app).review.as_ref().unwrap().detected;
    assert_eq!(detected.amount_column, "5 (Amount in account currency)");
    assert_eq!(detected.amount_columns.len(), 2);
    send(
        &mut app,
        AppMessage::Import(Message::Reading(Choice::AmountColumn(
            "3 (Original amount)".into(),
        ))),
    );
    let detected = &screen(&app).review.as_ref().unwrap().detected;
    assert_eq!(detected.amount_column, "3 (Original amount)");
    // No preamble: the header line is not a question until the user makes it one.
    assert!(!detected.header_matters);
    send(
        &mut app,
        AppMessage::Import(Message::Reading(Choice::HeaderLine(HeaderLine(0)))),
    );
    // Read without a header, the column chosen before is still read, and line 1 is
    // offered back as the header.
    let detected = &screen(&app).review.as_ref().expect("read").detected;
    assert_eq!(
        (
            detected.header_line,
            detected.amount_column.as_str(),
            detected.header_lines.as_slice()
        ),
        (0, "3", &[1][..])
    );
}

#[test]
fn the_panel_says_where_each_payment_goes_as_the_file_is_decided() {
    let mut app = sample_app();
    load(
        &mut app,
        "Date,Payer,Details,Amount\n\
         2026-11-20,ACME LTD,INV-1 first two,66.67\n\
         2026-11-21,ACME LTD,INV-1 the rest,66.67\n\
         2026-11-22,ACME LTD,INV-1 again,10.00\n",
    );
    ctrl_enter(&mut app);
    let invoices = |app: &App, line: usize| -> Vec<String> {
        let tally = screen(app).tally.as_ref().unwrap();
        tally.payments[&line]
            .applied
            .iter()
            .map(|a| format!("{} {}", a.invoice, a.amount))
            .collect()
    };
    // INV-1 is three installments of about 33.33: the first row pays two, the second
    // the last and leaves the rest as credit.
    assert_eq!(invoices(&app, 2), ["INV-1 33.34", "INV-1/2 33.33"]);
    assert_eq!(invoices(&app, 3), ["INV-1/3 33.33"]);
    let tally = screen(&app).tally.as_ref().expect("counted");
    assert_eq!(tally.payments[&3].unapplied, "33.34");
    // The third row names an invoice the file has already paid: the panel says so.
    let note = tally.payments[&4]
        .note
        .as_ref()
        .map(ToString::to_string)
        .expect("redirected");
    assert!(note.contains("INV-1") && note.contains("line"), "{note}");
    // Keeping the first row unmatched plans the others again at once.
    send(&mut app, AppMessage::Import(Message::Unmatched(0)));
    assert!(
        !screen(&app)
            .tally
            .as_ref()
            .unwrap()
            .payments
            .contains_key(&2)
    );
    assert_eq!(invoices(&app, 3), ["INV-1 33.34", "INV-1/2 33.33"]);
}

#[test]
fn a_big_file_is_counted_off_the_ui_thread_and_a_stale_count_is_dropped() {
    let mut app = sample_app();
    let mut text = String::from("Date,Payer,Details,Amount\n2026-11-20,ACME LTD,INV-1,66.67\n");
    for n in 0..COUNT_AT_ONCE {
        text.push_str(&format!(
            "2026-11-21,Someone {n},unknown,{}.00\n",
            n % 90 + 1
        ));
    }
    load(&mut app, &text);
    let rows = COUNT_AT_ONCE + 1;
    // Counted on a worker thread (the test runs its task to the end): the figures are
    // those counted at once on the same plan.
    let s = screen(&app);
    let review = s.review.clone().expect("read");
    assert_eq!(review.len(), rows);
    let counted = s.tally.clone().expect("counted");
    let at_once = review.figures(&s.decisions);
    assert_eq!(counted.new_rows, rows);
    assert_eq!(counted.new_rows, at_once.new_rows);
    assert_eq!(counted.summary.unmatched, at_once.summary.unmatched);
    assert_eq!(counted.to_post, 0);
    // A decision is counted again off the thread; a count older than the latest that
    // arrives late changes nothing.
    send(&mut app, AppMessage::Import(Message::Accept(0)));
    assert_eq!(screen(&app).to_post(), 1);
    assert_eq!(screen(&app).tally.as_ref().unwrap().payments.len(), 1);
    let stale = counted;
    send(
        &mut app,
        AppMessage::Import(Message::Counted(0, Ok(Box::new(stale)))),
    );
    assert_eq!(screen(&app).to_post(), 1);
}

#[test]
fn a_big_file_is_read_a_page_at_a_time_not_held() {
    let mut app = sample_app();
    let mut text = String::from("Date,Payer,Details,Amount\n");
    for n in 0..20_000 {
        text.push_str(&format!(
            "2026-11-{:02},Someone {n},row {n},{}.00\n",
            n % 28 + 1,
            n % 90 + 1
        ));
    }
    text.push_str("2026-11-28,ACME LTD,INV-1 last row,66.67\n");
    load(&mut app, &text);
    let s = screen(&app);
    let review = s.review.as_ref().expect("read");
    assert!(review.is_streamed());
    assert_eq!(review.len(), 20_001);
    // Only the rows in view, and a few around them, are read from the file.
    assert!(
        !s.shown.is_empty() && s.shown.len() < 150,
        "{}",
        s.shown.len()
    );
    assert!(s.shown.contains_key(&0) && !s.shown.contains_key(&20_000));
    // Scrolled to the end, the last rows are read and the first forgotten.
    let open = app.open_book_mut().unwrap();
    open.import.scroll = Scroll {
        offset: 20_001.0 * widgets_row_height(),
        height: 500.0,
    };
    open.import.read_shown();
    let s = screen(&app);
    assert!(s.shown.contains_key(&20_000) && !s.shown.contains_key(&0));
    assert!(s.shown.len() < 150, "{}", s.shown.len());
    assert_eq!(
        s.shown[&20_000].row.description, "INV-1 last row",
        "the row read again is the file's"
    );
    // The last row is accepted from the panel and planned like any other.
    send(&mut app, AppMessage::Import(Message::Select(20_000)));
    send(&mut app, AppMessage::Import(Message::Accept(20_000)));
    let s = screen(&app);
    assert_eq!(s.to_post(), 1);
    assert_eq!(s.tally.as_ref().unwrap().payments[&20_002].customer, "C001");
}

fn widgets_row_height() -> f32 {
    crate::ui::widgets::ROW_HEIGHT
}
