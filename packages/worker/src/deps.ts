import type { Db } from "@edu/db";
import type { RedisLayer } from "@edu/db/redis";
import type { Queues } from "@edu/jobs";
import type { Logger } from "pino";
import type { WorkerConfig } from "./config";

/** What every job handler gets: built once per process in main.ts, built per test file in tests. */
export type WorkerDeps = {
  db: Db;
  redis: RedisLayer;
  queues: Queues;
  log: Logger;
  config: WorkerConfig;
};
