// The interactive map, on demand, on /carte/ and on the directory's pages that have a drawn
// map. The page stands without it: the drawn map and the list are its content. A click loads
// Leaflet (and, for many places, its clustering plug-in) from the site itself, then draws
// the list's places as numbered links to their pages, over the tiles named in site.toml. Markers and the outline are vectors: they show
// even when the tiles cannot be reached.
(() => {
  "use strict";
  const tools = document.getElementById("map-tools");
  const box = document.getElementById("map-live");
  if (!tools || !box) return;
  const button = document.getElementById("map-load");
  const status = document.getElementById("map-status");
  const d = tools.dataset;
  // Below this many places, markers do not crowd enough to be worth 10 kB of clustering.
  const CLUSTER_FROM = 20;

  // The places: on /carte/, each item of the list holds its position; on the directory's
  // pages, the drawn map's markers ([number, lat, lon]) point to the numbered cards.
  const located = (n, link, name, lat, lon) => (link && Number.isFinite(lat) && Number.isFinite(lon)
    ? [{ n, name, url: link.getAttribute("href"), lat, lon }] : []);
  const places = d.markers
    ? JSON.parse(d.markers).flatMap(([n, lat, lon]) => {
      const link = document.querySelector(`ol.cards > li:nth-child(${n}) .card-title a`);
      return located(n, link, link?.textContent.trim(), lat, lon);
    })
    : Array.from(document.querySelectorAll("ol.places > li")).flatMap((li, i) => {
      const [lat, lon] = (li.dataset.geo || "").split(",").map(Number);
      return located(i + 1, li.querySelector("a"), li.textContent.trim(), lat, lon);
    });
  if (!places.length) return;
  tools.hidden = false;
  const count = places.length > 1 ? `${places.length} lieux` : "1 lieu";

  const add = (tag, props) => new Promise((resolve, reject) => {
    const el = Object.assign(document.createElement(tag), props);
    el.addEventListener("load", resolve);
    el.addEventListener("error", () => reject(new Error(props.src || props.href)));
    document.head.append(el);
  });
  const css = (href) => add("link", { rel: "stylesheet", href });
  const script = (src) => add("script", { src });

  // A marker is a real link (Enter and click follow it, no popup), showing its number.
  const pin = (p) => {
    const a = document.createElement("a");
    a.href = p.url;
    a.title = p.name;
    const number = document.createElement("span");
    number.setAttribute("aria-hidden", "true");
    number.textContent = p.n;
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = `${p.n}. ${p.name}`;
    a.append(number, label);
    return L.marker([p.lat, p.lon], {
      icon: L.divIcon({ html: a, className: "map-pin", iconSize: [28, 28] }),
      keyboard: false, // the link inside takes the focus, not a wrapper
      riseOnHover: true,
    });
  };

  // A group of places: a button (Leaflet's keyboard markers) that zooms in on Enter.
  const group = (cluster) => {
    const count = cluster.getChildCount();
    return L.divIcon({
      html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${count} lieux regroupés : agrandir la carte</span>`,
      className: "map-cluster",
      iconSize: [40, 40],
    });
  };

  const attribution = () => {
    const el = document.createElement(d.attributionUrl ? "a" : "span");
    if (d.attributionUrl) el.href = d.attributionUrl;
    el.textContent = d.attribution; // text from site.toml, never markup
    return el.outerHTML;
  };

  const draw = async () => {
    box.hidden = false;
    const map = L.map(box, { zoomControl: false, zoomSnap: 0.5 });
    L.control.zoom({ zoomInTitle: "Zoomer", zoomOutTitle: "Dézoomer" }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    const [lat0, lon0, lat1, lon1] = d.bounds.split(",").map(Number);
    map.fitBounds([[lat0, lon0], [lat1, lon1]]);

    let failed = 0;
    const tiles = L.tileLayer(d.tiles, { attribution: attribution(), maxZoom: 19 });
    tiles.on("tileerror", () => {
      failed += 1;
      if (failed === 1) {
        status.textContent = "Le fond de carte n'a pas pu être chargé : les lieux restent affichés sur la carte.";
      }
    });
    tiles.addTo(map);

    if (d.outline) {
      try {
        const r = await fetch(d.outline);
        if (r.ok) {
          L.geoJSON(await r.json(), {
            interactive: false,
            style: { color: "#3d4743", weight: 2, fillColor: "#ffffff", fillOpacity: 0.35 },
          }).addTo(map);
        }
      } catch {
        // The outline is an extra: the markers matter.
      }
    }

    const layer = places.length >= CLUSTER_FROM
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, iconCreateFunction: group })
      : L.featureGroup();
    for (const p of places) layer.addLayer(pin(p));
    layer.addTo(map);
    return map;
  };

  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = "Chargement de la carte interactive…";
    try {
      const clustered = places.length >= CLUSTER_FROM;
      await Promise.all([
        css(`${d.leaflet}leaflet.css`),
        clustered && css(`${d.cluster}MarkerCluster.css`),
        css(d.css),
        script(`${d.leaflet}leaflet.js`),
      ]);
      if (clustered) await script(`${d.cluster}leaflet.markercluster.js`);
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", `Carte interactive (${count}) : flèches pour déplacer, + et - pour zoomer, Tab pour aller d'un lieu à l'autre`);
      await draw();
      button.hidden = true;
      if (!status.textContent.startsWith("Le fond")) {
        status.textContent = `Carte interactive affichée : ${count}.`;
      }
      box.focus();
    } catch {
      box.hidden = true;
      button.disabled = false;
      status.textContent = "La carte interactive n'a pas pu être chargée. La carte ci-dessus et la liste restent disponibles.";
    }
  });
})();
