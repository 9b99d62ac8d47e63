// The worker process: connects to PostgreSQL and Redis, registers the job schedulers (nightly risk, reconcile:
// once however many workers run, the ids are fixed) at start and whenever Redis comes back, removes what killed
// workers left in the temp folder, consumes every queue, reconciles once, and on SIGTERM/SIGINT lets running
// jobs finish before closing its connections.
import { createDbWithPool } from "@edu/db";
import { blockingConnectionOptions, createRedis, createRedisLayer } from "@edu/db/redis";
import { closeQueues, createQueues, registerSchedulers } from "@edu/jobs";
import type { Worker } from "bullmq";
import { pino } from "pino";
import { removeStaleAnalysisDirs } from "./analysis/stale-dirs";
import { loadWorkerConfig } from "./config";
import { reconcileSubmissions } from "./maintenance/reconcile";
import { startWorkers } from "./workers";

const config = loadWorkerConfig();
const log = pino({ level: config.LOG_LEVEL, base: { service: "worker" } });
const reportRedisError = (error: Error) => log.warn({ err: error }, "Redis connection error");
const { db, pool } = createDbWithPool(config);
const redis = createRedisLayer(
  createRedis(config, {}, reportRedisError),
  config.REDIS_KEY_PREFIX,
  (message, error) => log.warn({ err: error }, message),
);
const blocking = createRedis(config, blockingConnectionOptions, reportRedisError);
const queues = createQueues(blocking, redis.keys.queuePrefix, reportRedisError);
const deps = { db, redis, queues, log, config };

let workers: Worker[] = [];
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "worker shutting down");
  await Promise.all(workers.map((w) => w.close()));
  await closeQueues(queues);
  blocking.disconnect();
  redis.redis.disconnect();
  await db.$disconnect();
  await pool.end();
  process.exit(0);
}
// Handlers go in before any startup work, so a signal during start-up also ends cleanly.
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

const registerAll = () => registerSchedulers(queues, { reconcileEveryMs: config.RECONCILE_EVERY_MS });
await registerAll();
// Every later "ready" is a reconnect, and the Redis behind it may have lost its data, schedulers included.
blocking.on("ready", () => {
  if (stopping) return;
  registerAll().then(
    () => log.info("Redis connection back: job schedulers registered"),
    (error: Error) => log.warn({ err: error }, "could not register job schedulers"),
  );
});
const removed = await removeStaleAnalysisDirs(config.ANALYSIS_TMP_MAX_AGE_MS).catch((error: Error) => {
  log.warn({ err: error }, "could not remove stale analysis folders");
  return [];
});
if (removed.length > 0) log.info({ removed }, "removed analysis folders left by killed workers");
workers = startWorkers(deps, blocking);
log.info({ queues: workers.map((w) => w.name) }, "worker ready");
// Jobs lost while no worker ran are queued again now, not at the scheduler's next run.
reconcileSubmissions(deps).catch((error: Error) => log.warn({ err: error }, "reconcile at start failed"));
