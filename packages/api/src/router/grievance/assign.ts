import { z } from "zod";
import { found, manageableGrievances } from "../../access/scope";
import { mutateWithAudit } from "../../audit/mutate";
import { adminProcedure } from "../../trpc";
import { grievanceSelect, publishStatus } from "./shared";

export const assignInput = z.object({ grievanceId: z.uuid(), assignedToId: z.uuid() });

/** An admin hands a grievance to another staff member of the institution. */
export const assign = adminProcedure.input(assignInput).mutation(({ ctx, input }) =>
  mutateWithAudit(ctx.deps, ctx.actor, { action: "grievance.assign", resource: "grievance" }, async (tx) => {
    const current = found(
      await tx.grievance.findFirst({
        where: { AND: [{ id: input.grievanceId }, manageableGrievances(ctx.actor)] },
        select: { assignedToId: true },
      }),
      "Grievance",
    );
    const assignee = found(
      await tx.user.findFirst({
        where: { id: input.assignedToId, institutionId: ctx.actor.institutionId, role: { not: "STUDENT" } },
      }),
      "Staff member",
    );
    const details = { from: current.assignedToId, to: assignee.id };
    const updated = await tx.grievance.update({
      where: { id: input.grievanceId },
      data: { assignedToId: assignee.id },
      select: grievanceSelect,
    });
    await tx.grievanceAuditLog.create({
      data: { grievanceId: input.grievanceId, actorId: ctx.actor.userId, action: "ASSIGNED", details },
    });
    return {
      result: updated,
      resourceId: input.grievanceId,
      details,
      after: [publishStatus(ctx.deps, updated.id, updated.status)],
    };
  }),
);
