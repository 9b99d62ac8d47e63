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
    // Fail a command quickly when Redis is away (refused: after two reconnect attempts) or stalled (accepting
    // connections but not answering: after a second), so callers fall back or answer SERVICE_UNAVAILABLE.
    maxRetriesPerRequest: 2,
    commandTimeout: 1_000,
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

/** Options of connections that block (BullMQ workers, XREAD BLOCK readers): no retry cap, no command timeout. */
export const blockingConnectionOptions: RedisOptions = {
  maxRetriesPerRequest: null,
  commandTimeout: undefined,
  // A blocked command must not hold back others queued in the same pipeline.
  enableAutoPipelining: false,
};
