//! Where submissions, decisions and moderators are kept: one interface, two
//! implementations (an embedded on-disk store for `portal serve`, DynamoDB in production),
//! passing the same contract tests (`tests/store_contract.rs`).
//!
//! A store knows no rule of the forms: it reads, and writes on a condition it is given
//! (compare-and-set on a revision, put-if-absent, a counter under a limit), all of a write
//! or none of it. What a decision changes, when an e-mail expires, what may be imported:
//! [`crate::rules`] says, once for both stores.

use std::collections::BTreeMap;

use async_trait::async_trait;
use portal_model::{Kind, SubmissionType};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub mod dynamo;
pub mod embedded;
mod error;
pub mod exchange;

pub use dynamo::DynamoStore;
pub use embedded::EmbeddedStore;
pub use error::{Source, StoreError, chain};
pub use exchange::{
    Answer, AnswerStatus, ListingState, Place, PlaceStatus, Publisher, Registration, SlotCount,
    Taken,
};

/// Seconds since the Unix epoch: what TTLs and ordering are computed on.
pub type Seconds = i64;

/// Where a submission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for a moderator's decision.
    Pending,
    /// Accepted: `portal import` writes it into `content/`.
    Approved,
    /// Sent back: the association is asked to send a corrected submission.
    ChangesRequested,
    /// Refused: it will not be published.
    Rejected,
    /// Approved, but `portal import` could not write it (its file no longer builds, or the
    /// file it changes was edited since the decision): set aside with the reason, for a
    /// moderator to correct, send back or reject. It blocks nothing else.
    SetAside,
}

impl Status {
    /// Every status.
    pub(crate) const ALL: [Status; 5] = [
        Status::Pending,
        Status::Approved,
        Status::ChangesRequested,
        Status::Rejected,
        Status::SetAside,
    ];

    /// Its name in the API and in the stores (`changes_requested`).
    pub(crate) fn word(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Approved => "approved",
            Status::ChangesRequested => "changes_requested",
            Status::Rejected => "rejected",
            Status::SetAside => "set_aside",
        }
    }

    /// The status of that name, if there is one.
    pub(crate) fn from_word(word: &str) -> Option<Status> {
        Self::ALL.into_iter().find(|s| s.word() == word)
    }

    /// Said to the submitter.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pending => "en attente de relecture",
            Status::Approved => "acceptée",
            Status::ChangesRequested => "à modifier",
            Status::Rejected => "refusée",
            Status::SetAside => "acceptée, à revoir par la modération avant publication",
        }
    }
}

/// A stored submission, without the submitter's e-mail (kept apart, see [`Store::create`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// Time-ordered: sorting ids sorts by arrival.
    pub id: String,
    /// What is submitted (`type` in the JSON).
    #[serde(rename = "type")]
    pub kind: SubmissionType,
    /// The slug of the entry to change, or none for a new entry.
    pub target: Option<String>,
    /// The front matter's fields, as JSON.
    pub fields: Map<String, Value>,
    /// The description, in Markdown.
    pub body: String,
    /// When it was received.
    pub created_at: Seconds,
    /// Where it stands.
    pub status: Status,
    /// 1 when submitted, then one more per decision: a decision names the version it saw.
    pub version: u64,
    /// The moderator's note on the decision, shown to the submitter.
    pub note: Option<String>,
    /// The moderator who decided, by name.
    pub decided_by: Option<String>,
    /// When the decision was made.
    pub decided_at: Option<Seconds>,
    /// The content file it was written to by `portal import`.
    pub imported_as: Option<String>,
    /// For a change: the SHA-256 of the entry's file the approving moderator saw. The import
    /// writes over that file only if it is still that one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// `portal import` is writing it (the first of its two marks): a run killed after this
    /// finishes the job on the next run instead of writing a second file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staged: Option<Staged>,
    /// Why `portal import` set it aside ([`Status::SetAside`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// An association's submitter agreed that the contact e-mail be where the association
    /// is told of its exchanges: `portal import` sets it once the profile is written.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub notify: bool,
}

/// The file an import is writing for a submission, and the text it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staged {
    /// Relative to the site's root: `content/ressources/pommes.md`.
    pub file: String,
    /// The file's whole text.
    pub text: String,
}

/// One entry's content file as the store keeps it, so that the functions on Lambda (which
/// have no `content/`) show a change against the current file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFile {
    /// The entry's slug.
    pub slug: String,
    /// The file's text.
    pub text: String,
    /// Its SHA-256, in hexadecimal.
    pub sha256: String,
}

/// What a moderator decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Accept the submission, for import.
    Approve,
    /// Refuse it (a note says why).
    Reject,
    /// Send it back for a corrected submission (a note says what to change).
    RequestChanges,
}

