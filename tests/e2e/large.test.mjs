// The map of a large territory (issue #17), in Chromium, on a synthetic site of 1,000
// entries (bench's `synth`: 556 places, more than /carte/ lists): without JavaScript the
// drawn map groups the places by commune, each group a link to its commune's page; the
// interactive map loads the tiles of places of its view only, groups first, then, as it
// zooms in, the places themselves, links reached with Tab.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { WORK, base, closeBrowser, newPage, serveSite, stopServer } from "./lib.mjs";

const ROOT = process.env.ROOT || path.resolve(import.meta.dirname, "../..");
const SYNTH = process.env.SYNTH || path.join(ROOT, "target/debug/synth");
const TILES = /^https:\/\/tile\.openstreetmap\.org\//;
const large = path.join(WORK, "large");

before(async () => {
  fs.rmSync(large, { recursive: true, force: true });
  execFileSync(SYNTH, ["--out", large, "--entries", "1000", "--today", "2026-11-23", "--site-toml", path.join(ROOT, "site.toml")]);
  fs.cpSync(path.join(ROOT, "themes"), path.join(large, "themes"), { recursive: true });
  await serveSite(large);
});
after(async () => { await closeBrowser(); await stopServer(); });

/** How many places the markers on screen stand for: one a pin, N a group of N. */
const covered = (page) => page.evaluate(() => {
  const pins = document.querySelectorAll("#map-live .map-pin").length;
  const grouped = [...document.querySelectorAll("#map-live .map-cluster [aria-hidden]")]
    .reduce((n, s) => n + Number(s.textContent), 0);
  return { pins, grouped, total: pins + grouped };
});

test("without JavaScript /carte/ groups the places by commune, each group a link to its commune's page", async () => {
  const page = await newPage({ javaScript: false });
  await page.goto(`${base}/carte/`);
  const total = Number(await page.getAttribute("#map-tools", "data-count"));
  assert.ok(total > 300, `${total} places`);
  assert.equal(await page.locator("ol.places").count(), 0, "the places are not listed one by one");
  const groups = await page.$$eval("figure.map-figure svg a", (as) => as.map((a) => ({
    href: a.getAttribute("href"), label: a.getAttribute("aria-label"), count: Number(a.textContent),
  })));
  assert.ok(groups.length > 5);
  assert.equal(groups.reduce((n, g) => n + g.count, 0), total, "the groups hold every place");
  const bordeaux = groups.find((g) => g.href === "/associations/commune/bordeaux/");
  assert.match(bordeaux.label, /^Bordeaux : \d+ lieux$/);
  // The list beside the map links the same communes; a group leads to its commune's page.
  const listed = await page.$$eval("main ul.chips a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual([...listed].sort(), groups.map((g) => g.href).sort());
  await page.click(`figure.map-figure svg a[href="${bordeaux.href}"]`);
  await page.waitForURL(`${base}${bordeaux.href}`);
  assert.ok(await page.locator("figure.map-figure svg").isVisible(), "the commune's own map");
});

test("the interactive map loads the tiles of its view only: groups, then places as it zooms in", async () => {
  const page = await newPage();
  const tiles = [];
  page.on("request", (r) => { if (r.url().includes("/carte/lieux/")) tiles.push(new URL(r.url()).pathname); });
  await page.route(TILES, (r) => r.abort());
  await page.goto(`${base}/carte/`, { waitUntil: "networkidle" });
  assert.deepEqual(tiles, [], "no tile before the click");
  const total = Number(await page.getAttribute("#map-tools", "data-count"));
  await page.click("#map-load");
  await page.locator("#map-live .map-cluster").first().waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "map-live");
  assert.deepEqual(tiles, ["/carte/lieux/r.json"], "the whole territory: the root's groups only");
  assert.equal((await covered(page)).total, total, "the groups hold every place");

  // Enter on the largest group zooms in on it; the map loads the quarters it then shows,
  // and keeps the focus. Again, until places show.
  for (let i = 0; i < 8 && (await covered(page)).pins === 0; i++) {
    const biggest = await page.evaluateHandle(() => [...document.querySelectorAll("#map-live .map-cluster")]
      .reduce((a, b) => (Number(b.textContent.match(/\d+/)[0]) > Number(a.textContent.match(/\d+/)[0]) ? b : a)));
    const before = tiles.length;
    await biggest.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((c) => !c.isConnected && document.activeElement.id === "map-live", biggest);
    await page.waitForLoadState("networkidle");
    assert.ok(tiles.length >= before, "tiles are only added");
    assert.ok((await covered(page)).total < total, "zoomed in: fewer places in view");
  }
  const seen = await covered(page);
  assert.ok(seen.pins > 0, `places shown as links (${JSON.stringify(seen)})`);
  assert.equal(new Set(tiles).size, tiles.length, "no tile fetched twice");

  // From the map, Tab reaches a place: a link named after it and its address.
  await page.focus("#map-live");
  let name = "";
  for (let i = 0; i < 80 && !name; i++) {
    await page.keyboard.press("Tab");
    name = await page.evaluate(() => (document.activeElement.matches(".map-pin a")
      ? document.activeElement.querySelector(".visually-hidden").textContent : ""));
  }
  assert.match(name, /^[^0-9].+ — .+, \d{5} .+$/, "name — address, without a number: /carte/ does not list them");
  const href = await page.evaluate(() => document.activeElement.getAttribute("href"));
  assert.match(href, /^\/associations\/[a-z0-9-]+\/$/);
  await page.keyboard.press("Enter");
  await page.waitForURL(`${base}${href}`);
  assert.deepEqual(page.errors, []);
});
