#!/usr/bin/env node
// `npm test`: installs, makes sure PostgreSQL and Redis answer, then lints, type-checks and runs every
// package's tests. Tests make their own databases and Redis key prefixes; development data is never touched.
// They create databases and migrate as the owner (TEST_DATABASE_URL, else MIGRATION_DATABASE_URL's role) and
// connect to each as an application role of its own, as the api and worker do (packages/db/src/testing).
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
const { MIGRATION_DATABASE_URL, ...appServices } = services;
const env = {
  ...process.env,
  ...appServices,
  // The tests' owner; the owner's URL itself stays out, so a test that starts `npm start` over a database of
  // its own (DATABASE_URL) does not reach the development database.
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || MIGRATION_DATABASE_URL,
  TURBO_TELEMETRY_DISABLED: "1",
  NODE_ENV: "test",
};
delete env.MIGRATION_DATABASE_URL;
run(pnpm, ["exec", "turbo", "run", "typecheck", "test", "--concurrency=2", "--output-logs=new-only"], {
  env,
  what: "the test run",
});
step("all tests passed");
