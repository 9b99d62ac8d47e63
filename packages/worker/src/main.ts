// The worker process: connects to Redis, opens the shared queues, registers the nightly scheduler, and runs
// until SIGTERM/SIGINT, when it closes its connections cleanly.
import { blockingConnectionOptions, createKeyBuilder, createRedis } from "@edu/db/redis";
import { pino } from "pino";
import { loadWorkerConfig } from "./config";
import { closeQueues, createQueues, NIGHTLY_RISK_SCHEDULER } from "./queues/index";

const config = loadWorkerConfig();
const log = pino({ level: config.LOG_LEVEL, base: { service: "worker" } });
const keys = createKeyBuilder(config.REDIS_KEY_PREFIX);
const connection = createRedis(config, blockingConnectionOptions);
const queues = createQueues(connection, keys.queuePrefix);

await queues.risk.upsertJobScheduler(
  NIGHTLY_RISK_SCHEDULER.id,
  { pattern: NIGHTLY_RISK_SCHEDULER.pattern, tz: "UTC" },
  { name: "predict", data: { scope: "all" } },
);
log.info({ queues: Object.values(queues).map((q) => q.name) }, "worker ready");

async function shutdown(signal: string) {
  log.info({ signal }, "worker shutting down");
  await closeQueues(queues);
  connection.disconnect();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
