// Shared helpers of the browser gates: the built site's files, page kinds, references,
// a tiny static server and the Chromium launch settings.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import * as htmlparser2 from 'htmlparser2';

export const CHROMIUM = '/usr/bin/chromium';
// The machine's closed network refuses Chromium's own background connections: turn them off.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The site's settings we need, read from site.toml without a TOML dependency (one key).
export function baseUrl(root) {
  const toml = fs.readFileSync(path.join(root, 'site.toml'), 'utf8');
  const m = toml.match(/^base_url\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('site.toml: base_url not found');
  const u = new URL(m[1].endsWith('/') ? m[1] : m[1] + '/');
  return { origin: u.origin, href: u.href, path: u.pathname }; // path ends with '/'
}

// Every file of the output, relative to it, sorted.
export function files(dir, ext) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!ext || e.name.endsWith(ext)) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

// The URL path of an output file under the site's base path: a/index.html -> /a/.
export function urlOf(rel, basePath) {
  const p = rel.split(path.sep).join('/');
  return basePath + (p === 'index.html' ? '' : p.endsWith('/index.html') ? p.slice(0, -10) : p);
}

// Page kinds, from the path under the base path (first match wins).
const KINDS = [
  [/^$/, 'accueil'],
  [/^404\.html$/, '404'],
  [/^associations\/$/, 'annuaire'],
  [/^associations\/categorie\/[^/]+\/$/, 'catégorie'],
  [/^associations\/commune\/[^/]+\/$/, 'commune'],
  [/^associations\/[^/]+\/$/, 'association'],
  [/^benevolat\/$/, 'liste des appels'],
  [/^benevolat\/[^/]+\/$/, 'appel à bénévoles'],
  [/^ressources\/$/, 'liste des ressources'],
  [/^ressources\/(offres|demandes|besoins)\/$/, 'offres, demandes, besoins'],
  [/^ressources\/categorie\/[^/]+\/$/, 'catégorie de ressources'],
  [/^ressources\/[^/]+\/$/, 'ressource'],
  [/^archives\/$/, 'archives'],
  [/^donnees\/$/, 'données ouvertes'],
];

// The site's HTML pages: { file, url, kind }. A page of no known kind gets its path as
// kind, with '*' for a segment that varies between such pages (/proposer/*/), so that a new
// kind of page shows up by itself in the summaries and in the one-page-per-kind gates.
export function pages(dir, basePath, root) {
  const free = new Set(files(path.join(root, 'content/pages'), '.md').map((f) => f.slice(0, -3) + '/'));
  const langs = otherLanguages(root);
  const list = files(dir, '.html').map((file) => {
    const url = urlOf(file, basePath);
    let rel = url.slice(basePath.length).replace(/page\/\d+\/$/, ''); // pagination
    // A page in another language than the site's (issue #16): the same kinds, under /<code>/.
    const lang = langs.find((l) => rel.startsWith(`${l}/`) || rel === `${l}/`);
    if (lang) rel = rel.slice(lang.length + 1);
    let known = free.has(rel) ? 'page libre' : KINDS.find(([re]) => re.test(rel))?.[1];
    if (known && lang) known = `${known} (${lang})`;
    return { file, url, kind: known, lang: lang || '', segs: rel.split('/') };
  });
  const others = list.filter((p) => !p.kind);
  for (const p of others) {
    const varies = (seg, i) => others.some((o) => o !== p && o.segs.length === p.segs.length
      && o.segs.every((x, j) => (j === i ? x !== seg : x === p.segs[j])));
    const segs = p.segs.map((seg, i) => (p.segs.length > 2 && varies(seg, i) ? '*' : seg));
    p.kind = `autre : ${basePath}${segs.join('/')}${p.lang ? ` (${p.lang})` : ''}`;
  }
  return list.map(({ file, url, kind, lang }) => ({ file, url, kind, lang }));
}

