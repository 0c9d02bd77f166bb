//! A row's text read for names: its letters and digits squashed (lower case, nothing
//! else), where each word starts, and its words as written.

use std::borrow::Cow;

use super::LEGAL_WORDS;

/// A row's text read for names.
pub(in crate::import::matching) struct Scan {
    pub(super) chars: Vec<char>,
    /// Whether a word starts at each char: after a separator, or where the script or
    /// letters/digits change (`货款INV`, `REF123ACME`).
    pub(super) starts: Vec<bool>,
    /// Runs of letters and digits, lower case, with their squashed span and as written.
    pub words: Vec<(String, usize, usize)>,
    pub written: Vec<String>,
}

fn class(c: char) -> u8 {
    if is_spaceless(c) {
        0
    } else if c.is_numeric() {
        1
    } else {
        2
    }
}

impl Scan {
    pub fn new(text: &str) -> Scan {
        let mut scan = Scan {
            chars: Vec::new(),
            starts: Vec::new(),
            words: Vec::new(),
            written: Vec::new(),
        };
        let mut gap = true;
        let mut last = None;
        let mut word = (String::new(), 0, String::new());
        for c in text.chars().chain([' ']) {
            if !c.is_alphanumeric() {
                if !gap && !word.0.is_empty() {
                    let (lower, from, written) = std::mem::take(&mut word);
                    scan.words.push((lower, from, scan.chars.len()));
                    scan.written.push(written);
                }
                gap = true;
                continue;
            }
            if gap {
                word.1 = scan.chars.len();
            }
            let start = gap || last != Some(class(c));
            for (i, lower) in c.to_lowercase().enumerate() {
                scan.chars.push(lower);
                scan.starts.push(start && i == 0);
                word.0.push(lower);
            }
            word.2.push(c);
            gap = false;
            last = Some(class(c));
        }
        scan
    }

    pub(super) fn word_ends_at(&self, at: usize) -> bool {
        at == self.chars.len() || self.starts[at]
    }

    /// The rest of the word from `at`, when it is legal forms only (`GMBH` in
    /// `MUELLERGMBH`).
    pub(super) fn legal_rest(&self, at: usize) -> bool {
        let end = (at + 1..=self.chars.len())
            .find(|&i| self.word_ends_at(i))
            .unwrap_or(self.chars.len());
        let rest: String = self.chars[at..end].iter().collect();
        legal_run(&rest)
    }
}

/// Whether `text` is one or more legal forms written together (`coltd`, `gmbhcokg`).
pub(super) fn legal_run(text: &str) -> bool {
    let mut can_end = vec![false; text.len() + 1];
    can_end[0] = true;
    for at in 0..text.len() {
        if !can_end[at] || !text.is_char_boundary(at) {
            continue;
        }
        for form in LEGAL_WORDS {
            if text[at..].starts_with(form) {
                can_end[at + form.len()] = true;
            }
        }
    }
    !text.is_empty() && can_end[text.len()]
}

/// Whether `c` belongs to a script written without spaces between words.
pub(in crate::import::matching) fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// `text` with a space where a script without spaces meets another letter or digit.
pub(in crate::import::matching) fn scripts_apart(text: &str) -> Cow<'_, str> {
    // Only a script without spaces meets another: most texts have none of it.
    if !text.chars().any(is_spaceless) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut last: Option<bool> = None;
    for c in text.chars() {
        let spaceless = c.is_alphanumeric().then(|| is_spaceless(c));
        if spaceless.is_some() && last.is_some() && spaceless != last {
            out.push(' ');
        }
        last = spaceless;
        out.push(c);
    }
    Cow::Owned(out)
}
