//! JSON Schemas of the content types, written from the one model: decoding a kind with
//! describing problems ([`Problems::describing`]) runs the readers of every field it has on
//! a probe, and each reader records what it accepts (a type, a length, a pattern, a list of
//! words, the fields of a mapping and which are required) instead of reading. The schema is
//! therefore the decoder's own account of itself; the form's labels become its titles.
//! What a reader checks across fields (an end after its start, `expires` for food offers
//! only, slots or a recurrence) is said in the descriptions, not in the schema.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use crate::association::Association;
use crate::content::Kind;
use crate::context::Context;
use crate::page::Page;
use crate::pos::Pos;
use crate::problem::Problems;
use crate::resource::Resource;
use crate::tree::{Node, Value as Tree};
use crate::volunteer_call::VolunteerCall;

/// What every reader is handed when describing: an empty mapping, never looked into.
pub(crate) static PROBE: Node = Node {
    value: Tree::Map(Vec::new()),
    at: Pos { line: 0, column: 0 },
};

/// The shapes the readers recorded, by the path of their field (`locations[].hours.*[]`:
/// `[]` for a list's items, `*` for the values of a mapping of free keys).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Recorder {
    order: Vec<String>,
    shapes: BTreeMap<String, Map<String, Value>>,
    required: BTreeMap<String, Vec<String>>,
    closed: BTreeSet<String>,
    /// Lists that also take a single item (`categories: repas`).
    lists: BTreeSet<String>,
}

/// `locations[0].geo[1]` → `locations[].geo[]`.
fn normal(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

impl Recorder {
    /// Adds `fragment`'s keywords to the shape of `path`; the first reader to say a keyword
    /// wins (a field's own description before its reader's).
    pub(crate) fn shape(&mut self, path: &str, fragment: Value) {
        let path = normal(path);
        if !self.shapes.contains_key(&path) {
            self.order.push(path.clone());
        }
        let shape = self.shapes.entry(path).or_default();
        if let Value::Object(keywords) = fragment {
            for (k, v) in keywords {
                shape.entry(k).or_insert(v);
            }
        }
    }

    /// `name` must be in the mapping at `object`.
    pub(crate) fn require(&mut self, object: &str, name: &str) {
        let list = self.required.entry(normal(object)).or_default();
        if !list.iter().any(|n| n == name) {
            list.push(name.to_string());
        }
    }

    /// The mapping at `object` takes no other field.
    pub(crate) fn close(&mut self, object: &str) {
        self.closed.insert(normal(object));
    }

    /// The list at `path` also takes its item alone.
    pub(crate) fn list(&mut self, path: &str) {
        self.lists.insert(normal(path));
    }

    /// The schema of the field at `path`, with all it holds.
    fn build(&self, path: &str) -> Value {
        let mut shape = self.shapes.get(path).cloned().unwrap_or_default();
        let child = |step: &str| {
            if path.is_empty() {
                step.to_string()
            } else if step == "[]" {
                format!("{path}[]")
            } else {
                format!("{path}.{step}")
            }
        };
        let mut properties = Map::new();
        for p in &self.order {
            if let Some((parent, key)) = split(p)
                && parent == path
                && key != "[]"
                && key != "*"
            {
                properties.insert(key.to_string(), self.build(p));
            }
        }
        if !properties.is_empty() {
            shape.entry("type").or_insert(json!("object"));
            shape.insert("properties".into(), Value::Object(properties));
        }
        if let Some(required) = self.required.get(path) {
            shape.insert("required".into(), json!(required));
        }
        let free = child("*");
        if self.shapes.contains_key(&free) {
            shape.insert("additionalProperties".into(), self.build(&free));
        } else if self.closed.contains(path) {
            shape.insert("additionalProperties".into(), json!(false));
        }
        let items = child("[]");
        let item = self.shapes.contains_key(&items).then(|| self.build(&items));
        if let Some(item) = &item {
            shape.insert("items".into(), item.clone());
        }
        match item {
            Some(item) if self.lists.contains(path) => {
                // A list, or its one item written alone: the help goes on both.
                let mut outer = Map::new();
                for key in ["title", "description"] {
                    if let Some(v) = shape.remove(key) {
                        outer.insert(key.into(), v);
                    }
                }
                outer.insert("anyOf".into(), json!([shape, item]));
                Value::Object(outer)
            }
            _ => Value::Object(shape),
        }
    }
}

/// A path's parent and last step: `a.b` → (`a`, `b`), `a[]` → (`a`, `[]`), `a` → (``, `a`).
fn split(path: &str) -> Option<(&str, &str)> {
    if path.is_empty() {
        return None;
    }
    if let Some(list) = path.strip_suffix("[]") {
        return Some((list, "[]"));
    }
    Some(path.rsplit_once('.').unwrap_or(("", path)))
}

/// The field at `path` (`locations[0].hours.mo`) in a schema built by [`Recorder::build`].
fn find<'s>(schema: &'s mut Value, path: &str) -> Option<&'s mut Value> {
    let mut node = schema;
    for part in normal(path).split('.') {
        let (key, lists) = part
            .split_once("[]")
            .map_or((part, 0), |(k, rest)| (k, 1 + rest.matches("[]").count()));
        node = descend(node, |n| n.get_mut("properties")?.get_mut(key))?;
        for _ in 0..lists {
            node = descend(node, |n| n.get_mut("items"))?;
        }
    }
    Some(node)
}

