//! `portal serve`'s rebuilds. After an editor saves an entry that the site already has,
//! only that file is decoded; its own page is rendered and served at once; then the pages
//! that show it (lists, maps, guides, its association's page, the listings it matches) are
//! rendered again, and only those whose HTML came out different are minified and replaced,
//! while feeds, data and indexes are redone. These are the stages of every build
//! (`build::run`), with the plan of an update. Anything else (site.toml, the theme,
//! a free page, a file added or removed, another day) is a full build. Either way the files
//! served are those of a full build, byte for byte (tests/incremental.rs).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use portal_model::{Context, Entry, Kind};
use rayon::prelude::*;

use crate::build::{self, BuildOptions, BuildReport, Built, Loaded, Plan, build_site};
use crate::dates::today_in;
use crate::error::{BuildError, FileProblems};
use crate::index::Index;
use crate::load;
use crate::render::{self, Job, RenderedPage, Work, hash_of};
use crate::theme::Theme;
use crate::urls::Urls;
use crate::write::{Memory, Sink};

/// The files of a site, by path relative to its root.
pub type Files = BTreeMap<String, Arc<Vec<u8>>>;

/// How far a rebuild has got when it hands over files to serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The saved entries' own pages are new; the rest is the previous build's.
    OwnPages,
    /// Everything is done.
    Done,
}

/// Keeps the last good build in memory, to redo only what a change touches.
pub struct Incremental {
    options: BuildOptions,
    last: Option<Last>,
}

struct Last {
    built: Built,
    files: Files,
    report: BuildReport,
}

/// What an update did, for the terminal and the benchmark.
#[derive(Debug, Clone, Default)]
pub struct UpdateReport {
    /// Decoding the saved files and indexing the site again.
    pub index: Duration,
    /// Until the saved entries' own pages were handed over.
    pub own_pages: Duration,
    /// Until everything was.
    pub total: Duration,
    /// Pages rendered again, and how many of them came out different.
    pub rendered: usize,
    /// Of the pages rendered again, those that came out different.
    pub changed: usize,
}

/// A saved entry, before and after.
struct Edit {
    kind: Kind,
    slug: String,
    before: Entry,
    after: Entry,
}

impl Incremental {
    /// Nothing built yet: the first rebuild is a full build.
    pub fn new(options: BuildOptions) -> Incremental {
        Incremental {
            options,
            last: None,
        }
    }

    /// What the last good build did.
    pub fn report(&self) -> Option<&BuildReport> {
        self.last.as_ref().map(|l| &l.report)
    }

    /// The base path of the last good build's addresses (`/` or `/portail/`).
    pub fn base_path(&self) -> Option<String> {
        let config = &self.last.as_ref()?.built.index.content.config;
        Some(Urls::new(&config.base_url).base_path)
    }

    /// A full build in memory, remembered for the next update.
    pub fn full(&mut self) -> Result<&Files, BuildError> {
        self.last = None;
        let memory = Memory::default();
        let (report, built) = build_site(&self.options, &memory, true)?;
        let files = memory.into_files();
        let last = self.last.insert(Last {
            built,
            files,
            report,
        });
        Ok(&last.files)
    }

    /// Rebuilds after `changed` files were saved: an update when it can, a full build
    /// otherwise (also when the day changed). `publish` receives the files to serve,
    /// possibly twice.
    pub fn rebuild(
        &mut self,
        changed: &[PathBuf],
        publish: &mut dyn FnMut(&Files, Progress),
    ) -> Result<Option<UpdateReport>, BuildError> {
        let same_day = self.last.as_ref().is_some_and(|last| {
            let index = &last.built.index;
            let today = self
                .options
                .today
                .unwrap_or_else(|| today_in(&index.content.config));
            today == index.today
        });
        let fast = same_day && !changed.is_empty() && self.edits_known(changed);
        if !fast {
            let files = self.full()?;
            publish(files, Progress::Done);
            return Ok(None);
        }
        self.update(changed, publish).map(Some)
    }

