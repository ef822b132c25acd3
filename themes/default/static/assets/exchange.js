// The exchange's forms, enhanced: the fill-time token, the places left per slot of a call,
// and « réservée » on an offer, read from the functions (short-cached counts, no personal
// data). Without this script the pages show what the last build knew and the forms post
// normally.
(() => {
  "use strict";
  if (!window.fetch) return;
  const json = (url) => fetch(url, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : null)).catch(() => null);
  document.querySelectorAll("form[data-signup], form[data-answer]").forEach((form) => {
    json(form.dataset.token).then((a) => { if (a && a.token) form.elements._token.value = a.token; });
  });
  const call = document.querySelector(".signup[data-places]");
  if (call) {
    json(call.dataset.places).then((answer) => {
      (answer ? answer.slots : []).forEach((s) => {
        call.querySelectorAll(".places-left").forEach((span) => {
          if (span.dataset.slot !== s.id) return;
          span.textContent = s.left > 0
            ? ` — il reste ${s.left} place${s.left > 1 ? "s" : ""}`
            : " — complet : inscription sur liste d'attente";
        });
      });
    });
  }
  const listing = document.querySelector(".answer[data-state]");
  if (listing) {
    json(listing.dataset.state).then((s) => {
      if (!s || !(s.reserved || s.done)) return;
      document.querySelectorAll("[data-listing-state]").forEach((e) => {
        e.textContent = s.done ? "Terminé" : "Réservée";
      });
      const note = document.createElement("p");
      note.className = "notice";
      note.setAttribute("role", "status");
      note.textContent = s.done ? "Cette annonce est terminée." : "Cette offre est réservée.";
      listing.replaceChildren(listing.querySelector("h2"), note);
    });
  }
})();
