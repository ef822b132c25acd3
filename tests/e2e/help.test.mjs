// A person who needs help (issue #20), in Chromium, on a copy of the bundled site served by
// `portal serve`: from the home page to a food distribution open in Bordeaux in three taps
// at a fixed date and time; « Ouvre demain à … » when nothing is open; the build day's
// hours without JavaScript; a printed guide's PDF whose numbers are whole.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { WORK, base, closeBrowser, newPage, serveSite, stopServer } from "./lib.mjs";

const ROOT = process.env.ROOT || path.resolve(import.meta.dirname, "../..");
const site = path.join(WORK, "help");
before(async () => {
  fs.rmSync(site, { recursive: true, force: true });
  for (const p of ["site.toml", "content", "themes"]) fs.cpSync(path.join(ROOT, p), path.join(site, p), { recursive: true });
  await serveSite(site);
});
after(async () => { await closeBrowser(); await stopServer(); });

const NBSP = /\u00a0/g;
const said = async (locator) => (await locator.innerText()).replace(NBSP, " ").trim();

/** A page whose clock is fixed at `iso` (the site's zone is Paris: UTC+1 in December). */
async function at(iso, options) {
  const page = await newPage(options);
  await page.clock.setFixedTime(new Date(iso));
  return page;
}

test("three taps from the home page to a food distribution open now in Bordeaux", async () => {
  // Tuesday 8 December 2026, 15:00 in Bordeaux.
  const page = await at("2026-12-08T14:00:00Z");
  await page.goto(`${base}/`);
  const taps = [];
  // 1. The need, first on the home page.
  await page.getByRole("link", { name: /^Manger\b/ }).click();
  taps.push(new URL(page.url()).pathname);
  // 2. The commune.
  await page.getByRole("navigation", { name: "Dans quelle commune ?" }).getByRole("link", { name: /^Bordeaux/ }).click();
  taps.push(new URL(page.url()).pathname);
  // The places open now come first, and say so.
  const first = page.locator("ol.cards > li").first();
  await first.locator("[data-status]:not([hidden])").waitFor();
  assert.match(await said(first.locator("[data-status]")), /^Ouvert maintenant, jusqu’à 17 h 30$/);
  assert.match(await said(first.locator(".card-today")), /^Aujourd’hui : 14 h à 17 h 30$/);
  assert.equal(await said(first.locator(".card-title")), "Le Panier des Quais");
  // 3. The whole card is the target: a tap on its lower corner, away from the title.
  await first.scrollIntoViewIfNeeded();
  const box = await first.locator("article").boundingBox();
  await page.mouse.click(box.x + box.width - 12, box.y + box.height - 12);
  await page.waitForURL(/\/associations\/panier-des-quais\/#lieu-1$/);
  taps.push(new URL(page.url()).pathname);
  assert.deepEqual(taps, ["/besoin/manger/", "/besoin/manger/bordeaux/", "/associations/panier-des-quais/"]);
  assert.match(await page.locator(".meta").first().innerText(), /Distribution alimentaire/);
  assert.match(await page.locator("#lieu-1").innerText(), /à Bordeaux/);
  console.log(`  ${taps.length} touches : ${taps.join(" → ")}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("when nothing is open, the first place says when it opens: « Ouvre demain à … »", async () => {
  // Monday 7 December 2026, 22:00: the soup has closed, the grocery opens tomorrow at 14:00.
  const page = await at("2026-12-07T21:00:00Z");
  await page.goto(`${base}/besoin/manger/bordeaux/`);
  const statuses = page.locator("ol.cards [data-status]");
  await statuses.first().waitFor({ state: "visible" });
  const all = (await statuses.allInnerTexts()).map((t) => t.replace(NBSP, " "));
  assert.ok(all.every((s) => !s.startsWith("Ouvert")), all.join(" | "));
  assert.equal(all[0], "Ouvre demain à 14 h");
  assert.equal(await said(page.locator("ol.cards .card-title").first()), "Le Panier des Quais");
  assert.deepEqual(all.slice(1), ["Ouvre mercredi à 19 h 30", "Ouvre jeudi à 11 h 45", "Ouvre dimanche à 12 h"]);
  console.log(`  à 22 h un lundi : ${all.join(" ; ")}`);
  await page.context().close();
});

test("without JavaScript a card says the hours of the day the page was built, with its date", async () => {
  const page = await newPage({ javaScript: false });
  await page.goto(`${base}/besoin/manger/bordeaux/`);
  const day = await said(page.locator(".card-day").first());
  // The build's day (portal serve builds for today), written out: « Mardi 1er décembre ».
  assert.match(day, /^(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) (1er|\d+) [a-zéû]+$/);
  assert.ok(await page.locator("[data-status]").first().isHidden(), "no status without the script");
  await page.context().close();
});

test("a printed guide keeps its phone numbers and times whole, and carries the emergency numbers", async () => {
  const page = await newPage();
  // The guide is cut into A4 sheets (issue #17), « feuille 1 sur N »: each is read, then
  // printed, and every printed sheet carries the emergency numbers and the site's address.
  const guide = `${base}/associations/commune/bordeaux/guide/`;
  await page.goto(guide);
  const sheets = Number((await page.locator("h1").innerText()).match(/sur (\d+)/)?.[1] ?? 1);
  let html = "";
  let text = "";
  let pages = 0;
  for (let n = 1; n <= sheets; n++) {
    await page.emulateMedia({ media: "screen" });
    if (n > 1) await page.goto(`${guide}page/${n}/`);
    // The text as shown: the no-break spaces are characters there (page.content() writes &nbsp;).
    html += await page.locator("main").innerText();
    const pdf = path.join(WORK, `guide-bordeaux-${n}.pdf`);
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: pdf, format: "A4", printBackground: false });
    // pdftotext (poppler-utils) reads the words as a reader would: a number cut at the end
    // of a line would be split over two lines.
    const sheet = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(NBSP, " ");
    for (const num of ["115", "3919", "119", "15 ", "112", "114"]) assert.ok(sheet.includes(num), `le ${num} manque à la feuille ${n}`);
    assert.match(sheet, /solidarites-gironde\.example\.org/);
    pages += (sheet.match(/\f/g) || []).length;
    text += sheet;
  }
  const phones = [...new Set([...html.matchAll(/Tél\. ((?:\d\d\u00a0){4}\d\d)/g)].map((m) => m[1].replace(NBSP, " ")))];
  const times = [...new Set([...html.matchAll(/\b\d{1,2}\u00a0h(?:\u00a0\d\d)?/g)].map((m) => m[0].replace(NBSP, " ")))];
  assert.ok(phones.length >= 5 && times.length >= 5, `${phones.length} numéros, ${times.length} heures`);
  const lines = text.split("\n");
  const whole = (s) => lines.some((l) => l.includes(s));
  const cut = [...phones, ...times].filter((s) => !whole(s));
  console.log(`  PDF du guide de Bordeaux : ${sheets} feuille(s), ${pages} page(s), ${phones.length} numéros et ${times.length} heures, tous entiers sur une ligne : ${cut.length === 0 ? "oui" : cut.join(", ")}`);
  console.log(`  extrait : ${lines.find((l) => l.includes(phones[0])).trim()}`);
  assert.deepEqual(cut, [], "numéros ou heures coupés en fin de ligne");
  await page.context().close();
});

test("a place's coordinates without typing them: the commune's centre, a click on the map", async () => {
  const page = await newPage();
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) outside.push(r.url()); });
  // The tiles cannot be reached here: answered as unavailable, the map takes clicks all the same.
  await page.route(/tile\.openstreetmap\.org/, (r) => r.abort());
  await page.goto(`${base}/proposer/association/`);
  await page.fill("#f-locations-0-city", "Merignac");
  await page.click("#locate-commune");
  await page.getByText("Centre de Mérignac").waitFor();
  assert.equal(await page.inputValue("#f-locations-0-geo-0"), "44.83220");
  assert.equal(await page.inputValue("#f-locations-0-geo-1"), "-0.68180");
  await page.click("#locate-map");
  await page.locator("#locate-box.leaflet-container").waitFor();
  const box = await page.locator("#locate-box").boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByText("Lieu placé sur la carte").waitFor();
  const [lat, lon] = [Number(await page.inputValue("#f-locations-0-geo-0")), Number(await page.inputValue("#f-locations-0-geo-1"))];
  assert.ok(Math.abs(lat - 44.8322) < 0.05 && Math.abs(lon + 0.6818) < 0.05, `${lat}, ${lon}`);
  // The address service is off by default (site.toml): no button, and nothing asked of it.
  assert.equal(await page.locator("#locate-address").count(), 0);
  assert.deepEqual(outside.filter((u) => !/tile\.openstreetmap\.org/.test(u)), []);
  console.log(`  commune « Merignac » → 44.83220, -0.68180 ; un clic sur la carte → ${lat.toFixed(5)}, ${lon.toFixed(5)}`);
  assert.deepEqual(page.errors.filter((e) => !/tile/.test(e)), []);
  await page.context().close();
});

test("plain words find help: manger, dormir, douche, repas gratuit, samedi, and a near miss", async () => {
  const page = await newPage();
  await page.goto(`${base}/recherche/`);
  const search = async (q) => {
    // The previous answer cleared first: the status then says this query's.
    await page.fill("#q", "");
    await page.waitForFunction(() => document.getElementById("search-status").textContent === "");
    await page.fill("#q", q);
    await page.press("#q", "Enter");
    await page.waitForFunction(() => /résultat|Aucun/.test(document.getElementById("search-status").textContent));
    const titles = await page.locator("#results .card-title").allInnerTexts();
    return { titles, said: await said(page.locator("#search-status")) };
  };
  const found = {};
  for (const q of ["manger", "dormir", "douche", "repas gratuit", "samedi"]) {
    found[q] = await search(q);
    console.log(`  « ${q} » : ${found[q].said} ${found[q].titles.slice(0, 6).join(" ; ")}`);
  }
  assert.ok(found.manger.titles.includes("Le Panier des Quais") && found.manger.titles.includes("Bol de Nuit"), "aide alimentaire et repas");
  assert.ok(found.dormir.titles.includes("L'Abri du Prieuré"), "hébergement");
  assert.ok(found.douche.titles.includes("L'Escale Hygiène") && found.douche.titles.includes("La Buanderie des Sécheries"), "hygiène");
  // Both words first: free meals; meals that are not free, and other free places, after.
  assert.match(found["repas gratuit"].said, /avec tous les mots, en premier/);
  assert.ok(["La Table Ouverte de Saint-Michel", "Bol de Nuit"].includes(found["repas gratuit"].titles[0]), found["repas gratuit"].titles[0]);
  // Saturday: the places open on Saturdays and the calls of Saturdays.
  assert.ok(found.samedi.titles.includes("Le Panier des Quais"), "ouvert le samedi");
  assert.ok(!found.samedi.titles.includes("Bol de Nuit"), "Bol de Nuit n'ouvre pas le samedi");
  // A near miss: « douhce » finds nothing and offers « douche ».
  const miss = await search("douhce");
  assert.match(miss.said, /^Aucun résultat pour « douhce ».*Vouliez-vous dire « douche » \?$/);
  await page.getByRole("button", { name: "« douche »" }).click();
  await page.waitForFunction(() => /^\d+ résultat/.test(document.getElementById("search-status").textContent));
  assert.equal(await page.inputValue("#q"), "douche");
  console.log(`  « douhce » : ${miss.said}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("without JavaScript the header's search box leads a plain word to its need's places", async () => {
  const page = await newPage({ javaScript: false });
  await page.goto(`${base}/`);
  await page.fill("#site-q", "Manger");
  await page.press("#site-q", "Enter");
  await page.waitForURL(/\/besoin\/manger\/$/);
  assert.match(await said(page.locator("h1")), /Manger/);
  // Another word: the search page, which without JavaScript offers the needs and the rest.
  await page.fill("#site-q", "pommes");
  await page.press("#site-q", "Enter");
  await page.waitForURL(/\/recherche\/\?q=pommes$/);
  await page.getByRole("link", { name: "Se laver" }).first().waitFor();
  await page.context().close();
});
