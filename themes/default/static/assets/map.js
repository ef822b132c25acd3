// The interactive map, on demand, on /carte/ and on the directory's pages that have a drawn
// map. The page stands without it: the drawn map and the list are its content. A click loads
// Leaflet (and, for many places, its clustering plug-in) from the site itself, then draws
// the places as links to their pages (numbered like the list beside the map), over the
// tiles named in site.toml: on /carte/, only the places of the view, whatever the size of
// the territory. Markers and the outline are vectors: they show even when the tiles cannot
// be reached.
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

  // The places: on the directory's pages, the drawn map's markers ([number, lat, lon])
  // point to the numbered cards; on /carte/, they come from the tiles of places the build
  // wrote (generator/src/outputs/places.rs), only those of the view.
  const located = (n, link, name, lat, lon) => (link && Number.isFinite(lat) && Number.isFinite(lon)
    ? [{ n, name, url: link.getAttribute("href"), lat, lon }] : []);
  const places = d.markers
    ? JSON.parse(d.markers).flatMap(([n, lat, lon]) => {
      const link = document.querySelector(`ol.cards > li:nth-child(${n}) .card-title a`);
      return located(n, link, link?.textContent.trim(), lat, lon);
    })
    : [];
  const total = d.places ? Number(d.count) : places.length;
  if (!total) return;
  tools.hidden = false;
  const count = total > 1 ? `${total} lieux` : "1 lieu";
  const clustered = total >= CLUSTER_FROM;

  const add = (tag, props) => new Promise((resolve, reject) => {
    const el = Object.assign(document.createElement(tag), props);
    el.addEventListener("load", resolve);
    el.addEventListener("error", () => reject(new Error(props.src || props.href)));
    document.head.append(el);
  });
  const css = (href) => add("link", { rel: "stylesheet", href });
  const script = (src) => add("script", { src });

  // A marker is a real link (Enter and click follow it, no popup), showing its number when
  // the page lists the places (0: it does not).
  const pin = (p) => {
    const a = document.createElement("a");
    a.href = p.url;
    a.title = p.name;
    const number = document.createElement("span");
    number.setAttribute("aria-hidden", "true");
    number.textContent = p.n || "";
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = p.n ? `${p.n}. ${p.name}` : p.name;
    a.append(number, label);
    return L.marker([p.lat, p.lon], {
      icon: L.divIcon({ html: a, className: "map-pin", iconSize: [28, 28] }),
      keyboard: false, // the link inside takes the focus, not a wrapper
      riseOnHover: true,
    });
  };

  // A group of places: a button (Leaflet's keyboard markers) that zooms in on Enter.
  const groupIcon = (count) => L.divIcon({
    html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${count} lieux regroupés : agrandir la carte</span>`,
    className: "map-cluster",
    iconSize: [40, 40],
  });
  const group = (cluster) => groupIcon(cluster.getChildCount());

  // The tiles of places: a quadtree over the territory, each tile listing its places or,
  // when it has many, giving its groups of places (position, count, bounds) and naming its
  // quarters that have places. A tile's groups are shown until the tile is wider than the
  // map; then its quarters, fetched as the view reaches them.
  const EXPAND = 700;
  const quarter = ([[s, w], [n, e]], q) => {
    const [mlat, mlon] = [(s + n) / 2, (w + e) / 2];
    const [lat0, lat1] = q < 2 ? [mlat, n] : [s, mlat];
    const [lon0, lon1] = q % 2 === 0 ? [w, mlon] : [mlon, e];
    return [[lat0, lon0], [lat1, lon1]];
  };
  const tiled = (map, pins) => {
    const loaded = new Map();
    const tile = (name) => {
      if (!loaded.has(name)) {
        loaded.set(name, fetch(`${d.places}${name}.json`).then((r) => (r.ok ? r.json() : null)).catch(() => null));
      }
      return loaded.get(name);
    };
    const groups = L.featureGroup().addTo(map);
    const shown = new Map(); // tile name → its markers on the map
    const show = (t) => {
      if (t.p) {
        const markers = t.p.map(([lat, lon, n, name, url]) => pin({ lat, lon, n, name, url }));
        pins.addLayers ? pins.addLayers(markers) : markers.forEach((m) => pins.addLayer(m));
        return { markers, from: pins };
      }
      const markers = t.c.map(([lat, lon, n, s, w, north, e]) => {
        const m = L.marker([lat, lon], { icon: groupIcon(n), keyboard: true, riseOnHover: true });
        const zoom = () => {
          map.once("moveend", () => box.focus());
          map.fitBounds([[s, w], [north, e]], { padding: [24, 24], maxZoom: map.getZoom() + 4 });
        };
        m.on("click", zoom);
        m.on("keypress", (e) => { if (e.originalEvent.key === "Enter") zoom(); });
        groups.addLayer(m);
        return m;
      });
      return { markers, from: groups };
    };
    let turn = 0;
    const refresh = async () => {
      const mine = ++turn;
      const view = map.getBounds();
      const wanted = new Map();
      const visit = async (name, b) => {
        if (!view.intersects(L.latLngBounds(b))) return;
        const t = await tile(name);
        if (!t) return;
        const width = map.latLngToContainerPoint([b[0][0], b[1][1]]).x - map.latLngToContainerPoint(b[0]).x;
        if (t.p || width <= EXPAND) wanted.set(name, t);
        else await Promise.all(t.k.map((q) => visit(`${name}${q}`, quarter(b, q))));
      };
      await visit("r", bounds);
      if (mine !== turn) return; // the view moved again meanwhile
      for (const [name, s] of shown) {
        if (wanted.has(name)) continue;
        s.from.removeLayers ? s.from.removeLayers(s.markers) : s.markers.forEach((m) => s.from.removeLayer(m));
        shown.delete(name);
      }
      for (const [name, t] of wanted) if (!shown.has(name)) shown.set(name, show(t));
    };
    map.on("moveend", refresh);
    return refresh();
  };

  const attribution = () => {
    const el = document.createElement(d.attributionUrl ? "a" : "span");
    if (d.attributionUrl) el.href = d.attributionUrl;
    el.textContent = d.attribution; // text from site.toml, never markup
    return el.outerHTML;
  };

  const [lat0, lon0, lat1, lon1] = d.bounds.split(",").map(Number);
  const bounds = [[lat0, lon0], [lat1, lon1]];

  const draw = async () => {
    box.hidden = false;
    const map = L.map(box, { zoomControl: false, zoomSnap: 0.5 });
    L.control.zoom({ zoomInTitle: "Zoomer", zoomOutTitle: "Dézoomer" }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.fitBounds(bounds);

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

    const layer = clustered
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, iconCreateFunction: group })
      : L.featureGroup();
    layer.addTo(map);
    if (d.places) await tiled(map, layer);
    else for (const p of places) layer.addLayer(pin(p));
    return map;
  };

  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = "Chargement de la carte interactive…";
    try {
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
