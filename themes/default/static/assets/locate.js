// A place's coordinates without typing them, on the association form: the centre of the
// commune typed (from the site's table of communes, donnees/communes.json, loaded on the
// first use), a click on the map (Leaflet, loaded from the site on the first use), or,
// where site.toml's [forms] address_search allows it, the national address service
// (api-adresse.data.gouv.fr: the address typed is then sent to it). Without this script the
// latitude and longitude are typed, as their hint says.
(() => {
  "use strict";
  const box = document.getElementById("locate");
  const form = document.querySelector("form[data-form]");
  if (!box || !form || !window.fetch) return;
  const $ = (id) => document.getElementById(id);
  const field = (name) => form.elements[name];
  const lat = field("locations[0].geo[0]"), lon = field("locations[0].geo[1]");
  const city = field("locations[0].city"), address = field("locations[0].address"), postal = field("locations[0].postal_code");
  const status = $("locate-status");
  const say = (text) => { status.textContent = text; };
  const set = (y, x, how) => {
    lat.value = y.toFixed(5);
    lon.value = x.toFixed(5);
    say(`${how} : latitude ${lat.value}, longitude ${lon.value}.`);
  };
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

  let communes = null;
  $("locate-commune").addEventListener("click", async () => {
    const wanted = fold(city.value || "");
    if (!wanted) { say("Écrivez d'abord la commune."); city.focus(); return; }
    try {
      communes ??= await (await fetch(box.dataset.communes)).json();
    } catch { communes = null; say("La liste des communes n'a pas pu se charger : placez le lieu sur la carte."); return; }
    const found = communes.find(([name]) => fold(name) === wanted);
    if (found) set(found[1], found[2], `Centre de ${found[0]}`);
    else say(`« ${city.value} » n'est pas une commune du territoire : vérifiez l'orthographe, ou placez le lieu sur la carte.`);
  });

  const search = $("locate-address");
  if (search && "addressSearch" in box.dataset) {
    search.addEventListener("click", async () => {
      const q = [address.value, postal.value, city.value].map((v) => (v || "").trim()).filter(Boolean).join(" ");
      if (q.length < 3) { say("Écrivez d'abord l'adresse et la commune."); address.focus(); return; }
      say("Recherche de l'adresse…");
      try {
        const url = `https://api-adresse.data.gouv.fr/search/?q=${encodeURIComponent(q)}&limit=1`;
        const answer = await (await fetch(url)).json();
        const best = answer.features && answer.features[0];
        if (!best) { say("Adresse introuvable : placez le lieu sur la carte."); return; }
        const [x, y] = best.geometry.coordinates;
        set(y, x, `Adresse trouvée (${best.properties.label})`);
      } catch { say("Le service d'adresses ne répond pas : placez le lieu sur la carte."); }
    });
  }

  // Leaflet, as the map pages load it: from the site, on demand.
  const add = (tag, attrs) => new Promise((resolve, reject) => {
    const el = Object.assign(document.createElement(tag), attrs);
    el.addEventListener("load", resolve);
    el.addEventListener("error", reject);
    document.head.append(el);
  });
  let map = null;
  $("locate-map").addEventListener("click", async () => {
    const where = $("locate-box");
    where.hidden = false;
    if (!map) {
      try {
        await Promise.all([add("link", { rel: "stylesheet", href: `${box.dataset.leaflet}leaflet.css` }),
          add("script", { src: `${box.dataset.leaflet}leaflet.js` })]);
      } catch { say("La carte n'a pas pu se charger : écrivez la latitude et la longitude."); return; }
      const [y0, x0, y1, x1] = box.dataset.bounds.split(",").map(Number);
      map = window.L.map(where).fitBounds([[y0, x0], [y1, x1]]);
      window.L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution }).addTo(map);
      let pin = null;
      map.on("click", (e) => {
        pin ??= window.L.circleMarker(e.latlng, { radius: 9 }).addTo(map);
        pin.setLatLng(e.latlng);
        set(e.latlng.lat, e.latlng.lng, "Lieu placé sur la carte");
      });
    }
    if (lat.value && lon.value) map.setView([Number(lat.value), Number(lon.value)], 16);
    say("Touchez la carte à l'endroit du lieu d'accueil.");
  });
  box.hidden = false;
})();
