//! The territory's outline, drawn under the maps: read from the first GeoJSON file of
//! `content/data/` that has polygons (but a table of communes), when the site provides one,
//! with the credit its licence asks for (the `attribution` of its properties), shown under
//! the maps.

use std::path::Path;

/// The territory's outline: rings of `[lon, lat]` points, from a GeoJSON file of
/// `content/data/` when the site provides one.
#[derive(Debug, Clone, Default)]
pub struct Outline(pub Vec<Vec<[f64; 2]>>);

impl Outline {
    /// Reads the rings of every Polygon and MultiPolygon of a GeoJSON text.
    pub fn from_geojson(text: &str) -> Option<Outline> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        let mut rings = Vec::new();
        collect(&value, &mut rings);
        (!rings.is_empty()).then_some(Outline(rings))
    }

    /// The rings as GeoJSON, one polygon each, for the interactive map: it draws the outline
    /// itself, so that the outline shows even when the tiles do not.
    pub fn to_geojson(&self) -> Vec<u8> {
        let polygons: Vec<[&Vec<[f64; 2]>; 1]> = self.0.iter().map(|r| [r]).collect();
        let doc = serde_json::json!({
            "type": "Feature",
            "properties": {},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        });
        serde_json::to_vec(&doc).expect("JSON of numbers")
    }
}

fn collect(v: &serde_json::Value, rings: &mut Vec<Vec<[f64; 2]>>) {
    let ring = |r: &serde_json::Value| -> Vec<[f64; 2]> {
        r.as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
            .collect()
    };
    match v.get("type").and_then(|t| t.as_str()) {
        Some("FeatureCollection") => v["features"]
            .as_array()
            .into_iter()
            .flatten()
            .for_each(|f| collect(f, rings)),
        Some("Feature") => collect(&v["geometry"], rings),
        Some("Polygon") => {
            rings.extend(v["coordinates"].as_array().into_iter().flatten().map(ring))
        }
        Some("MultiPolygon") => rings.extend(
            v["coordinates"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|p| p.as_array().into_iter().flatten())
                .map(ring),
        ),
        _ => {}
    }
}

/// The outline of the site at `root`: the first of its data files (relative to
/// `content/data/`, in order) that is GeoJSON with polygons; empty when none is. With it,
/// its credit: the `attribution` of the document's properties, or of its first feature's.
pub(crate) fn read(root: &Path, data: &[std::path::PathBuf]) -> (Outline, Option<String>) {
    data.iter()
        .filter(|p| p.extension().is_some_and(|e| e == "geojson" || e == "json"))
        // A table of the communes' outlines is not the territory's (see `communes.rs`).
        .filter(|p| !crate::communes::is_communes_file(p))
        .filter_map(|p| std::fs::read_to_string(root.join("content/data").join(p)).ok())
        .find_map(|text| Some((Outline::from_geojson(&text)?, credit(&text))))
        .unwrap_or_default()
}

/// The `attribution` of a GeoJSON document's properties, or of its first feature's: one
/// line of text.
fn credit(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let of = |v: &serde_json::Value| v["properties"]["attribution"].as_str().map(str::to_string);
    of(&value)
        .or_else(|| of(value["features"].get(0)?))
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_are_read_and_written_back() {
        let outline = Outline::from_geojson(
            r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-1,45],[0,45],[0,44.5],[-1,45]]]}}"#,
        )
        .unwrap();
        assert_eq!(
            outline.0,
            [[[-1.0, 45.0], [0.0, 45.0], [0.0, 44.5], [-1.0, 45.0]]]
        );
        let again = Outline::from_geojson(std::str::from_utf8(&outline.to_geojson()).unwrap());
        assert_eq!(again.unwrap().0, outline.0);
        assert!(Outline::from_geojson(r#"{"type":"Point","coordinates":[0,45]}"#).is_none());
    }

    #[test]
    fn the_credit_is_the_attribution_of_the_properties() {
        let feature = r#"{"type":"Feature","properties":{"attribution":"IGN — Admin Express"},"geometry":null}"#;
        assert_eq!(credit(feature).as_deref(), Some("IGN — Admin Express"));
        let collection = format!(r#"{{"type":"FeatureCollection","features":[{feature}]}}"#);
        assert_eq!(credit(&collection).as_deref(), Some("IGN — Admin Express"));
        assert_eq!(credit(r#"{"type":"Feature","properties":{}}"#), None);
    }
}
