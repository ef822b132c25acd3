//! The search index, split so that what a visitor downloads grows with what the query
//! matches, not with the site. Each word of an entry (accents and case folded) files the
//! entry under a short prefix of the word, its shard key; a shard that would hold more than
//! [`BUDGET`] entries is split by one more letter. The browser loads a small manifest
//! (`recherche/index.json`: keys and their sizes, split prefixes, stop words), then the one
//! shard of the most selective word typed, and matches every word there. Words are compared
//! folded and without a plural `s` or `x`, here and in the script. Measured
//! against Pagefind at 1,000 and 10,000 entries (issue #4): see `docs/search.md`.

use std::collections::{BTreeMap, BTreeSet};

use portal_model::shapes::Weekday;
use portal_model::volunteer_call::Schedule;
use rayon::prelude::*;
use serde::Serialize;

use crate::error::BuildError;
use crate::index::Index;
use crate::index::ResourceFilter;
use crate::published::{SEARCH_MANIFEST, SEARCH_SHARDS};
use crate::urls::Urls;
use crate::write::Sink;

/// Entries per shard above which it is split: about 30 KB gzipped of real text.
const BUDGET: usize = 300;
/// Words too common to say anything, left out of the keys (the script drops them too).
const STOP: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est",
    "et", "il", "la", "le", "les", "leur", "leurs", "ne", "nos", "notre", "nous", "ou", "par",
    "pas", "pour", "qui", "que", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vos",
    "votre", "vous",
];

/// One searchable entry; short keys keep the shards small.
#[derive(Serialize)]
struct Item {
    /// Title.
    t: String,
    /// URL.
    u: String,
    /// What it is: `Association`, `Bénévolat`, `Offre`, `Demande`.
    k: &'static str,
    /// One-line summary.
    s: String,
    /// Categories (their labels).
    c: Vec<String>,
    /// Communes.
    v: Vec<String>,
    /// Words it is also found by, not shown: the plain words of the lexicon
    /// (`portal_model::lexicon`) for a place of help, who may come (« sans condition »,
    /// « gratuit »), the names of the days it is open on or needs people.
    #[serde(skip_serializing_if = "String::is_empty")]
    x: String,
}

impl Item {
    /// The words it is found by: folded, stop words left out, singular.
    fn words(&self) -> BTreeSet<String> {
        let text = [self.t.as_str(), &self.s, self.k, &self.x]
            .into_iter()
            .chain(self.c.iter().chain(&self.v).map(String::as_str))
            .map(fold)
            .collect::<Vec<_>>()
            .join(" ");
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 2 && !STOP.contains(w))
            .map(|w| singular(w).to_string())
            .collect()
    }
}

#[derive(Serialize)]
struct Manifest<'a> {
    /// Shard key → how many entries it holds, so the script picks the smallest.
    keys: BTreeMap<&'a str, usize>,
    /// Prefixes split by one more letter; the shard of such a prefix, if any, holds only the
    /// entries with that exact word.
    split: Vec<&'a str>,
    stop: &'static [&'static str],
}

