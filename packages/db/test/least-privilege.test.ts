// The application role (what api and worker connect as) reads and writes rows, and nothing else: it cannot get
// past the audit tables' triggers (no superuser for session_replication_role, no ownership for DISABLE TRIGGER,
// no TRUNCATE/UPDATE/DELETE on the audit tables at all), cannot change the schema, and keeps that for tables
// that later migrations add.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_TABLES, setUpAppRole } from "../scripts/app-role.mjs";
import { applyMigrations, createEmptyDatabase, createTestDatabase, type TestDatabase } from "../src/testing";

let t: TestDatabase;
let app: pg.Client;
let owner: pg.Client;
let grievanceId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = new pg.Client({ connectionString: t.url });
  owner = new pg.Client({ connectionString: t.ownerUrl });
  await app.connect();
  await owner.connect();

  // Everything a grievance and its audit rows need, written by the application role.
  const institution = await app.query<{ id: string }>(
    `INSERT INTO "Institution" (id, name, domain, "updatedAt") VALUES (gen_random_uuid(), 'I', 'i.test', now()) RETURNING id`,
  );
  const user = await app.query<{ id: string }>(
    `INSERT INTO "User" (id, email, name, role, "institutionId", "updatedAt") VALUES (gen_random_uuid(), 's@i.test', 'S', 'STUDENT', $1, now()) RETURNING id`,
    [institution.rows[0]?.id],
  );
  const student = await app.query<{ id: string }>(
    `INSERT INTO "Student" (id, "userId") VALUES (gen_random_uuid(), $1) RETURNING id`,
    [user.rows[0]?.id],
  );
  const grievance = await app.query<{ id: string }>(
    `INSERT INTO "Grievance" (id, "studentId", category, severity, description, "updatedAt") VALUES (gen_random_uuid(), $1, 'OTHER', 'LOW', 'd', now()) RETURNING id`,
    [student.rows[0]?.id],
  );
  grievanceId = grievance.rows[0]?.id as string;
});

afterAll(async () => {
  await app?.end();
  await owner?.end();
  await t?.drop();
});

const countOf = async (table: string) =>
  Number((await owner.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]?.n);

