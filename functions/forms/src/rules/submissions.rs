//! Submissions: what a new one is, how often one address may send, when a retry is the same
//! submission, what a decision changes and when it may be made, when the submitter's e-mail
//! expires, and what may be imported.

use std::net::IpAddr;
use std::sync::Arc;

use portal_model::Draft;
use portal_model::site::FormSettings;

use super::guards::rate_subject;
use super::once::{Secret, reused};
use super::{ATTEMPTS, Result, RuleError};
use crate::secrets::{self, hex, keyed, random_bytes};
use crate::store::{
    Action, Created, Decision, Idempotency, Outcome, Page, Seconds, Staged, Status, Store, Stored,
    Submission, Update,
};

/// A day: how long a retried submission is recognised.
const RETRY_WINDOW: Seconds = 24 * 3600;
/// An hour: the window of the rate limit.
const RATE_WINDOW: Seconds = 3600;
/// A day, in seconds.
const DAY: Seconds = 24 * 3600;
/// How long the e-mail of a submission nobody decides on is kept: 90 days, a season. A
/// queue left that long is abandoned, and the submitter is better asked to send again than
/// kept on file; a decision before then sets the usual `retention_days` after it.
pub(crate) const UNDECIDED_CONTACT_DAYS: Seconds = 90;

/// Where a submission comes from, as the transport tells.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin<'a> {
    /// The sender's address, counted by the rate limit (none: not limited).
    pub ip: Option<IpAddr>,
    /// The `Idempotency-Key` header, when given.
    pub idempotency_key: Option<&'a str>,
    /// The submitter of an association's profile agreed that the contact e-mail be where
    /// the association is told of its exchanges.
    pub notify: bool,
}

/// A stored submission: its id, and the receipt that reads its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The submission's id.
    pub id: String,
    /// What the submitter shows to read the status (see [`crate::secrets::receipt`]).
    pub receipt: String,
}

/// The submissions, over a store.
pub struct Submissions {
    store: Arc<dyn Store>,
    /// The secret never changes once made: read once.
    secret: Secret,
}

impl Submissions {
    /// The submissions kept in `store`.
    pub fn new(store: Arc<dyn Store>) -> Submissions {
        Submissions {
            store,
            secret: Secret::default(),
        }
    }

    /// The server's secret key (for receipts and address hashes), made on first use.
    pub async fn secret(&self) -> Result<Vec<u8>> {
        self.secret.get(self.store.as_ref()).await
    }

    /// Stores a checked draft, once: a retry (the same idempotency key, or else the same
    /// content and contact the same day) names the first. Refused over the rate limit.
    pub async fn submit(
        &self,
        draft: &Draft,
        origin: Origin<'_>,
        settings: &FormSettings,
    ) -> Result<Accepted> {
        let secret = self.secret().await?;
        let now = now();
        if let Some(ip) = origin.ip {
            let (window, expires_at) = rate_window(now);
            let key = keyed(&secret, &format!("ip:{}", rate_subject(ip)));
            let limit = settings.rate_limit_per_hour;
            if !self.store.hit(&key, window, limit, expires_at).await? {
                return Err(RuleError::RateLimited { limit });
            }
        }
        let fingerprint = keyed(
            &secret,
            &serde_json::to_string(draft).expect("a draft serialises"),
        );
        let idempotency = Idempotency {
            key: keyed(&secret, &retry_key(draft, origin.idempotency_key, now)),
            expires_at: now + RETRY_WINDOW,
            fingerprint,
        };
        let mut submission =
            new_submission(draft, new_id(jiff::Timestamp::now().as_millisecond()), now);
        submission.notify =
            origin.notify && draft.kind == portal_model::SubmissionType::Association;
        let contact = draft.contact_email.trim();
        let created = self
            .store
            .create(
                &submission,
                contact,
                now + UNDECIDED_CONTACT_DAYS * DAY,
                Some(&idempotency),
            )
            .await?;
        reused(&created, &idempotency)?;
        let id = match created {
            Created::New => submission.id,
            Created::Existing { id, .. } => id,
            Created::Taken => return Err(RuleError::IdTaken { id: submission.id }),
        };
        let receipt = secrets::receipt(&secret, &id);
        Ok(Accepted { id, receipt })
    }

