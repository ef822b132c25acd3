//! The places of welcome for the interactive map of `/carte/`, in tiles computed at build
//! time, so that the map loads the places of its view and not those of the whole
//! territory. The tiles are a quadtree over the territory's bounds: a tile of at most
//! [`LEAF`] places lists them (`p`: position, number, text, address of the page); a larger
//! one gives the groups of its places (`c`: mean position, count, and the bounds to zoom to:
//! south, west, north, east), made in an 8 × 8 grid where neighbours too close to be told
//! apart join, and the quarters that have places (`k`), each a tile of its own. The root is
//! `carte/lieux/r.json`; quarter `d` of tile `T` is `Td.json`, `d` = 2 × row + column, row 0
//! to the north and column 0 to the west.
//! The script (`map.js`) shows a tile's groups until the tile is wider than the map, then
//! its quarters.

use portal_model::site::Bounds;
use rayon::prelude::*;

use crate::error::BuildError;
use crate::index::Index;
use crate::published::PLACE_TILES;
use crate::urls::Urls;
use crate::write::Sink;

/// Up to this many places, `/carte/` lists them all, numbered like its drawn map; beyond,
/// it lists the communes, and its drawn map groups the places by commune.
pub(crate) const LISTED: usize = 300;
/// Places a tile lists at most: a view shows a few tiles, each a few kilobytes gzipped.
const LEAF: usize = 100;
/// Cells of a side of a tile's grid of groups.
const GRID: usize = 8;
/// Below this, a tile lists its places whatever their number (they are on one spot).
const DEPTH: usize = 24;

/// Whether `/carte/` lists every place (and numbers them on its maps).
pub(crate) fn listed(index: &Index) -> bool {
    index.places().nth(LISTED).is_none()
}

/// One place, as its tile lists it.
struct Point {
    lat: f64,
    lon: f64,
    /// Its number in `/carte/`'s list, 0 when the page does not list the places.
    number: usize,
    /// `Name — address, postal code city`, as the list says it.
    text: String,
    url: String,
}

/// Writes the tiles of every place; returns their paths, the root first.
pub(crate) fn write(
    index: &Index,
    urls: &Urls,
    sink: &dyn Sink,
) -> Result<Vec<String>, BuildError> {
    let numbered = listed(index);
    let mut points: Vec<Point> = index
        .places()
        .map(|(n, id, l)| {
            let a = index.association(id);
            let p = &l.place;
            Point {
                lat: p.geo.lat,
                lon: p.geo.lon,
                number: if numbered { n } else { 0 },
                text: format!("{} — {}, {} {}", a.name, p.address, p.postal_code, p.city),
                url: urls.association(&a.slug),
            }
        })
        .collect();
    let mut tiles = Vec::new();
    let bounds = index.content.config.territory.bounds;
    tile(&mut points, &bounds, "r".to_string(), &mut tiles);
    tiles
        .into_par_iter()
        .map(|(name, bytes)| {
            let path = format!("{PLACE_TILES}{name}.json");
            sink.put(&path, bytes).map(|()| path)
        })
        .collect()
}

