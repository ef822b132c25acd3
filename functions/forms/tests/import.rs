//! `portal import` after the moderators' decisions: nothing blocks the rest, every entry its
//! own file, a change never writes over an edit, and a failure part way says what it wrote.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_trait::async_trait;
use bytes::Bytes;
use http::{Request, StatusCode};
use portal_forms::api::{Api, Client, Group};
use portal_forms::import::{Report, Target, import};
use portal_forms::rules::{Sources, Submissions};
use portal_forms::store::{
    Answer, Created, Decision, EmbeddedStore, EntryFile, Idempotency, ListingState, Moderator,
    Outcome, Page, Place, Publisher, Registration, Revision, Seconds, SlotCount, Status, Store,
    StoreError, Stored, Submission, Taken, Update,
};
use portal_model::Kind;
use serde_json::{Value, json};

mod common;

use common::{offer, slugs};

const FORMS: &str = "min_fill_seconds = 0\nrate_limit_per_hour = 100";

struct Fixture {
    api: Api,
    store: Arc<dyn Store>,
    token: String,
    root: tempfile::TempDir,
}

/// The functions as on Lambda: no content folder, only what the store keeps.
async fn fixture(store: Arc<dyn Store>, resources: &[&str]) -> Fixture {
    let state = common::state(
        common::site(FORMS),
        [
            slugs(Kind::Association, &["epicerie", "autre"]),
            slugs(Kind::Resource, resources),
        ]
        .into(),
    );
    let token = common::moderator(&store, "alice").await;
    Fixture {
        api: Api::new(store.clone(), state, Group::All),
        store,
        token,
        root: tempfile::tempdir().unwrap(),
    }
}

async fn embedded(resources: &[&str]) -> (Fixture, tempfile::TempDir) {
    let (store, dir) = common::embedded_store();
    (fixture(store, resources).await, dir)
}

impl Fixture {
    /// `first` written as `content/ressources/pommes.md` and sent to the store (the functions
    /// have no content/), then a change of its title proposed as the form sends it (the
    /// entry's own fields only): the submission's id and what the moderator sees of it.
    async fn change_to_pommes(&self, first: &str) -> (String, Value) {
        std::fs::create_dir_all(self.root.path().join("content/ressources")).unwrap();
        std::fs::write(self.root.path().join("content/ressources/pommes.md"), first).unwrap();
        let sources = Sources::new(self.store.clone());
        let files = BTreeMap::from([("pommes".to_string(), first.to_string())]);
        sources.sync(Kind::Resource, &files).await.unwrap();
        let mut change = offer("Pommes bio", "epicerie");
        change["target"] = json!("pommes");
        let id = self.submit(change).await;
        let (_, one) = self
            .call("GET", &format!("/moderation/submissions/{id}"), Value::Null)
            .await;
        (id, one)
    }

    async fn call(&self, method: &str, path: &str, body: Value) -> (StatusCode, Value) {
        let req = Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {}", self.token))
            .body(Bytes::from(if body.is_null() {
                String::new()
            } else {
                body.to_string()
            }))
            .unwrap();
        let res = self.api.handle(req, Client::default()).await;
        let v = serde_json::from_slice(res.body()).unwrap_or(Value::Null);
        (res.status(), v)
    }

    async fn submit(&self, body: Value) -> String {
        let (s, v) = self.call("POST", "/submissions", body).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v["id"].as_str().unwrap().to_string()
    }

    async fn decide(&self, id: &str, body: Value) -> (StatusCode, Value) {
        self.call(
            "POST",
            &format!("/moderation/submissions/{id}/decision"),
            body,
        )
        .await
    }

    async fn approve(&self, id: &str) {
        let (s, v) = self
            .decide(id, json!({"action": "approve", "version": 1}))
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }

