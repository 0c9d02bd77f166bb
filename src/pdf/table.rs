//! A table that flows over pages: its header repeats at the top of every page and a
//! row is never cut; when a row does not fit, a new page starts with the continuation
//! head and the header again.

use super::compose::{Composer, Weight};
use super::{LEFT, bottom, right};

/// Where a column sits: left edge, or right edge for amounts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column<'a> {
    pub title: &'a str,
    /// Left edge (text) or right edge (amounts), in mm.
    pub x: f32,
    pub right: bool,
    /// Widest a left-aligned cell may be before it is cut with an ellipsis.
    pub max: f32,
}

pub(super) const ROW: f32 = 4.7;
const SIZE: f32 = 8.5;

pub(super) struct Table<'a> {
    pub columns: Vec<Column<'a>>,
    /// Draws the head of a continuation page and returns the baseline to start at.
    pub next_page: Box<dyn FnMut(&mut Composer) -> f32 + 'a>,
    pub y: f32,
}

impl Table<'_> {
    /// The header row at the current position.
    pub fn header(&mut self, pages: &mut Composer) {
        let r = right(pages);
        pages.fill(LEFT, self.y - 3.6, r - LEFT, ROW + 0.4, 0.9);
        for c in &self.columns {
            if c.right {
                pages.text_right(c.x, self.y, SIZE, Weight::Bold, c.title);
            } else {
                pages.text(c.x, self.y, SIZE, Weight::Bold, c.title);
            }
        }
        self.y += ROW + 0.8;
    }

    /// Makes room for `height` mm below the current row; starts a new page if needed.
    pub fn ensure(&mut self, pages: &mut Composer, height: f32) -> bool {
        if self.y + height - ROW <= bottom(pages) {
            return false;
        }
        pages.new_page();
        self.y = (self.next_page)(pages);
        true
    }

    /// One row; `bold` for totals.
    pub fn row(&mut self, pages: &mut Composer, cells: &[String], bold: bool) {
        if self.ensure(pages, ROW) {
            self.header(pages);
        }
        let weight = if bold { Weight::Bold } else { Weight::Regular };
        for (i, (c, text)) in self.columns.iter().zip(cells).enumerate() {
            if c.right {
                pages.text_right(c.x, self.y, SIZE, weight, text);
                continue;
            }
            // A text may run on over the empty cells after it, up to the next text.
            let limit = self
                .columns
                .iter()
                .zip(cells)
                .skip(i + 1)
                .find(|(_, t)| !t.is_empty())
                .map(|(n, t)| {
                    if n.right {
                        n.x - pages.width(t, SIZE, weight)
                    } else {
                        n.x
                    }
                })
                .unwrap_or(right(pages));
            let max = c.max.max(limit - c.x - 2.0);
            pages.text_fit(c.x, self.y, max, SIZE, weight, text);
        }
        self.y += ROW;
    }

    /// A thin rule under the last row.
    pub fn rule(&mut self, pages: &mut Composer) {
        let r = right(pages);
        pages.line(LEFT, self.y - 3.3, r, self.y - 3.3, 0.4, 0.5);
        self.y += 0.6;
    }
}
