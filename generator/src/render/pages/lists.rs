//! The pages that list entries, a page of the list at a time: the directory, a category's
//! and a commune's associations, the calls, the listings by filter, the archive; and the
//! page of every open request.

use portal_model::association::Location;
use portal_model::checks::slugify;
use portal_model::resource::ResourceKind;
use serde::Serialize;
use tera::{Context, Value};

use super::links;
use super::places::map_of;
use crate::i18n::Arg;
use crate::index::{Archived, AssociationId, CategoryId, CommuneId, PublicId, ResourceFilter};
use crate::phrasing::{self, with_page};
use crate::render::frame::Page;
use crate::render::jobs::needs_split;
use crate::render::pagination::paginate;
use crate::render::renderer::Renderer;
use portal_model::access::AccessMode;

/// Cards for one page of a list only: a list of thousands has hundreds of pages.
fn association_cards(r: &Renderer, ids: &[AssociationId]) -> Vec<Value> {
    ids.iter().map(|&id| r.association_card(id)).collect()
}

/// Slices `items` for page `n` of the list at `first`, with the pagination in `cx`.
fn page_of<T: Clone>(r: &Renderer, items: &[T], n: usize, first: &str, cx: &mut Context) -> Vec<T> {
    let size = r.index.content.config.page_size;
    let (page, pagination) = paginate(items, n, size, first, &r.urls);
    cx.insert("pagination", &pagination);
    cx.insert("total", &items.len());
    page
}

pub(super) fn directory(r: &Renderer, n: usize, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let first = urls.directory();
    let page = page_of(r, index.directory(), n, &first, cx);
    cx.insert("associations", &association_cards(r, &page));
    cx.insert("categories", &links::categories(r));
    cx.insert("communes", &links::communes(r));
    cx.insert("publics", &links::publics(r));
    cx.insert("access_modes", &links::access_modes(r));
    let description = r.lang.f(
        "description-directory",
        &[
            ("n", Arg::Number(index.directory().len() as i64)),
            ("territory", Arg::Text(&index.content.config.territory.name)),
        ],
    );
    Page::new(
        urls,
        "associations.html",
        urls.paginated(&first, n),
        &with_page(r.lang, &r.lang.t("title-directory"), n),
        &description,
        &r.lang.t("menu-directory"),
    )
    .crumbs(r, &[])
}

pub(super) fn category(r: &Renderer, id: CategoryId, n: usize, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let category = index.category(id);
    let first = urls.category(&category.key);
    let page = page_of(r, index.in_category(&category.key), n, &first, cx);
    cx.insert("associations", &association_cards(r, &page));
    let label = category.label_for(&r.lang.code);
    cx.insert("heading", label);
    cx.insert("categories", &links::categories(r));
    let title = r.lang.f("map-title-of", &[("what", Arg::Text(label))]);
    map_of(r, cx, &page, |_| true, &title);
    let description = format!(
        "{} : les associations du territoire {}.",
        category.label, index.content.config.territory.name
    );
    Page::new(
        urls,
        "taxonomy.html",
        urls.paginated(&first, n),
        &with_page(r.lang, label, n),
        &description,
        &r.lang.t("menu-directory"),
    )
    .crumbs(r, &[(&r.lang.t("menu-directory"), urls.directory())])
}

pub(super) fn commune(r: &Renderer, id: CommuneId, n: usize, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let commune = index.commune(id);
    let first = urls.commune(&commune.slug);
    let page = page_of(r, &commune.associations, n, &first, cx);
    cx.insert("associations", &association_cards(r, &page));
    cx.insert("heading", &commune.name);
    cx.insert("communes", &links::communes(r));
    let here = |l: &Location| slugify(&l.place.city) == commune.slug;
    let title = r
        .lang
        .f("map-title-in", &[("commune", Arg::Text(&commune.name))]);
    map_of(r, cx, &page, here, &title);
    cx.insert("guide", &urls.guide(&commune.slug));
    Page::new(
        urls,
        "taxonomy.html",
        urls.paginated(&first, n),
        &with_page(
            r.lang,
            &r.lang
                .f("title-commune", &[("commune", Arg::Text(&commune.name))]),
            n,
        ),
        &r.lang.f(
            "description-commune",
            &[("commune", Arg::Text(&commune.name))],
        ),
        &r.lang.t("menu-directory"),
    )
    .crumbs(r, &[(&r.lang.t("menu-directory"), urls.directory())])
}

