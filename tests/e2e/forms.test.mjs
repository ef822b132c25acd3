// The forms and the moderation in Chromium, against `portal serve` on a throwaway copy of
// tests/sites/basic (see ./run). The tests run in order: the moderation test decides on
// what the first two submitted.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import * as h from "./lib.mjs";

const STATUS_URL = /\/api\/submissions\/([0-9a-f]+)\/status\?receipt=[0-9a-f]+/;
const submit = (page) => page.locator("form[data-form] button[type=submit]").click();
const text = (page, selector = "main") => page.locator(selector).innerText();

/** Submits a scripted form that should be accepted; on a refusal, fails with its errors. */
async function submitAccepted(page) {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await submit(page);
  const answer = await posted;
  if (answer.status() !== 201) assert.fail(`refusé (${answer.status()}) : ${await answer.text()}`);
  await page.waitForURL(STATUS_URL);
  assert.match(await text(page, "h1"), /Merci/);
}

// What the first tests submitted, for the moderation test: title and status page.
const sent = {};

before(h.startServer);
after(async () => {
  await h.closeBrowser();
  await h.stopServer();
});

/** Fills the offer form with a food offer; `bad` leaves out the use-by date and mistypes the e-mail. */
async function fillOffer(page, title, { bad }) {
  await page.fill("#f-title", title);
  await page.selectOption("#f-association", "epicerie-du-port");
  await page.check("#f-kind input[value=offer]");
  await page.selectOption("#f-category", "food");
  await page.fill("#f-quantity-amount", "25");
  await page.selectOption("#f-quantity-unit", "kg");
  await page.fill("#f-body", "Carottes de la collecte de samedi, à retirer au local du port.");
  await page.fill("#f-expires", bad ? "" : h.inDays(20));
  await page.fill("#f-contact_email", bad ? "pas-une-adresse" : "benevole@example.org");
}

