// The browser and validity gates of the built site (issue #5), run one after the other
// (Lighthouse measures time: nothing else may run beside it); each prints its figures.
// Usage: node gates.mjs SITE_ROOT BUILT_SITE_DIR [--large]
// With --large (a synthetic site of a thousand entries, issue #17): the gates that do not
// depend on the bundled content, axe, the HTML checker and reflow on the first and last page
// of each kind, the others on every page.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { baseUrl, onePerKind, otherLanguages, ownLanguage, pages, serve, since, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';
import { axeGate } from './axe.mjs';
import { skipLinkGate, keyboardJourneyGate } from './keyboard.mjs';
import { vnuGate } from './vnu.mjs';
import { linksGate } from './links.mjs';
import { dataGate } from './data.mjs';
import { weightGate } from './weight.mjs';
import { lighthouseGate } from './lighthouse.mjs';
import { printGate, sheetsOf } from './print.mjs';
import { reflowGate } from './reflow.mjs';

const all = (site) => site.pages;
// The first and the last page of each kind (in path order: the last pages of long lists).
const sample = (site) => [...new Set([...onePerKind(site.pages), ...onePerKind([...site.pages].reverse())])];
// Every page of the site's own language, and in each other language (issue #16) one page of
// each kind: the same templates with other words; a kind's other pages differ from it by
// their content only, which the site's own language has checked on every page.
function languages(site) {
  const own = site.pages.filter((p) => !p.lang);
  return [...own, ...onePerKind(site.pages.filter((p) => p.lang))];
}
// The gates that measure or follow the site's own language only: its pages.
const own = (site) => ({ ...site, pages: site.pages.filter((p) => !p.lang) });
// Each gate: its name, the pages it checks (null: it checks no pages of its own, or picks
// them itself) and the gate.
const GATES = [
  ['1. axe-core, avec et sans JavaScript (chaque page de la langue du site ; dans les autres : une page de chaque type)', languages, axeGate],
  ['2. la première tabulation atteint le lien d\'évitement (une page de chaque type, dans chaque langue)', (s) => onePerKind(s.pages), skipLinkGate],
  ['3. parcours au clavier : distribution alimentaire ouverte le samedi', null, (site) => keyboardJourneyGate(own(site))],
  ['4. HTML valide (Nu HTML Checker, chaque page, dans chaque langue : une seule JVM, quelques secondes)', all, vnuGate],
  ['5. liens et ressources internes (chaque page)', all, linksGate],
  ['6. sorties lisibles par machine', null, dataGate],
  ['7. poids des pages (gzip) ≤ 50 000 octets (chaque page)', all, weightGate],
  ['8. Lighthouse : accessibilité 100, performance ≥ 95', null, (site) => lighthouseGate(own(site))],
  ['9. à 320 px et texte à 200 % : rien ne défile de côté ; cibles tactiles ≥ 44 px (chaque page de la langue du site ; dans les autres : une page de chaque type)', languages, reflowGate],
  ['10. chaque feuille de guide tient sur une feuille A4 imprimée (chaque feuille, dans chaque langue : la longueur des mots change ce qui tient)', (s) => sheetsOf(s.pages), printGate],
];
const LARGE = [
  ['1. axe-core, avec et sans JavaScript, première et dernière page de chaque type', sample, axeGate],
  ['4. HTML valide (Nu HTML Checker), première et dernière page de chaque type', sample, vnuGate],
  ['5. liens et ressources internes', all, linksGate],
  ['6. sorties lisibles par machine', null, dataGate],
  ['7. poids des pages (gzip) ≤ 50 000 octets', all, weightGate],
  ['9. à 320 px et texte à 200 %, première et dernière page de chaque type', sample, reflowGate],
  ['10. chaque feuille de guide tient sur une feuille A4 imprimée', (s) => sheetsOf(s.pages), printGate],
];

// Pages by language, in the site's order of languages: { fr: 233, en: 14, … }.
const byLanguage = (list, codes) => Object.fromEntries(codes.map((c) => [c, list.filter((p) => (p.lang || codes[0]) === c).length]));
const counts = (n) => Object.entries(n).map(([c, k]) => `${c} ${k}`).join(', ');

const large = process.argv.includes('--large');
const [root, out] = process.argv.slice(2).filter((a) => a !== '--large').map((p) => path.resolve(p));
if (!root || !out) throw new Error('usage: node gates.mjs SITE_ROOT BUILT_SITE_DIR');

// What every gate gets: the output folder, base URL, pages, server origin and browser.
const site = { dir: out, base: baseUrl(root) };
site.pages = pages(site.dir, site.base.path, root);
// LANGS=ar,fr keeps the pages of those languages only (while working on one; CI runs all).
if (process.env.LANGS) {
  const keep = process.env.LANGS.split(',').map((c) => c.trim());
  site.pages = site.pages.filter((p) => keep.includes(p.lang || ownLanguage(root)));
}
const { server, origin } = await serve(site.dir, site.base.path);
site.origin = origin;
site.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
console.log(`Site servi sur ${site.origin}${site.base.path} : ${site.pages.length} pages HTML.`);

const codes = [ownLanguage(root), ...otherLanguages(root)];
console.log(`  pages par langue : ${counts(byLanguage(site.pages, codes))}`);

let passed = 0;
let failed = 0;
const summary = [];
// GATES=3,9 runs those gates only (while working on a page; CI runs them all).
const only = process.env.GATES ? process.env.GATES.split(',').map((n) => `${n.trim()}.`) : null;
for (const [name, pick, gate] of (large ? LARGE : GATES).filter(([n]) => !only || only.some((o) => n.startsWith(o)))) {
  console.log(`\n== ${name}`);
  const t0 = Date.now();
  const checked = pick ? pick(site) : null;
  if (checked) console.log(`  ${checked.length} des ${site.pages.length} pages : ${counts(byLanguage(checked, codes))}`);
  let ok = false;
  try {
    await gate(checked ? { ...site, pages: checked } : site);
    passed += 1;
    ok = true;
    console.log(`ok ${name} (${since(t0)})`);
  } catch (e) {
    failed += 1;
    console.log(`ÉCHEC ${name} (${since(t0)}) : ${e.message}`);
  }
  summary.push({ gate: name.split(' ')[0], ok, time: since(t0), n: checked && byLanguage(checked, codes) });
}
await site.browser.close();
server.close();
// What the closing note of issue #16 shows: each gate's pages in each language, and its time.
console.log(`\n  porte  ${codes.map((c) => c.padStart(5)).join('')}  durée`);
for (const r of summary) {
  console.log(`  ${(r.ok ? '' : '✗ ') + r.gate.padStart(5)}  ${codes.map((c) => String(r.n ? r.n[c] : '—').padStart(5)).join('')}  ${r.time}`);
}
console.log(`\ngates: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