/// Five decimals: about a metre.
fn round(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

/// The row and column of `(lat, lon)` in a grid of `n` × `n` over `b`, row 0 to the north.
fn cell(b: &Bounds, lat: f64, lon: f64, n: usize) -> (usize, usize) {
    let [[lat0, lon0], [lat1, lon1]] = b.0;
    let at = |x: f64, lo: f64, hi: f64| {
        let f = if hi > lo { (x - lo) / (hi - lo) } else { 0.0 };
        ((f * n as f64) as usize).min(n - 1)
    };
    (n - 1 - at(lat, lat0, lat1), at(lon, lon0, lon1))
}

/// Quarter `d` of `b` (row `d / 2`, column `d % 2`).
fn quarter(b: &Bounds, d: usize) -> Bounds {
    let [[lat0, lon0], [lat1, lon1]] = b.0;
    let (mlat, mlon) = ((lat0 + lat1) / 2.0, (lon0 + lon1) / 2.0);
    let (s, n) = if d / 2 == 0 {
        (mlat, lat1)
    } else {
        (lat0, mlat)
    };
    let (w, e) = if d.is_multiple_of(2) {
        (lon0, mlon)
    } else {
        (mlon, lon1)
    };
    Bounds([[s, w], [n, e]])
}

/// Places counted together: the sums of their positions, and their bounds.
#[derive(Debug, Clone, Copy)]
struct Group {
    lat: f64,
    lon: f64,
    count: usize,
    south: f64,
    west: f64,
    north: f64,
    east: f64,
}

impl Default for Group {
    fn default() -> Group {
        Group {
            lat: 0.0,
            lon: 0.0,
            count: 0,
            south: f64::INFINITY,
            west: f64::INFINITY,
            north: f64::NEG_INFINITY,
            east: f64::NEG_INFINITY,
        }
    }
}

impl Group {
    fn add(&mut self, lat: f64, lon: f64) {
        self.merge(&Group {
            lat,
            lon,
            count: 1,
            south: lat,
            west: lon,
            north: lat,
            east: lon,
        });
    }

    fn merge(&mut self, other: &Group) {
        self.lat += other.lat;
        self.lon += other.lon;
        self.count += other.count;
        self.south = self.south.min(other.south);
        self.west = self.west.min(other.west);
        self.north = self.north.max(other.north);
        self.east = self.east.max(other.east);
    }

    /// Its mean position.
    fn at(&self) -> (f64, f64) {
        (self.lat / self.count as f64, self.lon / self.count as f64)
    }
}

/// The groups a tile shows: its cells' places, a cell joining a larger group whose middle
/// is less than a cell away (drawn, their markers would overlap), the largest first.
fn merged(mut cells: Vec<Group>, bounds: &Bounds) -> Vec<Group> {
    let [[lat0, lon0], [lat1, lon1]] = bounds.0;
    // Distances as the map draws them: a degree of latitude is longer than one of longitude.
    let stretch = 1.0 / ((lat0 + lat1) / 2.0).to_radians().cos();
    let near = (lon1 - lon0) / GRID as f64;
    cells.retain(|c| c.count > 0);
    cells.sort_by_key(|c| std::cmp::Reverse(c.count));
    let mut groups: Vec<Group> = Vec::new();
    for c in cells {
        let (lat, lon) = c.at();
        let close = groups.iter_mut().find(|g| {
            let (glat, glon) = g.at();
            (lon - glon).hypot((lat - glat) * stretch) < near
        });
        match close {
            Some(g) => g.merge(&c),
            None => groups.push(c),
        }
    }
    groups
}

/// Appends the tile `name` over `bounds` of `points`, then its quarters'.
fn tile(points: &mut [Point], bounds: &Bounds, name: String, out: &mut Vec<(String, Vec<u8>)>) {
    use std::fmt::Write;
    let mut json = String::with_capacity(64 * points.len().min(LEAF) + 16);
    if points.len() <= LEAF || name.len() > DEPTH {
        json.push_str("{\"p\":[");
        for (i, p) in points.iter().enumerate() {
            let _ = write!(
                json,
                "{}[{},{},{},{},{}]",
                if i == 0 { "" } else { "," },
                round(p.lat),
                round(p.lon),
                p.number,
                serde_json::to_string(&p.text).expect("a string serialises"),
                serde_json::to_string(&p.url).expect("a string serialises"),
            );
        }
        json.push_str("]}");
        out.push((name, json.into_bytes()));
        return;
    }
    let mut cells = vec![Group::default(); GRID * GRID];
    for p in points.iter() {
        let (row, col) = cell(bounds, p.lat, p.lon, GRID);
        cells[row * GRID + col].add(p.lat, p.lon);
    }
    let groups = merged(cells, bounds);
    // Sorted by quarter, so that each quarter's places are one run.
    points.sort_by_key(|p| {
        let (row, col) = cell(bounds, p.lat, p.lon, 2);
        row * 2 + col
    });
    let mut runs = [0usize; 4];
    for p in points.iter() {
        let (row, col) = cell(bounds, p.lat, p.lon, 2);
        runs[row * 2 + col] += 1;
    }
    json.push_str("{\"c\":[");
    for (i, g) in groups.iter().enumerate() {
        let n = g.count as f64;
        let _ = write!(
            json,
            "{}[{},{},{},{},{},{},{}]",
            if i == 0 { "" } else { "," },
            round(g.lat / n),
            round(g.lon / n),
            g.count,
            round(g.south),
            round(g.west),
            round(g.north),
            round(g.east),
        );
    }
    let present: Vec<String> = (0..4)
        .filter(|&d| runs[d] > 0)
        .map(|d| d.to_string())
        .collect();
    let _ = write!(json, "],\"k\":[{}]}}", present.join(","));
    out.push((name.clone(), json.into_bytes()));
    let mut rest = points;
    for (d, &len) in runs.iter().enumerate() {
        let (these, others) = rest.split_at_mut(len);
        rest = others;
        if len > 0 {
            tile(these, &quarter(bounds, d), format!("{name}{d}"), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(lat: f64, lon: f64) -> Point {
        Point {
            lat,
            lon,
            number: 0,
            text: String::new(),
            url: String::new(),
        }
    }

    #[test]
    fn a_tile_lists_few_places_and_groups_many_into_quarters() {
        let bounds = Bounds([[44.0, -1.0], [45.0, 0.0]]);
        let mut few: Vec<Point> = (0..3)
            .map(|i| point(44.5, -0.5 + f64::from(i) * 0.01))
            .collect();
        let mut out = Vec::new();
        tile(&mut few, &bounds, "r".into(), &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].1.starts_with(b"{\"p\":[[44.5,-0.5,0,\"\",\"\"]"));

        // 101 places in the north-west cell, one in the south-east: a tile of groups, and
        // its two quarters that have places.
        let mut many: Vec<Point> = (0..LEAF + 1).map(|_| point(44.99, -0.99)).collect();
        many.push(point(44.01, -0.01));
        let mut out = Vec::new();
        tile(&mut many, &bounds, "r".into(), &mut out);
        let (name, root) = &out[0];
        assert_eq!(name, "r");
        assert_eq!(
            String::from_utf8_lossy(root),
            "{\"c\":[[44.99,-0.99,101,44.99,-0.99,44.99,-0.99],[44.01,-0.01,1,44.01,-0.01,44.01,-0.01]],\"k\":[0,3]}"
        );
        let names: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names[..3],
            ["r", "r0", "r00"],
            "the crowded quarter splits again"
        );
        assert!(names.contains(&"r3"));
    }

    #[test]
    fn neighbouring_cells_too_close_make_one_group() {
        let b = Bounds([[44.0, -1.0], [45.0, 0.0]]);
        let mut a = Group::default();
        a.add(44.5, -0.501);
        a.add(44.5, -0.501);
        let mut c = Group::default();
        c.add(44.5, -0.499);
        let mut far = Group::default();
        far.add(44.1, -0.1);
        let groups = merged(vec![c, Group::default(), far, a], &b);
        let counts: Vec<usize> = groups.iter().map(|g| g.count).collect();
        assert_eq!(counts, [3, 1], "the two cells either side of a line join");
        assert_eq!((groups[0].west, groups[0].east), (-0.501, -0.499));
    }

    #[test]
    fn quarters_and_cells_are_counted_from_the_north_west() {
        let b = Bounds([[44.0, -1.0], [45.0, 0.0]]);
        assert_eq!(cell(&b, 44.9, -0.9, 2), (0, 0));
        assert_eq!(cell(&b, 44.1, -0.1, 2), (1, 1));
        assert_eq!(cell(&b, 45.0, 0.0, 8), (0, 7), "edges fall inside");
        assert_eq!(quarter(&b, 1).0, [[44.5, -0.5], [45.0, 0.0]]);
        assert_eq!(quarter(&b, 2).0, [[44.0, -1.0], [44.5, -0.5]]);
    }
}
