//! Pages about places: the map of every place of welcome, the maps of the directory's
//! pages, and each commune's printable guide (one A4 page, for people without a phone and
//! for the associations that hand them paper).

use portal_model::association::Location;
use portal_model::checks::slugify;
use portal_model::site::Bounds;
use serde::Serialize;
use tera::Context;

use crate::index::{AssociationId, CommuneId};
use crate::phrasing;
use crate::published;
use crate::render::frame::Page;
use crate::render::map::{Marker, around, svg};
use crate::render::renderer::Renderer;
use crate::render::views::{Day, PhoneView, PlaceView, WhoView};

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
    /// How to get there.
    directions: Option<String>,
    /// `Ouvert chaque année du 1er novembre au 31 mars`.
    season: Option<String>,
    /// The closures to come: `fermé du 24 décembre au 2 janvier (note)`.
    closures: Vec<String>,
}

impl GuidePlace {
    /// Made from the location itself: a guide lists thousands of places on a large site,
    /// and needs a few of a `LocationView`'s fields.
    fn of(l: &Location, today: jiff::civil::Date) -> GuidePlace {
        GuidePlace {
            address: l.place.address.clone(),
            city: l.place.city.clone(),
            hours: l
                .hours
                .as_ref()
                .map(phrasing::open_days)
                .unwrap_or_default(),
            directions: l.directions.clone(),
            season: l.season.as_ref().map(phrasing::season),
            closures: l
                .closures
                .iter()
                .filter(|c| c.to >= today)
                .map(phrasing::closure)
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct GuideEntry {
    name: String,
    locations: Vec<GuidePlace>,
    phone: Option<PhoneView>,
    who: WhoView,
}

#[derive(Serialize)]
struct GuideSection {
    need: String,
    entries: Vec<GuideEntry>,
}

/// The map of the places of the associations `ids` (numbered as listed) that `keep`
/// selects, as `map` (drawn) and `live_map` (for the interactive one) in `cx`.
pub(super) fn map_of(
    r: &Renderer,
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
            r.index
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
        &svg(&markers, &bounds, &r.index.content.outline, title),
    );
    let mut live = live_map(r, &bounds);
    // The markers of the drawing, `[number, lat, lon]`: the list's items give their
    // names and pages, so a commune's page shows only the places in the commune.
    let points: Vec<(usize, f64, f64)> = markers
        .iter()
        .map(|m| (m.number, m.geo.lat, m.geo.lon))
        .collect();
    live.markers = Some(serde_json::to_string(&points).expect("JSON of numbers"));
    cx.insert("live_map", &live);
}

fn live_map<'a>(r: &'a Renderer, bounds: &Bounds) -> LiveMap<'a> {
    let config = &r.index.content.config;
    let [[lat0, lon0], [lat1, lon1]] = bounds.0;
    LiveMap {
        tiles: &config.map.tiles,
        attribution: &config.map.attribution,
        attribution_url: &config.map.attribution_url,
        bounds: format!("{lat0},{lon0},{lat1},{lon1}"),
        outline: (!r.index.content.outline.0.is_empty()).then(|| r.urls.at(published::OUTLINE)),
        markers: None,
    }
}

pub(super) fn map(r: &Renderer, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
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
    let territory = &index.content.config.territory;
    let title = format!(
        "Carte des {} lieux d'accueil du territoire {}",
        markers.len(),
        territory.name
    );
    let outline = &index.content.outline;
    cx.insert("map", &svg(&markers, &territory.bounds, outline, &title));
    cx.insert("entries", &entries);
    cx.insert("live_map", &live_map(r, &territory.bounds));
    Page::new(
        urls,
        "map.html",
        urls.at("carte/"),
        "Carte des lieux d'accueil",
        &format!(
            "Où sont les associations solidaires du territoire {} : la carte et la liste des lieux.",
            territory.name
        ),
        "Associations",
    )
    .crumbs(urls, &[("Associations", urls.directory())])
}

/// A commune's printable guide: its associations by need, with their places there.
pub(super) fn guide(r: &Renderer, id: CommuneId, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let commune = index.commune(id);
    let sections: Vec<GuideSection> = index
        .categories()
        .filter_map(|(_, c)| {
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
                        .map(|l| GuidePlace::of(l, index.today))
                        .collect(),
                    phone: PhoneView::of(a),
                    who: WhoView::of(a, index),
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
    cx.insert("printed", &Day::of(index.today));
    let online = urls.absolute(&urls.commune(&commune.slug));
    cx.insert("online", &online);
    cx.insert("qr", &crate::render::qr::svg(&online));
    cx.insert(
        "site_address",
        urls.origin
            .trim_start_matches("https://")
            .trim_start_matches("http://"),
    );
    Page::new(
        urls,
        "guide.html",
        urls.guide(&commune.slug),
        &format!("Guide à imprimer : {}", commune.name),
        &format!(
            "Où trouver de l'aide à {}, par besoin : adresses, horaires, téléphones.",
            commune.name
        ),
        "Associations",
    )
    .crumbs(
        urls,
        &[
            ("Associations", urls.directory()),
            (commune.name.as_str(), urls.commune(&commune.slug)),
        ],
    )
}
