//! Creating and deleting the table: the tests' set-up, and a deployment without the template.

use std::time::Duration;

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection,
    ProjectionType, ScalarAttributeType, TableStatus, TimeToLiveSpecification, TimeToLiveStatus,
};

use super::errors::built;
use super::{DynamoStore, QUEUE_INDEX, TTL_ATTRIBUTE};
use crate::store::{Result, StoreError};

impl DynamoStore {
    /// Creates the table, its queue index and its TTL, if not there yet; waits until it
    /// can be used. Run by the tests, and once before deploying without the template.
    pub async fn create_table(&self) -> Result<()> {
        let attr = |name: &str| {
            AttributeDefinition::builder()
                .attribute_name(name)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .map_err(built(&self.table))
        };
        let part = |name: &str, kind: KeyType| {
            KeySchemaElement::builder()
                .attribute_name(name)
                .key_type(kind)
                .build()
                .map_err(built(&self.table))
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
            .map_err(built(&self.table))?;
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
                return Err(StoreError::TableNotReady {
                    table: self.table.clone(),
                });
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
                        .map_err(built(&self.table))?,
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
}
