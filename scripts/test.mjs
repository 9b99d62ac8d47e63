#!/usr/bin/env node
// `npm test`: installs, makes sure PostgreSQL and Redis answer, then lints, type-checks and runs every
// package's tests. Tests make their own databases and Redis key prefixes; development data is never touched.
import { fail, step } from "./lib/output.mjs";
import { ensureServices } from "./lib/services.mjs";
import { ensurePnpm, installDependencies, run } from "./lib/toolchain.mjs";

const major = Number(process.versions.node.split(".")[0]);
if (major < 20) fail(`Node 20 or newer is needed (this is ${process.version})`);

const pnpm = ensurePnpm();
installDependencies(pnpm);
const services = await ensureServices();
step("linting the whole repository (one Biome run, type-aware rules included)");
run(pnpm, ["run", "lint"], { what: "the lint" });
step("type-checking and testing every package");
run(pnpm, ["exec", "turbo", "run", "typecheck", "test", "--concurrency=2", "--output-logs=new-only"], {
  env: { ...process.env, ...services, TURBO_TELEMETRY_DISABLED: "1", NODE_ENV: "test" },
  what: "the test run",
});
step("all tests passed");