/// Writes the index: the manifest, then each shard as soon as it is made (together they
/// are the largest output of a big site; holding them all at once would double its memory).
/// Returns the paths it wrote: the manifest, then the shards in key order.
pub(crate) fn write(
    index: &Index,
    urls: &Urls,
    sink: &dyn Sink,
) -> Result<Vec<String>, BuildError> {
    let items = items(index, urls);
    // Folding is most of the work: each entry's words in parallel, then merged in order.
    let own: Vec<BTreeSet<String>> = items.par_iter().map(Item::words).collect();
    let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (n, own) in own.into_iter().enumerate() {
        for w in own {
            words.entry(w).or_default().push(n as u32);
        }
    }
    let words: Vec<(String, Vec<u32>)> = words.into_iter().collect();
    let (shards, split) = partition(&words, BUDGET);

    // Each entry is serialised once; shards are lists of these pieces.
    let json: Vec<Vec<u8>> = items
        .par_iter()
        .map(|i| serde_json::to_vec(i).expect("an entry serialises"))
        .collect();
    let manifest = Manifest {
        keys: shards.iter().map(|(k, d)| (k.as_str(), d.len())).collect(),
        split: split.iter().map(String::as_str).collect(),
        stop: STOP,
    };
    sink.put(
        SEARCH_MANIFEST,
        serde_json::to_vec(&manifest).expect("the manifest serialises"),
    )?;
    let shards: Vec<(&String, &Vec<u32>)> = shards.iter().collect();
    let written: Vec<String> = shards
        .par_iter()
        .map(|(key, docs)| {
            let size = docs
                .iter()
                .map(|&d| json[d as usize].len() + 1)
                .sum::<usize>()
                + 1;
            let mut bytes = Vec::with_capacity(size);
            bytes.push(b'[');
            for (n, &d) in docs.iter().enumerate() {
                if n > 0 {
                    bytes.push(b',');
                }
                bytes.extend_from_slice(&json[d as usize]);
            }
            bytes.push(b']');
            let path = format!("{SEARCH_SHARDS}{key}.json");
            sink.put(&path, bytes).map(|()| path)
        })
        .collect::<Result<_, BuildError>>()?;
    Ok(std::iter::once(SEARCH_MANIFEST.to_string())
        .chain(written)
        .collect())
}

/// Files sorted words under shard keys: the first two letters, then one more letter while a
/// shard would exceed `budget` entries. Returns the shards (key → sorted entries) and the
/// prefixes that were split.
fn partition(
    words: &[(String, Vec<u32>)],
    budget: usize,
) -> (BTreeMap<String, Vec<u32>>, Vec<String>) {
    let mut shards = BTreeMap::new();
    let mut split = Vec::new();
    for group in groups(words, 2) {
        place(group, 2, budget, &mut shards, &mut split);
    }
    (shards, split)
}

/// Places `words`, which all start with the same `len` letters (or are shorter, when the
/// whole word is the prefix).
fn place(
    words: &[(String, Vec<u32>)],
    len: usize,
    budget: usize,
    shards: &mut BTreeMap<String, Vec<u32>>,
    split: &mut Vec<String>,
) {
    let prefix = &words[0].0[..len.min(words[0].0.len())];
    let docs = union(words);
    if docs.len() <= budget || words.iter().all(|(w, _)| w.len() <= len) {
        shards.insert(prefix.to_string(), docs);
        return;
    }
    split.push(prefix.to_string());
    // Sorted words: the exact word, if any, comes first.
    let (exact, longer) = words.split_at(usize::from(words[0].0.len() <= len));
    if !exact.is_empty() {
        shards.insert(prefix.to_string(), exact[0].1.clone());
    }
    for group in groups(longer, len + 1) {
        place(group, len + 1, budget, shards, split);
    }
}

/// Consecutive runs of sorted `words` sharing their first `len` letters.
fn groups(words: &[(String, Vec<u32>)], len: usize) -> Vec<&[(String, Vec<u32>)]> {
    // Words are ASCII letters and digits: slicing by bytes is slicing by letters.
    fn key(w: &str, len: usize) -> &[u8] {
        &w.as_bytes()[..len.min(w.len())]
    }
    words
        .chunk_by(|a, b| key(&a.0, len) == key(&b.0, len))
        .collect()
}

fn union(words: &[(String, Vec<u32>)]) -> Vec<u32> {
    let mut all: Vec<u32> = words.iter().flat_map(|(_, d)| d.iter().copied()).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// A word without its final `s` or `x` when longer than three letters, so that `repas`,
/// `vêtements` and `vêtement` meet; the script does the same to what is typed.
fn singular(w: &str) -> &str {
    match w.strip_suffix(['s', 'x']) {
        Some(stem) if w.len() > 3 => stem,
        _ => w,
    }
}

/// Lower case without accents, as the script folds: `Œuvre à l'Été` → `oeuvre a l'ete`.
/// Letters outside this table stay as they are, and split words, in both.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            c => out.push(c),
        }
    }
    out
}

