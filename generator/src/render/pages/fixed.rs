//! The pages of their own: the home page, the page not found, open data, search, and the
//! free pages editors write.

use portal_model::resource::ResourceKind;
use serde::Serialize;
use tera::{Context, Value};

use super::links;
use crate::index::{PageId, ResourceFilter, ResourceId};
use crate::published;
use crate::render::frame::Page;
use crate::render::renderer::Renderer;
use portal_markdown as markdown;

#[derive(Serialize)]
struct Counts {
    associations: usize,
    calls: usize,
    offers: usize,
    requests: usize,
}

/// How many of the newest calls, offers and requests the home page shows, below the way
/// in for people who need help.
const ON_HOME: usize = 3;

pub(super) fn home(r: &Renderer, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let config = &index.content.config;
    let offers = index.open_resources(ResourceFilter::Kind(ResourceKind::Offer));
    let requests = index.open_resources(ResourceFilter::Kind(ResourceKind::Request));
    let first = |ids: &[ResourceId]| -> Vec<Value> {
        ids.iter()
            .take(ON_HOME)
            .map(|&id| r.resource_card(id))
            .collect()
    };
    let calls: Vec<Value> = index
        .open_calls()
        .iter()
        .take(ON_HOME)
        .map(|&id| r.call_card(id))
        .collect();
    cx.insert("calls", &calls);
    cx.insert("offers", &first(offers));
    cx.insert("requests", &first(requests));
    cx.insert("categories", &links::categories(r));
    cx.insert("communes", &links::communes(r));
    cx.insert("needs", &links::needs(r));
    cx.insert(
        "counts",
        &Counts {
            associations: index.content.associations.len(),
            calls: index.open_calls().len(),
            offers: offers.len(),
            requests: requests.len(),
        },
    );
    let description = config.description.clone().unwrap_or_else(|| {
        format!(
            "Aide alimentaire, hébergement, vêtements, accompagnement : les associations solidaires du territoire {} et ce qu'elles partagent.",
            config.territory.name
        )
    });
    Page::new(
        urls,
        "index.html",
        urls.home(),
        &config.title,
        &description,
        &r.lang.t("menu-home"),
    )
}

pub(super) fn not_found(r: &Renderer, cx: &mut Context) -> Page {
    cx.insert("categories", &links::categories(r));
    let urls = &r.urls;
    Page::new(
        urls,
        "404.html",
        urls.public_at("404.html"),
        &r.lang.t("title-not-found"),
        "",
        "",
    )
    .noindex()
}

#[derive(Serialize)]
struct DataFile {
    format: &'static str,
    url: String,
    what: &'static str,
}

pub(super) fn opendata(r: &Renderer, cx: &mut Context) -> Page {
    let urls = &r.urls;
    let files = [
        (
            "JSON",
            published::ASSOCIATIONS_JSON,
            "toutes les informations, une entrée par association",
        ),
        (
            "CSV",
            published::ASSOCIATIONS_CSV,
            "une ligne par lieu d'accueil, pour un tableur",
        ),
        (
            "GeoJSON",
            published::ASSOCIATIONS_GEOJSON,
            "un point par lieu d'accueil, pour une carte",
        ),
        (
            "data·inclusion (structures)",
            published::DATAINCLUSION_STRUCTURES,
            "une structure par association, au schéma de data·inclusion (version 1), que lisent les services d'orientation",
        ),
        (
            "data·inclusion (services)",
            published::DATAINCLUSION_SERVICES,
            "un service par lieu d'accueil, rattaché à sa structure, avec ses thématiques et ses horaires",
        ),
    ];
    let files: Vec<DataFile> = files
        .iter()
        .map(|(format, path, what)| DataFile {
            format,
            url: urls.at(path),
            what,
        })
        .collect();
    cx.insert("files", &files);
    cx.insert("columns", &published::CSV_COLUMNS);
    cx.insert("licence", published::LICENCE);
    cx.insert("licence_url", published::LICENCE_URL);
    Page::new(
        urls,
        "opendata.html",
        urls.opendata(),
        "Données ouvertes",
        "L'annuaire des associations en JSON, CSV, GeoJSON et au format data·inclusion, sous Licence Ouverte.",
        "",
    )
    .crumbs(r, &[])
}

pub(super) fn search(r: &Renderer, cx: &mut Context) -> Page {
    let urls = &r.urls;
    cx.insert("categories", &links::categories(r));
    cx.insert("communes", &links::communes(r));
    cx.insert("needs", &links::needs(r));
    cx.insert("index", &urls.at(published::SEARCH_MANIFEST));
    Page::new(
        urls,
        "search.html",
        urls.public_at("recherche/"),
        &r.lang.t("title-search"),
        &r.lang.t("description-search"),
        "",
    )
    .crumbs(r, &[])
}

/// A free page: its Markdown body, in the menu when it has a position there.
pub(super) fn free(r: &Renderer, id: PageId, cx: &mut Context) -> Page {
    let urls = &r.urls;
    let p = r.index.page(id);
    let t = r.lang.translation(&p.translations);
    let title = r.lang.said(&p.title, t.and_then(|t| t.title.as_deref()));
    let body = r.lang.said(&p.body, t.and_then(|t| t.body.as_deref()));
    cx.insert("body_html", &markdown::to_html(body.text, 1));
    // The language of the title and of the body when they are not the page's.
    cx.insert("title_lang", title.lang);
    cx.insert("body_lang", body.lang);
    let section = if p.menu.is_some() { title.text } else { "" };
    Page::new(
        urls,
        "page.html",
        urls.page(&p.slug),
        title.text,
        &markdown::plain_summary(body.text, 160),
        section,
    )
    .crumbs(r, &[])
}
