//! The few nearest of many places, found by looking around a point on a grid instead of
//! measuring the distance to every place: each listing of a national site looks for its
//! matches among thousands.

use std::collections::HashMap;

use portal_model::shapes::Geo;

/// Below this many places, a scan costs less than the grid.
const SCAN_BELOW: usize = 64;
/// Places per grid cell aimed at.
const PER_CELL: f64 = 4.0;

/// Places in a given order (ties in distance are broken by it), some without a position.
pub(super) struct Nearest {
    /// In order: a position on the unit sphere and in degrees, when known.
    points: Vec<Option<Point>>,
    grid: Option<Grid>,
}

#[derive(Clone, Copy)]
struct Point {
    xyz: [f64; 3],
    geo: Geo,
}

struct Grid {
    /// Cell side, in degrees.
    cell: f64,
    /// (row, column) → indices of the placed points in it, in order.
    cells: HashMap<(i32, i32), Vec<u32>>,
    rows: (i32, i32),
    columns: (i32, i32),
    /// The largest |latitude| of the points, where a degree of longitude is shortest.
    max_lat: f64,
    lon: (f64, f64),
}

impl Nearest {
    pub(super) fn new(places: impl IntoIterator<Item = Option<Geo>>) -> Nearest {
        let points: Vec<Option<Point>> = places
            .into_iter()
            .map(|g| g.map(|geo| Point { xyz: xyz(geo), geo }))
            .collect();
        let grid = Grid::new(&points);
        Nearest { points, grid }
    }

    /// The indices of the `n` places nearest to `here` for which `keep` holds, nearest
    /// first; places without a position come last, then ties, in the given order. With no
    /// `here`, the first `n` kept places.
    pub(super) fn find(
        &self,
        here: Option<Geo>,
        n: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let mut best = Best::new(n);
        let here_xyz = here.map(xyz);
        let offer = |best: &mut Best, i: usize| {
            let d = match (here_xyz, self.points[i]) {
                (Some(a), Some(b)) => chord_squared(a, b.xyz),
                _ => f64::INFINITY,
            };
            // `keep` looks at the listing itself: only for a place near enough to count.
            if best.takes(d, i) && keep(i) {
                best.offer(d, i);
            }
        };
        match (here, &self.grid) {
            (Some(here), Some(grid)) if grid.covers(here) => {
                grid.around(here, &mut best, &offer);
                // Not enough placed ones: the unplaced ones fill in, in order.
                if !best.full() {
                    for (i, p) in self.points.iter().enumerate() {
                        if p.is_none() {
                            offer(&mut best, i);
                        }
                    }
                }
            }
            _ => (0..self.points.len()).for_each(|i| offer(&mut best, i)),
        }
        best.into_indices()
    }
}

/// The `n` smallest (distance, index), sorted.
struct Best {
    n: usize,
    kept: Vec<(f64, usize)>,
}

impl Best {
    fn new(n: usize) -> Best {
        Best {
            n,
            kept: Vec::with_capacity(n + 1),
        }
    }

    fn full(&self) -> bool {
        self.kept.len() >= self.n
    }

    fn worst(&self) -> f64 {
        self.kept.last().map_or(f64::INFINITY, |k| k.0)
    }

    /// Whether (d, i) would be kept: the set is not full, or it ranks before the worst.
    fn takes(&self, d: f64, i: usize) -> bool {
        !self.full() || self.kept.last().is_none_or(|k| !ranks_before(*k, d, i))
    }

    fn offer(&mut self, d: f64, i: usize) {
        if !self.takes(d, i) {
            return;
        }
        let at = self.kept.partition_point(|k| ranks_before(*k, d, i));
        self.kept.insert(at, (d, i));
        self.kept.truncate(self.n);
    }

    fn into_indices(self) -> Vec<usize> {
        self.kept.into_iter().map(|(_, i)| i).collect()
    }
}

/// Whether `k` ranks before (d, i): nearer, or as near and earlier in the order.
fn ranks_before(k: (f64, usize), d: f64, i: usize) -> bool {
    k.0.total_cmp(&d).then(k.1.cmp(&i)).is_lt()
}

