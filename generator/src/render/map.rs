//! Maps drawn at build time as inline SVG: no tile server, no script, no network. Markers
//! are numbered like the list beside the map, which is the real content; the map itself is
//! one image with a text alternative.

use std::fmt::Write;

use portal_model::shapes::Geo;
use portal_model::site::Bounds;

use crate::outline::Outline;

/// Width of the drawing, in SVG units (it scales to the page).
const WIDTH: f64 = 600.0;
/// Beyond this many markers, they are drawn as small dots without numbers.
const NUMBERED: usize = 150;

/// One marker: its number in the list and where it is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marker {
    pub number: usize,
    pub geo: Geo,
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
pub(crate) fn around(markers: &[Marker]) -> Option<Bounds> {
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

/// A group of places on a map of many: where it is drawn, how many places it stands for,
/// and the page of those places.
#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    pub geo: Geo,
    pub count: usize,
    /// What it covers, as its link says it (a commune's name).
    pub name: String,
    pub url: String,
}

/// Text for the drawing, which goes into the page as it is: names are contributors', and in
/// SVG a </title> would end the title.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The drawing's frame: its opening tag and title (an image, or a group of links), the
/// background and the territory's outline.
fn frame(out: &mut String, p: &Projection, outline: &Outline, what: &str, role: &str) {
    let _ = write!(
        out,
        r#"<svg class="map" role="{role}" aria-labelledby="map-title" viewBox="0 0 {w:.0} {h:.0}" xmlns="http://www.w3.org/2000/svg"><title id="map-title">{what}</title>"#,
        w = WIDTH,
        h = p.height,
        what = escape(what),
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
}

/// The map of many places: one disc a group, sized by its count, each a link to the page
/// of its places (its name and count said to screen readers; the list beside the map holds
/// the same links). Discs that would overlap are pushed apart until none hides another
/// (each then keeps a line to a dot where its places are), so that each can be read and
/// clicked.
pub(crate) fn clusters(
    groups: &[Cluster],
    bounds: &Bounds,
    outline: &Outline,
    what: &str,
) -> String {
    let p = Projection::new(bounds);
    let mut out = String::new();
    frame(&mut out, &p, outline, what, "group");
    let at: Vec<(f64, f64)> = groups.iter().map(|c| p.xy(c.geo.lon, c.geo.lat)).collect();
    let radii: Vec<f64> = groups
        .iter()
        .map(|c| (8.0 + 2.5 * (c.count as f64).log2()).min(26.0))
        .collect();
    let discs = apart(&at, &radii, p.height);
    for (i, c) in groups.iter().enumerate() {
        let ((x0, y0), (x, y), r) = (at[i], discs[i], radii[i]);
        if (x - x0).hypot(y - y0) > 2.0 {
            let _ = write!(
                out,
                r##"<path d="M{x0:.1} {y0:.1}L{x:.1} {y:.1}" stroke="#3b2a6b" stroke-width="1.5"/><circle cx="{x0:.1}" cy="{y0:.1}" r="3" fill="#3b2a6b"/>"##
            );
        }
        let label = escape(&format!(
            "{} : {}",
            c.name,
            crate::phrasing::places(c.count)
        ));
        let _ = write!(
            out,
            r##"<a href="{url}" aria-label="{label}"><circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="#3b2a6b" stroke="#fff" stroke-width="2"/><text x="{x:.1}" y="{ty:.1}" font-size="12" font-family="sans-serif" font-weight="700" text-anchor="middle" fill="#fff" aria-hidden="true">{n}</text></a>"##,
            url = escape(&c.url),
            ty = y + 4.0,
            n = c.count,
        );
    }
    out.push_str("</svg>");
    out
}

/// Positions for discs of `radii` at `at`, moved the least so that none overlaps another
/// (a few pixels apart) and all stay inside the drawing, `height` high.
fn apart(at: &[(f64, f64)], radii: &[f64], height: f64) -> Vec<(f64, f64)> {
    let mut pos = at.to_vec();
    for _ in 0..200 {
        let mut moved = false;
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let (dx, dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                let d = dx.hypot(dy);
                let need = radii[i] + radii[j] + 3.0;
                if d >= need {
                    continue;
                }
                // Apart along the line between them (a fixed direction when they coincide).
                let (ux, uy) = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    (1.0, 0.0)
                };
                let push = (need - d) / 2.0;
                pos[i] = (pos[i].0 - ux * push, pos[i].1 - uy * push);
                pos[j] = (pos[j].0 + ux * push, pos[j].1 + uy * push);
                moved = true;
            }
        }
        for (k, p) in pos.iter_mut().enumerate() {
            let r = radii[k];
            *p = (p.0.clamp(r, WIDTH - r), p.1.clamp(r, height - r));
        }
        if !moved {
            break;
        }
    }
    pos
}

/// The map of `markers` over the territory, with its text alternative.
pub(crate) fn svg(markers: &[Marker], bounds: &Bounds, outline: &Outline, what: &str) -> String {
    // `what` names a commune or a category, written by contributors: escaped by `frame`.
    let p = Projection::new(bounds);
    let mut out = String::new();
    frame(&mut out, &p, outline, what, "img");
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
    fn discs_that_would_overlap_are_pushed_apart() {
        let at = [
            (100.0, 100.0),
            (105.0, 100.0),
            (100.0, 100.0),
            (400.0, 300.0),
        ];
        let radii = [20.0, 10.0, 10.0, 10.0];
        let pos = apart(&at, &radii, 500.0);
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let d = (pos[j].0 - pos[i].0).hypot(pos[j].1 - pos[i].1);
                assert!(d >= radii[i] + radii[j], "{i} and {j} overlap: {pos:?}");
            }
        }
        assert_eq!(pos[3], at[3], "a disc alone stays where it is");
    }

    #[test]
    fn markers_fall_inside_the_drawing_over_the_outline() {
        let bounds = Bounds([[44.19, -1.27], [45.58, 0.32]]);
        let bordeaux = Marker {
            number: 1,
            geo: Geo {
                lat: 44.8378,
                lon: -0.5792,
            },
        };
        let outline = Outline(vec![vec![
            [-1.0, 45.0],
            [0.0, 45.0],
            [0.0, 44.5],
            [-1.0, 45.0],
        ]]);
        let map = svg(&[bordeaux], &bounds, &outline, "Carte : 1 lieu");
        assert!(map.starts_with(r#"<svg class="map" role="img""#));
        assert!(map.contains("<title id=\"map-title\">Carte : 1 lieu</title>"));
        assert!(map.contains(">1</text>"));
        assert!(map.contains("<path d=\"M"));
        let p = Projection::new(&bounds);
        let (x, y) = p.xy(-0.5792, 44.8378);
        assert!((0.0..WIDTH).contains(&x) && (0.0..p.height).contains(&y));
    }
}
