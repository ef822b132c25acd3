//! The outlines of France's departments, built into the binary for `portal init`: IGN's
//! Admin Express (COG 2018), simplified by the france-geojson project, under the Licence
//! Ouverte (see `generator/data/README.md`). Unpacked only when asked.

use std::io::Read;

use portal_model::checks::slugify;
use portal_model::site::Bounds;
use serde_json::{Value, json};

/// The credit the Licence Ouverte asks for, shown under the maps that draw the outline.
pub const CREDIT: &str = "IGN — Admin Express";
/// The licence of the outlines.
pub const LICENCE: &str = "Licence Ouverte / Open Licence (Etalab)";
/// Where it is written.
pub const LICENCE_URL: &str = "https://www.etalab.gouv.fr/licence-ouverte-open-licence";
/// Where the outlines come from, said in each file written.
const SOURCE: &str =
    "IGN, Admin Express COG (édition 2018), simplifié par le projet france-geojson";

const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/departements.geojson.gz"));

/// One department: its official code (`33`, `2A`), its name and its outline.
#[derive(Debug, Clone)]
pub struct Department {
    /// The INSEE code: two digits, or `2A`, `2B` for Corsica.
    pub code: String,
    /// Its name, `Gironde`.
    pub name: String,
    /// Its GeoJSON geometry (a Polygon or MultiPolygon, `[lon, lat]` points).
    pub geometry: Value,
}

/// Every department of the file, in the order of their codes.
pub fn all() -> Vec<Department> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(PACKED)
        .read_to_string(&mut text)
        .expect("the departments built in are gzipped UTF-8");
    let doc: Value = serde_json::from_str(&text).expect("the departments built in are GeoJSON");
    doc["features"]
        .as_array()
        .expect("a FeatureCollection")
        .iter()
        .map(|f| Department {
            code: f["properties"]["code"].as_str().unwrap_or("").to_string(),
            name: f["properties"]["nom"].as_str().unwrap_or("").to_string(),
            geometry: f["geometry"].clone(),
        })
        .collect()
}

/// The department `query` names: its code (`40`, `2a`, `1` for `01`) or its name, case,
/// accents and hyphens aside (`landes`, `cotes d'armor`). On no match, the closest name.
pub fn find(query: &str) -> Result<Department, Option<String>> {
    let all = all();
    let wanted = query.trim();
    let code = if wanted.len() == 1 && wanted.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{wanted}")
    } else {
        wanted.to_ascii_uppercase()
    };
    let name = slugify(wanted);
    if let Some(d) = all
        .iter()
        .find(|d| d.code == code || slugify(&d.name) == name)
    {
        return Ok(d.clone());
    }
    let slugs: Vec<String> = all.iter().map(|d| slugify(&d.name)).collect();
    Err(
        portal_model::problem::suggest(&name, slugs.iter().map(String::as_str))
            .and_then(|s| all.iter().find(|d| slugify(&d.name) == s))
            .map(|d| format!("{} ({})", d.name, d.code)),
    )
}

impl Department {
    /// The box around the outline, widened by about a kilometre and rounded outwards to
    /// the hundredth of a degree: the outline is simplified, and a place on the border
    /// must not fall outside.
    pub fn bounds(&self) -> Bounds {
        let (mut lat0, mut lon0, mut lat1, mut lon1) = (90.0f64, 180.0f64, -90.0f64, -180.0f64);
        points(&self.geometry, &mut |lon, lat| {
            lat0 = lat0.min(lat);
            lat1 = lat1.max(lat);
            lon0 = lon0.min(lon);
            lon1 = lon1.max(lon);
        });
        let down = |x: f64| ((x - 0.01) * 100.0).floor() / 100.0;
        let up = |x: f64| ((x + 0.01) * 100.0).ceil() / 100.0;
        Bounds([[down(lat0), down(lon0)], [up(lat1), up(lon1)]])
    }

    /// The file name of its outline in `content/data/`: `departement-40-landes.geojson`.
    pub fn file_name(&self) -> String {
        format!(
            "departement-{}-{}.geojson",
            self.code.to_ascii_lowercase(),
            slugify(&self.name)
        )
    }

    /// Its outline as a GeoJSON Feature carrying its licence and the credit to show,
    /// points rounded to 5 decimals (about a metre: the outline is simplified anyway).
    pub fn outline_geojson(&self) -> String {
        let mut geometry = self.geometry.clone();
        round(&mut geometry);
        let doc = json!({
            "type": "Feature",
            "properties": {
                "code": self.code,
                "nom": self.name,
                "attribution": CREDIT,
                "licence": LICENCE,
                "licence_url": LICENCE_URL,
                "source": SOURCE,
            },
            "geometry": geometry,
        });
        serde_json::to_string(&doc).expect("JSON of plain data") + "\n"
    }
}

/// Calls `f(lon, lat)` for every point of a geometry's coordinates.
fn points(v: &Value, f: &mut dyn FnMut(f64, f64)) {
    match v {
        Value::Object(o) => {
            if let Some(c) = o.get("coordinates") {
                points(c, f);
            }
        }
        Value::Array(items) => match (items.first(), items.get(1)) {
            (Some(Value::Number(lon)), Some(Value::Number(lat))) => {
                f(lon.as_f64().unwrap_or(0.0), lat.as_f64().unwrap_or(0.0))
            }
            _ => items.iter().for_each(|i| points(i, f)),
        },
        _ => {}
    }
}

fn round(v: &mut Value) {
    match v {
        Value::Number(n) => {
            if let Some(x) = n.as_f64().filter(|_| !n.is_i64()) {
                let r = (x * 1e5).round() / 1e5;
                if let Some(m) = serde_json::Number::from_f64(r) {
                    *n = m;
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(round),
        Value::Object(o) => o.values_mut().for_each(round),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_are_found_by_code_or_name() {
        assert_eq!(all().len(), 96);
        assert_eq!(find("40").unwrap().name, "Landes");
        assert_eq!(find("LANDES").unwrap().code, "40");
        assert_eq!(find("1").unwrap().name, "Ain");
        assert_eq!(find("2a").unwrap().name, "Corse-du-Sud");
        assert_eq!(find("cotes d'armor").unwrap().code, "22");
        assert_eq!(
            find("Gironed").unwrap_err().as_deref(),
            Some("Gironde (33)")
        );
        assert_eq!(find("971").unwrap_err(), None);
    }

    #[test]
    fn the_gironde_box_holds_its_outline_and_the_bundled_bounds() {
        let gironde = find("33").unwrap();
        let Bounds([[lat0, lon0], [lat1, lon1]]) = gironde.bounds();
        // site.toml of the bundled content says [[44.19, -1.27], [45.58, 0.32]].
        assert!(lat0 <= 44.19 && lon0 <= -1.26 && lat1 >= 45.57 && lon1 >= 0.31);
        assert!(lat0 > 44.1 && lon0 > -1.4 && lat1 < 45.7 && lon1 < 0.4);
        assert_eq!(gironde.file_name(), "departement-33-gironde.geojson");
        let text = gironde.outline_geojson();
        assert!(
            text.contains("\"attribution\":\"IGN — Admin Express\""),
            "{text:.300}"
        );
    }
}
