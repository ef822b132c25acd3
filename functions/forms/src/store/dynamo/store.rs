//! The [`Store`] operations on the table. Every condition a store is given is a condition of
//! the write (so that of two writers at once one wins); contention with another transaction
//! is tried again here, a condition that does not hold is told to the caller.

use async_trait::async_trait;
use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::{AttributeValue, Delete, Put, TransactWriteItem, Update};

use super::errors::{Failure, back_off, built, malformed};
use super::items::{
    Item, REVISION, audit_item, audit_partition, contact_item, contact_key, idempotency_item,
    idempotency_key, live, moderator_item, moderator_key, moderator_of, n, rate_key, record_of, s,
    secret_key, stored_of, submission_item, text, token_item, token_key,
};
use super::{ATTEMPTS, DynamoStore, QUEUE_INDEX, TTL_ATTRIBUTE};
use std::collections::BTreeMap;

use portal_model::Kind;

use crate::store::{
    Answer, Created, Decision, EntryFile, Idempotency, ListingState, Moderator, Outcome, Page,
    Place, Publisher, Registration, Result, Revision, Seconds, SlotCount, Status, Store,
    StoreError, Stored, Submission, Taken, Update as SubmissionUpdate,
};

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

/// A put in a transaction, on `condition`.
pub(super) fn put(
    table: &str,
    item: Item,
    condition: &str,
    names: &[(&str, &str)],
    values: &[(&str, AttributeValue)],
) -> Result<TransactWriteItem> {
    let mut b = Put::builder()
        .table_name(table)
        .set_item(Some(item))
        .condition_expression(condition);
    for (k, v) in names {
        b = b.expression_attribute_names(*k, *v);
    }
    for (k, v) in values {
        b = b.expression_attribute_values(*k, v.clone());
    }
    Ok(TransactWriteItem::builder()
        .put(b.build().map_err(built(table))?)
        .build())
}

/// An update in a transaction of the item at `key`, on `condition` if any.
pub(super) fn update_item(
    table: &str,
    key: Item,
    expression: &str,
    condition: Option<&str>,
    names: &[(&str, &str)],
    values: Vec<(&str, AttributeValue)>,
) -> Result<TransactWriteItem> {
    let mut b = Update::builder()
        .table_name(table)
        .set_key(Some(key))
        .update_expression(expression)
        .set_condition_expression(condition.map(str::to_string));
    for (k, v) in names {
        b = b.expression_attribute_names(*k, *v);
    }
    for (k, v) in values {
        b = b.expression_attribute_values(k, v);
    }
    Ok(TransactWriteItem::builder()
        .update(b.build().map_err(built(table))?)
        .build())
}

/// A delete in a transaction, without condition.
fn delete(table: &str, key: Item) -> Result<TransactWriteItem> {
    let delete = Delete::builder()
        .table_name(table)
        .set_key(Some(key))
        .build()
        .map_err(built(table))?;
    Ok(TransactWriteItem::builder().delete(delete).build())
}

impl DynamoStore {
    /// Runs a transaction, again while other transactions hold its items. `Err` with the
    /// positions of the items whose condition failed (empty when the server did not say).
    pub(super) async fn conditional(
        &self,
        items: Vec<TransactWriteItem>,
    ) -> Result<std::result::Result<(), Vec<usize>>> {
        for attempt in 0..ATTEMPTS {
            match self.transact(items.clone()).await {
                Ok(()) => return Ok(Ok(())),
                Err(Failure::Condition(failed)) => return Ok(Err(failed)),
                Err(Failure::Contention) => back_off(attempt).await,
                Err(Failure::Other(e)) => return Err(e),
            }
        }
        Err(self.busy())
    }

    /// Runs a transaction whose conditions the caller is told of as an [`Outcome`].
    pub(super) async fn outcome(&self, items: Vec<TransactWriteItem>) -> Result<Outcome> {
        Ok(match self.conditional(items).await? {
            Ok(()) => Outcome::Written,
            Err(_) => Outcome::Lost,
        })
    }

