//! The pipeline of a build: load → check → index → render → write.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::dates::ChangeDates;
use crate::error::BuildError;
use crate::load;
use crate::render::map::Outline;
use crate::render::pages::RenderedPage;
use crate::render::urls::Urls;
use crate::render::{Renderer, Theme};
use crate::site::Site;
use crate::write::{Sink, Staging};

/// What `portal build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    /// The build date: what is past is archived, relative to it.
    pub today: Date,
}

/// What a build did, for the terminal.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub associations: usize,
    pub calls: usize,
    pub resources: usize,
    /// Time per stage, in pipeline order.
    pub stages: Vec<(&'static str, Duration)>,
    /// What the forms need to know of the site built: its settings and its entries.
    pub forms: Option<portal_forms::api::SiteState>,
}

impl BuildReport {
    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }
}

/// Checks the content only, writing nothing.
pub fn check(root: &Path) -> Result<load::Content, BuildError> {
    load::load(root)
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
    pub site: Site,
    pub theme: Theme,
    pub outline: Outline,
    /// Every page, in job order, with the hash of its HTML before minifying.
    pub pages: Vec<RenderedPage>,
}

/// A full build. With `track`, pages are hashed so that a later rebuild can tell which
/// ones came out the same.
pub fn build_site(
    options: &BuildOptions,
    sink: &dyn Sink,
    track: bool,
) -> Result<(BuildReport, Built), BuildError> {
    let mut report = BuildReport::default();
    let mut clock = Instant::now();
    let mut lap = |report: &mut BuildReport, stage: &'static str| {
        report.stages.push((stage, clock.elapsed()));
        clock = Instant::now();
    };

    let content = load::load(&options.root)?;
    lap(&mut report, "load and check");

    let urls = Urls::new(&content.config.base_url);
    let theme = Theme::load(&options.root, &content.config.theme, &urls)?;
    let changes = ChangeDates::from_git(&options.root, options.today);
    report.forms = Some(forms_state(&content, &options.root));
    let site = Site::new(content, options.today, changes);
    lap(&mut report, "index");

    let outline = outline(&options.root, &site.content.data);
    let mut renderer = Renderer::new(&site, &theme, urls);
    renderer.outline = outline.clone();
    let jobs = renderer.jobs();
    // Feeds, open data and the search index need the content, not the pages: they are
    // made while the pages render, and fill the cores the pages' tail leaves idle.
    let (pages, outputs) = rayon::join(
        || renderer.render_jobs(&jobs, sink, track),
        || renderer.write_outputs(sink),
    );
    let (pages, outputs) = (pages?, outputs?);
    lap(&mut report, "pages, feeds, data and search");

    let page_urls: Vec<String> = pages.iter().map(|p| p.url.clone()).collect();
    renderer.write_sitemap(sink, &page_urls)?;
    for (path, bytes) in &theme.files {
        sink.put(path, bytes.clone())?;
    }
    if let Some(forms) = &report.forms {
        sink.put(
            "donnees/formulaires.json",
            forms_file(forms, &options.root)?,
        )?;
    }
    report.counts(&site, pages.len(), outputs + 2 + theme.files.len());
    lap(&mut report, "sitemap and assets");
    renderer.drop_aside();
    Ok((
        report,
        Built {
            site,
            theme,
            outline,
            pages,
        },
    ))
}

impl BuildReport {
    pub(crate) fn counts(&mut self, site: &Site, pages: usize, other_files: usize) {
        self.associations = site.content.associations.len();
        self.calls = site.content.calls.len();
        self.resources = site.content.resources.len();
        self.pages = pages;
        self.files = pages + other_files;
    }
}

/// The settings and slugs the form functions check submissions against.
pub fn forms_state(content: &load::Content, root: &Path) -> portal_forms::api::SiteState {
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
    }
}

/// The first GeoJSON file of `content/data/` with polygons, drawn under the maps.
fn outline(root: &Path, data: &[PathBuf]) -> Outline {
    data.iter()
        .filter(|p| p.extension().is_some_and(|e| e == "geojson" || e == "json"))
        .filter_map(|p| std::fs::read_to_string(root.join("content/data").join(p)).ok())
        .find_map(|text| crate::render::map::Outline::from_geojson(&text))
        .unwrap_or_default()
}

/// What the form functions on Lambda load at start: `site.toml` as written and the slugs
/// that exist (all public already), so that they check submissions as the build does.
fn forms_file(state: &portal_forms::api::SiteState, root: &Path) -> Result<Vec<u8>, BuildError> {
    let path = root.join("site.toml");
    let site_toml =
        std::fs::read_to_string(&path).map_err(|source| BuildError::Io { path, source })?;
    Ok(portal_forms::state::StateFile::new(site_toml, state).to_json())
}

/// Refuses an output folder that holds, or is inside, the site's own sources: swapping it
/// would destroy them.
fn refuse_dangerous_output(root: &Path, output: &Path) -> Result<(), BuildError> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let out = abs(output);
    let root = abs(root);
    let sources = [root.clone(), root.join("content"), root.join("themes")];
    for s in &sources {
        if s.starts_with(&out) || out.starts_with(s) && s != &root {
            return Err(BuildError::Template(format!(
                "le dossier de sortie {} contiendrait ou remplacerait les sources du site ({}) : choisissez-en un autre",
                out.display(),
                s.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_may_not_replace_sources() {
        let root = Path::new("/tmp/site");
        assert!(refuse_dangerous_output(root, Path::new("/tmp/site")).is_err());
        assert!(refuse_dangerous_output(root, Path::new("/tmp")).is_err());
        assert!(refuse_dangerous_output(root, Path::new("/tmp/site/content/x")).is_err());
        assert!(refuse_dangerous_output(root, Path::new("/tmp/site/public")).is_ok());
    }
}
