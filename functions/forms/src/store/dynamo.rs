//! The production store: one DynamoDB table, on-demand, with a TTL on `expires_at` and one
//! global secondary index for the moderation queue. It behaves as [`super::EmbeddedStore`]
//! does (the contract tests in `tests/store_contract.rs` run against both).
//!
//! Items (`pk`, `sk`, then attributes):
//!
//! | item | pk | sk | attributes |
//! |---|---|---|---|
//! | submission | `SUB#<id>` | `SUB` | `data` (the record's JSON), `status`, `version`, `imported` (the file, once imported), `gsi1pk` = `STATUS#<status>`, `gsi1sk` = `<id>` |
//! | contact e-mail | `SUB#<id>` | `CONTACT` | `email`, `expires_at` (set by the decision) |
//! | audit line | `SUB#<id>` | `AUDIT#<version:010>` | `data` (the decision's JSON) |
//! | idempotency key | `IDEM#<key>` | `IDEM` | `id`, `expires_at` |
//! | rate window | `RATE#<key>` | `WINDOW#<window>` | `count`, `expires_at` |
//! | moderator | `MOD` | `<name>` | `name`, `token_hash`, `created_at`, `revoked_at` (once revoked) |
//! | token index | `TOKEN#<hash>` | `TOKEN` | `name` |
//! | secret | `META` | `SECRET` | `value` (bytes) |
//!
//! The moderators share one partition so that listing them is a strongly consistent query
//! (they are a handful). Ids are time-ordered, so the index `gsi1` (`gsi1pk`, `gsi1sk`)
//! gives each status's queue oldest first. DynamoDB deletes expired items lazily (within
//! days), so every read of an expiring item also checks `expires_at` itself.
//!
//! Writes that change several items at once are one `TransactWriteItems`; every rule
//! ("still pending at this version", "not imported yet", "name free") is a condition of the
//! write, so that two writers at once give one winner and one [`StoreError::Conflict`].

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use async_trait::async_trait;
use aws_config::{BehaviorVersion, SdkConfig};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::{BuildError, DisplayErrorContext, SdkError};
use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, Delete, GlobalSecondaryIndex,
    KeySchemaElement, KeyType, Projection, ProjectionType, Put, ScalarAttributeType, TableStatus,
    TimeToLiveSpecification, TimeToLiveStatus, TransactWriteItem, Update,
};

use super::{
    Created, Decision, Idempotency, Moderator, Page, Result, Seconds, Status, Store, StoreError,
    Submission,
};

/// The table's name when `PORTAL_TABLE` is not set.
pub const DEFAULT_TABLE: &str = "portal";
/// The index of the moderation queue.
pub const QUEUE_INDEX: &str = "gsi1";
/// The attribute DynamoDB's TTL deletes items on (epoch seconds).
pub const TTL_ATTRIBUTE: &str = "expires_at";

/// How many times a write is tried again when another transaction held its items.
const ATTEMPTS: u32 = 8;

type Item = HashMap<String, AttributeValue>;

#[derive(Clone, Debug)]
pub struct DynamoStore {
    client: Client,
    table: String,
    /// The secret never changes once made: read once.
    secret: Arc<OnceLock<Vec<u8>>>,
}

/// How a failed DynamoDB call is taken.
#[derive(Debug)]
enum Failure {
    /// A condition of the write did not hold: for a transaction, the positions of the
    /// items whose condition failed (empty when the server did not say which).
    Condition(Vec<usize>),
    /// Another transaction was changing the same items: try again.
    Contention,
    Other(StoreError),
}

/// Sorts out an SDK error: lost conditions and contention are for the caller to handle,
/// anything else becomes a [`StoreError::Backend`] that says what to do when it can.
fn classify(e: aws_sdk_dynamodb::Error, table: &str) -> Failure {
    use aws_sdk_dynamodb::Error as E;
    match e {
        E::ConditionalCheckFailedException(_) => Failure::Condition(Vec::new()),
        E::TransactionCanceledException(e) => {
            let codes: Vec<&str> = e
                .cancellation_reasons()
                .iter()
                .map(|r| r.code().unwrap_or("None"))
                .collect();
            let failed: Vec<usize> = codes
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == "ConditionalCheckFailed")
                .map(|(i, _)| i)
                .collect();
            if !failed.is_empty() {
                Failure::Condition(failed)
            } else if codes.contains(&"TransactionConflict") {
                Failure::Contention
            } else if codes.is_empty() {
                // A server that gives no reasons: take it as a lost condition, the callers
                // read the items again to say which.
                Failure::Condition(Vec::new())
            } else {
                Failure::Other(StoreError::Backend(format!(
                    "DynamoDB (table {table}) a annulé la transaction : {}",
                    codes.join(", ")
                )))
            }
        }
        E::TransactionConflictException(_) | E::TransactionInProgressException(_) => {
            Failure::Contention
        }
        e => Failure::Other(backend_error(&e, table)),
    }
}