    /// Puts the new record `id`'s items `own` (each where there is none), once per
    /// idempotency key: a key seen already, while it counts, names the first record; an
    /// item there already writes nothing.
    pub(super) async fn create_once(
        &self,
        idempotency: Option<&Idempotency>,
        id: &str,
        own: Vec<Item>,
    ) -> Result<Created> {
        for _ in 0..ATTEMPTS {
            let mut items = Vec::new();
            if let Some(idem) = idempotency {
                items.push(put(
                    &self.table,
                    idempotency_item(idem, id),
                    "attribute_not_exists(pk) OR #e <= :now",
                    &[("#e", TTL_ATTRIBUTE)],
                    &[(":now", n(now()))],
                )?);
            }
            let first_own = items.len();
            for item in own.iter().cloned() {
                items.push(put(
                    &self.table,
                    item,
                    "attribute_not_exists(pk)",
                    &[],
                    &[],
                )?);
            }
            let Err(failed) = self.conditional(items).await? else {
                return Ok(Created::New);
            };
            if let Some(idem) = idempotency
                && (failed.is_empty() || failed.contains(&0))
            {
                // The key was seen: name the first record, if the key still counts (it may
                // have expired since, then try again).
                let seen = self.item(idempotency_key(&idem.key)).await?;
                if let Some(seen) = seen
                    && live(&seen, now())?
                {
                    // A key stored before fingerprints has none.
                    let fingerprint = match seen.get("fingerprint") {
                        Some(_) => text(&seen, "fingerprint")?.to_string(),
                        None => String::new(),
                    };
                    return Ok(Created::Existing {
                        id: text(&seen, "id")?.to_string(),
                        fingerprint,
                    });
                }
                if !failed.is_empty() {
                    continue;
                }
            }
            if failed.is_empty() || failed.iter().any(|&i| i >= first_own) {
                return Ok(Created::Taken);
            }
        }
        Err(self.busy())
    }
}

#[async_trait]
impl Store for DynamoStore {
    async fn create(
        &self,
        submission: &Submission,
        contact_email: &str,
        contact_expires_at: Seconds,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let id = &submission.id;
        let own = vec![
            submission_item(submission, Revision::FIRST),
            contact_item(id, contact_email, contact_expires_at),
        ];
        self.create_once(idempotency, id, own).await
    }

    async fn get(&self, id: &str) -> Result<Option<Stored<Submission>>> {
        let item = self.item(super::items::submission_key(id)).await?;
        item.as_ref().map(stored_of).transpose()
    }

    async fn contact(&self, id: &str, now: Seconds) -> Result<Option<String>> {
        let Some(item) = self.item(contact_key(id)).await? else {
            return Ok(None);
        };
        if !live(&item, now)? || !item.contains_key("email") {
            return Ok(None);
        }
        Ok(Some(text(&item, "email")?.to_string()))
    }

