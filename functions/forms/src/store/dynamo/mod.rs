//! The production store: one DynamoDB table, on-demand, with a TTL on `expires_at` and one
//! global secondary index for the moderation queue. It behaves as [`super::EmbeddedStore`]
//! does (the contract tests in `tests/store_contract.rs` run against both).
//!
//! - `errors.rs`: what a failed call means (a lost condition, contention, or a failure).
//! - `exchange.rs`: volunteers' registrations, places and slot counts.
//! - `items.rs`: the items below, to and from records.
//! - `store.rs`: the [`super::Store`] operations.
//! - `table.rs`: creating and deleting the table.
//!
//! Items (`pk`, `sk`, then attributes):
//!
//! | item | pk | sk | attributes |
//! |---|---|---|---|
//! | submission | `SUB#<id>` | `SUB` | `data` (the record's JSON), `status`, `version`, `revision` (moved by every write; absent: 0), `imported` (the file, once imported), `gsi1pk` = `STATUS#<status>`, `gsi1sk` = `<id>` |
//! | contact e-mail | `SUB#<id>` | `CONTACT` | `email`, `expires_at` (90 days after it was sent, then set by the decision) |
//! | audit line | `SUB#<id>` | `AUDIT#<version:010>` | `data` (the decision's JSON) |
//! | idempotency key | `IDEM#<key>` | `IDEM` | `id`, `fingerprint`, `expires_at` |
//! | rate window | `RATE#<key>` | `WINDOW#<window>` | `count`, `expires_at` |
//! | moderator | `MOD` | `<name>` | `name`, `token_hash`, `created_at`, `revoked_at` (once revoked) |
//! | token index | `TOKEN#<hash>` | `TOKEN` | `name` |
//! | secret | `META` | `SECRET` | `value` (bytes) |
//! | entry's file | `SRC#<kind>` | `<slug>` | `sha256`, `text` (absent over 350 KB) |
//! | volunteer's registration | `REG#<id>` | `REG` | `data` (its JSON: name, contact, message), `expires_at` |
//! | place on a slot | `CALL#<call>` | `PLACE#<slot>#<person>` | `data`, `status`, `revision`, `expires_at` |
//! | slot's count | `CALL#<call>` | `SLOT#<slot>` | `confirmed`, `waiting`, `expires_at` |
//! | association's notification | `PUB` | `<slug>` | `data` (address, link generation) |
//! | call closed by its association | `CLOSED` | `<slug>` | `at` |
//! | answer to a listing | `LISTING#<slug>` | `ANSWER#<id>` | `data`, `revision`, `expires_at` |
//! | listing's state | `LSTATE` | `<slug>` | `accepted` (the answer's id), `done` |
//!
//! The moderators share one partition so that listing them is a strongly consistent query
//! (they are a handful). Ids are time-ordered, so the index `gsi1` (`gsi1pk`, `gsi1sk`)
//! gives each status's queue oldest first. DynamoDB deletes expired items lazily (within
//! days), so every read of an expiring item also checks `expires_at` itself.
//!
//! Writes that change several items at once are one `TransactWriteItems`; every condition
//! ("still at this revision", "key free") is a condition of the write, so that of two
//! writers at once one wins and the other is told [`super::Outcome::Lost`].

use aws_config::{BehaviorVersion, SdkConfig};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::SdkError;
use aws_sdk_dynamodb::types::TransactWriteItem;

use super::{Result, StoreError};

mod errors;
mod exchange;
mod items;
mod sources;
mod store;
mod table;

use errors::{Failure, failure};
use items::{Item, s};

/// The table's name when `PORTAL_TABLE` is not set.
pub const DEFAULT_TABLE: &str = "portal";
/// The index of the moderation queue.
pub const QUEUE_INDEX: &str = "gsi1";
/// The attribute DynamoDB's TTL deletes items on (epoch seconds).
pub const TTL_ATTRIBUTE: &str = "expires_at";

/// How many times a write is tried again when another transaction held its items.
const ATTEMPTS: u32 = 8;

/// The [`super::Store`] on one DynamoDB table (see the module's documentation).
#[derive(Clone, Debug)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

/// The HTTPS client of the AWS clients (DynamoDB, SES): rustls over ring (see Cargo.toml).
pub fn https_client() -> aws_sdk_dynamodb::config::SharedHttpClient {
    use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
    aws_smithy_http_client::Builder::new()
        .tls_provider(Provider::Rustls(CryptoMode::Ring))
        .build_https()
}

impl DynamoStore {
    /// A store on `table`, through `client`.
    pub(crate) fn new(client: Client, table: impl Into<String>) -> DynamoStore {
        DynamoStore {
            client,
            table: table.into(),
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
            return Err(StoreError::NoRegion);
        }
        Ok(DynamoStore::from_config(&config, table))
    }

    /// The table's name.
    pub fn table(&self) -> &str {
        &self.table
    }

    /// The SDK client, for what the store does not offer (the tests write items of an
    /// older layout with it).
    pub fn client(&self) -> &Client {
        &self.client
    }

    fn fail<E, R>(&self, e: SdkError<E, R>) -> Failure
    where
        aws_sdk_dynamodb::Error: From<SdkError<E, R>>,
        SdkError<E, R>: std::error::Error + Send + Sync + 'static,
    {
        failure(e, &self.table)
    }

    /// The failure of a call without condition (a read, a table operation).
    fn backend<E, R>(&self, e: SdkError<E, R>) -> StoreError
    where
        aws_sdk_dynamodb::Error: From<SdkError<E, R>>,
        SdkError<E, R>: std::error::Error + Send + Sync + 'static,
    {
        match self.fail(e) {
            Failure::Other(e) => e,
            // Neither happens without a condition or a transaction.
            Failure::Condition(_) | Failure::Contention => self.busy(),
        }
    }

    /// Other transactions kept holding the items.
    fn busy(&self) -> StoreError {
        StoreError::Busy {
            table: self.table.clone(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

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
        let Err(e @ StoreError::Unreachable { .. }) = store.get("x").await else {
            panic!("no server, no submission");
        };
        assert_eq!(
            e.to_string(),
            "stockage indisponible : DynamoDB injoignable (table « portal »)"
        );
        // What the SDK said is kept, for the logs.
        assert!(std::error::Error::source(&e).is_some());
    }
}
