//! Which pages a site has: one job per HTML page, in a stable order, and what a build keeps
//! of each page it wrote.

use portal_model::SubmissionType;
use portal_model::resource::ResourceKind;

use super::pagination::page_count;
use crate::index::{
    AssociationId, CallId, CategoryId, CommuneId, Index, NeedId, PageId, PublicId, ResourceFilter,
    ResourceId,
};
use portal_model::access::AccessMode;

/// One HTML page to render. Lists carry the number of their page (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// A sheet (1-based) of the printable guide of a commune.
    Guide(CommuneId, usize),
    Needs,
    /// A page of the open requests of a category (its position in the index's needs) in a
    /// commune (its position in the category's), when the needs do not fit one page.
    NeedsOf(usize, usize, usize),
    Search,
    /// The places of a need of the home page's way in, in the whole territory or in one
    /// commune.
    Need(NeedId, Option<CommuneId>, usize),
    /// The associations that welcome a public.
    Public(PublicId, usize),
    /// The associations of an access mode.
    Access(AccessMode, usize),
}

impl Job {
    /// Whether the page goes over every place or every listing of the site (to count or
    /// group them).
    pub fn gathers_site(&self) -> bool {
        matches!(
            self,
            Job::Map | Job::Needs | Job::Home | Job::Need(_, None, _)
        )
    }

    /// Whether the page is an entry's own (an association, a call, a listing, a free page).
    pub fn is_entry(&self) -> bool {
        matches!(
            self,
            Job::Association(_) | Job::Call(_) | Job::Resource(_) | Job::Page(_)
        )
    }
}

/// One of the form pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormPage {
    Index,
    Form(SubmissionType),
    Moderation,
    Thanks,
}

impl FormPage {
    pub const ALL: [FormPage; 6] = [
        FormPage::Index,
        FormPage::Form(SubmissionType::Resource),
        FormPage::Form(SubmissionType::VolunteerCall),
        FormPage::Form(SubmissionType::Association),
        FormPage::Moderation,
        FormPage::Thanks,
    ];

    /// Where the page is, under the site's base.
    pub fn path(self) -> &'static str {
        match self {
            FormPage::Index => "proposer/",
            FormPage::Form(SubmissionType::Resource) => "proposer/annonce/",
            FormPage::Form(SubmissionType::VolunteerCall) => "proposer/benevolat/",
            FormPage::Form(SubmissionType::Association) => "proposer/association/",
            FormPage::Moderation => "moderation/",
            FormPage::Thanks => "merci/",
        }
    }
}

/// Every page of the site, in a stable order.
pub(crate) fn all(index: &Index) -> Vec<Job> {
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
    if needs_split(index) {
        for (c, needs) in index.needs().iter().enumerate() {
            for (k, (_, ids)) in needs.communes.iter().enumerate() {
                jobs.extend((1..=page_count(ids.len(), size)).map(|p| Job::NeedsOf(c, k, p)));
            }
        }
    }
    jobs.push(Job::Search);
    for (id, _) in index.communes() {
        jobs.extend((1..=index.guide(id).len()).map(|n| Job::Guide(id, n)));
    }
    for (id, need) in index.help() {
        if need.categories.is_empty() {
            continue;
        }
        jobs.extend((1..=page_count(need.places.len(), size)).map(|p| Job::Need(id, None, p)));
        for (commune, places) in &need.communes {
            jobs.extend(
                (1..=page_count(places.len(), size)).map(|p| Job::Need(id, Some(*commune), p)),
            );
        }
    }
    for (id, _, ids) in index.publics() {
        if !ids.is_empty() {
            jobs.extend((1..=page_count(ids.len(), size)).map(|p| Job::Public(id, p)));
        }
    }
    for mode in AccessMode::ALL {
        let n = index.with_access(mode).len();
        if n > 0 {
            jobs.extend((1..=page_count(n, size)).map(|p| Job::Access(mode, p)));
        }
    }
    jobs
}

/// Whether the open requests are too many for the page of needs, which then links to a
/// page of each category in each commune.
pub(crate) fn needs_split(index: &Index) -> bool {
    let requests = index.open_resources(ResourceFilter::Kind(ResourceKind::Request));
    requests.len() > index.content.config.page_size
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
    /// Of the HTML before minifying (when `site.toml` asks for it); 0 when the build did not
    /// track pages.
    pub hash: u64,
}

/// A hash of a page's HTML, to tell whether a rebuild changed it.
pub(crate) fn hash_of(html: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    html.hash(&mut h);
    h.finish()
}
