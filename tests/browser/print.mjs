// Gate 9: each sheet of the printable guides prints on one A4 sheet (Chromium's PDF, with the
// theme's print style), as it says it does.
import assert from 'node:assert/strict';
import { since } from './lib.mjs';

// The pages of a PDF that Chromium writes: one `/Type /Page` object each.
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) || []).length;

// The guides' sheets among pages.
export const sheetsOf = (pages) => pages.filter((p) => /\/guide\/(page\/\d+\/)?$/.test(p.url));

export async function printGate(site) {
  const t0 = Date.now();
  const sheets = sheetsOf(site.pages);
  assert.ok(sheets.length > 0, 'aucune feuille de guide');
  const context = await site.browser.newContext({ locale: 'fr-FR' });
  const spilled = [];
  // Two sheets at a time: Chromium lays one out while the other's PDF is written.
  const queue = [...sheets];
  const worker = async () => {
    const page = await context.newPage();
    for (let s = queue.shift(); s; s = queue.shift()) {
      await page.goto(`${site.origin}${s.url}`);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const n = pageCount(pdf);
      if (n !== 1) spilled.push(`${s.url} : ${n} feuilles`);
    }
  };
  await Promise.all([worker(), worker()]);
  await context.close();
  for (const line of spilled.sort()) console.log(`  TROP LONG ${line}`);
  console.log(`  ${sheets.length} feuilles de guide imprimées en PDF A4, ${spilled.length} sur plus d'une feuille, en ${since(t0)}`);
  assert.deepEqual(spilled, [], 'feuilles de guide imprimées sur plus d\'une feuille A4');
}