/// Into `node`, or into the list alternative of an `anyOf`.
fn descend(
    node: &mut Value,
    step: impl Fn(&mut Value) -> Option<&mut Value>,
) -> Option<&mut Value> {
    if step(node).is_some() {
        return step(node);
    }
    let first = node.get_mut("anyOf")?.get_mut(0)?;
    step(first)
}

/// The JSON Schema of the front matter of a file of `kind`, for the site `cx` describes (its
/// categories and its associations are the words some fields take).
pub fn of(kind: Kind, cx: &Context) -> Value {
    let mut p = Problems::describing();
    let at = Pos::default();
    match kind {
        Kind::Association => drop(Association::decode("x", &PROBE, "", at, cx, &mut p)),
        Kind::VolunteerCall => drop(VolunteerCall::decode("x", &PROBE, "", cx, &mut p)),
        Kind::Resource => drop(Resource::decode("x", &PROBE, "", cx, &mut p)),
        Kind::Page => drop(Page::decode("x", &PROBE, "", cx, &mut p)),
    }
    let recorder = p.into_recorder().expect("describing problems record");
    let mut schema = recorder.build("");
    for field in crate::form::fields(kind) {
        if let Some(Value::Object(node)) = find(&mut schema, field.name) {
            node.entry("title").or_insert(json!(field.label));
        }
    }
    let (title, what) = match kind {
        Kind::Association => ("Association", "une association"),
        Kind::VolunteerCall => ("Appel à bénévoles", "un appel à bénévoles"),
        Kind::Resource => ("Annonce de ressource", "une offre ou une demande"),
        Kind::Page => ("Page libre", "une page libre"),
    };
    if let Value::Object(root) = &mut schema {
        root.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        root.insert(
            "title".into(),
            json!(format!("{title} (content/{}/*.md)", kind.folder())),
        );
        root.insert(
            "description".into(),
            json!(format!(
                "L'en-tête YAML d'un fichier qui décrit {what}, tel que le portail le lit (écrit par « portal schema » depuis le modèle)."
            )),
        );
    }
    schema
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::site::SiteConfig;

    fn schema(kind: Kind) -> Value {
        let site = SiteConfig::parse(include_str!("../../../tests/sites/basic/site.toml")).unwrap();
        let associations = BTreeSet::from(["epicerie-du-port".to_string()]);
        of(
            kind,
            &Context {
                site: &site,
                associations: &associations,
            },
        )
    }

    #[test]
    fn the_association_schema_is_the_decoders_account_of_its_fields() {
        let s = schema(Kind::Association);
        assert_eq!(
            s["required"],
            json!(["name", "summary", "categories", "updated"])
        );
        assert_eq!(s["additionalProperties"], json!(false));
        let name = &s["properties"]["name"];
        assert_eq!(name["minLength"], 3);
        assert_eq!(name["maxLength"], 150);
        assert_eq!(name["title"], "Nom de l'association");
        // A list or one item; the items are the site's categories.
        let categories = &s["properties"]["categories"]["anyOf"];
        assert_eq!(categories[0]["minItems"], 1);
        assert!(
            categories[1]["enum"]
                .as_array()
                .unwrap()
                .contains(&json!("epicerie-solidaire"))
        );
        let location = &s["properties"]["locations"]["anyOf"][0]["items"];
        assert_eq!(
            location["required"],
            json!(["address", "postal_code", "city", "geo"])
        );
        let hours = &location["properties"]["hours"];
        assert_eq!(hours["propertyNames"]["enum"][6], "su");
        assert_eq!(hours["additionalProperties"]["anyOf"][0]["type"], "array");
        let geo = &location["properties"]["geo"];
        assert_eq!(geo["items"][0]["minimum"], 44.19);
        assert_eq!(
            location["properties"]["geo"]["title"],
            Value::Null,
            "two form fields, no one title"
        );
    }

    #[test]
    fn conditional_requirements_stay_optional_and_references_list_what_exists() {
        let s = schema(Kind::Resource);
        assert_eq!(
            s["required"],
            json!(["title", "association", "kind", "category"])
        );
        assert_eq!(
            s["properties"]["association"]["enum"],
            json!(["epicerie-du-port"])
        );
        assert_eq!(
            s["properties"]["quantity"]["properties"]["amount"]["exclusiveMinimum"],
            0
        );
        let call = schema(Kind::VolunteerCall);
        let slot = &call["properties"]["slots"]["anyOf"][0]["items"];
        assert_eq!(slot["properties"]["volunteers"]["minimum"], 1);
        assert_eq!(schema(Kind::Page)["required"], json!(["title"]));
    }
}
