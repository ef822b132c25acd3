//! Render: the theme's templates applied to the site's views, one function per kind of
//! page (`pages/`), minified.

pub(crate) mod cards;
pub(crate) mod frame;
pub(crate) mod jobs;
pub(crate) mod jsonld;
pub(crate) mod map;
mod pages;
pub(crate) mod pagination;
pub(crate) mod qr;
pub(crate) mod renderer;
pub(crate) mod views;

use rayon::prelude::*;

use crate::error::BuildError;
use crate::write::Sink;
pub(crate) use jobs::{Job, RenderedPage, hash_of};
pub(crate) use renderer::Renderer;

/// The pages of one language: its renderer and its jobs.
pub(crate) struct Work<'r> {
    pub renderer: Renderer<'r>,
    pub jobs: Vec<Job>,
}

/// Every (language, job) of `work`, in order: the default language's pages, then each
/// other language's.
pub(crate) fn each<'w, 'r>(
    work: &'w [Work<'r>],
) -> impl Iterator<Item = (&'w Renderer<'r>, &'w Job)> {
    work.iter()
        .flat_map(|w| w.jobs.iter().map(move |j| (&w.renderer, j)))
}

/// Renders the given pages into `sink`, one language after the other, each language's in
/// parallel; returns them, in the jobs' order. A language's cards are dropped once its
/// pages are written: the next language has cards of its own words, and a build of nine
/// languages holds one language's cards at a time, not nine.
pub(crate) fn render_jobs(
    work: &mut [Work<'_>],
    sink: &dyn Sink,
    track: bool,
) -> Result<Vec<RenderedPage>, BuildError> {
    let mut pages = Vec::with_capacity(work.iter().map(|w| w.jobs.len()).sum());
    for w in work.iter_mut() {
        pages.extend(render_language(w, sink, track)?);
        w.renderer.forget_cards();
    }
    Ok(pages)
}

/// The pages of one language, rendered in parallel, in the jobs' order.
fn render_language(
    w: &Work<'_>,
    sink: &dyn Sink,
    track: bool,
) -> Result<Vec<RenderedPage>, BuildError> {
    let r = &w.renderer;
    // The pages that gather the whole site take longest: they start first, so that no
    // core is left alone with one of them at the end of a large build.
    let mut order: Vec<usize> = (0..w.jobs.len()).collect();
    order.sort_by_key(|&i| !w.jobs[i].gathers_site());
    let done: Vec<(usize, RenderedPage)> = order
        .par_iter()
        .map(|&i| {
            let (page, raw) = render_raw(r, &w.jobs[i])?;
            let hash = if track { hash_of(&raw) } else { 0 };
            sink.put(&page.file, r.finish(raw))?;
            Ok((i, RenderedPage { hash, ..page }))
        })
        .collect::<Result<_, BuildError>>()?;
    let mut pages: Vec<Option<RenderedPage>> = vec![None; w.jobs.len()];
    for (i, page) in done {
        pages[i] = Some(page);
    }
    Ok(pages.into_iter().flatten().collect())
}

/// Renders one page without minifying it: what an incremental rebuild compares.
pub(crate) fn render_raw(r: &Renderer, job: &Job) -> Result<(RenderedPage, Vec<u8>), BuildError> {
    let (page, context) = pages::page(r, job);
    let raw = r.raw(page.template, &context)?;
    let file = if *job == Job::NotFound {
        format!("{}404.html", r.lang.prefix)
    } else {
        r.urls.file_of(&page.url)
    };
    let rendered = RenderedPage {
        lang: r.lang.index,
        job: job.clone(),
        url: page.url,
        file,
        noindex: page.meta.noindex,
        hash: 0,
    };
    Ok((rendered, raw))
}
