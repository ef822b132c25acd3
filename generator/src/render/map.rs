//! Maps drawn at build time as inline SVG: no tile server, no script, no network. Markers
//! are numbered like the list beside the map, which is the real content; the map itself is
//! one image with a text alternative.

use std::fmt::Write;

use portal_model::shapes::Geo;
use portal_model::site::Bounds;

/// Width of the drawing, in SVG units (it scales to the page).
const WIDTH: f64 = 600.0;
/// Beyond this many markers, they are drawn as small dots without numbers.
const NUMBERED: usize = 150;

/// One marker: its number in the list and where it is.
#[derive(Debug, Clone, Copy)]
pub struct Marker {
    pub number: usize,
    pub geo: Geo,
}

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

/// Projects latitude and longitude into the drawing: equirectangular, with longitudes
/// shortened by the cosine of the middle latitude so that shapes keep their proportions.
struct Projection {
    lon0: f64,
    lat1: f64,
    scale: f64,
    kx: f64,
    height: f64,
}

impl Projection {
    fn new(bounds: &Bounds) -> Projection {
        let [[lat0, lon0], [lat1, lon1]] = bounds.0;
        let kx = ((lat0 + lat1) / 2.0).to_radians().cos();
        let scale = WIDTH / ((lon1 - lon0) * kx);
        Projection {
            lon0,
            lat1,
            scale,
            kx,
            height: (lat1 - lat0) * scale,
        }
    }

    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            (lon - self.lon0) * self.kx * self.scale,
            (self.lat1 - lat) * self.scale,
        )
    }
}

/// Bounds around `markers`, with a margin, so that a commune's map shows its streets'
/// worth of detail rather than the whole territory.
pub fn around(markers: &[Marker]) -> Option<Bounds> {
    let first = markers.first()?.geo;
    let (mut lat0, mut lon0, mut lat1, mut lon1) = (first.lat, first.lon, first.lat, first.lon);
    for m in markers {
        lat0 = lat0.min(m.geo.lat);
        lat1 = lat1.max(m.geo.lat);
        lon0 = lon0.min(m.geo.lon);
        lon1 = lon1.max(m.geo.lon);
    }
    // At least about 4 km across, and a fifth of the span around the markers.
    let pad_lat = ((lat1 - lat0) * 0.2).max(0.02);
    let pad_lon = ((lon1 - lon0) * 0.2).max(0.03);
    Some(Bounds([
        [lat0 - pad_lat, lon0 - pad_lon],
        [lat1 + pad_lat, lon1 + pad_lon],
    ]))
}

/// The map of `markers` over the territory, with its text alternative.
pub fn svg(markers: &[Marker], bounds: &Bounds, outline: &Outline, what: &str) -> String {
    // `what` names a commune or a category, written by contributors: escaped, since the
    // drawing goes into the page as it is, and in SVG a </title> would end the title.
    let what = what
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let p = Projection::new(bounds);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="map" role="img" aria-labelledby="map-title" viewBox="0 0 {w:.0} {h:.0}" xmlns="http://www.w3.org/2000/svg"><title id="map-title">{what}</title>"#,
        w = WIDTH,
        h = p.height,
    );
    let _ = write!(
        out,
        r##"<rect width="100%" height="100%" fill="#eef3f1"/>"##
    );
    for ring in &outline.0 {
        let mut d = String::new();
        for (i, [lon, lat]) in ring.iter().enumerate() {
            let (x, y) = p.xy(*lon, *lat);
            let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
        }
        let _ = write!(
            out,
            r##"<path d="{d}Z" fill="#ffffff" stroke="#5f6b66" stroke-width="1.5"/>"##
        );
    }
    let numbered = markers.len() <= NUMBERED;
    for m in markers {
        let (x, y) = p.xy(m.geo.lon, m.geo.lat);
        if numbered {
            let _ = write!(
                out,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="11" fill="#0b5563" stroke="#fff" stroke-width="2"/><text x="{x:.1}" y="{ty:.1}" font-size="12" font-family="sans-serif" font-weight="700" text-anchor="middle" fill="#fff">{n}</text>"##,
                ty = y + 4.0,
                n = m.number
            );
        } else {
            let _ = write!(
                out,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="3" fill="#0b5563"/>"##
            );
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_alternative_is_escaped() {
        let bounds = Bounds([[44.19, -1.27], [45.58, 0.32]]);
        let map = svg(
            &[],
            &bounds,
            &Outline(Vec::new()),
            "Bordeaux</title><script>alert(1)</script>",
        );
        assert!(!map.contains("<script"), "{map}");
        assert!(
            map.contains("Bordeaux&lt;/title&gt;&lt;script&gt;"),
            "{map}"
        );
    }

    #[test]
    fn markers_fall_inside_the_drawing_and_outlines_are_read() {
        let bounds = Bounds([[44.19, -1.27], [45.58, 0.32]]);
        let bordeaux = Marker {
            number: 1,
            geo: Geo {
                lat: 44.8378,
                lon: -0.5792,
            },
        };
        let outline = Outline::from_geojson(
            r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-1,45],[0,45],[0,44.5],[-1,45]]]}}"#,
        )
        .unwrap();
        let map = svg(&[bordeaux], &bounds, &outline, "Carte : 1 lieu");
        assert!(map.starts_with(r#"<svg class="map" role="img""#));
        assert!(map.contains("<title id=\"map-title\">Carte : 1 lieu</title>"));
        assert!(map.contains(">1</text>"));
        assert!(map.contains("<path d=\"M"));
        let again = Outline::from_geojson(std::str::from_utf8(&outline.to_geojson()).unwrap());
        assert_eq!(again.unwrap().0, outline.0);
        let p = Projection::new(&bounds);
        let (x, y) = p.xy(-0.5792, 44.8378);
        assert!((0.0..WIDTH).contains(&x) && (0.0..p.height).contains(&y));
    }
}
