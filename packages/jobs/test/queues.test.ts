import { createTestRedis, type TestRedis } from "@edu/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  analysisJobSchema,
  BADGE_RARITY_SCHEDULER,
  closeQueues,
  createQueues,
  enqueueAnalysis,
  enqueueGamification,
  enqueueRisk,
  gamificationJobId,
  NIGHTLY_RISK_SCHEDULER,
  type Queues,
  RECONCILE_SCHEDULER,
  registerSchedulers,
} from "../src/index";

const submissionId = "0190b5a0-0000-7000-8000-0000000000aa";
let r: TestRedis;
let queues: Queues;

beforeAll(async () => {
  r = await createTestRedis();
  queues = createQueues(r.redis, r.keys.queuePrefix);
});
afterAll(async () => {
  await closeQueues(queues);
  await r?.cleanup();
});

describe("queues", () => {
  it("make one job of a double enqueue (deterministic job ids)", async () => {
    const first = await enqueueAnalysis(queues, submissionId);
    const second = await enqueueAnalysis(queues, submissionId);
    expect(first.id).toBe(`analysis-${submissionId}`);
    expect(second.id).toBe(first.id);
    expect(await queues.analysis.getJobCounts("waiting")).toEqual({ waiting: 1 });
  });

  it("retry with exponential backoff and keep bounded histories", async () => {
    const job = await enqueueGamification(queues, { kind: "submission-scored", submissionId });
    expect(job.opts.attempts).toBeGreaterThanOrEqual(3);
    expect(job.opts.backoff).toEqual({ type: "exponential", delay: 2000 });
    expect(job.opts.removeOnComplete).toMatchObject({ count: 1000 });
    expect(job.opts.removeOnFail).toMatchObject({ count: 5000 });
  });

  it("run each risk trigger once, while a new trigger makes a new job", async () => {
    const a = await enqueueRisk(queues, { scope: "student", studentId: submissionId }, "sub-1");
    const again = await enqueueRisk(queues, { scope: "student", studentId: submissionId }, "sub-1");
    const b = await enqueueRisk(queues, { scope: "student", studentId: submissionId }, "sub-2");
    expect(again.id).toBe(a.id);
    expect(b.id).not.toBe(a.id);
  });

  it("keep every queue key under the Redis Cluster hash tag of the prefix", async () => {
    const keys = await r.redis.keys(`${r.keys.queuePrefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(`{${r.keys.prefix}bull}:`))).toBe(true);
  });

  it("register each scheduler once however often registration runs (start, every reconnect)", async () => {
    for (let i = 0; i < 3; i++) await registerSchedulers(queues, { reconcileEveryMs: 60_000 });
    const risk = await queues.risk.getJobSchedulers();
    const maintenance = await queues.maintenance.getJobSchedulers();
    expect(risk.map((s) => [s.key, s.pattern])).toEqual([[NIGHTLY_RISK_SCHEDULER.id, "0 2 * * *"]]);
    expect(maintenance.map((s) => [s.key, s.every ?? s.pattern]).sort()).toEqual(
      [
        [BADGE_RARITY_SCHEDULER.id, BADGE_RARITY_SCHEDULER.pattern],
        [RECONCILE_SCHEDULER.id, 60_000],
      ].sort(),
    );
    // The reconciler's first run is due at once; the nightly ones wait for 02:00 and 03:00.
    expect(await queues.maintenance.getJobCounts("waiting", "delayed")).toEqual({ waiting: 1, delayed: 1 });
    expect(await queues.risk.getDelayedCount()).toBe(1);
  });

  it("name jobs by what they do, so the reconciler finds the job the api queued", async () => {
    const payload = { kind: "submission-scored", submissionId } as const;
    expect((await enqueueGamification(queues, payload)).id).toBe(gamificationJobId(payload));
  });

  it("validate payloads", () => {
    expect(analysisJobSchema.safeParse({ submissionId: "not-a-uuid" }).success).toBe(false);
  });
});
