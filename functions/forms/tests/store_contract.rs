//! The store contract: one suite, run against both stores, each test on a fresh one. The
//! embedded store gets a temporary folder; DynamoDB gets a new table in the DynamoDB-compatible
//! server (moto) that `tests/run` or `tests/moto` starts and names in
//! `AWS_ENDPOINT_URL_DYNAMODB`. Without it the DynamoDB tests fail: they never skip.
//!
//! `cargo test -p portal-forms --test store_contract embedded::` (or `dynamo::`) runs one side.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use portal_forms::store::{
    Action, Created, Decision, DynamoStore, EmbeddedStore, Idempotency, Moderator, Seconds, Status,
    Store, StoreError, Submission,
};
use portal_model::SubmissionType;
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Embedded,
    Dynamo,
}

struct Fixture {
    store: Arc<dyn Store>,
    kind: Kind,
    _dir: Option<tempfile::TempDir>,
    table: Option<DynamoStore>,
}

impl Fixture {
    async fn embedded() -> Fixture {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store = EmbeddedStore::open(&dir.path().join("store.db")).expect("the store opens");
        Fixture {
            store: Arc::new(store),
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
        Fixture {
            store: Arc::new(store.clone()),
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

contract!(
    create_then_get,
    create_twice_the_same_id_conflicts,
    idempotent_create,
    concurrent_creates_with_one_key_store_one,
    an_expired_idempotency_key_counts_no_more,
    contact_until_it_expires,
    list_oldest_first_by_status,
    list_pages_with_after_and_next,
    list_with_a_huge_limit_lists_all,
    decide_applies_the_decision,
    decide_on_a_stale_version_conflicts,
    decide_on_a_decided_submission_conflicts,
    decide_on_an_unknown_submission_is_not_found,
    concurrent_decisions_have_one_winner,
    audit_is_per_submission,
    hit_counts_per_key_and_window,
    hit_an_expired_count_restarts,
    concurrent_hits_respect_the_limit,
    mark_imported_once,
    mark_imported_needs_an_approved_submission,
    concurrent_imports_have_one_winner,
    moderators_add_find_revoke,
    moderator_added_again_after_revoke,
    concurrent_moderators_of_one_name_have_one_winner,
    secret_is_made_once,
    concurrent_first_secrets_agree,
    two_handles_share_one_secret,
);

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
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
    }
}

fn email(n: u32) -> String {
    format!("contact{n}@example.org")
}

async fn add(store: &dyn Store, n: u32) -> Submission {
    let sub = submission(n);
    let created = store.create(&sub, &email(n), None).await.unwrap();
    assert_eq!(created, Created::New);
    sub
}

fn decision(sub: &Submission, action: Action, by: &str) -> Decision {
    Decision {
        submission: sub.id.clone(),
        action,
        note: format!("note de {by}"),
        by: by.to_string(),
        at: 1_800_000_000,
        version: sub.version,
    }
}

fn idem(key: &str, expires_at: Seconds) -> Idempotency {
    Idempotency {
        key: key.to_string(),
        expires_at,
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

#[track_caller]
fn conflict<T: std::fmt::Debug>(r: Result<T, StoreError>) -> String {
    match r {
        Err(StoreError::Conflict(m)) => m,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

async fn create_then_get(f: &Fixture) {
    let store = &*f.store;
    assert_eq!(store.get("nothing-here").await.unwrap(), None);
    let sub = add(store, 1).await;
    assert_eq!(store.get(&sub.id).await.unwrap(), Some(sub.clone()));
    // The e-mail is kept apart, not in the record.
    let shown = serde_json::to_string(&store.get(&sub.id).await.unwrap()).unwrap();
    assert!(!shown.contains("example.org"), "{shown}");
    assert_eq!(store.contact(&sub.id, now()).await.unwrap(), Some(email(1)));
}

async fn create_twice_the_same_id_conflicts(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let mut other = sub.clone();
    other.body = "autre chose".into();
    let m = conflict(store.create(&other, "autre@example.org", None).await);
    assert!(m.contains(&sub.id), "{m}");
    assert_eq!(store.get(&sub.id).await.unwrap(), Some(sub.clone()));
    assert_eq!(store.contact(&sub.id, now()).await.unwrap(), Some(email(1)));
}

async fn idempotent_create(f: &Fixture) {
    let store = &*f.store;
    let later = now() + 86_400;
    let (first, second, third) = (submission(1), submission(2), submission(3));
    let created = store
        .create(&first, &email(1), Some(&idem("cle-a", later)))
        .await
        .unwrap();
    assert_eq!(created, Created::New);
    // The same key: nothing stored, the first named.
    let again = store
        .create(&second, &email(2), Some(&idem("cle-a", later)))
        .await
        .unwrap();
    assert_eq!(again, Created::Existing(first.id.clone()));
    assert_eq!(store.get(&second.id).await.unwrap(), None);
    assert_eq!(store.contact(&second.id, now()).await.unwrap(), None);
    // Another key: stored.
    let other = store
        .create(&third, &email(3), Some(&idem("cle-b", later)))
        .await
        .unwrap();
    assert_eq!(other, Created::New);
    assert_eq!(store.get(&third.id).await.unwrap(), Some(third));
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
                store.create(&sub, &email(n), Some(&key)).await,
            )
        });
    }
    let mut stored = Vec::new();
    let mut named = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (id, Ok(Created::New)) => stored.push(id),
            (_, Ok(Created::Existing(first))) => named.push(first),
            (_, Err(e)) => panic!("a retried submission is not an error: {e:?}"),
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
        .create(&first, &email(1), Some(&idem("cle", gone)))
        .await
        .unwrap();
    assert_eq!(created, Created::New);
    let again = store
        .create(&second, &email(2), Some(&idem("cle", now() + 3600)))
        .await
        .unwrap();
    assert_eq!(again, Created::New);
    assert_eq!(store.get(&second.id).await.unwrap(), Some(second.clone()));
    // And the key, renewed, counts again.
    let third = submission(3);
    let once_more = store
        .create(&third, &email(3), Some(&idem("cle", now() + 3600)))
        .await
        .unwrap();
    assert_eq!(once_more, Created::Existing(second.id));
    assert_eq!(store.get(&third.id).await.unwrap(), None);
}

async fn contact_until_it_expires(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let other = add(store, 2).await;
    let t = 1_900_000_000;
    // No expiry before the decision.
    assert_eq!(
        store.contact(&sub.id, t + 1_000_000).await.unwrap(),
        Some(email(1))
    );
    store
        .decide(&decision(&sub, Action::Approve, "alice"), t)
        .await
        .unwrap();
    assert_eq!(store.contact(&sub.id, t - 1).await.unwrap(), Some(email(1)));
    assert_eq!(store.contact(&sub.id, t).await.unwrap(), None);
    assert_eq!(store.contact(&sub.id, t + 1).await.unwrap(), None);
    assert_eq!(store.contact("nothing-here", t).await.unwrap(), None);
    // The submission itself stays.
    assert_eq!(
        store.get(&sub.id).await.unwrap().map(|s| s.status),
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

async fn list_oldest_first_by_status(f: &Fixture) {
    let store = &*f.store;
    // Stored out of order; listed in order of ids (of arrival).
    for n in [4, 1, 5, 3, 2, 6] {
        add(store, n).await;
    }
    for n in [2, 5] {
        store
            .decide(&decision(&submission(n), Action::Approve, "alice"), now())
            .await
            .unwrap();
    }
    store
        .decide(&decision(&submission(6), Action::Reject, "alice"), now())
        .await
        .unwrap();
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
    store
        .decide(&decision(&submission(9), Action::Approve, "alice"), now())
        .await
        .unwrap();

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

async fn decide_applies_the_decision(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let d = decision(&sub, Action::RequestChanges, "alice");
    let decided = store.decide(&d, now() + 100).await.unwrap();
    assert_eq!(decided.version, 2);
    assert_eq!(decided.status, Status::ChangesRequested);
    assert_eq!(decided.note.as_deref(), Some("note de alice"));
    assert_eq!(decided.decided_by.as_deref(), Some("alice"));
    assert_eq!(decided.decided_at, Some(1_800_000_000));
    assert_eq!(decided.imported_as, None);
    // Everything else as it was.
    assert_eq!(decided.fields, sub.fields);
    assert_eq!(decided.body, sub.body);
    assert_eq!(decided.created_at, sub.created_at);
    assert_eq!(store.get(&sub.id).await.unwrap(), Some(decided));
    assert_eq!(store.audit(&sub.id).await.unwrap(), vec![d]);
}

async fn decide_on_a_stale_version_conflicts(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    for version in [0, 2, 7] {
        let mut d = decision(&sub, Action::Approve, "alice");
        d.version = version;
        let m = conflict(store.decide(&d, now()).await);
        assert!(m.contains("version 1"), "{m}");
    }
    assert_eq!(store.get(&sub.id).await.unwrap(), Some(sub.clone()));
    assert!(store.audit(&sub.id).await.unwrap().is_empty());
}

async fn decide_on_a_decided_submission_conflicts(f: &Fixture) {
    let store = &*f.store;
    let sub = add(store, 1).await;
    let first = store
        .decide(&decision(&sub, Action::Reject, "alice"), now())
        .await
        .unwrap();
    // On the version it saw, and on the current one: the submission is no longer pending.
    for seen in [&sub, &first] {
        conflict(
            store
                .decide(&decision(seen, Action::Approve, "bob"), now())
                .await,
        );
    }
    assert_eq!(store.get(&sub.id).await.unwrap(), Some(first));
    assert_eq!(store.audit(&sub.id).await.unwrap().len(), 1);
}

async fn decide_on_an_unknown_submission_is_not_found(f: &Fixture) {
    let store = &*f.store;
    let r = store
        .decide(&decision(&submission(1), Action::Approve, "alice"), now())
        .await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    assert!(store.audit(&submission(1).id).await.unwrap().is_empty());
}

async fn concurrent_decisions_have_one_winner(f: &Fixture) {
    let sub = add(&*f.store, 1).await;
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(10));
    for i in 0..10 {
        let (store, sub, barrier) = (f.store.clone(), sub.clone(), barrier.clone());
        tasks.spawn(async move {
            let action = [Action::Approve, Action::Reject, Action::RequestChanges][i % 3];
            let d = decision(&sub, action, &format!("moderateur{i}"));
            barrier.wait().await;
            (d.clone(), store.decide(&d, now() + 100).await)
        });
    }
    let mut winners = Vec::new();
    let mut conflicts = 0;
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (d, Ok(s)) => winners.push((d, s)),
            (_, Err(StoreError::Conflict(_))) => conflicts += 1,
            (_, Err(e)) => panic!("neither a win nor a conflict: {e:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    assert_eq!(conflicts, 9);
    let (d, won) = winners.pop().unwrap();
    assert_eq!(won.version, 2);
    assert_eq!(won.decided_by.as_deref(), Some(d.by.as_str()));
    assert_eq!(f.store.get(&sub.id).await.unwrap(), Some(won));
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
        store.create(sub, "x@example.org", None).await.unwrap();
        let d = decision(sub, Action::Approve, by);
        store.decide(&d, now()).await.unwrap();
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
    let approved = store
        .decide(&decision(&sub, Action::Approve, "alice"), now())
        .await
        .unwrap();
    store
        .mark_imported(&sub.id, "content/resources/pommes.md")
        .await
        .unwrap();
    let got = store.get(&sub.id).await.unwrap().unwrap();
    assert_eq!(
        got.imported_as.as_deref(),
        Some("content/resources/pommes.md")
    );
    assert_eq!(got.version, approved.version);
    assert_eq!(got.status, Status::Approved);
    let m = conflict(
        store
            .mark_imported(&sub.id, "content/resources/autre.md")
            .await,
    );
    assert!(m.contains("pommes.md"), "{m}");
    assert_eq!(store.get(&sub.id).await.unwrap(), Some(got));
    // Still approved, still listed as such.
    let approved = store.list(Status::Approved, None, 10).await.unwrap();
    assert_eq!(approved.items.len(), 1);
}

async fn mark_imported_needs_an_approved_submission(f: &Fixture) {
    let store = &*f.store;
    let pending = add(store, 1).await;
    conflict(store.mark_imported(&pending.id, "content/a.md").await);
    for (n, action) in [(2, Action::Reject), (3, Action::RequestChanges)] {
        let sub = add(store, n).await;
        store
            .decide(&decision(&sub, action, "alice"), now())
            .await
            .unwrap();
        conflict(store.mark_imported(&sub.id, "content/a.md").await);
        assert_eq!(store.get(&sub.id).await.unwrap().unwrap().imported_as, None);
    }
    assert_eq!(store.get(&pending.id).await.unwrap(), Some(pending));
    let r = store.mark_imported("nothing-here", "content/a.md").await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
}

async fn concurrent_imports_have_one_winner(f: &Fixture) {
    let sub = add(&*f.store, 1).await;
    f.store
        .decide(&decision(&sub, Action::Approve, "alice"), now())
        .await
        .unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(6));
    for i in 0..6 {
        let (store, id, barrier) = (f.store.clone(), sub.id.clone(), barrier.clone());
        tasks.spawn(async move {
            let file = format!("content/resources/import-{i}.md");
            barrier.wait().await;
            (file.clone(), store.mark_imported(&id, &file).await)
        });
    }
    let mut winners = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (file, Ok(())) => winners.push(file),
            (_, Err(StoreError::Conflict(_))) => {}
            (_, Err(e)) => panic!("neither a win nor a conflict: {e:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    let got = f.store.get(&sub.id).await.unwrap().unwrap();
    assert_eq!(got.imported_as, Some(winners[0].clone()));
}

async fn moderators_add_find_revoke(f: &Fixture) {
    let store = &*f.store;
    assert!(store.moderators().await.unwrap().is_empty());
    let (bob, alice) = (
        moderator("bob", "hash-bob"),
        moderator("alice", "hash-alice"),
    );
    store.add_moderator(&bob).await.unwrap();
    store.add_moderator(&alice).await.unwrap();
    assert_eq!(
        store.moderator_by_token("hash-alice").await.unwrap(),
        Some(alice.clone())
    );
    assert_eq!(store.moderator_by_token("hash-nobody").await.unwrap(), None);
    // The same name again, even with another token: refused, the first one kept.
    let m = conflict(store.add_moderator(&moderator("alice", "hash-2")).await);
    assert!(m.contains("alice"), "{m}");
    assert_eq!(store.moderator_by_token("hash-2").await.unwrap(), None);
    assert_eq!(
        store.moderators().await.unwrap(),
        vec![alice.clone(), bob.clone()]
    );

    assert!(
        store
            .revoke_moderator("alice", 1_760_000_000)
            .await
            .unwrap()
    );
    assert_eq!(store.moderator_by_token("hash-alice").await.unwrap(), None);
    assert_eq!(
        store.moderator_by_token("hash-bob").await.unwrap(),
        Some(bob.clone())
    );
    assert!(
        !store
            .revoke_moderator("nobody", 1_760_000_000)
            .await
            .unwrap()
    );
    // Revoking again changes nothing.
    assert!(
        store
            .revoke_moderator("alice", 1_770_000_000)
            .await
            .unwrap()
    );
    let listed = store.moderators().await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].name, "alice");
    assert_eq!(listed[0].revoked_at, Some(1_760_000_000));
    assert_eq!(listed[1], bob);
}

async fn moderator_added_again_after_revoke(f: &Fixture) {
    let store = &*f.store;
    store
        .add_moderator(&moderator("alice", "old"))
        .await
        .unwrap();
    assert!(
        store
            .revoke_moderator("alice", 1_760_000_000)
            .await
            .unwrap()
    );
    let again = moderator("alice", "new");
    store.add_moderator(&again).await.unwrap();
    assert_eq!(store.moderator_by_token("old").await.unwrap(), None);
    assert_eq!(
        store.moderator_by_token("new").await.unwrap(),
        Some(again.clone())
    );
    assert_eq!(store.moderators().await.unwrap(), vec![again]);
    // And revoked again: the new token stops at once.
    assert!(
        store
            .revoke_moderator("alice", 1_770_000_000)
            .await
            .unwrap()
    );
    assert_eq!(store.moderator_by_token("new").await.unwrap(), None);
}

async fn concurrent_moderators_of_one_name_have_one_winner(f: &Fixture) {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..6 {
        let store = f.store.clone();
        tasks.spawn(async move {
            let m = moderator("alice", &format!("hash-{i}"));
            (m.clone(), store.add_moderator(&m).await)
        });
    }
    let mut winners = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap() {
            (m, Ok(())) => winners.push(m),
            (_, Err(StoreError::Conflict(_))) => {}
            (_, Err(e)) => panic!("neither a win nor a conflict: {e:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    let winner = &winners[0];
    assert_eq!(f.store.moderators().await.unwrap(), vec![winner.clone()]);
    for i in 0..6 {
        let hash = format!("hash-{i}");
        let found = f.store.moderator_by_token(&hash).await.unwrap();
        assert_eq!(found.is_some(), hash == winner.token_hash, "{hash}");
    }
}

async fn secret_is_made_once(f: &Fixture) {
    let store = &*f.store;
    let first = store.secret().await.unwrap();
    assert_eq!(first.len(), 32);
    assert!(first.iter().any(|&b| b != 0));
    for _ in 0..3 {
        assert_eq!(store.secret().await.unwrap(), first);
    }
}

async fn concurrent_first_secrets_agree(f: &Fixture) {
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(8));
    for _ in 0..8 {
        let (store, barrier) = (f.store.clone(), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            store.secret().await.unwrap()
        });
    }
    let mut secrets = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        secrets.push(joined.unwrap());
    }
    secrets.dedup();
    assert_eq!(secrets.len(), 1, "several secrets were made");
    assert_eq!(f.store.secret().await.unwrap(), secrets[0]);
}

async fn two_handles_share_one_secret(f: &Fixture) {
    let other = f.reopen().await;
    let (a, b) = tokio::join!(f.store.secret(), other.secret());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a, b);
    // And each keeps it.
    assert_eq!(f.store.secret().await.unwrap(), a);
    assert_eq!(other.secret().await.unwrap(), a);
}
