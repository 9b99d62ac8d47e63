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

  /**
   * Entries after `afterId` ("$" = only new ones), waiting up to blockMs. Blocking needs a connection of its
   * own: pass one that nothing else uses.
   */
  async read(
    blockingRedis: Redis,
    resource: UpdateResource,
    id: string,
    afterId: string,
    blockMs: number,
  ): Promise<StreamEntry[]> {
    const key = this.keys.updates(resource, id);
    const result = await blockingRedis.xread("COUNT", 100, "BLOCK", blockMs, "STREAMS", key, afterId);
    const entries = result?.[0]?.[1] ?? [];
    return entries.map(([entryId, fields]) => ({
      id: entryId,
      event: superjson.parse<UpdateEvent>(fields[1] ?? "{}"),
    }));
  }
}
