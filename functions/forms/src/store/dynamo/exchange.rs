//! Volunteers' registrations, their places on slots and the slots' counts (the layout is in
//! the module above). A place and its slot's count are in one partition (`CALL#<call>`), so
//! that a call's sign-ups are one query; each change of a place moves the count in the same
//! `TransactWriteItems`, on the count's condition (`confirmed < capacity`).

use std::collections::BTreeMap;

use aws_sdk_dynamodb::types::TransactWriteItem;

use super::DynamoStore;
use super::TTL_ATTRIBUTE;
use super::items::{
    Item, REVISION, data, data_item, key, live, n, number, record_of, s, stored_of, text,
};
use super::store::{put, update_item};
use crate::store::{
    Answer, AnswerStatus, Created, Idempotency, ListingState, Outcome, Place, PlaceStatus,
    Publisher, Registration, Result, Revision, Seconds, SlotCount, Stored, Taken,
};

fn registration_key(id: &str) -> Item {
    key(format!("REG#{id}"), "REG")
}

fn call_pk(call: &str) -> String {
    format!("CALL#{call}")
}

fn place_key(call: &str, slot: &str, person: &str) -> Item {
    key(call_pk(call), format!("PLACE#{slot}#{person}"))
}

fn count_key(call: &str, slot: &str) -> Item {
    key(call_pk(call), format!("SLOT#{slot}"))
}

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

impl DynamoStore {
    fn update(
        &self,
        key: Item,
        expression: &str,
        condition: Option<&str>,
        names: &[(&str, &str)],
        values: Vec<(&str, aws_sdk_dynamodb::types::AttributeValue)>,
    ) -> Result<TransactWriteItem> {
        update_item(&self.table, key, expression, condition, names, values)
    }

    /// Writes a place's data and status, moving its revision on, on `condition`.
    fn write_place(
        &self,
        place: &Place,
        condition: &str,
        extra: Vec<(&str, aws_sdk_dynamodb::types::AttributeValue)>,
    ) -> Result<TransactWriteItem> {
        let mut values = vec![
            (":d", s(data(place))),
            (":st", s(place.status.word())),
            (":e", n(place.expires_at)),
            (":one", n(1)),
        ];
        values.extend(extra);
        self.update(
            place_key(&place.call, &place.slot, &place.person),
            "SET #d = :d, #st = :st, #e = :e ADD #rev :one",
            Some(condition),
            &[
                ("#d", "data"),
                ("#st", "status"),
                ("#e", TTL_ATTRIBUTE),
                ("#rev", REVISION),
            ],
            values,
        )
    }

    /// Moves a slot's count (`ADD`), on `condition`, keeping it as long as `place`.
    fn move_count(
        &self,
        place: &Place,
        confirmed: i64,
        waiting: i64,
        condition: Option<&str>,
        extra: Vec<(&str, aws_sdk_dynamodb::types::AttributeValue)>,
    ) -> Result<TransactWriteItem> {
        let mut values = vec![
            (":c", n(confirmed)),
            (":w", n(waiting)),
            (":e", n(place.expires_at)),
        ];
        values.extend(extra);
        self.update(
            count_key(&place.call, &place.slot),
            "ADD confirmed :c, waiting :w SET #e = :e",
            condition,
            &[("#e", TTL_ATTRIBUTE)],
            values,
        )
    }

    pub(super) async fn put_registration(
        &self,
        reg: &Registration,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let mut item = data_item(registration_key(&reg.id), reg);
        item.insert(TTL_ATTRIBUTE.into(), n(reg.expires_at));
        self.create_once(idempotency, &reg.id, vec![item]).await
    }

    pub(super) async fn read_registration(
        &self,
        id: &str,
        now: Seconds,
    ) -> Result<Option<Registration>> {
        let Some(item) = self.item(registration_key(id)).await? else {
            return Ok(None);
        };
        if !live(&item, now)? {
            return Ok(None);
        }
        record_of(&item).map(Some)
    }

