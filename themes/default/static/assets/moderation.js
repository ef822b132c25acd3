// The moderation page: a moderator pastes a personal token (kept in this tab only), sees the
// queue oldest first, opens a submission (with a diff for a change) and decides.
(() => {
  "use strict";
  const root = document.getElementById("moderation");
  if (!root || !window.fetch) return;
  const endpoint = root.dataset.endpoint;
  const $ = (id) => document.getElementById(id);
  const status = $("status");
  let token = sessionStorage.getItem("moderation-token") || "";
  let current = null;
  let next = null;

  const api = async (path, options = {}) => {
    const response = await fetch(endpoint + path, {
      ...options,
      headers: { "Authorization": `Bearer ${token}`, "Accept": "application/json", ...(options.headers || {}) },
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) {
      sessionStorage.removeItem("moderation-token");
      $("login").hidden = false;
      $("queue").hidden = true;
      $("detail").hidden = true;
    }
    return { status: response.status, body };
  };

  const say = (text) => { status.textContent = text; };
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const when = (seconds) => new Date(seconds * 1000).toLocaleString("fr-FR");
  // The association a submission is about, and the day it stops being of use, in words.
  const UNTIL = { expires: "à consommer avant le", until: "disponible jusqu'au", deadline: "réponse avant le" };
  const day = (iso) => new Date(`${iso}T12:00:00Z`).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const about = (item) => [item.association ? `association : ${item.association}` : "", item.until ? `${UNTIL[item.until.kind]} ${day(item.until.date)}` : ""].filter(Boolean).join(" · ");

  // `done` is said before the count, so that reloading the list does not hide it.
  const shown = () => (new FormData($("filter")).get("status") || "pending");
  // `stay`: the list is redrawn where the moderator is (a change of the filter moves no focus).
  const loadQueue = async (more, done, stay) => {
    const which = shown();
    $("queue-title").textContent = which === "set_aside" ? "Propositions mises de côté à l'import" : "Propositions en attente";
    const { status: code, body } = await api(`/moderation/submissions?status=${which}${more && next ? `&after=${next}` : ""}`);
    if (code !== 200) { say(body.error || `Erreur ${code}`); return; }
    $("login").hidden = true;
    $("detail").hidden = true;
    $("queue").hidden = false;
    const list = $("queue-list");
    if (!more) list.textContent = "";
    next = body.next;
    $("more").hidden = !next;
    if (!more && body.items.length === 0) { list.append(el("p", which === "set_aside" ? "Aucune proposition mise de côté." : "Aucune proposition en attente.")); }
    let ul = list.querySelector("ul");
    if (!ul) { ul = el("ul", undefined, "queue"); list.append(ul); }
    body.items.forEach((item) => {
      const li = el("li");
      const button = el("button", `${item.title}`, "link-button");
      button.type = "button";
      button.addEventListener("click", () => open(item.id));
      const said = about(item);
      li.append(button, el("span", ` — ${item.label}${item.target ? ` (modification de ${item.target})` : ""}${said ? `, ${said}` : ""}, reçue le ${when(item.created_at)}`, "meta"));
      if (item.problem) li.append(el("p", `Mise de côté : ${item.problem}`, "meta"));
      ul.append(li);
    });
    say(`${done ? `${done} ` : ""}${body.items.length} proposition(s) affichée(s).`);
    if (!more && !stay) $("queue-title").focus();
  };

  const open = async (id) => {
    const { status: code, body } = await api(`/moderation/submissions/${id}`);
    if (code !== 200) { say(body.error || `Erreur ${code}`); return; }
    current = body;
    const box = $("detail-body");
    box.textContent = "";
    $("detail-title").textContent = `${body.summary.label} : ${body.summary.title}`;
    box.append(el("p", `Reçue le ${when(body.submission.created_at)} · version ${body.submission.version} · contact : ${body.contact_email || "effacé"}`, "meta"));
    if (body.submission.problem) {
      box.append(el("h3", "Pourquoi elle a été mise de côté"), el("p", body.submission.problem, "notice"));
    }
    if (about(body.summary)) box.append(el("p", about(body.summary)));
    if (body.diff) {
      box.append(el("h3", "Modifications par rapport à la fiche actuelle"));
      const pre = el("pre", undefined, "diff");
      body.diff.split("\n").forEach((line) => {
        const kind = line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "";
        const span = el("span", `${line}\n`, kind);
        if (kind) span.prepend(el("span", kind === "add" ? "ajouté : " : "retiré : ", "visually-hidden"));
        pre.append(span);
      });
      box.append(pre);
    }
    // The page as it will be published, rendered by the site's own templates; its headings
    // go two levels down, under this page's.
    const preview = el("div", undefined, "preview");
    preview.setAttribute("aria-label", "Aperçu de la page");
    box.append(el("h3", "La page telle qu'elle sera publiée"), preview);
    api(`/moderation/submissions/${id}/preview`).then(({ status: code, body: shown }) => {
      if (code !== 200) { preview.append(el("p", shown.error || `Aperçu indisponible (erreur ${code}).`, "notice")); return; }
      const doc = new DOMParser().parseFromString(shown.html, "text/html");
      doc.querySelectorAll("script").forEach((s) => s.remove());
      doc.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach((h) => {
        const lower = document.createElement(`h${Math.min(6, Number(h.tagName[1]) + 2)}`);
        lower.append(...h.childNodes);
        for (const a of h.attributes) lower.setAttribute(a.name, a.value);
        h.replaceWith(lower);
      });
      preview.append(...[...doc.body.childNodes].map((n) => document.adoptNode(n)));
    });
    const file = el("details");
    file.append(el("summary", "Le fichier qui sera écrit dans content/"), el("pre", body.file, "file"));
    box.append(file);
    if (body.audit.length) {
      box.append(el("h3", "Décisions"));
      const ul = el("ul");
      body.audit.forEach((d) => ul.append(el("li", `${when(d.at)} — ${d.by} : ${d.action} ${d.note}`)));
      box.append(ul);
    }
    $("decision").reset();
    $("d-fields").value = JSON.stringify(body.submission.fields, null, 2);
    $("d-body").value = body.submission.body;
    $("d-correct").open = Boolean(body.submission.problem);
    $("queue").hidden = true;
    $("detail").hidden = false;
    $("detail-title").focus();
  };

  $("login").addEventListener("submit", (e) => {
    e.preventDefault();
    token = $("token").value.trim();
    sessionStorage.setItem("moderation-token", token);
    loadQueue(false);
  });
  $("more").addEventListener("click", () => loadQueue(true));
  $("filter").addEventListener("change", () => loadQueue(false, undefined, true));
  $("back").addEventListener("click", () => loadQueue(false));
  $("decision").addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    const asked = { action: data.get("action"), note: data.get("note") || "", version: current.submission.version };
    // A change is approved against the file shown: if it changed since, the server says so.
    if (current.current_sha256) asked.base = current.current_sha256;
    if (data.get("fields") !== JSON.stringify(current.submission.fields, null, 2)) {
      try { asked.fields = JSON.parse(data.get("fields")); } catch (error) {
        say(`Les champs corrigés ne sont pas du JSON valide : ${error.message}`);
        $("d-fields").focus();
        return;
      }
    }
    if (data.get("body") !== current.submission.body) asked.body = data.get("body");
    const { status: code, body } = await api(`/moderation/submissions/${current.submission.id}/decision`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(asked),
    });
    if (code === 200) {
      loadQueue(false, `Décision enregistrée : « ${current.summary.title} » est ${body.submission.status === "approved" ? "acceptée" : body.submission.status === "rejected" ? "refusée" : "à modifier"}.`);
    } else if (code === 400 && body.errors) {
      say(`La correction n'est pas acceptée : ${body.errors.map((x) => `${x.field} : ${x.message}`).join(" ; ")}`);
    } else if (code === 409) {
      say(`Une autre décision a été prise entre-temps : ${body.error}`);
      open(current.submission.id);
    } else {
      say(body.error || `Erreur ${code}`);
    }
  });
  if (token) loadQueue(false);
})();
