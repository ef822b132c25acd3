//! The pipeline of every build: load → index → render and outputs → write. A full build
//! and `portal serve`'s update of a few entries (see [`crate::incremental`]) run the same
//! stages, in `run`; a `Plan` says what differs: what is loaded, which pages are
//! rendered.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::dates::{self, ChangeDates};
use crate::error::{BuildError, Overlap, SourceFolder};
use crate::i18n::Languages;
use crate::index::Index;
use crate::load;
use crate::outputs::{
    self,
    sitemap::{self, Listed},
};
use crate::render::{self, RenderedPage, Renderer, Work};
use crate::templates::Templates;
use crate::theme::Theme;
use crate::urls::Urls;
use crate::write::{Sink, Staging};

/// What `portal build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder (holding `site.toml` and `content/`).
    pub root: PathBuf,
    /// Where the built site goes.
    pub output: PathBuf,
    /// The build date: what is past is archived, relative to it. None: today in the time
    /// zone of `site.toml` (read by the build, once).
    pub today: Option<Date>,
}

/// What a build did, for the terminal.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// HTML pages written.
    pub pages: usize,
    /// Files written, pages included.
    pub files: usize,
    /// Associations built.
    pub associations: usize,
    /// Calls for volunteers built.
    pub calls: usize,
    /// Resource listings built.
    pub resources: usize,
    /// Time per stage, in pipeline order.
    pub stages: Vec<(&'static str, Duration)>,
    /// What the forms need to know of the site built: its settings and its entries.
    pub forms: Option<portal_forms::api::SiteState>,
}

impl BuildReport {
    /// The time of all stages.
    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }
}

/// Checks the content and the theme's catalogues of the site's languages, writing
/// nothing.
pub fn check(root: &Path) -> Result<load::Content, BuildError> {
    let content = load::load(root)?;
    let urls = Urls::new(&content.config.base_url);
    let theme = Theme::load(root, &content.config.theme, &urls)?;
    Languages::new(&content.config, &theme)?;
    crate::i18n::refuse_clashes(&content.config, &content.pages)?;
    Ok(content)
}

/// What the catalogue check found, for `portal check` of a site with several languages:
/// `Catalogues complets : 9 langues (fr, en, …), 120 messages chacune.` None for a site
/// of one language. Run after [`check`], which refuses incomplete catalogues.
pub fn catalogues_summary(
    root: &Path,
    config: &portal_model::SiteConfig,
) -> Result<Option<String>, BuildError> {
    let urls = Urls::new(&config.base_url);
    let theme = Theme::load(root, &config.theme, &urls)?;
    let languages = Languages::new(config, &theme)?;
    if !languages.several() {
        return Ok(None);
    }
    let codes: Vec<&str> = languages.0.iter().map(|l| l.code.as_str()).collect();
    Ok(Some(format!(
        "Catalogues complets : {} langues ({}), {} messages chacune.",
        codes.len(),
        codes.join(", "),
        languages.default_lang().catalogue.keys.len()
    )))
}

/// Builds the site into `options.output`, replacing the previous build only on success.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    refuse_dangerous_output(&options.root, &options.output)?;
    let staging = Staging::new(&options.output)?;
    let report = build_into(options, &staging)?;
    staging.commit()?;
    Ok(report)
}

/// Builds the site into any sink (a staging folder, or memory for `portal serve`).
pub fn build_into(options: &BuildOptions, sink: &dyn Sink) -> Result<BuildReport, BuildError> {
    let (report, built) = build_site(options, sink, false)?;
    // Freeing a large site's millions of strings takes a while (about 3 % of a build of
    // 100,000 entries): done aside, and `portal build` exits without waiting for it.
    std::thread::spawn(move || drop(built));
    Ok(report)
}

/// What a build leaves behind for the next one to reuse (see [`crate::incremental`]).
pub struct Built {
    /// The index the pages were rendered from.
    pub index: Index,
    /// The theme they were rendered with.
    pub theme: Theme,
    /// Every page, in job order, with the hash of its HTML before minifying.
    pub pages: Vec<RenderedPage>,
    /// Every other file the build wrote, in the order of its stages: the outputs (feeds,
    /// data, search index), the sitemap, the theme's files and the forms' state.
    pub others: Vec<String>,
}

impl Built {
    /// Every file of the built site: its pages and the others.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.pages
            .iter()
            .map(|p| p.file.as_str())
            .chain(self.others.iter().map(String::as_str))
    }
}

/// A full build. With `track`, pages are hashed so that a later rebuild can tell which
/// ones came out the same.
pub fn build_site(
    options: &BuildOptions,
    sink: &dyn Sink,
    track: bool,
) -> Result<(BuildReport, Built), BuildError> {
    let mut full = Full { options, track };
    run(&mut full, options, sink, &mut || {})
}

