//! The Dashboard driven through the whole app: it loads when first shown (Ctrl+8), its
//! figures are the library's (`owed analytics`, `owed aging`, `owed forecast`, the risk
//! scores), a stale load never
//! overwrites a newer one, and a change to the book reloads it only when it shows.

use iced::keyboard::{Key, Modifiers};
use iced_test::simulator::Simulator;

use super::*;
use crate::demo::{self, DemoOptions};
use crate::domain::aging::{Basis, Buckets};
use crate::domain::allocation::Apply;
use crate::domain::document::DocKind;
use crate::report::analytics::{AnalyticsOptions, analytics, trend_by_bucket};
use crate::report::{self, AgingOptions};
use crate::store::{BookSettings, NewCredit, Store};
use crate::ui::testing::{TODAY, date, sample_app, sample_store, send, settle};
use crate::ui::{App, Message as AppMessage, Tab};

fn screen(app: &App) -> &Dashboard {
    &app.open_book().expect("a book is open").dashboard
}

fn pay(store: &mut Store, number: &str, day: &str, amount: &str, apply: Apply) {
    let amount = store.currency().parse(amount).unwrap();
    store
        .post_credit(&NewCredit {
            customer: "C001".into(),
            kind: DocKind::Payment,
            number: Some(number.into()),
            date: date(day),
            amount,
            reference: None,
            memo: None,
            apply,
        })
        .unwrap();
}

/// The sample book with a payment applied in October and 40.00 left unapplied.
fn store_with_history() -> Store {
    let mut store = sample_store();
    pay(
        &mut store,
        "PAY-1",
        "2026-10-15",
        "20.00",
        Apply::OldestFirst,
    );
    pay(&mut store, "PAY-2", "2026-11-20", "40.00", Apply::Unapplied);
    store
}

fn app_on(store: Store) -> App {
    let (mut app, task) = App::with_store(store, date(TODAY));
    settle(&mut app, task);
    app
}

fn aging(store: &Store, as_of: chrono::NaiveDate) -> report::Aging {
    report::aging(
        store,
        &AgingOptions {
            as_of,
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: false,
        },
    )
    .unwrap()
}

/// Every figure the Dashboard holds is the library's: the trend of `owed analytics
/// --trend` with the overdue by bucket of `owed aging` as of each month-end, and owed
/// and overdue now and last month as the aging has them.
fn assert_library_figures(store: &Store, data: &Data) {
    let options = AnalyticsOptions {
        as_of: data.as_of,
        period_days: PERIOD_DAYS,
    };
    assert_eq!(
        data.months,
        trend_by_bucket(store, &options, &Buckets::default()).unwrap()
    );
    assert_eq!(
        data.now().period,
        analytics(store, &options).unwrap().period
    );
    let last = data.last_month().period.as_of;
    assert_eq!(
        data.last_month().period,
        analytics(
            store,
            &AnalyticsOptions {
                as_of: last,
                ..options
            }
        )
        .unwrap()
        .period
    );
    for month in &data.months {
        let totals = aging(store, month.period.as_of).report.totals;
        assert_eq!(month.overdue, totals.amounts[1..], "{}", month.period.as_of);
        assert_eq!(
            month.open,
            totals.balance - totals.unapplied,
            "{}",
            month.period.as_of
        );
    }
    assert_eq!(data.owed(), aging(store, data.as_of).report.totals.balance);
    assert_eq!(
        data.forecast,
        crate::report::forecast::forecast(
            store,
            &crate::report::forecast::ForecastOptions {
                as_of: data.as_of,
                weeks: 13,
            }
        )
        .unwrap()
    );
    assert_eq!(
        data.reviews_due,
        store.review_dates(Some(data.as_of)).unwrap()
    );
    assert_eq!(
        data.riskiest,
        load::riskiest(crate::report::risk::risks(store, data.as_of).unwrap())
    );
    assert_eq!(
        data.owed_last_month(),
        aging(store, last).report.totals.balance
    );
    assert_eq!(data.buckets, ["1-30", "31-60", "61-90", "90+"]);
}

#[test]
fn ctrl_8_shows_the_dashboard_loaded_with_the_library_figures() {
    let mut app = app_on(store_with_history());
    // Nobody has looked at it yet: nothing read.
    assert!(screen(&app).data().is_none());
    send(
        &mut app,
        AppMessage::Key(Key::Character("8".into()), Modifiers::CTRL),
    );
    let open = app.open_book().unwrap();
    assert_eq!(open.tab, Tab::Dashboard);
    let data = screen(&app).data().expect("loaded");
    assert_eq!(data.as_of, date(TODAY));
    assert_library_figures(open.book.store(), data);
    // Acme: 100.00 in thirds due 10-01, 11-01, 12-01, 20.00 paid, 40.00 unapplied;
    // 深圳华星: 250.00 due 12-01. Owed 290.00, of it overdue 33.34 + 26.66 = 46.67.
    let money = |m: crate::domain::Money| open.book.money(m);
    assert_eq!(money(data.owed()), "290.00");
    assert_eq!(money(data.now().overdue_total()), "46.67");
    assert_eq!(money(data.now().overdue[0]), "33.33");
    assert_eq!(money(data.now().overdue[1]), "13.34");
}

