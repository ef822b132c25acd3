//! What the forms' tests share: the test site (each test sets its `[forms]`), the
//! functions' state over it, the routes over an embedded store in a folder of its own, a
//! moderator, an offer as the submission form sends it, and a client at an address.

// Each test binary uses part of this module.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use portal_forms::api::{Api, Client, Group, SiteState};
use portal_forms::rules::Moderators;
use portal_forms::secrets;
use portal_forms::store::{EmbeddedStore, Moderator, Store};
use portal_model::{Kind, SiteConfig};
use serde_json::{Value, json};

/// The test site's `site.toml`, with `forms` (and any table after it) as its `[forms]`.
pub(crate) fn site_toml(forms: &str) -> String {
    format!(
        r#"title = "Portail de test"
base_url = "https://example.org/"
language = "fr"
languages = ["fr", "en"]
timezone = "Europe/Paris"
[territory]
name = "Gironde"
bounds = [[44.19, -1.27], [45.58, 0.32]]
[categories]
repas = "Repas"
[forms]
{forms}
"#
    )
}

/// The test site, with `forms` as its `[forms]`.
pub(crate) fn site(forms: &str) -> SiteConfig {
    SiteConfig::parse(&site_toml(forms)).unwrap()
}

/// The entries of `kind` named `names`, as the functions' state lists them.
pub(crate) fn slugs(kind: Kind, names: &[&str]) -> (Kind, BTreeSet<String>) {
    (kind, names.iter().map(|s| s.to_string()).collect())
}

/// The functions' state of `site` with `slugs`, as on Lambda: no content folder, no calls
/// or listings.
pub(crate) fn state(site: SiteConfig, slugs: BTreeMap<Kind, BTreeSet<String>>) -> SiteState {
    SiteState {
        site,
        slugs,
        content_root: None,
        calls: Default::default(),
        listings: Default::default(),
    }
}

/// An embedded store in a new folder (kept while the folder is).
pub(crate) fn embedded_store() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn Store> =
        Arc::new(EmbeddedStore::open(&dir.path().join("store.sqlite")).unwrap());
    (store, dir)
}

/// Every route over an embedded store, on the test site with `forms`; one association,
/// `epicerie`.
pub(crate) struct Fixture {
    pub(crate) api: Api,
    pub(crate) store: Arc<dyn Store>,
    _dir: tempfile::TempDir,
}

pub(crate) fn fixture(forms: &str) -> Fixture {
    let (store, dir) = embedded_store();
    let state = state(
        site(forms),
        [slugs(Kind::Association, &["epicerie"])].into(),
    );
    Fixture {
        api: Api::new(store.clone(), state, Group::All),
        store,
        _dir: dir,
    }
}

/// Adds moderator `name` to `store`; their token.
pub(crate) async fn moderator(store: &Arc<dyn Store>, name: &str) -> String {
    let token = secrets::new_token();
    let m = Moderator {
        name: name.into(),
        token_hash: secrets::token_hash(&token),
        created_at: 0,
        revoked_at: None,
    };
    Moderators::new(store.clone()).add(&m).await.unwrap();
    token
}

/// A new offer of `association`, as the submission form sends it.
pub(crate) fn offer(title: &str, association: &str) -> Value {
    json!({"type": "resource", "target": null,
           "fields": {"title": title, "association": association, "kind": "offer",
                      "category": "food", "expires": "2026-12-01"},
           "body": "À retirer sur place.", "contact_email": "contact@example.org"})
}

/// A client at `ip`.
pub(crate) fn from(ip: &str) -> Client {
    Client {
        ip: Some(ip.parse().unwrap()),
    }
}
