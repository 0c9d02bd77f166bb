//! The forecast on small books worked by hand.

use super::*;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

const C1: CustomerId = CustomerId(1);
const C2: CustomerId = CustomerId(2);
const C3: CustomerId = CustomerId(3);

fn open(item: i64, customer: CustomerId, due: &str, open: i64) -> OpenItem {
    OpenItem {
        item,
        customer,
        due: date(due),
        open,
        disputed: false,
    }
}

fn paid(customer: CustomerId, due: &str, settled: &str, amount: i64) -> PastItem {
    PastItem {
        customer,
        due: date(due),
        amount,
        settled: Some(date(settled)),
    }
}

fn input(weeks: u32, open: Vec<OpenItem>, history: Vec<PastItem>) -> ForecastInput {
    ForecastInput {
        as_of: date("2026-06-30"),
        weeks,
        open,
        credit: Vec::new(),
        history,
        promises: Vec::new(),
    }
}

/// (expected, promised) of each week.
fn cash(outlook: &Outlook) -> Vec<(i64, i64)> {
    outlook
        .weeks
        .iter()
        .map(|w| (w.expected, w.promised))
        .collect()
}

#[test]
fn weeks_start_the_day_after_the_as_of_day() {
    let spans = week_spans(date("2026-06-30"), 2);
    assert_eq!(
        spans,
        [
            (date("2026-07-01"), date("2026-07-07")),
            (date("2026-07-08"), date("2026-07-14"))
        ]
    );
    // Past the calendar's end, the weeks stop.
    assert_eq!(week_spans(NaiveDate::MAX, 3), []);
}

#[test]
fn split_by_largest_remainder_adds_up() {
    assert_eq!(split(10000, &[1, 1, 1]), [3334, 3333, 3333]);
    assert_eq!(split(5, &[0, 0]), [0, 0]);
    assert_eq!(split(7, &[2, 0, 1]), [5, 0, 2]);
    assert_eq!(split(0, &[3, 1]), [0, 0]);
}

/// As of 2026-06-30, four weeks (07-01..07-07, 07-08..07-14, 07-15..07-21, 07-22..07-28).
///
/// History: C1 settled 200.00 and 100.00 ten days late and 100.00 twenty days late
/// (three items: its own habit, {10 days: 300.00, 20 days: 100.00}); C2 paid 50.00 thirty
/// days late and still owes 100.00 due 2026-01-01 (one paid item: it takes the book's
/// habit, {10: 300.00, 20: 100.00, 30: 50.00}). Collected of the items that went 1+ days
/// overdue: 450.00 of 550.00 = 9/11; of those that went 31+ days overdue: nothing of the
/// 100.00 (180 days overdue, past 31 + 30 days).
///
/// - C1's A, 400.00 due 07-01, not overdue: 3/4 ten days late (07-11, week 2), 1/4 twenty
///   days late (07-21, week 3): 300.00 and 100.00.
/// - C1's B, 110.00 due 06-10, 20 days overdue: C1 never paid 21+ days late, so the
///   book's 30 days (07-10, week 2); × 9/11: 90.00 in week 2, 20.00 not expected.
/// - C2's 100.00 due 01-01, 180 days overdue: later than the book ever paid, so now, but
///   × 0 (nothing that went 91+ days overdue was collected): nothing expected.
/// - C2's C, 110.00 due 06-15, 15 days overdue, by the book from 16 days late on
///   ({20: 100.00, 30: 50.00}): 2/3 on 07-05 (week 1), 1/3 on 07-15 (week 3), × 9/11:
///   60.00 and 30.00.
/// - C3 has 500.00 in dispute (left out), E1 149.00 due 06-25 and E2 290.00 due 07-05,
///   and 50.00 unapplied credit (off E1, the oldest not in dispute: 99.00 left). It
///   promised 100.00 on 07-03 and 100.00 on 08-15 for E2's invoice: both come off E2
///   (90.00 left); the first is promised in week 1, the second falls after week 4.
///   E1, 5 days overdue, by the book from 6 days late: 2/3 on 07-05 (week 1), 2/9 on
///   07-15 (week 3), 1/9 on 07-25 (week 4), × 9/11: 54.00, 18.00, 9.00.
///   E2, not yet due: 2/3 on 07-15 (week 3), 2/9 on 07-25 (week 4), 1/9 on 08-04 (after).
///   60.00, 20.00.
///
/// Weeks: 1: 60 + 54 = 114.00 expected, 100.00 promised; 2: 300 + 90 = 390.00;
/// 3: 100 + 30 + 18 + 60 = 208.00; 4: 9 + 20 = 29.00. Total 841.00 of 1,109.00 owed.
#[test]
fn the_worked_example() {
    let history = vec![
        paid(C1, "2026-03-01", "2026-03-11", 20000),
        paid(C1, "2026-04-01", "2026-04-21", 10000),
        paid(C1, "2026-05-01", "2026-05-11", 10000),
        paid(C2, "2026-02-01", "2026-03-03", 5000),
        PastItem {
            customer: C2,
            due: date("2026-01-01"),
            amount: 10000,
            settled: None,
        },
    ];
    let mut items = vec![
        open(1, C1, "2026-07-01", 40000),
        open(2, C1, "2026-06-10", 11000),
        open(3, C2, "2026-06-15", 11000),
        open(4, C3, "2026-06-20", 50000),
        open(5, C3, "2026-06-25", 14900),
        open(6, C3, "2026-07-05", 29000),
        open(7, C2, "2026-01-01", 10000),
    ];
    items[3].disputed = true;
    let mut input = input(4, items, history);
    input.credit = vec![(C3, 3000), (C3, 2000)];
    input.promises = vec![OpenPromise {
        customer: C3,
        items_first: vec![6],
        parts: vec![(date("2026-07-03"), 10000), (date("2026-08-15"), 10000)],
    }];
    let outlook = forecast(&input);
    assert_eq!(
        cash(&outlook),
        [(11400, 10000), (39000, 0), (20800, 0), (2900, 0)]
    );
    assert_eq!(outlook.total, 84100);
    assert_eq!(outlook.collectible, 110900);
    assert_eq!(outlook.weeks[0].start, date("2026-07-01"));
    assert_eq!(outlook.weeks[3].end, date("2026-07-28"));
    for week in &outlook.weeks {
        let mid = week.expected + week.promised;
        assert!(week.low <= mid && mid <= week.high, "{week:?}");
        assert!(week.low >= 0 && week.high <= outlook.collectible);
    }
}

