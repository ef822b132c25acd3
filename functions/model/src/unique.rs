//! JSON objects read with each key once: serde_json keeps the last of two equal keys
//! silently, while a content file refuses a field written twice (`tree.rs`). A submission's
//! `fields` are read through here so that both refuse it.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Reads a JSON document, refusing a key given twice in any object.
pub fn from_slice(bytes: &[u8]) -> serde_json::Result<Value> {
    let mut d = serde_json::Deserializer::from_slice(bytes);
    let Unique(value) = Unique::deserialize(&mut d)?;
    d.end()?;
    Ok(value)
}

/// Reads a JSON object, refusing a key given twice at any depth.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Map<String, Value>, D::Error> {
    match Unique::deserialize(d)?.0 {
        Value::Object(map) => Ok(map),
        _ => Err(de::Error::custom("attendu un objet JSON de champs")),
    }
}

/// Writes the object as it is (the other half of `#[serde(with = "unique")]`).
pub fn serialize<S: serde::Serializer>(map: &Map<String, Value>, s: S) -> Result<S::Ok, S::Error> {
    map.serialize(s)
}

/// A JSON value whose objects had no key twice.
struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unique, D::Error> {
        d.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Unique;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("une valeur JSON")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Unique, E> {
        Ok(Unique(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Unique, E> {
        Ok(Unique(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Unique, E> {
        Ok(Unique(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Unique, E> {
        Ok(Unique(
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
        ))
    }
    fn visit_str<E>(self, v: &str) -> Result<Unique, E> {
        Ok(Unique(Value::String(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Unique, E> {
        Ok(Unique(Value::String(v)))
    }
    fn visit_unit<E>(self) -> Result<Unique, E> {
        Ok(Unique(Value::Null))
    }
    fn visit_none<E>(self) -> Result<Unique, E> {
        Ok(Unique(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Unique, D::Error> {
        Unique::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Unique(Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Unique(value) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "le champ « {key} » écrit deux fois"
                )));
            }
            out.insert(key, value);
        }
        Ok(Unique(Value::Object(out)))
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Holder {
        #[serde(with = "super")]
        fields: serde_json::Map<String, serde_json::Value>,
    }

    #[test]
    fn a_key_twice_is_refused_at_any_depth() {
        let ok: Holder =
            serde_json::from_str(r#"{"fields": {"a": [1, {"b": 2}], "c": null}}"#).unwrap();
        assert_eq!(ok.fields["a"][1]["b"], 2);
        for twice in [
            r#"{"fields": {"a": 1, "a": 2}}"#,
            r#"{"fields": {"a": [{"b": 1, "b": 1}]}}"#,
        ] {
            let e = serde_json::from_str::<Holder>(twice)
                .err()
                .expect("refused");
            assert!(e.to_string().contains("écrit deux fois"), "{e}");
        }
    }
}
