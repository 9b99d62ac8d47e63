import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@edu/db/testing";
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../src/catalog";
import { countRows, seedDemoData } from "../src/seed";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe("seed", () => {
  it("writes a realistic institution, and a second run changes no row count", async () => {
    const first = await seedDemoData(t.db, { students: 40 });
    expect(first).toMatchObject({
      institutions: 1,
      users: 45,
      students: 40,
      classes: 3,
      assignments: 12,
      badges: 9,
    });
    expect(first.enrollments).toBeGreaterThanOrEqual(40);
    for (const key of ["submissions", "feedback", "events", "predictions", "chat", "studentBadges"]) {
      expect(first[key], key).toBeGreaterThan(0);
    }
    const second = await seedDemoData(t.db, { students: 40 });
    expect(second).toEqual(first);
    expect(await countRows(t.db)).toEqual(first);
  });

  it("covers every grievance status with its audit history, and every badge rarity", async () => {
    const statuses = await t.db.grievance.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["CLOSED", "IN_PROGRESS", "OPEN", "RESOLVED"]);
    const withoutHistory = await t.db.grievance.count({ where: { auditLogs: { none: {} } } });
    expect(withoutHistory).toBe(0);
    const rarities = await t.db.badge.groupBy({ by: ["rarity"], _count: true });
    expect(rarities).toHaveLength(4);
  });

  it("puts assignment due dates around today and keeps student totals equal to their events", async () => {
    const now = Date.now();
    const dues = (await t.db.assignment.findMany({ select: { dueDate: true } })).map((a) =>
      a.dueDate.getTime(),
    );
    expect(dues.some((d) => d < now)).toBe(true);
    expect(dues.some((d) => d > now)).toBe(true);
    const mismatched = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Student" s
      WHERE s."currentPoints" <> (SELECT coalesce(sum(e."pointsAwarded"), 0) FROM "GamificationEvent" e WHERE e."studentId" = s.id)`;
    expect(Number(mismatched[0]?.n)).toBe(0);
  });

  it("creates the four demo logins with the documented password", async () => {
    for (const email of Object.values(DEMO_LOGINS)) {
      const user = await t.db.user.findUniqueOrThrow({ where: { email } });
      expect(await verify(user.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    }
  });

  it("refuses to run when NODE_ENV=production", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: t.url },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to seed");
  });

  it("rejects a bad --students value with a clear message", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "--students", "lots"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--students must be a whole number");
  });
});