describe("formulaire d'annonce sans JavaScript", () => {
  test("les problèmes sur une page du serveur, Retour garde la saisie, puis Merci", async () => {
    const page = await h.newPage({ javaScript: false });
    await page.goto(`${h.base}/proposer/annonce/`);
    const title = "Test e2e : 25 kg de carottes";
    await fillOffer(page, title, { bad: true });

    // A plain post: the server answers 400 with a page that names each problem in French.
    const [refused] = await Promise.all([page.waitForNavigation(), submit(page)]);
    assert.equal(refused.status(), 400);
    const problems = await text(page);
    assert.match(problems, /Votre proposition n'a pas été envoyée/);
    assert.match(problems, /Il y a 2 problèmes à corriger/);
    // Said with the form's labels, what to do, and never a word of the files (food, offer).
    assert.match(problems, /Date limite de consommation : Remplissez ce champ : la date limite de consommation \(obligatoire pour une offre de denrées\)/);
    assert.match(problems, /Votre adresse e-mail \(non publiée\) : Indiquez une adresse e-mail où vous joindre/);
    assert.doesNotMatch(problems, /\b(food|offer|content\/)/);
    assert.equal(await page.getAttribute(".error-summary", "role"), "alert");

    // Back: the browser restores what was typed, so only the mistakes need retyping.
    await page.goBack();
    assert.equal(await page.inputValue("#f-title"), title);
    assert.equal(await page.inputValue("#f-contact_email"), "pas-une-adresse");
    assert.equal(await page.inputValue("#f-category"), "food");
    assert.ok(await page.isChecked("#f-kind input[value=offer]"));
    assert.match(await page.inputValue("#f-body"), /Carottes de la collecte/);

    await page.fill("#f-expires", h.inDays(20));
    await page.fill("#f-contact_email", "benevole@example.org");
    const [thanks] = await Promise.all([page.waitForNavigation(), submit(page)]);
    // 303 from the post, then the status page.
    assert.equal((await thanks.request().redirectedFrom()?.response())?.status(), 303);
    assert.equal(thanks.status(), 200);
    assert.match(page.url(), STATUS_URL);
    assert.match(await text(page, "h1"), /Merci/);
    assert.match(await text(page), /Statut : en attente de relecture/);
    // The receipt link, to come back later, is on the page.
    const link = await page.getAttribute(".panel a", "href");
    assert.match(link, STATUS_URL);
    // A whole address, to copy: the one the page is at.
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/api\/submissions\//);
    assert.equal(await text(page, ".panel code"), link);
    assert.ok(page.url().includes(link));
    sent.noScript = { title, status: link, id: link.match(STATUS_URL)[1] };
    assert.deepEqual(page.errors, []);
  });
});

describe("formulaire d'annonce avec JavaScript", () => {
  test("trop vite : refusé sans quitter la page", async () => {
    const page = await h.newPage();
    await page.goto(`${h.base}/proposer/annonce/`);
    await fillOffer(page, "Test e2e : envoyée trop vite", { bad: false });
    await submit(page); // well under the site's min_fill_seconds (2)
    await page.locator("#error-summary").waitFor();
    assert.match(await text(page, "#error-summary"), /^Envoi : Formulaire envoyé trop vite \(2 secondes au moins\)/m);
    assert.match(page.url(), /\/proposer\/annonce\/$/);
    assert.ok(!(await h.pending()).some((i) => i.title === "Test e2e : envoyée trop vite"));
    assert.deepEqual(page.errors, []);
  });

  test("résumé des erreurs, message à chaque champ, puis Merci", async () => {
    const page = await h.newPage();
    let navigations = 0;
    page.on("framenavigated", (f) => { if (f === page.mainFrame()) navigations += 1; });
    await page.goto(`${h.base}/proposer/annonce/`);
    const title = "Test e2e : 12 cagettes de tomates";
    await fillOffer(page, title, { bad: true });
    await page.fill("#f-title", ""); // a third problem: a required field left empty
    await h.waitFillTime(page);
    await submit(page);

    // The summary appears at the top, focused, with one link per problem; no navigation.
    const summary = page.locator("#error-summary");
    await summary.waitFor();
    assert.equal(navigations, 1);
    assert.equal(await summary.getAttribute("role"), "alert");
    assert.match(await text(page, "#error-summary h2"), /Il y a 3 problèmes à corriger/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "error-summary");
    const links = await summary.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const fields = ["#f-title", "#f-expires", "#f-contact_email"];
    assert.deepEqual([...links].sort(), [...fields].sort());
    assert.match(await text(page, "#error-summary"), /Date limite de consommation : Remplissez ce champ : la date limite/);

    // Each field in error: marked invalid, its message next to it and read with it.
    for (const id of fields) {
      const input = page.locator(id);
      assert.equal(await input.getAttribute("aria-invalid"), "true", id);
      const message = page.locator(`.field:has(${id}) .error-message`);
      assert.equal(await message.count(), 1, id);
      const messageId = await message.getAttribute("id");
      assert.ok((await input.getAttribute("aria-describedby")).split(" ").includes(messageId), id);
    }
    assert.equal(await page.locator(".error-message").count(), 3);

    // A link of the summary takes the focus to its field.
    await summary.locator('a[href="#f-expires"]').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), "f-expires");

    await page.fill("#f-title", title);
    await page.fill("#f-expires", h.inDays(20));
    await page.fill("#f-contact_email", "benevole@example.org");
    await submitAccepted(page);
    const link = await page.getAttribute(".panel a", "href");
    sent.script = { title, status: link, id: link.match(STATUS_URL)[1] };
    assert.deepEqual(page.errors, []);
  });
});

