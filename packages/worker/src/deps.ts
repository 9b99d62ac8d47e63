import type { Db } from "@edu/db";
import type { RedisLayer } from "@edu/db/redis";
import type { Logger } from "pino";
import type { AiProvider } from "./ai/types";
import type { WorkerConfig } from "./config";
import type { Queues } from "./queues/index";

/** What every job handler gets: built once per process in main.ts, built per test file in tests. */
export type WorkerDeps = {
  db: Db;
  redis: RedisLayer;
  queues: Queues;
  log: Logger;
  config: WorkerConfig;
  /** Writes feedback drafts; the embedded writer when unset. */
  ai?: AiProvider;
};