// The languages of site.toml's `languages` but its default one (`language`, French by
// default): those whose pages are under /<code>/.
export function otherLanguages(root) {
  const toml = fs.readFileSync(path.join(root, 'site.toml'), 'utf8');
  const list = toml.match(/^languages\s*=\s*\[([^\]]*)\]/m);
  const own = ownLanguage(root);
  return list ? [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((c) => c !== own) : [];
}

// The site's own language (`language`, French by default), at the site's own addresses.
export function ownLanguage(root) {
  const toml = fs.readFileSync(path.join(root, 'site.toml'), 'utf8');
  return toml.match(/^language\s*=\s*"([^"]+)"/m)?.[1] || 'fr';
}

// One page per kind, the first in path order (for the gates that need not see them all).
export function onePerKind(list) {
  const seen = new Map();
  for (const p of list) if (!seen.has(p.kind)) seen.set(p.kind, p);
  return [...seen.values()];
}

// Every URL an HTML page refers to, with what refers to it: [{ tag, attr, rel, url }].
export function htmlRefs(html) {
  const refs = [];
  const doc = htmlparser2.parseDocument(html);
  for (const el of htmlparser2.DomUtils.findAll(() => true, doc.children)) {
    const a = el.attribs || {};
    const rel = (a.rel || '').toLowerCase();
    for (const attr of ['href', 'src', 'poster', 'data']) {
      if (a[attr] !== undefined) refs.push({ tag: el.name, attr, rel, url: a[attr] });
    }
    for (const attr of ['srcset', 'imagesrcset']) {
      if (a[attr] === undefined) continue;
      for (const cand of a[attr].split(',')) {
        const url = cand.trim().split(/\s+/)[0];
        if (url) refs.push({ tag: el.name, attr, rel, url });
      }
    }
    if (a.style) for (const url of cssUrls(a.style)) refs.push({ tag: el.name, attr: 'style', rel, url });
    if (el.name === 'style') {
      const text = htmlparser2.DomUtils.textContent(el);
      for (const url of cssUrls(text)) refs.push({ tag: 'style', attr: 'url()', rel, url });
    }
  }
  return refs;
}

// The ids of an HTML page's elements (targets of #fragments).
export function htmlIds(html) {
  const els = htmlparser2.DomUtils.findAll((el) => el.attribs?.id !== undefined, htmlparser2.parseDocument(html).children);
  return new Set(els.map((el) => el.attribs.id));
}

// The url(...) and @import "..." references of a style sheet.
export function cssUrls(css) {
  const out = [];
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of noComments.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  for (const m of noComments.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) out.push(m[1] ?? m[2]);
  return out.filter((u) => u && !u.startsWith('data:'));
}

// The output file a URL points to, or null when it is not internal.
// `from` is the URL of the document holding the reference (for relative references).
export function internalFile(url, from, base) {
  if (/^(mailto|tel|data|javascript):/i.test(url)) return null;
  const abs = new URL(url, base.origin + from);
  if (abs.origin !== base.origin || !abs.pathname.startsWith(base.path)) return null;
  let p = decodeURIComponent(abs.pathname.slice(base.path.length));
  if (p === '' || p.endsWith('/')) p += 'index.html';
  return { rel: p, hash: abs.hash.slice(1) };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.json': 'application/json',
  '.geojson': 'application/geo+json', '.csv': 'text/csv; charset=utf-8', '.ics': 'text/calendar',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

// A tiny static server of the output on 127.0.0.1, under the base path; missing paths get
// 404.html with status 404. Text is gzipped when asked, as any production host does.
export function serve(dir, basePath) {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let rel = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : null;
    if (rel !== null && (rel === '' || rel.endsWith('/'))) rel += 'index.html';
    let file = rel === null ? null : path.join(dir, rel);
    let status = 200;
    if (!file || !file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      file = path.join(dir, '404.html');
      status = 404;
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    let body = fs.readFileSync(file);
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    if (/text|xml|json|svg|calendar/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = zlib.gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, origin: `http://127.0.0.1:${server.address().port}` });
  }));
}

// Seconds since t0, for the timings the gates print.
export const since = (t0) => ((Date.now() - t0) / 1000).toFixed(1) + ' s';
