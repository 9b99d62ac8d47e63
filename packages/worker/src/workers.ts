import { QUEUE_NAMES, type QueueKey } from "@edu/jobs";
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { handleAnalysisJob } from "./analysis/job";
import type { WorkerDeps } from "./deps";
import { handleGamificationJob } from "./gamification/job";
import { handleMaintenanceJob } from "./maintenance/job";
import { handleRiskJob } from "./risk/job";

type Handler = (
  deps: WorkerDeps,
  data: unknown,
  attempt: { number: number; max: number },
) => Promise<unknown>;

/** Which handler consumes which queue. */
export const HANDLERS: Record<QueueKey, Handler> = {
  analysis: handleAnalysisJob,
  risk: handleRiskJob,
  gamification: handleGamificationJob,
  maintenance: handleMaintenanceJob,
};

/**
 * One BullMQ worker per queue (each duplicates the connection for its blocking reads). A job that throws is
 * retried with the queue's backoff; one that throws BullMQ's UnrecoverableError fails at once.
 */
export function startWorkers(deps: WorkerDeps, connection: Redis): Worker[] {
  const concurrency: Record<QueueKey, number> = {
    analysis: deps.config.ANALYSIS_CONCURRENCY,
    risk: deps.config.RISK_CONCURRENCY,
    gamification: deps.config.GAMIFICATION_CONCURRENCY,
    maintenance: 1,
  };
  return Object.entries(HANDLERS).map(([key, handler]) => {
    const worker = new Worker(
      QUEUE_NAMES[key as QueueKey],
      (job) => handler(deps, job.data, { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 }),
      {
        connection,
        prefix: deps.redis.keys.queuePrefix,
        concurrency: concurrency[key as QueueKey],
        // A job whose worker died (crash, SIGKILL) is taken up by another once its lock lapses.
        lockDuration: deps.config.JOB_LOCK_DURATION_MS,
        stalledInterval: deps.config.JOB_STALLED_INTERVAL_MS,
      },
    );
    worker.on("failed", (job, error) =>
      deps.log.warn({ err: error, queue: key, jobId: job?.id, attempts: job?.attemptsMade }, "job failed"),
    );
    worker.on("error", (error) => deps.log.warn({ err: error, queue: key }, "worker error"));
    return worker;
  });
}
