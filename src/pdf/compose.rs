//! A small page composer over printpdf: text placed by millimetres from the top-left,
//! right-aligned and wrapped by the fonts' own advance widths, rules and shaded boxes.
//! Each character is drawn with the first face that has it (see [`super::fonts`]); each
//! face used is subset per document (only the glyphs used are embedded), and the file is
//! made deterministic: fixed font names, the creation date given, and a trailer ID
//! derived from the content instead of printpdf's counter.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, OffsetDateTime, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb,
    TextItem, WindingOrder, XObject, XObjectId, XObjectTransform,
};
use sha2::{Digest, Sha256};

pub(super) use super::fonts::Weight;
use super::fonts::{FACES, Faces, NAMES, faces, subset};
use super::logo::Logo;
use super::{PdfError, Result};

const PT_PER_MM: f32 = 72.0 / 25.4;

/// Pages being composed. `y` is always millimetres from the top edge (the baseline).
pub(super) struct Composer {
    pub width: f32,
    pub height: f32,
    pages: Vec<Vec<Op>>,
    current: usize,
    images: Vec<(XObjectId, XObject)>,
    /// The glyphs drawn with each face (and `.notdef`, which a subset keeps first).
    used: [BTreeSet<u16>; FACES],
    faces: &'static Faces,
}

impl Composer {
    pub fn new(size_mm: (f32, f32)) -> Result<Composer> {
        Ok(Composer {
            width: size_mm.0,
            height: size_mm.1,
            pages: Vec::new(),
            current: 0,
            images: Vec::new(),
            used: std::array::from_fn(|_| BTreeSet::from([0])),
            faces: faces()?,
        })
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.current = self.pages.len() - 1;
    }

