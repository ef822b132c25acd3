//! Links several kinds of page show: the categories and communes with their counts, the
//! filters of the listings.

use portal_model::resource::ResourceKind;
use serde::Serialize;

use crate::index::ResourceFilter;
use crate::render::renderer::Renderer;
use crate::urls::Urls;

#[derive(Serialize)]
pub(super) struct CountLink {
    label: String,
    url: String,
    count: usize,
}

#[derive(Serialize)]
pub(super) struct FilterLink {
    label: String,
    url: String,
    current: bool,
}

/// The categories, in `site.toml`'s order, with how many associations each has.
pub(super) fn categories(r: &Renderer) -> Vec<CountLink> {
    r.index
        .categories()
        .map(|(_, c)| CountLink {
            label: c.label_for(&r.lang.code).to_string(),
            url: r.urls.category(&c.key),
            count: r.index.in_category(&c.key).len(),
        })
        .collect()
}

/// The communes, by slug, with how many associations receive people in each.
pub(super) fn communes(r: &Renderer) -> Vec<CountLink> {
    r.index
        .communes()
        .map(|(_, c)| CountLink {
            label: c.name.clone(),
            url: r.urls.commune(&c.slug),
            count: c.associations.len(),
        })
        .collect()
}

/// The publics that at least one association welcomes, with how many, in the site's order.
pub(super) fn publics(r: &Renderer) -> Vec<CountLink> {
    r.index
        .publics()
        .filter(|(_, _, ids)| !ids.is_empty())
        .map(|(_, p, ids)| CountLink {
            label: p.labels.get(&r.lang.code).unwrap_or(&p.label).clone(),
            url: r.urls.public(&p.key),
            count: ids.len(),
        })
        .collect()
}

/// The access modes that at least one association has, with how many.
pub(super) fn access_modes(r: &Renderer) -> Vec<CountLink> {
    portal_model::access::AccessMode::ALL
        .iter()
        .filter(|&&m| !r.index.with_access(m).is_empty())
        .map(|&m| CountLink {
            label: crate::phrasing::access_mode(r.lang, m),
            url: r.urls.access(m),
            count: r.index.with_access(m).len(),
        })
        .collect()
}

/// The needs of the home page's way in that have places, with their counts.
pub(super) fn needs(r: &Renderer) -> Vec<NeedLink> {
    r.index
        .help()
        .filter(|(_, n)| !n.categories.is_empty())
        .map(|(_, n)| NeedLink {
            label: need_label(r, n.need),
            icon: n.need.icon.clone(),
            url: r.urls.need(&n.need.key),
            count: n.places.len() + n.remote.len(),
        })
        .collect()
}

/// A need's label in the page's language: the catalogue's `need-<key>` when it has one
/// (the built-in needs), else the label of `site.toml` or the model.
pub(super) fn need_label(r: &Renderer, need: &portal_model::needs::Need) -> String {
    let key = format!("need-{}", need.key);
    if r.lang.catalogue.has(&key) {
        r.lang.t(&key)
    } else {
        need.label.clone()
    }
}

#[derive(Serialize)]
pub(super) struct NeedLink {
    label: String,
    icon: String,
    url: String,
    count: usize,
}

/// The first page of the listings a filter keeps.
pub(super) fn resources_url(urls: &Urls, filter: ResourceFilter) -> String {
    match filter {
        ResourceFilter::All => urls.resources(),
        ResourceFilter::Kind(k) => urls.resources_of_kind(k),
        ResourceFilter::Category(c) => urls.resources_of_category(c),
    }
}

/// Every filter of the listings, the one at `current` marked.
pub(super) fn resource_filters(urls: &Urls, current: &str) -> Vec<FilterLink> {
    ResourceFilter::every()
        .map(|f| {
            let label = match f {
                ResourceFilter::All => "Toutes",
                ResourceFilter::Kind(ResourceKind::Offer) => "Offres",
                ResourceFilter::Kind(ResourceKind::Request) => "Demandes",
                ResourceFilter::Category(c) => c.label(),
            };
            let url = resources_url(urls, f);
            FilterLink {
                current: url == current,
                label: label.to_string(),
                url,
            }
        })
        .collect()
}
