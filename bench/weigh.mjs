// What a built site weighs for its visitors (issue #17), for bench/run:
//   - every HTML page with all it loads, gzipped, by the browser gate's own rules
//     (tests/browser/weight.mjs): the largest, by kind, and how many exceed 50 kB;
//   - /carte/ once the interactive map is loaded: Leaflet and the tiles of places of the
//     first view (and of the most crowded view at each zoom), as map.js fetches them;
//   - the search: for the most common word, and for the word that downloads most, the
//     manifest, the word's shard and the files of the 50 entries shown, as search.js does;
//   - the output's bytes, and the share of the search index and of the map's tiles.
// Usage: node bench/weigh.mjs SITE_ROOT OUTPUT_DIR
// Prints lines for people, then one line `WEIGH {json}` for bench/run's summary.
// Needs the npm packages of tests/browser (htmlparser2), which bench/run installs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { baseUrl, files, pages } from '../tests/browser/lib.mjs';
import { BUDGET, weighPages } from '../tests/browser/weight.mjs';

const [root, dir] = process.argv.slice(2).map((p) => path.resolve(p));
if (!root || !dir) throw new Error('usage: node bench/weigh.mjs SITE_ROOT OUTPUT_DIR');
const MAP_BUDGET = 150_000;
const SEARCH_BUDGET = 150_000;
const SHOWN = 50; // results search.js shows

const site = { dir, base: baseUrl(root) };
site.pages = pages(dir, site.base.path, root);
const gz = new Map();
const gzipped = (rel) => {
  if (!gz.has(rel)) gz.set(rel, zlib.gzipSync(fs.readFileSync(path.join(dir, rel))).length);
  return gz.get(rel);
};
const json = (rel) => JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8'));
const out = {};

// ---------------------------------------------------------------- every page
const rows = weighPages(site);
const largest = rows.reduce((a, b) => (b.total > a.total ? b : a));
const byKind = {};
for (const r of rows) if (!byKind[r.kind] || r.total > byKind[r.kind].total) byKind[r.kind] = r;
out.pages = rows.length;
out.largest = { url: largest.url, bytes: largest.total };
out.over = rows.filter((r) => r.total > BUDGET).length;
console.log(`pages: ${rows.length}, the largest with all it loads ${largest.total} B gzipped (${largest.url}); ${out.over} over ${BUDGET} B`);
for (const [kind, r] of Object.entries(byKind).sort((a, b) => b[1].total - a[1].total).slice(0, 8)) {
  console.log(`  ${String(r.total).padStart(7)} B  ${kind}: ${r.url}`);
}

// ---------------------------------------------------------------- the map, loaded
const mapPage = rows.find((r) => r.url === `${site.base.path}carte/`);
const attr = (html, name) => html.match(new RegExp(`data-${name}="?([^"\\s>]*)`))?.[1];
const mapHtml = fs.readFileSync(path.join(dir, mapPage.file), 'utf8');
const rel = (url) => url.slice(site.base.path.length);
const [lat0, lon0, lat1, lon1] = attr(mapHtml, 'bounds').split(',').map(Number);
const count = Number(attr(mapHtml, 'count'));
const leaflet = rel(attr(mapHtml, 'leaflet'));
const cluster = rel(attr(mapHtml, 'cluster'));
const assets = [`${leaflet}leaflet.css`, `${leaflet}leaflet.js`, rel(attr(mapHtml, 'css'))];
if (count >= 20) assets.push(`${cluster}MarkerCluster.css`, `${cluster}leaflet.markercluster.js`);
const outline = attr(mapHtml, 'outline');
if (outline) assets.push(rel(outline));
const tilesDir = rel(attr(mapHtml, 'places'));