    pub(super) async fn delete_registration(&self, id: &str) -> Result<()> {
        // The personal data removed at once, the item left to the TTL (an UpdateItem: the
        // functions are granted no DeleteItem).
        self.client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(registration_key(id)))
            .update_expression("REMOVE #d SET #e = :zero")
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_names("#d", "data")
            .expression_attribute_names("#e", TTL_ATTRIBUTE)
            .expression_attribute_values(":zero", n(0))
            .send()
            .await
            .map(|_| ())
            .or_else(|e| match self.fail(e) {
                super::errors::Failure::Condition(_) => Ok(()),
                super::errors::Failure::Contention => Err(self.busy()),
                super::errors::Failure::Other(e) => Err(e),
            })
    }

    pub(super) async fn take_place(&self, place: &Place, capacity: u32) -> Result<Taken> {
        let count = match place.status {
            PlaceStatus::Confirmed => self.move_count(
                place,
                1,
                0,
                Some("attribute_not_exists(confirmed) OR confirmed < :cap"),
                vec![(":cap", n(capacity))],
            )?,
            PlaceStatus::Waiting => self.move_count(
                place,
                0,
                1,
                Some("confirmed >= :cap"),
                vec![(":cap", n(capacity))],
            )?,
            PlaceStatus::Cancelled => return Ok(Taken::Counted),
        };
        let own = self.write_place(
            place,
            "attribute_not_exists(pk) OR #st = :cancelled",
            vec![(":cancelled", s(PlaceStatus::Cancelled.word()))],
        )?;
        match self.conditional(vec![count, own]).await? {
            Ok(()) => Ok(Taken::Written),
            Err(failed) => {
                // Which condition failed, read again when the server did not say.
                if failed.is_empty() || failed.contains(&1) {
                    let held = self
                        .read_place(&place.call, &place.slot, &place.person)
                        .await?;
                    if let Some(held) = held
                        && held.value.status != PlaceStatus::Cancelled
                    {
                        return Ok(Taken::Held(held.value));
                    }
                }
                Ok(Taken::Counted)
            }
        }
    }

    pub(super) async fn read_places(
        &self,
        call: &str,
        slot: Option<&str>,
        now: Seconds,
    ) -> Result<Vec<Stored<Place>>> {
        let prefix = match slot {
            Some(slot) => format!("PLACE#{slot}#"),
            None => "PLACE#".to_string(),
        };
        let mut out: Vec<Stored<Place>> = Vec::new();
        for item in self.partition(&call_pk(call), Some(&prefix)).await? {
            if live(&item, now)? {
                out.push(stored_of(&item)?);
            }
        }
        out.sort_by(|a, b| a.value.id.cmp(&b.value.id));
        Ok(out)
    }

    pub(super) async fn read_place(
        &self,
        call: &str,
        slot: &str,
        person: &str,
    ) -> Result<Option<Stored<Place>>> {
        self.item(place_key(call, slot, person))
            .await?
            .as_ref()
            .map(stored_of)
            .transpose()
    }

    pub(super) async fn read_counts(&self, call: &str) -> Result<BTreeMap<String, SlotCount>> {
        let mut out = BTreeMap::new();
        for item in self.partition(&call_pk(call), Some("SLOT#")).await? {
            if !live(&item, now())? {
                continue;
            }
            let slot = text(&item, "sk")?.trim_start_matches("SLOT#").to_string();
            let get = |name| -> Result<u32> { Ok(number(&item, name)?.unwrap_or(0).max(0) as u32) };
            out.insert(
                slot,
                SlotCount {
                    confirmed: get("confirmed")?,
                    waiting: get("waiting")?,
                },
            );
        }
        Ok(out)
    }

    pub(super) async fn release_place(
        &self,
        cancel: &Stored<Place>,
        promote: Option<&Stored<Place>>,
    ) -> Result<Outcome> {
        let c = &cancel.value;
        if c.status == PlaceStatus::Cancelled {
            return Ok(Outcome::Lost);
        }
        if let Some(p) = promote
            && (c.status != PlaceStatus::Confirmed
                || p.value.status != PlaceStatus::Waiting
                || p.value.slot != c.slot
                || p.value.call != c.call)
        {
            return Ok(Outcome::Lost);
        }
        // As read: the same revision (absent is 0) and status.
        let as_read = |rev: Revision| {
            if rev.0 == 0 {
                "attribute_not_exists(#rev) AND #st = :was".to_string()
            } else {
                "#rev = :rev AND #st = :was".to_string()
            }
        };
        let mut cancelled = c.clone();
        cancelled.status = PlaceStatus::Cancelled;
        let mut values = vec![(":was", s(c.status.word()))];
        if cancel.revision.0 != 0 {
            values.push((":rev", n(cancel.revision.0)));
        }
        let mut items = vec![self.write_place(&cancelled, &as_read(cancel.revision), values)?];
        match (c.status, promote) {
            (PlaceStatus::Confirmed, Some(p)) => {
                let mut confirmed = p.value.clone();
                confirmed.status = PlaceStatus::Confirmed;
                let mut values = vec![(":was", s(PlaceStatus::Waiting.word()))];
                if p.revision.0 != 0 {
                    values.push((":rev", n(p.revision.0)));
                }
                items.push(self.write_place(&confirmed, &as_read(p.revision), values)?);
                items.push(self.move_count(c, 0, -1, None, vec![])?);
            }
            (PlaceStatus::Confirmed, None) => items.push(self.move_count(
                c,
                -1,
                0,
                Some("attribute_not_exists(waiting) OR waiting = :zero"),
                vec![(":zero", n(0))],
            )?),
            _ => items.push(self.move_count(c, 0, -1, None, vec![])?),
        }
        self.outcome(items).await
    }
}

impl DynamoStore {
    pub(super) async fn read_publisher(&self, slug: &str) -> Result<Option<Publisher>> {
        self.item(key("PUB", slug))
            .await?
            .as_ref()
            .map(record_of)
            .transpose()
    }

