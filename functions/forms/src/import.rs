//! `portal import`: approved submissions become content files, written as an editor would,
//! each marked imported with a conditional write so that two runs never import twice.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use portal_model::{Context, Draft, Entry, Kind, SiteConfig};

use crate::rules::{RuleError, Submissions};

/// One file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The id of the submission written.
    pub submission: String,
    /// Relative to the site's root: `content/ressources/pommes.md`.
    pub file: String,
    /// A change rewrote an existing file.
    pub replaced: bool,
}

/// Why an import stopped. The files written before stay, and their submissions stay marked.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Reading or marking the submissions failed, or a rule refused the mark.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// A content file cannot be written (its submission is marked imported already).
    #[error("{file} : {source}")]
    Write {
        /// The file, relative to the site's root.
        file: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// Approved, but no longer valid against today's content (an association removed…).
    #[error("la proposition {id} ne donne pas un fichier valide : {problems}")]
    Invalid {
        /// The submission's id.
        id: String,
        /// Each problem of the file it would give, joined with ` ; `.
        problems: String,
    },
}

/// Imports every approved submission not yet imported into `root/content/`.
pub async fn import(
    submissions: &Submissions,
    root: &Path,
    site: &SiteConfig,
    existing: impl Fn(Kind) -> BTreeSet<String>,
    today: Date,
) -> Result<Vec<Imported>, ImportError> {
    let mut done = Vec::new();
    let mut after: Option<String> = None;
    let mut associations = existing(Kind::Association);
    loop {
        let page = submissions.importable(after.as_deref(), 100).await?;
        for sub in &page.items {
            let kind = sub.kind.kind();
            let draft = Draft {
                kind: sub.kind,
                target: sub.target.clone(),
                fields: sub.fields.clone(),
                body: sub.body.clone(),
                contact_email: String::new(),
            };
            let mut taken = existing(kind);
            if kind == Kind::Association {
                taken.extend(associations.iter().cloned());
            }
            let slug = draft.slug(&taken);
            let text = draft.to_markdown(today);
            // What is written must build: decode it as the generator will.
            let cx = Context {
                site,
                associations: &associations,
            };
            if let Err(problems) = Entry::decode(kind, &slug, &text, &cx) {
                let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                return Err(ImportError::Invalid {
                    id: sub.id.clone(),
                    problems: problems.join(" ; "),
                });
            }
            let rel = format!("content/{}/{slug}.md", kind.folder());
            let path: PathBuf = root.join(&rel);
            let replaced = path.exists();
            // Marked first: if the write then fails, the editor sees the error and the
            // submission is not imported twice by a later run.
            submissions.mark_imported(&sub.id, &rel).await?;
            write(&path, &text).map_err(|source| ImportError::Write {
                file: rel.clone(),
                source,
            })?;
            if kind == Kind::Association {
                associations.insert(slug);
            }
            done.push(Imported {
                submission: sub.id.clone(),
                file: rel,
                replaced,
            });
        }
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    Ok(done)
}

/// Writes through a temporary file and a rename, so that a file is never half written.
fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().expect("content files are in a folder");
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".import-{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}
