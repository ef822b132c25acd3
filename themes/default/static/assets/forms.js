// Enhances the forms: errors shown the GOV.UK way (a summary at the top with links, a
// message at each field, focus moved to the summary) without leaving the page. Without
// this script the form posts normally and the server answers with a page.
(() => {
  "use strict";
  const form = document.querySelector("form[data-form]");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  const summary = document.getElementById("error-summary");
  // When the form was opened, by the server's clock (a signed token): the server refuses a
  // form sent back faster than a person can. The visitor's clock is never read.
  const tokenReady = fetch(`${form.action}/token`, { headers: { "Accept": "application/json" } })
    .then((r) => (r.ok ? r.json() : {}))
    .then((answer) => { if (answer.token) form.elements._token.value = answer.token; })
    .catch(() => {});

  // The input a server field name belongs to: exact, or the first inside it, or its parent.
  const inputFor = (name) => {
    let n = name;
    while (n) {
      const exact = form.querySelector(`[name="${CSS.escape(n)}"]`);
      if (exact) return exact;
      const inside = Array.from(form.elements).find(
        (e) => e.name && (e.name.startsWith(n + ".") || e.name.startsWith(n + "[")));
      if (inside) return inside;
      n = n.replace(/(\.[^.[\]]*|\[\d+\])$/, "");
      if (n === name) break;
    }
    return null;
  };

  const clear = () => {
    summary.hidden = true;
    summary.textContent = "";
    form.querySelectorAll(".error-message").forEach((e) => e.remove());
    form.querySelectorAll(".field-error").forEach((e) => e.classList.remove("field-error"));
    form.querySelectorAll("[aria-invalid]").forEach((e) => {
      e.removeAttribute("aria-invalid");
      const ids = (e.getAttribute("aria-describedby") || "").split(" ").filter((i) => !i.endsWith("-error"));
      if (ids.length) e.setAttribute("aria-describedby", ids.join(" "));
      else e.removeAttribute("aria-describedby");
    });
  };

  const show = (errors) => {
    clear();
    const title = document.createElement("h2");
    title.textContent = errors.length > 1 ? `Il y a ${errors.length} problèmes à corriger` : "Il y a un problème à corriger";
    const list = document.createElement("ul");
    errors.forEach((error, i) => {
      const input = inputFor(error.field);
      const field = input && input.closest(".field");
      const item = document.createElement("li");
      // Problems of no visible field, named as the server's error page names them.
      let label = { "": "Proposition", _token: "Envoi" }[error.field] ?? error.field;
      if (field) {
        const id = `err-${i}`;
        const legend = field.querySelector("legend, label");
        label = legend ? legend.textContent.replace(/\s*\(obligatoire\)\s*$/, "") : label;
        const message = document.createElement("p");
        message.className = "error-message";
        message.id = `${id}-error`;
        message.innerHTML = '<span class="visually-hidden">Erreur : </span>';
        message.append(error.message);
        (legend || field.firstChild).after(message);
        field.classList.add("field-error");
        input.setAttribute("aria-invalid", "true");
        const described = input.getAttribute("aria-describedby");
        input.setAttribute("aria-describedby", described ? `${described} ${message.id}` : message.id);
        const link = document.createElement("a");
        link.href = `#${input.id}`;
        link.textContent = `${label} : ${error.message}`;
        link.addEventListener("click", (e) => { e.preventDefault(); input.focus(); });
        item.append(link);
      } else {
        item.textContent = `${label} : ${error.message}`;
      }
      list.append(item);
    });
    summary.append(title, list);
    summary.hidden = false;
    summary.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // Not `button[type=submit]`: the build's minifier drops the default `type=submit`.
    const button = form.querySelector("button:not([type=button])");
    button.disabled = true;
    try {
      await tokenReady;
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(new FormData(form)),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.status === 201) {
        window.location.assign(`${answer.status_url}&merci=1`);
        return;
      }
      show(answer.errors || [{ field: "", message: answer.error || `Erreur ${response.status} : réessayez plus tard.` }]);
    } catch (e) {
      show([{ field: "", message: "Le serveur ne répond pas : vérifiez votre connexion puis réessayez." }]);
    } finally {
      button.disabled = false;
    }
  });
})();
