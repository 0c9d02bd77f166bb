//! The window's size: the smallest the screens are laid out for, the size it opens at,
//! and how it is fitted to a monitor too small for that (known only once it is open).

use iced::{Point, Size, Task};

/// The smallest window the screens are laid out for (the 1024×640): every
/// screen is checked at 1024×700 and keeps its amounts whole down to this.
pub const MIN_WINDOW: Size = Size::new(1024.0, 640.0);

/// The size the window opens at on a screen with room for it.
pub const OPENING_WINDOW: Size = Size::new(1280.0, 800.0);

/// The window's size on a monitor of `monitor` (logical pixels) when the opening size
/// would not fit it (a 1366×768 laptop, a 1280×720 projector): the monitor less room
/// for a panel and the window's frame, never below [`MIN_WINDOW`]. `None` when the
/// opening size fits.
pub fn fitted_window(monitor: Size) -> Option<Size> {
    // Room left for the desktop's panels and the window's title bar and borders.
    const MARGIN: Size = Size::new(32.0, 96.0);
    let fits = monitor.width >= OPENING_WINDOW.width + MARGIN.width
        && monitor.height >= OPENING_WINDOW.height + MARGIN.height;
    (!fits && monitor.width > 0.0 && monitor.height > 0.0).then(|| {
        Size::new(
            (monitor.width - MARGIN.width).clamp(MIN_WINDOW.width, OPENING_WINDOW.width),
            (monitor.height - MARGIN.height).clamp(MIN_WINDOW.height, OPENING_WINDOW.height),
        )
    })
}

/// Shrinks the window to its monitor when it opened larger than the monitor, and
/// centres it again: the window opens before its monitor is known.
pub fn fit_to_monitor<T: Send + 'static>() -> Task<T> {
    iced::window::oldest().and_then(|id| {
        iced::window::monitor_size(id).and_then(move |monitor| match fitted_window(monitor) {
            Some(size) => Task::batch([
                iced::window::resize(id, size),
                iced::window::move_to(
                    id,
                    Point::new(
                        ((monitor.width - size.width) / 2.0).max(0.0),
                        ((monitor.height - size.height) / 2.0).max(0.0),
                    ),
                ),
            ]),
            None => Task::none(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_monitor_with_room_keeps_the_opening_size() {
        assert_eq!(fitted_window(Size::new(1920.0, 1080.0)), None);
        assert_eq!(fitted_window(Size::new(1440.0, 900.0)), None);
    }

    #[test]
    fn a_small_monitor_gets_a_window_that_fits_it_and_no_smaller_than_the_least() {
        assert_eq!(
            fitted_window(Size::new(1366.0, 768.0)),
            Some(Size::new(1280.0, 672.0))
        );
        assert_eq!(
            fitted_window(Size::new(1280.0, 720.0)),
            Some(Size::new(1248.0, 640.0))
        );
        assert_eq!(fitted_window(Size::new(1024.0, 700.0)), Some(MIN_WINDOW));
        // Smaller still: the least the screens are laid out for.
        assert_eq!(fitted_window(Size::new(800.0, 600.0)), Some(MIN_WINDOW));
    }

    #[test]
    fn an_unknown_monitor_changes_nothing() {
        assert_eq!(fitted_window(Size::new(0.0, 0.0)), None);
    }
}
