//! The pages of the home page's way in: for each need (Manger, Dormir…), its places in the
//! territory, then in each commune, those that open soonest on the build's day first (the
//! theme's script puts those open now first), and those that help at a distance.

use serde::Serialize;
use tera::{Context, Value};

use crate::i18n::Arg;
use crate::index::{CommuneId, NeedId};
use crate::phrasing::with_page;
use crate::render::frame::Page;
use crate::render::pagination::paginate;
use crate::render::renderer::Renderer;
use crate::render::views::Day;

#[derive(Serialize)]
struct CommuneLink {
    label: String,
    url: String,
    count: usize,
    current: bool,
}

pub(super) fn need(
    r: &Renderer,
    id: NeedId,
    commune: Option<CommuneId>,
    n: usize,
    cx: &mut Context,
) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let need = index.need(id);
    let key = &need.need.key;
    let (first, heading, places) = match commune {
        Some(c) => {
            let c = index.commune(c);
            let places = &need
                .communes
                .iter()
                .find(|(id, _)| index.commune(*id).slug == c.slug)
                .expect("a commune page is made for a commune with places")
                .1;
            (
                urls.need_in(key, &c.slug),
                r.lang.f(
                    "need-in",
                    &[
                        ("need", Arg::Text(&super::links::need_label(r, need.need))),
                        ("commune", Arg::Text(&c.name)),
                    ],
                ),
                places.as_slice(),
            )
        }
        None => (
            urls.need(key),
            super::links::need_label(r, need.need),
            need.places.as_slice(),
        ),
    };
    let size = index.content.config.page_size;
    let (page, pagination) = paginate(places, n, size, &first, urls);
    cx.insert("pagination", &pagination);
    cx.insert("total", &places.len());
    let cards: Vec<Value> = page.into_iter().map(|p| r.place_card(p)).collect();
    cx.insert("places", &cards);
    let remote: Vec<Value> = if n == 1 {
        need.remote.iter().map(|&a| r.association_card(a)).collect()
    } else {
        Vec::new()
    };
    cx.insert("remote", &remote);
    let communes: Vec<CommuneLink> = need
        .communes
        .iter()
        .map(|(c, places)| {
            let c = index.commune(*c);
            let url = urls.need_in(key, &c.slug);
            CommuneLink {
                current: url == first,
                label: c.name.clone(),
                url,
                count: places.len(),
            }
        })
        .collect();
    cx.insert("communes", &communes);
    cx.insert("need", need.need);
    cx.insert("heading", &heading);
    cx.insert("need_url", &urls.need(key));
    cx.insert("in_commune", &commune.is_some());
    cx.insert("printed", &Day::with_weekday(r.lang, index.today));
    let territory = &index.content.config.territory.name;
    let description = r.lang.f(
        "description-need",
        &[
            ("need", Arg::Text(&heading)),
            ("territory", Arg::Text(territory)),
        ],
    );
    let mut trail = vec![];
    if commune.is_some() {
        trail.push((need.need.label.as_str(), urls.need(key)));
    }
    Page::new(
        urls,
        "need.html",
        urls.paginated(&first, n),
        &with_page(r.lang, &heading, n),
        &description,
        "",
    )
    .crumbs(r, &trail)
}
