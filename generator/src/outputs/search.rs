//! The search index: one small JSON file of the open entries (associations, calls,
//! listings), searched in the browser as the visitor types. At the bundled content's size it
//! weighs a few kilobytes gzipped, less than a search engine's runtime would; the search
//! page works without it by linking to the browse pages.

use serde::Serialize;

use crate::render::Renderer;

/// One searchable entry; short keys keep the file small.
#[derive(Serialize)]
struct Item {
    /// Title.
    t: String,
    /// URL.
    u: String,
    /// What it is: `Association`, `Bénévolat`, `Offre`, `Demande`.
    k: &'static str,
    /// One-line summary.
    s: String,
    /// Categories (their labels).
    c: Vec<String>,
    /// Communes.
    v: Vec<String>,
}

/// The index of everything a visitor can find, in a stable order.
pub fn index(r: &Renderer) -> Vec<u8> {
    let site = r.site;
    let urls = &r.urls;
    let config = &site.content.config;
    let mut items: Vec<Item> = site
        .directory
        .iter()
        .map(|&i| {
            let a = &site.content.associations[i];
            let mut communes: Vec<String> =
                a.locations.iter().map(|l| l.place.city.clone()).collect();
            communes.dedup();
            Item {
                t: a.name.clone(),
                u: urls.association(&a.slug),
                k: "Association",
                s: a.summary.clone(),
                c: a.categories
                    .iter()
                    .map(|k| config.categories.label(k).unwrap_or(k).to_string())
                    .collect(),
                v: communes,
            }
        })
        .collect();
    let commune = |own, association: &str| -> Vec<String> {
        site.place_of(own, association)
            .map(|p| vec![p.city.clone()])
            .unwrap_or_default()
    };
    items.extend(site.open_calls().into_iter().map(|c| Item {
        t: c.title.clone(),
        u: urls.call(&c.slug),
        k: "Bénévolat",
        s: crate::markdown::plain_summary(&c.body, 140),
        c: c.skills.clone(),
        v: commune(c.place.as_ref(), &c.association),
    }));
    items.extend(site.open_resources(None).into_iter().map(|res| Item {
        t: res.title.clone(),
        u: urls.resource(&res.slug),
        k: res.kind.label(),
        s: crate::markdown::plain_summary(&res.body, 140),
        c: vec![res.category.label().to_string()],
        v: commune(res.place.as_ref(), &res.association),
    }));
    serde_json::to_vec(&items).expect("the index serialises")
}
