// The exchange in Chromium (issue #14), against `portal serve` on its own copy of the test
// site, sending its e-mails to the real SMTP server of tests/smtp (aiosmtpd): a volunteer
// signs up without JavaScript; the association opens the link of the e-mail it received
// and sees the sign-up; with JavaScript the call's page shows the places left; a
// cancellation gives the place to the first person waiting, who receives an e-mail; an
// association reserves an offer, the publisher accepts from its e-mail, the offer's page
// says « Réservée »; after `portal import` (portal serve rebuilds) so does the static page.
// The functions' pages pass axe.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import * as h from "./lib.mjs";

const MAILDIR = process.env.PORTAL_TEST_MAILDIR;
const SMTP = process.env.PORTAL_TEST_SMTP;
if (!MAILDIR || !SMTP) throw new Error("lancez ces tests avec tests/e2e/run (qui démarre tests/smtp)");
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const ROOT = path.join(h.WORK, "exchange-site");
const CALL = "e2e-soupe-solidaire";
const OFFER = "e2e-legumes";
const SLOT_DAY = h.inDays(12);
const ASSO = "benevolat-e2e@epicerie-du-port.example";
// What the first test leaves for the second: Alix's own page.
const shared = {};
// The functions' pages and the e-mails' HTML parts, as served and sent, for the Nu HTML
// Checker at the end.
const VNU_DIR = path.join(h.WORK, "exchange-vnu");
fs.mkdirSync(VNU_DIR, { recursive: true });
const keepPage = async (name, url) =>
  fs.writeFileSync(path.join(VNU_DIR, `${name}.html`), await (await fetch(url, { headers: { Accept: "text/html" } })).text());
const keepMail = (name, message) =>
  fs.writeFileSync(path.join(VNU_DIR, `${name}.html`), message.match(/<!doctype html>[\s\S]*?<\/html>/i)[0]);
const run = (...args) => execFileSync(h.PORTAL, ["--root", ROOT, ...args], { encoding: "utf8" });

/** Quoted-printable decoded, as a mail reader shows it. */
const unQp = (text) => Buffer.from(
  text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, x) => String.fromCharCode(parseInt(x, 16))),
  "latin1").toString("utf8");

