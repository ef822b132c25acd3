//! The table's items (the layout is in the module above): their keys, their attributes, and
//! records to and from them.

use std::collections::HashMap;
use std::fmt::Display;

use aws_sdk_dynamodb::types::AttributeValue;
use serde::{Serialize, de::DeserializeOwned};

use super::TTL_ATTRIBUTE;
use super::errors::{malformed, malformed_json};
use crate::store::{Decision, Moderator, Result, Revision, Seconds, Stored, Submission};

pub(super) type Item = HashMap<String, AttributeValue>;

/// The attribute a submission's conditional writes compare (absent: revision 0, an item
/// written before revisions).
pub(super) const REVISION: &str = "revision";

pub(super) fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}

pub(super) fn n(v: impl Display) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

pub(super) fn text<'a>(item: &'a Item, name: &str) -> Result<&'a str> {
    match item.get(name) {
        Some(AttributeValue::S(v)) => Ok(v),
        _ => Err(malformed(format_args!("attribut texte « {name} » absent"))),
    }
}

pub(super) fn number(item: &Item, name: &str) -> Result<Option<i64>> {
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
pub(super) fn live(item: &Item, now: Seconds) -> Result<bool> {
    Ok(number(item, TTL_ATTRIBUTE)?.is_none_or(|at| at > now))
}

pub(super) fn key(pk: impl Into<String>, sk: impl Into<String>) -> Item {
    HashMap::from([("pk".to_string(), s(pk)), ("sk".to_string(), s(sk))])
}

fn sub_pk(id: &str) -> String {
    format!("SUB#{id}")
}

pub(super) fn submission_key(id: &str) -> Item {
    key(sub_pk(id), "SUB")
}

pub(super) fn contact_key(id: &str) -> Item {
    key(sub_pk(id), "CONTACT")
}

pub(super) fn idempotency_key(idempotency_key: &str) -> Item {
    key(format!("IDEM#{idempotency_key}"), "IDEM")
}

pub(super) fn rate_key(rate_key: &str, window: Seconds) -> Item {
    key(format!("RATE#{rate_key}"), format!("WINDOW#{window}"))
}

pub(super) fn moderator_key(name: &str) -> Item {
    key("MOD", name)
}

pub(super) fn token_key(token_hash: &str) -> Item {
    key(format!("TOKEN#{token_hash}"), "TOKEN")
}

pub(super) fn secret_key() -> Item {
    key("META", "SECRET")
}

/// The partition of a submission and the prefix of its audit lines' sort keys.
pub(super) fn audit_partition(id: &str) -> (String, &'static str) {
    (sub_pk(id), "AUDIT#")
}

/// `key` with `record` as its `data` (JSON).
pub(super) fn data_item(mut key: Item, record: &impl Serialize) -> Item {
    key.insert("data".into(), s(data(record)));
    key
}

/// A record as JSON, what a `data` attribute holds.
pub(super) fn data(record: &impl Serialize) -> String {
    serde_json::to_string(record).expect("records serialise")
}

/// The record an item's `data` holds.
pub(super) fn record_of<T: DeserializeOwned>(item: &Item) -> Result<T> {
    serde_json::from_str(text(item, "data")?).map_err(malformed_json)
}

/// The record an item's `data` holds, with the item's revision (absent: 0, an item written
/// before revisions).
pub(super) fn stored_of<T: DeserializeOwned>(item: &Item) -> Result<Stored<T>> {
    let revision = number(item, REVISION)?.unwrap_or(0);
    Ok(Stored {
        value: record_of(item)?,
        revision: Revision(u64::try_from(revision).map_err(|_| malformed("révision négative"))?),
    })
}

pub(super) fn submission_item(sub: &Submission, revision: Revision) -> Item {
    let mut item = data_item(submission_key(&sub.id), sub);
    item.insert("status".into(), s(sub.status.word()));
    item.insert("version".into(), n(sub.version));
    item.insert(REVISION.into(), n(revision.0));
    item.insert("gsi1pk".into(), s(format!("STATUS#{}", sub.status.word())));
    item.insert("gsi1sk".into(), s(&sub.id));
    if let Some(file) = &sub.imported_as {
        item.insert("imported".into(), s(file));
    }
    item
}

pub(super) fn contact_item(id: &str, email: &str, expires_at: Seconds) -> Item {
    let mut item = contact_key(id);
    item.insert("email".into(), s(email));
    item.insert(TTL_ATTRIBUTE.into(), n(expires_at));
    item
}

pub(super) fn idempotency_item(idem: &crate::store::Idempotency, id: &str) -> Item {
    let mut item = idempotency_key(&idem.key);
    item.insert("id".into(), s(id));
    item.insert("fingerprint".into(), s(&idem.fingerprint));
    let expires_at = idem.expires_at;
    item.insert(TTL_ATTRIBUTE.into(), n(expires_at));
    item
}

pub(super) fn audit_item(decision: &Decision) -> Item {
    let (pk, prefix) = audit_partition(&decision.submission);
    data_item(
        key(pk, format!("{prefix}{:010}", decision.version)),
        decision,
    )
}

pub(super) fn moderator_item(m: &Moderator) -> Item {
    let mut item = moderator_key(&m.name);
    item.insert("name".into(), s(&m.name));
    item.insert("token_hash".into(), s(&m.token_hash));
    item.insert("created_at".into(), n(m.created_at));
    if let Some(at) = m.revoked_at {
        item.insert("revoked_at".into(), n(at));
    }
    item
}

pub(super) fn moderator_of(item: &Item) -> Result<Moderator> {
    Ok(Moderator {
        name: text(item, "name")?.to_string(),
        token_hash: text(item, "token_hash")?.to_string(),
        created_at: number(item, "created_at")?
            .ok_or_else(|| malformed("« created_at » absent"))?,
        revoked_at: number(item, "revoked_at")?,
    })
}

pub(super) fn token_item(token_hash: &str, name: &str) -> Item {
    let mut item = token_key(token_hash);
    item.insert("name".into(), s(name));
    item
}

#[cfg(test)]
mod tests {
    use super::*;

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
