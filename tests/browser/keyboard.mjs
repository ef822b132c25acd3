// Gates 2 and 3: the skip link is the first Tab stop, and a keyboard-only journey.
import assert from 'node:assert/strict';
import { onePerKind } from './lib.mjs';

// The focused element, as a person sees it: tag, link target, text, and whether it is shown.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute('href'),
    text: el.textContent.trim().replace(/\s+/g, ' '),
    shown: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.top < innerHeight && r.left < innerWidth,
  };
});

export async function skipLinkGate(site) {
  const problems = [];
  const kinds = onePerKind(site.pages);
  const w = Math.max(...kinds.map((p) => p.kind.length));
  const lines = new Map();
  // Three pages at a time, each in a tab of its own; the lines printed in the pages' order.
  const queue = [...kinds];
  const worker = async () => {
    const page = await (await site.browser.newContext()).newPage();
    for (let p = queue.shift(); p; p = queue.shift()) {
      await page.goto(site.origin + p.url);
      await page.keyboard.press('Tab');
      const link = await focused(page);
      const target = link.href?.startsWith('#') ? link.href.slice(1) : null;
      const exists = target && await page.evaluate((id) => !!document.getElementById(id), target);
      let after = null;
      if (exists) {
        await page.keyboard.press('Enter');
        after = await focused(page);
      }
      const ok = link.tag === 'a' && link.shown && exists && after?.id === target;
      lines.set(p, `  ${ok ? 'ok    ' : 'ÉCHEC '} ${p.kind.padEnd(w)} ${p.url} : Tab → « ${link.text} » (${link.href}, ${link.shown ? 'visible' : 'invisible'}), Entrée → focus sur #${after?.id || '?'}`);
      if (!ok) problems.push(p.url);
    }
    await page.context().close();
  };
  await Promise.all([worker(), worker(), worker()]);
  for (const p of kinds) console.log(lines.get(p));
  assert.deepEqual(problems, [], 'pages dont la première tabulation ne mène pas au contenu');
}

// Presses Tab until `want(focused)` holds; returns the number of presses. Going past the
// end of the page (focus back on the document) fails: no wrapping round to try again.
async function tabTo(page, what, want, max = 100) {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (await want(f)) return n;
    if (f.tag === 'body') break;
  }
  throw new Error(`au clavier : « ${what} » pas atteint sur ${page.url()}`);
}

// Presses Enter on the focused link and waits for the next page (or the same page's anchor).
async function follow(page) {
  const from = page.url();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.href !== from);
  await page.waitForLoadState('load');
}

// The bundled content's journey: a food distribution open on Saturday in Bordeaux.
const CATEGORY = 'Distribution alimentaire';
const COMMUNE = 'Bordeaux';
const DAY = 'Samedi';

export async function keyboardJourneyGate(site) {
  const page = await (await site.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const steps = [];
  let keys = 0;
  const step = (what, n) => { keys += n; steps.push(`${what} : ${n} touche(s)`); };
  // Skip link (Tab, Enter), so that Tab goes on from the page's own content.
  const skip = async () => {
    const n = await tabTo(page, 'lien d\'évitement', (f) => f.href === '#contenu', 1);
    await page.keyboard.press('Enter');
    step(`${new URL(page.url()).pathname} lien d'évitement`, n + 1);
  };

  await page.goto(site.origin + site.base.path); // the only goto: from here on, keys only
  await skip();
  step(`accueil → « ${CATEGORY} »`, await tabTo(page, CATEGORY, (f) => f.tag === 'a' && f.text.startsWith(CATEGORY)) + 1);
  await follow(page);

  await skip();
  // The person reads each card's commune line and picks the first in Bordeaux.
  const n = await tabTo(page, `une fiche à ${COMMUNE}`, () => page.evaluate((commune) => {
    const card = document.activeElement.closest('article');
    return !!card && (card.querySelector('.meta')?.textContent || '').includes(commune);
  }, COMMUNE));
  const chosen = (await focused(page)).text;
  step(`catégorie → fiche « ${chosen} »`, n + 1);
  await follow(page);

  await skip();
  // Tab to the place in that commune (its first link, in the address)…
  const inPlace = () => page.evaluate((commune) => {
    const heading = document.activeElement.closest('section.location')?.querySelector('h2');
    return (heading?.textContent || '').includes(commune);
  }, COMMUNE);
  step(`fiche → lieu à ${COMMUNE}`, await tabTo(page, `le lieu à ${COMMUNE}`, inPlace));
  // …then scroll with ↓ to the Saturday row of its hours table: a table is not a Tab stop
  // (nothing to operate), and the next Tab stop lies past it, far down the page.
  const row = page.locator('section.location', { hasText: COMMUNE })
    .locator('table.hours tr', { has: page.locator('th', { hasText: DAY }) }).first();
  const seen = () => row.evaluate((tr) => {
    const r = tr.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  let arrows = 0;
  while (!(await seen()) && arrows < 40) {
    await page.keyboard.press('ArrowDown');
    arrows += 1;
  }
  step(`lieu → ligne « ${DAY} » des horaires à l'écran (flèche bas)`, arrows);
  assert.ok(await seen(), `ligne « ${DAY} » toujours hors de l'écran après ${arrows} flèches`);

  const place = await row.evaluate((tr) => tr.closest('section').querySelector('h2').textContent);
  const hours = (await row.locator('td').textContent()).trim();
  for (const s of steps) console.log('  ' + s);
  console.log(`  ${keys} touches au total, sans souris : « ${chosen} », ${place}, ${DAY} : ${hours}`);
  assert.match(place, new RegExp(COMMUNE), `le lieu trouvé n'est pas à ${COMMUNE}`);
  assert.match(hours, /\d+\sh/, `${chosen} n'est pas ouvert le ${DAY.toLowerCase()} (« ${hours} »)`);
}
