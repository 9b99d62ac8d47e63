import { Redis, type RedisOptions } from "ioredis";
import type { RedisEnv } from "../env";

/**
 * The one way to open a Redis connection. The URL carries AUTH (`redis://:password@host`) and TLS
 * (`rediss://`); ioredis reads both from it.
 */
export function createRedis(env: Pick<RedisEnv, "REDIS_URL">, options: RedisOptions = {}): Redis {
  return new Redis(env.REDIS_URL, {
    // Fail a command quickly when Redis is away, so callers can fall back to PostgreSQL instead of hanging.
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    ...options,
  });
}

/** Options BullMQ requires on the connections its workers block on. */
export const blockingConnectionOptions: RedisOptions = { maxRetriesPerRequest: null };
