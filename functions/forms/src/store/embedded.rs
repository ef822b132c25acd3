//! The embedded store of `portal serve`: one SQLite file, nothing to install (SQLite is
//! compiled in). Every write is one transaction, committed with `synchronous=FULL` before it
//! is acknowledged, so an accepted submission survives `kill -9`. Several processes may use
//! the file at once (WAL mode): `portal moderators revoke` takes effect in a running server.
//! Expiry (DynamoDB's TTL) is applied on read, and by [`Store::purge_expired`], which
//! `portal serve` runs at start and every hour.

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use async_trait::async_trait;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Serialize, de::DeserializeOwned};

use super::{
    Created, Decision, Idempotency, Moderator, Page, Result, Seconds, Status, Store, StoreError,
    Submission,
};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS submissions (id TEXT PRIMARY KEY, status TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS submissions_by_status ON submissions (status, id);
CREATE TABLE IF NOT EXISTS contacts (id TEXT PRIMARY KEY, email TEXT NOT NULL, expires_at INTEGER);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, id TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit (submission TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (submission, version));
CREATE TABLE IF NOT EXISTS rate (key TEXT PRIMARY KEY, window INTEGER NOT NULL, count INTEGER NOT NULL,
  expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS moderators (name TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
";

#[derive(Clone)]
pub struct EmbeddedStore {
    conn: Arc<Mutex<Connection>>,
    /// The secret never changes once made: read once.
    secret: Arc<OnceLock<Vec<u8>>>,
}

fn backend(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

fn decode<T: DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(backend)
}

fn encode<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("records serialise")
}

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

impl EmbeddedStore {
    /// Opens (or creates) the store file and its tables.
    pub fn open(path: &Path) -> Result<EmbeddedStore> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(backend)?;
        }
        let conn = Connection::open(path).map_err(backend)?;
        // WAL lets a command read and write while the server runs; FULL syncs each commit.
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(backend)?;
        conn.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")
            .map_err(backend)?;
        conn.execute_batch(SCHEMA).map_err(backend)?;
        Ok(EmbeddedStore {
            conn: Arc::new(Mutex::new(conn)),
            secret: Arc::new(OnceLock::new()),
        })
    }

    /// Runs `f` in one immediate transaction (it takes the write lock at once, so that
    /// conditions checked inside hold until the commit), committed if it returns `Ok`.
    async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        self.blocking(move |conn| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(backend)?;
            let out = f(&tx)?;
            tx.commit().map_err(backend)?;
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
        .map_err(backend)?
    }
}

fn read_submission(conn: &Connection, id: &str) -> Result<Option<Submission>> {
    let data: Option<String> = conn
        .query_row("SELECT data FROM submissions WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()
        .map_err(backend)?;
    data.map(|d| decode(&d)).transpose()
}

fn save(conn: &Connection, sub: &Submission) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO submissions (id, status, data) VALUES (?1, ?2, ?3)",
        params![sub.id, sub.status.word(), encode(sub)],
    )
    .map_err(backend)?;
    Ok(())
}

