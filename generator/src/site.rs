//! Index: the checked content, arranged the way pages ask for it (by category, by commune,
//! by association, open or archived) for one build date.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use portal_model::checks::{fold_accent, slugify};
use portal_model::resource::ResourceKind;
use portal_model::shapes::Place;
use portal_model::{Association, Kind, Resource, VolunteerCall};
use rayon::slice::ParallelSliceMut;

use crate::dates::ChangeDates;
use crate::load::Content;

/// A commune where at least one association receives people.
#[derive(Debug, Clone)]
pub struct Commune {
    pub slug: String,
    pub name: String,
    /// Indexes into `Site::associations`, in display order.
    pub associations: Vec<usize>,
}

/// The site for one build: content, build date and indexes.
pub struct Site {
    pub content: Content,
    pub today: Date,
    pub changes: ChangeDates,
    /// Association indexes in display order (by name).
    pub directory: Vec<usize>,
    pub communes: Vec<Commune>,
    by_slug: HashMap<String, usize>,
    calls_of: HashMap<String, Vec<usize>>,
    resources_of: HashMap<String, Vec<usize>>,
    /// Sorted once here: pages ask for these thousands of times in a large site.
    in_category: HashMap<String, Vec<usize>>,
    open_calls: Vec<usize>,
    open_resources: Vec<usize>,
}

/// A key to sort names the French way: accents and case do not count.
pub fn sort_key(name: &str) -> String {
    name.chars()
        .map(fold_accent)
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect()
}

impl Site {
    pub fn new(content: Content, today: Date, changes: ChangeDates) -> Site {
        let by_slug = content
            .associations
            .iter()
            .enumerate()
            .map(|(i, a)| (a.slug.clone(), i))
            .collect();
        let mut directory: Vec<usize> = (0..content.associations.len()).collect();
        // Sort keys of thousands of names: made in parallel (the index is serial otherwise).
        directory.par_sort_by_cached_key(|&i| {
            let a = &content.associations[i];
            (sort_key(&a.name), a.slug.clone())
        });
        let mut communes: BTreeMap<String, Commune> = BTreeMap::new();
        for &i in &directory {
            let a = &content.associations[i];
            let mut seen = Vec::new();
            for l in &a.locations {
                let slug = slugify(&l.place.city);
                if seen.contains(&slug) {
                    continue;
                }
                seen.push(slug.clone());
                communes
                    .entry(slug.clone())
                    .or_insert_with(|| Commune {
                        slug,
                        name: l.place.city.clone(),
                        associations: Vec::new(),
                    })
                    .associations
                    .push(i);
            }
        }
        let mut calls_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in content.calls.iter().enumerate() {
            calls_of.entry(c.association.clone()).or_default().push(i);
        }
        let mut resources_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in content.resources.iter().enumerate() {
            resources_of
                .entry(r.association.clone())
                .or_default()
                .push(i);
        }
        let mut in_category: HashMap<String, Vec<usize>> = HashMap::new();
        for &i in &directory {
            for c in &content.associations[i].categories {
                let ids = in_category.entry(c.clone()).or_default();
                if ids.last() != Some(&i) {
                    ids.push(i);
                }
            }
        }
        let mut site = Site {
            content,
            today,
            changes,
            directory,
            communes: communes.into_values().collect(),
            by_slug,
            calls_of,
            resources_of,
            in_category,
            open_calls: Vec::new(),
            open_resources: Vec::new(),
        };
        site.open_calls = site.sorted_open_calls();
        site.open_resources = site.sorted_open_resources();
        site
    }

    /// Gives back the content and history, for a rebuild that changes a few entries.
    pub fn into_parts(self) -> (Content, ChangeDates) {
        (self.content, self.changes)
    }

    fn sorted_open_calls(&self) -> Vec<usize> {
        let calls = &self.content.calls;
        let mut open: Vec<usize> = (0..calls.len())
            .filter(|&i| !calls[i].is_archived(self.today))
            .collect();
        open.par_sort_by_cached_key(|&i| (self.next_date(&calls[i]), sort_key(&calls[i].title)));
        open
    }

    fn sorted_open_resources(&self) -> Vec<usize> {
        let resources = &self.content.resources;
        let mut open: Vec<usize> = (0..resources.len())
            .filter(|&i| !resources[i].is_archived(self.today))
            .collect();
        open.par_sort_by_cached_key(|&i| {
            let r = &resources[i];
            (r.last_day().unwrap_or(Date::MAX), sort_key(&r.title))
        });
        open
    }

    pub fn association(&self, slug: &str) -> &Association {
        &self.content.associations[self.by_slug[slug]]
    }

    /// The day the file of an entry last changed.
    pub fn changed(&self, kind: Kind, slug: &str) -> Date {
        self.changes
            .of(&format!("content/{}/{slug}.md", kind.folder()), self.today)
    }

    /// Where a call or a listing happens: its own place, or its association's first.
    pub fn place_of<'a>(&'a self, own: Option<&'a Place>, association: &str) -> Option<&'a Place> {
        own.or_else(|| self.association(association).first_place())
    }

    /// Open calls, the soonest first (open-ended recurrences after dated ones).
    pub fn open_calls(&self) -> Vec<&VolunteerCall> {
        self.open_calls
            .iter()
            .map(|&i| &self.content.calls[i])
            .collect()
    }

    /// The next day a call needs people (for sorting); far future when open-ended.
    pub fn next_date(&self, call: &VolunteerCall) -> Date {
        call.upcoming_slots(self.today)
            .first()
            .map(|s| s.date)
            .or(match &call.schedule {
                portal_model::volunteer_call::Schedule::Recurrence(r) => {
                    Some(r.from.max(self.today))
                }
                _ => None,
            })
            .unwrap_or(Date::MAX)
    }

    /// Open listings of a kind (or both), those ending soonest first.
    pub fn open_resources(&self, kind: Option<ResourceKind>) -> Vec<&Resource> {
        self.open_resources
            .iter()
            .map(|&i| &self.content.resources[i])
            .filter(|r| kind.is_none_or(|k| r.kind == k))
            .collect()
    }

    pub fn calls_of(&self, association: &str) -> impl Iterator<Item = &VolunteerCall> {
        self.calls_of
            .get(association)
            .into_iter()
            .flatten()
            .map(|&i| &self.content.calls[i])
    }

    pub fn resources_of(&self, association: &str) -> impl Iterator<Item = &Resource> {
        self.resources_of
            .get(association)
            .into_iter()
            .flatten()
            .map(|&i| &self.content.resources[i])
    }

    /// Associations of a category, in directory order.
    pub fn in_category(&self, key: &str) -> &[usize] {
        self.in_category.get(key).map_or(&[], Vec::as_slice)
    }
}