    async fn list(
        &self,
        status: Status,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Page<Submission>> {
        let mut items: Vec<Submission> = Vec::new();
        if limit == 0 {
            return Ok(Page { items, next: None });
        }
        // One more than asked, to know whether there is a next page.
        let wanted = limit.saturating_add(1);
        let mut start = None;
        loop {
            let mut query = self
                .client
                .query()
                .table_name(&self.table)
                .index_name(QUEUE_INDEX)
                .expression_attribute_values(":p", s(format!("STATUS#{}", status.word())))
                .scan_index_forward(true)
                .limit(i32::try_from(wanted - items.len()).unwrap_or(i32::MAX))
                .set_exclusive_start_key(start);
            query = match after {
                Some(after) => query
                    .key_condition_expression("gsi1pk = :p AND gsi1sk > :after")
                    .expression_attribute_values(":after", s(after)),
                None => query.key_condition_expression("gsi1pk = :p"),
            };
            let page = query.send().await.map_err(|e| self.backend(e))?;
            for item in page.items() {
                let sub: Submission = record_of(item)?;
                // The index lags a little behind the table: keep to the status asked.
                if sub.status == status {
                    items.push(sub);
                }
            }
            start = page.last_evaluated_key;
            if start.is_none() || items.len() >= wanted {
                break;
            }
        }
        let next = if items.len() > limit {
            items.truncate(limit);
            items.last().map(|s| s.id.clone())
        } else {
            None
        };
        Ok(Page { items, next })
    }

    async fn update(&self, update: &SubmissionUpdate<'_>) -> Result<Outcome> {
        let sub = update.submission;
        let revision = update.revision;
        // An item written before revisions has none: it is revision 0.
        let condition = if revision.0 == 0 {
            "attribute_exists(pk) AND attribute_not_exists(#rev)"
        } else {
            "#rev = :rev"
        };
        let values = if revision.0 == 0 {
            vec![]
        } else {
            vec![(":rev", n(revision.0))]
        };
        let mut items = vec![put(
            &self.table,
            submission_item(sub, revision.next()),
            condition,
            &[("#rev", REVISION)],
            &values,
        )?];
        if let Some(decision) = update.audit {
            items.push(put(
                &self.table,
                audit_item(decision),
                "attribute_not_exists(pk)",
                &[],
                &[],
            )?);
        }
        if let Some(at) = update.contact_expires_at {
            items.push(update_item(
                &self.table,
                contact_key(&sub.id),
                "SET #e = :e",
                None,
                &[("#e", TTL_ATTRIBUTE)],
                vec![(":e", n(at))],
            )?);
        }
        self.outcome(items).await
    }

    async fn audit(&self, id: &str) -> Result<Vec<Decision>> {
        let (pk, prefix) = audit_partition(id);
        self.partition(&pk, Some(prefix))
            .await?
            .iter()
            .map(record_of)
            .collect()
    }

    async fn hit(
        &self,
        key_: &str,
        window: Seconds,
        limit: u32,
        expires_at: Seconds,
    ) -> Result<bool> {
        if limit == 0 {
            return Ok(false);
        }
        let k = rate_key(key_, window);
        for attempt in 0..ATTEMPTS {
            let counted = self
                .client
                .update_item()
                .table_name(&self.table)
                .set_key(Some(k.clone()))
                .update_expression("ADD #c :one SET #e = :e")
                .condition_expression("attribute_not_exists(pk) OR #c < :limit")
                .expression_attribute_names("#c", "count")
                .expression_attribute_names("#e", TTL_ATTRIBUTE)
                .expression_attribute_values(":one", n(1))
                .expression_attribute_values(":limit", n(limit))
                .expression_attribute_values(":e", n(expires_at))
                .send()
                .await;
            let failure = match counted {
                Ok(_) => return Ok(true),
                Err(e) => self.fail(e),
            };
            match failure {
                Failure::Other(e) => return Err(e),
                Failure::Contention => back_off(attempt).await,
                Failure::Condition(_) => {
                    // The limit is reached, unless that count has expired (TTL deletes
                    // late): then it starts again at one, if nobody else did it first.
                    let Some(old) = self.item(k.clone()).await? else {
                        continue;
                    };
                    if live(&old, now())? {
                        return Ok(false);
                    }
                    let mut fresh = k.clone();
                    fresh.insert("count".into(), n(1));
                    fresh.insert(TTL_ATTRIBUTE.into(), n(expires_at));
                    let restarted = self
                        .client
                        .put_item()
                        .table_name(&self.table)
                        .set_item(Some(fresh))
                        .condition_expression("#e = :old")
                        .expression_attribute_names("#e", TTL_ATTRIBUTE)
                        .expression_attribute_values(
                            ":old",
                            old.get(TTL_ATTRIBUTE).cloned().unwrap_or(n(0)),
                        )
                        .send()
                        .await;
                    match restarted {
                        Ok(_) => return Ok(true),
                        Err(e) => match self.fail(e) {
                            Failure::Other(e) => return Err(e),
                            Failure::Condition(_) | Failure::Contention => back_off(attempt).await,
                        },
                    }
                }
            }
        }
        Err(self.busy())
    }

    async fn moderator(&self, name: &str) -> Result<Option<Moderator>> {
        let item = self.item(moderator_key(name)).await?;
        item.as_ref().map(moderator_of).transpose()
    }

    async fn token_owner(&self, token_hash: &str) -> Result<Option<String>> {
        let Some(token) = self.item(token_key(token_hash)).await? else {
            return Ok(None);
        };
        Ok(Some(text(&token, "name")?.to_string()))
    }

    async fn put_moderator(
        &self,
        moderator: &Moderator,
        replacing: Option<&Moderator>,
    ) -> Result<Outcome> {
        let m = moderator;
        // The moderator read is still the stored one: same token, same revocation.
        let (condition, values) = match replacing {
            None => ("attribute_not_exists(pk)", vec![]),
            Some(old) => match old.revoked_at {
                None => (
                    "#h = :h AND attribute_not_exists(#r)",
                    vec![(":h", s(&old.token_hash))],
                ),
                Some(at) => (
                    "#h = :h AND #r = :r",
                    vec![(":h", s(&old.token_hash)), (":r", n(at))],
                ),
            },
        };
        let names = if replacing.is_some() {
            vec![("#h", "token_hash"), ("#r", "revoked_at")]
        } else {
            vec![]
        };
        let mut items = vec![put(
            &self.table,
            moderator_item(m),
            condition,
            &names,
            &values,
        )?];
        if let Some(old) = replacing
            && old.revoked_at.is_none()
            && old.token_hash != m.token_hash
        {
            items.push(delete(&self.table, token_key(&old.token_hash))?);
        }
        if m.revoked_at.is_none() {
            items.push(put(
                &self.table,
                token_item(&m.token_hash, &m.name),
                "attribute_not_exists(pk) OR #n = :n",
                &[("#n", "name")],
                &[(":n", s(&m.name))],
            )?);
        } else {
            items.push(delete(&self.table, token_key(&m.token_hash))?);
        }
        self.outcome(items).await
    }

    async fn moderators(&self) -> Result<Vec<Moderator>> {
        self.partition("MOD", None)
            .await?
            .iter()
            .map(moderator_of)
            .collect()
    }

    async fn source_hashes(&self, kind: Kind) -> Result<BTreeMap<String, String>> {
        self.hashes(kind).await
    }

    async fn source(&self, kind: Kind, slug: &str) -> Result<Option<EntryFile>> {
        self.one_source(kind, slug).await
    }

    async fn put_sources(&self, kind: Kind, put: &[EntryFile], remove: &[String]) -> Result<()> {
        self.write_sources(kind, put, remove).await
    }

    async fn register(
        &self,
        registration: &Registration,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        self.put_registration(registration, idempotency).await
    }

    async fn registration(&self, id: &str, now: Seconds) -> Result<Option<Registration>> {
        self.read_registration(id, now).await
    }

    async fn forget_registration(&self, id: &str) -> Result<()> {
        self.delete_registration(id).await
    }

    async fn take(&self, place: &Place, capacity: u32) -> Result<Taken> {
        self.take_place(place, capacity).await
    }

    async fn places(
        &self,
        call: &str,
        slot: Option<&str>,
        now: Seconds,
    ) -> Result<Vec<Stored<Place>>> {
        self.read_places(call, slot, now).await
    }

    async fn place(&self, call: &str, slot: &str, person: &str) -> Result<Option<Stored<Place>>> {
        self.read_place(call, slot, person).await
    }

    async fn slot_counts(&self, call: &str) -> Result<BTreeMap<String, SlotCount>> {
        self.read_counts(call).await
    }

    async fn release(
        &self,
        cancel: &Stored<Place>,
        promote: Option<&Stored<Place>>,
    ) -> Result<Outcome> {
        self.release_place(cancel, promote).await
    }

    async fn publisher(&self, slug: &str) -> Result<Option<Publisher>> {
        self.read_publisher(slug).await
    }

    async fn put_publisher(
        &self,
        publisher: &Publisher,
        replacing: Option<&Publisher>,
    ) -> Result<Outcome> {
        self.write_publisher(publisher, replacing).await
    }

    async fn publishers(&self) -> Result<Vec<Publisher>> {
        self.read_publishers().await
    }

    async fn close_call(&self, slug: &str, at: Seconds) -> Result<Outcome> {
        self.mark_closed(slug, at).await
    }

    async fn closed_calls(&self) -> Result<BTreeMap<String, Seconds>> {
        self.read_closed().await
    }

    async fn put_answer(
        &self,
        answer: &Answer,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        self.write_answer(answer, idempotency).await
    }

    async fn answer(
        &self,
        listing: &str,
        id: &str,
        now: Seconds,
    ) -> Result<Option<Stored<Answer>>> {
        self.read_answer(listing, id, now).await
    }

    async fn answers(&self, listing: &str, now: Seconds) -> Result<Vec<Stored<Answer>>> {
        self.read_answers(listing, now).await
    }

    async fn set_answer(&self, answer: &Answer, revision: Revision) -> Result<Outcome> {
        self.update_answer(answer, revision).await
    }

    async fn finish_listing(&self, listing: &str) -> Result<Outcome> {
        self.mark_done(listing).await
    }

    async fn listing_state(&self, listing: &str) -> Result<ListingState> {
        self.read_listing_state(listing).await
    }

    async fn listing_states(&self) -> Result<BTreeMap<String, ListingState>> {
        self.read_listing_states().await
    }

    async fn secret(&self, candidate: &[u8]) -> Result<Vec<u8>> {
        let read = |item: Item| match item.get("value") {
            Some(AttributeValue::B(b)) => Ok(b.clone().into_inner()),
            _ => Err(malformed("le secret n'est pas une suite d'octets")),
        };
        if let Some(item) = self.item(secret_key()).await? {
            return read(item);
        }
        let mut item = secret_key();
        item.insert("value".into(), AttributeValue::B(Blob::new(candidate)));
        let made = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await;
        if let Err(e) = made {
            match self.fail(e) {
                // Another one made it first: that one is the secret.
                Failure::Condition(_) | Failure::Contention => {}
                Failure::Other(e) => return Err(e),
            }
        }
        // Read back, so that two first callers at once agree.
        match self.item(secret_key()).await? {
            Some(item) => read(item),
            None => Err(StoreError::SecretLost),
        }
    }
}