#[async_trait]
impl Store for EmbeddedStore {
    async fn create(
        &self,
        submission: &Submission,
        contact_email: &str,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let (sub, contact, idem) = (
            submission.clone(),
            contact_email.to_string(),
            idempotency.cloned(),
        );
        self.write(move |tx| {
            if let Some(idem) = &idem {
                let seen: Option<String> = tx
                    .query_row(
                        "SELECT id FROM idempotency WHERE key = ?1 AND expires_at > ?2",
                        params![idem.key, now()],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(backend)?;
                if let Some(id) = seen {
                    return Ok(Created::Existing(id));
                }
                tx.execute(
                    "INSERT OR REPLACE INTO idempotency (key, id, expires_at) VALUES (?1, ?2, ?3)",
                    params![idem.key, sub.id, idem.expires_at],
                )
                .map_err(backend)?;
            }
            if read_submission(tx, &sub.id)?.is_some() {
                return Err(StoreError::Conflict(format!("{} existe déjà", sub.id)));
            }
            save(tx, &sub)?;
            tx.execute(
                "INSERT INTO contacts (id, email, expires_at) VALUES (?1, ?2, NULL)",
                params![sub.id, contact],
            )
            .map_err(backend)?;
            Ok(Created::New)
        })
        .await
    }

    async fn get(&self, id: &str) -> Result<Option<Submission>> {
        let id = id.to_string();
        self.blocking(move |c| read_submission(c, &id)).await
    }

    async fn contact(&self, id: &str, now: Seconds) -> Result<Option<String>> {
        let id = id.to_string();
        self.blocking(move |c| {
            c.query_row(
                "SELECT email FROM contacts WHERE id = ?1 AND (expires_at IS NULL OR expires_at > ?2)",
                params![id, now],
                |r| r.get(0),
            )
            .optional()
            .map_err(backend)
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
            let mut stmt = c
                .prepare(
                    "SELECT data FROM submissions WHERE status = ?1 AND id > ?2 ORDER BY id LIMIT ?3",
                )
                .map_err(backend)?;
            let rows = stmt
                .query_map(params![status.word(), after, rows_wanted], |r| {
                    r.get::<_, String>(0)
                })
                .map_err(backend)?;
            let mut items = Vec::new();
            for row in rows {
                items.push(decode::<Submission>(&row.map_err(backend)?)?);
            }
            // One more than asked tells whether there is a next page.
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

    async fn decide(&self, decision: &Decision, contact_expires_at: Seconds) -> Result<Submission> {
        let decision = decision.clone();
        self.write(move |tx| {
            let Some(mut sub) = read_submission(tx, &decision.submission)? else {
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
            save(tx, &sub)?;
            tx.execute(
                "INSERT INTO audit (submission, version, data) VALUES (?1, ?2, ?3)",
                params![sub.id, decision.version as i64, encode(&decision)],
            )
            .map_err(backend)?;
            tx.execute(
                "UPDATE contacts SET expires_at = ?2 WHERE id = ?1",
                params![sub.id, contact_expires_at],
            )
            .map_err(backend)?;
            Ok(sub)
        })
        .await
    }

    async fn audit(&self, id: &str) -> Result<Vec<Decision>> {
        let id = id.to_string();
        self.blocking(move |c| {
            let mut stmt = c
                .prepare("SELECT data FROM audit WHERE submission = ?1 ORDER BY version")
                .map_err(backend)?;
            let rows = stmt
                .query_map([id], |r| r.get::<_, String>(0))
                .map_err(backend)?;
            rows.map(|r| decode(&r.map_err(backend)?)).collect()
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
                .map_err(backend)?;
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
            .map_err(backend)?;
            Ok(true)
        })
        .await
    }

    async fn mark_imported(&self, id: &str, file: &str) -> Result<()> {
        let (id, file) = (id.to_string(), file.to_string());
        self.write(move |tx| {
            let Some(mut sub) = read_submission(tx, &id)? else {
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
            save(tx, &sub)
        })
        .await
    }

    async fn add_moderator(&self, moderator: &Moderator) -> Result<()> {
        let m = moderator.clone();
        self.write(move |tx| {
            let old: Option<String> = tx
                .query_row(
                    "SELECT data FROM moderators WHERE name = ?1",
                    [&m.name],
                    |r| r.get(0),
                )
                .optional()
                .map_err(backend)?;
            if let Some(old) = old
                && decode::<Moderator>(&old)?.revoked_at.is_none()
            {
                return Err(StoreError::Conflict(format!(
                    "le modérateur {} existe déjà",
                    m.name
                )));
            }
            tx.execute(
                "INSERT OR REPLACE INTO moderators (name, data) VALUES (?1, ?2)",
                params![m.name, encode(&m)],
            )
            .map_err(backend)?;
            tx.execute(
                "INSERT OR REPLACE INTO tokens (hash, name) VALUES (?1, ?2)",
                params![m.token_hash, m.name],
            )
            .map_err(backend)?;
            Ok(())
        })
        .await
    }

    async fn moderator_by_token(&self, token_hash: &str) -> Result<Option<Moderator>> {
        let hash = token_hash.to_string();
        self.blocking(move |c| {
            let data: Option<String> = c
                .query_row(
                    "SELECT m.data FROM tokens t JOIN moderators m ON m.name = t.name WHERE t.hash = ?1",
                    [&hash],
                    |r| r.get(0),
                )
                .optional()
                .map_err(backend)?;
            let m = data.map(|d| decode::<Moderator>(&d)).transpose()?;
            Ok(m.filter(|m| m.revoked_at.is_none() && m.token_hash == hash))
        })
        .await
    }

    async fn revoke_moderator(&self, name: &str, at: Seconds) -> Result<bool> {
        let name = name.to_string();
        self.write(move |tx| {
            let data: Option<String> = tx
                .query_row(
                    "SELECT data FROM moderators WHERE name = ?1",
                    [&name],
                    |r| r.get(0),
                )
                .optional()
                .map_err(backend)?;
            let Some(mut m) = data.map(|d| decode::<Moderator>(&d)).transpose()? else {
                return Ok(false);
            };
            if m.revoked_at.is_none() {
                m.revoked_at = Some(at);
                tx.execute(
                    "UPDATE moderators SET data = ?2 WHERE name = ?1",
                    params![name, encode(&m)],
                )
                .map_err(backend)?;
            }
            tx.execute("DELETE FROM tokens WHERE name = ?1", [&name])
                .map_err(backend)?;
            Ok(true)
        })
        .await
    }

    async fn moderators(&self) -> Result<Vec<Moderator>> {
        self.blocking(|c| {
            let mut stmt = c
                .prepare("SELECT data FROM moderators ORDER BY name")
                .map_err(backend)?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(backend)?;
            rows.map(|r| decode(&r.map_err(backend)?)).collect()
        })
        .await
    }

    async fn secret(&self) -> Result<Vec<u8>> {
        if let Some(secret) = self.secret.get() {
            return Ok(secret.clone());
        }
        let secret: Vec<u8> = self
            .write(|tx| {
                let fresh = crate::secrets::random_bytes::<32>().to_vec();
                // The first writer wins; everyone reads the same secret back.
                tx.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?1)",
                    [&fresh],
                )
                .map_err(backend)?;
                tx.query_row("SELECT value FROM meta WHERE key = 'secret'", [], |r| {
                    r.get(0)
                })
                .map_err(backend)
            })
            .await?;
        Ok(self.secret.get_or_init(|| secret).clone())
    }

    async fn purge_expired(&self, now: Seconds) -> Result<usize> {
        self.write(move |tx| {
            let mut removed = 0;
            for sql in [
                "DELETE FROM contacts WHERE expires_at IS NOT NULL AND expires_at <= ?1",
                "DELETE FROM idempotency WHERE expires_at <= ?1",
                "DELETE FROM rate WHERE expires_at <= ?1",
            ] {
                removed += tx.execute(sql, [now]).map_err(backend)?;
            }
            Ok(removed)
        })
        .await
    }
}
