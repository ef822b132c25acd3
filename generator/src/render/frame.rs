//! The frame of a page: what its `<head>`, the navigation and the breadcrumbs say of it.
//! Every kind of page fills one; the sitemap reads its `noindex`.

use serde::Serialize;

use crate::urls::{Link, Urls};

/// A page to render: where it is, with which template, and its frame.
pub(crate) struct Page {
    pub url: String,
    pub template: &'static str,
    pub meta: PageMeta,
}

/// Facts about the page itself, for `<head>`, the navigation and the breadcrumbs.
#[derive(Serialize)]
pub(crate) struct PageMeta {
    title: String,
    description: String,
    url: String,
    /// The absolute URL, for `<link rel=canonical>` and the JSON-LD.
    pub canonical: String,
    /// The main menu entry to mark as current.
    section: String,
    pub breadcrumbs: Vec<Link>,
    pub jsonld: Option<String>,
    /// The page asks search engines not to index it.
    pub noindex: bool,
}

impl Page {
    /// A page at `url` rendered by `template`, in the menu's `section` (or none: `""`),
    /// without breadcrumbs, JSON-LD or noindex until its kind sets them.
    pub(crate) fn new(
        urls: &Urls,
        template: &'static str,
        url: String,
        title: &str,
        description: &str,
        section: &str,
    ) -> Page {
        let meta = PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            canonical: urls.absolute(&url),
            url: url.clone(),
            section: section.to_string(),
            breadcrumbs: Vec::new(),
            jsonld: None,
            noindex: false,
        };
        Page {
            url,
            template,
            meta,
        }
    }

    /// The page with breadcrumbs: the home page, then `trail` (label, URL).
    pub(crate) fn crumbs(mut self, urls: &Urls, trail: &[(&str, String)]) -> Page {
        let mut crumbs = vec![Link {
            label: "Accueil".into(),
            url: urls.home(),
        }];
        crumbs.extend(trail.iter().map(|(label, url)| Link {
            label: label.to_string(),
            url: url.clone(),
        }));
        self.meta.breadcrumbs = crumbs;
        self
    }

    /// The page, kept out of search engines and the sitemap.
    pub(crate) fn noindex(mut self) -> Page {
        self.meta.noindex = true;
        self
    }
}
