//! What the exchange changes in `content/`, through `portal import`: a call its association
//! closed, or whose every slot is full, becomes `filled`; an offer with an answer accepted
//! becomes `reserved`; a listing its publisher marked done becomes `done`. Each change is
//! recorded as an approved change of the entry (decided by « échange », against the file's
//! current SHA-256) and written by [`crate::import`] like any other: in two marks, set aside
//! if the file was edited since, never twice (one change per entry, status and file
//! version). No personal data is in it: only the status.

use std::path::Path;

use portal_model::content::split_front_matter;
use portal_model::tree::{Node, Value, parse_yaml};
use portal_model::{Kind, SubmissionType};
use serde_json::{Map, Value as Json};

use crate::rules::sources::sha256;
use crate::rules::{Answers, Result, Submissions, Volunteers};
use crate::state::SiteState;

/// One entry whose status the exchange changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    /// The entry's kind.
    pub kind: Kind,
    /// Its slug.
    pub slug: String,
    /// Its new status (`filled`, `reserved`, `done`).
    pub status: &'static str,
    /// The change recorded for the import (none: recorded by an earlier run).
    pub submission: Option<String>,
}

/// A YAML tree as the JSON fields of a submission: plain numbers and booleans as such,
/// every other scalar as text (as the API's JSON would give them).
fn json_of(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Scalar { text, quoted } => {
            if !quoted {
                if let Ok(n) = text.parse::<i64>() {
                    return Json::from(n);
                }
                match text.as_str() {
                    "true" => return Json::Bool(true),
                    "false" => return Json::Bool(false),
                    _ => {}
                }
            }
            Json::String(text.clone())
        }
        Value::List(items) => Json::Array(items.iter().map(json_of).collect()),
        Value::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), json_of(&e.value)))
                .collect(),
        ),
    }
}

/// A content file's fields and body, as a change submission carries them.
pub fn fields_of(text: &str) -> Option<(Map<String, Json>, String)> {
    let parts = split_front_matter(text).ok()?;
    let node = parse_yaml(parts.front, parts.front_line).ok()?;
    match json_of(&node) {
        Json::Object(fields) => Some((fields, parts.body.to_string())),
        _ => None,
    }
}

/// Records, for `portal import` to write, every status the exchange changed: `root` holds
/// `content/`, `state` the open calls' slots (what "full" is measured against).
pub async fn record(
    root: &Path,
    state: &SiteState,
    submissions: &Submissions,
    volunteers: &Volunteers,
    answers: &Answers,
) -> Result<Vec<StatusChange>> {
    let mut wanted: Vec<(Kind, String, &'static str)> = Vec::new();
    for (slug, plan) in &state.calls {
        let closed = volunteers.closed(slug).await?;
        let full = !plan.slots.is_empty() && {
            let counts = volunteers.counts(slug).await?;
            plan.slots
                .iter()
                .all(|s| counts.get(&s.id).is_some_and(|c| c.confirmed >= s.capacity))
        };
        if closed || full {
            wanted.push((Kind::VolunteerCall, slug.clone(), "filled"));
        }
    }
    for (slug, s) in answers.states().await? {
        let offer = state.listings.get(&slug).map(|p| p.offer);
        if s.done {
            wanted.push((Kind::Resource, slug, "done"));
        } else if s.accepted.is_some() && offer == Some(true) {
            wanted.push((Kind::Resource, slug, "reserved"));
        }
    }
    let mut out = Vec::new();
    for (kind, slug, status) in wanted {
        let path = root
            .join("content")
            .join(kind.folder())
            .join(format!("{slug}.md"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some((mut fields, body)) = fields_of(&text) else {
            continue;
        };
        if fields.get("status").and_then(Json::as_str) == Some(status) {
            continue;
        }
        fields.insert("status".into(), Json::String(status.into()));
        let kind_type = match kind {
            Kind::VolunteerCall => SubmissionType::VolunteerCall,
            _ => SubmissionType::Resource,
        };
        let note = match status {
            "filled" => "Appel complet ou clos par l'association (échange du portail).",
            "reserved" => {
                "Offre réservée : une réponse acceptée par l'association (échange du portail)."
            }
            _ => "Annonce marquée terminée par l'association (échange du portail).",
        };
        let submission = submissions
            .record_exchange(kind_type, &slug, fields, body, &sha256(&text), note)
            .await?;
        out.push(StatusChange {
            kind,
            slug,
            status,
            submission,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_becomes_the_fields_of_a_change() {
        let text = "---\ntitle: \"Non\"\nassociation: epicerie\nslots:\n  - {date: 2026-12-12, start: \"09:00\", end: \"12:00\", volunteers: 10}\nremote: false\n---\nTrier.\n";
        let (fields, body) = fields_of(text).unwrap();
        assert_eq!(fields["title"], "Non");
        assert_eq!(fields["slots"][0]["volunteers"], 10);
        assert_eq!(fields["slots"][0]["start"], "09:00");
        assert_eq!(fields["remote"], false);
        assert_eq!(body, "Trier.\n");
    }
}
