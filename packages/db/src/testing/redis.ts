import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { createRedis } from "../redis/connection";
import { createRedisLayer, type RedisLayer } from "../redis/index";

export type TestRedis = RedisLayer & { cleanup(): Promise<void> };

/** A Redis connection whose keys all carry a prefix of their own; `cleanup()` deletes them and disconnects. */
export async function createTestRedis(): Promise<TestRedis> {
  const redis = createRedis({ REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });
  const layer = createRedisLayer(redis, `test-${randomBytes(5).toString("hex")}:`);
  return {
    ...layer,
    async cleanup() {
      await deleteMatching(redis, layer.keys.all);
      await deleteMatching(redis, `${layer.keys.queuePrefix}*`);
      redis.disconnect();
    },
  };
}

export async function deleteMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
}
