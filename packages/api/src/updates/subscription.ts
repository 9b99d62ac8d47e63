import type { StreamEntry, UpdateResource } from "@edu/db/redis";
import { TRPCError } from "@trpc/server";
import type { ApiDeps } from "../deps";

/** Whether stream id `a` ("ms-seq") comes after `b`. */
const isAfter = (a: string, b: string) => {
  const [am = 0, as = 0] = a.split("-").map(Number);
  const [bm = 0, bs = 0] = b.split("-").map(Number);
  return am > bm || (am === bm && as > bs);
};

/**
 * The entries of one resource's stream for one subscriber: what it missed since `lastEventId`, then each new
 * entry as the process's update hub reads it. The stream ends when the subscriber leaves, when its session
 * ends (checked on each entry and every SUBSCRIPTION_SESSION_CHECK_MS), or when Redis fails. At most
 * MAX_SUBSCRIPTIONS_PER_USER are open per user in one api process.
 */
export async function* subscribe(
  deps: ApiDeps,
  session: { token: string; userId: string },
  target: { resource: UpdateResource; id: string; lastEventId?: string | null },
  signal: AbortSignal | undefined,
): AsyncGenerator<StreamEntry> {
  if (!deps.updateHub.admit(session.userId, deps.config.MAX_SUBSCRIPTIONS_PER_USER)) {
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `At most ${deps.config.MAX_SUBSCRIPTIONS_PER_USER} live updates may be open at once; close another page`,
    });
  }

  const { updates } = deps.redis;
  const key = updates.key(target.resource, target.id);
  const queue: StreamEntry[] = [];
  let failure: unknown;
  let wakeUp: () => void = () => {};
  const wake = () => wakeUp();
  const listener = {
    push: (entries: StreamEntry[]) => {
      queue.push(...entries);
      wake();
    },
    fail: (error: unknown) => {
      failure = error;
      wake();
    },
  };
  const timer = setInterval(wake, deps.config.SUBSCRIPTION_SESSION_CHECK_MS);
  signal?.addEventListener("abort", wake, { once: true });
  let stop = () => {};
  try {
    const start =
      deps.updateHub.positionOf(key) ??
      target.lastEventId ??
      (await updates.lastId(target.resource, target.id));
    const joined = deps.updateHub.listen(key, start, listener);
    stop = joined.stop;
    if (target.lastEventId && isAfter(joined.joinedAt, target.lastEventId)) {
      queue.unshift(
        ...(await updates.range(target.resource, target.id, target.lastEventId, joined.joinedAt)),
      );
    }
    while (!signal?.aborted) {
      if (failure) throw failure;
      if (!(await deps.redis.sessions.peek(session.token))) return;
      for (let entry = queue.shift(); entry && !signal?.aborted; entry = queue.shift()) yield entry;
      if (queue.length === 0 && !signal?.aborted && !failure)
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
        });
    }
  } finally {
    stop();
    clearInterval(timer);
    signal?.removeEventListener("abort", wake);
    deps.updateHub.release(session.userId);
  }
}
