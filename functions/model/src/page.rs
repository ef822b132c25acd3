//! A free page (`content/pages/<slug>.md`): about, legal notice, accessibility statement.

use serde::Serialize;

use crate::context::Context;
use crate::problem::Problems;
use crate::read::{Fields, integer, text};
use crate::translations::{self, Texts, Translations};
use crate::tree::Node;

/// A free page, published at `/<slug>/`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Page {
    /// The file name without `.md`, which is also its address.
    pub slug: String,
    /// Its title, the page's only `h1`.
    pub title: String,
    /// Position in the main menu; not in the menu when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub menu: Option<i64>,
    /// The text, in Markdown.
    pub body: String,
    /// Editors' translations of its public texts, by language (see [`crate::translations`]).
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

impl Page {
    pub(crate) const WHAT: &'static str = "une page";

    pub(crate) fn decode(
        slug: &str,
        node: &Node,
        body: &str,
        cx: &Context,
        p: &mut Problems,
    ) -> Page {
        let mut f = Fields::of_or_empty(node, "", "un en-tête YAML de champs", p);
        let title = f.required(
            "title",
            "un titre de 1 à 150 caractères",
            p,
            |n, path, p| text(n, path, p, (1, 150), true),
        );
        let menu = f.optional("menu", p, integer);
        let translations = translations::read(&mut f, Texts::Page, cx, p);
        f.finish(Self::WHAT, p);
        Page {
            slug: slug.to_string(),
            title,
            menu,
            body: body.to_string(),
            translations,
        }
    }
}