impl Grid {
    fn new(points: &[Option<Point>]) -> Option<Grid> {
        let placed: Vec<(u32, Geo)> = points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.map(|p| (i as u32, p.geo)))
            .collect();
        if placed.len() < SCAN_BELOW {
            return None;
        }
        let lat = bounds(placed.iter().map(|(_, g)| g.lat));
        let lon = bounds(placed.iter().map(|(_, g)| g.lon));
        // The walk's distance bound holds for longitudes less than half a turn apart.
        if lon.1 - lon.0 >= 180.0 {
            return None;
        }
        let area = ((lat.1 - lat.0) * (lon.1 - lon.0)).max(1e-6);
        let cell = (area * PER_CELL / placed.len() as f64).sqrt().max(1e-3);
        let mut cells: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        for &(i, g) in &placed {
            cells.entry(cell_of(g, cell)).or_default().push(i);
        }
        let rows = bounds(cells.keys().map(|k| k.0 as f64));
        let columns = bounds(cells.keys().map(|k| k.1 as f64));
        Some(Grid {
            cell,
            cells,
            rows: (rows.0 as i32, rows.1 as i32),
            columns: (columns.0 as i32, columns.1 as i32),
            max_lat: lat.0.abs().max(lat.1.abs()),
            lon,
        })
    }

    /// Whether the walk's bound holds for a point: not further poleward than the places, and
    /// within half a turn of their longitudes.
    fn covers(&self, g: Geo) -> bool {
        g.lat.abs() <= self.max_lat
            && g.lon.max(self.lon.1) - g.lon.min(self.lon.0) < 180.0
            && g.lat.is_finite()
            && g.lon.is_finite()
    }

    /// Offers the places of the cells in rings around `here`'s cell, until a ring cannot
    /// hold anything nearer than the worst of a full `best`.
    fn around(&self, here: Geo, best: &mut Best, offer: &dyn Fn(&mut Best, usize)) {
        let (r0, c0) = cell_of(here, self.cell);
        let shrink = self.max_lat.to_radians().cos().powi(2);
        for ring in 0i32.. {
            let outside = r0 - ring < self.rows.0
                && r0 + ring > self.rows.1
                && c0 - ring < self.columns.0
                && c0 + ring > self.columns.1;
            if outside {
                return;
            }
            if ring >= 1 {
                // Anything in this ring is at least ring - 1 cells away in latitude or in
                // longitude; a degree of longitude is shortest at max_lat.
                let gap = ((ring - 1) as f64 * self.cell).to_radians();
                let bound = 4.0 * shrink * (gap / 2.0).sin().powi(2);
                if best.full() && bound * (1.0 - 1e-9) > best.worst() {
                    return;
                }
            }
            for r in r0 - ring..=r0 + ring {
                let edge = r == r0 - ring || r == r0 + ring;
                let step = if edge { 1 } else { (2 * ring).max(1) as usize };
                for c in (c0 - ring..=c0 + ring).step_by(step) {
                    if let Some(cell) = self.cells.get(&(r, c)) {
                        cell.iter().for_each(|&i| offer(best, i as usize));
                    }
                }
            }
        }
    }
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

fn cell_of(g: Geo, cell: f64) -> (i32, i32) {
    ((g.lat / cell).floor() as i32, (g.lon / cell).floor() as i32)
}

/// A place as a point of the unit sphere: the straight distance between two such points
/// grows with the distance along the Earth, so it ranks places without trigonometry.
fn xyz(g: Geo) -> [f64; 3] {
    let (lat, lon) = (g.lat.to_radians(), g.lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn chord_squared(a: [f64; 3], b: [f64; 3]) -> f64 {
    (0..3).map(|k| (a[k] - b[k]).powi(2)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answer as measuring every place, on clustered and spread places, some
    /// without a position, some sharing one, with some excluded.
    #[test]
    fn finds_what_a_full_scan_finds() {
        let mut seed = 42u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 1_000_000) as f64 / 1_000_000.0
        };
        for (count, spread) in [(50, 1.0), (3_000, 1.5), (3_000, 12.0), (800, 0.01)] {
            let places: Vec<Option<Geo>> = (0..count)
                .map(|i| {
                    (i % 17 != 0).then(|| Geo {
                        lat: 44.0 + (next() * spread * 100.0).round() / 100.0,
                        lon: -1.0 + (next() * spread * 100.0).round() / 100.0,
                    })
                })
                .collect();
            let nearest = Nearest::new(places.clone());
            assert_eq!(nearest.grid.is_some(), count >= SCAN_BELOW);
            for q in 0..200 {
                let here = (q % 50 != 0).then(|| Geo {
                    lat: 44.0 + next() * spread,
                    lon: -1.0 + next() * spread,
                });
                let keep = |i: usize| i % 5 != q % 5;
                let mut all: Vec<(f64, usize)> = (0..count)
                    .filter(|&i| keep(i))
                    .map(|i| {
                        let d = match (here, places[i]) {
                            (Some(a), Some(b)) => chord_squared(xyz(a), xyz(b)),
                            _ => f64::INFINITY,
                        };
                        (d, i)
                    })
                    .collect();
                all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let want: Vec<usize> = all.iter().take(5).map(|x| x.1).collect();
                assert_eq!(
                    nearest.find(here, 5, keep),
                    want,
                    "{count} places, query {q}"
                );
            }
        }
    }
}
