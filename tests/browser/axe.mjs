// Gate 1: axe-core in Chromium on every HTML page of the output, with JavaScript on and off.
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { since } from './lib.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VERSION = createRequire(import.meta.url)('axe-core/package.json').version;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function audit(page) {
  // Only the violations are read: axe then keeps no details of the rules that pass.
  return page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS);
}

// Audits one page both ways; returns its violations as printable lines, and their counts.
async function auditPage(tabs, url) {
  await tabs.on.goto(url);
  const withJs = await audit(tabs.on);

  await tabs.off.goto(url);
  const dom = await tabs.off.evaluate(() => {
    document.querySelectorAll('noscript').forEach((n) => n.replaceWith(...n.childNodes));
    return '<!DOCTYPE html>' + document.documentElement.outerHTML;
  });
  await tabs.replay.route(url, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8', body: dom,
    headers: { 'content-security-policy': "script-src 'none'" },
  }));
  await tabs.replay.goto(url);
  const withoutJs = await audit(tabs.replay);
  await tabs.replay.unroute(url);

  const lines = [];
  const count = {};
  for (const [mode, result] of [['avec JS', withJs], ['sans JS', withoutJs]]) {
    count[mode] = 0;
    for (const v of result.violations) {
      for (const n of v.nodes) {
        count[mode] += 1;
        lines.push(`${url} [${mode}] ${v.id} (${v.impact}) ${n.target.join(' ')} : ${v.help}`);
      }
    }
  }
  return { lines, count };
}

export async function axeGate(site) {
  const t0 = Date.now();
  // axe is in every page of the audited contexts before their own scripts: an init script,
  // which no page's Content-Security-Policy blocks (cheaper than injecting it after load).
  const audited = async () => {
    const context = await site.browser.newContext();
    await context.addInitScript({ content: AXE });
    return context.newPage();
  };
  const tabs = async () => ({
    on: await audited(),
    // Without JavaScript, Chromium runs no script at all, not even axe's own promises and
    // timers (axe.run never settles). So the page is loaded in a javaScriptEnabled:false
    // context, its DOM as such a browser builds it is taken (<noscript> content shown, no
    // script run), and axe audits that DOM at the same URL in a page where the page's own
    // scripts are blocked by CSP (axe, injected through the DevTools protocol, still runs).
    off: await (await site.browser.newContext({ javaScriptEnabled: false })).newPage(),
    replay: await audited(),
  });
  // Pages at a time: Chromium's work on one page overlaps the other's round trips.
  const parallel = Number(process.env.AXE_PARALLEL || 3);
  const queue = [...site.pages];
  const timeByLang = new Map();
  const byKind = new Map();
  const failures = [];
  const worker = async () => {
    const t = await tabs();
    for (let p = queue.shift(); p; p = queue.shift()) {
      const t1 = Date.now();
      const { lines, count } = await auditPage(t, site.origin + p.url);
      timeByLang.set(p.lang, (timeByLang.get(p.lang) || 0) + Date.now() - t1);
      const k = byKind.get(p.kind) || { pages: 0, on: 0, off: 0 };
      byKind.set(p.kind, { pages: k.pages + 1, on: k.on + count['avec JS'], off: k.off + count['sans JS'] });
      failures.push(...lines);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));

  const w = Math.max(...[...byKind.keys()].map((k) => k.length));
  console.log(`  ${'type de page'.padEnd(w)} pages  violations avec JS  sans JS`);
  for (const [kind, k] of [...byKind].sort()) {
    console.log(`  ${kind.padEnd(w)} ${String(k.pages).padStart(5)}  ${String(k.on).padStart(18)}  ${String(k.off).padStart(7)}`);
  }
  console.log(`  axe-core ${VERSION} (${TAGS.join(', ')}) : ${site.pages.length} pages × 2 en ${since(t0)}, ${parallel} à la fois`);
  console.log(`  temps des pages par langue (somme) : ${[...timeByLang].map(([l, ms]) => `${l || 'langue du site'} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  for (const f of failures) console.log('  VIOLATION ' + f);
  assert.equal(failures.length, 0, `${failures.length} violations axe-core`);
}
