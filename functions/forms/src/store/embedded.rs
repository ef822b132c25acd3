//! The embedded store of `portal serve`: one redb file, nothing to install. Every write is
//! one ACID transaction committed to disk before it is acknowledged, so an accepted
//! submission survives `kill -9`. Expiry (DynamoDB's TTL) is applied on read, and by
//! [`Store::purge_expired`], which `portal serve` runs at start and every hour.

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use redb::{
    Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition,
    WriteTransaction,
};
use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::{
    Created, Decision, Idempotency, Moderator, Page, Result, Seconds, Status, Store, StoreError,
    Submission,
};

type Table = TableDefinition<'static, &'static str, &'static [u8]>;

const SUBMISSIONS: Table = TableDefinition::new("submissions");
const CONTACTS: Table = TableDefinition::new("contacts");
const IDEMPOTENCY: Table = TableDefinition::new("idempotency");
const AUDIT: Table = TableDefinition::new("audit");
const RATE: Table = TableDefinition::new("rate");
const MODERATORS: Table = TableDefinition::new("moderators");
const TOKENS: Table = TableDefinition::new("tokens");
const META: Table = TableDefinition::new("meta");

const ALL: [Table; 8] = [
    SUBMISSIONS,
    CONTACTS,
    IDEMPOTENCY,
    AUDIT,
    RATE,
    MODERATORS,
    TOKENS,
    META,
];

/// A value that stops counting at `expires_at`.
#[derive(Serialize, Deserialize)]
struct Expiring<T> {
    value: T,
    expires_at: Option<Seconds>,
}

impl<T> Expiring<T> {
    fn live(self, now: Seconds) -> Option<T> {
        match self.expires_at {
            Some(at) if at <= now => None,
            _ => Some(self.value),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Window {
    start: Seconds,
    count: u32,
}

#[derive(Clone)]
pub struct EmbeddedStore {
    db: Arc<Database>,
}

fn backend(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(backend)
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("records serialise")
}

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

impl EmbeddedStore {
    /// Opens (or creates) the store file, creating its tables.
    pub fn open(path: &Path) -> Result<EmbeddedStore> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(backend)?;
        }
        let db = Database::create(path).map_err(backend)?;
        let store = EmbeddedStore { db: Arc::new(db) };
        store.write(|tx| {
            for table in ALL {
                tx.open_table(table).map_err(backend)?;
            }
            Ok(())
        })?;
        Ok(store)
    }

    /// Runs `f` in one write transaction, committed (and synced) if it returns `Ok`.
    fn write<T>(&self, f: impl FnOnce(&WriteTransaction) -> Result<T>) -> Result<T> {
        let tx = self.db.begin_write().map_err(backend)?;
        let out = f(&tx)?;
        tx.commit().map_err(backend)?;
        Ok(out)
    }

    fn read_one<T: DeserializeOwned>(&self, table: Table, key: &str) -> Result<Option<T>> {
        let tx = self.db.begin_read().map_err(backend)?;
        let t = tx.open_table(table).map_err(backend)?;
        match t.get(key).map_err(backend)? {
            Some(v) => decode(v.value()).map(Some),
            None => Ok(None),
        }
    }

    /// Runs blocking store work off the async runtime.
    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(EmbeddedStore) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let store = self.clone();
        tokio::task::spawn_blocking(move || f(store))
            .await
            .map_err(backend)?
    }
}

fn get<T: DeserializeOwned>(
    t: &impl ReadableTable<&'static str, &'static [u8]>,
    key: &str,
) -> Result<Option<T>> {
    match t.get(key).map_err(backend)? {
        Some(v) => decode(v.value()).map(Some),
        None => Ok(None),
    }
}

#[async_trait]
impl Store for EmbeddedStore {
    async fn create(
        &self,
        submission: &Submission,
        contact_email: &str,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let (submission, contact, idem) = (
            submission.clone(),
            contact_email.to_string(),
            idempotency.cloned(),
        );
        self.blocking(move |s| {
            s.write(|tx| {
                let mut keys = tx.open_table(IDEMPOTENCY).map_err(backend)?;
                if let Some(idem) = &idem {
                    let seen: Option<Expiring<String>> = get(&keys, &idem.key)?;
                    if let Some(id) = seen.and_then(|e| e.live(now())) {
                        return Ok(Created::Existing(id));
                    }
                    let record = Expiring {
                        value: submission.id.clone(),
                        expires_at: Some(idem.expires_at),
                    };
                    keys.insert(idem.key.as_str(), encode(&record).as_slice())
                        .map_err(backend)?;
                }
                let mut subs = tx.open_table(SUBMISSIONS).map_err(backend)?;
                if subs.get(submission.id.as_str()).map_err(backend)?.is_some() {
                    return Err(StoreError::Conflict(format!(
                        "{} existe déjà",
                        submission.id
                    )));
                }
                subs.insert(submission.id.as_str(), encode(&submission).as_slice())
                    .map_err(backend)?;
                let record = Expiring {
                    value: contact,
                    expires_at: None,
                };
                tx.open_table(CONTACTS)
                    .map_err(backend)?
                    .insert(submission.id.as_str(), encode(&record).as_slice())
                    .map_err(backend)?;
                Ok(Created::New)
            })
        })
        .await
    }