#[test]
fn the_trend_matches_the_aging_month_by_month_on_a_demo_book() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let options = DemoOptions {
        customers: 25,
        invoices: 400,
        seed: 7,
        today: date(TODAY),
    };
    demo::generate(&mut store, &options, &mut |_, _| {}).unwrap();
    let data = load::load(&store, date(TODAY)).unwrap();
    assert!(data.now().overdue_total().is_positive());
    assert_library_figures(&store, &data);
}

#[test]
fn a_book_in_a_file_is_read_on_three_threads_with_the_same_figures() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("book.owed");
    let mut store =
        Store::open_or_create(&path, crate::store::Access::Write, &BookSettings::default())
            .unwrap();
    let options = DemoOptions {
        customers: 20,
        invoices: 300,
        seed: 5,
        today: date(TODAY),
    };
    demo::generate(&mut store, &options, &mut |_, _| {}).unwrap();
    assert!(store.path().is_some());
    let data = load::load(&store, date(TODAY)).unwrap();
    assert_library_figures(&store, &data);
    // Through the app: its worker opens a connection of its own too.
    let mut app = app_on(store);
    send(&mut app, AppMessage::Show(Tab::Dashboard));
    assert_eq!(screen(&app).data(), Some(&data));
}

#[test]
fn the_tiles_show_each_figure_with_its_change_since_last_month() {
    let mut app = app_on(store_with_history());
    send(&mut app, AppMessage::Show(Tab::Dashboard));
    let open = app.open_book().unwrap();
    let data = screen(&app).data().unwrap();
    let tiles = view::tiles(data, &open.book);
    let labels: Vec<&str> = tiles.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Owed to you",
            "Overdue",
            "Overdue share",
            "DSO (days)",
            "CEI",
            "ADD (days)"
        ]
    );
    // October's end: Acme's first third (33.34) overdue, 20.00 of it paid → 13.34;
    // owed 80.00 then (INV-2 is dated in November, nothing unapplied yet), 290.00 now.
    assert_eq!(tiles[0].value, "290.00");
    assert_eq!(tiles[0].change.as_deref(), Some("+210.00"));
    assert_eq!(tiles[1].value, "46.67");
    assert_eq!(tiles[1].change.as_deref(), Some("+33.33"));
    let share = view::overdue_share(data.now().overdue_total(), data.owed()).unwrap();
    assert_eq!(tiles[2].value, format!("{share:.1}%"));
    assert_eq!(share.to_string(), "16.1");
    let dso = data.now().period.figures.dso;
    assert_eq!(
        tiles[3].value,
        dso.map_or("—".into(), |d| format!("{d:.1}"))
    );

    let mut ui = Simulator::with_size(iced::Settings::default(), (1024.0, 700.0), app.view());
    for words in [
        "Dashboard",
        "Owed to you",
        "290.00",
        "46.67",
        "Overdue by age and DSO, month by month",
        "90+ days",
        "Expected in, the next 13 weeks",
        "The riskiest customers",
    ] {
        assert!(ui.find(words).is_ok(), "'{words}' is on the screen");
    }
}

#[test]
fn the_riskiest_are_the_highest_scores_and_a_click_opens_the_ledger() {
    let mut store = Store::open_in_memory(&BookSettings::default()).unwrap();
    let options = DemoOptions {
        customers: 30,
        invoices: 500,
        seed: 11,
        today: date(TODAY),
    };
    demo::generate(&mut store, &options, &mut |_, _| {}).unwrap();
    let all = crate::report::risk::risks(&store, date(TODAY)).unwrap();
    let mut app = app_on(store);
    send(&mut app, AppMessage::Show(Tab::Dashboard));
    let riskiest = screen(&app).data().unwrap().riskiest.clone();
    assert_eq!(riskiest.len(), load::RISKIEST);
    // Highest first, and nobody left out scores higher than the last listed.
    assert!(
        riskiest
            .windows(2)
            .all(|w| w[0].risk.score >= w[1].risk.score)
    );
    let last = riskiest.last().unwrap().risk.score;
    let listed = |code: &str| riskiest.iter().any(|r| r.code == code);
    assert!(all.iter().all(|r| listed(&r.code) || r.risk.score <= last));

    let top = &riskiest[0];
    let messages: Vec<AppMessage> = {
        let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view());
        ui.click(format!("{} · {}", top.code, top.name).as_str())
            .expect("the riskiest customer's row");
        ui.into_messages().collect()
    };
    for message in messages {
        send(&mut app, message);
    }
    let open = app.open_book().unwrap();
    assert_eq!(open.tab, Tab::Ledger);
    assert_eq!(
        open.ledger.customer_code().as_deref(),
        Some(top.code.as_str())
    );
}

