//! The store contract: one suite, run against both stores, each test on a fresh one: the
//! store's own reads and conditional writes, and the rules of the forms over it (the only
//! way the functions write), which must hold the same on both. The embedded store gets a
//! temporary folder; DynamoDB gets a new table in the DynamoDB-compatible
//! server (moto) that `tests/run` or `tests/moto` starts and names in
//! `AWS_ENDPOINT_URL_DYNAMODB`. Without it the DynamoDB tests fail: they never skip.
//!
//! `cargo test -p portal-forms --test store_contract embedded::` (or `dynamo::`) runs one side.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use portal_forms::rules::{Moderators, RuleError, Submissions};
use portal_forms::store::{
    Action, Created, Decision, DynamoStore, EmbeddedStore, Idempotency, Moderator, Outcome,
    Revision, Seconds, Status, Store, Stored, Submission, Update,
};
use portal_model::SubmissionType;
use portal_model::site::FormSettings;
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Embedded,
    Dynamo,
}

struct Fixture {
    store: Arc<dyn Store>,
    /// The rules over `store`.
    submissions: Arc<Submissions>,
    moderators: Arc<Moderators>,
    kind: Kind,
    _dir: Option<tempfile::TempDir>,
    table: Option<DynamoStore>,
}

impl Fixture {
    async fn embedded() -> Fixture {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store = EmbeddedStore::open(&dir.path().join("store.db")).expect("the store opens");
        let store: Arc<dyn Store> = Arc::new(store);
        Fixture {
            submissions: Arc::new(Submissions::new(store.clone())),
            moderators: Arc::new(Moderators::new(store.clone())),
            store,
            kind: Kind::Embedded,
            _dir: Some(dir),
            table: None,
        }
    }

    async fn dynamo() -> Fixture {
        let endpoint = std::env::var("AWS_ENDPOINT_URL_DYNAMODB").unwrap_or_default();
        assert!(
            endpoint.starts_with("http://127.0.0.1:") || endpoint.starts_with("http://localhost:"),
            "AWS_ENDPOINT_URL_DYNAMODB ({endpoint:?}) must name the local DynamoDB-compatible \
             server of the tests: run `tests/run`, or `tests/moto cargo test -p portal-forms`, \
             which start moto and set it"
        );
        static COUNT: AtomicU32 = AtomicU32::new(0);
        let table = format!(
            "contract-{}-{}-{}",
            std::process::id(),
            jiff::Timestamp::now().as_microsecond(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let store = DynamoStore::connect(table)
            .await
            .expect("AWS settings from the environment");
        store
            .create_table()
            .await
            .expect("the test table is created");
        let shared: Arc<dyn Store> = Arc::new(store.clone());
        Fixture {
            submissions: Arc::new(Submissions::new(shared.clone())),
            moderators: Arc::new(Moderators::new(shared.clone())),
            store: shared,
            kind: Kind::Dynamo,
            _dir: None,
            table: Some(store),
        }
    }

    /// A second handle on the same storage, as another process would have.
    async fn reopen(&self) -> Arc<dyn Store> {
        match (&self._dir, &self.table) {
            (Some(dir), _) => Arc::new(
                EmbeddedStore::open(&dir.path().join("store.db")).expect("the store opens"),
            ),
            (_, Some(table)) => Arc::new(
                DynamoStore::connect(table.table())
                    .await
                    .expect("AWS settings from the environment"),
            ),
            _ => unreachable!("a fixture has a folder or a table"),
        }
    }

    async fn done(self) {
        if let Some(table) = &self.table {
            table
                .delete_table()
                .await
                .expect("the test table is deleted");
        }
    }
}

/// Runs each contract test against both stores: `embedded::NAME` and `dynamo::NAME`.
macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod embedded {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let f = super::Fixture::embedded().await;
                    super::$name(&f).await;
                    f.done().await;
                }
            )*
        }
        mod dynamo {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let f = super::Fixture::dynamo().await;
                    super::$name(&f).await;
                    f.done().await;
                }
            )*
        }
    };
}

#[path = "store_contract/volunteers.rs"]
mod volunteers;
use volunteers::*;
#[path = "store_contract/answers.rs"]
mod answers;
use answers::*;

contract!(
    one_answer_accepted_the_others_declined,
    fifty_reserve_one_offer_at_once,
    places_confirmed_then_waiting,
    one_person_holds_a_slot_once,
    a_cancellation_promotes_the_first_waiting,
    a_registration_is_forgotten_when_it_expires,
    two_hundred_at_once_for_ten_places,
    cancellations_and_sign_ups_at_once,
    create_then_get,
    create_twice_the_same_id_is_taken,
    idempotent_create,
    concurrent_creates_with_one_key_store_one,
    an_expired_idempotency_key_counts_no_more,
    contact_until_it_expires,
    an_undecided_submissions_email_expires,
    list_oldest_first_by_status,
    list_pages_with_after_and_next,
    list_with_a_huge_limit_lists_all,
    update_is_a_compare_and_set_on_the_revision,
    update_on_a_logged_version_writes_nothing,
    a_submission_stored_before_revisions_is_decided,
    decide_applies_the_decision,
    decide_on_a_stale_version_conflicts,
    decide_on_a_decided_submission_conflicts,
    decide_on_an_unknown_submission_is_not_found,
    refusing_needs_a_note,
    concurrent_decisions_have_one_winner,
    audit_is_per_submission,
    hit_counts_per_key_and_window,
    hit_an_expired_count_restarts,
    concurrent_hits_respect_the_limit,
    mark_imported_once,
    mark_imported_needs_an_approved_submission,
    importable_is_approved_and_not_imported,
    concurrent_imports_have_one_winner,
    put_moderator_compares_what_was_read,
    moderators_add_find_revoke,
    moderator_added_again_after_revoke,
    a_token_is_one_moderators,
    concurrent_moderators_of_one_name_have_one_winner,
    secret_is_made_once,
    entry_files_are_kept_and_synced,
    a_change_is_shown_against_the_file_kept,
    concurrent_first_secrets_agree,
    two_handles_share_one_secret,
);

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