    /// `portal import`, with the associations that exist at that time.
    async fn import(&self, associations: &[&str], resources: &[&str]) -> Report {
        let existing: BTreeMap<Kind, BTreeSet<String>> = [
            slugs(Kind::Association, associations),
            slugs(Kind::Resource, resources),
        ]
        .into();
        let scratch = self.root.path().join(".portal/import");
        let target = Target {
            root: self.root.path(),
            site: &common::site(FORMS),
            existing: &existing,
            today: jiff::civil::date(2026, 11, 23),
            scratch: &scratch,
        };
        import(&Submissions::new(self.store.clone()), &target).await
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.path().join(rel)).unwrap()
    }
}

#[tokio::test]
async fn an_approved_submission_that_cannot_be_written_blocks_nothing() {
    let (f, _dir) = embedded(&[]).await;
    let gone = f.submit(offer("Pommes de l'autre", "autre")).await;
    let fine = f.submit(offer("Poires", "epicerie")).await;
    f.approve(&gone).await;
    f.approve(&fine).await;
    // `autre` was removed from content/ after the decision.
    let report = f.import(&["epicerie"], &[]).await;
    assert!(report.failure.is_none(), "{report:?}");
    let written: Vec<&str> = report.written.iter().map(|w| w.file.as_str()).collect();
    assert_eq!(written, ["content/ressources/poires.md"]);
    assert_eq!(report.set_aside.len(), 1, "{report:?}");
    assert_eq!(report.set_aside[0].submission, gone);
    assert!(
        report.set_aside[0].reason.contains("« autre »"),
        "{report:?}"
    );
    // Set aside once: the next run has nothing left, and fails on nothing.
    let again = f.import(&["epicerie"], &["poires"]).await;
    assert!(again.failure.is_none() && again.written.is_empty() && again.set_aside.is_empty());

    // The moderators' queue shows it with its reason; a correction is checked as a
    // submission is, then it imports.
    let (s, queue) = f
        .call(
            "GET",
            "/moderation/submissions?status=set_aside",
            Value::Null,
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(queue["items"][0]["id"], json!(gone));
    assert!(
        queue["items"][0]["problem"]
            .as_str()
            .unwrap()
            .contains("autre")
    );
    let (_, one) = f
        .call(
            "GET",
            &format!("/moderation/submissions/{gone}"),
            Value::Null,
        )
        .await;
    let version = one["submission"]["version"].as_u64().unwrap();
    let mut fields = one["submission"]["fields"].clone();
    fields["association"] = json!("nulle-part");
    let (s, bad) = f
        .decide(
            &gone,
            json!({"action": "approve", "version": version, "fields": fields}),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}");
    assert_eq!(bad["errors"][0]["field"], "association", "{bad}");
    fields["association"] = json!("epicerie");
    let (s, ok) = f
        .decide(
            &gone,
            json!({"action": "approve", "version": version, "fields": fields}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{ok}");
    let audit = f.store.audit(&gone).await.unwrap();
    assert!(audit.last().unwrap().corrected);
    let third = f.import(&["epicerie"], &["poires"]).await;
    let written: Vec<&str> = third.written.iter().map(|w| w.file.as_str()).collect();
    assert_eq!(written, ["content/ressources/pommes-de-l-autre.md"]);
    assert!(f.read(written[0]).contains("association: epicerie"));

    // Sent back or refused from the set-aside queue, as from the pending one.
    let other = f.submit(offer("Prunes", "autre")).await;
    f.approve(&other).await;
    assert_eq!(f.import(&["epicerie"], &[]).await.set_aside.len(), 1);
    let (s, v) = f
        .decide(&other, json!({"action": "request_changes", "note": "L'association n'existe plus.", "version": 2}))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["submission"]["status"], "changes_requested");
}

#[tokio::test]
async fn what_passes_the_submission_checks_imports() {
    let (f, _dir) = embedded(&[]).await;
    // A byte order mark inside a title: the JSON-to-tree check let it through, and the
    // file written then failed to build, stopping every import after it.
    let (s, v) = f
        .call(
            "POST",
            "/submissions",
            offer("Pommes\u{feff} bio", "epicerie"),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert!(!v["errors"].as_array().unwrap().is_empty(), "{v}");
    let pending = f.store.list(Status::Pending, None, 10).await.unwrap();
    assert!(
        pending.items.is_empty(),
        "refused at submission, not at import"
    );
}

#[tokio::test]
async fn entries_imported_in_one_run_never_share_a_file() {
    let (f, _dir) = embedded(&[]).await;
    let mut ids = Vec::new();
    for title in ["Pommes", "Pommes", "Pommes !", "Продукты", "Продукты"] {
        let mut body = offer(title, "epicerie");
        body["body"] = json!(format!("{title} {}", ids.len()));
        let id = f.submit(body).await;
        f.approve(&id).await;
        ids.push(id);
    }
    let report = f.import(&["epicerie"], &[]).await;
    assert!(
        report.failure.is_none() && report.set_aside.is_empty(),
        "{report:?}"
    );
    let files: Vec<&str> = report.written.iter().map(|w| w.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "content/ressources/pommes.md",
            "content/ressources/pommes-2.md",
            "content/ressources/pommes-3.md",
            "content/ressources/produkty.md",
            "content/ressources/produkty-2.md",
        ]
    );
    for (i, file) in files.iter().enumerate() {
        assert!(
            f.read(file).contains(&format!(" {i}\n")),
            "{file} is its own entry"
        );
    }
}

#[tokio::test]
async fn a_change_never_writes_over_an_edit() {
    let (f, _dir) = embedded(&["pommes"]).await;
    let rel = "content/ressources/pommes.md";
    let first = "---\ntitle: Pommes\nassociation: epicerie\nkind: offer\ncategory: food\nexpires: 2026-12-01\n---\nÀ retirer.\n";
    let (id, one) = f.change_to_pommes(first).await;
    let diff = one["diff"]
        .as_str()
        .expect("a diff against the current file");
    assert!(
        diff.contains("-title: Pommes\n") && diff.contains("+title: Pommes bio\n"),
        "{diff}"
    );
    let seen = one["current_sha256"].clone();
    let (s, v) = f
        .decide(
            &id,
            json!({"action": "approve", "version": 1, "base": seen}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // An editor changes the file before the import.
    let edited = first.replace("À retirer.", "À retirer le samedi.");
    std::fs::write(f.root.path().join(rel), &edited).unwrap();
    let report = f.import(&["epicerie"], &["pommes"]).await;
    assert!(report.written.is_empty(), "{report:?}");
    assert_eq!(report.set_aside.len(), 1);
    assert!(report.set_aside[0].conflict);
    assert_eq!(f.read(rel), edited, "the edit stays");

    // Once the edit is published, the moderator sees the change against it, and a decision
    // on what was seen before is refused.
    Sources::new(f.store.clone())
        .sync(
            Kind::Resource,
            &BTreeMap::from([("pommes".to_string(), edited.clone())]),
        )
        .await
        .unwrap();
    let (_, one) = f
        .call("GET", &format!("/moderation/submissions/{id}"), Value::Null)
        .await;
    assert!(
        one["diff"]
            .as_str()
            .unwrap()
            .contains("-À retirer le samedi.")
    );
    let (s, v) = f
        .decide(
            &id,
            json!({"action": "approve", "version": 2, "base": seen}),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    let (s, v) = f
        .decide(
            &id,
            json!({"action": "approve", "version": 2, "base": one["current_sha256"]}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let report = f.import(&["epicerie"], &["pommes"]).await;
    assert_eq!(report.written.len(), 1, "{report:?}");
    assert!(f.read(rel).contains("title: Pommes bio"));
}

#[tokio::test]
async fn a_change_keeps_the_translations_of_the_file() {
    let (f, _dir) = embedded(&["pommes"]).await;
    let rel = "content/ressources/pommes.md";
    let first = "---\ntitle: Pommes\nassociation: epicerie\nkind: offer\ncategory: food\nexpires: 2026-12-01\ntranslations:\n  en:\n    title: Apples\n    body: |\n      To fetch on site.\n\n      On Saturdays.\n---\nÀ retirer.\n";
    let (id, one) = f.change_to_pommes(first).await;
    let diff = one["diff"].as_str().unwrap();
    assert!(
        diff.contains("+title: Pommes bio\n") && !diff.contains("-translations:"),
        "the moderator sees the translations kept:\n{diff}"
    );
    let (s, v) = f
        .decide(
            &id,
            json!({"action": "approve", "version": 1, "base": one["current_sha256"]}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let report = f.import(&["epicerie"], &["pommes"]).await;
    assert_eq!(report.written.len(), 1, "{report:?}");
    assert_eq!(
        f.read(rel),
        "---\ntitle: Pommes bio\nassociation: epicerie\nkind: offer\ncategory: food\nexpires: 2026-12-01\ntranslations:\n  en:\n    title: Apples\n    body: |\n      To fetch on site.\n\n      On Saturdays.\n---\nÀ retirer sur place.\n"
    );
}

#[tokio::test]
async fn a_submission_s_translations_are_checked_and_imported() {
    let (f, _dir) = embedded(&[]).await;
    let mut wrong = offer("Poires", "epicerie");
    wrong["fields"]["translations"] = json!({"de": {"title": "Birnen"}});
    let (s, v) = f.call("POST", "/submissions", wrong).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["errors"][0]["field"], "translations.de", "{v}");

    let mut right = offer("Poires", "epicerie");
    right["fields"]["translations"] =
        json!({"en": {"title": "Pears", "body": "To fetch on site.\n\nOn Saturdays."}});
    let id = f.submit(right).await;
    f.approve(&id).await;
    let report = f.import(&["epicerie"], &[]).await;
    assert_eq!(report.written.len(), 1, "{report:?}");
    assert!(
        f.read("content/ressources/poires.md").ends_with(
            "translations:\n  en:\n    title: Pears\n    body: |-\n      To fetch on site.\n\n      On Saturdays.\n---\nÀ retirer sur place.\n"
        ),
        "{}",
        f.read("content/ressources/poires.md")
    );
}

/// The embedded store, whose `update` fails from its `fail_at`-th call on: a disk that
/// fills up, a network that drops, part way through an import.
struct Failing {
    inner: EmbeddedStore,
    updates: AtomicUsize,
    fail_at: usize,
}

#[async_trait]
impl Store for Failing {
    async fn create(
        &self,
        s: &Submission,
        e: &str,
        x: Seconds,
        i: Option<&Idempotency>,
    ) -> Result<Created, StoreError> {
        self.inner.create(s, e, x, i).await
    }
    async fn get(&self, id: &str) -> Result<Option<Stored<Submission>>, StoreError> {
        self.inner.get(id).await
    }
    async fn contact(&self, id: &str, now: Seconds) -> Result<Option<String>, StoreError> {
        self.inner.contact(id, now).await
    }
    async fn list(
        &self,
        s: Status,
        a: Option<&str>,
        l: usize,
    ) -> Result<Page<Submission>, StoreError> {
        self.inner.list(s, a, l).await
    }
    async fn update(&self, u: &Update<'_>) -> Result<Outcome, StoreError> {
        if self.updates.fetch_add(1, Ordering::SeqCst) + 1 >= self.fail_at {
            return Err(StoreError::SecretLost);
        }
        self.inner.update(u).await
    }
    async fn audit(&self, id: &str) -> Result<Vec<Decision>, StoreError> {
        self.inner.audit(id).await
    }
    async fn hit(&self, k: &str, w: Seconds, l: u32, e: Seconds) -> Result<bool, StoreError> {
        self.inner.hit(k, w, l, e).await
    }
    async fn moderator(&self, n: &str) -> Result<Option<Moderator>, StoreError> {
        self.inner.moderator(n).await
    }
    async fn token_owner(&self, h: &str) -> Result<Option<String>, StoreError> {
        self.inner.token_owner(h).await
    }
    async fn put_moderator(
        &self,
        m: &Moderator,
        r: Option<&Moderator>,
    ) -> Result<Outcome, StoreError> {
        self.inner.put_moderator(m, r).await
    }
    async fn moderators(&self) -> Result<Vec<Moderator>, StoreError> {
        self.inner.moderators().await
    }
    async fn secret(&self, c: &[u8]) -> Result<Vec<u8>, StoreError> {
        self.inner.secret(c).await
    }
    async fn source_hashes(&self, k: Kind) -> Result<BTreeMap<String, String>, StoreError> {
        self.inner.source_hashes(k).await
    }
    async fn source(&self, k: Kind, s: &str) -> Result<Option<EntryFile>, StoreError> {
        self.inner.source(k, s).await
    }
    async fn put_sources(&self, k: Kind, p: &[EntryFile], r: &[String]) -> Result<(), StoreError> {
        self.inner.put_sources(k, p, r).await
    }
    async fn register(
        &self,
        r: &Registration,
        i: Option<&Idempotency>,
    ) -> Result<Created, StoreError> {
        self.inner.register(r, i).await
    }
    async fn registration(&self, id: &str, n: Seconds) -> Result<Option<Registration>, StoreError> {
        self.inner.registration(id, n).await
    }
    async fn forget_registration(&self, id: &str) -> Result<(), StoreError> {
        self.inner.forget_registration(id).await
    }
    async fn take(&self, p: &Place, c: u32) -> Result<Taken, StoreError> {
        self.inner.take(p, c).await
    }
    async fn places(
        &self,
        c: &str,
        s: Option<&str>,
        n: Seconds,
    ) -> Result<Vec<Stored<Place>>, StoreError> {
        self.inner.places(c, s, n).await
    }
    async fn place(&self, c: &str, s: &str, p: &str) -> Result<Option<Stored<Place>>, StoreError> {
        self.inner.place(c, s, p).await
    }
    async fn slot_counts(&self, c: &str) -> Result<BTreeMap<String, SlotCount>, StoreError> {
        self.inner.slot_counts(c).await
    }
    async fn release(
        &self,
        c: &Stored<Place>,
        p: Option<&Stored<Place>>,
    ) -> Result<Outcome, StoreError> {
        self.inner.release(c, p).await
    }
    async fn publisher(&self, s: &str) -> Result<Option<Publisher>, StoreError> {
        self.inner.publisher(s).await
    }
    async fn put_publisher(
        &self,
        p: &Publisher,
        r: Option<&Publisher>,
    ) -> Result<Outcome, StoreError> {
        self.inner.put_publisher(p, r).await
    }
    async fn publishers(&self) -> Result<Vec<Publisher>, StoreError> {
        self.inner.publishers().await
    }
    async fn close_call(&self, s: &str, at: Seconds) -> Result<Outcome, StoreError> {
        self.inner.close_call(s, at).await
    }
    async fn closed_calls(&self) -> Result<BTreeMap<String, Seconds>, StoreError> {
        self.inner.closed_calls().await
    }
    async fn put_answer(&self, a: &Answer, i: Option<&Idempotency>) -> Result<Created, StoreError> {
        self.inner.put_answer(a, i).await
    }
    async fn answer(
        &self,
        l: &str,
        id: &str,
        n: Seconds,
    ) -> Result<Option<Stored<Answer>>, StoreError> {
        self.inner.answer(l, id, n).await
    }
    async fn answers(&self, l: &str, n: Seconds) -> Result<Vec<Stored<Answer>>, StoreError> {
        self.inner.answers(l, n).await
    }
    async fn set_answer(&self, a: &Answer, r: Revision) -> Result<Outcome, StoreError> {
        self.inner.set_answer(a, r).await
    }
    async fn finish_listing(&self, l: &str) -> Result<Outcome, StoreError> {
        self.inner.finish_listing(l).await
    }
    async fn listing_state(&self, l: &str) -> Result<ListingState, StoreError> {
        self.inner.listing_state(l).await
    }
    async fn listing_states(&self) -> Result<BTreeMap<String, ListingState>, StoreError> {
        self.inner.listing_states().await
    }
}

#[tokio::test]
async fn an_import_that_fails_part_way_reports_every_file_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let inner = EmbeddedStore::open(&dir.path().join("store.sqlite")).unwrap();
    let failing = Arc::new(Failing {
        inner,
        updates: AtomicUsize::new(0),
        fail_at: usize::MAX,
    });
    let f = fixture(failing.clone(), &[]).await;
    for title in ["Pommes", "Poires", "Prunes"] {
        let id = f.submit(offer(title, "epicerie")).await;
        f.approve(&id).await;
    }
    // Two marks a file: the fifth write (the third file's first mark) fails.
    let before = failing.updates.load(Ordering::SeqCst);
    let failing_at = Failing {
        fail_at: before + 5,
        ..Failing {
            inner: EmbeddedStore::open(&dir.path().join("store.sqlite")).unwrap(),
            updates: AtomicUsize::new(before),
            fail_at: 0,
        }
    };
    let submissions = Submissions::new(Arc::new(failing_at));
    let existing = [slugs(Kind::Association, &["epicerie"])].into();
    let scratch = f.root.path().join(".portal/import");
    let target = Target {
        root: f.root.path(),
        site: &common::site(FORMS),
        existing: &existing,
        today: jiff::civil::date(2026, 11, 23),
        scratch: &scratch,
    };
    let report = import(&submissions, &target).await;
    assert!(report.failure.is_some(), "{report:?}");
    let files: Vec<&str> = report.written.iter().map(|w| w.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "content/ressources/pommes.md",
            "content/ressources/poires.md"
        ]
    );
    // The rest is done by the next run.
    let rest = f.import(&["epicerie"], &["pommes", "poires"]).await;
    let files: Vec<&str> = rest.written.iter().map(|w| w.file.as_str()).collect();
    assert_eq!(files, ["content/ressources/prunes.md"], "{rest:?}");
}

/// An association's submitter who ticked « prévenir aussi cette adresse »: once the profile
/// is written, its contact e-mail is where the association is told of its exchanges; one
/// who did not tick it is not told.
#[tokio::test]
async fn an_association_that_agreed_is_told_at_its_contact() {
    let (f, _dir) = embedded(&[]).await;
    let association = |name: &str, email: &str, notify: bool| {
        json!({"type": "association", "target": null, "notify": notify,
               "fields": {"name": name, "summary": "Des repas chauds le soir pour qui en a besoin.",
                          "categories": ["repas"],
                          "locations": [{"address": "1 rue du Port", "postal_code": "33000",
                                         "city": "Bordeaux", "geo": [44.84, -0.57]}]},
               "body": "Des repas chauds servis chaque soir de la semaine, sans condition, au local du port.", "contact_email": email})
    };
    let agreed = f
        .submit(association(
            "Soupe du soir",
            "coordination@soupe.example",
            true,
        ))
        .await;
    let silent = f
        .submit(association("Repas du midi", "midi@repas.example", false))
        .await;
    f.approve(&agreed).await;
    f.approve(&silent).await;
    let report = f.import(&[], &[]).await;
    assert_eq!(report.written.len(), 2, "{report:?}");
    let publishers = portal_forms::rules::Publishers::new(f.store.clone());
    assert_eq!(
        publishers
            .address("soupe-du-soir")
            .await
            .unwrap()
            .as_deref(),
        Some("coordination@soupe.example")
    );
    assert_eq!(publishers.address("repas-du-midi").await.unwrap(), None);
    // And nothing of it is in the file written.
    let file = std::fs::read_to_string(f.root.path().join("content/associations/soupe-du-soir.md"))
        .unwrap();
    assert!(
        !file.contains("coordination@soupe.example") && !file.contains("notify"),
        "{file}"
    );
}
