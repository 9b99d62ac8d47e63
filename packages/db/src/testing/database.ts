import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDbWithPool, type Db } from "../client";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const migrationsDir = join(packageDir, "prisma", "migrations");

export type TestDatabase = { url: string; name: string; db: Db; drop(): Promise<void> };

function baseUrl(): URL {
  return new URL(
    process.env.TEST_DATABASE_URL ??
      process.env.DATABASE_URL ??
      "postgresql://postgres@127.0.0.1:5432/postgres",
  );
}

function urlFor(name: string): string {
  const url = baseUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fingerprint of the committed migrations, so a template made from older migrations is never reused. */
function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  for (const entry of readdirSync(migrationsDir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    hash.update(entry.name);
    hash.update(readFileSync(join(migrationsDir, entry.name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 16);
}

export function applyMigrations(url: string): void {
  const result = spawnSync(
    process.execPath,
    [join(packageDir, "scripts", "prisma.mjs"), "migrate", "deploy"],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    },
  );
  if (result.status !== 0)
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor("postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A fresh, fully migrated database of its own for a test file, dropped by `drop()`. Migrations run once per
 * migration set into a template database; each test database is a copy of it, which takes milliseconds.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = `edu_template_${migrationsFingerprint()}`;
  const name = `edu_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(async (admin) => {
    // One process builds the template; the others wait for it. Copies are serialised too, because
    // CREATE DATABASE refuses a template that another session is connected to.
    await admin.query("SELECT pg_advisory_lock(hashtext('eduplatform-test-template'))");
    try {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (!rowCount) {
        const building = `${template}_building`;
        await admin.query(`DROP DATABASE IF EXISTS ${quote(building)}`);
        await admin.query(`CREATE DATABASE ${quote(building)}`);
        applyMigrations(urlFor(building));
        await admin.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(template)}`);
      }
      await admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext('eduplatform-test-template'))");
    }
  });
  const url = urlFor(name);
  const { db, pool } = createDbWithPool({ DATABASE_URL: url, DATABASE_POOL_MAX: 5 });
  return {
    url,
    name,
    db,
    async drop() {
      await db.$disconnect();
      await pool.end();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
    },
  };
}

/** An empty database (no migrations), for tests of the migrations themselves. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `edu_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${quote(name)}`));
  return {
    url: urlFor(name),
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)).then(() => {}),
  };
}
