// The harness of the form tests: the `portal` server and commands, and Chromium.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

// Set by ./run: the binary, the throwaway site, a temp folder, a moderator's token.
export const { PORTAL, SITE, WORK, TOKEN } = process.env;
export const MIN_FILL_MS = Number(process.env.MIN_FILL_SECONDS || 3) * 1000;
if (!PORTAL || !SITE || !WORK || !TOKEN) throw new Error("lancez ces tests avec tests/e2e/run");

/** Runs `portal --root SITE ...args` and returns what it printed (throws on failure). */
export const portal = (...args) =>
  execFileSync(PORTAL, ["--root", SITE, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let server = null;
/** The address of the running server, e.g. `http://127.0.0.1:40123` (no trailing slash). */
export let base = "";

/** Starts `portal serve` on the test site (usable as a hook: it ignores its arguments). */
export const startServer = () => serveSite(SITE);

/** Starts `portal serve` on `root`, on a free port, and waits for the line that gives its address. */
export async function serveSite(root) {
  server = spawn(PORTAL, ["--root", root, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const child = server;
  process.once("exit", () => child.kill()); // never leave a server behind
  let log = "";
  server.stderr.on("data", (d) => { log += d; });
  const lines = createInterface({ input: server.stdout });
  const timer = setTimeout(() => server.kill(), 30_000);
  let built = false;
  for await (const line of lines) {
    log += line + "\n";
    built ||= line.startsWith("Site construit");
    const m = line.match(/Portail servi sur (http:\/\/\S+?)\/? /);
    if (m) { base = m[1]; break; }
  }
  clearTimeout(timer);
  // A site that does not build is served without the forms: say why rather than time out.
  if (!base || !built) {
    await new Promise((r) => setTimeout(r, 300)); // the build's problems come on stderr
    await stopServer();
    throw new Error(`portal serve n'a pas démarré ou le site ne se construit pas :\n${log}`);
  }
  server.stdout.resume(); // keep draining its output
}

export async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = once(server, "exit");
  server.kill("SIGTERM");
  await exited;
  server = null;
  base = "";
}

let browser = null;
/** Debian's Chromium, never a downloaded one. */
export async function launch() {
  browser ??= await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return browser;
}
export const closeBrowser = async () => { await browser?.close(); browser = null; };

/**
 * A fresh page (own context, so nothing is shared between tests) whose script errors are
 * collected: `page.errors` must stay empty.
 */
export async function newPage({ javaScript = true } = {}) {
  const context = await (await launch()).newContext({ javaScriptEnabled: javaScript, locale: "fr-FR" });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  // Script errors only: a 400 or 404 answer is also logged as an error, and some are expected.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) page.errors.push(m.text());
  });
  return page;
}

/** The server refuses a form sent back faster than a person could: wait past that time. */
export const waitFillTime = (page) =>
  page.waitForFunction((ms) => {
    // The token is `server-milliseconds.signature`; the server runs on this machine.
    const token = document.querySelector("form[data-form]")._token.value;
    return token !== "" && Date.now() - Number(token.split(".")[0]) > ms + 200;
  }, MIN_FILL_MS, { polling: 100 });

/** Calls the moderators' API with the token; returns `{status, body}`. */
export async function moderationApi(path, options = {}) {
  const response = await fetch(`${base}/api/moderation${path}`, {
    ...options,
    headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json", "Content-Type": "application/json" },
  });
  return { status: response.status, body: await response.json() };
}

/** The pending queue's items, oldest first as the server gives them. */
export const pending = async () => (await moderationApi("/submissions?status=pending&limit=200")).body.items;

/** A date `days` from today, AAAA-MM-JJ (UTC; the tests keep away from midnight edges). */
export const inDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
