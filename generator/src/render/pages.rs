//! The HTML pages of the site: which pages there are, and what each one's template sees.

use portal_model::resource::{ResourceCategory, ResourceKind};
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::error::BuildError;
use crate::index::{
    Archived, AssociationId, CallId, CategoryId, CommuneId, PageId, ResourceFilter, ResourceId,
};
use crate::markdown;
use crate::published;
use crate::render::Renderer;
use crate::render::forms::FormPage;
use crate::render::jsonld;
use crate::render::views::{AssociationDetail, CallDetail, ResourceDetail};
use crate::urls::Link;
use crate::write::Sink;

/// One HTML page to render.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
///
/// Lists carry the number of their page (1-based).
pub enum Job {
    Home,
    Directory(usize),
    Category(CategoryId, usize),
    Commune(CommuneId, usize),
    Association(AssociationId),
    Calls(usize),
    Call(CallId),
    Resources(ResourceFilter, usize),
    Resource(ResourceId),
    Archive(usize),
    Page(PageId),
    OpenData,
    NotFound,
    Form(FormPage),
    Map,
    /// The printable guide of a commune.
    Guide(CommuneId),
    Needs,
    Search,
}

impl Job {
    /// Whether the page shows every place or every listing of the site.
    fn gathers_site(&self) -> bool {
        matches!(self, Job::Map | Job::Needs | Job::Guide(_) | Job::Home)
    }
}

/// A page written by a build.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    pub job: Job,
    pub url: String,
    /// Relative to the output folder.
    pub file: String,
    /// The page asks search engines not to index it (and the sitemap leaves it out).
    pub noindex: bool,
    /// Of the HTML before minifying (when `site.toml` asks for it); 0 when the build did not track pages.
    pub hash: u64,
}

/// A hash of a page's HTML, to tell whether a rebuild changed it.
pub fn hash_of(html: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    html.hash(&mut h);
    h.finish()
}

/// Facts about the page itself, for `<head>`, the navigation and the breadcrumbs.
#[derive(Serialize)]
pub(super) struct PageMeta {
    title: String,
    description: String,
    url: String,
    canonical: String,
    /// The main menu entry to mark as current.
    section: String,
    pub(super) breadcrumbs: Vec<Link>,
    jsonld: Option<String>,
    pub(super) noindex: bool,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
    /// Pages are left out between the previous link and this one (`…`).
    gap: bool,
}

/// How many pages on each side of the current one the pagination links to, besides the
/// first and the last: a list of 800 pages offers 7 links, not 800 to tab through.
const PAGE_WINDOW: usize = 2;

/// The page numbers the pagination of page `current` of `total` links to, in order.
fn page_window(current: usize, total: usize) -> Vec<usize> {
    let near = current.saturating_sub(PAGE_WINDOW).max(1)..=(current + PAGE_WINDOW).min(total);
    let mut pages = vec![1];
    pages.extend(near.filter(|&k| k != 1 && k != total));
    if total > 1 {
        pages.push(total);
    }
    pages
}

/// The number of pages a list of `len` items takes (at least one, even when empty).
fn page_count(len: usize, size: usize) -> usize {
    len.div_ceil(size).max(1)
}

impl<'a> Renderer<'a> {
    /// Every page of the site, in a stable order.
    pub fn jobs(&self) -> Vec<Job> {
        let index = self.index;
        let size = index.content.config.page_size;
        let mut jobs = vec![Job::Home, Job::OpenData, Job::NotFound];
        jobs.extend((1..=page_count(index.directory().len(), size)).map(Job::Directory));
        for (id, c) in index.categories() {
            let n = index.in_category(&c.key).len();
            jobs.extend((1..=page_count(n, size)).map(|p| Job::Category(id, p)));
        }
        for (id, c) in index.communes() {
            jobs.extend((1..=page_count(c.associations.len(), size)).map(|p| Job::Commune(id, p)));
        }
        jobs.extend(index.associations().map(|(id, _)| Job::Association(id)));
        jobs.extend((1..=page_count(index.open_calls().len(), size)).map(Job::Calls));
        jobs.extend(index.calls().map(|(id, _)| Job::Call(id)));
        for f in ResourceFilter::every() {
            let n = index.open_resources(f).len();
            jobs.extend((1..=page_count(n, size)).map(|p| Job::Resources(f, p)));
        }
        jobs.extend(index.resources().map(|(id, _)| Job::Resource(id)));
        jobs.extend((1..=page_count(index.archive().len(), size)).map(Job::Archive));
        jobs.extend(index.page_ids().map(Job::Page));
        jobs.extend(FormPage::ALL.into_iter().map(Job::Form));
        jobs.push(Job::Map);
        jobs.push(Job::Needs);
        jobs.push(Job::Search);
        jobs.extend(index.communes().map(|(id, _)| Job::Guide(id)));
        jobs
    }