    /// Records a change the exchange made (a call filled, an offer reserved, a listing done)
    /// as an approved change of entry `slug`, against the file whose SHA-256 is `base`, for
    /// `portal import` to write; once per entry, fields and file (none when recorded before).
    pub async fn record_exchange(
        &self,
        kind: portal_model::SubmissionType,
        slug: &str,
        fields: serde_json::Map<String, serde_json::Value>,
        body: String,
        base: &str,
        note: &str,
    ) -> Result<Option<String>> {
        let secret = self.secret().await?;
        let now = now();
        let what = serde_json::to_string(&fields).expect("fields serialise");
        let idempotency = Idempotency {
            key: keyed(&secret, &format!("exchange:{slug}:{base}:{what}")),
            expires_at: now + 365 * DAY,
            fingerprint: String::new(),
        };
        let submission = Submission {
            id: new_id(jiff::Timestamp::now().as_millisecond()),
            kind,
            target: Some(slug.to_string()),
            fields,
            body,
            created_at: now,
            status: Status::Approved,
            version: 1,
            note: Some(note.to_string()),
            decided_by: Some("échange".to_string()),
            decided_at: Some(now),
            imported_as: None,
            base: Some(base.to_string()),
            staged: None,
            problem: None,
            notify: false,
        };
        // No submitter: no e-mail kept (an empty one, expired at once).
        match self
            .store
            .create(&submission, "", now, Some(&idempotency))
            .await?
        {
            Created::New => Ok(Some(submission.id)),
            Created::Existing { .. } => Ok(None),
            Created::Taken => Err(RuleError::IdTaken { id: submission.id }),
        }
    }

    /// After an association's profile is written as `slug`: when its submitter agreed, the
    /// contact e-mail becomes where the association is told (if still kept).
    pub async fn apply_notify_consent(&self, sub: &Submission, slug: &str) -> Result<bool> {
        if !sub.notify || sub.kind != portal_model::SubmissionType::Association {
            return Ok(false);
        }
        let Some(email) = self.store.contact(&sub.id, now()).await? else {
            return Ok(false);
        };
        super::Publishers::new(self.store.clone())
            .set_address(slug, &email)
            .await?;
        Ok(true)
    }

    /// The submission a receipt reads: none for an unknown id and for a wrong receipt alike.
    pub async fn status(&self, id: &str, receipt: &str) -> Result<Option<Submission>> {
        let secret = self.secret().await?;
        if !secrets::same(receipt, &secrets::receipt(&secret, id)) {
            return Ok(None);
        }
        self.get(id).await
    }

    /// The submission `id`, with no receipt asked: for moderators (a submitter reads it
    /// through [`Submissions::status`]).
    pub(crate) async fn get(&self, id: &str) -> Result<Option<Submission>> {
        Ok(self.store.get(id).await?.map(|s| s.value))
    }

    /// The submitter's e-mail, until it expires.
    pub async fn contact(&self, id: &str) -> Result<Option<String>> {
        Ok(self.store.contact(id, now()).await?)
    }

    /// The audit log of one submission, oldest first.
    pub async fn audit(&self, id: &str) -> Result<Vec<Decision>> {
        Ok(self.store.audit(id).await?)
    }

