//! Where a customer's name is in a row's text. Names are compared squashed (letters and
//! digits only, lower case), so case, spaces and punctuation never matter, and with their
//! legal form (`GmbH`, `Ltd`, `有限公司`, `株式会社`…) set aside when the whole name is not
//! there. Two indexes find them without comparing a row with every customer:
//!
//! - a trie of every customer's squashed name, its core (the name less its legal form)
//!   and, for a name written in two scripts, each script's part, walked from each place a
//!   name may start: anywhere in a script written without spaces (Chinese, Japanese,
//!   Korean), only where a word starts otherwise, so that a short Latin name is never
//!   found inside another word. A walk stops at the first character no name continues
//!   with, so a row costs its length times the longest name's, whatever the book's size;
//! - the name's words, each mapping to the customers whose name has it, for names whose
//!   words are in the text out of order or in part. A word more than [`WORD_CAP`]
//!   customers' names share is not walked (it tells nobody apart); the customers reached
//!   through the other words are then checked word by word.
//!
//! A match inside a longer customer's match is that longer customer's (上海华安 inside
//! 上海华安贸易有限公司 is not a second name). Close names (typos) are in [`super::fuzzy`];
//! choosing among the matches is in [`super::choose`].

use std::collections::{HashMap, HashSet};

use crate::domain::ids::CustomerId;

/// Customers a name word may map to before the word is too common to walk (1 % of a
/// 10,000-customer book: "Trading", "Shanghai", a common surname).
pub(super) const WORD_CAP: usize = 128;

// Words that say what kind of company it is, not which one (the scripts without spaces
// have theirs in CJK_FORMS).
const LEGAL_WORDS: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "kgaa",
    "ohg",
    "ug",
    "ev",
    "eg",
    "se",
    "bv",
    "bvba",
    "nv",
    "vof",
    "sa",
    "sas",
    "sasu",
    "sarl",
    "eurl",
    "snc",
    "srl",
    "spa",
    "sl",
    "slu",
    "ltda",
    "plc",
    "pty",
    "pte",
    "bhd",
    "sdn",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "aps",
    "kft",
    "zrt",
    "ooo",
    "sp",
    "zoo",
    "sro",
];
// Words too common in names to tell one from another.
const STOP_WORDS: &[&str] = &["the", "and", "und", "et", "de", "of"];

/// Legal forms written before or after a name in the scripts without spaces, longest first.
const CJK_FORMS: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "有限公司",
    "株式会社",
    "有限会社",
    "合同会社",
    "주식회사",
    "유한회사",
    "公司",
];
/// Abbreviated legal forms in brackets: (株) ㈱ (有) (주) ㈜.
const BRACKETED_FORMS: &[&str] = &[
    "(株)",
    "（株）",
    "㈱",
    "(有)",
    "（有）",
    "㈲",
    "(주)",
    "（주）",
    "㈜",
];

/// How surely a name is in the text, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Kind {
    /// Most of the name's words (at least 60 %), not all.
    Partial,
    /// Within a typo or two of the name, legal forms aside (see [`super::fuzzy`]).
    Close,
    /// All of the name but its legal form, or its words in another order, or one script's
    /// part of a name written in two.
    Core,
    /// The whole name, legal form included.
    Exact,
}

/// A place in a row's texts: (text, first squashed char, end).
pub(super) type Span = (usize, usize, usize);

/// One customer's name found in a row.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub customer: CustomerId,
    pub kind: Kind,
    /// The share of the name's words found (1.0 but for [`Kind::Partial`]); for a
    /// [`Kind::Close`] name, how similar it is.
    pub share: f64,
    /// The squashed characters matched.
    pub len: usize,
    /// Where each piece of the name is (a word may be there more than once).
    pub pieces: Vec<Vec<Span>>,
    /// For a close name, the words of the text it is close to, as written.
    pub seen: Option<String>,
}

impl Hit {
    /// Whether this hit is no more than a part of `other` (a shorter name found inside a
    /// longer customer's name).
    fn inside(&self, other: &Hit) -> bool {
        other.len > self.len
            && self.pieces.iter().all(|piece| {
                piece.iter().any(|&(t, s, e)| {
                    other
                        .pieces
                        .iter()
                        .flatten()
                        .any(|&(ot, os, oe)| ot == t && os <= s && e <= oe)
                })
            })
    }

    /// The order hits are ranked in: how surely, then how much of the name, then length.
    pub fn rank(&self) -> (Kind, u32, usize) {
        (self.kind, (self.share * 1000.0).round() as u32, self.len)
    }
}

