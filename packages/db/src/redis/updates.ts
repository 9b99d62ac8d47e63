import type { Redis } from "ioredis";
import superjson from "superjson";
import { type KeyBuilder, TTL_SECONDS, type UpdateResource } from "./keys";

export type UpdateEvent = { type: string; at: Date; data?: Record<string, unknown> };
export type StreamEntry = { id: string; event: UpdateEvent };

const MAX_LENGTH = 1000;

/** `updates:{resource}:{id}` streams: the worker and api append change events, SSE subscribers read them. */
export class Updates {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
  ) {}

  async publish(resource: UpdateResource, id: string, event: Omit<UpdateEvent, "at">): Promise<string> {
    const key = this.keys.updates(resource, id);
    const payload = superjson.stringify({ ...event, at: new Date() });
    const [[, entryId]] = (await this.redis
      .multi()
      .xadd(key, "MAXLEN", "~", MAX_LENGTH, "*", "event", payload)
      .expire(key, TTL_SECONDS.updates)
      .exec()) as [[null, string]];
    return entryId;
  }

  /** The stream key of one resource, as readStreams takes it. */
  key(resource: UpdateResource, id: string): string {
    return this.keys.updates(resource, id);
  }

  /** The id of a resource's newest entry, or "0-0" when it has none: where a new reader starts. */
  async lastId(resource: UpdateResource, id: string): Promise<string> {
    const [newest] = await this.redis.xrevrange(this.keys.updates(resource, id), "+", "-", "COUNT", 1);
    return newest?.[0] ?? "0-0";
  }

  /** Entries after `afterId` up to `toId` (both ids as XRANGE takes them), without blocking. */
  async range(resource: UpdateResource, id: string, afterId: string, toId = "+"): Promise<StreamEntry[]> {
    const entries = await this.redis.xrange(
      this.keys.updates(resource, id),
      `(${afterId}`,
      toId,
      "COUNT",
      1000,
    );
    return entries.map(toEntry);
  }

  /**
   * Entries of several streams after each one's id, waiting up to blockMs for the first. Blocking needs a
   * connection of its own: pass one that nothing else uses.
   */
  async readStreams(
    blockingRedis: Redis,
    streams: { key: string; afterId: string }[],
    blockMs: number,
  ): Promise<Map<string, StreamEntry[]>> {
    const result = await blockingRedis.xread(
      "COUNT",
      100,
      "BLOCK",
      blockMs,
      "STREAMS",
      ...streams.map((s) => s.key),
      ...streams.map((s) => s.afterId),
    );
    return new Map((result ?? []).map(([key, entries]) => [key, entries.map(toEntry)]));
  }

  /** Entries of one resource after `afterId` ("$" = only new ones), waiting up to blockMs. */
  async read(
    blockingRedis: Redis,
    resource: UpdateResource,
    id: string,
    afterId: string,
    blockMs: number,
  ): Promise<StreamEntry[]> {
    const key = this.keys.updates(resource, id);
    return (await this.readStreams(blockingRedis, [{ key, afterId }], blockMs)).get(key) ?? [];
  }
}

const toEntry = ([entryId, fields]: [string, string[]]): StreamEntry => ({
  id: entryId,
  event: superjson.parse<UpdateEvent>(fields[1] ?? "{}"),
});
