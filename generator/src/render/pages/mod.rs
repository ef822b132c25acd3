//! The HTML pages of the site, one function per kind of page, grouped by what they show:
//! lists of entries, an entry's own page, the pages of their own, the forms, the places.
//! Here, which function makes a job's page.

mod details;
mod fixed;
mod forms;
mod help;
mod links;
mod lists;
mod places;

use tera::Context;

use super::frame::Page;
use super::jobs::Job;
use super::renderer::Renderer;

/// A job's page and what its template sees (the page's frame as `page`).
pub(super) fn page(r: &Renderer, job: &Job) -> (Page, Context) {
    let mut cx = Context::new();
    let page = match *job {
        Job::Home => fixed::home(r, &mut cx),
        Job::NotFound => fixed::not_found(r, &mut cx),
        Job::OpenData => fixed::opendata(r, &mut cx),
        Job::Search => fixed::search(r, &mut cx),
        Job::Page(id) => fixed::free(r, id, &mut cx),
        Job::Directory(n) => lists::directory(r, n, &mut cx),
        Job::Category(id, n) => lists::category(r, id, n, &mut cx),
        Job::Commune(id, n) => lists::commune(r, id, n, &mut cx),
        Job::Calls(n) => lists::calls(r, n, &mut cx),
        Job::Resources(filter, n) => lists::resources(r, filter, n, &mut cx),
        Job::Archive(n) => lists::archive(r, n, &mut cx),
        Job::Needs => lists::needs(r, &mut cx),
        Job::NeedsOf(c, k, n) => lists::needs_of(r, c, k, n, &mut cx),
        Job::Association(id) => details::association(r, id, &mut cx),
        Job::Call(id) => details::call(r, id, &mut cx),
        Job::Resource(id) => details::resource(r, id, &mut cx),
        Job::Form(form) => forms::page(r, form, &mut cx),
        Job::Map => places::map(r, &mut cx),
        Job::Guide(id, n) => places::guide(r, id, n, &mut cx),
        Job::Need(id, commune, n) => help::need(r, id, commune, n, &mut cx),
        Job::Public(id, n) => lists::public(r, id, n, &mut cx),
        Job::Access(mode, n) => lists::access(r, mode, n, &mut cx),
    };
    cx.insert("page", &page.meta);
    (page, cx)
}