/// When a submission's e-mail expires before its decision, in these tests: far away.
const FAR: Seconds = 4_000_000_000;

/// When decisions are made in these tests.
const DECIDED_AT: Seconds = 1_800_000_000;
/// The retention of [`settings`].
const RETENTION: Seconds = 30 * 86_400;

/// The site's form settings: the e-mail is kept 30 days after the decision.
fn settings() -> FormSettings {
    FormSettings {
        retention_days: 30,
        ..FormSettings::default()
    }
}

/// A submission with a time-ordered id: `n` orders them.
fn submission(n: u32) -> Submission {
    Submission {
        id: format!("{:012x}{n:010}", 1_700_000_000_000u64 + u64::from(n)),
        kind: SubmissionType::Resource,
        target: None,
        fields: json!({"title": format!("Proposition {n}"), "association": "epicerie-du-medoc"})
            .as_object()
            .unwrap()
            .clone(),
        body: format!("Texte de la proposition {n}, avec des accents : é à ç."),
        created_at: 1_700_000_000 + i64::from(n),
        status: Status::Pending,
        version: 1,
        note: None,
        decided_by: None,
        decided_at: None,
        imported_as: None,
        base: None,
        staged: None,
        problem: None,
        notify: false,
    }
}

fn email(n: u32) -> String {
    format!("contact{n}@example.org")
}

async fn add(store: &dyn Store, n: u32) -> Submission {
    let sub = submission(n);
    let created = store.create(&sub, &email(n), FAR, None).await.unwrap();
    assert_eq!(created, Created::New);
    sub
}

fn decision(sub: &Submission, action: Action, by: &str) -> Decision {
    Decision {
        submission: sub.id.clone(),
        action,
        note: format!("note de {by}"),
        by: by.to_string(),
        at: DECIDED_AT,
        version: sub.version,
        corrected: false,
    }
}

/// Decides through the rules, as the moderators' route does.
async fn decide(f: &Fixture, sub: &Submission, action: Action, by: &str) -> Submission {
    f.submissions
        .decide(&decision(sub, action, by), &settings())
        .await
        .unwrap()
}

fn idem(key: &str, expires_at: Seconds) -> Idempotency {
    Idempotency {
        key: key.to_string(),
        expires_at,
        fingerprint: format!("empreinte de {key}"),
    }
}

fn moderator(name: &str, token_hash: &str) -> Moderator {
    Moderator {
        name: name.to_string(),
        token_hash: token_hash.to_string(),
        created_at: 1_750_000_000,
        revoked_at: None,
    }
}

/// The stored submission, without its revision.
async fn get(store: &dyn Store, id: &str) -> Option<Submission> {
    store.get(id).await.unwrap().map(|s| s.value)
}

/// The message of a refusal for a conflict (`409`).
#[track_caller]
fn conflict<T: std::fmt::Debug>(r: Result<T, RuleError>) -> String {
    match r {
        Err(
            e @ (RuleError::Stale { .. }
            | RuleError::NotApproved { .. }
            | RuleError::AlreadyImported { .. }
            | RuleError::ModeratorExists { .. }
            | RuleError::TokenTaken { .. }),
        ) => e.to_string(),
        other => panic!("expected a conflict, got {other:?}"),
    }
}

async fn create_then_get(f: &Fixture) {
    let store = &*f.store;
    assert_eq!(store.get("nothing-here").await.unwrap(), None);
    let sub = add(store, 1).await;
    assert_eq!(get(store, &sub.id).await, Some(sub.clone()));
    // The e-mail is kept apart, not in the record.
    let shown = serde_json::to_string(&get(store, &sub.id).await).unwrap();
    assert!(!shown.contains("example.org"), "{shown}");
    assert_eq!(store.contact(&sub.id, now()).await.unwrap(), Some(email(1)));
}

async fn create_twice_the_same_id_is_taken(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let mut other = sub.clone();
    other.body = "autre chose".into();
    let later = now() + 3600;
    let taken = store
        .create(&other, "autre@example.org", FAR, Some(&idem("cle", later)))
        .await
        .unwrap();
    assert_eq!(taken, Created::Taken);
    assert_eq!(get(store, &sub.id).await, Some(sub.clone()));
    assert_eq!(store.contact(&sub.id, now()).await.unwrap(), Some(email(1)));
    // Nothing was written, not even the key: it stores the next submission.
    let third = submission(3);
    let created = store
        .create(&third, &email(3), FAR, Some(&idem("cle", later)))
        .await
        .unwrap();
    assert_eq!(created, Created::New);
}

async fn idempotent_create(f: &Fixture) {
    let store = &*f.store;
    let later = now() + 86_400;
    let (first, second, third) = (submission(1), submission(2), submission(3));
    let created = store
        .create(&first, &email(1), FAR, Some(&idem("cle-a", later)))
        .await
        .unwrap();
    assert_eq!(created, Created::New);
    // The same key: nothing stored, the first named.
    let again = store
        .create(&second, &email(2), FAR, Some(&idem("cle-a", later)))
        .await
        .unwrap();
    assert_eq!(
        again,
        Created::Existing {
            id: first.id.clone(),
            fingerprint: "empreinte de cle-a".into()
        }
    );
    assert_eq!(store.get(&second.id).await.unwrap(), None);
    assert_eq!(store.contact(&second.id, now()).await.unwrap(), None);
    // Another key: stored.
    let other = store
        .create(&third, &email(3), FAR, Some(&idem("cle-b", later)))
        .await
        .unwrap();
    assert_eq!(other, Created::New);
    assert_eq!(get(store, &third.id).await, Some(third));
    let pending = store.list(Status::Pending, None, 10).await.unwrap();
    assert_eq!(pending.items.len(), 2);
}

