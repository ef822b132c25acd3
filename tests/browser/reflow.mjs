// Gate 9: reflow and touch (WCAG 1.4.10, 1.4.4, 2.5.8). Every page, 320 px wide, with the
// text at 100 % and at 200 % (the root font size doubled before the page's own styles
// apply, as a phone's large-text setting does to a page sized in rem), must not scroll
// sideways; on one page of each kind, what a person taps (cards, phone links, filters, the
// needs' tiles, chips, buttons) is at least 44 px high. Pages run four at a time.
import assert from 'node:assert/strict';
import { onePerKind } from './lib.mjs';

const WIDTH = 320;
const TEXT = [100, 200];
const PARALLEL = 4;
// What a person taps, by selector; a link inside a paragraph of text is exempt (WCAG 2.5.8).
const TAPPED = ['.card-title a', '.card-phone a', '.chips a', '.needs a', '.emergency-list a',
  '.check label', 'button:not([hidden])', '.button', 'a.tel', '.go-links a', '.menu a', '.pagination a'];

// The widest element that sticks out past the viewport's right edge (or left, in a
// right-to-left page), to say what scrolls.
const measure = (page) => page.evaluate((tapped) => {
  const doc = document.documentElement;
  const over = doc.scrollWidth - doc.clientWidth;
  let culprit = null;
  if (over > 0) {
    let worst = 0;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      const out = Math.max(r.right - doc.clientWidth, -r.left);
      if (r.width > 0 && out > worst) { worst = out; culprit = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (${Math.round(out)} px de trop)`; }
    }
  }
  const small = [];
  for (const sel of tapped) {
    for (const el of document.querySelectorAll(sel)) {
      // A card's title link covers its card (style.css): the card is what a person taps.
      const r = (sel === '.card-title a' ? el.closest('.card') || el : el).getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
      if (r.height < 43.5) small.push(`${sel} « ${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)} » (${Math.round(r.height)} px)`);
    }
  }
  return { over, culprit, small, font: getComputedStyle(document.body).fontSize };
}, TAPPED);

export async function reflowGate(site) {
  const kinds = new Set(onePerKind(site.pages).map((p) => p.url));
  const problems = [];
  const done = new Map(TEXT.map((t) => [t, 0]));
  const fonts = new Map();
  for (const text of TEXT) {
    const context = await site.browser.newContext({ viewport: { width: WIDTH, height: 640 }, isMobile: true, hasTouch: true });
    const queue = [...site.pages];
    const worker = async () => {
      const page = await context.newPage();
      for (let p = queue.shift(); p; p = queue.shift()) {
        await page.goto(site.origin + p.url, { waitUntil: 'load' });
        // The root font size doubled over the page's own styles: rem-sized text and boxes
        // grow as with a phone's large-text setting; the page is laid out again.
        if (text !== 100) await page.addStyleTag({ content: `html { font-size: ${text}% !important; }` });
        const m = await measure(page);
        done.set(text, done.get(text) + 1);
        fonts.set(text, m.font);
        if (m.over > 0) problems.push(`${p.url} à ${text} % : défile de ${m.over} px vers la droite, à cause de ${m.culprit}`);
        if (text === 100 && kinds.has(p.url)) {
          for (const s of m.small) problems.push(`${p.url} : cible tactile de moins de 44 px : ${s}`);
        }
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await context.close();
  }
  for (const text of TEXT) console.log(`  ${done.get(text)} pages à ${WIDTH} px, texte à ${text} % (corps du texte ${fonts.get(text)}) : ${problems.filter((p) => p.includes(` à ${text} %`)).length} qui défilent de côté`);
  console.log(`  cibles tactiles vérifiées sur ${kinds.size} pages (une par type) : ${problems.filter((p) => p.includes('cible')).length} trop petites`);
  for (const p of problems.slice(0, 40)) console.log(`  ÉCHEC ${p}`);
  assert.deepEqual(problems, [], 'pages qui défilent de côté ou cibles trop petites');
}
