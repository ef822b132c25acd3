//! Index: the checked content, arranged the way pages and outputs ask for it (by category,
//! by commune, by association, open or archived, what matches what) for one build date.
//!
//! Every list here is a pure function of the content and the date, made once per build and
//! handed out as ids: the renderer and the outputs only read them.

mod ids;
mod matching;
mod nearest;
mod needs;
mod sheets;

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use portal_model::association::Location;
use portal_model::checks::{fold_accent, slugify};
use portal_model::resource::{ResourceCategory, ResourceKind};
use portal_model::shapes::Place;
use portal_model::{Association, Kind, Page, Resource, VolunteerCall};
use rayon::prelude::*;

use crate::dates::ChangeDates;
use crate::load::Content;
use crate::phrasing;
pub(crate) use ids::{
    AssociationId, CallId, CategoryId, CommuneId, NeedId, PageId, PublicId, ResourceId,
};
pub(crate) use matching::Match;
pub(crate) use needs::{NeedPlaces, PlaceRef};
use portal_model::access::AccessMode;
pub(crate) use sheets::Sheet;

/// A commune where at least one association receives people.
#[derive(Debug, Clone)]
pub struct Commune {
    pub slug: String,
    pub name: String,
    /// Its associations, in directory order.
    pub associations: Vec<AssociationId>,
}

/// Which open listings a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceFilter {
    All,
    Kind(ResourceKind),
    Category(ResourceCategory),
}

impl ResourceFilter {
    /// Every filter, in the order of the lists' pages: all, by kind, by category.
    pub fn every() -> impl Iterator<Item = ResourceFilter> {
        [
            ResourceFilter::All,
            ResourceFilter::Kind(ResourceKind::Offer),
            ResourceFilter::Kind(ResourceKind::Request),
        ]
        .into_iter()
        .chain(
            ResourceCategory::ALL
                .iter()
                .map(|&c| ResourceFilter::Category(c)),
        )
    }

    fn keeps(self, r: &Resource) -> bool {
        match self {
            ResourceFilter::All => true,
            ResourceFilter::Kind(k) => r.kind == k,
            ResourceFilter::Category(c) => r.category == c,
        }
    }
}

/// An entry of the archive: a call or a listing that has ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Archived {
    Call(CallId),
    Resource(ResourceId),
}

/// The open requests of a category, by commune ([`phrasing::REMOTE`] for those without a
/// place).
#[derive(Debug, Clone)]
pub struct Needs {
    pub category: ResourceCategory,
    /// Communes in name order, each with its requests in the lists' order.
    pub communes: Vec<(String, Vec<ResourceId>)>,
}

/// The site for one build: content, build date and what is arranged from them.
pub struct Index {
    pub content: Content,
    pub today: Date,
    pub changes: ChangeDates,
    /// Associations in display order (by name).
    directory: Vec<AssociationId>,
    communes: Vec<Commune>,
    by_slug: HashMap<String, AssociationId>,
    calls_of: HashMap<String, Vec<CallId>>,
    resources_of: HashMap<String, Vec<ResourceId>>,
    /// Sorted once here: pages ask for these thousands of times in a large site.
    in_category: HashMap<String, Vec<AssociationId>>,
    open_calls: Vec<CallId>,
    /// Open listings by filter, those ending soonest first: a large site has hundreds of
    /// list pages, each a slice of one of these.
    open_resources: HashMap<ResourceFilter, Vec<ResourceId>>,
    archive: Vec<Archived>,
    needs: Vec<Needs>,
    candidates: matching::Candidates,
    /// Each commune's printable guide, by sheet (in the order of `communes`).
    guides: Vec<Vec<Sheet>>,
    /// The places of each need of the home page's way in.
    help: Vec<NeedPlaces>,
    /// The associations that welcome each public, in the order of the site's publics.
    with_public: Vec<Vec<AssociationId>>,
    /// The associations of each access mode, in the order of `AccessMode::ALL`.
    with_access: Vec<Vec<AssociationId>>,
}

/// A key to sort names the French way: accents and case do not count.
pub(crate) fn sort_key(name: &str) -> String {
    name.chars()
        .map(fold_accent)
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect()
}

