// The JSON Schemas of `portal schema` against the content files, with a real validator
// (Ajv, draft-07, with ajv-formats for dates) reading the front matter as an editor's IDE
// does (the `yaml` package, YAML 1.2, duplicate keys refused):
// 1. every content file of the bundled site and of tests/sites/basic is valid;
// 2. each case of tests/sites/invalid/ (its files laid over basic, the schemas written for
//    that site) is refused by the schema, refused by the YAML parser, or accepted, as
//    schema-cases.txt says, which also says why the schema cannot express what it accepts.
//    Prints the table.
// Usage: node schemas.mjs PORTAL REPO
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import YAML from "yaml";

const [portal, repo] = process.argv.slice(2);
const FOLDERS = ["associations", "benevolat", "ressources", "pages"];
const scratch = mkdtempSync(join(tmpdir(), "portal-schemas-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/// The validators of a site's schemas, written by `portal schema`; null if it refuses.
function validators(site, into) {
  try {
    execFileSync(portal, ["--root", site, "schema", into], { stdio: "pipe" });
  } catch {
    return null;
  }
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  return Object.fromEntries(FOLDERS.map((f) => [f, ajv.compile(JSON.parse(readFileSync(join(into, `${f}.schema.json`), "utf8")))]));
}

/// The front matter of a file as the IDE reads it, or the reason it cannot.
function frontMatter(text) {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  if (lines[0].trimEnd() !== "---") return { error: "pas d'en-tête YAML" };
  const end = lines.findIndex((l, i) => i > 0 && ["---", "..."].includes(l.trimEnd()));
  if (end < 0) return { error: "en-tête YAML non fermé" };
  const doc = YAML.parseDocument(lines.slice(1, end).join("\n"), { version: "1.2", uniqueKeys: true });
  if (doc.errors.length) return { error: `YAML refusé : ${doc.errors[0].message.split("\n")[0]}` };
  return { data: doc.toJS() ?? {} };
}

/// The first problem of `file` (a content file of `folder`) for `validate`, or null.
function problem(validate, file) {
  const { data, error } = frontMatter(readFileSync(file, "utf8"));
  if (error) return { parser: true, message: error };
  if (validate(data)) return null;
  const e = validate.errors[0];
  return { parser: false, message: `${e.instancePath || "/"} ${e.message}` };
}

function contentFiles(root) {
  const out = [];
  for (const f of FOLDERS) {
    const dir = join(root, "content", f);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".md")) out.push([f, join(dir, name)]);
    }
  }
  return out;
}

let failures = 0;
for (const [label, site] of [["contenu fourni", repo], ["tests/sites/basic", join(repo, "tests/sites/basic")]]) {
  const v = validators(site, join(scratch, label.replace(/\W/g, "-")));
  const files = contentFiles(site);
  let errors = 0;
  for (const [folder, file] of files) {
    const p = problem(v[folder], file);
    if (p) {
      errors += 1;
      console.log(`${file} : ${p.message}`);
    }
  }
  failures += errors;
  console.log(`Schémas JSON, ${label} : ${files.length} fichiers validés, erreurs : ${errors}`);
}

const expected = new Map(
  readFileSync(join(repo, "tests/opendata/schema-cases.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split(" | ").map((s) => s.trim()))
    .map(([name, verdict, why]) => [name, { verdict, why }]),
);
const invalid = join(repo, "tests/sites/invalid");
const counts = { "schéma": 0, "analyseur YAML": 0, "accepté": 0 };
for (const name of readdirSync(invalid).sort()) {
  const site = join(scratch, `cas-${name}`);
  cpSync(join(repo, "tests/sites/basic"), site, { recursive: true });
  const overlay = join(invalid, name);
  cpSync(overlay, site, { recursive: true, filter: (src) => !src.endsWith("expected.txt") });
  const v = validators(site, join(site, "schemas"));
  let verdict;
  let detail;
  if (!v) {
    verdict = "accepté";
    detail = "portal schema refuse le site.toml du cas";
  } else {
    const laid = contentFiles(overlay);
    const found = laid.map(([folder, file]) => [file, problem(v[folder], join(site, file.slice(overlay.length)))]).find(([, p]) => p);
    if (found) {
      verdict = found[1].parser ? "analyseur YAML" : "schéma";
      detail = `${found[0].slice(overlay.length + 1)} ${found[1].message}`;
    } else {
      verdict = "accepté";
      detail = laid.length ? "" : "aucun fichier de contenu dans le cas";
    }
  }
  counts[verdict] += 1;
  const want = expected.get(name);
  const ok = want && want.verdict === verdict;
  if (!ok) failures += 1;
  const why = verdict === "accepté" ? ` — ${want?.why ?? "?"}` : "";
  console.log(`${ok ? " " : "✗"} ${name} : ${verdict}${detail ? ` (${detail})` : ""}${why}${ok ? "" : ` ; attendu ${want?.verdict ?? "une ligne dans schema-cases.txt"}`}`);
}
console.log(`Cas invalides : ${counts["schéma"]} refusés par le schéma, ${counts["analyseur YAML"]} par l'analyseur YAML, ${counts["accepté"]} acceptés (ce que le schéma ne peut pas dire), écarts avec schema-cases.txt : ${failures}`);
process.exit(failures ? 1 : 0);
