// The public's pages in Arabic (issue #16), in Chromium, on a copy of the bundled site (nine
// languages) served by `portal serve`: an association's page is right to left, its hours
// table reads right to left and its phone number left to right, as laid out on screen; the
// keyboard journey of the quality gates (skip link, a need, a place's page) done in Arabic;
// the page passes axe (with JavaScript; without, the browser gates audit it).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { WORK, base, closeBrowser, newPage, serveSite, stopServer } from "./lib.mjs";

const ROOT = process.env.ROOT || path.resolve(import.meta.dirname, "../..");
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const site = path.join(WORK, "languages");
before(async () => {
  fs.rmSync(site, { recursive: true, force: true });
  for (const p of ["site.toml", "content", "themes"]) fs.cpSync(path.join(ROOT, p), path.join(site, p), { recursive: true });
  await serveSite(site);
});
after(async () => { await closeBrowser(); await stopServer(); });

const PAGE = "/ar/associations/panier-des-quais/";

async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(" ")} : ${v.help}`));
}

test("the Arabic association page is right to left; its hours read right to left, its phone number left to right", async () => {
  const page = await newPage();
  await page.goto(`${base}${PAGE}`);
  const html = await page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang,
    direction: getComputedStyle(document.body).direction }));
  assert.deepEqual(html, { dir: "rtl", lang: "ar", direction: "rtl" });

  // The hours table: the day's cell is at the right of the hours' cell, on every row.
  const rows = await page.locator("table.hours tbody tr").evaluateAll((trs) => trs.map((tr) => {
    const [day, hours] = [tr.querySelector("th"), tr.querySelector("td")].map((c) => c.getBoundingClientRect());
    return { day: tr.querySelector("th").textContent, dayLeft: day.left, hoursRight: hours.right };
  }));
  assert.equal(rows.length, 7);
  for (const r of rows) assert.ok(r.dayLeft >= r.hoursRight - 1, `${r.day}: the day is right of the hours`);
  assert.equal(rows[0].day, "الاثنين");
  const caption = await page.locator("table.hours caption").innerText();
  assert.match(caption, /^مواعيد العمل/);

  // The phone number: laid out left to right, its first digit left of its last one.
  const phone = await page.locator("a.tel").evaluate((a) => {
    const text = a.firstChild;
    const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
    return { direction: getComputedStyle(a).direction, text: a.textContent, first: at(0), last: at(text.length - 1) };
  });
  assert.equal(phone.direction, "ltr");
  assert.ok(phone.first < phone.last, `${phone.text}: first digit at ${phone.first}, last at ${phone.last}`);
  // The address is the editors' French, in its own direction.
  assert.deepEqual(await page.locator("p.address").first().evaluate((p) => [p.lang, getComputedStyle(p).direction]), ["fr", "ltr"]);
  // The language menu names each language in itself and leads to the same page.
  const menu = page.getByRole("navigation", { name: "اللغات" });
  assert.equal(await menu.getByRole("link", { name: "العربية" }).getAttribute("aria-current"), "true");
  assert.equal(await menu.getByRole("link", { name: "Українська" }).getAttribute("href"), "/uk/associations/panier-des-quais/");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  console.log(`  ${rows.length} lignes d'horaires de droite à gauche ; téléphone « ${phone.text} » de gauche à droite`);
  await page.context().close();
});

// Without JavaScript axe cannot run in the page; tests/browser/run audits every page of
// every language both ways (gate 1).
test("without JavaScript, the Arabic page has the same direction and the build day's hours", async () => {
  const page = await newPage({ javaScript: false });
  await page.goto(`${base}${PAGE}`);
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  assert.equal(await page.locator("table.hours tbody tr").count(), 7);
  await page.context().close();
});

test("the keyboard journey in Arabic: skip link, a need, a place's page", async () => {
  const page = await newPage();
  await page.goto(`${base}/ar/`);
  const focused = () => page.evaluate(() => ({ text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute("href") || "" }));
  await page.keyboard.press("Tab");
  assert.equal((await focused()).text, "انتقل إلى المحتوى");
  await page.keyboard.press("Enter");
  // From the main content, Tab reaches the first need, « الطعام ».
  let presses = 0;
  for (; presses < 30 && !(await focused()).href.endsWith("/ar/besoin/manger/"); presses++) await page.keyboard.press("Tab");
  assert.match((await focused()).text, /الطعام/);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/ar\/besoin\/manger\/$/);
  assert.match(await page.locator("h1").innerText(), /الطعام/);
  // Then a place's card, and its page, still in Arabic.
  let more = 0;
  for (; more < 80 && !/\/ar\/associations\/[^/]+\/#lieu-\d+$/.test((await focused()).href); more++) await page.keyboard.press("Tab");
  const card = await focused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/ar\/associations\/[^/]+\/#lieu-\d+$/);
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  assert.deepEqual(page.errors, []);
  console.log(`  Tab ×${1 + presses} → الطعام, Entrée ; Tab ×${more} → ${card.href}, Entrée`);
  await page.context().close();
});
