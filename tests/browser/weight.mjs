// Gate 7: each page, with every asset it makes the browser load, weighs at most 50,000 bytes
// gzipped (node's zlib, default level). Measured from the files the page references.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import assert from 'node:assert/strict';
import { htmlRefs, cssUrls, internalFile } from './lib.mjs';

export const BUDGET = 50_000;
// What a browser fetches when it shows a page (not links to follow, feeds or canonical URLs).
const LOADED_RELS = /\b(stylesheet|icon|apple-touch-icon|preload|modulepreload|manifest)\b/;
const loads = (r) => (r.tag === 'link' ? LOADED_RELS.test(r.rel) && r.attr !== 'style'
  : r.attr !== 'href');

// Each page with what it loads: { ...page, html, assets, total, count } (gzipped bytes).
// Also used by bench/weigh.mjs on the benchmark's large sites.
export function weighPages(site) {
  const gz = new Map();
  const gzipped = (rel) => {
    if (!gz.has(rel)) gz.set(rel, zlib.gzipSync(fs.readFileSync(path.join(site.dir, rel))).length);
    return gz.get(rel);
  };
  // An asset and, for a style sheet, what it loads in turn (url(), @import); each counted once.
  const collect = (url, from, seen) => {
    const target = internalFile(url, from, site.base);
    // A missing file loads nothing (gate 5 reports it).
    if (!target || seen.has(target.rel) || !fs.existsSync(path.join(site.dir, target.rel))) return;
    seen.add(target.rel);
    if (target.rel.endsWith('.css')) {
      const cssUrl = new URL(url, site.base.origin + from).pathname;
      for (const u of cssUrls(fs.readFileSync(path.join(site.dir, target.rel), 'utf8'))) collect(u, cssUrl, seen);
    }
  };
  return site.pages.map((p) => {
    const seen = new Set();
    const html = fs.readFileSync(path.join(site.dir, p.file));
    for (const r of htmlRefs(html.toString('utf8')).filter(loads)) collect(r.url, p.url, seen);
    const assets = [...seen].reduce((n, rel) => n + gzipped(rel), 0);
    const own = zlib.gzipSync(html).length;
    return { ...p, html: own, assets, total: own + assets, count: seen.size, loaded: seen };
  });
}

export async function weightGate(site) {
  const rows = weighPages(site);
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const w = Math.max(...kinds.map((k) => k.length));
  console.log(`  ${'type de page'.padEnd(w)} pages   min (o)   max (o)  page la plus lourde`);
  for (const kind of kinds) {
    const of = rows.filter((r) => r.kind === kind).sort((a, b) => a.total - b.total);
    const max = of[of.length - 1];
    console.log(`  ${kind.padEnd(w)} ${String(of.length).padStart(5)} ${String(of[0].total).padStart(9)} ${String(max.total).padStart(9)}  ${max.url} (HTML ${max.html} + ${max.count} ressources ${max.assets})`);
  }
  const sorted = [...rows].sort((a, b) => a.total - b.total);
  const [min, max] = [sorted[0], sorted[sorted.length - 1]];
  console.log(`  ${rows.length} pages : de ${min.total} o (${min.url}) à ${max.total} o (${max.url}) gzip, budget ${BUDGET} o`);
  const over = rows.filter((r) => r.total > BUDGET);
  for (const r of over) console.log(`  TROP LOURD ${r.url} : ${r.total} o (HTML ${r.html}, ressources ${r.assets})`);
  assert.deepEqual(over.map((r) => r.url), [], 'pages au-delà du budget');
}