    async fn get(&self, id: &str) -> Result<Option<Submission>> {
        let id = id.to_string();
        self.blocking(move |s| s.read_one(SUBMISSIONS, &id)).await
    }

    async fn contact(&self, id: &str, now: Seconds) -> Result<Option<String>> {
        let id = id.to_string();
        self.blocking(move |s| {
            let record: Option<Expiring<String>> = s.read_one(CONTACTS, &id)?;
            Ok(record.and_then(|r| r.live(now)))
        })
        .await
    }

    async fn list(
        &self,
        status: Status,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Page<Submission>> {
        let after = after.map(str::to_string);
        self.blocking(move |s| {
            let tx = s.db.begin_read().map_err(backend)?;
            let t = tx.open_table(SUBMISSIONS).map_err(backend)?;
            let range = match &after {
                Some(a) => t.range::<&str>((
                    std::ops::Bound::Excluded(a.as_str()),
                    std::ops::Bound::Unbounded,
                )),
                None => t.range::<&str>(..),
            }
            .map_err(backend)?;
            let mut items = Vec::new();
            let mut more = false;
            for row in range {
                let (_, v) = row.map_err(backend)?;
                let sub: Submission = decode(v.value())?;
                if sub.status != status {
                    continue;
                }
                if items.len() == limit {
                    more = true;
                    break;
                }
                items.push(sub);
            }
            let next = more.then(|| items.last().map(|s: &Submission| s.id.clone()));
            Ok(Page {
                items,
                next: next.flatten(),
            })
        })
        .await
    }

    async fn decide(&self, decision: &Decision, contact_expires_at: Seconds) -> Result<Submission> {
        let decision = decision.clone();
        self.blocking(move |s| {
            s.write(|tx| {
                let mut subs = tx.open_table(SUBMISSIONS).map_err(backend)?;
                let Some(mut sub) = get::<Submission>(&subs, &decision.submission)? else {
                    return Err(StoreError::NotFound(decision.submission.clone()));
                };
                if sub.version != decision.version || sub.status != Status::Pending {
                    return Err(StoreError::Conflict(format!(
                        "la proposition est à la version {} ({}), la décision portait sur la version {}",
                        sub.version,
                        sub.status.label(),
                        decision.version
                    )));
                }
                sub.status = decision.action.status();
                sub.version += 1;
                sub.note = Some(decision.note.clone());
                sub.decided_by = Some(decision.by.clone());
                sub.decided_at = Some(decision.at);
                subs.insert(sub.id.as_str(), encode(&sub).as_slice())
                    .map_err(backend)?;
                let key = format!("{}/{:010}", sub.id, decision.version);
                tx.open_table(AUDIT)
                    .map_err(backend)?
                    .insert(key.as_str(), encode(&decision).as_slice())
                    .map_err(backend)?;
                let mut contacts = tx.open_table(CONTACTS).map_err(backend)?;
                let contact: Option<Expiring<String>> = get(&contacts, &sub.id)?;
                if let Some(mut c) = contact {
                    c.expires_at = Some(contact_expires_at);
                    contacts
                        .insert(sub.id.as_str(), encode(&c).as_slice())
                        .map_err(backend)?;
                }
                Ok(sub)
            })
        })
        .await
    }

    async fn audit(&self, id: &str) -> Result<Vec<Decision>> {
        let prefix = format!("{id}/");
        self.blocking(move |s| {
            let tx = s.db.begin_read().map_err(backend)?;
            let t = tx.open_table(AUDIT).map_err(backend)?;
            let mut out = Vec::new();
            for row in t.range::<&str>(prefix.as_str()..).map_err(backend)? {
                let (k, v) = row.map_err(backend)?;
                if !k.value().starts_with(&prefix) {
                    break;
                }
                out.push(decode(v.value())?);
            }
            Ok(out)
        })
        .await
    }

    async fn hit(
        &self,
        key: &str,
        window: Seconds,
        limit: u32,
        expires_at: Seconds,
    ) -> Result<bool> {
        let key = key.to_string();
        self.blocking(move |s| {
            s.write(|tx| {
                let mut t = tx.open_table(RATE).map_err(backend)?;
                let seen: Option<Expiring<Window>> = get(&t, &key)?;
                let mut w = match seen.and_then(|e| e.live(now())) {
                    Some(w) if w.start == window => w,
                    _ => Window {
                        start: window,
                        count: 0,
                    },
                };
                if w.count >= limit {
                    return Ok(false);
                }
                w.count += 1;
                let record = Expiring {
                    value: w,
                    expires_at: Some(expires_at),
                };
                t.insert(key.as_str(), encode(&record).as_slice())
                    .map_err(backend)?;
                Ok(true)
            })
        })
        .await
    }

    async fn mark_imported(&self, id: &str, file: &str) -> Result<()> {
        let (id, file) = (id.to_string(), file.to_string());
        self.blocking(move |s| {
            s.write(|tx| {
                let mut subs = tx.open_table(SUBMISSIONS).map_err(backend)?;
                let Some(mut sub) = get::<Submission>(&subs, &id)? else {
                    return Err(StoreError::NotFound(id.clone()));
                };
                if sub.status != Status::Approved {
                    return Err(StoreError::Conflict(format!("{id} n'est pas acceptée")));
                }
                if let Some(done) = &sub.imported_as {
                    return Err(StoreError::Conflict(format!(
                        "{id} déjà importée dans {done}"
                    )));
                }
                sub.imported_as = Some(file);
                subs.insert(id.as_str(), encode(&sub).as_slice())
                    .map_err(backend)?;
                Ok(())
            })
        })
        .await
    }

    async fn add_moderator(&self, moderator: &Moderator) -> Result<()> {
        let m = moderator.clone();
        self.blocking(move |s| {
            s.write(|tx| {
                let mut mods = tx.open_table(MODERATORS).map_err(backend)?;
                if let Some(old) = get::<Moderator>(&mods, &m.name)?
                    && old.revoked_at.is_none()
                {
                    return Err(StoreError::Conflict(format!(
                        "le modérateur {} existe déjà",
                        m.name
                    )));
                }
                mods.insert(m.name.as_str(), encode(&m).as_slice())
                    .map_err(backend)?;
                tx.open_table(TOKENS)
                    .map_err(backend)?
                    .insert(m.token_hash.as_str(), encode(&m.name).as_slice())
                    .map_err(backend)?;
                Ok(())
            })
        })
        .await
    }

    async fn moderator_by_token(&self, token_hash: &str) -> Result<Option<Moderator>> {
        let hash = token_hash.to_string();
        self.blocking(move |s| {
            let Some(name) = s.read_one::<String>(TOKENS, &hash)? else {
                return Ok(None);
            };
            let m: Option<Moderator> = s.read_one(MODERATORS, &name)?;
            Ok(m.filter(|m| m.revoked_at.is_none() && m.token_hash == hash))
        })
        .await
    }

    async fn revoke_moderator(&self, name: &str, at: Seconds) -> Result<bool> {
        let name = name.to_string();
        self.blocking(move |s| {
            s.write(|tx| {
                let mut mods = tx.open_table(MODERATORS).map_err(backend)?;
                let Some(mut m) = get::<Moderator>(&mods, &name)? else {
                    return Ok(false);
                };
                if m.revoked_at.is_none() {
                    m.revoked_at = Some(at);
                    mods.insert(name.as_str(), encode(&m).as_slice())
                        .map_err(backend)?;
                }
                tx.open_table(TOKENS)
                    .map_err(backend)?
                    .remove(m.token_hash.as_str())
                    .map_err(backend)?;
                Ok(true)
            })
        })
        .await
    }

    async fn moderators(&self) -> Result<Vec<Moderator>> {
        self.blocking(|s| {
            let tx = s.db.begin_read().map_err(backend)?;
            let t = tx.open_table(MODERATORS).map_err(backend)?;
            let mut out = Vec::new();
            for row in t.iter().map_err(backend)? {
                out.push(decode(row.map_err(backend)?.1.value())?);
            }
            Ok(out)
        })
        .await
    }

    async fn secret(&self) -> Result<Vec<u8>> {
        self.blocking(|s| {
            s.write(|tx| {
                let mut t = tx.open_table(META).map_err(backend)?;
                if let Some(v) = t.get("secret").map_err(backend)? {
                    return Ok(v.value().to_vec());
                }
                let secret = crate::secrets::random_bytes::<32>().to_vec();
                t.insert("secret", secret.as_slice()).map_err(backend)?;
                Ok(secret)
            })
        })
        .await
    }

    async fn purge_expired(&self, now: Seconds) -> Result<usize> {
        self.blocking(move |s| {
            s.write(|tx| {
                let mut removed = 0;
                for table in [CONTACTS, IDEMPOTENCY, RATE] {
                    let mut t = tx.open_table(table).map_err(backend)?;
                    let before = t.len().map_err(backend)?;
                    t.retain(|_, v| {
                        serde_json::from_slice::<Expiring<serde_json::Value>>(v)
                            .map_or(true, |e| e.live(now).is_some())
                    })
                    .map_err(backend)?;
                    removed += (before - t.len().map_err(backend)?) as usize;
                }
                Ok(removed)
            })
        })
        .await
    }
}
