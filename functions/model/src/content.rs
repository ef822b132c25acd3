//! A content file: its kind (from its folder), its front matter and body, and the entry it
//! decodes to.

use serde::Serialize;

use crate::association::Association;
use crate::checks::{is_slug, slugify};
use crate::context::Context;
use crate::page::Page;
use crate::pos::Pos;
use crate::problem::{Problem, Problems};
use crate::read::{forbidden_char, is_forbidden_char};
use crate::resource::Resource;
use crate::tree::{Node, parse_yaml, quote};
use crate::volunteer_call::VolunteerCall;

/// What a content file holds, told by the folder it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An association's profile, in `content/associations/`.
    Association,
    /// A call for volunteers, in `content/benevolat/` (*bénévolat*: volunteering).
    VolunteerCall,
    /// An offer or a request, in `content/ressources/`.
    Resource,
    /// A free page (about, legal notice), in `content/pages/`.
    Page,
}

impl Kind {
    /// Every kind, in the order the site lists them.
    pub const ALL: [Kind; 4] = [
        Kind::Association,
        Kind::VolunteerCall,
        Kind::Resource,
        Kind::Page,
    ];

    /// The folder under `content/`, which is also the URL section.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Association => "associations",
            Kind::VolunteerCall => "benevolat",
            Kind::Resource => "ressources",
            Kind::Page => "pages",
        }
    }

    /// The kind whose folder under `content/` this is.
    pub fn from_folder(folder: &str) -> Option<Kind> {
        Self::ALL.into_iter().find(|k| k.folder() == folder)
    }

    /// The name used in the API (`association`, `volunteer_call`, `resource`).
    pub fn api_name(self) -> &'static str {
        match self {
            Kind::Association => "association",
            Kind::VolunteerCall => "volunteer_call",
            Kind::Resource => "resource",
            Kind::Page => "page",
        }
    }
}

/// One decoded content file.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// From `content/associations/`.
    Association(Association),
    /// From `content/benevolat/`.
    VolunteerCall(VolunteerCall),
    /// From `content/ressources/`.
    Resource(Resource),
    /// From `content/pages/`.
    Page(Page),
}

/// A file split into its front matter and its body, with the lines they start on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts<'s> {
    /// The YAML between the two `---` lines.
    pub front: &'s str,
    /// The line of the file the YAML starts on (2).
    pub front_line: u32,
    /// The Markdown after the closing `---`.
    pub body: &'s str,
    /// The line of the file the body starts on.
    pub body_line: u32,
}

/// Splits `---\n<yaml>\n---\n<markdown>`.
pub fn split_front_matter(source: &str) -> Result<Parts<'_>, Problem> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(Problem::new(
            Pos::new(1, 1),
            "",
            "un en-tête YAML entre deux lignes « --- » au début du fichier",
            quote(first.trim_end()),
        ));
    }
    let front_start = first.len();
    let mut offset = front_start;
    for (line, l) in (2u32..).zip(lines) {
        if matches!(l.trim_end(), "---" | "...") {
            return Ok(Parts {
                front: &source[front_start..offset],
                front_line: 2,
                body: &source[offset + l.len()..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(Problem::new(
        Pos::new(1, 1),
        "",
        "une ligne « --- » qui ferme l'en-tête YAML",
        "la fin du fichier",
    ))
}

impl Entry {
    /// Decodes a whole file. Every problem is returned, in the order of the file.
    pub fn decode(
        kind: Kind,
        slug: &str,
        source: &str,
        cx: &Context,
    ) -> Result<Entry, Vec<Problem>> {
        let mut p = Problems::new();
        if !is_slug(slug) {
            let hint = Some(slugify(slug))
                .filter(|s| is_slug(s))
                .map(|s| format!("{s}.md"));
            p.push(
                Problem::new(
                    Pos::default(),
                    "(nom du fichier)",
                    "un nom en minuscules, chiffres et tirets simples, terminé par .md",
                    quote(&format!("{slug}.md")),
                )
                .with_suggestion(hint),
            );
        }
        let parts = split_front_matter(source).map_err(|e| vec![e])?;
        let node = parse_yaml(parts.front, parts.front_line).map_err(|e| vec![e])?;
        let body_at = Pos::new(parts.body_line, 1);
        Self::decode_tree(kind, slug, &node, parts.body, body_at, cx, p)
    }

    /// Decodes fields already parsed (from a file's YAML, or a submission's JSON), adding to
    /// the problems found so far.
    pub(crate) fn decode_tree(
        kind: Kind,
        slug: &str,
        node: &Node,
        body: &str,
        body_at: Pos,
        cx: &Context,
        mut p: Problems,
    ) -> Result<Entry, Vec<Problem>> {
        if let Some((i, c)) = body.char_indices().find(|&(_, c)| is_forbidden_char(c)) {
            let at = crate::site::position(body, i);
            p.push(Problem::new(
                Pos::new(body_at.line + at.line - 1, at.column),
                "(description)",
                "du texte sans caractère de contrôle",
                forbidden_char(c),
            ));
        }
        let entry = match kind {
            Kind::Association => {
                Entry::Association(Association::decode(slug, node, body, body_at, cx, &mut p))
            }
            Kind::VolunteerCall => {
                Entry::VolunteerCall(VolunteerCall::decode(slug, node, body, cx, &mut p))
            }
            Kind::Resource => Entry::Resource(Resource::decode(slug, node, body, cx, &mut p)),
            Kind::Page => Entry::Page(Page::decode(slug, node, body, cx, &mut p)),
        };
        if p.is_empty() {
            Ok(entry)
        } else {
            Err(p.into_sorted())
        }
    }

    /// The kind of file it came from.
    pub fn kind(&self) -> Kind {
        match self {
            Entry::Association(_) => Kind::Association,
            Entry::VolunteerCall(_) => Kind::VolunteerCall,
            Entry::Resource(_) => Kind::Resource,
            Entry::Page(_) => Kind::Page,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::site::SiteConfig;

    #[test]
    fn front_matter_is_split_with_line_numbers() {
        let parts = split_front_matter("---\na: 1\nb: 2\n---\nBody\n").unwrap();
        assert_eq!(parts.front, "a: 1\nb: 2\n");
        assert_eq!(parts.body, "Body\n");
        assert_eq!(parts.body_line, 5);
    }

    #[test]
    fn control_characters_in_the_body_are_refused_at_their_line() {
        let site = SiteConfig::parse(include_str!("../../../tests/sites/basic/site.toml")).unwrap();
        let associations = BTreeSet::new();
        let cx = Context {
            site: &site,
            associations: &associations,
        };
        let file = "---\ntitle: Titre\n---\nUne ligne.\nPuis \u{1b}[31m en rouge.\n";
        let problems = Entry::decode(Kind::Page, "page", file, &cx).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "5:6: (description) : attendu du texte sans caractère de contrôle, trouvé le caractère de contrôle invisible U+001B"
        );
    }

    #[test]
    fn missing_front_matter_is_explained() {
        let err = split_front_matter("# Titre\n").unwrap_err();
        assert_eq!(err.found, "« # Titre »");
        let err = split_front_matter("---\na: 1\n").unwrap_err();
        assert_eq!(err.expected, "une ligne « --- » qui ferme l'en-tête YAML");
    }
}
