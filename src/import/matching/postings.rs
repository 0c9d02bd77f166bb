//! Text keys to lists of values, packed for a big book: the keys written one after
//! another in sorted order and found by binary search, the values of all keys in one
//! list. A hash map of strings to vectors holds each key and each list in an allocation
//! of its own and keeps its table up to half empty, which for the hundreds of thousands
//! of keys of a big book's name index was more than twice the memory.

use std::collections::HashMap;

pub(super) struct Postings<V> {
    /// The keys, sorted, written one after another.
    text: String,
    /// Where each key ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    /// Where each key's values end in `values`.
    value_ends: Vec<u32>,
    values: Vec<V>,
}

impl<V> Default for Postings<V> {
    fn default() -> Self {
        Postings {
            text: String::new(),
            ends: Vec::new(),
            value_ends: Vec::new(),
            values: Vec::new(),
        }
    }
}

impl<V: Copy> Postings<V> {
    /// Packs `map`; each key's values keep their order.
    pub(super) fn from_map(map: HashMap<String, Vec<V>>) -> Postings<V> {
        let mut entries: Vec<(String, Vec<V>)> = map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut out = Postings {
            text: String::with_capacity(entries.iter().map(|(k, _)| k.len()).sum()),
            ends: Vec::with_capacity(entries.len()),
            value_ends: Vec::with_capacity(entries.len()),
            values: Vec::with_capacity(entries.iter().map(|(_, v)| v.len()).sum()),
        };
        for (key, values) in entries {
            out.text.push_str(&key);
            out.ends.push(out.text.len() as u32);
            out.values.extend(values);
            out.value_ends.push(out.values.len() as u32);
        }
        out
    }

    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The values of `key`, if it is one.
    pub(super) fn get(&self, key: &str) -> Option<&[V]> {
        let (mut low, mut high) = (0, self.ends.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.key(mid).cmp(key) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => {
                    let start = if mid == 0 {
                        0
                    } else {
                        self.value_ends[mid - 1] as usize
                    };
                    return Some(&self.values[start..self.value_ends[mid] as usize]);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_finds_its_values_in_order_and_nothing_else_is_found() {
        let mut map: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, key) in ["müller", "muller", "mller", "a", "ab", "", "华安", "zz"]
            .into_iter()
            .enumerate()
        {
            map.entry(key.to_string())
                .or_default()
                .extend([i as u32, 100 + i as u32]);
        }
        let expected = map.clone();
        let postings = Postings::from_map(map);
        for (key, values) in &expected {
            assert_eq!(postings.get(key), Some(values.as_slice()), "{key}");
        }
        for missing in ["m", "mülle", "abc", "华", "zzz"] {
            assert_eq!(postings.get(missing), None, "{missing}");
        }
        assert_eq!(Postings::<u32>::default().get("a"), None);
    }
}
