//! Who has what others need: on each open listing, the open listings of the other kind in
//! the same category, the nearest first; and the page of every open request, by category
//! and commune. Computed at build time.

use portal_model::Resource;
use portal_model::resource::{ResourceCategory, ResourceKind};
use portal_model::shapes::Geo;
use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::nearest::Nearest;
use super::pages::PageMeta;

/// Open listings by kind and category: their indices, in the lists' order, and their places.
pub(super) type Candidates =
    std::collections::HashMap<(ResourceKind, ResourceCategory), (Vec<usize>, Nearest)>;

/// How many matches a listing shows.
const SHOWN: usize = 5;

#[derive(Serialize)]
pub struct Match {
    /// The listing's card.
    #[serde(flatten)]
    card: tera::Value,
    /// `à 12 km`, when both places are known.
    distance: Option<String>,
}

#[derive(Serialize)]
struct CommuneNeeds {
    commune: String,
    requests: Vec<tera::Value>,
}

#[derive(Serialize)]
struct CategoryNeeds {
    category: &'static str,
    communes: Vec<CommuneNeeds>,
}

impl Renderer<'_> {
    /// The open listings that answer `r`: offers for a request, requests for an offer.
    pub(super) fn matches_of(&self, r: &Resource) -> Vec<Match> {
        let site = self.site;
        if r.is_archived(site.today) {
            return Vec::new();
        }
        let other = match r.kind {
            ResourceKind::Offer => ResourceKind::Request,
            ResourceKind::Request => ResourceKind::Offer,
        };
        let place = site
            .place_of(r.place.as_ref(), &r.association)
            .map(|p| p.geo);
        let resources = &site.content.resources;
        let Some((ids, nearest)) = self.open_by_kind_and_category().get(&(other, r.category))
        else {
            return Vec::new();
        };
        let found = nearest.find(place, SHOWN, |k| {
            resources[ids[k]].association != r.association
        });
        found
            .into_iter()
            .map(|k| {
                let c = &resources[ids[k]];
                let there = site
                    .place_of(c.place.as_ref(), &c.association)
                    .map(|p| p.geo);
                (place.zip(there).map(|(a, b)| a.km_to(b)), c)
            })
            .map(|(km, c)| Match {
                card: self.resource_card(c),
                distance: km.map(|km| {
                    if km < 1.0 {
                        "à moins d'1 km".to_string()
                    } else {
                        format!("à {:.0} km", km)
                    }
                }),
            })
            .collect()
    }

    /// Open listings by kind and category, in the lists' order, with their place: every
    /// listing's page looks for its matches there, so it is made once per build.
    fn open_by_kind_and_category(&self) -> &Candidates {
        self.matching.get_or_init(|| {
            let site = self.site;
            let mut open: std::collections::HashMap<_, (Vec<usize>, Vec<Option<Geo>>)> =
                std::collections::HashMap::new();
            for r in site.open_resources(None) {
                let i = site
                    .content
                    .resources
                    .binary_search_by(|x| x.slug.cmp(&r.slug))
                    .expect("an open listing is a listing");
                let geo = site
                    .place_of(r.place.as_ref(), &r.association)
                    .map(|p| p.geo);
                let (ids, places) = open.entry((r.kind, r.category)).or_default();
                ids.push(i);
                places.push(geo);
            }
            open.into_iter()
                .map(|(key, (ids, places))| (key, (ids, Nearest::new(places))))
                .collect()
        })
    }

    /// Every open request, by category, then by commune.
    pub(super) fn needs_page(&self, cx: &mut Context) -> (String, &'static str, PageMeta) {
        let site = self.site;
        let urls = &self.urls;
        let requests = site.open_resources(Some(ResourceKind::Request));
        let categories: Vec<CategoryNeeds> = ResourceCategory::ALL
            .iter()
            .filter_map(|&category| {
                let mut communes: Vec<CommuneNeeds> = Vec::new();
                for r in requests.iter().filter(|r| r.category == category) {
                    let commune = site
                        .place_of(r.place.as_ref(), &r.association)
                        .map_or_else(|| "À distance".to_string(), |p| p.city.clone());
                    let card = self.resource_card(r);
                    match communes.iter_mut().find(|c| c.commune == commune) {
                        Some(c) => c.requests.push(card),
                        None => communes.push(CommuneNeeds {
                            commune,
                            requests: vec![card],
                        }),
                    }
                }
                communes.sort_by(|a, b| {
                    crate::site::sort_key(&a.commune).cmp(&crate::site::sort_key(&b.commune))
                });
                (!communes.is_empty()).then(|| CategoryNeeds {
                    category: category.label(),
                    communes,
                })
            })
            .collect();
        cx.insert("needs", &categories);
        cx.insert("total", &requests.len());
        let url = urls.at("ressources/besoins/");
        let mut meta = self.meta(
            "Ce dont les associations ont besoin",
            "Les demandes en cours des associations, par catégorie et par commune : qui a ce qu'il leur faut ?",
            &url,
            "Ressources",
        );
        meta.breadcrumbs = self.crumbs(&[("Ressources", urls.resources())]);
        (url, "needs.html", meta)
    }
}
