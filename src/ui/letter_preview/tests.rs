//! The letter preview on its own: every amount whole at any window width, and what its
//! buttons ask of the host.
use iced_test::simulator::Simulator;

use super::*;
use crate::domain::document::DocKind;
use crate::domain::terms::Plan;
use crate::ui::testing::{TODAY, date, sample_store};

/// Acme's letter on the sample book, with one more invoice of a very large amount.
fn preview() -> LetterPreview {
    let mut store = sample_store();
    let amount = store.currency().parse("987654321098.76").unwrap();
    store
        .post_debit(&crate::store::NewDebit {
            customer: "C001".into(),
            kind: DocKind::Invoice,
            number: Some("INV-BIG".into()),
            date: date("2026-08-01"),
            amount,
            terms: None,
            due: None,
            plan: Plan::Single,
            reference: None,
            memo: None,
        })
        .unwrap();
    let request = LetterRequest {
        customer: "C001".into(),
        level: Level::SecondNotice,
        date: date(TODAY),
        deadline: None,
        locale: None,
        email: false,
    };
    let context = Context::new(&store, request.date, None).unwrap();
    let letter = letters::build_letter(&store, &context, &request).unwrap();
    LetterPreview::new(letter, context.company().clone())
}

#[test]
fn amounts_are_never_cut_even_in_a_narrow_window() {
    let preview = preview();
    let letter = preview.letter();
    let total = format!(
        "{} {}",
        letter.currency.code,
        letter.currency.display(letter.total_overdue)
    );
    let big = letter.currency.display(letter.items[0].open);
    assert!(big.starts_with("987,654,321,098"), "{big}");
    let bounds_at = |width: f32, shown: &str| {
        let mut ui =
            Simulator::with_size(iced::Settings::default(), (width, 2400.0), preview.view());
        let found = ui.find(shown).unwrap_or_else(|_| panic!("{shown} shown"));
        (found.bounds(), found.visible_bounds())
    };
    for shown in [total.as_str(), big.as_str()] {
        let (wide, visible) = bounds_at(1070.0, shown);
        assert!(wide.width > 50.0, "{shown}: {wide:?}");
        let same = |a: f32, b: f32| (a - b).abs() < 0.01;
        assert!(
            visible.is_some_and(|v| same(v.width, wide.width)),
            "{shown} whole: {wide:?} {visible:?}"
        );
        // The screen area of a 1024-pixel window: all of it in view.
        let (fits, visible) = bounds_at(782.0, shown);
        assert!(same(fits.width, wide.width), "{shown} as wide at 782");
        assert!(
            visible.is_some_and(|v| same(v.width, fits.width) && fits.x + fits.width <= 782.0),
            "{shown} in view at 782: {fits:?} {visible:?}"
        );
        // Narrower than the page: the page scrolls sideways, the amount stays whole.
        let (narrow, _) = bounds_at(480.0, shown);
        assert!(
            same(narrow.width, wide.width),
            "{shown} as wide at 480: {narrow:?}"
        );
    }
}

#[test]
fn send_and_close_ask_the_host_and_send_can_be_turned_off() {
    let mut preview = preview();
    let (_, event) = preview.update(Message::Send);
    assert_eq!(
        event,
        Some(Event::Send {
            customer: "C001".into(),
            level: Level::SecondNotice
        })
    );
    preview.set_can_send(false);
    assert_eq!(preview.update(Message::Send).1, None, "busy: nothing asked");
    assert_eq!(preview.update(Message::Close).1, Some(Event::Close));
}
