import { GRIEVANCE_CATEGORIES, routeGrievance, SEVERITIES } from "@edu/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { mutateWithAudit } from "../../audit/mutate";
import { studentProcedure } from "../../trpc";
import { text } from "../../validation/text";
import { loadRoutingInput } from "./candidates";
import { grievanceSelect, publishStatus } from "./shared";

export const fileInput = z.object({
  category: z.enum(GRIEVANCE_CATEGORIES),
  severity: z.enum(SEVERITIES),
  description: text(5_000, { trim: true }),
  classId: z.uuid().optional(),
  submissionId: z.uuid().optional(),
  feedbackId: z.uuid().optional(),
});

/** A student files a grievance; it is routed at once (README, "Grievance routing"). */
export const file = studentProcedure.input(fileInput).mutation(({ ctx, input }) =>
  mutateWithAudit(ctx.deps, ctx.actor, { action: "grievance.file", resource: "grievance" }, async (tx) => {
    // Filings of one institution are routed one at a time, so each sees the workload the last one left.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ctx.actor.institutionId}))`;
    const student = await tx.student.findUniqueOrThrow({
      where: { id: ctx.actor.studentId },
      select: { id: true, mentorId: true },
    });
    const decision = routeGrievance(
      await loadRoutingInput(tx, { ...student, institutionId: ctx.actor.institutionId }, input, input),
    );
    if (decision.assignedToId === null) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "Your institution has no admin to route this grievance to",
      });
    }
    const created = await tx.grievance.create({
      data: { ...input, studentId: student.id, assignedToId: decision.assignedToId },
      select: grievanceSelect,
    });
    const routed = { rule: decision.rule, assignedToId: decision.assignedToId };
    await tx.grievanceAuditLog.createMany({
      data: [
        {
          grievanceId: created.id,
          actorId: ctx.actor.userId,
          action: "FILED",
          details: { category: input.category, severity: input.severity },
        },
        { grievanceId: created.id, actorId: null, action: "ROUTED", details: routed },
      ],
    });
    return {
      result: created,
      resourceId: created.id,
      details: routed,
      after: [publishStatus(ctx.deps, created.id, created.status)],
    };
  }),
);