/// What the load stage hands over: the checked content, the build date, the theme and the
/// history.
pub(crate) struct Loaded {
    pub content: load::Content,
    pub today: Date,
    pub theme: Theme,
    pub changes: ChangeDates,
}

/// What differs between a full build and an update of a few entries: what the load stage
/// reads, and which pages the render stage renders. Everything else is [`run`]'s.
pub(crate) trait Plan: Send {
    /// The load stage.
    fn load(&mut self) -> Result<Loaded, BuildError>;

    /// Renders into `sink` the pages to hand over before all others (an update's saved
    /// entries); none for a full build. The outputs have not started yet.
    fn first(&mut self, _work: &[Work<'_>], _sink: &dyn Sink) -> Result<(), BuildError> {
        Ok(())
    }

    /// Renders the pages of every language into `sink` while the outputs are made;
    /// returns every page of the build, in the order of `work`.
    fn render(
        &mut self,
        work: &mut [Work<'_>],
        sink: &dyn Sink,
    ) -> Result<Vec<RenderedPage>, BuildError>;
}

/// Every page rendered and written, from everything on disk.
struct Full<'a> {
    options: &'a BuildOptions,
    track: bool,
}

impl Plan for Full<'_> {
    fn load(&mut self) -> Result<Loaded, BuildError> {
        let root = &self.options.root;
        let content = load::load(root)?;
        let today = self
            .options
            .today
            .unwrap_or_else(|| dates::today_in(&content.config));
        let urls = Urls::new(&content.config.base_url);
        let theme = Theme::load(root, &content.config.theme, &urls)?;
        let changes = ChangeDates::from_git(root, today);
        Ok(Loaded {
            content,
            today,
            theme,
            changes,
        })
    }

    fn render(
        &mut self,
        work: &mut [Work<'_>],
        sink: &dyn Sink,
    ) -> Result<Vec<RenderedPage>, BuildError> {
        render::render_jobs(work, sink, self.track)
    }
}

/// The stages of every build, in order, in one place (mdBook's `execute_build_process` is
/// the model): load → index → render and outputs → write what remains. `handover` is called
/// once the plan's first pages are in `sink`.
pub(crate) fn run(
    plan: &mut dyn Plan,
    options: &BuildOptions,
    sink: &dyn Sink,
    handover: &mut dyn FnMut(),
) -> Result<(BuildReport, Built), BuildError> {
    let mut report = BuildReport::default();
    let mut clock = Instant::now();
    let mut lap = |report: &mut BuildReport, stage: &'static str| {
        report.stages.push((stage, clock.elapsed()));
        clock = Instant::now();
    };

    let Loaded {
        content,
        today,
        theme,
        changes,
    } = plan.load()?;
    let languages = Languages::new(&content.config, &theme)?;
    crate::i18n::refuse_clashes(&content.config, &content.pages)?;
    lap(&mut report, "load and check");

    let index = Index::new(content, today, changes);
    let urls = Urls::new(&index.content.config.base_url);
    let templates: Vec<Templates> = languages
        .0
        .iter()
        .map(|l| Templates::new(&theme, &index, &urls.in_language(&l.prefix), l, &languages))
        .collect();
    lap(&mut report, "index");

    let jobs = render::jobs::all(&index);
    // The default language has every page; each other one, the public's pages.
    let mut work: Vec<Work> = languages
        .0
        .iter()
        .zip(&templates)
        .map(|(l, t)| Work {
            renderer: Renderer::new(&index, t, urls.in_language(&l.prefix), l, &languages),
            jobs: if l.index == 0 {
                jobs.clone()
            } else {
                jobs.iter().filter(|j| j.translated()).cloned().collect()
            },
        })
        .collect();
    plan.first(&work, sink)?;
    handover();
    // Feeds, open data and the search index need the content, not the pages: they are
    // made while the pages render, and fill the cores the pages' tail leaves idle.
    let (pages, outputs) = rayon::join(
        || plan.render(&mut work, sink),
        || outputs::write(&index, &templates[0], &urls, sink),
    );
    let (pages, mut others) = (pages?, outputs?);
    lap(&mut report, "pages, feeds, data and search");

