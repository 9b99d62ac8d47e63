#!/usr/bin/env node
// Runs the Prisma CLI so that it never tries to download a native engine (see README, "Prisma offline"):
// queries go through the driver adapter and migrations through the WebAssembly schema engine.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDatabaseUrls, setUpAppRole } from "./app-role.mjs";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = createRequire(join(packageDir, "package.json")).resolve("prisma/build/index.js");

export const prismaOfflineEnv = {
  PRISMA_CLI_QUERY_ENGINE_TYPE: "client",
  PRISMA_QUERY_ENGINE_LIBRARY: "/dev/null",
  PRISMA_SCHEMA_ENGINE_BINARY: "/dev/null",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

/** Runs `prisma <args>` in the db package; returns the exit status. */
export function runPrisma(args, { env = process.env, stdio = "inherit" } = {}) {
  const result = spawnSync(process.execPath, [prismaCli, ...args], {
    cwd: packageDir,
    env: { ...env, ...prismaOfflineEnv },
    stdio,
    encoding: "utf8",
  });
  return result;
}

/**
 * Creates the database named in the URL when it is missing (Prisma's native engine would do this for
 * `migrate dev/deploy`, the driver adapter does not), then stops with one line when the URL's role cannot
 * create tables there: that is the application role's URL, not the owner's.
 */
export async function ensureDatabase(url) {
  const { default: pg } = await import("pg");
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(
      "SELECT current_user AS who, has_schema_privilege('public', 'CREATE') AS can_create",
    );
    if (!rows[0]?.can_create) {
      console.error(
        `\u2716 migrations connect as ${rows[0]?.who}, who cannot create tables in ${name}: set MIGRATION_DATABASE_URL to the owner's URL (DATABASE_URL is the application role's)`,
      );
      process.exit(1);
    }
  } finally {
    await db.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  // Migrations run as the owner; the application role is set up afterwards (see app-role.mjs).
  const { migrationUrl, appUrl } = resolveDatabaseUrls(process.env);
  const env = { ...process.env, DATABASE_URL: migrationUrl, MIGRATION_DATABASE_URL: migrationUrl };
  const migrates = args[0] === "migrate" && ["dev", "deploy", "reset"].includes(args[1] ?? "");
  if (migrates) await ensureDatabase(migrationUrl);
  // Work-around 5: with the WebAssembly engine, `migrate dev` fails when committed migrations are pending
  // ("shadow DB must be provided through an external factory" in EvaluateDataLoss); applying them first
  // with `migrate deploy` leaves `migrate dev` only the new schema changes, which it handles.
  if (args[0] === "migrate" && args[1] === "dev") {
    const deployed = runPrisma(["migrate", "deploy"], { env });
    if (deployed.status !== 0) process.exit(deployed.status ?? 1);
  }
  const status = runPrisma(args, { env }).status ?? 1;
  if (status !== 0 || !migrates) process.exit(status);
  try {
    const { summary, warnings } = await setUpAppRole({ migrationUrl, appUrl });
    console.log(summary);
    for (const warning of warnings) console.warn(`\u26a0 ${warning}`);
  } catch (error) {
    console.error(
      `\u2716 setting up the application role failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
