//! `portal import-directory`: a territory's existing directory into `content/associations/`,
//! from a spreadsheet saved as CSV ([`table`]) or from a data·inclusion dump of structures
//! and services ([`datainclusion`]). Each source record becomes the fields of an association
//! (as a submission's JSON), is written as the file an editor would write
//! (`portal_model::file_text`) and decoded as the build decodes it: the same model, the same
//! checks. A problem is reported at the line and column of the source value it came from,
//! naming the source's column or field and the model's field; a record with a problem is
//! not written. An existing entry is never replaced unless asked.

mod datainclusion;
pub(crate) mod hours;
mod positions;
mod table;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use portal_model::checks::{is_slug, slugify};
use portal_model::tree::{Pos, quote};
use portal_model::{Context, Entry, Kind, Problem, SiteConfig};
use serde_json::{Map, Value};

use crate::error::{BuildError, FileProblems};

/// What `portal import-directory` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Replace the entries that exist already (never, by default).
    pub overwrite: bool,
    /// Check and report only; write nothing.
    pub dry_run: bool,
    /// Column mappings that override the guess: (field, header), from `--column name=Nom`.
    pub columns: Vec<(String, String)>,
    /// The `updated` date of the records that do not say.
    pub today: Option<Date>,
}

/// Where a value of the source is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Source {
    /// The source file, as given.
    pub(crate) file: String,
    /// Its line and column (for a table, the column's number: 1 is A).
    pub(crate) at: Pos,
    /// The column's header, or the data·inclusion field's name.
    pub(crate) label: String,
}

/// One association read from a source, not yet checked.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    /// Where the record starts (its row, its object).
    pub(crate) at: Source,
    /// The front matter's fields, as a submission has them.
    pub(crate) fields: Map<String, Value>,
    /// The description.
    pub(crate) body: String,
    /// The source of each field, by its path in the model (`contact.phone`,
    /// `locations[0].geo`, `body`).
    pub(crate) sources: Vec<(String, Source)>,
    /// Problems found while reading the source (hours the model cannot say, coordinates
    /// missing): the model path each is about, where it is in the source, the problem.
    pub(crate) problems: Vec<(String, Source, Problem)>,
    /// Told apart from another record of the same name by this (its commune).
    pub(crate) qualifier: String,
    /// Its address has no coordinates.
    pub(crate) no_coordinates: bool,
}

impl Record {
    pub(crate) fn new(at: Source) -> Record {
        Record {
            at,
            fields: Map::new(),
            body: String::new(),
            sources: Vec::new(),
            problems: Vec::new(),
            qualifier: String::new(),
            no_coordinates: false,
        }
    }

    /// Sets `path` (`contact.phone`, `locations[1].hours`) to `value`, written at `source`.
    pub(crate) fn set(&mut self, path: &str, value: Value, source: Option<Source>) {
        insert(&mut self.fields, path, value);
        if let Some(source) = source {
            self.sources.push((path.to_string(), source));
        }
    }

    /// Records a problem of the source at `source`, about the model's field `path`.
    pub(crate) fn refuse(
        &mut self,
        path: &str,
        source: &Source,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) {
        let problem = Problem::new(source.at, shown(source, path), expected, found);
        self.problems
            .push((path.to_string(), source.clone(), problem));
    }

    /// The source of the model's field `path`: that of the longest path recorded that is it
    /// or holds it (`locations[0].geo` for `locations[0].geo[1]`).
    fn source_of(&self, path: &str) -> &Source {
        let path = match path {
            "(description)" => "body",
            p => p,
        };
        self.sources
            .iter()
            .filter(|(p, _)| {
                path == p
                    || path
                        .strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.starts_with(['.', '[']))
            })
            .max_by_key(|(p, _)| p.len())
            .map(|(_, s)| s)
            .unwrap_or(&self.at)
    }
}