/// The associations of a list that is not a category's nor a commune's: those that welcome
/// a public, those of an access mode.
fn filtered(
    r: &Renderer,
    ids: &[AssociationId],
    first: String,
    heading: &str,
    n: usize,
    cx: &mut Context,
) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let page = page_of(r, ids, n, &first, cx);
    cx.insert("associations", &association_cards(r, &page));
    cx.insert("heading", heading);
    let title = r.lang.f("map-title-of", &[("what", Arg::Text(heading))]);
    map_of(r, cx, &page, |_| true, &title);
    let description = format!(
        "{heading} : les associations du territoire {}.",
        index.content.config.territory.name
    );
    Page::new(
        urls,
        "taxonomy.html",
        urls.paginated(&first, n),
        &with_page(r.lang, heading, n),
        &description,
        &r.lang.t("menu-directory"),
    )
    .crumbs(r, &[(&r.lang.t("menu-directory"), urls.directory())])
}

pub(super) fn public(r: &Renderer, id: PublicId, n: usize, cx: &mut Context) -> Page {
    let (public, ids) = r.index.public(id);
    let label = r
        .index
        .content
        .config
        .publics
        .label_in(&public.key, &r.lang.code)
        .unwrap_or(&public.label);
    let heading = r.lang.f("heading-public", &[("label", Arg::Text(label))]);
    filtered(r, ids, r.urls.public(&public.key), &heading, n, cx)
}

pub(super) fn access(r: &Renderer, mode: AccessMode, n: usize, cx: &mut Context) -> Page {
    let ids = r.index.with_access(mode);
    let label = phrasing::access_mode(r.lang, mode).to_lowercase();
    let heading = r.lang.f("heading-access", &[("mode", Arg::Text(&label))]);
    filtered(r, ids, r.urls.access(mode), &heading, n, cx)
}

pub(super) fn calls(r: &Renderer, n: usize, cx: &mut Context) -> Page {
    let urls = &r.urls;
    let first = urls.calls();
    let page = page_of(r, r.index.open_calls(), n, &first, cx);
    let cards: Vec<Value> = page.into_iter().map(|c| r.call_card(c)).collect();
    cx.insert("calls", &cards);
    Page::new(
        urls,
        "calls.html",
        urls.paginated(&first, n),
        &with_page(r.lang, "Appels à bénévoles", n),
        "Les associations cherchent des bénévoles : distributions, collectes, maraudes, accompagnement.",
        &r.lang.t("menu-calls"),
    )
    .crumbs(r, &[])
}

pub(super) fn resources(r: &Renderer, filter: ResourceFilter, n: usize, cx: &mut Context) -> Page {
    let urls = &r.urls;
    let first = links::resources_url(urls, filter);
    let heading = match filter {
        ResourceFilter::All => "Offres et demandes de ressources".to_string(),
        ResourceFilter::Kind(ResourceKind::Offer) => "Offres des associations".to_string(),
        ResourceFilter::Kind(ResourceKind::Request) => "Demandes des associations".to_string(),
        ResourceFilter::Category(c) => format!("Ressources : {}", c.label()),
    };
    let page = page_of(r, r.index.open_resources(filter), n, &first, cx);
    let cards: Vec<Value> = page.into_iter().map(|x| r.resource_card(x)).collect();
    cx.insert("resources", &cards);
    cx.insert("heading", &heading);
    cx.insert("filters", &links::resource_filters(urls, &first));
    let trail = if filter == ResourceFilter::All {
        Vec::new()
    } else {
        vec![("Ressources", urls.resources())]
    };
    Page::new(
        urls,
        "resources.html",
        urls.paginated(&first, n),
        &with_page(r.lang, &heading, n),
        "Denrées, matériel, compétences, locaux, transport : ce que les associations donnent, prêtent ou cherchent.",
        &r.lang.t("menu-resources"),
    )
    .crumbs(r, &trail)
}