    pub(super) async fn write_publisher(
        &self,
        p: &Publisher,
        replacing: Option<&Publisher>,
    ) -> Result<Outcome> {
        let item = data_item(key("PUB", &p.slug), p);
        let (condition, values) = match replacing {
            None => ("attribute_not_exists(pk)", vec![]),
            Some(old) => ("#d = :old", vec![(":old", s(data(old)))]),
        };
        let names: &[(&str, &str)] = if replacing.is_some() {
            &[("#d", "data")]
        } else {
            &[]
        };
        let one = put(&self.table, item, condition, names, &values)?;
        self.outcome(vec![one]).await
    }

    pub(super) async fn read_publishers(&self) -> Result<Vec<Publisher>> {
        self.partition("PUB", None)
            .await?
            .iter()
            .map(record_of)
            .collect()
    }

    pub(super) async fn mark_closed(&self, slug: &str, at: Seconds) -> Result<Outcome> {
        let mut item = key("CLOSED", slug);
        item.insert("at".into(), n(at));
        let one = put(&self.table, item, "attribute_not_exists(pk)", &[], &[])?;
        self.outcome(vec![one]).await
    }

    pub(super) async fn read_closed(&self) -> Result<BTreeMap<String, Seconds>> {
        let mut out = BTreeMap::new();
        for item in self.partition("CLOSED", None).await? {
            let at = number(&item, "at")?.unwrap_or(0);
            out.insert(text(&item, "sk")?.to_string(), at);
        }
        Ok(out)
    }
}

fn answer_key(listing: &str, id: &str) -> Item {
    key(format!("LISTING#{listing}"), format!("ANSWER#{id}"))
}

fn state_key(listing: &str) -> Item {
    key("LSTATE", listing)
}

fn state_of(item: &Item) -> Result<ListingState> {
    Ok(ListingState {
        accepted: item.get("accepted").and_then(|v| v.as_s().ok()).cloned(),
        done: item
            .get("done")
            .and_then(|v| v.as_bool().ok())
            .copied()
            .unwrap_or(false),
    })
}

impl DynamoStore {
    pub(super) async fn write_answer(
        &self,
        a: &Answer,
        idempotency: Option<&Idempotency>,
    ) -> Result<Created> {
        let mut item = data_item(answer_key(&a.listing, &a.id), a);
        item.insert(REVISION.into(), n(1));
        item.insert(TTL_ATTRIBUTE.into(), n(a.expires_at));
        self.create_once(idempotency, &a.id, vec![item]).await
    }

    pub(super) async fn read_answer(
        &self,
        listing: &str,
        id: &str,
        now: Seconds,
    ) -> Result<Option<Stored<Answer>>> {
        let Some(item) = self.item(answer_key(listing, id)).await? else {
            return Ok(None);
        };
        if !live(&item, now)? {
            return Ok(None);
        }
        stored_of(&item).map(Some)
    }

    pub(super) async fn read_answers(
        &self,
        listing: &str,
        now: Seconds,
    ) -> Result<Vec<Stored<Answer>>> {
        let mut out = Vec::new();
        for item in self
            .partition(&format!("LISTING#{listing}"), Some("ANSWER#"))
            .await?
        {
            if live(&item, now)? {
                out.push(stored_of(&item)?);
            }
        }
        Ok(out)
    }

    pub(super) async fn update_answer(&self, a: &Answer, revision: Revision) -> Result<Outcome> {
        let mut items = vec![self.update(
            answer_key(&a.listing, &a.id),
            "SET #d = :d ADD #rev :one",
            Some("#rev = :rev"),
            &[("#d", "data"), ("#rev", REVISION)],
            vec![(":d", s(data(a))), (":one", n(1)), (":rev", n(revision.0))],
        )?];
        if a.status == AnswerStatus::Accepted {
            items.push(self.update(
                state_key(&a.listing),
                "SET accepted = :id",
                Some(
                    "attribute_not_exists(accepted) AND (attribute_not_exists(done) OR done = :no)",
                ),
                &[],
                vec![
                    (":id", s(&a.id)),
                    (":no", aws_sdk_dynamodb::types::AttributeValue::Bool(false)),
                ],
            )?);
        }
        self.outcome(items).await
    }

    pub(super) async fn mark_done(&self, listing: &str) -> Result<Outcome> {
        let one = self.update(
            state_key(listing),
            "SET done = :yes",
            Some("attribute_not_exists(done) OR done = :no"),
            &[],
            vec![
                (":yes", aws_sdk_dynamodb::types::AttributeValue::Bool(true)),
                (":no", aws_sdk_dynamodb::types::AttributeValue::Bool(false)),
            ],
        )?;
        self.outcome(vec![one]).await
    }

    pub(super) async fn read_listing_state(&self, listing: &str) -> Result<ListingState> {
        Ok(match self.item(state_key(listing)).await? {
            Some(item) => state_of(&item)?,
            None => ListingState::default(),
        })
    }

    pub(super) async fn read_listing_states(&self) -> Result<BTreeMap<String, ListingState>> {
        let mut out = BTreeMap::new();
        for item in self.partition("LSTATE", None).await? {
            out.insert(text(&item, "sk")?.to_string(), state_of(&item)?);
        }
        Ok(out)
    }
}
