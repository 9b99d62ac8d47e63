import { blockingConnectionOptions, type Redis, type RedisLayer, type StreamEntry } from "@edu/db/redis";
import type { Logger } from "pino";

type Listener = { push(entries: StreamEntry[]): void; fail(error: unknown): void };
type Stream = { afterId: string; listeners: Set<Listener> };

const BLOCK_MS = 5_000;

/**
 * One blocking Redis reader per api process that reads every stream someone listens to with one XREAD and
 * fans the entries out, instead of a connection per subscription. When the set of streams changes, the
 * pending XREAD is cut short (CLIENT UNBLOCK) so the next one includes the new stream at once.
 */
export function createUpdateHub(redis: RedisLayer, log: Logger) {
  const streams = new Map<string, Stream>();
  let reader: Redis | null = null;
  let readerId: number | null = null;
  let running: Promise<void> | null = null;
  const subscribers = new Map<string, number>();

  const wake = () => {
    if (readerId !== null) redis.redis.client("UNBLOCK", readerId).catch(() => {});
  };

  async function run() {
    // Named, so operators (and tests) can find the one reader of this process in CLIENT LIST.
    reader = redis.redis.duplicate({
      ...blockingConnectionOptions,
      connectionName: `${redis.keys.prefix}update-hub`,
    });
    try {
      readerId = Number(await reader.client("ID"));
      while (streams.size > 0) {
        const cursors = [...streams].map(([key, s]) => ({ key, afterId: s.afterId }));
        let read: Map<string, StreamEntry[]>;
        try {
          read = await redis.updates.readStreams(reader, cursors, BLOCK_MS);
        } catch (error) {
          for (const s of streams.values()) for (const l of s.listeners) l.fail(error);
          streams.clear();
          break;
        }
        for (const [key, entries] of read) {
          const stream = streams.get(key);
          const last = entries.at(-1);
          if (!stream || !last) continue;
          stream.afterId = last.id;
          for (const listener of stream.listeners) listener.push(entries);
        }
      }
    } catch (error) {
      log.warn({ err: error }, "update hub stopped");
    } finally {
      readerId = null;
      reader.disconnect();
      reader = null;
      running = null;
    }
  }

  return {
    /**
     * Listens to a stream. A stream nobody reads yet is read from `startIfNew`; otherwise the listener joins at
     * the hub's position in it. Returns that position (entries after it reach the listener) and a stop function.
     */
    listen(key: string, startIfNew: string, listener: Listener): { joinedAt: string; stop(): void } {
      let stream = streams.get(key);
      if (!stream) {
        stream = { afterId: startIfNew, listeners: new Set() };
        streams.set(key, stream);
        wake();
      }
      const joined = stream;
      joined.listeners.add(listener);
      running ??= run();
      return {
        joinedAt: joined.afterId,
        stop() {
          joined.listeners.delete(listener);
          if (joined.listeners.size === 0 && streams.get(key) === joined) {
            streams.delete(key);
            wake();
          }
        },
      };
    },
    /** The hub's position in a stream it reads, if it reads it. */
    positionOf(key: string): string | undefined {
      return streams.get(key)?.afterId;
    },
    get openStreams() {
      return streams.size;
    },
    /** Stops reading (on shutdown): every listener's stream ends. */
    async close() {
      streams.clear();
      wake();
      await running;
    },
    /** Counts one more open subscription of a user; false (and nothing counted) when they have `max` already. */
    admit(userId: string, max: number): boolean {
      const open = subscribers.get(userId) ?? 0;
      if (open >= max) return false;
      subscribers.set(userId, open + 1);
      return true;
    },
    release(userId: string) {
      const left = (subscribers.get(userId) ?? 1) - 1;
      if (left > 0) subscribers.set(userId, left);
      else subscribers.delete(userId);
    },
  };
}

export type UpdateHub = ReturnType<typeof createUpdateHub>;
