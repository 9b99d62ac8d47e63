// The browser suite: Debian's Chromium (never a downloaded browser) against the real stack that
// src/stack/global-setup.ts starts on 127.0.0.1. Run it with `pnpm --filter @edu/e2e test` (scripts/run.mjs).
import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./src/stack/paths";

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./src/stack/global-setup.ts",
  // One stack, two cores: one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Past this the run stops and the teardown still runs (processes, database, Redis keys).
  globalTimeout: 10 * 60_000,
  outputDir: "./test-results",
  reporter: [["list"], ["html", { outputFolder: "./playwright-report", open: "never" }]],
  use: {
    browserName: "chromium",
    // baseURL comes from the stack (src/fixtures.ts), whose port is chosen at start.
    viewport: { width: 1280, height: 800 },
    locale: "en-US",
    timezoneId: "UTC",
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-dev-shm-usage"],
    },
  },
});
