// Least privilege in PostgreSQL: migrations run as the tables' owner (MIGRATION_DATABASE_URL); the api, the
// worker and the seed connect as an application role (DATABASE_URL) that may only read and write rows.
//
// The application role gets SELECT, INSERT, UPDATE, DELETE on tables and USAGE, SELECT on sequences; on the
// append-only audit tables only SELECT and INSERT; on _prisma_migrations only SELECT (for /readyz). It is not a
// superuser (so `SET session_replication_role = replica` fails), owns nothing and is no member of the owner
// (so `ALTER TABLE ... DISABLE TRIGGER`, DROP and CREATE OR REPLACE FUNCTION fail), and has no TRUNCATE,
// TRIGGER, REFERENCES or CREATE. Tables that later migrations add are covered twice: ALTER DEFAULT PRIVILEGES
// for the owner grants on them when they are created, and `db:deploy`/`db:migrate` run this setup again after
// every migration. The one rule for migrations: run them as the same owner role, through MIGRATION_DATABASE_URL.
//
// Plain JavaScript, imported by scripts/prisma.mjs, the repository's scripts/lib/services.mjs (before
// dependencies may be installed: `pg` is imported only when needed) and the test helpers.

export const DEFAULT_MIGRATION_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/eduplatform";
export const DEFAULT_APP_ROLE = "edu_app";
/** Append-only by name, whether or not their trigger is still there; tables using the trigger are added. */
export const AUDIT_TABLES = ["AuditLog", "GrievanceAuditLog"];
const AUDIT_TRIGGER_FUNCTION = "reject_audit_log_change";

/** The role a URL logs in as; pg (and poolConfigFromUrl) use `postgres` when the URL names none. */
export function userOf(url) {
  return decodeURIComponent(new URL(url).username) || "postgres";
}

/** The owner's URL with the application role's name and password: same server, database and options. */
export function appUrlFor(ownerUrl, { user = DEFAULT_APP_ROLE, password = "" } = {}) {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(user);
  url.password = password ? encodeURIComponent(password) : "";
  return url.toString();
}

/**
 * Which URL migrates and which one the application uses:
 * - MIGRATION_DATABASE_URL set: it migrates; DATABASE_URL (else `edu_app` on the same database, password
 *   APP_DB_PASSWORD) is the application's;
 * - only DATABASE_URL set (one URL, as before): it is taken as the owner's, and the application gets `edu_app`
 *   on the same database;
 * - neither: the local `postgres` owns, `edu_app` is the application's.
 */
export function resolveDatabaseUrls(env = process.env) {
  const migrationUrl = env.MIGRATION_DATABASE_URL || env.DATABASE_URL || DEFAULT_MIGRATION_DATABASE_URL;
  const appUrl =
    env.MIGRATION_DATABASE_URL && env.DATABASE_URL
      ? env.DATABASE_URL
      : appUrlFor(migrationUrl, { password: env.APP_DB_PASSWORD ?? "" });
  return { migrationUrl, appUrl };
}

const ROLE_CHECK = `
  SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls, r.rolcanlogin
  FROM pg_roles r WHERE r.rolname = $1`;

const DANGEROUS = {
  rolsuper: "SUPERUSER",
  rolcreatedb: "CREATEDB",
  rolcreaterole: "CREATEROLE",
  rolreplication: "REPLICATION",
  rolbypassrls: "BYPASSRLS",
};

/**
 * Creates (or updates) the application role named in `appUrl` and grants it row access in the database of
 * `migrationUrl`, connected as the owner. Idempotent; run it after every migration. Throws when the role would
 * keep a privilege that lets it get past the audit triggers. Returns what it did, in one line, and warnings.
 */
