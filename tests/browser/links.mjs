// Gate 5: every internal reference of every page and style sheet resolves to a file of the
// output (and a #fragment to an id of the page it points to). References to the site's own
// absolute address (canonical links, og:url) count as internal; other hosts are not fetched.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { files, htmlRefs, htmlIds, cssUrls, internalFile, urlOf } from './lib.mjs';

export async function linksGate(site) {
  const ids = new Map(); // output file -> the ids of its elements (for #fragments)
  const idsOf = (rel) => {
    if (!ids.has(rel)) {
      ids.set(rel, htmlIds(fs.readFileSync(path.join(site.dir, rel), 'utf8')));
    }
    return ids.get(rel);
  };

  // Each document of the output that can refer to others: HTML pages and style sheets.
  const docs = [
    ...site.pages.map((p) => ({ file: p.file, url: p.url, refs: htmlRefs(fs.readFileSync(path.join(site.dir, p.file), 'utf8')).map((r) => r.url) })),
    ...files(site.dir, '.css').map((f) => ({ file: f, url: urlOf(f, site.base.path), refs: cssUrls(fs.readFileSync(path.join(site.dir, f), 'utf8')) })),
  ];

  let checked = 0; let external = 0;
  const targets = new Set();
  const broken = [];
  for (const doc of docs) {
    for (const url of doc.refs) {
      const target = internalFile(url, doc.url, site.base);
      if (!target) { external += 1; continue; }
      checked += 1;
      targets.add(target.rel);
      const file = path.join(site.dir, target.rel);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) broken.push(`${doc.url} → ${url} (fichier ${target.rel} absent)`);
      else if (target.hash && target.rel.endsWith('.html') && !idsOf(target.rel).has(target.hash)) broken.push(`${doc.url} → ${url} (pas d'id « ${target.hash} »)`);
    }
  }
  for (const b of broken) console.log('  CASSÉ ' + b);
  console.log(`  ${checked} références internes vérifiées (${targets.size} fichiers distincts) dans ${docs.length} documents ; ${external} liens externes non suivis ; ${broken.length} cassée(s)`);
  assert.ok(checked > site.pages.length, 'trop peu de références trouvées : l\'extraction est cassée');
  assert.deepEqual(broken, []);
}