/// A clear message for the errors nobody can handle but a person.
fn backend_error(e: &aws_sdk_dynamodb::Error, table: &str) -> StoreError {
    use aws_sdk_dynamodb::Error as E;
    use aws_sdk_dynamodb::error::ProvideErrorMetadata;
    let detail = match (e.code(), e.message()) {
        (Some(code), Some(message)) => format!("{code} : {message}"),
        (Some(code), None) => code.to_string(),
        _ => DisplayErrorContext(e).to_string(),
    };
    StoreError::Backend(match e {
        E::ResourceNotFoundException(_) => format!(
            "la table DynamoDB « {table} » n'existe pas (à créer avec DynamoStore::create_table) : {detail}"
        ),
        E::ProvisionedThroughputExceededException(_)
        | E::RequestLimitExceeded(_)
        | E::ThrottlingException(_) => {
            format!("DynamoDB limite le débit de la table « {table} », réessayez : {detail}")
        }
        E::InternalServerError(_) => {
            format!("erreur interne de DynamoDB (table « {table} ») : {detail}")
        }
        _ => format!("DynamoDB (table « {table} ») : {detail}"),
    })
}

/// A call that got no answer from DynamoDB's service: no connection, a timeout, a reply
/// that could not be read. `None` when the service answered with an error.
fn unanswered<E, R>(e: &SdkError<E, R>, table: &str) -> Option<StoreError>
where
    E: std::error::Error + 'static,
    R: std::fmt::Debug,
{
    let what = match e {
        SdkError::ServiceError(_) => return None,
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => "DynamoDB injoignable",
        SdkError::ResponseError(_) => "réponse illisible de DynamoDB",
        _ => "requête DynamoDB impossible",
    };
    Some(StoreError::Backend(format!(
        "{what} (table « {table} ») : {}",
        DisplayErrorContext(e)
    )))
}

fn built(e: BuildError) -> StoreError {
    StoreError::Backend(format!("requête DynamoDB mal construite : {e}"))
}

fn malformed(what: impl Display) -> StoreError {
    StoreError::Backend(format!("élément DynamoDB mal formé : {what}"))
}

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}

fn n(v: impl Display) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn text<'a>(item: &'a Item, name: &str) -> Result<&'a str> {
    match item.get(name) {
        Some(AttributeValue::S(v)) => Ok(v),
        _ => Err(malformed(format_args!("attribut texte « {name} » absent"))),
    }
}

fn number(item: &Item, name: &str) -> Result<Option<i64>> {
    match item.get(name) {
        None | Some(AttributeValue::Null(_)) => Ok(None),
        Some(AttributeValue::N(v)) => v
            .parse()
            .map(Some)
            .map_err(|_| malformed(format_args!("« {name} » n'est pas un entier : {v}"))),
        Some(_) => Err(malformed(format_args!("« {name} » n'est pas un nombre"))),
    }
}

/// Still there: no `expires_at`, or one after `now` (DynamoDB's TTL deletes late).
fn live(item: &Item, now: Seconds) -> Result<bool> {
    Ok(number(item, TTL_ATTRIBUTE)?.is_none_or(|at| at > now))
}

fn key(pk: impl Into<String>, sk: impl Into<String>) -> Item {
    HashMap::from([("pk".to_string(), s(pk)), ("sk".to_string(), s(sk))])
}

fn sub_pk(id: &str) -> String {
    format!("SUB#{id}")
}

fn submission_item(sub: &Submission) -> Item {
    let mut item = key(sub_pk(&sub.id), "SUB");
    item.insert(
        "data".into(),
        s(serde_json::to_string(sub).expect("records serialise")),
    );
    item.insert("status".into(), s(sub.status.word()));
    item.insert("version".into(), n(sub.version));
    item.insert("gsi1pk".into(), s(format!("STATUS#{}", sub.status.word())));
    item.insert("gsi1sk".into(), s(&sub.id));
    if let Some(file) = &sub.imported_as {
        item.insert("imported".into(), s(file));
    }
    item
}

