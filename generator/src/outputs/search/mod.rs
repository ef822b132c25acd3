//! The search index, in which each entry is stored once, so that what a visitor downloads
//! grows with what the query shows, not with the site (docs/search.md):
//!
//! - the entries, numbered, in files of [`CHUNK`] (`recherche/fiches/N.json`): the script
//!   loads the files of the results it shows, and nothing else of the entries;
//! - the words, in shards by prefix (`recherche/mots/KEY.json`, see [`shards`]), each word
//!   with the numbers of the entries it is in;
//! - the filters' communes and categories, each with the numbers of its entries
//!   (`recherche/filtres/commune-I.json`); the kinds are ranges of numbers;
//! - a small manifest (`recherche/index.json`) with the rules of words ([`words`]), the
//!   shard keys and those ranges.
//!
//! Lists of numbers are written as the differences between consecutive numbers, which
//! gzip shrinks to little: the entries are numbered by kind, then in their lists' order.

pub(crate) mod shards;
pub(crate) mod words;

use std::collections::{BTreeMap, HashMap};

use portal_model::resource::ResourceKind;
use portal_model::shapes::Weekday;
use portal_model::volunteer_call::Schedule;
use rayon::prelude::*;
use serde::Serialize;

use crate::error::BuildError;
use crate::index::Index;
use crate::index::ResourceFilter;
use crate::published::{SEARCH_ENTRIES, SEARCH_FILTERS, SEARCH_MANIFEST, SEARCH_WORDS};
use crate::urls::Urls;
use crate::write::Sink;
use words::{FRENCH, Words};

/// Entries per file: the results a query shows (50 at most) are spread over as many files
/// at worst, each a few kilobytes gzipped.
pub(crate) const CHUNK: usize = 16;
/// Entry numbers per shard of words above which it is split by one more letter.
const BUDGET: usize = 4000;
/// The version of the files' format, for a script in a cache that meets a newer index.
const FORMAT: u32 = 2;

/// One searchable entry; short keys keep the files small. Its kind is that of its number's
/// range.
#[derive(Serialize)]
struct Item {
    /// Title.
    t: String,
    /// URL.
    u: String,
    /// One-line summary.
    s: String,
    /// Categories (their labels), or a call's skills.
    c: Vec<String>,
    /// Communes.
    v: Vec<String>,
    /// Words it is also found by, not shown (so not in its file): the plain words of the
    /// lexicon (`portal_model::lexicon`) for a place of help, who may come (« sans
    /// condition », « gratuit »), the names of the days it is open on or needs people.
    #[serde(skip)]
    x: String,
}

impl Item {
    /// The text its words are taken from, folded: everything shown of it, and its kind.
    fn folded(&self, kind: &str, words: &Words) -> String {
        let mut text = String::with_capacity(256);
        for part in [self.t.as_str(), &self.s, kind, &self.x]
            .into_iter()
            .chain(self.c.iter().chain(&self.v).map(String::as_str))
        {
            text.push_str(part);
            text.push(' ');
        }
        words.fold(&text)
    }
}

/// The kinds, in the order of the numbers, with the label the filter and the cards show.
const KINDS: [&str; 4] = ["Association", "Bénévolat", "Offre", "Demande"];

#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    words: &'a Words,
    /// The shard keys, in order (the script names their files as [`shards::file_name`]).
    keys: Vec<&'a str>,
    /// Prefixes split by one more letter.
    split: &'a [String],
    /// Entries per file of entries, and how many entries in all.
    chunk: usize,
    entries: usize,
    /// Each kind with the number of its first entry.
    kinds: Vec<(&'static str, usize)>,
    /// The filters' values, by position: `filtres/categorie-0.json` is the first category's.
    filters: Filters<'a>,
}

#[derive(Serialize)]
struct Filters<'a> {
    categorie: Vec<&'a str>,
    commune: Vec<&'a str>,
}

/// Sorted numbers as their differences: `[3, 4, 9]` → `[3, 1, 5]`.
fn gaps(numbers: &[u32]) -> Vec<u32> {
    let mut last = 0;
    numbers
        .iter()
        .map(|&n| {
            let gap = n - last;
            last = n;
            gap
        })
        .collect()
}

/// Entries folded at a time: their words are merged, then their folded text dropped.
const BLOCK: usize = 1 << 14;

