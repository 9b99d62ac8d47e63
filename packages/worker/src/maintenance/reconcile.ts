// The reconciler: work accepted in PostgreSQL whose job is gone (a Redis that lost its data, a crash between a
// commit and its enqueue) is queued again, so every submission ends SCORED or FAILED and every score earns its
// points. It runs every RECONCILE_EVERY_MS and at each worker start; running it twice queues nothing twice.
import { submissionEventKey } from "@edu/domain";
import { analysisJobId, enqueueAnalysis, enqueueGamification, gamificationJobId } from "@edu/jobs";
import type { Job, Queue } from "bullmq";
import { publishAnalysis } from "../analysis/job";
import type { WorkerDeps } from "../deps";

/** Rows looked at per run and kind; the next run takes the rest. */
const BATCH = 500;
const OPEN = ["PENDING", "ANALYZING"] as const;
export const GAVE_UP_MESSAGE = "The analysis could not be completed; submit again";

export type ReconcileResult = { analyses: number; failed: number; awards: number };

async function findJob(queue: Queue, id: string) {
  const job: Job | undefined = await queue.getJob(id);
  return { job, state: job ? await job.getState() : "unknown" };
}

/** Retries a finished job under its own id (BullMQ would ignore a new job with that id). */
async function retry(deps: WorkerDeps, job: Job, state: "completed" | "failed"): Promise<boolean> {
  try {
    await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  } catch (error) {
    // Moved on meanwhile (taken, removed): the next run looks again.
    deps.log.warn({ err: error, jobId: job.id }, "reconcile: could not retry job");
    return false;
  }
}

/** A submission PENDING or ANALYZING for too long: its job is queued again unless still on its way. */
async function reconcileAnalysis(
  deps: WorkerDeps,
  submissionId: string,
): Promise<keyof ReconcileResult | null> {
  const { job, state } = await findJob(deps.queues.analysis, analysisJobId(submissionId));
  if (state !== "unknown" && state !== "completed" && state !== "failed") return null; // waiting, delayed, active
  // The row is read after the job: a job that just finished wrote the row first.
  const row = await deps.db.submission.findUnique({
    where: { id: submissionId },
    select: { analysisStatus: true },
  });
  if (!row || !(OPEN as readonly string[]).includes(row.analysisStatus)) return null;
  if (!job || state === "unknown") {
    await enqueueAnalysis(deps.queues, submissionId);
    return "analyses";
  }
  if (state === "completed") return (await retry(deps, job, state)) ? "analyses" : null;
  // Failed with the row still open: its attempts are spent, or workers died on it twice (BullMQ's stall limit).
  // Running it again could loop forever, so it ends FAILED with the message the handler could not write.
  const { count } = await deps.db.submission.updateMany({
    where: { id: submissionId, analysisStatus: { in: [...OPEN] } },
    data: { analysisStatus: "FAILED", analysisMessage: GAVE_UP_MESSAGE },
  });
  if (count === 0) return null;
  deps.log.warn({ submissionId, reason: job.failedReason }, "reconcile: analysis gave up");
  await publishAnalysis(deps, submissionId, { status: "FAILED", message: GAVE_UP_MESSAGE });
  return "failed";
}

/** A submission SCORED long ago without its points: the award is exactly-once by dedupe key, so re-running is safe. */
async function reconcileAward(deps: WorkerDeps, submissionId: string): Promise<keyof ReconcileResult | null> {
  const payload = { kind: "submission-scored", submissionId } as const;
  const { job, state } = await findJob(deps.queues.gamification, gamificationJobId(payload));
  if (!job || state === "unknown") {
    await enqueueGamification(deps.queues, payload);
    return "awards";
  }
  if (state === "completed" || state === "failed") return (await retry(deps, job, state)) ? "awards" : null;
  return null;
}

export async function reconcileSubmissions(deps: WorkerDeps): Promise<ReconcileResult> {
  const before = new Date(Date.now() - deps.config.RECONCILE_AFTER_MS);
  const result: ReconcileResult = { analyses: 0, failed: 0, awards: 0 };
  const open = await deps.db.submission.findMany({
    where: { analysisStatus: { in: [...OPEN] }, updatedAt: { lt: before } },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  for (const { id } of open) {
    const outcome = await reconcileAnalysis(deps, id);
    if (outcome) result[outcome]++;
  }
  // submissionEventKey(id) is this prefix followed by the id.
  const eventKeyPrefix = submissionEventKey("");
  const unawarded = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Submission" s
    WHERE s."analysisStatus" = 'SCORED' AND s."updatedAt" < ${before}
      AND NOT EXISTS (SELECT 1 FROM "GamificationEvent" e WHERE e."dedupeKey" = ${eventKeyPrefix}::text || s.id::text)
    ORDER BY s."updatedAt" LIMIT ${BATCH}`;
  for (const { id } of unawarded) {
    const outcome = await reconcileAward(deps, id);
    if (outcome) result[outcome]++;
  }
  if (result.analyses + result.failed + result.awards > 0) deps.log.info(result, "reconciled submissions");
  return result;
}
