import type { Prisma } from "@edu/db";
import { canTransition, type GrievanceStatus, transitionAction } from "@edu/domain";
import { TRPCError } from "@trpc/server";
import { found, manageableGrievances } from "../../access/scope";
import { mutateWithAudit } from "../../audit/mutate";
import type { AuthedContext } from "../../trpc";
import { grievanceSelect, publishStatus } from "./shared";

/** Moves a grievance from its current status to `to`, with its audit rows, in one transaction. */
export function transition(
  { deps, actor }: Pick<AuthedContext, "deps" | "actor">,
  id: string,
  to: GrievanceStatus,
  extra: { note?: string; resolution?: string },
) {
  return mutateWithAudit(deps, actor, { action: "grievance.status", resource: "grievance" }, async (tx) => {
    const current = found(
      await tx.grievance.findFirst({
        where: { AND: [{ id }, manageableGrievances(actor)] },
        select: { status: true },
      }),
      "Grievance",
    );
    if (!canTransition(current.status, to)) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `status: cannot go from ${current.status} to ${to}`,
      });
    }
    const data: Prisma.GrievanceUpdateManyMutationInput = { status: to };
    if (to === "RESOLVED") {
      data.resolvedAt = new Date();
      data.resolution = extra.resolution ?? extra.note ?? null;
    }
    if (to === "OPEN") {
      // Reopened: the old resolution stays in the history, not on the grievance.
      data.resolvedAt = null;
      data.resolution = null;
    }
    // Conditional on the status read above: of two concurrent transitions only one applies.
    const { count } = await tx.grievance.updateMany({ where: { id, status: current.status }, data });
    if (count === 0)
      throw new TRPCError({ code: "CONFLICT", message: "The grievance changed meanwhile; reload it" });
    const details = {
      from: current.status,
      to,
      ...(extra.note ? { note: extra.note } : {}),
      ...(extra.resolution ? { resolution: extra.resolution } : {}),
    };
    await tx.grievanceAuditLog.create({
      data: { grievanceId: id, actorId: actor.userId, action: transitionAction(to), details },
    });
    return {
      result: await tx.grievance.findUniqueOrThrow({ where: { id }, select: grievanceSelect }),
      resourceId: id,
      details,
      after: [publishStatus(deps, id, to)],
    };
  });
}
