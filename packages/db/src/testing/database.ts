import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { setUpAppRole } from "../../scripts/app-role.mjs";
import { createDbWithPool, type Db } from "../client";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const migrationsDir = join(packageDir, "prisma", "migrations");

export type TestDatabase = {
  /** The application role's URL: what api and worker get as DATABASE_URL (rows only, no DDL). */
  url: string;
  /** The owner's URL (the role that ran the migrations), for what needs more than rows. */
  ownerUrl: string;
  name: string;
  /** The application role, made for this database alone and dropped with it. */
  role: string;
  /** Connected as the application role. */
  db: Db;
  /**
   * Refreshes the planner's statistics (ANALYZE, as the owner): after a bulk seed, what autovacuum would do
   * within the minute on a live database, so benchmarks plan queries as production would.
   */
  analyze(): Promise<void>;
  drop(): Promise<void>;
};

/**
 * The server and the role that creates test databases and runs their migrations: TEST_DATABASE_URL, else the
 * owner's URL (MIGRATION_DATABASE_URL), else DATABASE_URL as in the one-URL setups, else the local superuser.
 */
function baseUrl(): URL {
  return new URL(
    process.env.TEST_DATABASE_URL ||
      process.env.MIGRATION_DATABASE_URL ||
      process.env.DATABASE_URL ||
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

/**
 * `db:deploy` as the owner at `url`. With `appUrl` it also sets up that application role, as deployments do;
 * without, no role is touched.
 */
export function applyMigrations(url: string, options: { appUrl?: string } = {}): void {
  const result = spawnSync(
    process.execPath,
    [join(packageDir, "scripts", "prisma.mjs"), "migrate", "deploy"],
    {
      env: { ...process.env, MIGRATION_DATABASE_URL: url, DATABASE_URL: options.appUrl ?? url },
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

const TEST_NAME = /^edu_test_[0-9a-f]{12}$/;

/** Application roles of test databases that no longer exist (a test process that died before `drop()`). */
async function dropOrphanedRoles(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ rolname: string }>(
    `SELECT rolname FROM pg_roles r
     WHERE rolname ~ '^edu_test_[0-9a-f]{12}_app$'
       AND NOT EXISTS (SELECT 1 FROM pg_database d WHERE d.datname = left(r.rolname, -4))`,
  );
  for (const { rolname } of rows) {
    await admin.query(`DROP ROLE IF EXISTS ${quote(rolname)}`).catch(() => {});
  }
}

/** The application role of a test database (named after it), with a random password for password auth. */
function appRoleFor(name: string): { role: string; url: string } {
  if (!TEST_NAME.test(name)) throw new Error(`not a test database name: ${name}`);
  const role = `${name}_app`;
  const url = new URL(urlFor(name));
  url.username = role;
  url.password = randomBytes(18).toString("hex");
  return { role, url: url.toString() };
}

async function dropDatabaseAndRole(name: string, role: string): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${quote(role)}`);
  });
}

/**
 * A fresh, fully migrated database of its own for a test file, dropped by `drop()`. Migrations run once per
 * migration set into a template database; each test database is a copy of it, which takes milliseconds.
 * Its `db` and `url` are an application role's, set up as `db:deploy` sets up DATABASE_URL's role, so every
 * test runs with the privileges the api and worker have in production; `ownerUrl` is the migrations' role.
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
      await dropOrphanedRoles(admin);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext('eduplatform-test-template'))");
    }
  });
  const ownerUrl = urlFor(name);
  const app = appRoleFor(name);
  try {
    await setUpAppRole({ migrationUrl: ownerUrl, appUrl: app.url });
  } catch (error) {
    await dropDatabaseAndRole(name, app.role);
    throw error;
  }
  const { db, pool } = createDbWithPool({ DATABASE_URL: app.url, DATABASE_POOL_MAX: 5 });
  return {
    url: app.url,
    ownerUrl,
    name,
    role: app.role,
    db,
    async analyze() {
      const owner = new pg.Client({ connectionString: ownerUrl });
      await owner.connect();
      try {
        await owner.query("ANALYZE");
      } finally {
        await owner.end();
      }
    },
    async drop() {
      await db.$disconnect();
      await pool.end();
      await dropDatabaseAndRole(name, app.role);
    },
  };
}

/**
 * An empty database (no migrations), for tests of the migrations themselves and of `npm start`. `url` is the
 * owner's; `appUrl` names an application role of its own that nothing has created yet (`applyMigrations(url,
 * { appUrl })` or `db:deploy` with DATABASE_URL=appUrl sets it up); `drop()` drops both.
 */
export async function createEmptyDatabase(): Promise<{
  url: string;
  appUrl: string;
  role: string;
  drop(): Promise<void>;
}> {
  const name = `edu_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${quote(name)}`));
  const app = appRoleFor(name);
  return {
    url: urlFor(name),
    appUrl: app.url,
    role: app.role,
    drop: () => dropDatabaseAndRole(name, app.role),
  };
}
