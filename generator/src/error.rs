//! The ways a build fails, each said so that the person at the keyboard can act on it.

use std::fmt;
use std::path::PathBuf;

use portal_model::Problem;

/// The problems of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblems {
    /// The file, relative to the site's root (`content/associations/x.md`).
    pub file: String,
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

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Content that breaks the contract; every problem of the build at once.
    #[error("{}", content_report(.0))]
    Content(Vec<FileProblems>),
    /// A theme template that does not compile or render.
    #[error("thème : {0}")]
    Template(String),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl BuildError {
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> BuildError {
        let path = path.into();
        move |source| BuildError::Io { path, source }
    }

    /// How many problems the error holds (1 for a template or I/O error).
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
        BuildError::Template(error_chain(&e))
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
