//! The four faces printed text is drawn with, and which one draws each character.
//!
//! Noto Sans (Latin with Extended-A/B and Vietnamese, Greek, Cyrillic) comes first and
//! Noto Sans SC second, for what Noto Sans lacks (hanzi, kana, CJK punctuation): the
//! CJK face's own Latin has no Ł, Ş, Č, İ, Ř, ț or ά, so drawing a name with it alone
//! dropped those letters. A character neither face has is drawn as U+FFFD from Noto Sans,
//! so it shows as a visible mark (and reads back as one) instead of vanishing.
//! A no-break space is drawn as a space: it only tells [`super::compose::Composer::wrap`]
//! not to break there, and a plain space keeps `pdftotext` reading "EUR 1,234.50".
//!
//! Each face is subset per document to the glyphs drawn with it and embedded under a
//! fixed name, so the same input still gives the same bytes; a face nothing was drawn
//! with is not embedded.

use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use printpdf::ParsedFont;

use super::{PdfError, Result};

const SANS_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
const SC_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular.otf");
const SC_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Bold.otf");

/// How many faces there are; a face's index is `family * 2 + weight`.
pub(super) const FACES: usize = 4;

/// The name each face is embedded under, by index. The subset tags are fixed so the
/// same input gives the same bytes.
pub(super) const NAMES: [&str; FACES] = [
    "OWEDAA+NotoSans-Regular",
    "OWEDAB+NotoSans-Bold",
    "OWEDAC+NotoSansSC-Regular",
    "OWEDAD+NotoSansSC-Bold",
];

/// What a character no face has is drawn as.
const REPLACEMENT: char = '\u{FFFD}';
const NO_BREAK_SPACE: char = '\u{A0}';

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Regular = 0,
    Bold = 1,
}

pub(super) struct Face {
    pub bytes: &'static [u8],
    pub parsed: ParsedFont,
}

/// The bundled faces, read once.
pub(super) struct Faces {
    faces: [Face; FACES],
}

/// One glyph to draw: the face it comes from, its glyph id, and the character the text
/// shows for it (what the face's cmap maps to that glyph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Glyph {
    pub face: usize,
    pub id: u16,
    pub shown: char,
}

/// Consecutive characters drawn with one face.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    pub face: usize,
    pub text: String,
}

pub(super) fn faces() -> Result<&'static Faces> {
    static FACES_READ: OnceLock<Option<Faces>> = OnceLock::new();
    FACES_READ
        .get_or_init(|| {
            let parse = |bytes: &'static [u8]| {
                ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                    .map(|parsed| Face { bytes, parsed })
            };
            Some(Faces {
                faces: [
                    parse(SANS_REGULAR)?,
                    parse(SANS_BOLD)?,
                    parse(SC_REGULAR)?,
                    parse(SC_BOLD)?,
                ],
            })
        })
        .as_ref()
        .ok_or_else(|| PdfError::Font("the bundled Noto Sans fonts could not be read".into()))
}

impl Faces {
    pub fn face(&self, index: usize) -> &Face {
        &self.faces[index]
    }

    fn lookup(&self, face: usize, c: char) -> Option<u16> {
        self.faces[face]
            .parsed
            .lookup_glyph_index(c as u32)
            .filter(|g| *g != 0)
    }

    /// The glyph that draws `c` at `weight`: Noto Sans's, else Noto Sans SC's, else
    /// Noto Sans's replacement character.
    pub fn glyph(&self, c: char, weight: Weight) -> Glyph {
        let c = if c == NO_BREAK_SPACE { ' ' } else { c };
        let w = weight as usize;
        for face in [w, 2 + w] {
            if let Some(id) = self.lookup(face, c) {
                return Glyph { face, id, shown: c };
            }
        }
        Glyph {
            face: w,
            id: self.lookup(w, REPLACEMENT).unwrap_or(0),
            shown: REPLACEMENT,
        }
    }

    /// `text` cut into runs of one face each, with the characters as they are drawn.
    pub fn runs(&self, text: &str, weight: Weight) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            let g = self.glyph(c, weight);
            match runs.last_mut() {
                Some(run) if run.face == g.face => run.text.push(g.shown),
                _ => runs.push(Run {
                    face: g.face,
                    text: g.shown.to_string(),
                }),
            }
        }
        runs
    }

    /// Width of `text` in em (multiply by the size), each character measured in the
    /// face that draws it.
    pub fn width_em(&self, text: &str, weight: Weight) -> f32 {
        text.chars()
            .map(|c| {
                let g = self.glyph(c, weight);
                let font = &self.faces[g.face].parsed;
                let units = font.get_glyph_width(g.id).unwrap_or(0);
                f32::from(units) / f32::from(font.units_per_em.max(1))
            })
            .sum()
    }
}

/// Face `bytes` cut down to the glyphs `ids`, with a Unicode cmap so printpdf can map
/// the text to them.
pub(super) fn subset(bytes: &[u8], ids: &[u16]) -> Result<Vec<u8>> {
    let font = ReadScope::new(bytes)
        .read::<FontData<'_>>()
        .map_err(|e| PdfError::Font(e.to_string()))?;
    let provider = font
        .table_provider(0)
        .map_err(|e| PdfError::Font(e.to_string()))?;
    allsorts::subset::subset(&provider, ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| PdfError::Font(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_greek_and_cyrillic_come_from_noto_sans_and_hanzi_from_the_cjk_face() {
        let faces = faces().unwrap();
        for c in "ŁódźŻółćŞţȚșČŘİığĐễÅØÞÆДШΕάπ€·–…".chars() {
            let g = faces.glyph(c, Weight::Regular);
            assert_eq!((g.face, g.shown), (0, c), "{c}");
            assert_ne!(g.id, 0, "{c}");
            assert_eq!(faces.glyph(c, Weight::Bold).face, 1, "{c}");
        }
        for c in "张伟贸易，。".chars() {
            assert_eq!(faces.glyph(c, Weight::Regular).face, 2, "{c}");
            assert_eq!(faces.glyph(c, Weight::Bold).face, 3, "{c}");
        }
        let runs = faces.runs("张伟 Łódź", Weight::Bold);
        assert_eq!(
            runs,
            vec![
                Run {
                    face: 3,
                    text: "张伟".into()
                },
                Run {
                    face: 1,
                    text: " Łódź".into()
                },
            ]
        );
    }

    #[test]
    fn a_character_no_face_has_is_a_replacement_mark_and_a_no_break_space_a_space() {
        let faces = faces().unwrap();
        // A private-use character and an Egyptian hieroglyph: in neither face.
        for c in ['\u{E000}', '\u{13000}'] {
            let g = faces.glyph(c, Weight::Regular);
            assert_eq!(g.shown, REPLACEMENT);
            assert_eq!(g.face, 0);
            assert_ne!(g.id, 0, "Noto Sans has U+FFFD");
            assert!(faces.width_em(&c.to_string(), Weight::Regular) > 0.0);
        }
        let runs = faces.runs("EUR\u{A0}1", Weight::Regular);
        assert_eq!(runs[0].text, "EUR 1");
        assert_eq!(
            faces.width_em("EUR\u{A0}1", Weight::Regular),
            faces.width_em("EUR 1", Weight::Regular)
        );
    }
}
