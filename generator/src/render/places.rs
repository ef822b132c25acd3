//! Pages about places: the map of every place of welcome, the maps of the directory's
//! pages, and each commune's printable guide (one A4 page, for people without a phone and
//! for the associations that hand them paper).

use portal_model::association::Location;
use portal_model::checks::slugify;
use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::map::{Marker, around, svg};
use super::pages::PageMeta;
use super::views::PlaceView;
use crate::index::{AssociationId, CommuneId};
use crate::published;
use portal_model::shapes::Weekday;
use portal_model::site::Bounds;

#[derive(Serialize)]
struct MapEntry {
    number: usize,
    name: String,
    url: String,
    place: PlaceView,
}

/// What the interactive map, loaded on demand by the theme's script, needs from the site.
#[derive(Serialize)]
struct LiveMap<'a> {
    tiles: &'a str,
    attribution: &'a str,
    attribution_url: &'a str,
    /// `lat_min,lon_min,lat_max,lon_max`.
    bounds: String,
    /// The territory's outline as GeoJSON, when `content/data/` has one.
    outline: Option<String>,
    /// On the directory's pages, `[[number, lat, lon], …]` (`/carte/`'s list has them).
    markers: Option<String>,
}

#[derive(Serialize)]
struct GuidePlace {
    address: String,
    city: String,
    /// The open days only: `lundi 9 h à 12 h ; jeudi 14 h à 17 h`.
    hours: String,
}

impl GuidePlace {
    /// Made from the location itself: a guide lists thousands of places on a large site,
    /// and needs three of a `LocationView`'s fields.
    fn of(l: &Location) -> GuidePlace {
        let open: Vec<String> = l
            .hours
            .iter()
            .flat_map(|h| {
                Weekday::ALL.iter().filter_map(move |&d| {
                    let ranges = h.on(d);
                    (!ranges.is_empty())
                        .then(|| format!("{} {}", d.label(), super::views::ranges_text(ranges)))
                })
            })
            .collect();
        GuidePlace {
            address: l.place.address.clone(),
            city: l.place.city.clone(),
            hours: open.join(" ; "),
        }
    }
}

#[derive(Serialize)]
struct GuideEntry {
    name: String,
    locations: Vec<GuidePlace>,
    phone: Option<String>,
    conditions: Option<String>,
}

#[derive(Serialize)]
struct GuideSection {
    need: String,
    entries: Vec<GuideEntry>,
}