export async function setUpAppRole({ migrationUrl, appUrl }) {
  const { default: pg } = await import("pg");
  const appUser = userOf(appUrl);
  const password = decodeURIComponent(new URL(appUrl).password);
  const client = new pg.Client({ connectionString: migrationUrl });
  await client.connect();
  const id = (name) => client.escapeIdentifier(name);
  const warnings = [];
  try {
    const { rows: me } = await client.query("SELECT current_user AS owner, current_database() AS database");
    const { owner, database } = me[0];
    if (appUser === owner) {
      return {
        summary: `DATABASE_URL connects as ${owner}, the owner: no separate application role`,
        warnings: [
          `api and worker connect as ${owner}, who owns the tables and can switch the audit triggers off; ` +
            "set MIGRATION_DATABASE_URL to the owner's URL and DATABASE_URL to an application role's",
        ],
      };
    }

    // The role (cluster-wide).
    const withPassword = password ? ` PASSWORD ${client.escapeLiteral(password)}` : "";
    let role = (await client.query(ROLE_CHECK, [appUser])).rows[0];
    if (!role) {
      try {
        await client.query(
          `CREATE ROLE ${id(appUser)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${withPassword}`,
        );
      } catch (error) {
        if (error?.code !== "42710") throw error; // created meanwhile by a concurrent setup
      }
      role = (await client.query(ROLE_CHECK, [appUser])).rows[0];
    } else {
      // Name only what changes: a non-superuser owner (with CREATEROLE) may not even mention SUPERUSER.
      const changes = Object.entries(DANGEROUS)
        .filter(([column]) => role[column])
        .map(([, keyword]) => `NO${keyword}`);
      if (!role.rolcanlogin) changes.push("LOGIN");
      if (changes.length > 0 || withPassword) {
        await client.query(`ALTER ROLE ${id(appUser)} WITH ${changes.join(" ")}${withPassword}`);
        role = (await client.query(ROLE_CHECK, [appUser])).rows[0];
      }
    }
    const kept = Object.entries(DANGEROUS)
      .filter(([column]) => role[column])
      .map(([, keyword]) => keyword);
    if (kept.length > 0) throw new Error(`role ${appUser} still has ${kept.join(", ")}; remove it first`);

    // Nothing the application role is, or inherits, may own the database, the schema or a table in it.
    const { rows: owns } = await client.query(
      `SELECT pg_has_role($1, current_user, 'MEMBER') AS member_of_owner,
              (SELECT pg_has_role($1, datdba, 'MEMBER') FROM pg_database WHERE datname = current_database()) AS owns_database,
              (SELECT pg_has_role($1, nspowner, 'MEMBER') FROM pg_namespace WHERE nspname = 'public') AS owns_schema,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND pg_has_role($1, c.relowner, 'MEMBER')) AS owned_relations`,
      [appUser],
    );
    const o = owns[0];
    if (o.member_of_owner || o.owns_database || o.owns_schema || o.owned_relations > 0) {
      throw new Error(
        `role ${appUser} owns (or is a member of a role that owns) the database, its schema or its tables, ` +
          "and could switch the audit triggers off: use a role of its own for DATABASE_URL",
      );
    }

    // PostgreSQL 15 can grant SET on a superuser parameter; session_replication_role turns the triggers off.
    const { rows: version } = await client.query("SELECT current_setting('server_version_num')::int AS n");
    if (version[0].n >= 150000) {
      const { rows: setting } = await client.query(
        "SELECT has_parameter_privilege($1, 'session_replication_role', 'SET') AS yes",
        [appUser],
      );
      if (setting[0].yes)
        throw new Error(`role ${appUser} may SET session_replication_role, which switches triggers off`);
    }
    const { rows: groups } = await client.query(
      "SELECT rolname FROM pg_roles WHERE rolname <> $1 AND pg_has_role($1, oid, 'MEMBER') ORDER BY rolname",
      [appUser],
    );
    if (groups.length > 0)
      warnings.push(
        `${appUser} is a member of ${groups.map((g) => g.rolname).join(", ")}: it has their privileges too`,
      );

    // The grants (this database), in one transaction so no session sees them half done.
    const { rows: existing } = await client.query(
      `SELECT c.relname,
              EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                      WHERE t.tgrelid = c.oid AND p.proname = $1) AS has_audit_trigger
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
      [AUDIT_TRIGGER_FUNCTION],
    );
    const appendOnly = existing
      .filter((r) => r.has_audit_trigger || AUDIT_TABLES.includes(r.relname))
      .map((r) => r.relname)
      .sort();
    const app = id(appUser);
    // PUBLIC usually holds CONNECT and USAGE already; granting them needs the database's or schema's owner.
    const { rows: reach } = await client.query(
      `SELECT has_database_privilege($1, current_database(), 'CONNECT') AS connect,
              has_schema_privilege($1, 'public', 'USAGE') AS usage`,
      [appUser],
    );
    await client.query("BEGIN");
    try {
      for (const sql of [
        ...(reach[0].connect ? [] : [`GRANT CONNECT ON DATABASE ${id(database)} TO ${app}`]),
        ...(reach[0].usage ? [] : [`GRANT USAGE ON SCHEMA public TO ${app}`]),
        // From a known state: whatever was granted before (TRUNCATE, TRIGGER, REFERENCES) goes.
        `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`,
        `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
        `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
        ...appendOnly.map((table) => `REVOKE UPDATE, DELETE ON ${id(table)} FROM ${app}`),
        ...(existing.some((r) => r.relname === "_prisma_migrations")
          ? [`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${app}`]
          : []),
        // Tables and sequences the owner creates later (the next migrations) get the same row access.
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${id(owner)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${id(owner)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
      ]) {
        await client.query(sql);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }

    // PostgreSQL before 15 lets PUBLIC create tables in `public`; take that away when we may (the schema's owner
    // or a superuser may; anyone else gets a warning from the server and one from us).
    const canCreate = async () =>
      (await client.query("SELECT has_schema_privilege($1, 'public', 'CREATE') AS yes", [appUser])).rows[0]
        .yes;
    if (await canCreate()) {
      await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${app}`).catch(() => {});
      if (await canCreate())
        warnings.push(
          `${appUser} can still CREATE in schema public (granted to PUBLIC by the schema's owner); ` +
            "run `REVOKE CREATE ON SCHEMA public FROM PUBLIC` as that owner",
        );
    }
    return {
      summary: `application role ${appUser}: rows of ${existing.length} tables in ${database} (${appendOnly.join(", ") || "no"} append-only), owner ${owner}`,
      warnings,
    };
  } finally {
    await client.end();
  }
}
