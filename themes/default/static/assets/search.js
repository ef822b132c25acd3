// Search as you type, in the browser. The build splits the index in shards by word prefix
// (generator/src/outputs/search.rs): the script loads the small manifest, then only the
// shard of the most selective word typed, so what a visitor downloads follows the query,
// not the size of the site. Accents and case do not count; every word typed must start a
// word of the entry. Without this script the page offers the browse links, and the
// header's search box leads here.
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
        items.map((i) => ({ ...i, words: words([i.t, i.s, i.k, ...i.c, ...i.v].join(" ")).map(singular) }))));
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
  const show = (found, wanted) => {
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
    say(found.length === 0
      ? `Aucun résultat pour « ${wanted} » : essayez un autre mot, ou parcourez ci-dessous.`
      : `${found.length} résultat${found.length > 1 ? "s" : ""}${found.length > 50 ? " (les 50 premiers affichés)" : ""}.`);
  };

  let latest = 0;
  const run = async () => {
    const turn = ++latest;
    const out = await outcome();
    if (turn !== latest) return; // a later keystroke has its own answer
    if (out.found) show(out.found, input.value.trim());
    else { results.textContent = ""; say(out.say); }
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
    // The most selective word: the smallest shard; a word with no shard matches nothing.
    let best = null;
    for (const w of wanted.filter((x) => x.length >= 2)) {
      const k = keyOf(m, w);
      const size = m.keys[k];
      if (size === undefined) { if (m.split.has(k)) continue; return { found: [] }; }
      if (!best || size < best.size) best = { key: k, size };
    }
    if (!best) return { say: "Tapez quelques lettres de plus." };
    let items;
    try { items = await getShard(best.key); } catch { shards.delete(best.key); return failed; }
    return {
      found: items.filter((i) =>
        wanted.every((w) => i.words.some((x) => x.startsWith(w))) &&
        (!pick.kind.value || i.k === pick.kind.value) &&
        (!pick.category.value || i.c.includes(pick.category.value)) &&
        (!pick.commune.value || i.v.includes(pick.commune.value))),
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
