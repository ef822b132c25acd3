//! Who has what others need, as pages show it: on each open listing, its matches (found by
//! the index); and the page of every open request, by category and commune.

use portal_model::resource::ResourceKind;
use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::pages::PageMeta;
use crate::index::{ResourceFilter, ResourceId};

#[derive(Serialize)]
pub struct Match {
    /// The listing's card.
    #[serde(flatten)]
    card: tera::Value,
    /// `à 12 km`, when both places are known.
    distance: Option<String>,
}

#[derive(Serialize)]
struct CommuneNeeds<'a> {
    commune: &'a str,
    requests: Vec<tera::Value>,
}

#[derive(Serialize)]
struct CategoryNeeds<'a> {
    category: &'static str,
    communes: Vec<CommuneNeeds<'a>>,
}

impl Renderer<'_> {
    /// The open listings that answer `id`: offers for a request, requests for an offer.
    pub(super) fn matches_of(&self, id: ResourceId) -> Vec<Match> {
        self.index
            .matches_of(id)
            .into_iter()
            .map(|m| Match {
                card: self.resource_card(m.id),
                distance: m.km.map(|km| {
                    if km < 1.0 {
                        "à moins d'1 km".to_string()
                    } else {
                        format!("à {:.0} km", km)
                    }
                }),
            })
            .collect()
    }

    /// Every open request, by category, then by commune.
    pub(super) fn needs_page(&self, cx: &mut Context) -> (String, &'static str, PageMeta) {
        let urls = &self.urls;
        let categories: Vec<CategoryNeeds> = self
            .index
            .needs()
            .iter()
            .map(|needs| CategoryNeeds {
                category: needs.category.label(),
                communes: needs
                    .communes
                    .iter()
                    .map(|(commune, ids)| CommuneNeeds {
                        commune,
                        requests: ids.iter().map(|&id| self.resource_card(id)).collect(),
                    })
                    .collect(),
            })
            .collect();
        cx.insert("needs", &categories);
        let requests = self
            .index
            .open_resources(ResourceFilter::Kind(ResourceKind::Request));
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
