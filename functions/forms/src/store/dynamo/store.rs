//! The [`Store`] operations on the table.

use async_trait::async_trait;
use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::{AttributeValue, Delete, Put, TransactWriteItem, Update};

use super::errors::{Failure, back_off, built, malformed};
use super::items::{
    Item, key, live, moderator_item, moderator_of, n, s, sub_pk, submission_item, submission_of,
    text,
};
use super::{ATTEMPTS, DynamoStore, QUEUE_INDEX, TTL_ATTRIBUTE};
use crate::store::{
    Created, Decision, Idempotency, Moderator, Page, Result, Seconds, Status, Store, StoreError,
    Submission,
};

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

fn put(
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
        .put(b.build().map_err(built)?)
        .build())
}

/// A copy of `sub` with `decision` applied, as [`super::EmbeddedStore`] does it.
fn decided(sub: &Submission, decision: &Decision) -> Submission {
    let mut sub = sub.clone();
    sub.status = decision.action.status();
    sub.version += 1;
    sub.note = Some(decision.note.clone());
    sub.decided_by = Some(decision.by.clone());
    sub.decided_at = Some(decision.at);
    sub
}

fn stale(sub: &Submission, decision: &Decision) -> StoreError {
    StoreError::Conflict(format!(
        "la proposition est à la version {} ({}), la décision portait sur la version {}",
        sub.version,
        sub.status.label(),
        decision.version
    ))
}

#[async_trait]
impl Store for DynamoStore {
    async fn create(
        &self,
        submission: &Submission,
        contact_email: &str,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let id = &submission.id;
        for attempt in 0..ATTEMPTS {
            let mut items = Vec::new();
            if let Some(idem) = idempotency {
                let mut item = key(format!("IDEM#{}", idem.key), "IDEM");
                item.insert("id".into(), s(id));
                item.insert(TTL_ATTRIBUTE.into(), n(idem.expires_at));
                items.push(put(
                    &self.table,
                    item,
                    "attribute_not_exists(pk) OR #e <= :now",
                    &[("#e", TTL_ATTRIBUTE)],
                    &[(":now", n(now()))],
                )?);
            }
            let first_own = items.len();
            items.push(put(
                &self.table,
                submission_item(submission),
                "attribute_not_exists(pk)",
                &[],
                &[],
            )?);
            let mut contact = key(sub_pk(id), "CONTACT");
            contact.insert("email".into(), s(contact_email));
            items.push(put(
                &self.table,
                contact,
                "attribute_not_exists(pk)",
                &[],
                &[],
            )?);

            match self.transact(items).await {
                Ok(()) => return Ok(Created::New),
                Err(Failure::Other(e)) => return Err(e),
                Err(Failure::Contention) => back_off(attempt).await,
                Err(Failure::Condition(failed)) => {
                    if let Some(idem) = idempotency
                        && (failed.is_empty() || failed.contains(&0))
                    {
                        // The key was seen: name the first submission, if the key still
                        // counts (it may have expired since, then try again).
                        let seen = self.item(key(format!("IDEM#{}", idem.key), "IDEM")).await?;
                        if let Some(seen) = seen
                            && live(&seen, now())?
                        {
                            return Ok(Created::Existing(text(&seen, "id")?.to_string()));
                        }
                        if !failed.is_empty() {
                            continue;
                        }
                    }
                    if failed.is_empty() || failed.iter().any(|&i| i >= first_own) {
                        return Err(StoreError::Conflict(format!("{id} existe déjà")));
                    }
                }
            }
        }
        Err(StoreError::Backend(format!(
            "la table DynamoDB « {} » est trop sollicitée, réessayez",
            self.table
        )))
    }

    async fn get(&self, id: &str) -> Result<Option<Submission>> {
        match self.item(key(sub_pk(id), "SUB")).await? {
            Some(item) => submission_of(&item).map(Some),
            None => Ok(None),
        }
    }

