// Search as you type, in the browser. The build splits the index in shards by word prefix
// (generator/src/outputs/search.rs): the script loads the small manifest, then only the
// shards of the words typed, so what a visitor downloads follows the query, not the size
// of the site. Accents and case do not count; an entry is found by a word that starts one
// of its words, those of the lexicon and of its days included (outputs/search.rs), and the
// entries with the most words typed come first: a word need not match when the others do.
// A word that finds nothing gets the nearest word of its shard as « vouliez-vous dire ».
// Without this script the page offers the browse links, and the header's search box leads
// here.
(() => {
  "use strict";
  const form = document.querySelector("form[data-search]");
  if (!form || !window.fetch) return;
  const input = form.elements.q;
  const status = document.getElementById("search-status");
  const results = document.getElementById("results");
  const filters = form.querySelector(".filters");
  const pick = { kind: form.querySelector("#kind"), category: form.querySelector("#category"), commune: form.querySelector("#commune") };
  // The same folding as the generator's `fold`.
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
  const words = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);
  const singular = (w) => (w.length > 3 ? w.replace(/[sx]$/, "") : w);
  const manifestUrl = new URL(form.dataset.search, location.href);
  let manifest = null;
  const shards = new Map();

  const load = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  };
  const getManifest = () => (manifest ??= load(manifestUrl).then((m) => ({ ...m, split: new Set(m.split), stop: new Set(m.stop) })));
  const getShard = (key) => {
    if (!shards.has(key)) {
      shards.set(key, load(new URL(`index/${key}.json`, manifestUrl)).then((items) =>
        items.map((i) => ({ ...i, words: words([i.t, i.s, i.k, i.x || "", ...i.c, ...i.v].join(" ")).map(singular) }))));
    }
    return shards.get(key);
  };
  // The shard key of a word: its first two letters, one more while that prefix was split.
  // A word equal to a split prefix has the shard of that exact word, when there is one.
  const keyOf = (m, w) => {
    let k = w.slice(0, 2);
    while (m.split.has(k) && k.length < w.length) k = w.slice(0, k.length + 1);
    return k;
  };

  const say = (text) => { status.textContent = text; };
  // « Vouliez-vous dire » for the words that found nothing: a button per near word.
  const suggest = (near) => {
    for (const [typed, word] of near) {
      status.append(" Vouliez-vous dire ");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link-button";
      b.textContent = `« ${word} »`;
      b.addEventListener("click", () => {
        input.value = words(input.value).map((w) => (singular(w) === typed ? word : w)).join(" ");
        run();
        input.focus();
      });
      status.append(b, " ?");
    }
  };
  // Damerau-Levenshtein distance, as the model's `suggest` measures a near miss.
  const distance = (a, b) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  };
  const show = (found, wanted, all) => {
    results.textContent = "";
    for (const i of found.slice(0, 50)) {
      const li = document.createElement("li");
      const card = document.createElement("article");
      card.className = "card";
      const h = document.createElement("h2");
      h.className = "card-title";
      const a = document.createElement("a");
      a.href = i.u;
      a.textContent = i.t;
      h.append(a);
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [i.k, ...i.v, ...i.c.slice(0, 2)].join(" · ");
      const summary = document.createElement("p");
      summary.textContent = i.s;
      card.append(h, summary, meta);
      li.append(card);
      results.append(li);
    }
    const some = all !== undefined && all < found.length
      ? ` ; ${all} avec tous les mots, en premier`
      : "";
    say(found.length === 0
      ? `Aucun résultat pour « ${wanted} » : essayez un autre mot, ou parcourez ci-dessous.`
      : `${found.length} résultat${found.length > 1 ? "s" : ""}${found.length > 50 ? " (les 50 premiers affichés)" : ""}${some}.`);
  };

  let latest = 0;
  const run = async () => {
    const turn = ++latest;
    const out = await outcome();
    if (turn !== latest) return; // a later keystroke has its own answer
    if (out.found) show(out.found, input.value.trim(), out.all);
    else { results.textContent = ""; say(out.say); }
    if (out.near?.length) suggest(out.near);
  };
  const failed = { say: "La recherche n'a pas pu se charger : parcourez ci-dessous." };
  const outcome = async () => {
    let m;
    try { m = await getManifest(); } catch { manifest = null; return failed; }
    // As the generator files them: stop words dropped, then a final s or x (plurals).
    const wanted = words(input.value).filter((w) => !m.stop.has(w)).map(singular);
    if (!wanted.length) {
      const filtered = Object.values(pick).some((s) => s.value);
      return { say: input.value.trim() || filtered ? "Tapez un mot, par exemple colis ou douche, ou parcourez ci-dessous." : "" };
    }
    // The shard of each word long enough; a word with no shard matches nothing (unless it
    // is a split prefix, too short to have one: the visitor types on).
    const keyed = [...new Set(wanted.filter((x) => x.length >= 2))].map((w) => [w, keyOf(m, w)]);
    if (!keyed.length) return { say: "Tapez quelques lettres de plus." };
    const usable = keyed.filter(([, k]) => m.keys[k] !== undefined);
    if (!usable.length && keyed.every(([, k]) => m.split.has(k))) return { say: "Tapez quelques lettres de plus." };
    let shardsOf;
    try {
      shardsOf = new Map(await Promise.all([...new Set(usable.map(([, k]) => k))].map(async (k) => [k, await getShard(k)])));
    } catch { return failed; }
    // Every entry of those shards, once, with how many of the words typed it has.
    const byUrl = new Map();
    for (const items of shardsOf.values()) for (const i of items) if (!byUrl.has(i.u)) byUrl.set(i.u, i);
    const has = (i, w) => i.words.some((x) => x.startsWith(w));
    const terms = keyed.map(([w]) => w);
    const scored = [...byUrl.values()]
      .filter((i) => (!pick.kind.value || i.k === pick.kind.value) &&
        (!pick.category.value || i.c.includes(pick.category.value)) &&
        (!pick.commune.value || i.v.includes(pick.commune.value)))
      .map((i) => [i, terms.filter((w) => has(i, w)).length])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    // The words that found nothing, and the nearest word of their shard.
    const near = [];
    for (const [w, k] of keyed) {
      if ([...byUrl.values()].some((i) => has(i, w)) || !shardsOf.has(k)) continue;
      const known = new Set(shardsOf.get(k).flatMap((i) => i.words));
      let best = null;
      for (const x of known) {
        const d = distance(w, x);
        if (d <= Math.max(1, Math.floor(w.length / 3)) && (!best || d < best[1])) best = [x, d];
      }
      if (best) near.push([w, best[0]]);
    }
    return {
      found: scored.map(([i]) => i),
      all: scored.filter(([, n]) => n === terms.length).length,
      near,
    };
  };

  filters.hidden = false;
  const query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; run(); }
  // Fetch the manifest once the visitor shows interest, so the first results come sooner.
  input.addEventListener("focus", () => getManifest().catch(() => { manifest = null; }), { once: true });
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  Object.values(pick).forEach((s) => s.addEventListener("change", run));
  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
})();
