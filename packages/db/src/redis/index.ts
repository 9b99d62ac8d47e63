import type { Redis } from "ioredis";
import { Cache, type CacheWarn } from "./cache";
import { createKeyBuilder } from "./keys";
import { Leaderboards } from "./leaderboards";
import { Sessions } from "./sessions";
import { Updates } from "./updates";

export type { Redis } from "ioredis";
export { Cache, type CacheWarn } from "./cache";
export { blockingConnectionOptions, createRedis } from "./connection";
export {
  CACHE_RESOURCES,
  type CacheResource,
  createKeyBuilder,
  type KeyBuilder,
  TTL_SECONDS,
  UPDATE_RESOURCES,
  type UpdateResource,
} from "./keys";
export { type LeaderboardEntry, Leaderboards, type NamedEntry } from "./leaderboards";
export { type SessionInfo, Sessions, type TouchedSession } from "./sessions";
export { type StreamEntry, type UpdateEvent, Updates } from "./updates";

export type RedisLayer = ReturnType<typeof createRedisLayer>;

/** Everything that talks to Redis, over one connection and one key prefix. */
export function createRedisLayer(redis: Redis, prefix = "", warn?: CacheWarn) {
  const keys = createKeyBuilder(prefix);
  return {
    redis,
    keys,
    cache: new Cache(redis, keys, warn),
    sessions: new Sessions(redis, keys),
    leaderboards: new Leaderboards(redis, keys),
    updates: new Updates(redis, keys),
  };
}
