import type { Redis } from "ioredis";
import superjson from "superjson";
import { CACHE_RESOURCES, type CacheResource, type KeyBuilder } from "./keys";

/** A cached value as stored (superjson), decoded. */
export const decodeCached = <T>(raw: string): T => superjson.parse<T>(raw);

/** Called when Redis fails; the cache then steps aside and the caller's loader answers from PostgreSQL. */
export type CacheWarn = (message: string, error: unknown) => void;

/**
 * Cache-aside over `cache:{resource}:{id}`. Values are superjson-encoded so Dates (and BigInts, Maps, ...)
 * come back as they went in. Every Redis failure degrades to a miss, never to an error.
 */
export class Cache {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
    private readonly warn: CacheWarn = () => {},
  ) {}

  async get<T>(resource: CacheResource, id: string): Promise<T | undefined> {
    try {
      const raw = await this.redis.get(this.keys.cache(resource, id));
      return raw === null ? undefined : decodeCached<T>(raw);
    } catch (error) {
      this.warn(`cache read of ${resource} skipped`, error);
      return undefined;
    }
  }

  async set<T>(resource: CacheResource, id: string, value: T, ttlSeconds = CACHE_RESOURCES[resource]) {
    try {
      await this.redis.set(this.keys.cache(resource, id), superjson.stringify(value), "EX", ttlSeconds);
    } catch (error) {
      this.warn(`cache write of ${resource} skipped`, error);
    }
  }

  async invalidate(resource: CacheResource, ...ids: string[]) {
    if (ids.length === 0) return;
    try {
      await this.redis.del(...ids.map((id) => this.keys.cache(resource, id)));
    } catch (error) {
      this.warn(`cache invalidation of ${resource} skipped`, error);
    }
  }

  /** Returns the cached value, or loads, stores and returns it. */
  async getOrLoad<T>(resource: CacheResource, id: string, load: () => Promise<T>): Promise<T> {
    const hit = await this.get<T>(resource, id);
    if (hit !== undefined) return hit;
    const value = await load();
    await this.set(resource, id, value);
    return value;
  }
}