/// A promise larger than what is owed counts only up to it; an item later than anything
/// the book has seen paid is expected now, in week 1; a promise part dated before the
/// as-of day is promised in week 1 too.
#[test]
fn promises_never_count_more_than_is_owed_and_the_very_late_come_now() {
    let history = vec![
        paid(C1, "2026-05-01", "2026-05-03", 10000),
        paid(C1, "2026-05-10", "2026-05-12", 10000),
        paid(C1, "2026-05-20", "2026-05-22", 10000),
    ];
    let mut input = input(
        2,
        vec![
            open(1, C1, "2026-01-01", 7000),
            open(2, C2, "2026-06-01", 5000),
        ],
        history,
    );
    input.promises = vec![OpenPromise {
        customer: C2,
        items_first: vec![],
        parts: vec![(date("2026-06-30"), 3000), (date("2026-07-09"), 9000)],
    }];
    let outlook = forecast(&input);
    // C1's item is 180 days overdue, the book never paid later than 2 days: now. Nothing
    // of the book went overdue uncollected, so all of it. C2 promised 30.00 today (week
    // 1) and 90.00 on 07-09, of which only 20.00 is still owed (week 2).
    assert_eq!(cash(&outlook), [(7000, 3000), (0, 2000)]);
    assert_eq!(outlook.total, 12000);
    assert_eq!(outlook.collectible, 12000);
}

/// Credit larger than what a customer owes leaves nothing expected of it, and never
/// makes another customer's money smaller.
#[test]
fn credit_covers_only_its_own_customer() {
    let history = vec![
        paid(C1, "2026-05-01", "2026-05-03", 10000),
        paid(C2, "2026-05-10", "2026-05-12", 10000),
        paid(C2, "2026-05-20", "2026-05-22", 10000),
    ];
    let mut input = input(
        1,
        vec![
            open(1, C1, "2026-07-01", 5000),
            open(2, C2, "2026-07-01", 5000),
        ],
        history,
    );
    input.credit = vec![(C1, 9000)];
    let outlook = forecast(&input);
    assert_eq!(cash(&outlook), [(5000, 0)]);
    assert_eq!(outlook.collectible, 5000);
}

/// 100.00 due on the as-of day, by a habit of paying half 3 days late and half 10 days
/// late: 50.00 in week 1 and 50.00 in week 2. Whether it comes in week 1 is a coin toss
/// of 100.00: a variance of 50 × 50 (in currency units², 5000 × 5000 in cents). Two such
/// items, at two customers or at one, add their variances: σ = √(2 × 5000²) = 7071.07
/// cents, rounded up to 7072; the band is ±⌈1.28 × 7072⌉ = ±9053 cents around 100.00.
/// A promise of 100.00 in week 1 is kept or not with even odds: σ = 50.00, ±64.00,
/// clipped at the 100.00 owed.
#[test]
fn the_band_is_the_expected_cash_give_or_take_1_28_standard_deviations() {
    let habit = |customer| {
        vec![
            paid(customer, "2026-05-01", "2026-05-04", 10000),
            paid(customer, "2026-05-10", "2026-05-13", 10000),
            paid(customer, "2026-05-20", "2026-05-30", 20000),
        ]
    };
    let apart = input(
        2,
        vec![
            open(1, C1, "2026-06-30", 10000),
            open(2, C2, "2026-06-30", 10000),
        ],
        [habit(C1), habit(C2)].concat(),
    );
    let together = input(
        2,
        vec![
            open(1, C1, "2026-06-30", 10000),
            open(2, C1, "2026-06-30", 10000),
        ],
        habit(C1),
    );
    for book in [apart, together] {
        let outlook = forecast(&book);
        assert_eq!(cash(&outlook), [(10000, 0), (10000, 0)]);
        let bands: Vec<(i64, i64)> = outlook.weeks.iter().map(|w| (w.low, w.high)).collect();
        assert_eq!(bands, [(947, 19053), (947, 19053)]);
    }
    let mut promised = input(1, vec![open(1, C3, "2026-07-20", 10000)], Vec::new());
    promised.promises = vec![OpenPromise {
        customer: C3,
        items_first: vec![],
        parts: vec![(date("2026-07-02"), 10000)],
    }];
    let outlook = forecast(&promised);
    assert_eq!(cash(&outlook), [(0, 10000)]);
    assert_eq!((outlook.weeks[0].low, outlook.weeks[0].high), (3600, 10000));
}

#[test]
fn nothing_open_forecasts_nothing() {
    let outlook = forecast(&input(13, Vec::new(), Vec::new()));
    assert_eq!(outlook.weeks.len(), 13);
    assert!(
        outlook
            .weeks
            .iter()
            .all(|w| (w.expected, w.promised, w.low, w.high) == (0, 0, 0, 0))
    );
    assert_eq!(outlook.total, 0);
}
