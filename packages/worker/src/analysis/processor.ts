// The analysis queue's sandboxed processor (BullMQ runs this file in a worker thread, see workers.ts): parsing,
// linting and clone detection are CPU work of seconds on a large repository, and here they never hold up the
// main thread, which keeps the other queues running and renews this job's lock. The thread opens its own
// connections (PostgreSQL, Redis, the queues it feeds) once, at its first job, and keeps them for the next; ESLint
// runs in a thread of its own beside it (lint-pool.ts).
import { createDbWithPool } from "@edu/db";
import { blockingConnectionOptions, createRedis, createRedisLayer } from "@edu/db/redis";
import { createQueues } from "@edu/jobs";
import type { SandboxedJob } from "bullmq";
import { pino } from "pino";
import { loadWorkerConfig } from "../config";
import type { WorkerDeps } from "../deps";
import { handleAnalysisJob } from "./job";
import { startLintThread } from "./lint-pool";

// ESLint loads in its thread (lint-pool.ts) while this one waits for its first job.
startLintThread();

let deps: WorkerDeps | undefined;

function connect(): WorkerDeps {
  const config = loadWorkerConfig();
  const log = pino({ level: config.LOG_LEVEL, base: { service: "worker", thread: "analysis" } });
  const reportRedisError = (error: Error) => log.warn({ err: error }, "Redis connection error");
  const { db } = createDbWithPool(config);
  const redis = createRedisLayer(
    createRedis(config, {}, reportRedisError),
    config.REDIS_KEY_PREFIX,
    (message, error) => log.warn({ err: error }, message),
  );
  const queues = createQueues(
    createRedis(config, blockingConnectionOptions, reportRedisError),
    redis.keys.queuePrefix,
    reportRedisError,
  );
  return { db, redis, queues, log, config };
}

export default async function processAnalysis(job: SandboxedJob) {
  deps ??= connect();
  return handleAnalysisJob(deps, job.data, { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 });
}
