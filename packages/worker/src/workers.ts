import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { QUEUE_NAMES, type QueueKey } from "@edu/jobs";
import { type Processor, Worker } from "bullmq";
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
 * The analysis queue's processor file, beside this module: dist/analysis/processor.js in the compiled build (an
 * entry point of its own), or under tsx (`npm start`, tests) analysis/processor-source.mjs, which registers tsx
 * in the worker thread and imports processor.ts.
 */
export function analysisProcessorFile(): string {
  for (const name of ["analysis/processor.js", "analysis/processor-source.mjs"]) {
    const file = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error(`no analysis processor beside ${fileURLToPath(import.meta.url)}`);
}

/**
 * One BullMQ worker per queue (each duplicates the connection for its blocking reads). A job that throws is
 * retried with the queue's backoff; one that throws BullMQ's UnrecoverableError fails at once.
 *
 * Analysis is a sandboxed processor run in a worker thread (analysis/processor.ts, calling HANDLERS.analysis, with
 * connections of its own): its seconds of parsing and linting never block this thread, which keeps consuming
 * the other queues and renewing every job's lock (a thread, not a child process, so a SIGKILL of the worker
 * takes it along). The same job ids, retries and SIGTERM behaviour hold: on close BullMQ lets the thread finish
 * its job, then stops it.
 */
export function startWorkers(deps: WorkerDeps, connection: Redis): Worker[] {
  const concurrency: Record<QueueKey, number> = {
    analysis: deps.config.ANALYSIS_CONCURRENCY,
    risk: deps.config.RISK_CONCURRENCY,
    gamification: deps.config.GAMIFICATION_CONCURRENCY,
    maintenance: 1,
  };
  return Object.entries(HANDLERS).map(([key, handler]) => {
    const sandboxed = key === "analysis";
    const processor: string | Processor = sandboxed
      ? analysisProcessorFile()
      : (job) => handler(deps, job.data, { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 });
    const worker = new Worker(QUEUE_NAMES[key as QueueKey], processor, {
      useWorkerThreads: sandboxed,
      connection,
      prefix: deps.redis.keys.queuePrefix,
      concurrency: concurrency[key as QueueKey],
      // A job whose worker died (crash, SIGKILL) is taken up by another once its lock lapses.
      lockDuration: deps.config.JOB_LOCK_DURATION_MS,
      stalledInterval: deps.config.JOB_STALLED_INTERVAL_MS,
    });
    worker.on("failed", (job, error) =>
      deps.log.warn({ err: error, queue: key, jobId: job?.id, attempts: job?.attemptsMade }, "job failed"),
    );
    worker.on("error", (error) => deps.log.warn({ err: error, queue: key }, "worker error"));
    return worker;
  });
}