/// The field as a message names it: the source's column or field, then the model's.
fn shown(source: &Source, path: &str) -> String {
    let path = if path == "body" { "description" } else { path };
    if source.label.is_empty() {
        path.to_string()
    } else {
        format!("{} ({path})", quote(&source.label))
    }
}

/// Puts `value` at `path` (`a.b`, `a[1].b`) in `fields`, creating what is missing.
fn insert(fields: &mut Map<String, Value>, path: &str, value: Value) {
    let mut steps: Vec<(&str, Option<usize>)> = Vec::new();
    for part in path.split('.') {
        match part.split_once('[') {
            Some((key, index)) => steps.push((key, index.trim_end_matches(']').parse().ok())),
            None => steps.push((part, None)),
        }
    }
    let mut map = fields;
    let last = steps.len() - 1;
    for (n, (key, index)) in steps.into_iter().enumerate() {
        let done = n == last;
        match index {
            None if done => {
                map.insert(key.to_string(), value);
                return;
            }
            None => {
                let next = map
                    .entry(key.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                let Value::Object(next) = next else { return };
                map = next;
            }
            Some(i) => {
                let list = map
                    .entry(key.to_string())
                    .or_insert_with(|| Value::Array(Vec::new()));
                let Value::Array(items) = list else { return };
                while items.len() <= i {
                    items.push(Value::Object(Map::new()));
                }
                if done {
                    items[i] = value;
                    return;
                }
                let Value::Object(next) = &mut items[i] else {
                    return;
                };
                map = next;
            }
        }
    }
}

/// Why an import could not even start.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// `site.toml` or the folder of associations cannot be read.
    #[error(transparent)]
    Site(#[from] BuildError),
    /// A source file that cannot be read.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        #[source]
        /// What the system said.
        source: std::io::Error,
    },
    /// A file that is neither `.csv` nor `.json`.
    #[error("{0} : attendu un fichier .csv (tableur) ou .json (export data·inclusion)")]
    Format(String),
    /// A JSON file that is not JSON, or not an array of records.
    #[error("{file}:{line}:{column}: attendu {expected}, trouvé {found}")]
    Json {
        /// The file.
        file: String,
        /// Where.
        line: usize,
        /// Where.
        column: usize,
        /// What a data·inclusion file holds.
        expected: &'static str,
        /// What this one holds there.
        found: String,
    },
    /// A CSV file whose rows cannot be read.
    #[error("{file} : {source}")]
    Csv {
        /// The file.
        file: String,
        #[source]
        /// The reader's error, with its line.
        source: csv::Error,
    },
    /// `--column` names no field the import knows, or no header of the file.
    #[error("--column {given} : attendu {expected}, trouvé {found}{}", .suggestion.as_ref().map(|s| format!(" ; vouliez-vous dire « {s} » ?")).unwrap_or_default())]
    Column {
        /// The argument as given.
        given: String,
        /// What it may say.
        expected: String,
        /// What it says.
        found: String,
        /// The closest of what it may say.
        suggestion: Option<String>,
    },
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// Lines of description of the sources (encoding, separator, columns), for the terminal.
    pub notes: Vec<String>,
    /// Records read.
    pub read: usize,
    /// Files written (or that would be, with `dry_run`), and whether each replaced one.
    pub written: Vec<(PathBuf, bool)>,
    /// Entries that exist already and were left as they are.
    pub existing: Vec<PathBuf>,
    /// The problems of each refused record, by source file.
    pub refused: Vec<Vec<FileProblems>>,
    /// Of the refused records, those whose address has no coordinates.
    pub no_coordinates: usize,
    /// data·inclusion records outside the territory's box, left out.
    pub outside: usize,
}

impl Report {
    /// The problems of the refused records, one per line, as `portal check` prints them.
    pub fn problems(&self) -> String {
        let mut out = String::new();
        for record in &self.refused {
            for file in record {
                out.push_str(&file.to_string());
                out.push('\n');
            }
        }
        out
    }
}