async fn concurrent_creates_with_one_key_store_one(f: &Fixture) {
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(8));
    for n in 1..=8 {
        let (store, barrier) = (f.store.clone(), barrier.clone());
        tasks.spawn(async move {
            let sub = submission(n);
            barrier.wait().await;
            let key = idem("la-meme-cle", now() + 3600);
            (
                sub.id.clone(),
                store.create(&sub, &email(n), FAR, Some(&key)).await,
            )
        });
    }
    let mut stored = Vec::new();
    let mut named = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (id, Ok(Created::New)) => stored.push(id),
            (_, Ok(Created::Existing { id, .. })) => named.push(id),
            (_, other) => panic!("a retried submission is stored or named: {other:?}"),
        }
    }
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(named, vec![stored[0].clone(); 7]);
    let pending = f.store.list(Status::Pending, None, 20).await.unwrap();
    assert_eq!(pending.items.len(), 1);
    assert_eq!(pending.items[0].id, stored[0]);
}

async fn an_expired_idempotency_key_counts_no_more(f: &Fixture) {
    let store = &*f.store;
    let (first, second) = (submission(1), submission(2));
    let gone = now() - 10;
    let created = store
        .create(&first, &email(1), FAR, Some(&idem("cle", gone)))
        .await
        .unwrap();
    assert_eq!(created, Created::New);
    let again = store
        .create(&second, &email(2), FAR, Some(&idem("cle", now() + 3600)))
        .await
        .unwrap();
    assert_eq!(again, Created::New);
    assert_eq!(get(store, &second.id).await, Some(second.clone()));
    // And the key, renewed, counts again.
    let third = submission(3);
    let once_more = store
        .create(&third, &email(3), FAR, Some(&idem("cle", now() + 3600)))
        .await
        .unwrap();
    assert_eq!(
        once_more,
        Created::Existing {
            id: second.id,
            fingerprint: "empreinte de cle".into()
        }
    );
    assert_eq!(store.get(&third.id).await.unwrap(), None);
}

async fn contact_until_it_expires(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let other = add(store, 2).await;
    let t = DECIDED_AT + RETENTION;
    // Before the decision, the expiry given at creation (far in these tests).
    assert_eq!(
        store.contact(&sub.id, t + 1_000_000).await.unwrap(),
        Some(email(1))
    );
    decide(f, &sub, Action::Approve, "alice").await;
    assert_eq!(store.contact(&sub.id, t - 1).await.unwrap(), Some(email(1)));
    assert_eq!(store.contact(&sub.id, t).await.unwrap(), None);
    assert_eq!(store.contact(&sub.id, t + 1).await.unwrap(), None);
    assert_eq!(store.contact("nothing-here", t).await.unwrap(), None);
    // The submission itself stays.
    assert_eq!(
        get(store, &sub.id).await.map(|s| s.status),
        Some(Status::Approved)
    );

    let purged = store.purge_expired(t).await.unwrap();
    match f.kind {
        // The embedded store deletes it for good.
        Kind::Embedded => {
            assert!(purged >= 1, "{purged} purged");
            assert_eq!(store.contact(&sub.id, t - 1).await.unwrap(), None);
        }
        // DynamoDB's TTL does it: nothing to purge by hand.
        Kind::Dynamo => assert_eq!(purged, 0),
    }
    // Another submission's e-mail is untouched.
    assert_eq!(
        store.contact(&other.id, t + 1_000_000).await.unwrap(),
        Some(email(2))
    );
}

/// Sent through the rules, as the form's handler does: the e-mail of a submission nobody
/// decides on expires too.
async fn an_undecided_submissions_email_expires(f: &Fixture) {
    let draft: portal_model::Draft = serde_json::from_value(json!({
        "type": "resource", "fields": {"title": "Pommes"}, "body": "",
        "contact_email": "personne@example.org"}))
    .unwrap();
    let sent = now();
    let accepted = f
        .submissions
        .submit(&draft, Default::default(), &settings())
        .await
        .unwrap();
    let day = 86_400;
    let store = &*f.store;
    let kept = store.contact(&accepted.id, sent + 89 * day).await.unwrap();
    assert_eq!(kept.as_deref(), Some("personne@example.org"));
    let gone = store.contact(&accepted.id, sent + 91 * day).await.unwrap();
    assert_eq!(gone, None, "undecided for 90 days: the e-mail is erased");
}

async fn list_oldest_first_by_status(f: &Fixture) {
    let store = &*f.store;
    // Stored out of order; listed in order of ids (of arrival).
    for n in [4, 1, 5, 3, 2, 6] {
        add(store, n).await;
    }
    for n in [2, 5] {
        decide(f, &submission(n), Action::Approve, "alice").await;
    }
    decide(f, &submission(6), Action::Reject, "alice").await;
    let ids = |subs: &[Submission]| subs.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    let pending = store.list(Status::Pending, None, 10).await.unwrap();
    assert_eq!(
        ids(&pending.items),
        ids(&[submission(1), submission(3), submission(4)])
    );
    assert_eq!(pending.next, None);
    assert!(pending.items.iter().all(|s| s.status == Status::Pending));
    let approved = store.list(Status::Approved, None, 10).await.unwrap();
    assert_eq!(ids(&approved.items), ids(&[submission(2), submission(5)]));
    assert_eq!(approved.items[0].version, 2);
    assert_eq!(approved.next, None);
    let rejected = store.list(Status::Rejected, None, 10).await.unwrap();
    assert_eq!(ids(&rejected.items), ids(&[submission(6)]));
    let none = store
        .list(Status::ChangesRequested, None, 10)
        .await
        .unwrap();
    assert!(none.items.is_empty());
    assert_eq!(none.next, None);
}

