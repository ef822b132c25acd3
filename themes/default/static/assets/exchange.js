// The call's sign-up form, enhanced: the places left per slot, read from the functions
// (a short-cached count, no personal data), and the fill-time token. Without this script
// the page shows the places planned and the form posts normally.
(() => {
  "use strict";
  const section = document.querySelector(".signup[data-places]");
  if (!section || !window.fetch) return;
  const form = section.querySelector("form[data-signup]");
  fetch(form.dataset.token, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : {}))
    .then((a) => { if (a.token) form.elements._token.value = a.token; })
    .catch(() => {});
  fetch(section.dataset.places, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : { slots: [] }))
    .then((answer) => {
      answer.slots.forEach((s) => {
        section.querySelectorAll(".places-left").forEach((span) => {
          if (span.dataset.slot !== s.id) return;
          span.textContent = s.left > 0
            ? ` — il reste ${s.left} place${s.left > 1 ? "s" : ""}`
            : " — complet : inscription sur liste d'attente";
        });
      });
    })
    .catch(() => {});
})();
