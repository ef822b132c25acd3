// Gate 4: the Nu HTML Checker (vnu.jar, from npm, run with java) on every HTML page at once.
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { since } from './lib.mjs';

const require = createRequire(import.meta.url);
const JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

export async function vnuGate(site) {
  const t0 = Date.now();
  const files = site.pages.map((p) => path.join(site.dir, p.file));
  let report;
  try {
    // Exit status 1 when there are errors: the JSON report on stderr says which.
    execFileSync('java', ['-jar', JAR, '--errors-only', '--format', 'json', ...files], { stdio: 'pipe' });
    report = { messages: [] };
  } catch (e) {
    if (!e.stderr?.length) throw e;
    report = JSON.parse(e.stderr.toString());
  }
  const errors = report.messages.filter((m) => m.type !== 'info'); // error or non-document-error
  for (const m of errors) {
    console.log(`  ERREUR ${path.relative(site.dir, new URL(m.url).pathname)}:${m.lastLine}:${m.lastColumn} ${m.message} « ${(m.extract || '').trim()} »`);
  }
  const version = require('vnu-jar/package.json').version;
  console.log(`  vnu ${version} : ${files.length} pages HTML vérifiées, ${errors.length} erreur(s), en ${since(t0)}`);
  assert.equal(errors.length, 0, `${errors.length} erreurs HTML`);
}