async fn list_pages_with_after_and_next(f: &Fixture) {
    let store = &*f.store;
    for n in 1..=5 {
        add(store, n).await;
    }
    // An approved one among them is not in the pending pages.
    add(store, 9).await;
    decide(f, &submission(9), Action::Approve, "alice").await;
    let mut sizes = Vec::new();
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = store
            .list(Status::Pending, after.as_deref(), 2)
            .await
            .unwrap();
        sizes.push(page.items.len());
        seen.extend(page.items.iter().map(|s| s.id.clone()));
        match page.next {
            Some(next) => {
                assert_eq!(Some(&next), page.items.last().map(|s| &s.id));
                after = Some(next);
            }
            None => break,
        }
        assert!(sizes.len() < 10, "pages never end: {sizes:?}");
    }
    assert_eq!(sizes, [2, 2, 1]);
    let all: Vec<String> = (1..=5).map(|n| submission(n).id).collect();
    assert_eq!(seen, all);

    // Exactly a page's worth: no next page to ask for.
    let first_four = store.list(Status::Pending, None, 4).await.unwrap();
    assert_eq!(first_four.items.len(), 4);
    assert_eq!(first_four.next, Some(all[3].clone()));
    let last = store.list(Status::Pending, Some(&all[3]), 4).await.unwrap();
    assert_eq!(last.items.len(), 1);
    assert_eq!(last.next, None);
    let all_five = store.list(Status::Pending, None, 5).await.unwrap();
    assert_eq!(all_five.items.len(), 5);
    assert_eq!(all_five.next, None);
    // After the last one, or after an id that is not there: from the next one on.
    let after_last = store.list(Status::Pending, Some(&all[4]), 2).await.unwrap();
    assert!(after_last.items.is_empty());
    assert_eq!(after_last.next, None);
    let between = format!("{}0", all[1]);
    let from_third = store
        .list(Status::Pending, Some(&between), 2)
        .await
        .unwrap();
    assert_eq!(from_third.items[0].id, all[2]);
}

async fn list_with_a_huge_limit_lists_all(f: &Fixture) {
    let store = &*f.store;
    for n in 1..=3 {
        add(store, n).await;
    }
    for limit in [usize::MAX, i64::MAX as usize + 1, u32::MAX as usize + 7] {
        let page = store.list(Status::Pending, None, limit).await.unwrap();
        assert_eq!(page.items.len(), 3, "limit {limit}");
        assert_eq!(page.next, None);
    }
    let none = store.list(Status::Pending, None, 0).await.unwrap();
    assert!(none.items.is_empty());
}

async fn update_is_a_compare_and_set_on_the_revision(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let Some(Stored { value, revision }) = store.get(&sub.id).await.unwrap() else {
        panic!("stored");
    };
    let mut changed = value.clone();
    changed.note = Some("une".into());
    fn update(submission: &Submission, revision: Revision) -> Update<'_> {
        Update {
            submission,
            revision,
            audit: None,
            contact_expires_at: None,
        }
    }
    let written = store.update(&update(&changed, revision)).await.unwrap();
    assert_eq!(written, Outcome::Written);
    let after = store.get(&sub.id).await.unwrap().unwrap();
    assert_eq!(after.value, changed);
    assert!(
        after.revision > revision,
        "every write moves the revision on"
    );
    // On the revision read before: lost, nothing written.
    let mut late = value.clone();
    late.note = Some("autre".into());
    let lost = store.update(&update(&late, revision)).await.unwrap();
    assert_eq!(lost, Outcome::Lost);
    assert_eq!(get(store, &sub.id).await, Some(changed));
    // Nothing there: lost too, and nothing made.
    let absent = submission(2);
    let lost = store.update(&update(&absent, revision)).await.unwrap();
    assert_eq!(lost, Outcome::Lost);
    assert_eq!(store.get(&absent.id).await.unwrap(), None);
}

async fn update_on_a_logged_version_writes_nothing(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let first = decision(&sub, Action::Approve, "alice");
    let second = decision(&sub, Action::Reject, "bob");
    let stored = store.get(&sub.id).await.unwrap().unwrap();
    let update = |d| Update {
        submission: &sub,
        revision: stored.revision,
        audit: Some(d),
        contact_expires_at: Some(10),
    };
    assert_eq!(
        store.update(&update(&first)).await.unwrap(),
        Outcome::Written
    );
    let now_stored = store.get(&sub.id).await.unwrap().unwrap();
    // The line of version 1 is taken: even on the current revision, nothing is written.
    let again = Update {
        revision: now_stored.revision,
        ..update(&second)
    };
    assert_eq!(store.update(&again).await.unwrap(), Outcome::Lost);
    assert_eq!(store.get(&sub.id).await.unwrap(), Some(now_stored));
    assert_eq!(store.audit(&sub.id).await.unwrap(), vec![first]);
}

/// A submission written before the stores kept revisions (none in its row or item) is
/// revision 0, and the rules decide on it as on any other.
async fn a_submission_stored_before_revisions_is_decided(f: &Fixture) {
    let sub = submission(1);
    let data = serde_json::to_string(&sub).unwrap();
    let (_old_dir, store): (Option<tempfile::TempDir>, Arc<dyn Store>) = match f.kind {
        Kind::Embedded => {
            // The schema of the store before revisions, with one submission in it.
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("store.db");
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(
                "CREATE TABLE submissions (id TEXT PRIMARY KEY, status TEXT NOT NULL, data TEXT NOT NULL);
                 CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT NOT NULL, expires_at INTEGER);",
            )
            .unwrap();
            conn.execute(
                "INSERT INTO submissions (id, status, data) VALUES (?1, 'pending', ?2)",
                [&sub.id, &data],
            )
            .unwrap();
            drop(conn);
            let store = EmbeddedStore::open(&path).expect("an old store opens");
            (Some(dir), Arc::new(store))
        }
        Kind::Dynamo => {
            let table = f.table.as_ref().unwrap();
            let s = |v: &str| aws_sdk_dynamodb::types::AttributeValue::S(v.to_string());
            table
                .client()
                .put_item()
                .table_name(table.table())
                .item("pk", s(&format!("SUB#{}", sub.id)))
                .item("sk", s("SUB"))
                .item("data", s(&data))
                .item("status", s("pending"))
                .item(
                    "version",
                    aws_sdk_dynamodb::types::AttributeValue::N("1".into()),
                )
                .item("gsi1pk", s("STATUS#pending"))
                .item("gsi1sk", s(&sub.id))
                .send()
                .await
                .unwrap();
            (None, f.store.clone())
        }
    };
    let stored = store.get(&sub.id).await.unwrap().unwrap();
    assert_eq!(stored.value, sub);
    let submissions = Submissions::new(store.clone());
    let d = decision(&sub, Action::Approve, "alice");
    let decided = submissions.decide(&d, &settings()).await.unwrap();
    assert_eq!(decided.status, Status::Approved);
    let after = store.get(&sub.id).await.unwrap().unwrap();
    assert_eq!(after.value, decided);
    assert!(after.revision > stored.revision);
    assert_eq!(store.audit(&sub.id).await.unwrap(), vec![d]);
}