describe("modération et publication", () => {
  test("file d'attente, acceptation, 409 sur une seconde décision, statut « acceptée »", async () => {
    assert.ok(sent.noScript && sent.script, "les deux annonces des tests précédents");
    const page = await h.newPage();
    await page.goto(`${h.base}/moderation/`);
    await page.fill("#token", h.TOKEN);
    await page.getByRole("button", { name: "Afficher les propositions" }).click();
    await page.locator("#queue").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), "queue-title");

    // Oldest first: the post without JavaScript came first.
    const titles = await page.locator("#queue-list li button").allInnerTexts();
    const first = titles.indexOf(sent.noScript.title);
    assert.ok(first >= 0, `${sent.noScript.title} dans ${titles}`);
    assert.ok(first < titles.indexOf(sent.script.title), titles.join(" | "));
    // Each item says the association and the day the offer stops being of use.
    const item = await page.locator("#queue-list li", { hasText: sent.noScript.title }).innerText();
    assert.match(item, /association : epicerie-du-port · à consommer avant le \d+ \S+ \d{4}/);

    await page.getByRole("button", { name: sent.noScript.title }).click();
    await page.locator("#detail").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), "detail-title");
    assert.match(await text(page, "#detail-title"), /annonce : Test e2e : 25 kg de carottes/);
    // The page as it will be published, by the site's own templates (its h1 two levels
    // down, under the moderation page's), and the file it is written as, folded below.
    await page.locator("#detail-body .preview h3").first().waitFor();
    assert.equal(await text(page, "#detail-body .preview h3"), "Test e2e : 25 kg de carottes");
    assert.match(await text(page, "#detail-body .preview"), /Offre Denrées alimentaires/);
    assert.match(await text(page, "#d-approve-hint"), /publiée telle quelle sur le portail, visible de tous/);
    await page.locator("#detail-body details summary").click();
    const file = await text(page, "#detail-body pre.file");
    assert.match(file, /^title: /m);
    assert.match(file, /^expires: \d{4}-\d\d-\d\d/m);
    assert.doesNotMatch(file, /benevole@example\.org/); // personal data: never in the file
    assert.match(await text(page, "#detail-body"), /contact : benevole@example\.org/);

    await page.check("#d-approve");
    await page.getByRole("button", { name: "Enregistrer la décision" }).click();
    await page.waitForFunction(() => /Décision enregistrée/.test(document.getElementById("status").textContent));
    assert.match(await text(page, "#status"), /est acceptée/);
    await page.locator("#queue").waitFor();
    assert.ok(!(await page.locator("#queue-list li button").allInnerTexts()).includes(sent.noScript.title));

    // The same version decided again (a second moderator, a stale tab): 409, nothing changes.
    const again = await h.moderationApi(`/submissions/${sent.noScript.id}/decision`, {
      method: "POST", body: JSON.stringify({ action: "reject", note: "Trop tard", version: 1 }),
    });
    assert.equal(again.status, 409);

    const status = await h.newPage({ javaScript: false });
    await status.goto(sent.noScript.status); // the whole address the page gave
    assert.match(await text(status, "h1"), /Suivi de votre proposition/);
    assert.match(await text(status), /Statut : acceptée\./);
    assert.deepEqual([...page.errors, ...status.errors], []);
  });

  test("demande de modifications : la note est exigée puis montrée sur la page de suivi", async () => {
    const page = await h.newPage();
    await page.goto(`${h.base}/moderation/`);
    await page.fill("#token", h.TOKEN);
    await page.getByRole("button", { name: "Afficher les propositions" }).click();
    await page.getByRole("button", { name: sent.script.title }).click();
    await page.locator("#detail").waitFor();

    // Without a note the server refuses: the association would not know what to change.
    await page.check("#d-changes");
    await page.getByRole("button", { name: "Enregistrer la décision" }).click();
    await page.waitForFunction(() => /note est nécessaire/.test(document.getElementById("status").textContent));
    assert.ok(await page.locator("#detail").isVisible());

    const note = "Merci de préciser l'adresse du retrait et les horaires.";
    await page.fill("#d-note", note);
    await page.getByRole("button", { name: "Enregistrer la décision" }).click();
    await page.waitForFunction(() => /Décision enregistrée/.test(document.getElementById("status").textContent));
    assert.match(await text(page, "#status"), /est à modifier/);

    const status = await h.newPage({ javaScript: false });
    await status.goto(sent.script.status);
    assert.match(await text(status), /Statut : à modifier\./);
    assert.equal(await text(status, "blockquote"), note);
    assert.deepEqual([...page.errors, ...status.errors], []);
  });

  test("portal import puis portal build publient l'offre acceptée", async () => {
    // The embedded store is locked by the running server: stop it for the import.
    await h.stopServer();
    try {
      const out = h.portal("import");
      const m = out.match(/^Ajouté : (content\/ressources\/([a-z0-9-]+)\.md) \(proposition ([0-9a-f]+)\)$/m);
      assert.ok(m, out);
      const [, file, slug, id] = m;
      assert.equal(id, sent.noScript.id);
      assert.match(out, /^1 proposition\(s\) importée\(s\)/m);
      const markdown = readFileSync(`${h.SITE}/${file}`, "utf8");
      assert.match(markdown, /^title: "Test e2e : 25 kg de carottes"$/m); // quoted: ": " in YAML
      assert.doesNotMatch(markdown, /benevole@example\.org/);
      // Imported once: a second run writes nothing.
      assert.match(h.portal("import"), /^0 proposition\(s\) importée\(s\)/m);

      const today = new Date().toISOString().slice(0, 10);
      h.portal("build", "--output", `${h.WORK}/public`, "--now", today);
      const page = `${h.WORK}/public/ressources/${slug}/index.html`;
      assert.ok(existsSync(page), page);
      assert.match(readFileSync(page, "utf8"), /<h1[^>]*>Test e2e : 25 kg de carottes<\/h1>/);
      const offers = readFileSync(`${h.WORK}/public/ressources/offres/index.html`, "utf8");
      assert.ok(offers.includes(`/ressources/${slug}/`), "lien dans /ressources/offres/");
      assert.ok(offers.includes("Test e2e : 25 kg de carottes"));
    } finally {
      await h.startServer();
    }
  });
});