describe("the application role", () => {
  it("is what createTestDatabase's client and url connect as, and holds no role attribute", async () => {
    expect(await t.db.$queryRaw`SELECT current_user::text AS who`).toEqual([{ who: t.role }]);
    expect((await app.query("SELECT current_user::text AS who")).rows[0]?.who).toBe(t.role);
    const { rows } = await app.query(
      `SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolreplication: false,
      rolbypassrls: false,
    });
    const ownerName = (await owner.query("SELECT current_user::text AS who")).rows[0]?.who as string;
    expect(ownerName).not.toBe(t.role);
    const member = await app.query("SELECT pg_has_role(current_user, $1, 'MEMBER') AS yes", [ownerName]);
    expect(member.rows[0]?.yes).toBe(false);
    const owned = await app.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'MEMBER')`,
    );
    expect(owned.rows[0]?.n).toBe(0);
  });

  it("reads and writes rows of ordinary tables (INSERT, UPDATE, DELETE, row locks, sequences)", async () => {
    await app.query(`UPDATE "Grievance" SET description = 'edited' WHERE id = $1`, [grievanceId]);
    await app.query("BEGIN");
    await app.query(`SELECT id FROM "Grievance" WHERE id = $1 FOR UPDATE`, [grievanceId]);
    await app.query("COMMIT");
    const { rows } = await app.query(
      `SELECT s.id AS "studentId", s."userId" FROM "Grievance" g JOIN "Student" s ON s.id = g."studentId" WHERE g.id = $1`,
      [grievanceId],
    );
    const chat = await app.query<{ id: string }>(
      `INSERT INTO "ChatMessage" (id, "userId", "studentId", role, content) VALUES (gen_random_uuid(), $1, $2, 'USER', 'hi') RETURNING id`,
      [rows[0]?.userId, rows[0]?.studentId],
    );
    expect((await app.query(`DELETE FROM "ChatMessage" WHERE id = $1`, [chat.rows[0]?.id])).rowCount).toBe(1);
    // Through Prisma too, as the api does.
    const event = await t.db.auditLog.create({ data: { action: "test.prisma", resource: "test" } });
    expect(typeof event.id).toBe("bigint");
  });

  it("reads _prisma_migrations (for /readyz) but cannot write it", async () => {
    expect(
      (await app.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows[0]?.n,
    ).toBeGreaterThan(0);
    await expect(app.query(`DELETE FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE "_prisma_migrations" SET logs = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it("cannot change the schema: no CREATE TABLE, CREATE SCHEMA, DROP, or a new trigger function", async () => {
    await expect(app.query("CREATE TABLE scratch (id int)")).rejects.toThrow(
      /permission denied for schema public/,
    );
    await expect(app.query("CREATE SCHEMA scratch")).rejects.toThrow(/permission denied for database/);
    await expect(app.query(`DROP TABLE "ChatMessage"`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`ALTER TABLE "User" ADD COLUMN x int`)).rejects.toThrow(/must be owner/);
    await expect(
      app.query(
        "CREATE OR REPLACE FUNCTION reject_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
      ),
    ).rejects.toThrow(/permission denied for schema public|must be owner/);
    const ownerName = (await owner.query("SELECT current_user::text AS who")).rows[0]?.who as string;
    await expect(app.query(`SET ROLE "${ownerName}"`)).rejects.toThrow(/permission denied/);
  });
});

describe("the audit tables, for the application role", () => {
  beforeAll(async () => {
    await app.query(
      `INSERT INTO "GrievanceAuditLog" ("grievanceId", action, details) VALUES ($1, 'FILED', '{}')`,
      [grievanceId],
    );
    await app.query(`INSERT INTO "AuditLog" (action, resource) VALUES ('test.action', 'test')`);
  });

  it("are both found append-only by the setup", () => {
    expect([...AUDIT_TABLES].sort()).toEqual(["AuditLog", "GrievanceAuditLog"]);
  });

  it("cannot have their triggers bypassed with session_replication_role (superuser only)", async () => {
    await expect(app.query("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
    await expect(
      app.query("SELECT set_config('session_replication_role', 'replica', false)"),
    ).rejects.toThrow(/permission denied/);
    await app.query("BEGIN");
    await expect(app.query("SET LOCAL session_replication_role = replica")).rejects.toThrow(
      /permission denied/,
    );
    await app.query("ROLLBACK");
    expect((await app.query("SHOW session_replication_role")).rows[0]?.session_replication_role).toBe(
      "origin",
    );
  });

  for (const table of ["AuditLog", "GrievanceAuditLog"]) {
    it(`${table}: takes INSERTs, refuses DISABLE TRIGGER, DROP TRIGGER, TRUNCATE, UPDATE and DELETE`, async () => {
      const before = await countOf(table);
      expect(before).toBeGreaterThan(0);
      await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(
        app.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_immutable_rows"`),
      ).rejects.toThrow(/must be owner/);
      await expect(app.query(`DROP TRIGGER "${table}_no_truncate" ON "${table}"`)).rejects.toThrow(
        /must be owner/,
      );
      await expect(app.query(`TRUNCATE "${table}"`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE "${table}" SET action = 'TAMPERED'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(app.query(`DELETE FROM "${table}"`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`SELECT id FROM "${table}" FOR UPDATE`)).rejects.toThrow(/permission denied/);
      const triggers = await owner.query(
        `SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = $1::regclass AND tgenabled = 'O' AND NOT tgisinternal`,
        [`"${table}"`],
      );
      expect(triggers.rows[0]?.n).toBe(2);
      expect(await countOf(table)).toBe(before);
    });
  }

  it("(control) are emptied by the owner, a superuser here, once it turns the triggers off", async () => {
    // The attack the application role is denied: proves the statements above would succeed for the owner,
    // so those tests fail if the application role ever connects with the owner's rights.
    await owner.query("BEGIN");
    try {
      await owner.query("SET LOCAL session_replication_role = replica");
      await owner.query(`DELETE FROM "AuditLog"`);
      expect(Number((await owner.query(`SELECT count(*) AS n FROM "AuditLog"`)).rows[0]?.n)).toBe(0);
    } finally {
      await owner.query("ROLLBACK");
    }
    expect(await countOf("AuditLog")).toBeGreaterThan(0);
  });
});

describe("tables added by later migrations", () => {
  it("are usable by the application role at once (default privileges), without DDL rights", async () => {
    await owner.query(`CREATE TABLE "LaterTable" (id serial PRIMARY KEY, note text)`);
    await app.query(`INSERT INTO "LaterTable" (note) VALUES ('a'), ('b')`);
    await app.query(`UPDATE "LaterTable" SET note = 'c' WHERE note = 'a'`);
    await app.query(`DELETE FROM "LaterTable" WHERE note = 'b'`);
    expect((await app.query(`SELECT note FROM "LaterTable"`)).rows).toEqual([{ note: "c" }]);
    await expect(app.query(`TRUNCATE "LaterTable"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`ALTER TABLE "LaterTable" ADD COLUMN x int`)).rejects.toThrow(/must be owner/);
  });

  it("become append-only for it when they use the audit trigger, once db:deploy's setup runs again", async () => {
    await owner.query(`CREATE TABLE "LaterAudit" (id bigserial PRIMARY KEY, action text NOT NULL)`);
    await owner.query(
      `CREATE TRIGGER "LaterAudit_immutable_rows" BEFORE UPDATE OR DELETE ON "LaterAudit" FOR EACH ROW EXECUTE FUNCTION reject_audit_log_change()`,
    );
    await setUpAppRole({ migrationUrl: t.ownerUrl, appUrl: t.url });
    await app.query(`INSERT INTO "LaterAudit" (action) VALUES ('x')`);
    await expect(app.query(`UPDATE "LaterAudit" SET action = 'y'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM "LaterAudit"`)).rejects.toThrow(/permission denied/);
    // The setup is idempotent: the application role keeps its rights elsewhere.
    await app.query(`UPDATE "LaterTable" SET note = 'd'`);
  });
});

describe("setting up the application role again", () => {
  it("takes CREATE on schema public away from PUBLIC (the default before PostgreSQL 15)", async () => {
    await owner.query("GRANT CREATE ON SCHEMA public TO PUBLIC");
    expect((await app.query("SELECT has_schema_privilege('public', 'CREATE') AS yes")).rows[0]?.yes).toBe(
      true,
    );
    const { warnings } = await setUpAppRole({ migrationUrl: t.ownerUrl, appUrl: t.url });
    expect(warnings).toEqual([]);
    await expect(app.query("CREATE TABLE scratch (id int)")).rejects.toThrow(/permission denied/);
  });

  it("takes away privileges granted by hand beyond rows (TRUNCATE, TRIGGER, UPDATE on an audit table)", async () => {
    await owner.query(`GRANT ALL ON "AuditLog", "Grievance" TO "${t.role}"`);
    await setUpAppRole({ migrationUrl: t.ownerUrl, appUrl: t.url });
    const { rows } = await owner.query(
      `SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges
       FROM information_schema.role_table_grants
       WHERE grantee = $1 AND table_name IN ('AuditLog', 'Grievance', '_prisma_migrations')
       GROUP BY table_name ORDER BY table_name`,
      [t.role],
    );
    expect(rows).toEqual([
      { table_name: "AuditLog", privileges: "INSERT,SELECT" },
      { table_name: "Grievance", privileges: "DELETE,INSERT,SELECT,UPDATE" },
      { table_name: "_prisma_migrations", privileges: "SELECT" },
    ]);
  });
});

describe("db:deploy", () => {
  it("migrates as the owner and sets up DATABASE_URL's role, which then logs in with its password", async () => {
    const empty = await createEmptyDatabase();
    try {
      applyMigrations(empty.url, { appUrl: empty.appUrl });
      const client = new pg.Client({ connectionString: empty.appUrl });
      await client.connect();
      try {
        expect((await client.query("SELECT current_user::text AS who")).rows[0]?.who).toBe(empty.role);
        expect((await client.query(`SELECT count(*)::int AS n FROM "User"`)).rows[0]?.n).toBe(0);
        await expect(client.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/permission denied/);
        await expect(client.query("CREATE TABLE scratch (id int)")).rejects.toThrow(/permission denied/);
      } finally {
        await client.end();
      }
      const hasPassword = new pg.Client({ connectionString: empty.url });
      await hasPassword.connect();
      try {
        const { rows } = await hasPassword.query(
          "SELECT rolpassword IS NOT NULL AS yes FROM pg_authid WHERE rolname = $1",
          [empty.role],
        );
        expect(rows[0]?.yes).toBe(true);
      } finally {
        await hasPassword.end();
      }
    } finally {
      await empty.drop();
    }
  });

  it("refuses an application role that was granted SET on session_replication_role", async () => {
    await owner.query(`GRANT SET ON PARAMETER session_replication_role TO "${t.role}"`);
    try {
      await expect(setUpAppRole({ migrationUrl: t.ownerUrl, appUrl: t.url })).rejects.toThrow(
        /session_replication_role/,
      );
    } finally {
      await owner.query(`REVOKE SET ON PARAMETER session_replication_role FROM "${t.role}"`);
    }
  });

  it("refuses an application role that is the owner's member", async () => {
    const empty = await createEmptyDatabase();
    const admin = new pg.Client({ connectionString: empty.url });
    await admin.connect();
    try {
      const ownerName = (await admin.query("SELECT current_user::text AS who")).rows[0]?.who as string;
      await admin.query(`CREATE ROLE "${empty.role}" LOGIN`);
      await admin.query(`GRANT "${ownerName}" TO "${empty.role}"`);
      await expect(setUpAppRole({ migrationUrl: empty.url, appUrl: empty.appUrl })).rejects.toThrow(
        /could switch the audit triggers off/,
      );
    } finally {
      await admin.end();
      await empty.drop();
    }
  });
});