async fn decide_applies_the_decision(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let d = decision(&sub, Action::RequestChanges, "alice");
    let decided = f.submissions.decide(&d, &settings()).await.unwrap();
    assert_eq!(decided.version, 2);
    assert_eq!(decided.status, Status::ChangesRequested);
    assert_eq!(decided.note.as_deref(), Some("note de alice"));
    assert_eq!(decided.decided_by.as_deref(), Some("alice"));
    assert_eq!(decided.decided_at, Some(DECIDED_AT));
    assert_eq!(decided.imported_as, None);
    // Everything else as it was.
    assert_eq!(decided.fields, sub.fields);
    assert_eq!(decided.body, sub.body);
    assert_eq!(decided.created_at, sub.created_at);
    assert_eq!(get(store, &sub.id).await, Some(decided));
    assert_eq!(store.audit(&sub.id).await.unwrap(), vec![d]);
}

async fn decide_on_a_stale_version_conflicts(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    for version in [0, 2, 7] {
        let mut d = decision(&sub, Action::Approve, "alice");
        d.version = version;
        assert_eq!(
            conflict(f.submissions.decide(&d, &settings()).await),
            format!(
                "conflit : la proposition est à la version 1 (en attente de relecture), la décision portait sur la version {version}"
            )
        );
    }
    assert_eq!(get(store, &sub.id).await, Some(sub.clone()));
    assert!(store.audit(&sub.id).await.unwrap().is_empty());
}

async fn decide_on_a_decided_submission_conflicts(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let first = decide(f, &sub, Action::Reject, "alice").await;
    // On the version it saw, and on the current one: the submission is no longer pending.
    for seen in [&sub, &first] {
        let d = decision(seen, Action::Approve, "bob");
        assert_eq!(
            conflict(f.submissions.decide(&d, &settings()).await),
            format!(
                "conflit : la proposition est à la version 2 (refusée), la décision portait sur la version {}",
                seen.version
            )
        );
    }
    assert_eq!(get(store, &sub.id).await, Some(first));
    assert_eq!(store.audit(&sub.id).await.unwrap().len(), 1);
}

async fn decide_on_an_unknown_submission_is_not_found(f: &Fixture) {
    let d = decision(&submission(1), Action::Approve, "alice");
    let r = f.submissions.decide(&d, &settings()).await;
    let Err(e @ RuleError::NotFound { .. }) = r else {
        panic!("expected not found, got {r:?}");
    };
    assert_eq!(e.to_string(), format!("introuvable : {}", submission(1).id));
    assert!(f.store.audit(&submission(1).id).await.unwrap().is_empty());
}

async fn refusing_needs_a_note(f: &Fixture) {
    let sub = add(&*f.store, 1).await;
    for action in [Action::Reject, Action::RequestChanges] {
        let mut d = decision(&sub, action, "alice");
        d.note = " ".into();
        let r = f.submissions.decide(&d, &settings()).await;
        assert!(matches!(r, Err(RuleError::NoteNeeded)), "{r:?}");
    }
    assert_eq!(get(&*f.store, &sub.id).await, Some(sub.clone()));
    // Approving needs none.
    let mut d = decision(&sub, Action::Approve, "alice");
    d.note = String::new();
    f.submissions.decide(&d, &settings()).await.unwrap();
}

async fn concurrent_decisions_have_one_winner(f: &Fixture) {
    let sub = add(&*f.store, 1).await;
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(10));
    for i in 0..10 {
        let (submissions, sub, barrier) = (f.submissions.clone(), sub.clone(), barrier.clone());
        tasks.spawn(async move {
            let action = [Action::Approve, Action::Reject, Action::RequestChanges][i % 3];
            let d = decision(&sub, action, &format!("moderateur{i}"));
            barrier.wait().await;
            (d.clone(), submissions.decide(&d, &settings()).await)
        });
    }
    let mut winners = Vec::new();
    let mut conflicts = 0;
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (d, Ok(s)) => winners.push((d, s)),
            (_, Err(RuleError::Stale { .. })) => conflicts += 1,
            (_, Err(e)) => panic!("neither a win nor a conflict: {e:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    assert_eq!(conflicts, 9);
    let (d, won) = winners.pop().unwrap();
    assert_eq!(won.version, 2);
    assert_eq!(won.decided_by.as_deref(), Some(d.by.as_str()));
    assert_eq!(get(&*f.store, &sub.id).await, Some(won));
    assert_eq!(f.store.audit(&sub.id).await.unwrap(), vec![d]);
}

async fn audit_is_per_submission(f: &Fixture) {
    let store = &*f.store;
    // Ids that are prefixes of one another keep their own logs.
    let mut a = submission(1);
    a.id = "0001".into();
    let mut b = submission(2);
    b.id = "00010".into();
    let mut c = submission(3);
    c.id = "0001-x".into();
    let mut decisions = Vec::new();
    for (sub, by) in [(&a, "alice"), (&b, "bob"), (&c, "carole")] {
        store.create(sub, "x@example.org", FAR, None).await.unwrap();
        let d = decision(sub, Action::Approve, by);
        f.submissions.decide(&d, &settings()).await.unwrap();
        decisions.push(d);
    }
    assert_eq!(
        store.audit("0001").await.unwrap(),
        vec![decisions[0].clone()]
    );
    assert_eq!(
        store.audit("00010").await.unwrap(),
        vec![decisions[1].clone()]
    );
    assert_eq!(
        store.audit("0001-x").await.unwrap(),
        vec![decisions[2].clone()]
    );
    assert!(store.audit("000").await.unwrap().is_empty());
    assert!(store.audit("nothing-here").await.unwrap().is_empty());
}

