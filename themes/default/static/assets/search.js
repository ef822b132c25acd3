// Search as you type, in the browser, over the small index the build writes. Accents and
// case do not count; every word typed must start a word of the entry. Without this script
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
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  let items = null;

  const words = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);
  const load = async () => {
    if (items) return items;
    const response = await fetch(form.dataset.search);
    items = (await response.json()).map((i) => ({ ...i, words: words([i.t, i.s, i.k, ...i.c, ...i.v].join(" ")) }));
    return items;
  };

  const run = async () => {
    const all = await load();
    const wanted = words(input.value);
    const found = all.filter((i) =>
      wanted.every((w) => i.words.some((x) => x.startsWith(w))) &&
      (!pick.kind.value || i.k === pick.kind.value) &&
      (!pick.category.value || i.c.includes(pick.category.value)) &&
      (!pick.commune.value || i.v.includes(pick.commune.value)));
    results.textContent = "";
    const shown = wanted.length || pick.kind.value || pick.category.value || pick.commune.value ? found.slice(0, 50) : [];
    for (const i of shown) {
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
    status.textContent = shown.length === 0 && (wanted.length || found.length === 0)
      ? "Aucun résultat : essayez un autre mot, ou parcourez ci-dessous."
      : `${found.length} résultat${found.length > 1 ? "s" : ""}${found.length > 50 ? " (les 50 premiers affichés)" : ""}.`;
  };

  filters.hidden = false;
  const query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; run(); }
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  Object.values(pick).forEach((s) => s.addEventListener("change", run));
  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
})();
