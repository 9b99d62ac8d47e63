import type { ApiDeps } from "../deps";

/**
 * Side effects of a committed change (cache invalidation, update events, follow-up jobs). The change stands
 * whatever happens here, so a failure is logged, never thrown at the caller.
 */
export async function afterCommit(
  deps: ApiDeps,
  what: string,
  effects: (() => Promise<unknown>)[],
): Promise<void> {
  const results = await Promise.allSettled(effects.map((effect) => effect()));
  for (const result of results) {
    if (result.status === "rejected")
      deps.log.warn({ err: result.reason, what }, "side effect after commit failed");
  }
}
