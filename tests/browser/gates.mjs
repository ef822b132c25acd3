// The browser and validity gates of the built site (issue #5), run one after the other
// (Lighthouse measures time: nothing else may run beside it); each prints its figures.
// Usage: node gates.mjs SITE_ROOT BUILT_SITE_DIR [--large]
// With --large (a synthetic site of a thousand entries, issue #17): the gates that do not
// depend on the bundled content, axe, the HTML checker and reflow on the first and last page
// of each kind, the others on every page.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { baseUrl, onePerKind, pages, serve, since, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';
import { axeGate } from './axe.mjs';
import { skipLinkGate, keyboardJourneyGate } from './keyboard.mjs';
import { vnuGate } from './vnu.mjs';
import { linksGate } from './links.mjs';
import { dataGate } from './data.mjs';
import { weightGate } from './weight.mjs';
import { lighthouseGate } from './lighthouse.mjs';
import { printGate } from './print.mjs';
import { reflowGate } from './reflow.mjs';

const GATES = [
  ['1. axe-core, avec et sans JavaScript, sur chaque page', axeGate],
  ['2. la première tabulation atteint le lien d\'évitement', skipLinkGate],
  ['3. parcours au clavier : distribution alimentaire ouverte le samedi', keyboardJourneyGate],
  ['4. HTML valide (Nu HTML Checker)', vnuGate],
  ['5. liens et ressources internes', linksGate],
  ['6. sorties lisibles par machine', dataGate],
  ['7. poids des pages (gzip) ≤ 50 000 octets', weightGate],
  ['8. Lighthouse : accessibilité 100, performance ≥ 95', lighthouseGate],
  ['9. à 320 px et texte à 200 % : rien ne défile de côté ; cibles tactiles ≥ 44 px', reflowGate],
  ['10. chaque feuille de guide tient sur une feuille A4 imprimée', printGate],
];
// The first and the last page of each kind (in path order: the last pages of long lists).
const sample = (site) => ({ ...site, pages: [...new Set([...onePerKind(site.pages), ...onePerKind([...site.pages].reverse())])] });
const LARGE = [
  ['1. axe-core, avec et sans JavaScript, première et dernière page de chaque type', (site) => axeGate(sample(site))],
  ['4. HTML valide (Nu HTML Checker), première et dernière page de chaque type', (site) => vnuGate(sample(site))],
  ['5. liens et ressources internes', linksGate],
  ['6. sorties lisibles par machine', dataGate],
  ['7. poids des pages (gzip) ≤ 50 000 octets', weightGate],
  ['9. à 320 px et texte à 200 %, première et dernière page de chaque type', (site) => reflowGate(sample(site))],
  ['10. chaque feuille de guide tient sur une feuille A4 imprimée', printGate],
];

const large = process.argv.includes('--large');
const [root, out] = process.argv.slice(2).filter((a) => a !== '--large').map((p) => path.resolve(p));
if (!root || !out) throw new Error('usage: node gates.mjs SITE_ROOT BUILT_SITE_DIR');

// What every gate gets: the output folder, base URL, pages, server origin and browser.
const site = { dir: out, base: baseUrl(root) };
site.pages = pages(site.dir, site.base.path, root);
const { server, origin } = await serve(site.dir, site.base.path);
site.origin = origin;
site.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
console.log(`Site servi sur ${site.origin}${site.base.path} : ${site.pages.length} pages HTML.`);

let passed = 0;
let failed = 0;
// GATES=3,9 runs those gates only (while working on a page; CI runs them all).
const only = process.env.GATES ? process.env.GATES.split(',').map((n) => `${n.trim()}.`) : null;
for (const [name, gate] of (large ? LARGE : GATES).filter(([n]) => !only || only.some((o) => n.startsWith(o)))) {
  console.log(`\n== ${name}`);
  const t0 = Date.now();
  try {
    await gate(site);
    passed += 1;
    console.log(`ok ${name} (${since(t0)})`);
  } catch (e) {
    failed += 1;
    console.log(`ÉCHEC ${name} (${since(t0)}) : ${e.message}`);
  }
}
await site.browser.close();
server.close();
console.log(`\ngates: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
