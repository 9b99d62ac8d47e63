// Redis stopped mid-test: reads are still served from PostgreSQL, and calls that need a session answer a
// clear SERVICE_UNAVAILABLE, never a 500. The test runs a redis-server of its own so it can kill it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_LOGINS, seedId } from "@edu/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
import { classBoard } from "../src/leaderboard/board";
import { startTestServer, type TestServer } from "./support/server";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let redisProcess: ChildProcess;
let dir: string;
let s: TestServer;
let teacher: EduClient;
const python = seedId("class", "python");

beforeAll(async () => {
  const port = await freePort();
  dir = mkdtempSync(join(tmpdir(), "edu-redis-"));
  redisProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}`).then(
        () => true,
        (e) => !String(e.cause?.code).includes("ECONNREFUSED"),
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  s = await startTestServer({ students: 6, env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  teacher = await s.login(DEMO_LOGINS.teacher);
  await teacher.leaderboard.top.query({ classId: python });
  redisProcess.kill("SIGKILL");
  await new Promise((r) => redisProcess.once("exit", r));
}, 120_000);

afterAll(async () => {
  if (redisProcess.exitCode === null) redisProcess.kill("SIGKILL");
  // The key prefix died with the server; only the database and connections remain to clean.
  s.deps.redis.redis.disconnect();
  await s.deps.close();
  await s.database.drop();
  rmSync(dir, { recursive: true, force: true });
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
    const board = await classBoard(s.deps, python);
    const expected = await s.deps.db.student.findMany({
      where: { enrollments: { some: { classId: python } } },
      orderBy: [{ currentPoints: "desc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(board.map((e) => e.studentId)).toEqual(expected.map((e) => e.id));
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
