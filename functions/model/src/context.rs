//! What decoding a file needs beyond the file itself: the site's settings and the other
//! entries it may refer to. Every content type reads it; it knows none of them.

use std::collections::BTreeSet;

use crate::checks::slug;
use crate::problem::{Problem, Problems, suggest};
use crate::site::SiteConfig;
use crate::tree::{Node, quote};

/// What decoding needs beyond the file itself.
pub struct Context<'a> {
    /// The site's settings: territory, categories.
    pub site: &'a SiteConfig,
    /// The slugs of the associations that exist.
    pub associations: &'a BTreeSet<String>,
}

/// Reads a reference to an association, which must exist.
pub(crate) fn association_ref(
    node: &Node,
    path: &str,
    p: &mut Problems,
    cx: &Context,
) -> Option<String> {
    if !cx.associations.is_empty()
        && let Some(r) = p.recorder()
    {
        r.shape(path, serde_json::json!({ "enum": cx.associations }));
    }
    let wanted = slug(node, path, p)?;
    if cx.associations.contains(&wanted) {
        return Some(wanted);
    }
    p.push(
        Problem::new(
            node.at,
            path,
            "l'identifiant d'une association existante (le nom d'un fichier de content/associations/ sans .md)",
            format!("{}, qui n'existe pas", quote(&wanted)),
        )
        .with_suggestion(suggest(&wanted, cx.associations.iter().map(String::as_str))),
    );
    None
}