/// Lower-case letters and digits only.
fn squashed(text: &str) -> String {
    super::squash(text)
}

/// `word` less the legal forms written before or after it (`上海华安贸易有限公司` →
/// `上海华安贸易`); Latin words are dropped whole instead (see [`name_words`]).
fn strip_cjk_forms(word: &str) -> &str {
    let mut word = word;
    loop {
        let before = word.len();
        for form in CJK_FORMS {
            if word.len() > form.len() {
                word = word.strip_suffix(form).unwrap_or(word);
                word = word.strip_prefix(form).unwrap_or(word);
            }
        }
        if word.len() == before {
            return word;
        }
    }
}

/// A name's words that tell it apart: lower case, legal forms and filler words left out.
pub(super) fn name_words(name: &str) -> Vec<String> {
    let mut name = name.to_string();
    for form in BRACKETED_FORMS {
        name = name.replace(form, " ");
    }
    let mut out: Vec<String> = Vec::new();
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        let word = strip_cjk_forms(&lower);
        if is_filler(word)
            || word.chars().count() < 2
            || out.last().is_some_and(|last| last == word)
        {
            continue;
        }
        out.push(word.to_string());
    }
    out
}

/// Whether `word` is a legal form or a filler word, never part of what a name is.
pub(super) fn is_filler(word: &str) -> bool {
    LEGAL_WORDS.contains(&word) || CJK_FORMS.contains(&word) || STOP_WORDS.contains(&word)
}

/// The squashed forms a name is found by in a text: the whole name (exact), its core,
/// and, for a name written in two scripts, each script's part.
fn patterns(name: &str, words: &[String]) -> Vec<(String, Kind)> {
    let mut out = vec![(squashed(name), Kind::Exact)];
    out.push((words.concat(), Kind::Core));
    let spaceless: String = name.chars().filter(|c| is_spaceless(*c)).collect();
    if !spaceless.is_empty() && name.chars().any(|c| c.is_alphabetic() && !is_spaceless(c)) {
        let other: String = name
            .chars()
            .map(|c| if is_spaceless(c) { ' ' } else { c })
            .collect();
        for part in [spaceless.as_str(), other.as_str()] {
            out.push((squashed(part), Kind::Core));
            out.push((name_words(part).concat(), Kind::Core));
        }
    }
    let mut seen = HashSet::new();
    out.retain(|(p, _)| p.chars().count() >= 3 && seen.insert(p.clone()));
    out
}

/// A trie of squashed names: one hash map of edges, (node, char) → node.
#[derive(Default)]
struct Trie {
    edges: HashMap<(u32, char), u32>,
    ends: HashMap<u32, Vec<(CustomerId, Kind)>>,
    nodes: u32,
}

impl Trie {
    fn insert(&mut self, pattern: &str, who: (CustomerId, Kind)) {
        let mut node = 0;
        for c in pattern.chars() {
            let next = self.nodes + 1;
            node = *self.edges.entry((node, c)).or_insert(next);
            if node == next {
                self.nodes = next;
            }
        }
        let ends = self.ends.entry(node).or_default();
        if !ends.contains(&who) {
            ends.push(who);
        }
    }
}

/// A customer's name as matching sees it.
struct Entry {
    words: Vec<String>,
    /// The normalised name: customers with the same one share a name.
    key: String,
}

/// The book's names, indexed.
#[derive(Default)]
pub(super) struct Names {
    entries: HashMap<CustomerId, Entry>,
    trie: Trie,
    by_word: HashMap<String, Vec<CustomerId>>,
    by_key: HashMap<String, Vec<CustomerId>>,
    /// Work done (trie steps, customers reached through words), counted in tests to
    /// show that a row's cost does not grow with the book.
    #[cfg(test)]
    pub work: std::sync::atomic::AtomicUsize,
}

