//! One language's catalogue: the theme's `i18n/<code>.ftl`, in Fluent (Project Fluent's
//! syntax, which translators' tools such as Pontoon and Weblate edit), read once per build.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use portal_model::Problem;
use portal_model::tree::Pos;

/// The messages of one language, ready to format.
pub(crate) struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Every message's name, in the file's order.
    pub keys: Vec<String>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Catalogue({} messages)", self.keys.len())
    }
}

/// An argument of a message: text or a number (numbers choose plural forms).
#[derive(Debug, Clone)]
pub(crate) enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl Catalogue {
    /// Parses a catalogue's text: the catalogue of the messages that parsed, and each
    /// syntax error as a problem at its line and column.
    pub(crate) fn parse(code: &str, text: &str) -> (Catalogue, Vec<Problem>) {
        let mut problems = Vec::new();
        let resource = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                problems.extend(errors.iter().map(|e| {
                    Problem::new(
                        position(text, e.pos.start),
                        "",
                        "un message Fluent (« clé = texte »)",
                        e.kind.to_string(),
                    )
                }));
                r
            }
        };
        let keys = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        // The code is checked with the others (see `Languages::new`); an unknown one
        // still gets the root locale's plural rules.
        let lang = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        // Directions are set by the pages' markup (`dir`, `<bdi>`), not by invisible
        // isolation marks around each argument, which would also change the French text.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| {
                Problem::new(
                    Pos::new(0, 0),
                    "",
                    "chaque message une seule fois",
                    e.to_string(),
                )
            }));
        }
        (Catalogue { bundle, keys }, problems)
    }

    /// Whether the catalogue has the message.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// The message `key` with its arguments; the key itself when the catalogue lacks it
    /// (the build checks beforehand that every language has every key).
    pub(crate) fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let fluent_args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (name, value) in args {
                match value {
                    Arg::Text(t) => a.set(*name, FluentValue::from(*t)),
                    Arg::Number(n) => a.set(*name, FluentValue::from(*n)),
                }
            }
            a
        });
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
            .into_owned()
    }

    /// The message `key`, without arguments.
    pub(crate) fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }
}

/// The line and column (from 1, in characters) of a byte offset.
fn position(text: &str, offset: usize) -> Pos {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Pos::new(line as u32, column as u32)
}
