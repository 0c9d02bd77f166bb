//! Colours people can read. The theme's danger red on the dark theme's grey is about
//! 3:1, under the 4.5:1 WCAG AA asks of text this small (13–14 px); the warning colour
//! is the theme's red moved toward white (dark themes) or black (light ones) until it
//! reads on every background a table row can have.

use iced::{Color, Theme};

/// WCAG AA for normal-size text.
pub const AA: f32 = 4.5;

/// WCAG relative luminance of an opaque colour.
fn luminance(color: Color) -> f32 {
    let channel = |c: f32| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)
}

/// The WCAG contrast ratio of two opaque colours, 1 to 21.
pub fn contrast_ratio(a: Color, b: Color) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `color`, or the nearest mix of it toward white (on dark backgrounds) or black (on
/// light ones) that has at least `min` contrast with each of `backgrounds`.
pub fn readable(color: Color, backgrounds: &[Color], min: f32) -> Color {
    let Some(first) = backgrounds.first() else {
        return color;
    };
    let toward = if luminance(*first) < 0.5 {
        Color::WHITE
    } else {
        Color::BLACK
    };
    let mix = |t: f32| Color {
        r: color.r + (toward.r - color.r) * t,
        g: color.g + (toward.g - color.g) * t,
        b: color.b + (toward.b - color.b) * t,
        a: 1.0,
    };
    let reads = |c: Color| backgrounds.iter().all(|b| contrast_ratio(c, *b) >= min);
    // Twenty steps of 5%: the first that reads keeps the most of the hue.
    (0..=20)
        .map(|step| mix(step as f32 / 20.0))
        .find(|c| reads(*c))
        .unwrap_or(toward)
}

/// The backgrounds text in a table or panel sits on: the window, a panel, a striped row.
pub fn backgrounds(theme: &Theme) -> [Color; 3] {
    let palette = theme.extended_palette();
    [
        palette.background.base.color,
        palette.background.weakest.color,
        palette.background.weak.color,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ratio_is_the_wcag_one() {
        let ratio = contrast_ratio(Color::BLACK, Color::WHITE);
        assert!((ratio - 21.0).abs() < 0.01, "{ratio}");
        assert!((contrast_ratio(Color::WHITE, Color::WHITE) - 1.0).abs() < 0.001);
    }

    #[test]
    fn the_warning_colour_meets_aa_on_every_background_of_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let red = super::super::warning_color(&theme);
            for background in backgrounds(&theme) {
                let ratio = contrast_ratio(red, background);
                assert!(ratio >= AA, "{theme:?}: {ratio:.2} on {background:?}");
            }
            // Still a red.
            assert!(red.r > red.g && red.r > red.b, "{theme:?}: {red:?}");
        }
        // The dark theme's own red did not read: it was about 3:1.
        let dark = Theme::Dark;
        assert!(contrast_ratio(dark.palette().danger, backgrounds(&dark)[0]) < AA);
    }
}
