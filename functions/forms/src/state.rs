//! What the form functions know of the site, and `donnees/formulaires.json`, the file that
//! carries it from `portal build` to the functions on Lambda: one type, written by the
//! generator and read by the Lambda binaries.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use portal_model::volunteer_call::Schedule;
use portal_model::{Kind, Problem, SiteConfig, VolunteerCall};
use serde::{Deserialize, Serialize};

/// What the functions know of the site: its settings and the entries that exist, which
/// references and changes must name. `portal serve` refreshes it on every rebuild.
#[derive(Debug, Clone)]
pub struct SiteState {
    /// The settings of `site.toml`.
    pub site: SiteConfig,
    /// The slugs of the entries that exist, by kind.
    pub slugs: BTreeMap<Kind, BTreeSet<String>>,
    /// Where the content files are, to show a change as a diff (none on Lambda).
    pub content_root: Option<PathBuf>,
    /// The open calls' slots and their capacities, by call slug: what sign-ups are taken on.
    pub calls: BTreeMap<String, CallPlan>,
    /// The open listings, by slug: what associations answer.
    pub listings: BTreeMap<String, ListingPlan>,
}

/// What the functions know of an open listing (an offer or a request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingPlan {
    /// Its title.
    pub title: String,
    /// The publishing association's slug.
    pub association: String,
    /// An offer (« Réserver »), else a request (« Nous pouvons aider »).
    pub offer: bool,
    /// Its last day (`YYYY-MM-DD`), if any: answers are erased a fixed time after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<String>,
}

impl ListingPlan {
    /// The plan of an open listing; none for one no longer open.
    pub fn of(r: &portal_model::Resource, today: jiff::civil::Date) -> Option<ListingPlan> {
        if r.is_archived(today) {
            return None;
        }
        Some(ListingPlan {
            title: r.title.clone(),
            association: r.association.clone(),
            offer: r.kind == portal_model::resource::ResourceKind::Offer,
            ends: r.last_day().map(|d| d.to_string()),
        })
    }
}

/// What the functions know of an open call: who calls, and each slot a volunteer may sign
/// up for with its capacity (its `volunteers`). Built from the content at each build, and
/// carried to Lambda in the state file: a few hundred bytes a call, a few megabytes for a
/// national site of 20,000 calls, read once per cold start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallPlan {
    /// The call's title.
    pub title: String,
    /// The association's slug.
    pub association: String,
    /// A weekly call: its slots are weekdays, and a volunteer says from which day.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recurring: bool,
    /// The slots, in order.
    pub slots: Vec<SlotPlan>,
}

/// One slot of a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotPlan {
    /// `2026-12-24T18:00` for a dated slot, the weekday's key (`tu`) for a weekly one.
    pub id: String,
    /// Said to people: « mercredi 24 décembre 2026, 18:00 – 21:00 », « le mardi, 08:15 – 12:15 ».
    pub label: String,
    /// How many volunteers it takes.
    pub capacity: u32,
    /// Its last day (`YYYY-MM-DD`), none for a weekly call with no end: sign-ups are erased a
    /// fixed time after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<String>,
}

impl CallPlan {
    /// The plan of an open call, its slots from `today` on; none for a call no longer open.
    pub fn of(call: &VolunteerCall, today: jiff::civil::Date) -> Option<CallPlan> {
        if call.is_archived(today) {
            return None;
        }
        let (recurring, slots) = match &call.schedule {
            Schedule::Slots(_) => (
                false,
                call.upcoming_slots(today)
                    .into_iter()
                    .map(|s| SlotPlan {
                        id: format!("{}T{}", s.date, s.start),
                        label: format!(
                            "{}, {} – {}",
                            portal_model::french::date_with_weekday(s.date),
                            s.start,
                            s.end
                        ),
                        capacity: s.volunteers,
                        ends: Some(s.date.to_string()),
                    })
                    .collect(),
            ),
            Schedule::Recurrence(r) => (
                true,
                r.days
                    .iter()
                    .map(|d| SlotPlan {
                        id: d.key().to_string(),
                        label: format!("le {}, {} – {}", d.label(), r.start, r.end),
                        capacity: r.volunteers,
                        ends: call.last_day().map(|d| d.to_string()),
                    })
                    .collect(),
            ),
        };
        Some(CallPlan {
            title: call.title.clone(),
            association: call.association.clone(),
            recurring,
            slots,
        })
    }

    /// The slot of that id.
    pub fn slot(&self, id: &str) -> Option<&SlotPlan> {
        self.slots.iter().find(|s| s.id == id)
    }
}

impl SiteState {
    /// The slugs of the entries of `kind` (none when the kind has no entry).
    pub fn slugs(&self, kind: Kind) -> &BTreeSet<String> {
        static NONE: BTreeSet<String> = BTreeSet::new();
        self.slugs.get(&kind).unwrap_or(&NONE)
    }

    /// The site's base path (`/` or `/portail/`), for links back to it.
    pub fn base_path(&self) -> String {
        let url = self.site.base();
        let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
        let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
        format!("{path}/")
    }