    /// Submissions with `status`, oldest first, `limit` at most, after the id `after`.
    pub async fn list(
        &self,
        status: Status,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Page<Submission>> {
        Ok(self.store.list(status, after, limit).await?)
    }

    /// Applies a decision made on `decision.version`, if that is still the current version
    /// and the submission is pending; logs it in the audit log, and sets the submitter's
    /// e-mail to expire `retention_days` after it.
    pub async fn decide(&self, decision: &Decision, settings: &FormSettings) -> Result<Submission> {
        self.review(decision, &Review::default(), settings).await
    }

    /// [`Submissions::decide`], with what the moderator saw and corrected: the hash of the
    /// file a change was approved against, and fields and text that replace the
    /// submission's (already checked by the caller, with the submission's own checks).
    pub async fn review(
        &self,
        decision: &Decision,
        review: &Review,
        settings: &FormSettings,
    ) -> Result<Submission> {
        if decision.action != Action::Approve && decision.note.trim().is_empty() {
            return Err(RuleError::NoteNeeded);
        }
        let expires_at = contact_expiry(decision.at, settings);
        let rule = |sub: &Submission| decided(sub, decision, review);
        self.change(&decision.submission, rule, Some(decision), Some(expires_at))
            .await
    }

    /// Approved submissions not imported yet, oldest first, from the listing's page after
    /// `after` (`limit` listed at most: a page may hold fewer, and still have a next).
    pub async fn importable(&self, after: Option<&str>, limit: usize) -> Result<Page<Submission>> {
        let mut page = self.store.list(Status::Approved, after, limit).await?;
        page.items.retain(importable);
        Ok(page)
    }

    /// Marks an approved submission as written to `file`, once: a second mark is refused.
    pub async fn mark_imported(&self, id: &str, file: &str) -> Result<()> {
        let rule = |sub: &Submission| imported(sub, file);
        self.change(id, rule, None, None).await.map(|_| ())
    }

    /// The first of the import's two marks: the submission is being written as `staged`.
    pub async fn mark_staged(&self, id: &str, staged: &Staged) -> Result<()> {
        let rule = |sub: &Submission| being_written(sub, staged);
        self.change(id, rule, None, None).await.map(|_| ())
    }

    /// Sets an approved submission aside, with why it cannot be written.
    pub async fn set_aside(&self, id: &str, problem: &str) -> Result<()> {
        let rule = |sub: &Submission| aside(sub, problem);
        self.change(id, rule, None, None).await.map(|_| ())
    }

    /// Reads the submission `id`, applies `rule` to it and writes the result on the revision
    /// read, with `audit` and `contact_expires_at`; again on what is read anew when another
    /// writer came first, until the rule refuses or the write holds.
    async fn change(
        &self,
        id: &str,
        rule: impl Fn(&Submission) -> Result<Submission> + Send,
        audit: Option<&Decision>,
        contact_expires_at: Option<Seconds>,
    ) -> Result<Submission> {
        for _ in 0..ATTEMPTS {
            let Some(Stored { value, revision }) = self.store.get(id).await? else {
                return Err(RuleError::NotFound { id: id.to_string() });
            };
            let new = rule(&value)?;
            let update = Update {
                submission: &new,
                revision,
                audit,
                contact_expires_at,
            };
            if self.store.update(&update).await? == Outcome::Written {
                return Ok(new);
            }
        }
        Err(RuleError::Busy { id: id.to_string() })
    }
}

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

/// Time-ordered ids: 12 hex digits of milliseconds, then 40 random bits.
pub fn new_id(millis: i64) -> String {
    format!("{millis:012x}{}", hex(&random_bytes::<5>()))
}

/// A new submission: pending, at version 1, without the e-mail (kept apart).
fn new_submission(draft: &Draft, id: String, now: Seconds) -> Submission {
    Submission {
        id,
        kind: draft.kind,
        target: draft.target.clone(),
        fields: draft.fields.clone(),
        body: draft.body.clone(),
        created_at: now,
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

/// The hour a request counts in, and when its count may be forgotten (an hour after it).
fn rate_window(now: Seconds) -> (Seconds, Seconds) {
    let window = now - now.rem_euclid(RATE_WINDOW);
    (window, window + 2 * RATE_WINDOW)
}

/// What tells a retry: the key the client gave, or else the same content and contact the
/// same day.
fn retry_key(draft: &Draft, given: Option<&str>, now: Seconds) -> String {
    match given.filter(|k| !k.is_empty()) {
        Some(given) => format!("key:{given}"),
        None => format!(
            "content:{}:{}",
            now / RETRY_WINDOW,
            serde_json::to_string(draft).expect("a draft serialises")
        ),
    }
}

/// What a decision carries besides its action (see [`Submissions::review`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    /// The moderator's correction of the fields and text, checked already.
    pub correction: Option<Correction>,
    /// For a change: the SHA-256 of the entry's current file the moderator saw.
    pub base: Option<String>,
}

/// Fields and text a moderator wrote in place of the submission's.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// The front matter's fields, as JSON.
    pub fields: serde_json::Map<String, serde_json::Value>,
    /// The description, in Markdown.
    pub body: String,
}

/// `sub` with `decision` applied: a decision is made on the current version of a pending
/// or set-aside submission, and moves it to the next version. An approval of a change keeps
/// the file it was made against; a correction replaces the fields and text.
fn decided(sub: &Submission, decision: &Decision, review: &Review) -> Result<Submission> {
    let open = matches!(sub.status, Status::Pending | Status::SetAside);
    if sub.version != decision.version || !open {
        return Err(RuleError::Stale {
            current: sub.version,
            status: sub.status,
            seen: decision.version,
        });
    }
    let mut sub = sub.clone();
    sub.status = decision.action.status();
    sub.version += 1;
    sub.note = Some(decision.note.clone());
    sub.decided_by = Some(decision.by.clone());
    sub.decided_at = Some(decision.at);
    if let Some(c) = &review.correction {
        sub.fields = c.fields.clone();
        sub.body = c.body.clone();
    }
    sub.base = match decision.action {
        Action::Approve => review.base.clone(),
        _ => None,
    };
    sub.staged = None;
    sub.problem = None;
    Ok(sub)
}

/// The submitter's e-mail is erased `retention_days` after the decision.
fn contact_expiry(decided_at: Seconds, settings: &FormSettings) -> Seconds {
    decided_at + Seconds::from(settings.retention_days) * DAY
}

/// Approved and not imported yet.
fn importable(sub: &Submission) -> bool {
    sub.status == Status::Approved && sub.imported_as.is_none()
}

/// Approved and not imported yet: what the import may still change.
fn still_importable(sub: &Submission) -> Result<()> {
    if sub.status != Status::Approved {
        return Err(RuleError::NotApproved { id: sub.id.clone() });
    }
    if let Some(done) = &sub.imported_as {
        return Err(RuleError::AlreadyImported {
            id: sub.id.clone(),
            file: done.clone(),
        });
    }
    Ok(())
}

/// `sub` marked as written to `file`: only an approved submission, and only once. Its
/// version stays: the version counts decisions.
fn imported(sub: &Submission, file: &str) -> Result<Submission> {
    still_importable(sub)?;
    let mut sub = sub.clone();
    sub.imported_as = Some(file.to_string());
    sub.staged = None;
    Ok(sub)
}

/// `sub` marked as being written as `staged` (again, after a run that was stopped, only as
/// the same file).
fn being_written(sub: &Submission, staged: &Staged) -> Result<Submission> {
    still_importable(sub)?;
    if let Some(before) = &sub.staged
        && before.file != staged.file
    {
        return Err(RuleError::StagedElsewhere {
            id: sub.id.clone(),
            file: before.file.clone(),
        });
    }
    let mut sub = sub.clone();
    sub.staged = Some(staged.clone());
    Ok(sub)
}

/// `sub` set aside by the import with `problem`: its version stays (it awaits a decision on
/// that version).
fn aside(sub: &Submission, problem: &str) -> Result<Submission> {
    still_importable(sub)?;
    let mut sub = sub.clone();
    sub.status = Status::SetAside;
    sub.staged = None;
    sub.problem = Some(problem.to_string());
    Ok(sub)
}

#[cfg(test)]
mod tests {
    use portal_model::SubmissionType;

