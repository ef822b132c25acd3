//! Who has what others need: for each open listing, the open listings of the other kind in
//! the same category, the nearest first. The candidates are grouped once per build; every
//! listing's page looks for its matches among them.

use std::collections::HashMap;

use portal_model::resource::{ResourceCategory, ResourceKind};
use portal_model::shapes::Geo;

use super::ids::ResourceId;
use super::nearest::Nearest;

/// How many matches a listing shows.
pub(crate) const SHOWN: usize = 5;

/// A listing that answers another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    pub id: ResourceId,
    /// How far it is, when both places are known.
    pub km: Option<f64>,
}

/// An open listing, as matching sees it.
pub(super) struct Candidate {
    pub id: ResourceId,
    pub kind: ResourceKind,
    pub category: ResourceCategory,
    pub place: Option<Geo>,
}

/// Open listings by kind and category.
#[derive(Default)]
pub(super) struct Candidates(HashMap<(ResourceKind, ResourceCategory), Group>);

/// The open listings of one kind and category, in the lists' order, with their places.
struct Group {
    ids: Vec<ResourceId>,
    places: Vec<Option<Geo>>,
    nearest: Nearest,
}

impl Candidates {
    /// Groups the open listings, given in the lists' order.
    pub(super) fn new(open: impl IntoIterator<Item = Candidate>) -> Candidates {
        let mut groups: HashMap<_, (Vec<ResourceId>, Vec<Option<Geo>>)> = HashMap::new();
        for c in open {
            let (ids, places) = groups.entry((c.kind, c.category)).or_default();
            ids.push(c.id);
            places.push(c.place);
        }
        Candidates(
            groups
                .into_iter()
                .map(|(key, (ids, places))| {
                    let nearest = Nearest::new(places.iter().copied());
                    let group = Group {
                        ids,
                        places,
                        nearest,
                    };
                    (key, group)
                })
                .collect(),
        )
    }

    /// The [`SHOWN`] open listings of the other kind in `category` nearest to `place` that
    /// `keep` accepts, nearest first.
    pub(super) fn answering(
        &self,
        kind: ResourceKind,
        category: ResourceCategory,
        place: Option<Geo>,
        keep: impl Fn(ResourceId) -> bool,
    ) -> Vec<Match> {
        let other = match kind {
            ResourceKind::Offer => ResourceKind::Request,
            ResourceKind::Request => ResourceKind::Offer,
        };
        let Some(group) = self.0.get(&(other, category)) else {
            return Vec::new();
        };
        group
            .nearest
            .find(place, SHOWN, |k| keep(group.ids[k]))
            .into_iter()
            .map(|k| Match {
                id: group.ids[k],
                km: place.zip(group.places[k]).map(|(a, b)| a.km_to(b)),
            })
            .collect()
    }
}
