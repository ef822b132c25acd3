//! The embedded store of `portal serve`: one SQLite file, nothing to install (SQLite is
//! compiled in). Every write is one transaction, committed with `synchronous=FULL` before it
//! is acknowledged, so an accepted submission survives `kill -9`. Several processes may use
//! the file at once (WAL mode): `portal moderators revoke` takes effect in a running server.
//! Expiry (DynamoDB's TTL) is applied on read, and by [`Store::purge_expired`], which
//! `portal serve` runs at start and every hour.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Serialize, de::DeserializeOwned};

use std::collections::BTreeMap;

use portal_model::Kind;

use super::{
    Answer, AnswerStatus, Created, Decision, EntryFile, Idempotency, ListingState, Moderator,
    Outcome, Page, Place, PlaceStatus, Publisher, Registration, Result, Revision, Seconds,
    SlotCount, Status, Store, StoreError, Stored, Submission, Taken, Update,
};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS submissions (id TEXT PRIMARY KEY, status TEXT NOT NULL, data TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS submissions_by_status ON submissions (status, id);
CREATE TABLE IF NOT EXISTS contacts (id TEXT PRIMARY KEY, email TEXT NOT NULL, expires_at INTEGER);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, id TEXT NOT NULL, expires_at INTEGER NOT NULL,
  fingerprint TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS audit (submission TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (submission, version));
CREATE TABLE IF NOT EXISTS rate (key TEXT PRIMARY KEY, window INTEGER NOT NULL, count INTEGER NOT NULL,
  expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS moderators (name TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS sources (kind TEXT NOT NULL, slug TEXT NOT NULL, text TEXT NOT NULL,
  sha256 TEXT NOT NULL, PRIMARY KEY (kind, slug));
CREATE TABLE IF NOT EXISTS registrations (id TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS places (call TEXT NOT NULL, slot TEXT NOT NULL, person TEXT NOT NULL,
  id TEXT NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL, revision INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, PRIMARY KEY (call, slot, person));
CREATE TABLE IF NOT EXISTS answers (listing TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
  revision INTEGER NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY (listing, id));
CREATE TABLE IF NOT EXISTS listing_states (slug TEXT PRIMARY KEY, accepted TEXT, done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS publishers (slug TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS closed_calls (slug TEXT PRIMARY KEY, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS slot_counts (call TEXT NOT NULL, slot TEXT NOT NULL, confirmed INTEGER NOT NULL,
  waiting INTEGER NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY (call, slot));
";

/// The [`Store`] in one SQLite file (see the module's documentation). Clones share the
/// connection.
#[derive(Clone)]
pub struct EmbeddedStore {
    conn: Arc<Mutex<Connection>>,
}

fn decode<T: DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Malformed {
        what: "enregistrement JSON illisible".into(),
        source: Some(e),
    })
}

fn encode<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("records serialise")
}

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

/// The record `sql` selects (one `data` column), if there is one.
fn read_one<T: DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Option<T>> {
    let data: Option<String> = conn.query_row(sql, params, |r| r.get(0)).optional()?;
    data.map(|d| decode(&d)).transpose()
}

/// The record and its revision `sql` selects (`data, revision`), if there is one.
fn read_stored<T: DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Option<Stored<T>>> {
    let row: Option<(String, i64)> = conn
        .query_row(sql, params, |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(data, revision)| stored(&data, revision))
        .transpose()
}

/// Every record `sql` selects (one `data` column), in its order.
fn read_all<T: DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(params, |r| r.get::<_, String>(0))?;
    rows.map(|r| decode(&r?)).collect()
}

/// Every record and its revision `sql` selects (`data, revision`), in its order.
fn read_all_stored<T: DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Stored<T>>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(params, |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    rows.map(|row| {
        let (data, revision) = row?;
        stored(&data, revision)
    })
    .collect()
}

fn stored<T: DeserializeOwned>(data: &str, revision: i64) -> Result<Stored<T>> {
    Ok(Stored {
        value: decode(data)?,
        revision: Revision(revision as u64),
    })
}

/// Whether a conditional write's condition holds: the record is still `old` (both none: it
/// is still absent), by `same`.
fn still<T>(stored: Option<&T>, old: Option<&T>, same: impl Fn(&T, &T) -> bool) -> bool {
    match (stored, old) {
        (None, None) => true,
        (Some(stored), Some(old)) => same(stored, old),
        _ => false,
    }
}

/// A new record `id`, inserted by `insert` (an `INSERT OR IGNORE`: how many rows it wrote),
/// once per idempotency key: a key seen already names the first record, an id taken
/// writes nothing.
fn insert_once(
    tx: &Connection,
    idem: Option<&Idempotency>,
    id: &str,
    insert: impl FnOnce() -> Result<usize>,
) -> Result<Created> {
    if let Some(idem) = idem
        && let Some(seen) = seen_key(tx, idem)?
    {
        return Ok(seen);
    }
    if insert()? == 0 {
        return Ok(Created::Taken);
    }
    remember(tx, idem, id)?;
    Ok(Created::New)
}

/// Keeps the idempotency key of new record `id`, while the key counts.
fn remember(tx: &Connection, idem: Option<&Idempotency>, id: &str) -> Result<()> {
    if let Some(idem) = idem {
        tx.execute(
            "INSERT OR REPLACE INTO idempotency (key, id, expires_at, fingerprint) VALUES (?1, ?2, ?3, ?4)",
            params![idem.key, id, idem.expires_at, idem.fingerprint],
        )?;
    }
    Ok(())
}

impl EmbeddedStore {
    /// Opens (or creates) the store file and its tables.
    pub fn open(path: &Path) -> Result<EmbeddedStore> {
        owner_only(path)?;
        let conn = Connection::open(path)?;
        // WAL lets a command read and write while the server runs; FULL syncs each commit;
        // secure_delete zeroes what is deleted (an expired e-mail) instead of leaving it in a
        // free page.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;",
        )?;
        conn.execute_batch(SCHEMA)?;
        add_column(
            &conn,
            "submissions",
            "revision",
            "INTEGER NOT NULL DEFAULT 0",
        )?;
        add_column(
            &conn,
            "idempotency",
            "fingerprint",
            "TEXT NOT NULL DEFAULT ''",
        )?;
        Ok(EmbeddedStore {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` in one immediate transaction (it takes the write lock at once, so that
    /// conditions checked inside hold until the commit), committed if it returns `Ok`.
    async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        self.blocking(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    /// Runs blocking store work off the async runtime.
    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = conn.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut conn)
        })
        .await
        .map_err(|source| StoreError::Interrupted { source })?
    }
}

/// Makes the store's folder (0700) and file (0600) readable by their owner only, also when
/// they were made before with wider modes. SQLite gives its WAL and shared-memory files the
/// database file's mode.
fn owner_only(path: &Path) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
    let folder = |dir: &Path, source| StoreError::Folder {
        path: dir.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| folder(dir, e))?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| folder(dir, e))?;
    }
    let file = |source| StoreError::Folder {
        path: path.to_path_buf(),
        source,
    };
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(file)?;
    for suffix in ["", "-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            other => other.map_err(file)?,
        }
    }
    Ok(())
}

/// A store made before a column existed gets it (with its default for what is there):
/// submissions' revisions, idempotency keys' fingerprints.
fn add_column(conn: &Connection, table: &str, column: &str, definition: &str) -> Result<()> {
    let has: bool = conn.query_row(
        &format!("SELECT COUNT(*) > 0 FROM pragma_table_info('{table}') WHERE name = ?1"),
        [column],
        |r| r.get(0),
    )?;
    if !has {
        conn.execute_batch(&format!(
            "ALTER TABLE {table} ADD COLUMN {column} {definition}"
        ))?;
    }
    Ok(())
}

fn read_submission(conn: &Connection, id: &str) -> Result<Option<Stored<Submission>>> {
    read_stored(
        conn,
        "SELECT data, revision FROM submissions WHERE id = ?1",
        [id],
    )
}

fn save(conn: &Connection, sub: &Submission, revision: Revision) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO submissions (id, status, data, revision) VALUES (?1, ?2, ?3, ?4)",
        params![sub.id, sub.status.word(), encode(sub), revision.0 as i64],
    )?;
    Ok(())
}

/// The idempotency key's first record, while the key counts.
fn seen_key(conn: &Connection, idem: &Idempotency) -> Result<Option<Created>> {
    let seen: Option<(String, String)> = conn
        .query_row(
            "SELECT id, fingerprint FROM idempotency WHERE key = ?1 AND expires_at > ?2",
            params![idem.key, now()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(seen.map(|(id, fingerprint)| Created::Existing { id, fingerprint }))
}

fn read_place(
    conn: &Connection,
    call: &str,
    slot: &str,
    person: &str,
) -> Result<Option<Stored<Place>>> {
    read_stored(
        conn,
        "SELECT data, revision FROM places WHERE call = ?1 AND slot = ?2 AND person = ?3",
        params![call, slot, person],
    )
}

fn save_place(conn: &Connection, place: &Place, revision: Revision) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO places (call, slot, person, id, status, data, revision, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            place.call,
            place.slot,
            place.person,
            place.id,
            place.status.word(),
            encode(place),
            revision.0 as i64,
            place.expires_at
        ],
    )?;
    Ok(())
}

fn read_count(conn: &Connection, call: &str, slot: &str) -> Result<SlotCount> {
    let row: Option<(u32, u32)> = conn
        .query_row(
            "SELECT confirmed, waiting FROM slot_counts WHERE call = ?1 AND slot = ?2",
            params![call, slot],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row
        .map(|(confirmed, waiting)| SlotCount { confirmed, waiting })
        .unwrap_or_default())
}

/// Moves a slot's count by `confirmed` and `waiting`, keeping it until `expires_at` at least.
fn count(conn: &Connection, place: &Place, confirmed: i64, waiting: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO slot_counts (call, slot, confirmed, waiting, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (call, slot) DO UPDATE SET confirmed = confirmed + ?3, waiting = waiting + ?4,
           expires_at = MAX(expires_at, ?5)",
        params![place.call, place.slot, confirmed, waiting, place.expires_at],
    )?;
    Ok(())
}

fn read_answer(conn: &Connection, listing: &str, id: &str) -> Result<Option<Stored<Answer>>> {
    read_stored(
        conn,
        "SELECT data, revision FROM answers WHERE listing = ?1 AND id = ?2",
        params![listing, id],
    )
}

fn read_listing_state(conn: &Connection, slug: &str) -> Result<ListingState> {
    let row: Option<(Option<String>, bool)> = conn
        .query_row(
            "SELECT accepted, done FROM listing_states WHERE slug = ?1",
            [slug],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row
        .map(|(accepted, done)| ListingState { accepted, done })
        .unwrap_or_default())
}

fn read_moderator(conn: &Connection, name: &str) -> Result<Option<Moderator>> {
    read_one(conn, "SELECT data FROM moderators WHERE name = ?1", [name])
}

fn read_publisher(conn: &Connection, slug: &str) -> Result<Option<Publisher>> {
    read_one(conn, "SELECT data FROM publishers WHERE slug = ?1", [slug])
}

fn token_owner(conn: &Connection, hash: &str) -> Result<Option<String>> {
    let owner = conn
        .query_row("SELECT name FROM tokens WHERE hash = ?1", [hash], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(owner)
}

#[async_trait]
impl Store for EmbeddedStore {
    async fn create(
        &self,
        submission: &Submission,
        contact_email: &str,
        contact_expires_at: Seconds,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let (sub, contact, idem) = (
            submission.clone(),
            contact_email.to_string(),
            idempotency.cloned(),
        );
        self.write(move |tx| {
            if let Some(idem) = &idem
                && let Some(seen) = seen_key(tx, idem)?
            {
                return Ok(seen);
            }
            if read_submission(tx, &sub.id)?.is_some() {
                return Ok(Created::Taken);
            }
            remember(tx, idem.as_ref(), &sub.id)?;
            save(tx, &sub, Revision::FIRST)?;
            tx.execute(
                "INSERT INTO contacts (id, email, expires_at) VALUES (?1, ?2, ?3)",
                params![sub.id, contact, contact_expires_at],
            )?;
            Ok(Created::New)
        })
        .await
    }

    async fn get(&self, id: &str) -> Result<Option<Stored<Submission>>> {
        let id = id.to_string();
        self.blocking(move |c| read_submission(c, &id)).await
    }

    async fn contact(&self, id: &str, now: Seconds) -> Result<Option<String>> {
        let id = id.to_string();
        self.blocking(move |c| {
            let email = c
                .query_row(
                    "SELECT email FROM contacts WHERE id = ?1 AND (expires_at IS NULL OR expires_at > ?2)",
                    params![id, now],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(email)
        })
        .await
    }

    async fn list(
        &self,
        status: Status,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Page<Submission>> {
        let after = after.unwrap_or("").to_string();
        // One more than asked tells whether there is a next page. Not `limit as i64 + 1`:
        // usize::MAX would wrap to LIMIT 0 and list nothing.
        let rows_wanted = i64::try_from(limit).unwrap_or(i64::MAX).saturating_add(1);
        self.blocking(move |c| {
            let mut items: Vec<Submission> = read_all(
                c,
                "SELECT data FROM submissions WHERE status = ?1 AND id > ?2 ORDER BY id LIMIT ?3",
                params![status.word(), after, rows_wanted],
            )?;
            let next = if items.len() > limit {
                items.truncate(limit);
                items.last().map(|s| s.id.clone())
            } else {
                None
            };
            Ok(Page { items, next })
        })
        .await
    }

    async fn update(&self, update: &Update<'_>) -> Result<Outcome> {
        let sub = update.submission.clone();
        let (revision, audit, expires_at) = (
            update.revision,
            update.audit.cloned(),
            update.contact_expires_at,
        );
        self.write(move |tx| {
            let current: Option<i64> = tx
                .query_row(
                    "SELECT revision FROM submissions WHERE id = ?1",
                    [&sub.id],
                    |r| r.get(0),
                )
                .optional()?;
            if current != Some(revision.0 as i64) {
                return Ok(Outcome::Lost);
            }
            if let Some(decision) = &audit {
                let logged = tx.execute(
                    "INSERT OR IGNORE INTO audit (submission, version, data) VALUES (?1, ?2, ?3)",
                    params![sub.id, decision.version as i64, encode(decision)],
                )?;
                if logged == 0 {
                    return Ok(Outcome::Lost);
                }
            }
            save(tx, &sub, revision.next())?;
            if let Some(at) = expires_at {
                tx.execute(
                    "UPDATE contacts SET expires_at = ?2 WHERE id = ?1",
                    params![sub.id, at],
                )?;
            }
            Ok(Outcome::Written)
        })
        .await
    }

    async fn audit(&self, id: &str) -> Result<Vec<Decision>> {
        let id = id.to_string();
        self.blocking(move |c| {
            read_all(
                c,
                "SELECT data FROM audit WHERE submission = ?1 ORDER BY version",
                [id],
            )
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
        self.write(move |tx| {
            let seen: Option<(i64, u32)> = tx
                .query_row(
                    "SELECT window, count FROM rate WHERE key = ?1 AND expires_at > ?2",
                    params![key, now()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                ?;
            let count = match seen {
                Some((w, count)) if w == window => count,
                _ => 0,
            };
            if count >= limit {
                return Ok(false);
            }
            tx.execute(
                "INSERT OR REPLACE INTO rate (key, window, count, expires_at) VALUES (?1, ?2, ?3, ?4)",
                params![key, window, count + 1, expires_at],
            )
            ?;
            Ok(true)
        })
        .await
    }

    async fn moderator(&self, name: &str) -> Result<Option<Moderator>> {
        let name = name.to_string();
        self.blocking(move |c| read_moderator(c, &name)).await
    }

    async fn token_owner(&self, token_hash: &str) -> Result<Option<String>> {
        let hash = token_hash.to_string();
        self.blocking(move |c| token_owner(c, &hash)).await
    }

    async fn put_moderator(
        &self,
        moderator: &Moderator,
        replacing: Option<&Moderator>,
    ) -> Result<Outcome> {
        let (m, old) = (moderator.clone(), replacing.cloned());
        self.write(move |tx| {
            let stored = read_moderator(tx, &m.name)?;
            let same = |a: &Moderator, b: &Moderator| {
                a.token_hash == b.token_hash && a.revoked_at == b.revoked_at
            };
            if !still(stored.as_ref(), old.as_ref(), same) {
                return Ok(Outcome::Lost);
            }
            if let Some(old) = &old
                && old.revoked_at.is_none()
                && old.token_hash != m.token_hash
            {
                tx.execute("DELETE FROM tokens WHERE hash = ?1", [&old.token_hash])?;
            }
            if m.revoked_at.is_none() {
                match token_owner(tx, &m.token_hash)? {
                    Some(owner) if owner != m.name => return Ok(Outcome::Lost),
                    _ => {}
                }
                tx.execute(
                    "INSERT OR REPLACE INTO tokens (hash, name) VALUES (?1, ?2)",
                    params![m.token_hash, m.name],
                )?;
            } else {
                tx.execute("DELETE FROM tokens WHERE hash = ?1", [&m.token_hash])?;
            }
            tx.execute(
                "INSERT OR REPLACE INTO moderators (name, data) VALUES (?1, ?2)",
                params![m.name, encode(&m)],
            )?;
            Ok(Outcome::Written)
        })
        .await
    }

    async fn moderators(&self) -> Result<Vec<Moderator>> {
        self.blocking(|c| read_all(c, "SELECT data FROM moderators ORDER BY name", []))
            .await
    }

    async fn source_hashes(&self, kind: Kind) -> Result<BTreeMap<String, String>> {
        self.blocking(move |c| {
            let mut stmt = c.prepare("SELECT slug, sha256 FROM sources WHERE kind = ?1")?;
            let rows = stmt.query_map([kind.api_name()], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .await
    }

    async fn source(&self, kind: Kind, slug: &str) -> Result<Option<EntryFile>> {
        let slug = slug.to_string();
        self.blocking(move |c| {
            let found = c
                .query_row(
                    "SELECT text, sha256 FROM sources WHERE kind = ?1 AND slug = ?2",
                    params![kind.api_name(), slug],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            Ok(found.map(|(text, sha256)| EntryFile { slug, text, sha256 }))
        })
        .await
    }

    async fn put_sources(&self, kind: Kind, put: &[EntryFile], remove: &[String]) -> Result<()> {
        let (put, remove) = (put.to_vec(), remove.to_vec());
        self.write(move |tx| {
            for s in &put {
                tx.execute(
                    "INSERT OR REPLACE INTO sources (kind, slug, text, sha256) VALUES (?1, ?2, ?3, ?4)",
                    params![kind.api_name(), s.slug, s.text, s.sha256],
                )?;
            }
            for slug in &remove {
                tx.execute(
                    "DELETE FROM sources WHERE kind = ?1 AND slug = ?2",
                    params![kind.api_name(), slug],
                )?;
            }
            Ok(())
        })
        .await
    }

    async fn secret(&self, candidate: &[u8]) -> Result<Vec<u8>> {
        let candidate = candidate.to_vec();
        self.write(move |tx| {
            // The first writer wins; everyone reads the same secret back.
            tx.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?1)",
                [&candidate],
            )?;
            let secret = tx.query_row("SELECT value FROM meta WHERE key = 'secret'", [], |r| {
                r.get(0)
            })?;
            Ok(secret)
        })
        .await
    }

    async fn register(
        &self,
        registration: &Registration,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let (reg, idem) = (registration.clone(), idempotency.cloned());
        self.write(move |tx| {
            insert_once(tx, idem.as_ref(), &reg.id, || {
                Ok(tx.execute(
                    "INSERT OR IGNORE INTO registrations (id, data, expires_at) VALUES (?1, ?2, ?3)",
                    params![reg.id, encode(&reg), reg.expires_at],
                )?)
            })
        })
        .await
    }

    async fn registration(&self, id: &str, now: Seconds) -> Result<Option<Registration>> {
        let id = id.to_string();
        self.blocking(move |c| {
            read_one(
                c,
                "SELECT data FROM registrations WHERE id = ?1 AND expires_at > ?2",
                params![id, now],
            )
        })
        .await
    }

    async fn forget_registration(&self, id: &str) -> Result<()> {
        let id = id.to_string();
        self.write(move |tx| {
            tx.execute("DELETE FROM registrations WHERE id = ?1", [id])?;
            Ok(())
        })
        .await
    }

    async fn take(&self, place: &Place, capacity: u32) -> Result<Taken> {
        let place = place.clone();
        self.write(move |tx| {
            let held = read_place(tx, &place.call, &place.slot, &place.person)?;
            if let Some(held) = &held
                && held.value.status != PlaceStatus::Cancelled
            {
                return Ok(Taken::Held(held.value.clone()));
            }
            let counted = read_count(tx, &place.call, &place.slot)?;
            let (confirmed, waiting, holds) = match place.status {
                PlaceStatus::Confirmed => (1, 0, counted.confirmed < capacity),
                PlaceStatus::Waiting => (0, 1, counted.confirmed >= capacity),
                PlaceStatus::Cancelled => (0, 0, false),
            };
            if !holds {
                return Ok(Taken::Counted);
            }
            let revision = held.map_or(Revision::FIRST, |h| h.revision.next());
            save_place(tx, &place, revision)?;
            count(tx, &place, confirmed, waiting)?;
            Ok(Taken::Written)
        })
        .await
    }

    async fn places(
        &self,
        call: &str,
        slot: Option<&str>,
        now: Seconds,
    ) -> Result<Vec<Stored<Place>>> {
        let (call, slot) = (call.to_string(), slot.map(str::to_string));
        self.blocking(move |c| {
            read_all_stored(
                c,
                "SELECT data, revision FROM places WHERE call = ?1 AND (?2 IS NULL OR slot = ?2)
                 AND expires_at > ?3 ORDER BY id",
                params![call, slot, now],
            )
        })
        .await
    }

    async fn place(&self, call: &str, slot: &str, person: &str) -> Result<Option<Stored<Place>>> {
        let (call, slot, person) = (call.to_string(), slot.to_string(), person.to_string());
        self.blocking(move |c| read_place(c, &call, &slot, &person))
            .await
    }

    async fn slot_counts(&self, call: &str) -> Result<BTreeMap<String, SlotCount>> {
        let call = call.to_string();
        self.blocking(move |c| {
            let mut stmt = c.prepare(
                "SELECT slot, confirmed, waiting FROM slot_counts WHERE call = ?1 AND expires_at > ?2",
            )?;
            let rows = stmt.query_map(params![call, now()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    SlotCount {
                        confirmed: r.get(1)?,
                        waiting: r.get(2)?,
                    },
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .await
    }

    async fn release(
        &self,
        cancel: &Stored<Place>,
        promote: Option<&Stored<Place>>,
    ) -> Result<Outcome> {
        let (cancel, promote) = (cancel.clone(), promote.cloned());
        self.write(move |tx| {
            let c = &cancel.value;
            let still = |p: &Stored<Place>| -> Result<bool> {
                let now = read_place(tx, &p.value.call, &p.value.slot, &p.value.person)?;
                Ok(now
                    .is_some_and(|n| n.revision == p.revision && n.value.status == p.value.status))
            };
            if c.status == PlaceStatus::Cancelled || !still(&cancel)? {
                return Ok(Outcome::Lost);
            }
            if let Some(p) = &promote
                && (c.status != PlaceStatus::Confirmed
                    || p.value.status != PlaceStatus::Waiting
                    || p.value.slot != c.slot
                    || p.value.call != c.call
                    || !still(p)?)
            {
                return Ok(Outcome::Lost);
            }
            let counted = read_count(tx, &c.call, &c.slot)?;
            match (c.status, &promote) {
                (PlaceStatus::Waiting, _) => count(tx, c, 0, -1)?,
                (_, Some(_)) => count(tx, c, 0, -1)?,
                (_, None) if counted.waiting > 0 => return Ok(Outcome::Lost),
                (_, None) => count(tx, c, -1, 0)?,
            }
            let mut cancelled = c.clone();
            cancelled.status = PlaceStatus::Cancelled;
            save_place(tx, &cancelled, cancel.revision.next())?;
            if let Some(p) = &promote {
                let mut confirmed = p.value.clone();
                confirmed.status = PlaceStatus::Confirmed;
                save_place(tx, &confirmed, p.revision.next())?;
            }
            Ok(Outcome::Written)
        })
        .await
    }

    async fn publisher(&self, slug: &str) -> Result<Option<Publisher>> {
        let slug = slug.to_string();
        self.blocking(move |c| read_publisher(c, &slug)).await
    }

    async fn put_publisher(
        &self,
        publisher: &Publisher,
        replacing: Option<&Publisher>,
    ) -> Result<Outcome> {
        let (p, old) = (publisher.clone(), replacing.cloned());
        self.write(move |tx| {
            let stored = read_publisher(tx, &p.slug)?;
            if !still(stored.as_ref(), old.as_ref(), Publisher::eq) {
                return Ok(Outcome::Lost);
            }
            tx.execute(
                "INSERT OR REPLACE INTO publishers (slug, data) VALUES (?1, ?2)",
                params![p.slug, encode(&p)],
            )?;
            Ok(Outcome::Written)
        })
        .await
    }

    async fn publishers(&self) -> Result<Vec<Publisher>> {
        self.blocking(|c| read_all(c, "SELECT data FROM publishers ORDER BY slug", []))
            .await
    }

    async fn close_call(&self, slug: &str, at: Seconds) -> Result<Outcome> {
        let slug = slug.to_string();
        self.write(move |tx| {
            let n = tx.execute(
                "INSERT OR IGNORE INTO closed_calls (slug, at) VALUES (?1, ?2)",
                params![slug, at],
            )?;
            Ok(if n == 1 {
                Outcome::Written
            } else {
                Outcome::Lost
            })
        })
        .await
    }

    async fn closed_calls(&self) -> Result<BTreeMap<String, Seconds>> {
        self.blocking(|c| {
            let mut stmt = c.prepare("SELECT slug, at FROM closed_calls")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .await
    }

    async fn put_answer(
        &self,
        answer: &Answer,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let (a, idem) = (answer.clone(), idempotency.cloned());
        self.write(move |tx| {
            insert_once(tx, idem.as_ref(), &a.id, || {
                Ok(tx.execute(
                    "INSERT OR IGNORE INTO answers (listing, id, data, revision, expires_at) VALUES (?1, ?2, ?3, 1, ?4)",
                    params![a.listing, a.id, encode(&a), a.expires_at],
                )?)
            })
        })
        .await
    }

    async fn answer(
        &self,
        listing: &str,
        id: &str,
        now: Seconds,
    ) -> Result<Option<Stored<Answer>>> {
        let (listing, id) = (listing.to_string(), id.to_string());
        self.blocking(move |c| {
            Ok(read_answer(c, &listing, &id)?.filter(|a| a.value.expires_at > now))
        })
        .await
    }

    async fn answers(&self, listing: &str, now: Seconds) -> Result<Vec<Stored<Answer>>> {
        let listing = listing.to_string();
        self.blocking(move |c| {
            read_all_stored(
                c,
                "SELECT data, revision FROM answers WHERE listing = ?1 AND expires_at > ?2 ORDER BY id",
                params![listing, now],
            )
        })
        .await
    }

    async fn set_answer(&self, answer: &Answer, revision: Revision) -> Result<Outcome> {
        let a = answer.clone();
        self.write(move |tx| {
            let Some(stored) = read_answer(tx, &a.listing, &a.id)? else {
                return Ok(Outcome::Lost);
            };
            if stored.revision != revision {
                return Ok(Outcome::Lost);
            }
            if a.status == AnswerStatus::Accepted {
                let state = read_listing_state(tx, &a.listing)?;
                if state.accepted.is_some() || state.done {
                    return Ok(Outcome::Lost);
                }
                tx.execute(
                    "INSERT INTO listing_states (slug, accepted, done) VALUES (?1, ?2, 0)
                     ON CONFLICT (slug) DO UPDATE SET accepted = ?2",
                    params![a.listing, a.id],
                )?;
            }
            tx.execute(
                "UPDATE answers SET data = ?3, revision = ?4 WHERE listing = ?1 AND id = ?2",
                params![a.listing, a.id, encode(&a), revision.next().0 as i64],
            )?;
            Ok(Outcome::Written)
        })
        .await
    }

    async fn finish_listing(&self, listing: &str) -> Result<Outcome> {
        let listing = listing.to_string();
        self.write(move |tx| {
            if read_listing_state(tx, &listing)?.done {
                return Ok(Outcome::Lost);
            }
            tx.execute(
                "INSERT INTO listing_states (slug, accepted, done) VALUES (?1, NULL, 1)
                 ON CONFLICT (slug) DO UPDATE SET done = 1",
                [&listing],
            )?;
            Ok(Outcome::Written)
        })
        .await
    }

    async fn listing_state(&self, listing: &str) -> Result<ListingState> {
        let listing = listing.to_string();
        self.blocking(move |c| read_listing_state(c, &listing))
            .await
    }

    async fn listing_states(&self) -> Result<BTreeMap<String, ListingState>> {
        self.blocking(|c| {
            let mut stmt = c.prepare("SELECT slug, accepted, done FROM listing_states")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    ListingState {
                        accepted: r.get(1)?,
                        done: r.get(2)?,
                    },
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .await
    }

    async fn purge_expired(&self, now: Seconds) -> Result<usize> {
        let removed = self
            .write(move |tx| {
                let mut removed = 0;
                for sql in [
                    "DELETE FROM contacts WHERE expires_at IS NOT NULL AND expires_at <= ?1",
                    "DELETE FROM idempotency WHERE expires_at <= ?1",
                    "DELETE FROM rate WHERE expires_at <= ?1",
                    "DELETE FROM registrations WHERE expires_at <= ?1",
                    "DELETE FROM places WHERE expires_at <= ?1",
                    "DELETE FROM slot_counts WHERE expires_at <= ?1",
                    "DELETE FROM answers WHERE expires_at <= ?1",
                ] {
                    removed += tx.execute(sql, [now])?;
                }
                Ok(removed)
            })
            .await?;
        if removed > 0 {
            // The WAL still holds the pages as they were before the delete: copy the zeroed
            // pages into the database and empty the WAL file. A reader in another process
            // can hold the checkpoint back; the next purge (every hour) does it then.
            self.blocking(|c| {
                c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
                Ok(())
            })
            .await?;
        }
        Ok(removed)
    }
}
