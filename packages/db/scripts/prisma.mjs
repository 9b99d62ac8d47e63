#!/usr/bin/env node
// Runs the Prisma CLI so that it never tries to download a native engine (see README, "Prisma offline"):
// queries go through the driver adapter and migrations through the WebAssembly schema engine.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
 * Creates the database named in DATABASE_URL when it is missing: Prisma's native engine would do this
 * for `migrate dev/deploy`, the driver adapter does not.
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
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/eduplatform";
  if (args[0] === "migrate" && ["dev", "deploy", "reset"].includes(args[1] ?? "")) {
    await ensureDatabase(url);
  }
  // Work-around 5: with the WebAssembly engine, `migrate dev` fails when committed migrations are pending
  // ("shadow DB must be provided through an external factory" in EvaluateDataLoss); applying them first
  // with `migrate deploy` leaves `migrate dev` only the new schema changes, which it handles.
  if (args[0] === "migrate" && args[1] === "dev") {
    const deployed = runPrisma(["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url } });
    if (deployed.status !== 0) process.exit(deployed.status ?? 1);
  }
  process.exit(runPrisma(args, { env: { ...process.env, DATABASE_URL: url } }).status ?? 1);
}
