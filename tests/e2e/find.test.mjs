// Finding help (issue #4), in Chromium: the search box, "open now" and "open on Saturday"
// at a fixed date and time, and "near me", on the test site served by `portal serve`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { base, closeBrowser, launch, newPage, startServer, stopServer } from "./lib.mjs";

before(startServer);
after(async () => { await closeBrowser(); await stopServer(); });

test("the header's search box finds an entry as the visitor types, accents aside", async () => {
  const page = await newPage();
  const fetched = [];
  page.on("request", (r) => { if (/\/recherche\/.+\.json$/.test(r.url())) fetched.push(new URL(r.url()).pathname); });
  await page.goto(`${base}/`);
  await page.fill("#site-q", "pommes");
  await page.press("#site-q", "Enter");
  await page.waitForURL(/\/recherche\/\?q=pommes/);
  await page.getByRole("link", { name: "40 kg de pommes" }).waitFor();
  await page.fill("#q", "");
  await page.type("#q", "epiceries"); // typed without its accent, and in the plural
  await page.getByRole("link", { name: "Épicerie du Port" }).waitFor();
  assert.match(await page.textContent("#search-status"), /^\d+ résultats?/);
  // Only the manifest, the shards of the words typed and the file of the entries shown were
  // downloaded, not the whole index.
  assert.deepEqual([...new Set(fetched)].sort(), ["/recherche/fiches/0.json", "/recherche/index.json", "/recherche/mots/ep.json", "/recherche/mots/po.json"]);
  // A filter keeps what matches it and narrows the rest away: no request mentions the grocery.
  await page.selectOption("#kind", "Association");
  await page.getByRole("link", { name: "Épicerie du Port" }).waitFor();
  await page.selectOption("#kind", "Demande");
  await page.getByText("Aucun résultat").waitFor();
  assert.equal(await page.locator("#results li").count(), 0);
  assert.deepEqual(page.errors, []);
});

test("without JavaScript the search page offers the browse links", async () => {
  const page = await newPage({ javaScript: false });
  await page.goto(`${base}/recherche/?q=pommes`);
  await page.getByRole("link", { name: "Distribution alimentaire" }).first().waitFor();
  assert.equal(await page.locator("#results li").count(), 0);
});

// The grocery opens in Bordeaux on Tuesday 9:00-12:00 and 14:00-17:30 and Saturday 9:00-12:00;
// the phone line has no place. Times are Paris time (UTC+1 in November).
const openNow = async (iso) => {
  const page = await newPage();
  await page.clock.setFixedTime(new Date(iso));
  await page.goto(`${base}/associations/`);
  await page.check("#open-now");
  const visible = await page.locator(".cards > li:not([hidden])").count();
  const said = await page.textContent("#filter-status");
  await page.context().close();
  return { visible, said };
};

test("open now, at fixed dates and times, follows hours, closures and public holidays", async () => {
  assert.equal((await openNow("2026-11-28T10:00:00Z")).visible, 1, "Saturday 11:00: open");
  assert.equal((await openNow("2026-11-28T12:30:00Z")).visible, 0, "Saturday 13:30: closed");
  assert.equal((await openNow("2026-12-01T13:30:00Z")).visible, 1, "Tuesday 14:30: open");
  assert.equal((await openNow("2026-12-29T09:00:00Z")).visible, 0, "Tuesday in the year-end closure");
  assert.equal((await openNow("2026-11-10T09:00:00Z")).said, "1 association affichée sur 2.");
  assert.equal((await openNow("2026-11-10T09:00:00Z")).visible, 1, "Tuesday 10 November: open");
  // Wednesday 11 November is a public holiday, but the grocery does not open on Wednesdays;
  // Tuesday 14 July 2026 is one, and the grocery is closed on public holidays.
  assert.equal((await openNow("2026-07-14T08:00:00Z")).visible, 0, "14 July: closed");
});

test("open on Saturday, and near me sorts by distance without sending the position", async () => {
  const browser = await launch();
  const context = await browser.newContext({
    locale: "fr-FR", geolocation: { latitude: 44.92, longitude: -0.24 }, permissions: ["geolocation"],
  });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(`${base}/associations/`);
  await page.check("#open-sa");
  assert.equal(await page.locator(".cards > li:not([hidden])").count(), 1);
  await page.uncheck("#open-sa");
  const before = requests.length;
  await page.click("#near-me");
  await page.getByText("triées de la plus proche").waitFor();
  const first = await page.locator(".cards > li .card-title").first().textContent();
  assert.equal(first.trim(), "Épicerie du Port", "the place in Libourne is the nearest");
  assert.equal(requests.length, before, "nothing was sent");
  await context.close();
});
