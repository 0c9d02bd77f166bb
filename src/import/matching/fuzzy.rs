//! Close names: a customer's name in the text with a typo (`MUELER MASCHINENBAU`), written
//! without its accents (`Mueller` for `Müller`), or with another legal form. Both sides are
//! compared folded (lower case, `ü` → `ue`, `é` → `e`, legal forms and filler words left
//! out) by normalised Damerau–Levenshtein similarity (strsim), at least [`SIMILAR`], and
//! only for names of [`MIN_NAME`] letters or more: a short name one letter off is
//! another name. Names in scripts without spaces are left to the exact match: one
//! character off is, there, another company (华安 / 华泰).
//!
//! A row is never compared with every customer. Each word of [`MIN_WORD`] letters or
//! more of a name is indexed under itself and every form of it with one letter deleted;
//! a word of the row is looked up the same way, so a row's word and a name's word that
//! are one typo apart (a letter changed, added, dropped or two swapped) meet under a
//! key. A word more than [`WORD_CAP`] customers' names have is not indexed (it tells
//! nobody apart); the whole name, its words written together, is indexed the same way
//! and looked up with runs of the row's consecutive words, so a typo in a name of common
//! words is found too. A customer reached on at least half of its indexed words, or on
//! its whole name, is a candidate; the [`MAX_SCORED`] reached on most words are compared
//! letter by letter, on the run of the row's words where the name would be. A row's cost
//! is therefore at most (its words × up to six words in a run) lookups of (length + 1)
//! keys, each leading to at most [`WORD_CAP`] customers, plus [`MAX_SCORED`] × four
//! comparisons: bounded by the row, not by the book.

use std::collections::HashMap;

use strsim::normalized_damerau_levenshtein;

use super::names::{Hit, Kind, Scan, WORD_CAP, is_filler, is_spaceless, name_words};
use super::postings::Postings;
use crate::domain::ids::CustomerId;

/// Fewest letters (legal form aside) of a name matched by closeness.
const MIN_NAME: usize = 6;
/// Fewest letters of a name's word that is indexed: a typo in three letters makes
/// another word.
const MIN_WORD: usize = 4;
/// Longest word of a row that is looked up (longer are references or glued text).
const MAX_WORD: usize = 40;
/// Most customers compared letter by letter for one row.
pub(super) const MAX_SCORED: usize = 8;
/// Least similarity (1 − edits ÷ length) of a close name.
const SIMILAR: f64 = 0.85;
/// The word number that stands for the whole name written as one word.
const WHOLE: u8 = u8::MAX;

/// A name as closeness compares it.
struct Close {
    words: Vec<String>,
    whole: String,
    /// Indexed words a row must come near to make the customer a candidate.
    need: usize,
}

/// The book's names indexed by their words and their words' one-deletion forms.
#[derive(Default)]
pub(super) struct CloseIndex {
    keys: Postings<(CustomerId, u8)>,
    names: HashMap<CustomerId, Close>,
    /// The most words of a name (runs of the row's words up to this long are looked up
    /// as whole names).
    longest: usize,
    /// Customers reached and comparisons made, counted in tests.
    #[cfg(test)]
    pub work: std::sync::atomic::AtomicUsize,
}

/// `text` in lower case with accents taken off (German ones written out: `ü` → `ue`).
pub(super) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'ä' | 'æ' => "ae",
            'ö' | 'œ' | 'ø' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' | 'ā' => "a",
            'ç' | 'č' | 'ć' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
            'ł' | 'ľ' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ő' | 'ō' => "o",
            'ř' => "r",
            'š' | 'ś' | 'ş' => "s",
            'ť' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ů' | 'ű' | 'ū' => "u",
            'ý' | 'ÿ' => "y",
            'ž' | 'ź' | 'ż' => "z",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