    async fn contact(&self, id: &str, now: Seconds) -> Result<Option<String>> {
        let Some(item) = self.item(key(sub_pk(id), "CONTACT")).await? else {
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
                let sub = submission_of(item)?;
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

    async fn decide(&self, decision: &Decision, contact_expires_at: Seconds) -> Result<Submission> {
        let id = &decision.submission;
        for attempt in 0..ATTEMPTS {
            let Some(sub) = self.get(id).await? else {
                return Err(StoreError::NotFound(id.clone()));
            };
            if sub.version != decision.version || sub.status != Status::Pending {
                return Err(stale(&sub, decision));
            }
            let new = decided(&sub, decision);
            let mut audit = key(sub_pk(id), format!("AUDIT#{:010}", decision.version));
            audit.insert(
                "data".into(),
                s(serde_json::to_string(decision).expect("records serialise")),
            );
            let contact = Update::builder()
                .table_name(&self.table)
                .set_key(Some(key(sub_pk(id), "CONTACT")))
                .update_expression("SET #e = :e")
                .expression_attribute_names("#e", TTL_ATTRIBUTE)
                .expression_attribute_values(":e", n(contact_expires_at))
                .build()
                .map_err(built)?;
            let items = vec![
                put(
                    &self.table,
                    submission_item(&new),
                    "#v = :v AND #s = :pending",
                    &[("#v", "version"), ("#s", "status")],
                    &[
                        (":v", n(decision.version)),
                        (":pending", s(Status::Pending.word())),
                    ],
                )?,
                put(&self.table, audit, "attribute_not_exists(pk)", &[], &[])?,
                TransactWriteItem::builder().update(contact).build(),
            ];
            match self.transact(items).await {
                Ok(()) => return Ok(new),
                Err(Failure::Other(e)) => return Err(e),
                // Read it again: the answer is then a conflict, or a new try.
                Err(Failure::Contention) => back_off(attempt).await,
                Err(Failure::Condition(_)) => {
                    let now = self.get(id).await?.unwrap_or(sub);
                    return Err(stale(&now, decision));
                }
            }
        }
        Err(StoreError::Conflict(format!(
            "{id} : d'autres décisions sont en cours, réessayez"
        )))
    }

    async fn audit(&self, id: &str) -> Result<Vec<Decision>> {
        self.partition(&sub_pk(id), Some("AUDIT#"))
            .await?
            .iter()
            .map(|item| serde_json::from_str(text(item, "data")?).map_err(malformed))
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
        let k = key(format!("RATE#{key_}"), format!("WINDOW#{window}"));
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
        Err(StoreError::Backend(format!(
            "la table DynamoDB « {} » est trop sollicitée, réessayez",
            self.table
        )))
    }

    async fn mark_imported(&self, id: &str, file: &str) -> Result<()> {
        for attempt in 0..ATTEMPTS {
            let Some(sub) = self.get(id).await? else {
                return Err(StoreError::NotFound(id.to_string()));
            };
            if sub.status != Status::Approved {
                return Err(StoreError::Conflict(format!("{id} n'est pas acceptée")));
            }
            if let Some(done) = &sub.imported_as {
                return Err(StoreError::Conflict(format!(
                    "{id} déjà importée dans {done}"
                )));
            }
            let mut new = sub.clone();
            new.imported_as = Some(file.to_string());
            let written = self
                .client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(submission_item(&new)))
                .condition_expression("#v = :v AND #s = :approved AND attribute_not_exists(#i)")
                .expression_attribute_names("#v", "version")
                .expression_attribute_names("#s", "status")
                .expression_attribute_names("#i", "imported")
                .expression_attribute_values(":v", n(sub.version))
                .expression_attribute_values(":approved", s(Status::Approved.word()))
                .send()
                .await;
            match written {
                Ok(_) => return Ok(()),
                Err(e) => match self.fail(e) {
                    Failure::Other(e) => return Err(e),
                    // Read it again: it says who won.
                    Failure::Condition(_) | Failure::Contention => back_off(attempt).await,
                },
            }
        }
        Err(StoreError::Conflict(format!(
            "{id} : d'autres imports sont en cours, réessayez"
        )))
    }

    async fn add_moderator(&self, moderator: &Moderator) -> Result<()> {
        let m = moderator;
        for attempt in 0..ATTEMPTS {
            let mut token = key(format!("TOKEN#{}", m.token_hash), "TOKEN");
            token.insert("name".into(), s(&m.name));
            let items = vec![
                put(
                    &self.table,
                    moderator_item(m),
                    "attribute_not_exists(pk) OR attribute_exists(#r)",
                    &[("#r", "revoked_at")],
                    &[],
                )?,
                put(&self.table, token, "attribute_not_exists(pk)", &[], &[])?,
            ];
            match self.transact(items).await {
                Ok(()) => return Ok(()),
                Err(Failure::Other(e)) => return Err(e),
                Err(Failure::Contention) => back_off(attempt).await,
                Err(Failure::Condition(failed)) => {
                    return Err(StoreError::Conflict(if failed == [1] {
                        format!(
                            "le jeton de {} est déjà celui d'un autre modérateur",
                            m.name
                        )
                    } else {
                        format!("le modérateur {} existe déjà", m.name)
                    }));
                }
            }
        }
        Err(StoreError::Backend(format!(
            "la table DynamoDB « {} » est trop sollicitée, réessayez",
            self.table
        )))
    }

    async fn moderator_by_token(&self, token_hash: &str) -> Result<Option<Moderator>> {
        let Some(token) = self
            .item(key(format!("TOKEN#{token_hash}"), "TOKEN"))
            .await?
        else {
            return Ok(None);
        };
        let name = text(&token, "name")?;
        let Some(item) = self.item(key("MOD", name)).await? else {
            return Ok(None);
        };
        let m = moderator_of(&item)?;
        Ok((m.revoked_at.is_none() && m.token_hash == token_hash).then_some(m))
    }

    async fn revoke_moderator(&self, name: &str, at: Seconds) -> Result<bool> {
        for attempt in 0..ATTEMPTS {
            let Some(item) = self.item(key("MOD", name)).await? else {
                return Ok(false);
            };
            let m = moderator_of(&item)?;
            // Only the moderator read here (not one added again meanwhile), and its token.
            let revoke = Update::builder()
                .table_name(&self.table)
                .set_key(Some(key("MOD", name)))
                .update_expression("SET #r = if_not_exists(#r, :at)")
                .condition_expression("#h = :h")
                .expression_attribute_names("#r", "revoked_at")
                .expression_attribute_names("#h", "token_hash")
                .expression_attribute_values(":at", n(at))
                .expression_attribute_values(":h", s(&m.token_hash))
                .build()
                .map_err(built)?;
            let forget = Delete::builder()
                .table_name(&self.table)
                .set_key(Some(key(format!("TOKEN#{}", m.token_hash), "TOKEN")))
                .build()
                .map_err(built)?;
            let items = vec![
                TransactWriteItem::builder().update(revoke).build(),
                TransactWriteItem::builder().delete(forget).build(),
            ];
            match self.transact(items).await {
                Ok(()) => return Ok(true),
                Err(Failure::Other(e)) => return Err(e),
                Err(Failure::Condition(_) | Failure::Contention) => back_off(attempt).await,
            }
        }
        Err(StoreError::Backend(format!(
            "la table DynamoDB « {} » est trop sollicitée, réessayez",
            self.table
        )))
    }

    async fn moderators(&self) -> Result<Vec<Moderator>> {
        self.partition("MOD", None)
            .await?
            .iter()
            .map(moderator_of)
            .collect()
    }

    async fn secret(&self) -> Result<Vec<u8>> {
        if let Some(secret) = self.secret.get() {
            return Ok(secret.clone());
        }
        let secret = self.read_or_make_secret().await?;
        Ok(self.secret.get_or_init(|| secret).clone())
    }
}

impl DynamoStore {
    async fn read_or_make_secret(&self) -> Result<Vec<u8>> {
        let k = key("META", "SECRET");
        let read = |item: Item| match item.get("value") {
            Some(AttributeValue::B(b)) => Ok(b.clone().into_inner()),
            _ => Err(malformed("le secret n'est pas une suite d'octets")),
        };
        if let Some(item) = self.item(k.clone()).await? {
            return read(item);
        }
        let mut item = k.clone();
        item.insert(
            "value".into(),
            AttributeValue::B(Blob::new(crate::secrets::random_bytes::<32>().to_vec())),
        );
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
        match self.item(k).await? {
            Some(item) => read(item),
            None => Err(StoreError::Backend(
                "le secret vient d'être écrit mais ne se relit pas".into(),
            )),
        }
    }
}
