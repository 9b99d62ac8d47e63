import { Redis, type RedisOptions } from "ioredis";
import type { RedisEnv } from "../env";

/**
 * The one way to open a Redis connection. The URL carries AUTH (`redis://:password@host`) and TLS
 * (`rediss://`); ioredis reads both from it.
 */
export function createRedis(
  env: Pick<RedisEnv, "REDIS_URL">,
  options: RedisOptions = {},
  onError: (error: Error) => void = () => {},
): Redis {
  const redis = new Redis(env.REDIS_URL, {
    // Fail a command quickly when Redis is away, so callers can fall back to PostgreSQL instead of hanging.
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    ...options,
  });
  // ioredis emits every failed reconnect as an "error" event; unheard, Node reports each as unhandled.
  // Commands still fail on their own, so callers see the outage where it matters.
  let last = "";
  redis.on("error", (error: Error) => {
    if (error.message !== last) onError(error);
    last = error.message;
  });
  redis.on("ready", () => {
    last = "";
  });
  return redis;
}

/** Options BullMQ requires on the connections its workers block on. */
export const blockingConnectionOptions: RedisOptions = { maxRetriesPerRequest: null };
