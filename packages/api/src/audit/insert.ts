// The AuditLog row of a mutation, written with one plain INSERT: through the ORM, `auditLog.create` compiled a
// query per call and read the whole row back, which no caller uses (a third of submission.create's CPU went to
// the ORM). Same columns and values as `tx.auditLog.create` wrote; the table's triggers and privileges apply.
import type { Prisma } from "@edu/db";

export type AuditRow = {
  userId: string;
  institutionId: string;
  action: string;
  resource: string;
  resourceId: string | null;
  details?: Prisma.InputJsonValue;
};

export async function insertAuditRow(tx: Prisma.TransactionClient, row: AuditRow): Promise<void> {
  const details = row.details === undefined ? null : JSON.stringify(row.details);
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("userId", "institutionId", "action", "resource", "resourceId", "details", "createdAt")
    VALUES (${row.userId}::uuid, ${row.institutionId}::uuid, ${row.action}, ${row.resource}, ${row.resourceId},
            ${details}::jsonb, ${new Date().toISOString()}::timestamptz)`;
}