    /// Whether every changed path is an entry the last build had, or a file of an entry
    /// folder that is gone and was not an entry (an editor's swap file: had it been there at
    /// the last build, that build would have refused it).
    fn edits_known(&self, changed: &[PathBuf]) -> bool {
        changed.iter().all(|path| match self.entry_of(path) {
            Some((kind, slug)) => kind != Kind::Page && path.is_file() && self.has(kind, &slug),
            None => !path.exists() && self.in_entry_folder(path),
        })
    }

    /// `content/<folder>/<name>` for a folder of entries.
    fn in_entry_folder(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(self.options.root.join("content")) else {
            return false;
        };
        let parts: Vec<_> = rel.components().collect();
        parts.len() == 2
            && parts[0]
                .as_os_str()
                .to_str()
                .and_then(Kind::from_folder)
                .is_some()
    }

    fn has(&self, kind: Kind, slug: &str) -> bool {
        let Some(last) = &self.last else { return false };
        let index = &last.built.index;
        match kind {
            Kind::Association => index.find_association(slug).is_some(),
            Kind::VolunteerCall => index.find_call(slug).is_some(),
            Kind::Resource => index.find_resource(slug).is_some(),
            Kind::Page => false,
        }
    }

    /// `content/<folder>/<slug>.md` → its kind and slug.
    fn entry_of(&self, path: &Path) -> Option<(Kind, String)> {
        let rel = path.strip_prefix(self.options.root.join("content")).ok()?;
        let mut parts = rel.components().map(|c| c.as_os_str().to_str());
        let (Some(Some(folder)), Some(Some(name)), None) =
            (parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let slug = name.strip_suffix(".md")?;
        (!slug.starts_with('.')).then_some(())?;
        Some((Kind::from_folder(folder)?, slug.to_string()))
    }

    fn update(
        &mut self,
        changed: &[PathBuf],
        publish: &mut dyn FnMut(&Files, Progress),
    ) -> Result<UpdateReport, BuildError> {
        let started = Instant::now();
        let decoded = self.decode(changed)?;
        let last = self.last.take().expect("an update follows a build");
        let Built {
            index,
            theme,
            pages,
            others: _,
        } = last.built;
        // The previous build's files, which the stages overwrite where they change.
        let memory = Memory::from_files(last.files);
        let mut plan = Update {
            started,
            last: Some((index, theme)),
            decoded,
            edits: Vec::new(),
            previous: pages,
            own: HashSet::new(),
            fresh: HashMap::new(),
            report: UpdateReport::default(),
        };
        let mut handover = || memory.with_files(|files| publish(files, Progress::OwnPages));
        let (build_report, built) = build::run(&mut plan, &self.options, &memory, &mut handover)?;
        let mut files = memory.into_files();
        // What the previous build had and this one did not write (a page or a search
        // shard that is no more) goes.
        let kept: HashSet<&str> = built.files().collect();
        files.retain(|path, _| kept.contains(path.as_str()));
        let mut report = plan.report;
        report.total = started.elapsed();
        let last = self.last.insert(Last {
            built,
            files,
            report: build_report,
        });
        publish(&last.files, Progress::Done);
        Ok(report)
    }

    /// Decodes the saved entries against the last build's settings and associations.
    fn decode(&self, changed: &[PathBuf]) -> Result<Vec<(Kind, String, Entry)>, BuildError> {
        let last = self.last.as_ref().expect("an update follows a build");
        let content = &last.built.index.content;
        let associations: BTreeSet<String> = content
            .associations
            .iter()
            .map(|a| a.slug.clone())
            .collect();
        let cx = Context {
            site: &content.config,
            associations: &associations,
        };
        let mut decoded = Vec::new();
        let mut failed = Vec::new();
        let mut seen = HashSet::new();
        for path in changed {
            let Some((kind, slug)) = self.entry_of(path) else {
                continue;
            };
            if !seen.insert((kind, slug.clone())) {
                continue;
            }
            let shown = format!("content/{}/{slug}.md", kind.folder());
            let entry = load::read_text(path)
                .map_err(|p| vec![p])
                .and_then(|source| Entry::decode(kind, &slug, &source, &cx));
            match entry {
                Ok(entry) => decoded.push((kind, slug, entry)),
                Err(problems) => failed.push(FileProblems {
                    file: shown,
                    problems,
                }),
            }
        }
        if failed.is_empty() {
            Ok(decoded)
        } else {
            Err(BuildError::Content(failed))
        }
    }
}

/// An update as a plan of the build's stages: the last build's content with the saved
/// entries in place of their old versions; their own pages first, then only the pages
/// that may show them (the others are the last build's).
struct Update {
    started: Instant,
    /// The last build's index and theme, until the load stage takes them.
    last: Option<(Index, Theme)>,
    decoded: Vec<(Kind, String, Entry)>,
    edits: Vec<Edit>,
    /// The last build's pages, in its jobs' order.
    previous: Vec<RenderedPage>,
    /// The saved entries' own pages, rendered first, in each language (its position).
    own: HashSet<(usize, Job)>,
    fresh: HashMap<(usize, Job), RenderedPage>,
    report: UpdateReport,
}

impl Plan for Update {
    fn load(&mut self) -> Result<Loaded, BuildError> {
        let (index, theme) = self.last.take().expect("an update loads once");
        // An update happens on the day of the last build only.
        let index_today = index.today;
        let (mut content, changes) = index.into_parts();
        for (kind, slug, after) in std::mem::take(&mut self.decoded) {
            let before = match &after {
                Entry::Association(a) => {
                    Entry::Association(replace(&mut content.associations, a.clone(), |x| &x.slug))
                }
                Entry::VolunteerCall(c) => {
                    Entry::VolunteerCall(replace(&mut content.calls, c.clone(), |x| &x.slug))
                }
                Entry::Resource(r) => {
                    Entry::Resource(replace(&mut content.resources, r.clone(), |x| &x.slug))
                }
                Entry::Page(_) => unreachable!("free pages take a full build"),
            };
            self.edits.push(Edit {
                kind,
                slug,
                before,
                after,
            });
        }
        Ok(Loaded {
            content,
            today: index_today,
            theme,
            changes,
        })
    }

