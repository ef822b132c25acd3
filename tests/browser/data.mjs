// Gate 6: the machine-readable outputs parse with real parsers, and agree with the pages.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { check as checkGeoJSON } from '@placemarkio/check-geojson';
import { parse as parseCsv } from 'csv-parse/sync';
import { files, internalFile } from './lib.mjs';

const read = (site, rel) => fs.readFileSync(path.join(site.dir, rel), 'utf8');
const list = (x) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// Well-formed XML (line and column on failure), parsed.
function xml(site, rel) {
  const text = read(site, rel);
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `${rel} : XML mal formé ${JSON.stringify(valid.err)}`);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(text);
}

// The output page an absolute URL of the site points to (or fails).
function page(site, url, where) {
  const target = internalFile(url, site.base.path, site.base);
  assert.ok(target && fs.existsSync(path.join(site.dir, target.rel)), `${where} : ${url} ne mène à aucun fichier du site`);
  return target.rel;
}

function sitemap(site) {
  const doc = xml(site, 'sitemap.xml');
  assert.equal(doc.urlset?.['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
  const locs = list(doc.urlset.url).map((u) => page(site, u.loc, 'sitemap.xml'));
  // Every page meant for search engines is listed: not noindex, not disallowed in robots.txt.
  const disallowed = [...read(site, 'robots.txt').matchAll(/^Disallow:\s*(\S+)/gm)].map((m) => m[1]);
  const indexable = site.pages.filter((p) => !/<meta[^>]*content="?noindex/.test(read(site, p.file))
    && !disallowed.some((d) => p.url.startsWith(d))).map((p) => p.file);
  assert.deepEqual([...locs].sort(), [...indexable].sort(), 'sitemap.xml ≠ pages indexables');
  return `sitemap.xml : ${locs.length} URL, toutes les pages indexables`;
}

function atom(site, rel) {
  const feed = xml(site, rel).feed;
  assert.equal(feed?.['@xmlns'], 'http://www.w3.org/2005/Atom', `${rel} : pas un flux Atom`);
  for (const k of ['id', 'title', 'updated']) assert.ok(feed[k], `${rel} : <${k}> manque`);
  const entries = list(feed.entry);
  for (const e of entries) {
    for (const k of ['id', 'title', 'updated']) assert.ok(e[k], `${rel} : une entrée sans <${k}>`);
    assert.match(e.updated, RFC3339, `${rel} : date non RFC 3339`);
    for (const l of list(e.link).filter((l) => (l['@rel'] || 'alternate') === 'alternate')) page(site, l['@href'], rel);
  }
  assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, `${rel} : id en double`);
  return `${rel} : flux Atom, ${entries.length} entrées`;
}

function icalendar(site, rel) {
  const cal = new ICAL.Component(ICAL.parse(read(site, rel)));
  assert.equal(cal.name, 'vcalendar');
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.ok(events.length > 0, `${rel} : aucun créneau`);
  let recurring = 0;
  for (const ev of events) {
    assert.ok(ev.uid && ev.summary && ev.startDate, `${rel} : VEVENT incomplet ${ev.uid}`);
    assert.ok(!ev.endDate || ev.endDate.compare(ev.startDate) >= 0, `${rel} : ${ev.uid} finit avant de commencer`);
    if (ev.isRecurring()) { recurring += 1; assert.ok(ev.iterator().next(), `${rel} : ${ev.uid} : la RRULE ne donne aucune occurrence (UNTIL avant DTSTART ?)`); }
  }
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length, `${rel} : UID en double`);
  return `${rel} : iCalendar, ${events.length} créneaux dont ${recurring} récurrents (RRULE)`;
}

function opendata(site) {
  const json = JSON.parse(read(site, 'donnees/associations.json'));
  const assos = json.associations;
  // One association in the data for each association page, and the other way round.
  const pagesOf = site.pages.filter((p) => p.kind === 'association').map((p) => p.file).sort();
  assert.deepEqual(assos.map((a) => page(site, a.url, 'associations.json')).sort(), pagesOf, 'associations.json ≠ pages d\'association');

  const geo = checkGeoJSON(read(site, 'donnees/associations.geojson')); // throws on invalid GeoJSON
  assert.equal(geo.type, 'FeatureCollection');
  const places = assos.flatMap((a) => a.locations.filter((l) => l.geo));
  assert.equal(geo.features.length, places.length, 'GeoJSON : un point par lieu géolocalisé');
  for (const f of geo.features) assert.equal(f.geometry.type, 'Point');

  // The CSV has one row per place (one for an association without a place).
  const rows = parseCsv(read(site, 'donnees/associations.csv'), { columns: true, bom: true });
  const header = Object.keys(rows[0] || {});
  for (const col of ['slug', 'nom', 'commune', 'latitude', 'longitude', 'horaires', 'url']) assert.ok(header.includes(col), `CSV : colonne ${col} absente`);
  assert.equal(new Set(rows.map((r) => r.slug)).size, assos.length, 'CSV : autant d\'associations que le JSON');
  for (const a of assos) assert.equal(rows.filter((r) => r.slug === a.slug).length, Math.max(1, a.locations.length), `CSV : lignes de ${a.slug}`);
  return `données : JSON ${assos.length} associations = ${pagesOf.length} pages ; GeoJSON valide, ${geo.features.length} points ; CSV ${header.length} colonnes, ${rows.length} lignes (une par lieu) pour ${assos.length} associations`;
}

export async function dataGate(site) {
  // Every .xml but the sitemap (and its parts, on a large site) is an Atom feed, every .ics a
  // calendar.
  const feeds = files(site.dir, '.xml').filter((f) => !/^sitemap(-\d+)?\.xml$/.test(f));
  const calendars = files(site.dir, '.ics');
  assert.ok(feeds.length > 0 && calendars.length > 0, 'aucun flux ou calendrier trouvé');
  const lines = [sitemap(site), ...feeds.map((f) => atom(site, f)), ...calendars.map((f) => icalendar(site, f)), opendata(site)];
  for (const l of lines) console.log('  ' + l);
}
