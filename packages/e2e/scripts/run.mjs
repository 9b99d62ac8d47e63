#!/usr/bin/env node
// `pnpm --filter @edu/e2e test`: the browser suite in Debian's Chromium (never a downloaded browser) against the
// real stack, which playwright.config.ts's global setup starts and stops. Arguments go to `playwright test`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const e2eDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `✖ Chromium is not at ${chromium}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
  );
  process.exit(1);
}

const dist = resolve(process.env.E2E_WEB_DIST_DIR || join(e2eDir, "..", "web", "dist"));
if (!existsSync(join(dist, "index.html"))) {
  console.error(`✖ ${dist}/index.html is missing: build the web app first (pnpm --filter @edu/web build)`);
  process.exit(1);
}

const cli = join(dirname(createRequire(import.meta.url).resolve("@playwright/test/package.json")), "cli.js");
// Playwright's own limit (globalTimeout, 10 min) stops the run and still tears the stack down; this one is the
// last resort should the runner itself hang.
const HARD_LIMIT_MS = 15 * 60_000;

const child = spawn(process.execPath, [cli, "test", ...process.argv.slice(2)], {
  cwd: e2eDir,
  stdio: "inherit",
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", CHROMIUM_PATH: chromium },
});

const forward = (signal) => () => child.kill(signal);
process.on("SIGINT", forward("SIGINT"));
process.on("SIGTERM", forward("SIGTERM"));
const hardStop = setTimeout(() => {
  console.error(`✖ the browser suite ran past ${HARD_LIMIT_MS / 60_000} minutes; stopping it`);
  child.kill("SIGTERM");
  setTimeout(() => child.kill("SIGKILL"), 30_000).unref();
}, HARD_LIMIT_MS);
hardStop.unref();

child.on("exit", (code, signal) => {
  clearTimeout(hardStop);
  process.exit(code ?? (signal ? 1 : 0));
});
