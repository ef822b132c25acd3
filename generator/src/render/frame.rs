//! The frame of a page: what its `<head>`, the navigation and the breadcrumbs say of it.
//! Every kind of page fills one; the sitemap reads its `noindex`.

use serde::Serialize;

use super::renderer::Renderer;
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
    /// The same page in each language, when the site has several and the page is
    /// translated (the language menu, `hreflang` and the sitemap).
    pub alternates: Vec<Alternate>,
    /// Where the language menu leads: the page itself in each language when it is
    /// translated, else each language's home page.
    pub languages: Vec<Alternate>,
}

/// A page in one language.
#[derive(Serialize, Clone, Debug)]
pub(crate) struct Alternate {
    /// `ar`.
    pub code: String,
    /// « العربية ».
    pub name: String,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    pub url: String,
    /// The absolute URL, for `hreflang` and the sitemap.
    pub absolute: String,
    /// It is the page's own language.
    pub current: bool,
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
            alternates: Vec::new(),
            languages: Vec::new(),
        };
        Page {
            url,
            template,
            meta,
        }
    }

    /// The page with breadcrumbs: the home page, then `trail` (label, URL).
    pub(crate) fn crumbs(mut self, r: &Renderer, trail: &[(&str, String)]) -> Page {
        let mut crumbs = vec![Link {
            label: r.lang.t("menu-home"),
            url: r.urls.home(),
        }];
        crumbs.extend(trail.iter().map(|(label, url)| Link {
            label: label.to_string(),
            url: url.clone(),
        }));
        self.meta.breadcrumbs = crumbs;
        self
    }

    /// The page with its language menu and, when `translated`, its alternates: the same
    /// path under each language's prefix. Nothing when the site has one language.
    pub(crate) fn in_languages(mut self, r: &Renderer, translated: bool) -> Page {
        if !r.languages.several() {
            return self;
        }
        let path = r.urls.path_in_language(&self.url).to_string();
        let list: Vec<Alternate> = r
            .languages
            .0
            .iter()
            .map(|l| {
                let there = r.urls.in_language(&l.prefix);
                let url = if translated {
                    there.public_at(&path)
                } else {
                    there.home()
                };
                Alternate {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    dir: l.dir(),
                    absolute: there.absolute(&url),
                    url,
                    current: l.index == r.lang.index,
                }
            })
            .collect();
        if translated {
            self.meta.alternates = list.clone();
        }
        self.meta.languages = list;
        self
    }

    /// The page, kept out of search engines and the sitemap.
    pub(crate) fn noindex(mut self) -> Page {
        self.meta.noindex = true;
        self
    }
}