async fn hit_counts_per_key_and_window(f: &Fixture) {
    let store = &*f.store;
    let window = 1_800_000_000; // the start of an hour
    let exp = now() + 7200;
    for i in 0..3 {
        assert!(store.hit("ip-a", window, 3, exp).await.unwrap(), "hit {i}");
    }
    assert!(!store.hit("ip-a", window, 3, exp).await.unwrap());
    assert!(!store.hit("ip-a", window, 3, exp).await.unwrap());
    // Another key has its own count.
    assert!(store.hit("ip-b", window, 3, exp).await.unwrap());
    // A new window starts again.
    for i in 0..3 {
        assert!(
            store.hit("ip-a", window + 3600, 3, exp).await.unwrap(),
            "hit {i} of the next window"
        );
    }
    assert!(!store.hit("ip-a", window + 3600, 3, exp).await.unwrap());
    // A limit of zero lets nothing through.
    assert!(!store.hit("ip-c", window, 0, exp).await.unwrap());
}

async fn hit_an_expired_count_restarts(f: &Fixture) {
    let store = &*f.store;
    let window = 1_700_000_000;
    let gone = now() - 1;
    assert!(store.hit("ip", window, 1, gone).await.unwrap());
    // The count has expired (DynamoDB's TTL may not have deleted it yet): it counts no more.
    assert!(store.hit("ip", window, 1, now() + 3600).await.unwrap());
    assert!(!store.hit("ip", window, 1, now() + 3600).await.unwrap());
}

async fn concurrent_hits_respect_the_limit(f: &Fixture) {
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(12));
    for _ in 0..12 {
        let (store, barrier) = (f.store.clone(), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            store
                .hit("ip", 1_800_000_000, 5, now() + 3600)
                .await
                .unwrap()
        });
    }
    let mut allowed = 0;
    while let Some(joined) = tasks.join_next().await {
        allowed += usize::from(joined.unwrap());
    }
    assert_eq!(allowed, 5);
}

async fn mark_imported_once(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let approved = decide(f, &sub, Action::Approve, "alice").await;
    f.submissions
        .mark_imported(&sub.id, "content/resources/pommes.md")
        .await
        .unwrap();
    let got = get(store, &sub.id).await.unwrap();
    assert_eq!(
        got.imported_as.as_deref(),
        Some("content/resources/pommes.md")
    );
    assert_eq!(got.version, approved.version);
    assert_eq!(got.status, Status::Approved);
    assert_eq!(
        conflict(
            f.submissions
                .mark_imported(&sub.id, "content/resources/autre.md")
                .await
        ),
        format!(
            "conflit : {} déjà importée dans content/resources/pommes.md",
            sub.id
        )
    );
    assert_eq!(get(store, &sub.id).await, Some(got));
    // Still approved, still listed as such.
    let approved = store.list(Status::Approved, None, 10).await.unwrap();
    assert_eq!(approved.items.len(), 1);
}

async fn mark_imported_needs_an_approved_submission(f: &Fixture) {
    let store = &*f.store;
    let pending = add(store, 1).await;
    let refused = |id: &str| format!("conflit : {id} n'est pas acceptée");
    assert_eq!(
        conflict(
            f.submissions
                .mark_imported(&pending.id, "content/a.md")
                .await
        ),
        refused(&pending.id)
    );
    for (n, action) in [(2, Action::Reject), (3, Action::RequestChanges)] {
        let sub = add(store, n).await;
        decide(f, &sub, action, "alice").await;
        assert_eq!(
            conflict(f.submissions.mark_imported(&sub.id, "content/a.md").await),
            refused(&sub.id)
        );
        assert_eq!(get(store, &sub.id).await.unwrap().imported_as, None);
    }
    assert_eq!(get(store, &pending.id).await, Some(pending));
    let r = f
        .submissions
        .mark_imported("nothing-here", "content/a.md")
        .await;
    assert!(matches!(r, Err(RuleError::NotFound { .. })), "{r:?}");
}

async fn importable_is_approved_and_not_imported(f: &Fixture) {
    let store = &*f.store;
    for n in 1..=4 {
        add(store, n).await;
    }
    for n in [1, 2, 4] {
        decide(f, &submission(n), Action::Approve, "alice").await;
    }
    f.submissions
        .mark_imported(&submission(2).id, "content/b.md")
        .await
        .unwrap();
    let page = f.submissions.importable(None, 10).await.unwrap();
    let ids: Vec<String> = page.items.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids, [submission(1).id, submission(4).id]);
    assert_eq!(page.next, None);
    // A page of the listing: the imported one counts in it, and there is a next.
    let first = f.submissions.importable(None, 2).await.unwrap();
    assert_eq!(first.items.len(), 1);
    assert_eq!(first.next, Some(submission(2).id));
}

async fn concurrent_imports_have_one_winner(f: &Fixture) {
    let sub = add(&*f.store, 1).await;
    decide(f, &sub, Action::Approve, "alice").await;
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(6));
    for i in 0..6 {
        let (submissions, id, barrier) = (f.submissions.clone(), sub.id.clone(), barrier.clone());
        tasks.spawn(async move {
            let file = format!("content/resources/import-{i}.md");
            barrier.wait().await;
            (file.clone(), submissions.mark_imported(&id, &file).await)
        });
    }
    let mut winners = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (file, Ok(())) => winners.push(file),
            (_, Err(RuleError::AlreadyImported { .. })) => {}
            (_, Err(e)) => panic!("neither a win nor a conflict: {e:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    let got = get(&*f.store, &sub.id).await.unwrap();
    assert_eq!(got.imported_as, Some(winners[0].clone()));
}