/// Imports `files` into the site at `root`.
pub fn import(root: &Path, files: &[PathBuf], options: &Options) -> Result<Report, ImportError> {
    let config = crate::load::load_config(root)?;
    let today = options
        .today
        .unwrap_or_else(|| crate::dates::today_in(&config));
    let folder = root.join("content").join(Kind::Association.folder());
    let existing: BTreeSet<String> = match fs::read_dir(&folder) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_suffix(".md")
                    .map(String::from)
            })
            .collect(),
        Err(_) => BTreeSet::new(),
    };
    let mut report = Report::default();
    let mut records = Vec::new();
    let mut json = Vec::new();
    for path in files {
        let shown = path.display().to_string();
        let read = |p: &Path| {
            fs::read(p).map_err(|source| ImportError::Io {
                path: p.to_path_buf(),
                source,
            })
        };
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(e) if e == "csv" => {
                let (found, notes) =
                    table::read(&read(path)?, &shown, &config, &options.columns, today)?;
                report.notes.extend(notes);
                records.extend(found);
            }
            Some(e) if e == "json" => json.push((shown, read(path)?)),
            _ => return Err(ImportError::Format(shown)),
        }
    }
    if !json.is_empty() {
        let (found, notes, outside) = datainclusion::read(&json, &config, today)?;
        report.notes.extend(notes);
        report.outside = outside;
        records.extend(found);
    }
    report.read = records.len();

    let slugs = slugs(&records);
    let mut known = existing.clone();
    known.extend(slugs.iter().cloned());
    let cx = Context {
        site: &config,
        associations: &known,
    };
    let mut to_write = Vec::new();
    for (record, slug) in records.into_iter().zip(slugs) {
        let text = portal_model::file_text(Kind::Association, &record.fields, &body(&record.body));
        let problems = check(&record, &slug, &text, &cx);
        if !problems.is_empty() {
            report.no_coordinates += usize::from(record.no_coordinates);
            report.refused.push(problems);
            continue;
        }
        let path = folder.join(format!("{slug}.md"));
        let exists = existing.contains(&slug);
        if exists && !options.overwrite {
            report.existing.push(path);
            continue;
        }
        to_write.push((path, text, exists));
    }
    if !options.dry_run && !to_write.is_empty() {
        fs::create_dir_all(&folder).map_err(|source| ImportError::Io {
            path: folder.clone(),
            source,
        })?;
    }
    for (path, text, replaced) in to_write {
        if !options.dry_run {
            write(&path, &text, replaced)?;
        }
        report.written.push((path, replaced));
    }
    Ok(report)
}

