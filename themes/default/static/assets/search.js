// Search as you type, in the browser, over the index the build writes
// (generator/src/outputs/search/): a small manifest, the words in shards by prefix with the
// numbers of their entries, the entries themselves in numbered files, each stored once. A
// query loads the manifest, the shard of each word typed, then only the files of the
// results shown, so what a visitor downloads follows the query, not the size of the site.
// The rules of words (folding, stop words, plurals) come with the manifest: the build's are
// the only ones. An entry is found by a word typed that starts one of its words, those of
// the lexicon and of its days included (the build gives them), and the entries with the
// most words typed come first: a word need not match when the others do. A word that finds
// nothing gets the nearest word of its shard as « vouliez-vous dire ». Without this script
// the page offers the browse links, and the header's search box leads here.
(() => {
  "use strict";
  const form = document.querySelector("form[data-search]");
  if (!form || !window.fetch) return;
  const input = form.elements.q;
  const status = document.getElementById("search-status");
  const results = document.getElementById("results");
  const filters = form.querySelector(".filters");
  const pick = { kind: form.querySelector("#kind"), category: form.querySelector("#category"), commune: form.querySelector("#commune") };
  const SHOWN = 50;
  const manifestUrl = new URL(form.dataset.search, location.href);
  const files = new Map();
  let manifest = null;

  const load = (path) => {
    if (!files.has(path)) {
      files.set(path, fetch(new URL(path, manifestUrl)).then((r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status}`);
        return r.json();
      }).catch((e) => { files.delete(path); throw e; }));
    }
    return files.get(path);
  };
  const getManifest = () => (manifest ??= load("index.json").then((m) => {
    const w = m.words;
    const fold = new Map(w.fold);
    const stop = new Set(w.stop);
    // The generator's Words::fold and Words::terms, from the rules it wrote.
    const terms = (s) => [...s.toLowerCase()].map((c) => fold.get(c) ?? c).join("")
      .split(/[^\p{Alphabetic}\p{N}]+/u)
      .filter((x) => [...x].length >= w.min && !stop.has(x))
      .map((x) => ([...x].length >= w.plural_min && w.plural.includes(x.at(-1)) ? x.slice(0, -1) : x));
    // Plain words (a lexicon) are given to the entries by the build: one look-up a word.
    return { ...m, terms, keys: new Set(m.keys), split: new Set(m.split) };
  }).catch((e) => { manifest = null; throw e; }));

  // The shard key of a word: its first letters, one more while that prefix was split. A
  // word equal to a split prefix has the shard of that exact word, when there is one.
  const keyOf = (m, w) => {
    const letters = [...w];
    let n = m.words.min;
    while (m.split.has(letters.slice(0, n).join("")) && n < letters.length) n += 1;
    return letters.slice(0, n).join("");
  };
  const fileOf = (key) => [...key].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0).toString(16).padStart(6, "0")}`)).join("");
  // Lists of numbers are written as differences.
  const numbers = (gaps) => { let n = 0; return gaps.map((g) => (n += g)); };
  const union = (lists) => [...new Set(lists.flat())].sort((a, b) => a - b);
  const within = (list, keep) => { const set = new Set(keep); return list.filter((n) => set.has(n)); };
  const kindOf = (m, n) => m.kinds.findLast(([, first]) => first <= n)[0];

  // The entries of the numbers `shown`, in order, from their files.
  const entries = async (m, shown) => {
    const chunks = [...new Set(shown.map((n) => Math.floor(n / m.chunk)))];
    const loaded = new Map(await Promise.all(chunks.map(async (c) => [c, await load(`fiches/${c}.json`)])));
    return shown.map((n) => ({ ...loaded.get(Math.floor(n / m.chunk))[n % m.chunk], k: kindOf(m, n) }));
  };

  const say = (text) => { status.textContent = text; };
  // « Vouliez-vous dire » for the words that found nothing: a button per near word, which
  // puts it in place of the word typed.
  const suggest = (m, near) => {
    for (const [typed, word] of near) {
      status.append(" Vouliez-vous dire ");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link-button";
      b.textContent = `« ${word} »`;
      b.addEventListener("click", () => {
        input.value = input.value.split(/\s+/).filter(Boolean)
          .map((raw) => (m.terms(raw)[0] === typed ? word : raw)).join(" ");
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
  const show = (found, total, wanted, all) => {
    results.textContent = "";
    for (const i of found) {
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
    say(total === 0
      ? `Aucun résultat pour « ${wanted} » : essayez un autre mot, ou parcourez ci-dessous.`
      : `${total} résultat${total > 1 ? "s" : ""}${total > SHOWN ? ` (les ${SHOWN} premiers affichés)` : ""}${all < total ? ` ; ${all} avec tous les mots, en premier` : ""}.`);
  };

  let latest = 0;
  const run = async () => {
    const turn = ++latest;
    // The last answer's count would stand for this query's until it comes.
    say("");
    let out;
    try { out = await outcome(); } catch { out = { say: "La recherche n'a pas pu se charger : parcourez ci-dessous." }; }
    if (turn !== latest) return; // a later keystroke has its own answer
    if (out.found) show(out.found, out.total, input.value.trim(), out.all);
    else { results.textContent = ""; say(out.say); }
    if (out.near?.length) suggest(out.m, out.near);
  };
  const outcome = async () => {
    const m = await getManifest();
    const wanted = m.terms(input.value);
    if (!wanted.length) {
      const filtered = Object.values(pick).some((s) => s.value);
      return { say: input.value.trim() || filtered ? "Tapez un mot, par exemple colis ou douche, ou parcourez ci-dessous." : "" };
    }
    // The shard of each word; a word without one matches nothing (unless it is a split
    // prefix, too short to have its own: the visitor types on).
    const keyed = [...new Set(wanted)].map((w) => [w, keyOf(m, w)]);
    const usable = keyed.filter(([, k]) => m.keys.has(k));
    if (!usable.length && keyed.every(([, k]) => m.split.has(k))) return { say: "Tapez quelques lettres de plus." };
    const shards = new Map(await Promise.all([...new Set(usable.map(([, k]) => k))]
      .map(async (k) => [k, await load(`mots/${fileOf(k)}.json`)])));
    // Each word's entries, then each entry with how many of the words typed it has.
    const lists = keyed.map(([w, k]) => (shards.has(k)
      ? union(Object.entries(shards.get(k)).filter(([word]) => word.startsWith(w)).map(([, gaps]) => numbers(gaps)))
      : []));
    const count = new Map();
    for (const list of lists) for (const n of list) count.set(n, (count.get(n) ?? 0) + 1);
    let found = [...count.keys()].sort((a, b) => a - b);
    if (pick.kind.value) {
      const at = m.kinds.findIndex(([label]) => label === pick.kind.value);
      const [from, to] = [m.kinds[at]?.[1] ?? 0, m.kinds[at + 1]?.[1] ?? m.entries];
      found = at < 0 ? [] : found.filter((n) => n >= from && n < to);
    }
    for (const [name, select] of [["categorie", pick.category], ["commune", pick.commune]]) {
      if (!select.value || !found.length) continue;
      const at = m.filters[name].indexOf(select.value);
      found = at < 0 ? [] : within(found, numbers(await load(`filtres/${name}-${at}.json`)));
    }
    // The most words first, in the lists' order among equals (the sort is stable).
    found.sort((a, b) => count.get(b) - count.get(a));
    const all = found.filter((n) => count.get(n) === keyed.length).length;
    // The words that found nothing, and the nearest word of their shard.
    const near = [];
    keyed.forEach(([w, k], i) => {
      if (lists[i].length || !shards.has(k)) return;
      let best = null;
      for (const x of Object.keys(shards.get(k))) {
        const d = distance(w, x);
        if (d <= Math.max(1, Math.floor(w.length / 3)) && (!best || d < best[1])) best = [x, d];
      }
      if (best) near.push([w, best[0]]);
    });
    return { found: await entries(m, found.slice(0, SHOWN)), total: found.length, all, near, m };
  };

  filters.hidden = false;
  const query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; run(); }
  // Fetch the manifest once the visitor shows interest, so the first results come sooner.
  input.addEventListener("focus", () => getManifest().catch(() => {}), { once: true });
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  Object.values(pick).forEach((s) => s.addEventListener("change", run));
  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
})();
