/** The slice of a pino logger that after-commit effects report to. */
export type WarningLog = { warn(fields: Record<string, unknown>, message: string): void };

/**
 * Runs the side effects of a committed change (cache drops, update events, leaderboard moves) side by side.
 * The change stands whatever happens here, so each failure is logged and none is thrown at the caller.
 */
export async function afterCommit(
  log: WarningLog,
  what: string,
  effects: (() => Promise<unknown>)[],
  fields: Record<string, unknown> = {},
): Promise<void> {
  const results = await Promise.allSettled(effects.map((effect) => effect()));
  for (const result of results) {
    if (result.status === "rejected")
      log.warn({ ...fields, err: result.reason, what }, "side effect after commit failed");
  }
}