#[test]
fn the_reviews_due_are_listed_and_a_click_opens_the_ledger() {
    let mut store = store_with_history();
    // 深圳华星's review came on November 1st; Acme's is a year away.
    store
        .set_next_review("C002", date("2026-11-01"), None)
        .unwrap();
    store
        .set_next_review("C001", date("2027-11-01"), None)
        .unwrap();
    let mut app = app_on(store);
    send(&mut app, AppMessage::Show(Tab::Dashboard));
    let open = app.open_book().unwrap();
    let data = screen(&app).data().unwrap();
    assert_library_figures(open.book.store(), data);
    let due: Vec<&str> = data.reviews_due.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(due, ["C002"]);
    let messages: Vec<AppMessage> = {
        let mut ui = Simulator::with_size(iced::Settings::default(), (1280.0, 800.0), app.view());
        ui.find("Credit reviews due (1)")
            .expect("the panel's title");
        ui.click("2026-11-01").expect("the review's row");
        ui.into_messages().collect()
    };
    for message in messages {
        send(&mut app, message);
    }
    let open = app.open_book().unwrap();
    assert_eq!(open.tab, Tab::Ledger);
    assert_eq!(open.ledger.customer_code().as_deref(), Some("C002"));
}

#[test]
fn a_stale_load_never_overwrites_a_newer_one() {
    let mut app = sample_app();
    let open = app.open_book_mut().unwrap();
    let first = crate::ui::headless::outputs(open.dashboard.reload(&open.book));
    pay(
        open.book.store_mut(),
        "PAY-7",
        "2026-11-22",
        "10.00",
        Apply::OldestFirst,
    );
    let second = crate::ui::headless::outputs(open.dashboard.reload(&open.book));
    // The newer answer arrives first; the older one, late, is dropped.
    for message in second.into_iter().chain(first) {
        let (_, event) = open.dashboard.update(message, &mut open.book);
        assert!(event.is_none());
    }
    let data = open.dashboard.data().unwrap();
    assert_eq!(open.book.money(data.owed()), "340.00");
    assert!(!open.dashboard.is_loading());
}

#[test]
fn a_change_to_the_book_reloads_it_only_while_it_shows() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Dashboard));
    let owed = |app: &App| {
        let open = app.open_book().unwrap();
        open.book.money(screen(app).data().unwrap().owed())
    };
    assert_eq!(owed(&app), "350.00");
    let change = |app: &mut App, number: &str| {
        let open = app.open_book_mut().unwrap();
        pay(
            open.book.store_mut(),
            number,
            "2026-11-22",
            "10.00",
            Apply::OldestFirst,
        );
        let task = open.on_event(Event::BookChanged);
        settle(app, task);
    };
    // Showing: reloaded at once.
    change(&mut app, "PAY-7");
    assert_eq!(owed(&app), "340.00");
    // Hidden: the figures wait for the next look.
    send(&mut app, AppMessage::Show(Tab::Today));
    change(&mut app, "PAY-8");
    assert_eq!(owed(&app), "340.00");
    assert!(screen(&app).stale);
    send(&mut app, AppMessage::Show(Tab::Dashboard));
    assert_eq!(owed(&app), "330.00");
    // Shown again with nothing changed: nothing read again.
    send(&mut app, AppMessage::Show(Tab::Today));
    let generation = screen(&app).generation;
    send(&mut app, AppMessage::Show(Tab::Dashboard));
    assert_eq!(screen(&app).generation, generation);
}

#[test]
fn an_error_is_said_and_the_last_figures_stay() {
    let mut app = sample_app();
    send(&mut app, AppMessage::Show(Tab::Dashboard));
    let generation = screen(&app).generation;
    send(
        &mut app,
        AppMessage::Dashboard(Message::Loaded(generation, Err("the disk is gone".into()))),
    );
    let dashboard = screen(&app);
    assert_eq!(dashboard.error(), Some("the disk is gone"));
    assert!(dashboard.data().is_some());
    let mut ui = Simulator::with_size(iced::Settings::default(), (1024.0, 700.0), app.view());
    assert!(ui.find("the disk is gone").is_ok());
}

#[test]
fn a_long_figure_shrinks_to_fit_its_tile_and_a_short_one_does_not() {
    use super::view::value_size;
    // A tile of a window 1,024 wide has about 98 px for its figure.
    let nine_digits = "213,623,920.10";
    let size = value_size(nine_digits, 98.0);
    assert!(size < 17.0, "{size}");
    assert!(
        nine_digits.chars().count() as f32 * 0.55 * size <= 98.0,
        "{size}"
    );
    assert_eq!(value_size("57.8%", 98.0), 17.0);
    // Never smaller than can be read, however narrow.
    assert_eq!(value_size("9,999,999,999.99", 20.0), 10.0);
}
