//! How a risk score looks on every screen that shows one (Customers, the ledger header,
//! Today): the band's name and the reasons in the screen's language, and the score as a
//! badge coloured by band — filled, with its own text colour, so it reads the same on
//! the light and the dark theme.

use iced::widget::{container, text};
use iced::{Border, Color, Element, Length};

use super::widgets::BOLD;
use crate::domain::risk::Band;

/// The band's name, the reasons and "high (57)" in the screen's language (shared with
/// the command line).
pub use crate::i18n::words::{band_and_score, band_name, reason_text, reasons_text};

/// The band's fill and the text colour on it: low green, medium amber, high
/// orange-red, severe red. The fills are mid-tones with their own text colour, so the
/// badge does not depend on the theme's background.
pub fn band_colors(band: Band) -> (Color, Color) {
    match band {
        Band::Low => (Color::from_rgb8(0x2e, 0x7d, 0x32), Color::WHITE),
        Band::Medium => (Color::from_rgb8(0xf9, 0xa8, 0x25), Color::BLACK),
        Band::High => (Color::from_rgb8(0xe6, 0x4a, 0x19), Color::WHITE),
        Band::Severe => (Color::from_rgb8(0xb7, 0x1c, 0x1c), Color::WHITE),
    }
}

/// The score (or any short label) on its band's colour.
pub fn badge<'a, M: 'a>(label: String, band: Band, size: f32) -> Element<'a, M> {
    let (fill, ink) = band_colors(band);
    container(text(label).size(size).font(BOLD))
        .padding([1, 8])
        .style(move |_| container::Style {
            background: Some(fill.into()),
            text_color: Some(ink),
            border: Border {
                radius: 4.0.into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .width(Length::Shrink)
        .into()
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::domain::risk::{Risk, RiskReason};
    use crate::i18n::{Language, loader_for};

    #[test]
    fn every_reason_and_band_has_chinese() {
        let ids = [
            "low",
            "medium",
            "high",
            "severe",
            "pays-days-days-late-on-average",
            "pays-1-day-late-on-average",
            "n-1-broken-promise-in-6",
            "count-broken-promises-in-6-months",
            "percent-of-limit-used",
            "percent-of-its-balance-over-60",
            "nothing-counts-against-it-2",
            "list-separator",
        ];
        let english = loader_for(Language::English);
        let chinese = loader_for(Language::SimplifiedChinese);
        for id in ids {
            assert_ne!(chinese.get(id), english.get(id), "{id}");
        }
        assert_eq!(chinese.get("severe"), "严重");
    }

    #[test]
    fn reasons_read_as_the_domain_words_them_in_english() {
        let risk = Risk {
            score: 57,
            band: Band::High,
            reasons: vec![
                RiskReason::PaysLate {
                    days: Decimal::from(23),
                },
                RiskReason::BrokenPromises { count: 2 },
                RiskReason::LimitUsed {
                    percent: Decimal::from(84),
                },
                RiskReason::LongOverdue {
                    percent: Decimal::from(40),
                },
            ],
        };
        // The tests run in English: the screen's words are the domain's.
        assert_eq!(reasons_text(&risk), risk.explained());
        assert_eq!(band_and_score(&risk), "high (57)");
    }
}