    /// Pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Runs `draw` on page `index` (to add "page n of m" once the count is known).
    pub fn on_page(&mut self, index: usize, draw: impl FnOnce(&mut Composer)) {
        let current = self.current;
        self.current = index;
        draw(self);
        self.current = current;
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.new_page();
        }
        &mut self.pages[self.current]
    }

    /// Places `logo` with its top-left at (`x`, `y`), as large as fits `max_w` × `max_h`
    /// mm without distortion; returns the width used. The same image given twice in one
    /// document is stored once.
    pub fn image(&mut self, key: &str, logo: &Logo, x: f32, y: f32, max_w: f32, max_h: f32) -> f32 {
        let (w, h) = (logo.width as f32, logo.height as f32);
        let scale = (max_w / w).min(max_h / h);
        let (width, height) = (w * scale, h * scale);
        let id = XObjectId(format!("Img{key}"));
        if !self.images.iter().any(|(i, _)| *i == id) {
            self.images.push((id.clone(), logo.xobject.clone()));
        }
        let page_h = self.height;
        self.ops().push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(Mm(x).into()),
                translate_y: Some(Mm(page_h - y - height).into()),
                dpi: Some(w / (width / 25.4)),
                ..Default::default()
            },
        });
        width
    }

    /// Width of `text` in millimetres at `size` points, each character measured in the
    /// face that draws it.
    pub fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        self.faces.width_em(text, weight) * size / PT_PER_MM
    }

    /// Writes `text` with its baseline at (`x`, `y`): one text object, a font change
    /// wherever the face that has the next characters changes (the pen moves on by the
    /// widths the PDF carries, the same advance widths [`Composer::width`] adds up).
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, text: &str) {
        if text.is_empty() {
            return;
        }
        for c in text.chars() {
            let g = self.faces.glyph(c, weight);
            self.used[g.face].insert(g.id);
        }
        let runs = self.faces.runs(text, weight);
        let y_pdf = self.height - y;
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: Mm(x).into(),
                y: Mm(y_pdf).into(),
            },
        });
        for run in runs {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(NAMES[run.face].into())),
                size: Pt(size),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(run.text)],
            });
        }
        ops.push(Op::EndTextSection);
    }

    /// Writes `text` ending at `right`.
    pub fn text_right(&mut self, right: f32, y: f32, size: f32, weight: Weight, text: &str) {
        let w = self.width(text, size, weight);
        self.text(right - w, y, size, weight, text);
    }

    /// Writes `text` cut with an ellipsis to fit `max` millimetres.
    pub fn text_fit(&mut self, x: f32, y: f32, max: f32, size: f32, weight: Weight, text: &str) {
        if self.width(text, size, weight) <= max {
            return self.text(x, y, size, weight, text);
        }
        let mut cut = String::new();
        for c in text.chars() {
            cut.push(c);
            if self.width(&cut, size, weight) + self.width("…", size, weight) > max {
                cut.pop();
                break;
            }
        }
        cut.push('…');
        self.text(x, y, size, weight, &cut);
    }

    /// Breaks `text` into lines no wider than `max` mm: at spaces, and between any two
    /// CJK characters (which need no space to break). Never at a no-break space (U+00A0),
    /// which holds an amount to its currency and a date together.
    pub fn wrap(&self, text: &str, max: f32, size: f32, weight: Weight) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            let mut word = String::new();
            let flush_word = |line: &mut String, word: &mut String, lines: &mut Vec<String>| {
                if word.is_empty() {
                    return;
                }
                let candidate = format!("{line}{word}");
                // Only plain spaces are trimmed: a no-break space is part of its word.
                if line.is_empty()
                    || self.width(candidate.trim_end_matches(' '), size, weight) <= max
                {
                    *line = candidate;
                } else {
                    lines.push(line.trim_end_matches(' ').to_string());
                    *line = word.trim_start_matches(' ').to_string();
                }
                word.clear();
            };
            for c in para.chars() {
                let wide = is_wide(c);
                if wide {
                    flush_word(&mut line, &mut word, &mut lines);
                }
                word.push(c);
                if c == ' ' || wide {
                    flush_word(&mut line, &mut word, &mut lines);
                }
            }
            flush_word(&mut line, &mut word, &mut lines);
            lines.push(line.trim_end_matches(' ').to_string());
        }
        lines
    }

    /// A rule from (x1, y1) to (x2, y2), `thickness` in points, grey `gray` (0 black).
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32, gray: f32) {
        let h = self.height;
        let ops = self.ops();
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetOutlineColor {
            col: Color::Rgb(Rgb::new(gray, gray, gray, None)),
        });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(x1, h - y1), point(x2, h - y2)],
                is_closed: false,
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    /// A box filled with grey `gray`, top-left at (x, y).
    pub fn fill(&mut self, x: f32, y: f32, w: f32, height: f32, gray: f32) {
        let h = self.height;
        let ops = self.ops();
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetFillColor {
            col: Color::Rgb(Rgb::new(gray, gray, gray, None)),
        });
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: vec![
                        point(x, h - y),
                        point(x + w, h - y),
                        point(x + w, h - y - height),
                        point(x, h - y - height),
                    ],
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    /// The finished PDF: fonts subset to the glyphs used, dated `date`, deterministic.
    pub fn finish(self, title: &str, date: NaiveDate) -> Result<Vec<u8>> {
        let doc = self.document(title, date)?;
        let mut bytes = doc.save(&save_options(), &mut Vec::new());
        fix_trailer_id(&mut bytes);
        Ok(bytes)
    }

    /// The pages as a printpdf document, fonts subset to the glyphs used, dated `date`
    /// (to save, or to append to a [`super::stream::PdfStream`]).
    pub fn document(self, title: &str, date: NaiveDate) -> Result<PdfDocument> {
        let mut doc = PdfDocument::new(title);
        let stamp = date
            .and_hms_opt(0, 0, 0)
            .map(|d| d.and_utc().timestamp())
            .unwrap_or(0);
        let when = OffsetDateTime::from_unix_timestamp(stamp)
            .map_err(|e| PdfError::Font(e.to_string()))?;
        doc.metadata.info.creation_date = when;
        doc.metadata.info.modification_date = when;
        doc.metadata.info.metadata_date = when;
        doc.metadata.info.producer = "Owed".into();
        doc.metadata.info.creator = "Owed".into();
        for (i, used) in self.used.iter().enumerate() {
            // Only `.notdef`: nothing was drawn with this face.
            if used.len() <= 1 {
                continue;
            }
            let ids: Vec<u16> = used.iter().copied().collect();
            let subset = subset(self.faces.face(i).bytes, &ids)?;
            let parsed = ParsedFont::from_bytes(&subset, 0, &mut Vec::new())
                .ok_or_else(|| PdfError::Font("a font subset could not be read back".into()))?;
            doc.resources
                .fonts
                .map
                .insert(FontId(NAMES[i].into()), PdfFont::new(parsed));
        }
        for (id, xobject) in &self.images {
            doc.resources
                .xobjects
                .map
                .insert(id.clone(), xobject.clone());
        }
        let pages = self
            .pages
            .into_iter()
            .map(|ops| PdfPage::new(Mm(self.width), Mm(self.height), ops))
            .collect();
        doc.with_pages(pages);
        Ok(doc)
    }
}

/// How every PDF is saved: the fonts are already subset by [`Composer::document`].
pub(super) fn save_options() -> PdfSaveOptions {
    PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    }
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Mm(x).into(),
            y: Mm(y).into(),
        },
        bezier: false,
    }
}

/// CJK and full-width characters: a line may break before or after any of them.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// printpdf writes a trailer `/ID` from a process-wide counter; replace both strings
/// (same length, so no offset moves) with a digest of the rest of the file.
fn fix_trailer_id(bytes: &mut [u8]) {
    let Some(at) = bytes.windows(5).rposition(|w| w == b"/ID[(") else {
        return;
    };
    let start = at + 5;
    let Some(len) = bytes[start..].iter().position(|b| *b == b')') else {
        return;
    };
    let second = start + len + 2;
    if bytes.get(start + len + 1) != Some(&b'(') || bytes.len() < second + len {
        return;
    }
    let mut hasher = Sha256::new();
    hasher.update(&bytes[..at]);
    hasher.update(&bytes[second + len..]);
    let digest: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    let id = digest.as_bytes();
    for i in 0..len {
        let b = id[i % id.len()];
        bytes[start + i] = b;
        bytes[second + i] = b;
    }
}
