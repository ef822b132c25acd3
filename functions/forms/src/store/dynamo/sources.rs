//! The entries' files kept for the moderators' diffs: one partition per kind (`SRC#<kind>`,
//! sort key the slug), so that the publication reads only the hashes of one kind with a
//! query (a projection: at 100,000 entries about 10 MB, a few thousand read units) and
//! writes only what changed, 25 items a call.

use std::collections::BTreeMap;

use aws_sdk_dynamodb::types::{DeleteRequest, PutRequest, WriteRequest};
use portal_model::Kind;

use super::DynamoStore;
use super::errors::built;
use super::items::{Item, key, s, text};
use crate::store::{EntryFile, Result};

/// Items larger than DynamoDB's 400 KB are refused: a file longer than this is kept by its
/// hash alone (no diff is shown for it; the forms never write one that long).
const MAX_TEXT: usize = 350_000;
/// What one BatchWriteItem takes at most.
const BATCH: usize = 25;

fn partition(kind: Kind) -> String {
    format!("SRC#{}", kind.api_name())
}

fn source_item(kind: Kind, source: &EntryFile) -> Item {
    let mut item = key(partition(kind), &source.slug);
    item.insert("sha256".into(), s(&source.sha256));
    if source.text.len() <= MAX_TEXT {
        item.insert("text".into(), s(&source.text));
    }
    item
}

impl DynamoStore {
    pub(super) async fn hashes(&self, kind: Kind) -> Result<BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        let mut start = None;
        loop {
            let page = self
                .client
                .query()
                .table_name(&self.table)
                .key_condition_expression("pk = :pk")
                .expression_attribute_values(":pk", s(partition(kind)))
                .projection_expression("sk, sha256")
                .consistent_read(true)
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(|e| self.backend(e))?;
            for item in page.items() {
                out.insert(
                    text(item, "sk")?.to_string(),
                    text(item, "sha256")?.to_string(),
                );
            }
            start = page.last_evaluated_key;
            if start.is_none() {
                return Ok(out);
            }
        }
    }

    pub(super) async fn one_source(&self, kind: Kind, slug: &str) -> Result<Option<EntryFile>> {
        let Some(item) = self.item(key(partition(kind), slug)).await? else {
            return Ok(None);
        };
        if !item.contains_key("text") {
            return Ok(None);
        }
        Ok(Some(EntryFile {
            slug: slug.to_string(),
            text: text(&item, "text")?.to_string(),
            sha256: text(&item, "sha256")?.to_string(),
        }))
    }

    pub(super) async fn write_sources(
        &self,
        kind: Kind,
        put: &[EntryFile],
        remove: &[String],
    ) -> Result<()> {
        let mut requests = Vec::new();
        for source in put {
            let put = PutRequest::builder()
                .set_item(Some(source_item(kind, source)))
                .build()
                .map_err(built(&self.table))?;
            requests.push(WriteRequest::builder().put_request(put).build());
        }
        for slug in remove {
            let delete = DeleteRequest::builder()
                .set_key(Some(key(partition(kind), slug)))
                .build()
                .map_err(built(&self.table))?;
            requests.push(WriteRequest::builder().delete_request(delete).build());
        }
        for chunk in requests.chunks(BATCH) {
            let mut pending = chunk.to_vec();
            // What DynamoDB did not write (throttled) is sent again, waiting a little more
            // each time.
            for attempt in 0..super::ATTEMPTS {
                let out = self
                    .client
                    .batch_write_item()
                    .request_items(&self.table, pending)
                    .send()
                    .await
                    .map_err(|e| self.backend(e))?;
                pending = out
                    .unprocessed_items
                    .and_then(|mut m| m.remove(&self.table))
                    .unwrap_or_default();
                if pending.is_empty() {
                    break;
                }
                super::errors::back_off(attempt).await;
            }
            if !pending.is_empty() {
                return Err(self.busy());
            }
        }
        Ok(())
    }
}
