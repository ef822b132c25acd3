// The interactive map on demand (issue #4), in Chromium, on a copy of the bundled site (its
// 33 places are enough for clusters) with a test outline: Leaflet is loaded by the map page
// only, after the click; markers are links reached with Tab; markers and outline show when
// the tiles cannot be reached; the page passes axe with the map loaded and under the site's
// CSP. Prints the gzipped sizes of what the map and search pages load.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { WORK, base, closeBrowser, newPage, serveSite, startServer, stopServer } from "./lib.mjs";

const ROOT = process.env.ROOT || path.resolve(import.meta.dirname, "../..");
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TILES = /^https:\/\/tile\.openstreetmap\.org\//;
const LEAFLET = /\/vendor\/leaflet/;

// A 1×1 PNG, served in place of every tile when a test wants tiles to load.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP88P9/PQAJYwPZ2dRUxQAAAABJRU5ErkJggg==", "base64");

// The bundled site, with a made-up outline (a rough hexagon around Gironde, for the test
// only) in content/data/ so that the outline layer is drawn.
const bundled = path.join(WORK, "bundled");
before(async () => {
  fs.rmSync(bundled, { recursive: true, force: true });
  for (const p of ["site.toml", "content", "themes"]) fs.cpSync(path.join(ROOT, p), path.join(bundled, p), { recursive: true });
  fs.mkdirSync(path.join(bundled, "content/data"), { recursive: true });
  const ring = [[-1.25, 45.5], [-0.4, 45.55], [0.3, 45.1], [0.3, 44.3], [-0.6, 44.2], [-1.25, 44.6], [-1.25, 45.5]];
  fs.writeFileSync(path.join(bundled, "content/data/contour.geojson"),
    JSON.stringify({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } }));
  await serveSite(bundled);
});
after(async () => { await closeBrowser(); await stopServer(); });

