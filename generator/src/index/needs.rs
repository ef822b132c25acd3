//! The places of each need of the home page's way in (Manger, Dormir…): the places of the
//! associations in the need's categories, those that open soonest on the build's day
//! first, for the whole territory and for each commune; and the associations that help at
//! a distance only.

use jiff::civil::Date;
use portal_model::checks::slugify;
use portal_model::needs::Need;
use portal_model::shapes::Clock;

use super::{AssociationId, CommuneId, Index};

/// One place of an association: the association and the position of the place in its
/// `locations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlaceRef {
    pub association: AssociationId,
    pub location: usize,
}

/// A need and what it leads to.
#[derive(Debug, Clone)]
pub struct NeedPlaces {
    pub need: &'static Need,
    /// The keys of its categories, in `site.toml`'s order.
    pub categories: Vec<String>,
    /// Every place, soonest open on the build's day first.
    pub places: Vec<PlaceRef>,
    /// The communes with places, by slug, each with its places in the same order.
    pub communes: Vec<(CommuneId, Vec<PlaceRef>)>,
    /// The associations of its categories that help at a distance only, directory order.
    pub remote: Vec<AssociationId>,
}

/// Every built-in need, with its places.
pub(super) fn places(index: &Index) -> Vec<NeedPlaces> {
    let site = &index.content.config;
    let start = index.today.at(0, 0, 0, 0);
    portal_model::needs::defaults()
        .iter()
        .map(|need| {
            let categories: Vec<String> = need
                .categories(site)
                .into_iter()
                .map(String::from)
                .collect();
            let mut places: Vec<(Option<(Date, Clock)>, PlaceRef)> = Vec::new();
            let mut remote = Vec::new();
            for &id in index.directory() {
                let a = index.association(id);
                if !a.categories.iter().any(|c| categories.contains(c)) {
                    continue;
                }
                if a.locations.is_empty() {
                    remote.push(id);
                }
                for (n, l) in a.locations.iter().enumerate() {
                    let place = PlaceRef {
                        association: id,
                        location: n,
                    };
                    places.push((l.next_opening(start), place));
                }
            }
            // Soonest first, places that never open (no hours) last; the directory's order
            // otherwise, which the sort keeps.
            places.sort_by(|a, b| match (a.0, b.0) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
            let places: Vec<PlaceRef> = places.into_iter().map(|(_, p)| p).collect();
            let mut communes: Vec<(CommuneId, Vec<PlaceRef>)> = Vec::new();
            for &p in &places {
                let city = &index.association(p.association).locations[p.location]
                    .place
                    .city;
                let Some(commune) = index.commune_of(&slugify(city)) else {
                    continue;
                };
                match communes.iter_mut().find(|(c, _)| *c == commune) {
                    Some((_, list)) => list.push(p),
                    None => communes.push((commune, vec![p])),
                }
            }
            communes.sort_by_key(|(c, _)| *c);
            NeedPlaces {
                need,
                categories,
                places,
                communes,
                remote,
            }
        })
        .collect()
}
