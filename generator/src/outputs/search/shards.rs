//! Which words go in which shard of words. A shard holds every word starting with its key
//! (the first two letters of a word, or more): typing a word loads one shard, in which the
//! script finds every word that starts with what was typed. A shard that would hold more
//! than a budget of entry numbers is split by one more letter; the shard of a split prefix,
//! if any, holds only that exact word.

use std::ops::Range;

/// The words of one shard: a run of the sorted words, under its key.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Shard {
    pub key: String,
    pub words: Range<usize>,
}

/// The first `len` letters of `w` (all of it when shorter).
fn prefix(w: &str, len: usize) -> &str {
    match w.char_indices().nth(len) {
        Some((i, _)) => &w[..i],
        None => w,
    }
}

/// Files sorted `words` (each with its entry numbers) under keys of `first` letters, then
/// one more letter while a shard would hold more than `budget` numbers. Returns the shards
/// in key order and the prefixes that were split.
pub(crate) fn partition(
    words: &[(String, Vec<u32>)],
    first: usize,
    budget: usize,
) -> (Vec<Shard>, Vec<String>) {
    let mut out = Partition {
        words,
        budget,
        shards: Vec::new(),
        split: Vec::new(),
    };
    for group in groups(words, 0..words.len(), first) {
        out.place(group, first);
    }
    (out.shards, out.split)
}

struct Partition<'a> {
    words: &'a [(String, Vec<u32>)],
    budget: usize,
    shards: Vec<Shard>,
    split: Vec<String>,
}

impl Partition<'_> {
    /// Places the words of `run`, which all start with the same `len` letters (or are
    /// that prefix).
    fn place(&mut self, run: Range<usize>, len: usize) {
        let words = &self.words[run.clone()];
        let key = prefix(&words[0].0, len).to_string();
        let size: usize = words.iter().map(|(_, n)| n.len()).sum();
        let whole = words.iter().all(|(w, _)| w.chars().count() <= len);
        if size <= self.budget || whole {
            self.shards.push(Shard { key, words: run });
            return;
        }
        // Sorted words: the exact word, if any, comes first.
        let exact = usize::from(words[0].0 == key);
        if exact == 1 {
            self.shards.push(Shard {
                key: key.clone(),
                words: run.start..run.start + 1,
            });
        }
        self.split.push(key);
        for group in groups(self.words, run.start + exact..run.end, len + 1) {
            self.place(group, len + 1);
        }
    }
}

/// Consecutive runs of `range` of the sorted words sharing their first `len` letters.
fn groups(words: &[(String, Vec<u32>)], range: Range<usize>, len: usize) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        if i > start && prefix(&words[i].0, len) != prefix(&words[start].0, len) {
            runs.push(start..i);
            start = i;
        }
    }
    if start < range.end {
        runs.push(start..range.end);
    }
    runs
}

/// The name of a shard's file: the key's letters `a`–`z` and digits as they are, any other
/// letter as `_` and its code point in six hexadecimal digits (`_000645` for `م`), the
/// script naming it the same way.
pub(crate) fn file_name(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else {
            out.push_str(&format!("_{:06x}", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[(&str, &[u32])]) -> Vec<(String, Vec<u32>)> {
        let mut w: Vec<_> = list
            .iter()
            .map(|(w, d)| (w.to_string(), d.to_vec()))
            .collect();
        w.sort();
        w
    }

    #[test]
    fn small_prefixes_stay_whole_and_big_ones_split_by_one_letter() {
        let w = words(&[
            ("repas", &[1, 2, 3]),
            ("repassage", &[4]),
            ("rencontre", &[5]),
            ("re", &[6]),
            ("cv", &[7]),
            ("colis", &[8]),
        ]);
        let (shards, split) = partition(&w, 2, 3);
        // "re…" holds six numbers: split; "re" itself keeps the exact word, and "rep…"
        // (four) is split letter by letter until "repas" and "repass" part.
        assert_eq!(split, ["re", "rep", "repa", "repas"]);
        let keys: Vec<(&str, Vec<&str>)> = shards
            .iter()
            .map(|s| {
                let names = w[s.words.clone()].iter().map(|(w, _)| w.as_str()).collect();
                (s.key.as_str(), names)
            })
            .collect();
        assert_eq!(
            keys,
            [
                ("co", vec!["colis"]),
                ("cv", vec!["cv"]),
                ("re", vec!["re"]),
                ("ren", vec!["rencontre"]),
                ("repas", vec!["repas"]),
                ("repass", vec!["repassage"]),
            ]
        );
    }

    #[test]
    fn keys_of_any_script_make_plain_file_names() {
        assert_eq!(file_name("ep"), "ep");
        assert_eq!(file_name("مط"), "_000645_000637");
        assert_eq!(prefix("مطعم", 2), "مط");
    }
}
