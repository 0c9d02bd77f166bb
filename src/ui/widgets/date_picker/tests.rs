//! The calendar's arithmetic, and picking a day through the widget as drawn.

use super::*;
use crate::ui::testing::date;

#[test]
fn months_step_across_years() {
    assert_eq!(step(date("2026-12-01"), 1), date("2027-01-01"));
    assert_eq!(step(date("2027-01-01"), -1), date("2026-12-01"));
    assert_eq!(step(date("2026-03-01"), -13), date("2025-02-01"));
    assert_eq!(first_of(date("2024-02-29")), date("2024-02-01"));
}

#[test]
fn the_grid_starts_on_the_monday_before_the_first() {
    // 2026-12-01 is a Tuesday: one day of November leads.
    let december = grid(date("2026-12-01"));
    assert_eq!(december.len(), 42);
    assert_eq!(december[0], date("2026-11-30"));
    assert_eq!(december[1], date("2026-12-01"));
    assert_eq!(december[41], date("2027-01-10"));
    // 2026-02-01 is a Sunday: six days of January lead.
    let february = grid(date("2026-02-01"));
    assert_eq!(february[0], date("2026-01-26"));
    assert_eq!(february[6], date("2026-02-01"));
    // A month starting on a Monday has none.
    assert_eq!(grid(date("2026-06-01"))[0], date("2026-06-01"));
    // February of a leap year has its 29th, then March.
    let leap = grid(date("2024-02-01"));
    let at = leap.iter().position(|d| *d == date("2024-02-29")).unwrap();
    assert_eq!(leap[at + 1], date("2024-03-01"));
    for day in &leap {
        assert_eq!(
            day.weekday() == chrono::Weekday::Mon,
            (day.signed_duration_since(leap[0]).num_days() % 7) == 0
        );
    }
}

#[test]
fn it_opens_at_the_fields_date_or_today_and_a_pick_closes_it() {
    let today = date("2026-11-23");
    let mut picker = DatePicker::default();
    assert_eq!(picker.update(Message::Toggle, "2025-02-14", today), None);
    assert!(picker.is_open());
    assert_eq!(picker.month(), date("2025-02-01"));
    picker.update(Message::Toggle, "2025-02-14", today);
    assert!(!picker.is_open(), "the button closes it again");
    picker.update(Message::Toggle, "14/02/2025", today);
    assert_eq!(
        picker.month(),
        date("2026-11-01"),
        "not a date: today's month"
    );
    picker.update(Message::Next, "", today);
    picker.update(Message::Next, "", today);
    assert_eq!(picker.month(), date("2027-01-01"));
    assert_eq!(
        picker.update(Message::Pick(date("2027-01-15")), "", today),
        Some(date("2027-01-15"))
    );
    assert!(!picker.is_open());
}

#[test]
fn month_and_weekday_names() {
    assert_eq!(month_title(date("2026-12-01")), "December 2026");
    assert_eq!(weekday_names()[0], "Mo");
    assert_eq!(weekday_names()[6], "Su");
}

/// The field as a form shows it, driven with clicks: the messages its clicks make go
/// back through `update`, as a form's would.
#[test]
fn clicking_a_day_fills_the_field() {
    use iced_test::simulator;
    let today = date("2026-11-23");
    let mut picker = DatePicker::default();
    let mut value = "2026-11-05".to_string();
    fn view<'a>(picker: &DatePicker, value: &'a str, today: NaiveDate) -> Element<'a, Message> {
        // Typing is not what is tested: any message stands in for it.
        date_field(
            "Date",
            "date",
            value,
            |_| Message::Close,
            None,
            None,
            picker,
            today,
            |m| m,
        )
    }
    let mut ui = simulator(view(&picker, &value, today));
    ui.click("▾").expect("the calendar button");
    for message in ui.into_messages() {
        picker.update(message, &value, today);
    }
    assert!(picker.is_open());
    let mut ui = simulator(view(&picker, &value, today));
    assert!(ui.find("November 2026").is_ok(), "the field's month");
    ui.click("›").expect("next month");
    for message in ui.into_messages() {
        picker.update(message, &value, today);
    }
    let mut ui = simulator(view(&picker, &value, today));
    assert!(ui.find("December 2026").is_ok());
    ui.click("15").expect("a day");
    let mut picked = None;
    for message in ui.into_messages() {
        picked = picked.or(picker.update(message, &value, today));
    }
    value = picked.expect("a day picked").to_string();
    assert_eq!(value, "2026-12-15");
    assert!(!picker.is_open());
    assert!(
        simulator(view(&picker, &value, today))
            .find("December 2026")
            .is_err(),
        "closed"
    );
}
