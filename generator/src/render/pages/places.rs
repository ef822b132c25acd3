//! Pages about places: the map of every place of welcome, the maps of the directory's
//! pages, and each commune's printable guide (A4 sheets, for people without a phone and for
//! the associations that hand them paper).

use std::collections::HashMap;

use portal_model::association::Location;
use portal_model::checks::slugify;
use portal_model::shapes::Geo;
use portal_model::site::Bounds;
use serde::Serialize;
use tera::Context;

use crate::i18n::Arg;
use crate::index::{AssociationId, CommuneId};
use crate::outputs::places;
use crate::phrasing;
use crate::published;
use crate::render::frame::Page;
use crate::render::map::{Cluster, Marker, around, clusters, svg};
use crate::render::pagination::Pagination;
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
    /// On `/carte/`, the folder of the tiles of places (see `outputs::places`), and how many
    /// places there are.
    places: Option<String>,
    count: usize,
}

/// A commune on `/carte/` when it does not list every place: its link and its places.
#[derive(Serialize)]
struct CommunePlaces {
    label: String,
    url: String,
    count: usize,
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
    fn of(l: &Location, today: jiff::civil::Date, r: &Renderer) -> GuidePlace {
        GuidePlace {
            address: l.place.address.clone(),
            city: l.place.city.clone(),
            hours: l
                .hours
                .as_ref()
                .map(|h| phrasing::open_days(r.lang, h))
                .unwrap_or_default(),
            directions: l.directions.clone(),
            season: l.season.as_ref().map(|s| phrasing::season(r.lang, s)),
            closures: l
                .closures
                .iter()
                .filter(|c| c.to >= today)
                .map(|c| phrasing::closure(r.lang, c))
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
    /// The need began on an earlier sheet.
    continued: bool,
    entries: Vec<GuideEntry>,
}

/// A need in the guide's contents: the sheet where it starts.
#[derive(Serialize)]
struct GuideNeed {
    need: String,
    url: String,
    sheet: usize,
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
        places: None,
        count: 0,
    }
}

/// The map of every place of welcome. Up to [`places::LISTED`] places, the page lists
/// them, numbered like the drawn map's markers; beyond, the drawn map groups them by
/// commune, each group a link to its commune's page (whose map and list show its places a
/// page at a time), and the page lists the communes. The interactive map loads the tiles
/// of places of its view either way.
pub(super) fn map(r: &Renderer, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let territory = &index.content.config.territory;
    let outline = &index.content.outline;
    let listed = places::listed(index);
    let count;
    if listed {
        let mut entries = Vec::new();
        let mut markers = Vec::new();
        for (number, id, l) in index.places() {
            let a = index.association(id);
            entries.push(MapEntry {
                number,
                name: a.name.clone(),
                url: urls.association(&a.slug),
                place: PlaceView::of(&l.place, urls),
            });
            markers.push(Marker {
                number,
                geo: l.place.geo,
            });
        }
        count = markers.len();
        let title = map_title(r, count, &territory.name);
        cx.insert("map", &svg(&markers, &territory.bounds, outline, &title));
        cx.insert("entries", &entries);
    } else {
        // Each commune's places of welcome: where they are on average, and how many.
        let mut sums: HashMap<String, (f64, f64, usize)> = HashMap::new();
        for (_, _, l) in index.places() {
            let s = sums.entry(slugify(&l.place.city)).or_default();
            s.0 += l.place.geo.lat;
            s.1 += l.place.geo.lon;
            s.2 += 1;
        }
        let groups: Vec<Cluster> = index
            .communes()
            .filter_map(|(_, c)| {
                let &(lat, lon, n) = sums.get(&c.slug)?;
                Some(Cluster {
                    geo: Geo {
                        lat: lat / n as f64,
                        lon: lon / n as f64,
                    },
                    count: n,
                    name: c.name.clone(),
                    url: urls.commune(&c.slug),
                })
            })
            .collect();
        count = groups.iter().map(|g| g.count).sum();
        let title = format!(
            "{}, regroupés par commune",
            map_title(r, count, &territory.name)
        );
        cx.insert(
            "map",
            &clusters(&groups, &territory.bounds, outline, &title, r.lang),
        );
        let communes: Vec<CommunePlaces> = groups
            .into_iter()
            .map(|g| CommunePlaces {
                label: g.name,
                url: g.url,
                count: g.count,
            })
            .collect();
        cx.insert("communes", &communes);
    }
    cx.insert("listed", &listed);
    cx.insert("count", &count);
    let mut live = live_map(r, &territory.bounds);
    live.places = Some(urls.at(published::PLACE_TILES));
    live.count = count;
    cx.insert("live_map", &live);
    Page::new(
        urls,
        "map.html",
        urls.public_at("carte/"),
        &r.lang.t("title-map"),
        &r.lang.f(
            "description-map",
            &[("territory", Arg::Text(&territory.name))],
        ),
        &r.lang.t("menu-directory"),
    )
    .crumbs(r, &[(&r.lang.t("menu-directory"), urls.directory())])
}

fn map_title(r: &Renderer, count: usize, territory: &str) -> String {
    r.lang.f(
        "map-title-count",
        &[
            ("n", Arg::Number(count as i64)),
            ("territory", Arg::Text(territory)),
        ],
    )
}

/// A sheet of a commune's printable guide: its associations by need, with their places
/// there; one A4 sheet a page, which says which of how many it is.
pub(super) fn guide(r: &Renderer, id: CommuneId, n: usize, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let commune = index.commune(id);
    let sheets = index.guide(id);
    let sections: Vec<GuideSection> = sheets[n - 1]
        .iter()
        .map(|part| GuideSection {
            need: index
                .category(part.category)
                .label_for(&r.lang.code)
                .to_string(),
            continued: part.continued,
            entries: part
                .associations
                .iter()
                .map(|&a| index.association(a))
                .map(|a| GuideEntry {
                    name: a.name.clone(),
                    locations: a
                        .locations
                        .iter()
                        .filter(|l| slugify(&l.place.city) == commune.slug)
                        .map(|l| GuidePlace::of(l, index.today, r))
                        .collect(),
                    phone: PhoneView::of(a),
                    who: WhoView::of(a, index, r.lang),
                })
                .collect(),
        })
        .collect();
    // Where each need starts, for the guide's contents (on screen only).
    let mut needs: Vec<GuideNeed> = Vec::new();
    for (k, sheet) in sheets.iter().enumerate() {
        for part in sheet.iter().filter(|p| !p.continued) {
            needs.push(GuideNeed {
                need: index
                    .category(part.category)
                    .label_for(&r.lang.code)
                    .to_string(),
                url: urls.paginated(&urls.guide(&commune.slug), k + 1),
                sheet: k + 1,
            });
        }
    }
    let first = urls.guide(&commune.slug);
    cx.insert("sections", &sections);
    cx.insert("needs", &needs);
    cx.insert("commune", &commune.name);
    cx.insert("commune_url", &urls.commune(&commune.slug));
    cx.insert("printed", &Day::of(r.lang, index.today));
    let online = urls.absolute(&urls.commune(&commune.slug));
    cx.insert("online", &online);
    cx.insert("qr", &crate::render::qr::svg(&online));
    cx.insert(
        "site_address",
        urls.origin
            .trim_start_matches("https://")
            .trim_start_matches("http://"),
    );
    cx.insert("sheet", &phrasing::sheet(r.lang, n, sheets.len()));
    cx.insert("sheets", &sheets.len());
    cx.insert(
        "pagination",
        &Pagination::of(n, sheets.len(), &first, urls).sheets(),
    );
    let title = r
        .lang
        .f("title-guide", &[("commune", Arg::Text(&commune.name))]);
    let title = if sheets.len() > 1 {
        format!("{title} ({})", phrasing::sheet(r.lang, n, sheets.len()))
    } else {
        title
    };
    Page::new(
        urls,
        "guide.html",
        urls.paginated(&first, n),
        &title,
        &format!(
            "Où trouver de l'aide à {}, par besoin : adresses, horaires, téléphones.",
            commune.name
        ),
        &r.lang.t("menu-directory"),
    )
    .crumbs(
        r,
        &[
            (&r.lang.t("menu-directory"), urls.directory()),
            (commune.name.as_str(), urls.commune(&commune.slug)),
        ],
    )
}
