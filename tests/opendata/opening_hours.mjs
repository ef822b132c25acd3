// The hours the site publishes, read by OpenStreetMap's own parser (the npm package
// opening_hours): every `horaires_accueil` of the data·inclusion files and every
// `opening_hours` of the GeoJSON must parse, without warnings.
// Usage: node opening_hours.mjs SITE_DIR...
import { readFileSync } from "node:fs";
import OpeningHours from "opening_hours";

let checked = 0;
let errors = 0;
for (const site of process.argv.slice(2)) {
  const values = [];
  for (const file of ["donnees/datainclusion/structures.json", "donnees/datainclusion/services.json"]) {
    for (const r of JSON.parse(readFileSync(`${site}/${file}`, "utf8"))) {
      if (r.horaires_accueil) values.push([`${file} ${r.id}`, r.horaires_accueil]);
    }
  }
  const geo = JSON.parse(readFileSync(`${site}/donnees/associations.geojson`, "utf8"));
  for (const f of geo.features) {
    if (f.properties.opening_hours) values.push([`associations.geojson ${f.properties.slug}`, f.properties.opening_hours]);
  }
  for (const [where, value] of values) {
    checked += 1;
    try {
      const warnings = new OpeningHours(value, null, { mode: 0 }).getWarnings();
      if (warnings.length) {
        errors += 1;
        console.log(`${site} ${where} : « ${value} » : ${warnings.join(" ; ")}`);
      }
    } catch (e) {
      errors += 1;
      console.log(`${site} ${where} : « ${value} » : ${String(e).split("\n")[0]}`);
    }
  }
}
console.log(`opening_hours : ${checked} horaires lus par le parseur d'OpenStreetMap, erreurs : ${errors}`);
process.exit(errors ? 1 : 0);
