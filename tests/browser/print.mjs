// Gate 9: each sheet of the printable guides prints on one A4 sheet (Chromium's PDF, with the
// theme's print style), as it says it does.
import assert from 'node:assert/strict';
import { since } from './lib.mjs';

// The pages of a PDF that Chromium writes: one `/Type /Page` object each.
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) || []).length;

export async function printGate(site) {
  const t0 = Date.now();
  const sheets = site.pages.filter((p) => /\/guide\/(page\/\d+\/)?$/.test(p.url));
  assert.ok(sheets.length > 0, 'aucune feuille de guide');
  const context = await site.browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const spilled = [];
  for (const s of sheets) {
    await page.goto(`${site.origin}${s.url}`);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const n = pageCount(pdf);
    if (n !== 1) spilled.push(`${s.url} : ${n} feuilles`);
  }
  await context.close();
  for (const line of spilled) console.log(`  TROP LONG ${line}`);
  console.log(`  ${sheets.length} feuilles de guide imprimées en PDF A4, ${spilled.length} sur plus d'une feuille, en ${since(t0)}`);
  assert.deepEqual(spilled, [], 'feuilles de guide imprimées sur plus d\'une feuille A4');
}
