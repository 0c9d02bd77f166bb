use super::*;
use crate::domain::NumberFormat;

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn usd() -> Currency {
    Currency::default()
}

fn m(text: &str) -> Money {
    usd().parse(text).unwrap()
}

fn plan(text: &str) -> Promise {
    Promise::parse(text, &usd()).unwrap()
}

fn statuses(standing: &PromiseStanding) -> Vec<&'static str> {
    standing.parts.iter().map(|p| p.status.as_str()).collect()
}

#[test]
fn the_issue_example_reads_as_three_parts() {
    let p = plan("2026-12-10:300,2027-01-10:300,2027-02-10:400");
    assert_eq!(p.parts().len(), 3);
    assert!(p.is_plan());
    assert_eq!(
        p.parts()[1],
        PromisePart {
            date: d("2027-01-10"),
            amount: m("300")
        }
    );
    assert_eq!(p.total(), m("1000"));
    assert_eq!(p.last_date(), d("2027-02-10"));
    // `;` separates too, and spaces around parts are fine.
    assert_eq!(plan("2026-12-10:300; 2027-01-10:300 ;2027-02-10:400"), p);
    // One part is a plain promise.
    let one = plan(" 2026-11-30:500.00 ");
    assert_eq!(one, Promise::single(d("2026-11-30"), m("500.00")));
    assert!(!one.is_plan());
}

#[test]
fn amounts_keep_their_own_commas() {
    // A decimal-point book groups thousands with commas.
    let p = plan("2026-12-10:1,500.00,2027-01-10:2,000");
    assert_eq!(
        p.parts().iter().map(|p| p.amount).collect::<Vec<_>>(),
        vec![m("1500"), m("2000")]
    );
    // A decimal-comma book writes decimals with one.
    let eur = Currency::new("EUR", 2)
        .unwrap()
        .with_format(NumberFormat::CommaDot);
    let p = Promise::parse("2026-12-10:300,50,2027-01-10:1.000,25", &eur).unwrap();
    assert_eq!(p.parts()[0].amount, eur.parse("300,50").unwrap());
    assert_eq!(p.parts()[1].amount, eur.parse("1000,25").unwrap());
    // What is written reads back the same.
    assert_eq!(Promise::parse(&p.to_text(&eur), &eur).unwrap(), p);
    let q = plan("2026-12-10:1,500.00,2027-01-10:2,000");
    assert_eq!(Promise::parse(&q.to_text(&usd()), &usd()).unwrap(), q);
}

#[test]
fn bad_plans_get_one_clear_line() {
    let error = |text: &str| Promise::parse(text, &usd()).unwrap_err().to_string();
    for (text, says) in [
        ("", "a part is empty"),
        ("2026-12-10", "is not DATE:AMOUNT"),
        ("2026-12-10:300,", "'300,' is not an amount"),
        ("2026-12-10:300;", "a part is empty"),
        ("2026-02-30:300", "2026-02-30"),
        ("1899-12-31:300", "1899-12-31"),
        ("2026-12-10:0", "more than zero"),
        ("2026-12-10:-5", "more than zero"),
        ("2026-12-10:12.345", "decimals"),
        ("2026-12-10:300,2026-12-10:300", "must go forward"),
        ("2027-01-10:300,2026-12-10:300", "must go forward"),
    ] {
        let message = error(text);
        assert!(message.contains(says), "{text:?}: {message}");
        assert!(message.contains("DATE:AMOUNT"), "{text:?}: {message}");
        assert!(!message.contains('\n'), "{text:?}: {message}");
    }
    let sixty: Vec<String> = (0..60)
        .map(|i| format!("{}:1", d("2027-01-01") + chrono::Days::new(i)))
        .collect();
    assert_eq!(
        Promise::parse(&sixty.join(","), &usd())
            .unwrap()
            .parts()
            .len(),
        60
    );
    let sixty_one = format!("{},2030-01-01:1", sixty.join(","));
    assert!(error(&sixty_one).contains("at most 60 parts"));
}

