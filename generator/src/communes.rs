//! The communes of the territory with their centres, for the forms: a commune's centre
//! fills in a place's coordinates for someone who does not know them. Read from a GeoJSON
//! file of commune outlines in `content/data/` whose name starts with `communes` (IGN Admin
//! Express, properties `nom` or `name`: the bundled site has Gironde's), each centre the
//! centroid of the commune's largest polygon; without one, the communes where the content
//! has places, each at the middle of its places.

use std::path::{Path, PathBuf};

use portal_model::Association;
use serde_json::Value;

/// A commune and its centre, `(name, lat, lon)`.
pub(crate) type Centre = (String, f64, f64);

/// Whether a data file is a table of communes rather than the territory's outline.
pub(crate) fn is_communes_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("communes"))
}

/// The centres of the first communes file of `data` (relative to `content/data/`), by name.
pub(crate) fn read(root: &Path, data: &[PathBuf]) -> Vec<Centre> {
    let Some(text) = data
        .iter()
        .filter(|p| is_communes_file(p))
        .find_map(|p| std::fs::read_to_string(root.join("content/data").join(p)).ok())
    else {
        return Vec::new();
    };
    let Ok(doc) = serde_json::from_str::<Value>(&text) else {
        return Vec::new();
    };
    let mut out: Vec<Centre> = doc["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let name = f["properties"]["nom"]
                .as_str()
                .or(f["properties"]["name"].as_str())?;
            let (lat, lon) = centre(&f["geometry"])?;
            Some((name.to_string(), round(lat), round(lon)))
        })
        .collect();
    out.sort_by_cached_key(|c| crate::index::sort_key(&c.0));
    out
}

/// Without a table: the communes of the content's places, each at the mean of its places.
pub(crate) fn of_places(associations: &[Association]) -> Vec<Centre> {
    let mut sums: std::collections::BTreeMap<String, (String, f64, f64, f64)> =
        std::collections::BTreeMap::new();
    for l in associations.iter().flat_map(|a| &a.locations) {
        let e = sums
            .entry(crate::index::sort_key(&l.place.city))
            .or_insert_with(|| (l.place.city.clone(), 0.0, 0.0, 0.0));
        e.1 += l.place.geo.lat;
        e.2 += l.place.geo.lon;
        e.3 += 1.0;
    }
    sums.into_values()
        .map(|(name, lat, lon, n)| (name, round(lat / n), round(lon / n)))
        .collect()
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The centroid of the largest ring of a Polygon or MultiPolygon (`[lon, lat]` points).
fn centre(geometry: &Value) -> Option<(f64, f64)> {
    let rings: Vec<&Value> = match geometry["type"].as_str()? {
        "Polygon" => geometry["coordinates"].as_array()?.iter().take(1).collect(),
        "MultiPolygon" => geometry["coordinates"]
            .as_array()?
            .iter()
            .filter_map(|p| p.as_array()?.first())
            .collect(),
        _ => return None,
    };
    rings
        .into_iter()
        .filter_map(|r| ring_centroid(r.as_array()?))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, lat, lon)| (lat, lon))
}

/// `(area, lat, lon)` of a closed ring, by the shoelace formula (flat: a commune is small).
fn ring_centroid(points: &[Value]) -> Option<(f64, f64, f64)> {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
        .collect();
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in pts.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < f64::EPSILON {
        return None;
    }
    Some((a.abs() / 2.0, cy / (3.0 * a), cx / (3.0 * a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_communes_centre_is_its_middle() {
        let g = serde_json::json!({"type": "Polygon", "coordinates": [[[0.0, 44.0], [1.0, 44.0], [1.0, 45.0], [0.0, 45.0], [0.0, 44.0]]]});
        let (lat, lon) = centre(&g).unwrap();
        assert!(
            (lat - 44.5).abs() < 1e-9 && (lon - 0.5).abs() < 1e-9,
            "{lat} {lon}"
        );
        assert!(is_communes_file(Path::new("communes-33-gironde.geojson")));
        assert!(!is_communes_file(Path::new("departement-33.geojson")));
    }
}
