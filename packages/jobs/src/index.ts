// @edu/jobs: the one definition of the platform's queues: names, payloads, job options and enqueue helpers.
// The api enqueues through these helpers; the worker consumes the same names and payload schemas.
import { type ConnectionOptions, type JobsOptions, Queue } from "bullmq";
import { z } from "zod";

export const QUEUE_NAMES = {
  analysis: "submission-analysis",
  risk: "risk-prediction",
  gamification: "gamification",
  maintenance: "maintenance",
} as const;

export type QueueKey = keyof typeof QUEUE_NAMES;

export const analysisJobSchema = z.object({ submissionId: z.uuid() });

export const riskJobSchema = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("student"), studentId: z.uuid() }),
  z.object({ scope: z.literal("class"), classId: z.uuid() }),
  z.object({ scope: z.literal("all") }),
]);

export const gamificationJobSchema = z.discriminatedUnion("kind", [
  // Points and badges for a scored submission (on time, quality, acting on earlier feedback).
  z.object({ kind: z.literal("submission-scored"), submissionId: z.uuid() }),
]);

// Housekeeping: the reconciler queues again the work whose job was lost (with Redis, say); badge rarity follows
// the share of students holding each badge.
export const maintenanceJobSchema = z.object({ task: z.enum(["reconcile", "badge-rarity"]) });

export type JobPayloads = {
  analysis: z.infer<typeof analysisJobSchema>;
  risk: z.infer<typeof riskJobSchema>;
  gamification: z.infer<typeof gamificationJobSchema>;
  maintenance: z.infer<typeof maintenanceJobSchema>;
};

export const jobSchemas = {
  analysis: analysisJobSchema,
  risk: riskJobSchema,
  gamification: gamificationJobSchema,
  maintenance: maintenanceJobSchema,
} as const;

/** Retries with exponential backoff (2 s, 4 s, 8 s, ...); finished jobs kept in bounded numbers for inspection. */
export const defaultJobOptions: JobsOptions = {
  attempts: 4,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { count: 1_000, age: 24 * 3600 },
  removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
};

/** The nightly risk recompute: one scheduler id, so any number of workers register it once. */
export const NIGHTLY_RISK_SCHEDULER = { id: "risk-nightly", pattern: "0 2 * * *" } as const;

/** The reconciler, every few minutes (the worker's RECONCILE_EVERY_MS); one id, like the nightly scheduler. */
export const RECONCILE_SCHEDULER = { id: "reconcile" } as const;

/** Badge rarity from the share of holders, nightly at 03:00 UTC (after the risk recompute); one id, like the others. */
export const BADGE_RARITY_SCHEDULER = { id: "badge-rarity", pattern: "0 3 * * *" } as const;

export type Queues = { [K in QueueKey]: Queue<JobPayloads[K]> };

/**
 * Opens every queue. `prefix` is the key builder's `queuePrefix`, a Redis Cluster hash tag, so each queue's
 * keys share a slot on a clustered Redis.
 */
export function createQueues(
  connection: ConnectionOptions,
  prefix: string,
  onError: (error: Error) => void = () => {},
): Queues {
  const open = <K extends QueueKey>(key: K) => {
    const queue = new Queue<JobPayloads[K]>(QUEUE_NAMES[key], { connection, prefix, defaultJobOptions });
    // Unheard, BullMQ prints connection errors itself; the connection's own listener reports them once.
    queue.on("error", onError);
    return queue;
  };
  return {
    analysis: open("analysis"),
    risk: open("risk"),
    gamification: open("gamification"),
    maintenance: open("maintenance"),
  };
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

// Job ids are deterministic, so enqueuing the same work twice makes one job. BullMQ forbids ':' in custom ids.

export const analysisJobId = (submissionId: string) => `analysis-${submissionId}`;

export function enqueueAnalysis(queues: Queues, submissionId: string) {
  return queues.analysis.add("analyze", { submissionId }, { jobId: analysisJobId(submissionId) });
}

/**
 * Queues a submission's analysis once more (a student retrying a failed one). BullMQ ignores a new job under
 * the id of a finished one it still keeps, so that job is retried under its own id: still one job per
 * submission, which the worker and the reconciler rely on. A job still on its way is left as it is.
 */
export async function requeueAnalysis(queues: Queues, submissionId: string) {
  const job = await queues.analysis.getJob(analysisJobId(submissionId));
  const state = job ? await job.getState() : "unknown";
  if (job && (state === "completed" || state === "failed")) {
    await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
    return job;
  }
  return enqueueAnalysis(queues, submissionId);
}

/** `cause` names what triggered the recompute (a submission or feedback id, a day), so each trigger runs once. */
export function enqueueRisk(queues: Queues, payload: JobPayloads["risk"], cause: string) {
  const target =
    payload.scope === "student" ? payload.studentId : payload.scope === "class" ? payload.classId : "all";
  return queues.risk.add("predict", payload, { jobId: `risk-${payload.scope}-${target}-${cause}` });
}

export const gamificationJobId = (payload: JobPayloads["gamification"]) =>
  `gamification-${payload.kind}-${payload.submissionId}`;

export function enqueueGamification(queues: Queues, payload: JobPayloads["gamification"]) {
  return queues.gamification.add(payload.kind, payload, { jobId: gamificationJobId(payload) });
}

/**
 * Registers every job scheduler. Fixed ids make this idempotent, so each worker calls it at start and again
 * whenever its Redis connection comes back: a Redis that lost its data lost the schedulers with it.
 */
export async function registerSchedulers(queues: Queues, options: { reconcileEveryMs: number }) {
  await Promise.all([
    queues.risk.upsertJobScheduler(
      NIGHTLY_RISK_SCHEDULER.id,
      { pattern: NIGHTLY_RISK_SCHEDULER.pattern, tz: "UTC" },
      { name: "predict", data: { scope: "all" } },
    ),
    queues.maintenance.upsertJobScheduler(
      RECONCILE_SCHEDULER.id,
      { every: options.reconcileEveryMs },
      { name: "reconcile", data: { task: "reconcile" } },
    ),
    queues.maintenance.upsertJobScheduler(
      BADGE_RARITY_SCHEDULER.id,
      { pattern: BADGE_RARITY_SCHEDULER.pattern, tz: "UTC" },
      { name: "badge-rarity", data: { task: "badge-rarity" } },
    ),
  ]);
}