    /// The saved entries' own pages: what the editor is looking at.
    fn first(&mut self, work: &[Work<'_>], sink: &dyn Sink) -> Result<(), BuildError> {
        self.report.index = self.started.elapsed();
        let index = work[0].renderer.index;
        let own: Vec<Job> = self
            .edits
            .iter()
            .filter_map(|e| own_job(index, e))
            .collect();
        for (lang, w) in work.iter().enumerate() {
            for job in &own {
                if lang > 0 && !job.translated() {
                    continue;
                }
                let (page, raw) = render::render_raw(&w.renderer, job)?;
                let page = RenderedPage {
                    hash: hash_of(&raw),
                    ..page
                };
                sink.put(&page.file, w.renderer.finish(raw))?;
                self.own.insert((lang, job.clone()));
                self.fresh.insert((lang, job.clone()), page);
            }
        }
        self.report.own_pages = self.started.elapsed();
        Ok(())
    }

    /// Every page that may show the saved entries, keeping (and minifying) only those that
    /// changed.
    fn render(
        &mut self,
        work: &mut [Work<'_>],
        sink: &dyn Sink,
    ) -> Result<Vec<RenderedPage>, BuildError> {
        let previous: HashMap<(usize, &Job), &RenderedPage> = self
            .previous
            .iter()
            .map(|p| ((p.lang, &p.job), p))
            .collect();
        let related = related_jobs(work[0].renderer.index, &self.edits);
        let again: Vec<(&render::Renderer, &Job)> = render::each(&*work)
            .filter(|(r, j)| {
                !self.own.contains(&(r.lang.index, (*j).clone()))
                    && (!j.is_entry() || related.contains(j))
            })
            .collect();
        self.report.rendered = self.own.len() + again.len();
        let redone: Vec<(RenderedPage, bool)> = again
            .par_iter()
            .map(|(renderer, job)| {
                let (page, raw) = render::render_raw(renderer, job)?;
                let hash = hash_of(&raw);
                let same = previous
                    .get(&(renderer.lang.index, *job))
                    .is_some_and(|p| p.hash == hash && p.file == page.file);
                if !same {
                    sink.put(&page.file, renderer.finish(raw))?;
                }
                Ok((RenderedPage { hash, ..page }, !same))
            })
            .collect::<Result<_, BuildError>>()?;
        for (page, changed) in redone {
            self.report.changed += usize::from(changed);
            self.fresh.insert((page.lang, page.job.clone()), page);
        }
        let pages = render::each(&*work)
            .map(
                |(r, job)| match self.fresh.remove(&(r.lang.index, job.clone())) {
                    Some(page) => page,
                    None => match previous.get(&(r.lang.index, job)) {
                        Some(page) => (*page).clone(),
                        None => unreachable!("an entry's job is rendered or kept: {job:?}"),
                    },
                },
            )
            .collect();
        Ok(pages)
    }
}

fn find<T>(items: &[T], slug: &str, key: impl Fn(&T) -> &String) -> Option<usize> {
    items.binary_search_by(|x| key(x).as_str().cmp(slug)).ok()
}

/// Puts `new` in the place of the entry of the same slug; returns the old one.
fn replace<T>(items: &mut [T], new: T, key: impl Fn(&T) -> &String) -> T {
    let i = find(items, key(&new), &key).expect("only known entries are updated");
    std::mem::replace(&mut items[i], new)
}

/// The page of the entry itself.
fn own_job(index: &Index, edit: &Edit) -> Option<Job> {
    Some(match edit.kind {
        Kind::Association => Job::Association(index.find_association(&edit.slug)?),
        Kind::VolunteerCall => Job::Call(index.find_call(&edit.slug)?),
        Kind::Resource => Job::Resource(index.find_resource(&edit.slug)?),
        Kind::Page => return None,
    })
}

/// The entry pages that show something of the edited entries: an association's page
/// lists its calls and listings; calls and listings show their association; a listing
/// shows the nearest listings of the other kind in its category, whose distances depend on
/// their associations' places.
fn related_jobs(index: &Index, edits: &[Edit]) -> HashSet<Job> {
    let mut associations = BTreeSet::new();
    let mut categories = BTreeSet::new();
    for e in edits {
        for entry in [&e.before, &e.after] {
            match entry {
                Entry::Association(a) => {
                    associations.insert(a.slug.clone());
                    categories.extend(
                        index
                            .resources_of(&a.slug)
                            .iter()
                            .map(|&r| index.resource(r).category),
                    );
                }
                Entry::VolunteerCall(x) => {
                    associations.insert(x.association.clone());
                }
                Entry::Resource(r) => {
                    associations.insert(r.association.clone());
                    categories.insert(r.category);
                }
                Entry::Page(_) => {}
            }
        }
    }
    let mut jobs = HashSet::new();
    for (id, a) in index.associations() {
        if associations.contains(&a.slug) {
            jobs.insert(Job::Association(id));
        }
    }
    for (id, x) in index.calls() {
        if associations.contains(&x.association) {
            jobs.insert(Job::Call(id));
        }
    }
    for (id, r) in index.resources() {
        if associations.contains(&r.association) || categories.contains(&r.category) {
            jobs.insert(Job::Resource(id));
        }
    }
    jobs
}