async fn put_moderator_compares_what_was_read(f: &Fixture) {
    let store = &*f.store;
    let alice = moderator("alice", "hash-a");
    assert_eq!(
        store.put_moderator(&alice, None).await.unwrap(),
        Outcome::Written
    );
    assert_eq!(store.moderator("alice").await.unwrap(), Some(alice.clone()));
    assert_eq!(
        store.token_owner("hash-a").await.unwrap().as_deref(),
        Some("alice")
    );
    // There is one now: "none" no longer holds.
    let other = moderator("alice", "hash-b");
    assert_eq!(
        store.put_moderator(&other, None).await.unwrap(),
        Outcome::Lost
    );
    // Revoked, on what was read: the token goes.
    let revoked = Moderator {
        revoked_at: Some(1_760_000_000),
        ..alice.clone()
    };
    assert_eq!(
        store.put_moderator(&revoked, Some(&alice)).await.unwrap(),
        Outcome::Written
    );
    assert_eq!(store.token_owner("hash-a").await.unwrap(), None);
    // On the moderator read before the revocation: lost.
    assert_eq!(
        store.put_moderator(&other, Some(&alice)).await.unwrap(),
        Outcome::Lost
    );
    // A token that is another's: lost, nothing written.
    store
        .put_moderator(&moderator("bob", "hash-b"), None)
        .await
        .unwrap();
    assert_eq!(
        store.put_moderator(&other, Some(&revoked)).await.unwrap(),
        Outcome::Lost
    );
    assert_eq!(
        store.moderator("alice").await.unwrap(),
        Some(revoked.clone())
    );
    assert_eq!(
        store.token_owner("hash-b").await.unwrap().as_deref(),
        Some("bob")
    );
    // On what was read, with a free token: the revoked one is replaced.
    let again = moderator("alice", "hash-c");
    assert_eq!(
        store.put_moderator(&again, Some(&revoked)).await.unwrap(),
        Outcome::Written
    );
    assert_eq!(
        store.token_owner("hash-c").await.unwrap().as_deref(),
        Some("alice")
    );
}

async fn moderators_add_find_revoke(f: &Fixture) {
    let mods = &*f.moderators;
    assert!(mods.list().await.unwrap().is_empty());
    let (bob, alice) = (
        moderator("bob", "hash-bob"),
        moderator("alice", "hash-alice"),
    );
    mods.add(&bob).await.unwrap();
    mods.add(&alice).await.unwrap();
    assert_eq!(
        mods.by_token("hash-alice").await.unwrap(),
        Some(alice.clone())
    );
    assert_eq!(mods.by_token("hash-nobody").await.unwrap(), None);
    // The same name again, even with another token: refused, the first one kept.
    assert_eq!(
        conflict(mods.add(&moderator("alice", "hash-2")).await),
        "conflit : le modérateur alice existe déjà"
    );
    assert_eq!(mods.by_token("hash-2").await.unwrap(), None);
    assert_eq!(mods.list().await.unwrap(), vec![alice.clone(), bob.clone()]);

    assert!(mods.revoke("alice", 1_760_000_000).await.unwrap());
    assert_eq!(mods.by_token("hash-alice").await.unwrap(), None);
    assert_eq!(mods.by_token("hash-bob").await.unwrap(), Some(bob.clone()));
    assert!(!mods.revoke("nobody", 1_760_000_000).await.unwrap());
    // Revoking again changes nothing.
    assert!(mods.revoke("alice", 1_770_000_000).await.unwrap());
    let listed = mods.list().await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].name, "alice");
    assert_eq!(listed[0].revoked_at, Some(1_760_000_000));
    assert_eq!(listed[1], bob);
}

async fn moderator_added_again_after_revoke(f: &Fixture) {
    let mods = &*f.moderators;
    mods.add(&moderator("alice", "old")).await.unwrap();
    assert!(mods.revoke("alice", 1_760_000_000).await.unwrap());
    let again = moderator("alice", "new");
    mods.add(&again).await.unwrap();
    assert_eq!(mods.by_token("old").await.unwrap(), None);
    assert_eq!(mods.by_token("new").await.unwrap(), Some(again.clone()));
    assert_eq!(mods.list().await.unwrap(), vec![again]);
    // And revoked again: the new token stops at once.
    assert!(mods.revoke("alice", 1_770_000_000).await.unwrap());
    assert_eq!(mods.by_token("new").await.unwrap(), None);
}

async fn a_token_is_one_moderators(f: &Fixture) {
    let mods = &*f.moderators;
    let alice = moderator("alice", "hash");
    mods.add(&alice).await.unwrap();
    assert_eq!(
        conflict(mods.add(&moderator("bob", "hash")).await),
        "conflit : le jeton de bob est déjà celui d'un autre modérateur"
    );
    assert_eq!(mods.list().await.unwrap(), vec![alice.clone()]);
    assert_eq!(mods.by_token("hash").await.unwrap(), Some(alice));
}

async fn concurrent_moderators_of_one_name_have_one_winner(f: &Fixture) {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..6 {
        let mods = f.moderators.clone();
        tasks.spawn(async move {
            let m = moderator("alice", &format!("hash-{i}"));
            (m.clone(), mods.add(&m).await)
        });
    }
    let mut winners = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (m, Ok(())) => winners.push(m),
            (_, Err(RuleError::ModeratorExists { .. })) => {}
            (_, Err(e)) => panic!("neither a win nor a conflict: {e:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    let winner = &winners[0];
    assert_eq!(f.moderators.list().await.unwrap(), vec![winner.clone()]);
    for i in 0..6 {
        let hash = format!("hash-{i}");
        let found = f.moderators.by_token(&hash).await.unwrap();
        assert_eq!(found.is_some(), hash == winner.token_hash, "{hash}");
    }
}

async fn secret_is_made_once(f: &Fixture) {
    let first = f.submissions.secret().await.unwrap();
    assert_eq!(first.len(), 32);
    assert!(first.iter().any(|&b| b != 0));
    for _ in 0..3 {
        assert_eq!(f.submissions.secret().await.unwrap(), first);
    }
    // The store keeps the first secret it was given.
    assert_eq!(f.store.secret(&[7; 32]).await.unwrap(), first);
}

async fn concurrent_first_secrets_agree(f: &Fixture) {
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(8));
    for _ in 0..8 {
        // Each its own rules, as separate processes would have.
        let (submissions, barrier) = (Submissions::new(f.store.clone()), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            submissions.secret().await.unwrap()
        });
    }
    let mut secrets = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        secrets.push(joined.unwrap());
    }
    secrets.dedup();
    assert_eq!(secrets.len(), 1, "several secrets were made");
    assert_eq!(f.submissions.secret().await.unwrap(), secrets[0]);
}