/// Everything a visitor can find, in a stable order.
fn items(index: &Index, urls: &Urls) -> Vec<Item> {
    let config = &index.content.config;
    let mut items: Vec<Item> = index
        .directory()
        .iter()
        .map(|&id| {
            let a = index.association(id);
            let mut communes: Vec<String> =
                a.locations.iter().map(|l| l.place.city.clone()).collect();
            communes.dedup();
            let c: Vec<String> = a
                .categories
                .iter()
                .map(|k| config.categories.label(k).unwrap_or(k).to_string())
                .collect();
            let access = a
                .access
                .as_ref()
                .map(crate::phrasing::access_line)
                .unwrap_or_default();
            let plain = portal_model::lexicon::extra_words(&format!(
                "{} {} {} {access}",
                a.name,
                a.summary,
                c.join(" ")
            ));
            let days = Weekday::ALL.iter().filter(|&&d| {
                a.locations
                    .iter()
                    .any(|l| l.hours.as_ref().is_some_and(|h| !h.on(d).is_empty()))
            });
            let x: Vec<&str> = plain
                .into_iter()
                .chain(std::iter::once(access.as_str()))
                .chain(days.map(|d| d.label()))
                .filter(|w| !w.is_empty())
                .collect();
            Item {
                t: a.name.clone(),
                u: urls.association(&a.slug),
                k: "Association",
                s: a.summary.clone(),
                c,
                v: communes,
                x: x.join(" "),
            }
        })
        .collect();
    let commune = |own, association: &str| -> Vec<String> {
        index
            .place_of(own, association)
            .map(|p| vec![p.city.clone()])
            .unwrap_or_default()
    };
    items.extend(
        index
            .open_calls()
            .iter()
            .map(|&id| index.call(id))
            .map(|c| Item {
                t: c.title.clone(),
                u: urls.call(&c.slug),
                k: "Bénévolat",
                s: portal_markdown::plain_summary(&c.body, 140),
                c: c.skills.clone(),
                v: commune(c.place.as_ref(), &c.association),
                x: call_days(c, index.today),
            }),
    );
    items.extend(
        index
            .open_resources(ResourceFilter::All)
            .iter()
            .map(|&id| index.resource(id))
            .map(|res| Item {
                t: res.title.clone(),
                u: urls.resource(&res.slug),
                k: res.kind.label(),
                s: portal_markdown::plain_summary(&res.body, 140),
                c: vec![res.category.label().to_string()],
                v: commune(res.place.as_ref(), &res.association),
                x: String::new(),
            }),
    );
    items
}

/// The names of the days a call needs people on: its recurrence's, or its coming slots'.
fn call_days(c: &portal_model::VolunteerCall, today: jiff::civil::Date) -> String {
    let mut days: Vec<Weekday> = match &c.schedule {
        Schedule::Recurrence(r) => r.days.clone(),
        Schedule::Slots(_) => c
            .upcoming_slots(today)
            .iter()
            .map(|s| Weekday::of(s.date))
            .collect(),
    };
    days.sort();
    days.dedup();
    days.iter().map(|d| d.label()).collect::<Vec<_>>().join(" ")
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
    fn folds_as_the_script_does() {
        assert_eq!(fold("Œuvre à l'Été, Noël"), "oeuvre a l'ete, noel");
        let singulars: Vec<&str> = ["repas", "colis", "bus", "jeux", "vetements"]
            .into_iter()
            .map(singular)
            .collect();
        assert_eq!(singulars, ["repa", "coli", "bus", "jeu", "vetement"]);
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
        let (shards, split) = partition(&w, 3);
        // "re…" holds six entries: split; "re" itself keeps the exact word's entry, and
        // "rep…" (four) is split letter by letter until "repas" and "repass" part.
        assert_eq!(split, ["re", "rep", "repa", "repas"]);
        let keys: Vec<(&str, &[u32])> = shards
            .iter()
            .map(|(k, d)| (k.as_str(), d.as_slice()))
            .collect();
        assert_eq!(
            keys,
            [
                ("co", &[8][..]),
                ("cv", &[7]),
                ("re", &[6]),
                ("ren", &[5]),
                ("repas", &[1, 2, 3]),
                ("repass", &[4]),
            ]
        );
    }
}
