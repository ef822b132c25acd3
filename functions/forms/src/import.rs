//! `portal import`: approved submissions become content files, written as an editor would.
//!
//! Nothing blocks the rest: a submission that cannot be written (its file does not build
//! against today's content, the entry it changes is gone or was edited since the decision)
//! is set aside with the reason, for a moderator to correct, send back or reject, and the
//! others are written. Each file is written in two marks: the submission is marked "being
//! written as FILE, with this text", the text is written to a temporary file outside
//! `content/` (in `scratch`, on the same file system) and renamed into place, then the
//! submission is marked imported. A run killed anywhere loses nothing: a submission is
//! marked imported only once its file is in place, `content/` never holds a temporary file,
//! and the next run finishes what a killed one staged (the same file, the same text)
//! instead of writing a second file.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use portal_model::{Context, Draft, Kind, SiteConfig};

use crate::rules::sources::sha256;
use crate::rules::{RuleError, Submissions};
use crate::store::{Staged, Submission};

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

/// One submission set aside, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The submission's id.
    pub submission: String,
    /// Why, for the moderators (also kept with the submission).
    pub reason: String,
    /// The file it changes was edited since the decision: nothing was written over it.
    pub conflict: bool,
}

/// What one run did: every file written, every submission set aside, and the failure that
/// stopped it, if one did (the files written before stay, and are listed).
#[derive(Debug, Default)]
pub struct Report {
    /// Files written, in order.
    pub written: Vec<Imported>,
    /// Submissions set aside, in order.
    pub set_aside: Vec<SetAside>,
    /// Why the run stopped before the end.
    pub failure: Option<ImportError>,
}

/// Why an import stopped. The files written before stay, and their submissions are marked.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Reading or marking the submissions failed.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// A content file cannot be written (its submission stays marked as being written: the
    /// next run writes it).
    #[error("{file} : écriture impossible ({source}) ; relancez l'import une fois la cause réglée")]
    Write {
        /// The file, relative to the site's root.
        file: String,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Where and how to import.
pub struct Target<'a> {
    /// The site's root, holding `content/`.
    pub root: &'a Path,
    /// The site's settings.
    pub site: &'a SiteConfig,
    /// The slugs of the entries that exist, by kind (from the content's check).
    pub existing: &'a BTreeMap<Kind, BTreeSet<String>>,
    /// The day written as an association's `updated`.
    pub today: Date,
    /// Where temporary files are written: outside `content/`, on its file system.
    pub scratch: &'a Path,
}

/// Imports every approved submission not yet imported into `root/content/`.
pub async fn import(submissions: &Submissions, target: &Target<'_>) -> Report {
    let mut report = Report::default();
    if let Err(e) = run(submissions, target, &mut report).await {
        report.failure = Some(e);
    }
    report
}

