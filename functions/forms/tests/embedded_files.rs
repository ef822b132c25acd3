//! The embedded store's files on disk: what is erased is not left readable in them (the
//! database, its WAL and shared memory), and only their owner may read them.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use portal_forms::rules::Submissions;
use portal_forms::store::{Action, Decision, EmbeddedStore, Store};
use portal_model::Draft;
use portal_model::site::FormSettings;
use serde_json::json;

const ADDRESS: &str = "effacee.pour.de.bon@example.org";

/// Every file of the store's folder, raw, and whether `needle` is in one of them.
fn found_in_files(dir: &Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
            found.push(path.display().to_string());
        }
    }
    found
}

#[tokio::test]
async fn an_erased_address_is_not_left_in_the_database_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(EmbeddedStore::open(&dir.path().join("store.sqlite")).unwrap());
    let submissions = Submissions::new(store.clone());
    let settings = FormSettings {
        retention_days: 0,
        ..FormSettings::default()
    };
    let draft: Draft = serde_json::from_value(json!({
        "type": "resource", "fields": {"title": "Pommes"}, "body": "",
        "contact_email": ADDRESS}))
    .unwrap();
    let mut ids = Vec::new();
    for n in 0..20 {
        let mut d = draft.clone();
        d.body = format!("proposition {n}");
        ids.push(
            submissions
                .submit(&d, Default::default(), &settings)
                .await
                .unwrap()
                .id,
        );
    }
    assert!(
        !found_in_files(dir.path(), ADDRESS).is_empty(),
        "stored first"
    );
    let now = jiff::Timestamp::now().as_second();
    for id in &ids {
        let decision = Decision {
            submission: id.clone(),
            action: Action::Reject,
            note: "non".into(),
            by: "alice".into(),
            at: now - 10,
            version: 1,
            corrected: false,
        };
        submissions.decide(&decision, &settings).await.unwrap();
    }
    assert!(store.purge_expired(now).await.unwrap() >= ids.len());
    assert_eq!(store.contact(&ids[0], 0).await.unwrap(), None);
    let left = found_in_files(dir.path(), ADDRESS);
    assert!(
        left.is_empty(),
        "the erased address is still readable in {left:?}"
    );
}

#[test]
fn the_files_and_their_folder_are_the_owners_only() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join(".portal");
    let store = EmbeddedStore::open(&dir.join("store.sqlite")).unwrap();
    drop(store);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
    // A store made before, readable by all, is closed up when opened.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(
        dir.join("store.sqlite"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let store = EmbeddedStore::open(&dir.join("store.sqlite")).unwrap();
    drop(store);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("store.sqlite")), 0o600);
}
