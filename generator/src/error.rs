//! The ways a build fails, each said so that the person at the keyboard can act on it.

use std::fmt;
use std::path::{Path, PathBuf};

use portal_model::Problem;

/// The problems of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblems {
    /// The file, relative to the site's root (`content/associations/x.md`).
    pub file: String,
    /// Each problem, in the order of the file.
    pub problems: Vec<Problem>,
}

impl fmt::Display for FileProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            // Problems about the file itself (its name, its folder) have no position.
            if p.at.line == 0 {
                write!(f, "{}: {}", self.file, p.message())?;
            } else {
                write!(
                    f,
                    "{}:{}:{}: {}",
                    self.file,
                    p.at.line,
                    p.at.column,
                    p.message()
                )?;
            }
        }
        Ok(())
    }
}

/// Why a build, a check or `portal new` stopped: one variant per cause, with the error that
/// caused it kept as its source. Each message is whole (it names the file or folder and says
/// what to do), so that the command line prints it alone.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Content that breaks the contract; every problem of the build at once.
    #[error("{}", content_report(.0))]
    Content(Vec<FileProblems>),
    /// A file or folder that cannot be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        #[source]
        /// What the system said.
        source: std::io::Error,
    },
    /// The theme `site.toml` names is not the built-in one and has no folder under
    /// `themes/`.
    #[error(
        "le thème « {name} » (site.toml, clé theme) n'existe pas : dossier {} introuvable (le thème intégré s'appelle « default » ; « portal theme export » en écrit une copie à modifier)",
        .folder.display()
    )]
    ThemeMissing {
        /// The theme's name.
        name: String,
        /// The folder looked for.
        folder: PathBuf,
    },
    /// A template of the site's theme that is not UTF-8 text.
    #[error("thème : {} n'est pas un texte UTF-8", .file.display())]
    TemplateNotText {
        /// The template's file.
        file: PathBuf,
    },
    /// `portal theme export` never overwrites a file.
    #[error(
        "{} existe déjà : rien n'a été écrit (exportez dans un dossier vide, ou retirez ces fichiers)",
        .0.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    ExportExists(Vec<PathBuf>),
    /// `portal theme export --file` for a file the built-in theme does not have.
    #[error(
        "le thème intégré n'a pas de fichier « {file} »{}",
        .suggestion.as_ref().map(|s| format!(" ; vouliez-vous dire « {s} » ?")).unwrap_or_default()
    )]
    NotInTheme {
        /// The path asked for.
        file: String,
        /// The closest path the theme has.
        suggestion: Option<String>,
    },
    /// A folder of the theme that cannot be walked.
    #[error("thème : {0}")]
    ThemeFolder(#[source] walkdir::Error),
    /// A theme template that does not compile.
    #[error("thème : {}", error_chain(.0))]
    Template(#[source] tera::Error),
    /// A theme template that fails to render a page or a feed.
    #[error("thème : {template} : {}", error_chain(.source))]
    Render {
        /// The template's name (`association.html`).
        template: String,
        #[source]
        /// Tera's error, with the line.
        source: tera::Error,
    },
    /// The output folder is, holds or lies in the site's sources: replacing it with the
    /// built site, as every build does, would destroy them.
    #[error("{}", output_clash(.output, .sources, *.folder, *.overlap))]
    OutputOverSources {
        /// The output folder asked for.
        output: PathBuf,
        /// The folder of sources it overlaps.
        sources: PathBuf,
        /// Which folder of the sources.
        folder: SourceFolder,
        /// How they overlap.
        overlap: Overlap,
    },
    /// The output folder holds files that no build wrote: a build never replaces them.
    #[error(
        "le dossier de sortie {} existe et n'a pas été créé par portal build : choisissez un autre dossier avec --output, ou videz-le",
        .0.display()
    )]
    OutputNotABuild(PathBuf),
    /// A file of the built site whose path would leave the output folder.
    #[error("chemin de sortie refusé : « {0} » sortirait du dossier du site")]
    OutputPathOutside(String),
    /// `portal new` was given a file name that is not a slug.
    #[error(
        "« {slug} » n'est pas un identifiant valide (minuscules, chiffres et tirets simples) : rien n'a été écrit{}",
        .suggestion.as_ref().map(|s| format!(" ; essayez « {s} »")).unwrap_or_default()
    )]
    NotASlug {
        /// The name given.
        slug: String,
        /// The slug made of it, when it has letters or digits.
        suggestion: Option<String>,
    },
    /// `portal new` never overwrites a file (nor writes through a link).
    #[error("{} existe déjà : rien n'a été écrit", .0.display())]
    AlreadyExists(PathBuf),
    /// `portal new` for a call or a listing needs an association to name.
    #[error(
        "aucune association dans content/associations/ : créez-en une d'abord avec « portal new association SLUG »"
    )]
    NoAssociation,
}

/// Which folder of the sources an output folder overlaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFolder {
    /// The site's folder, holding `site.toml`.
    Site,
    /// `content/`.
    Content,
    /// `themes/`.
    Themes,
}

/// How an output folder overlaps a folder of the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlap {
    /// It is that folder.
    Is,
    /// It holds that folder.
    Holds,
    /// It lies inside that folder.
    Inside,
}

fn output_clash(output: &Path, sources: &Path, folder: SourceFolder, overlap: Overlap) -> String {
    let what = match folder {
        SourceFolder::Site => "le dossier du site",
        SourceFolder::Content => "le dossier content/ du site",
        SourceFolder::Themes => "le dossier themes/ du site",
    };
    let (out, sources) = (output.display(), sources.display());
    match overlap {
        Overlap::Is => format!(
            "le dossier de sortie {out} est {what} : le remplacer par le site construit l'effacerait ; choisissez-en un autre avec --output"
        ),
        Overlap::Holds => format!(
            "le dossier de sortie {out} contient {what} ({sources}) : le remplacer par le site construit l'effacerait ; choisissez-en un autre avec --output"
        ),
        Overlap::Inside => format!(
            "le dossier de sortie {out} est dans {what} ({sources}) : le site construit s'y mêlerait aux sources ; choisissez-en un autre avec --output"
        ),
    }
}

impl BuildError {
    /// Maps an I/O error on `path` into a build error.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> BuildError {
        let path = path.into();
        move |source| BuildError::Io { path, source }
    }

    /// How many problems the error holds (1 but for content).
    pub fn count(&self) -> usize {
        match self {
            BuildError::Content(files) => files.iter().map(|f| f.problems.len()).sum(),
            _ => 1,
        }
    }
}

fn content_report(files: &[FileProblems]) -> String {
    let count: usize = files.iter().map(|f| f.problems.len()).sum();
    let mut out = String::new();
    for f in files {
        out.push_str(&f.to_string());
        out.push('\n');
    }
    let plural = |n: usize| if n > 1 { "s" } else { "" };
    let n = files.len();
    out.push_str(&format!(
        "Contenu refusé : {count} problème{} dans {n} fichier{}.",
        plural(count),
        plural(n)
    ));
    out
}

impl From<tera::Error> for BuildError {
    fn from(e: tera::Error) -> Self {
        BuildError::Template(e)
    }
}

/// An error and all its causes on one line: tera's chain holds the template, the line and
/// the cause, all needed to fix a theme.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message.push_str(" : ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}