impl Action {
    /// The status a submission takes on this decision.
    pub(crate) fn status(self) -> Status {
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
    /// The submission's id.
    pub submission: String,
    /// What was decided.
    pub action: Action,
    /// Why, for the submitter (needed unless approving).
    pub note: String,
    /// The moderator, by name.
    pub by: String,
    /// When.
    pub at: Seconds,
    /// The version the decision was made on.
    pub version: u64,
    /// The moderator corrected the fields or the text with this decision.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
}

/// A named moderator. Only a hash of the token is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moderator {
    /// The moderator's name, recorded on each decision.
    pub name: String,
    /// The hash of the token (see [`crate::secrets::token_hash`]).
    pub token_hash: String,
    /// When the moderator was added.
    pub created_at: Seconds,
    /// When the moderator was revoked; none while active.
    pub revoked_at: Option<Seconds>,
}

/// How far a stored record has come: every write moves it on, and a conditional write names
/// the revision it read. Only the store makes revisions; they are not the submission's
/// `version`, which counts decisions (an import moves the revision, not the version).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Revision(pub(crate) u64);

impl Revision {
    /// A record's first revision.
    pub(crate) const FIRST: Revision = Revision(1);

    /// The revision after this one.
    pub(crate) fn next(self) -> Revision {
        Revision(self.0 + 1)
    }
}

/// A record as stored, with the revision a conditional write on it must name.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<T> {
    /// The record.
    pub value: T,
    /// Its revision when read.
    pub revision: Revision,
}

/// What `create` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// The submission was stored.
    New,
    /// The same idempotency key was seen: the submission stored then, and the fingerprint
    /// of what was sent with the key then (a rule compares it with the new one's).
    Existing {
        /// The first submission's id.
        id: String,
        /// What the key was first sent with (empty for a key stored before fingerprints).
        fingerprint: String,
    },
    /// A submission with that id is there already: nothing was written.
    Taken,
}

/// What a conditional write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Its condition held: all of it was written.
    Written,
    /// Its condition did not hold (another writer came first): nothing was written.
    Lost,
}

/// A compare-and-set of one submission and what goes with it, written all at once or not
/// at all.
#[derive(Debug, Clone, Copy)]
pub struct Update<'a> {
    /// The submission as it is to be stored.
    pub submission: &'a Submission,
    /// The revision it was read at: the write happens only if that is still the stored one.
    pub revision: Revision,
    /// A line added to the audit log, under `decision.version` (which must be free).
    pub audit: Option<&'a Decision>,
    /// When the submitter's e-mail expires from now on.
    pub contact_expires_at: Option<Seconds>,
}

/// What a store method answers.
pub type Result<T> = std::result::Result<T, StoreError>;

/// One page of a listing, and where the next starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The records of the page, in order.
    pub items: Vec<T>,
    /// The id to list after for the next page (the last item's); none on the last page.
    pub next: Option<String>,
}