#[test]
fn a_single_promise_is_open_kept_partly_kept_or_broken() {
    let p = plan("2026-11-20:50.00");
    let on = |paid: &str, today: &str| p.judge(&[m(paid)], d(today));
    assert_eq!(on("0", "2026-11-20").status, PromiseStatus::Open);
    assert_eq!(on("50", "2026-11-19").status, PromiseStatus::Kept);
    assert_eq!(on("60", "2026-11-21").status, PromiseStatus::Kept);
    let partly = on("49.99", "2026-11-21");
    assert_eq!(partly.status, PromiseStatus::PartlyKept);
    assert_eq!(partly.parts[0].paid, m("49.99"));
    assert_eq!(partly.short_passed(), m("0.01"));
    assert!(partly.is_broken());
    let broken = on("0", "2026-11-21");
    assert_eq!(broken.status, PromiseStatus::Broken);
    assert!(broken.holding_part().is_none());
    // Its date today and unpaid: due, and it still holds.
    let today = on("10", "2026-11-20");
    assert_eq!(today.due_today().map(|p| p.short()), Some(m("40")));
    assert_eq!(today.holding_part().map(|p| p.date), Some(d("2026-11-20")));
}

#[test]
fn payments_apply_to_the_parts_in_date_order_each_judged_on_its_date() {
    let p = plan("2026-12-10:300,2027-01-10:300,2027-02-10:400");
    // Paid through each part's date: 300 by the first, 450 by the second, 450 by the third.
    let paid = [m("300"), m("450"), m("450")];
    // Before the second part's date: first kept, second open (150 applied), third open.
    let s = p.judge(&paid, d("2027-01-05"));
    assert_eq!(statuses(&s), ["kept", "open", "open"]);
    assert_eq!(s.parts[1].paid, m("150"));
    assert_eq!(s.status, PromiseStatus::Open);
    assert_eq!(s.holding_part().map(|p| p.date), Some(d("2027-01-10")));
    // The second part's date passed short: partly kept, and the plan no longer holds.
    let s = p.judge(&paid, d("2027-01-11"));
    assert_eq!(statuses(&s), ["kept", "partly-kept", "open"]);
    assert_eq!(
        s.status,
        PromiseStatus::Open,
        "open while a part is open and none broken"
    );
    assert!(s.is_broken() && s.holding_part().is_none());
    assert_eq!(s.short_passed(), m("150"));
    assert_eq!(
        s.short_parts().next().map(|p| p.date),
        Some(d("2027-01-10"))
    );
    // Everything passed, nothing more paid: the third part is broken, and so the plan.
    let s = p.judge(&paid, d("2027-03-01"));
    assert_eq!(statuses(&s), ["kept", "partly-kept", "broken"]);
    assert_eq!(s.status, PromiseStatus::Broken);
    // Paid in full along the way: kept.
    let s = p.judge(&[m("300"), m("600"), m("1000")], d("2027-03-01"));
    assert_eq!(statuses(&s), ["kept", "kept", "kept"]);
    assert_eq!(s.status, PromiseStatus::Kept);
    // Every part short but none without money: partly kept.
    let s = p.judge(&[m("100"), m("200"), m("300")], d("2027-03-01"));
    assert_eq!(statuses(&s), ["partly-kept", "partly-kept", "partly-kept"]);
    assert_eq!(s.status, PromiseStatus::PartlyKept);
}

#[test]
fn money_after_a_parts_date_counts_toward_the_next_part_not_that_one() {
    let p = plan("2026-12-10:300,2027-01-10:300");
    // Nothing by 12-10; 300 between 12-10 and 01-10.
    let s = p.judge(&[m("0"), m("300")], d("2027-01-11"));
    assert_eq!(statuses(&s), ["broken", "kept"]);
    assert_eq!(s.status, PromiseStatus::Broken);
    // Paid early and more than the first part: the rest carries to the second.
    let s = p.judge(&[m("450"), m("450")], d("2026-12-20"));
    assert_eq!(statuses(&s), ["kept", "open"]);
    assert_eq!(s.parts[1].paid, m("150"));
    // A later part paid in full early is kept before its date; the plan then holds
    // only while some part is still open.
    let s = p.judge(&[m("600"), m("600")], d("2026-12-01"));
    assert_eq!(statuses(&s), ["kept", "kept"]);
    assert_eq!(s.status, PromiseStatus::Kept);
    assert!(s.holding_part().is_none());
    // A part kept early does not hold; the next open one does.
    let s = p.judge(&[m("300"), m("300")], d("2026-12-01"));
    assert_eq!(s.holding_part().map(|p| p.date), Some(d("2027-01-10")));
}
