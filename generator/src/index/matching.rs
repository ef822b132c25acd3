//! Who has what others need: for each open listing, the open listings of the other kind in
//! the same category, the nearest first. The candidates are grouped once per build; every
//! listing's page looks for its matches among them.

use std::collections::HashMap;

use portal_model::resource::{ResourceCategory, ResourceKind};
use portal_model::shapes::Geo;

use super::nearest::Nearest;
use super::{Index, ResourceFilter, ResourceId};

/// How many matches a listing shows.
pub const SHOWN: usize = 5;

/// A listing that answers another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    pub id: ResourceId,
    /// How far it is, when both places are known.
    pub km: Option<f64>,
}

/// Open listings by kind and category, in the lists' order, with their places.
#[derive(Default)]
pub(super) struct Candidates(HashMap<(ResourceKind, ResourceCategory), (Vec<ResourceId>, Nearest)>);

impl Candidates {
    pub(super) fn new(index: &Index) -> Candidates {
        let mut open: HashMap<_, (Vec<ResourceId>, Vec<Option<Geo>>)> = HashMap::new();
        for &id in index.open_resources(ResourceFilter::All) {
            let r = index.resource(id);
            let geo = index
                .place_of(r.place.as_ref(), &r.association)
                .map(|p| p.geo);
            let (ids, places) = open.entry((r.kind, r.category)).or_default();
            ids.push(id);
            places.push(geo);
        }
        Candidates(
            open.into_iter()
                .map(|(key, (ids, places))| (key, (ids, Nearest::new(places))))
                .collect(),
        )
    }

    pub(super) fn matches_of(&self, index: &Index, id: ResourceId) -> Vec<Match> {
        let r = index.resource(id);
        if r.is_archived(index.today) {
            return Vec::new();
        }
        let other = match r.kind {
            ResourceKind::Offer => ResourceKind::Request,
            ResourceKind::Request => ResourceKind::Offer,
        };
        let place = index
            .place_of(r.place.as_ref(), &r.association)
            .map(|p| p.geo);
        let Some((ids, nearest)) = self.0.get(&(other, r.category)) else {
            return Vec::new();
        };
        let found = nearest.find(place, SHOWN, |k| {
            index.resource(ids[k]).association != r.association
        });
        found
            .into_iter()
            .map(|k| {
                let c = index.resource(ids[k]);
                let there = index
                    .place_of(c.place.as_ref(), &c.association)
                    .map(|p| p.geo);
                Match {
                    id: ids[k],
                    km: place.zip(there).map(|(a, b)| a.km_to(b)),
                }
            })
            .collect()
    }
}