/// The body as the file holds it.
fn body(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

/// Every problem of a record, at its source: those found reading it, then the model's on
/// the file it makes (but those about a field already refused).
fn check(record: &Record, slug: &str, text: &str, cx: &Context) -> Vec<FileProblems> {
    let mut problems: Vec<(Source, Problem)> = record
        .problems
        .iter()
        .map(|(_, source, p)| (source.clone(), p.clone()))
        .collect();
    if let Err(found) = Entry::decode(Kind::Association, slug, text, cx) {
        for p in found {
            let covered = record.problems.iter().any(|(path, _, _)| {
                p.field == *path
                    || p.field.starts_with(&format!("{path}["))
                    || p.field.starts_with(&format!("{path}."))
            });
            if covered {
                continue;
            }
            let source = record.source_of(&p.field).clone();
            let path = if p.field == "(description)" {
                "body"
            } else {
                &p.field
            };
            let mut moved = p.clone();
            moved.at = source.at;
            moved.field = shown(&source, path);
            problems.push((source, moved));
        }
    }
    let mut by_file: BTreeMap<String, Vec<Problem>> = BTreeMap::new();
    for (source, p) in problems {
        by_file.entry(source.file).or_default().push(p);
    }
    by_file
        .into_iter()
        .map(|(file, mut problems)| {
            problems.sort_by_key(|p| p.at);
            FileProblems { file, problems }
        })
        .collect()
}

/// The file name of each record: its name made a slug; two records of the same name are
/// told apart by their commune, then by a number. The same source gives the same names,
/// so that an import done again finds the entries it wrote.
fn slugs(records: &[Record]) -> Vec<String> {
    let base = |r: &Record| {
        let name = r.fields.get("name").and_then(Value::as_str).unwrap_or("");
        let mut slug = slugify(name);
        slug.truncate(60);
        let slug = slug.trim_end_matches('-').to_string();
        if is_slug(&slug) {
            slug
        } else {
            "association".into()
        }
    };
    let bases: Vec<String> = records.iter().map(base).collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for b in &bases {
        *count.entry(b.as_str()).or_default() += 1;
    }
    let mut taken = BTreeSet::new();
    let mut out = Vec::new();
    for (r, b) in records.iter().zip(&bases) {
        let mut slug = b.clone();
        if count[b.as_str()] > 1 && !r.qualifier.is_empty() {
            let q = slugify(&r.qualifier);
            if !q.is_empty() {
                slug = format!("{b}-{q}");
            }
        }
        let mut n = 2;
        let mut candidate = slug.clone();
        while taken.contains(&candidate) {
            candidate = format!("{slug}-{n}");
            n += 1;
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

/// Writes a new file, or replaces one (asked for): never through a link.
fn write(path: &Path, text: &str, replace: bool) -> Result<(), ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    if replace {
        let meta = fs::symlink_metadata(path).map_err(io)?;
        if !meta.is_file() {
            return Err(io(std::io::Error::other(
                "pas un fichier ordinaire : non remplacé",
            )));
        }
        return fs::write(path, text).map_err(io);
    }
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(io)
}

/// A number written in a spreadsheet or a dump: `44.83`, `44,83`.
pub(crate) fn number(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    raw.parse::<f64>()
        .ok()
        .or_else(|| raw.replacen(',', ".", 1).parse::<f64>().ok())
        .filter(|n| n.is_finite())
}

/// The key of the site's category `raw` names: its key, or its label (case, accents and
/// punctuation aside); else `raw` made a slug, for the model to refuse with a suggestion.
pub(crate) fn category(config: &SiteConfig, raw: &str) -> String {
    let wanted = slugify(raw);
    config
        .categories
        .0
        .iter()
        .find(|c| c.key == wanted || slugify(&c.label) == wanted)
        .map(|c| c.key.clone())
        .unwrap_or(if wanted.is_empty() {
            raw.trim().to_string()
        } else {
            wanted
        })
}

/// The first sentence of `text`, at most 200 characters (cut at a word, with « … »).
pub(crate) fn first_sentence(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("").trim();
    let sentence = match line.find(". ") {
        Some(i) => &line[..=i],
        None => line,
    };
    if sentence.chars().count() <= 200 {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(199).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_put_at_their_paths() {
        let mut fields = Map::new();
        insert(&mut fields, "name", Value::from("A"));
        insert(&mut fields, "locations[0].address", Value::from("1 rue"));
        insert(
            &mut fields,
            "locations[0].geo",
            serde_json::json!([44.8, -0.5]),
        );
        insert(&mut fields, "locations[1].city", Value::from("Dax"));
        insert(&mut fields, "contact.phone", Value::from("05"));
        assert_eq!(
            Value::Object(fields),
            serde_json::json!({"name": "A", "contact": {"phone": "05"},
                "locations": [{"address": "1 rue", "geo": [44.8, -0.5]}, {"city": "Dax"}]})
        );
    }

    #[test]
    fn first_sentences_are_cut_at_a_word() {
        assert_eq!(
            first_sentence("Une épicerie. Ouverte à tous."),
            "Une épicerie."
        );
        let long = "mot ".repeat(80);
        let cut = first_sentence(&long);
        assert!(cut.ends_with("mot…") && cut.chars().count() <= 200, "{cut}");
    }
}