/// `word` and every form of it with one letter deleted.
fn keys(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![word.to_string()];
    for skip in 0..chars.len() {
        let key: String = chars
            .iter()
            .enumerate()
            .filter_map(|(i, c)| (i != skip).then_some(*c))
            .collect();
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// How a row reached a customer: the indexed words it came near (a bit each) and where
/// in the row the name would start (text, word), up to four places.
#[derive(Default)]
struct Reach {
    words: u32,
    whole: bool,
    starts: [(usize, usize); 4],
    places: usize,
}

impl Reach {
    fn start_at(&mut self, place: (usize, usize)) {
        if self.places < 4 && !self.starts[..self.places].contains(&place) {
            self.starts[self.places] = place;
            self.places += 1;
        }
    }
}

impl CloseIndex {
    pub fn new<'a>(customers: impl Iterator<Item = (CustomerId, &'a str)>) -> CloseIndex {
        let mut prepared = Vec::new();
        let mut shared: HashMap<String, usize> = HashMap::new();
        for (id, name) in customers {
            if name.chars().any(is_spaceless) {
                continue;
            }
            let words: Vec<String> = name_words(name).iter().map(|w| fold(w)).collect();
            let whole = words.concat();
            if whole.chars().count() < MIN_NAME {
                continue;
            }
            let mut distinct = words.clone();
            distinct.sort();
            distinct.dedup();
            for word in distinct {
                *shared.entry(word).or_default() += 1;
            }
            prepared.push((id, words, whole));
        }
        let mut index = CloseIndex::default();
        let mut indexed_keys: HashMap<String, Vec<(CustomerId, u8)>> = HashMap::new();
        for (id, words, whole) in prepared {
            // A word most names have tells none apart: the other words find the name.
            let indexed: Vec<usize> = (0..words.len().min(32))
                .filter(|&i| words[i].chars().count() >= MIN_WORD && shared[&words[i]] <= WORD_CAP)
                .collect();
            for &i in &indexed {
                for key in keys(&words[i]) {
                    indexed_keys.entry(key).or_default().push((id, i as u8));
                }
            }
            if words.len() > 1 {
                for key in keys(&whole) {
                    indexed_keys.entry(key).or_default().push((id, WHOLE));
                }
            }
            if indexed.is_empty() && words.len() == 1 {
                continue;
            }
            // A name none of whose words is indexed is found by its whole name only.
            index.longest = index.longest.max(words.len().min(6));
            let need = indexed.len().div_ceil(2).max(1);
            index.names.insert(id, Close { words, whole, need });
        }
        index.keys = Postings::from_map(indexed_keys);
        index
    }

    fn tally(&self, work: usize) {
        #[cfg(test)]
        self.work
            .fetch_add(work, std::sync::atomic::Ordering::Relaxed);
        let _ = work;
    }

    /// The customers whose name is close to words of `scans`, as [`Kind::Close`] hits
    /// with the similarity as their share.
    pub fn hits(&self, scans: &[Scan]) -> Vec<Hit> {
        // Per text, the words that may be part of a name: (folded, index in the scan).
        let tokens: Vec<Vec<(String, usize)>> = scans
            .iter()
            .map(|scan| {
                scan.words
                    .iter()
                    .enumerate()
                    .filter(|(_, (w, _, _))| {
                        !is_filler(w)
                            && w.chars().count() >= 2
                            && !w.chars().all(|c| c.is_numeric())
                            && !w.chars().any(is_spaceless)
                    })
                    .map(|(i, (w, _, _))| (fold(w), i))
                    .collect()
            })
            .collect();
        let mut reached: HashMap<CustomerId, Reach> = HashMap::new();
        for (t, words) in tokens.iter().enumerate() {
            for (at, (word, _)) in words.iter().enumerate() {
                let len = word.chars().count();
                if len + 1 < MIN_WORD || len > MAX_WORD {
                    continue;
                }
                self.reach(&keys(word), (t, at), false, &mut reached);
            }
            // Runs of words written together are looked up as whole names, which finds a
            // typo in a name all of whose words are too common to index.
            for at in 0..words.len() {
                for width in 2..=self.longest.min(words.len() - at) {
                    let run: String = words[at..at + width]
                        .iter()
                        .map(|(w, _)| w.as_str())
                        .collect();
                    if run.chars().count() <= MAX_WORD {
                        self.reach(&keys(&run), (t, at), true, &mut reached);
                    }
                }
            }
        }
        let mut candidates: Vec<(usize, CustomerId)> = reached
            .iter()
            .filter_map(|(id, reach)| {
                let close = self.names.get(id)?;
                let near = reach.words.count_ones() as usize;
                (reach.whole || near >= close.need)
                    .then_some((if reach.whole { close.words.len() } else { near }, *id))
            })
            .collect();
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.truncate(MAX_SCORED);
        candidates
            .into_iter()
            .filter_map(|(_, id)| self.score(id, &reached[&id], scans, &tokens))
            .collect()
    }

    /// Notes the customers `keys` lead to, the name starting at `place` or, for a word
    /// of it, as many words before as the word's place in the name; `whole`: only whole
    /// names.
    fn reach(
        &self,
        keys: &[String],
        place: (usize, usize),
        whole: bool,
        reached: &mut HashMap<CustomerId, Reach>,
    ) {
        for key in keys {
            let Some(ids) = self.keys.get(key) else {
                continue;
            };
            if ids.len() > WORD_CAP {
                continue;
            }
            self.tally(ids.len());
            for &(id, i) in ids {
                if whole && i != WHOLE {
                    continue;
                }
                let reach = reached.entry(id).or_default();
                if i == WHOLE {
                    reach.whole = true;
                    reach.start_at(place);
                } else {
                    reach.words |= 1 << i;
                    reach.start_at((place.0, place.1.saturating_sub(usize::from(i))));
                }
            }
        }
    }

    /// The best run of the row's words for `id`'s name, as a hit when it is close enough.
    fn score(
        &self,
        id: CustomerId,
        reach: &Reach,
        scans: &[Scan],
        tokens: &[Vec<(String, usize)>],
    ) -> Option<Hit> {
        let close = &self.names[&id];
        let k = close.words.len();
        let mut best: Option<(f64, usize, usize, usize)> = None;
        for &(t, start) in &reach.starts[..reach.places] {
            for width in [1, k.saturating_sub(1).max(1), k, k + 1] {
                let Some(run) = tokens[t].get(start..start + width) else {
                    continue;
                };
                let written: String = run.iter().map(|(w, _)| w.as_str()).collect();
                self.tally(1);
                let similar = normalized_damerau_levenshtein(&written, &close.whole);
                if similar >= SIMILAR && best.is_none_or(|b| similar > b.0) {
                    best = Some((similar, t, start, width));
                }
            }
        }
        let (similar, t, start, width) = best?;
        let run = &tokens[t][start..start + width];
        let scan = &scans[t];
        Some(Hit {
            customer: id,
            kind: Kind::Close,
            share: similar,
            len: close.whole.chars().count(),
            pieces: run
                .iter()
                .map(|&(_, i)| vec![(t, scan.words[i].1, scan.words[i].2)])
                .collect(),
            seen: Some(
                run.iter()
                    .map(|&(_, i)| scan.written[i].as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        })
    }
}

#[cfg(test)]
mod tests;
