import { spawnSync } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, createEmptyDatabase } from "../src/testing/index";

const packageDir = join(import.meta.dirname, "..");
let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  database = await createEmptyDatabase();
  applyMigrations(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("migrations", () => {
  it("apply to an empty database and create every model's table", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    const tables = rows.map((r) => r.table_name);
    for (const model of [
      "Institution",
      "User",
      "Student",
      "Class",
      "TeacherClass",
      "Enrollment",
      "Assignment",
      "Submission",
      "AnalysisFinding",
      "Feedback",
      "Grievance",
      "GrievanceAuditLog",
      "Badge",
      "StudentBadge",
      "GamificationEvent",
      "RiskPrediction",
      "ChatMessage",
      "AuditLog",
    ]) {
      expect(tables).toContain(model);
    }
  });

  it("match schema.prisma (the drift check is clean)", () => {
    const result = spawnSync(
      process.execPath,
      [
        "scripts/prisma.mjs",
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      {
        cwd: packageDir,
        encoding: "utf8",
        env: { ...process.env, MIGRATION_DATABASE_URL: database.url, DATABASE_URL: database.url },
      },
    );
    expect(result.stdout + result.stderr).toContain("No difference detected");
    expect(result.status).toBe(0);
  });

  it("create every index the seed spec lists", async () => {
    const { rows } = await client.query<{ tablename: string; indexdef: string }>(
      "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    );
    const has = (table: string, columns: string, unique = false) =>
      rows.some(
        (r) =>
          r.tablename === table &&
          // pg_indexes quotes only mixed-case identifiers: compare without quotes.
          r.indexdef.replaceAll('"', "").includes(`(${columns})`) &&
          (!unique || r.indexdef.startsWith("CREATE UNIQUE INDEX")),
      );
    expect(has("User", "email", true)).toBe(true);
    expect(has("Student", "userId", true)).toBe(true);
    // Submission.studentId is the leading column of (studentId, submittedAt), which serves lookups by studentId.
    expect(has("Submission", "studentId, submittedAt")).toBe(true);
    expect(has("Submission", "assignmentId")).toBe(true);
    expect(has("Feedback", "submissionId")).toBe(true);
    expect(has("Grievance", "studentId, status")).toBe(true);
    expect(has("Badge", "name", true)).toBe(true);
    expect(has("StudentBadge", "studentId, badgeId", true)).toBe(true);
    expect(has("TeacherClass", "userId, classId", true)).toBe(true);
  });

  it("store timestamps with millisecond precision", async () => {
    const { rows } = await client.query<{ column_name: string; datetime_precision: number }>(
      "SELECT column_name, datetime_precision FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND data_type = 'timestamp with time zone'",
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.datetime_precision))).toEqual(new Set([3]));
  });
});

describe("audit tables are immutable in the database", () => {
  let grievanceId: string;

  beforeAll(async () => {
    const institution = await client.query<{ id: string }>(
      `INSERT INTO "Institution" (id, name, domain, "updatedAt") VALUES (gen_random_uuid(), 'I', 'i.test', now()) RETURNING id`,
    );
    const user = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, role, "institutionId", "updatedAt") VALUES (gen_random_uuid(), 's@i.test', 'S', 'STUDENT', $1, now()) RETURNING id`,
      [institution.rows[0]?.id],
    );
    const student = await client.query<{ id: string }>(
      `INSERT INTO "Student" (id, "userId") VALUES (gen_random_uuid(), $1) RETURNING id`,
      [user.rows[0]?.id],
    );
    const grievance = await client.query<{ id: string }>(
      `INSERT INTO "Grievance" (id, "studentId", category, severity, description, "updatedAt") VALUES (gen_random_uuid(), $1, 'OTHER', 'LOW', 'd', now()) RETURNING id`,
      [student.rows[0]?.id],
    );
    grievanceId = grievance.rows[0]?.id as string;
    await client.query(
      `INSERT INTO "GrievanceAuditLog" ("grievanceId", action, details) VALUES ($1, 'FILED', '{}')`,
      [grievanceId],
    );
    await client.query(`INSERT INTO "AuditLog" (action, resource) VALUES ('test.action', 'test')`);
  });

  for (const table of ["GrievanceAuditLog", "AuditLog"]) {
    it(`rejects UPDATE, DELETE and TRUNCATE on ${table}`, async () => {
      await expect(client.query(`UPDATE "${table}" SET action = 'TAMPERED'`)).rejects.toThrow(/immutable/);
      await expect(client.query(`DELETE FROM "${table}"`)).rejects.toThrow(/immutable/);
      await expect(client.query(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/immutable/);
      const { rows } = await client.query<{ n: string; tampered: string }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE action = 'TAMPERED') AS tampered FROM "${table}"`,
      );
      expect(rows[0]).toEqual({ n: "1", tampered: "0" });
    });
  }

  it("keeps a grievance with audit rows from being deleted (no cascade into the log)", async () => {
    await expect(client.query(`DELETE FROM "Grievance" WHERE id = $1`, [grievanceId])).rejects.toThrow(
      /foreign key/,
    );
  });
});