/** The message to `to` whose decoded text matches `re`, as received; waits 10 s at most. */
async function received(to, re) {
  const start = Date.now();
  for (;;) {
    for (const name of fs.readdirSync(MAILDIR).filter((n) => n.endsWith(".eml")).sort()) {
      const raw = fs.readFileSync(path.join(MAILDIR, name), "utf8");
      if (raw.includes(`To: ${to}`) && re.test(unQp(raw))) return unQp(raw);
    }
    if (Date.now() - start > 10_000) assert.fail(`aucun message à ${to} (${re})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const linkIn = (text, prefix) => text.match(new RegExp(`https?://[^\\s"<]*${prefix}[^\\s"<]*`))[0].replace(/&amp;/g, "&");

/**
 * axe on `url`, in a page of its own: JavaScript runs (axe needs it), but without
 * `scripts` the site's own scripts are refused, as a browser without JavaScript shows it.
 */
async function axe(url, what, { scripts = true } = {}) {
  const page = await h.newPage();
  if (!scripts) await page.route(/\.js(\?|$)/, (r) => r.abort());
  await page.goto(url, { waitUntil: "networkidle" });
  await page.evaluate(AXE);
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  const violations = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(" ")} : ${v.help}`));
  assert.deepEqual(violations, [], what);
  await page.context().close();
}

/** Signs up on the call's page; returns the volunteer's own page's URL. */
async function signUp(page, name, email) {
  await page.goto(`${h.base}/benevolat/${CALL}/`);
  await page.check('input[name="slot"]');
  await page.fill("#s-first-name", name);
  await page.fill("#s-email", email);
  await page.fill("#s-phone", "06 98 76 54 32");
  await page.check("#s-consent");
  // Past the fill time (the token is empty without JavaScript: not measured then).
  await page.waitForTimeout(h.MIN_FILL_MS + 300);
  await Promise.all([page.waitForURL(/\/api\/signups\/[0-9a-f]+\?key=/), page.click(".signup button[type=submit]")]);
  return page.url();
}

before(async () => {
  fs.cpSync(h.SITE, ROOT, { recursive: true });
  fs.appendFileSync(path.join(ROOT, "site.toml"), `\n[mail]\nfrom = "Portail e2e <portail@e2e.example>"\nsmtp = "${SMTP}"\n`);
  fs.writeFileSync(path.join(ROOT, `content/benevolat/${CALL}.md`),
    `---\ntitle: Soupe solidaire du jeudi\nassociation: epicerie-du-port\nslots:\n  - {date: ${SLOT_DAY}, start: "18:00", end: "21:00", volunteers: 2}\n---\nÉplucher, cuisiner, servir.\n`);
  fs.writeFileSync(path.join(ROOT, `content/ressources/${OFFER}.md`),
    `---\ntitle: 30 kg de légumes d'hiver\nassociation: epicerie-du-port\nkind: offer\ncategory: food\nquantity: {amount: 30, unit: kg}\nexpires: ${h.inDays(9)}\ncold_chain: false\n---\nPoireaux et courges, à retirer au local.\n`);
  run("associations", "notify", "epicerie-du-port", ASSO);
  await h.serveSite(ROOT);
});
after(async () => {
  await h.closeBrowser();
  await h.stopServer();
});

test("sans JavaScript : une inscription, sa page, la page de l'association ouverte depuis l'e-mail", async () => {
  const page = await h.newPage({ javaScript: false });
  await page.goto(`${h.base}/benevolat/${CALL}/`);
  assert.match(await page.locator(".signup").innerText(), /2 places prévues/);
  const own = await signUp(page, "Alix", "alix.e2e@benevoles.example");
  assert.match(await page.locator("main").innerText(), /Merci, votre inscription est enregistrée/);
  assert.match(await page.locator("main").innerText(), /Votre place est confirmée/);
  await axe(own, "la page du bénévole");
  await keepPage("page-benevole", own);
  shared.own = own;

  const mail = await received(ASSO, /Nouvelle inscription : Alix/);
  keepMail("mail-inscription", mail);
  const link = linkIn(mail, "/api/publisher/calls/");
  shared.callLink = link;
  await keepPage("page-association-appel", link);
  const asso = await h.newPage({ javaScript: false });
  await asso.goto(link);
  const seen = await asso.locator("main").innerText();
  assert.match(seen, /Alix/);
  assert.match(seen, /alix\.e2e@benevoles\.example/);
  assert.match(seen, /1 confirmé·es sur 2 places, 0 en attente/);
  await axe(link, "la page de l'association");
  await axe(`${h.base}/benevolat/${CALL}/`, "la page de l'appel, sans JavaScript", { scripts: false });
  assert.deepEqual([...page.errors, ...asso.errors], []);
});

test("avec JavaScript : places restantes, liste d'attente, une annulation promeut et prévient", async () => {
  const page = await h.newPage();
  await page.goto(`${h.base}/benevolat/${CALL}/`);
  await page.locator(".places-left").filter({ hasText: "il reste 1 place" }).waitFor();
  await axe(`${h.base}/benevolat/${CALL}/`, "la page de l'appel, avec JavaScript");
  await signUp(page, "Basile", "basile.e2e@benevoles.example");
  assert.match(await page.locator("main").innerText(), /Votre place est confirmée/);
  const third = await h.newPage();
  await third.goto(`${h.base}/benevolat/${CALL}/`);
  await third.locator(".places-left").filter({ hasText: "complet" }).waitFor();
  const waiting = await signUp(third, "Camille", "camille.e2e@benevoles.example");
  assert.match(await third.locator("main").innerText(), /liste d'attente/);

  // Alix cancels from her own page: Camille gets the place and an e-mail saying so.
  const alix = await h.newPage();
  await alix.goto(shared.own);
  await Promise.all([alix.waitForURL(/annule=1/), alix.click("main form button")]);
  assert.match(await alix.locator("main").innerText(), /Votre annulation est enregistrée/);
  const told = await received("camille.e2e@benevoles.example", /une place s'est libérée/);
  assert.match(told, /elle est à vous/);
  keepMail("mail-promotion", told);
  await third.goto(waiting);
  assert.match(await third.locator("main").innerText(), /Votre place est confirmée/);
  assert.deepEqual([...page.errors, ...third.errors, ...alix.errors], []);
});

test("une association réserve une offre, l'association qui publie accepte : « Réservée », puis portal import", async () => {
  const page = await h.newPage();
  await page.goto(`${h.base}/ressources/${OFFER}/`);
  await page.fill("#a-association", "Les Restos du quai");
  await page.fill("#a-name", "Dominique");
  await page.fill("#a-email", "dominique.e2e@associations.example");
  await page.fill("#a-quantity", "30 kg");
  await page.fill("#a-when", "mardi 10 h");
  await page.waitForFunction(() => document.querySelector("form[data-answer]")._token.value !== "");
  await page.waitForTimeout(h.MIN_FILL_MS + 300);
  await Promise.all([page.waitForURL(/\/api\/listings\/[^/]+\/answers\/[0-9a-f]+\?key=/), page.click(".answer button[type=submit]")]);
  assert.match(await page.locator("main").innerText(), /en attente de la réponse/);

  const mail = await received(ASSO, /Les Restos du quai souhaite réserver/);
  const publisher = await h.newPage();
  await publisher.goto(linkIn(mail, "/api/publisher/listings/"));
  await axe(publisher.url(), "la page des réponses");
  await keepPage("page-association-annonce", publisher.url());
  keepMail("mail-reponse", mail);
  await keepPage("page-reponse", page.url());
  await Promise.all([publisher.waitForURL(/fait=accept/), publisher.click("button:has-text('Accepter')")]);
  assert.match(await publisher.locator("main").innerText(), /Offre réservée/);
  keepMail("mail-acceptee", await received("dominique.e2e@associations.example", /a accepté votre réponse/));

  // With JavaScript, at once (a fresh browser: nothing cached of the state).
  const fresh = await h.newPage();
  await fresh.goto(`${h.base}/ressources/${OFFER}/`);
  await fresh.locator("[data-listing-state]").filter({ hasText: "Réservée" }).waitFor();
  await axe(`${h.base}/ressources/${OFFER}/`, "l'offre réservée, avec JavaScript");

  // portal import writes it into content/; portal serve rebuilds: the page without
  // JavaScript says it too.
  assert.match(run("import"), new RegExp(`content/ressources/${OFFER}\\.md passe à « reserved »`));
  const plain = await h.newPage({ javaScript: false });
  const start = Date.now();
  for (;;) {
    await plain.goto(`${h.base}/ressources/${OFFER}/`);
    if (/Réservé/.test(await plain.locator("main").innerText())) break;
    assert.ok(Date.now() - start < 15_000, "la page statique n'a jamais dit « Réservé »");
    await plain.waitForTimeout(300);
  }
  await axe(`${h.base}/ressources/${OFFER}/`, "l'offre réservée, sans JavaScript", { scripts: false });
  assert.deepEqual([...page.errors, ...publisher.errors, ...fresh.errors], []);
});

test("modération : les nombres sans coordonnées, une inscription effacée, les liens révoqués", async () => {
  const page = await h.newPage();
  await page.goto(`${h.base}/moderation/`);
  await page.fill("#token", h.TOKEN);
  await page.click("#login button");
  await page.locator("#queue").waitFor();
  await page.fill("#x-call-slug", CALL);
  await page.click("#x-call button");
  await page.locator("#x-result li").first().waitFor();
  const shown = await page.locator("#exchange").innerText();
  assert.match(shown, /2 confirmé·es, 0 en attente/);
  assert.doesNotMatch(shown, /@|06 98/, "no contact on the moderation page");
  await page.locator("#x-result button").first().click();
  await page.locator("#x-status").filter({ hasText: "Inscription effacée" }).waitFor();
  await page.locator("#exchange").filter({ hasText: "1 confirmé·es" }).waitFor();
  await page.fill("#x-revoke-slug", "epicerie-du-port");
  await page.click("#x-revoke button");
  await page.locator("#x-status").filter({ hasText: "ne s'ouvrent plus" }).waitFor();
  assert.equal((await fetch(shared.callLink)).status, 403);
  assert.deepEqual(page.errors, []);
});

test("pages des fonctions et e-mails : HTML valide (Nu HTML Checker)", () => {
  // The checker tests/browser/run installs (tests/run runs it before these tests).
  const jar = path.join(process.env.ROOT, "tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
  assert.ok(fs.existsSync(jar), `${jar} manque : lancez tests/browser/run une fois (il installe vnu)`);
  const files = fs.readdirSync(VNU_DIR).map((f) => path.join(VNU_DIR, f));
  assert.ok(files.length >= 8, `${files.length} fichiers`);
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", ...files], { stdio: "pipe" });
  } catch (e) {
    assert.fail(`vnu : ${e.stderr}`);
  }
});
