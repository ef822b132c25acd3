// "Ouvert maintenant", "ouvert samedi" and "près de moi" on the directory's lists, computed
// here from each card's places (hours, closures, public holidays) in the site's time zone.
// Nothing is sent anywhere: the position stays in the browser. Without this script every
// association page shows its hours as a table.
(() => {
  "use strict";
  const box = document.querySelector(".open-filters");
  const cards = Array.from(document.querySelectorAll(".cards [data-places]"));
  if (!box || !cards.length || !window.Intl) return;
  const zone = box.dataset.timezone || "Europe/Paris";
  const status = document.getElementById("filter-status");
  const DAYS = ["su", "mo", "tu", "we", "th", "fr", "sa"];
  const places = new Map(cards.map((c) => [c, JSON.parse(c.dataset.places)]));

  // The date, weekday and minute of `when` in the site's time zone.
  const local = (when) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short",
    }).formatToParts(when).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    const day = DAYS[new Date(`${date}T12:00:00Z`).getUTCDay()];
    return { date, day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
  };

  // French public holidays of a year: fixed days, and those that follow Easter.
  const holidays = (year) => {
    const a = year % 19, b = Math.floor(year / 100), c = year % 100;
    const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
    const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
    const easter = Date.UTC(year, month - 1, day);
    const after = (n) => new Date(easter + n * 86400000).toISOString().slice(0, 10);
    return new Set(["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"]
      .map((md) => `${year}-${md}`).concat([after(1), after(39), after(50)]));
  };

  // Whether a place opens on `date`/`day`, at `minute` when given (else at any time).
  const opens = (place, date, day, minute) => {
    if (!place.h) return false;
    if (place.c.some(([from, to]) => from <= date && date <= to)) return false;
    if (holidays(Number(date.slice(0, 4))).has(date) && place.f !== "open") return false;
    return (place.h[day] || []).some(([s, e]) => minute === undefined || (s <= minute && minute < e));
  };

  // The next Saturday from today (today if it is one).
  const nextSaturday = (today) => {
    const t = new Date(`${today.date}T12:00:00Z`);
    t.setUTCDate(t.getUTCDate() + ((6 - t.getUTCDay() + 7) % 7));
    return t.toISOString().slice(0, 10);
  };

  const apply = () => {
    const now = local(new Date());
    const saturday = nextSaturday(now);
    const wantNow = document.getElementById("open-now").checked;
    const wantSaturday = document.getElementById("open-sa").checked;
    let shown = 0;
    for (const card of cards) {
      const list = places.get(card);
      const ok = (!wantNow || list.some((p) => opens(p, now.date, now.day, now.minute))) &&
        (!wantSaturday || list.some((p) => opens(p, saturday, "sa")));
      card.closest("li").hidden = !ok;
      if (ok) shown += 1;
    }
    status.textContent = `${shown} association${shown > 1 ? "s" : ""} affichée${shown > 1 ? "s" : ""} sur ${cards.length}.`;
  };

  const km = ([a, b], [c, d]) => {
    const r = Math.PI / 180, h = Math.sin((c - a) * r / 2) ** 2 +
      Math.cos(a * r) * Math.cos(c * r) * Math.sin((d - b) * r / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };

  document.getElementById("open-now").addEventListener("change", apply);
  document.getElementById("open-sa").addEventListener("change", apply);
  const near = document.getElementById("near-me");
  if (navigator.geolocation) {
    near.addEventListener("click", () => {
      status.textContent = "Recherche de votre position…";
      navigator.geolocation.getCurrentPosition((pos) => {
        const here = [pos.coords.latitude, pos.coords.longitude];
        const distance = (c) => Math.min(Infinity, ...places.get(c).map((p) => km(here, p.g)));
        const sorted = [...cards].sort((a, b) => distance(a) - distance(b));
        const list = cards[0].closest("ol, ul");
        sorted.forEach((c) => list.append(c.closest("li")));
        status.textContent = "Associations triées de la plus proche à la plus éloignée.";
      }, () => { status.textContent = "Position indisponible : la liste garde son ordre."; });
    });
  } else {
    near.hidden = true;
  }
  box.hidden = false;
})();
