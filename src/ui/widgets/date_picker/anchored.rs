//! A widget with a pop-up anchored beneath it, drawn as an overlay: the pop-up floats
//! over whatever follows the widget instead of pushing a form's fields down, the way
//! `pick_list` shows its menu. A press outside both the widget and the pop-up dismisses
//! it (and still reaches what was pressed, so one click on another field both closes
//! the calendar and focuses that field).

use iced::advanced::widget::{self, Tree, Widget};
use iced::advanced::{Clipboard, Layout, Shell, layout, mouse, overlay, renderer};
use iced::{Element, Event, Length, Point, Rectangle, Renderer, Size, Theme, Vector};

/// Space between the widget and its pop-up.
const GAP: f32 = 4.0;

pub struct Anchored<'a, M> {
    anchor: Element<'a, M>,
    popup: Option<Element<'a, M>>,
    on_dismiss: M,
}

impl<'a, M> Anchored<'a, M> {
    /// `anchor` with `popup` beneath it when there is one; `on_dismiss` is published on
    /// a press elsewhere.
    pub fn new(
        anchor: impl Into<Element<'a, M>>,
        popup: Option<Element<'a, M>>,
        on_dismiss: M,
    ) -> Self {
        Anchored {
            anchor: anchor.into(),
            popup,
            on_dismiss,
        }
    }
}

impl<'a, M: Clone + 'a> Widget<M, Theme, Renderer> for Anchored<'a, M> {
    fn children(&self) -> Vec<Tree> {
        let mut children = vec![Tree::new(&self.anchor)];
        children.extend(self.popup.as_ref().map(Tree::new));
        children
    }

    fn diff(&self, tree: &mut Tree) {
        // The anchor stays first, so its text input keeps its focus and cursor while
        // the pop-up comes and goes.
        match &self.popup {
            Some(popup) => tree.diff_children(&[self.anchor.as_widget(), popup.as_widget()]),
            None => tree.diff_children(&[self.anchor.as_widget()]),
        }
    }

    fn size(&self) -> Size<Length> {
        self.anchor.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.anchor.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.anchor
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        self.anchor.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.anchor.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.anchor.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn widget::Operation,
    ) {
        self.anchor
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, Renderer>> {
        let mut children = tree.children.iter_mut();
        let anchor_tree = children.next()?;
        match (&mut self.popup, children.next()) {
            (Some(popup), Some(popup_tree)) => Some(overlay::Element::new(Box::new(Popup {
                popup,
                tree: popup_tree,
                anchor: layout.bounds() + translation,
                on_dismiss: self.on_dismiss.clone(),
            }))),
            _ => self.anchor.as_widget_mut().overlay(
                anchor_tree,
                layout,
                renderer,
                viewport,
                translation,
            ),
        }
    }
}

impl<'a, M: Clone + 'a> From<Anchored<'a, M>> for Element<'a, M> {
    fn from(anchored: Anchored<'a, M>) -> Self {
        Element::new(anchored)
    }
}

struct Popup<'a, 'b, M> {
    popup: &'b mut Element<'a, M>,
    tree: &'b mut Tree,
    /// Where the anchor is in the window.
    anchor: Rectangle,
    on_dismiss: M,
}

/// Where a pop-up of `size` goes in a window of `window` for an anchor at `anchor`:
/// beneath it, or above it when there is no room beneath; moved left to stay inside.
fn place(anchor: Rectangle, size: Size, window: Size) -> Point {
    let below = anchor.y + anchor.height + GAP;
    let above = anchor.y - GAP - size.height;
    let y = if below + size.height > window.height && above >= 0.0 {
        above
    } else {
        below
    };
    let x = anchor.x.min(window.width - size.width).max(0.0);
    Point::new(x, y)
}

impl<M: Clone> overlay::Overlay<M, Theme, Renderer> for Popup<'_, '_, M> {
    fn layout(&mut self, renderer: &Renderer, bounds: Size) -> layout::Node {
        let node = self.popup.as_widget_mut().layout(
            self.tree,
            renderer,
            &layout::Limits::new(Size::ZERO, bounds),
        );
        let at = place(self.anchor, node.size(), bounds);
        node.move_to(at)
    }

    fn update(
        &mut self,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
    ) {
        if let Event::Mouse(mouse::Event::ButtonPressed(_)) = event
            && !cursor.is_over(layout.bounds())
            && !cursor.is_over(self.anchor)
        {
            shell.publish(self.on_dismiss.clone());
        }
        self.popup.as_widget_mut().update(
            self.tree,
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            &layout.bounds(),
        );
    }

    fn draw(
        &self,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
    ) {
        self.popup.as_widget().draw(
            self.tree,
            renderer,
            theme,
            style,
            layout,
            cursor,
            &layout.bounds(),
        );
    }

    fn mouse_interaction(
        &self,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.popup.as_widget().mouse_interaction(
            self.tree,
            layout,
            cursor,
            &layout.bounds(),
            renderer,
        )
    }

    fn operate(
        &mut self,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn widget::Operation,
    ) {
        self.popup
            .as_widget_mut()
            .operate(self.tree, layout, renderer, operation);
    }

    fn overlay<'c>(
        &'c mut self,
        layout: Layout<'c>,
        renderer: &Renderer,
    ) -> Option<overlay::Element<'c, M, Theme, Renderer>> {
        // The month buttons' tooltips.
        let viewport = layout.bounds();
        self.popup
            .as_widget_mut()
            .overlay(self.tree, layout, renderer, &viewport, Vector::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_popup_goes_beneath_or_above_and_stays_inside_the_window() {
        let window = Size::new(1024.0, 700.0);
        let size = Size::new(240.0, 260.0);
        let anchor = Rectangle::new(Point::new(200.0, 100.0), Size::new(250.0, 30.0));
        assert_eq!(place(anchor, size, window), Point::new(200.0, 134.0));
        let low = Rectangle::new(Point::new(900.0, 600.0), Size::new(250.0, 30.0));
        assert_eq!(
            place(low, size, window),
            Point::new(1024.0 - 240.0, 600.0 - 4.0 - 260.0),
            "above, and moved left"
        );
    }
}
