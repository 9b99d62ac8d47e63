import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** packages/e2e */
export const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The monorepo's root. */
export const repoRoot = resolve(e2eDir, "..", "..");
export const packageDir = (name: "api" | "worker" | "seed" | "web") => join(repoRoot, "packages", name);

/** Service logs of the last run (api.log, worker.log, seed.log) and the running stack's record. */
export const logsDir = join(e2eDir, "logs");
export const stateFile = join(logsDir, "stack.json");
export const screenshotsDir = join(e2eDir, "screenshots");

/** The built SPA the api serves: packages/web/dist unless E2E_WEB_DIST_DIR names another build. */
export const webDistDir = () => resolve(process.env.E2E_WEB_DIST_DIR || join(packageDir("web"), "dist"));

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
