//! Points and the territory's box: where places are, and whether they are in the territory.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::problem::{Problem, Problems, count};
use crate::read::{index, number};
use crate::tree::{Node, Value};

/// A point, `[lat, lon]`, inside the territory.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Geo {
    /// Latitude, in degrees north.
    pub lat: f64,
    /// Longitude, in degrees east.
    pub lon: f64,
}

impl Geo {
    /// The great-circle distance to `other`, in kilometres (haversine).
    pub fn km_to(self, other: Geo) -> f64 {
        2.0 * 6371.0 * self.haversine(other).sqrt().asin()
    }

    /// The haversine of the angle between two points: it grows with the distance, so it
    /// ranks places by distance without the square root and arc sine.
    pub fn haversine(self, other: Geo) -> f64 {
        let (la1, la2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = la2 - la1;
        let dlon = (other.lon - self.lon).to_radians();
        (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2)
    }

    pub(crate) fn read(node: &Node, path: &str, p: &mut Problems, bounds: &Bounds) -> Option<Geo> {
        const EXPECTED: &str = "[latitude, longitude], deux nombres";
        if let Some(r) = p.recorder() {
            let [[lat0, lon0], [lat1, lon1]] = bounds.0;
            r.shape(path, serde_json::json!({
                "type": "array", "minItems": 2, "maxItems": 2, "additionalItems": false,
                "items": [
                    {"type": "number", "minimum": lat0, "maximum": lat1, "description": "la latitude, dans le territoire"},
                    {"type": "number", "minimum": lon0, "maximum": lon1, "description": "la longitude, dans le territoire"},
                ],
                "description": format!("{EXPECTED}, un point dans le territoire {bounds}"),
            }));
            return None;
        }
        let Value::List(items) = &node.value else {
            p.push(node.unexpected(path, EXPECTED));
            return None;
        };
        if items.len() != 2 {
            p.push(Problem::new(
                node.at,
                path,
                EXPECTED,
                count(items.len(), "nombre"),
            ));
            return None;
        }
        let lat = number(&items[0], &index(path, 0), p);
        let lon = number(&items[1], &index(path, 1), p);
        let geo = Geo {
            lat: lat?,
            lon: lon?,
        };
        if !bounds.contains(geo) {
            let hint = bounds.contains(Geo {
                lat: geo.lon,
                lon: geo.lat,
            });
            p.push(
                Problem::new(
                    node.at,
                    path,
                    format!("un point dans le territoire {bounds}"),
                    format!("le point [{}, {}], hors du territoire", geo.lat, geo.lon),
                )
                .with_suggestion(hint.then(|| format!("[{}, {}]", geo.lon, geo.lat))),
            );
            return None;
        }
        Some(geo)
    }
}

/// The territory's box, `[[lat_min, lon_min], [lat_max, lon_max]]`: every point of the
/// content must lie inside it.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct Bounds(pub [[f64; 2]; 2]);

impl Bounds {
    /// Whether the point is inside the box, edges included.
    pub fn contains(&self, g: Geo) -> bool {
        let [[lat0, lon0], [lat1, lon1]] = self.0;
        (lat0..=lat1).contains(&g.lat) && (lon0..=lon1).contains(&g.lon)
    }
}

impl fmt::Display for Bounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [[a, b], [c, d]] = self.0;
        write!(f, "[[{a}, {b}], [{c}, {d}]]")
    }
}