/// A line of the archive: a call's or a listing's card, and which it is.
#[derive(Serialize)]
struct ArchiveLine {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    card: Value,
}

pub(super) fn archive(r: &Renderer, n: usize, cx: &mut Context) -> Page {
    let urls = &r.urls;
    let first = urls.archive();
    let page = page_of(r, r.index.archive(), n, &first, cx);
    let lines: Vec<ArchiveLine> = page
        .into_iter()
        .map(|item| match item {
            Archived::Call(id) => ArchiveLine {
                kind: "call",
                card: r.call_card(id),
            },
            Archived::Resource(id) => ArchiveLine {
                kind: "resource",
                card: r.resource_card(id),
            },
        })
        .collect();
    cx.insert("items", &lines);
    Page::new(
        urls,
        "archive.html",
        urls.paginated(&first, n),
        &with_page(r.lang, "Archives", n),
        "Appels à bénévoles et annonces terminés, gardés pour que les liens partagés restent valables.",
        "",
    )
    .crumbs(r, &[])
}

#[derive(Serialize)]
struct CommuneNeeds<'a> {
    commune: &'a str,
    /// How many requests, and their page when they are not on this one.
    count: usize,
    url: Option<String>,
    requests: Vec<Value>,
}

#[derive(Serialize)]
struct CategoryNeeds<'a> {
    category: &'static str,
    communes: Vec<CommuneNeeds<'a>>,
}

/// Every open request, by category, then by commune: on this page when they fit one page
/// of a list, otherwise a page for each category in each commune, which this one links.
pub(super) fn needs(r: &Renderer, cx: &mut Context) -> Page {
    let urls = &r.urls;
    let split = needs_split(r.index);
    let categories: Vec<CategoryNeeds> = r
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
                    count: ids.len(),
                    url: split.then(|| urls.needs_of(needs.category, commune)),
                    requests: if split {
                        Vec::new()
                    } else {
                        ids.iter().map(|&id| r.resource_card(id)).collect()
                    },
                })
                .collect(),
        })
        .collect();
    cx.insert("needs", &categories);
    let requests = r
        .index
        .open_resources(ResourceFilter::Kind(ResourceKind::Request));
    cx.insert("total", &requests.len());
    Page::new(
        urls,
        "needs.html",
        urls.needs(),
        "Ce dont les associations ont besoin",
        "Les demandes en cours des associations, par catégorie et par commune : qui a ce qu'il leur faut ?",
        &r.lang.t("menu-resources"),
    )
    .crumbs(r, &[("Ressources", urls.resources())])
}

/// Page `n` of the open requests of the category at `c` of the needs, in its commune at `k`.
pub(super) fn needs_of(r: &Renderer, c: usize, k: usize, n: usize, cx: &mut Context) -> Page {
    let urls = &r.urls;
    let needs = &r.index.needs()[c];
    let (commune, ids) = &needs.communes[k];
    let first = urls.needs_of(needs.category, commune);
    let page = page_of(r, ids, n, &first, cx);
    let cards: Vec<Value> = page.into_iter().map(|id| r.resource_card(id)).collect();
    cx.insert("resources", &cards);
    let heading = format!("Besoins : {} — {commune}", needs.category.label());
    cx.insert("heading", &heading);
    Page::new(
        urls,
        "needs_of.html",
        urls.paginated(&first, n),
        &with_page(r.lang, &heading, n),
        &format!(
            "Les demandes en cours des associations, {} : {commune}.",
            needs.category.label()
        ),
        &r.lang.t("menu-resources"),
    )
    .crumbs(
        r,
        &[
            ("Ressources", urls.resources()),
            ("Ce dont les associations ont besoin", urls.needs()),
        ],
    )
}