impl Names {
    pub fn new<'a>(customers: impl Iterator<Item = (CustomerId, &'a str)>) -> Names {
        let mut names = Names::default();
        for (id, name) in customers {
            let words = name_words(name);
            for (pattern, kind) in patterns(name, &words) {
                names.trie.insert(&pattern, (id, kind));
            }
            for word in &words {
                let ids = names.by_word.entry(word.clone()).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
            let key = match words.concat() {
                core if core.is_empty() => squashed(name),
                core => core,
            };
            names.by_key.entry(key.clone()).or_default().push(id);
            names.entries.insert(id, Entry { words, key });
        }
        names
    }

    fn tally(&self, work: usize) {
        #[cfg(test)]
        self.work
            .fetch_add(work, std::sync::atomic::Ordering::Relaxed);
        let _ = work;
    }

    /// The customers whose normalised name is `customer`'s (itself included).
    pub fn sharing(&self, customer: CustomerId) -> &[CustomerId] {
        self.entries
            .get(&customer)
            .and_then(|e| self.by_key.get(&e.key))
            .map_or(&[], Vec::as_slice)
    }

    /// The names in `scans`, one hit per customer (its best), less those inside a
    /// longer customer's match.
    pub fn hits(&self, scans: &[Scan]) -> Vec<Hit> {
        let mut best: HashMap<CustomerId, Hit> = HashMap::new();
        for hit in self.in_trie(scans).into_iter().chain(self.by_words(scans)) {
            match best.get(&hit.customer) {
                Some(kept) if kept.rank() >= hit.rank() => {}
                _ => {
                    best.insert(hit.customer, hit);
                }
            }
        }
        outermost(best.into_values().collect())
    }

    fn in_trie(&self, scans: &[Scan]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (t, scan) in scans.iter().enumerate() {
            let n = scan.chars.len();
            for from in 0..n {
                let spaceless = is_spaceless(scan.chars[from]);
                if !spaceless && !scan.starts[from] {
                    continue;
                }
                let mut node = 0;
                for at in from..n {
                    self.tally(1);
                    match self.trie.edges.get(&(node, scan.chars[at])) {
                        Some(&next) => node = next,
                        None => break,
                    }
                    let Some(ends) = self.trie.ends.get(&node) else {
                        continue;
                    };
                    let len = at + 1 - from;
                    // A Latin name ends where a word does, or before a legal form
                    // written onto it when it is long enough not to be part of a word.
                    let fits = if spaceless {
                        len >= 3
                    } else if scan.word_ends_at(at + 1) {
                        len >= 4
                    } else {
                        len >= 6 && scan.legal_rest(at + 1)
                    };
                    if fits {
                        hits.extend(ends.iter().map(|&(customer, kind)| Hit {
                            customer,
                            kind,
                            share: 1.0,
                            len,
                            pieces: vec![vec![(t, from, at + 1)]],
                            seen: None,
                        }));
                    }
                }
            }
        }
        hits
    }

    fn by_words(&self, scans: &[Scan]) -> Vec<Hit> {
        let mut places: HashMap<&str, Vec<Span>> = HashMap::new();
        for (t, scan) in scans.iter().enumerate() {
            for (word, from, to) in &scan.words {
                places.entry(word).or_default().push((t, *from, *to));
            }
        }
        let mut reached: HashSet<CustomerId> = HashSet::new();
        for word in places.keys() {
            if let Some(ids) = self.by_word.get(*word)
                && ids.len() <= WORD_CAP
            {
                self.tally(ids.len());
                reached.extend(ids);
            }
        }
        let mut hits = Vec::new();
        for customer in reached {
            let words = &self.entries[&customer].words;
            self.tally(words.len());
            let found: Vec<&String> = words
                .iter()
                .filter(|w| places.contains_key(w.as_str()))
                .collect();
            let share = found.len() as f64 / words.len() as f64;
            let len: usize = found.iter().map(|w| w.chars().count()).sum();
            let whole: usize = words.iter().map(|w| w.chars().count()).sum();
            if share < 0.6 || whole < 4 {
                continue;
            }
            hits.push(Hit {
                customer,
                kind: if found.len() == words.len() {
                    Kind::Core
                } else {
                    Kind::Partial
                },
                share,
                len,
                pieces: found.iter().map(|w| places[w.as_str()].clone()).collect(),
                seen: None,
            });
        }
        hits
    }
}

/// The hits not inside a longer customer's match. Only the best few are compared (a row
/// names one or two customers; a long list is words many names share).
pub(super) fn outermost(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| b.rank().cmp(&a.rank()).then(a.customer.cmp(&b.customer)));
    hits.truncate(32);
    let keep: Vec<bool> = hits
        .iter()
        .map(|hit| !hits.iter().any(|other| hit.inside(other)))
        .collect();
    hits.into_iter()
        .zip(keep)
        .filter_map(|(hit, keep)| keep.then_some(hit))
        .collect()
}

mod scan;
pub(super) use scan::{Scan, is_spaceless, scripts_apart};

#[cfg(test)]
mod tests;
