// The Redis-loss drill: Redis (a private one, no persistence) is SIGKILLed with accepted submissions queued and
// comes back empty; every submission still ends SCORED or FAILED with a message, and the schedulers come back.
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { blockingConnectionOptions, createRedis } from "@edu/db/redis";
import { type PrivateRedis, startPrivateRedis } from "@edu/db/testing";
import {
  BADGE_RARITY_SCHEDULER,
  closeQueues,
  createQueues,
  enqueueAnalysis,
  NIGHTLY_RISK_SCHEDULER,
  RECONCILE_SCHEDULER,
} from "@edu/jobs";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkerDeps, type TestWorkerDeps } from "./support/deps";
import { createFixtureRepo, createFixtureRoot, GRADE_JS, WALK_PY } from "./support/fixtures";
import { startWorkerProcess, stopAll, until } from "./support/worker-process";

let deps: TestWorkerDeps;
let root: string;
const servers: PrivateRedis[] = [];
const running: ChildProcess[] = [];
const studentId = seedId("student", DEMO_LOGINS.student);

beforeAll(async () => {
  root = createFixtureRoot();
  createFixtureRepo(root, "sam", "kata", { "src/grade.js": GRADE_JS, "src/walk.py": WALK_PY });
  deps = await createTestWorkerDeps({ students: 2 });
}, 120_000);
afterAll(async () => {
  await stopAll(running);
  for (const server of servers) await server.cleanup();
  await deps?.close();
  rmSync(root, { recursive: true, force: true });
}, 60_000);

async function redisAt(port?: number) {
  const server = await startPrivateRedis(port);
  servers.push(server);
  return server;
}

/** Queues as the api has them, on `server`; `close` is safe once the server is gone. */
function apiQueues(server: PrivateRedis) {
  const connection = createRedis({ REDIS_URL: server.url }, blockingConnectionOptions);
  const queues = createQueues(connection, deps.redis.keys.queuePrefix);
  return {
    queues,
    close: async () => {
      connection.disconnect();
      await closeQueues(queues).catch(() => {});
    },
  };
}

/** `n` accepted submissions, each queued on `queues`: three in four analyse, the rest name a missing repository. */
async function accept(queues: ReturnType<typeof apiQueues>["queues"], n: number) {
  const assignment = await deps.db.assignment.findFirstOrThrow({
    where: { classId: seedId("class", "python") },
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const repo = i % 4 === 3 ? "missing" : "kata";
    const { id } = await deps.db.submission.create({
      data: { studentId, assignmentId: assignment.id, githubUrl: `https://github.com/sam/${repo}` },
    });
    await enqueueAnalysis(queues, id);
    ids.push(id);
  }
  expect(await queues.analysis.getWaitingCount()).toBe(n);
  return ids;
}

const outcomes = (ids: string[]) =>
  deps.db.submission.findMany({
    where: { id: { in: ids } },
    select: { analysisStatus: true, analysisMessage: true },
  });
const settled = (rows: { analysisStatus: string; analysisMessage: string | null }[]) =>
  rows.every((r) => (r.analysisStatus === "SCORED" || r.analysisStatus === "FAILED") && r.analysisMessage);

async function schedulerIds(server: PrivateRedis) {
  const { queues, close } = apiQueues(server);
  const [risk, maintenance] = await Promise.all([
    queues.risk.getJobSchedulers(),
    queues.maintenance.getJobSchedulers(),
  ]);
  await close();
  return [...risk, ...maintenance].map((s) => s.key).sort();
}

describe("after Redis loses every queued job", () => {
  it("ends every accepted submission SCORED or FAILED with a message, with the worker down or running", async () => {
    const started = Date.now();
    // 1. Redis dies with 16 jobs queued and no worker running; it comes back empty on the same port.
    const first = await redisAt();
    const api = apiQueues(first);
    const before = await accept(api.queues, 16);
    await first.kill();
    await api.close();
    const second = await redisAt(first.port);
    const env = {
      DATABASE_URL: deps.database.url,
      REDIS_URL: second.url,
      REDIS_KEY_PREFIX: deps.redis.keys.prefix,
      ANALYSIS_SOURCE: "local",
      ANALYSIS_LOCAL_ROOT: root,
      RECONCILE_EVERY_MS: "1000",
      RECONCILE_AFTER_MS: "1000",
    };
    const worker = await startWorkerProcess(env, running);
    const recovered = await until(() => outcomes(before), settled, 60);
    expect(settled(recovered)).toBe(true);
    expect(recovered.filter((r) => r.analysisStatus === "SCORED")).toHaveLength(12);
    expect(recovered.filter((r) => r.analysisStatus === "FAILED")).toHaveLength(4);
    const points = await until(
      () =>
        deps.db.gamificationEvent.count({
          where: { dedupeKey: { in: before.map((id) => `submission:${id}`) } },
        }),
      (n) => n === 12,
    );
    expect(points).toBe(12);
    const firstDrill = Date.now() - started;

    // 2. The same with the worker running: it is frozen while 8 more are queued, Redis dies and comes back
    // empty, and the worker, resumed, must register the schedulers again for the reconciler to find them.
    worker.kill("SIGSTOP");
    const api2 = apiQueues(second);
    const during = await accept(api2.queues, 8);
    await second.kill();
    await api2.close();
    const third = await redisAt(first.port);
    worker.kill("SIGCONT");
    const ids = await until(
      () => schedulerIds(third),
      (keys) => keys.length === 2,
      30,
    );
    expect(ids).toEqual(
      [RECONCILE_SCHEDULER.id, NIGHTLY_RISK_SCHEDULER.id, BADGE_RARITY_SCHEDULER.id].sort(),
    );
    const later = await until(() => outcomes(during), settled, 60);
    expect(settled(later)).toBe(true);
    expect(later.filter((r) => r.analysisStatus === "SCORED")).toHaveLength(6);
    console.log(
      `Redis-loss drill: 16 submissions recovered in ${(firstDrill / 1000).toFixed(1)} s from a worker start, ` +
        `8 more in ${((Date.now() - started - firstDrill) / 1000).toFixed(1)} s with the worker running`,
    );
  }, 180_000);
});