/// The storage of the forms. Each method is one read or one write; a write with a condition
/// tells whether it held ([`Outcome`], [`Created`]) rather than failing, and an `Err` is
/// always the store itself failing.
#[async_trait]
pub trait Store: Send + Sync {
    /// Stores a new submission (at its first revision) and its submitter's e-mail, to
    /// expire at `contact_expires_at`, unless a submission has that id ([`Created::Taken`]);
    /// once per idempotency key: a second call with the same key (before it expires) stores
    /// nothing and names the first.
    async fn create(
        &self,
        submission: &Submission,
        contact_email: &str,
        contact_expires_at: Seconds,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created>;

    /// A submission, with its revision.
    async fn get(&self, id: &str) -> Result<Option<Stored<Submission>>>;

    /// The submitter's e-mail, unless it has expired at `now`.
    async fn contact(&self, id: &str, now: Seconds) -> Result<Option<String>>;

    /// Submissions with `status`, in order of id (oldest first), `limit` at most, after the
    /// id `after`.
    async fn list(
        &self,
        status: Status,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Page<Submission>>;

    /// Writes `update` if the submission is still at `update.revision` (and its audit line
    /// is free); [`Outcome::Lost`] otherwise.
    async fn update(&self, update: &Update<'_>) -> Result<Outcome>;

    /// The audit log of one submission, in order of version.
    async fn audit(&self, id: &str) -> Result<Vec<Decision>>;

    /// Counts one request from `key` in the window, unless `limit` is already reached
    /// (false then). A count that has expired starts again.
    async fn hit(
        &self,
        key: &str,
        window: Seconds,
        limit: u32,
        expires_at: Seconds,
    ) -> Result<bool>;

    /// The moderator of that name, revoked or not.
    async fn moderator(&self, name: &str) -> Result<Option<Moderator>>;

    /// The name the token index gives for this hash: it names each moderator not revoked.
    async fn token_owner(&self, token_hash: &str) -> Result<Option<String>>;

    /// Writes `moderator` in place of `replacing` (as it was read; `None`: there is no
    /// moderator of that name), and keeps the token index: its token is added while it is
    /// not revoked (and must be free), removed when it is. [`Outcome::Lost`] if the stored
    /// moderator is no longer `replacing` or the token is taken.
    async fn put_moderator(
        &self,
        moderator: &Moderator,
        replacing: Option<&Moderator>,
    ) -> Result<Outcome>;

    /// Every moderator, by name.
    async fn moderators(&self) -> Result<Vec<Moderator>>;

    /// The server's secret key: the stored one, or `candidate` stored if there is none yet
    /// (put-if-absent), read back so that first callers at once agree.
    async fn secret(&self, candidate: &[u8]) -> Result<Vec<u8>>;

    /// The SHA-256 of every entry's file of `kind` the store keeps, by slug.
    async fn source_hashes(&self, kind: Kind) -> Result<BTreeMap<String, String>>;

    /// One entry's file as the store keeps it.
    async fn source(&self, kind: Kind, slug: &str) -> Result<Option<EntryFile>>;

    /// Keeps `put` (replacing what was kept for those slugs) and forgets `remove`.
    async fn put_sources(&self, kind: Kind, put: &[EntryFile], remove: &[String]) -> Result<()>;

    /// Keeps a volunteer's registration unless one has that id ([`Created::Taken`]), once
    /// per idempotency key as [`Store::create`] does.
    async fn register(
        &self,
        registration: &Registration,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created>;

    /// A registration, unless it has expired at `now`.
    async fn registration(&self, id: &str, now: Seconds) -> Result<Option<Registration>>;

    /// Forgets a registration's personal data (its places stay, counted).
    async fn forget_registration(&self, id: &str) -> Result<()>;

    /// Writes `place`, with its status (confirmed or waiting), unless the person holds that
    /// slot already ([`Taken::Held`]; a cancelled place of theirs is replaced) or the slot's
    /// count forbids it ([`Taken::Counted`]): a confirmed place needs fewer than `capacity`
    /// confirmed, a waiting one needs `capacity` confirmed already. The slot's count moves
    /// in the same write.
    async fn take(&self, place: &Place, capacity: u32) -> Result<Taken>;

    /// The places of a call (of one slot, when given), in order of id, expired ones left out.
    async fn places(
        &self,
        call: &str,
        slot: Option<&str>,
        now: Seconds,
    ) -> Result<Vec<Stored<Place>>>;

    /// One person's place on one slot.
    async fn place(&self, call: &str, slot: &str, person: &str) -> Result<Option<Stored<Place>>>;

    /// The count of each slot of a call that has places.
    async fn slot_counts(&self, call: &str) -> Result<BTreeMap<String, SlotCount>>;

    /// Cancels `cancel` (as read, not cancelled) and, when it was confirmed, confirms
    /// `promote` (as read, waiting on the same slot) in its place; a confirmed place released
    /// with nobody promoted needs nobody waiting. [`Outcome::Lost`] when a place is no
    /// longer as read or somebody waits.
    async fn release(
        &self,
        cancel: &Stored<Place>,
        promote: Option<&Stored<Place>>,
    ) -> Result<Outcome>;

    /// An association's notification address and link generation.
    async fn publisher(&self, slug: &str) -> Result<Option<Publisher>>;

    /// Writes `publisher` in place of `replacing` (as read; `None`: there is none).
    /// [`Outcome::Lost`] when the stored one is no longer `replacing`.
    async fn put_publisher(
        &self,
        publisher: &Publisher,
        replacing: Option<&Publisher>,
    ) -> Result<Outcome>;

    /// Every association's record, by slug.
    async fn publishers(&self) -> Result<Vec<Publisher>>;

    /// Marks a call closed by its association at `at`, once (put-if-absent).
    async fn close_call(&self, slug: &str, at: Seconds) -> Result<Outcome>;

    /// The calls closed by their association, and when.
    async fn closed_calls(&self) -> Result<BTreeMap<String, Seconds>>;

    /// Keeps an answer to a listing unless one has that id, once per idempotency key.
    async fn put_answer(
        &self,
        answer: &Answer,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created>;

    /// One answer to a listing, unless expired at `now`.
    async fn answer(&self, listing: &str, id: &str, now: Seconds)
    -> Result<Option<Stored<Answer>>>;

    /// The answers to a listing, in order of id, expired ones left out.
    async fn answers(&self, listing: &str, now: Seconds) -> Result<Vec<Stored<Answer>>>;

    /// Writes `answer` if it is still at `revision`; when it is written accepted, the
    /// listing's state takes it in the same write, on condition that no answer is accepted
    /// and the listing is not done. [`Outcome::Lost`] otherwise.
    async fn set_answer(&self, answer: &Answer, revision: Revision) -> Result<Outcome>;

    /// Marks a listing done, once.
    async fn finish_listing(&self, listing: &str) -> Result<Outcome>;

    /// A listing's state (the default when nothing was decided).
    async fn listing_state(&self, listing: &str) -> Result<ListingState>;

    /// The states of every listing something was decided on, by slug.
    async fn listing_states(&self) -> Result<BTreeMap<String, ListingState>>;

    /// Deletes what has expired; a store with its own expiry (DynamoDB's TTL) does nothing.
    async fn purge_expired(&self, _now: Seconds) -> Result<usize> {
        Ok(0)
    }
}

/// An idempotency key and when it stops counting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Idempotency {
    /// The key: a keyed hash of what tells a retry.
    pub key: String,
    /// When it stops counting: a submission after that is a new one.
    pub expires_at: Seconds,
    /// A keyed hash of what was sent with the key: a retry sends the same.
    pub fingerprint: String,
}