    /// The current file of an entry, if known.
    pub fn source(&self, kind: Kind, slug: &str) -> Option<String> {
        let root = self.content_root.as_ref()?;
        std::fs::read_to_string(root.join(kind.folder()).join(format!("{slug}.md"))).ok()
    }
}

/// `donnees/formulaires.json`: `site.toml` as written and the slugs that exist (all public
/// already), so that the functions check submissions as the build does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    /// `site.toml` as written, parsed by the functions with the same checks as the generator's.
    pub site_toml: String,
    /// The slugs of the entries, by API name (`association`, `volunteer_call`, `resource`).
    pub slugs: BTreeMap<String, BTreeSet<String>>,
    /// The open calls' slots and capacities (see [`CallPlan`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub calls: BTreeMap<String, CallPlan>,
    /// The open listings (see [`ListingPlan`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub listings: BTreeMap<String, ListingPlan>,
}

/// Why the state file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// The file cannot be read.
    #[error("{} : lecture impossible", path.display())]
    Read {
        /// The state file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not the JSON of a [`StateFile`].
    #[error("{} : pas un fichier d'état des formulaires", path.display())]
    Json {
        /// The state file.
        path: PathBuf,
        /// What the JSON reader said, with the line and column.
        #[source]
        source: serde_json::Error,
    },
    /// The `site.toml` the file carries does not pass the generator's checks.
    #[error("site.toml : {}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(" ; "))]
    Site {
        /// Each problem of `site.toml`.
        problems: Vec<Problem>,
    },
}

impl StateFile {
    /// The file of `state`, whose settings were read from `site_toml`.
    pub fn new(site_toml: String, state: &SiteState) -> StateFile {
        let slugs = state
            .slugs
            .iter()
            .map(|(kind, slugs)| (kind.api_name().to_string(), slugs.clone()))
            .collect();
        StateFile {
            site_toml,
            slugs,
            calls: state.calls.clone(),
            listings: state.listings.clone(),
        }
    }

    /// The file's bytes: indented JSON, keys in order.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("a state file serialises")
    }

    /// Reads the state file at `path`.
    pub fn read(path: &Path) -> Result<StateFile, StateError> {
        let text = std::fs::read_to_string(path).map_err(|source| StateError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|source| StateError::Json {
            path: path.to_path_buf(),
            source,
        })
    }

    /// What the functions know of the site, from the file (no content folder: no diffs).
    pub fn state(&self) -> Result<SiteState, StateError> {
        let site =
            SiteConfig::parse(&self.site_toml).map_err(|problems| StateError::Site { problems })?;
        let slugs = Kind::ALL
            .into_iter()
            .map(|k| (k, self.slugs.get(k.api_name()).cloned().unwrap_or_default()))
            .collect();
        Ok(SiteState {
            site,
            slugs,
            content_root: None,
            calls: self.calls.clone(),
            listings: self.listings.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = r#"title = "Portail"
base_url = "https://example.org/portail/"
language = "fr"
timezone = "Europe/Paris"
[territory]
name = "Gironde"
bounds = [[44.19, -1.27], [45.58, 0.32]]
[categories]
repas = "Repas"
"#;

    #[test]
    fn the_file_carries_the_state_there_and_back() {
        let state = SiteState {
            site: SiteConfig::parse(SITE).unwrap(),
            slugs: [
                (Kind::Association, ["epicerie".to_string()].into()),
                (Kind::Resource, BTreeSet::new()),
            ]
            .into(),
            content_root: Some("content".into()),
            calls: BTreeMap::new(),
            listings: BTreeMap::new(),
        };
        let file = StateFile::new(SITE.to_string(), &state);
        let json = String::from_utf8(file.to_json()).unwrap();
        let site_toml = serde_json::to_string(SITE).unwrap();
        assert_eq!(
            json,
            format!(
                "{{\n  \"site_toml\": {site_toml},\n  \"slugs\": {{\n    \"association\": [\n      \"epicerie\"\n    ],\n    \"resource\": []\n  }}\n}}"
            )
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("formulaires.json");
        std::fs::write(&path, &json).unwrap();
        let back = StateFile::read(&path).unwrap();
        assert_eq!(back, file);
        let read = back.state().unwrap();
        assert_eq!(
            read.slugs(Kind::Association),
            state.slugs(Kind::Association)
        );
        assert!(read.slugs(Kind::VolunteerCall).is_empty());
        assert_eq!(read.base_path(), "/portail/");
        assert_eq!(read.content_root, None);
    }

    #[test]
    fn a_bad_file_says_which_and_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("formulaires.json");
        let missing = StateFile::read(&path).unwrap_err();
        assert_eq!(
            missing.to_string(),
            format!("{} : lecture impossible", path.display())
        );
        std::fs::write(&path, "{}").unwrap();
        let wrong = StateFile::read(&path).unwrap_err();
        assert_eq!(
            crate::store::chain(&wrong),
            format!(
                "{} : pas un fichier d'état des formulaires : missing field `site_toml` at line 1 column 2",
                path.display()
            )
        );
    }
}