impl Index {
    pub fn new(content: Content, today: Date, changes: ChangeDates) -> Index {
        let by_slug = content
            .associations
            .iter()
            .zip(AssociationId::all(content.associations.len()))
            .map(|(a, id)| (a.slug.clone(), id))
            .collect();
        let mut directory: Vec<AssociationId> =
            AssociationId::all(content.associations.len()).collect();
        // Sort keys of thousands of names: made in parallel (the index is serial otherwise).
        directory.par_sort_by_cached_key(|&id| {
            let a = &content.associations[id.index()];
            (sort_key(&a.name), a.slug.clone())
        });
        let mut communes: BTreeMap<String, Commune> = BTreeMap::new();
        for &id in &directory {
            let a = &content.associations[id.index()];
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
                    .push(id);
            }
        }
        let mut calls_of: HashMap<String, Vec<CallId>> = HashMap::new();
        for (c, id) in content.calls.iter().zip(CallId::all(content.calls.len())) {
            calls_of.entry(c.association.clone()).or_default().push(id);
        }
        let mut resources_of: HashMap<String, Vec<ResourceId>> = HashMap::new();
        for (r, id) in content
            .resources
            .iter()
            .zip(ResourceId::all(content.resources.len()))
        {
            resources_of
                .entry(r.association.clone())
                .or_default()
                .push(id);
        }
        let mut in_category: HashMap<String, Vec<AssociationId>> = HashMap::new();
        for &id in &directory {
            for c in &content.associations[id.index()].categories {
                let ids = in_category.entry(c.clone()).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
        let mut index = Index {
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
            open_resources: HashMap::new(),
            archive: Vec::new(),
            needs: Vec::new(),
            candidates: matching::Candidates::default(),
            guides: Vec::new(),
            help: Vec::new(),
            with_public: Vec::new(),
            with_access: Vec::new(),
        };
        // Independent orders, made side by side: an update waits for them before it serves
        // the saved entry's page.
        let (open_calls, open) = rayon::join(
            || index.sorted_open_calls(),
            || index.sorted_open_resources(),
        );
        index.open_calls = open_calls;
        index.open_resources = ResourceFilter::every()
            .map(|f| {
                let kept = open
                    .iter()
                    .copied()
                    .filter(|&id| f.keeps(index.resource(id)));
                (f, kept.collect())
            })
            .collect();
        let (archive, (needs, candidates)) = rayon::join(
            || index.sorted_archive(),
            || rayon::join(|| index.needs_by_category(), || index.candidates()),
        );
        index.archive = archive;
        index.needs = needs;
        index.candidates = candidates;
        index.guides = index
            .communes
            .par_iter()
            .map(|c| sheets::cut(&index, c))
            .collect();
        index.help = needs::places(&index);
        let (with_public, with_access) = index.by_public_and_access();
        index.with_public = with_public;
        index.with_access = with_access;
        index
    }

    /// The associations of each public and of each access mode, in directory order.
    fn by_public_and_access(&self) -> (Vec<Vec<AssociationId>>, Vec<Vec<AssociationId>>) {
        let publics = &self.content.config.publics;
        let mut with_public = vec![Vec::new(); publics.0.len()];
        let mut with_access = vec![Vec::new(); AccessMode::ALL.len()];
        for &id in &self.directory {
            let a = self.association(id);
            for key in &a.publics {
                if let Some(n) = publics.0.iter().position(|p| &p.key == key) {
                    with_public[n].push(id);
                }
            }
            for m in a.access.iter().flat_map(|x| &x.modes) {
                with_access[*m as usize].push(id);
            }
        }
        (with_public, with_access)
    }

    /// The open listings, grouped for matching.
    fn candidates(&self) -> matching::Candidates {
        matching::Candidates::new(self.open_resources(ResourceFilter::All).iter().map(|&id| {
            let r = self.resource(id);
            matching::Candidate {
                id,
                kind: r.kind,
                category: r.category,
                place: self.geo_of(r),
            }
        }))
    }

    /// Gives back the content and history, for a rebuild that changes a few entries.
    pub fn into_parts(self) -> (Content, ChangeDates) {
        (self.content, self.changes)
    }

    fn sorted_open_calls(&self) -> Vec<CallId> {
        let mut open: Vec<CallId> = self
            .calls()
            .filter(|(_, c)| !c.is_archived(self.today))
            .map(|(id, _)| id)
            .collect();
        open.par_sort_by_cached_key(|&id| {
            let c = self.call(id);
            (self.next_date(c), sort_key(&c.title))
        });
        open
    }

    fn sorted_open_resources(&self) -> Vec<ResourceId> {
        let mut open: Vec<ResourceId> = self
            .resources()
            .filter(|(_, r)| !r.is_archived(self.today))
            .map(|(id, _)| id)
            .collect();
        open.par_sort_by_cached_key(|&id| {
            let r = self.resource(id);
            (r.last_day().unwrap_or(Date::MAX), sort_key(&r.title))
        });
        open
    }

    /// Ended calls and listings, the most recently ended first, then by title.
    fn sorted_archive(&self) -> Vec<Archived> {
        let mut items: Vec<(Archived, Option<Date>, &str)> = self
            .calls()
            .filter(|(_, c)| c.is_archived(self.today))
            .map(|(id, c)| (Archived::Call(id), c.last_day(), c.title.as_str()))
            .chain(
                self.resources()
                    .filter(|(_, r)| r.is_archived(self.today))
                    .map(|(id, r)| (Archived::Resource(id), r.last_day(), r.title.as_str())),
            )
            .collect();
        items.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(b.2)));
        items.into_iter().map(|(item, _, _)| item).collect()
    }

    /// The open requests by category, then by commune.
    fn needs_by_category(&self) -> Vec<Needs> {
        let requests = self.open_resources(ResourceFilter::Kind(ResourceKind::Request));
        ResourceCategory::ALL
            .iter()
            .filter_map(|&category| {
                let mut communes: Vec<(String, Vec<ResourceId>)> = Vec::new();
                // By slug, as the communes' pages: two spellings of a town are one.
                let mut at: HashMap<String, usize> = HashMap::new();
                for &id in requests {
                    let r = self.resource(id);
                    if r.category != category {
                        continue;
                    }
                    let commune = self
                        .place_of(r.place.as_ref(), &r.association)
                        .map_or(phrasing::REMOTE, |p| p.city.as_str());
                    match at.get(&slugify(commune)) {
                        Some(&k) => communes[k].1.push(id),
                        None => {
                            at.insert(slugify(commune), communes.len());
                            communes.push((commune.to_string(), vec![id]));
                        }
                    }
                }
                communes.sort_by_key(|(name, _)| sort_key(name));
                (!communes.is_empty()).then_some(Needs { category, communes })
            })
            .collect()
    }

    pub fn association(&self, id: AssociationId) -> &Association {
        &self.content.associations[id.index()]
    }

    pub fn call(&self, id: CallId) -> &VolunteerCall {
        &self.content.calls[id.index()]
    }

    pub fn resource(&self, id: ResourceId) -> &Resource {
        &self.content.resources[id.index()]
    }

    pub fn page(&self, id: PageId) -> &Page {
        &self.content.pages[id.index()]
    }

    pub fn commune(&self, id: CommuneId) -> &Commune {
        &self.communes[id.index()]
    }

    /// Every association with its id, in slug order.
    pub fn associations(&self) -> impl Iterator<Item = (AssociationId, &Association)> {
        AssociationId::all(self.content.associations.len()).zip(&self.content.associations)
    }

    /// Every call with its id, in slug order.
    pub fn calls(&self) -> impl Iterator<Item = (CallId, &VolunteerCall)> {
        CallId::all(self.content.calls.len()).zip(&self.content.calls)
    }

    /// Every listing with its id, in slug order.
    pub fn resources(&self) -> impl Iterator<Item = (ResourceId, &Resource)> {
        ResourceId::all(self.content.resources.len()).zip(&self.content.resources)
    }

    /// Every free page's id, in slug order.
    pub fn page_ids(&self) -> impl Iterator<Item = PageId> {
        PageId::all(self.content.pages.len())
    }

    /// The categories of `site.toml` with their ids, in its order.
    pub fn categories(&self) -> impl Iterator<Item = (CategoryId, &portal_model::site::Category)> {
        CategoryId::all(self.content.config.categories.0.len())
            .zip(&self.content.config.categories.0)
    }

    pub fn category(&self, id: CategoryId) -> &portal_model::site::Category {
        &self.content.config.categories.0[id.index()]
    }

    /// The communes with their ids, by slug.
    pub fn communes(&self) -> impl Iterator<Item = (CommuneId, &Commune)> {
        CommuneId::all(self.communes.len()).zip(&self.communes)
    }

    /// The commune of that slug, if associations receive people there.
    pub fn commune_of(&self, slug: &str) -> Option<CommuneId> {
        find(&self.communes, slug, |c| &c.slug).map(CommuneId::new)
    }

    /// The needs of the home page's way in, with their ids, in order.
    pub fn help(&self) -> impl Iterator<Item = (NeedId, &NeedPlaces)> {
        NeedId::all(self.help.len()).zip(&self.help)
    }

    /// One need and its places.
    pub fn need(&self, id: NeedId) -> &NeedPlaces {
        &self.help[id.index()]
    }

    /// The site's publics with their ids, and the associations that welcome each.
    pub fn publics(
        &self,
    ) -> impl Iterator<Item = (PublicId, &portal_model::publics::Public, &[AssociationId])> {
        PublicId::all(self.with_public.len())
            .zip(&self.content.config.publics.0)
            .zip(&self.with_public)
            .map(|((id, p), ids)| (id, p, ids.as_slice()))
    }

    /// One public and the associations that welcome it.
    pub fn public(&self, id: PublicId) -> (&portal_model::publics::Public, &[AssociationId]) {
        (
            &self.content.config.publics.0[id.index()],
            &self.with_public[id.index()],
        )
    }

    /// The associations of an access mode, in directory order.
    pub fn with_access(&self, mode: AccessMode) -> &[AssociationId] {
        &self.with_access[mode as usize]
    }

    /// The association of that slug, which exists: the content was checked.
    pub fn association_by_slug(&self, slug: &str) -> &Association {
        self.association(self.by_slug[slug])
    }

    /// The ids of the entries of a slug, if the content has them.
    pub fn find_association(&self, slug: &str) -> Option<AssociationId> {
        find(&self.content.associations, slug, |a| &a.slug).map(AssociationId::new)
    }

    pub fn find_call(&self, slug: &str) -> Option<CallId> {
        find(&self.content.calls, slug, |c| &c.slug).map(CallId::new)
    }

    pub fn find_resource(&self, slug: &str) -> Option<ResourceId> {
        find(&self.content.resources, slug, |r| &r.slug).map(ResourceId::new)
    }

    /// Associations in display order (by name, then slug).
    pub fn directory(&self) -> &[AssociationId] {
        &self.directory
    }

    /// Every place of welcome, numbered from 1 in the directory's order: the places of
    /// `/carte/` and of its interactive map.
    pub fn places(&self) -> impl Iterator<Item = (usize, AssociationId, &Location)> {
        self.directory
            .iter()
            .flat_map(|&id| self.association(id).locations.iter().map(move |l| (id, l)))
            .enumerate()
            .map(|(n, (id, l))| (n + 1, id, l))
    }

    /// The day the file of an entry last changed.
    pub fn changed(&self, kind: Kind, slug: &str) -> Date {
        self.changes
            .of(&format!("content/{}/{slug}.md", kind.folder()), self.today)
    }

    /// Where a call or a listing happens: its own place, or its association's first.
    pub fn place_of<'a>(&'a self, own: Option<&'a Place>, association: &str) -> Option<&'a Place> {
        own.or_else(|| self.association_by_slug(association).first_place())
    }

    /// Open calls, the soonest first (open-ended recurrences after dated ones).
    pub fn open_calls(&self) -> &[CallId] {
        &self.open_calls
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

    /// Open listings of a filter, those ending soonest first.
    pub fn open_resources(&self, filter: ResourceFilter) -> &[ResourceId] {
        self.open_resources.get(&filter).map_or(&[], Vec::as_slice)
    }

    /// Ended calls and listings, the most recently ended first.
    pub fn archive(&self) -> &[Archived] {
        &self.archive
    }

    /// The sheets of a commune's printable guide (one at least).
    pub(crate) fn guide(&self, id: CommuneId) -> &[Sheet] {
        &self.guides[id.index()]
    }

    /// The open requests, by category then commune.
    pub fn needs(&self) -> &[Needs] {
        &self.needs
    }

    /// The calls of an association, in slug order.
    pub fn calls_of(&self, association: &str) -> &[CallId] {
        self.calls_of.get(association).map_or(&[], Vec::as_slice)
    }

    /// The listings of an association, in slug order.
    pub fn resources_of(&self, association: &str) -> &[ResourceId] {
        self.resources_of
            .get(association)
            .map_or(&[], Vec::as_slice)
    }

    /// Associations of a category, in directory order.
    pub fn in_category(&self, key: &str) -> &[AssociationId] {
        self.in_category.get(key).map_or(&[], Vec::as_slice)
    }

    /// The open listings that answer `id`, nearest first: offers for a request, requests for
    /// an offer, of the same category and other associations; none for an ended listing.
    pub fn matches_of(&self, id: ResourceId) -> Vec<Match> {
        let r = self.resource(id);
        if r.is_archived(self.today) {
            return Vec::new();
        }
        let own = |other: ResourceId| self.resource(other).association != r.association;
        self.candidates
            .answering(r.kind, r.category, self.geo_of(r), own)
    }

    /// Where a listing is, when it is somewhere.
    fn geo_of(&self, r: &Resource) -> Option<portal_model::shapes::Geo> {
        self.place_of(r.place.as_ref(), &r.association)
            .map(|p| p.geo)
    }
}

/// The position of the entry of that slug in a list sorted by slug.
fn find<T>(items: &[T], slug: &str, key: impl Fn(&T) -> &String) -> Option<usize> {
    items.binary_search_by(|x| key(x).as_str().cmp(slug)).ok()
}