/// Writes the index and returns the paths it wrote: the manifest first. Each file is
/// written as soon as it is made, and the folded text of the entries a block at a time:
/// at a million entries the index is the largest thing the build holds besides the content.
pub(crate) fn write(
    index: &Index,
    urls: &Urls,
    sink: &dyn Sink,
) -> Result<Vec<String>, BuildError> {
    let words = &FRENCH;
    let (items, kinds) = items(index, urls);
    let kind_of = |n: usize| {
        KINDS[kinds
            .iter()
            .rposition(|&(_, first)| first <= n)
            .unwrap_or(0)]
    };
    let put = |path: String, bytes: Vec<u8>| sink.put(&path, bytes).map(|()| path);

    let mut written: Vec<String> = items
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(n, chunk)| put(format!("{SEARCH_ENTRIES}{n}.json"), json(&chunk)))
        .collect::<Result<_, _>>()?;

    // The filters: each category and commune with the numbers of its entries.
    let categories: Vec<&str> = index.categories().map(|(_, c)| c.label.as_str()).collect();
    let communes: Vec<&str> = index.communes().map(|(_, c)| c.name.as_str()).collect();
    let position = |values: &[&str]| -> HashMap<String, usize> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (v.to_string(), i))
            .collect()
    };
    let (of_category, of_commune) = (position(&categories), position(&communes));
    let mut filters = vec![Vec::new(); categories.len() + communes.len()];
    for (n, item) in items.iter().enumerate() {
        let at = |of: &HashMap<String, usize>, values: &[String]| -> Vec<usize> {
            let mut at: Vec<usize> = values.iter().filter_map(|v| of.get(v).copied()).collect();
            at.sort_unstable();
            at.dedup();
            at
        };
        for i in at(&of_category, &item.c) {
            filters[i].push(n as u32);
        }
        for i in at(&of_commune, &item.v) {
            filters[categories.len() + i].push(n as u32);
        }
    }
    let names = (0..categories.len())
        .map(|i| format!("categorie-{i}"))
        .chain((0..communes.len()).map(|i| format!("commune-{i}")));
    for (name, numbers) in names.zip(&filters) {
        written.push(put(
            format!("{SEARCH_FILTERS}{name}.json"),
            json(&gaps(numbers)),
        )?);
    }
    drop(filters);

    // Folding is most of the work: a block of entries in parallel, then merged in order.
    let mut by_word: HashMap<String, Vec<u32>> = HashMap::new();
    for (b, block) in items.chunks(BLOCK).enumerate() {
        let folded: Vec<String> = block
            .par_iter()
            .enumerate()
            .map(|(i, item)| item.folded(kind_of(b * BLOCK + i), words))
            .collect();
        let own: Vec<Vec<&str>> = folded
            .par_iter()
            .map(|text| {
                let mut terms: Vec<&str> = words.terms(text).collect();
                terms.sort_unstable();
                terms.dedup();
                terms
            })
            .collect();
        for (i, terms) in own.iter().enumerate() {
            let n = (b * BLOCK + i) as u32;
            for &w in terms {
                match by_word.get_mut(w) {
                    Some(numbers) => numbers.push(n),
                    None => {
                        by_word.insert(w.to_string(), vec![n]);
                    }
                }
            }
        }
    }
    let entries = items.len();
    drop(items);
    let mut sorted: Vec<(String, Vec<u32>)> = by_word.into_iter().collect();
    sorted.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let (shards, split) = shards::partition(&sorted, words.min, BUDGET);
    let shard_files: Vec<String> = shards
        .par_iter()
        .map(|s| {
            let words: BTreeMap<&str, Vec<u32>> = sorted[s.words.clone()]
                .iter()
                .map(|(w, numbers)| (w.as_str(), gaps(numbers)))
                .collect();
            let path = format!("{SEARCH_WORDS}{}.json", shards::file_name(&s.key));
            put(path, json(&words))
        })
        .collect::<Result<_, _>>()?;
    written.extend(shard_files);

    let manifest = Manifest {
        format: FORMAT,
        words,
        keys: shards.iter().map(|s| s.key.as_str()).collect(),
        split: &split,
        chunk: CHUNK,
        entries,
        kinds,
        filters: Filters {
            categorie: categories,
            commune: communes,
        },
    };
    written.insert(0, put(SEARCH_MANIFEST.to_string(), json(&manifest))?);
    Ok(written)
}

fn json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("the index serialises")
}

/// Everything a visitor can find, numbered: the associations in the directory's order, the
/// open calls, offers and requests in their lists' order. Returns them with each kind and
/// the number of its first entry.
fn items(index: &Index, urls: &Urls) -> (Vec<Item>, Vec<(&'static str, usize)>) {
    let config = &index.content.config;
    let mut kinds = vec![(KINDS[0], 0)];
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
                .map(|x| crate::phrasing::access_line(crate::i18n::french(), x))
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
            // One index for every language: an entry is also found by its translated name
            // and summary, from any language's page, and by its French words from all.
            let translated = a
                .translations
                .0
                .values()
                .flat_map(|t| [t.name.as_deref(), t.summary.as_deref()])
                .flatten();
            let x: Vec<&str> = plain
                .into_iter()
                .chain(std::iter::once(access.as_str()))
                .chain(days.map(|d| d.label()))
                .chain(translated)
                .filter(|w| !w.is_empty())
                .collect();
            Item {
                t: a.name.clone(),
                u: urls.association(&a.slug),
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
    kinds.push((KINDS[1], items.len()));
    items.extend(
        index
            .open_calls()
            .iter()
            .map(|&id| index.call(id))
            .map(|c| Item {
                t: c.title.clone(),
                u: urls.call(&c.slug),
                s: portal_markdown::plain_summary(&c.body, 140),
                c: c.skills.clone(),
                v: commune(c.place.as_ref(), &c.association),
                x: with_titles(call_days(c, index.today), &c.translations),
            }),
    );
    for (kind, label) in [
        (ResourceKind::Offer, KINDS[2]),
        (ResourceKind::Request, KINDS[3]),
    ] {
        debug_assert_eq!(kind.label(), label);
        kinds.push((label, items.len()));
        items.extend(
            index
                .open_resources(ResourceFilter::Kind(kind))
                .iter()
                .map(|&id| index.resource(id))
                .map(|res| Item {
                    t: res.title.clone(),
                    u: urls.resource(&res.slug),
                    s: portal_markdown::plain_summary(&res.body, 140),
                    c: vec![res.category.label().to_string()],
                    v: commune(res.place.as_ref(), &res.association),
                    x: with_titles(String::new(), &res.translations),
                }),
        );
    }
    (items, kinds)
}

/// `words` and the translated titles of an entry, by which it is found too.
fn with_titles(mut words: String, t: &portal_model::translations::Translations) -> String {
    for title in t.0.values().filter_map(|t| t.title.as_deref()) {
        words.push(' ');
        words.push_str(title);
    }
    words
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

    #[test]
    fn numbers_are_written_as_their_differences() {
        assert_eq!(gaps(&[3, 4, 9, 10]), [3, 1, 5, 1]);
        assert_eq!(gaps(&[]), Vec::<u32>::new());
    }
}