async fn two_handles_share_one_secret(f: &Fixture) {
    let other = Submissions::new(f.reopen().await);
    let (a, b) = tokio::join!(f.submissions.secret(), other.secret());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a, b);
    // And each keeps it.
    assert_eq!(f.submissions.secret().await.unwrap(), a);
    assert_eq!(other.secret().await.unwrap(), a);
}

async fn entry_files_are_kept_and_synced(f: &Fixture) {
    use portal_forms::rules::Sources;
    use portal_model::Kind as Entry;
    use std::collections::BTreeMap;
    let sources = Sources::new(f.store.clone());
    let files = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(s, t)| (s.to_string(), t.to_string()))
            .collect()
    };
    let first = sources
        .sync(
            Entry::Resource,
            &files(&[("pommes", "---\na\n"), ("poires", "---\nb\n")]),
        )
        .await
        .unwrap();
    assert_eq!((first.written, first.removed, first.unchanged), (2, 0, 0));
    let kept = sources
        .current(Entry::Resource, "pommes")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.text, "---\na\n");
    assert_eq!(
        kept.sha256,
        portal_forms::rules::sources::sha256("---\na\n")
    );
    assert_eq!(
        sources.current(Entry::Association, "pommes").await.unwrap(),
        None
    );
    // Only what changed is written; what is gone is forgotten.
    let second = sources
        .sync(
            Entry::Resource,
            &files(&[("pommes", "---\nA\n"), ("prunes", "---\nc\n")]),
        )
        .await
        .unwrap();
    assert_eq!(
        (second.written, second.removed, second.unchanged),
        (2, 1, 0)
    );
    assert_eq!(
        sources.current(Entry::Resource, "poires").await.unwrap(),
        None
    );
    let again = sources
        .sync(
            Entry::Resource,
            &files(&[("pommes", "---\nA\n"), ("prunes", "---\nc\n")]),
        )
        .await
        .unwrap();
    assert_eq!((again.written, again.removed, again.unchanged), (0, 0, 2));
    // More than one batch of writes (DynamoDB takes 25 a call).
    let many: BTreeMap<String, String> = (0..60)
        .map(|i| (format!("e{i:03}"), format!("---\n{i}\n")))
        .collect();
    let big = sources.sync(Entry::VolunteerCall, &many).await.unwrap();
    assert_eq!(big.written, 60);
    assert_eq!(
        f.store
            .source_hashes(Entry::VolunteerCall)
            .await
            .unwrap()
            .len(),
        60
    );
}

/// The functions as on Lambda (no content folder): the moderator sees a change against the
/// file the publication sent to the store, and approves it against that file's hash.
async fn a_change_is_shown_against_the_file_kept(f: &Fixture) {
    use bytes::Bytes;
    use portal_forms::api::{Api, Client, Group, SiteState};
    use portal_model::Kind as Entry;
    let site = portal_model::SiteConfig::parse(
        "title = \"T\"\nbase_url = \"https://example.org/\"\nlanguage = \"fr\"\ntimezone = \"Europe/Paris\"\n[territory]\nname = \"Gironde\"\nbounds = [[44.19, -1.27], [45.58, 0.32]]\n[categories]\nrepas = \"Repas\"\n[forms]\nmin_fill_seconds = 0\n",
    )
    .unwrap();
    let state = SiteState {
        site,
        slugs: [
            (Entry::Association, ["epicerie".to_string()].into()),
            (Entry::Resource, ["pommes".to_string()].into()),
        ]
        .into(),
        content_root: None,
        calls: Default::default(),
        listings: Default::default(),
    };
    let api = Api::new(f.store.clone(), state, Group::All);
    let current = "---\ntitle: Pommes\nassociation: epicerie\nkind: offer\ncategory: food\nexpires: 2026-12-01\n---\nÀ retirer.\n";
    portal_forms::rules::Sources::new(f.store.clone())
        .sync(
            Entry::Resource,
            &[("pommes".to_string(), current.to_string())].into(),
        )
        .await
        .unwrap();
    let token = portal_forms::secrets::new_token();
    f.moderators
        .add(&moderator(
            "alice",
            &portal_forms::secrets::token_hash(&token),
        ))
        .await
        .unwrap();
    let send = |method: &str, path: String, body: String| {
        http::Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {token}"))
            .body(Bytes::from(body))
            .unwrap()
    };
    let change = json!({"type": "resource", "target": "pommes",
        "fields": {"title": "Pommes bio", "association": "epicerie", "kind": "offer",
                   "category": "food", "expires": "2026-12-01"},
        "body": "À retirer.", "contact_email": "a@example.org"});
    let res = api
        .handle(
            send("POST", "/submissions".into(), change.to_string()),
            Client::default(),
        )
        .await;
    let created: serde_json::Value = serde_json::from_slice(res.body()).unwrap();
    let id = created["id"].as_str().unwrap();
    let res = api
        .handle(
            send(
                "GET",
                format!("/moderation/submissions/{id}"),
                String::new(),
            ),
            Client::default(),
        )
        .await;
    let one: serde_json::Value = serde_json::from_slice(res.body()).unwrap();
    assert_eq!(one["current"], json!(current));
    let diff = one["diff"].as_str().expect("a diff");
    assert!(
        diff.contains("-title: Pommes\n+title: Pommes bio\n"),
        "{diff}"
    );
    let decision = json!({"action": "approve", "version": 1, "base": one["current_sha256"]});
    let res = api
        .handle(
            send(
                "POST",
                format!("/moderation/submissions/{id}/decision"),
                decision.to_string(),
            ),
            Client::default(),
        )
        .await;
    assert_eq!(res.status(), http::StatusCode::OK);
    let approved = get(&*f.store, id).await.unwrap();
    assert_eq!(
        approved.base,
        Some(portal_forms::rules::sources::sha256(current))
    );
}
