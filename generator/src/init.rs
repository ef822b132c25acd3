//! `portal init`: a new territory's site that builds as it is, from a French department
//! (its outline built into the binary) or from any box: `site.toml`, the three free pages,
//! the outline with its licence and credit, and a guide for the territory's editors.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use portal_model::SiteConfig;
use portal_model::checks::slugify;
use portal_model::site::Bounds;

use crate::departments::{self, Department};

/// The territory of a new site.
#[derive(Debug, Clone)]
pub struct Territory {
    /// Its name, as the pages say it.
    pub name: String,
    /// The box every place must lie in.
    pub bounds: Bounds,
    /// The department it is, when it is one: its outline goes to `content/data/`.
    pub department: Option<Department>,
}

/// Why `portal init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// No department has that code or name.
    #[error(
        "aucun département ne s'appelle ni n'a pour code « {query} »{} (départements de métropole seulement, 01 à 95, 2A et 2B ; sinon --bounds et --name)",
        .suggestion.as_ref().map(|s| format!(" ; vouliez-vous dire « {s} » ?")).unwrap_or_default()
    )]
    UnknownDepartment {
        /// What was asked for.
        query: String,
        /// The closest department.
        suggestion: Option<String>,
    },
    /// Neither `--department` nor `--bounds`, or bounds without a name.
    #[error("{0}")]
    Usage(&'static str),
    /// Bounds that are not four numbers, or not in order.
    #[error(
        "--bounds « {0} » : attendu LAT_MIN,LON_MIN,LAT_MAX,LON_MAX en degrés décimaux, les minimums avant les maximums (ex. 43.49,-1.53,44.54,0.14)"
    )]
    Bounds(String),
    /// The folder already holds a site.
    #[error("{} existe déjà : rien n'a été écrit (choisissez un dossier vide ou nouveau)", .0.display())]
    Exists(PathBuf),
    /// A file that cannot be written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        #[source]
        /// What the system said.
        source: std::io::Error,
    },
    /// The settings written would not be read back (a name that breaks the TOML).
    #[error("site.toml écrit refusé : {0}")]
    Settings(String),
}

impl Territory {
    /// The territory of `--department` (a code or a name), with `name` instead of the
    /// department's own when given.
    pub fn department(query: &str, name: Option<String>) -> Result<Territory, InitError> {
        let department =
            departments::find(query).map_err(|suggestion| InitError::UnknownDepartment {
                query: query.to_string(),
                suggestion,
            })?;
        Ok(Territory {
            name: name.unwrap_or_else(|| department.name.clone()),
            bounds: department.bounds(),
            department: Some(department),
        })
    }

    /// A territory of any shape: its box (`LAT_MIN,LON_MIN,LAT_MAX,LON_MAX`) and its name.
    pub fn bounds(bounds: &str, name: Option<String>) -> Result<Territory, InitError> {
        let name = name.ok_or(InitError::Usage(
            "--bounds demande aussi --name, le nom du territoire tel que les pages le disent",
        ))?;
        let numbers: Vec<f64> = bounds
            .split(',')
            .map(|n| n.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| InitError::Bounds(bounds.to_string()))?;
        let [lat0, lon0, lat1, lon1] = numbers[..] else {
            return Err(InitError::Bounds(bounds.to_string()));
        };
        let ok = lat0 < lat1
            && lon0 < lon1
            && [lat0, lat1].iter().all(|l| (-90.0..=90.0).contains(l))
            && [lon0, lon1].iter().all(|l| (-180.0..=180.0).contains(l));
        if !ok {
            return Err(InitError::Bounds(bounds.to_string()));
        }
        Ok(Territory {
            name,
            bounds: Bounds([[lat0, lon0], [lat1, lon1]]),
            department: None,
        })
    }
}

/// The files of a new site, as (path relative to its folder, text).
pub fn files(
    territory: &Territory,
    title: Option<&str>,
) -> Result<Vec<(String, String)>, InitError> {
    let title = title
        .map(str::to_string)
        .unwrap_or_else(|| format!("Portail des solidarités — {}", territory.name));
    let [[lat0, lon0], [lat1, lon1]] = territory.bounds.0;
    let frame = match &territory.department {
        Some(d) => format!(
            "# Le cadre du contour du département (content/data/{}), avec une marge d'environ 1 km.\nbounds = [[{lat0}, {lon0}], [{lat1}, {lon1}]]",
            d.file_name()
        ),
        None => format!("bounds = [[{lat0}, {lon0}], [{lat1}, {lon1}]]"),
    };
    let fill = |template: &str| {
        template
            .replace("{{titre}}", &title)
            .replace("{{territoire}}", &territory.name)
            .replace(
                "{{hote}}",
                &format!("solidarites-{}", slugify(&territory.name)),
            )
            .replace("{{cadre}}", &frame)
    };
    // In TOML, the title and the name are basic strings: quotes and backslashes escaped.
    let toml_text = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let site_toml = include_str!("../init/site.toml")
        .replace("{{titre}}", &toml_text(&title))
        .replace("{{territoire}}", &toml_text(&territory.name));
    let site_toml = fill(&site_toml);
    SiteConfig::parse(&site_toml).map_err(|problems| {
        InitError::Settings(
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(" ; "),
        )
    })?;
    let mut out = vec![
        ("site.toml".to_string(), site_toml),
        (
            "GUIDE.md".to_string(),
            fill(include_str!("../init/GUIDE.md")),
        ),
        (
            "content/pages/a-propos.md".to_string(),
            fill(include_str!("../init/a-propos.md")),
        ),
        (
            "content/pages/mentions-legales.md".to_string(),
            fill(include_str!("../init/mentions-legales.md")),
        ),
        (
            "content/pages/accessibilite.md".to_string(),
            fill(include_str!("../init/accessibilite.md")),
        ),
        (
            ".gitignore".to_string(),
            "/public\n/public.*\n/.portal\n/schemas\n".to_string(),
        ),
    ];
    if let Some(d) = &territory.department {
        out.push((
            format!("content/data/{}", d.file_name()),
            d.outline_geojson(),
        ));
    }
    Ok(out)
}

/// Writes a new site into `dir` (created if needed); refuses, writing nothing, if any of its
/// files or `content/` is already there. Returns the files written.
pub fn init(
    dir: &Path,
    territory: &Territory,
    title: Option<&str>,
) -> Result<Vec<PathBuf>, InitError> {
    let files = files(territory, title)?;
    let taken = std::iter::once("content")
        .chain(files.iter().map(|(rel, _)| rel.as_str()))
        .map(|rel| dir.join(rel))
        .find(|p| p.symlink_metadata().is_ok());
    if let Some(path) = taken {
        return Err(InitError::Exists(path));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    let mut written = Vec::new();
    for folder in [
        "content/associations",
        "content/benevolat",
        "content/ressources",
    ] {
        fs::create_dir_all(dir.join(folder)).map_err(io(&dir.join(folder)))?;
    }
    for (rel, text) in files {
        let path = dir.join(&rel);
        let parent = path.parent().expect("a file of the site has a folder");
        fs::create_dir_all(parent).map_err(io(parent))?;
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(io(&path))?;
        written.push(path);
    }
    // The schemas the files of `portal new` point to, so that an IDE checks them at once.
    let schemas = crate::schemas::write(dir, &dir.join(crate::schemas::FOLDER))
        .map_err(|e| InitError::Settings(e.to_string()))?;
    written.extend(schemas);
    Ok(written)
}