// Web Mercator as Leaflet draws it: pixels at zoom z.
const px = (lon, z) => ((lon + 180) / 360) * 256 * 2 ** z;
const py = (lat, z) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * 256 * 2 ** z;
const [W, H] = [640, 448]; // .map-live on a wide screen: 40rem by 28rem
// map.fitBounds(bounds) with zoomSnap 0.5.
const scale = Math.min(W / (px(lon1, 0) - px(lon0, 0)), H / (py(lat0, 0) - py(lat1, 0)));
const fit = Math.floor(Math.log2(scale) / 0.5) * 0.5;
const EXPAND = 700; // map.js
const quarter = ([[s, w], [n, e]], q) => {
  const [mlat, mlon] = [(s + n) / 2, (w + e) / 2];
  const [south, north] = q < 2 ? [mlat, n] : [s, mlat];
  const [west, east] = q % 2 === 0 ? [w, mlon] : [mlon, e];
  return [[south, west], [north, east]];
};
// The tiles map.js fetches for a view of W × H pixels centred on (lat, lon) at zoom z, and
// those it shows.
const view = (lat, lon, z) => {
  const [cx, cy] = [px(lon, z), py(lat, z)];
  const fetched = [];
  const shown = [];
  const visit = (name, b) => {
    const [[s, w], [n, e]] = b;
    if (px(e, z) < cx - W / 2 || px(w, z) > cx + W / 2 || py(s, z) < cy - H / 2 || py(n, z) > cy + H / 2) return;
    const file = `${tilesDir}${name}.json`;
    if (!fs.existsSync(path.join(dir, file))) return;
    fetched.push(file);
    const t = json(file);
    if (t.p || px(e, z) - px(w, z) <= EXPAND) shown.push(file);
    else for (const q of t.k) visit(`${name}${q}`, quarter(b, q));
  };
  visit('r', [[lat0, lon0], [lat1, lon1]]);
  return { fetched, shown };
};
const sum = (list) => list.reduce((n, f) => n + gzipped(f), 0);
const first = view((lat0 + lat1) / 2, (lon0 + lon1) / 2, fit);
const loaded = mapPage.total + sum(assets) + sum(first.fetched);
// The most crowded spot: the root's largest group; the view there at each zoom.
const top = json(`${tilesDir}r.json`);
const crowd = top.c ? top.c.reduce((a, b) => (b[2] > a[2] ? b : a)) : top.p[0];
let crowded = { bytes: 0 };
for (let z = Math.ceil(fit); z <= 19; z++) {
  const v = view(crowd[0], crowd[1], z);
  const bytes = sum(v.shown);
  if (bytes > crowded.bytes) crowded = { bytes, zoom: z, tiles: v.shown.length };
}
out.map = { loaded, page: mapPage.total, leaflet: sum(assets), tiles: sum(first.fetched), files: first.fetched.length, crowded };
console.log(`/carte/ with the interactive map loaded: ${loaded} B gzipped (page ${mapPage.total}, Leaflet and styles ${sum(assets)}, ${first.fetched.length} tiles of places ${sum(first.fetched)}, zoom ${fit}); the most crowded view needs ${crowded.bytes} B of tiles (${crowded.tiles} tiles at zoom ${crowded.zoom})`);

// ---------------------------------------------------------------- the search
const m = json('recherche/index.json');
const split = new Set(m.split);
const keyOf = (w) => {
  const letters = [...w];
  let n = m.words.min;
  while (split.has(letters.slice(0, n).join('')) && n < letters.length) n += 1;
  return letters.slice(0, n).join('');
};
const fileOf = (key) => [...key].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0).toString(16).padStart(6, '0')}`)).join('');
const shards = new Map(m.keys.map((k) => [k, json(`recherche/mots/${fileOf(k)}.json`)]));
const numbers = (gaps) => { let n = 0; return gaps.map((g) => (n += g)); };
const searchPage = rows.find((r) => r.url === `${site.base.path}recherche/`);
const scriptOf = [...searchPage.loaded].find((f) => /search\.[0-9a-f]+\.js$/.test(f));
// What typing `w` downloads: the manifest, its shard, the files of the entries shown.
const query = (w) => {
  const key = keyOf(w);
  const shard = shards.get(key);
  const found = [...new Set(Object.entries(shard).filter(([x]) => x.startsWith(w)).flatMap(([, g]) => numbers(g)))]
    .sort((a, b) => a - b);
  const chunks = [...new Set(found.slice(0, SHOWN).map((n) => Math.floor(n / m.chunk)))];
  const index = gzipped('recherche/index.json') + gzipped(`recherche/mots/${fileOf(key)}.json`)
    + chunks.reduce((n, c) => n + gzipped(`recherche/fiches/${c}.json`), 0);
  return { word: w, found: found.length, files: chunks.length + 2, index, total: searchPage.total + index };
};
const words = [...shards.values()].flatMap((s) => Object.entries(s).map(([w, g]) => [w, g.length]));
const common = words.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
let worst = null;
for (const [w] of words) {
  const q = query(w);
  if (!worst || q.total > worst.total) worst = q;
}
out.search = { common: query(common), worst, page: searchPage.total, words: words.length, script: scriptOf };
const say = (q) => `« ${q.word} » (${q.found} entries): ${q.index} B of index in ${q.files} files, ${q.total} B with the search page and its script`;
console.log(`search, the most common word ${say(out.search.common)}`);
console.log(`search, the word that downloads most ${say(worst)}`);

// ---------------------------------------------------------------- the output's bytes
let total = 0;
let index = 0;
let tiles = 0;
const all = files(dir);
for (const f of all) {
  const size = fs.statSync(path.join(dir, f)).size;
  total += size;
  if (f.startsWith('recherche/') && f.endsWith('.json')) index += size;
  if (f.startsWith(tilesDir)) tiles += size;
}
out.output = { files: all.length, bytes: total, index, tiles };
console.log(`output: ${all.length} files, ${(total / 1e6).toFixed(1)} MB; search index ${(index / 1e6).toFixed(1)} MB (${((100 * index) / total).toFixed(1)} %), map tiles ${(tiles / 1e6).toFixed(1)} MB (${((100 * tiles) / total).toFixed(1)} %)`);
out.budgets = { page: BUDGET, map: MAP_BUDGET, search: SEARCH_BUDGET };
console.log(`WEIGH ${JSON.stringify(out)}`);
