// Today's hours, "open now" and "opens tomorrow at 9 h" on each card, "ouvert maintenant",
// "ouvert samedi" and "près de moi" on the lists, computed here from each card's places
// (hours, closures, season, public holidays) in the site's time zone, by the rules of the
// generator's functions/model/src/opening.rs. On the pages of a need, the places open now
// come first. Nothing is sent anywhere: the position stays in the browser. Without this
// script each card shows the hours of the day the page was built, said with its date.
(() => {
  "use strict";
  const box = document.querySelector(".open-filters");
  const cards = Array.from(document.querySelectorAll(".cards [data-places]"));
  if (!box || !cards.length || !window.Intl) return;
  const zone = box.dataset.timezone || "Europe/Paris";
  const words = JSON.parse(box.dataset.words);
  const status = document.getElementById("filter-status");
  const DAYS = ["su", "mo", "tu", "we", "th", "fr", "sa"];
  const places = new Map(cards.map((c) => [c, JSON.parse(c.dataset.places)]));
  const DAY_MS = 86400000;

  // The date, weekday and minute of `when` in the site's time zone.
  const local = (when) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short",
    }).formatToParts(when).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    return { date, day: dayOf(date), minute: Number(parts.hour) * 60 + Number(parts.minute) };
  };
  const dayOf = (date) => DAYS[new Date(`${date}T12:00:00Z`).getUTCDay()];
  const plus = (date, n) => new Date(Date.parse(`${date}T12:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

  // French public holidays of a year: fixed days, and those that follow Easter.
  const holidayCache = new Map();
  const holidays = (year) => {
    if (holidayCache.has(year)) return holidayCache.get(year);
    const a = year % 19, b = Math.floor(year / 100), c = year % 100;
    const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
    const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
    const easter = Date.UTC(year, month - 1, day);
    const after = (n) => new Date(easter + n * DAY_MS).toISOString().slice(0, 10);
    const set = new Set(["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"]
      .map((md) => `${year}-${md}`).concat([after(1), after(39), after(50)]));
    holidayCache.set(year, set);
    return set;
  };

  // The ranges a place opens on `date`, in the order of opening.rs: no hours, closures,
  // season, public holidays, then the week. Empty when closed.
  const rangesOn = (place, date) => {
    if (!place.h) return [];
    if (place.c.some(([from, to]) => from <= date && date <= to)) return [];
    if (place.s) {
      const md = date.slice(5);
      const [from, to] = place.s;
      const inSeason = from <= to ? from <= md && md <= to : md >= from || md <= to;
      if (!inSeason) return [];
    }
    if (holidays(Number(date.slice(0, 4))).has(date) && place.f !== "open") return [];
    return place.h[dayOf(date)] || [];
  };
  const opens = (place, date, minute) =>
    rangesOn(place, date).some(([s, e]) => minute === undefined || (s <= minute && minute < e));

  // When a place next opens from now: [days from today, minute, open now?], or null.
  const next = (place, now) => {
    for (let n = 0; n <= 366; n++) {
      const date = n === 0 ? now.date : plus(now.date, n);
      for (const [s, e] of rangesOn(place, date)) {
        if (n === 0 && e <= now.minute) continue;
        if (n === 0 && s <= now.minute) return [0, e, true];
        return [n, s, false];
      }
    }
    return null;
  };

  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  // Times, days of the month and lists as the page's language says them (the words of a
  // page in another language than the site's carry them; French is the default).
  const time = (minute) => {
    const h = Math.floor(minute / 60), mm = String(minute % 60).padStart(2, "0");
    if (minute % 60) return words.hm ? fill(words.hm, { h, mm }) : `${h}\u00a0h\u00a0${mm}`;
    return words.h ? fill(words.h, { h }) : `${h}\u00a0h`;
  };
  const dayMonth = (day, month) => words.dm
    ? fill(words.dm, { d: day, month })
    : `${day === 1 ? "1er" : day}\u00a0${month}`;
  // "Ouvert maintenant, jusqu'à 12 h", "Ouvre demain à 9 h", "Ouvre jeudi à 9 h"…
  const say = (found, now) => {
    if (!found) return { text: words.unknown, open: false };
    const [n, minute, open] = found;
    if (open) return { text: fill(words.open, { time: time(minute) }), open: true };
    const date = plus(now.date, n);
    const key = n === 0 ? "later" : n === 1 ? "tomorrow" : n < 7 ? "weekday" : "date";
    const d = new Date(`${date}T12:00:00Z`);
    const day = words.days[d.getUTCDay()];
    const when = dayMonth(d.getUTCDate(), words.months[d.getUTCMonth()]);
    return { text: fill(words[key], { time: time(minute), day, date: when }), open: false };
  };
  const rangesText = (ranges) => ranges.length
    ? ranges.map(([s, e]) => `${time(s)}${words.and}${time(e)}`).join(words.comma || ", ")
    : words.closed;

  // Each card: today's hours (the build's text when the page is of today) and its status.
  const soonest = new Map();
  const update = (now) => {
    for (const card of cards) {
      const list = places.get(card);
      const found = list.map((p) => next(p, now)).filter(Boolean)
        .sort((a, b) => (b[2] - a[2]) || (a[0] - b[0]) || (a[1] - b[1]))[0] || null;
      soonest.set(card, found);
      card.querySelectorAll("[data-today]").forEach((line, i) => {
        const day = line.querySelector(".card-day");
        const hours = line.querySelector(".card-hours");
        if (hours && line.dataset.today !== now.date) {
          hours.textContent = rangesText(rangesOn(list[Math.min(i, list.length - 1)], now.date));
        }
        if (day) day.textContent = words.today;
      });
      const line = card.querySelector("[data-status]");
      if (line) {
        const said = say(found, now);
        line.textContent = said.text;
        line.classList.toggle("is-open", said.open);
        line.hidden = false;
      }
    }
  };

  // The next Saturday from today (today if it is one).
  const nextSaturday = (today) => plus(today.date, (6 - new Date(`${today.date}T12:00:00Z`).getUTCDay() + 7) % 7);

  const apply = () => {
    const now = local(new Date());
    const saturday = nextSaturday(now);
    const wantNow = document.getElementById("open-now").checked;
    const wantSaturday = document.getElementById("open-sa").checked;
    let shown = 0;
    for (const card of cards) {
      const list = places.get(card);
      const ok = (!wantNow || list.some((p) => opens(p, now.date, now.minute))) &&
        (!wantSaturday || list.some((p) => opens(p, saturday)));
      card.closest("li").hidden = !ok;
      if (ok) shown += 1;
    }
    status.textContent = `${shown} ${shown > 1 ? box.dataset.many : box.dataset.one} sur ${cards.length}.`;
  };

  const km = ([a, b], [c, d]) => {
    const r = Math.PI / 180, h = Math.sin((c - a) * r / 2) ** 2 +
      Math.cos(a * r) * Math.cos(c * r) * Math.sin((d - b) * r / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };
  const reorder = (sorted) => {
    const list = cards[0].closest("ol, ul");
    sorted.forEach((c) => list.append(c.closest("li")));
  };

  const now = local(new Date());
  update(now);
  // On a need's pages, the places open now first, then those that open soonest.
  if ("sortOpen" in box.dataset) {
    const rank = (c) => {
      const f = soonest.get(c);
      return f ? [f[2] ? 0 : 1, f[0], f[2] ? 0 : f[1]] : [2, 0, 0];
    };
    const sorted = cards.map((c, i) => [c, rank(c), i]).sort((x, y) =>
      (x[1][0] - y[1][0]) || (x[1][1] - y[1][1]) || (x[1][2] - y[1][2]) || (x[2] - y[2])).map((x) => x[0]);
    reorder(sorted);
    status.textContent = words.openFirst;
  }

  document.getElementById("open-now").addEventListener("change", apply);
  document.getElementById("open-sa").addEventListener("change", apply);
  const near = document.getElementById("near-me");
  if (navigator.geolocation) {
    near.addEventListener("click", () => {
      status.textContent = words.locating;
      navigator.geolocation.getCurrentPosition((pos) => {
        const here = [pos.coords.latitude, pos.coords.longitude];
        const distance = (c) => Math.min(Infinity, ...places.get(c).map((p) => km(here, p.g)));
        for (const c of cards) {
          const line = c.querySelector("[data-distance]");
          const d = distance(c);
          if (!line || !Number.isFinite(d)) continue;
          line.textContent = d < 1 ? words.near : fill(words.km, { km: d.toFixed(d < 10 ? 1 : 0).replace(".", ",") });
          line.hidden = false;
        }
        reorder([...cards].sort((a, b) => distance(a) - distance(b)));
        status.textContent = "sortOpen" in box.dataset ? words.placesSorted : words.nearSorted;
      }, () => { status.textContent = words.noPosition; });
    });
  } else {
    near.hidden = true;
  }
  box.hidden = false;
})();
