//! Load: read `site.toml` and every file of `content/`, and decode them with the model.
//!
//! Nothing is rendered here. Every problem of every file is collected, so that an editor
//! sees all of them after one build.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use portal_model::problem::suggest;
use portal_model::tree::{Pos, quote};
use portal_model::{
    Association, Context, Entry, Kind, Page, Problem, Resource, SiteConfig, VolunteerCall,
};
use rayon::prelude::*;

use crate::error::{BuildError, FileProblems};
use crate::outline::{self, Outline};

/// A content file larger than this is refused: no profile or listing needs more, and a huge
/// file is more likely a mistake (or an attack) than content.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Everything `content/` and `site.toml` hold, checked.
#[derive(Debug, Clone)]
pub struct Content {
    /// `site.toml`, checked.
    pub config: SiteConfig,
    /// `content/associations/`, in slug order.
    pub associations: Vec<Association>,
    /// `content/benevolat/`, in slug order.
    pub calls: Vec<VolunteerCall>,
    /// `content/ressources/`, in slug order.
    pub resources: Vec<Resource>,
    /// `content/pages/`, in slug order.
    pub pages: Vec<Page>,
    /// `site.toml` as written, for the form functions (they read it as the build does).
    pub site_toml: String,
    /// Files of `content/data/`, relative to it, for themes and maps.
    pub data: Vec<PathBuf>,
    /// The territory's outline, from the first of `data` that has one.
    pub outline: Outline,
    /// The credit its licence asks for, shown under the maps (`attribution` in its file).
    pub outline_credit: Option<String>,
    /// The communes with their centres, from a communes file of `data` (for the forms).
    pub(crate) communes: Vec<crate::communes::Centre>,
}

/// A content file found on disk, not yet decoded.
struct Found {
    kind: Kind,
    slug: String,
    /// Relative to the root, with `/` separators, for messages.
    shown: String,
    path: PathBuf,
}

/// Reads and checks `site.toml`.
pub fn load_config(root: &Path) -> Result<SiteConfig, BuildError> {
    read_config(root).map(|(config, _)| config)
}

/// `site.toml`, checked, and its text.
fn read_config(root: &Path) -> Result<(SiteConfig, String), BuildError> {
    let path = root.join("site.toml");
    let source = fs::read_to_string(&path).map_err(BuildError::io(&path))?;
    let config = SiteConfig::parse(&source).map_err(|problems| {
        BuildError::Content(vec![FileProblems {
            file: "site.toml".into(),
            problems,
        }])
    })?;
    Ok((config, source))
}

/// Loads the whole content of the site at `root`, `site.toml` read once.
pub fn load(root: &Path) -> Result<Content, BuildError> {
    let (config, site_toml) = read_config(root)?;
    let (found, data, mut failed) = discover(root);
    let (outline, outline_credit) = outline::read(root, &data);
    let associations: BTreeSet<String> = found
        .iter()
        .filter(|f| f.kind == Kind::Association)
        .map(|f| f.slug.clone())
        .collect();
    let cx = Context {
        site: &config,
        associations: &associations,
    };
    // Decoded in the order of the lists they fill, into lists of the right size: the
    // entries are large, and moving them again (to sort, to grow) is serial work.
    let mut found = found;
    found.sort_unstable_by(|a, b| (a.kind, &a.slug).cmp(&(b.kind, &b.slug)));
    let count = |kind: Kind| found.iter().filter(|f| f.kind == kind).count();
    let decoded: Vec<Result<Entry, FileProblems>> =
        found.par_iter().map(|f| decode_file(f, &cx)).collect();

    let mut content = Content {
        config: config.clone(),
        associations: Vec::with_capacity(count(Kind::Association)),
        calls: Vec::with_capacity(count(Kind::VolunteerCall)),
        resources: Vec::with_capacity(count(Kind::Resource)),
        pages: Vec::with_capacity(count(Kind::Page)),
        site_toml,
        outline,
        outline_credit,
        communes: crate::communes::read(root, &data),
        data,
    };
    for d in decoded {
        match d {
            Ok(Entry::Association(a)) => content.associations.push(a),
            Ok(Entry::VolunteerCall(c)) => content.calls.push(c),
            Ok(Entry::Resource(r)) => content.resources.push(r),
            Ok(Entry::Page(p)) => content.pages.push(p),
            Err(problems) => failed.push(problems),
        }
    }
    failed.extend(reserved_slugs(&content));
    if !failed.is_empty() {
        failed.sort_by(|a, b| a.file.cmp(&b.file));
        return Err(BuildError::Content(failed));
    }
    // Each list is in slug order: `found` was sorted by kind, then slug.
    debug_assert!(content.associations.is_sorted_by(|a, b| a.slug < b.slug));
    debug_assert!(content.calls.is_sorted_by(|a, b| a.slug < b.slug));
    debug_assert!(content.resources.is_sorted_by(|a, b| a.slug < b.slug));
    debug_assert!(content.pages.is_sorted_by(|a, b| a.slug < b.slug));
    Ok(content)
}

fn decode_file(f: &Found, cx: &Context) -> Result<Entry, FileProblems> {
    let fail = |problems| FileProblems {
        file: f.shown.clone(),
        problems,
    };
    let source = read_text(&f.path).map_err(|p| fail(vec![p]))?;
    Entry::decode(f.kind, &f.slug, &source, cx).map_err(fail)
}

