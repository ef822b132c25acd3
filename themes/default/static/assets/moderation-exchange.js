// The moderation page's exchange section: counts per call and listing (no contact is
// shown), a sign-up purged (its places go to the first waiting, its data erased), an
// association's signed links revoked. The token is the one the moderator gave above.
(() => {
  "use strict";
  const root = document.getElementById("moderation");
  if (!root || !window.fetch) return;
  const endpoint = root.dataset.endpoint;
  const $ = (id) => document.getElementById(id);
  const say = (text) => { $("x-status").textContent = text; };
  const api = async (path, method = "GET") => {
    const token = sessionStorage.getItem("moderation-token") || document.getElementById("token").value;
    const r = await fetch(endpoint + path, { method, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } });
    return { status: r.status, body: await r.json().catch(() => ({})) };
  };
  const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
  const slug = (form) => encodeURIComponent(new FormData(form).get("slug").trim());

  // `quiet`: redrawn after a purge, whose message stays said.
  const showCall = async (s, quiet = false) => {
    const { status, body } = await api(`/moderation/calls/${s}`);
    if (status !== 200) { say(body.error || `Erreur ${status}`); return; }
    const out = $("x-result");
    out.textContent = "";
    out.append(el("h3", `Appel ${decodeURIComponent(s)}${body.closed ? " (clos par l'association)" : ""}`));
    const counts = el("ul");
    body.slots.forEach((c) => counts.append(el("li", `${c.slot} : ${c.confirmed} confirmé·es, ${c.waiting} en attente`)));
    if (!body.slots.length) counts.append(el("li", "Aucune inscription."));
    out.append(counts);
    const list = el("ul");
    const seen = new Set();
    body.signups.filter((p) => p.status !== "cancelled").forEach((p) => {
      if (seen.has(p.registration)) return;
      seen.add(p.registration);
      const li = el("li", `Inscription ${p.registration} (${p.slot}, ${p.status}) `);
      const b = el("button", "Effacer cette inscription");
      b.type = "button";
      b.className = "button secondary";
      b.addEventListener("click", async () => {
        const r = await api(`/moderation/signups/${p.registration}/purge`, "POST");
        say(r.status === 200 ? `Inscription effacée ; ${r.body.promoted} personne(s) en attente prévenue(s).` : (r.body.error || `Erreur ${r.status}`));
        if (r.status === 200) showCall(s, true);
      });
      li.append(b);
      list.append(li);
    });
    out.append(list);
    if (!quiet) say(`Appel ${decodeURIComponent(s)} : ${seen.size} inscription(s) active(s).`);
  };

  $("x-call").addEventListener("submit", (e) => { e.preventDefault(); showCall(slug(e.target)); });
  $("x-listing").addEventListener("submit", async (e) => {
    e.preventDefault();
    const s = slug(e.target);
    const { status, body } = await api(`/moderation/listings/${s}`);
    if (status !== 200) { say(body.error || `Erreur ${status}`); return; }
    say(`Annonce ${decodeURIComponent(s)} : ${body.answers} réponse(s), ${body.pending} en attente, ${body.declined} déclinée(s)${body.accepted ? ", une acceptée" : ""}${body.done ? ", terminée" : ""}.`);
  });
  $("x-revoke").addEventListener("submit", async (e) => {
    e.preventDefault();
    const s = slug(e.target);
    const { status, body } = await api(`/moderation/associations/${s}/revoke`, "POST");
    say(status === 200 ? `Les liens envoyés à ${decodeURIComponent(s)} ne s'ouvrent plus.` : (body.error || `Erreur ${status}`));
  });
})();
