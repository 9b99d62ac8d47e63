import type { Prisma } from "@edu/db";
import type { Actor } from "../context";

type AuditEntry = {
  action: string;
  resource: string;
  resourceId?: string | null;
  details?: Prisma.InputJsonValue;
};

/** Writes the AuditLog row of a mutation; call it with the transaction client of the change it describes. */
export function writeAudit(
  tx: Prisma.TransactionClient,
  actor: Pick<Actor, "userId" | "institutionId">,
  entry: AuditEntry,
) {
  return tx.auditLog.create({
    data: {
      userId: actor.userId,
      institutionId: actor.institutionId,
      action: entry.action,
      resource: entry.resource,
      resourceId: entry.resourceId ?? null,
      details: entry.details,
    },
  });
}