describe("mise de côté à l'import", () => {
  test("une modification dont la fiche a changé : conflit, montrée avec sa raison, corrigée, importée", async () => {
    const file = `${h.SITE}/content/ressources/camion.md`;
    const title = "Besoin d'un camion frigorifique le mardi";
    const change = {
      type: "resource", target: "camion",
      fields: { title, association: "ecoute-telephone", kind: "request", category: "transport",
        available: { from: h.inDays(1), until: h.inDays(60) } },
      body: "Pour la tournée du mardi matin.", contact_email: "tournee@example.org",
    };
    const sentChange = await fetch(`${h.base}/api/submissions`, {
      method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(change),
    }).then((r) => r.json());
    const one = (await h.moderationApi(`/submissions/${sentChange.id}`)).body;
    assert.match(one.diff, /^\+title: "Besoin d'un camion frigorifique le mardi"$/m);
    const approved = await h.moderationApi(`/submissions/${sentChange.id}/decision`, {
      method: "POST", body: JSON.stringify({ action: "approve", version: 1, base: one.current_sha256 }),
    });
    assert.equal(approved.status, 200);
    // An editor changes the file before the import: the import writes nothing over it.
    const edited = `${readFileSync(file, "utf8")}\nÉdité à la main.\n`;
    writeFileSync(file, edited);
    await h.stopServer();
    try {
      const run = spawnSync(h.PORTAL, ["--root", h.SITE, "import"], { encoding: "utf8" });
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.match(run.stdout, /^Conflit : proposition [0-9a-f]+ : content\/ressources\/camion\.md a été modifié depuis la décision/m);
      assert.equal(readFileSync(file, "utf8"), edited);
    } finally {
      await h.startServer();
    }
    // portal serve sends the edited file to the store after its build.
    for (let i = 0; i < 50; i++) {
      if (((await h.moderationApi(`/submissions/${sentChange.id}`)).body.current || "").includes("Édité à la main")) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const page = await h.newPage();
    await page.goto(`${h.base}/moderation/`);
    await page.fill("#token", h.TOKEN);
    await page.getByRole("button", { name: "Afficher les propositions" }).click();
    await page.locator("#queue").waitFor();
    await page.check("#q-set-aside");
    await page.getByRole("button", { name: title }).waitFor();
    assert.match(await text(page, "#queue-list"), /Mise de côté : content\/ressources\/camion\.md a été modifié/);
    await page.getByRole("button", { name: title }).click();
    await page.locator("#detail").waitFor();
    assert.match(await text(page, "#detail-body"), /Pourquoi elle a été mise de côté/);
    assert.match(await text(page, "#detail-body pre.diff"), /Édité à la main/);
    assert.ok(await page.locator("#d-correct").evaluate((d) => d.open), "the correction is open");
    await page.fill("#d-body", "Pour la tournée du mardi matin, départ à 8 h.");
    await page.check("#d-approve");
    await page.getByRole("button", { name: "Enregistrer la décision" }).click();
    await page.waitForFunction(() => /Décision enregistrée/.test(document.getElementById("status").textContent));

    await h.stopServer();
    try {
      const out = h.portal("import");
      assert.match(out, /^Modifié : content\/ressources\/camion\.md \(proposition [0-9a-f]+\)$/m);
      const markdown = readFileSync(file, "utf8");
      assert.match(markdown, /^title: "Besoin d'un camion frigorifique le mardi"$/m);
      assert.match(markdown, /départ à 8 h\.$/m);
    } finally {
      await h.startServer();
    }
    assert.deepEqual(page.errors, []);
  });
});

describe("formulaires d'association et de bénévolat avec JavaScript", () => {
  /** The stored submission titled `title`, as a moderator sees it. */
  const stored = async (title) => {
    const item = (await h.pending()).find((i) => i.title === title);
    assert.ok(item, `${title} en attente`);
    return (await h.moderationApi(`/submissions/${item.id}`)).body;
  };

  test("une nouvelle association : catégories, lieu, horaires du samedi", async () => {
    const page = await h.newPage();
    await page.goto(`${h.base}/proposer/association/`);
    const name = "Test e2e : Les Paniers du Bourg";
    await page.selectOption("#f-target", ""); // a new association, not a change
    await page.fill("#f-name", name);
    await page.fill("#f-summary", "Des paniers de légumes à petit prix pour les familles du bourg.");
    await page.check('input[name=categories][value="distribution-alimentaire"]');
    await page.check('input[name=categories][value="hygiene"]');
    await page.fill('[name="locations[0].address"]', "5 place de la Victoire");
    await page.fill('[name="locations[0].postal_code"]', "33000");
    await page.fill('[name="locations[0].city"]', "Bordeaux");
    await page.fill('[name="locations[0].geo[0]"]', "44.8309"); // inside the territory's bounds
    await page.fill('[name="locations[0].geo[1]"]', "-0.5729");
    await page.fill('[name="locations[0].hours.sa"]', "09:00-12:00, 14:00-17:00");
    await page.fill('[name="contact.phone"]', "05 56 00 00 00");
    await page.fill("#f-body", "Nous préparons chaque samedi des paniers de légumes de saison pour les familles orientées par le CCAS.");
    await page.fill("#f-contact_email", "paniers@example.org");
    await h.waitFillTime(page);
    await submitAccepted(page);
    assert.match(await text(page), /Votre fiche d'association est enregistrée/);

    // What was stored is what the form said, typed as a content file wants it.
    const { submission, file, contact_email: contact } = await stored(name);
    assert.equal(submission.type, "association");
    assert.equal(submission.target, null);
    assert.deepEqual(submission.fields.categories, ["distribution-alimentaire", "hygiene"]);
    assert.deepEqual(submission.fields.locations[0].hours, { sa: ["09:00-12:00", "14:00-17:00"] });
    assert.deepEqual(submission.fields.locations[0].geo, [44.8309, -0.5729]);
    assert.equal(contact, "paniers@example.org");
    assert.doesNotMatch(file, /paniers@example\.org/);
    assert.deepEqual(page.errors, []);
  });

  test("un appel à bénévoles chaque semaine (cases des jours)", async () => {
    const page = await h.newPage();
    await page.goto(`${h.base}/proposer/benevolat/`);
    const title = "Test e2e : maraude du mardi et du jeudi";
    await page.fill("#f-title", title);
    await page.selectOption("#f-association", "epicerie-du-port");
    await page.fill('[name="skills"]', "écoute, permis B");
    await page.check('input[name="recurrence.days"][value="tu"]');
    await page.check('input[name="recurrence.days"][value="th"]');
    await page.fill('[name="recurrence.start"]', "19:00");
    await page.fill('[name="recurrence.end"]', "22:00");
    await page.fill('[name="recurrence.from"]', h.inDays(7));
    await page.fill('[name="recurrence.volunteers"]', "4");
    await page.fill("#f-body", "Distribuer des repas chauds et prendre le temps de parler avec les personnes à la rue.");
    await page.fill("#f-contact_email", "maraude@example.org");
    await h.waitFillTime(page);
    await submitAccepted(page);
    assert.match(await text(page), /Votre appel à bénévoles est enregistrée/);

    const { submission } = await stored(title);
    assert.equal(submission.type, "volunteer_call");
    assert.deepEqual(submission.fields.recurrence.days, ["tu", "th"]);
    assert.equal(submission.fields.recurrence.start, "19:00");
    assert.equal(submission.fields.recurrence.volunteers, 4);
    assert.deepEqual(submission.fields.skills, ["écoute", "permis B"]);
    assert.deepEqual(page.errors, []);
  });
});

describe("pot de miel", () => {
  test("un robot qui remplit le champ caché croit avoir réussi, rien n'est gardé", async () => {
    const page = await h.newPage({ javaScript: false });
    await page.goto(`${h.base}/proposer/annonce/`);
    const title = "Test e2e : annonce d'un robot";
    await fillOffer(page, title, { bad: false });
    // People never see this field; a bot fills every field it finds.
    await page.evaluate(() => { document.getElementById("f-website").value = "https://spam.example"; });
    const posted = page.waitForResponse((r) => r.request().method() === "POST");
    await submit(page);
    const answer = await posted;
    // Answered like a success: a 303 to the site's thank-you page, which says so.
    assert.equal(answer.status(), 303);
    assert.equal(answer.headers().location, "/merci/");
    await page.getByRole("heading", { level: 1, name: "Merci" }).waitFor();
    assert.ok(!(await h.pending()).some((i) => i.title === title), "absente de la file de modération");
  });
});