    /// Renders the given pages in parallel into `sink`; returns the URLs written.
    pub fn render_jobs(
        &self,
        jobs: &[Job],
        sink: &dyn Sink,
        track: bool,
    ) -> Result<Vec<RenderedPage>, BuildError> {
        // The pages that gather the whole site take longest: they start first, so that no
        // core is left alone with one of them at the end of a large build.
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&i| !jobs[i].gathers_site());
        let done: Vec<(usize, RenderedPage)> = order
            .par_iter()
            .map(|&i| {
                let (page, raw) = self.render_raw(&jobs[i])?;
                let hash = if track { hash_of(&raw) } else { 0 };
                sink.put(&page.file, self.finish(raw))?;
                Ok((i, RenderedPage { hash, ..page }))
            })
            .collect::<Result<_, BuildError>>()?;
        let mut pages: Vec<Option<RenderedPage>> = vec![None; jobs.len()];
        for (i, page) in done {
            pages[i] = Some(page);
        }
        Ok(pages.into_iter().flatten().collect())
    }

    /// Renders one page without minifying it: what an incremental rebuild compares.
    pub fn render_raw(&self, job: &Job) -> Result<(RenderedPage, Vec<u8>), BuildError> {
        let (url, template, context, noindex) = self.context(job)?;
        let raw = self.raw(template, &context)?;
        let file = if *job == Job::NotFound {
            "404.html".to_string()
        } else {
            self.urls.file_of(&url)
        };
        let page = RenderedPage {
            job: job.clone(),
            url,
            file,
            noindex,
            hash: 0,
        };
        Ok((page, raw))
    }

    pub(super) fn meta(
        &self,
        title: &str,
        description: &str,
        url: &str,
        section: &str,
    ) -> PageMeta {
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            url: url.to_string(),
            canonical: self.urls.absolute(url),
            section: section.to_string(),
            breadcrumbs: Vec::new(),
            jsonld: None,
            noindex: false,
        }
    }

    pub(super) fn crumbs(&self, trail: &[(&str, String)]) -> Vec<Link> {
        let mut out = vec![Link {
            label: "Accueil".into(),
            url: self.urls.home(),
        }];
        out.extend(trail.iter().map(|(label, url)| Link {
            label: label.to_string(),
            url: url.clone(),
        }));
        out
    }

    /// Slices `items` for page `n` and describes the pagination.
    fn paginate<T: Clone>(&self, items: &[T], n: usize, first_url: &str) -> (Vec<T>, Pagination) {
        let size = self.index.content.config.page_size;
        let total = page_count(items.len(), size);
        let start = ((n - 1) * size).min(items.len());
        let end = (start + size).min(items.len());
        let url = |k: usize| self.urls.paginated(first_url, k);
        (
            items[start..end].to_vec(),
            Pagination {
                current: n,
                total,
                prev: (n > 1).then(|| url(n - 1)),
                next: (n < total).then(|| url(n + 1)),
                pages: page_window(n, total)
                    .into_iter()
                    .scan(0, |last, k| {
                        let gap = k > *last + 1;
                        *last = k;
                        Some(PageLink {
                            number: k,
                            url: url(k),
                            current: k == n,
                            gap,
                        })
                    })
                    .collect(),
            },
        )
    }

    /// The URL, template and context of a page.
    fn context(&self, job: &Job) -> Result<(String, &'static str, Context, bool), BuildError> {
        let index = self.index;
        let urls = &self.urls;
        let config = &index.content.config;
        let mut cx = Context::new();
        let cards = |ids: &[AssociationId]| -> Vec<tera::Value> {
            ids.iter().map(|&id| self.association_card(id)).collect()
        };
        let (url, template, meta) = match job {
            Job::Home => {
                let url = urls.home();
                let offers = index.open_resources(ResourceFilter::Kind(ResourceKind::Offer));
                let requests = index.open_resources(ResourceFilter::Kind(ResourceKind::Request));
                let first = |ids: &[ResourceId]| -> Vec<tera::Value> {
                    ids.iter()
                        .take(6)
                        .map(|&id| self.resource_card(id))
                        .collect()
                };
                let calls: Vec<tera::Value> = index
                    .open_calls()
                    .iter()
                    .take(6)
                    .map(|&id| self.call_card(id))
                    .collect();
                cx.insert("calls", &calls);
                cx.insert("offers", &first(offers));
                cx.insert("requests", &first(requests));
                cx.insert("categories", &self.category_links());
                cx.insert("communes", &self.commune_links());
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
                let meta = self.meta(&config.title, &description, &url, "Accueil");
                (url, "index.html", meta)
            }
            Job::NotFound => {
                let url = urls.at("404.html");
                let mut meta = self.meta("Page introuvable", "", &url, "");
                meta.noindex = true;
                cx.insert("categories", &self.category_links());
                (url, "404.html", meta)
            }
            Job::OpenData => {
                let url = urls.opendata();
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
                let mut meta = self.meta(
                    "Données ouvertes",
                    "L'annuaire des associations en JSON, CSV et GeoJSON, sous Licence Ouverte.",
                    &url,
                    "",
                );
                meta.breadcrumbs = self.crumbs(&[]);
                (url, "opendata.html", meta)
            }
            Job::Directory(n) => {
                let first = urls.directory();
                let (page, pagination) = self.paginate(index.directory(), *n, &first);
                cx.insert("associations", &cards(&page));
                cx.insert("pagination", &pagination);
                cx.insert("total", &index.directory().len());
                cx.insert("categories", &self.category_links());
                cx.insert("communes", &self.commune_links());
                let url = urls.paginated(&first, *n);
                let mut meta = self.meta(
                    &with_page("Annuaire des associations", *n),
                    &format!("Les {} associations solidaires du territoire {}, par catégorie et par commune.", index.directory().len(), config.territory.name),
                    &url,
                    "Associations",
                );
                meta.breadcrumbs = self.crumbs(&[]);
                (url, "associations.html", meta)
            }
            Job::Category(i, n) => {
                let category = index.category(*i);
                let first = urls.category(&category.key);
                let ids = index.in_category(&category.key);
                let (page, pagination) = self.paginate(ids, *n, &first);
                cx.insert("associations", &cards(&page));
                cx.insert("pagination", &pagination);
                cx.insert("total", &ids.len());
                cx.insert("heading", &category.label);
                cx.insert("categories", &self.category_links());
                self.map_of(
                    &mut cx,
                    &page,
                    |_| true,
                    &format!("Carte des lieux d'accueil : {}", category.label),
                );
                let url = urls.paginated(&first, *n);
                let mut meta = self.meta(
                    &with_page(&category.label, *n),
                    &format!(
                        "{} : les associations du territoire {}.",
                        category.label, config.territory.name
                    ),
                    &url,
                    "Associations",
                );
                meta.breadcrumbs = self.crumbs(&[("Associations", urls.directory())]);
                (url, "taxonomy.html", meta)
            }
            Job::Commune(i, n) => {
                let commune = index.commune(*i);
                let first = urls.commune(&commune.slug);
                let (page, pagination) = self.paginate(&commune.associations, *n, &first);
                cx.insert("associations", &cards(&page));
                cx.insert("pagination", &pagination);
                cx.insert("total", &commune.associations.len());
                cx.insert("heading", &commune.name);
                cx.insert("communes", &self.commune_links());
                let here = |l: &portal_model::association::Location| {
                    portal_model::checks::slugify(&l.place.city) == commune.slug
                };
                self.map_of(
                    &mut cx,
                    &page,
                    here,
                    &format!("Carte des lieux d'accueil à {}", commune.name),
                );
                cx.insert(
                    "guide",
                    &urls.at(&format!("associations/commune/{}/guide/", commune.slug)),
                );
                let url = urls.paginated(&first, *n);
                let mut meta = self.meta(
                    &with_page(&format!("Associations à {}", commune.name), *n),
                    &format!(
                        "Les associations solidaires qui accueillent à {}.",
                        commune.name
                    ),
                    &url,
                    "Associations",
                );
                meta.breadcrumbs = self.crumbs(&[("Associations", urls.directory())]);
                (url, "taxonomy.html", meta)
            }
            Job::Association(i) => {
                let a = index.association(*i);
                let detail = AssociationDetail::of(*i, self);
                let url = urls.association(&a.slug);
                let mut meta = self.meta(&a.name, &a.summary, &url, "Associations");
                meta.breadcrumbs = self.crumbs(&[("Associations", urls.directory())]);
                meta.jsonld = Some(jsonld::association(a, &meta.canonical, urls));
                cx.insert("a", &detail);
                (url, "association.html", meta)
            }
            Job::Calls(n) => {
                let first = urls.calls();
                // Cards for this page only: a list of thousands has hundreds of pages.
                let calls = index.open_calls();
                let (page, pagination) = self.paginate(calls, *n, &first);
                let page: Vec<tera::Value> = page.into_iter().map(|c| self.call_card(c)).collect();
                cx.insert("calls", &page);
                cx.insert("total", &calls.len());
                cx.insert("pagination", &pagination);
                let url = urls.paginated(&first, *n);
                let mut meta = self.meta(
                    &with_page("Appels à bénévoles", *n),
                    "Les associations cherchent des bénévoles : distributions, collectes, maraudes, accompagnement.",
                    &url,
                    "Bénévolat",
                );
                meta.breadcrumbs = self.crumbs(&[]);
                (url, "calls.html", meta)
            }
            Job::Call(i) => {
                let c = index.call(*i);
                let detail = CallDetail::of(*i, self);
                let url = urls.call(&c.slug);
                let description = markdown::plain_summary(&c.body, 160);
                let mut meta = self.meta(&c.title, &description, &url, "Bénévolat");
                let trail = if c.is_archived(index.today) {
                    ("Archives", urls.archive())
                } else {
                    ("Bénévolat", urls.calls())
                };
                meta.breadcrumbs = self.crumbs(&[trail]);
                meta.jsonld = Some(jsonld::call(c, index, &meta.canonical, urls));
                cx.insert("call", &detail);
                (url, "call.html", meta)
            }
            Job::Resources(filter, n) => {
                let first = match filter {
                    ResourceFilter::All => urls.resources(),
                    ResourceFilter::Kind(k) => urls.resources_of_kind(*k),
                    ResourceFilter::Category(c) => urls.resources_of_category(*c),
                };
                let heading = match filter {
                    ResourceFilter::All => "Offres et demandes de ressources".to_string(),
                    ResourceFilter::Kind(ResourceKind::Offer) => {
                        "Offres des associations".to_string()
                    }
                    ResourceFilter::Kind(ResourceKind::Request) => {
                        "Demandes des associations".to_string()
                    }
                    ResourceFilter::Category(c) => format!("Ressources : {}", c.label()),
                };
                let items = index.open_resources(*filter);
                let (page, pagination) = self.paginate(items, *n, &first);
                let page: Vec<tera::Value> =
                    page.into_iter().map(|r| self.resource_card(r)).collect();
                cx.insert("resources", &page);
                cx.insert("total", &items.len());
                cx.insert("pagination", &pagination);
                cx.insert("heading", &heading);
                cx.insert("filters", &self.resource_filters(&first));
                let url = urls.paginated(&first, *n);
                let mut meta = self.meta(
                    &with_page(&heading, *n),
                    "Denrées, matériel, compétences, locaux, transport : ce que les associations donnent, prêtent ou cherchent.",
                    &url,
                    "Ressources",
                );
                meta.breadcrumbs = if *filter == ResourceFilter::All {
                    self.crumbs(&[])
                } else {
                    self.crumbs(&[("Ressources", urls.resources())])
                };
                (url, "resources.html", meta)
            }
            Job::Resource(i) => {
                let r = index.resource(*i);
                let detail = ResourceDetail::of(*i, self);
                let url = urls.resource(&r.slug);
                let description = markdown::plain_summary(&r.body, 160);
                let mut meta = self.meta(&r.title, &description, &url, "Ressources");
                let trail = if r.is_archived(index.today) {
                    ("Archives", urls.archive())
                } else {
                    ("Ressources", urls.resources())
                };
                meta.breadcrumbs = self.crumbs(&[trail]);
                meta.jsonld = Some(jsonld::resource(r, index, &meta.canonical, urls));
                cx.insert("r", &detail);
                cx.insert("matches", &self.matches_of(*i));
                (url, "resource.html", meta)
            }
            Job::Archive(n) => {
                let first = urls.archive();
                let items = index.archive();
                let (page, pagination) = self.paginate(items, *n, &first);
                let page: Vec<ArchiveLine> = page
                    .into_iter()
                    .map(|item| match item {
                        Archived::Call(id) => ArchiveLine {
                            kind: "call",
                            card: self.call_card(id),
                        },
                        Archived::Resource(id) => ArchiveLine {
                            kind: "resource",
                            card: self.resource_card(id),
                        },
                    })
                    .collect();
                cx.insert("items", &page);
                cx.insert("total", &items.len());
                cx.insert("pagination", &pagination);
                let url = urls.paginated(&first, *n);
                let mut meta = self.meta(
                    &with_page("Archives", *n),
                    "Appels à bénévoles et annonces terminés, gardés pour que les liens partagés restent valables.",
                    &url,
                    "",
                );
                meta.breadcrumbs = self.crumbs(&[]);
                (url, "archive.html", meta)
            }
            Job::Form(page) => self.form_page(*page, &mut cx),
            Job::Map => self.map_page(&mut cx),
            Job::Guide(i) => self.guide_page(*i, &mut cx),
            Job::Needs => self.needs_page(&mut cx),
            Job::Search => {
                let url = urls.at("recherche/");
                cx.insert("categories", &self.category_links());
                cx.insert("communes", &self.commune_links());
                cx.insert("index", &urls.at(published::SEARCH_MANIFEST));
                let mut meta = self.meta(
                    "Rechercher",
                    "Chercher une association, un appel à bénévoles, une offre ou une demande.",
                    &url,
                    "",
                );
                meta.breadcrumbs = self.crumbs(&[]);
                (url, "search.html", meta)
            }
            Job::Page(i) => {
                let p = index.page(*i);
                let url = urls.page(&p.slug);
                cx.insert("body_html", &markdown::to_html(&p.body, 1));
                let section = if p.menu.is_some() {
                    p.title.as_str()
                } else {
                    ""
                };
                let mut meta = self.meta(
                    &p.title,
                    &markdown::plain_summary(&p.body, 160),
                    &url,
                    section,
                );
                meta.breadcrumbs = self.crumbs(&[]);
                (url, "page.html", meta)
            }
        };
        cx.insert("page", &meta);
        Ok((url, template, cx, meta.noindex))
    }

    fn category_links(&self) -> Vec<CountLink> {
        self.index
            .content
            .config
            .categories
            .0
            .iter()
            .map(|c| CountLink {
                label: c.label.clone(),
                url: self.urls.category(&c.key),
                count: self.index.in_category(&c.key).len(),
            })
            .collect()
    }

    fn commune_links(&self) -> Vec<CountLink> {
        self.index
            .communes()
            .map(|(_, c)| CountLink {
                label: c.name.clone(),
                url: self.urls.commune(&c.slug),
                count: c.associations.len(),
            })
            .collect()
    }

    fn resource_filters(&self, current: &str) -> Vec<FilterLink> {
        let urls = &self.urls;
        let mut out = vec![
            ("Toutes".to_string(), urls.resources()),
            (
                "Offres".to_string(),
                urls.resources_of_kind(ResourceKind::Offer),
            ),
            (
                "Demandes".to_string(),
                urls.resources_of_kind(ResourceKind::Request),
            ),
        ];
        out.extend(
            ResourceCategory::ALL
                .iter()
                .map(|c| (c.label().to_string(), urls.resources_of_category(*c))),
        );
        out.into_iter()
            .map(|(label, url)| FilterLink {
                current: url == current,
                label,
                url,
            })
            .collect()
    }
}

fn with_page(title: &str, n: usize) -> String {
    if n > 1 {
        format!("{title} (page {n})")
    } else {
        title.to_string()
    }
}

#[derive(Serialize)]
struct DataFile {
    format: &'static str,
    url: String,
    what: &'static str,
}

#[derive(Serialize)]
struct Counts {
    associations: usize,
    calls: usize,
    offers: usize,
    requests: usize,
}

#[derive(Serialize)]
struct CountLink {
    label: String,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct FilterLink {
    label: String,
    url: String,
    current: bool,
}

/// A line of the archive: a call's or a listing's card, and which it is.
#[derive(Serialize)]
struct ArchiveLine {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    card: tera::Value,
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn pagination_links_the_ends_and_the_pages_near_the_current_one() {
        assert_eq!(page_window(1, 1), [1]);
        assert_eq!(page_window(1, 2), [1, 2]);
        assert_eq!(page_window(3, 5), [1, 2, 3, 4, 5]);
        assert_eq!(page_window(1, 800), [1, 2, 3, 800]);
        assert_eq!(page_window(400, 800), [1, 398, 399, 400, 401, 402, 800]);
        assert_eq!(page_window(800, 800), [1, 798, 799, 800]);
    }
}