fn submission_of(item: &Item) -> Result<Submission> {
    serde_json::from_str(text(item, "data")?).map_err(malformed)
}

fn moderator_item(m: &Moderator) -> Item {
    let mut item = key("MOD", &m.name);
    item.insert("name".into(), s(&m.name));
    item.insert("token_hash".into(), s(&m.token_hash));
    item.insert("created_at".into(), n(m.created_at));
    if let Some(at) = m.revoked_at {
        item.insert("revoked_at".into(), n(at));
    }
    item
}

fn moderator_of(item: &Item) -> Result<Moderator> {
    Ok(Moderator {
        name: text(item, "name")?.to_string(),
        token_hash: text(item, "token_hash")?.to_string(),
        created_at: number(item, "created_at")?
            .ok_or_else(|| malformed("« created_at » absent"))?,
        revoked_at: number(item, "revoked_at")?,
    })
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

/// A short pause before trying again, longer each time.
async fn back_off(attempt: u32) {
    tokio::time::sleep(Duration::from_millis(10 * u64::from(attempt + 1))).await;
}

/// The HTTPS client: rustls over ring (see Cargo.toml).
fn https_client() -> aws_sdk_dynamodb::config::SharedHttpClient {
    use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
    aws_smithy_http_client::Builder::new()
        .tls_provider(Provider::Rustls(CryptoMode::Ring))
        .build_https()
}

impl DynamoStore {
    pub fn new(client: Client, table: impl Into<String>) -> DynamoStore {
        DynamoStore {
            client,
            table: table.into(),
            secret: Arc::new(OnceLock::new()),
        }
    }

    /// A store on `table`, with the AWS settings of `config`.
    pub fn from_config(config: &SdkConfig, table: impl Into<String>) -> DynamoStore {
        DynamoStore::new(Client::new(config), table)
    }

    /// The table named by `PORTAL_TABLE` (else [`DEFAULT_TABLE`]), reached with the usual
    /// AWS settings: `AWS_REGION`, the credentials (`AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, a profile, or the role of the Lambda function), and
    /// `AWS_ENDPOINT_URL_DYNAMODB` for a server other than AWS's (moto in the tests).
    pub async fn from_env() -> Result<DynamoStore> {
        let table = std::env::var("PORTAL_TABLE")
            .ok()
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| DEFAULT_TABLE.to_string());
        DynamoStore::connect(table).await
    }

    /// The table `table`, reached with the usual AWS settings (see [`DynamoStore::from_env`]).
    pub async fn connect(table: impl Into<String>) -> Result<DynamoStore> {
        let config = aws_config::defaults(BehaviorVersion::latest())
            .http_client(https_client())
            .load()
            .await;
        if config.region().is_none() {
            return Err(StoreError::Backend(
                "aucune région AWS : définissez AWS_REGION (par exemple eu-west-3)".into(),
            ));
        }
        Ok(DynamoStore::from_config(&config, table))
    }

    pub fn table(&self) -> &str {
        &self.table
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    fn fail<E, R>(&self, e: SdkError<E, R>) -> Failure
    where
        aws_sdk_dynamodb::Error: From<SdkError<E, R>>,
        E: std::error::Error + 'static,
        R: std::fmt::Debug,
    {
        match unanswered(&e, &self.table) {
            Some(e) => Failure::Other(e),
            None => classify(aws_sdk_dynamodb::Error::from(e), &self.table),
        }
    }

    /// A failure that only a person can handle.
    fn backend<E, R>(&self, e: SdkError<E, R>) -> StoreError
    where
        aws_sdk_dynamodb::Error: From<SdkError<E, R>>,
        E: std::error::Error + 'static,
        R: std::fmt::Debug,
    {
        match self.fail(e) {
            Failure::Other(e) => e,
            Failure::Condition(_) => StoreError::Conflict(format!(
                "écriture concurrente sur la table « {} »",
                self.table
            )),
            Failure::Contention => StoreError::Backend(format!(
                "la table DynamoDB « {} » est trop sollicitée, réessayez",
                self.table
            )),
        }
    }

    /// Creates the table, its queue index and its TTL, if not there yet; waits until it
    /// can be used. Run by the tests, and once before deploying without the template.
    pub async fn create_table(&self) -> Result<()> {
        let attr = |name: &str| {
            AttributeDefinition::builder()
                .attribute_name(name)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .map_err(built)
        };
        let part = |name: &str, kind: KeyType| {
            KeySchemaElement::builder()
                .attribute_name(name)
                .key_type(kind)
                .build()
                .map_err(built)
        };
        let index = GlobalSecondaryIndex::builder()
            .index_name(QUEUE_INDEX)
            .key_schema(part("gsi1pk", KeyType::Hash)?)
            .key_schema(part("gsi1sk", KeyType::Range)?)
            .projection(
                Projection::builder()
                    .projection_type(ProjectionType::All)
                    .build(),
            )
            .build()
            .map_err(built)?;
        let created = self
            .client
            .create_table()
            .table_name(&self.table)
            .billing_mode(BillingMode::PayPerRequest)
            .attribute_definitions(attr("pk")?)
            .attribute_definitions(attr("sk")?)
            .attribute_definitions(attr("gsi1pk")?)
            .attribute_definitions(attr("gsi1sk")?)
            .key_schema(part("pk", KeyType::Hash)?)
            .key_schema(part("sk", KeyType::Range)?)
            .global_secondary_indexes(index)
            .send()
            .await;
        if let Err(e) = created {
            // Already there (or being made): fine, wait for it below.
            let there = e
                .as_service_error()
                .is_some_and(|e| e.is_resource_in_use_exception());
            if !there {
                return Err(self.backend(e));
            }
        }

        // A new table takes a few seconds on AWS (at once in moto).
        let mut waited = Duration::ZERO;
        loop {
            let out = self
                .client
                .describe_table()
                .table_name(&self.table)
                .send()
                .await
                .map_err(|e| self.backend(e))?;
            let table = out.table();
            let active = table.and_then(|t| t.table_status()) == Some(&TableStatus::Active)
                && table.is_some_and(|t| {
                    t.global_secondary_indexes().iter().all(|i| {
                        i.index_status()
                            .is_none_or(|s| *s == aws_sdk_dynamodb::types::IndexStatus::Active)
                    })
                });
            if active {
                break;
            }
            if waited > Duration::from_secs(300) {
                return Err(StoreError::Backend(format!(
                    "la table DynamoDB « {} » n'est pas prête après 5 minutes",
                    self.table
                )));
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
            waited += Duration::from_millis(500);
        }

        let ttl = self
            .client
            .describe_time_to_live()
            .table_name(&self.table)
            .send()
            .await
            .map_err(|e| self.backend(e))?;
        let on = ttl.time_to_live_description().is_some_and(|d| {
            matches!(
                d.time_to_live_status(),
                Some(TimeToLiveStatus::Enabled | TimeToLiveStatus::Enabling)
            ) && d.attribute_name() == Some(TTL_ATTRIBUTE)
        });
        if !on {
            self.client
                .update_time_to_live()
                .table_name(&self.table)
                .time_to_live_specification(
                    TimeToLiveSpecification::builder()
                        .enabled(true)
                        .attribute_name(TTL_ATTRIBUTE)
                        .build()
                        .map_err(built)?,
                )
                .send()
                .await
                .map_err(|e| self.backend(e))?;
        }
        Ok(())
    }

    /// Deletes the table (the tests' cleaning).
    pub async fn delete_table(&self) -> Result<()> {
        self.client
            .delete_table()
            .table_name(&self.table)
            .send()
            .await
            .map_err(|e| self.backend(e))?;
        Ok(())
    }

    /// One item, read strongly consistent.
    async fn item(&self, key: Item) -> Result<Option<Item>> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| self.backend(e))?;
        Ok(out.item)
    }

    async fn transact(&self, items: Vec<TransactWriteItem>) -> std::result::Result<(), Failure> {
        self.client
            .transact_write_items()
            .set_transact_items(Some(items))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| self.fail(e))
    }

    /// Every item of the partition `pk` (whose sort key starts with `prefix`), in order.
    async fn partition(&self, pk: &str, prefix: Option<&str>) -> Result<Vec<Item>> {
        let mut out = Vec::new();
        let mut start = None;
        loop {
            let query = self
                .client
                .query()
                .table_name(&self.table)
                .expression_attribute_values(":pk", s(pk))
                .consistent_read(true)
                .set_exclusive_start_key(start);
            let query = match prefix {
                Some(prefix) => query
                    .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
                    .expression_attribute_values(":prefix", s(prefix)),
                None => query.key_condition_expression("pk = :pk"),
            };
            let page = query.send().await.map_err(|e| self.backend(e))?;
            out.extend(page.items.unwrap_or_default());
            start = page.last_evaluated_key;
            if start.is_none() {
                return Ok(out);
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use aws_sdk_dynamodb::Error as E;
    use aws_sdk_dynamodb::types::CancellationReason;
    use aws_sdk_dynamodb::types::error::{
        ConditionalCheckFailedException, ResourceNotFoundException, ThrottlingException,
        TransactionCanceledException,
    };

    use super::*;

    fn canceled(codes: &[&str]) -> E {
        let mut b = TransactionCanceledException::builder().message("Transaction cancelled");
        for code in codes {
            b = b.cancellation_reasons(CancellationReason::builder().code(*code).build());
        }
        E::TransactionCanceledException(b.build())
    }

    #[test]
    fn a_lost_condition_is_for_the_caller() {
        let e = E::ConditionalCheckFailedException(
            ConditionalCheckFailedException::builder()
                .message("The conditional request failed")
                .build(),
        );
        assert!(matches!(classify(e, "t"), Failure::Condition(v) if v.is_empty()));
        assert!(matches!(
            classify(canceled(&["None", "ConditionalCheckFailed", "None"]), "t"),
            Failure::Condition(v) if v == [1]
        ));
        assert!(matches!(
            classify(canceled(&["TransactionConflict", "None"]), "t"),
            Failure::Contention
        ));
    }

    #[test]
    fn other_failures_say_what_to_do() {
        let missing = E::ResourceNotFoundException(
            ResourceNotFoundException::builder()
                .message("Requested resource not found")
                .build(),
        );
        let Failure::Other(StoreError::Backend(m)) = classify(missing, "portal") else {
            panic!("a missing table is a backend failure");
        };
        assert!(
            m.contains("la table DynamoDB « portal » n'existe pas"),
            "{m}"
        );
        assert!(m.contains("create_table"), "{m}");

        let slow = E::ThrottlingException(ThrottlingException::builder().message("slow").build());
        let Failure::Other(StoreError::Backend(m)) = classify(slow, "portal") else {
            panic!("throttling is a backend failure");
        };
        assert!(m.starts_with("DynamoDB limite le débit"), "{m}");

        let Failure::Other(StoreError::Backend(m)) =
            classify(canceled(&["ValidationError"]), "portal")
        else {
            panic!("a cancelled transaction for another reason is a backend failure");
        };
        assert!(m.contains("ValidationError"), "{m}");
        let shown = StoreError::Backend(m).to_string();
        assert!(shown.starts_with("stockage indisponible : "), "{shown}");
    }

    #[tokio::test]
    async fn an_unreachable_server_is_a_backend_failure() {
        // A port nobody listens on (bound then closed).
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let config = aws_sdk_dynamodb::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(aws_sdk_dynamodb::config::Region::new("eu-west-3"))
            .credentials_provider(aws_sdk_dynamodb::config::Credentials::new(
                "test", "test", None, None, "tests",
            ))
            .endpoint_url(format!("http://127.0.0.1:{port}"))
            .http_client(https_client())
            .retry_config(aws_sdk_dynamodb::config::retry::RetryConfig::disabled())
            .build();
        let store = DynamoStore::new(Client::from_conf(config), "portal");
        let Err(StoreError::Backend(m)) = store.get("x").await else {
            panic!("no server, no submission");
        };
        assert!(m.starts_with("DynamoDB injoignable"), "{m}");
    }

    #[test]
    fn items_round_trip() {
        let m = Moderator {
            name: "alice".into(),
            token_hash: "h".into(),
            created_at: 5,
            revoked_at: Some(9),
        };
        assert_eq!(moderator_of(&moderator_item(&m)).unwrap(), m);
        let mut item = key("IDEM#k", "IDEM");
        assert!(live(&item, 10).unwrap());
        item.insert(TTL_ATTRIBUTE.into(), n(10));
        assert!(live(&item, 9).unwrap());
        assert!(!live(&item, 10).unwrap());
        item.insert(TTL_ATTRIBUTE.into(), s("soon"));
        assert!(live(&item, 0).is_err());
    }
}
