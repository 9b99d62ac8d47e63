import { afterCommit, type Db, type Prisma } from "@edu/db";
import type { Logger } from "pino";
import type { Actor } from "../context";
import { insertAuditRow } from "./insert";

export type AuditedChange<T> = {
  result: T;
  resourceId?: string | null;
  details?: Prisma.InputJsonValue;
  /** Side effects once the change is committed; each failure is logged, none undoes the change. */
  after?: (() => Promise<unknown>)[];
};

/**
 * The one way a mutation is made: the change and its AuditLog row in one transaction, then its side effects
 * through afterCommit. `change` returns the caller's result with what the audit row should say about it.
 */
export async function mutateWithAudit<T>(
  deps: { db: Db; log: Logger },
  actor: Pick<Actor, "userId" | "institutionId">,
  what: { action: string; resource: string },
  change: (tx: Prisma.TransactionClient) => Promise<AuditedChange<T>>,
): Promise<T> {
  const done = await deps.db.$transaction(async (tx) => {
    const changed = await change(tx);
    await insertAuditRow(tx, {
      userId: actor.userId,
      institutionId: actor.institutionId,
      action: what.action,
      resource: what.resource,
      resourceId: changed.resourceId ?? null,
      details: changed.details,
    });
    return changed;
  });
  if (done.after) await afterCommit(deps.log, what.action, done.after);
  return done.result;
}