/// Reads a file as UTF-8 text, refusing files too large to be content.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let whole = Pos::default();
    let unreadable =
        |e: std::io::Error| Problem::new(whole, "", "un fichier lisible", e.to_string());
    let meta = fs::symlink_metadata(path).map_err(unreadable)?;
    // Reading a named pipe would wait for ever, and a device may never end.
    if !meta.is_file() {
        return Err(Problem::new(
            whole,
            "",
            "un fichier ordinaire",
            "un fichier spécial (lien, tube, socket ou périphérique)",
        ));
    }
    let too_large = |size: u64| {
        Problem::new(
            whole,
            "",
            format!("un fichier de {} Kio au plus", MAX_FILE_BYTES / 1024),
            format!("{} Kio", size / 1024),
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    // At most one byte past the limit, in case the file grew since its size was read.
    // Room for the whole file and the byte that tells its end: two reads, where a growing
    // buffer took seven on average.
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let at = portal_model::site::position(&text, text.len());
        Problem::new(
            at,
            "",
            "du texte encodé en UTF-8",
            "un octet qui n'est pas de l'UTF-8 (fichier enregistré en Latin-1 ou Windows-1252 ?)",
        )
    })
}

/// Walks `content/`: the files to decode, the data files, and the problems of files that
/// are not where they should be.
fn discover(root: &Path) -> (Vec<Found>, Vec<PathBuf>, Vec<FileProblems>) {
    let content = root.join("content");
    let mut found = Vec::new();
    let mut data = Vec::new();
    let mut problems = Vec::new();
    let mut refuse = |shown: String, expected: String, found: String, hint: Option<String>| {
        problems.push(FileProblems {
            file: shown,
            problems: vec![Problem::new(Pos::default(), "", expected, found).with_suggestion(hint)],
        });
    };
    let folders: Vec<&str> = Kind::ALL
        .iter()
        .map(|k| k.folder())
        .chain(["data"])
        .collect();
    // Not even content/ itself is followed if it is a link: `content -> /` would walk the disk.
    let mut walker = walkdir::WalkDir::new(&content)
        .follow_links(false)
        .follow_root_links(false)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let shown = e
                    .path()
                    .map(|p| shown_path(root, p))
                    .unwrap_or_else(|| "content".into());
                refuse(shown, "un dossier lisible".into(), e.to_string(), None);
                continue;
            }
        };
        let rel = entry.path().strip_prefix(&content).unwrap_or(entry.path());
        // Borrowed, and the path shown only when needed: this runs for every file, alone.
        let parts: Vec<Cow<str>> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        let shown = || shown_path(root, entry.path());
        if parts.is_empty() {
            if entry.path_is_symlink() {
                refuse(
                    shown(),
                    "un dossier ordinaire".into(),
                    "un lien symbolique (refusé : il pourrait mener hors du site)".into(),
                    None,
                );
            }
            continue;
        }
        if entry.path_is_symlink() {
            refuse(
                shown(),
                "un fichier ordinaire".into(),
                "un lien symbolique (refusé : il pourrait mener hors de content/)".into(),
                None,
            );
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        let top = parts[0].as_ref();
        if !folders.contains(&top) {
            if is_dir || parts.len() == 1 {
                refuse(
                    shown(),
                    format!("un dossier parmi {}", folders.join(", ")),
                    quote(top),
                    suggest(top, folders.iter().copied()),
                );
            }
            if is_dir {
                // Refused once: what it holds is not walked.
                walker.skip_current_dir();
            }
            continue;
        }
        if top == "data" {
            if !is_dir {
                data.push(rel.strip_prefix("data").unwrap_or(rel).to_path_buf());
            }
            continue;
        }
        if is_dir {
            if parts.len() > 1 {
                refuse(
                    shown(),
                    format!("des fichiers .md directement dans content/{top}/"),
                    "un sous-dossier".into(),
                    None,
                );
                walker.skip_current_dir();
            }
            continue;
        }
        if parts.len() == 1 {
            continue;
        }
        let name = parts[parts.len() - 1].as_ref();
        let Some(slug) = name.strip_suffix(".md") else {
            refuse(shown(), "un fichier .md".into(), quote(name), None);
            continue;
        };
        found.push(Found {
            kind: Kind::from_folder(top).expect("folders are checked above"),
            slug: slug.to_string(),
            shown: format!("content/{top}/{name}"),
            path: entry.path().to_path_buf(),
        });
    }
    // In readdir's order until here; the entries are sorted by slug once decoded.
    data.sort();
    (found, data, problems)
}

fn shown_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// An entry whose file name is an address the site makes itself (an association named
/// `commune`, a listing named `offres`, a page named `associations`) would be written over by
/// that page, or write over it: refused, naming both. The words are the model's
/// ([`portal_model::addresses`]), which the forms also keep new entries from taking.
fn reserved_slugs(content: &Content) -> Vec<FileProblems> {
    use portal_model::addresses::{reserved, taken_by_site};
    let slugs = content
        .associations
        .iter()
        .map(|a| (Kind::Association, &a.slug))
        .chain(content.calls.iter().map(|c| (Kind::VolunteerCall, &c.slug)))
        .chain(content.resources.iter().map(|r| (Kind::Resource, &r.slug)))
        .chain(content.pages.iter().map(|p| (Kind::Page, &p.slug)));
    slugs
        .filter_map(|(kind, slug)| {
            let what = taken_by_site(kind, slug)?;
            let words: Vec<&str> = reserved(kind).iter().map(|(w, _)| *w).collect();
            Some(FileProblems {
                file: format!("content/{}/{slug}.md", kind.folder()),
                problems: vec![Problem::new(
                    Pos::default(),
                    "(nom du fichier)",
                    format!("un nom de fichier autre que {}", words.join(", ")),
                    format!(
                        "{}, une adresse que le site génère : {what} ; renommez le fichier",
                        quote(slug)
                    ),
                )],
            })
        })
        .collect()
}
