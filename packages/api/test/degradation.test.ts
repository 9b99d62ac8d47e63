// Redis stopped mid-test: reads are still served from PostgreSQL, and calls that need a session answer a
// clear SERVICE_UNAVAILABLE, never a 500. The test runs a redis-server of its own so it can kill it.

import { type PrivateRedis, startPrivateRedis } from "@edu/db/testing";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
import { classRank, classTop } from "../src/leaderboard/board";
import { startTestServer, type TestServer } from "./support/server";

let redis: PrivateRedis;
let s: TestServer;
let teacher: EduClient;
const python = seedId("class", "python");

beforeAll(async () => {
  redis = await startPrivateRedis();
  s = await startTestServer({ students: 6, env: { REDIS_URL: redis.url } });
  teacher = await s.login(DEMO_LOGINS.teacher);
  await teacher.leaderboard.top.query({ classId: python });
  await redis.kill();
}, 120_000);

afterAll(async () => {
  // The key prefix died with the server; only the database and connections remain to clean.
  s.deps.redis.redis.disconnect();
  await s.deps.close();
  await s.database.drop();
  await redis.cleanup();
}, 60_000);

describe("with Redis stopped", () => {
  it("answers authenticated calls with SERVICE_UNAVAILABLE, never a 500", async () => {
    const error = await teacher.class.list.query().catch((e) => e);
    expect(error.data.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.data.httpStatus).toBe(503);
    const login = await s.anonymous.auth.login
      .mutate({ email: DEMO_LOGINS.student, password: "demo-password" })
      .catch((e) => e);
    expect(login.data.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("serves leaderboards and cached reads from PostgreSQL", async () => {
    const board = await classTop(s.deps, python, 100);
    const expected = await s.deps.db.student.findMany({
      where: { enrollments: { some: { classId: python } } },
      orderBy: [{ currentPoints: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(board.map((e) => e.studentId)).toEqual(expected.map((e) => e.id));
    expect(board.every((e) => e.name.length > 0)).toBe(true);
    const last = expected.at(-1)?.id ?? "";
    expect(await classRank(s.deps, python, last)).toMatchObject({
      rank: expected.length,
      size: expected.length,
    });
    const institution = await s.deps.redis.cache.getOrLoad("institution", "x", async () => ({
      from: "postgres",
    }));
    expect(institution).toEqual({ from: "postgres" });
  });

  it("keeps liveness up and reports Redis in readiness", async () => {
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ postgres: { ok: true }, redis: { ok: false } });
  });
});
