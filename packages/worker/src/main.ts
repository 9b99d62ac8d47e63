// The worker process: connects to PostgreSQL and Redis, registers the nightly scheduler (once, however many
// workers run: the scheduler id is fixed), consumes every queue, and on SIGTERM/SIGINT lets running jobs
// finish before closing its connections.
import { createDbWithPool } from "@edu/db";
import { blockingConnectionOptions, createRedis, createRedisLayer } from "@edu/db/redis";
import { closeQueues, createQueues, NIGHTLY_RISK_SCHEDULER } from "@edu/jobs";
import type { Worker } from "bullmq";
import { pino } from "pino";
import { loadWorkerConfig } from "./config";
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

await queues.risk.upsertJobScheduler(
  NIGHTLY_RISK_SCHEDULER.id,
  { pattern: NIGHTLY_RISK_SCHEDULER.pattern, tz: "UTC" },
  { name: "predict", data: { scope: "all" } },
);
workers = startWorkers(deps, blocking);
log.info({ queues: workers.map((w) => w.name) }, "worker ready");
