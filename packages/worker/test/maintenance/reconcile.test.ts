// Which submissions the reconciler queues again, and that running it again queues nothing twice.
import { blockingConnectionOptions } from "@edu/db/redis";
import { submissionEventKey } from "@edu/domain";
import { analysisJobId, enqueueAnalysis, gamificationJobId } from "@edu/jobs";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { type Queue, UnrecoverableError, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GAVE_UP_MESSAGE, reconcileSubmissions } from "../../src/maintenance/reconcile";
import { createTestWorkerDeps, type TestWorkerDeps } from "../support/deps";

let deps: TestWorkerDeps;
const studentId = seedId("student", DEMO_LOGINS.student);

beforeAll(async () => {
  deps = await createTestWorkerDeps({ students: 2, env: { RECONCILE_AFTER_MS: "60000" } });
}, 120_000);
afterAll(async () => {
  await deps?.close();
});

type Status = "PENDING" | "ANALYZING" | "SCORED" | "FAILED";

/** A submission last changed `minutes` ago. */
async function submission(analysisStatus: Status, minutes: number) {
  const assignment = await deps.db.assignment.findFirstOrThrow({
    where: { classId: seedId("class", "python") },
  });
  const { id } = await deps.db.submission.create({
    data: {
      studentId,
      assignmentId: assignment.id,
      githubUrl: "https://github.com/sam/kata",
      analysisStatus,
    },
  });
  await deps.db.$executeRaw`
    UPDATE "Submission" SET "updatedAt" = now() - make_interval(mins => ${minutes}) WHERE id = ${id}::uuid`;
  return id;
}

/** Takes the queue's next job, as a worker would, and ends it. */
async function finishNext(queue: Queue, outcome: "completed" | "failed") {
  const worker = new Worker(queue.name, null, {
    connection: deps.testRedis.redis.duplicate(blockingConnectionOptions),
    prefix: deps.redis.keys.queuePrefix,
    autorun: false,
  });
  const job = await worker.getNextJob("test-token");
  if (!job) throw new Error("no job to finish");
  if (outcome === "completed") await job.moveToCompleted("done", "test-token", false);
  else
    await job.moveToFailed(
      new UnrecoverableError("job stalled more than allowable limit"),
      "test-token",
      false,
    );
  await worker.close();
}

const state = (queue: Queue, id: string) => queue.getJobState(id);
const counts = () =>
  Promise.all([deps.queues.analysis.getJobCounts(), deps.queues.gamification.getJobCounts()]);

describe("reconcileSubmissions", () => {
  it("queues again exactly the submissions whose job is gone, and nothing on a second run", async () => {
    const { analysis, gamification } = deps.queues;
    // Finished jobs whose row stayed open: a completed one (row reset), a failed one (stall limit).
    const completed = await submission("PENDING", 30);
    await enqueueAnalysis(deps.queues, completed);
    await finishNext(analysis, "completed");
    const gaveUp = await submission("ANALYZING", 30);
    await enqueueAnalysis(deps.queues, gaveUp);
    await finishNext(analysis, "failed");

    const lostPending = await submission("PENDING", 30);
    const lostAnalyzing = await submission("ANALYZING", 30);
    const queued = await submission("PENDING", 30); // still waiting in a long queue
    await enqueueAnalysis(deps.queues, queued);
    const recent = await submission("PENDING", 0); // the api may be enqueuing it right now
    const failed = await submission("FAILED", 30);
    const unawarded = await submission("SCORED", 30);
    const awarded = await submission("SCORED", 30);
    await deps.db.gamificationEvent.create({
      data: { studentId, eventType: "SUBMISSION", pointsAwarded: 10, dedupeKey: submissionEventKey(awarded) },
    });
    const justScored = await submission("SCORED", 0); // its award job may be on its way

    // The seeded history (all SCORED and awarded) is left alone.
    expect(await reconcileSubmissions(deps)).toEqual({ analyses: 3, failed: 1, awards: 1 });

    for (const id of [lostPending, lostAnalyzing, completed, queued])
      expect([id, await state(analysis, analysisJobId(id))]).toEqual([id, "waiting"]);
    for (const id of [recent, failed, unawarded, awarded, justScored])
      expect(await analysis.getJob(analysisJobId(id))).toBeUndefined();
    expect(await deps.db.submission.findUniqueOrThrow({ where: { id: gaveUp } })).toMatchObject({
      analysisStatus: "FAILED",
      analysisMessage: GAVE_UP_MESSAGE,
    });
    const award = (id: string) => gamificationJobId({ kind: "submission-scored", submissionId: id });
    expect(await state(gamification, award(unawarded))).toBe("waiting");
    expect(await gamification.getJobCounts("waiting")).toEqual({ waiting: 1 });

    const before = await counts();
    expect(await reconcileSubmissions(deps)).toEqual({ analyses: 0, failed: 0, awards: 0 });
    expect(await counts()).toEqual(before);
    expect(before[0]).toMatchObject({ waiting: 4, completed: 0, failed: 1 });
  });
});