    use super::*;

    fn pending() -> Submission {
        let draft = Draft {
            kind: SubmissionType::Resource,
            target: None,
            fields: Default::default(),
            body: "Pommes".into(),
            contact_email: "a@example.org".into(),
        };
        new_submission(&draft, "0001".into(), 100)
    }

    fn decision(action: Action, version: u64) -> Decision {
        Decision {
            submission: "0001".into(),
            action,
            note: "vu".into(),
            by: "alice".into(),
            at: 500,
            version,
            corrected: false,
        }
    }

    #[test]
    fn a_decision_moves_a_pending_submission_to_its_next_version() {
        let sub = pending();
        let new = decided(
            &sub,
            &decision(Action::RequestChanges, 1),
            &Review::default(),
        )
        .unwrap();
        assert_eq!(new.status, Status::ChangesRequested);
        assert_eq!(new.version, 2);
        assert_eq!(new.note.as_deref(), Some("vu"));
        assert_eq!(new.decided_by.as_deref(), Some("alice"));
        assert_eq!(new.decided_at, Some(500));
        assert_eq!(
            Submission {
                status: sub.status,
                version: sub.version,
                note: None,
                decided_by: None,
                decided_at: None,
                ..new.clone()
            },
            sub,
            "nothing else changes"
        );
        // Decided: no second decision, on any version.
        for version in [1, 2] {
            assert_eq!(
                decided(
                    &new,
                    &decision(Action::Approve, version),
                    &Review::default()
                )
                .unwrap_err()
                .to_string(),
                format!(
                    "conflit : la proposition est à la version 2 (à modifier), la décision portait sur la version {version}"
                )
            );
        }
        assert_eq!(
            decided(&sub, &decision(Action::Approve, 3), &Review::default())
                .unwrap_err()
                .to_string(),
            "conflit : la proposition est à la version 1 (en attente de relecture), la décision portait sur la version 3"
        );
    }