    let listed = pages.iter().map(|p| Listed {
        url: &p.url,
        noindex: p.noindex,
        translated: p.job.translated(),
    });
    for (path, bytes) in sitemap::sitemap(&templates[0], &urls, &languages, listed)? {
        sink.put(&path, bytes)?;
        others.push(path);
    }
    report.forms = Some(forms_state(&index.content, &options.root, index.today));
    for (path, bytes) in &theme.files {
        sink.put(path, bytes.clone())?;
        others.push(path.clone());
    }
    if let Some(forms) = &report.forms {
        sink.put(FORMS_STATE, forms_file(forms, &index.content.site_toml))?;
        others.push(FORMS_STATE.to_string());
    }
    report.counts(&index, pages.len(), others.len());
    lap(&mut report, "sitemap and assets");
    for w in work {
        w.renderer.drop_aside();
    }
    let built = Built {
        index,
        theme,
        pages,
        others,
    };
    Ok((report, built))
}

impl BuildReport {
    fn counts(&mut self, index: &Index, pages: usize, other_files: usize) {
        self.associations = index.content.associations.len();
        self.calls = index.content.calls.len();
        self.resources = index.content.resources.len();
        self.pages = pages;
        self.files = pages + other_files;
    }
}

/// Where the form functions find what the build knows of the site.
const FORMS_STATE: &str = "donnees/formulaires.json";

/// The settings and slugs the form functions check submissions against.
pub fn forms_state(
    content: &load::Content,
    root: &Path,
    today: Date,
) -> portal_forms::api::SiteState {
    use portal_model::Kind;
    let slugs = |kind: Kind, slugs: Vec<&String>| (kind, slugs.into_iter().cloned().collect());
    portal_forms::api::SiteState {
        site: content.config.clone(),
        slugs: [
            slugs(
                Kind::Association,
                content.associations.iter().map(|a| &a.slug).collect(),
            ),
            slugs(
                Kind::VolunteerCall,
                content.calls.iter().map(|c| &c.slug).collect(),
            ),
            slugs(
                Kind::Resource,
                content.resources.iter().map(|r| &r.slug).collect(),
            ),
        ]
        .into_iter()
        .collect(),
        content_root: Some(root.join("content")),
        calls: content
            .calls
            .iter()
            .filter_map(|c| {
                portal_forms::state::CallPlan::of(c, today).map(|p| (c.slug.clone(), p))
            })
            .collect(),
        listings: content
            .resources
            .iter()
            .filter_map(|r| {
                portal_forms::state::ListingPlan::of(r, today).map(|p| (r.slug.clone(), p))
            })
            .collect(),
    }
}

/// What the form functions on Lambda load at start: `site.toml` as written and the slugs
/// that exist (all public already), so that they check submissions as the build does.
fn forms_file(state: &portal_forms::api::SiteState, site_toml: &str) -> Vec<u8> {
    portal_forms::state::StateFile::new(site_toml.to_string(), state).to_json()
}

/// Refuses an output folder that holds, or is inside, the site's own sources: swapping it
/// would destroy them.
fn refuse_dangerous_output(root: &Path, output: &Path) -> Result<(), BuildError> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let out = abs(output);
    let root = abs(root);
    let sources = [
        (SourceFolder::Site, root.clone()),
        (SourceFolder::Content, root.join("content")),
        (SourceFolder::Themes, root.join("themes")),
    ];
    for (folder, s) in sources {
        let overlap = if s == out {
            Overlap::Is
        } else if s.starts_with(&out) {
            Overlap::Holds
        } else if out.starts_with(&s) && folder != SourceFolder::Site {
            Overlap::Inside
        } else {
            continue;
        };
        return Err(BuildError::OutputOverSources {
            output: out,
            sources: s,
            folder,
            overlap,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_may_not_replace_sources() {
        let root = Path::new("/tmp/site");
        let refused = |output: &str| {
            refuse_dangerous_output(root, Path::new(output))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            refused("/tmp/site"),
            "le dossier de sortie /tmp/site est le dossier du site : le remplacer par le site \
             construit l'effacerait ; choisissez-en un autre avec --output"
        );
        assert_eq!(
            refused("/tmp"),
            "le dossier de sortie /tmp contient le dossier du site (/tmp/site) : le remplacer \
             par le site construit l'effacerait ; choisissez-en un autre avec --output"
        );
        assert_eq!(
            refused("/tmp/site/themes"),
            "le dossier de sortie /tmp/site/themes est le dossier themes/ du site : le remplacer \
             par le site construit l'effacerait ; choisissez-en un autre avec --output"
        );
        assert_eq!(
            refused("/tmp/site/content/x"),
            "le dossier de sortie /tmp/site/content/x est dans le dossier content/ du site \
             (/tmp/site/content) : le site construit s'y mêlerait aux sources ; choisissez-en un \
             autre avec --output"
        );
        assert!(refuse_dangerous_output(root, Path::new("/tmp/site/public")).is_ok());
    }
}
