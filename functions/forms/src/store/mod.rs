//! Where submissions, decisions and moderators are kept: one interface, two
//! implementations (an embedded on-disk store for `portal serve`, DynamoDB in production),
//! passing the same contract tests (`tests/store_contract.rs`).

use async_trait::async_trait;
use portal_model::SubmissionType;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub mod dynamo;
pub mod embedded;

pub use dynamo::DynamoStore;
pub use embedded::EmbeddedStore;

/// Seconds since the Unix epoch: what TTLs and ordering are computed on.
pub type Seconds = i64;

/// Where a submission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    Approved,
    ChangesRequested,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Pending,
        Status::Approved,
        Status::ChangesRequested,
        Status::Rejected,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Approved => "approved",
            Status::ChangesRequested => "changes_requested",
            Status::Rejected => "rejected",
        }
    }

    pub fn from_word(word: &str) -> Option<Status> {
        Self::ALL.into_iter().find(|s| s.word() == word)
    }

    /// Said to the submitter.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pending => "en attente de relecture",
            Status::Approved => "acceptée",
            Status::ChangesRequested => "à modifier",
            Status::Rejected => "refusée",
        }
    }
}

/// A stored submission, without the submitter's e-mail (kept apart, see [`Store::create`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// Time-ordered: sorting ids sorts by arrival.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: SubmissionType,
    pub target: Option<String>,
    pub fields: Map<String, Value>,
    pub body: String,
    pub created_at: Seconds,
    pub status: Status,
    /// 1 when submitted, then one more per decision: a decision names the version it saw.
    pub version: u64,
    pub note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<Seconds>,
    /// The content file it was written to by `portal import`.
    pub imported_as: Option<String>,
}

/// What a moderator decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Approve,
    Reject,
    RequestChanges,
}

impl Action {
    pub fn status(self) -> Status {
        match self {
            Action::Approve => Status::Approved,
            Action::Reject => Status::Rejected,
            Action::RequestChanges => Status::ChangesRequested,
        }
    }
}

/// One line of the audit log: who decided what, when, on which version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub submission: String,
    pub action: Action,
    pub note: String,
    pub by: String,
    pub at: Seconds,
    /// The version the decision was made on.
    pub version: u64,
}

/// A named moderator. Only a hash of the token is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moderator {
    pub name: String,
    pub token_hash: String,
    pub created_at: Seconds,
    pub revoked_at: Option<Seconds>,
}

/// What `create` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    New,
    /// The same idempotency key was seen: the submission stored then.
    Existing(String),
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A conditional write lost: stale version, concurrent decision, already imported,
    /// moderator already there.
    #[error("conflit : {0}")]
    Conflict(String),
    #[error("introuvable : {0}")]
    NotFound(String),
    #[error("stockage indisponible : {0}")]
    Backend(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// One page of a listing, and where the next starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

#[async_trait]
pub trait Store: Send + Sync {
    /// Stores a new submission and its submitter's e-mail, once per idempotency key: a
    /// second call with the same key (before it expires) stores nothing and names the first.
    async fn create(
        &self,
        submission: &Submission,
        contact_email: &str,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created>;

    async fn get(&self, id: &str) -> Result<Option<Submission>>;

    /// The submitter's e-mail, until it expires.
    async fn contact(&self, id: &str, now: Seconds) -> Result<Option<String>>;

    /// Submissions with `status`, oldest first, `limit` at most, after the id `after`.
    async fn list(
        &self,
        status: Status,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Page<Submission>>;

    /// Applies a decision made on `decision.version`, if that is still the current version
    /// and the submission is pending; else [`StoreError::Conflict`]. Logs it in the audit
    /// log and sets the e-mail to expire at `contact_expires_at`.
    async fn decide(&self, decision: &Decision, contact_expires_at: Seconds) -> Result<Submission>;

    /// The audit log of one submission, oldest first.
    async fn audit(&self, id: &str) -> Result<Vec<Decision>>;

    /// Counts one request from `key` in the window; false when `limit` is already reached.
    async fn hit(
        &self,
        key: &str,
        window: Seconds,
        limit: u32,
        expires_at: Seconds,
    ) -> Result<bool>;

    /// Marks an approved submission as written to `file`, once: a second mark conflicts.
    async fn mark_imported(&self, id: &str, file: &str) -> Result<()>;

    /// Adds a moderator; conflicts if the name is taken by one not revoked.
    async fn add_moderator(&self, moderator: &Moderator) -> Result<()>;

    /// The moderator holding this token hash, if not revoked.
    async fn moderator_by_token(&self, token_hash: &str) -> Result<Option<Moderator>>;

    /// Revokes a moderator at once; false if there is none of that name.
    async fn revoke_moderator(&self, name: &str, at: Seconds) -> Result<bool>;

    async fn moderators(&self) -> Result<Vec<Moderator>>;

    /// The server's secret key (for receipts and address hashes), made on first use.
    async fn secret(&self) -> Result<Vec<u8>>;

    /// Deletes what has expired; a store with its own expiry (DynamoDB's TTL) does nothing.
    async fn purge_expired(&self, _now: Seconds) -> Result<usize> {
        Ok(0)
    }
}

/// An idempotency key and when it stops counting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Idempotency {
    pub key: String,
    pub expires_at: Seconds,
}