async fn run(
    submissions: &Submissions,
    target: &Target<'_>,
    report: &mut Report,
) -> Result<(), ImportError> {
    let mut queue = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = submissions.importable(after.as_deref(), 100).await?;
        queue.extend(page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    clear_scratch(target.scratch);
    // Slugs taken: the entries there, and the files a stopped run was writing.
    let mut taken = target.existing.clone();
    for sub in &queue {
        if let Some(staged) = &sub.staged
            && let Some(slug) = slug_of(&staged.file)
        {
            taken.entry(sub.kind.kind()).or_default().insert(slug);
        }
    }
    for sub in &queue {
        let outcome = match &sub.staged {
            Some(staged) => resume(target, sub, staged),
            None => prepare(target, sub, &taken),
        };
        match outcome {
            Plan::Write(staged) => {
                let rel = staged.file.clone();
                let path = target.root.join(&rel);
                let replaced = sub.target.is_some();
                if sub.staged.as_ref() != Some(&staged) {
                    submissions.mark_staged(&sub.id, &staged).await?;
                }
                write(target.scratch, &path, &staged.text).map_err(|source| {
                    ImportError::Write {
                        file: rel.clone(),
                        source,
                    }
                })?;
                submissions.mark_imported(&sub.id, &rel).await?;
                if let Some(slug) = slug_of(&rel) {
                    submissions.apply_notify_consent(sub, &slug).await?;
                    taken.entry(sub.kind.kind()).or_default().insert(slug);
                }
                report.written.push(Imported {
                    submission: sub.id.clone(),
                    file: rel,
                    replaced,
                });
            }
            Plan::Done(rel) => {
                // A stopped run had put the file in place: only the second mark was missing.
                submissions.mark_imported(&sub.id, &rel).await?;
                report.written.push(Imported {
                    submission: sub.id.clone(),
                    file: rel,
                    replaced: sub.target.is_some(),
                });
            }
            Plan::Aside { reason, conflict } => {
                submissions.set_aside(&sub.id, &reason).await?;
                report.set_aside.push(SetAside {
                    submission: sub.id.clone(),
                    reason,
                    conflict,
                });
            }
        }
    }
    Ok(())
}

/// What to do with one submission.
enum Plan {
    /// Write this file (marked as being written first).
    Write(Staged),
    /// Its file is in place already: mark it imported.
    Done(String),
    /// Set it aside.
    Aside { reason: String, conflict: bool },
}

/// A submission no run has started on: its file, checked as the build will check it.
fn prepare(
    target: &Target<'_>,
    sub: &Submission,
    taken: &BTreeMap<Kind, BTreeSet<String>>,
) -> Plan {
    let kind = sub.kind.kind();
    let mut draft = Draft {
        kind: sub.kind,
        target: sub.target.clone(),
        fields: sub.fields.clone(),
        body: sub.body.clone(),
        contact_email: String::new(),
    };
    static NONE: BTreeSet<String> = BTreeSet::new();
    let slug = draft.slug(taken.get(&kind).unwrap_or(&NONE));
    let rel = format!("content/{}/{slug}.md", kind.folder());
    let path = target.root.join(&rel);
    let aside = |reason: String, conflict| Plan::Aside { reason, conflict };
    if sub.target.is_some() {
        let Ok(current) = std::fs::read_to_string(&path) else {
            return aside(
                format!("{rel} n'existe plus : la modification n'a plus de fiche à modifier."),
                true,
            );
        };
        if let Some(base) = &sub.base
            && sha256(&current) != *base
        {
            return aside(
                format!(
                    "{rel} a été modifié depuis la décision (par un éditeur ou une autre proposition) : rien n'a été écrit par-dessus ; rouvrez la proposition pour voir les modifications par rapport à la fiche actuelle."
                ),
                true,
            );
        }
        // The forms do not show translations: a change keeps those of the file it changes.
        draft.fields = portal_model::translations::carried(draft.fields, &current);
    } else if path.exists() {
        return aside(format!("{rel} existe déjà."), true);
    }
    let associations = taken.get(&Kind::Association).unwrap_or(&NONE);
    let cx = Context {
        site: target.site,
        associations,
    };
    match draft.file(&slug, &cx, target.today) {
        Ok((text, _)) => Plan::Write(Staged { file: rel, text }),
        Err(problems) => {
            let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            aside(
                format!(
                    "le fichier {rel} ne passerait pas les vérifications du site : {}",
                    problems.join(" ; ")
                ),
                false,
            )
        }
    }
}

/// A submission a stopped run was writing: finish that run's job, with its file and text.
fn resume(target: &Target<'_>, sub: &Submission, staged: &Staged) -> Plan {
    let path = target.root.join(&staged.file);
    match std::fs::read_to_string(&path) {
        Ok(now) if now == staged.text => Plan::Done(staged.file.clone()),
        // Not written yet: a new entry's file is still absent, a change's still the base.
        Err(_) if sub.target.is_none() => Plan::Write(staged.clone()),
        Ok(now) if sub.target.is_some() && sub.base.as_ref().is_none_or(|b| *b == sha256(&now)) => {
            Plan::Write(staged.clone())
        }
        _ => Plan::Aside {
            reason: format!(
                "{} a changé pendant son import : rien n'a été écrit par-dessus ; rouvrez la proposition.",
                staged.file
            ),
            conflict: true,
        },
    }
}

/// The slug of `content/<folder>/<slug>.md`.
fn slug_of(rel: &str) -> Option<String> {
    Path::new(rel)
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
}

/// Temporary files of runs that were stopped (never in `content/`): removed.
fn clear_scratch(scratch: &Path) {
    if let Ok(entries) = std::fs::read_dir(scratch) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with(TMP_PREFIX) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

const TMP_PREFIX: &str = "import-";

/// Writes `text` to a temporary file in `scratch`, synced, then renames it to `path` and
/// syncs the folder: the file appears whole or not at all, and no temporary file is ever in
/// `content/`. `scratch` must be on the file system of `content/` (a rename does not cross
/// file systems: that error is said, nothing is half written).
fn write(scratch: &Path, path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().expect("content files are in a folder");
    std::fs::create_dir_all(dir)?;
    std::fs::create_dir_all(scratch)?;
    let tmp: PathBuf = scratch.join(format!(
        "{TMP_PREFIX}{}-{}.md",
        std::process::id(),
        crate::secrets::hex(&crate::secrets::random_bytes::<6>())
    ));
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    drop(file);
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::File::open(dir)?.sync_all()
}