/** A page as published: without the inline script `portal serve` adds (reload on change). */
const withoutReload = (body) =>
  Buffer.from(body.toString("latin1").replace(/<script>\(\(\)=>\{const s=new EventSource[\s\S]*?<\/script>/, ""), "latin1");

/** Every request the page makes, by URL. */
const track = (page) => {
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
};

/** Clicks the button and waits until the places are drawn. */
async function showMap(page) {
  await page.click("#map-load");
  await page.locator("#map-live .map-pin, #map-live .map-cluster").first().waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "map-live");
}

/** How many places the markers on screen stand for: one a pin, N a cluster of N. */
const covered = (page) => page.evaluate(() => {
  const pins = document.querySelectorAll("#map-live .map-pin").length;
  const grouped = [...document.querySelectorAll("#map-live .map-cluster [aria-hidden]")]
    .reduce((n, s) => n + Number(s.textContent), 0);
  return { pins, grouped, total: pins + grouped };
});

test("without JavaScript the map page shows its drawn map and list, no button and no Leaflet", async () => {
  const page = await newPage({ javaScript: false });
  const urls = track(page);
  await page.goto(`${base}/carte/`);
  assert.ok(await page.locator("figure.map-figure svg").isVisible());
  assert.ok(await page.locator("ol.places > li").count() > 20);
  assert.equal(await page.locator("#map-load").isVisible(), false);
  assert.deepEqual(urls.filter((u) => LEAFLET.test(u) || u.includes("/assets/map.")), []);
});

test("Leaflet is loaded on the click only; markers and clusters cover every place; Tab and Enter reach a place's page", async () => {
  const page = await newPage();
  const urls = track(page);
  await page.route(TILES, (r) => r.abort());
  await page.goto(`${base}/carte/`, { waitUntil: "networkidle" });
  assert.deepEqual(urls.filter((u) => LEAFLET.test(u)), [], "nothing of Leaflet before the click");
  const places = await page.locator("ol.places > li[data-geo]").count();

  await showMap(page);
  for (const file of ["leaflet-1.9.4/leaflet.js", "leaflet-1.9.4/leaflet.css", "leaflet.markercluster-1.5.3/leaflet.markercluster.js"]) {
    assert.ok(urls.some((u) => u.endsWith(`/vendor/${file}`)), `${file} chargé`);
  }
  const seen = await covered(page);
  assert.equal(seen.total, places, `${seen.pins} lieux seuls et ${seen.grouped} regroupés pour ${places} lieux`);
  assert.ok(seen.grouped > 0, "the places of Bordeaux are grouped at the territory's scale");

  // A cluster is a button: Enter zooms in on its places, and the focus goes back to the map.
  const cluster = await page.$("#map-live .map-cluster");
  await cluster.focus();
  assert.match(await cluster.evaluate((c) => c.textContent), /^\d+\d+ lieux regroupés/);
  await page.keyboard.press("Enter");
  await page.waitForFunction((c) => !c.isConnected && document.activeElement.id === "map-live", cluster);
  assert.ok((await covered(page)).total < places, "zoomed in: fewer places in view");

  // From the map, Tab reaches a marker: a link named by its number and place.
  await page.focus("#map-live");
  let name = "";
  for (let i = 0; i < 60 && !name; i++) {
    await page.keyboard.press("Tab");
    name = await page.evaluate(() => (document.activeElement.matches(".map-pin a")
      ? document.activeElement.querySelector(".visually-hidden").textContent : ""));
  }
  assert.match(name, /^\d+\. .+ — .+/, "the marker's accessible text: number, name, address");
  const href = await page.evaluate(() => document.activeElement.getAttribute("href"));
  assert.match(href, /\/associations\/[a-z0-9-]+\/$/);
  await page.keyboard.press("Enter");
  await page.waitForURL(`${base}${href}`);
  assert.deepEqual(page.errors, []);
});

test("with the tiles unreachable, the markers and the outline still show, and the page says so", async () => {
  const page = await newPage();
  const tiles = [];
  await page.route(TILES, (r) => { tiles.push(r.request().url()); return r.abort(); });
  await page.goto(`${base}/carte/`);
  await showMap(page);
  assert.ok(tiles.length > 0, "tiles were asked for");
  await page.getByText("Le fond de carte n'a pas pu être chargé").waitFor();
  assert.equal((await covered(page)).total, await page.locator("ol.places > li[data-geo]").count());
  assert.equal(await page.locator("#map-live .leaflet-overlay-pane path").count(), 1, "the outline");
  assert.deepEqual(page.errors, []);
});

test("under the site's CSP (template.yaml) the map loads with its tiles, and passes axe", async () => {
  const template = fs.readFileSync(path.join(ROOT, "template.yaml"), "utf8");
  const csp = template.match(/SiteHeadersPolicy:[\s\S]*?ContentSecurityPolicy: "([^"]+)"/)[1]
    .replace(/;\s*upgrade-insecure-requests/, ""); // the test server is plain http
  const page = await newPage();
  const refused = [];
  page.on("console", (m) => { if (/Content Security Policy/.test(m.text())) refused.push(m.text()); });
  await page.route(TILES, (r) => r.fulfill({ contentType: "image/png", body: PNG }));
  await page.route(`${base}/carte/`, async (r) => {
    const response = await r.fetch();
    const body = withoutReload(await response.body());
    await r.fulfill({ response, body, headers: { ...response.headers(), "content-security-policy": csp } });
  });
  await page.goto(`${base}/carte/`);
  await showMap(page);
  await page.locator("#map-live img.leaflet-tile-loaded").first().waitFor();
  assert.deepEqual(refused, []);

  await page.evaluate(AXE);
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  const violations = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(" ")} : ${v.help}`));
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors.filter((e) => !/Content Security Policy/.test(e)), []);
});

test("no other page loads Leaflet; pages without a drawn map do not load the map script", async () => {
  const page = await newPage();
  const urls = track(page);
  for (const url of ["/", "/associations/", "/associations/bol-de-nuit/", "/recherche/?q=repas"]) {
    await page.goto(`${base}${url}`, { waitUntil: "networkidle" });
  }
  assert.deepEqual(urls.filter((u) => LEAFLET.test(u) || u.includes("/assets/map.")), []);
  await page.goto(`${base}/associations/categorie/repas/`, { waitUntil: "networkidle" });
  assert.deepEqual(urls.filter((u) => LEAFLET.test(u)), []);
});

test("a commune's page: the interactive map shows the drawn map's places, numbered like its cards", async () => {
  const page = await newPage();
  const urls = track(page);
  await page.route(TILES, (r) => r.abort());
  await page.goto(`${base}/associations/commune/bordeaux/`, { waitUntil: "networkidle" });
  assert.deepEqual(urls.filter((u) => LEAFLET.test(u)), []);
  const markers = JSON.parse(await page.getAttribute("#map-tools", "data-markers"));
  await showMap(page);
  assert.equal((await covered(page)).total, markers.length);
  await page.keyboard.press("Tab");
  const [name, href] = await page.evaluate(() => [
    document.activeElement.querySelector(".visually-hidden")?.textContent, document.activeElement.getAttribute("href")]);
  const [n] = markers[0];
  const card = page.locator(`ol.cards > li:nth-child(${n}) .card-title a`);
  assert.equal(name, `${n}. ${(await card.textContent()).trim()}`);
  assert.equal(href, await card.getAttribute("href"));
  await page.keyboard.press("Enter");
  await page.waitForURL(`${base}${href}`);
  assert.deepEqual(page.errors, []);
});

/** The gzipped bytes of every answer the page got while `act` ran, by kind. */
async function weigh(page, act) {
  const rows = [];
  const seen = (response) => {
    // The reload stream of `portal serve` never ends, and is no part of the published site.
    if (response.url().includes("/__portal/")) return;
    rows.push(response.body().then(
      (body) => ({ url: response.url(), bytes: zlib.gzipSync(withoutReload(body)).length }),
      () => null, // an answer without a body (a redirect)
    ));
  };
  page.on("response", seen);
  await act();
  page.off("response", seen);
  return (await Promise.all(rows)).filter(Boolean).filter((r) => !TILES.test(r.url));
}

const kind = (url) => {
  const p = new URL(url).pathname;
  if (p.endsWith("/")) return "HTML";
  if (p.endsWith(".css")) return "CSS";
  if (p.endsWith(".js")) return "JS";
  if (/\.(json|geojson)$/.test(p)) return "données";
  return "autres";
};

function report(title, rows) {
  const by = {};
  for (const r of rows) by[kind(r.url)] = (by[kind(r.url)] || 0) + r.bytes;
  const total = rows.reduce((n, r) => n + r.bytes, 0);
  console.log(`  ${title} : ${total} o gzip (${Object.entries(by).map(([k, n]) => `${k} ${n}`).join(", ")})`);
  for (const r of rows) console.log(`    ${String(r.bytes).padStart(7)}  ${new URL(r.url).pathname}`);
  return total;
}

test("the sizes, gzipped, of what the map and search pages load", async () => {
  const page = await newPage();
  await page.route(TILES, (r) => r.abort());
  const before = await weigh(page, () => page.goto(`${base}/carte/`, { waitUntil: "networkidle" }));
  const after = await weigh(page, async () => { await showMap(page); await page.waitForLoadState("networkidle"); });
  const search = await newPage();
  const found = await weigh(search, async () => {
    await search.goto(`${base}/recherche/`, { waitUntil: "networkidle" });
    await search.fill("#q", "repas");
    await search.locator("#results li").first().waitFor(); // the index is loaded
    await search.waitForLoadState("networkidle");
  });
  console.log("  Tailles gzip (zlib par défaut) sur le site fourni :");
  const loaded = report("carte, à l'ouverture", before);
  const more = report("carte, après le clic", after);
  console.log(`  carte, en tout avec la carte interactive : ${loaded + more} o`);
  report("recherche, après une saisie", found);
  assert.ok(loaded < 50_000, "the map page without the click keeps to the 50 kB budget");
  assert.ok(after.some((r) => r.url.endsWith("/leaflet.js")));
});

test("with few places (the test site), no clustering is loaded and every place is a marker", async () => {
  await stopServer();
  await startServer();
  const page = await newPage();
  const urls = track(page);
  await page.route(TILES, (r) => r.abort());
  await page.goto(`${base}/carte/`);
  await showMap(page);
  const places = await page.locator("ol.places > li[data-geo]").count();
  assert.equal((await covered(page)).pins, places);
  assert.deepEqual(urls.filter((u) => u.includes("markercluster")), []);
  assert.deepEqual(page.errors, []);
});