impl Renderer<'_> {
    /// The map of the places of the associations `ids` (numbered as listed) that `keep`
    /// selects, as `map` (drawn) and `live_map` (for the interactive one) in `cx`.
    pub(super) fn map_of(
        &self,
        cx: &mut Context,
        ids: &[AssociationId],
        keep: impl Fn(&Location) -> bool,
        title: &str,
    ) {
        let markers: Vec<Marker> = ids
            .iter()
            .enumerate()
            .flat_map(|(n, &id)| {
                let keep = &keep;
                self.index
                    .association(id)
                    .locations
                    .iter()
                    .filter(move |l| keep(l))
                    .map(move |l| Marker {
                        number: n + 1,
                        geo: l.place.geo,
                    })
            })
            .collect();
        let Some(bounds) = around(&markers) else {
            cx.insert("map", "");
            return;
        };
        cx.insert(
            "map",
            &svg(&markers, &bounds, &self.index.content.outline, title),
        );
        let mut live = self.live_map(&bounds);
        // The markers of the drawing, `[number, lat, lon]`: the list's items give their
        // names and pages, so a commune's page shows only the places in the commune.
        let points: Vec<(usize, f64, f64)> = markers
            .iter()
            .map(|m| (m.number, m.geo.lat, m.geo.lon))
            .collect();
        live.markers = Some(serde_json::to_string(&points).expect("JSON of numbers"));
        cx.insert("live_map", &live);
    }

    fn live_map(&self, bounds: &Bounds) -> LiveMap<'_> {
        let config = &self.index.content.config;
        let [[lat0, lon0], [lat1, lon1]] = bounds.0;
        LiveMap {
            tiles: &config.map.tiles,
            attribution: &config.map.attribution,
            attribution_url: &config.map.attribution_url,
            bounds: format!("{lat0},{lon0},{lat1},{lon1}"),
            outline: (!self.index.content.outline.0.is_empty())
                .then(|| self.urls.at(published::OUTLINE)),
            markers: None,
        }
    }

    pub(super) fn map_page(&self, cx: &mut Context) -> (String, &'static str, PageMeta) {
        let index = self.index;
        let urls = &self.urls;
        let mut entries = Vec::new();
        for &id in index.directory() {
            let a = index.association(id);
            for l in &a.locations {
                entries.push(MapEntry {
                    number: entries.len() + 1,
                    name: a.name.clone(),
                    url: urls.association(&a.slug),
                    place: PlaceView::of(&l.place, urls),
                });
            }
        }
        let markers: Vec<Marker> = index
            .directory()
            .iter()
            .flat_map(|&id| index.association(id).locations.iter())
            .enumerate()
            .map(|(n, l)| Marker {
                number: n + 1,
                geo: l.place.geo,
            })
            .collect();
        let territory = &index.content.config.territory.name;
        let title = format!(
            "Carte des {} lieux d'accueil du territoire {territory}",
            markers.len()
        );
        cx.insert(
            "map",
            &svg(
                &markers,
                &index.content.config.territory.bounds,
                &self.index.content.outline,
                &title,
            ),
        );
        cx.insert("entries", &entries);
        cx.insert(
            "live_map",
            &self.live_map(&index.content.config.territory.bounds),
        );
        let url = urls.at("carte/");
        let mut meta = self.meta(
            "Carte des lieux d'accueil",
            &format!("Où sont les associations solidaires du territoire {territory} : la carte et la liste des lieux."),
            &url,
            "Associations",
        );
        meta.breadcrumbs = self.crumbs(&[("Associations", urls.directory())]);
        (url, "map.html", meta)
    }

    pub(super) fn guide_page(
        &self,
        id: CommuneId,
        cx: &mut Context,
    ) -> (String, &'static str, PageMeta) {
        let index = self.index;
        let urls = &self.urls;
        let commune = index.commune(id);
        let sections: Vec<GuideSection> = index
            .content
            .config
            .categories
            .0
            .iter()
            .filter_map(|c| {
                let entries: Vec<GuideEntry> = commune
                    .associations
                    .iter()
                    .map(|&a| index.association(a))
                    .filter(|a| a.categories.contains(&c.key))
                    .map(|a| GuideEntry {
                        name: a.name.clone(),
                        locations: a
                            .locations
                            .iter()
                            .filter(|l| slugify(&l.place.city) == commune.slug)
                            .map(GuidePlace::of)
                            .collect(),
                        phone: a
                            .contact
                            .as_ref()
                            .and_then(|c| c.phone.as_ref())
                            .map(|p| p.display.clone()),
                        conditions: a.conditions.clone(),
                    })
                    .collect();
                (!entries.is_empty()).then(|| GuideSection {
                    need: c.label.clone(),
                    entries,
                })
            })
            .collect();
        cx.insert("sections", &sections);
        cx.insert("commune", &commune.name);
        cx.insert("commune_url", &urls.commune(&commune.slug));
        cx.insert("printed", &super::views::Day::of(index.today));
        let url = urls.at(&format!("associations/commune/{}/guide/", commune.slug));
        let mut meta = self.meta(
            &format!("Guide à imprimer : {}", commune.name),
            &format!(
                "Où trouver de l'aide à {}, par besoin : adresses, horaires, téléphones.",
                commune.name
            ),
            &url,
            "Associations",
        );
        meta.breadcrumbs = self.crumbs(&[
            ("Associations", urls.directory()),
            (commune.name.as_str(), urls.commune(&commune.slug)),
        ]);
        (url, "guide.html", meta)
    }
}