    #[test]
    fn only_an_approved_submission_is_imported_and_once() {
        let sub = pending();
        assert!(!importable(&sub));
        assert_eq!(
            imported(&sub, "content/a.md").unwrap_err().to_string(),
            "conflit : 0001 n'est pas acceptée"
        );
        let approved = decided(&sub, &decision(Action::Approve, 1), &Review::default()).unwrap();
        assert!(importable(&approved));
        let done = imported(&approved, "content/a.md").unwrap();
        assert_eq!(done.imported_as.as_deref(), Some("content/a.md"));
        assert_eq!(done.version, approved.version);
        assert!(!importable(&done));
        assert_eq!(
            imported(&done, "content/b.md").unwrap_err().to_string(),
            "conflit : 0001 déjà importée dans content/a.md"
        );
    }

    #[test]
    fn the_email_expires_retention_days_after_the_decision() {
        let settings = FormSettings {
            retention_days: 30,
            ..FormSettings::default()
        };
        assert_eq!(contact_expiry(1_000, &settings), 1_000 + 30 * 86_400);
    }

    #[test]
    fn requests_count_in_the_hour_they_arrive_in() {
        assert_eq!(rate_window(7_200), (7_200, 14_400));
        assert_eq!(rate_window(10_799), (7_200, 14_400));
        assert_eq!(rate_window(10_800), (10_800, 18_000));
    }

    #[test]
    fn a_retry_is_the_same_key_or_the_same_content_the_same_day() {
        let draft = Draft {
            kind: SubmissionType::Resource,
            target: None,
            fields: Default::default(),
            body: "Pommes".into(),
            contact_email: "a@example.org".into(),
        };
        assert_eq!(retry_key(&draft, Some("k"), 0), "key:k");
        let day = retry_key(&draft, None, 10);
        assert_eq!(day, retry_key(&draft, Some(""), 86_399));
        assert_ne!(day, retry_key(&draft, None, 86_400));
        let mut other = draft.clone();
        other.contact_email = "b@example.org".into();
        assert_ne!(day, retry_key(&other, None, 10));
    }
}
